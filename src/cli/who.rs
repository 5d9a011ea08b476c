//! `skillgrid who`: who knows a skill (or several) at a level, optionally
//! wanting to grow in it, in a team, or free in a quarter.

use super::Output;
use super::input::open_reporting;
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
    pub as_of: Option<crate::model::Date>,
    pub format: WhoFormat,
}

pub(super) fn who_command(
    request: &WhoRequest,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let Some(imported) = open_reporting(request.file, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let snapshot = request
        .as_of
        .map(|date| analysis::workspace_as_of(&imported.value, date));
    let workspace = snapshot.as_ref().unwrap_or(&imported.value);
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
    if let Some(period) = request.free_in {
        match analysis::parse_period(period) {
            Ok(weeks) => query.free_in = Some(weeks),
            Err(error) => {
                let _ = writeln!(err, "--free-in: {error}");
                return ExitCode::from(2);
            }
        }
    }
    let day = request.as_of.unwrap_or_else(crate::model::today);
    let scope = analysis::Scope::new(workspace, day, &analysis::ScopeFilter::default());
    let staffing = (!workspace.projects.is_empty()).then(|| analysis::staff(&scope));
    let found = analysis::who(&scope, staffing.as_ref(), &query);
    match request.format {
        WhoFormat::Json => {
            out.json(&found);
        }
        WhoFormat::Csv => out.push_str(&crate::report::who_csv(&found)),
        WhoFormat::Text => out.push_str(&crate::report::who_text(
            &found,
            query.free_in.map(|weeks| weeks.label()).as_deref(),
            scope.members.len(),
        )),
    }
    ExitCode::SUCCESS
}
