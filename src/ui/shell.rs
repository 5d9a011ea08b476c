//! The window around the views: menu bar, keyboard shortcuts, navigation,
//! status bar and the drop hint. Every menu item and shortcut is a
//! `MenuCommand` (`menu.rs`). The dialogs are in `dialogs`.

use super::menu::MenuCommand;
use super::{UiCommand, ViewCtx};
use crate::app::{AppState, Command, FileIntent, Preferences, ThemeChoice, View};
use eframe::egui::{self, KeyboardShortcut};

/// Shortcuts work wherever the focus is; the longer chords are taken first
/// so Ctrl+Shift+S is never read as Ctrl+S.
pub fn shortcuts(ctx: &egui::Context, commands: &mut super::Commands) {
    let mut by_length: Vec<(KeyboardShortcut, MenuCommand)> = MenuCommand::all()
        .flat_map(|item| item.shortcuts().iter().map(move |keys| (*keys, item)))
        .collect();
    by_length.sort_by_key(|(keys, _)| {
        let held = keys.modifiers;
        std::cmp::Reverse(
            [
                held.alt,
                held.shift,
                held.command || held.ctrl || held.mac_cmd,
            ]
            .into_iter()
            .filter(|&on| on)
            .count(),
        )
    });
    for (keys, item) in by_length {
        if ctx.input_mut(|i| i.consume_shortcut(&keys)) {
            commands.send(item.command());
        }
    }
}

fn menu_items(view: &mut ViewCtx, ui: &mut egui::Ui, items: &[MenuCommand]) {
    for item in items {
        let shortcut = item
            .shortcuts()
            .first()
            .map_or(String::new(), |keys| ui.ctx().format_shortcut(keys));
        let (label, enabled) = item.label_now(view.state);
        if ui
            .add_enabled(enabled, egui::Button::new(label).shortcut_text(shortcut))
            .on_hover_text(item.tooltip())
            .clicked()
        {
            view.send(item.command());
            ui.close();
        }
    }
}

pub fn menu_bar_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            menu_items(view, ui, &MenuCommand::FILE[..2]);
            ui.menu_button("Open recent", |ui| {
                if view.state.preferences().recent_files.is_empty() {
                    ui.label("None yet");
                }
                for path in &view.state.preferences().recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        view.commands
                            .send(UiCommand::Open(path.clone(), FileIntent::Open));
                        ui.close();
                    }
                }
            });
            menu_items(view, ui, &MenuCommand::FILE[2..]);
            ui.separator();
            ui.menu_button("Import", |ui| menu_items(view, ui, &MenuCommand::IMPORT));
            ui.menu_button("Export", |ui| menu_items(view, ui, &MenuCommand::EXPORT));
            ui.separator();
            menu_items(view, ui, &MenuCommand::FILE_END);
        });
        ui.menu_button("Edit", |ui| menu_items(view, ui, &MenuCommand::EDIT));
        ui.menu_button("View", |ui| {
            menu_items(view, ui, &MenuCommand::VIEW);
            ui.separator();
            let mut preferences: Preferences = view.state.preferences().clone();
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
            if &preferences != view.state.preferences() {
                view.send(Command::SetPreferences(preferences));
            }
        });
        ui.menu_button("Help", |ui| menu_items(view, ui, &MenuCommand::HELP));
    });
}

pub fn navigation_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    ui.add_space(6.0);
    ui.label(egui::RichText::new("VIEWS").small().weak());
    for shown in View::ALL {
        if ui
            .selectable_label(view.state.view() == shown, shown.label())
            .clicked()
        {
            view.send(Command::ShowView(shown));
        }
    }
}

pub fn status_bar_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    ui.horizontal(|ui| {
        let document = state.document();
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
                !state.diagnostics().is_empty() || warnings > 0,
                egui::Button::new(label).small(),
            )
            .clicked()
        {
            view.commands
                .send(Command::ShowDiagnostics(!state.diagnostics_open()));
        }
        if let Some(error) = state.recovery().and_then(|r| r.error.as_ref()) {
            ui.separator();
            ui.label(egui::RichText::new("recovery copy failed").color(ui.visuals().warn_fg_color))
                .on_hover_text(error);
        }
        if let Some(pending) = state.pending() {
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
                view.commands.send(Command::CancelPending);
            }
        }
        if let Some(notice) = state.notice() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(egui::RichText::new(notice).weak()).truncate())
                    .on_hover_text(notice);
            });
        }
    });
}

/// "50 members x 31 skills", or what of them the matrix's filter shows.
fn members_and_skills(state: &AppState) -> String {
    let workspace = state.workspace();
    let (members, skills) = (workspace.members.len(), workspace.skills.len());
    let derived = state.derived();
    let filtered = state.view() == View::Matrix && derived.generation.is_some();
    let count = |shown: usize, all: usize, one: &str, many: &str| {
        if filtered && shown < all {
            format!("{shown} of {}", crate::words::count_of(all, one, many))
        } else {
            crate::words::count_of(all, one, many)
        }
    };
    format!(
        "{} x {}",
        count(derived.rows.len(), members, "member", "members"),
        count(derived.columns.len(), skills, "skill", "skills")
    )
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
        "Drop a roster CSV or workspace to open it, or a career framework to import",
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}
