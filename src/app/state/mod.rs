//! `AppState`: everything the app holds, and what the views read of it.
//! Each file beside this one holds the methods of one part of the app
//! (files, development, staffing...); the types they work on live in
//! `app/`, so nothing there reaches back here.

mod evidence;
mod import_preview;
mod imports;
mod recovery;
mod review;
pub(crate) mod samples;
mod scenarios;
mod timeline;
mod who;

use crate::analysis::RoleFit;
use crate::app::{
    CellChange, Derived, Document, Edit, InsightOptions, Insights, JobResult, LossySave,
    MatrixFilter, Pending, PlanFormat, Preferences, Recovery, RecoveryOffer, Review, SheetRequest,
    Timeline, View, WhoPanel,
};
use crate::catalog::{self, Catalog};
use crate::io::{self, Diagnostic};
use crate::model::{Cell, Level, Workspace};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

/// A member as a cache knows them: the document's generation, the
/// analysis' and the member's row.
pub(in crate::app) type MemberKey = (u64, u64, usize);

/// Everything the app holds. Views read it through the methods below and
/// change it only by sending `Command`s, which `apply` runs.
pub struct AppState {
    pub(in crate::app) document: Document,
    pub(in crate::app) derived: Derived,
    pub(in crate::app) filter: MatrixFilter,
    pub(in crate::app) preferences: Preferences,
    pub(in crate::app) view: View,
    /// Selected cell: (member, skill column).
    pub(in crate::app) selected: Option<(usize, usize)>,
    /// The last import's problems, shown in the diagnostics panel.
    pub(in crate::app) diagnostics: Vec<Diagnostic>,
    pub(in crate::app) diagnostics_open: bool,
    /// The file the last open failed on, while its errors are on show:
    /// the document on screen is still the one before it.
    pub(in crate::app) failed_open: Option<String>,
    /// A one-line message for the status bar (saved, failed...).
    pub(in crate::app) notice: Option<String>,
    pub(in crate::app) pending: Option<Pending>,
    /// Asked to close with unsaved changes: the modal is up.
    pub(in crate::app) confirm_close: bool,
    /// Keeps a recovery copy of unsaved work; `None` when there is no data
    /// folder (and in tests that do not ask for one).
    pub(in crate::app) recovery: Option<Recovery>,
    /// Unsaved work runs that crashed left behind, offered back.
    pub(in crate::app) recovery_offers: Vec<RecoveryOffer>,
    /// Save found the file changed on disk since it was opened: the
    /// overwrite question is up.
    pub(in crate::app) confirm_overwrite: bool,
    /// Save found that the chosen CSV cannot hold all of the document:
    /// the question of what to do instead is up.
    pub(in crate::app) lossy_save: Option<LossySave>,
    /// The user chose to close anyway.
    pub(in crate::app) closing: bool,
    /// Focus the search box on the next frame (Ctrl+F).
    pub(in crate::app) focus_search: bool,
    /// Bring this cell into view on the next frame.
    pub(in crate::app) scroll_to: Option<(usize, usize)>,
    /// The analysis behind the insight views, and what they ask of it.
    pub(in crate::app) insights: Insights,
    pub(in crate::app) insight_options: InsightOptions,
    /// Why the last edit a view asked for was refused, for it to show.
    pub(in crate::app) edit_error: Option<String>,
    /// A plan export waiting for the analysis of the latest change.
    pub(in crate::app) pending_export: Option<(PathBuf, PlanFormat)>,
    pub(in crate::app) role_fits: Option<(MemberKey, Vec<(RoleFit, bool)>)>,
    pub(in crate::app) member_timeline: Option<(MemberKey, Vec<crate::analysis::SkillSeries>)>,
    pub(in crate::app) member_search: Option<((u64, u64, String), Vec<usize>)>,
    /// Where dialogs and loads report back; tests send to it directly.
    pub(in crate::app) sender: Sender<JobResult>,
    pub(in crate::app) receiver: Receiver<JobResult>,
    /// The date edits are recorded on; `None` reads the clock.
    pub(in crate::app) fixed_today: Option<crate::model::Date>,
    /// A roster picked to import as a round: the date question is up.
    pub(in crate::app) round_request: Option<PathBuf>,
    /// A workbook's candidate sheets, while which to read is asked.
    pub(in crate::app) sheet_request: Option<SheetRequest>,
    /// A roster import waiting for the person to check it.
    pub(in crate::app) import_preview: Option<crate::app::ImportPreview>,
    /// The guide to the concepts and the keys, while it is open.
    pub(in crate::app) guide_open: bool,
    /// The "who knows X" panel, while it is open.
    pub(in crate::app) who: Option<WhoPanel>,
    pub(in crate::app) review: Review,
    pub(in crate::app) scenarios: crate::app::ScenarioComparison,
    pub(in crate::app) timeline: Timeline,
    /// A career framework read, its preview up until applied or let go.
    pub(in crate::app) framework: Option<Box<io::FrameworkPreview>>,
    /// The work evidence dialog, while it is open.
    pub(in crate::app) evidence: Option<crate::app::EvidenceDialog>,
}

/// What the views read.
impl AppState {
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Whether the guide to the concepts and the keys is open.
    pub fn guide_open(&self) -> bool {
        self.guide_open
    }

    pub fn workspace(&self) -> &Workspace {
        &self.document.workspace
    }

    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    pub fn filter(&self) -> &MatrixFilter {
        &self.filter
    }

    pub fn preferences(&self) -> &Preferences {
        &self.preferences
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// The selected cell: (member, skill column).
    pub fn selected(&self) -> Option<(usize, usize)> {
        self.selected
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    pub fn diagnostics_open(&self) -> bool {
        self.diagnostics_open
    }

    pub fn failed_open(&self) -> Option<&str> {
        self.failed_open.as_deref()
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn pending(&self) -> Option<&Pending> {
        self.pending.as_ref()
    }

    pub fn confirm_close(&self) -> bool {
        self.confirm_close
    }

    pub fn confirm_overwrite(&self) -> bool {
        self.confirm_overwrite
    }

    pub fn closing(&self) -> bool {
        self.closing
    }

    pub fn recovery(&self) -> Option<&Recovery> {
        self.recovery.as_ref()
    }

    /// For tests and the clean exit, which wait for a write in flight.
    pub fn recovery_mut(&mut self) -> Option<&mut Recovery> {
        self.recovery.as_mut()
    }

    pub fn recovery_offers(&self) -> &[RecoveryOffer] {
        &self.recovery_offers
    }

    pub fn lossy_save(&self) -> Option<&LossySave> {
        self.lossy_save.as_ref()
    }

    pub fn focus_search(&self) -> bool {
        self.focus_search
    }

    pub fn scroll_to(&self) -> Option<(usize, usize)> {
        self.scroll_to
    }

    pub fn insights(&self) -> &Insights {
        &self.insights
    }

    pub fn insight_options(&self) -> &InsightOptions {
        &self.insight_options
    }

    pub fn edit_error(&self) -> Option<&str> {
        self.edit_error.as_deref()
    }

    /// Where dialogs and loads report back; tests send to it directly.
    pub fn sender(&self) -> &Sender<JobResult> {
        &self.sender
    }
}

impl AppState {
    pub fn new(document: Document, preferences: Preferences) -> AppState {
        let (sender, receiver) = channel();
        AppState {
            view: preferences.last_view,
            guide_open: false,
            document,
            derived: Derived::default(),
            filter: MatrixFilter::default(),
            preferences,
            selected: None,
            diagnostics: Vec::new(),
            diagnostics_open: false,
            failed_open: None,
            notice: None,
            pending: None,
            confirm_close: false,
            confirm_overwrite: false,
            recovery: None,
            recovery_offers: Vec::new(),
            lossy_save: None,
            closing: false,
            focus_search: false,
            scroll_to: None,
            insights: Insights::default(),
            insight_options: InsightOptions::default(),
            edit_error: None,
            pending_export: None,
            role_fits: None,
            member_timeline: None,
            member_search: None,
            sender,
            receiver,
            fixed_today: None,
            round_request: None,
            sheet_request: None,
            import_preview: None,
            evidence: None,
            who: None,
            review: Review::default(),
            scenarios: crate::app::ScenarioComparison::default(),
            timeline: Timeline::default(),
            framework: None,
        }
    }

    /// The workbook whose roster sheet is being asked for.
    pub fn sheet_request(&self) -> Option<&SheetRequest> {
        self.sheet_request.as_ref()
    }

    /// The roster waiting for its round's date, while that is asked.
    pub fn round_request(&self) -> Option<&Path> {
        self.round_request.as_deref()
    }

    /// The date a cell edit is an assessment of.
    pub fn today(&self) -> crate::model::Date {
        self.fixed_today.unwrap_or_else(crate::model::today)
    }

    /// The whole team on the day the window is of, by that day's record:
    /// the one door the views' own questions go through.
    pub fn scope(&self) -> crate::analysis::Scope<'_> {
        crate::analysis::Scope::new(
            &self.document.workspace,
            self.today(),
            &crate::analysis::ScopeFilter::default(),
        )
    }

    /// Pins today's date, so tests read the same history whenever they run.
    pub fn set_today(&mut self, date: crate::model::Date) {
        self.fixed_today = Some(date);
        self.insight_options.today = Some(date);
        self.derived.today = Some(date);
        self.derived.generation = None;
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
        self.refresh_who();
        self.refresh_review();
        self.refresh_scenarios();
        self.insights.poll();
        self.poll_preview();
        self.poll_evidence();
        self.refresh_timeline();
        self.finish_pending_export();
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
        // An edit is the latest word on the cell, even over a round dated
        // ahead of today.
        let latest = self
            .document
            .workspace
            .history
            .row(member)
            .last_dated(skill as u32);
        let as_of = Some(latest.map_or(self.today(), |latest| latest.max(self.today())));
        self.document.apply(Edit {
            as_of,
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

    pub fn new_document(&mut self) {
        let mut workspace = Workspace::with_roles(self.library().roles.clone());
        for skill in &self.library().skills {
            workspace.push_skill(skill.clone());
        }
        self.replace_document(Document::new(workspace, "Untitled", None));
        self.diagnostics.clear();
    }

    /// Every way a new document arrives (open, new, restore) goes through
    /// here: what was selected or filtered in the old one goes with it.
    pub fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.selected = None;
        self.scroll_to = None;
        self.filter = MatrixFilter::default();
        self.failed_open = None;
        self.edit_error = None;
        // An export asked of the old document is not the new one's.
        self.pending_export = None;
    }
}
