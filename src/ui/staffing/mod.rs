//! Staffing: projects and their demand, the proposed assignment (pin a
//! member, take one off a line), what cannot be filled and why, hiring
//! placeholders with their cost, and demand against capacity by quarter
//! (in `demand`).

mod demand;
mod lines;

use demand::{open_places, staffing};
use lines::{lines_ui, whole};

use super::widgets::{self, alert_colour, money};
use super::{UiCommand, ViewCtx};
use crate::analysis::{ProjectStaffing, Staffing};
use crate::app::{AppState, Command, FileIntent, PlanFormat};
use crate::model::Level;
use crate::report::need_text;
use crate::words::count_of;
use eframe::egui::{self, RichText};

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
                    .show(ui, |ui| demand::quarters_ui(view, ui));
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                project_ui(view, ui);
                if !side_by_side {
                    ui.add_space(12.0);
                    demand::quarters_ui(view, ui);
                }
            });
    });
}

/// The proposal for workspace project `index`, found once per analysis.
fn proposal_of(state: &AppState, index: usize) -> Option<&ProjectStaffing> {
    let results = state.insights().results()?;
    let place = (*results.lists.project_staffing.get(index)?)?;
    let proposal = results.analysis.staffing.as_ref()?.projects.get(place)?;
    // Results a frame behind an edit may have another project there.
    (state.workspace().projects.get(index)?.name == proposal.name).then_some(proposal)
}

fn project_list_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    widgets::section(ui, "Projects");
    if ui.button("New project").clicked() {
        view.send(Command::NewProject);
    }
    let mut counting = state.workspace().settings.count_targets;
    if ui
        .checkbox(&mut counting, "Count on targets")
        .on_hover_text(
            "Count a member at their target's level when it is due by the project's start; \
             every place that rests on it is marked",
        )
        .changed()
    {
        view.send(Command::SetCountTargets(counting));
    }
    let workspace = state.workspace();
    if workspace.projects.is_empty() {
        widgets::none_line(
            ui,
            "No projects yet. Add one, or import a projects CSV with skillgrid import-projects.",
        );
    }
    // In priority order as analysed; in roster order until the analysis
    // of the latest edit arrives.
    let analysed: &[usize] = state
        .insights()
        .results()
        .map_or(&[], |results| &results.lists.project_order);
    let mut in_priority = analysed.iter().copied();
    let mut in_roster = 0..workspace.projects.len();
    let order: &mut dyn Iterator<Item = usize> = if analysed.len() == workspace.projects.len() {
        &mut in_priority
    } else {
        &mut in_roster
    };
    for index in order {
        let project = &workspace.projects[index];
        let selected = view.selection.staffing.project == Some(index);
        let unfilled = proposal_of(state, index)
            .map_or(0, |p| p.lines.iter().map(|l| l.unfilled).sum::<u32>());
        let response = ui.selectable_label(selected, &project.name);
        let response = response.on_hover_text(format!(
            "priority {}, {} to {}",
            project.priority, project.start, project.end
        ));
        if response.clicked() {
            view.selection.staffing.select_project(workspace, index);
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
        .selection
        .staffing
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
    let proposal = proposal_of(state, index);
    widgets::section(ui, "Who staffs it");
    match proposal {
        Some(proposal) => lines_ui(view, ui, index, proposal),
        None => widgets::none_line(
            ui,
            "Its dates do not read as YYYY-MM-DD, so it is not staffed.",
        ),
    }
    add_line_ui(view, ui, index);
    if let Some(proposal) = proposal {
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
    let selection = &mut *view.selection;
    ui.horizontal(|ui| {
        let label = ui.label("Project name");
        ui.add(egui::TextEdit::singleline(&mut selection.staffing.name).desired_width(240.0))
            .labelled_by(label.id);
        let label = ui.label("Priority");
        ui.add(egui::TextEdit::singleline(&mut selection.staffing.priority).desired_width(40.0))
            .labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        date_field(ui, "Start", "project-start", &mut selection.staffing.start);
        date_field(ui, "End", "project-end", &mut selection.staffing.end);
    });
    let status = view.state.workspace().projects[project].status;
    let mut tentative = status == crate::model::ProjectStatus::Tentative;
    if ui
        .checkbox(&mut tentative, "Tentative: not yet confirmed")
        .on_hover_text(
            "Tentative work is staffed from what confirmed work leaves, drawn striped on the \
             timeline, and left out of free time; the overview says what it would add",
        )
        .changed()
    {
        let status = if tentative {
            crate::model::ProjectStatus::Tentative
        } else {
            crate::model::ProjectStatus::Confirmed
        };
        view.send(Command::SetProjectStatus { project, status });
    }
    let selection = &mut *view.selection;
    if ui.button("Save details").clicked() {
        let command = Command::SaveProjectDetails {
            project,
            name: selection.staffing.name.clone(),
            priority: selection.staffing.priority.clone(),
            start: selection.staffing.start.clone(),
            end: selection.staffing.end.clone(),
        };
        view.send(command);
    }
}

/// A project date: picked from a calendar, or typed when what is there
/// does not read as a date yet.
fn date_field(ui: &mut egui::Ui, name: &str, id: &str, text: &mut String) {
    let label = ui.label(name);
    match text.trim().parse::<crate::model::Date>() {
        Ok(mut date) => {
            let picked = ui
                .add(
                    egui_extras::DatePickerButton::new(&mut date)
                        .id_salt(id)
                        .show_icon(false),
                )
                .labelled_by(label.id);
            if picked.changed() {
                *text = date.to_string();
            }
        }
        Err(_) => {
            ui.add(
                egui::TextEdit::singleline(text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0),
            )
            .labelled_by(label.id);
        }
    }
}

fn add_line_ui(view: &mut ViewCtx, ui: &mut egui::Ui, project: usize) {
    let workspace = view.state.workspace();
    let selection = &mut *view.selection;
    if selection.staffing.line_people.is_empty() {
        selection.staffing.line_people = "1".into();
        selection.staffing.line_fte = "1".into();
        selection.staffing.line_level = 3;
    }
    let mut add = false;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Skill");
        egui::ComboBox::from_id_salt("line-skill")
            .selected_text(
                selection
                    .staffing
                    .line_skill
                    .and_then(|c| workspace.skills.get(c))
                    .map_or("choose a skill".to_string(), |s| s.name.clone()),
            )
            .width(200.0)
            .show_ui(ui, |ui| {
                for (column, skill) in workspace.skills.iter().enumerate() {
                    ui.selectable_value(
                        &mut selection.staffing.line_skill,
                        Some(column),
                        &skill.name,
                    );
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("at level");
        egui::ComboBox::from_id_salt("line-level")
            .selected_text(selection.staffing.line_level.to_string())
            .width(40.0)
            .show_ui(ui, |ui| {
                for level in Level::ALL {
                    ui.selectable_value(
                        &mut selection.staffing.line_level,
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
        ui.add(egui::TextEdit::singleline(&mut selection.staffing.line_people).desired_width(40.0))
            .labelled_by(label.id);
        let label = ui.label("FTE each");
        ui.add(egui::TextEdit::singleline(&mut selection.staffing.line_fte).desired_width(50.0))
            .labelled_by(label.id);
        if ui
            .add_enabled(
                selection.staffing.line_skill.is_some(),
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
                    .staffing.line_role
                    .and_then(|r| workspace.roles.get(r))
                    .map_or("choose a role".to_string(), |r| r.title.clone()),
            )
            .width(200.0)
            .show_ui(ui, |ui| {
                for (index, role) in workspace.roles.iter().enumerate() {
                    ui.selectable_value(&mut selection.staffing.line_role, Some(index), &role.title);
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .add_enabled(
                selection.staffing.line_role.is_some(),
                egui::Button::new("Add role slot"),
            )
            .on_hover_text("People who hold the role, or are ready for it (fit 80+ with no required skill short)")
            .clicked()
        {
            add_role = selection.staffing.line_role;
        }
    });
    let (people, fte) = (
        selection.staffing.line_people.clone(),
        selection.staffing.line_fte.clone(),
    );
    if add && let Some(skill) = selection.staffing.line_skill {
        let level = Level::new(selection.staffing.line_level).unwrap_or(Level::PROFICIENT);
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
