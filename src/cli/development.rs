//! `import-targets` and `import-certifications`: a file of development
//! targets or certificates into a workspace, all or nothing.

use super::{open_reporting, print_diagnostics, print_failure};
use crate::catalog::Catalog;
use crate::io;
use crate::model::{Date, Workspace};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// What is imported, and how a workspace takes it in.
pub enum DevelopmentFile {
    Targets { set_on: Date },
    Certifications,
    TimeOff,
    Holidays,
}

pub fn import_development(
    kind: &DevelopmentFile,
    file: &Path,
    into: &Path,
    output: Option<&Path>,
    catalog: &Catalog,
    out: &mut String,
    err: &mut String,
) -> ExitCode {
    let what = match kind {
        DevelopmentFile::Targets { .. } => "targets",
        DevelopmentFile::Certifications => "certifications",
        DevelopmentFile::TimeOff => "periods away",
        DevelopmentFile::Holidays => "holidays",
    };
    let Some(output) = super::convert::workspace_output(into, output, what, err) else {
        return ExitCode::from(2);
    };
    let Some(mut workspace) = open_reporting(into, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let applied = match kind {
        DevelopmentFile::Targets { set_on } => {
            io::read_targets(file, &workspace.value, *set_on, super::chosen_sheet())
                .map(|read| apply(read, &mut workspace.value, Workspace::apply_targets, err))
        }
        DevelopmentFile::Certifications => {
            io::read_certifications(file, &workspace.value, super::chosen_sheet()).map(|read| {
                apply(
                    read,
                    &mut workspace.value,
                    Workspace::apply_certifications,
                    err,
                )
            })
        }
        DevelopmentFile::TimeOff => io::read_time_off(file, &workspace.value)
            .map(|read| apply(read, &mut workspace.value, Workspace::apply_time_off, err)),
        DevelopmentFile::Holidays => io::read_holidays(file).map(|read| {
            print_diagnostics(&read.warnings, err);
            let count = read.value.len();
            (count, workspace.value.apply_holidays(read.value))
        }),
    };
    let (read, changed) = match applied {
        Ok(counts) => counts,
        Err(failure) => {
            print_failure(&failure, err);
            return ExitCode::FAILURE;
        }
    };
    super::convert::save_workspace(
        &workspace.value,
        output,
        &format!(" ({read} {what} read, {changed} new or changed)"),
        out,
        err,
    )
}

fn apply<T>(
    read: io::Imported<io::ForMembers<T>>,
    workspace: &mut Workspace,
    take: impl FnOnce(&mut Workspace, io::ForMembers<T>) -> usize,
    err: &mut String,
) -> (usize, usize) {
    print_diagnostics(&read.warnings, err);
    let count = read.value.len();
    let changed = take(workspace, read.value);
    if count == 0 {
        let _ = writeln!(err, "the file has no rows to import");
    }
    (count, changed)
}

/// `import-framework`: a public career framework's levels as roles, shown
/// first and, unless `dry_run`, applied.
pub fn import_framework(
    file: &Path,
    into: &Path,
    output: Option<&Path>,
    dry_run: bool,
    catalog: &Catalog,
    out: &mut String,
    err: &mut String,
) -> ExitCode {
    let Some(output) = super::convert::workspace_output(into, output, "roles", err) else {
        return ExitCode::from(2);
    };
    let Some(mut workspace) = open_reporting(into, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let name = io::display_name(file);
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            let _ = writeln!(err, "{name}: cannot read it: {error}");
            return ExitCode::FAILURE;
        }
    };
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let text = String::from_utf8_lossy(&bytes);
    // A grid is a spreadsheet's CSV; Monzo's pages are Markdown with front
    // matter; FT's files plain YAML.
    let read = if matches!(extension.as_str(), "csv" | "tsv" | "txt") {
        io::read_grid_framework(&bytes, &name, &workspace.value, catalog)
    } else if io::looks_like_monzo(&text) {
        io::read_monzo_framework(&text, &name, &workspace.value, catalog)
    } else {
        io::read_ft_framework(&text, &name, &workspace.value, catalog)
    };
    let preview = match read {
        Ok(preview) => preview,
        Err(failure) => {
            print_failure(&failure, err);
            return ExitCode::FAILURE;
        }
    };
    for line in preview.summary(&workspace.value) {
        let _ = writeln!(out, "{line}");
    }
    if dry_run {
        let _ = writeln!(out, "dry run: nothing was changed");
        return ExitCode::SUCCESS;
    }
    let (added, updated) = preview.apply(&mut workspace.value);
    super::convert::save_workspace(
        &workspace.value,
        output,
        &format!(" ({added} roles added, {updated} updated)"),
        out,
        err,
    )
}
