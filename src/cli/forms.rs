//! `skillgrid forms`: a self-assessment form for each member, to send out
//! and import back with `import FORM... --rater self`.

use super::open_reporting;
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
}

pub(super) fn forms_command(
    request: &FormsRequest,
    catalog: &Catalog,
    out: &mut String,
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
    let mut written = 0;
    for (index, member) in workspace.members.iter().enumerate() {
        if member.planned {
            continue;
        }
        if let Some(team) = request.team
            && !member
                .team
                .as_deref()
                .is_some_and(|own| own.eq_ignore_ascii_case(team))
        {
            continue;
        }
        let rows = io::form_rows(workspace, index);
        let bytes = match request.format {
            FormFormat::Csv => io::form_csv(&rows),
            FormFormat::Xlsx => {
                let title = format!("Self-assessment: {}", member.name);
                match io::form_workbook(&title, &rows) {
                    Ok(bytes) => bytes,
                    Err(error) => {
                        let _ = writeln!(err, "{}: {error}", member.name);
                        return ExitCode::FAILURE;
                    }
                }
            }
        };
        let path = request
            .out
            .join(io::form_file_name(&member.name, extension));
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
        "wrote {written} self-assessment forms to {}; import them back with `skillgrid import \
         FORM... --into {} --rater self --as-of DATE`",
        request.out.display(),
        request.file.display()
    );
    ExitCode::SUCCESS
}
