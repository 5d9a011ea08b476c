//! `skillgrid convert` and the commands that add to a workspace
//! (`import-roles`): what they write, and what the output leaves out.

use super::Output;
use super::input::{
    open_reporting, print_diagnostics, print_failure, save_workspace, workspace_output,
};
use super::{DelimiterArg, LayoutArg};
use crate::catalog::Catalog;
use crate::io::{self, ExportOptions, FileKind, Layout};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// What `convert` was asked: the files and how the output is written.
pub(super) struct ConvertRequest<'a> {
    pub input: &'a Path,
    pub output: &'a Path,
    pub layout: LayoutArg,
    pub delimiter: Option<DelimiterArg>,
    /// The date a roster's levels become a round on.
    pub as_of: Option<crate::model::Date>,
}

pub(super) fn convert(
    request: &ConvertRequest,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let ConvertRequest {
        input,
        output,
        layout,
        delimiter,
        as_of,
    } = *request;
    let Some(imported) = open_reporting(input, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let is_tsv = output
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("tsv"));
    let options = ExportOptions {
        layout: match layout {
            LayoutArg::Wide => Layout::Wide,
            LayoutArg::Long => Layout::Long,
        },
        delimiter: match delimiter {
            Some(DelimiterArg::Comma) => b',',
            Some(DelimiterArg::Semicolon) => b';',
            Some(DelimiterArg::Tab) => b'\t',
            None if is_tsv => b'\t',
            None => b',',
        },
    };
    let mut workspace = imported.value;
    let round = match as_of {
        Some(as_of) => Some(as_of),
        None if FileKind::of(output) == FileKind::Database => Some(crate::model::today()),
        None => None,
    };
    if let Some(as_of) = round.filter(|_| FileKind::of(input) == FileKind::Csv) {
        // A roster's levels become its first dated round.
        workspace.date_levels(as_of, crate::model::Rater::Import);
    }
    let imported = io::Imported {
        value: workspace,
        warnings: Vec::new(),
    };
    match io::save_path(&imported.value, output, options) {
        Ok(saved) => {
            if let Some(note) = saved.note {
                let _ = writeln!(err, "{note}");
            }
            let _ = writeln!(
                out,
                "wrote {} ({} members x {} skills)",
                output.display(),
                imported.value.members.len(),
                imported.value.skills.len()
            );
            if matches!(FileKind::of(output), FileKind::Csv | FileKind::Workbook) {
                let lost = io::roster_csv_leaves_out(&imported.value, catalog);
                if !lost.is_empty() {
                    let _ = writeln!(
                        err,
                        "{}: {}",
                        output.display(),
                        io::not_written_sentence(&lost, io::roster_file_holds(output))
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            let _ = writeln!(err, "{error}");
            ExitCode::FAILURE
        }
    }
}

pub(super) fn import_roles(
    roles: &Path,
    into: &Path,
    output: Option<&Path>,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let Some(output) = workspace_output(into, output, "role definitions", err) else {
        return ExitCode::from(2);
    };
    let requirements = io::read_roles(roles, super::input::chosen_sheet());
    let (requirements, mut workspace) = match (requirements, io::open_path(into, catalog)) {
        (Ok(requirements), Ok(workspace)) => (requirements, workspace),
        (Err(failure), _) | (_, Err(failure)) => {
            print_failure(&failure, err);
            return ExitCode::FAILURE;
        }
    };
    print_diagnostics(&requirements.warnings, err);
    print_diagnostics(&workspace.warnings, err);
    for change in io::apply_roles(&mut workspace.value, &requirements.value, catalog) {
        let _ = writeln!(out, "{change}");
    }
    save_workspace(&workspace.value, output, "", out, err)
}
