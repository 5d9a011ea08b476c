//! The workspace file: JSON with a schema version. Members carry their
//! levels sparsely, by skill id, so the file stays readable and diffable.

use crate::io::diag::{Diagnostic, ImportFailure, Imported, Report};
use crate::model::{
    Assessment, Cell, Date, History, Level, LevelMatrix, Member, MemberHistory, Note, Plan,
    Project, Rater, Role, SCHEMA_VERSION, Settings, Skill, Workspace,
};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

const FORMAT: &str = "skillgrid-workspace";
/// People wanted per skill: beyond this a setting is a typo, and planning
/// hires against it would run for ever.
const MAX_BENCH_DEPTH: u32 = 100;

/// The file as written: borrows the workspace rather than copying it.
#[derive(Serialize)]
struct WorkspaceOut<'w> {
    format: &'static str,
    schema_version: u32,
    settings: &'w Settings,
    skills: &'w [Skill],
    roles: &'w [Role],
    members: Vec<MemberOut<'w>>,
    projects: &'w [Project],
    #[serde(skip_serializing_if = "Plan::is_empty")]
    plan: &'w Plan,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    holidays: &'w [crate::model::Holiday],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    scenarios: &'w [crate::model::Scenario],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    evidence_sources: &'w [crate::model::EvidenceSource],
}

#[derive(Serialize)]
struct MemberOut<'w> {
    #[serde(flatten)]
    member: &'w Member,
    /// Skill id -> cell as a spreadsheet writes it (`3`, `2+`, `+`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    levels: BTreeMap<&'w str, &'static str>,
    /// Dated assessments, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    history: Vec<AssessmentRecord>,
}

/// One assessment as the file spells it.
#[derive(Serialize, Deserialize)]
struct AssessmentRecord {
    skill: String,
    /// 0-4, or null for "not assessed".
    level: Option<u8>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    interest: bool,
    rater: String,
    /// `YYYY-MM-DD`; absent for a level given without a date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    as_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

/// The file as read. Member fields are spelled out (no `flatten`, which
/// buffers every value) and level text is borrowed from the bytes where it
/// can be, so a 10,000 x 300 workspace loads without millions of copies.
#[derive(Deserialize)]
struct WorkspaceIn<'b> {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    schema_version: Option<u32>,
    #[serde(default)]
    settings: Settings,
    skills: Vec<Skill>,
    roles: Vec<Role>,
    #[serde(borrow)]
    members: Vec<MemberIn<'b>>,
    #[serde(default)]
    projects: Vec<Project>,
    #[serde(default)]
    plan: Plan,
    #[serde(default)]
    holidays: Vec<crate::model::Holiday>,
    #[serde(default)]
    scenarios: Vec<crate::model::Scenario>,
    #[serde(default)]
    evidence_sources: Vec<crate::model::EvidenceSource>,
}

#[derive(Deserialize)]
struct MemberIn<'b> {
    name: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    emails: Vec<String>,
    #[serde(default)]
    role: Option<crate::model::RoleId>,
    #[serde(default)]
    team: Option<String>,
    #[serde(default)]
    manager: Option<String>,
    #[serde(default = "full_time")]
    fte: f64,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    years: Option<f64>,
    #[serde(default)]
    planned: bool,
    #[serde(default)]
    development: crate::model::Development,
    #[serde(default)]
    time_off: Vec<crate::model::TimeOff>,
    #[serde(default)]
    joined: Option<crate::model::Date>,
    #[serde(default)]
    left: Option<crate::model::Date>,
    #[serde(default)]
    changes: Vec<crate::model::DetailChange>,
    #[serde(default)]
    work: crate::model::WorkEvidence,
    #[serde(borrow, default)]
    levels: Levels<'b>,
    #[serde(default)]
    history: Vec<AssessmentRecord>,
}

/// A member's levels in file order, without building a map per member.
#[derive(Default)]
struct Levels<'b>(Vec<(Cow<'b, str>, Cow<'b, str>)>);

impl<'de: 'b, 'b> Deserialize<'de> for Levels<'b> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs<'b>(std::marker::PhantomData<&'b ()>);
        impl<'de: 'b, 'b> serde::de::Visitor<'de> for Pairs<'b> {
            type Value = Levels<'b>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of skill id to level")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Levels<'b>, A::Error> {
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some((skill, level)) = map.next_entry::<Borrowed<'b>, Borrowed<'b>>()? {
                    pairs.push((skill.0, level.0));
                }
                Ok(Levels(pairs))
            }
        }
        deserializer.deserialize_map(Pairs(std::marker::PhantomData))
    }
}

/// A string borrowed from the file when it has no escapes.
struct Borrowed<'b>(Cow<'b, str>);

impl<'de: 'b, 'b> Deserialize<'de> for Borrowed<'b> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wrapper<'a>(#[serde(borrow)] Cow<'a, str>);
        Wrapper::deserialize(deserializer).map(|wrapper| Borrowed(wrapper.0))
    }
}

fn full_time() -> f64 {
    1.0
}

/// Only the fields that say whether this build can read the rest.
#[derive(Deserialize)]
struct FileHeader {
    format: Option<String>,
    schema_version: Option<u32>,
}

pub fn workspace_to_json(workspace: &Workspace) -> Vec<u8> {
    workspace_json(workspace, true)
}

/// Everything but the level matrix, on one line: the compact recovery
/// copy keeps the matrix apart, a byte a cell.
pub(crate) fn workspace_to_json_without_levels(workspace: &Workspace) -> Vec<u8> {
    workspace_json(workspace, false)
}

fn workspace_json(workspace: &Workspace, with_levels: bool) -> Vec<u8> {
    let members = workspace
        .members
        .iter()
        .enumerate()
        .map(|(index, member)| MemberOut {
            member,
            levels: if with_levels {
                workspace
                    .levels
                    .row(index)
                    .iter()
                    .enumerate()
                    .filter(|(_, cell)| !cell.is_blank())
                    .map(|(skill, cell)| {
                        (workspace.skills[skill].id.as_str(), cell.spreadsheet_text())
                    })
                    .collect()
            } else {
                BTreeMap::new()
            },
            history: history_records(workspace, index),
        })
        .collect();
    let file = WorkspaceOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        settings: &workspace.settings,
        skills: &workspace.skills,
        roles: &workspace.roles,
        members,
        projects: &workspace.projects,
        plan: &workspace.plan,
        holidays: &workspace.holidays,
        scenarios: &workspace.scenarios,
        evidence_sources: &workspace.evidence_sources,
    };
    let mut bytes = if with_levels {
        serde_json::to_vec_pretty(&file)
    } else {
        serde_json::to_vec(&file)
    }
    .expect("a workspace always serialises");
    bytes.push(b'\n');
    bytes
}

fn history_records(workspace: &Workspace, member: usize) -> Vec<AssessmentRecord> {
    let row = workspace.history.row(member);
    row.entries()
        .iter()
        .map(|entry| AssessmentRecord {
            skill: workspace.skills[entry.skill as usize].id.0.clone(),
            level: entry.cell.level().map(|level| level.get()),
            interest: entry.cell.interest(),
            rater: entry.rater.as_str().to_string(),
            as_of: entry.as_of.map(|date| date.to_string()),
            note: row.note_for(entry).map(str::to_string),
        })
        .collect()
}

/// A member's history from the file, each bad record said and left out.
fn history_from_records(
    records: Vec<AssessmentRecord>,
    columns: &HashMap<String, usize>,
    who: &dyn Fn() -> String,
    report: &mut Report,
) -> MemberHistory {
    let mut entries = Vec::with_capacity(records.len());
    let mut notes = Vec::new();
    for (index, record) in records.into_iter().enumerate() {
        let place = || format!("{}, history[{index}]", who());
        let Some(&skill) = columns.get(&record.skill) else {
            report.error_without_place(format!(
                "{}: skill \"{}\" is not defined",
                place(),
                record.skill
            ));
            continue;
        };
        let level = match record.level.map(Level::new) {
            Some(None) => {
                report.error_without_place(format!(
                    "{}: level {} is outside 0-4",
                    place(),
                    record.level.unwrap_or_default()
                ));
                continue;
            }
            Some(level) => level,
            None => None,
        };
        let Some(rater) = Rater::parse(&record.rater) else {
            report.error_without_place(format!(
                "{}: rater \"{}\" is not one of manager, self, peer, import",
                place(),
                record.rater
            ));
            continue;
        };
        let as_of = match record.as_of.as_deref().map(str::parse::<Date>) {
            Some(Err(_)) => {
                report.error_without_place(format!(
                    "{}: as_of \"{}\" is not a date: expected YYYY-MM-DD",
                    place(),
                    record.as_of.unwrap_or_default()
                ));
                continue;
            }
            Some(Ok(date)) => Some(date),
            None => None,
        };
        let skill = skill as u32;
        if let Some(text) = record.note {
            notes.push(Note {
                skill,
                as_of,
                rater,
                text,
            });
        }
        entries.push(Assessment {
            skill,
            as_of,
            cell: Cell::new(level, record.interest),
            rater,
        });
    }
    MemberHistory::from_parts(entries, notes)
}

pub fn workspace_from_json(bytes: &[u8], file: &str) -> Result<Imported<Workspace>, ImportFailure> {
    let syntax = |error: serde_json::Error| {
        ImportFailure::single(Diagnostic::error(
            file,
            Some(error.line() as u64),
            Some(error.column() as u64),
            format!("not a valid workspace file: {}", strip_position(&error)),
        ))
    };
    let whole =
        |message: String| ImportFailure::single(Diagnostic::error(file, None, None, message));
    let check = |header: &FileHeader| {
        if header.format.as_deref() != Some(FORMAT) {
            return Err(whole(format!(
                "not a Skillgrid workspace: expected \"format\": \"{FORMAT}\" at the top of the file"
            )));
        }
        match header.schema_version {
            None => Err(whole("the workspace has no schema_version".to_string())),
            Some(version) if version > SCHEMA_VERSION => Err(whole(format!(
                "written by a newer Skillgrid (schema version {version}; this build reads up to \
                 {SCHEMA_VERSION}): update Skillgrid to open it"
            ))),
            Some(_) => Ok(()),
        }
    };
    // One pass in the usual case; when the whole does not parse, the header
    // alone says whether it is another format or a newer version.
    let parsed: WorkspaceIn = match serde_json::from_slice(bytes) {
        Ok(parsed) => parsed,
        Err(error) => {
            let header: FileHeader = serde_json::from_slice(bytes).map_err(syntax)?;
            check(&header)?;
            return Err(syntax(error));
        }
    };
    check(&FileHeader {
        format: parsed.format.clone(),
        schema_version: parsed.schema_version,
    })?;
    let mut report = Report::new(file);
    let workspace = assemble(parsed, &mut report);
    report.finish(workspace)
}

/// serde_json appends " at line L column C"; we print the place up front.
fn strip_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

fn assemble(parsed: WorkspaceIn, report: &mut Report) -> Workspace {
    let mut columns = HashMap::new();
    for (index, skill) in parsed.skills.iter().enumerate() {
        columns.entry(skill.id.0.clone()).or_insert(index);
    }
    let mut levels = LevelMatrix::new(parsed.members.len(), parsed.skills.len());
    let mut members = Vec::with_capacity(parsed.members.len());
    let mut history = Vec::with_capacity(parsed.members.len());
    for (index, record) in parsed.members.into_iter().enumerate() {
        let member = Member {
            name: record.name,
            email: record.email,
            emails: record.emails,
            role: record.role,
            team: record.team,
            manager: record.manager,
            fte: record.fte,
            location: record.location,
            years: record.years,
            planned: record.planned,
            development: record.development,
            time_off: record.time_off,
            joined: record.joined,
            left: record.left,
            changes: record.changes,
            work: record.work,
            fte_stated: true,
        };
        let who = || format!("member {} (\"{}\")", index + 1, member.name);
        for (skill, text) in &record.levels.0 {
            let Some(&column) = columns.get(skill.as_ref()) else {
                report.error_without_place(format!("{}: skill \"{skill}\" is not defined", who()));
                continue;
            };
            match parsed.settings.scale.parse_cell(text) {
                Ok(cell) => levels.set(index, column, cell),
                Err(error) => report.error_without_place(format!(
                    "{}: {}",
                    who(),
                    crate::io::text::cell_error_message(&error, &parsed.skills[column].name)
                )),
            }
        }
        let row = history_from_records(record.history, &columns, &who, report);
        history.push(std::sync::Arc::new(row));
        members.push(member);
    }
    let mut workspace = Workspace {
        settings: parsed.settings,
        skills: parsed.skills,
        roles: parsed.roles,
        members,
        levels,
        projects: parsed.projects,
        plan: parsed.plan,
        history: History::from_rows(history),
        holidays: parsed.holidays,
        scenarios: parsed.scenarios,
        evidence_sources: parsed.evidence_sources,
    };
    settle_levels(&mut workspace, report);
    check_workspace(&workspace, report);
    workspace
}

/// Sets each recorded cell to its rating of record, and says so when a
/// file from an older build held a self rating as a level.
pub(crate) fn settle_levels(workspace: &mut Workspace, report: &mut Report) {
    workspace.infer_joining();
    let moved = workspace.settle_levels();
    if moved > 0 {
        report.warning(
            None,
            None,
            format!(
                "{} held a self or peer rating as the level of record: {} now wait for review \
                 and count nowhere until a manager accepts them",
                crate::words::count_of(moved, "cell", "cells"),
                if moved == 1 { "it" } else { "they" }
            ),
        );
    }
}

/// What any workspace file must hold true, whatever its format: ids
/// unique, roles defined, shares within a position, projects sound.
pub(crate) fn check_workspace(workspace: &Workspace, report: &mut Report) {
    let mut columns = HashMap::new();
    for (index, skill) in workspace.skills.iter().enumerate() {
        if columns.insert(skill.id.0.clone(), index).is_some() {
            report.error_without_place(format!("skill id \"{}\" appears twice", skill.id));
        }
    }
    let mut role_ids = HashSet::new();
    for role in &workspace.roles {
        if !role_ids.insert(role.id.clone()) {
            report.error_without_place(format!("role id \"{}\" appears twice", role.id));
        }
    }
    for (index, member) in workspace.members.iter().enumerate() {
        let who = || format!("member {} (\"{}\")", index + 1, member.name);
        if !(0.0..=1.0).contains(&member.fte) {
            report.error_without_place(format!("{}: FTE {} is outside 0-1", who(), member.fte));
        }
        if let Some(role) = &member.role
            && !role_ids.contains(role)
        {
            report.error_without_place(format!("{}: role \"{role}\" is not defined", who()));
        }
    }
    if workspace.settings.bench_depth > MAX_BENCH_DEPTH {
        report.error_without_place(format!(
            "settings: bench depth {} is more than {MAX_BENCH_DEPTH} people",
            workspace.settings.bench_depth
        ));
    }
    check_projects(
        &workspace.projects,
        &columns,
        &role_ids,
        workspace.members.len(),
        report,
    );
    for hire in &workspace.plan.hires {
        if !role_ids.contains(&hire.role) {
            report.error_without_place(format!(
                "plan: planned hire's role \"{}\" is not defined",
                hire.role
            ));
        }
    }
}

/// What a projects CSV import refuses, refused in a workspace too, each
/// naming the project and line (`projects[1] "Payments", line 2`).
fn check_projects(
    projects: &[Project],
    columns: &HashMap<String, usize>,
    role_ids: &HashSet<crate::model::RoleId>,
    members: usize,
    report: &mut Report,
) {
    for (index, project) in projects.iter().enumerate() {
        let place = format!("projects[{index}] \"{}\"", project.name);
        for (what, date) in [("start", &project.start), ("end", &project.end)] {
            if crate::model::quarter_of(date).is_none() {
                report.error_without_place(format!(
                    "{place}: {what} \"{date}\" is not a date: expected YYYY-MM-DD"
                ));
            }
        }
        if project.end < project.start {
            report.error_without_place(format!(
                "{place}: it ends ({}) before it starts ({})",
                project.end, project.start
            ));
        }
        let share = |fte: f64| fte.is_finite() && fte > 0.0 && fte <= 1.0;
        for (line, demand) in project.demand.iter().enumerate() {
            let at = format!("{place}, line {}", line + 1);
            if !columns.contains_key(demand.skill.as_str()) {
                report.error_without_place(format!(
                    "{at}: skill \"{}\" is not defined",
                    demand.skill
                ));
            }
            if !share(demand.fte_each) {
                report.error_without_place(format!(
                    "{at}: FTE {} is not a share of a position: expected more than 0, up to 1",
                    demand.fte_each
                ));
            }
            if demand.people == 0 {
                report.error_without_place(format!("{at}: 0 people: expected 1 or more"));
            }
        }
        for (slot, role) in project.role_slots.iter().enumerate() {
            let at = format!("{place}, line {}", project.demand.len() + slot + 1);
            if !role_ids.contains(&role.role) {
                report.error_without_place(format!("{at}: role \"{}\" is not defined", role.role));
            }
            if !share(role.fte) {
                report.error_without_place(format!(
                    "{at}: FTE {} is not a share of a position: expected more than 0, up to 1",
                    role.fte
                ));
            }
        }
        let lines = project.demand.len() + project.role_slots.len();
        for assignment in &project.assignments {
            if assignment.member >= members || assignment.demand >= lines {
                report.error_without_place(format!(
                    "{place}: an assignment names member {} on line {}, which are not there",
                    assignment.member + 1,
                    assignment.demand + 1
                ));
            }
        }
    }
}
