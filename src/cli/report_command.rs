//! `skillgrid report`: the findings as text, JSON, CSV tables, HTML, an
//! Excel workbook or the matrix as an SVG picture.

use super::Output;
use super::input::open_reporting;
use super::{ReportFormat, TableArg};
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
    /// The organisation as it stood on this date.
    pub as_of: Option<crate::model::Date>,
}

pub(super) fn report(
    path: &Path,
    request: &ReportRequest,
    output: Option<&Path>,
    catalog: &Catalog,
    out: &mut Output,
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
        today: request.as_of,
    };
    let analysis = analyze(workspace, &options);
    let source = io::display_name(path);
    if output.is_none() && matches!(request.format, ReportFormat::Json) {
        // Written as it serialises: no copy of the whole report in memory.
        out.json(&analysis);
        return ExitCode::SUCCESS;
    }
    let bytes: Vec<u8> = match request.format {
        ReportFormat::Text => report::text_report(&analysis, &source).into_bytes(),
        ReportFormat::Json => report::json_report(&analysis, out.pretty).into_bytes(),
        ReportFormat::Csv => report::csv_table(
            &analysis,
            match request.table {
                TableArg::Coverage => Table::Coverage,
                TableArg::Gaps => Table::Gaps,
                TableArg::Fit => Table::Fit,
                TableArg::Hiring => Table::Hiring,
                TableArg::Staffing => Table::Staffing,
                TableArg::Stale => Table::Stale,
                TableArg::Bench => Table::Bench,
                TableArg::Work => Table::Work,
            },
        )
        .into_bytes(),
        ReportFormat::Html => report::html_report(&analysis, workspace, &source).into_bytes(),
        ReportFormat::Svg => {
            let members: Vec<usize> = analysis.fit.iter().map(|fit| fit.member.index).collect();
            let skills: Vec<usize> = (0..workspace.skills.len()).collect();
            let title = format!("{source}, {}", analysis.as_of);
            let leads = report::leads_by_column(&analysis, workspace);
            let (svg, left_out) =
                report::matrix_picture(workspace, &members, &skills, title, &leads);
            if left_out > 0 {
                let _ = writeln!(
                    err,
                    "the picture draws the first {} of {} members: use --team for the others",
                    members.len() - left_out,
                    members.len()
                );
            }
            svg.into_bytes()
        }
        ReportFormat::Xlsx => {
            if output.is_none() {
                let _ = writeln!(
                    err,
                    "an Excel report is a file, not text: give --output report.xlsx"
                );
                return ExitCode::from(2);
            }
            match report::report_workbook(&analysis, workspace) {
                Ok(bytes) => bytes,
                Err(error) => {
                    let _ = writeln!(err, "could not build the workbook: {error}");
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    match output {
        None => {
            out.write_bytes(&bytes);
            ExitCode::SUCCESS
        }
        Some(output) => match io::write_atomic(output, &bytes) {
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
