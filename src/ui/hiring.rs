//! The hiring plan: upskilling first, then ranked hires with their cost, span
//! breaches and a budget; and the what-if plan of hires and departures, with
//! its effect on gaps, bus factor and cost before anything is applied.

use super::ViewCtx;
use super::widgets::{self, alert_colour, money, ok_colour};
use crate::analysis::{Analysis, HireReason};
use crate::app::{Command, FileIntent, PlanFormat};
use crate::model::RoleId;
use crate::ui::UiCommand;
use eframe::egui::{self, RichText};

pub fn hiring_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    widgets::view_heading(ui, "Hiring plan", view.state.insights().updating());
    ui.horizontal(|ui| {
        widgets::team_filter_ui(view, ui);
        ui.add_space(12.0);
        budget_ui(view, ui);
    });
    let mut export = None;
    let width = ui.available_width();
    egui::Panel::right("what-if")
        .resizable(true)
        .default_size((width * 0.34).clamp(300.0, 640.0))
        .size_range(280.0..=width * 0.6)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| what_if_ui(view, ui, &mut export));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| recommendations_ui(view, ui));
    });
    if let Some(format) = export {
        view.send(UiCommand::AskForFile(FileIntent::ExportPlan(format)));
    }
}

fn budget_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let label = ui.label("Budget");
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut view.forms.budget_text)
                .hint_text("none")
                .desired_width(110.0),
        )
        .labelled_by(label.id);
    let typed = view.forms.budget_text.replace([',', ' ', '_'], "");
    let budget = if typed.is_empty() {
        Ok(None)
    } else {
        typed
            .parse::<f64>()
            .ok()
            .filter(|value| value.is_finite() && *value >= 0.0)
            .map(Some)
            .ok_or(())
    };
    if let Ok(Some(value)) = budget
        && response.lost_focus()
    {
        view.forms.budget_text = money(value);
    }
    match budget {
        Ok(budget) => {
            ui.label(RichText::new("a year, at midpoints").weak());
            if state.insight_options().budget != budget {
                let mut options = state.insight_options().clone();
                options.budget = budget;
                view.send(Command::SetInsightOptions(options));
            }
        }
        Err(()) => {
            ui.label(RichText::new("type an amount, such as 500,000").color(alert_colour()));
        }
    }
}

/// The plan being tried: what it holds, and what it changes.
fn what_if_ui(view: &mut ViewCtx, ui: &mut egui::Ui, export: &mut Option<PlanFormat>) {
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
    let mut remove_hire = None;
    let mut remove_departure = None;
    let mut move_report = None;
    for (index, hire) in plan.hires.iter().enumerate() {
        let role = workspace.role(&hire.role);
        ui.horizontal(|ui| {
            ui.label(format!(
                "Planned hire {}: {}{}",
                index + 1,
                role.map_or(hire.role.as_str(), |r| r.title.as_str()),
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
                remove_hire = Some(index);
            }
        });
        if role.is_some_and(|r| r.span.is_some()) {
            planned_reports_ui(ui, workspace, index, &mut move_report);
        }
    }
    for (index, key) in plan.departures.iter().enumerate() {
        let name = workspace.find_member(key).map_or(key.as_str(), |member| {
            workspace.members[member].name.as_str()
        });
        ui.horizontal(|ui| {
            ui.label(format!("Planned departure: {name}"));
            if ui.small_button("Remove").clicked() {
                remove_departure = Some(index);
            }
        });
    }
    if let Some(index) = remove_hire {
        view.send(Command::UnplanHire(index));
    }
    if let Some(index) = remove_departure {
        view.send(Command::UnplanDeparture(index));
    }
    if let Some((hire, member, reports)) = move_report {
        view.send(Command::SetPlannedReport {
            hire,
            member,
            reports,
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
            *export = Some(PlanFormat::Csv);
        }
        if ui.button("Export HTML report…").clicked() {
            *export = Some(PlanFormat::Html);
        }
    });
}

/// Who a planned manager would take on: the reports the plan moves, each
/// with a box to keep them where they are; and the others of the managers
/// they come from, to move them too.
fn planned_reports_ui(
    ui: &mut egui::Ui,
    workspace: &crate::model::Workspace,
    index: usize,
    move_report: &mut Option<(usize, usize, bool)>,
) {
    let hire = &workspace.plan.hires[index];
    let moved: Vec<usize> = hire
        .reports
        .iter()
        .filter_map(|key| workspace.find_member(key))
        .collect();
    let from: Vec<String> = {
        let mut names: Vec<String> = moved
            .iter()
            .filter_map(|&m| workspace.members[m].manager.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    };
    let from_names: Vec<&str> = from
        .iter()
        .map(|key| {
            workspace
                .find_member(key)
                .map_or(key.as_str(), |m| workspace.members[m].name.as_str())
        })
        .collect();
    let heading = if moved.is_empty() {
        "takes no reports yet".to_string()
    } else {
        format!(
            "takes {} from {}",
            crate::io::count_of(moved.len(), "report", "reports"),
            from_names.join(", ")
        )
    };
    egui::CollapsingHeader::new(RichText::new(heading).weak())
        .id_salt(("planned-reports", index))
        .show(ui, |ui| {
            let candidates: Vec<usize> = (0..workspace.members.len())
                .filter(|&m| {
                    moved.contains(&m)
                        || workspace.members[m]
                            .manager
                            .as_ref()
                            .is_some_and(|manager| from.contains(manager))
                })
                .collect();
            if candidates.is_empty() {
                ui.label(RichText::new("Nobody reports to them in the plan.").weak());
            }
            for member in candidates {
                let mut checked = moved.contains(&member);
                if ui
                    .checkbox(&mut checked, &workspace.members[member].name)
                    .changed()
                {
                    *move_report = Some((index, member, checked));
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
        .forms
        .hire_role
        .filter(|&index| index < workspace.roles.len());
    let mut picked = chosen;
    let mut team = view.forms.hire_team.clone();
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
    view.forms.hire_role = picked;
    view.forms.hire_team = team.clone();
    if let Some(role) = to_plan {
        view.send(Command::PlanHire { role, team });
    }
}

fn add_departure_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let mut chosen = view
        .forms
        .departure
        .filter(|&member| member < state.workspace().members.len());
    egui::Grid::new("plan-departure-grid")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Plan a departure");
            ui.add(
                egui::TextEdit::singleline(&mut view.forms.member_query)
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
    view.forms.departure = chosen;
}

/// What the analysis recommends with the plan in place.
fn recommendations_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let Some(results) = widgets::results(state, ui) else {
        return;
    };
    let analysis = results.shown();
    let plan = &analysis.hiring;
    let mut to_plan: Option<(RoleId, Option<(String, u32)>)> = None;

    widgets::section(ui, "Ask first: people one level short who want to grow");
    if plan.upskilling.is_empty() {
        widgets::none_line(
            ui,
            "Nobody one level short of a thin skill has said they want to grow in it.",
        );
    }
    if !plan.upskilling.is_empty() {
        egui::Grid::new("upskilling")
            .num_columns(4)
            .striped(true)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for heading in ["Member", "Skill", "Now", "Needs"] {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                for option in plan.upskilling.iter().take(widgets::LISTED) {
                    ui.label(&*option.member.name);
                    ui.label(&*option.skill.name);
                    ui.label(option.has.get().to_string());
                    ui.label(option.needs.get().to_string());
                    ui.end_row();
                }
            });
    }

    widgets::more_line(ui, plan.upskilling.len());
    widgets::section(ui, "Recommended hires");
    let planned = &state.workspace().plan.hires;
    if !planned.is_empty() {
        let workspace = state.workspace();
        let titles: Vec<String> = planned
            .iter()
            .map(|hire| {
                let title = workspace
                    .role(&hire.role)
                    .map_or(hire.role.to_string(), |r| r.title.clone());
                if hire.reports.is_empty() {
                    title
                } else {
                    format!(
                        "{title} taking {}",
                        crate::io::count_of(hire.reports.len(), "report", "reports")
                    )
                }
            })
            .collect();
        ui.label(
            RichText::new(format!(
                "Planned in the what-if: {}. The list below is what is still needed with them.",
                titles.join(", ")
            ))
            .color(ok_colour()),
        );
    }
    if plan.hires.is_empty() {
        widgets::none_line(
            ui,
            "No hire needed: no span breach and no skill short that a library role brings.",
        );
    }
    // The reasons take what the money columns leave of a wide window.
    let why_width = (ui.available_width() - 520.0).clamp(240.0, 560.0);
    let currency = plan
        .hires
        .first()
        .map_or(String::new(), |h| format!(" ({})", h.currency));
    egui::Grid::new("hires")
        .num_columns(7)
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for heading in [
                "#".to_string(),
                "Role and why".to_string(),
                String::new(),
                format!("Low{currency}"),
                format!("Mid{currency}"),
                format!("High{currency}"),
                "Running total".to_string(),
            ] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for hire in plan.hires.iter().take(widgets::LISTED) {
                ui.label(hire.rank.to_string());
                let title = if hire.estimated_cost {
                    format!("{}*", hire.role.title)
                } else {
                    hire.role.title.to_string()
                };
                ui.vertical(|ui| {
                    ui.set_max_width(why_width);
                    ui.label(title);
                    ui.add(
                        egui::Label::new(RichText::new(crate::report::hire_reason(hire)).weak())
                            .wrap(),
                    );
                });
                let plan_it = ui
                    .small_button("Plan this hire")
                    .on_hover_text("Add it to the what-if plan")
                    .clicked();
                ui.label(money(hire.cost.low));
                ui.label(money(hire.cost.mid));
                ui.label(money(hire.cost.high));
                ui.label(money(hire.running_total));
                if plan_it {
                    let span = match &hire.reason {
                        HireReason::SpanOfControl {
                            manager, span_max, ..
                        } => Some((
                            manager
                                .email
                                .as_deref()
                                .unwrap_or(&manager.name)
                                .to_string(),
                            *span_max,
                        )),
                        HireReason::Skills => None,
                    };
                    to_plan = Some((RoleId::new(&*hire.role.id), span));
                }
                ui.end_row();
            }
        });
    widgets::more_line(ui, plan.hires.len());
    if !plan.hires.is_empty() {
        ui.label(
            RichText::new(format!(
                "Total {} a year (low {} / high {}) {}.  * band not given by the seeds: an estimate",
                money(plan.total.mid),
                money(plan.total.low),
                money(plan.total.high),
                plan.hires.first().map_or("", |h| h.currency.as_str())
            ))
            .weak(),
        );
    }
    if plan.stopped_by_budget {
        ui.label(RichText::new("The budget stops the plan here.").color(alert_colour()));
    }
    if !plan.open_deficits.is_empty() {
        let open: Vec<String> = plan
            .open_deficits
            .iter()
            .take(widgets::LISTED)
            .map(|d| format!("{} ({})", d.skill.name, d.people))
            .collect();
        ui.label(format!("Still open after the plan: {}", open.join(", ")));
    }

    if let Some(staffing) = &analysis.staffing {
        widgets::section(ui, "Staffing placeholders");
        for placeholder in staffing.placeholders.iter().take(widgets::LISTED) {
            ui.label(format!(
                "{}: {}",
                placeholder.project,
                crate::report::placeholder_text(placeholder)
            ));
        }
        widgets::more_line(ui, staffing.placeholders.len());
        ui.label(
            RichText::new(format!(
                "Unfilled project lines cost {} a year at midpoints; they are in the plan CSV.",
                money(staffing.placeholder_cost.mid)
            ))
            .weak(),
        );
    }
    widgets::section(ui, "Span of control");
    let span = &analysis.span_of_control;
    if span.breaches.is_empty() {
        widgets::none_line(ui, "Every manager is within their role's span.");
    }
    for breach in span.breaches.iter().take(widgets::LISTED) {
        ui.label(crate::report::breach_text(breach));
    }
    widgets::more_line(ui, span.breaches.len());
    match to_plan {
        Some((role, Some((manager, span_max)))) => {
            let team = state.insight_options().team.clone();
            view.send(Command::PlanSpanHire {
                role,
                team,
                manager,
                span_max,
            });
        }
        Some((role, None)) => {
            let team = state.insight_options().team.clone();
            view.send(Command::PlanHire { role, team });
        }
        None => {}
    }
}
