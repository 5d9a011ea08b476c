//! The window around the views: menu bar, keyboard shortcuts, navigation,
//! status bar, the unsaved-changes dialog and the drop hint.

use super::SkillgridApp;
use crate::app::{AppState, FileIntent, ThemeChoice, View};
use crate::io::Layout;
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const REDO_SHIFT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// Shortcuts work wherever the focus is; the longer chords are taken first
/// so Ctrl+Shift+S is never read as Ctrl+S.
pub fn shortcuts(app: &mut SkillgridApp, ctx: &egui::Context) {
    let pressed = |shortcut: &KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(shortcut));
    if pressed(&SAVE_AS) {
        app.ask_for_file(ctx, FileIntent::SaveAs);
    } else if pressed(&SAVE) {
        app.save(ctx);
    }
    if pressed(&OPEN) {
        app.ask_for_file(ctx, FileIntent::Open);
    }
    if pressed(&REDO_SHIFT) || pressed(&REDO) {
        app.state.document.redo();
    } else if pressed(&UNDO) {
        app.state.document.undo();
    }
    if pressed(&FIND) {
        app.state.focus_search = true;
    }
}

pub fn menu_bar_ui(app: &mut SkillgridApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let shortcut = |s: &KeyboardShortcut| ctx.format_shortcut(s);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("New").clicked() {
                app.state.new_document();
                ui.close();
            }
            if ui
                .add(egui::Button::new("Open…").shortcut_text(shortcut(&OPEN)))
                .clicked()
            {
                app.ask_for_file(&ctx, FileIntent::Open);
                ui.close();
            }
            if ui.button("Import roster CSV…").clicked() {
                app.ask_for_file(&ctx, FileIntent::Import);
                ui.close();
            }
            if ui.button("Import projects CSV…").clicked() {
                app.ask_for_file(&ctx, FileIntent::ImportProjects);
                ui.close();
            }
            if ui.button("Export projects CSV…").clicked() {
                app.ask_for_file(&ctx, FileIntent::ExportProjects);
                ui.close();
            }
            ui.menu_button("Export CSV", |ui| {
                if ui.button("Wide (one row a member)…").clicked() {
                    app.ask_for_file(&ctx, FileIntent::Export(Layout::Wide));
                    ui.close();
                }
                if ui.button("Long (one row per skill)…").clicked() {
                    app.ask_for_file(&ctx, FileIntent::Export(Layout::Long));
                    ui.close();
                }
            });
            ui.separator();
            if ui
                .add(egui::Button::new("Save").shortcut_text(shortcut(&SAVE)))
                .clicked()
            {
                app.save(&ctx);
                ui.close();
            }
            if ui
                .add(egui::Button::new("Save As…").shortcut_text(shortcut(&SAVE_AS)))
                .clicked()
            {
                app.ask_for_file(&ctx, FileIntent::SaveAs);
                ui.close();
            }
            ui.menu_button("Recent files", |ui| {
                if app.state.preferences.recent_files.is_empty() {
                    ui.label("None yet");
                }
                for path in app.state.preferences.recent_files.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        let repaint = ctx.clone();
                        app.state
                            .start_open(path, FileIntent::Open, move || repaint.request_repaint());
                        ui.close();
                    }
                }
            });
            ui.separator();
            if ui.button("Quit").clicked() {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                ui.close();
            }
        });
        ui.menu_button("Edit", |ui| {
            let document = &mut app.state.document;
            let undo = document
                .undo_label()
                .map_or("Undo".to_string(), |label| format!("Undo {label}"));
            if ui
                .add_enabled(
                    document.can_undo(),
                    egui::Button::new(undo).shortcut_text(shortcut(&UNDO)),
                )
                .clicked()
            {
                document.undo();
                ui.close();
            }
            let redo = document
                .redo_label()
                .map_or("Redo".to_string(), |label| format!("Redo {label}"));
            if ui
                .add_enabled(
                    document.can_redo(),
                    egui::Button::new(redo).shortcut_text(shortcut(&REDO)),
                )
                .clicked()
            {
                document.redo();
                ui.close();
            }
        });
        ui.menu_button("View", |ui| {
            let preferences = &mut app.state.preferences;
            let before = (preferences.theme, preferences.zoom);
            ui.label("Theme");
            ui.radio_value(
                &mut preferences.theme,
                ThemeChoice::System,
                "Follow the system",
            );
            ui.radio_value(&mut preferences.theme, ThemeChoice::Light, "Light");
            ui.radio_value(&mut preferences.theme, ThemeChoice::Dark, "Dark");
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Zoom out").clicked() {
                    preferences.zoom = (preferences.zoom - 0.1).max(0.5);
                }
                if ui.button("Reset zoom").clicked() {
                    preferences.zoom = 1.0;
                }
                if ui.button("Zoom in").clicked() {
                    preferences.zoom = (preferences.zoom + 0.1).min(3.0);
                }
            });
            if before != (preferences.theme, preferences.zoom) {
                app.apply_preferences(&ctx);
            }
        });
    });
}

pub fn navigation_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.add_space(6.0);
    ui.label(egui::RichText::new("VIEWS").small().weak());
    for view in View::ALL {
        if ui
            .selectable_label(state.view == view, view.label())
            .clicked()
        {
            state.view = view;
        }
    }
}

pub fn status_bar_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let document = &state.document;
        ui.label(egui::RichText::new(&document.name).strong());
        if document.is_dirty() {
            ui.label(egui::RichText::new("• unsaved").color(ui.visuals().warn_fg_color));
        }
        ui.separator();
        ui.label(members_and_skills(state));
        ui.separator();
        let warnings = document.warnings.len();
        let label = match warnings {
            0 => "No warnings".to_string(),
            1 => "1 warning".to_string(),
            n => format!("{n} warnings"),
        };
        if ui
            .add_enabled(
                !state.diagnostics.is_empty() || warnings > 0,
                egui::Button::new(label).small(),
            )
            .clicked()
        {
            if state.diagnostics.is_empty() {
                state.diagnostics = document.warnings.clone();
                state.failed_open = None;
            }
            state.diagnostics_open = !state.diagnostics_open;
        }
        if let Some(error) = state.recovery.as_ref().and_then(|r| r.error.as_ref()) {
            ui.separator();
            ui.label(egui::RichText::new("recovery copy failed").color(ui.visuals().warn_fg_color))
                .on_hover_text(error);
        }
        if let Some(pending) = &state.pending {
            ui.separator();
            ui.spinner();
            ui.label(&pending.what);
            let done = pending.progress.fraction();
            if done > 0.0 {
                ui.add(
                    egui::ProgressBar::new(done)
                        .desired_width(120.0)
                        .show_percentage(),
                );
            }
            if ui.small_button("Cancel").clicked() {
                state.cancel_pending();
            }
        }
        if let Some(notice) = &state.notice {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(egui::RichText::new(notice).weak());
            });
        }
    });
}

/// "50 members x 31 skills", or what of them the matrix's filter shows.
fn members_and_skills(state: &AppState) -> String {
    let workspace = &state.document.workspace;
    let (members, skills) = (workspace.members.len(), workspace.skills.len());
    let derived = &state.derived;
    let filtered = state.view == View::Matrix && derived.generation.is_some();
    let count = |shown: usize, all: usize, one: &str, many: &str| {
        if filtered && shown < all {
            format!("{shown} of {}", crate::io::count_of(all, one, many))
        } else {
            crate::io::count_of(all, one, many)
        }
    };
    format!(
        "{} x {}",
        count(derived.rows.len(), members, "member", "members"),
        count(derived.columns.len(), skills, "skill", "skills")
    )
}

pub fn close_dialog_ui(app: &mut SkillgridApp, ctx: &egui::Context) {
    if !app.state.confirm_close {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("confirm-close")).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.heading("Save changes before closing?");
        ui.label(format!(
            "{} has changes that are not saved. They will be lost if you close without saving.",
            app.state.document.name
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                app.save(ctx);
                if !app.state.document.is_dirty() {
                    app.state.closing = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
                ui.close();
            }
            if ui.button("Close without saving").clicked() {
                app.state.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                ui.close();
            }
            if ui.button("Cancel").clicked() {
                ui.close();
            }
        });
    });
    if modal.should_close() {
        app.state.confirm_close = false;
    }
}

/// After a crash: offer the unsaved work back, every copy that was left.
pub fn recovery_dialog_ui(state: &mut AppState, ctx: &egui::Context) {
    if state.recovery_offers.is_empty() {
        return;
    }
    enum Answer {
        Restore(String),
        Discard(String),
        Later,
    }
    let mut answer = None;
    let now = std::time::SystemTime::now();
    egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Restore unsaved work?");
        let several = state.recovery_offers.len() > 1;
        if several {
            ui.label(format!(
                "Skillgrid closed without saving {} documents. Restore one here; the others \
                 stay and are offered again at the next start.",
                state.recovery_offers.len()
            ));
        }
        for offer in &state.recovery_offers {
            let info = &offer.info;
            ui.separator();
            ui.label(format!(
                "Skillgrid closed without saving {}. A copy with {} was kept {}.",
                info.name,
                crate::io::count_of(info.changes, "unsaved change", "unsaved changes"),
                info.age(now)
            ));
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    answer = Some(Answer::Restore(offer.key.clone()));
                }
                if ui.button("Discard").clicked() {
                    answer = Some(Answer::Discard(offer.key.clone()));
                }
            });
        }
        if several {
            ui.separator();
            if ui.button("Decide later").clicked() {
                answer = Some(Answer::Later);
            }
        }
    });
    match answer {
        Some(Answer::Restore(key)) => {
            state.restore_recovery(&key);
            state.keep_recovery_for_later();
        }
        Some(Answer::Discard(key)) => state.discard_recovery(&key),
        Some(Answer::Later) => state.keep_recovery_for_later(),
        None => {}
    }
}

/// Save found the file changed by something else since it was opened.
pub fn overwrite_dialog_ui(app: &mut SkillgridApp, ctx: &egui::Context) {
    if !app.state.confirm_overwrite {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("confirm-overwrite")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading("The file changed on disk");
        ui.label(format!(
            "{} was changed by another program since you opened it. Saving here replaces those changes with yours.",
            app.state.document.name
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Overwrite").clicked() {
                app.save_over(ctx);
                ui.close();
            }
            if ui.button("Save As…").clicked() {
                app.ask_for_file(ctx, FileIntent::SaveAs);
                ui.close();
            }
            if ui.button("Cancel").clicked() {
                ui.close();
            }
        });
    });
    if modal.should_close() {
        app.state.confirm_overwrite = false;
    }
}

/// Save found that the chosen CSV cannot hold all of the document: say
/// what it would drop and offer a workspace, which keeps everything.
pub fn lossy_save_dialog_ui(app: &mut SkillgridApp, ctx: &egui::Context) {
    let Some(lossy) = app.state.lossy_save.clone() else {
        return;
    };
    let mut choice = None;
    let modal = egui::Modal::new(egui::Id::unique("lossy-save")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("A roster CSV cannot hold all of this workspace");
        ui.label(format!(
            "{} holds members and their levels. Saving there would leave out:",
            crate::app::file_name(&lossy.path)
        ));
        for item in &lossy.lost {
            ui.label(format!("  • {item}"));
        }
        ui.label("Save as a workspace (.json) to keep everything.");
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Save as workspace…").clicked() {
                choice = Some(LossyChoice::Workspace);
            }
            if ui
                .button("Write the roster only")
                .on_hover_text("The rest stays in the window, unsaved, until you save a workspace")
                .clicked()
            {
                choice = Some(LossyChoice::RosterOnly);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(LossyChoice::Cancel);
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(LossyChoice::Cancel);
    }
    let Some(choice) = choice else {
        return;
    };
    app.state.lossy_save = None;
    match choice {
        LossyChoice::Workspace => app.ask_for_file(ctx, FileIntent::SaveAs),
        LossyChoice::RosterOnly => {
            if let Err(message) = app.state.save_roster_only(&lossy.path) {
                app.state.notice = Some(message);
            }
        }
        LossyChoice::Cancel => {
            app.state.notice = Some("Not saved".to_string());
        }
    }
}

enum LossyChoice {
    Workspace,
    RosterOnly,
    Cancel,
}

/// While a file hovers over the window, say what dropping it does.
pub fn drop_hint_ui(ctx: &egui::Context) {
    if !ctx.input(|i| !i.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-hint"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a roster CSV or workspace to open it",
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}
