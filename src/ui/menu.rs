//! Every command the menus and the keyboard reach, each owning its label,
//! its tooltip and its shortcuts, so a menu item and its keys can never
//! disagree. `shell.rs` draws the menus from these lists.

use super::UiCommand;
use crate::app::{AppState, Command, FileIntent, ImportKind, PlanFormat, Sample};
use crate::io::Layout;
use eframe::egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuCommand {
    New,
    Open,
    TrySample,
    TryHistorySample,
    ImportRoster,
    ImportRound,
    ExportWorkbook,
    SendForms,
    ImportForms,
    ImportEvidence,
    Import(ImportKind),
    ExportPicture,
    ExportProjects,
    ExportStaffing,
    ExportWide,
    ExportLong,
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    WhoKnows,
    Find,
    ExportReport,
    Guide,
    AddMember,
}

const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

impl MenuCommand {
    /// The File menu's own items, in order; Import, Export and recent
    /// files are submenus between them.
    pub const FILE: [MenuCommand; 4] = [
        MenuCommand::New,
        MenuCommand::Open,
        MenuCommand::Save,
        MenuCommand::SaveAs,
    ];

    /// File > Import: what adds to the open workspace, then a roster read
    /// into a new one.
    pub const IMPORT: [MenuCommand; 10] = [
        MenuCommand::ImportRound,
        MenuCommand::ImportForms,
        MenuCommand::ImportEvidence,
        MenuCommand::Import(ImportKind::Projects),
        MenuCommand::Import(ImportKind::Targets),
        MenuCommand::Import(ImportKind::Certifications),
        MenuCommand::Import(ImportKind::TimeOff),
        MenuCommand::Import(ImportKind::Holidays),
        MenuCommand::Import(ImportKind::Framework),
        MenuCommand::ImportRoster,
    ];

    /// File > Export.
    pub const EXPORT: [MenuCommand; 8] = [
        MenuCommand::ExportWorkbook,
        MenuCommand::ExportWide,
        MenuCommand::ExportLong,
        MenuCommand::ExportReport,
        MenuCommand::ExportPicture,
        MenuCommand::SendForms,
        MenuCommand::ExportProjects,
        MenuCommand::ExportStaffing,
    ];

    /// Below the submenus, last in File.
    pub const FILE_END: [MenuCommand; 3] = [
        MenuCommand::TrySample,
        MenuCommand::TryHistorySample,
        MenuCommand::Quit,
    ];

    /// The Edit menu, in order.
    pub const EDIT: [MenuCommand; 4] = [
        MenuCommand::Undo,
        MenuCommand::Redo,
        MenuCommand::Find,
        MenuCommand::AddMember,
    ];

    /// The View menu's commands (the theme and zoom follow them).
    pub const VIEW: [MenuCommand; 1] = [MenuCommand::WhoKnows];

    /// The Help menu.
    pub const HELP: [MenuCommand; 1] = [MenuCommand::Guide];

    /// Every command, once.
    pub fn all() -> impl Iterator<Item = MenuCommand> {
        MenuCommand::FILE
            .into_iter()
            .chain(MenuCommand::IMPORT)
            .chain(MenuCommand::EXPORT)
            .chain(MenuCommand::FILE_END)
            .chain(MenuCommand::EDIT)
            .chain(MenuCommand::VIEW)
            .chain(MenuCommand::HELP)
    }

    pub fn label(self) -> &'static str {
        match self {
            MenuCommand::New => "New",
            MenuCommand::Open => "Open…",
            MenuCommand::TrySample => "Open the sample team with projects",
            MenuCommand::TryHistorySample => "Open the sample team with four rounds of ratings",
            MenuCommand::ImportRoster => "Roster into a new workspace (CSV or Excel)…",
            MenuCommand::ImportRound => "Roster as a new round of ratings…",
            MenuCommand::ExportWorkbook => "Excel workbook…",
            MenuCommand::SendForms => "Self-assessment forms…",
            MenuCommand::ImportForms => "Filled self-assessment forms…",
            MenuCommand::ImportEvidence => "Work evidence from a repository…",
            MenuCommand::Import(kind) => kind.menu_label(),
            MenuCommand::ExportPicture => "Matrix as an SVG picture…",
            MenuCommand::ExportProjects => "Projects CSV…",
            MenuCommand::ExportStaffing => "Staffing proposal (Excel)…",
            MenuCommand::ExportWide => "Roster CSV, one row a member…",
            MenuCommand::ExportLong => "Roster CSV, one row per rating…",
            MenuCommand::ExportReport => "HTML report…",
            MenuCommand::Guide => "Guide and shortcuts",
            MenuCommand::AddMember => "Add a member…",
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
            MenuCommand::TrySample => {
                "Opens the bundled sample team of 50 with three projects starting this week, to \
                 try things on"
            }
            MenuCommand::TryHistorySample => {
                "Opens the sample team rated in four rounds, the last one the quarter before \
                 today: history, bench trend and changes since the last round to try"
            }
            MenuCommand::ExportReport => {
                "Writes the whole report as one HTML page to share: coverage, gaps, fit, \
                 hiring, staffing and history"
            }
            MenuCommand::Guide => "What the levels, leads, fit and each view mean, and the keys",
            MenuCommand::AddMember => {
                "Adds someone to the team, joining today, with no ratings yet"
            }
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
            MenuCommand::ImportEvidence => {
                "Reads a git repository's history on this machine: what each member's commits \
                 touched, per skill and month, shown beside the ratings (never a level)"
            }
            MenuCommand::Import(kind) => kind.tooltip(),
            MenuCommand::ExportPicture => "Writes the matrix as shown, filter and sort, as SVG",
            MenuCommand::ExportProjects => "Writes the projects and their demand as CSV",
            MenuCommand::ExportStaffing => {
                "Writes who staffs each project (a row per person placed) and people by weeks \
                 with the project in each cell, as a workbook to share"
            }
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
        const GUIDE: [KeyboardShortcut; 1] = [keys(Modifiers::NONE, Key::F1)];
        match self {
            MenuCommand::Open => &OPEN,
            MenuCommand::Save => &SAVE,
            MenuCommand::SaveAs => &SAVE_AS,
            MenuCommand::Quit => &QUIT,
            MenuCommand::Undo => &UNDO,
            MenuCommand::Redo => &REDO,
            MenuCommand::WhoKnows => &WHO,
            MenuCommand::Find => &FIND,
            MenuCommand::Guide => &GUIDE,
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
            MenuCommand::ImportEvidence => Command::OpenEvidence.into(),
            MenuCommand::Import(kind) => UiCommand::AskForFile(FileIntent::Import(kind)),
            MenuCommand::ExportPicture => UiCommand::AskForFile(FileIntent::ExportSvg),
            MenuCommand::ExportProjects => UiCommand::AskForFile(FileIntent::ExportProjects),
            MenuCommand::ExportStaffing => UiCommand::AskForFile(FileIntent::ExportStaffing),
            MenuCommand::ExportWide => UiCommand::AskForFile(FileIntent::Export(Layout::Wide)),
            MenuCommand::ExportLong => UiCommand::AskForFile(FileIntent::Export(Layout::Long)),
            MenuCommand::Save => UiCommand::Save,
            MenuCommand::SaveAs => UiCommand::AskForFile(FileIntent::SaveAs),
            MenuCommand::Quit => UiCommand::Quit,
            MenuCommand::Undo => Command::Undo.into(),
            MenuCommand::Redo => Command::Redo.into(),
            MenuCommand::WhoKnows => Command::ToggleWho.into(),
            MenuCommand::Find => Command::FocusSearch.into(),
            MenuCommand::TrySample => Command::OpenSample(Sample::Projects).into(),
            MenuCommand::TryHistorySample => Command::OpenSample(Sample::History).into(),
            MenuCommand::ExportReport => {
                UiCommand::AskForFile(FileIntent::ExportPlan(PlanFormat::Html))
            }
            MenuCommand::Guide => Command::ToggleGuide.into(),
            MenuCommand::AddMember => UiCommand::AddMember,
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
