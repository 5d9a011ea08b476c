//! The desktop app's state: the open document, its undo history, work on
//! background threads, and the data derived from the workspace, recomputed
//! only when the workspace changes. The views in `ui/` draw from here and
//! change it only through `AppState`'s methods, which keep the history and the
//! caches right; nothing here draws.

mod command;
mod derived;
mod development;
mod document;
mod evidence;
mod files;
mod framework;
mod import_preview;
mod imports;
mod insights;
mod jobs;
mod preferences;
mod recovery;
mod review;
mod scenarios;
mod self_assessment;
mod staffing;
mod state;
mod timeline;
mod view_caches;
mod view_state;
mod what_if;
mod who;

pub use command::{Command, Outcome, Sample};
pub use derived::{Derived, MatrixFilter, Ratings, SortKey};
pub use development::{CertificationForm, TargetForm, TimeOffForm};
pub use document::{CellChange, Document, Edit, FileStamp, file_name};
pub use evidence::{EvidenceDialog, EvidenceForm, EvidenceReadResult};
pub use framework::FrameworkChoice;
pub use import_preview::{ImportPreview, previews};
pub use imports::ImportKind;
pub use insights::{
    CHARTED_GAPS, CHARTED_TEAMS, INLINE_CELLS, InsightOptions, InsightResults, Insights,
    PlannedReports, ViewLists,
};
pub use jobs::{FileIntent, JobResult, LossySave, Pending, PlanFormat, SheetRequest};
pub use preferences::{Preferences, ThemeChoice, View};
pub use recovery::{RECOVERY_INTERVAL, Recovery, RecoveryInfo, RecoveryOffer, RecoveryStore};
pub use review::Review;
pub use scenarios::ScenarioComparison;
pub use state::AppState;
pub use state::samples::SAMPLE_NAME;
pub use timeline::{Bar, LineRow, Timeline, TimelineForm};
pub use view_state::{
    FitInputs, FrameworkInputs, HiringInputs, ImportQuestions, MatrixInputs, PeopleSelection,
    PersonInputs, ReviewInputs, RolesInputs, ScenarioInputs, StaffingInputs, ViewSelection,
};
pub use who::{WhoForm, WhoPanel};
