//! Every command the menus and the keyboard reach, each owning its label,
//! its tooltip and its shortcuts, so a menu item and its keys can never
//! disagree. `shell.rs` draws the menus from these lists.

use super::UiCommand;
use crate::app::{AppState, Command, FileIntent, ImportKind};
use crate::io::Layout;
use eframe::egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuCommand {
    New,
    Open,
    ImportRoster,
    ImportRound,
    ExportWorkbook,
    SendForms,
    ImportForms,
    Import(ImportKind),
    ExportPicture,
    ExportProjects,
    ExportWide,
    ExportLong,
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    WhoKnows,
    Find,
}

const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl MenuCommand {
    /// The File menu, in order.
    pub const FILE: [MenuCommand; 19] = [
        MenuCommand::New,
        MenuCommand::Open,
        MenuCommand::ImportRoster,
        MenuCommand::ImportRound,
        MenuCommand::ExportWorkbook,
        MenuCommand::SendForms,
        MenuCommand::ImportForms,
        MenuCommand::Import(ImportKind::ALL[0]),
        MenuCommand::Import(ImportKind::ALL[1]),
        MenuCommand::Import(ImportKind::ALL[2]),
        MenuCommand::Import(ImportKind::ALL[3]),
        MenuCommand::Import(ImportKind::ALL[4]),
        MenuCommand::ExportPicture,
        MenuCommand::Import(ImportKind::ALL[5]),
        MenuCommand::ExportProjects,
        MenuCommand::Save,
        MenuCommand::SaveAs,
        MenuCommand::Quit,
        // Reached by its keys only: the search box is in the toolbar.
        MenuCommand::Find,
    ];

    /// File > Export CSV.
    pub const EXPORT_CSV: [MenuCommand; 2] = [MenuCommand::ExportWide, MenuCommand::ExportLong];

    /// The Edit menu, in order.
    pub const EDIT: [MenuCommand; 3] =
        [MenuCommand::Undo, MenuCommand::Redo, MenuCommand::WhoKnows];

    /// Every command, once.
    pub fn all() -> impl Iterator<Item = MenuCommand> {
        MenuCommand::FILE
            .into_iter()
            .chain(MenuCommand::EXPORT_CSV)
            .chain(MenuCommand::EDIT)
    }

    /// Whether it is listed in a menu, or reached by its keys alone.
    pub fn in_menu(self) -> bool {
        self != MenuCommand::Find
    }

    pub fn label(self) -> &'static str {
        match self {
            MenuCommand::New => "New",
            MenuCommand::Open => "Open…",
            MenuCommand::ImportRoster => "Import roster (CSV or Excel)…",
            MenuCommand::ImportRound => "Import roster as a new round…",
            MenuCommand::ExportWorkbook => "Export Excel workbook…",
            MenuCommand::SendForms => "Send self-assessments…",
            MenuCommand::ImportForms => "Import self-assessments…",
            MenuCommand::Import(kind) => kind.menu_label(),
            MenuCommand::ExportPicture => "Export matrix as SVG…",
            MenuCommand::ExportProjects => "Export projects CSV…",
            MenuCommand::ExportWide => "Wide (one row a member)…",
            MenuCommand::ExportLong => "Long (one row per skill)…",
            MenuCommand::Save => "Save",
            MenuCommand::SaveAs => "Save As…",
            MenuCommand::Quit => "Quit",
            MenuCommand::Undo => "Undo",
            MenuCommand::Redo => "Redo",
            MenuCommand::WhoKnows => "Who knows…",
            MenuCommand::Find => "Find",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            MenuCommand::New => "Starts an empty workspace",
            MenuCommand::Open => "Opens a workspace, a roster CSV or an Excel workbook",
            MenuCommand::ImportRoster => {
                "Reads a roster into a new, unsaved workspace; the open one is kept until you save"
            }
            MenuCommand::ImportRound => {
                "Adds a roster's levels as a dated round of assessments, after asking its date \
                 and who rated"
            }
            MenuCommand::ExportWorkbook => {
                "Writes the matrix as a coloured workbook that reads back as the same roster"
            }
            MenuCommand::SendForms => {
                "Writes a self-assessment form for each member shown into a folder"
            }
            MenuCommand::ImportForms => {
                "Records filled forms as self ratings, waiting for your review"
            }
            MenuCommand::Import(kind) => kind.tooltip(),
            MenuCommand::ExportPicture => "Writes the matrix as shown, filter and sort, as SVG",
            MenuCommand::ExportProjects => "Writes the projects and their demand as CSV",
            MenuCommand::ExportWide => "One row a member, one column a skill",
            MenuCommand::ExportLong => "One row per member and skill",
            MenuCommand::Save => "Saves where the workspace lives, or asks where",
            MenuCommand::SaveAs => "Saves the workspace to a new file",
            MenuCommand::Quit => "Closes Skillgrid, asking first about unsaved changes",
            MenuCommand::Undo => "Takes back the last change",
            MenuCommand::Redo => "Makes the change taken back again",
            MenuCommand::WhoKnows => "Asks who can lead or knows a skill, and who is free",
            MenuCommand::Find => "Moves to the matrix's search box",
        }
    }

    /// Its keys, the one shown in the menu first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const OPEN: [KeyboardShortcut; 1] = [keys(Modifiers::COMMAND, Key::O)];
        const SAVE: [KeyboardShortcut; 1] = [keys(Modifiers::COMMAND, Key::S)];
        const SAVE_AS: [KeyboardShortcut; 1] = [keys(COMMAND_SHIFT, Key::S)];
        const QUIT: [KeyboardShortcut; 1] = [keys(Modifiers::COMMAND, Key::Q)];
        const UNDO: [KeyboardShortcut; 1] = [keys(Modifiers::COMMAND, Key::Z)];
        const REDO: [KeyboardShortcut; 2] = [
            keys(Modifiers::COMMAND, Key::Y),
            keys(COMMAND_SHIFT, Key::Z),
        ];
        const WHO: [KeyboardShortcut; 1] = [keys(Modifiers::COMMAND, Key::K)];
        const FIND: [KeyboardShortcut; 1] = [keys(Modifiers::COMMAND, Key::F)];
        match self {
            MenuCommand::Open => &OPEN,
            MenuCommand::Save => &SAVE,
            MenuCommand::SaveAs => &SAVE_AS,
            MenuCommand::Quit => &QUIT,
            MenuCommand::Undo => &UNDO,
            MenuCommand::Redo => &REDO,
            MenuCommand::WhoKnows => &WHO,
            MenuCommand::Find => &FIND,
            _ => &[],
        }
    }

    /// What it does when chosen.
    pub fn command(self) -> UiCommand {
        match self {
            MenuCommand::New => Command::NewDocument.into(),
            MenuCommand::Open => UiCommand::AskForFile(FileIntent::Open),
            MenuCommand::ImportRoster => UiCommand::AskForFile(FileIntent::ImportRoster),
            MenuCommand::ImportRound => UiCommand::AskForFile(FileIntent::PickRound),
            MenuCommand::ExportWorkbook => UiCommand::AskForFile(FileIntent::ExportWorkbook),
            MenuCommand::SendForms => UiCommand::AskForFile(FileIntent::SendForms),
            MenuCommand::ImportForms => UiCommand::AskForFile(FileIntent::ImportForms),
            MenuCommand::Import(kind) => UiCommand::AskForFile(FileIntent::Import(kind)),
            MenuCommand::ExportPicture => UiCommand::AskForFile(FileIntent::ExportSvg),
            MenuCommand::ExportProjects => UiCommand::AskForFile(FileIntent::ExportProjects),
            MenuCommand::ExportWide => UiCommand::AskForFile(FileIntent::Export(Layout::Wide)),
            MenuCommand::ExportLong => UiCommand::AskForFile(FileIntent::Export(Layout::Long)),
            MenuCommand::Save => UiCommand::Save,
            MenuCommand::SaveAs => UiCommand::AskForFile(FileIntent::SaveAs),
            MenuCommand::Quit => UiCommand::Quit,
            MenuCommand::Undo => Command::Undo.into(),
            MenuCommand::Redo => Command::Redo.into(),
            MenuCommand::WhoKnows => Command::ToggleWho.into(),
            MenuCommand::Find => Command::FocusSearch.into(),
        }
    }

    /// The label as the menu shows it now, and whether it can run: Undo
    /// and Redo name the change they take back or make again.
    pub fn label_now(self, state: &AppState) -> (String, bool) {
        let document = state.document();
        match self {
            MenuCommand::Undo => (
                document
                    .undo_label()
                    .map_or("Undo".to_string(), |label| format!("Undo {label}")),
                document.can_undo(),
            ),
            MenuCommand::Redo => (
                document
                    .redo_label()
                    .map_or("Redo".to_string(), |label| format!("Redo {label}")),
                document.can_redo(),
            ),
            other => (other.label().to_string(), true),
        }
    }
}
