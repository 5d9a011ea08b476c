//! `skillgrid staff` and `skillgrid import-projects`.

use super::Output;
use super::input::{open_reporting, print_diagnostics, print_failure};
use crate::analysis::staff;
use crate::catalog::Catalog;
use crate::io;
use crate::report;
use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum StaffFormat {
    Text,
    Json,
    /// A row per person placed (or, with --weeks, people by weeks).
    Csv,
}

/// What `staff` was asked.
pub struct StaffRequest<'a> {
    pub path: &'a Path,
    pub project: Option<&'a str>,
    pub as_of: Option<crate::model::Date>,
    pub format: StaffFormat,
    /// Count on growth, whatever the workspace's setting.
    pub count_targets: bool,
    /// CSV of people by weeks rather than a row per person placed.
    pub weeks: bool,
    /// Write the proposal here (.csv or .xlsx) instead of to standard output.
    pub output: Option<&'a Path>,
}

pub fn staff_command(
    request: &StaffRequest,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let (path, project, as_of, format) =
        (request.path, request.project, request.as_of, request.format);
    let Some(mut imported) = open_reporting(path, catalog, err) else {
        return ExitCode::FAILURE;
    };
    if request.count_targets {
        imported.value.settings.count_targets = true;
    }
    let workspace = &imported.value;
    if workspace.projects.is_empty() {
        let _ = writeln!(
            err,
            "{} has no projects: add them with `skillgrid import-projects PROJECTS.csv --into {}`",
            path.display(),
            path.display()
        );
        return ExitCode::from(2);
    }
    if let Some(name) = project
        && !workspace
            .projects
            .iter()
            .any(|p| p.name.eq_ignore_ascii_case(name))
    {
        let names: Vec<&str> = workspace.projects.iter().map(|p| p.name.as_str()).collect();
        let _ = writeln!(
            err,
            "no project \"{name}\" in {}: its projects are {}",
            path.display(),
            names.join(", ")
        );
        return ExitCode::from(2);
    }
    let snapshot = as_of.map(|date| crate::analysis::workspace_as_of(workspace, date));
    let workspace = snapshot.as_ref().unwrap_or(workspace);
    let scope = crate::analysis::Scope::new(
        workspace,
        as_of.unwrap_or_else(crate::model::today),
        &crate::analysis::ScopeFilter::default(),
    );
    let mut staffing = staff(&scope);
    if let Some(name) = project {
        staffing
            .projects
            .retain(|p| p.name.eq_ignore_ascii_case(name));
        staffing
            .placeholders
            .retain(|p| p.project.eq_ignore_ascii_case(name));
    }
    if let Some(output) = request.output {
        return write_proposal(&staffing, workspace, output, request.weeks, out, err);
    }
    match format {
        StaffFormat::Text => {
            out.push_str(&report::staffing_text(
                &staffing,
                &io::display_name(path),
                project,
            ));
        }
        StaffFormat::Json => out.json(&staffing),
        StaffFormat::Csv => {
            let rows = if request.weeks {
                report::week_rows(&staffing, workspace)
            } else {
                report::proposal_rows(&staffing)
            };
            out.push_str(&String::from_utf8_lossy(&report::rows_csv(&rows)));
        }
    }
    ExitCode::SUCCESS
}

/// The proposal written to a file, atomically: a workbook (.xlsx) with
/// both sheets, or a CSV of one.
fn write_proposal(
    staffing: &crate::analysis::Staffing,
    workspace: &crate::model::Workspace,
    output: &Path,
    weeks: bool,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let bytes = match io::FileKind::of(output) {
        io::FileKind::Workbook => match report::staffing_workbook(staffing, workspace) {
            Ok(bytes) => bytes,
            Err(error) => {
                let _ = writeln!(
                    err,
                    "{}: cannot write the workbook: {error}",
                    output.display()
                );
                return ExitCode::FAILURE;
            }
        },
        io::FileKind::Csv if weeks => report::rows_csv(&report::week_rows(staffing, workspace)),
        io::FileKind::Csv => report::rows_csv(&report::proposal_rows(staffing)),
        _ => {
            let _ = writeln!(
                err,
                "{}: write the proposal as .xlsx (both sheets) or .csv",
                output.display()
            );
            return ExitCode::from(2);
        }
    };
    match io::write_atomic(output, &bytes) {
        Ok(_) => {
            let _ = writeln!(out, "wrote {}", output.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            let _ = writeln!(err, "{error}");
            ExitCode::FAILURE
        }
    }
}

pub fn import_projects(
    projects: &Path,
    into: &Path,
    output: Option<&Path>,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let Some(output) = super::input::workspace_output(into, output, "projects", err) else {
        return ExitCode::from(2);
    };
    let Some(mut workspace) = open_reporting(into, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let imported = match io::read_projects(
        projects,
        &workspace.value,
        catalog,
        super::input::chosen_sheet(),
    ) {
        Ok(imported) => imported,
        Err(failure) => {
            print_failure(&failure, err);
            return ExitCode::FAILURE;
        }
    };
    print_diagnostics(&imported.warnings, err);
    let count = imported.value.len();
    workspace.value.projects = imported.value;
    super::input::save_workspace(
        &workspace.value,
        output,
        &format!(" ({count} projects)"),
        out,
        err,
    )
}

/// `validate` on a projects CSV: skills and roles are checked against the
/// library, as no roster is given.
pub fn validate_projects(
    bytes: &[u8],
    name: &str,
    catalog: &Catalog,
    workbook: bool,
    out: &mut Output,
) -> ExitCode {
    let library = crate::model::Workspace::with_roles(catalog.roles.clone());
    let imported = if workbook {
        io::import_projects_workbook(bytes, name, &library, catalog, super::input::chosen_sheet())
    } else {
        io::import_projects_csv(bytes, name, &library, catalog)
    };
    match imported {
        Ok(imported) => {
            let lines: usize = imported
                .value
                .iter()
                .map(|p| p.demand.len() + p.role_slots.len())
                .sum();
            let _ = writeln!(
                out,
                "{name}: projects: {} projects, {lines} demand lines and role slots",
                imported.value.len()
            );
            print_diagnostics(&imported.warnings, out);
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_failure(&failure, out);
            ExitCode::FAILURE
        }
    }
}
