//! The window around the views: menu bar, keyboard shortcuts, navigation,
//! status bar, the unsaved-changes, overwrite, lossy-save and recovery
//! dialogs, and the drop hint. Every menu item and shortcut is a command
//! from one table, `MENU`.

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
        label: "Import roster CSV…",
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
        label: "Import projects CSV…",
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

pub fn close_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    if !view.state.confirm_close() {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("confirm-close")).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.heading("Save changes before closing?");
        ui.label(format!(
            "{} has changes that are not saved. They will be lost if you close without saving.",
            view.state.document().name
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                view.send(UiCommand::SaveAndClose);
            }
            if ui.button("Close without saving").clicked() {
                view.send(UiCommand::CloseWithoutSaving);
            }
            if ui.button("Cancel").clicked() {
                view.send(Command::CancelClose);
            }
        });
    });
    if modal.should_close() {
        view.send(Command::CancelClose);
    }
}

/// A roster picked to import as a round: on what date, rated by whom.
pub fn round_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(path) = view.state.round_request() else {
        return;
    };
    let path = path.to_path_buf();
    let today = view.state.today();
    let form = &mut view.forms.round;
    let as_of = form.as_of.get_or_insert(today);
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("import-round")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Import a roster as a new round");
        ui.label(format!(
            "Each level in {} that differs from the current one is recorded as an \
             assessment on this date. Members are matched by email, then name; new members \
             are added, and those missing are kept as they are.",
            crate::app::file_name(&path)
        ));
        ui.add_space(6.0);
        egui::Grid::new("round-fields")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Assessed on");
                ui.add(
                    egui_extras::DatePickerButton::new(as_of)
                        .id_salt("round-date")
                        .show_icon(false),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Rated by");
                egui::ComboBox::from_id_salt("round-rater")
                    .selected_text(form.rater.as_str())
                    .show_ui(ui, |ui| {
                        for rater in crate::model::Rater::ALL {
                            ui.selectable_value(&mut form.rater, rater, rater.as_str());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Import round").clicked() {
                answer = Some(UiCommand::Open(
                    path.clone(),
                    FileIntent::Round {
                        as_of: *as_of,
                        rater: form.rater,
                    },
                ));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Command::CancelRound.into());
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Command::CancelRound.into());
    }
    if let Some(answer) = answer {
        view.send(answer);
    }
}

/// After a crash: offer the unsaved work back, every copy that was left.
pub fn recovery_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let offers = view.state.recovery_offers();
    if offers.is_empty() {
        return;
    }
    let mut answer = None;
    let now = std::time::SystemTime::now();
    egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Restore unsaved work?");
        let several = offers.len() > 1;
        if several {
            ui.label(format!(
                "Skillgrid closed without saving {} documents. Restore one here; the others \
                 stay and are offered again at the next start.",
                offers.len()
            ));
        }
        for offer in offers {
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
                    answer = Some(Command::RestoreRecovery(offer.key.clone()));
                }
                if ui.button("Discard").clicked() {
                    answer = Some(Command::DiscardRecovery(offer.key.clone()));
                }
            });
        }
        if several {
            ui.separator();
            if ui.button("Decide later").clicked() {
                answer = Some(Command::KeepRecoveryForLater);
            }
        }
    });
    if let Some(command) = answer {
        view.send(command);
    }
}

/// Save found the file changed by something else since it was opened.
pub fn overwrite_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    if !view.state.confirm_overwrite() {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("confirm-overwrite")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading("The file changed on disk");
        ui.label(format!(
            "{} was changed by another program since you opened it. Saving here replaces those changes with yours.",
            view.state.document().name
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Overwrite").clicked() {
                view.send(Command::CancelOverwrite);
                view.send(Command::Overwrite);
            }
            if ui.button("Save As…").clicked() {
                view.send(Command::CancelOverwrite);
                view.send(UiCommand::AskForFile(FileIntent::SaveAs));
            }
            if ui.button("Cancel").clicked() {
                view.send(Command::CancelOverwrite);
            }
        });
    });
    if modal.should_close() {
        view.send(Command::CancelOverwrite);
    }
}

/// Save found that the chosen CSV cannot hold all of the document: say
/// what it would drop and offer a workspace, which keeps everything.
pub fn lossy_save_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(lossy) = view.state.lossy_save() else {
        return;
    };
    let mut choice: Option<UiCommand> = None;
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
        ui.label("Save as a workspace (.skillgrid) to keep everything.");
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Save as workspace…").clicked() {
                choice = Some(UiCommand::AskForFile(FileIntent::SaveAs));
            }
            if ui
                .button("Write the roster only")
                .on_hover_text("The rest stays in the window, unsaved, until you save a workspace")
                .clicked()
            {
                choice = Some(Command::SaveRosterOnly(lossy.path.clone()).into());
            }
            if ui.button("Cancel").clicked() {
                choice = Some(Command::CancelLossySave.into());
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(Command::CancelLossySave.into());
    }
    if let Some(choice) = choice {
        if choice != UiCommand::State(Command::CancelLossySave) {
            view.send(Command::CancelLossySave);
        }
        view.send(choice);
    }
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
