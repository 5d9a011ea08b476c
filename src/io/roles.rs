//! Role requirements import: a CSV of (role, skill, minimum level,
//! importance) that adds or redefines a workspace's roles, so a team can
//! bring its own career framework.

use crate::catalog::{Catalog, LabelIndex};
use crate::io::diag::{ImportFailure, Imported, Report};
use crate::io::text;
use crate::io::text::{Table, line_of};
use crate::io::text::{text_cell, unique_id};
use crate::io::workbook::{SheetFormat, read_sheet_with, read_table_file, untitled};
use crate::model::{
    Importance, Level, Requirement, Role, RoleId, Skill, SkillId, SkillKind, Workspace, slugify,
};
use std::collections::HashMap;
use std::path::Path;

/// What a role requirements file says, ready to apply.
#[derive(Clone, Debug, PartialEq)]
pub struct RolesImport {
    /// In file order.
    pub roles: Vec<RoleRequirements>,
}

/// One role's complete requirement list, as the file names things.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleRequirements {
    pub title: String,
    pub requirements: Vec<(String, Level, Importance)>,
}

const ROLE: &[&str] = &["role", "title", "role title", "job title"];
const SKILL: &[&str] = &["skill", "competency", "skill name"];
const LEVEL: &[&str] = &[
    "min level",
    "minimum level",
    "level",
    "min",
    "required level",
];
const IMPORTANCE: &[&str] = &["importance", "priority", "required", "type"];

/// True when a CSV header looks like a role requirements file.
pub fn looks_like_roles_csv(bytes: &[u8]) -> bool {
    let Ok(text) = text::decode(bytes, "") else {
        return false;
    };
    let mut report = Report::new("");
    let Some(table) = Table::read_finding(&text, &mut report, is_roles_header) else {
        return false;
    };
    is_roles_header(&table.header)
}

/// Whether a header row names a role requirements file's columns.
pub(crate) fn is_roles_header(header: &[String]) -> bool {
    [ROLE, SKILL, LEVEL, IMPORTANCE].iter().all(|names| {
        header
            .iter()
            .any(|cell| names.contains(&crate::model::normalize_label(cell).as_str()))
    })
}

fn column(table: &Table, names: &[&str]) -> Option<usize> {
    table
        .header
        .iter()
        .position(|header| names.contains(&crate::model::normalize_label(header).as_str()))
}

pub fn import_roles_csv(bytes: &[u8], file: &str) -> Result<Imported<RolesImport>, ImportFailure> {
    let mut report = Report::new(file);
    let text = text::decode(bytes, file).map_err(ImportFailure::single)?;
    let Some(table) = Table::read_finding(&text, &mut report, is_roles_header) else {
        return Err(report.fail());
    };
    let role_column = column(&table, ROLE);
    let skill_column = column(&table, SKILL);
    let level_column = column(&table, LEVEL);
    let importance_column = column(&table, IMPORTANCE);
    let (Some(role_column), Some(skill_column), Some(level_column)) =
        (role_column, skill_column, level_column)
    else {
        report.error(
            table.header_line,
            Some(1),
            format!(
                "expected columns Role, Skill, Min level and Importance; found {}",
                table.header.join(", ")
            ),
        );
        return Err(report.fail());
    };
    let mut roles: Vec<RoleRequirements> = Vec::new();
    let mut role_positions: HashMap<String, usize> = HashMap::new();
    let mut seen: HashMap<(usize, String), u64> = HashMap::new();
    table.for_each_row(&mut report, |record, report| {
        let line = line_of(record);
        let place = |column: usize| Some(column as u64 + 1);
        let Some(role) = text_cell(&record[role_column]) else {
            report.error(line, place(role_column), "the role is blank".to_string());
            return;
        };
        let Some(skill) = text_cell(&record[skill_column]) else {
            report.error(
                line,
                place(skill_column),
                format!("the skill for \"{role}\" is blank"),
            );
            return;
        };
        let level_text = record[level_column].trim();
        // Digits or the scale's words, as a roster's cells are read.
        let parsed = crate::model::ScaleWords::default().parse_cell(level_text);
        let level = match parsed
            .ok()
            .filter(|cell| !cell.interest())
            .and_then(|cell| cell.level())
        {
            Some(level) => level,
            None => {
                report.error(
                    line,
                    place(level_column),
                    format!(
                        "minimum level \"{level_text}\" for \"{role}\" / \"{skill}\" is not a \
                         level: expected 0-4 or a word of the scale (none, awareness, working, \
                         proficient, expert)"
                    ),
                );
                return;
            }
        };
        let importance = match importance_column.map(|column| record[column].trim()) {
            None => Importance::Required,
            Some(value) => match parse_importance(value) {
                Some(importance) => importance,
                None => {
                    report.error(
                        line,
                        importance_column.and_then(place),
                        format!("importance \"{value}\" is not required or preferred"),
                    );
                    return;
                }
            },
        };
        let role_key = crate::model::normalize_label(&role);
        let position = *role_positions.entry(role_key).or_insert_with(|| {
            roles.push(RoleRequirements {
                title: role.clone(),
                requirements: Vec::new(),
            });
            roles.len() - 1
        });
        let skill_key = crate::model::normalize_label(&skill);
        if let Some(first) = seen.insert((position, skill_key), line) {
            report.error(
                line,
                place(skill_column),
                format!("\"{role}\" lists \"{skill}\" twice: the first is on line {first}"),
            );
            return;
        }
        roles[position]
            .requirements
            .push((skill, level, importance));
    });
    if roles.is_empty() && !report.has_errors() {
        report.error(
            table.header_line,
            None,
            "the file lists no requirements: expected one row per role and skill".to_string(),
        );
    }
    report.finish(RolesImport { roles })
}

fn parse_importance(value: &str) -> Option<Importance> {
    match value.to_lowercase().as_str() {
        "" | "required" | "must" | "must have" | "yes" | "y" | "core" | "essential" => {
            Some(Importance::Required)
        }
        "preferred" | "nice to have" | "nice-to-have" | "optional" | "should" | "no" | "n"
        | "desirable" => Some(Importance::Preferred),
        _ => None,
    }
}

/// Applies the import: a role the workspace has (by title or alias) gets
/// the file's requirements; others are added. Skills the workspace lacks are
/// taken from the library, or added as custom skills. Returns what changed,
/// one line each.
pub fn apply_roles(
    workspace: &mut Workspace,
    import: &RolesImport,
    catalog: &Catalog,
) -> Vec<String> {
    let mut changes = Vec::new();
    for RoleRequirements {
        title,
        requirements,
    } in &import.roles
    {
        let mut resolved = Vec::new();
        for (skill_label, level, importance) in requirements {
            let skill = ensure_skill(workspace, skill_label, catalog, &mut changes);
            resolved.push(Requirement {
                skill,
                min_level: *level,
                importance: *importance,
                basis: "imported role requirements".to_string(),
            });
        }
        let index = LabelIndex::build_lenient(workspace.roles.iter().map(Role::labels)).get(title);
        match index {
            Some(index) => {
                let role = &mut workspace.roles[index];
                role.requirements = resolved;
                role.builtin = false;
                changes.push(format!(
                    "updated role \"{}\": {} requirements",
                    role.title,
                    role.requirements.len()
                ));
            }
            None => {
                let id = unique_id(slugify(title, "role"), |candidate| {
                    workspace.roles.iter().any(|role| role.id.0 == candidate)
                });
                let mut role = Role::custom(RoleId(id), title);
                role.requirements = resolved;
                changes.push(format!(
                    "added role \"{title}\": {} requirements",
                    role.requirements.len()
                ));
                workspace.roles.push(role);
            }
        }
    }
    changes
}

fn ensure_skill(
    workspace: &mut Workspace,
    label: &str,
    catalog: &Catalog,
    changes: &mut Vec<String>,
) -> SkillId {
    let existing = LabelIndex::build_lenient(workspace.skills.iter().map(Skill::labels)).get(label);
    if let Some(index) = existing {
        return workspace.skills[index].id.clone();
    }
    let skill = match catalog.find_skill(label) {
        Some(skill) => skill.clone(),
        None => {
            let id = unique_id(slugify(label, "skill"), |candidate| {
                workspace.skills.iter().any(|skill| skill.id.0 == candidate)
                    || catalog.skill(&SkillId::new(candidate)).is_some()
            });
            changes.push(format!("added custom skill \"{label}\""));
            Skill::custom(SkillId(id), label, SkillKind::Hard)
        }
    };
    let id = skill.id.clone();
    workspace.push_skill(skill);
    id
}

/// A role requirements sheet, as the workbook reader looks for it.
pub const ROLES_SHEET: SheetFormat = SheetFormat {
    noun: "role requirements",
    expected: "a header row with Role, Skill, Min level and Importance",
    is_header: is_roles_header,
    titled: untitled,
    continues: crate::io::workbook::never_continues,
};

/// Role requirements from a CSV file or a workbook's sheet (the one named
/// `sheet`, or else the first that holds them).
pub fn read_roles(
    path: &Path,
    sheet: Option<&str>,
) -> Result<Imported<RolesImport>, ImportFailure> {
    read_table_file(path, &ROLES_SHEET, sheet, import_roles_csv)
}

/// Role requirements from a workbook's bytes, as from a CSV file.
pub fn import_roles_workbook(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
) -> Result<Imported<RolesImport>, ImportFailure> {
    read_sheet_with(bytes, file, &ROLES_SHEET, sheet, |csv| {
        import_roles_csv(csv, file)
    })
}
