//! What every view is given and what it gives back: the state to draw
//! from, its own selection to write, and the commands it sends.

use crate::app::{AppState, Command, FileIntent, ViewSelection};
use std::path::PathBuf;

/// What a view, menu or shortcut asks for: a change of the app's state,
/// or something only the window can do (a dialog, closing).
#[derive(Clone, Debug, PartialEq)]
pub enum UiCommand {
    State(Command),
    AskForFile(FileIntent),
    /// Saves where the document lives, asking first when the file changed
    /// on disk, or where to when it has no file yet.
    Save,
    Open(PathBuf, FileIntent),
    /// Opens a workbook's roster from the named sheet.
    OpenSheet(PathBuf, FileIntent, String),
    Quit,
    /// Opens the dialog that adds a member.
    AddMember,
    /// The unsaved-changes question, answered: save first, or not.
    SaveAndClose,
    CloseWithoutSaving,
}

impl From<Command> for UiCommand {
    fn from(command: Command) -> UiCommand {
        UiCommand::State(command)
    }
}

/// The commands a frame's views sent, applied after the panels are drawn.
#[derive(Default)]
pub struct Commands(Vec<UiCommand>);

impl Commands {
    pub fn send(&mut self, command: impl Into<UiCommand>) {
        self.0.push(command.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The commands, in the order they were sent.
    pub fn taken(self) -> Vec<UiCommand> {
        self.0
    }
}

/// What a view draws from and where it sends what it wants changed.
pub struct ViewCtx<'a> {
    pub state: &'a AppState,
    pub selection: &'a mut ViewSelection,
    pub commands: &'a mut Commands,
}

impl ViewCtx<'_> {
    pub fn send(&mut self, command: impl Into<UiCommand>) {
        self.commands.send(command);
    }
}
