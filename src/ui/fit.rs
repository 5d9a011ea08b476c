//! Fit and succession: one member's levels against their role, their fit for
//! every role (the seeds' next steps marked), and who is most ready for each
//! role.

use super::matrix::level_colour;
use super::widgets::{self, alert_colour, ok_colour};
use crate::app::{AppState, ViewSelection};
use crate::model::{Importance, Level};
use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart};

pub fn fit_ui(view: &mut super::ViewCtx, ui: &mut egui::Ui) {
    let (state, selection) = (view.state, &mut *view.selection);
    widgets::view_heading(ui, "Fit & succession", state.insights().updating());
    egui::Panel::left("fit-members")
        .resizable(true)
        .default_size(250.0)
        .show(ui, |ui| member_list_ui(state, selection, ui));
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            member_fit_ui(state, selection, ui);
            ui.separator();
            succession_ui(state, selection, ui);
        });
    });
}

/// A searchable list of every member, drawn only where it is visible.
fn member_list_ui(state: &AppState, selection: &mut ViewSelection, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let label = ui.label("Find member");
        ui.add(
            egui::TextEdit::singleline(&mut selection.people.member_query)
                .hint_text("name, team or role")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    let matches = state.members_matching();
    ui.label(RichText::new(format!("{} members", matches.len())).weak());
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, matches.len(), |ui, range| {
            for &member in &matches[range] {
                let workspace = state.workspace();
                let name = &workspace.members[member].name;
                let fit = state.derived().fit.get(member).copied().flatten();
                let text = match fit {
                    Some(fit) if fit.coverage.judgeable() => {
                        format!("{name}  (fit {:.0})", fit.score)
                    }
                    Some(_) => format!("{name}  (too little assessed)"),
                    None => name.clone(),
                };
                let selected = selection.people.member == Some(member);
                if ui.selectable_label(selected, text).clicked() {
                    selection.people.member = Some(member);
                }
            }
        });
}

fn member_fit_ui(state: &AppState, selection: &mut ViewSelection, ui: &mut egui::Ui) {
    if selection.people.member.is_none() && !state.workspace().members.is_empty() {
        selection.people.member = Some(0);
    }
    let Some(member) = selection
        .people
        .member
        .filter(|&m| m < state.workspace().members.len())
    else {
        widgets::none_line(
            ui,
            "Pick a member on the left to see their fit for every role.",
        );
        return;
    };
    let fits = state.role_fits(member);
    let workspace = state.workspace();
    let record = &workspace.members[member];
    let role = workspace.member_role(member);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&record.name).heading());
        ui.label(
            RichText::new(format!(
                "{}{}",
                role.map_or("no role", |r| r.title.as_str()),
                record
                    .team
                    .as_deref()
                    .map_or(String::new(), |team| format!(", {team}"))
            ))
            .weak(),
        );
    });
    let Some(role) = role else {
        widgets::none_line(ui, "No role: nothing to measure against.");
        return;
    };
    let own = fits
        .iter()
        .find(|(fit, _)| &*fit.role.id == role.id.as_str());
    if let Some((fit, _)) = own {
        ui.label(if fit.coverage.judgeable() {
            format!(
                "Fit for {}: {:.0} of 100, {}",
                role.title,
                fit.score,
                fit.coverage.text()
            )
        } else {
            format!(
                "Fit for {}: {}",
                role.title,
                crate::analysis::fit_text(fit.score, &fit.coverage)
            )
        });
        let assess = crate::report::to_assess(&fit.gaps);
        if !assess.is_empty() {
            ui.label(RichText::new(format!("Assess next: {}", assess.join(", "))).weak());
        }
        ui.label(RichText::new(crate::analysis::FIT_FORMULA).weak().small());
    }

    let left = |ui: &mut egui::Ui| {
        widgets::section(ui, &format!("Levels against {}", role.title));
        let rows: Vec<(String, Option<Level>, Level, Importance)> = role
            .requirements
            .iter()
            .map(|requirement| {
                let column = workspace.skill_index(&requirement.skill);
                let has = column.and_then(|c| workspace.cell(member, c).level());
                let name = crate::catalog::builtin().skill_name(workspace, &requirement.skill);
                (name, has, requirement.min_level, requirement.importance)
            })
            .collect();
        levels_chart_ui(ui, &rows);
    };
    let mut right = |ui: &mut egui::Ui| {
        timeline_ui(state, member, ui);
        widgets::section(ui, "Short of the role");
        let gaps = own.map_or(&[][..], |(fit, _)| &fit.gaps[..]);
        let (short, unknown): (Vec<_>, Vec<_>) = gaps.iter().partition(|gap| gap.has.is_some());
        if short.is_empty() {
            widgets::none_line(
                ui,
                if unknown.is_empty() {
                    "Nothing: meets every requirement of the role."
                } else {
                    "Nothing assessed is short of the role."
                },
            );
        }
        for gap in short {
            ui.label(
                RichText::new(format!(
                    "{}: {}, needs {} ({})",
                    gap.skill.name,
                    gap.has.map_or(0, |level| level.get()),
                    gap.needs.get(),
                    gap.importance.label()
                ))
                .color(if gap.importance == Importance::Required {
                    alert_colour()
                } else {
                    ui.visuals().text_color()
                }),
            );
        }
        if !unknown.is_empty() {
            widgets::section(ui, "Not assessed: assess next");
            for gap in unknown {
                ui.label(format!(
                    "{}: needs {} ({})",
                    gap.skill.name,
                    gap.needs.get(),
                    gap.importance.label()
                ))
                .on_hover_text("Not counted for or against the fit until it is assessed");
            }
        }
        let short_columns: Vec<(usize, Level)> = gaps
            .iter()
            .filter_map(|gap| {
                let column =
                    workspace.skill_index(&crate::model::SkillId(gap.skill.id.to_string()))?;
                Some((column, gap.needs))
            })
            .collect();
        super::development::member_targets_ui(state, selection, ui, member, &short_columns);
        widgets::section(ui, "Fit for every role");
        egui::Grid::new("role-fits")
            .num_columns(3)
            .striped(true)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Role").strong());
                ui.label(RichText::new("Fit").strong());
                ui.label(RichText::new("Career path").strong());
                ui.end_row();
                for (fit, next_step) in fits {
                    let own_role = &*fit.role.id == role.id.as_str();
                    let title = RichText::new(&*fit.role.title);
                    ui.label(if *next_step { title.strong() } else { title });
                    if fit.coverage.judgeable() {
                        ui.label(format!("{:.0}", fit.score))
                            .on_hover_text(fit.coverage.text());
                    } else {
                        ui.weak("?")
                            .on_hover_text(crate::analysis::fit_text(fit.score, &fit.coverage));
                    }
                    if own_role {
                        ui.label(RichText::new("current role").weak());
                    } else if *next_step {
                        next_step_tag(ui);
                    } else {
                        ui.label("");
                    }
                    ui.end_row();
                }
            });
    };
    // Side by side where the chart keeps room for its bars, else stacked.
    if ui.available_width() >= 760.0 {
        ui.columns(2, |columns| {
            left(&mut columns[0]);
            right(&mut columns[1]);
        });
    } else {
        left(ui);
        right(ui);
    }
}

/// The member's level beside the role's minimum, one pair of bars a skill.
fn levels_chart_ui(ui: &mut egui::Ui, rows: &[(String, Option<Level>, Level, Importance)]) {
    let count = rows.len();
    let y = |index: usize| (count - index) as f64;
    let has: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(index, (name, has, needs, _))| {
            let value = has.map_or(0.0, |level| f64::from(level.get()));
            Bar::new(y(index) + 0.18, value)
                .width(0.34)
                .fill(if has.is_some_and(|level| level >= *needs) {
                    level_colour(Some(Level::PROFICIENT))
                } else {
                    alert_colour()
                })
                .name(format!(
                    "{name}: has {}",
                    has.map_or("not assessed".to_string(), |l| l.get().to_string())
                ))
        })
        .collect();
    let needs: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(index, (name, _, needs, importance))| {
            Bar::new(y(index) - 0.18, f64::from(needs.get()))
                .width(0.34)
                .fill(level_colour(Some(Level::AWARENESS)))
                .name(format!(
                    "{name}: role needs {} ({})",
                    needs.get(),
                    importance.label()
                ))
        })
        .collect();
    let labels: Vec<(f64, String)> = rows
        .iter()
        .enumerate()
        .map(|(index, (name, ..))| (y(index), name.clone()))
        .collect();
    widgets::legend_row(
        ui,
        &[
            ("has, meets the role", level_colour(Some(Level::PROFICIENT))),
            ("has, below the role", alert_colour()),
            ("role needs", level_colour(Some(Level::AWARENESS))),
        ],
    );
    widgets::category_plot(
        "fit-levels",
        labels,
        (count as f32 * 26.0 + 60.0).max(160.0),
        170.0,
    )
    .include_x(0.0)
    .include_x(4.2)
    .x_axis_label("level (0-4)")
    .show(ui, |plot| {
        plot.add(
            BarChart::new(
                "role needs",
                widgets::solid(needs, level_colour(Some(Level::AWARENESS))),
            )
            .horizontal()
            .color(level_colour(Some(Level::AWARENESS))),
        );
        plot.add(
            BarChart::new("has", has)
                .horizontal()
                .color(level_colour(Some(Level::PROFICIENT))),
        );
        // A level of 0 and no assessment both draw no bar: say which.
        for (index, (_, has, ..)) in rows.iter().enumerate() {
            let word = match has {
                None => "not assessed",
                Some(level) if *level == Level::NONE => "0",
                Some(_) => continue,
            };
            plot.add(
                egui_plot::Text::new(
                    "",
                    egui_plot::PlotPoint::new(0.05, y(index) + 0.18),
                    RichText::new(word).size(11.0).color(alert_colour()),
                )
                .anchor(egui::Align2::LEFT_CENTER),
            );
        }
    });
}

/// The member's skills over time: a step line for each skill whose level
/// moved across the rounds.
fn timeline_ui(state: &AppState, member: usize, ui: &mut egui::Ui) {
    widgets::section(ui, "Skills over time");
    let rounds = &state.derived().rounds;
    let timeline = state.member_timeline(member);
    let moved: Vec<_> = timeline
        .iter()
        .filter(|line| line.points.len() > 1)
        .collect();
    if rounds.len() < 2 || moved.is_empty() {
        widgets::none_line(
            ui,
            if rounds.len() < 2 {
                "One round or none: import another (File > Import > Roster as a new round) to see change."
            } else {
                "No level moved after the first rating."
            },
        );
        return;
    }
    let workspace = state.workspace();
    let latest = moved
        .iter()
        .flat_map(|line| line.points.iter().map(|point| point.0))
        .chain(rounds.last().copied())
        .max();
    let end = latest.map_or(0.0, widgets::day_number);
    let colours = crate::palette::SERIES_RGB;
    let colour = |index: usize| {
        let [r, g, b] = colours[index % colours.len()];
        egui::Color32::from_rgb(r, g, b)
    };
    let summary: Vec<String> = moved
        .iter()
        .map(|line| {
            let first = line.points.first().and_then(|point| point.1);
            let last = line.points.last().and_then(|point| point.1);
            let level = |level: Option<Level>| level.map_or("-".to_string(), |l| l.to_string());
            format!(
                "{} {} to {}",
                workspace.skills[line.skill].name,
                level(first),
                level(last)
            )
        })
        .collect();
    let legend: Vec<(&str, egui::Color32)> = summary
        .iter()
        .enumerate()
        .map(|(index, text)| (text.as_str(), colour(index)))
        .collect();
    widgets::legend_row(ui, &legend);
    widgets::rounds_plot("member-timeline", rounds, 200.0)
        .include_y(4.3)
        .y_axis_label("level (0-4)")
        .show(ui, |plot| {
            for (index, line) in moved.iter().enumerate() {
                let mut points: Vec<[f64; 2]> = Vec::new();
                for (date, level) in &line.points {
                    let x = widgets::day_number(*date);
                    let y = level.map_or(f64::NAN, |l| f64::from(l.get()));
                    if let Some(&[_, previous]) = points.last() {
                        points.push([x, previous]);
                    }
                    points.push([x, y]);
                }
                if let Some(&[_, last]) = points.last() {
                    points.push([end, last]);
                }
                plot.add(
                    egui_plot::Line::new(&workspace.skills[line.skill].name, points)
                        .color(colour(index))
                        .allow_band(false)
                        .width(2.0),
                );
            }
        });
}

/// For the chosen role: the members most ready for it, best first.
fn succession_ui(state: &AppState, selection: &mut ViewSelection, ui: &mut egui::Ui) {
    widgets::section(ui, "Most ready for a role");
    let Some(results) = widgets::results(state, ui) else {
        return;
    };
    let succession = &results.analysis.succession;
    if succession.is_empty() {
        widgets::none_line(ui, "No role in the library has requirements.");
        return;
    }
    let chosen = selection
        .fit
        .succession_role
        .filter(|&index| index < succession.len())
        .unwrap_or(0);
    let mut picked = chosen;
    let mut show_member = None;
    ui.horizontal(|ui| {
        let label = ui.label("Role");
        egui::ComboBox::from_id_salt("succession-role")
            .selected_text(&*succession[chosen].role.title)
            .width(260.0)
            .show_ui(ui, |ui| {
                for (index, entry) in succession.iter().enumerate() {
                    ui.selectable_value(&mut picked, index, &*entry.role.title);
                }
            })
            .response
            .labelled_by(label.id);
    });
    let candidates = &succession[chosen].candidates;
    if candidates.is_empty() {
        widgets::none_line(ui, "Nobody outside the role is a candidate.");
    }
    egui::Grid::new("successors")
        .num_columns(6)
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for heading in ["Member", "Now", "Fit", "Assessed", "Ready", "Career path"] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for candidate in candidates {
                if ui.link(&*candidate.member.name).clicked() {
                    show_member = Some(candidate.member.index);
                }
                ui.label(
                    candidate
                        .current_role
                        .as_ref()
                        .map_or("no role", |role| &*role.title),
                );
                let coverage = &candidate.coverage;
                if coverage.judgeable() {
                    ui.label(format!("{:.0}", candidate.score));
                } else {
                    ui.weak("?");
                }
                ui.label(format!(
                    "{} of {}",
                    coverage.assessed, coverage.requirements
                ));
                let word = crate::report::readiness(candidate.ready, coverage);
                if candidate.ready {
                    ui.label(RichText::new(word).color(ok_colour()).strong());
                } else if coverage.judgeable() {
                    ui.label(format!("{} required short", candidate.required_gaps));
                } else {
                    ui.weak(word);
                }
                if candidate.natural_step {
                    next_step_tag(ui);
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    selection.fit.succession_role = Some(picked);
    if let Some(member) = show_member {
        selection.people.member = Some(member);
    }
}

/// Marks a role that the seeds' career paths lead to from the member's
/// own: plain text, not a link, with the meaning on hover.
fn next_step_tag(ui: &mut egui::Ui) {
    ui.label(RichText::new("next step").italics())
        .on_hover_text("A step the role library's career paths lead to from their current role");
}
