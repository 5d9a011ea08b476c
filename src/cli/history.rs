//! `skillgrid import` (a roster as a dated round) and `skillgrid history`
//! (each change of a current level).

use super::Output;
use super::input::{open_reporting, print_diagnostics, print_failure};
use crate::analysis::{ChangeQuery, LevelChange, for_each_change};
use crate::catalog::Catalog;
use crate::io::{self, FileKind};
use crate::model::{Cell, Date, Rater, Settings, Workspace, import_round_noted};
use clap::ValueEnum;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// A date on the command line: `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    text.trim()
        .parse::<Date>()
        .map_err(|_| format!("\"{text}\" is not a date: expected YYYY-MM-DD, such as 2026-06-30"))
}

pub fn parse_rater(text: &str) -> Result<Rater, String> {
    Rater::parse(text)
        .ok_or_else(|| format!("\"{text}\" is not a rater: expected manager, self, peer or import"))
}

/// What a round does with the workspace's members it does not list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Missing {
    /// Keep them as they were, and list them.
    Keep,
    /// Record that they left on the round's date.
    Leave,
}

pub(super) struct RoundRequest<'a> {
    /// One roster, or many self-assessment forms.
    pub rosters: &'a [std::path::PathBuf],
    pub into: &'a Path,
    pub output: Option<&'a Path>,
    /// The date given; otherwise a form's own date, else today.
    pub as_of: Option<Date>,
    pub rater: Rater,
    pub missing: Missing,
    /// Say how each roster's columns are read first.
    pub explain: bool,
}

/// Imports a roster into a workspace as a round dated `as_of`. A
/// workspace that does not exist yet is started from the round; one that
/// is a database is saved in place, writing only the members that moved.
pub(super) fn import_round_command(
    request: &RoundRequest,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let output = request.output.unwrap_or(request.into);
    if !FileKind::of(output).holds_everything() {
        let _ = writeln!(
            err,
            "{}: the workspace must be a .skillgrid (or .json) file: a roster CSV cannot hold \
             dated assessments",
            output.display()
        );
        return ExitCode::from(2);
    }
    // The workspace first: its level words and the column maps it
    // remembers read the rosters, under --map.
    let exists = request.into.exists();
    let existing = if !exists {
        None
    } else if FileKind::of(request.into) == FileKind::Database && io::is_database(request.into) {
        match io::read_database(request.into) {
            Ok(read) => {
                print_diagnostics(&read.warnings, err);
                Some((read.value.workspace, Some(read.value.revision)))
            }
            Err(failure) => {
                print_failure(&failure, err);
                return ExitCode::FAILURE;
            }
        }
    } else {
        match open_reporting(request.into, catalog, err) {
            Some(imported) => Some((imported.value, None)),
            None => return ExitCode::FAILURE,
        }
    };
    let reading = existing
        .as_ref()
        .map_or_else(Settings::default, |(workspace, _)| Settings {
            scale: workspace.settings.scale.clone(),
            column_maps: workspace.settings.column_maps.clone(),
            ..Settings::default()
        });
    if request.explain {
        for roster in request.rosters {
            let preview = io::preview_roster_file(
                roster,
                catalog,
                &reading,
                super::input::chosen_sheet(),
                &super::input::chosen_map(),
            );
            let _ = writeln!(out, "{}:", io::display_name(roster));
            super::input::explain_preview(&preview, out);
        }
    }
    // Each file is read on its own: one that fails is said and skipped.
    let mut rounds = Vec::new();
    for roster in request.rosters {
        if let Some(round) = super::input::open_reporting_in(roster, catalog, &reading, err) {
            rounds.push((roster, round.value));
        }
    }
    let Some((_, first)) = rounds.first() else {
        return ExitCode::FAILURE;
    };
    let (previous, revision) =
        existing.unwrap_or_else(|| (Workspace::with_roles(first.roles.clone()), None));
    let mut workspace = previous.clone();
    let returned = (request.rater == crate::model::Rater::SelfRated).then(|| {
        let forms: Vec<&Workspace> = rounds.iter().map(|(_, round)| round).collect();
        crate::model::FormsReturned::of(&previous, &forms, crate::model::today())
    });
    let summaries: Vec<_> = rounds
        .into_iter()
        .map(|(roster, mut round)| {
            let (form, said) = io::prepare_form(roster, &mut round, &previous);
            print_diagnostics(&said, err);
            let as_of = request
                .as_of
                .or(form.date)
                .unwrap_or_else(crate::model::today);
            let summary =
                import_round_noted(&mut workspace, &round, as_of, request.rater, &form.evidence);
            if request.missing == Missing::Leave {
                for &member in &summary.missing_rows {
                    let _ = workspace.record_leaver(member, as_of);
                }
            }
            (roster, as_of, summary)
        })
        .collect();
    let in_place = revision.filter(|_| output == request.into);
    let saved = match in_place {
        Some(revision) => io::update_database(output, &workspace, &previous, revision),
        None => io::save_path(&workspace, output, io::ExportOptions::default()),
    };
    match saved {
        Ok(saved) => {
            if let Some(note) = saved.note {
                let _ = writeln!(err, "{note}");
            }
        }
        Err(error) => {
            let _ = writeln!(err, "{error}");
            return ExitCode::FAILURE;
        }
    }
    for (roster, as_of, summary) in &summaries {
        let _ = writeln!(
            out,
            "{}: round of {} by {} from {}: {} recorded, {} unchanged",
            output.display(),
            as_of,
            request.rater,
            roster.display(),
            crate::words::count_of(summary.recorded, "change", "changes"),
            crate::words::count_of(summary.unchanged, "cell", "cells"),
        );
        if !summary.added.is_empty() {
            let _ = writeln!(out, "added: {}", summary.added.join(", "));
        }
        if !summary.new_skills.is_empty() {
            let _ = writeln!(out, "new skills: {}", summary.new_skills.join(", "));
        }
        for change in &summary.detail_changes {
            let _ = writeln!(out, "{change}");
        }
        if !summary.missing.is_empty() {
            let _ = match request.missing {
                Missing::Keep => writeln!(
                    out,
                    "not in this round, kept as they were: {} (--missing leave records them as \
                     leavers)",
                    summary.missing.join(", ")
                ),
                Missing::Leave => writeln!(
                    out,
                    "not in this round, recorded as left on {as_of}: {}",
                    summary.missing.join(", ")
                ),
            };
        }
        if !summary.unknown.is_empty() {
            let _ = writeln!(
                err,
                "{}: not in the workspace, so not imported: {}",
                roster.display(),
                summary.unknown.join(", ")
            );
        }
    }
    if let Some(returned) = &returned {
        let _ = writeln!(out, "{}", returned.describe());
    }
    ExitCode::SUCCESS
}

/// `skillgrid leave`: records that a member left on a date.
pub(super) fn leave_command(
    file: &Path,
    member: &str,
    on: Date,
    output: Option<&Path>,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let Some(output) = super::input::workspace_output(file, output, "leavers", err) else {
        return ExitCode::from(2);
    };
    let Some(mut workspace) = open_reporting(file, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let workspace = &mut workspace.value;
    let Some(index) = workspace.find_member(member) else {
        let _ = writeln!(
            err,
            "{}: no member \"{member}\": expected a member's name or email",
            file.display()
        );
        return ExitCode::from(2);
    };
    if let Err(error) = workspace.record_leaver(index, on) {
        let _ = writeln!(err, "{}: {}: {error}", file.display(), member);
        return ExitCode::from(2);
    }
    let name = workspace.members[index].name.clone();
    super::input::save_workspace(
        workspace,
        output,
        &format!(" ({name} left on {on}: out of every count from that day)"),
        out,
        err,
    )
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum HistoryFormat {
    Text,
    Json,
    Csv,
}

pub(super) struct HistoryRequest<'a> {
    pub file: &'a Path,
    pub member: Option<&'a str>,
    pub skill: Option<&'a str>,
    pub since: Option<Date>,
    pub stale: bool,
    pub format: HistoryFormat,
}

/// One change as `history --format json` writes it (docs/history-json.md).
#[derive(Serialize)]
struct ChangeOut<'w> {
    member: &'w str,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'w str>,
    skill: &'w str,
    skill_id: &'w str,
    from: Option<u8>,
    to: Option<u8>,
    interest: bool,
    /// `None` for a level a file gave without a date.
    date: Option<String>,
    rater: &'static str,
}

pub(super) fn history_command(
    request: &HistoryRequest,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let Some(imported) = open_reporting(request.file, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let workspace = &imported.value;
    let mut query = ChangeQuery {
        since: request.since,
        ..ChangeQuery::default()
    };
    if let Some(name) = request.member {
        match workspace.find_member(name) {
            Some(member) => query.member = Some(member),
            None => {
                let _ = writeln!(
                    err,
                    "{}: no member named \"{name}\" (by name or email)",
                    request.file.display()
                );
                return ExitCode::from(2);
            }
        }
    }
    if let Some(name) = request.skill {
        let wanted = crate::model::normalize_label(name);
        let found = workspace.skills.iter().position(|skill| {
            skill.id.as_str() == name
                || skill
                    .labels()
                    .any(|label| crate::model::normalize_label(label) == wanted)
        });
        match found {
            Some(skill) => query.skill = Some(skill),
            None => {
                let _ = writeln!(
                    err,
                    "{}: no skill named \"{name}\" (by name, alias or id)",
                    request.file.display()
                );
                return ExitCode::from(2);
            }
        }
    }
    if request.stale {
        stale_listing(workspace, &query, request.format, out);
        return ExitCode::SUCCESS;
    }
    match request.format {
        HistoryFormat::Json => {
            // One change at a time: memory does not grow with the output.
            let mut array = out.json_array();
            for_each_change(workspace, query, |change| {
                array.element(&out_of(workspace, &change));
                !array.failed()
            });
            array.end();
        }
        HistoryFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            let _ =
                writer.write_record(["member", "email", "skill", "from", "to", "date", "rater"]);
            for_each_change(workspace, query, |change| {
                let row = out_of(workspace, &change);
                let level = |level: Option<u8>| level.map_or(String::new(), |l| l.to_string());
                writer
                    .write_record([
                        io::neutralise_text(row.member).as_ref(),
                        row.email.unwrap_or(""),
                        row.skill,
                        &level(row.from),
                        &level(row.to),
                        row.date.as_deref().unwrap_or(""),
                        row.rater,
                    ])
                    .is_ok()
            });
            let _ = writer.flush();
        }
        HistoryFormat::Text => history_text(workspace, &query, request.since, out),
    }
    ExitCode::SUCCESS
}

/// Each member's timeline, in date order: level changes, targets and
/// certificates, joining, leaving and changes of details. One member's
/// lines are held at a time.
fn history_text(workspace: &Workspace, query: &ChangeQuery, since: Option<Date>, out: &mut Output) {
    // Targets and certificates are dated too: they join the timeline.
    let mut events: Vec<Vec<(Option<Date>, String)>> = vec![Vec::new(); workspace.members.len()];
    for event in crate::analysis::development_events(workspace, since, crate::model::today()) {
        if query.member.is_none_or(|m| m == event.member)
            && (query.skill.is_none() || query.skill == event.column)
        {
            let name = &workspace.members[event.member].name;
            events[event.member].push((Some(event.date), format!("{name}  {}", event.what)));
        }
    }
    let mut any = false;
    let level = |level: Option<u8>| level.map_or("-".to_string(), |l| l.to_string());
    for (index, member) in workspace.members.iter().enumerate() {
        if out.failed() {
            return;
        }
        if query.member.is_some_and(|m| m != index) {
            continue;
        }
        let mut lines = std::mem::take(&mut events[index]);
        let one = ChangeQuery {
            member: Some(index),
            ..*query
        };
        for_each_change(workspace, one, |change| {
            let row = out_of(workspace, &change);
            lines.push((
                change.as_of,
                format!(
                    "{}  {}: {} -> {}  ({})",
                    row.member,
                    row.skill,
                    level(row.from),
                    level(row.to),
                    row.rater
                ),
            ));
            true
        });
        // Joining, leaving and changes of details are dated too.
        if query.skill.is_none() {
            let after = |date: &Date| since.is_none_or(|since| *date >= since);
            let mut dated: Vec<(Date, String)> = member
                .changes
                .iter()
                .map(|change| (change.on, change.detail.describe()))
                .collect();
            dated.extend(member.joined.map(|on| (on, "joined".to_string())));
            dated.extend(member.left.map(|on| (on, "left".to_string())));
            for (on, what) in dated.into_iter().filter(|(on, _)| after(on)) {
                lines.push((Some(on), format!("{}  {what}", member.name)));
            }
        }
        lines.sort_by_key(|line| line.0);
        for (date, line) in &lines {
            let date = date.map_or("undated   ".to_string(), |date| date.to_string());
            let _ = writeln!(out, "{date}  {line}");
        }
        any |= !lines.is_empty();
    }
    if !any {
        let _ = writeln!(out, "no changes");
    }
}

/// One stale rating as `history --stale --format json` writes it.
#[derive(Serialize)]
struct StaleOut<'w> {
    member: &'w str,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'w str>,
    skill: &'w str,
    skill_id: &'w str,
    level: Option<u8>,
    last_rated: String,
}

/// The ratings of record older than the workspace's stale limit, of the
/// members on the team today (narrowed by --member and --skill).
fn stale_listing(
    workspace: &Workspace,
    query: &ChangeQuery,
    format: HistoryFormat,
    out: &mut Output,
) {
    let today = crate::model::today();
    let scope = crate::analysis::Scope::today(workspace);
    let stale = crate::analysis::stale_ratings(&scope, today);
    let mut rows = Vec::new();
    for member in &stale.members {
        if query
            .member
            .is_some_and(|wanted| wanted != member.member.index)
        {
            continue;
        }
        let record = &workspace.members[member.member.index];
        for skill in &member.skills {
            let Some(column) = workspace.skill_index(&crate::model::SkillId::new(&*skill.id))
            else {
                continue;
            };
            if query.skill.is_some_and(|wanted| wanted != column) {
                continue;
            }
            let last = workspace
                .history
                .row(member.member.index)
                .of_skill(column as u32)
                .filter(|entry| entry.rater.sets_current())
                .filter_map(|entry| entry.as_of)
                .last();
            rows.push(StaleOut {
                member: &record.name,
                email: record.email.as_deref(),
                skill: &workspace.skills[column].name,
                skill_id: workspace.skills[column].id.as_str(),
                level: scope
                    .level(member.member.index, column)
                    .map(|level| level.get()),
                last_rated: last.map_or(String::new(), |date| date.to_string()),
            });
        }
    }
    match format {
        HistoryFormat::Json => out.json(&rows),
        HistoryFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            let _ = writer.write_record(["member", "email", "skill", "level", "last_rated"]);
            for row in &rows {
                let _ = writer.write_record([
                    io::neutralise_text(row.member).as_ref(),
                    row.email.unwrap_or(""),
                    row.skill,
                    &row.level.map_or(String::new(), |level| level.to_string()),
                    &row.last_rated,
                ]);
            }
            let _ = writer.flush();
        }
        HistoryFormat::Text => {
            let _ = writeln!(
                out,
                "{} last given over {} months ago (before {}):",
                crate::words::count_of(rows.len(), "rating", "ratings"),
                stale.months,
                stale.before.map_or(String::new(), |date| date.to_string())
            );
            for row in &rows {
                let _ = writeln!(
                    out,
                    "{}  {}  {}: level {}",
                    row.last_rated,
                    row.member,
                    row.skill,
                    row.level.map_or("-".to_string(), |level| level.to_string())
                );
            }
        }
    }
}

fn out_of<'w>(workspace: &'w Workspace, change: &LevelChange) -> ChangeOut<'w> {
    let member = &workspace.members[change.member];
    let skill = &workspace.skills[change.skill];
    ChangeOut {
        member: &member.name,
        email: member.email.as_deref(),
        skill: &skill.name,
        skill_id: skill.id.as_str(),
        from: change.from.and_then(Cell::level).map(|level| level.get()),
        to: change.to.level().map(|level| level.get()),
        interest: change.to.interest(),
        date: change.as_of.map(|date| date.to_string()),
        rater: change.rater.as_str(),
    }
}
