//! The window around the views: menu bar, keyboard shortcuts, navigation,
//! status bar and the drop hint. Every menu item and shortcut is a command
//! from one table, `MENU`. The dialogs are in `dialogs`.

use super::{UiCommand, ViewCtx};
use crate::app::{AppState, Command, FileIntent, Preferences, ThemeChoice, View};
use crate::io::Layout;
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

/// A menu item or shortcut: what it says, its keys, what it does.
pub struct MenuCommand {
    pub label: &'static str,
    pub menu: Menu,
    pub shortcut: Option<KeyboardShortcut>,
    pub command: fn() -> UiCommand,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    File,
    /// Under File > Export CSV.
    Export,
    Edit,
    /// A second shortcut for an item listed elsewhere.
    KeysOnly,
}

const fn keys(modifiers: Modifiers, key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(modifiers, key))
}

const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Every menu item and shortcut, in menu order.
pub const MENU: &[MenuCommand] = &[
    MenuCommand {
        label: "New",
        menu: Menu::File,
        shortcut: None,
        command: || Command::NewDocument.into(),
    },
    MenuCommand {
        label: "Open…",
        menu: Menu::File,
        shortcut: keys(Modifiers::COMMAND, Key::O),
        command: || UiCommand::AskForFile(FileIntent::Open),
    },
    MenuCommand {
        label: "Import roster (CSV or Excel)…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::Import),
    },
    MenuCommand {
        label: "Import roster as a new round…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::PickRound),
    },
    MenuCommand {
        label: "Export Excel workbook…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::ExportWorkbook),
    },
    MenuCommand {
        label: "Send self-assessments…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::SendForms),
    },
    MenuCommand {
        label: "Import self-assessments…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::ImportForms),
    },
    MenuCommand {
        label: "Import development targets…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::ImportTargets),
    },
    MenuCommand {
        label: "Import certifications…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::ImportCertifications),
    },
    MenuCommand {
        label: "Import career framework…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::ImportFramework),
    },
    MenuCommand {
        label: "Import time off…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::ImportTimeOff),
    },
    MenuCommand {
        label: "Import public holidays…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::ImportHolidays),
    },
    MenuCommand {
        label: "Export matrix as SVG…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::ExportSvg),
    },
    MenuCommand {
        label: "Import projects (CSV or Excel)…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::ImportProjects),
    },
    MenuCommand {
        label: "Export projects CSV…",
        menu: Menu::File,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::ExportProjects),
    },
    MenuCommand {
        label: "Wide (one row a member)…",
        menu: Menu::Export,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::Export(Layout::Wide)),
    },
    MenuCommand {
        label: "Long (one row per skill)…",
        menu: Menu::Export,
        shortcut: None,
        command: || UiCommand::AskForFile(FileIntent::Export(Layout::Long)),
    },
    MenuCommand {
        label: "Save",
        menu: Menu::File,
        shortcut: keys(Modifiers::COMMAND, Key::S),
        command: || UiCommand::Save,
    },
    MenuCommand {
        label: "Save As…",
        menu: Menu::File,
        shortcut: keys(COMMAND_SHIFT, Key::S),
        command: || UiCommand::AskForFile(FileIntent::SaveAs),
    },
    MenuCommand {
        label: "Quit",
        menu: Menu::File,
        shortcut: keys(Modifiers::COMMAND, Key::Q),
        command: || UiCommand::Quit,
    },
    MenuCommand {
        label: "Undo",
        menu: Menu::Edit,
        shortcut: keys(Modifiers::COMMAND, Key::Z),
        command: || Command::Undo.into(),
    },
    MenuCommand {
        label: "Redo",
        menu: Menu::Edit,
        shortcut: keys(Modifiers::COMMAND, Key::Y),
        command: || Command::Redo.into(),
    },
    MenuCommand {
        label: "Redo",
        menu: Menu::KeysOnly,
        shortcut: keys(COMMAND_SHIFT, Key::Z),
        command: || Command::Redo.into(),
    },
    MenuCommand {
        label: "Who knows…",
        menu: Menu::Edit,
        shortcut: keys(Modifiers::COMMAND, Key::K),
        command: || Command::ToggleWho.into(),
    },
    MenuCommand {
        label: "Find",
        menu: Menu::KeysOnly,
        shortcut: keys(Modifiers::COMMAND, Key::F),
        command: || Command::FocusSearch.into(),
    },
];

/// Shortcuts work wherever the focus is; the longer chords are taken first
/// so Ctrl+Shift+S is never read as Ctrl+S.
pub fn shortcuts(ctx: &egui::Context, commands: &mut super::Commands) {
    let mut by_length: Vec<&MenuCommand> = MENU.iter().filter(|m| m.shortcut.is_some()).collect();
    by_length.sort_by_key(|m| {
        std::cmp::Reverse(m.shortcut.map_or(0, |s| {
            let held = s.modifiers;
            [
                held.alt,
                held.shift,
                held.command || held.ctrl || held.mac_cmd,
            ]
            .into_iter()
            .filter(|&on| on)
            .count()
        }))
    });
    for item in by_length {
        let Some(shortcut) = item.shortcut else {
            continue;
        };
        if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
            commands.send((item.command)());
        }
    }
}

fn menu_items(view: &mut ViewCtx, ui: &mut egui::Ui, menu: Menu) {
    for item in MENU.iter().filter(|item| item.menu == menu) {
        let shortcut = item
            .shortcut
            .map_or(String::new(), |s| ui.ctx().format_shortcut(&s));
        let document = view.state.document();
        let (label, enabled) = match item.label {
            "Undo" => (
                document
                    .undo_label()
                    .map_or("Undo".to_string(), |label| format!("Undo {label}")),
                document.can_undo(),
            ),
            "Redo" => (
                document
                    .redo_label()
                    .map_or("Redo".to_string(), |label| format!("Redo {label}")),
                document.can_redo(),
            ),
            label => (label.to_string(), true),
        };
        if ui
            .add_enabled(enabled, egui::Button::new(label).shortcut_text(shortcut))
            .clicked()
        {
            view.send((item.command)());
            ui.close();
        }
    }
}

pub fn menu_bar_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            menu_items(view, ui, Menu::File);
            ui.menu_button("Export CSV", |ui| menu_items(view, ui, Menu::Export));
            ui.menu_button("Recent files", |ui| {
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
        });
        ui.menu_button("Edit", |ui| menu_items(view, ui, Menu::Edit));
        ui.menu_button("View", |ui| {
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
