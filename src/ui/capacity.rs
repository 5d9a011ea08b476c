//! Team capacity: each team's FTE in strategy, people management and
//! building software (from its roles' time splits), against the people
//! management its reports call for.

use super::ViewCtx;
use super::matrix::level_colour;
use super::widgets::{self, alert_colour, ok_colour};
use crate::analysis::TimeSplitReport;
use crate::app::CHARTED_TEAMS;
use crate::model::Level;
use crate::palette::NOT_ASSESSED_RGB;
use eframe::egui::{self, Color32, RichText};
use egui_plot::{Bar, BarChart};

pub fn capacity_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    widgets::view_heading(ui, "Team capacity", state.insights().updating());
    ui.horizontal(|ui| widgets::team_filter_ui(view, ui));
    let Some(results) = widgets::results(state, ui) else {
        return;
    };
    let time = &results.analysis.time_split;
    ui.label(format!(
        "Strategy {:.1} · People management {:.1} · Building {:.1} of {:.1} FTE{}",
        time.strategy_fte,
        time.people_fte,
        time.building_fte,
        time.total_fte,
        if time.unknown_fte > 0.0 {
            format!(" ({:.1} FTE with no stated split)", time.unknown_fte)
        } else {
            String::new()
        }
    ));
    let short = time.people_fte + 1e-9 < time.people_fte_needed;
    ui.label(
        RichText::new(format!(
            "{} reports call for {:.1} FTE of people management at the seeds' norm (half an Engineering Manager's time per 7 reports); the roles give {:.1}.",
            time.reports, time.people_fte_needed, time.people_fte
        ))
        .color(if short { alert_colour() } else { ok_colour() }),
    );
    let teams: Vec<&(String, TimeSplitReport)> = results
        .lists
        .capacity_teams
        .iter()
        .map(|&index| &results.team_time[index])
        .collect();
    let total = results.lists.capacity_total;
    let left = |ui: &mut egui::Ui| {
        widgets::section(ui, "Time split by team (FTE)");
        if total > CHARTED_TEAMS {
            ui.label(
                RichText::new(format!(
                    "The {CHARTED_TEAMS} of {total} teams furthest short of people management"
                ))
                .weak(),
            );
        }
        let [r, g, b] = NOT_ASSESSED_RGB;
        widgets::legend_row(
            ui,
            &[
                ("strategy", level_colour(Some(Level::EXPERT))),
                ("people management", level_colour(Some(Level::WORKING))),
                ("building", level_colour(Some(Level::AWARENESS))),
                ("no stated split", Color32::from_rgb(r, g, b)),
                ("people management needed", alert_colour()),
            ],
        );
        chart_ui(ui, &teams);
    };
    let right = |ui: &mut egui::Ui| {
        widgets::section(ui, "By role");
        egui::Grid::new("capacity-roles")
            .num_columns(4)
            .striped(true)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for heading in ["Role", "Members", "FTE", "Strategy / people / building"] {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
                for role in &time.by_role {
                    ui.label(&*role.role.title);
                    ui.label(role.members.to_string());
                    ui.label(format!("{:.1}", role.fte));
                    match role.split {
                        None => ui.weak("not stated"),
                        Some([s, p, b]) => {
                            let inferred = role.basis.starts_with("inferred");
                            let mark = if inferred { " (inferred)" } else { "" };
                            ui.label(format!("{s:.0}% / {p:.0}% / {b:.0}%{mark}"))
                                .on_hover_text(&role.basis)
                        }
                    };
                    ui.end_row();
                }
            });
        if time.assumed_building_fte > 0.0 {
            ui.label(
                RichText::new(format!(
                    "{:.1} FTE of individual contributors whose role states no split are counted as building.",
                    time.assumed_building_fte
                ))
                .weak(),
            );
        }
    };
    // Side by side where both fit, else the table under the chart.
    if ui.available_width() >= 1000.0 {
        ui.columns(2, |columns| {
            left(&mut columns[0]);
            right(&mut columns[1]);
        });
    } else {
        egui::ScrollArea::vertical().show(ui, |ui| {
            left(ui);
            right(ui);
        });
    }
}

fn shortfall(time: &TimeSplitReport) -> f64 {
    time.people_fte_needed - time.people_fte
}

/// One stacked bar a team, and under it a thin bar for the people
/// management its reports call for, starting where its own people time
/// starts so the two lengths compare directly.
fn chart_ui(ui: &mut egui::Ui, teams: &[&(String, TimeSplitReport)]) {
    let count = teams.len();
    let y = |index: usize| (count - index) as f64;
    let segment = |index: usize, value: f64, base: f64, what: &str, team: &str| {
        Bar::new(y(index), value)
            .base_offset(base)
            .width(0.45)
            .name(format!("{team}: {what} {value:.1} FTE"))
    };
    let mut strategy = Vec::new();
    let mut people = Vec::new();
    let mut building = Vec::new();
    let mut unknown = Vec::new();
    let mut needed_short = Vec::new();
    let mut needed_met = Vec::new();
    for (index, (team, time)) in teams.iter().enumerate() {
        strategy.push(segment(index, time.strategy_fte, 0.0, "strategy", team));
        people.push(segment(
            index,
            time.people_fte,
            time.strategy_fte,
            "people management",
            team,
        ));
        let built = time.strategy_fte + time.people_fte;
        building.push(segment(index, time.building_fte, built, "building", team));
        unknown.push(segment(
            index,
            time.unknown_fte,
            built + time.building_fte,
            "no stated split",
            team,
        ));
        let needed = Bar::new(y(index) - 0.36, time.people_fte_needed)
            .base_offset(time.strategy_fte)
            .width(0.14)
            .name(format!(
                "{team}: {} reports call for {:.1} FTE of people management",
                time.reports, time.people_fte_needed
            ));
        if shortfall(time) > 1e-9 {
            needed_short.push(needed);
        } else {
            needed_met.push(needed);
        }
    }
    let labels: Vec<(f64, String)> = teams
        .iter()
        .enumerate()
        .map(|(index, (team, _))| (y(index), team.clone()))
        .collect();
    let [r, g, b] = NOT_ASSESSED_RGB;
    let height = (count as f32 * 34.0 + 70.0).clamp(180.0, ui.available_height().max(180.0));
    widgets::category_plot("capacity-chart", labels, height, 120.0)
        .include_x(0.0)
        .x_axis_label("FTE")
        .show(ui, |plot| {
            let series = [
                ("strategy", strategy, level_colour(Some(Level::EXPERT))),
                (
                    "people management",
                    people,
                    level_colour(Some(Level::WORKING)),
                ),
                ("building", building, level_colour(Some(Level::AWARENESS))),
                ("no stated split", unknown, Color32::from_rgb(r, g, b)),
                (
                    "people management needed (short)",
                    needed_short,
                    alert_colour(),
                ),
                ("people management needed (met)", needed_met, ok_colour()),
            ];
            for (name, bars, colour) in series {
                if !bars.is_empty() {
                    let bars = widgets::solid(bars, colour);
                    plot.add(BarChart::new(name, bars).horizontal().color(colour));
                }
            }
        });
}
