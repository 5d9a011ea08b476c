//! A project's lines in the staffing view: who is on each, pins, the
//! learner a line takes, and whom a lead could pin instead.

use crate::analysis::{LineStaffing, Need, ProjectStaffing};
use crate::app::Command;
use crate::report::need_text;
use crate::ui::ViewCtx;
use crate::ui::widgets::{alert_colour, ok_colour};
use crate::words::count_of;
use eframe::egui::{self, RichText};

pub(super) fn lines_ui(
    view: &mut ViewCtx,
    ui: &mut egui::Ui,
    index: usize,
    proposal: &ProjectStaffing,
) {
    let mut action = None;
    for line in &proposal.lines {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(need_text(&line.need)).strong());
                ui.label(format!(
                    "{} at {:.2} FTE",
                    count_of(line.people as usize, "person", "people"),
                    line.fte_each
                ));
                if ui.small_button("Remove line").clicked() {
                    action = Some(Command::RemoveLine {
                        project: index,
                        line: line.line,
                    });
                }
                if matches!(line.need, Need::Skill { .. }) {
                    let share = view.state.workspace().projects[index].learner_share(line.line);
                    let mut takes = share.is_some();
                    if ui
                        .checkbox(&mut takes, "Take a learner")
                        .on_hover_text(
                            "Place someone one level short who wants to grow in the skill (or \
                             has a target in it) beside a member at the line's level, for 0.2 \
                             of their time: growth, not cover",
                        )
                        .changed()
                    {
                        action = Some(Command::SetLearner {
                            project: index,
                            line: line.line,
                            share: takes.then_some(crate::model::DEFAULT_LEARNER_SHARE),
                        });
                    }
                }
            });
            if let Some(said) = line.learner_sentence() {
                ui.label(RichText::new(said).color(ok_colour()));
            } else if view.state.workspace().projects[index]
                .learner_share(line.line)
                .is_some()
            {
                ui.label(
                    RichText::new(
                        "No learner: nobody one level short who wants to grow, or has a target, \
                         has the time, or the line has no member at its level",
                    )
                    .weak(),
                );
            }
            let min_level = match &line.need {
                Need::Skill { min_level, .. } => Some(*min_level),
                Need::Role { .. } => None,
            };
            for assigned in &line.assigned {
                ui.horizontal_wrapped(|ui| {
                    let level = assigned
                        .level
                        .map_or(String::new(), |l| format!("level {}, ", l.get()));
                    ui.label(format!(
                        "{} ({level}fit {}, {:.2} FTE free)",
                        assigned.member.name,
                        whole(assigned.fit),
                        assigned.free_fte.max(0.0)
                    ));
                    if let (Some(needed), true) = (min_level, assigned.pinned)
                        && assigned.level.is_none_or(|level| level < needed)
                    {
                        ui.label(
                            RichText::new(format!("below level {}", needed.get()))
                                .color(alert_colour()),
                        );
                    }
                    if assigned.on_growth {
                        ui.label(
                            RichText::new("counting on their target")
                                .small()
                                .color(alert_colour()),
                        );
                    }
                    let member = assigned.member.index;
                    if assigned.pinned {
                        ui.label(RichText::new("pinned").small().color(ok_colour()));
                        if ui.small_button("Unpin").clicked() {
                            action = Some(Command::Unpin {
                                project: index,
                                line: line.line,
                                member,
                            });
                        }
                    } else if ui
                        .small_button("Pin")
                        .on_hover_text("Keep them here whatever changes")
                        .clicked()
                    {
                        action = Some(Command::Pin {
                            project: index,
                            line: line.line,
                            member,
                            fte: line.fte_each,
                        });
                    }
                    if ui
                        .small_button("Take off")
                        .on_hover_text("Never propose them for this line again")
                        .clicked()
                    {
                        action = Some(Command::TakeOff {
                            project: index,
                            line: line.line,
                            member,
                        });
                    }
                });
            }
            if let Some(member) = candidate_picker_ui(ui, line) {
                action = Some(Command::Pin {
                    project: index,
                    line: line.line,
                    member,
                    fte: line.fte_each,
                });
            }
            if let Some(reason) = &line.reason {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("{} open: {reason}", line.unfilled))
                            .color(alert_colour()),
                    )
                    .wrap(),
                );
            }
        });
    }
    if let Some(command) = action {
        view.send(command);
    }
}

/// A lead's own choice for a line: anyone able, best fit first with their
/// free time, and a few under the level, marked. Returns whom to pin.
fn candidate_picker_ui(ui: &mut egui::Ui, line: &LineStaffing) -> Option<usize> {
    let on_line: Vec<usize> = line.assigned.iter().map(|a| a.member.index).collect();
    let offered: Vec<_> = line
        .candidates
        .iter()
        .filter(|c| !on_line.contains(&c.member.index))
        .collect();
    if offered.is_empty() {
        return None;
    }
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Pin someone else");
        let combo = egui::ComboBox::from_id_salt(("pin-candidate", line.line))
            .selected_text("choose a member")
            .width(260.0)
            .show_ui(ui, |ui| {
                for candidate in &offered {
                    let level = candidate
                        .level
                        .map_or(String::new(), |l| format!("level {}, ", l.get()));
                    let text = if candidate.below {
                        RichText::new(format!(
                            "{} ({level}below the line's level, {:.2} FTE free)",
                            candidate.member.name, candidate.free_fte
                        ))
                        .color(alert_colour())
                    } else {
                        RichText::new(format!(
                            "{} ({level}fit {}, {:.2} FTE free)",
                            candidate.member.name,
                            whole(candidate.fit),
                            candidate.free_fte
                        ))
                    };
                    if ui.selectable_label(false, text).clicked() {
                        picked = Some(candidate.member.index);
                    }
                }
            });
        combo.response.labelled_by(label.id);
    });
    picked
}

/// A fit or total as a whole number, never "-0".
pub(super) fn whole(value: f64) -> String {
    format!("{:.0}", value.max(0.0))
}
