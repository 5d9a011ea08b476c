//! The document being edited and its undo history.

use crate::io::{Diagnostic, ExportOptions};
use crate::model::{Assessment, Cell, Date, MemberHistory, Rater, Workspace};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One undoable change: a set of cells and what they held before.
#[derive(Clone, Debug, PartialEq)]
pub struct Edit {
    pub label: String,
    pub cells: Vec<CellChange>,
    /// The date the edit is a manager's assessment of; `None` changes the
    /// cells without a record (a file's undated levels).
    pub as_of: Option<Date>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellChange {
    pub member: usize,
    pub skill: usize,
    pub before: Cell,
    pub after: Cell,
}

/// A member's assessment record before and after a step.
struct RowChange {
    member: usize,
    before: Arc<MemberHistory>,
    after: Arc<MemberHistory>,
}

/// What the history holds for one step.
enum Change {
    Cells(Vec<CellChange>, Vec<RowChange>),
    /// A structural change (skills, roles, members, the plan): the workspace
    /// on the other side of the step, swapped in by undo and redo.
    Swap(Arc<Workspace>),
}

struct Step {
    label: String,
    change: Change,
}

/// The workspace being edited, where it lives, and its history. The
/// workspace is shared so analysis on another thread can read a snapshot
/// while edits go on; an edit copies it only while such a snapshot lives.
pub struct Document {
    /// Tells documents apart, so caches of one are never taken for another's.
    pub id: u64,
    pub workspace: Arc<Workspace>,
    /// Where Save writes; `None` until saved (a new or imported roster).
    pub path: Option<PathBuf>,
    /// What the window title and status bar call it.
    pub name: String,
    /// How a CSV document is written back: its layout and delimiter.
    pub csv_format: ExportOptions,
    /// Bumped on every change, so derived data knows when it is stale.
    pub generation: u64,
    /// Bumped on every structural change (skills, roles, members, plan),
    /// which the recovery file saves at once rather than within a minute.
    pub structural_generation: u64,
    /// The depth of the undo stack when last saved; `None` when no state
    /// the history can reach was ever saved (a new or imported roster).
    saved_depth: Option<usize>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Warnings of the import that made this document.
    pub warnings: Vec<Diagnostic>,
    /// The file as it was when opened or last saved, to notice when
    /// something else changes it.
    pub disk_stamp: Option<FileStamp>,
    /// The workspace as the `.skillgrid` file at `path` holds it, so a save
    /// in place writes only what differs from it.
    pub on_disk: Option<Arc<Workspace>>,
}

/// What tells one version of a file on disk from another: its size and
/// time, and a hash of its bytes, since an outside edit can keep both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub modified: Option<std::time::SystemTime>,
    pub len: u64,
    pub hash: u64,
}

impl FileStamp {
    /// The file as it is on disk now, `bytes` being what it holds.
    pub fn of_bytes(path: &Path, bytes: &[u8]) -> Option<FileStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            modified: metadata.modified().ok(),
            len: metadata.len(),
            hash: crate::io::content_hash(bytes),
        })
    }

    /// A database on disk, known by the revision its last save wrote.
    pub fn of_database(path: &Path, revision: u64) -> Option<FileStamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(FileStamp {
            modified: metadata.modified().ok(),
            len: metadata.len(),
            hash: revision,
        })
    }

    /// Whether the file at `path` still is this version. Size or time
    /// differing says no at once; only when both match are the bytes read
    /// and hashed. A file that cannot be read counts as unchanged: saving
    /// puts it back.
    pub fn still_matches(&self, path: &Path) -> bool {
        let Ok(metadata) = std::fs::metadata(path) else {
            return true;
        };
        if metadata.len() != self.len || metadata.modified().ok() != self.modified {
            return false;
        }
        if crate::io::is_database(path) {
            // A database's hash is the revision its last save wrote.
            return crate::io::database_revision(path).is_none_or(|revision| revision == self.hash);
        }
        crate::io::read_file(path)
            .map_or(true, |bytes| crate::io::content_hash(&bytes) == self.hash)
    }
}

impl Document {
    pub fn new(workspace: Workspace, name: &str, path: Option<PathBuf>) -> Document {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Document {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            workspace: Arc::new(workspace),
            path,
            name: name.to_string(),
            csv_format: ExportOptions::default(),
            generation: 0,
            structural_generation: 0,
            saved_depth: Some(0),
            undo: Vec::new(),
            redo: Vec::new(),
            warnings: Vec::new(),
            disk_stamp: None,
            on_disk: None,
        }
    }

    /// Whether the file Save would write was changed by something else
    /// since it was opened or saved here (a deleted file is not: saving
    /// puts it back).
    pub fn changed_on_disk(&self) -> bool {
        let Some(path) = &self.path else {
            return false;
        };
        self.disk_stamp
            .is_some_and(|known| path.exists() && !known.still_matches(path))
    }

    /// Changes since the last save (all of them for a never-saved document).
    pub fn unsaved_changes(&self) -> usize {
        match self.saved_depth {
            Some(depth) => self.undo.len().abs_diff(depth),
            None => self.undo.len().max(1),
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
        self.undo.last().map(|step| step.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
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
        let mut cells = cells;
        let workspace = Arc::make_mut(&mut self.workspace);
        let mut rows: Vec<RowChange> = Vec::new();
        for change in &mut cells {
            let Some(as_of) = edit.as_of else {
                workspace
                    .levels
                    .set(change.member, change.skill, change.after);
                continue;
            };
            if !rows.iter().any(|row| row.member == change.member) {
                let before = workspace
                    .history
                    .shared_row(change.member)
                    .cloned()
                    .unwrap_or_default();
                rows.push(RowChange {
                    member: change.member,
                    after: Arc::clone(&before),
                    before,
                });
            }
            let assessment = Assessment {
                skill: change.skill as u32,
                as_of: Some(as_of),
                cell: change.after,
                rater: Rater::Manager,
            };
            change.after = workspace.record_assessment(change.member, assessment, None);
        }
        for row in &mut rows {
            if let Some(after) = workspace.history.shared_row(row.member) {
                row.after = Arc::clone(after);
            }
        }
        self.record(Step {
            label: edit.label,
            change: Change::Cells(cells, rows),
        });
    }

    /// Replaces the whole workspace as one undoable step (a structural edit).
    pub fn replace(&mut self, label: &str, workspace: Workspace) {
        let before = std::mem::replace(&mut self.workspace, Arc::new(workspace));
        self.structural_generation += 1;
        self.record(Step {
            label: label.to_string(),
            change: Change::Swap(before),
        });
    }

    /// Edits a copy of the workspace; the copy replaces it as one undoable
    /// step when `edit` succeeds, and nothing changes when it fails.
    pub fn edit<T, E>(
        &mut self,
        label: &str,
        edit: impl FnOnce(&mut Workspace) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut copy = Workspace::clone(&self.workspace);
        let value = edit(&mut copy)?;
        if copy != *self.workspace {
            self.replace(label, copy);
        }
        Ok(value)
    }

    /// `edit` for a change that cannot be refused.
    pub fn change(&mut self, label: &str, change: impl FnOnce(&mut Workspace)) {
        let mut copy = Workspace::clone(&self.workspace);
        change(&mut copy);
        if copy != *self.workspace {
            self.replace(label, copy);
        }
    }

    fn record(&mut self, step: Step) {
        if self
            .saved_depth
            .is_some_and(|depth| depth > self.undo.len())
        {
            // The saved state was in the redo branch this edit discards.
            self.saved_depth = None;
        }
        self.undo.push(step);
        self.redo.clear();
        self.generation += 1;
    }

    pub fn undo(&mut self) -> bool {
        let Some(mut step) = self.undo.pop() else {
            return false;
        };
        self.revert(&mut step, true);
        self.redo.push(step);
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(mut step) = self.redo.pop() else {
            return false;
        };
        self.revert(&mut step, false);
        self.undo.push(step);
        true
    }

    /// Takes a step back (`backwards`) or forward again.
    fn revert(&mut self, step: &mut Step, backwards: bool) {
        match &mut step.change {
            Change::Cells(cells, rows) => {
                let workspace = Arc::make_mut(&mut self.workspace);
                if backwards {
                    for change in cells.iter().rev() {
                        workspace
                            .levels
                            .set(change.member, change.skill, change.before);
                    }
                } else {
                    for change in cells.iter() {
                        workspace
                            .levels
                            .set(change.member, change.skill, change.after);
                    }
                }
                for row in rows.iter() {
                    let side = if backwards { &row.before } else { &row.after };
                    workspace.history.set_row(row.member, Arc::clone(side));
                }
            }
            Change::Swap(other) => {
                std::mem::swap(&mut self.workspace, other);
                self.structural_generation += 1;
            }
        }
        self.generation += 1;
    }

    /// Something was written over the document's own file without saving
    /// all of it (the roster alone): it is the file's version now, so a
    /// later save does not take it for another program's change.
    pub fn note_written(&mut self, path: &Path, hash: u64) {
        if self.path.as_deref() == Some(path) {
            self.disk_stamp = std::fs::metadata(path).ok().map(|metadata| FileStamp {
                modified: metadata.modified().ok(),
                len: metadata.len(),
                hash,
            });
        }
    }

    /// The document is on disk at `path`, as `hash` of the bytes written
    /// (a database's revision).
    pub fn mark_saved(&mut self, path: &Path, hash: u64) {
        self.on_disk = (crate::io::FileKind::of(path) == crate::io::FileKind::Database)
            .then(|| Arc::clone(&self.workspace));
        self.saved_depth = Some(self.undo.len());
        self.disk_stamp = std::fs::metadata(path).ok().map(|metadata| FileStamp {
            modified: metadata.modified().ok(),
            len: metadata.len(),
            hash,
        });
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
