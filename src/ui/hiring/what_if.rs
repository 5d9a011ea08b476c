//! The hiring view's what-if plan: planned hires (a manager's reports
//! with them) and departures, and what they change before anything is
//! applied.

use crate::analysis::Analysis;
use crate::app::{Command, FileIntent, PlanFormat};
use crate::ui::UiCommand;
use crate::ui::ViewCtx;
use crate::ui::widgets::{self, alert_colour, money, ok_colour};
use eframe::egui::{self, RichText};

/// The plan being tried: what it holds, and what it changes.
pub(super) fn what_if_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    widgets::section(ui, "What if");
    ui.label(
        RichText::new(
            "Planned hires and departures change the figures below; the roster stays as it is until you apply the plan.",
        )
        .weak(),
    );
    add_hire_ui(view, ui);
    add_departure_ui(view, ui);

    let workspace = state.workspace();
    let plan = &workspace.plan;
    // Names and reports as last analysed; a frame behind an edit they may
    // be missing, and the keys stand in.
    let lists = state.insights().results().map(|results| &results.lists);
    for (index, hire) in plan.hires.iter().enumerate() {
        let role = workspace.role(&hire.role);
        ui.horizontal(|ui| {
            ui.label(format!(
                "Planned hire {}: {}{}",
                index + 1,
                crate::report::planned_hire_title(workspace, hire),
                hire.team
                    .as_deref()
                    .map_or(String::new(), |team| format!(" in {team}"))
            ));
            if let Some(band) = role.and_then(|r| r.salary.as_ref()) {
                ui.label(
                    RichText::new(format!("{} {}", money(band.midpoint()), band.currency)).weak(),
                );
            }
            if ui.small_button("Remove").clicked() {
                view.send(Command::UnplanHire(index));
            }
        });
        let reports = lists.and_then(|lists| lists.planned_reports.get(index));
        if role.is_some_and(|r| r.span.is_some())
            && let Some(reports) = reports
        {
            planned_reports_ui(view, ui, index, reports);
        }
    }
    for (index, key) in plan.departures.iter().enumerate() {
        let name = lists
            .and_then(|lists| lists.departure_names.get(index))
            .unwrap_or(key);
        ui.horizontal(|ui| {
            ui.label(format!("Planned departure: {name}"));
            if ui.small_button("Remove").clicked() {
                view.send(Command::UnplanDeparture(index));
            }
        });
    }

    let Some(results) = state.insights().results() else {
        return;
    };
    let before = &results.analysis;
    let after = results.shown();
    let (planned, unpriced) = results.planned_cost;
    egui::Grid::new("what-if")
        .num_columns(3)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new("Roster now").strong());
            ui.label(RichText::new("With the plan").strong());
            ui.end_row();
            compare_row(
                ui,
                "Single points of failure",
                before.bus_factor.len(),
                after.bus_factor.len(),
            );
            let nobody = |analysis: &Analysis| {
                analysis
                    .bus_factor
                    .iter()
                    .filter(|risk| risk.leaders.is_empty())
                    .count()
            };
            compare_row(
                ui,
                "Required skills nobody can lead",
                nobody(before),
                nobody(after),
            );
            compare_row(
                ui,
                "Required skills short",
                short_skills(before),
                short_skills(after),
            );
            compare_row(
                ui,
                "Span breaches",
                before.span_of_control.breaches.len(),
                after.span_of_control.breaches.len(),
            );
            ui.label("Hires still recommended");
            ui.label(format!(
                "{} ({})",
                before.hiring.hires.len(),
                money(before.hiring.total.mid)
            ));
            ui.label(format!(
                "{} ({})",
                after.hiring.hires.len(),
                money(after.hiring.total.mid)
            ));
            ui.end_row();
        });
    // Each skill whose leads the plan changes: a skill going from one
    // lead to none is a new gap, even when the count of risks stays.
    let changes = &results.lead_changes;
    if !changes.is_empty() {
        let new_gaps = changes.iter().filter(|change| change.new_gap).count();
        ui.label(
            RichText::new(if new_gaps > 0 {
                format!(
                    "Leads the plan changes ({}):",
                    crate::words::count_of(new_gaps, "new gap", "new gaps")
                )
            } else {
                "Leads the plan changes:".to_string()
            })
            .strong(),
        );
        for change in changes.iter().take(12) {
            let text = crate::report::bench_change_text(&crate::analysis::BenchChange {
                skill: change.skill.clone(),
                before: change.before,
                after: change.after,
            });
            if change.new_gap {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{text}: a new gap, nobody left to lead it"),
                );
            } else {
                ui.label(text);
            }
        }
        if changes.len() > 12 {
            ui.weak(format!("and {} more", changes.len() - 12));
        }
    }
    ui.label(
        RichText::new(format!(
            "Planned hires cost {} a year (low {} / high {}){}",
            money(planned.mid),
            money(planned.low),
            money(planned.high),
            if unpriced > 0 {
                format!(", and {unpriced} with no salary band")
            } else {
                String::new()
            }
        ))
        .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        let has_plan = !plan.is_empty();
        if ui
            .add_enabled(has_plan, egui::Button::new("Apply plan to roster"))
            .on_hover_text("Planned hires join as placeholder members at their role's levels; departures leave. Undoable.")
            .clicked()
        {
            view.send(Command::ApplyPlan);
        }
        if ui.button("Export plan CSV…").clicked() {
            view.send(UiCommand::AskForFile(FileIntent::ExportPlan(PlanFormat::Csv)));
        }
        if ui.button("Export HTML report…").clicked() {
            view.send(UiCommand::AskForFile(FileIntent::ExportPlan(PlanFormat::Html)));
        }
    });
}

/// Who a planned manager would take on: the reports the plan moves, each
/// with a box to keep them where they are; and the others of the managers
/// they come from, to move them too.
fn planned_reports_ui(
    view: &mut ViewCtx,
    ui: &mut egui::Ui,
    index: usize,
    reports: &crate::app::PlannedReports,
) {
    let workspace = view.state.workspace();
    let heading = if reports.moved.is_empty() {
        "takes no reports yet".to_string()
    } else {
        format!(
            "takes {} from {}",
            crate::words::count_of(reports.moved.len(), "report", "reports"),
            reports.from_names.join(", ")
        )
    };
    egui::CollapsingHeader::new(RichText::new(heading).weak())
        .id_salt(("planned-reports", index))
        .show(ui, |ui| {
            if reports.candidates.is_empty() {
                ui.label(RichText::new("Nobody reports to them in the plan.").weak());
            }
            for &member in &reports.candidates {
                let Some(record) = workspace.members.get(member) else {
                    continue;
                };
                let mut checked = reports.moved.contains(&member);
                if ui.checkbox(&mut checked, &record.name).changed() {
                    view.send(Command::SetPlannedReport {
                        hire: index,
                        member,
                        reports: checked,
                    });
                }
            }
        });
}

fn short_skills(analysis: &Analysis) -> usize {
    analysis.team_gaps.first().map_or(0, |team| {
        team.gaps.iter().filter(|gap| gap.bench_deficit > 0).count()
    })
}

fn compare_row(ui: &mut egui::Ui, what: &str, before: usize, after: usize) {
    ui.label(what);
    ui.label(before.to_string());
    let colour = match after.cmp(&before) {
        std::cmp::Ordering::Less => ok_colour(),
        std::cmp::Ordering::Greater => alert_colour(),
        std::cmp::Ordering::Equal => ui.visuals().text_color(),
    };
    ui.label(RichText::new(after.to_string()).color(colour).strong());
    ui.end_row();
}

fn add_hire_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let workspace = state.workspace();
    let roles: Vec<(usize, String)> = workspace
        .roles
        .iter()
        .enumerate()
        .filter(|(_, role)| role.salary.is_some())
        .map(|(index, role)| (index, role.title.clone()))
        .collect();
    let chosen = view
        .selection
        .hiring
        .role
        .filter(|&index| index < workspace.roles.len());
    let mut picked = chosen;
    let mut team = view.selection.hiring.team.clone();
    let mut to_plan = None;
    let teams = &state.derived().teams;
    egui::Grid::new("plan-hire").num_columns(2).show(ui, |ui| {
        let label = ui.label("Plan a hire");
        egui::ComboBox::from_id_salt("plan-role")
            .selected_text(chosen.map_or("choose a role".to_string(), |index| {
                workspace.roles[index].title.clone()
            }))
            .width(240.0)
            .show_ui(ui, |ui| {
                for (index, title) in &roles {
                    ui.selectable_value(&mut picked, Some(*index), title);
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        let label = ui.label("in team");
        egui::ComboBox::from_id_salt("plan-team")
            .selected_text(team.clone().unwrap_or_else(|| "no team".to_string()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut team, None, "no team");
                for name in teams {
                    ui.selectable_value(&mut team, Some(name.clone()), name);
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        ui.label("");
        if ui
            .add_enabled(picked.is_some(), egui::Button::new("Add planned hire"))
            .clicked()
            && let Some(index) = picked
        {
            to_plan = Some(workspace.roles[index].id.clone());
        }
        ui.end_row();
    });
    view.selection.hiring.role = picked;
    view.selection.hiring.team = team.clone();
    if let Some(role) = to_plan {
        view.send(Command::PlanHire {
            role,
            team,
            specialty: None,
        });
    }
}

fn add_departure_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let mut chosen = view
        .selection
        .hiring
        .departure
        .filter(|&member| member < state.workspace().members.len());
    egui::Grid::new("plan-departure-grid")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Plan a departure");
            ui.add(
                egui::TextEdit::singleline(&mut view.selection.people.member_query)
                    .hint_text("find a member")
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            ui.label("");
            let matches = state.members_matching();
            let workspace = state.workspace();
            let row_height = ui.spacing().interact_size.y;
            let combo = egui::ComboBox::from_id_salt("plan-departure")
                .selected_text(chosen.map_or(format!("{} members", matches.len()), |m| {
                    workspace.members[m].name.clone()
                }))
                .width(240.0)
                .show_ui(ui, |ui| {
                    egui::ScrollArea::vertical().max_height(260.0).show_rows(
                        ui,
                        row_height,
                        matches.len(),
                        |ui, range| {
                            for &member in &matches[range] {
                                ui.selectable_value(
                                    &mut chosen,
                                    Some(member),
                                    &workspace.members[member].name,
                                );
                            }
                        },
                    );
                });
            widgets::name_widget(&combo.response, "Member to leave");
            ui.end_row();
            ui.label("");
            if ui
                .add_enabled(chosen.is_some(), egui::Button::new("Add planned departure"))
                .clicked()
                && let Some(member) = chosen
            {
                view.send(Command::PlanDeparture(member));
                chosen = None;
            }
            ui.end_row();
        });
    view.selection.hiring.departure = chosen;
}
