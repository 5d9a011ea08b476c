//! The desktop app's state: the open document, its undo history, work on
//! background threads, and the data derived from the workspace, recomputed
//! only when the workspace changes. The views in `ui/` draw from here and
//! change it only through `AppState`'s methods, which keep the history and the
//! caches right; nothing here draws.

mod derived;
mod document;

pub use derived::{Derived, MatrixFilter, SortKey};
pub use document::{CellChange, Document, Edit, file_name};

use crate::catalog::{self, Catalog};
use crate::io::{self, Diagnostic, ExportOptions, FileKind, ImportFailure, Imported, Layout};
use crate::model::{Cell, Level, Workspace};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

/// The sample team a new user sees first, built into the binary.
pub const SAMPLE_NAME: &str = "product-org.csv";
const SAMPLE_CSV: &[u8] = include_bytes!("../../sample-teams/product-org.csv");
const RECENT_FILES: usize = 8;

/// The views of the left navigation. Later views add themselves here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    #[default]
    Matrix,
}

impl View {
    pub const ALL: [View; 1] = [View::Matrix];

    pub fn label(self) -> &'static str {
        match self {
            View::Matrix => "Matrix",
        }
    }

    pub fn from_name(name: &str) -> Option<View> {
        View::ALL
            .into_iter()
            .find(|view| view.label().eq_ignore_ascii_case(name))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// What persists between runs (never the roster itself).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub theme: ThemeChoice,
    pub zoom: f32,
    pub last_view: View,
    pub recent_files: Vec<PathBuf>,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            theme: ThemeChoice::System,
            zoom: 1.0,
            last_view: View::Matrix,
            recent_files: Vec::new(),
        }
    }
}

impl Preferences {
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|known| known != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(RECENT_FILES);
    }
}

/// Work done off the UI thread; its result arrives on the next frame.
pub enum JobResult {
    /// A file to open was picked (or the dialog was cancelled).
    Picked(FileIntent, Option<PathBuf>),
    Opened {
        path: PathBuf,
        intent: FileIntent,
        result: Box<Result<Imported<Workspace>, ImportFailure>>,
    },
}

/// What a picked file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileIntent {
    /// Open it as the document (Save writes back to it).
    Open,
    /// Import a roster CSV into a new, unsaved workspace.
    Import,
    SaveAs,
    Export(Layout),
}

/// A background job in flight: what it is, so the status bar can say so.
pub struct Pending {
    pub what: String,
    pub receiver: Receiver<JobResult>,
}

/// Everything the app holds. Views read it and change it through its methods.
pub struct AppState {
    pub document: Document,
    pub derived: Derived,
    pub filter: MatrixFilter,
    pub preferences: Preferences,
    pub view: View,
    /// Selected cell: (member, skill column).
    pub selected: Option<(usize, usize)>,
    /// The last import's problems, shown in the diagnostics panel.
    pub diagnostics: Vec<Diagnostic>,
    pub diagnostics_open: bool,
    /// A one-line message for the status bar (saved, failed...).
    pub notice: Option<String>,
    pub pending: Option<Pending>,
    /// Asked to close with unsaved changes: the modal is up.
    pub confirm_close: bool,
    /// The user chose to close anyway.
    pub closing: bool,
    /// Focus the search box on the next frame (Ctrl+F).
    pub focus_search: bool,
    /// Bring this cell into view on the next frame.
    pub scroll_to: Option<(usize, usize)>,
    /// Where dialogs and loads report back; tests send to it directly.
    pub sender: Sender<JobResult>,
    receiver: Receiver<JobResult>,
}

impl AppState {
    pub fn new(document: Document, preferences: Preferences) -> AppState {
        let (sender, receiver) = channel();
        AppState {
            view: preferences.last_view,
            document,
            derived: Derived::default(),
            filter: MatrixFilter::default(),
            preferences,
            selected: None,
            diagnostics: Vec::new(),
            diagnostics_open: false,
            notice: None,
            pending: None,
            confirm_close: false,
            closing: false,
            focus_search: false,
            scroll_to: None,
            sender,
            receiver,
        }
    }

    /// The bundled sample team.
    pub fn sample_document() -> Document {
        let imported = io::import_roster(SAMPLE_CSV, SAMPLE_NAME, catalog::builtin())
            .expect("the bundled sample imports");
        let mut document = Document::new(imported.value, &format!("{SAMPLE_NAME} (sample)"), None);
        document.warnings = imported.warnings;
        document
    }

    pub fn library(&self) -> &'static Catalog {
        catalog::builtin()
    }

    /// Brings derived data up to date; cheap when nothing changed.
    pub fn refresh(&mut self) {
        self.derived.refresh(&self.document, &self.filter);
    }

    pub fn skill_name(&self, column: usize) -> &str {
        &self.document.workspace.skills[column].name
    }

    /// Sets a level (or not assessed) on one cell, undoably; keeps interest.
    pub fn set_level(&mut self, member: usize, skill: usize, level: Option<Level>) {
        let what = level.map_or("not assessed".to_string(), |l| l.to_string());
        self.edit_cell(
            member,
            skill,
            |cell| cell.with_level(level),
            &format!("= {what}"),
        );
    }

    pub fn toggle_interest(&mut self, member: usize, skill: usize) {
        self.edit_cell(
            member,
            skill,
            |cell| cell.with_interest(!cell.interest()),
            "interest",
        );
    }

    /// One undoable change of one cell, labelled for the Edit menu.
    fn edit_cell(
        &mut self,
        member: usize,
        skill: usize,
        change: impl Fn(Cell) -> Cell,
        what: &str,
    ) {
        let before = self.document.workspace.cell(member, skill);
        let label = format!(
            "{} / {} {what}",
            self.document.workspace.members[member].name,
            self.skill_name(skill)
        );
        self.document.apply(Edit {
            label,
            cells: vec![CellChange {
                member,
                skill,
                before,
                after: change(before),
            }],
        });
    }

    /// Moves the selection by whole rows and columns of what is on show.
    pub fn move_selection(&mut self, rows: isize, columns: isize) {
        let derived = &self.derived;
        if derived.rows.is_empty() || derived.columns.is_empty() {
            return;
        }
        let (row, column) = match self.selected {
            Some((member, skill)) => (
                derived.rows.iter().position(|&m| m == member).unwrap_or(0),
                derived
                    .columns
                    .iter()
                    .position(|&s| s == skill)
                    .unwrap_or(0),
            ),
            None => (0, 0),
        };
        let clamp = |value: usize, delta: isize, len: usize| {
            value
                .saturating_add_signed(delta)
                .min(len.saturating_sub(1))
        };
        let row = clamp(row, rows, derived.rows.len());
        let column = clamp(column, columns, derived.columns.len());
        self.selected = Some((derived.rows[row], derived.columns[column]));
        self.scroll_to = self.selected;
    }

    /// Replaces the document with what a background load produced. A
    /// failed import changes nothing and lists its errors.
    pub fn finish_open(
        &mut self,
        path: &Path,
        intent: FileIntent,
        result: Result<Imported<Workspace>, ImportFailure>,
    ) {
        match result {
            Ok(imported) => {
                let opened_as_document = intent == FileIntent::Open;
                let name = if opened_as_document {
                    file_name(path)
                } else {
                    format!("{} (imported, unsaved)", file_name(path))
                };
                let mut document = Document::new(
                    imported.value,
                    &name,
                    opened_as_document.then(|| path.to_path_buf()),
                );
                if let Ok(bytes) = std::fs::read(path)
                    && let Some((layout, delimiter)) = io::sniff_roster(&bytes)
                {
                    document.csv_format = ExportOptions { layout, delimiter };
                }
                if !opened_as_document {
                    // An imported roster is new work until saved.
                    document.mark_unsaved();
                }
                document.warnings = imported.warnings.clone();
                self.notice = Some(format!(
                    "Opened {} ({} members x {} skills{})",
                    file_name(path),
                    document.workspace.members.len(),
                    document.workspace.skills.len(),
                    if imported.warnings.is_empty() {
                        String::new()
                    } else {
                        format!(", {} warnings", imported.warnings.len())
                    }
                ));
                self.diagnostics = imported.warnings;
                self.diagnostics_open = !self.diagnostics.is_empty();
                self.document = document;
                self.selected = None;
                self.filter = MatrixFilter::default();
                self.preferences.remember(path);
            }
            Err(failure) => {
                self.notice = Some(format!(
                    "Could not open {}: {} errors; nothing was changed",
                    file_name(path),
                    failure.errors.len()
                ));
                self.diagnostics = failure.errors.into_iter().chain(failure.warnings).collect();
                self.diagnostics_open = true;
            }
        }
    }

    /// Loads a file on a background thread; the window keeps drawing.
    pub fn start_open(
        &mut self,
        path: PathBuf,
        intent: FileIntent,
        repaint: impl Fn() + Send + 'static,
    ) {
        let (sender, receiver) = channel();
        self.pending = Some(Pending {
            what: format!("Opening {}…", file_name(&path)),
            receiver,
        });
        std::thread::Builder::new()
            .name("skillgrid-open".into())
            .spawn(move || {
                let result = io::open_path(&path, catalog::builtin());
                let _ = sender.send(JobResult::Opened {
                    path,
                    intent,
                    result: Box::new(result),
                });
                repaint();
            })
            .expect("spawning a thread");
    }

    /// Drops a job in flight: its result, when it comes, is ignored.
    pub fn cancel_pending(&mut self) {
        if let Some(pending) = self.pending.take() {
            self.notice = Some(format!("Cancelled: {}", pending.what.trim_end_matches('…')));
        }
    }

    /// Results of dialogs and loads that have arrived.
    pub fn poll_jobs(&mut self) -> Vec<JobResult> {
        let mut results: Vec<JobResult> = self.receiver.try_iter().collect();
        if let Some(pending) = &self.pending
            && let Ok(result) = pending.receiver.try_recv()
        {
            results.push(result);
            self.pending = None;
        }
        results
    }

    /// Writes the document where it lives: JSON, or CSV in the layout and
    /// delimiter it was opened with. Atomic; a failure keeps the old file.
    pub fn save_to(&mut self, path: &Path) -> Result<(), String> {
        let options = if FileKind::of(path) == FileKind::Csv {
            self.document.csv_format
        } else {
            ExportOptions::default()
        };
        io::save_path(&self.document.workspace, path, options)
            .map_err(|error| error.to_string())?;
        self.document.mark_saved(path);
        self.preferences.remember(path);
        self.notice = Some(format!("Saved {}", path.display()));
        Ok(())
    }

    pub fn export_to(&mut self, path: &Path, layout: Layout) -> Result<(), String> {
        let delimiter = if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
        {
            b'\t'
        } else {
            b','
        };
        io::save_path(
            &self.document.workspace,
            path,
            ExportOptions { layout, delimiter },
        )
        .map_err(|error| error.to_string())?;
        self.notice = Some(format!("Exported {}", path.display()));
        Ok(())
    }

    pub fn new_document(&mut self) {
        let mut workspace = Workspace::with_roles(self.library().roles.clone());
        for skill in &self.library().skills {
            workspace.push_skill(skill.clone());
        }
        self.document = Document::new(workspace, "Untitled", None);
        self.selected = None;
        self.filter = MatrixFilter::default();
        self.diagnostics.clear();
    }
}
