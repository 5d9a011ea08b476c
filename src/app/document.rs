//! The document being edited and its undo history.

use crate::io::{Diagnostic, ExportOptions};
use crate::model::{Cell, Workspace};
use std::path::{Path, PathBuf};

/// One undoable change: a set of cells and what they held before.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub label: String,
    pub cells: Vec<CellChange>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellChange {
    pub member: usize,
    pub skill: usize,
    pub before: Cell,
    pub after: Cell,
}

/// The workspace being edited, where it lives, and its history.
pub struct Document {
    /// Tells documents apart, so caches of one are never taken for another's.
    pub id: u64,
    pub workspace: Workspace,
    /// Where Save writes; `None` until saved (a new or imported roster).
    pub path: Option<PathBuf>,
    /// What the window title and status bar call it.
    pub name: String,
    /// How a CSV document is written back: its layout and delimiter.
    pub csv_format: ExportOptions,
    /// Bumped on every change, so derived data knows when it is stale.
    pub generation: u64,
    /// The depth of the undo stack when last saved; `None` when no state
    /// the history can reach was ever saved (a new or imported roster).
    saved_depth: Option<usize>,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// Warnings of the import that made this document.
    pub warnings: Vec<Diagnostic>,
}

impl Document {
    pub fn new(workspace: Workspace, name: &str, path: Option<PathBuf>) -> Document {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Document {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            workspace,
            path,
            name: name.to_string(),
            csv_format: ExportOptions::default(),
            generation: 0,
            saved_depth: Some(0),
            undo: Vec::new(),
            redo: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Unsaved changes: undoing back to the saved state clears it.
    pub fn is_dirty(&self) -> bool {
        self.saved_depth != Some(self.undo.len())
    }

    /// Marks the document as never saved, as an import is.
    pub fn mark_unsaved(&mut self) {
        self.saved_depth = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|edit| edit.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|edit| edit.label.as_str())
    }

    /// Applies an edit and records it; an edit that changes nothing is dropped.
    pub fn apply(&mut self, edit: Edit) {
        let cells: Vec<CellChange> = edit
            .cells
            .into_iter()
            .filter(|change| change.before != change.after)
            .collect();
        if cells.is_empty() {
            return;
        }
        for change in &cells {
            self.workspace
                .levels
                .set(change.member, change.skill, change.after);
        }
        if self
            .saved_depth
            .is_some_and(|depth| depth > self.undo.len())
        {
            // The saved state was in the redo branch this edit discards.
            self.saved_depth = None;
        }
        self.undo.push(Edit {
            label: edit.label,
            cells,
        });
        self.redo.clear();
        self.generation += 1;
    }

    pub fn undo(&mut self) -> bool {
        let Some(edit) = self.undo.pop() else {
            return false;
        };
        for change in edit.cells.iter().rev() {
            self.workspace
                .levels
                .set(change.member, change.skill, change.before);
        }
        self.redo.push(edit);
        self.generation += 1;
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(edit) = self.redo.pop() else {
            return false;
        };
        for change in &edit.cells {
            self.workspace
                .levels
                .set(change.member, change.skill, change.after);
        }
        self.undo.push(edit);
        self.generation += 1;
        true
    }

    pub fn mark_saved(&mut self, path: &Path) {
        self.saved_depth = Some(self.undo.len());
        self.path = Some(path.to_path_buf());
        self.name = file_name(path);
    }
}

pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
