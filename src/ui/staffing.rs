//! Staffing: projects and their demand, the proposed assignment (pin a
//! member, take one off a line), what cannot be filled and why, hiring
//! placeholders with their cost, and demand against capacity by quarter.

use super::widgets::{self, alert_colour, money, ok_colour};
use super::{UiCommand, ViewCtx};
use crate::analysis::{LineStaffing, Need, ProjectStaffing, QuarterLoad, Staffing};
use crate::app::{AppState, Command, FileIntent, PlanFormat};
use crate::io::count_of;
use crate::model::Level;
use crate::report::need_text;
use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, Plot};

pub fn staffing_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    widgets::view_heading(ui, "Staffing", view.state.insights().updating());
    // Below this width the chart goes under the project instead of beside.
    let side_by_side = ui.available_width() >= 1000.0;
    let width = ui.available_width();
    egui::Panel::left("projects")
        .resizable(true)
        .default_size(200.0)
        .size_range(150.0..=width * 0.3)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| project_list_ui(view, ui));
        });
    if side_by_side {
        egui::Panel::right("quarters")
            .resizable(true)
            .default_size((width * 0.3).clamp(300.0, 520.0))
            .size_range(260.0..=width * 0.45)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| quarters_ui(view, ui));
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                project_ui(view, ui);
                if !side_by_side {
                    ui.add_space(12.0);
                    quarters_ui(view, ui);
                }
            });
    });
}

fn staffing(state: &AppState) -> Option<&Staffing> {
    state
        .insights()
        .results()
        .and_then(|results| results.analysis.staffing.as_ref())
}

fn project_list_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    widgets::section(ui, "Projects");
    if ui.button("New project").clicked() {
        view.send(Command::NewProject);
    }
    let workspace = state.workspace();
    if workspace.projects.is_empty() {
        widgets::none_line(
            ui,
            "No projects yet. Add one, or import a projects CSV with skillgrid import-projects.",
        );
    }
    let mut order: Vec<usize> = (0..workspace.projects.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&workspace.projects[a], &workspace.projects[b]);
        pa.priority.cmp(&pb.priority).then(pa.start.cmp(&pb.start))
    });
    for index in order {
        let project = &workspace.projects[index];
        let selected = view.forms.project == Some(index);
        let unfilled = staffing(state)
            .and_then(|s| s.projects.iter().find(|p| p.name == project.name))
            .map_or(0, |p| p.lines.iter().map(|l| l.unfilled).sum::<u32>());
        let response = ui.selectable_label(selected, &project.name);
        let response = response.on_hover_text(format!(
            "priority {}, {} to {}",
            project.priority, project.start, project.end
        ));
        if response.clicked() {
            view.forms.select_project(workspace, index);
        }
        ui.horizontal(|ui| {
            ui.add_space(8.0);
            ui.label(
                RichText::new(format!(
                    "P{} · {} to {}",
                    project.priority, project.start, project.end
                ))
                .small()
                .weak(),
            );
            if unfilled > 0 {
                ui.label(
                    RichText::new(format!("{unfilled} open"))
                        .small()
                        .color(alert_colour()),
                );
            }
        });
    }
}

fn project_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let Some(index) = view
        .forms
        .project
        .filter(|&i| i < state.workspace().projects.len())
    else {
        widgets::none_line(ui, "Pick a project on the left, or add one.");
        if let Some(staffing) = staffing(state) {
            summary_ui(ui, staffing);
        }
        return;
    };
    details_ui(view, ui, index);
    if let Some(error) = state.edit_error() {
        ui.label(RichText::new(error).color(alert_colour()));
    }
    let name = state.workspace().projects[index].name.clone();
    let proposal = staffing(state)
        .and_then(|s| s.projects.iter().find(|p| p.name == name))
        .cloned();
    widgets::section(ui, "Who staffs it");
    match &proposal {
        Some(proposal) => lines_ui(view, ui, index, proposal),
        None => widgets::none_line(
            ui,
            "Its dates do not read as YYYY-MM-DD, so it is not staffed.",
        ),
    }
    add_line_ui(view, ui, index);
    if let Some(proposal) = &proposal {
        ui.horizontal(|ui| {
            if ui
                .button("Accept proposal")
                .on_hover_text("Pin everyone proposed, so later changes elsewhere leave them here")
                .clicked()
            {
                view.send(Command::AcceptProposal(index));
            }
            ui.label(RichText::new(format!("total fit {}", whole(proposal.objective))).weak());
        });
    }
    if let Some(staffing) = staffing(state) {
        placeholders_ui(view, ui, staffing, Some(&name));
    }
}

fn details_ui(view: &mut ViewCtx, ui: &mut egui::Ui, project: usize) {
    let selection = &mut *view.forms;
    ui.horizontal(|ui| {
        let label = ui.label("Project name");
        ui.add(egui::TextEdit::singleline(&mut selection.project_name).desired_width(240.0))
            .labelled_by(label.id);
        let label = ui.label("Priority");
        ui.add(egui::TextEdit::singleline(&mut selection.project_priority).desired_width(40.0))
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label("Start");
        ui.add(
            egui::TextEdit::singleline(&mut selection.project_start)
                .hint_text("YYYY-MM-DD")
                .desired_width(100.0),
        )
        .labelled_by(label.id);
        let label = ui.label("End");
        ui.add(
            egui::TextEdit::singleline(&mut selection.project_end)
                .hint_text("YYYY-MM-DD")
                .desired_width(100.0),
        )
        .labelled_by(label.id);
    });
    if ui.button("Save details").clicked() {
        let command = Command::SaveProjectDetails {
            project,
            name: selection.project_name.clone(),
            priority: selection.project_priority.clone(),
            start: selection.project_start.clone(),
            end: selection.project_end.clone(),
        };
        view.send(command);
    }
}

fn lines_ui(view: &mut ViewCtx, ui: &mut egui::Ui, index: usize, proposal: &ProjectStaffing) {
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
            });
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
fn whole(value: f64) -> String {
    format!("{:.0}", value.max(0.0))
}

fn add_line_ui(view: &mut ViewCtx, ui: &mut egui::Ui, project: usize) {
    let workspace = view.state.workspace();
    let selection = &mut *view.forms;
    if selection.line_people.is_empty() {
        selection.line_people = "1".into();
        selection.line_fte = "1".into();
        selection.line_level = 3;
    }
    let mut add = false;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Skill");
        egui::ComboBox::from_id_salt("line-skill")
            .selected_text(
                selection
                    .line_skill
                    .and_then(|c| workspace.skills.get(c))
                    .map_or("choose a skill".to_string(), |s| s.name.clone()),
            )
            .width(200.0)
            .show_ui(ui, |ui| {
                for (column, skill) in workspace.skills.iter().enumerate() {
                    ui.selectable_value(&mut selection.line_skill, Some(column), &skill.name);
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("at level");
        egui::ComboBox::from_id_salt("line-level")
            .selected_text(selection.line_level.to_string())
            .width(40.0)
            .show_ui(ui, |ui| {
                for level in Level::ALL {
                    ui.selectable_value(
                        &mut selection.line_level,
                        level.get(),
                        level.get().to_string(),
                    );
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("people");
        ui.add(egui::TextEdit::singleline(&mut selection.line_people).desired_width(40.0))
            .labelled_by(label.id);
        let label = ui.label("FTE each");
        ui.add(egui::TextEdit::singleline(&mut selection.line_fte).desired_width(50.0))
            .labelled_by(label.id);
        if ui
            .add_enabled(
                selection.line_skill.is_some(),
                egui::Button::new("Add line"),
            )
            .clicked()
        {
            add = true;
        }
    });
    let mut add_role = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("or a role");
        egui::ComboBox::from_id_salt("line-role")
            .selected_text(
                selection
                    .line_role
                    .and_then(|r| workspace.roles.get(r))
                    .map_or("choose a role".to_string(), |r| r.title.clone()),
            )
            .width(200.0)
            .show_ui(ui, |ui| {
                for (index, role) in workspace.roles.iter().enumerate() {
                    ui.selectable_value(&mut selection.line_role, Some(index), &role.title);
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .add_enabled(
                selection.line_role.is_some(),
                egui::Button::new("Add role slot"),
            )
            .on_hover_text("People who hold the role, or are ready for it (fit 85+)")
            .clicked()
        {
            add_role = selection.line_role;
        }
    });
    let (people, fte) = (selection.line_people.clone(), selection.line_fte.clone());
    if add && let Some(skill) = selection.line_skill {
        let level = Level::new(selection.line_level).unwrap_or(Level::PROFICIENT);
        view.send(Command::AddDemandLine {
            project,
            skill,
            level,
            people: people.clone(),
            fte: fte.clone(),
        });
    }
    if let Some(role) = add_role {
        view.send(Command::AddRoleSlot {
            project,
            role,
            people,
            fte,
        });
    }
}

fn placeholders_ui(
    view: &mut ViewCtx,
    ui: &mut egui::Ui,
    staffing: &Staffing,
    project: Option<&str>,
) {
    widgets::section(ui, "Hiring placeholders");
    let shown: Vec<_> = staffing
        .placeholders
        .iter()
        .filter(|p| project.is_none_or(|name| p.project == name))
        .collect();
    if shown.is_empty() {
        widgets::none_line(ui, "None: every line is filled.");
    }
    for placeholder in &shown {
        ui.label(crate::report::placeholder_text(placeholder));
    }
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "All projects: {}, {} a year at midpoints",
                count_of(staffing.placeholders.len(), "placeholder", "placeholders"),
                money(staffing.placeholder_cost.mid)
            ))
            .strong(),
        );
        if ui.button("Export placeholders CSV…").clicked() {
            view.send(UiCommand::AskForFile(FileIntent::ExportPlan(
                PlanFormat::Csv,
            )));
        }
    });
}

/// People still to find across every project.
fn open_places(staffing: &Staffing) -> u32 {
    staffing
        .projects
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.unfilled)
        .sum()
}

fn summary_ui(ui: &mut egui::Ui, staffing: &Staffing) {
    widgets::section(ui, "All projects");
    let open = open_places(staffing);
    ui.label(format!(
        "Total fit {} (taking the best free member for each slot in turn would give {}); {} open",
        whole(staffing.objective),
        whole(staffing.greedy_objective),
        count_of(open as usize, "place", "places")
    ));
    for problem in &staffing.problems {
        ui.label(RichText::new(problem).color(alert_colour()));
    }
    widgets::section(ui, "What cannot be staffed");
    let mut any = false;
    for project in &staffing.projects {
        for line in project.lines.iter().filter(|line| line.unfilled > 0) {
            any = true;
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{} ({})",
                        project.name,
                        project.quarters.join(", ")
                    ))
                    .strong(),
                );
                ui.label(format!("{} × {}:", line.unfilled, need_text(&line.need)));
                ui.label(RichText::new(line.reason.as_deref().unwrap_or("")).color(alert_colour()));
            });
        }
    }
    if !any {
        widgets::none_line(ui, "Every line of every project is staffed.");
    }
}

/// Demand against capacity by quarter, for all skills or one, and the
/// skills only one free member can cover each quarter.
fn quarters_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    widgets::section(ui, "Demand against capacity");
    let Some(staffing) = staffing(state) else {
        widgets::none_line(ui, "No projects to plan.");
        return;
    };
    let mut chosen = view.forms.chart_skill.clone();
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
    let teal = super::matrix::level_colour(Some(Level::WORKING));
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
    view.forms.chart_skill = chosen;
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
            let teal = super::matrix::level_colour(Some(Level::WORKING));
            plot.add(BarChart::new("demanded", widgets::solid(demanded(within), teal)).color(teal));
            plot.add(
                BarChart::new(
                    "demanded, over capacity",
                    widgets::solid(demanded(over), alert_colour()),
                )
                .color(alert_colour()),
            );
        });
}
