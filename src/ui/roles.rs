//! Roles and skills: the built-in library (read-only, with the seed each
//! role was authored from) and the workspace's own roles and skills. Built-in
//! roles are duplicated to be customised; skills are added, renamed and
//! merged. Every change is one undoable step saved with the workspace.

use super::widgets::{self, alert_colour};
use super::{UiCommand, ViewCtx};
use crate::app::{Command, FileIntent};
use crate::model::{Importance, Level, SkillKind};
use eframe::egui::{self, RichText};

/// The seed documents' titles, for "authored from".
fn seed_title(seed: &str) -> &'static str {
    match seed {
        "000" => "Technical Manager",
        "001" => "Manager - Software Engineering",
        "002" => "Technical Lead Manager",
        "003" => "Tech Lead vs EM vs PM",
        "004" => "Technical Leader",
        _ => "an unknown seed",
    }
}

pub fn roles_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    widgets::view_heading(ui, "Roles & skills", false);
    egui::Panel::left("library-list")
        .resizable(true)
        .default_size(280.0)
        .show(ui, |ui| list_ui(view, ui));
    if view.selection.roles.role.is_none()
        && view.selection.roles.skill.is_none()
        && let Some(first) = state.workspace().roles.first()
    {
        view.selection.roles.select_role(0, first);
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some(error) = state.edit_error() {
            ui.label(RichText::new(error).color(alert_colour()));
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let workspace = state.workspace();
                if let Some(role) = view
                    .selection
                    .roles
                    .role
                    .filter(|&r| r < workspace.roles.len())
                {
                    role_ui(view, ui, role);
                } else if let Some(skill) = view
                    .selection
                    .roles
                    .skill
                    .filter(|&s| s < workspace.skills.len())
                {
                    skill_ui(view, ui, skill);
                } else {
                    widgets::none_line(ui, "Pick a role or a skill on the left.");
                }
            });
    });
}

fn list_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            widgets::section(ui, "Roles");
            if ui
                .button("Import a career framework…")
                .on_hover_text(
                    "An FT job family (YAML), a Monzo page (Markdown) or a levels x \
                     competencies grid (CSV or Excel): its levels become roles, after a preview",
                )
                .clicked()
            {
                view.send(UiCommand::AskForFile(FileIntent::Import(
                    crate::app::ImportKind::Framework,
                )));
            }
            let workspace = state.workspace();
            for (group, roles) in &state.derived().role_groups {
                egui::CollapsingHeader::new(group)
                    .id_salt(("role-group", group))
                    .default_open(true)
                    .show(ui, |ui| {
                        for &index in roles {
                            role_entry(view, ui, index);
                        }
                    });
            }
            widgets::section(ui, "Skills");
            ui.horizontal(|ui| {
                let label = ui.label("New skill");
                ui.add(
                    egui::TextEdit::singleline(&mut view.selection.roles.new_skill)
                        .hint_text("name")
                        .desired_width(110.0),
                )
                .labelled_by(label.id);
                ui.checkbox(&mut view.selection.roles.new_skill_soft, "soft");
            });
            if ui.button("Add skill").clicked() {
                let kind = if view.selection.roles.new_skill_soft {
                    SkillKind::Soft
                } else {
                    SkillKind::Hard
                };
                let name = view.selection.roles.new_skill.clone();
                view.send(Command::AddSkill { name, kind });
            }
            let row_height = ui.spacing().interact_size.y;
            let count = workspace.skills.len();
            egui::ScrollArea::vertical()
                .id_salt("skills-list")
                .max_height(f32::INFINITY)
                .show_rows(ui, row_height, count, |ui, range| {
                    for column in range {
                        let skill = &workspace.skills[column];
                        let selected = view.selection.roles.skill == Some(column);
                        if ui
                            .selectable_label(selected, &skill.name)
                            .on_hover_text(format!(
                                "{} skill, {}",
                                skill.kind.label(),
                                skill.category
                            ))
                            .clicked()
                        {
                            view.selection.roles.select_skill(workspace, column);
                        }
                    }
                });
        });
}

fn role_entry(view: &mut ViewCtx, ui: &mut egui::Ui, index: usize) {
    let state = view.state;
    let role = &state.workspace().roles[index];
    let members = state.derived().members_in_role(index);
    let selected = view.selection.roles.role == Some(index);
    let mut text = egui::text::LayoutJob::default();
    let style = ui.style();
    RichText::new(&role.title).append_to(
        &mut text,
        style,
        egui::FontSelection::Default,
        egui::Align::Center,
    );
    RichText::new(format!("  {members}"))
        .weak()
        .small()
        .append_to(
            &mut text,
            style,
            egui::FontSelection::Default,
            egui::Align::Center,
        );
    if ui
        .selectable_label(selected, text)
        .on_hover_text(format!("{members} members hold this role"))
        .clicked()
    {
        view.selection.roles.select_role(index, role);
    }
}

fn role_ui(view: &mut ViewCtx, ui: &mut egui::Ui, index: usize) {
    let state = view.state;
    let workspace = state.workspace();
    let role = &workspace.roles[index];
    let members = state.derived().members_in_role(index);
    ui.horizontal(|ui| {
        ui.label(RichText::new(&role.title).heading());
        ui.label(
            RichText::new(if role.builtin {
                "built-in, read-only"
            } else if role.framework.is_some() {
                "imported level, editable"
            } else {
                "custom"
            })
            .weak(),
        );
    });
    if role.builtin {
        let seeds: Vec<String> = role
            .seeds
            .iter()
            .map(|seed| format!("seed {seed} ({})", seed_title(seed)))
            .collect();
        ui.label(if seeds.is_empty() {
            "Not in the seeds: a Skillgrid assumption.".to_string()
        } else {
            format!("Authored from {}.", seeds.join(" and "))
        });
    }
    if let Some(source) = &role.framework {
        ui.add(
            egui::Label::new(format!(
                "Level {} of {}. Importing a newer version of the framework updates it in place.",
                source.level,
                source.describe()
            ))
            .wrap(),
        );
    } else if !role.summary.is_empty() {
        ui.add(egui::Label::new(&role.summary).wrap());
    }
    ui.label(format!(
        "{members} members hold it · track: {}",
        match role.track {
            crate::model::Track::Ic => "individual contributor",
            crate::model::Track::Manager => "manager",
        }
    ));
    if let Some(band) = &role.salary {
        ui.label(format!(
            "Salary {} - {} {}{}",
            widgets::money(band.min),
            widgets::money(band.max),
            band.currency,
            if band.estimated {
                " (estimate: not in the seeds)"
            } else {
                ""
            }
        ));
    }
    if let Some(span) = &role.span {
        ui.label(format!(
            "Span of control: {}-{} direct reports",
            span.min, span.max
        ));
    }
    if let Some(years) = &role.years {
        ui.label(format!("Experience: {years} years"));
    }
    if let Some(split) = &role.time_split {
        ui.label(format!(
            "Time: strategy {:.0}%, people {:.0}%, building {:.0}%",
            split.strategy, split.people, split.building
        ));
    }
    let links = |links: &[crate::model::CareerLink]| -> String {
        links
            .iter()
            .map(|l| l.title.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !role.career.entry_from.is_empty() {
        ui.label(format!("Entry from: {}", links(&role.career.entry_from)));
    }
    if !role.career.advancement_to.is_empty() {
        ui.label(format!(
            "Advancement to: {}",
            links(&role.career.advancement_to)
        ));
    }

    ui.horizontal(|ui| {
        if ui
            .button("Duplicate to customise")
            .on_hover_text("A copy you can edit; built-in roles stay as the seeds define them")
            .clicked()
        {
            view.send(Command::DuplicateRole(index));
        }
        if !role.builtin {
            rename_role_ui(view, ui, index);
        }
    });
    if !role.builtin {
        move_members_ui(view, ui, index);
    }
    requirements_ui(view, ui, index);
}

fn rename_role_ui(view: &mut ViewCtx, ui: &mut egui::Ui, index: usize) {
    let label = ui.label("Title");
    ui.add(egui::TextEdit::singleline(&mut view.selection.roles.role_title).desired_width(200.0))
        .labelled_by(label.id);
    if ui.button("Rename role").clicked() {
        let title = view.selection.roles.role_title.clone();
        view.send(Command::RenameRole { role: index, title });
    }
}

fn move_members_ui(view: &mut ViewCtx, ui: &mut egui::Ui, index: usize) {
    let state = view.state;
    let workspace = state.workspace();
    ui.horizontal_wrapped(|ui| {
        ui.label("Move the members of");
        for (other, role) in workspace.roles.iter().enumerate() {
            let count = state.derived().members_in_role(other);
            if other == index || count == 0 {
                continue;
            }
            if ui
                .small_button(format!("{} ({count})", role.title))
                .on_hover_text("Give them this role instead")
                .clicked()
            {
                view.send(Command::MoveRoleMembers {
                    from: other,
                    to: index,
                });
            }
        }
    });
}

fn requirements_ui(view: &mut ViewCtx, ui: &mut egui::Ui, index: usize) {
    let workspace = view.state.workspace();
    let role = &workspace.roles[index];
    let editable = !role.builtin;
    widgets::section(ui, "Requirements");
    let mut change: Option<(usize, Option<(Level, Importance)>)> = None;
    let basis_width = (ui.available_width() - 380.0).clamp(160.0, 640.0);
    egui::Grid::new("requirements")
        .num_columns(5)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for heading in ["Skill", "Level", "Importance", "Basis or criteria", ""] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for (row, requirement) in role.requirements.iter().enumerate() {
                let name = crate::catalog::builtin().skill_name(workspace, &requirement.skill);
                ui.label(&name);
                if editable {
                    let mut level = requirement.min_level;
                    let mut importance = requirement.importance;
                    let combo = egui::ComboBox::from_id_salt(("req-level", row))
                        .selected_text(level.get().to_string())
                        .width(40.0)
                        .show_ui(ui, |ui| {
                            for option in Level::ALL {
                                ui.selectable_value(&mut level, option, option.get().to_string());
                            }
                        });
                    widgets::name_widget(&combo.response, &format!("Level of {name}"));
                    let combo = egui::ComboBox::from_id_salt(("req-importance", row))
                        .selected_text(importance.label())
                        .show_ui(ui, |ui| {
                            for option in [Importance::Required, Importance::Preferred] {
                                ui.selectable_value(&mut importance, option, option.label());
                            }
                        });
                    widgets::name_widget(&combo.response, &format!("Importance of {name}"));
                    if (level, importance) != (requirement.min_level, requirement.importance) {
                        change = Some((row, Some((level, importance))));
                    }
                } else {
                    ui.label(requirement.min_level.get().to_string());
                    ui.label(requirement.importance.label());
                }
                ui.scope(|ui| {
                    ui.set_max_width(basis_width);
                    ui.add(
                        egui::Label::new(RichText::new(&requirement.basis).weak().small()).wrap(),
                    );
                });
                if editable && ui.small_button("Remove").clicked() {
                    change = Some((row, None));
                }
                ui.end_row();
            }
        });
    if let Some((row, change)) = change {
        view.send(Command::SetRequirement {
            role: index,
            row,
            change,
        });
    }
    if editable {
        add_requirement_ui(view, ui, index);
    }
}

fn add_requirement_ui(view: &mut ViewCtx, ui: &mut egui::Ui, index: usize) {
    let workspace = view.state.workspace();
    let role = &workspace.roles[index];
    let mut picked = view
        .selection
        .roles
        .new_requirement
        .filter(|&column| column < workspace.skills.len());
    ui.horizontal(|ui| {
        let label = ui.label("Require");
        egui::ComboBox::from_id_salt("new-requirement")
            .selected_text(
                picked.map_or("a skill".to_string(), |c| workspace.skills[c].name.clone()),
            )
            .width(220.0)
            .show_ui(ui, |ui| {
                for (column, skill) in workspace.skills.iter().enumerate() {
                    if role.requirement(&skill.id).is_none() {
                        ui.selectable_value(&mut picked, Some(column), &skill.name);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .add_enabled(picked.is_some(), egui::Button::new("Add requirement"))
            .clicked()
            && let Some(column) = picked
        {
            view.send(Command::AddRequirement {
                role: index,
                skill: column,
            });
            picked = None;
        }
    });
    view.selection.roles.new_requirement = picked;
}

fn skill_ui(view: &mut ViewCtx, ui: &mut egui::Ui, column: usize) {
    let workspace = view.state.workspace();
    let skill = &workspace.skills[column];
    ui.horizontal(|ui| {
        ui.label(RichText::new(&skill.name).heading());
        ui.label(
            RichText::new(format!(
                "{} skill · {}{}",
                skill.kind.label(),
                skill.category,
                if skill.builtin {
                    " · library"
                } else {
                    " · custom"
                }
            ))
            .weak(),
        );
    });
    if !skill.description.is_empty() {
        ui.add(egui::Label::new(&skill.description).wrap());
    }
    if !skill.sources.is_empty() {
        let sources: Vec<String> = skill
            .sources
            .iter()
            .map(|s| format!("\"{}\" (seed {})", s.label, s.seed))
            .collect();
        ui.add(egui::Label::new(format!("From {}", sources.join(", "))).wrap());
    }
    if !skill.aliases.is_empty() {
        ui.add(
            egui::Label::new(
                RichText::new(format!("Also read as: {}", skill.aliases.join(", "))).weak(),
            )
            .wrap(),
        );
    }
    let needed_by: Vec<&str> = workspace
        .roles
        .iter()
        .filter(|role| role.requirement(&skill.id).is_some())
        .map(|role| role.title.as_str())
        .collect();
    if !needed_by.is_empty() {
        ui.add(egui::Label::new(format!("Required by {}", needed_by.join(", "))).wrap());
    }

    widgets::section(ui, "Rename");
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        ui.add(
            egui::TextEdit::singleline(&mut view.selection.roles.skill_name).desired_width(220.0),
        )
        .labelled_by(label.id);
        if ui.button("Rename skill").clicked() {
            let name = view.selection.roles.skill_name.clone();
            view.send(Command::RenameSkill { column, name });
        }
    });

    widgets::section(ui, "Merge");
    ui.label(
        RichText::new("Merging keeps every member's higher level of the two, and roles that required either require the one kept.")
            .weak(),
    );
    let mut into = view
        .selection
        .roles
        .merge_into
        .filter(|&other| other < workspace.skills.len() && other != column);
    ui.horizontal(|ui| {
        let label = ui.label("Merge into");
        egui::ComboBox::from_id_salt("merge-into")
            .selected_text(into.map_or("a skill".to_string(), |c| workspace.skills[c].name.clone()))
            .width(220.0)
            .show_ui(ui, |ui| {
                for (other, target) in workspace.skills.iter().enumerate() {
                    if other != column {
                        ui.selectable_value(&mut into, Some(other), &target.name);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .add_enabled(into.is_some(), egui::Button::new("Merge skills"))
            .clicked()
            && let Some(target) = into
        {
            view.send(Command::MergeSkills {
                from: column,
                into: target,
            });
            into = None;
        }
    });
    view.selection.roles.merge_into = into;
}
