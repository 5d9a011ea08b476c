//! `skillgrid validate`: a summary of what a file holds, then every message
//! with its place.

use super::Output;
use super::input::{print_diagnostics, print_diagnostics_with, print_failure};
use super::staff;
use crate::catalog::Catalog;
use crate::io::{self, FileKind, Imported, Layout};
use crate::model::{Role, Workspace};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub(super) fn validate(
    path: &Path,
    catalog: &Catalog,
    verbose: bool,
    explain: bool,
    out: &mut Output,
) -> ExitCode {
    let name = io::display_name(path);
    if FileKind::of(path) == FileKind::Database {
        return report_imported(&name, &[], path, io::open_path(path, catalog), verbose, out);
    }
    let bytes = match io::read_file(path) {
        Ok(bytes) => bytes,
        Err(message) => {
            let _ = writeln!(out, "{name}: {message}");
            return ExitCode::FAILURE;
        }
    };
    let sheet = super::input::chosen_sheet();
    let workbook = FileKind::of(path) == FileKind::Workbook;
    // A workbook is read once: as a roster when a sheet holds one (the
    // kind order everywhere is roster, projects, roles), else looked at
    // again for projects or roles, which are small.
    let roster = workbook.then(|| {
        io::preview_roster(
            &bytes,
            &name,
            true,
            catalog,
            &crate::model::Settings::default(),
            sheet,
            &super::input::chosen_map(),
        )
    });
    if let Some(preview) = roster.filter(|preview| preview.sheet.is_some()) {
        if explain {
            super::input::explain_preview(&preview, out);
        }
        return report_imported(&name, &bytes, path, preview.result, verbose, out);
    }
    let (projects, roles) = match FileKind::of(path) {
        FileKind::Csv => (
            io::looks_like_projects_csv(&bytes),
            io::looks_like_roles_csv(&bytes),
        ),
        FileKind::Workbook => {
            let contents = io::workbook_contents(&bytes, sheet);
            (
                contents == Some(io::Contents::Projects),
                contents == Some(io::Contents::Roles),
            )
        }
        _ => (false, false),
    };
    if projects {
        return staff::validate_projects(
            &bytes,
            &name,
            catalog,
            FileKind::of(path) == FileKind::Workbook,
            out,
        );
    }
    if roles {
        let roles = if FileKind::of(path) == FileKind::Workbook {
            io::import_roles_workbook(&bytes, &name, sheet)
        } else {
            io::import_roles_csv(&bytes, &name)
        };
        return match roles {
            Ok(imported) => {
                let requirements: usize = imported
                    .value
                    .roles
                    .iter()
                    .map(|role| role.requirements.len())
                    .sum();
                let _ = writeln!(
                    out,
                    "{name}: role requirements: {} roles, {requirements} requirements",
                    imported.value.roles.len()
                );
                print_diagnostics(&imported.warnings, out);
                ExitCode::SUCCESS
            }
            Err(failure) => {
                print_failure(&failure, out);
                ExitCode::FAILURE
            }
        };
    }
    let imported = match FileKind::of(path) {
        FileKind::Workspace | FileKind::Database => io::workspace_from_json(&bytes, &name),
        kind => {
            // The preview is the import: one read, whether explained or not.
            let preview = io::preview_roster(
                &bytes,
                &name,
                kind == FileKind::Workbook,
                catalog,
                &crate::model::Settings::default(),
                sheet,
                &super::input::chosen_map(),
            );
            if explain {
                super::input::explain_preview(&preview, out);
            }
            preview.result
        }
    };
    report_imported(&name, &bytes, path, imported, verbose, out)
}

fn report_imported(
    name: &str,
    bytes: &[u8],
    path: &Path,
    imported: Result<Imported<Workspace>, io::ImportFailure>,
    verbose: bool,
    out: &mut Output,
) -> ExitCode {
    match imported {
        Ok(imported) => {
            out.push_str(&summary(name, bytes, path, &imported));
            print_diagnostics_with(&imported.warnings, verbose, out);
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_failure(&failure, out);
            ExitCode::FAILURE
        }
    }
}

fn summary(name: &str, bytes: &[u8], path: &Path, imported: &Imported<Workspace>) -> String {
    let workspace = &imported.value;
    let mut text = String::new();
    let kind = match (FileKind::of(path), io::sniff_roster(bytes)) {
        (FileKind::Workspace, _) => "workspace".to_string(),
        (FileKind::Workbook, _) => "workbook roster".to_string(),
        (FileKind::Database, _) => format!(
            "workspace, {}",
            crate::words::count_of(
                workspace.history.assessments(),
                "dated assessment",
                "dated assessments"
            )
        ),
        (_, Some((layout, delimiter))) => format!(
            "{} roster, {}-separated",
            match layout {
                Layout::Wide => "wide",
                Layout::Long => "long",
            },
            delimiter_name(delimiter)
        ),
        (_, None) => "roster".to_string(),
    };
    let _ = writeln!(text, "{name}: {kind}");
    let custom_skills = workspace
        .skills
        .iter()
        .filter(|skill| !skill.builtin)
        .count();
    let cells = workspace.members.len() * workspace.skills.len();
    let assessed = workspace.assessed_cells();
    let _ = writeln!(text, "  members:        {}", workspace.members.len());
    let _ = writeln!(
        text,
        "  skills:         {} ({} from the library, {custom_skills} custom)",
        workspace.skills.len(),
        workspace.skills.len() - custom_skills
    );
    let _ = writeln!(
        text,
        "  assessed cells: {assessed} of {cells} ({:.0}%)",
        if cells == 0 {
            0.0
        } else {
            100.0 * assessed as f64 / cells as f64
        }
    );
    let with_role: Vec<&Role> = (0..workspace.members.len())
        .filter_map(|member| workspace.member_role(member))
        .collect();
    let library = with_role.iter().filter(|role| role.builtin).count();
    let _ = writeln!(
        text,
        "  roles matched:  {library} of {} members to the role library ({} custom, {} without a role)",
        workspace.members.len(),
        with_role.len() - library,
        workspace.members.len() - with_role.len()
    );
    let _ = writeln!(text, "  warnings:       {}", imported.warnings.len());
    text
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "semicolon",
        b'\t' => "tab",
        _ => "comma",
    }
}
