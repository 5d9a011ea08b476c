//! The workspace file: JSON with a schema version. Members carry their
//! levels sparsely, by skill id, so the file stays readable and diffable.

use super::diag::{Diagnostic, ImportFailure, Imported, Report};
use crate::model::{
    LevelMatrix, Member, Project, Role, SCHEMA_VERSION, Settings, Skill, Workspace,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

const FORMAT: &str = "skillgrid-workspace";

#[derive(Serialize, Deserialize)]
struct WorkspaceFile {
    format: String,
    schema_version: u32,
    #[serde(default)]
    settings: Settings,
    skills: Vec<Skill>,
    roles: Vec<Role>,
    members: Vec<MemberRecord>,
    #[serde(default)]
    projects: Vec<Project>,
}

#[derive(Serialize, Deserialize)]
struct MemberRecord {
    #[serde(flatten)]
    member: Member,
    /// Skill id -> cell as a spreadsheet writes it (`3`, `2+`, `+`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    levels: BTreeMap<String, String>,
}

/// Only the fields that say whether this build can read the rest.
#[derive(Deserialize)]
struct FileHeader {
    format: Option<String>,
    schema_version: Option<u32>,
}

pub fn workspace_to_json(workspace: &Workspace) -> Vec<u8> {
    let members = workspace
        .members
        .iter()
        .enumerate()
        .map(|(index, member)| MemberRecord {
            member: member.clone(),
            levels: workspace
                .levels
                .row(index)
                .iter()
                .enumerate()
                .filter(|(_, cell)| !cell.is_blank())
                .map(|(skill, cell)| (workspace.skills[skill].id.0.clone(), cell.to_string()))
                .collect(),
        })
        .collect();
    let file = WorkspaceFile {
        format: FORMAT.to_string(),
        schema_version: SCHEMA_VERSION,
        settings: workspace.settings.clone(),
        skills: workspace.skills.clone(),
        roles: workspace.roles.clone(),
        members,
        projects: workspace.projects.clone(),
    };
    let mut bytes = serde_json::to_vec_pretty(&file).expect("a workspace always serialises");
    bytes.push(b'\n');
    bytes
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
    let header: FileHeader = serde_json::from_slice(bytes).map_err(syntax)?;
    let whole =
        |message: String| ImportFailure::single(Diagnostic::error(file, None, None, message));
    if header.format.as_deref() != Some(FORMAT) {
        return Err(whole(format!(
            "not a Skillgrid workspace: expected \"format\": \"{FORMAT}\" at the top of the file"
        )));
    }
    match header.schema_version {
        None => return Err(whole("the workspace has no schema_version".to_string())),
        Some(version) if version > SCHEMA_VERSION => {
            return Err(whole(format!(
                "written by a newer Skillgrid (schema version {version}; this build reads up to \
                 {SCHEMA_VERSION}): update Skillgrid to open it"
            )));
        }
        Some(_) => {}
    }
    let parsed: WorkspaceFile = serde_json::from_slice(bytes).map_err(syntax)?;
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

fn assemble(parsed: WorkspaceFile, report: &mut Report) -> Workspace {
    let mut columns = HashMap::new();
    for (index, skill) in parsed.skills.iter().enumerate() {
        if columns.insert(skill.id.0.clone(), index).is_some() {
            report.error_without_place(format!("skill id \"{}\" appears twice", skill.id));
        }
    }
    let mut role_ids = HashSet::new();
    for role in &parsed.roles {
        if !role_ids.insert(role.id.clone()) {
            report.error_without_place(format!("role id \"{}\" appears twice", role.id));
        }
    }
    let mut levels = LevelMatrix::new(parsed.members.len(), parsed.skills.len());
    let mut members = Vec::with_capacity(parsed.members.len());
    for (index, record) in parsed.members.into_iter().enumerate() {
        let who = format!("member {} (\"{}\")", index + 1, record.member.name);
        if !(0.0..=1.0).contains(&record.member.fte) {
            report.error_without_place(format!("{who}: FTE {} is outside 0-1", record.member.fte));
        }
        if let Some(role) = &record.member.role
            && !role_ids.contains(role)
        {
            report.error_without_place(format!("{who}: role \"{role}\" is not defined"));
        }
        for (skill, text) in &record.levels {
            let Some(&column) = columns.get(skill) else {
                report.error_without_place(format!("{who}: skill \"{skill}\" is not defined"));
                continue;
            };
            match parsed.settings.scale.parse_cell(text) {
                Ok(cell) => levels.set(index, column, cell),
                Err(error) => report.error_without_place(format!(
                    "{who}: {}",
                    super::cell_error_message(&error, &parsed.skills[column].name)
                )),
            }
        }
        members.push(record.member);
    }
    Workspace {
        settings: parsed.settings,
        skills: parsed.skills,
        roles: parsed.roles,
        members,
        levels,
        projects: parsed.projects,
    }
}
