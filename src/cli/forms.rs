//! `skillgrid forms`: a self-assessment form for each member, to send out
//! and import back with `import FORM... --rater self`.

use super::Output;
use super::input::open_reporting;
use crate::catalog::Catalog;
use crate::io;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormFormat {
    Xlsx,
    Csv,
}

pub(super) struct FormsRequest<'a> {
    pub file: &'a Path,
    pub out: &'a Path,
    pub team: Option<&'a str>,
    pub format: FormFormat,
    /// One file for everyone instead of one a member.
    pub combined: bool,
}

pub(super) fn forms_command(
    request: &FormsRequest,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let Some(imported) = open_reporting(request.file, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let workspace = &imported.value;
    if let Err(error) = std::fs::create_dir_all(request.out) {
        let _ = writeln!(
            err,
            "{}: cannot create the folder: {error}",
            request.out.display()
        );
        return ExitCode::FAILURE;
    }
    let extension = match request.format {
        FormFormat::Xlsx => "xlsx",
        FormFormat::Csv => "csv",
    };
    let members: Vec<usize> = workspace
        .members
        .iter()
        .enumerate()
        .filter(|(_, member)| !member.planned)
        .filter(|(_, member)| {
            request.team.is_none_or(|team| {
                member
                    .team
                    .as_deref()
                    .is_some_and(|own| own.eq_ignore_ascii_case(team))
            })
        })
        .map(|(index, _)| index)
        .collect();
    let today = crate::model::today();
    // A combined form is every member's rows under one header, which the
    // long roster layout reads back just the same.
    let files: Vec<(String, Vec<io::FormRow>)> = if request.combined {
        let name = request.team.unwrap_or("Team");
        let rows = members
            .iter()
            .flat_map(|&member| io::form_rows(workspace, member, today))
            .collect();
        vec![(name.to_string(), rows)]
    } else {
        members
            .iter()
            .map(|&member| {
                (
                    workspace.members[member].name.clone(),
                    io::form_rows(workspace, member, today),
                )
            })
            .collect()
    };
    let mut written = 0;
    for (name, rows) in files.iter().filter(|(_, rows)| !rows.is_empty()) {
        let bytes = match request.format {
            FormFormat::Csv => io::form_csv(rows),
            FormFormat::Xlsx => {
                match io::form_workbook(&format!("Self-assessment: {name}"), rows) {
                    Ok(bytes) => bytes,
                    Err(error) => {
                        let _ = writeln!(err, "{name}: {error}");
                        return ExitCode::FAILURE;
                    }
                }
            }
        };
        let path = request.out.join(io::form_file_name(name, extension));
        if let Err(error) = io::write_atomic(&path, &bytes) {
            let _ = writeln!(err, "{error}");
            return ExitCode::FAILURE;
        }
        written += 1;
    }
    if written == 0 {
        let _ = writeln!(err, "no members to write forms for");
        return ExitCode::from(2);
    }
    let _ = writeln!(
        out,
        "wrote {} to {}; import them back with `skillgrid import FORM... --into {} --rater \
         self [--as-of DATE]`",
        crate::words::count_of(written, "self-assessment form", "self-assessment forms"),
        request.out.display(),
        request.file.display()
    );
    ExitCode::SUCCESS
}
