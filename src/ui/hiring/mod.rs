//! The hiring plan: upskilling first, then ranked hires with their cost, span
//! breaches and a budget; and the what-if plan of hires and departures, with
//! its effect on gaps, bus factor and cost before anything is applied (in
//! `what_if`).

mod what_if;

use super::ViewCtx;
use super::widgets::{self, alert_colour, money, ok_colour};
use crate::analysis::HireReason;
use crate::app::Command;
use crate::model::RoleId;
use eframe::egui::{self, RichText};

pub fn hiring_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    widgets::view_heading(ui, "Hiring plan", view.state.insights().updating());
    ui.horizontal(|ui| {
        widgets::team_filter_ui(view, ui);
        ui.add_space(12.0);
        budget_ui(view, ui);
    });
    let width = ui.available_width();
    egui::Panel::right("what-if")
        .resizable(true)
        .default_size((width * 0.34).clamp(300.0, 640.0))
        .size_range(280.0..=width * 0.6)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| what_if::what_if_ui(view, ui));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| recommendations_ui(view, ui));
    });
}

fn budget_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let label = ui.label("Budget");
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut view.selection.hiring.budget_text)
                .hint_text("none")
                .desired_width(110.0),
        )
        .labelled_by(label.id);
    let typed = view
        .selection
        .hiring
        .budget_text
        .replace([',', ' ', '_'], "");
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
        view.selection.hiring.budget_text = money(value);
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

/// What the analysis recommends with the plan in place.
fn recommendations_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let Some(results) = widgets::results(state, ui) else {
        return;
    };
    let analysis = results.shown();
    let plan = &analysis.hiring;
    let mut to_plan: Option<HireToPlan> = None;

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
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for heading in ["Member", "Skill", "Level", "Mentor"] {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                for option in plan.upskilling.iter().take(widgets::LISTED) {
                    ui.label(&*option.member.name);
                    ui.label(&*option.skill.name);
                    ui.label(format!("{} -> {}", option.has.get(), option.needs.get()))
                        .on_hover_text("Their level now, and the level the skill needs");
                    let mentor = crate::report::mentor_text(option);
                    if option.mentor.is_some() {
                        ui.label(mentor);
                    } else {
                        ui.weak(mentor);
                    }
                    ui.end_row();
                }
            });
        if let Some(sentence) = crate::report::upskilling_sentence(plan) {
            ui.label(format!("The plan counts on them: {sentence}."));
        }
    }

    widgets::more_line(ui, plan.upskilling.len());
    if !plan.rebalance.is_empty() {
        widgets::section(ui, "Rebalance first, at no cost");
        for line in crate::report::rebalance_lines(analysis) {
            ui.label(line);
        }
        if ui
            .button("Apply these moves")
            .on_hover_text("Changes each moved member's manager; Undo puts them back")
            .clicked()
        {
            let workspace = state.workspace();
            let moves = plan
                .rebalance
                .iter()
                .map(|report| {
                    let to = &workspace.members[report.to.index];
                    (
                        report.member.index,
                        to.email.clone().unwrap_or_else(|| to.name.clone()),
                    )
                })
                .collect();
            view.send(Command::ApplyMoves(moves));
        }
    }
    widgets::section(ui, "Recommended hires");
    let planned = &state.workspace().plan.hires;
    if !planned.is_empty() {
        let workspace = state.workspace();
        let titles: Vec<String> = planned
            .iter()
            .map(|hire| {
                let title = crate::report::planned_hire_title(workspace, hire);
                if hire.reports.is_empty() {
                    title
                } else {
                    format!(
                        "{title} taking {}",
                        crate::words::count_of(hire.reports.len(), "report", "reports")
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
    // Narrow, the midpoint and the running total stay and low and high go
    // to the midpoint's tooltip; wide, the reasons take what is left.
    let narrow = ui.available_width() < 720.0;
    let why_width = if narrow {
        200.0
    } else {
        (ui.available_width() - 520.0).clamp(240.0, 560.0)
    };
    let currency = plan
        .hires
        .first()
        .map_or(String::new(), |h| format!(" ({})", h.currency));
    egui::Grid::new("hires")
        .num_columns(if narrow { 5 } else { 7 })
        .striped(true)
        .spacing([if narrow { 10.0 } else { 14.0 }, 4.0])
        .show(ui, |ui| {
            let headings = if narrow {
                vec![
                    "#".to_string(),
                    "Role and why".to_string(),
                    String::new(),
                    format!("Mid{currency}"),
                    "Total".to_string(),
                ]
            } else {
                vec![
                    "#".to_string(),
                    "Role and why".to_string(),
                    String::new(),
                    format!("Low{currency}"),
                    format!("Mid{currency}"),
                    format!("High{currency}"),
                    "Running total".to_string(),
                ]
            };
            for heading in headings {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for hire in plan.hires.iter().take(widgets::LISTED) {
                ui.label(hire.rank.to_string());
                let title = if hire.estimated_cost {
                    format!("{}*", crate::report::hire_title(hire))
                } else {
                    crate::report::hire_title(hire)
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
                if narrow {
                    ui.label(money(hire.cost.mid)).on_hover_text(format!(
                        "low {} / high {}",
                        money(hire.cost.low),
                        money(hire.cost.high)
                    ));
                } else {
                    ui.label(money(hire.cost.low));
                    ui.label(money(hire.cost.mid));
                    ui.label(money(hire.cost.high));
                }
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
                    let specialty = hire
                        .specialist
                        .as_ref()
                        .map(|(skill, level)| (crate::model::SkillId::new(&*skill.id), *level));
                    to_plan = Some(HireToPlan {
                        role: RoleId::new(&*hire.role.id),
                        span,
                        specialty,
                    });
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
        Some(HireToPlan {
            role,
            span: Some((manager, span_max)),
            ..
        }) => {
            let team = state.insight_options().team.clone();
            view.send(Command::PlanSpanHire {
                role,
                team,
                manager,
                span_max,
            });
        }
        Some(HireToPlan {
            role,
            span: None,
            specialty,
        }) => {
            let team = state.insight_options().team.clone();
            view.send(Command::PlanHire {
                role,
                team,
                specialty,
            });
        }
        None => {}
    }
}

/// A recommended hire the user asked to plan: its role, the over-span
/// manager (email or name) and span it relieves, a specialist's skill.
struct HireToPlan {
    role: RoleId,
    span: Option<(String, u32)>,
    specialty: Option<(crate::model::SkillId, crate::model::Level)>,
}
