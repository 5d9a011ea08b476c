//! `import-targets` and `import-certifications`: a file of development
//! targets or certificates into a workspace, all or nothing.

use super::Output;
use super::input::{open_reporting, print_diagnostics, print_failure};
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
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let what = match kind {
        DevelopmentFile::Targets { .. } => "targets",
        DevelopmentFile::Certifications => "certifications",
        DevelopmentFile::TimeOff => "periods away",
        DevelopmentFile::Holidays => "holidays",
    };
    let Some(output) = super::input::workspace_output(into, output, what, err) else {
        return ExitCode::from(2);
    };
    let Some(mut workspace) = open_reporting(into, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let applied = match kind {
        DevelopmentFile::Targets { set_on } => io::read_targets(
            file,
            &workspace.value,
            *set_on,
            super::input::chosen_sheet(),
        )
        .map(|read| apply(read, &mut workspace.value, Workspace::apply_targets, err)),
        DevelopmentFile::Certifications => {
            io::read_certifications(file, &workspace.value, super::input::chosen_sheet()).map(
                |read| {
                    apply(
                        read,
                        &mut workspace.value,
                        Workspace::apply_certifications,
                        err,
                    )
                },
            )
        }
        DevelopmentFile::TimeOff => {
            io::read_time_off(file, &workspace.value, super::input::chosen_sheet())
                .map(|read| apply(read, &mut workspace.value, Workspace::apply_time_off, err))
        }
        DevelopmentFile::Holidays => {
            io::read_holidays(file, super::input::chosen_sheet()).map(|read| {
                print_diagnostics(&read.warnings, err);
                let count = read.value.len();
                (count, workspace.value.apply_holidays(read.value))
            })
        }
    };
    let (read, changed) = match applied {
        Ok(counts) => counts,
        Err(failure) => {
            print_failure(&failure, err);
            return ExitCode::FAILURE;
        }
    };
    super::input::save_workspace(
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
