//! The wide layout: one row a member, known columns, then one column a skill.

use super::builder::{Added, RosterBuilder, SkillRef};
use super::columns::Field;
use super::plan::{PlannedColumn, plan_columns, set_aside_warning};
use crate::io::diag::Report;
use crate::io::text::{Table, line_of};
use crate::io::text::{parse_fte, parse_years, text_cell};
use crate::model::{ColumnMap, ColumnUse};

/// Up to this many columns not in the catalog are warned of one by one;
/// more make one warning that lists them.
const GROUP_UNKNOWN_AFTER: usize = 5;

/// Warns of the header's columns that are not in the catalog: each alone,
/// or, when there are many, in one warning with a line per column.
fn warn_unknown_columns(
    report: &mut crate::io::diag::Report,
    line: u64,
    unknown: Vec<(usize, String, crate::model::SkillId)>,
) {
    if unknown.len() <= GROUP_UNKNOWN_AFTER {
        for (index, header, skill) in unknown {
            report
                .warning(
                    Some(line),
                    Some(index as u64 + 1),
                    format!(
                        "column \"{header}\" is not in the skill catalog: added as a custom \
                         skill (use a catalog name or alias to match one)"
                    ),
                )
                .skill = Some(skill);
        }
        return;
    }
    let shown: Vec<&str> = unknown
        .iter()
        .take(3)
        .map(|(_, header, _)| header.as_str())
        .collect();
    let message = format!(
        "{} columns are not in the skill catalog: added as custom skills: {}, ... (see \
         --verbose)",
        unknown.len(),
        shown.join(", ")
    );
    let details = unknown
        .iter()
        .map(|(index, header, _)| format!("column {}: \"{header}\"", index + 1))
        .collect();
    let first = unknown[0].0 as u64 + 1;
    let warning = report.warning(Some(line), Some(first), message);
    warning.details = details;
    warning.skill = Some(unknown[0].2.clone());
}
use crate::model::{Cell, Level, Member};
use std::collections::HashMap;

/// The columns of a wide header: known fields, and the skill of every other
/// named column.
struct WideColumns {
    known: HashMap<Field, usize>,
    /// (column, skill ordinal) of every skill column.
    skills: Vec<(usize, usize)>,
}

/// Reads the rows; gives back how each column was read.
pub(crate) fn read(
    table: &mut Table,
    map: &ColumnMap,
    builder: &mut RosterBuilder,
    report: &mut Report,
) -> Vec<PlannedColumn> {
    let planned = plan_columns(table, map, &builder.settings().scale);
    let mut planned = planned;
    let Some(columns) = read_header(table, &mut planned, builder, report) else {
        return planned;
    };
    builder.manager_column = columns.known.get(&Field::Manager).map(|&c| c as u64 + 1);
    let rows = table.for_each_row(report, |record, report| {
        read_row(table, &columns, record, builder, report);
    });
    if rows == 0 {
        report.warning(
            Some(table.header_line),
            None,
            "the file has a header but no member rows".to_string(),
        );
    }
    planned
}

fn read_header(
    table: &mut Table,
    planned: &mut [PlannedColumn],
    builder: &mut RosterBuilder,
    report: &mut Report,
) -> Option<WideColumns> {
    let mut known: HashMap<Field, usize> = HashMap::new();
    for column in planned.iter() {
        if let Some(field) = column.field() {
            known.entry(field).or_insert(column.index);
        }
    }
    let line = table.header_line;
    if !known.contains_key(&Field::Name) {
        let found = table
            .header
            .iter()
            .take(6)
            .map(|header| format!("\"{header}\""))
            .collect::<Vec<_>>()
            .join(", ");
        report.error(
            line,
            Some(1),
            format!(
                "no name column: expected a column headed Name (or Full name, Member, Employee); \
                 found {found}"
            ),
        );
        return None;
    }
    table.set_aside = planned
        .iter()
        .filter(|column| column.choice == ColumnUse::SetAside)
        .map(|column| column.index)
        .collect();
    if let Some((index, message, details)) = set_aside_warning(planned) {
        report
            .warning(Some(line), Some(index as u64 + 1), message)
            .details = details;
    }
    let mut skills = Vec::new();
    let mut seen: HashMap<SkillRef, usize> = HashMap::new();
    let mut unknown = Vec::new();
    for column in planned.iter_mut() {
        let (index, header) = (column.index, &column.header);
        let name = match &column.choice {
            ColumnUse::SetAside => continue,
            ColumnUse::Field(_) => {
                let Some(field) = column.field() else {
                    continue;
                };
                if known.get(&field) != Some(&index) {
                    report.error(
                        line,
                        Some(index as u64 + 1),
                        format!(
                            "column \"{header}\" repeats the {} column (column {}): expected each \
                             field once",
                            field.header(),
                            known[&field] + 1
                        ),
                    );
                }
                continue;
            }
            ColumnUse::Skill(name) => name,
        };
        let resolved = builder.resolve_skill(name);
        let skill = resolved.skill;
        let why = if resolved.is_new {
            // Short names are a letter from too much ("Rust", "REST").
            let long_enough = name.chars().filter(|ch| ch.is_alphanumeric()).count() >= 6;
            column.suggestion = long_enough
                .then(|| {
                    crate::io::framework::suggest(
                        name,
                        &crate::model::Workspace::default(),
                        builder.catalog(),
                    )
                })
                .flatten()
                .map(|suggestion| suggestion.name);
            match &column.suggestion {
                Some(near) => format!("a custom skill: not in the catalog (near {near})"),
                None => "a custom skill: not in the catalog".to_string(),
            }
        } else if crate::model::normalize_label(builder.skill_name(skill))
            == crate::model::normalize_label(name)
        {
            "the catalog's skill".to_string()
        } else {
            format!("the catalog's {}", builder.skill_name(skill))
        };
        if let Some(&first) = seen.get(&skill) {
            report.error(
                line,
                Some(index as u64 + 1),
                format!(
                    "column \"{header}\" repeats column {} (\"{}\"): expected each skill once",
                    first + 1,
                    table.header[first],
                ),
            );
            continue;
        }
        seen.insert(skill, index);
        if resolved.is_new {
            if resolved.shadowed_by.is_none() {
                unknown.push((index, name.clone(), builder.skill_id(resolved.skill)));
            } else {
                let message = builder.new_skill_warning("column", name, &resolved);
                report
                    .warning(Some(line), Some(index as u64 + 1), message)
                    .skill = Some(builder.skill_id(resolved.skill));
            }
        }
        skills.push((index, resolved.ordinal));
        if !column.chosen {
            column.why = why;
        }
    }
    warn_unknown_columns(report, line, unknown);
    Some(WideColumns { known, skills })
}

fn read_row(
    table: &Table,
    columns: &WideColumns,
    record: &csv::StringRecord,
    builder: &mut RosterBuilder,
    report: &mut Report,
) {
    let line = line_of(record);
    let field = |field: Field| {
        columns
            .known
            .get(&field)
            .map(|&index| (index, &record[index]))
    };
    let Some(member) = read_member(line, &field, builder, report) else {
        return;
    };
    let name = member.name.clone();
    let index = match builder.add_member(member, line) {
        Added::New(index) => index,
        Added::Duplicate { line: first } => {
            let name_column = columns.known[&Field::Name] as u64 + 1;
            let hint = if columns.known.contains_key(&Field::Email) {
                "two rows with the same email"
            } else {
                "add an Email column to tell people with the same name apart"
            };
            report.error(
                line,
                Some(name_column),
                format!("duplicate member \"{name}\", first on line {first} ({hint})"),
            );
            return;
        }
    };
    for &(column, ordinal) in &columns.skills {
        let text = &record[column];
        // Most cells are one digit or empty: skip the general parser for them.
        let parsed = match text.as_bytes() {
            [] => continue,
            [digit @ b'0'..=b'4'] => Ok(Cell::assessed(
                Level::new(digit - b'0').unwrap_or(Level::NONE),
            )),
            _ if text.trim().is_empty() => continue,
            _ => builder.settings().scale.parse_cell(text),
        };
        match parsed {
            Ok(cell) if cell.is_blank() => {}
            Ok(cell) => builder.set_cell(index, ordinal, cell),
            Err(error) => report.error(
                line,
                Some(column as u64 + 1),
                crate::io::text::cell_error_message(&error, &table.header[column]),
            ),
        }
    }
}

/// The known fields of one row, shared by both layouts.
pub(crate) fn read_member<'r>(
    line: u64,
    field: &dyn Fn(Field) -> Option<(usize, &'r str)>,
    builder: &mut RosterBuilder,
    report: &mut Report,
) -> Option<Member> {
    let (name_column, name) = field(Field::Name)?;
    let Some(name) = text_cell(name) else {
        report.error(
            line,
            Some(name_column as u64 + 1),
            "the name is blank: expected the member's name".to_string(),
        );
        return None;
    };
    if super::plan::is_excel_error(&name) {
        report.error(
            line,
            Some(name_column as u64 + 1),
            format!(
                "the name cell holds the error {name}: expected the member's name (fix the \
                 formula, or paste values)"
            ),
        );
        return None;
    }
    let mut member = Member::new(&name);
    member.fte_stated = false;
    let text = |wanted: Field| field(wanted).and_then(|(_, value)| text_cell(value));
    member.email = text(Field::Email);
    member.team = text(Field::Team);
    member.manager = text(Field::Manager);
    member.location = text(Field::Location);
    if let Some(email) = &member.email
        && !email.contains('@')
    {
        let column = field(Field::Email).map(|(index, _)| index as u64 + 1);
        report.warning(Some(line), column, format!("email \"{email}\" has no @"));
    }
    if let Some(title) = text(Field::Role) {
        let (role, is_new) = builder.resolve_role(&title);
        if is_new {
            let column = field(Field::Role).map(|(index, _)| index as u64 + 1);
            report.warning(
                Some(line),
                column,
                format!(
                    "role \"{title}\" is not in the role library: added as a custom role with no \
                     requirements (import a role requirements CSV to define it)"
                ),
            );
        }
        member.role = Some(role);
    }
    if let Some((column, value)) = field(Field::Fte).filter(|(_, value)| !value.trim().is_empty()) {
        match parse_fte(value) {
            Ok(fte) => {
                member.fte = fte;
                member.fte_stated = true;
            }
            Err(error) => report.error(line, Some(column as u64 + 1), error.to_string()),
        }
    }
    if let Some((column, value)) = field(Field::Years).filter(|(_, value)| !value.trim().is_empty())
    {
        match parse_years(value) {
            Ok(years) => member.years = Some(years),
            Err(error) => report.error(line, Some(column as u64 + 1), error.to_string()),
        }
    }
    Some(member)
}
