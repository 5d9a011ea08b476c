//! The career framework preview: what importing a framework would do,
//! shown before anything changes. Each level's role and track (which the
//! user can set), each theme's skill (a similar one is offered to confirm
//! or reject), the framework's scale against ours (editable), the licence;
//! then applied as one undoable step, or cancelled.

use super::{UiCommand, ViewCtx};
use crate::app::{Command, FrameworkChoice};
use crate::io::{ChangeKind, FrameworkPreview, track_words};
use crate::model::{Level, Track};
use eframe::egui::{self, RichText};

pub fn framework_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(preview) = view.state.framework_preview() else {
        view.selection.framework.licence = None;
        return;
    };
    let licence = view
        .selection
        .framework
        .licence
        .get_or_insert_with(|| preview.framework.licence.clone().unwrap_or_default());
    let mut answers: Vec<UiCommand> = Vec::new();
    let id = egui::Id::unique("framework-preview");
    // Hung from the top at a fixed width, so answering one row does not
    // move the rest under the pointer.
    let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, [0.0, 40.0]);
    let modal = egui::Modal::new(id).area(area).show(ctx, |ui| {
        let width = (ctx.content_rect().width() - 80.0).clamp(480.0, 920.0);
        ui.set_min_width(width);
        ui.set_max_width(width);
        ui.heading(format!("Import {}", preview.framework.name));
        ui.label(summary_line(preview));
        ui.horizontal(|ui| {
            ui.label(format!("From {}.", preview.framework.file));
            let label = ui.label("Licence");
            let field = ui
                .add(
                    egui::TextEdit::singleline(licence)
                        .hint_text("as the framework publishes it")
                        .desired_width(200.0),
                )
                .labelled_by(label.id);
            if field.changed() {
                answers.push(
                    Command::ChooseFramework(FrameworkChoice::Licence(licence.clone())).into(),
                );
            }
        });
        let height = (ctx.content_rect().height() - 220.0).max(200.0);
        egui::ScrollArea::vertical()
            .max_height(height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                levels_ui(ui, preview, &mut answers);
                themes_ui(ui, preview, view.state.workspace(), &mut answers);
                scale_ui(ui, preview, view.state.workspace(), &mut answers);
            });
        ui.separator();
        ui.horizontal(|ui| {
            let roles = crate::words::count_of(preview.roles.len(), "role", "roles");
            if ui
                .button(format!("Import {roles}"))
                .on_hover_text("One step: Edit > Undo takes it all back")
                .clicked()
            {
                answers.push(Command::ApplyFramework.into());
            }
            if ui.button("Cancel").clicked() {
                answers.push(Command::CancelFramework.into());
            }
            let asks = preview.themes.iter().filter(|t| t.asks()).count();
            if asks > 0 {
                ui.weak(format!(
                    "{} not answered: {}",
                    crate::words::count_of(asks, "suggestion", "suggestions"),
                    if asks == 1 {
                        "its theme is imported as a new skill"
                    } else {
                        "their themes are imported as new skills"
                    }
                ));
            }
        });
    });
    if modal.should_close() && answers.is_empty() {
        answers.push(Command::CancelFramework.into());
    }
    for answer in answers {
        view.send(answer);
    }
}

fn summary_line(preview: &FrameworkPreview) -> String {
    let [added, updated, kept] = crate::io::tally(&preview.changes);
    let matched = preview
        .themes
        .iter()
        .filter(|t| t.skill().is_some())
        .count();
    format!(
        "{} become roles ({} new, {} updated, {} unchanged); {} become skills ({matched} \
         matched, {} new). Nothing changes until you import.",
        crate::words::count_of(preview.roles.len(), "level", "levels"),
        added,
        updated,
        kept,
        crate::words::count_of(preview.themes.len(), "theme", "themes"),
        preview.new_skills.len()
    )
}

fn levels_ui(ui: &mut egui::Ui, preview: &FrameworkPreview, answers: &mut Vec<UiCommand>) {
    super::widgets::section(ui, "Levels as roles");
    egui::Grid::new("framework-levels")
        .num_columns(4)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for heading in ["Role", "Track", "Requires", "On import"] {
                ui.strong(heading);
            }
            ui.end_row();
            for (index, role) in preview.roles.iter().enumerate() {
                ui.label(&role.title);
                let mut track = preview.tracks[index];
                let combo = egui::ComboBox::from_id_salt(("framework-track", index))
                    .selected_text(track_words(track))
                    .width(170.0)
                    .show_ui(ui, |ui| {
                        for option in [Track::Ic, Track::Manager] {
                            ui.selectable_value(&mut track, option, track_words(option));
                        }
                    });
                super::widgets::name_widget(&combo.response, &format!("Track of {}", role.title));
                if track != preview.tracks[index] {
                    answers.push(
                        Command::ChooseFramework(FrameworkChoice::Track {
                            level: index,
                            track,
                        })
                        .into(),
                    );
                }
                ui.label(crate::words::count_of(
                    role.requirements.len(),
                    "skill",
                    "skills",
                ))
                .on_hover_ui(|ui| requirements_tooltip(ui, preview, role));
                let change = &preview.changes[index];
                ui.vertical(|ui| {
                    ui.label(match change.kind {
                        ChangeKind::Add => "added",
                        ChangeKind::Update => "updated",
                        ChangeKind::Keep => "unchanged",
                    });
                    for detail in &change.details {
                        ui.weak(detail);
                    }
                });
                ui.end_row();
            }
        });
}

/// A level's requirements with the framework's words, on hover.
fn requirements_tooltip(ui: &mut egui::Ui, preview: &FrameworkPreview, role: &crate::model::Role) {
    ui.set_max_width(420.0);
    for requirement in &role.requirements {
        let matched = preview
            .themes
            .iter()
            .find_map(|theme| theme.skill().filter(|(id, _)| **id == requirement.skill));
        let name = match matched {
            Some((_, name)) => name.to_string(),
            None => preview
                .new_skills
                .iter()
                .find(|skill| skill.id == requirement.skill)
                .map_or_else(|| requirement.skill.to_string(), |skill| skill.name.clone()),
        };
        ui.strong(format!("{name} {}", requirement.min_level));
        ui.add(egui::Label::new(RichText::new(&requirement.basis).weak()).wrap());
    }
}

fn themes_ui(
    ui: &mut egui::Ui,
    preview: &FrameworkPreview,
    workspace: &crate::model::Workspace,
    answers: &mut Vec<UiCommand>,
) {
    super::widgets::section(ui, "Themes as skills");
    egui::Grid::new("framework-themes")
        .num_columns(3)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for heading in ["Theme", "Becomes", ""] {
                ui.strong(heading);
            }
            ui.end_row();
            for (index, theme) in preview.themes.iter().enumerate() {
                ui.label(&theme.theme_name);
                let answer = |answer| {
                    UiCommand::from(Command::ChooseFramework(FrameworkChoice::Answer {
                        theme: index,
                        answer,
                    }))
                };
                match (&theme.matched, &theme.suggestion, theme.answer) {
                    (Some((id, name)), _, _) => {
                        ui.label(format!("the skill {name}"));
                        ui.weak(if workspace.skill(id).is_some() {
                            "same name or alias"
                        } else {
                            "same name or alias, from the library: added to the matrix"
                        });
                    }
                    (None, Some(suggestion), None) => {
                        ui.label(RichText::new(format!(
                            "a new skill, unless it is {} (read as \"{}\")",
                            suggestion.name, suggestion.label
                        )));
                        ui.horizontal(|ui| {
                            if ui.button(format!("Use {}", suggestion.name)).clicked() {
                                answers.push(answer(Some(true)));
                            }
                            if ui.button("Keep as a new skill").clicked() {
                                answers.push(answer(Some(false)));
                            }
                        });
                    }
                    (None, Some(suggestion), Some(yes)) => {
                        ui.label(if yes {
                            format!("the skill {}", suggestion.name)
                        } else {
                            format!("a new skill, {}", theme.theme_name)
                        });
                        if ui
                            .small_button("Change")
                            .on_hover_text(format!("Ask again about {}", suggestion.name))
                            .clicked()
                        {
                            answers.push(answer(None));
                        }
                    }
                    (None, None, _) => {
                        ui.label(format!("a new skill, {}", theme.theme_name));
                        ui.weak("nothing in the library is alike");
                    }
                }
                ui.end_row();
            }
        });
}

fn scale_ui(
    ui: &mut egui::Ui,
    preview: &FrameworkPreview,
    workspace: &crate::model::Workspace,
    answers: &mut Vec<UiCommand>,
) {
    super::widgets::section(ui, "The framework's scale, as our levels");
    let words = &workspace.settings.scale;
    egui::Grid::new("framework-scale")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (step, entry) in preview.framework.scale.iter().enumerate() {
                ui.label(&entry.label);
                let mut level = entry.level;
                let combo = egui::ComboBox::from_id_salt(("framework-scale", step))
                    .selected_text(format!("{level} {}", words.word(level)))
                    .width(130.0)
                    .show_ui(ui, |ui| {
                        for option in Level::ALL {
                            ui.selectable_value(
                                &mut level,
                                option,
                                format!("{option} {}", words.word(option)),
                            );
                        }
                    });
                super::widgets::name_widget(&combo.response, &format!("Level for {}", entry.label));
                if level != entry.level {
                    answers.push(
                        Command::ChooseFramework(FrameworkChoice::Scale { step, level }).into(),
                    );
                }
                ui.end_row();
            }
        });
}
