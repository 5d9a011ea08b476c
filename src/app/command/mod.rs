//! Every change to the app's state, as data: the `Command`s views, menus
//! and shortcuts send, and the `Outcome` they leave for what the views have selected.
//! `apply.rs` applies them.

use super::{ImportKind, InsightOptions, MatrixFilter, PlanFormat, Preferences, View};

mod apply;
use crate::io::Layout;
use crate::model::{Importance, Level, RoleId, SkillKind};
use std::path::PathBuf;

/// The bundled samples the window opens, each dated around today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sample {
    /// The team with three projects starting this week.
    Projects,
    /// The team rated in four quarterly rounds, the last one just past.
    History,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    // The document: new, save, export, undo, and the questions a save or close asks.
    NewDocument,
    /// A bundled sample team, as a new unsaved document.
    OpenSample(Sample),
    /// Writes where the document lives (even over an outside change).
    SaveOver,
    SaveTo(PathBuf),
    SaveRosterOnly(PathBuf),
    CancelLossySave,
    Export(PathBuf, Layout),
    ExportPlan(PathBuf, PlanFormat),
    /// The matrix as shown, filter and sort, as an SVG picture.
    ExportPicture(PathBuf),
    ExportProjects(PathBuf),
    /// The staffing proposal as a workbook: a row per person placed, and
    /// people by weeks.
    ExportStaffing(PathBuf),
    CancelPending,
    Undo,
    Redo,
    /// The unsaved-changes question: asked, answered.
    AskToClose,
    CloseAnyway,
    CancelClose,
    AskToOverwrite,
    CancelOverwrite,
    /// Save over a file another program changed, replacing its version.
    Overwrite,
    RestoreRecovery(String),
    DiscardRecovery(String),
    KeepRecoveryForLater,

    // Imports into the open document, and the questions they ask.
    /// Reads a file of this kind into the document (a framework into
    /// its preview): the menu, the file dialog and drag and drop.
    Import(ImportKind, PathBuf),
    /// Ask the date and rater of a roster to import as a round.
    AskRound(PathBuf),
    /// The round question, cancelled.
    CancelRound,
    /// Ask which of a workbook's sheets is the roster.
    AskSheet(super::SheetRequest),
    /// Shows how a roster file would import, before it does.
    PreviewImport(PathBuf, super::FileIntent),
    /// The person's reading of a previewed column, by its place.
    SetImportColumn(usize, crate::model::ColumnUse),
    /// Previews another sheet of the workbook.
    SetImportSheet(String),
    ConfirmImport,
    CancelImport,
    /// Writes the preview's column choices as a mapping file.
    SaveColumnMap(PathBuf),
    /// The sheet question, cancelled: nothing is opened.
    CancelSheet,
    /// A self-assessment form for each member shown, into a folder.
    WriteForms(PathBuf),
    /// Filled forms recorded as self ratings dated today, as one edit.
    ImportForms(Vec<PathBuf>),
    /// The work evidence dialog: opened, its form changed, a repository
    /// read, the read stored, a repository's evidence removed, closed.
    OpenEvidence,
    SetEvidenceForm(super::EvidenceForm),
    SetEvidenceRepository(PathBuf),
    SetEvidenceMap(PathBuf),
    ReadEvidence,
    StoreEvidence,
    RemoveEvidence(String),
    /// Work evidence halves in weight every so many days.
    SetEvidenceHalfLife(u32),
    CloseEvidence,

    // What is on show: views, filters, selection, panels and notices.
    ShowView(View),
    SetFilter(MatrixFilter),
    Select(Option<(usize, usize)>),
    MoveSelection(isize, isize),
    /// The matrix has scrolled to the cell it was asked to show.
    ScrolledTo,
    FocusSearch,
    SearchFocused,
    ShowDiagnostics(bool),
    /// Shows what a diagnostic is about: its member's cell, or its skill.
    PickDiagnostic(usize),
    ShowSkillInMatrix(usize),
    ShowSkillById(String),
    /// A member's fit for their role and every other.
    ShowMemberFit(usize),
    Notice(String),
    /// Opens or closes the "who knows X" panel.
    ToggleWho,
    /// Opens or closes the guide to the concepts and the keys.
    ToggleGuide,
    /// Asks the panel's question.
    AskWho(super::WhoForm),

    // Settings and preferences.
    /// How old a rating may be before the matrix calls it stale.
    SetStaleMonths(u32),
    /// Levels apart before a self rating is a difference to review.
    SetReviewThreshold(u8),
    /// How many days ahead a lapsing certification is listed.
    SetExpiryWarningDays(u32),
    SetInsightOptions(InsightOptions),
    SetPreferences(Preferences),

    // Cells and members: levels, interest, notes, reviews, managers, roles, leaving.
    /// A member added by hand, joining today; the matrix shows them.
    AddMember(crate::model::MemberDetails),
    /// A member's details as typed, changes dated `on`.
    EditMember {
        member: usize,
        details: crate::model::MemberDetails,
        on: crate::model::Date,
    },
    SetLevel {
        member: usize,
        skill: usize,
        level: Option<Level>,
    },
    ToggleInterest {
        member: usize,
        skill: usize,
    },
    /// Note evidence on a cell's latest assessment (blank clears it).
    SetNote {
        member: usize,
        skill: usize,
        text: String,
    },
    /// The manager's decision on a review difference: the level to record.
    Decide {
        member: usize,
        skill: usize,
        level: Option<crate::model::Level>,
    },
    /// Moves members to new managers (member, the manager's email or
    /// name), as one undoable edit.
    ApplyMoves(Vec<(usize, String)>),
    /// Gives a member a role (an imported level, say), or none.
    SetMemberRole {
        member: usize,
        role: Option<RoleId>,
    },
    /// Records that a member left on a date (undoable): out of every
    /// count from that day; `None` takes a leaving date back.
    SetLeaver {
        member: usize,
        on: Option<crate::model::Date>,
    },

    // Development targets, certifications and time off.
    SetTarget(super::TargetForm),
    RemoveTarget {
        member: usize,
        skill: usize,
    },
    AddCertification(super::CertificationForm),
    RemoveCertification {
        member: usize,
        index: usize,
    },
    AddTimeOff(super::TimeOffForm),
    RemoveTimeOff {
        member: usize,
        index: usize,
    },

    // The what-if plan.
    PlanHire {
        role: RoleId,
        team: Option<String>,
        /// A specialist's skill and level, added to the role's.
        specialty: Option<(crate::model::SkillId, crate::model::Level)>,
    },
    PlanSpanHire {
        role: RoleId,
        team: Option<String>,
        manager: String,
        span_max: u32,
    },
    UnplanHire(usize),
    PlanDeparture(usize),
    UnplanDeparture(usize),
    SetPlannedReport {
        hire: usize,
        member: usize,
        reports: bool,
    },
    ApplyPlan,

    // Projects and staffing.
    NewProject,
    /// Moves a project's start (or end) by whole weeks: a bar dragged on
    /// the timeline.
    ShiftProjectDates {
        project: usize,
        start: bool,
        weeks: i32,
    },
    /// Scenarios: named sets of changes to the plan.
    AddScenario(String),
    RemoveScenario(usize),
    AddScenarioChange(usize, crate::model::ScenarioChange),
    ApplyScenario(usize),
    /// Which scenarios the comparison shows, by name (at most three).
    CompareScenarios(Vec<String>),
    /// Whether staffing counts on targets due by a project's start.
    SetCountTargets(bool),
    /// A skill line takes a learner at this share of time, or none.
    SetLearner {
        project: usize,
        line: usize,
        share: Option<f64>,
    },
    SetProjectStatus {
        project: usize,
        status: crate::model::ProjectStatus,
    },
    SaveProjectDetails {
        project: usize,
        name: String,
        priority: String,
        start: String,
        end: String,
    },
    AddDemandLine {
        project: usize,
        skill: usize,
        level: Level,
        people: String,
        fte: String,
    },
    AddRoleSlot {
        project: usize,
        role: usize,
        people: String,
        fte: String,
    },
    RemoveLine {
        project: usize,
        line: usize,
    },
    Pin {
        project: usize,
        line: usize,
        member: usize,
        fte: f64,
    },
    Unpin {
        project: usize,
        line: usize,
        member: usize,
    },
    TakeOff {
        project: usize,
        line: usize,
        member: usize,
    },
    AcceptProposal(usize),

    // Roles and skills, and career frameworks.
    AddSkill {
        name: String,
        kind: SkillKind,
    },
    RenameSkill {
        column: usize,
        name: String,
    },
    MergeSkills {
        from: usize,
        into: usize,
    },
    DuplicateRole(usize),
    RenameRole {
        role: usize,
        title: String,
    },
    MoveRoleMembers {
        from: usize,
        to: usize,
    },
    SetRequirement {
        role: usize,
        row: usize,
        change: Option<(Level, Importance)>,
    },
    AddRequirement {
        role: usize,
        skill: usize,
    },
    ChooseFramework(super::FrameworkChoice),
    /// The preview, applied as one undoable edit.
    ApplyFramework,
    CancelFramework,
}

/// What a command left for the views' own selection to follow.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Done,
    /// A new document: every view's selection and typing starts afresh.
    NewDocument,
    ProjectAdded(usize),
    SkillAdded(usize),
    RoleAdded(usize),
    /// A skill merged away: the one kept.
    SkillKept(usize),
    /// The projects were replaced: the one selected is let go.
    ProjectsReplaced,
    /// Members changed rows: what pointed at one is let go.
    MembersMoved,
    ShowMember(usize),
    /// A member's details were saved.
    MemberSaved,
}
