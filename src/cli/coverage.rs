//! `skillgrid coverage`: each needed skill week by week, who can lead it
//! and has time, and why the others are out.

use super::Output;
use super::input::open_reporting;
use crate::analysis::{
    Out, Scope, ScopeFilter, WeeklyQuery, skills_followed, staff, thin_runs, weekly_cover_each,
};
use crate::catalog::Catalog;
use crate::model::{Date, week_of};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum CoverageFormat {
    Text,
    Json,
    Csv,
}

pub struct CoverageRequest<'a> {
    pub file: &'a Path,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub skill: Option<&'a str>,
    pub format: CoverageFormat,
}

pub(super) fn coverage_command(
    request: &CoverageRequest,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let Some(imported) = open_reporting(request.file, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let workspace = &imported.value;
    let from_week = week_of(request.from.unwrap_or_else(crate::model::today));
    let to_week = request
        .to
        .map_or(from_week + crate::analysis::WEEKS_AHEAD - 1, week_of);
    if to_week < from_week {
        let _ = writeln!(err, "--to is before --from: expected the later date second");
        return ExitCode::from(2);
    }
    let skill = match request.skill {
        None => None,
        Some(name) => match workspace.skill_named(name) {
            Some(column) => Some(column),
            None => {
                let _ = writeln!(
                    err,
                    "{}: no skill named \"{name}\" (by name or alias)",
                    request.file.display()
                );
                return ExitCode::from(2);
            }
        },
    };
    // The cover as it stands on the first day asked: who is on the team and
    // at what level then.
    let day = request.from.unwrap_or_else(crate::model::today);
    let snapshot = request
        .from
        .map(|from| crate::analysis::workspace_as_of(workspace, from));
    let workspace = snapshot.as_ref().unwrap_or(workspace);
    let scope = Scope::new(workspace, day, &ScopeFilter::default());
    let staffing = (!workspace.projects.is_empty()).then(|| staff(&scope));
    let query = WeeklyQuery {
        from_week,
        to_week,
        skill,
    };
    // A skill at a time, written as it is found: the whole cover of a
    // large organisation is never held at once.
    let staffing = staffing.as_ref();
    match request.format {
        CoverageFormat::Json => {
            let mut array = out.json_array();
            weekly_cover_each(&scope, staffing, &query, false, |skill| {
                array.element(&skill);
                !array.failed()
            });
            array.end();
        }
        CoverageFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            let _ = writer.write_record(["skill", "week", "starts", "free_to_lead", "free", "out"]);
            weekly_cover_each(&scope, staffing, &query, false, |skill| {
                for week in &skill.weeks {
                    let names: Vec<&str> = week.free.iter().map(|m| &*m.name).collect();
                    let out: Vec<String> = week
                        .out
                        .iter()
                        .map(|(member, why)| format!("{} ({})", member.name, out_text(why)))
                        .collect();
                    let written = writer.write_record([
                        crate::io::neutralise_text(&skill.skill.name).as_ref(),
                        &week.week,
                        &week.starts.to_string(),
                        &week.free.len().to_string(),
                        &crate::io::neutralise_text(&names.join("; ")),
                        &crate::io::neutralise_text(&out.join("; ")),
                    ]);
                    if written.is_err() {
                        return false;
                    }
                }
                true
            });
            let _ = writer.flush();
        }
        CoverageFormat::Text => {
            let (followed, unassessed) = skills_followed(&scope);
            let _ = writeln!(
                out,
                "Skill cover by week, {} to {} ({} skills; \"can lead\" = level {}+, with {:.1} FTE free)",
                crate::model::week_label(from_week),
                crate::model::week_label(to_week),
                if skill.is_some() { 1 } else { followed.len() },
                workspace.settings.lead_level,
                crate::analysis::MIN_FREE_FTE
            );
            // Text says only the thin runs: weeks with two free leads need
            // no more than those two found.
            let mut any_thin = false;
            weekly_cover_each(&scope, staffing, &query, true, |skill| {
                for run in thin_runs(std::slice::from_ref(&skill)) {
                    any_thin = true;
                    let _ = writeln!(out, "  {}", run.sentence());
                }
                !out.failed()
            });
            if !any_thin {
                let _ = writeln!(
                    out,
                    "  every skill has two or more free to lead it every week"
                );
            }
            // From the repositories read: a skill's only recent contributor away.
            let cells = crate::analysis::work_cells(&scope, &workspace.settings);
            let work = crate::analysis::work_findings(&scope, &cells, (from_week, to_week));
            for away in &work.owners_away {
                let _ = writeln!(out, "  {}", away.sentence());
            }
            // The cover counts confirmed work; say what tentative work adds.
            let risks = staffing.map_or_else(Vec::new, |staffing| {
                crate::analysis::tentative_risks(&scope, staffing, &query)
            });
            if !risks.is_empty() {
                let _ = writeln!(out, "Counting confirmed work; tentative work would add:");
                for risk in &risks {
                    let _ = writeln!(out, "  {}", risk.sentence());
                }
            }
            if skill.is_none() && !unassessed.is_empty() {
                let names: Vec<&str> = unassessed.iter().map(|skill| &*skill.name).collect();
                let _ = writeln!(
                    out,
                    "Not assessed: nobody on the team is rated in {} (the roles need {}): \
                     assess them to know the cover",
                    names.join(", "),
                    if names.len() == 1 { "it" } else { "them" }
                );
            }
        }
    }
    ExitCode::SUCCESS
}

fn out_text(out: &Out) -> String {
    match out {
        Out::Away { reason } => reason.clone(),
        Out::Booked { projects } => format!("booked on {}", projects.join(", ")),
    }
}
