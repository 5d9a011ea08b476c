//! Files: roster CSV in both layouts, role requirement CSV, the JSON
//! workspace, atomic saves. No UI here.

mod atomic;
mod columns;
mod compact;
mod database;
mod decode;
mod development_csv;
mod diag;
mod export;
mod form_return;
mod forms;
mod framework;
mod framework_grid;
mod framework_map;
mod framework_monzo;
mod framework_similar;
mod history_blob;
mod omissions;
mod projects_csv;
mod read;
mod roles_csv;
mod roster;
mod table;
mod time_off_csv;
mod workspace_json;
mod xlsx;
mod xlsx_export;
mod xlsx_guard;

pub use atomic::{
    SaveError, SaveStep, Saved, content_hash, mark_process_start, write_atomic,
    write_atomic_checked, write_atomic_private,
};
pub use compact::{read_compact, write_compact};
pub use database::{
    DATABASE_VERSION, ReadDatabase, database_revision, is_database, read_database, update_database,
    write_database, write_database_private,
};
pub use decode::{neutralise_text, restore_text};
pub use development_csv::{ForMembers, import_certifications_csv, import_targets_csv};
pub use diag::{Diagnostic, ImportFailure, Imported, Severity};
pub use export::{ExportOptions, export_roster, skill_header};
pub use form_return::{FormReturn, prepare_form, read_form_return};
pub use forms::{FORM_HEADER, FormRow, form_csv, form_file_name, form_rows, form_workbook};
pub use framework::{
    Expectation, FT_PROFICIENCY, Framework, FrameworkFormat, FrameworkLevel, FrameworkTheme,
    ScaleStep, Strength, read_framework, read_ft,
};
pub use framework_grid::read_grid;
pub use framework_map::{
    ChangeKind, FrameworkPreview, RoleChange, Suggestion, ThemeMatch, tally, track_words,
};
pub use framework_monzo::{looks_like_monzo, read_monzo, spread_level};
pub use history_blob::{decode_history, encode_history};
pub use omissions::{
    count_of, not_written_sentence, projects_csv_leaves_out, roster_csv_leaves_out,
    roster_file_holds,
};
pub use projects_csv::{export_projects_csv, import_projects_csv, looks_like_projects_csv};
pub use read::{
    MAX_FILE_BYTES, MAX_JSON_BYTES, SILENCE_LIMIT, limit_for, read_file, read_file_tracked,
};
pub use roles_csv::{
    RoleRequirements, RolesImport, apply_roles, import_roles_csv, looks_like_roles_csv,
};
pub use roster::cells::NumberError;
pub use roster::{Layout, import_roster, import_roster_with, sniff_roster};
pub use time_off_csv::{import_holidays_csv, import_time_off_csv};

/// A share of a full-time position: `0.5`, `0,5` or `50%`, from 0 to 1.
pub fn parse_share(text: &str) -> Result<f64, NumberError> {
    roster::cells::parse_fte(text)
}
pub use workspace_json::{workspace_from_json, workspace_to_json};
pub use xlsx::{
    RosterSheets, SheetKind, candidate_sheets, column_letters, import_projects_workbook,
    import_roles_workbook, import_roster_sheet, import_roster_workbook, roster_or_choice,
    workbook_kind,
};
pub use xlsx_export::{add_matrix_sheets, export_workbook, new_workbook};

use crate::catalog::Catalog;
use crate::model::{CellParseError, Workspace};
use std::path::Path;

/// The kinds of file Skillgrid reads and writes, told by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `.skillgrid`: the SQLite workspace.
    Database,
    /// `.json`: the workspace as JSON, for scripts.
    Workspace,
    Csv,
    /// A workbook: `.xlsx`, `.xlsm`, `.xls`, `.ods`.
    Workbook,
}

impl FileKind {
    pub fn of(path: &Path) -> FileKind {
        let extension = path
            .extension()
            .and_then(|ext| ext.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("skillgrid") => FileKind::Database,
            Some("json") => FileKind::Workspace,
            Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => FileKind::Workbook,
            _ => FileKind::Csv,
        }
    }

    /// Whether a file of this kind keeps all of a document.
    pub fn holds_everything(self) -> bool {
        matches!(self, FileKind::Database | FileKind::Workspace)
    }
}

/// How a file is named in messages: as the user gave it.
pub fn display_name(path: &Path) -> String {
    path.display().to_string()
}

/// How far a load on another thread has got, and whether the user gave up
/// on it: shared between the loading thread and the window.
#[derive(Debug, Default)]
pub struct Progress {
    /// Thousandths of the work done.
    permille: std::sync::atomic::AtomicU32,
    cancelled: std::sync::atomic::AtomicBool,
}

impl Progress {
    pub fn set(&self, done: u64, total: u64) {
        let permille = (done.min(total) * 1000).checked_div(total).unwrap_or(0);
        self.permille
            .store(permille as u32, std::sync::atomic::Ordering::Relaxed);
    }

    /// 0.0 to 1.0.
    pub fn fraction(&self) -> f32 {
        self.permille.load(std::sync::atomic::Ordering::Relaxed) as f32 / 1000.0
    }

    pub fn cancel(&self) {
        self.cancelled
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Opens a workspace or imports a roster CSV, by extension.
pub fn open_path(path: &Path, catalog: &Catalog) -> Result<Imported<Workspace>, ImportFailure> {
    open_path_tracked(path, catalog, &Progress::default())
}

/// `open_path`, reporting how far it has got to `progress` and stopping
/// early, with an error, when it is cancelled.
pub fn open_path_tracked(
    path: &Path,
    catalog: &Catalog,
    progress: &Progress,
) -> Result<Imported<Workspace>, ImportFailure> {
    open_path_read(path, catalog, progress).map(|(imported, _)| imported)
}

/// `open_path_tracked`, and for a database the revision its contents were
/// read at, in the same transaction: what a save in place checks against.
pub fn open_path_read(
    path: &Path,
    catalog: &Catalog,
    progress: &Progress,
) -> Result<(Imported<Workspace>, Option<u64>), ImportFailure> {
    open_path_sheet(path, catalog, progress, None)
}

/// `open_path_read`, reading a workbook's sheet `sheet` when given.
pub fn open_path_sheet(
    path: &Path,
    catalog: &Catalog,
    progress: &Progress,
    sheet: Option<&str>,
) -> Result<(Imported<Workspace>, Option<u64>), ImportFailure> {
    let name = display_name(path);
    // A pipe or device is read with the limits below, never opened as SQLite.
    let regular = std::fs::metadata(path).is_ok_and(|metadata| metadata.is_file());
    if FileKind::of(path) == FileKind::Database && regular && !starts_as_json(path) {
        return read_database(path).map(|read| {
            let revision = read.value.revision;
            let imported = Imported {
                value: read.value.workspace,
                warnings: read.warnings,
            };
            (imported, Some(revision))
        });
    }
    let bytes = read_file_tracked(path, progress)
        .map_err(|message| ImportFailure::single(Diagnostic::error(&name, None, None, message)))?;
    match FileKind::of(path) {
        FileKind::Workspace | FileKind::Database => workspace_from_json(&bytes, &name),
        FileKind::Workbook => import_roster_sheet(&bytes, &name, catalog, sheet),
        FileKind::Csv => roster::import_roster_tracked(
            &bytes,
            &name,
            catalog,
            &crate::model::Settings::default(),
            progress,
        ),
    }
    .map(|imported| (imported, None))
}

/// Whether the file's first non-blank byte opens a JSON object: a
/// `.skillgrid` file from before workspaces were databases.
fn starts_as_json(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 64];
    let Ok(read) = std::fs::File::open(path).and_then(|mut file| file.read(&mut head)) else {
        return false;
    };
    head[..read]
        .iter()
        .find(|byte| !byte.is_ascii_whitespace())
        .is_some_and(|&byte| byte == b'{')
}

/// Saves a workspace or exports a roster CSV, by extension, atomically.
pub fn save_path(
    workspace: &Workspace,
    path: &Path,
    options: ExportOptions,
) -> Result<Saved, SaveError> {
    let bytes = match FileKind::of(path) {
        FileKind::Database => return write_database(path, workspace),
        FileKind::Workspace => {
            // Never write a workspace this build could not read back.
            let estimate = json_size_estimate(workspace);
            if estimate > MAX_JSON_BYTES {
                return Err(too_large_to_read_back(path, estimate));
            }
            let bytes = workspace_to_json(workspace);
            if bytes.len() as u64 > MAX_JSON_BYTES {
                return Err(too_large_to_read_back(path, bytes.len() as u64));
            }
            // A workspace holds people's ratings: private when new.
            return atomic::write_atomic_access(path, &bytes, atomic::Access::Workspace);
        }
        FileKind::Csv => export_roster(workspace, options),
        FileKind::Workbook => export_workbook(workspace).map_err(|error| SaveError {
            path: path.to_path_buf(),
            step: SaveStep::Write,
            source: std::io::Error::other(error),
        })?,
    };
    write_atomic(path, &bytes)
}

/// About how large `workspace`'s JSON is, from its assessed cells (each a
/// skill id, a level and punctuation) and members, before writing any.
pub fn json_size_estimate(workspace: &Workspace) -> u64 {
    let id_lengths: Vec<u64> = workspace
        .skills
        .iter()
        .map(|skill| skill.id.as_str().len() as u64 + 16)
        .collect();
    let cells: u64 = workspace
        .levels
        .iter_rows()
        .map(|row| {
            row.iter()
                .zip(&id_lengths)
                .filter(|(cell, _)| !cell.is_blank())
                .map(|(_, length)| *length)
                .sum::<u64>()
        })
        .sum();
    cells + workspace.members.len() as u64 * 160
}

fn too_large_to_read_back(path: &Path, bytes: u64) -> SaveError {
    SaveError {
        path: path.to_path_buf(),
        step: SaveStep::CheckSize,
        source: std::io::Error::other(format!(
            "it would be about {:.1} GB, and Skillgrid reads JSON workspaces of up to {} MB; \
             save the roster as CSV, or split it by team",
            bytes as f64 / 1e9,
            MAX_JSON_BYTES / (1024 * 1024)
        )),
    }
}

/// The message for a level cell that does not parse, naming the skill as
/// the file names it: `level "7" for skill "Kubernetes" is outside 0-4`.
pub(crate) fn cell_error_message(error: &CellParseError, skill: &str) -> String {
    match error {
        CellParseError::OutOfRange(found) => {
            format!("level \"{found}\" for skill \"{skill}\" is outside 0-4")
        }
        CellParseError::NotWhole(found) => format!(
            "level \"{found}\" for skill \"{skill}\" is not a whole level: expected 0, 1, 2, 3 or 4"
        ),
        CellParseError::Unrecognised(found) => format!(
            "level \"{found}\" for skill \"{skill}\" is not a level: expected 0-4, a word of the \
             scale (none, awareness, working, proficient, expert) or blank for not assessed"
        ),
    }
}

/// Role requirements from a CSV file or a workbook's sheet (the first that
/// holds them, or `sheet`).
pub fn read_roles(
    path: &Path,
    sheet: Option<&str>,
) -> Result<Imported<RolesImport>, ImportFailure> {
    let name = display_name(path);
    let bytes = read_file(path)
        .map_err(|message| ImportFailure::single(Diagnostic::error(&name, None, None, message)))?;
    match FileKind::of(path) {
        FileKind::Workbook => import_roles_workbook(&bytes, &name, sheet),
        _ => import_roles_csv(&bytes, &name),
    }
}

/// Projects from a CSV file or a workbook's sheet, matched against
/// `workspace`'s skills and roles.
/// Development targets from a CSV or a workbook's targets sheet.
pub fn read_targets(
    path: &Path,
    workspace: &Workspace,
    today: crate::model::Date,
    sheet: Option<&str>,
) -> Result<Imported<ForMembers<crate::model::Target>>, ImportFailure> {
    let name = display_name(path);
    let bytes = read_file(path)
        .map_err(|message| ImportFailure::single(Diagnostic::error(&name, None, None, message)))?;
    let read = |csv: &[u8]| import_targets_csv(csv, &name, workspace, today);
    match FileKind::of(path) {
        FileKind::Workbook => {
            xlsx::import_sheet_with(&bytes, &name, SheetKind::Targets, sheet, read)
        }
        _ => read(&bytes),
    }
}

/// Time off from a CSV.
pub fn read_time_off(
    path: &Path,
    workspace: &Workspace,
) -> Result<Imported<ForMembers<crate::model::TimeOff>>, ImportFailure> {
    let name = display_name(path);
    let bytes = read_file(path)
        .map_err(|message| ImportFailure::single(Diagnostic::error(&name, None, None, message)))?;
    import_time_off_csv(&bytes, &name, workspace)
}

/// A holiday calendar from a CSV.
pub fn read_holidays(path: &Path) -> Result<Imported<Vec<crate::model::Holiday>>, ImportFailure> {
    let name = display_name(path);
    let bytes = read_file(path)
        .map_err(|message| ImportFailure::single(Diagnostic::error(&name, None, None, message)))?;
    import_holidays_csv(&bytes, &name)
}

/// Certifications from a CSV or a workbook's certifications sheet.
pub fn read_certifications(
    path: &Path,
    workspace: &Workspace,
    sheet: Option<&str>,
) -> Result<Imported<ForMembers<crate::model::Certification>>, ImportFailure> {
    let name = display_name(path);
    let bytes = read_file(path)
        .map_err(|message| ImportFailure::single(Diagnostic::error(&name, None, None, message)))?;
    let read = |csv: &[u8]| import_certifications_csv(csv, &name, workspace);
    match FileKind::of(path) {
        FileKind::Workbook => {
            xlsx::import_sheet_with(&bytes, &name, SheetKind::Certifications, sheet, read)
        }
        _ => read(&bytes),
    }
}

pub fn read_projects(
    path: &Path,
    workspace: &Workspace,
    catalog: &Catalog,
    sheet: Option<&str>,
) -> Result<Imported<Vec<crate::model::Project>>, ImportFailure> {
    let name = display_name(path);
    let bytes = read_file(path)
        .map_err(|message| ImportFailure::single(Diagnostic::error(&name, None, None, message)))?;
    match FileKind::of(path) {
        FileKind::Workbook => import_projects_workbook(&bytes, &name, workspace, catalog, sheet),
        _ => import_projects_csv(&bytes, &name, workspace, catalog),
    }
}
