//! `skillgrid evidence`: read the team's repositories into work evidence
//! (counts per member, skill and month; never code, messages or a level),
//! list it beside the ratings, or remove a repository's.

use super::Output;
use super::input::{open_reporting, save_workspace, workspace_output};
use crate::analysis::{Scope, ScopeFilter, WorkCells, WorkFindings, work_cells, work_findings};
use crate::catalog::Catalog;
use crate::io::{read_options, read_repository};
use crate::model::{Date, RepositoryRead, Workspace};
use clap::{Args, ValueEnum};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct EvidenceArgs {
    /// The workspace (.skillgrid or .json).
    pub file: PathBuf,
    /// A repository to read (a clone's folder or a bare repository); give
    /// it again for more. Read again, only commits not read before are.
    #[arg(long, value_name = "PATH")]
    pub repo: Vec<PathBuf>,
    /// Only commits from this day on (YYYY-MM-DD).
    #[arg(long, value_parser = super::history::parse_date)]
    pub since: Option<Date>,
    /// A YAML map of paths to skills (globs as in .gitignore) that adds to
    /// the built-in one, or replaces it with `replace: true`.
    #[arg(long, value_name = "MAP.yml")]
    pub map: Option<PathBuf>,
    /// Print what a read would store, and store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Remove everything read from a repository (by its name or path).
    #[arg(long, value_name = "NAME")]
    pub remove: Option<String>,
    /// Another address a member commits under: `Ana Souza=ana@home.example`.
    #[arg(long, value_name = "MEMBER=EMAIL")]
    pub email: Vec<String>,
    /// Weigh work to the recent past: a commit counts half as much every
    /// DAYS days (kept in the workspace; 180 unless set).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub half_life: Option<u32>,
    #[arg(long, value_enum, default_value_t = EvidenceFormat::Text)]
    pub format: EvidenceFormat,
    /// The day the evidence is of (YYYY-MM-DD); today when not given.
    #[arg(long, value_parser = super::history::parse_date)]
    pub as_of: Option<Date>,
    /// Write the workspace here instead of FILE.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvidenceFormat {
    Text,
    Json,
    Csv,
}

pub(super) fn evidence_command(
    args: EvidenceArgs,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let Some(mut workspace) = open_reporting(&args.file, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let workspace = &mut workspace.value;
    let changes = !args.repo.is_empty()
        || args.remove.is_some()
        || !args.email.is_empty()
        || args.half_life.is_some();
    if !changes {
        list(workspace, args.as_of, args.format, out);
        return ExitCode::SUCCESS;
    }
    let output = if args.dry_run {
        None
    } else {
        match workspace_output(&args.file, args.output.as_deref(), "work evidence", err) {
            Some(output) => Some(output.to_path_buf()),
            None => return ExitCode::from(2),
        }
    };
    let mut said = Vec::new();
    if let Some(days) = args.half_life {
        workspace.settings.evidence_half_life_days = days;
        said.push(format!(
            "work evidence now halves in weight every {days} days"
        ));
    }
    for pair in &args.email {
        match add_email(workspace, pair) {
            Ok(text) => said.push(text),
            Err(message) => {
                let _ = writeln!(err, "--email {pair}: {message}");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(name) = &args.remove {
        let known = workspace
            .evidence_sources
            .iter()
            .find(|source| source.name.eq_ignore_ascii_case(name) || &source.path == name)
            .map(|source| source.name.clone());
        match known {
            Some(known) if !args.dry_run => {
                workspace.remove_evidence_source(&known);
                said.push(format!("removed the work evidence read from {known}"));
            }
            Some(known) => {
                let _ = writeln!(out, "would remove the work evidence read from {known}");
            }
            None => {
                let names: Vec<&str> = workspace
                    .evidence_sources
                    .iter()
                    .map(|source| source.name.as_str())
                    .collect();
                let _ = writeln!(
                    err,
                    "{}: no work evidence from \"{name}\"; the workspace has {}",
                    args.file.display(),
                    if names.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                );
                return ExitCode::from(2);
            }
        }
    }
    let today = args.as_of.unwrap_or_else(crate::model::today);
    let mut read_anything = false;
    for repo in &args.repo {
        let read = read_options(workspace, repo, args.since, args.map.as_deref(), today).and_then(
            |(path, options)| read_repository(&path, &options).map_err(|error| error.to_string()),
        );
        let read = match read {
            Ok(read) => read,
            Err(message) => {
                let _ = writeln!(err, "{message}");
                return ExitCode::FAILURE;
            }
        };
        if args.dry_run {
            dry_run(workspace, &read, out);
            continue;
        }
        said.push(describe_read(&read));
        if read.adds && read.authors.is_empty() {
            said.push(format!(
                "{}: nothing new since the last read",
                read.source.name
            ));
            continue;
        }
        let applied = workspace.apply_work(read);
        read_anything = true;
        said.push(format!(
            "{}: {} of {} members' evidence grew",
            applied.source,
            applied.members.len(),
            workspace.members.len()
        ));
        if !applied.unmatched.is_empty() {
            let listed: Vec<String> = applied
                .unmatched
                .iter()
                .map(|author| {
                    format!(
                        "{} <{}> ({})",
                        author.name,
                        author.email,
                        crate::words::count_of(author.commits as usize, "commit", "commits")
                    )
                })
                .collect();
            said.push(format!(
                "authors who are no member (give a member their address with --email \
                 MEMBER=EMAIL, or in the window): {}",
                listed.join("; ")
            ));
        }
    }
    if args.dry_run {
        return ExitCode::SUCCESS;
    }
    for line in &said {
        let _ = writeln!(out, "{line}");
    }
    let unchanged = !read_anything
        && args.remove.is_none()
        && args.email.is_empty()
        && args.half_life.is_none();
    if unchanged {
        return ExitCode::SUCCESS;
    }
    let output = output.expect("an output unless a dry run");
    save_workspace(workspace, &output, "", out, err)
}

fn add_email(workspace: &mut Workspace, pair: &str) -> Result<String, String> {
    let (member, email) = pair
        .split_once('=')
        .ok_or("expected MEMBER=EMAIL, such as \"Ana Souza=ana@home.example\"")?;
    let (member, email) = (member.trim(), email.trim());
    if !email.contains('@') {
        return Err(format!("\"{email}\" is not an email address"));
    }
    let index = workspace
        .members
        .iter()
        .position(|known| known.is_named_by(member))
        .ok_or_else(|| format!("no member \"{member}\" (by name or email)"))?;
    let record = &mut workspace.members[index];
    let known = record
        .email
        .iter()
        .chain(&record.emails)
        .any(|e| e.eq_ignore_ascii_case(email));
    if !known {
        record.emails.push(email.to_string());
    }
    Ok(format!("{} also commits as {email}", record.name))
}

fn describe_read(read: &RepositoryRead) -> String {
    let mut text = format!(
        "{}: read {} from {}",
        read.source.name,
        read.commits_read(),
        read.source.path
    );
    if let Some(span) = read.span() {
        let _ = write!(text, " ({span})");
    }
    if let Some(note) = read.shallow_note() {
        let _ = write!(text, "; {note}");
    }
    text
}

/// What `apply_work` would store, row by row, and who is no member.
fn dry_run(workspace: &Workspace, read: &RepositoryRead, out: &mut Output) {
    let _ = writeln!(out, "{} (dry run: nothing is stored)", describe_read(read));
    let _ = writeln!(
        out,
        "Would store, per member, skill and month: commits, lines changed, last day \
         (no code, no commit messages, no file names):"
    );
    let found = workspace.match_authors(&read.authors);
    for (author, member) in read.authors.iter().zip(&found.member_of) {
        let Some(member) = *member else {
            continue;
        };
        let mut months = author.months.clone();
        months.sort_by(|a, b| (&a.skill.0, a.month).cmp(&(&b.skill.0, b.month)));
        for month in months {
            let skill = workspace
                .skill(&month.skill)
                .map_or(month.skill.0.clone(), |skill| skill.name.clone());
            let _ = writeln!(
                out,
                "  {}  {skill}  {}  {} commits  {} lines  last {}",
                workspace.members[member].name,
                &month.month.to_string()[..7],
                month.commits,
                month.lines,
                month.last
            );
        }
        let mut areas: Vec<&str> = author.areas.iter().map(|area| area.area.as_str()).collect();
        areas.sort_unstable();
        areas.dedup();
        if !areas.is_empty() {
            let _ = writeln!(
                out,
                "  {}  folders changed (for sole owners): {}",
                workspace.members[member].name,
                areas.join(", ")
            );
        }
    }
    if !found.unmatched.is_empty() {
        let _ = writeln!(
            out,
            "Authors who are no member (not stored against anyone):"
        );
        for author in &found.unmatched {
            let _ = writeln!(
                out,
                "  {} <{}>  {} commits",
                author.name, author.email, author.commits
            );
        }
    }
}

/// The stored evidence as of a day, with what it finds.
fn findings(workspace: &Workspace, as_of: Option<Date>) -> (Scope<'_>, WorkCells, WorkFindings) {
    let day = as_of.unwrap_or_else(crate::model::today);
    let scope = Scope::new(workspace, day, &ScopeFilter::default());
    let cells = work_cells(&scope, &workspace.settings);
    let first = crate::model::week_of(day);
    let findings = work_findings(
        &scope,
        &cells,
        (first, first + crate::analysis::WEEKS_AHEAD - 1),
    );
    (scope, cells, findings)
}

fn list(workspace: &Workspace, as_of: Option<Date>, format: EvidenceFormat, out: &mut Output) {
    let (scope, cells, findings) = findings(workspace, as_of);
    match format {
        EvidenceFormat::Text => list_text(workspace, &scope, &cells, &findings, out),
        EvidenceFormat::Json => out.json(&serde_json::json!({
            "as_of": scope.date,
            "half_life_days": workspace.settings.evidence_half_life_days,
            "sources": workspace.evidence_sources,
            "evidence": cells.cells.iter().map(|&((member, column), ref work)| {
                serde_json::json!({
                    "member": scope.member_ref(member),
                    "skill": scope.column_ref(column),
                    "level": scope.level(member, column),
                    "work": work,
                    "disagreement": cells.disagreement(member, column),
                })
            }).collect::<Vec<_>>(),
            "owners": findings.owners,
            "contradictions": findings.contradictions,
            "sole_owners": findings.sole_owners,
            "owners_away": findings.owners_away,
        })),
        EvidenceFormat::Csv => list_csv(&scope, &cells, &findings, out),
    }
}

fn list_text(
    workspace: &Workspace,
    scope: &Scope,
    cells: &WorkCells,
    findings: &WorkFindings,
    out: &mut Output,
) {
    if workspace.evidence_sources.is_empty() {
        let _ = writeln!(
            out,
            "No work evidence yet: read a repository with `skillgrid evidence WORKSPACE --repo PATH`."
        );
        return;
    }
    let _ = writeln!(
        out,
        "Work evidence as of {} (recent = the last 6 months; weight halves every {} days)",
        scope.date, workspace.settings.evidence_half_life_days
    );
    for source in &workspace.evidence_sources {
        let span = match (source.first, source.last) {
            (Some(first), Some(last)) => format!(", {first} to {last}"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "  {}: {}, read {}, {}{span}",
            source.name,
            source.path,
            source.read_on,
            crate::words::count_of(source.commits as usize, "commit", "commits")
        );
        for author in &source.unmatched {
            let _ = writeln!(
                out,
                "    no member: {} <{}> ({} commits)",
                author.name, author.email, author.commits
            );
        }
    }
    let _ = writeln!(out, "\nBy member and skill:");
    let mut current = None;
    for &((member, column), ref work) in &cells.cells {
        if current != Some(member) {
            let _ = writeln!(out, "  {}", workspace.members[member].name);
            current = Some(member);
        }
        let level = scope
            .level(member, column)
            .map_or("not assessed".to_string(), |level| format!("rated {level}"));
        let mark = if cells.disagreement(member, column).is_some() {
            "  (the work disagrees)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "    {}; {level}{mark}",
            work.sentence(&workspace.skills[column].name)
        );
    }
    let _ = writeln!(out, "\nRecent code owners (commits in the last 6 months):");
    if findings.owners.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for owners in &findings.owners {
        let _ = writeln!(out, "  {}", owners.sentence());
    }
    let _ = writeln!(
        out,
        "\nRatings the work contradicts: {}",
        findings.contradictions.len()
    );
    for contradiction in &findings.contradictions {
        let _ = writeln!(out, "  {}", contradiction.sentence());
    }
    let _ = writeln!(
        out,
        "\nCode one member alone has changed lately: {}",
        findings.sole_owners.len()
    );
    for owner in &findings.sole_owners {
        let _ = writeln!(out, "  {}", owner.sentence());
    }
    for away in &findings.owners_away {
        let _ = writeln!(out, "  {}", away.sentence());
    }
}

fn list_csv(scope: &Scope, cells: &WorkCells, findings: &WorkFindings, out: &mut Output) {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record([
        "kind",
        "member",
        "email",
        "skill",
        "level",
        "recent_commits",
        "recent_lines",
        "commits",
        "last",
        "detail",
    ]);
    let level_text = |member: usize, column: usize| {
        scope
            .level(member, column)
            .map_or(String::new(), |level| level.to_string())
    };
    for &((member, column), ref work) in &cells.cells {
        let who = scope.member_ref(member);
        let detail = match cells.disagreement(member, column) {
            Some(crate::analysis::Disagreement::ActiveButRatedLow) => "active, rated low",
            Some(crate::analysis::Disagreement::RatedButIdle) => {
                "rated high, work stopped over a year ago"
            }
            None => "",
        };
        let _ = writer.write_record([
            "evidence",
            &who.name,
            who.email.as_deref().unwrap_or(""),
            &scope.column_ref(column).name,
            &level_text(member, column),
            &work.recent_commits.to_string(),
            &work.recent_lines.to_string(),
            &work.commits.to_string(),
            &work.last.to_string(),
            detail,
        ]);
    }
    for contradiction in &findings.contradictions {
        let _ = writer.write_record([
            "contradiction",
            &contradiction.member.name,
            contradiction.member.email.as_deref().unwrap_or(""),
            &contradiction.skill.name,
            &contradiction
                .level
                .map_or(String::new(), |level| level.to_string()),
            &contradiction.recent_commits.to_string(),
            "",
            "",
            &contradiction.last.map_or(String::new(), |d| d.to_string()),
            &contradiction.sentence(),
        ]);
    }
    for owners in &findings.owners {
        for (member, commits) in &owners.members {
            let _ = writer.write_record([
                "recent_owner",
                &member.name,
                member.email.as_deref().unwrap_or(""),
                &owners.skill.name,
                "",
                &commits.to_string(),
                "",
                "",
                "",
                "",
            ]);
        }
    }
    for owner in &findings.sole_owners {
        let _ = writer.write_record([
            "sole_owner",
            &owner.member.name,
            owner.member.email.as_deref().unwrap_or(""),
            &owner.skill.name,
            "",
            &owner.commits.to_string(),
            "",
            "",
            "",
            &owner.sentence(),
        ]);
    }
    if let Ok(bytes) = writer.into_inner() {
        out.write_bytes(&bytes);
    }
}
