//! The import preview: which sheet is read, how each column is read (the
//! person may change any), and the first members as they will import.
//! Nothing changes until Import.

use super::{UiCommand, ViewCtx};
use crate::app::{Command, FileIntent};
use crate::model::{ColumnUse, Level};
use eframe::egui::{self, RichText};

/// The member fields a column may be read as, in the order offered.
const FIELDS: [&str; 8] = [
    "Name", "Email", "Role", "Team", "Manager", "FTE", "Location", "Years",
];

/// Members and skills shown as they will import.
const SHOWN_MEMBERS: usize = 5;
const SHOWN_SKILLS: usize = 6;

pub fn import_preview_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(waiting) = view.state.import_preview() else {
        return;
    };
    let mut answer: Option<UiCommand> = None;
    let width = (ctx.content_rect().width() - 60.0).clamp(320.0, 760.0);
    let max_height = ctx.content_rect().height() - 80.0;
    let modal = egui::Modal::new(egui::Id::unique("import-preview")).show(ctx, |ui| {
        ui.set_width(width);
        ui.set_max_height(max_height);
        let file = crate::app::file_name(&waiting.path);
        let title = match waiting.intent {
            FileIntent::Round { as_of, .. } => format!("Import {file} as the round of {as_of}"),
            _ => format!("Import {file}"),
        };
        ui.heading(title);
        let Some(preview) = &waiting.preview else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading the file…");
            });
            if ui.button("Cancel").clicked() {
                answer = Some(Command::CancelImport.into());
            }
            return;
        };
        if let Some(sheet) = &preview.sheet {
            sheet_picker(ui, sheet, &preview.sheets, &mut answer);
        }
        ui.label(
            RichText::new(
                "Each column is read as a member detail, a skill, or set aside (not read). \
                 Change any; your choices are remembered for files with the same columns.",
            )
            .weak(),
        );
        egui::ScrollArea::vertical()
            .max_height((max_height - 260.0).max(120.0))
            .auto_shrink([false, true])
            .show(ui, |ui| columns_table(ui, preview, &mut answer));
        ui.separator();
        outcome(ui, preview);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let ready = preview.result.is_ok();
            if ui
                .add_enabled(ready, egui::Button::new("Import"))
                .on_disabled_hover_text("The file has errors: fix them or set their columns aside")
                .clicked()
            {
                answer = Some(Command::ConfirmImport.into());
            }
            if ui
                .button("Save mapping…")
                .on_hover_text("Writes these choices as a CSV that `skillgrid --map` takes")
                .clicked()
            {
                answer = Some(UiCommand::AskForFile(FileIntent::SaveColumnMap));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Command::CancelImport.into());
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Command::CancelImport.into());
    }
    if let Some(answer) = answer {
        view.send(answer);
    }
}

fn sheet_picker(
    ui: &mut egui::Ui,
    sheet: &str,
    sheets: &[(String, bool)],
    answer: &mut Option<UiCommand>,
) {
    ui.horizontal(|ui| {
        ui.label("Sheet:");
        let combo = egui::ComboBox::from_id_salt("preview-sheet")
            .selected_text(sheet)
            .show_ui(ui, |ui| {
                for (name, hidden) in sheets {
                    let label = if *hidden {
                        format!("{name} (hidden)")
                    } else {
                        name.clone()
                    };
                    if ui.selectable_label(name == sheet, label).clicked() && name != sheet {
                        *answer = Some(Command::SetImportSheet(name.clone()).into());
                    }
                }
            });
        super::widgets::name_widget(&combo.response, "Sheet to read");
        let hidden = sheets.iter().filter(|(_, hidden)| *hidden).count();
        if hidden > 0 {
            ui.label(
                RichText::new(format!(
                    "{} skipped unless picked",
                    crate::words::count_of(hidden, "hidden sheet", "hidden sheets")
                ))
                .weak(),
            );
        }
    });
}

fn columns_table(
    ui: &mut egui::Ui,
    preview: &crate::io::RosterPreview,
    answer: &mut Option<UiCommand>,
) {
    if preview.columns.is_empty() {
        ui.label("A long roster (one row per rating): its columns are fixed.");
        return;
    }
    egui::Grid::new("preview-columns")
        .num_columns(3)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.strong("Column");
            ui.strong("Read as");
            ui.strong("Why");
            ui.end_row();
            for column in &preview.columns {
                let header = if column.header.trim().is_empty() {
                    format!("(column {}, no header)", column.index + 1)
                } else {
                    column.header.clone()
                };
                ui.label(header);
                if column.header.trim().is_empty() {
                    ui.label(column.choice.spelled());
                } else {
                    choice_box(ui, column, answer);
                }
                let why = if column.chosen {
                    "your choice".to_string()
                } else {
                    column.why.clone()
                };
                ui.label(RichText::new(why).weak());
                ui.end_row();
            }
        });
}

fn choice_box(
    ui: &mut egui::Ui,
    column: &crate::io::PlannedColumn,
    answer: &mut Option<UiCommand>,
) {
    let mut options: Vec<(String, ColumnUse)> = vec![
        (
            format!("skill: {}", column.header),
            ColumnUse::Skill(column.header.clone()),
        ),
        ("set aside".to_string(), ColumnUse::SetAside),
    ];
    if let Some(near) = &column.suggestion {
        options.insert(
            1,
            (format!("skill: {near}"), ColumnUse::Skill(near.clone())),
        );
    }
    options.extend(
        FIELDS
            .iter()
            .map(|field| (field.to_string(), ColumnUse::Field(field.to_string()))),
    );
    if !options.iter().any(|(_, choice)| *choice == column.choice) {
        options.insert(0, (column.choice.spelled(), column.choice.clone()));
    }
    let combo = egui::ComboBox::from_id_salt(("preview-column", column.index))
        .selected_text(column.choice.spelled())
        .width(190.0)
        .show_ui(ui, |ui| {
            for (label, choice) in options {
                if ui
                    .selectable_label(choice == column.choice, label)
                    .clicked()
                    && choice != column.choice
                {
                    *answer = Some(Command::SetImportColumn(column.index, choice).into());
                }
            }
        });
    super::widgets::name_widget(&combo.response, &format!("Read {} as", column.header));
}

/// What would import, or why it would not: counts, the first members, and
/// the first messages.
fn outcome(ui: &mut egui::Ui, preview: &crate::io::RosterPreview) {
    match &preview.result {
        Ok(imported) => {
            let workspace = &imported.value;
            ui.label(format!(
                "Will import {} and {}{}.",
                crate::words::count_of(workspace.members.len(), "member", "members"),
                crate::words::count_of(workspace.skills.len(), "skill", "skills"),
                if imported.warnings.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", with {}",
                        crate::words::count_of(imported.warnings.len(), "warning", "warnings")
                    )
                }
            ));
            first_members(ui, workspace);
            messages(ui, &imported.warnings, false);
        }
        Err(failure) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!(
                    "Does not import: {}. Nothing changes until it does.",
                    crate::words::count_of(failure.errors.len(), "error", "errors")
                ),
            );
            messages(ui, &failure.errors, true);
        }
    }
}

fn first_members(ui: &mut egui::Ui, workspace: &crate::model::Workspace) {
    let skills = workspace.skills.len().min(SHOWN_SKILLS);
    egui::Grid::new("preview-members")
        .striped(true)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            ui.strong("Name");
            ui.strong("Team");
            for skill in &workspace.skills[..skills] {
                ui.strong(skill.name.chars().take(14).collect::<String>())
                    .on_hover_text(&skill.name);
            }
            ui.end_row();
            for (row, member) in workspace.members.iter().take(SHOWN_MEMBERS).enumerate() {
                ui.label(&member.name);
                ui.label(member.team.as_deref().unwrap_or("—"));
                for skill in 0..skills {
                    let level = workspace.levels.get(row, skill).level();
                    ui.label(level.map_or("·".to_string(), |level: Level| level.to_string()));
                }
                ui.end_row();
            }
        });
}

fn messages(ui: &mut egui::Ui, diagnostics: &[crate::io::Diagnostic], errors: bool) {
    for diagnostic in diagnostics.iter().take(4) {
        let place = diagnostic
            .cell
            .clone()
            .or_else(|| diagnostic.line.map(|line| format!("line {line}")))
            .map_or(String::new(), |place| format!("{place}: "));
        let text = format!("{place}{}", diagnostic.message);
        if errors {
            ui.colored_label(ui.visuals().error_fg_color, text);
        } else {
            ui.label(RichText::new(text).weak());
        }
    }
    if diagnostics.len() > 4 {
        ui.label(RichText::new(format!("…and {} more", diagnostics.len() - 4)).weak());
    }
}
