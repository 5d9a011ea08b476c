//! The review: each member's own rating beside the manager's where they
//! differ, widest first or by team; the manager accepts the self rating,
//! keeps theirs or sets another, each an undoable manager rating.

use super::ViewCtx;
use super::widgets;
use crate::app::Command;
use crate::model::Level;
use eframe::egui::{self, RichText};

pub fn review_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let review = state.review();
    ui.heading("Review");
    ui.horizontal(|ui| {
        ui.label(crate::analysis::review_progress(&review.differences));
        ui.separator();
        let label = ui.label("Differ by at least");
        let mut threshold = review.threshold;
        if ui
            .add(
                egui::DragValue::new(&mut threshold)
                    .range(1..=4)
                    .suffix(" level"),
            )
            .labelled_by(label.id)
            .changed()
        {
            view.send(Command::SetReviewThreshold(threshold));
        }
        ui.separator();
        ui.checkbox(&mut view.selection.review.by_team, "Group by team");
    });
    if review.differences.is_empty() {
        widgets::none_line(
            ui,
            "No self ratings differ from the manager's. File > Export > Self-assessment forms writes the \
             forms; File > Import > Filled self-assessment forms takes them back.",
        );
        return;
    }
    let mut order: Vec<usize> = (0..review.differences.len()).collect();
    if view.selection.review.by_team {
        order.sort_by(|&a, &b| {
            let (a, b) = (&review.differences[a], &review.differences[b]);
            a.team.cmp(&b.team).then(a.member.name.cmp(&b.member.name))
        });
    }
    let mut decision = None;
    // Fixed column widths, so the header lines up over rows drawn only
    // where they are visible.
    const WIDTHS: [f32; 9] = [150.0, 90.0, 170.0, 40.0, 70.0, 50.0, 45.0, 120.0, 150.0];
    let headings = [
        "Member", "Team", "Skill", "Self", "Manager", "Apart", "Grow", "Evidence", "Work",
        "Decision",
    ];
    let work = &view.state.derived().work;
    ui.horizontal(|ui| {
        let widths = WIDTHS.iter().chain([&200.0]);
        for (column, (heading, width)) in headings.iter().zip(widths).enumerate() {
            let text = egui::Label::new(RichText::new(*heading).strong());
            if !(3..7).contains(&column) {
                ui.allocate_ui_with_layout(
                    egui::vec2(*width, 18.0),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.set_width(*width);
                        ui.add(text);
                    },
                );
            } else {
                ui.add_sized([*width, 18.0], text);
            }
        }
    });
    ui.separator();
    let row_height = ui.spacing().interact_size.y + 6.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, order.len(), |ui, range| {
            for &index in &order[range] {
                let difference = &review.differences[index];
                ui.horizontal(|ui| {
                    ui.set_min_height(row_height - 4.0);
                    let manager = difference
                        .manager_level
                        .map_or("not assessed".to_string(), |level| level.get().to_string());
                    let cells = [
                        difference.member.name.to_string(),
                        difference.team.clone().unwrap_or_else(|| "—".to_string()),
                        difference.skill.name.to_string(),
                        difference.self_level.get().to_string(),
                        manager,
                        if difference.manager_level.is_none() {
                            "new".to_string()
                        } else {
                            difference.gap().to_string()
                        },
                        if difference.wants_to_grow { "yes" } else { "" }.to_string(),
                        difference.evidence.clone().unwrap_or_default(),
                        work_text(work, difference.member.index, difference.column),
                    ];
                    let (member_row, skill_column) = (difference.member.index, difference.column);
                    // Names and evidence read from the left; levels sit centred.
                    for (column, (text, width)) in cells.iter().zip(WIDTHS).enumerate() {
                        if !(3..7).contains(&column) {
                            ui.allocate_ui_with_layout(
                                egui::vec2(width, 18.0),
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    ui.set_width(width);
                                    let label = ui.add(egui::Label::new(text).truncate());
                                    if column == 7 && !text.is_empty() {
                                        label.on_hover_text(text);
                                    } else if column == 8 && !text.is_empty() {
                                        label.on_hover_text(
                                            work.get(member_row, skill_column)
                                                .map_or(String::new(), |found| {
                                                    found.sentence(&difference.skill.name)
                                                }),
                                        );
                                    }
                                },
                            );
                        } else {
                            ui.add_sized([width, 18.0], egui::Label::new(text));
                        }
                    }
                    let (member, skill) = (difference.member.index, difference.column);
                    match difference.decided {
                        Some(level) => {
                            ui.label(
                                RichText::new(format!(
                                    "decided: {}",
                                    level.map_or("not assessed".to_string(), |l| l
                                        .get()
                                        .to_string())
                                ))
                                .color(widgets::ok_colour()),
                            );
                        }
                        None => {
                            let own = difference.self_level;
                            if ui.button(format!("Accept {}", own.get())).clicked() {
                                decision = Some((member, skill, Some(own)));
                            }
                            let keep = difference.manager_level;
                            let keep_text = keep.map_or("Keep not assessed".to_string(), |l| {
                                format!("Keep {}", l.get())
                            });
                            if ui.button(keep_text).clicked() {
                                decision = Some((member, skill, keep));
                            }
                            ui.menu_button("Set", |ui| {
                                for level in Level::ALL {
                                    if ui.button(level.get().to_string()).clicked() {
                                        decision = Some((member, skill, Some(level)));
                                        ui.close();
                                    }
                                }
                            })
                            .response
                            .on_hover_text("Record another level as the manager's");
                        }
                    }
                });
            }
        });
    if let Some((member, skill, level)) = decision {
        view.send(Command::Decide {
            member,
            skill,
            level,
        });
    }
}

/// A cell's work in a few words: "12 commits lately, last 2026-11-30",
/// marked when it disagrees with the rating of record.
fn work_text(work: &crate::analysis::WorkCells, member: usize, column: usize) -> String {
    let Some(found) = work.get(member, column) else {
        return String::new();
    };
    let mut text = if found.recent_commits > 0 {
        format!(
            "{} lately, last {}",
            commits(found.recent_commits),
            found.last
        )
    } else {
        format!("none lately, last {}", found.last)
    };
    if work.disagreement(member, column).is_some() {
        text.push_str(" (disagrees)");
    }
    text
}

fn commits(count: u32) -> String {
    crate::words::count_of(count as usize, "commit", "commits")
}
