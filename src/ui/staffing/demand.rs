//! The staffing view's demand against capacity: a chart by quarter for all
//! skills or one, and the skills only one free member can cover.

use crate::analysis::{QuarterLoad, Staffing};
use crate::app::AppState;
use crate::model::Level;
use crate::ui::ViewCtx;
use crate::ui::widgets::{self, alert_colour, ok_colour};
use crate::words::count_of;
use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, Plot};

pub(super) fn staffing(state: &AppState) -> Option<&Staffing> {
    state
        .insights()
        .results()
        .and_then(|results| results.analysis.staffing.as_ref())
}

/// People still to find across every project.
pub(super) fn open_places(staffing: &Staffing) -> u32 {
    staffing
        .projects
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.unfilled)
        .sum()
}

/// Demand against capacity by quarter, for all skills or one, and the
/// skills only one free member can cover each quarter.
pub(super) fn quarters_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    widgets::section(ui, "Demand against capacity");
    let Some(staffing) = staffing(state) else {
        widgets::none_line(ui, "No projects to plan.");
        return;
    };
    let mut chosen = view.selection.staffing.chart_skill.clone();
    ui.horizontal(|ui| {
        let label = ui.label("Show");
        let current = chosen
            .as_deref()
            .and_then(|id| staffing.skill_quarters.iter().find(|(s, _)| &*s.id == id))
            .map_or("All skills".to_string(), |(s, _)| s.name.to_string());
        egui::ComboBox::from_id_salt("chart-skill")
            .selected_text(current)
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, "All skills");
                for (skill, _) in &staffing.skill_quarters {
                    ui.selectable_value(&mut chosen, Some(skill.id.to_string()), &*skill.name);
                }
            })
            .response
            .labelled_by(label.id);
    });
    let loads: &[QuarterLoad] = match chosen.as_deref() {
        None => &staffing.quarters,
        Some(id) => staffing
            .skill_quarters
            .iter()
            .find(|(s, _)| &*s.id == id)
            .map_or(&staffing.quarters, |(_, loads)| loads),
    };
    let teal = crate::ui::matrix::level_colour(Some(Level::WORKING));
    widgets::legend_row(
        ui,
        &[
            ("available", ok_colour()),
            ("demanded", teal),
            ("demanded, over capacity", alert_colour()),
        ],
    );
    quarter_chart_ui(ui, loads);
    let over: Vec<&str> = loads
        .iter()
        .filter(|q| q.over_allocated)
        .map(|q| q.quarter.as_str())
        .collect();
    let open = open_places(staffing);
    if over.is_empty() && open == 0 {
        ui.label(
            RichText::new("No quarter asks for more FTE than the team has.").color(ok_colour()),
        );
    } else if over.is_empty() {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "No quarter asks for more FTE than the team has in all, yet {} open: \
                     the skills they need are missing or their holders are booked.",
                    count_of(open as usize, "place is", "places are")
                ))
                .color(alert_colour()),
            )
            .wrap(),
        );
    } else {
        ui.label(
            RichText::new(format!("Over-allocated: {}", over.join(", ")))
                .color(alert_colour())
                .strong(),
        );
    }
    widgets::section(ui, "Single points of failure by quarter");
    ui.label(
        RichText::new("Demanded skills that one member or nobody with free time can cover.").weak(),
    );
    for quarter in &staffing.quarters {
        let skills: Vec<&str> = quarter.single_cover.iter().map(|s| &*s.name).collect();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&quarter.quarter).strong());
            if skills.is_empty() {
                ui.label(RichText::new("none").weak());
            } else {
                ui.label(RichText::new(skills.join(", ")).color(alert_colour()));
            }
        });
    }
    week_by_week_ui(view, ui);
    view.selection.staffing.chart_skill = chosen;
}

/// The next two quarters week by week: each run of weeks where a needed
/// skill has one or no free lead, and why the others are out.
fn week_by_week_ui(view: &ViewCtx, ui: &mut egui::Ui) {
    let Some(results) = view.state.insights().results() else {
        return;
    };
    widgets::section(ui, "Week by week, the next 26 weeks");
    ui.label(
        RichText::new(
            "Skills the projects or roles need, in the weeks one or nobody who can lead them \
             has time: away (leave, holidays) or booked elsewhere.",
        )
        .weak(),
    );
    for risk in results
        .analysis
        .tentative_risks
        .iter()
        .take(widgets::LISTED)
    {
        ui.label(RichText::new(format!("Tentative: {}", risk.sentence())).weak());
    }
    let runs = &results.analysis.thin_weeks;
    if runs.is_empty() {
        ui.label(
            RichText::new("Every needed skill has two or more free leads every week.")
                .color(ok_colour()),
        );
    }
    for run in runs.iter().take(widgets::LISTED) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}:", run.skill.name)).strong());
            let colour = if run.free.is_empty() {
                alert_colour()
            } else {
                ui.visuals().text_color()
            };
            ui.label(RichText::new(run.weeks_text()).strong());
            ui.add(egui::Label::new(RichText::new(run.reason_text()).color(colour)).wrap());
        });
    }
    widgets::more_line(ui, runs.len());
    // From the repositories read: a skill's only recent contributor away.
    for away in &results.analysis.work.owners_away {
        ui.label(RichText::new(away.sentence()).color(alert_colour()));
    }
}

fn quarter_chart_ui(ui: &mut egui::Ui, loads: &[QuarterLoad]) {
    let available: Vec<Bar> = loads
        .iter()
        .enumerate()
        .map(|(x, q)| {
            Bar::new(x as f64 - 0.18, q.available_fte)
                .width(0.34)
                .name(format!(
                    "{}: {:.1} FTE available",
                    q.quarter, q.available_fte
                ))
        })
        .collect();
    let (over, within): (Vec<_>, Vec<_>) = loads
        .iter()
        .enumerate()
        .partition(|(_, q)| q.over_allocated);
    let demanded = |rows: Vec<(usize, &QuarterLoad)>| -> Vec<Bar> {
        rows.into_iter()
            .map(|(x, q)| {
                Bar::new(x as f64 + 0.18, q.demanded_fte)
                    .width(0.34)
                    .name(format!("{}: {:.1} FTE demanded", q.quarter, q.demanded_fte))
            })
            .collect()
    };
    let labels: Vec<String> = loads.iter().map(|q| q.quarter.clone()).collect();
    let axis = egui_plot::AxisHints::new_x().formatter(move |mark, _| {
        let index = mark.value.round();
        if (mark.value - index).abs() < 0.01 && index >= 0.0 {
            labels.get(index as usize).cloned().unwrap_or_default()
        } else {
            String::new()
        }
    });
    Plot::new("quarter-chart")
        .height(220.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .custom_x_axes(vec![axis])
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .y_axis_label("FTE")
        .show(ui, |plot| {
            plot.add(
                BarChart::new("available", widgets::solid(available, ok_colour()))
                    .color(ok_colour()),
            );
            let teal = crate::ui::matrix::level_colour(Some(Level::WORKING));
            plot.add(BarChart::new("demanded", widgets::solid(demanded(within), teal)).color(teal));
            plot.add(
                BarChart::new(
                    "demanded, over capacity",
                    widgets::solid(demanded(over), alert_colour()),
                )
                .color(alert_colour()),
            );
            // Tentative demand, a layer on top of the confirmed.
            let tentative: Vec<Bar> = loads
                .iter()
                .enumerate()
                .filter(|(_, q)| q.tentative_demanded_fte > 0.0)
                .map(|(x, q)| {
                    Bar::new(x as f64 + 0.18, q.tentative_demanded_fte)
                        .width(0.34)
                        .base_offset(q.demanded_fte)
                        .name(format!(
                            "{}: {:.1} FTE more if tentative work is confirmed",
                            q.quarter, q.tentative_demanded_fte
                        ))
                })
                .collect();
            if !tentative.is_empty() {
                let grey = egui::Color32::from_gray(150);
                plot.add(
                    BarChart::new("tentative demand", widgets::solid(tentative, grey)).color(grey),
                );
            }
        });
}
