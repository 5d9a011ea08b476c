//! The desktop app's state: the open document, its undo history, work on
//! background threads, and the data derived from the workspace, recomputed
//! only when the workspace changes. The views in `ui/` draw from here and
//! change it only through `AppState`'s methods, which keep the history and the
//! caches right; nothing here draws.

mod derived;
mod document;
mod insights;
mod recovery;
mod staffing;

pub use derived::{Derived, MatrixFilter, SortKey};
pub use document::{CellChange, Document, Edit, FileStamp, file_name};
pub use insights::{INLINE_CELLS, InsightOptions, InsightResults, Insights};
pub use recovery::{RECOVERY_INTERVAL, Recovery, RecoveryInfo, RecoveryStore};

use crate::analysis::RoleFit;
use crate::catalog::{self, Catalog};
use crate::io::{self, Diagnostic, ExportOptions, FileKind, ImportFailure, Imported, Layout};
use crate::model::{Cell, Level, PlannedHire, RoleId, Workspace};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// The sample team a new user sees first, built into the binary.
pub const SAMPLE_NAME: &str = "product-org.csv";
const SAMPLE_CSV: &[u8] = include_bytes!("../../sample-teams/product-org.csv");
const RECENT_FILES: usize = 8;

/// The views of the left navigation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    #[default]
    Matrix,
    Gaps,
    Fit,
    Hiring,
    Capacity,
    Staffing,
    Roles,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Matrix,
        View::Gaps,
        View::Fit,
        View::Hiring,
        View::Capacity,
        View::Staffing,
        View::Roles,
    ];

    /// What `--view` calls it.
    pub fn name(self) -> &'static str {
        match self {
            View::Matrix => "matrix",
            View::Gaps => "gaps",
            View::Fit => "fit",
            View::Hiring => "hiring",
            View::Capacity => "capacity",
            View::Staffing => "staffing",
            View::Roles => "roles",
        }
    }

    /// What the navigation calls it.
    pub fn label(self) -> &'static str {
        match self {
            View::Matrix => "Skills matrix",
            View::Gaps => "Gaps & bus factor",
            View::Fit => "Fit & succession",
            View::Hiring => "Hiring plan",
            View::Capacity => "Team capacity",
            View::Staffing => "Staffing",
            View::Roles => "Roles & skills",
        }
    }

    pub fn from_name(name: &str) -> Option<View> {
        View::ALL
            .into_iter()
            .find(|view| view.name().eq_ignore_ascii_case(name))
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
    /// The hiring plan, as CSV or as the HTML report.
    ExportPlan(PlanFormat),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanFormat {
    Csv,
    Html,
}

/// A background job in flight: what it is, so the status bar can say so.
pub struct Pending {
    pub what: String,
    /// How far a load has got; cancelling tells the loading thread to stop.
    pub progress: Arc<io::Progress>,
    pub receiver: Receiver<JobResult>,
}

/// A member of one generation of one document.
type MemberKey = (u64, u64, usize);

/// What the insight views have selected, and text being typed in them.
#[derive(Clone, Debug, Default)]
pub struct ViewSelection {
    /// The member the fit view shows.
    pub member: Option<usize>,
    /// What is typed in the fit and hiring views' member search.
    pub member_query: String,
    /// The role whose successors the fit view lists.
    pub succession_role: Option<usize>,
    /// The role planned hires are added as, and their team.
    pub hire_role: Option<usize>,
    pub hire_team: Option<String>,
    pub departure: Option<usize>,
    /// The budget field, as typed.
    pub budget_text: String,
    /// Roles editor: the role and skill selected, and names being typed.
    pub role: Option<usize>,
    pub role_title: String,
    pub skill: Option<usize>,
    pub skill_name: String,
    pub new_skill: String,
    pub new_skill_soft: bool,
    pub merge_into: Option<usize>,
    pub new_requirement: Option<usize>,
    /// Why the last edit in the roles editor was refused.
    pub editor_error: Option<String>,
    /// Staffing: the project selected, its details as typed, the line
    /// being added, and the skill the quarter chart shows.
    pub project: Option<usize>,
    pub project_name: String,
    pub project_start: String,
    pub project_end: String,
    pub project_priority: String,
    pub line_skill: Option<usize>,
    pub line_level: u8,
    pub line_people: String,
    pub line_fte: String,
    pub chart_skill: Option<String>,
    pub staffing_error: Option<String>,
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
    /// Keeps a recovery copy of unsaved work; `None` when there is no data
    /// folder (and in tests that do not ask for one).
    pub recovery: Option<Recovery>,
    /// Unsaved work a run that crashed left behind, offered back.
    pub recovery_offer: Option<RecoveryInfo>,
    /// Save found the file changed on disk since it was opened: the
    /// overwrite question is up.
    pub confirm_overwrite: bool,
    /// The user chose to close anyway.
    pub closing: bool,
    /// Focus the search box on the next frame (Ctrl+F).
    pub focus_search: bool,
    /// Bring this cell into view on the next frame.
    pub scroll_to: Option<(usize, usize)>,
    /// The analysis behind the insight views, and what they ask of it.
    pub insights: Insights,
    pub insight_options: InsightOptions,
    /// What the fit, hiring and roles views have selected and typed.
    pub selection: ViewSelection,
    role_fits: Option<(MemberKey, Vec<(RoleFit, bool)>)>,
    member_search: Option<((u64, u64, String), Vec<usize>)>,
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
            confirm_overwrite: false,
            recovery: None,
            recovery_offer: None,
            closing: false,
            focus_search: false,
            scroll_to: None,
            insights: Insights::default(),
            insight_options: InsightOptions::default(),
            selection: ViewSelection::default(),
            role_fits: None,
            member_search: None,
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
        // A structural edit or its undo can take the selected cell away.
        let workspace = &self.document.workspace;
        if self
            .selected
            .is_some_and(|(m, s)| m >= workspace.members.len() || s >= workspace.skills.len())
        {
            self.selected = None;
            self.scroll_to = None;
        }
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
                if opened_as_document {
                    document.disk_stamp = FileStamp::of(path);
                }
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
                self.selection = ViewSelection::default();
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
        let progress = Arc::new(io::Progress::default());
        self.pending = Some(Pending {
            what: format!("Opening {}…", file_name(&path)),
            progress: Arc::clone(&progress),
            receiver,
        });
        std::thread::Builder::new()
            .name("skillgrid-open".into())
            .spawn(move || {
                let result = io::open_path_tracked(&path, catalog::builtin(), &progress);
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
            pending.progress.cancel();
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
        if FileKind::of(path) == FileKind::Csv
            && let Some(lost) = self.csv_would_lose()
        {
            return Err(format!(
                "{} cannot hold {lost}: use Save As and choose a .json workspace to keep them",
                file_name(path)
            ));
        }
        io::save_path(&self.document.workspace, path, options)
            .map_err(|error| error.to_string())?;
        self.document.mark_saved(path);
        self.preferences.remember(path);
        self.notice = Some(format!("Saved {}", path.display()));
        Ok(())
    }

    /// What a roster CSV cannot carry of this workspace: the plan, and
    /// roles or skills edited in the app (a CSV holds members and levels).
    pub fn csv_would_lose(&self) -> Option<String> {
        let workspace = &self.document.workspace;
        let library = self.library();
        let mut lost = Vec::new();
        if !workspace.plan.is_empty() {
            lost.push("the hiring plan");
        }
        let edited_role = workspace.roles.iter().any(|role| {
            if role.builtin {
                library.roles.iter().find(|r| r.id == role.id) != Some(role)
            } else {
                // Roles a roster names but the library lacks come back from
                // the CSV by title; only their requirements and pay do not.
                !role.requirements.is_empty() || role.salary.is_some()
            }
        });
        if edited_role {
            lost.push("edited roles");
        }
        let renamed_skill = workspace.skills.iter().any(|skill| {
            skill.builtin && library.skills.iter().find(|s| s.id == skill.id) != Some(skill)
        });
        if renamed_skill {
            lost.push("renamed or merged skills");
        }
        (!lost.is_empty()).then(|| lost.join(", "))
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

    /// Starts keeping recovery copies in `store`, and offers back what a
    /// crashed run left there.
    pub fn use_recovery(&mut self, store: RecoveryStore) {
        self.recovery_offer = store.offer();
        self.recovery = Some(Recovery::new(store));
    }

    /// Writes or removes the recovery file as the document needs; called
    /// every frame, cheap when nothing is due.
    pub fn maintain_recovery(&mut self) {
        if self.recovery_offer.is_some() {
            // The old file stays until the user has answered the offer.
            return;
        }
        if let Some(recovery) = &mut self.recovery {
            recovery.maintain(&self.document, std::time::Instant::now());
        }
    }

    /// Takes the recovered work as an unsaved document.
    pub fn restore_recovery(&mut self) {
        let Some(info) = self.recovery_offer.take() else {
            return;
        };
        let Some(recovery) = &self.recovery else {
            return;
        };
        match recovery.store.load() {
            Ok(imported) => {
                let mut document = Document::new(
                    imported.value,
                    &recovery::recovered_name(&info),
                    info.source,
                );
                document.mark_unsaved();
                self.document = document;
                self.selected = None;
                self.selection = ViewSelection::default();
                self.notice = Some(format!("Restored {} unsaved changes", info.changes));
            }
            Err(failure) => {
                self.notice = Some("The recovery file could not be read".to_string());
                self.diagnostics = failure.errors;
                self.diagnostics_open = true;
            }
        }
    }

    pub fn discard_recovery(&mut self) {
        if self.recovery_offer.take().is_some()
            && let Some(recovery) = &self.recovery
        {
            recovery.store.remove();
        }
    }

    /// Brings the insight views' analysis up to date (see `Insights`).
    pub fn refresh_insights(&mut self, repaint: impl Fn() + Send + 'static) {
        self.insights
            .refresh(&self.document, &self.insight_options, repaint);
    }

    /// The selected member's fit for every role, best first, computed when
    /// the member or the workspace changes.
    pub fn role_fits(&mut self) -> &[(RoleFit, bool)] {
        let Some(member) = self
            .selection
            .member
            .filter(|&m| m < self.document.workspace.members.len())
        else {
            return &[];
        };
        let key = (self.document.id, self.document.generation, member);
        if self
            .role_fits
            .as_ref()
            .is_none_or(|(known, _)| known != &key)
        {
            let fits = crate::analysis::role_fits(&self.document.workspace, member);
            self.role_fits = Some((key, fits));
        }
        self.role_fits.as_ref().map_or(&[], |(_, fits)| fits)
    }

    /// Members whose name, team or role title contains the member query,
    /// in roster order; recomputed only when the query or roster changes.
    pub fn members_matching(&mut self) -> &[usize] {
        let query = self.selection.member_query.trim().to_lowercase();
        let key = (self.document.id, self.document.generation, query);
        if self
            .member_search
            .as_ref()
            .is_none_or(|(known, _)| known != &key)
        {
            let workspace = &self.document.workspace;
            let query = &key.2;
            let matches = (0..workspace.members.len())
                .filter(|&member| {
                    let record = &workspace.members[member];
                    query.is_empty()
                        || record.name.to_lowercase().contains(query)
                        || record
                            .team
                            .as_deref()
                            .is_some_and(|team| team.to_lowercase().contains(query))
                        || workspace
                            .member_role(member)
                            .is_some_and(|role| role.title.to_lowercase().contains(query))
                })
                .collect();
            self.member_search = Some((key, matches));
        }
        self.member_search.as_ref().map_or(&[], |(_, found)| found)
    }

    /// Shows a skill's column in the matrix, clearing filters that hide it.
    pub fn show_skill_in_matrix(&mut self, column: usize) {
        self.filter.kind = None;
        self.filter.category = None;
        self.filter.search.clear();
        self.refresh();
        let member = self.derived.rows.first().copied().unwrap_or(0);
        if member < self.document.workspace.members.len() {
            self.selected = Some((member, column));
            self.scroll_to = self.selected;
        }
        self.view = View::Matrix;
    }

    /// Shows a member's fit for every role.
    pub fn show_member_fit(&mut self, member: usize) {
        self.selection.member = Some(member);
        self.view = View::Fit;
    }

    /// Adds a planned hire to the what-if plan (undoable).
    pub fn plan_hire(&mut self, role: RoleId, team: Option<String>) {
        let title = self
            .document
            .workspace
            .role(&role)
            .map_or(role.to_string(), |r| r.title.clone());
        let _ = self
            .document
            .edit(&format!("plan a hire: {title}"), |workspace| {
                workspace.plan.hires.push(PlannedHire { role, team });
                Ok(())
            });
    }

    pub fn unplan_hire(&mut self, index: usize) {
        let _ = self.document.edit("remove a planned hire", |workspace| {
            (index < workspace.plan.hires.len())
                .then(|| workspace.plan.hires.remove(index))
                .map(|_| ())
                .ok_or_else(|| "no such planned hire".to_string())
        });
    }

    /// Plans a member's departure (undoable); once is enough.
    pub fn plan_departure(&mut self, member: usize) {
        let record = &self.document.workspace.members[member];
        let key = record.email.clone().unwrap_or_else(|| record.name.clone());
        let label = format!("plan a departure: {}", record.name);
        let _ = self.document.edit(&label, |workspace| {
            if !workspace.plan.departures.contains(&key) {
                workspace.plan.departures.push(key);
            }
            Ok(())
        });
    }

    pub fn unplan_departure(&mut self, index: usize) {
        let _ = self
            .document
            .edit("remove a planned departure", |workspace| {
                (index < workspace.plan.departures.len())
                    .then(|| workspace.plan.departures.remove(index))
                    .map(|_| ())
                    .ok_or_else(|| "no such planned departure".to_string())
            });
    }

    /// Makes the plan real: planned hires join the roster as placeholders
    /// at their roles' levels, departures leave. One undoable step.
    pub fn apply_plan(&mut self) {
        let workspace = &self.document.workspace;
        if workspace.plan.is_empty() {
            return;
        }
        let (hires, departures) = (workspace.plan.hires.len(), workspace.plan.departures.len());
        let applied =
            crate::analysis::apply_plan(workspace, &workspace.plan, &self.library().skills);
        self.document.replace(
            &format!("apply the plan ({hires} hires, {departures} departures)"),
            applied,
        );
        self.selected = None;
        self.selection.member = None;
        self.notice = Some(format!(
            "Plan applied: {hires} placeholder members added, {departures} removed"
        ));
    }

    /// A roles-and-skills edit: one undoable step, or the reason it was
    /// refused, shown in the editor.
    pub fn edit_library<T>(
        &mut self,
        label: &str,
        edit: impl FnOnce(&mut Workspace) -> Result<T, String>,
    ) -> Option<T> {
        match self.document.edit(label, edit) {
            Ok(value) => {
                self.selection.editor_error = None;
                Some(value)
            }
            Err(reason) => {
                self.selection.editor_error = Some(reason);
                None
            }
        }
    }

    /// Writes the hiring plan (with the what-if applied) as CSV or as the
    /// HTML report; atomic, like every save.
    pub fn export_plan(&mut self, path: &Path, format: PlanFormat) -> Result<(), String> {
        self.refresh_insights(|| {});
        self.insights.wait();
        let Some(results) = self.insights.results() else {
            return Err("the analysis is not ready".to_string());
        };
        let workspace = &self.document.workspace;
        let bytes = match format {
            PlanFormat::Csv => crate::report::plan_csv(workspace, results.shown()),
            PlanFormat::Html => {
                let planned =
                    crate::analysis::apply_plan(workspace, &workspace.plan, &self.library().skills);
                crate::report::html_report(results.shown(), &planned, &self.document.name)
            }
        };
        io::write_atomic(path, bytes.as_bytes()).map_err(|error| error.to_string())?;
        self.notice = Some(format!("Exported the hiring plan to {}", path.display()));
        Ok(())
    }

    pub fn new_document(&mut self) {
        let mut workspace = Workspace::with_roles(self.library().roles.clone());
        for skill in &self.library().skills {
            workspace.push_skill(skill.clone());
        }
        self.document = Document::new(workspace, "Untitled", None);
        self.selected = None;
        self.selection = ViewSelection::default();
        self.filter = MatrixFilter::default();
        self.diagnostics.clear();
    }
}
