//! `skillgrid who`: who knows a skill (or several) at a level, optionally
//! wanting to grow in it, in a team, or free in a quarter.

use super::open_reporting;
use crate::analysis::{self, WhoQuery};
use crate::catalog::Catalog;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum WhoFormat {
    Text,
    Json,
    Csv,
}

pub(super) struct WhoRequest<'a> {
    pub file: &'a Path,
    /// `NAME[:LEVEL]` each; the lead level when none is given.
    pub skills: &'a [String],
    pub interest: bool,
    pub team: Option<&'a str>,
    pub free_in: Option<&'a str>,
    pub format: WhoFormat,
}

pub(super) fn who_command(
    request: &WhoRequest,
    catalog: &Catalog,
    out: &mut String,
    err: &mut String,
) -> ExitCode {
    let Some(imported) = open_reporting(request.file, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let workspace = &imported.value;
    let lead = workspace.settings.lead_level;
    let mut query = WhoQuery {
        interest: request.interest,
        team: request.team.map(str::to_string),
        ..WhoQuery::default()
    };
    for text in request.skills {
        match analysis::parse_skills(workspace, text, lead) {
            Ok(skills) => query.skills.extend(skills),
            Err(error) => {
                let _ = writeln!(err, "--skill {text}: {error}");
                return ExitCode::from(2);
            }
        }
    }
    if query.skills.is_empty() {
        let _ = writeln!(
            err,
            "give at least one --skill NAME[:LEVEL], e.g. --skill Kubernetes:3"
        );
        return ExitCode::from(2);
    }
    if let Some(quarter) = request.free_in {
        match analysis::parse_quarter(quarter) {
            Ok(quarter) => query.free_in = Some(quarter),
            Err(error) => {
                let _ = writeln!(err, "--free-in: {error}");
                return ExitCode::from(2);
            }
        }
    }
    let found = analysis::who(workspace, &query);
    match request.format {
        WhoFormat::Json => {
            let text = serde_json::to_string_pretty(&found).expect("matches serialise");
            out.push_str(&text);
            out.push('\n');
        }
        WhoFormat::Csv => out.push_str(&crate::report::who_csv(&found)),
        WhoFormat::Text => out.push_str(&crate::report::who_text(
            &found,
            query.free_in.as_deref(),
            workspace.members.len(),
        )),
    }
    ExitCode::SUCCESS
}
