//! The scenarios view: named sets of changes to the plan, made here, kept
//! in the workspace, compared two or three at a time beside the team as it
//! is, and applied as one undoable step.

use super::{ViewCtx, widgets};
use crate::app::{Command, ScenarioComparison};
use crate::model::{PlannedHire, ProjectSwitch, ReportMove, ScenarioChange};
use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

pub fn scenarios_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    ui.heading("Scenarios");
    ui.label(RichText::new(crate::app::View::Scenarios.question()).weak());
    if let Some(error) = view.state.edit_error() {
        ui.label(RichText::new(error).color(widgets::alert_colour()));
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            widgets::section(ui, "Side by side");
            comparison_ui(view, ui);
            widgets::section(ui, "The scenarios");
            list_ui(view, ui);
            new_scenario_ui(view, ui);
            if !view.state.workspace().scenarios.is_empty() {
                widgets::section(ui, "Change a scenario");
                change_ui(view, ui);
            }
        });
}

/// The figures of the team as it is and of each scenario compared.
fn comparison_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let comparison = view.state.scenario_comparison();
    if comparison.is_computing() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Analysing each scenario…");
        });
    }
    let figures = match &comparison.figures {
        Some(Ok(figures)) => figures,
        Some(Err(message)) => {
            ui.label(RichText::new(message).color(widgets::alert_colour()));
            return;
        }
        None => return,
    };
    if figures.len() <= 1 {
        widgets::none_line(
            ui,
            "Tick up to three scenarios below to see them beside the team as it is.",
        );
    }
    let rows = crate::report::scenario_figure_rows();
    ui.push_id("scenario-figures", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .column(Column::auto().at_least(260.0))
            .columns(Column::auto().at_least(120.0), figures.len())
            .header(22.0, |mut header| {
                header.col(|ui| {
                    ui.strong("Figure");
                });
                for figure in figures {
                    header.col(|ui| {
                        ui.strong(&figure.name);
                    });
                }
            })
            .body(|mut body| {
                for (label, value) in rows {
                    body.row(20.0, |mut row| {
                        row.col(|ui| {
                            ui.label(label);
                        });
                        let first = value(&figures[0]);
                        for figure in figures {
                            row.col(|ui| {
                                let text = value(figure);
                                // What a scenario changes stands out.
                                if text != first {
                                    ui.strong(text);
                                } else {
                                    ui.label(text);
                                }
                            });
                        }
                    });
                }
            });
    });
}

fn list_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let workspace = state.workspace();
    if workspace.scenarios.is_empty() {
        widgets::none_line(
            ui,
            "No scenarios yet. Name one below, then add hires, departures, report moves \
             and tentative projects to it.",
        );
        return;
    }
    let compared = &state.scenario_comparison().names;
    for (index, scenario) in workspace.scenarios.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut ticked = compared.contains(&scenario.name);
            let full = compared.len() >= ScenarioComparison::MOST && !ticked;
            let tick = ui
                .add_enabled(
                    !full,
                    egui::Checkbox::new(&mut ticked, RichText::new(&scenario.name).strong()),
                )
                .on_hover_text("Compare it beside the team as it is")
                .on_disabled_hover_text("Three are compared at most: untick one first");
            if tick.changed() {
                let mut names = compared.clone();
                if ticked {
                    names.push(scenario.name.clone());
                } else {
                    names.retain(|name| *name != scenario.name);
                }
                view.send(Command::CompareScenarios(names));
            }
            if ui
                .button("Apply")
                .on_hover_text(
                    "Make it real: hires join as placeholders, departures leave today, moves \
                     and project switches take effect; one step Edit > Undo takes back",
                )
                .clicked()
            {
                view.send(Command::ApplyScenario(index));
            }
            if ui.button("Remove").clicked() {
                view.send(Command::RemoveScenario(index));
            }
        });
        let changes = scenario.changes(workspace);
        if changes.is_empty() {
            ui.label(RichText::new("  no changes yet").weak());
        }
        for change in changes {
            ui.label(RichText::new(format!("  {change}")).weak());
        }
    }
}

fn new_scenario_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let label = ui.label("New scenario");
        let inputs = &mut view.selection.scenarios;
        ui.add(egui::TextEdit::singleline(&mut inputs.new_name).desired_width(220.0))
            .labelled_by(label.id);
        if ui.button("Add scenario").clicked() {
            let name = std::mem::take(&mut inputs.new_name);
            inputs.editing = view.state.workspace().scenarios.len();
            view.send(Command::AddScenario(name));
        }
    });
}

/// Puts a change together and adds it to the scenario picked.
fn change_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let workspace = state.workspace();
    let inputs = &mut view.selection.scenarios;
    inputs.editing = inputs.editing.min(workspace.scenarios.len() - 1);
    let mut sent: Option<ScenarioChange> = None;
    ui.horizontal(|ui| {
        ui.label("Scenario");
        let combo = egui::ComboBox::from_id_salt("scenario-editing")
            .selected_text(&workspace.scenarios[inputs.editing].name)
            .show_ui(ui, |ui| {
                for (index, scenario) in workspace.scenarios.iter().enumerate() {
                    ui.selectable_value(&mut inputs.editing, index, &scenario.name);
                }
            });
        widgets::name_widget(&combo.response, "Scenario to change");
    });
    egui::Grid::new("scenario-changes")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label("Hire");
            ui.horizontal(|ui| {
                if !workspace.roles.is_empty() {
                    inputs.role = inputs.role.min(workspace.roles.len() - 1);
                    let combo = egui::ComboBox::from_id_salt("scenario-role")
                        .selected_text(&workspace.roles[inputs.role].title)
                        .width(220.0)
                        .show_ui(ui, |ui| {
                            for (index, role) in workspace.roles.iter().enumerate() {
                                ui.selectable_value(&mut inputs.role, index, &role.title);
                            }
                        });
                    widgets::name_widget(&combo.response, "Role to hire");
                }
                let teams = &state.derived().teams;
                let combo = egui::ComboBox::from_id_salt("scenario-team")
                    .selected_text(if inputs.team.is_empty() {
                        "no team"
                    } else {
                        inputs.team.as_str()
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut inputs.team, String::new(), "no team");
                        for team in teams {
                            ui.selectable_value(&mut inputs.team, team.clone(), team);
                        }
                    });
                widgets::name_widget(&combo.response, "Team of the hire");
                if ui.button("Add hire").clicked()
                    && let Some(role) = workspace.roles.get(inputs.role)
                {
                    let team = (!inputs.team.is_empty()).then(|| inputs.team.clone());
                    sent = Some(ScenarioChange::Hire(PlannedHire::new(
                        role.id.clone(),
                        team,
                    )));
                }
            });
            ui.end_row();

            let leaves = ui.label("Leaves (name or email)");
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut inputs.departing).desired_width(220.0))
                    .labelled_by(leaves.id);
                let known = typed_member(workspace, &inputs.departing);
                if ui
                    .add_enabled(known.is_some(), egui::Button::new("Add departure"))
                    .on_disabled_hover_text("Type the name or email of someone on the team")
                    .clicked()
                    && let Some(member) = known
                {
                    sent = Some(ScenarioChange::Depart(workspace.members[member].key()));
                    inputs.departing.clear();
                }
            });
            ui.end_row();

            let moves = ui.label("Reports to (member, manager)");
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut inputs.moving).desired_width(160.0))
                    .labelled_by(moves.id);
                let manager = ui.label("now reports to");
                ui.add(egui::TextEdit::singleline(&mut inputs.manager).desired_width(160.0))
                    .labelled_by(manager.id);
                let found = (
                    typed_member(workspace, &inputs.moving),
                    typed_member(workspace, &inputs.manager),
                );
                if ui
                    .add_enabled(
                        matches!(found, (Some(_), Some(_))),
                        egui::Button::new("Add move"),
                    )
                    .on_disabled_hover_text("Type the names or emails of two people on the team")
                    .clicked()
                    && let (Some(member), Some(manager)) = found
                {
                    sent = Some(ScenarioChange::Move(ReportMove {
                        member: workspace.members[member].key(),
                        manager: workspace.members[manager].name.clone(),
                    }));
                    inputs.moving.clear();
                    inputs.manager.clear();
                }
            });
            ui.end_row();

            let tentative: Vec<(usize, &str)> = workspace
                .projects
                .iter()
                .enumerate()
                .filter(|(_, project)| project.is_tentative())
                .map(|(index, project)| (index, project.name.as_str()))
                .collect();
            ui.label("Tentative project");
            ui.horizontal(|ui| {
                if tentative.is_empty() {
                    ui.label(
                        RichText::new("none: mark a project tentative in the staffing view").weak(),
                    );
                    return;
                }
                if !tentative.iter().any(|(index, _)| *index == inputs.project) {
                    inputs.project = tentative[0].0;
                }
                let combo = egui::ComboBox::from_id_salt("scenario-project")
                    .selected_text(workspace.projects[inputs.project].name.as_str())
                    .show_ui(ui, |ui| {
                        for (index, name) in &tentative {
                            ui.selectable_value(&mut inputs.project, *index, *name);
                        }
                    });
                widgets::name_widget(&combo.response, "Tentative project");
                ui.radio_value(&mut inputs.lands, true, "lands");
                ui.radio_value(&mut inputs.lands, false, "does not happen");
                if ui.button("Add").clicked() {
                    sent = Some(ScenarioChange::Project(ProjectSwitch {
                        project: workspace.projects[inputs.project].name.clone(),
                        on: inputs.lands,
                    }));
                }
            });
            ui.end_row();

            ui.label("Pin (project, line, member, FTE)");
            ui.horizontal(|ui| {
                if workspace.projects.is_empty() {
                    ui.label(RichText::new("no projects yet").weak());
                    return;
                }
                inputs.pin_project = inputs.pin_project.min(workspace.projects.len() - 1);
                let project = &workspace.projects[inputs.pin_project];
                let combo = egui::ComboBox::from_id_salt("scenario-pin-project")
                    .selected_text(project.name.as_str())
                    .show_ui(ui, |ui| {
                        for (index, project) in workspace.projects.iter().enumerate() {
                            ui.selectable_value(&mut inputs.pin_project, index, &project.name);
                        }
                    });
                widgets::name_widget(&combo.response, "Project to pin on");
                let lines = project.demand.len() + project.role_slots.len();
                let line = ui.label("line");
                ui.add(egui::TextEdit::singleline(&mut inputs.pin_line).desired_width(30.0))
                    .labelled_by(line.id);
                let who = ui.label("member");
                ui.add(egui::TextEdit::singleline(&mut inputs.pin_member).desired_width(140.0))
                    .labelled_by(who.id);
                let fte = ui.label("FTE");
                ui.add(egui::TextEdit::singleline(&mut inputs.pin_fte).desired_width(40.0))
                    .labelled_by(fte.id);
                let line_number = inputs
                    .pin_line
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .filter(|line| (1..=lines).contains(line));
                let member = typed_member(workspace, &inputs.pin_member);
                let share = crate::io::parse_share(inputs.pin_fte.trim())
                    .ok()
                    .filter(|share| *share > 0.0);
                if ui
                    .add_enabled(
                        line_number.is_some() && member.is_some() && share.is_some(),
                        egui::Button::new("Add pin"),
                    )
                    .on_disabled_hover_text(format!(
                        "A line from 1 to {lines}, someone on the team, and a share of time"
                    ))
                    .clicked()
                    && let (Some(line), Some(member), Some(fte)) = (line_number, member, share)
                {
                    sent = Some(ScenarioChange::Pin(crate::model::ScenarioPin {
                        project: project.name.clone(),
                        line: line - 1,
                        member: workspace.members[member].key(),
                        fte,
                    }));
                }
            });
            ui.end_row();
        });
    if let Some(change) = sent {
        let index = view.selection.scenarios.editing;
        view.send(Command::AddScenarioChange(index, change));
    }
}

/// The member a field names, once something is typed: an empty field
/// costs no pass over the roster each frame.
fn typed_member(workspace: &crate::model::Workspace, typed: &str) -> Option<usize> {
    let typed = typed.trim();
    (!typed.is_empty())
        .then(|| workspace.find_member(typed))
        .flatten()
}
