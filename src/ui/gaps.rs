//! Gaps and bus factor: who can lead each required skill against the bench
//! depth wanted, and the skills that rest on one person or nobody.

use super::ViewCtx;
use super::widgets::{self, alert_colour, ok_colour};
use crate::analysis::SkillGap;
use crate::app::{CHARTED_GAPS, Command};
use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, PlotPoint, Text, VLine};

pub fn gaps_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    widgets::view_heading(ui, "Gaps & bus factor", state.insights().updating());
    ui.horizontal(|ui| widgets::team_filter_ui(view, ui));
    let Some(results) = widgets::results(state, ui) else {
        return;
    };
    let analysis = &results.analysis;
    let Some(team) = analysis.team_gaps.first() else {
        return;
    };
    let thresholds = &analysis.thresholds;
    let short = team.gaps.iter().filter(|gap| gap.bench_deficit > 0).count();
    ui.label(format!(
        "{} single points of failure · {short} required skills short of {} people who can lead them (level {}+) · {} members",
        analysis.bus_factor.len(),
        thresholds.bench_depth,
        thresholds.lead_level.get(),
        team.members
    ));
    let mut jump_to: Option<String> = None;
    let mut expiry = super::development::ExpiryAnswer::default();
    ui.columns(2, |columns| {
        chart_ui(
            &mut columns[0],
            &team.gaps,
            (&results.lists.gap_rows, results.lists.gaps_total),
            (thresholds.bench_depth, thresholds.lead_level.get()),
            &mut jump_to,
        );
        egui::ScrollArea::vertical()
            .id_salt("gaps-lists")
            .show(&mut columns[1], |ui| {
        bench_trend_ui(state, &results.bench_trend, &mut jump_to, ui);
        widgets::section(ui, "Single points of failure");
        ui.label(RichText::new("Required skills one person or nobody can lead. Click a skill to see it in the matrix.").weak());
        if analysis.bus_factor.is_empty() {
            widgets::none_line(ui, "None: every required skill has two or more people who can lead it.");
        }
        egui::Grid::new("bus-factor")
            .num_columns(3)
            .striped(true)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Skill").strong());
                ui.label(RichText::new("Can lead").strong());
                ui.label(RichText::new("Needed by").strong());
                ui.end_row();
                for risk in analysis.bus_factor.iter().take(widgets::LISTED) {
                    if ui.link(&*risk.skill.name).clicked() {
                        jump_to = Some(risk.skill.id.to_string());
                    }
                    match risk.leaders.first() {
                        Some(leader) => ui.label(&*leader.name),
                        None => ui.label(RichText::new("nobody").color(alert_colour()).strong()),
                    };
                    let roles: Vec<&str> = risk.roles_needing.iter().map(|r| &*r.title).collect();
                    ui.add(egui::Label::new(roles.join(", ")).wrap());
                    ui.end_row();
                }
            });
        widgets::more_line(ui, analysis.bus_factor.len());
        work_owners_ui(analysis, ui, &mut jump_to);
        if !analysis.unassessed_requirements.is_empty() {
            widgets::section(ui, "Required but nobody assessed");
            for item in analysis.unassessed_requirements.iter().take(widgets::LISTED) {
                let roles: Vec<&str> = item.roles_needing.iter().map(|r| &*r.title).collect();
                ui.horizontal_wrapped(|ui| {
                    if ui.link(&*item.skill.name).clicked() {
                        jump_to = Some(item.skill.id.to_string());
                    }
                    ui.label(RichText::new(format!("needed by {}", roles.join(", "))).weak());
                });
            }
        }
        super::development::expiry_section_ui(state, analysis, ui, &mut expiry);
            });
    });
    if let Some(id) = jump_to {
        view.send(Command::ShowSkillById(id));
    }
    if let Some(days) = expiry.warning_days {
        view.send(Command::SetExpiryWarningDays(days));
    }
    if let Some(member) = expiry.open_member {
        super::development::open_certifications(view, member);
    }
}

/// Beside the rated single points, the code only one member has changed
/// lately, from the repositories read, and when they are away.
fn work_owners_ui(
    analysis: &crate::analysis::Analysis,
    ui: &mut egui::Ui,
    jump_to: &mut Option<String>,
) {
    let work = &analysis.work;
    if work.is_empty() {
        return;
    }
    widgets::section(ui, "Code one member alone has changed lately");
    ui.label(
        RichText::new(format!(
            "From the history of {}: the last 6 months of commits, by folder.",
            work.sources.join(", ")
        ))
        .weak(),
    );
    if work.sole_owners.is_empty() {
        widgets::none_line(
            ui,
            "None: every skill's recent code has two or more contributors.",
        );
    }
    for away in &work.owners_away {
        ui.label(RichText::new(away.sentence()).color(alert_colour()));
    }
    for owner in work.sole_owners.iter().take(widgets::LISTED) {
        ui.horizontal_wrapped(|ui| {
            if ui.link(&*owner.skill.name).clicked() {
                *jump_to = Some(owner.skill.id.to_string());
            }
            ui.label(owner.sentence());
        });
    }
    widgets::more_line(ui, work.sole_owners.len());
}

/// Who could lead each skill at each round: the skills whose bench moved,
/// those that fell last round drawn heavy and listed first.
fn bench_trend_ui(
    state: &crate::app::AppState,
    trend: &crate::analysis::BenchTrend,
    jump_to: &mut Option<String>,
    ui: &mut egui::Ui,
) {
    widgets::section(ui, "Bench over time");
    let rounds = &trend.rounds;
    if rounds.len() < 2 {
        widgets::none_line(
            ui,
            "One round or none: import another (File > Import > Roster as a new round) to see the bench move.",
        );
        return;
    }
    let workspace = state.workspace();
    let moved: Vec<usize> = trend
        .fell
        .iter()
        .copied()
        .filter(|&skill| skill < trend.leaders.len())
        .chain((0..trend.leaders.len()).filter(|skill| {
            !trend.fell.contains(skill)
                && trend.leaders[*skill]
                    .windows(2)
                    .any(|pair| pair[0] != pair[1])
        }))
        .filter(|&skill| skill < workspace.skills.len())
        .take(8)
        .collect();
    if trend.fell.is_empty() {
        widgets::none_line(ui, "No skill's bench fell in the last round.");
    } else {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new("Bench fell last round:")
                    .color(alert_colour())
                    .strong(),
            );
            // Results a moment older than a merge may name a skill gone.
            let known =
                |skill: &&usize| **skill < workspace.skills.len() && **skill < trend.leaders.len();
            for &skill in trend.fell.iter().filter(known) {
                let counts = &trend.leaders[skill];
                let name = &workspace.skills[skill].name;
                let text = format!(
                    "{name} ({} to {})",
                    counts[counts.len() - 2],
                    counts[counts.len() - 1]
                );
                if ui
                    .link(text)
                    .on_hover_text("See it in the matrix")
                    .clicked()
                {
                    *jump_to = Some(workspace.skills[skill].id.to_string());
                }
            }
        });
    }
    if moved.is_empty() {
        return;
    }
    let colours = crate::palette::SERIES_RGB;
    let colour_of = |index: usize, skill: usize| {
        if trend.fell.contains(&skill) {
            alert_colour()
        } else {
            let [r, g, b] = colours[index % colours.len()];
            egui::Color32::from_rgb(r, g, b)
        }
    };
    let names: Vec<String> = moved
        .iter()
        .map(|&skill| {
            let name = &workspace.skills[skill].name;
            if trend.fell.contains(&skill) {
                format!("{name} (fell)")
            } else {
                name.clone()
            }
        })
        .collect();
    let legend: Vec<(&str, egui::Color32)> = moved
        .iter()
        .enumerate()
        .map(|(index, &skill)| (names[index].as_str(), colour_of(index, skill)))
        .collect();
    widgets::legend_row(ui, &legend);
    widgets::rounds_plot("bench-trend", rounds, 180.0)
        .y_axis_label("can lead")
        .show(ui, |plot| {
            for (index, &skill) in moved.iter().enumerate() {
                let points: Vec<[f64; 2]> = rounds
                    .iter()
                    .zip(&trend.leaders[skill])
                    .map(|(date, &count)| [widgets::day_number(*date), f64::from(count)])
                    .collect();
                let fell = trend.fell.contains(&skill);
                plot.add(
                    egui_plot::Line::new(&names[index], points)
                        .color(colour_of(index, skill))
                        .allow_band(false)
                        .width(if fell { 3.0 } else { 1.5 })
                        .style(if fell {
                            egui_plot::LineStyle::Solid
                        } else {
                            egui_plot::LineStyle::dashed_loose()
                        }),
                );
            }
        });
}

/// Horizontal bars, hard skills above soft, each skill's "can lead" count
/// against the bench target; deficits in the alert colour.
fn chart_ui(
    ui: &mut egui::Ui,
    gaps: &[SkillGap],
    (charted, total): (&[(f64, usize)], usize),
    (target, lead_level): (u32, u8),
    jump_to: &mut Option<String>,
) {
    widgets::section(ui, "Who can lead each required skill");
    if total > CHARTED_GAPS {
        ui.label(
            RichText::new(format!(
                "The {CHARTED_GAPS} thinnest of {total} required skills"
            ))
            .weak(),
        );
    }
    let rows: Vec<(f64, &SkillGap)> = charted
        .iter()
        .map(|&(y, index)| (y, &gaps[index]))
        .collect();
    let (short, enough): (Vec<_>, Vec<_>) = rows.iter().partition(|(_, gap)| gap.bench_deficit > 0);
    let bars = |rows: Vec<&(f64, &SkillGap)>| -> Vec<Bar> {
        rows.into_iter()
            .map(|(y, gap)| {
                Bar::new(*y, f64::from(gap.leaders))
                    .width(0.7)
                    .name(format!(
                        "{} ({}): {} can lead, {} wanted",
                        gap.skill.name,
                        gap.skill.kind.label(),
                        gap.leaders,
                        gap.bench_target
                    ))
            })
            .collect()
    };
    let labels: Vec<(f64, String)> = rows
        .iter()
        .map(|(y, gap)| (*y, gap.skill.name.to_string()))
        .collect();
    let height = (rows.len() as f32 * 20.0 + 60.0).min(ui.available_height().max(200.0));
    let max = f64::from(
        rows.iter()
            .map(|(_, g)| g.leaders)
            .max()
            .unwrap_or(0)
            .max(target),
    );
    let text_colour = ui.visuals().text_color();
    widgets::legend_row(
        ui,
        &[
            ("short of the bench", alert_colour()),
            ("enough", ok_colour()),
            (&format!("bench depth ({target}), the line"), text_colour),
        ],
    );
    let response = widgets::category_plot("gaps-chart", labels, height, 200.0)
        .include_x(0.0)
        .include_x(max + 1.0)
        .x_axis_label("people who can lead it")
        .show(ui, |plot| {
            plot.add(
                BarChart::new(
                    "short of the bench",
                    widgets::solid(bars(short), alert_colour()),
                )
                .horizontal()
                .color(alert_colour()),
            );
            plot.add(
                BarChart::new("enough", widgets::solid(bars(enough), ok_colour()))
                    .horizontal()
                    .color(ok_colour()),
            );
            plot.add(
                VLine::new(format!("bench depth ({target})"), f64::from(target))
                    .stroke(egui::Stroke::new(1.5, text_colour)),
            );
            // The count at each bar's end; "nobody" where there is no bar.
            for (y, gap) in &rows {
                let text = if gap.leaders == 0 {
                    "nobody".to_string()
                } else {
                    gap.leaders.to_string()
                };
                plot.add(
                    Text::new(
                        "",
                        PlotPoint::new(f64::from(gap.leaders) + 0.08, *y),
                        RichText::new(text).size(12.0).color(text_colour),
                    )
                    .anchor(egui::Align2::LEFT_CENTER),
                );
            }
            plot.pointer_coordinate()
        });
    let hovered = response
        .inner
        .and_then(|pointer| rows.iter().find(|(y, _)| (y - pointer.y).abs() < 0.5));
    if let Some((_, gap)) = hovered {
        let text = format!(
            "{} ({}): {} can lead it (level {}+), {} wanted. Click to see it in the matrix.",
            gap.skill.name,
            gap.skill.kind.label(),
            if gap.leaders == 0 {
                "nobody".to_string()
            } else {
                gap.leaders.to_string()
            },
            lead_level,
            gap.bench_target
        );
        let clicked = response.response.clicked();
        response.response.on_hover_text_at_pointer(text);
        if clicked {
            *jump_to = Some(gap.skill.id.to_string());
        }
    }
}
