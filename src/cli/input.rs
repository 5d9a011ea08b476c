//! What every command does with the files it reads and writes: the
//! workbook sheet `--sheet` names, a file opened with its warnings or
//! errors said, and a changed workspace written where it belongs.

use super::Output;
use crate::catalog::Catalog;
use crate::io::{self, ImportFailure, Imported};
use crate::io::{ExportOptions, FileKind};
use crate::model::Workspace;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub(super) fn print_diagnostics(diagnostics: &[io::Diagnostic], out: &mut impl std::fmt::Write) {
    print_diagnostics_with(diagnostics, false, out);
}

/// Every message, and with `verbose` each case a grouped one stands for.
pub(super) fn print_diagnostics_with(
    diagnostics: &[io::Diagnostic],
    verbose: bool,
    out: &mut impl std::fmt::Write,
) {
    for diagnostic in diagnostics {
        let _ = writeln!(out, "{diagnostic}");
        if verbose {
            for detail in &diagnostic.details {
                let _ = writeln!(out, "    {detail}");
            }
        }
    }
}

pub(super) fn print_failure(failure: &ImportFailure, out: &mut impl std::fmt::Write) {
    print_diagnostics(&failure.warnings, out);
    print_diagnostics(&failure.errors, out);
    let _ = writeln!(
        out,
        "{} error(s), {} warning(s): nothing was imported",
        failure.errors.len(),
        failure.warnings.len()
    );
}

/// Opens a roster or workspace; its warnings, or its errors, go to `err`.
/// The workbook sheet `--sheet` names, for every roster a command reads.
pub(super) static SHEET: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

pub(super) fn chosen_sheet() -> Option<&'static str> {
    SHEET.get().and_then(|sheet| sheet.as_deref())
}

/// How roster columns are read, from `--map` and `--ignore-column`.
pub(super) static MAP: std::sync::OnceLock<crate::model::ColumnMap> = std::sync::OnceLock::new();

pub(super) fn chosen_map() -> crate::model::ColumnMap {
    MAP.get().cloned().unwrap_or_default()
}

/// The map `--map` and `--ignore-column` give, or why it cannot be read.
pub(super) fn column_map(
    file: Option<&Path>,
    ignored: &[String],
) -> Result<crate::model::ColumnMap, String> {
    let mut map = match file {
        Some(file) => {
            let name = io::display_name(file);
            let bytes = io::read_file(file).map_err(|message| format!("{name}: {message}"))?;
            io::read_column_map(&bytes, &name).map_err(|failure| failure.to_string())?
        }
        None => crate::model::ColumnMap::default(),
    };
    for column in ignored {
        map.set(column, crate::model::ColumnUse::SetAside);
    }
    Ok(map)
}

/// `open_reporting`, a roster read with `settings` (a workspace's level
/// words and remembered column maps).
pub(super) fn open_reporting_in(
    path: &Path,
    catalog: &Catalog,
    settings: &crate::model::Settings,
    err: &mut String,
) -> Option<Imported<Workspace>> {
    let opened = io::open_path_in(
        path,
        catalog,
        &io::Progress::default(),
        chosen_sheet(),
        &chosen_map(),
        settings,
    )
    .map(|(imported, _)| imported);
    match opened {
        Ok(imported) => {
            print_diagnostics(&imported.warnings, err);
            Some(imported)
        }
        Err(failure) => {
            print_failure(&failure, err);
            None
        }
    }
}

pub(super) fn open_reporting(
    path: &Path,
    catalog: &Catalog,
    err: &mut String,
) -> Option<Imported<Workspace>> {
    open_reporting_in(path, catalog, &crate::model::Settings::default(), err)
}

/// Where a command that adds to a workspace writes it: `--output`, or the
/// input when that is a workspace; a roster CSV cannot hold `what`.
pub(super) fn workspace_output<'p>(
    into: &'p Path,
    output: Option<&'p Path>,
    what: &str,
    err: &mut String,
) -> Option<&'p Path> {
    let output = match output {
        Some(output) => output,
        None if FileKind::of(into).holds_everything() => into,
        None => {
            let _ = writeln!(
                err,
                "a roster CSV cannot hold {what}: give --output WORKSPACE.skillgrid (or .json)"
            );
            return None;
        }
    };
    if !FileKind::of(output).holds_everything() {
        let _ = writeln!(
            err,
            "{}: the output must be a workspace (.skillgrid or .json)",
            output.display()
        );
        return None;
    }
    Some(output)
}

/// Writes a workspace a command changed; says where, or why it could not.
pub(super) fn save_workspace(
    workspace: &Workspace,
    output: &Path,
    what: &str,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    match io::save_path(workspace, output, ExportOptions::default()) {
        Ok(saved) => {
            if let Some(note) = saved.note {
                let _ = writeln!(err, "{note}");
            }
            let _ = writeln!(out, "wrote {}{what}", output.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            let _ = writeln!(err, "{error}");
            ExitCode::FAILURE
        }
    }
}

/// Which sheet is read and how each column is, before the summary.
pub(super) fn explain_preview(preview: &io::RosterPreview, out: &mut Output) {
    if let Some(sheet) = &preview.sheet {
        let _ = writeln!(
            out,
            "sheet: \"{sheet}\" (the first visible sheet with a Name column)"
        );
        for (other, hidden) in preview.sheets.iter().filter(|(other, _)| other != sheet) {
            let how = if *hidden {
                "hidden: skipped (choose it with --sheet)"
            } else {
                "not read"
            };
            let _ = writeln!(out, "  other sheet \"{other}\": {how}");
        }
    }
    if preview.columns.is_empty() {
        return;
    }
    let _ = writeln!(out, "columns:");
    for column in &preview.columns {
        let header = if column.header.is_empty() {
            "(no header)".to_string()
        } else {
            format!("\"{}\"", column.header)
        };
        let _ = writeln!(
            out,
            "  {:>3}  {header} -> {}: {}",
            column.index + 1,
            column.choice.spelled(),
            column.why
        );
    }
}
