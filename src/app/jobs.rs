//! Work the window waits for: files picked in dialogs, loads on other
//! threads, and the questions a save or an open asks.

use super::ImportKind;
use crate::io::{self, ImportFailure, Imported, Layout};
use crate::model::Workspace;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

/// Work done off the UI thread; its result arrives on the next frame.
pub enum JobResult {
    /// A file to open was picked (or the dialog was cancelled).
    Picked(FileIntent, Option<PathBuf>),
    /// Several files picked at once (none: cancelled).
    PickedMany(FileIntent, Vec<PathBuf>),
    /// No file dialog could be shown; the message says why and what to do.
    DialogFailed(String),
    Opened {
        path: PathBuf,
        intent: FileIntent,
        result: Box<Result<Imported<Workspace>, ImportFailure>>,
        /// A database's revision, read with its contents.
        revision: Option<u64>,
    },
    /// A workbook has several sheets that could be the roster: which one?
    ChooseSheet(SheetRequest),
}

/// A workbook waiting for the person to pick its roster sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRequest {
    pub path: PathBuf,
    pub intent: FileIntent,
    /// Each candidate's name and its rows under the header.
    pub sheets: Vec<(String, usize)>,
}

/// What a picked file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileIntent {
    /// Open it as the document (Save writes back to it).
    Open,
    /// Import a roster CSV into a new, unsaved workspace.
    ImportRoster,
    SaveAs,
    Export(Layout),
    /// The hiring plan, as CSV or as the HTML report.
    ExportPlan(PlanFormat),
    /// A file that adds to the open document.
    Import(ImportKind),
    /// The projects, written as CSV.
    ExportProjects,
    /// The staffing proposal, as a workbook.
    ExportStaffing,
    /// The matrix as an Excel workbook.
    ExportWorkbook,
    /// The matrix as shown (filter and sort) as an SVG picture.
    ExportSvg,
    /// A folder to write a self-assessment form a member into.
    SendForms,
    /// Filled self-assessment forms, many at once (`PickedMany`).
    ImportForms,
    /// A roster to import as a dated round: the date is asked next.
    PickRound,
    /// Where to save an import preview's column mapping.
    SaveColumnMap,
    /// A repository's folder to read work evidence from.
    PickRepository,
    /// A YAML map of paths to skills for work evidence.
    PickEvidenceMap,
    /// Load a roster as a round of assessments on the document.
    Round {
        as_of: crate::model::Date,
        rater: crate::model::Rater,
        /// Record the members the round does not list as leavers on its date.
        leavers: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanFormat {
    Csv,
    Html,
}

/// A save to a roster CSV that would drop part of the document.
#[derive(Clone, Debug, PartialEq)]
pub struct LossySave {
    pub path: PathBuf,
    /// Each thing the CSV cannot hold, in words (`1 project`).
    pub lost: Vec<String>,
}

/// A background job in flight: what it is, so the status bar can say so.
pub struct Pending {
    pub what: String,
    /// How far a load has got; cancelling tells the loading thread to stop.
    pub progress: Arc<io::Progress>,
    pub receiver: Receiver<JobResult>,
}
