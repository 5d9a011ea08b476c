//! A document opened or saved by its file's name: a `.skillgrid`
//! workspace, its JSON form, a roster CSV or a workbook. What a save
//! leaves out is said before it (`omissions.rs`).

use super::diag::{Diagnostic, ImportFailure, Imported};
use super::file::FileKind;
use super::file::{
    Access, MAX_JSON_BYTES, Progress, SaveError, SaveStep, Saved, display_name, read_file_tracked,
    write_atomic, write_atomic_access,
};
use super::projects::PROJECTS_SHEET;
use super::roles::ROLES_SHEET;
use super::roster::{
    ExportOptions, ROSTER_SHEET, export_roster, export_workbook, import_roster_mapped,
    import_roster_sheet_mapped, import_roster_tracked,
};
use super::workbook::first_format_held;
use super::workspace::{read_database, workspace_from_json, workspace_to_json, write_database};
use crate::catalog::Catalog;
use crate::model::{ColumnMap, Settings, Workspace};
use std::path::Path;

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
    open_path_mapped(path, catalog, progress, sheet, &ColumnMap::default())
}

/// `open_path_sheet`, reading a roster's columns as `map` says.
pub fn open_path_mapped(
    path: &Path,
    catalog: &Catalog,
    progress: &Progress,
    sheet: Option<&str>,
    map: &ColumnMap,
) -> Result<(Imported<Workspace>, Option<u64>), ImportFailure> {
    open_path_in(path, catalog, progress, sheet, map, &Settings::default())
}

/// `open_path_mapped`, a roster read with `settings`: a workspace's level
/// words and the column maps it remembers (under `map`).
pub fn open_path_in(
    path: &Path,
    catalog: &Catalog,
    progress: &Progress,
    sheet: Option<&str>,
    map: &ColumnMap,
    settings: &Settings,
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
        FileKind::Workbook => {
            import_roster_sheet_mapped(&bytes, &name, catalog, sheet, map, settings)
        }
        FileKind::Csv if !map.is_empty() => {
            import_roster_mapped(&bytes, &name, catalog, settings, map)
        }
        FileKind::Csv => import_roster_tracked(&bytes, &name, catalog, settings, progress),
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
            return write_atomic_access(path, &bytes, Access::Workspace);
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

/// What a workbook holds, for commands that take any kind of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contents {
    Roster,
    Roles,
    Projects,
}

/// What the named sheet holds, or else the first a sheet holds of a
/// roster, projects and role requirements, in that order: the order a CSV
/// file is judged in too, so projects with Role, Skill, Level and Priority
/// columns are projects, not role requirements. `None` when no sheet holds
/// any.
pub fn workbook_contents(bytes: &[u8], sheet: Option<&str>) -> Option<Contents> {
    let formats = [ROSTER_SHEET, PROJECTS_SHEET, ROLES_SHEET];
    let kinds = [Contents::Roster, Contents::Projects, Contents::Roles];
    first_format_held(bytes, sheet, &formats).map(|index| kinds[index])
}
