//! The desktop app's state: the open document, its undo history, work on
//! background threads, and the data derived from the workspace, recomputed
//! only when the workspace changes. The views in `ui/` draw from here and
//! send `Action`s back; nothing here draws.

use crate::analysis::{self, CompiledRole, Scope};
use crate::catalog::{self, Catalog};
use crate::io::{self, Diagnostic, ExportOptions, FileKind, ImportFailure, Imported, Layout};
use crate::model::{Cell, Level, SkillKind, Workspace};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

/// The sample team a new user sees first, built into the binary.
pub const SAMPLE_NAME: &str = "product-org.csv";
const SAMPLE_CSV: &[u8] = include_bytes!("../sample-teams/product-org.csv");
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

/// What the matrix shows: which rows and columns, in what order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MatrixFilter {
    pub team: Option<String>,
    pub role: Option<String>,
    pub kind: Option<SkillKind>,
    pub category: Option<String>,
    pub search: String,
    pub sort: SortKey,
    pub descending: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Roster,
    Name,
    Role,
    Team,
    Fit,
    Skill(usize),
}

/// Data derived from the workspace, cached against its generation.
#[derive(Default)]
pub struct Derived {
    /// The document id and generation this was computed from.
    pub generation: Option<(u64, u64)>,
    /// Per skill column: members who can lead it (the footer counts).
    pub leaders: Vec<u32>,
    /// Per skill column: required by a role present and led by one or nobody.
    pub bus_factor: Vec<bool>,
    /// Per member: fit for their own role, 0-100.
    pub fit: Vec<Option<f64>>,
    /// Per member, per skill column: the level their role requires.
    pub required: Vec<Vec<Option<Level>>>,
    pub teams: Vec<String>,
    pub roles: Vec<(String, String)>,
    pub categories: Vec<String>,
    /// The rows and columns on show, for `filter` at `generation`.
    pub rows: Vec<usize>,
    pub columns: Vec<usize>,
    filter: Option<(MatrixFilter, (u64, u64))>,
}

impl Derived {
    /// Recomputes what the workspace or the filter changed, nothing else.
    pub fn refresh(&mut self, document: &Document, filter: &MatrixFilter) {
        let workspace = &document.workspace;
        let version = (document.id, document.generation);
        if self.generation != Some(version) {
            self.recompute_workspace(workspace);
            self.generation = Some(version);
            self.filter = None;
        }
        if self.filter.as_ref() != Some(&(filter.clone(), version)) {
            self.recompute_view(workspace, filter);
            self.filter = Some((filter.clone(), version));
        }
    }

    fn recompute_workspace(&mut self, workspace: &Workspace) {
        let scope = Scope::new(workspace, None);
        let settings = &workspace.settings;
        let coverage = analysis::coverage(&scope, settings);
        self.leaders = coverage.iter().map(|c| c.leaders).collect();
        let (risks, _) = analysis::bus_factor(&scope, settings);
        self.bus_factor = workspace
            .skills
            .iter()
            .map(|skill| {
                risks
                    .iter()
                    .any(|risk| &*risk.skill.id == skill.id.as_str())
            })
            .collect();
        let compiled: Vec<CompiledRole> = (0..workspace.roles.len())
            .map(|index| CompiledRole::new(&scope, index))
            .collect();
        self.fit = (0..workspace.members.len())
            .map(|member| {
                scope
                    .role_index_of(member)
                    .map(|role| compiled[role].score(workspace, member).0)
            })
            .collect();
        self.required = (0..workspace.members.len())
            .map(|member| {
                let mut levels = vec![None; workspace.skills.len()];
                if let Some(role) = scope.role_index_of(member) {
                    for requirement in &scope.requirements[role] {
                        if let Some(column) = requirement.column {
                            levels[column] = Some(requirement.min_level);
                        }
                    }
                }
                levels
            })
            .collect();
        let mut teams: Vec<String> = workspace
            .members
            .iter()
            .filter_map(|m| m.team.clone())
            .collect();
        teams.sort_unstable();
        teams.dedup();
        self.teams = teams;
        let mut roles: Vec<(String, String)> = Vec::new();
        for role in (0..workspace.members.len()).filter_map(|m| workspace.member_role(m)) {
            if !roles.iter().any(|(id, _)| id == role.id.as_str()) {
                roles.push((role.id.0.clone(), role.title.clone()));
            }
        }
        roles.sort_by(|a, b| a.1.cmp(&b.1));
        self.roles = roles;
        let mut categories: Vec<String> = workspace
            .skills
            .iter()
            .map(|s| s.category.clone())
            .collect();
        categories.sort_unstable();
        categories.dedup();
        self.categories = categories;
    }

    fn recompute_view(&mut self, workspace: &Workspace, filter: &MatrixFilter) {
        let query = filter.search.trim().to_lowercase();
        let skill_matches = |column: usize| {
            workspace.skills[column]
                .name
                .to_lowercase()
                .contains(&query)
        };
        let search_skills = !query.is_empty() && (0..workspace.skills.len()).any(skill_matches);
        let mut columns: Vec<usize> = (0..workspace.skills.len())
            .filter(|&column| {
                let skill = &workspace.skills[column];
                filter.kind.is_none_or(|kind| skill.kind == kind)
                    && filter
                        .category
                        .as_ref()
                        .is_none_or(|c| &skill.category == c)
                    && (!search_skills || skill_matches(column))
            })
            .collect();
        // Hard skills first, then soft, each in the roster's order.
        columns.sort_by_key(|&column| workspace.skills[column].kind == SkillKind::Soft);
        let member_matches = |member: usize| {
            let record = &workspace.members[member];
            record.name.to_lowercase().contains(&query)
                || record
                    .team
                    .as_deref()
                    .is_some_and(|t| t.to_lowercase().contains(&query))
        };
        let search_members = !query.is_empty() && !search_skills;
        let mut rows: Vec<usize> = (0..workspace.members.len())
            .filter(|&member| {
                let record = &workspace.members[member];
                filter
                    .team
                    .as_ref()
                    .is_none_or(|team| record.team.as_ref() == Some(team))
                    && filter
                        .role
                        .as_ref()
                        .is_none_or(|role| record.role.as_ref().is_some_and(|r| r.as_str() == role))
                    && (!search_members || member_matches(member))
            })
            .collect();
        let title = |member: usize| {
            workspace
                .member_role(member)
                .map_or("", |role| role.title.as_str())
        };
        match filter.sort {
            SortKey::Roster => {}
            SortKey::Name => {
                rows.sort_by(|&a, &b| workspace.members[a].name.cmp(&workspace.members[b].name))
            }
            SortKey::Role => rows.sort_by(|&a, &b| title(a).cmp(title(b))),
            SortKey::Team => {
                rows.sort_by(|&a, &b| workspace.members[a].team.cmp(&workspace.members[b].team))
            }
            SortKey::Fit => rows.sort_by(|&a, &b| {
                self.fit[a]
                    .unwrap_or(-1.0)
                    .total_cmp(&self.fit[b].unwrap_or(-1.0))
            }),
            SortKey::Skill(column) => rows.sort_by_key(|&member| {
                let cell = workspace.cell(member, column);
                cell.level().map_or(-1, |level| i16::from(level.get()))
            }),
        }
        if filter.descending {
            rows.reverse();
        }
        self.rows = rows;
        self.columns = columns;
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

/// Everything the app holds. Views read it and push `Action`s.
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
