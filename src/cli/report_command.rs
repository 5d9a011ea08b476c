//! `skillgrid report`: the findings as text, JSON, CSV tables or HTML.

use super::{ReportFormat, TableArg, open_reporting};
use crate::analysis::{AnalysisOptions, analyze};
use crate::catalog::Catalog;
use crate::io;
use crate::report::{self, Table};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub struct ReportRequest {
    pub format: ReportFormat,
    pub team: Option<String>,
    pub budget: Option<f64>,
    pub table: TableArg,
    pub pretty: bool,
    /// The organisation as it stood on this date.
    pub as_of: Option<crate::model::Date>,
}

pub(super) fn report(
    path: &Path,
    request: &ReportRequest,
    output: Option<&Path>,
    catalog: &Catalog,
    out: &mut String,
    err: &mut String,
) -> ExitCode {
    let Some(imported) = open_reporting(path, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let as_of = request
        .as_of
        .map(|date| crate::analysis::workspace_as_of(&imported.value, date));
    let workspace = as_of.as_ref().unwrap_or(&imported.value);
    if let Some(team) = &request.team
        && !workspace.members.iter().any(|member| {
            member
                .team
                .as_deref()
                .is_some_and(|own| own.eq_ignore_ascii_case(team))
        })
    {
        let mut teams: Vec<&str> = workspace
            .members
            .iter()
            .filter_map(|m| m.team.as_deref())
            .collect();
        teams.sort_unstable();
        teams.dedup();
        let _ = writeln!(
            err,
            "no team \"{team}\" in {}: its teams are {}",
            path.display(),
            teams.join(", ")
        );
        return ExitCode::from(2);
    }
    let options = AnalysisOptions {
        team: request.team.clone(),
        budget: request.budget,
    };
    let analysis = analyze(workspace, &options);
    let source = io::display_name(path);
    let text = match request.format {
        ReportFormat::Text => report::text_report(&analysis, &source),
        ReportFormat::Json => report::json_report(&analysis, request.pretty),
        ReportFormat::Csv => report::csv_table(
            &analysis,
            match request.table {
                TableArg::Coverage => Table::Coverage,
                TableArg::Gaps => Table::Gaps,
                TableArg::Fit => Table::Fit,
                TableArg::Hiring => Table::Hiring,
            },
        ),
        ReportFormat::Html => report::html_report(&analysis, workspace, &source),
    };
    match output {
        None => {
            out.push_str(&text);
            ExitCode::SUCCESS
        }
        Some(output) => match io::write_atomic(output, text.as_bytes()) {
            Ok(_) => {
                let _ = writeln!(err, "wrote {}", output.display());
                ExitCode::SUCCESS
            }
            Err(error) => {
                let _ = writeln!(err, "{error}");
                ExitCode::FAILURE
            }
        },
    }
}
