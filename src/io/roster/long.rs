//! The long layout: one row per (member, skill, level). Member fields may
//! repeat on every row; they must agree.

use super::builder::{Added, RosterBuilder};
use super::columns::{Field, known_columns};
use super::wide::read_member;
use crate::io::diag::Report;
use crate::io::text::{Table, line_of};
use crate::model::{Cell, Member};
use std::collections::HashMap;

#[derive(Default)]
struct LongState {
    /// The previous row's member columns, and the member they named.
    last_member: Option<(Vec<String>, usize)>,
    /// Skill cell text -> skill ordinal, so each spelling is matched once.
    skills: HashMap<String, usize>,
    /// Per member and skill ordinal, the line that gave it (0: none yet).
    first_line: Vec<Vec<u32>>,
}

pub(crate) fn read(table: &Table, builder: &mut RosterBuilder, report: &mut Report) {
    let known = known_columns(table, |_| true);
    if !known.contains_key(&Field::Name) {
        report.error(
            table.header_line,
            Some(1),
            "no member column: a long roster needs Name (or Member), Skill and Level columns"
                .to_string(),
        );
        return;
    }
    builder.manager_column = known.get(&Field::Manager).map(|&c| c as u64 + 1);
    let member_columns: Vec<usize> = known
        .iter()
        .filter(|(field, _)| field.is_member_field())
        .map(|(_, &column)| column)
        .collect();
    let mut state = LongState::default();
    let rows = table.for_each_row(report, |record, report| {
        let line = line_of(record);
        let field = |wanted: Field| known.get(&wanted).map(|&index| (index, &record[index]));
        // Rows of one member usually follow each other: when the member
        // columns are exactly the previous row's, it is the same member.
        let same_as_last = state.last_member.as_ref().is_some_and(|(values, _)| {
            member_columns
                .iter()
                .zip(values)
                .all(|(&column, value)| &record[column] == value)
        });
        let member = if let (true, Some((_, member))) = (same_as_last, &state.last_member) {
            *member
        } else {
            let mut scratch = Report::new(report.file());
            let Some(row_member) = read_member(line, &field, builder, &mut scratch) else {
                report.absorb(scratch, false);
                return;
            };
            let identity = RosterBuilder::identity(&row_member.name, row_member.email.as_deref());
            let member = match builder.find(&identity) {
                Some(existing) => {
                    report.absorb(scratch, false);
                    merge_member(existing, row_member, line, &field, builder, report);
                    existing
                }
                None => {
                    report.absorb(scratch, true);
                    match builder.add_member(row_member, line) {
                        Added::New(index) => index,
                        Added::Duplicate { .. } => return,
                    }
                }
            };
            let values = member_columns
                .iter()
                .map(|&column| record[column].to_string())
                .collect();
            state.last_member = Some((values, member));
            member
        };
        read_assessment(member, line, &field, builder, report, &mut state);
    });
    if rows == 0 {
        report.warning(
            Some(table.header_line),
            None,
            "the file has a header but no rows".to_string(),
        );
    }
}

/// Fills in what earlier rows left blank; reports what contradicts them.
fn merge_member<'r>(
    existing: usize,
    row: Member,
    line: u64,
    field: &dyn Fn(Field) -> Option<(usize, &'r str)>,
    builder: &mut RosterBuilder,
    report: &mut Report,
) {
    let first_line = builder.member_lines[existing];
    let stored = &mut builder.members[existing];
    let mut conflict = |wanted: Field, found: String, before: String| {
        let column = field(wanted).map(|(index, _)| index as u64 + 1);
        report.error(
            line,
            column,
            format!(
                "{} \"{found}\" for \"{}\" differs from \"{before}\" on line {first_line}: \
                 expected the same value on every row of a member",
                wanted.header(),
                stored_name(&row)
            ),
        );
    };
    macro_rules! merge_optional {
        ($field:expr, $member_field:ident, $show:expr) => {
            match (&stored.$member_field, row.$member_field.clone()) {
                (_, None) => {}
                (None, Some(value)) => stored.$member_field = Some(value),
                (Some(before), Some(value)) if *before != value => {
                    conflict($field, $show(&value), $show(before))
                }
                _ => {}
            }
        };
    }
    merge_optional!(Field::Role, role, |id: &crate::model::RoleId| id
        .to_string());
    merge_optional!(Field::Team, team, |text: &String| text.clone());
    merge_optional!(Field::Manager, manager, |text: &String| text.clone());
    merge_optional!(Field::Location, location, |text: &String| text.clone());
    merge_optional!(Field::Years, years, |years: &f64| years.to_string());
    if row.fte_stated && !stored.fte_stated {
        stored.fte = row.fte;
        stored.fte_stated = true;
    } else if row.fte_stated && stored.fte != row.fte {
        conflict(Field::Fte, row.fte.to_string(), stored.fte.to_string());
    }
}

fn stored_name(member: &Member) -> &str {
    &member.name
}

fn read_assessment<'r>(
    member: usize,
    line: u64,
    field: &dyn Fn(Field) -> Option<(usize, &'r str)>,
    builder: &mut RosterBuilder,
    report: &mut Report,
    state: &mut LongState,
) {
    let Some((skill_column, skill_text)) = field(Field::Skill) else {
        return;
    };
    let Some((level_column, level_text)) = field(Field::Level) else {
        return;
    };
    let skill_text = skill_text.trim();
    if skill_text.is_empty() {
        if !level_text.trim().is_empty() {
            report.error(
                line,
                Some(skill_column as u64 + 1),
                format!(
                    "level \"{}\" has no skill: expected a skill name",
                    level_text.trim()
                ),
            );
        }
        return;
    }
    let skill_name = crate::io::text::restore_text(skill_text);
    let ordinal = match state.skills.get(skill_text) {
        Some(&ordinal) => ordinal,
        None => {
            let resolved = builder.resolve_skill(skill_name);
            if resolved.is_new {
                let message = builder.new_skill_warning("skill", skill_name, &resolved);
                report
                    .warning(Some(line), Some(skill_column as u64 + 1), message)
                    .skill = Some(builder.skill_id(resolved.skill));
            }
            state
                .skills
                .insert(skill_text.to_string(), resolved.ordinal);
            resolved.ordinal
        }
    };
    if state.first_line.len() <= member {
        state.first_line.resize_with(member + 1, Vec::new);
    }
    let lines = &mut state.first_line[member];
    if lines.len() <= ordinal {
        lines.resize(ordinal + 1, 0);
    }
    if lines[ordinal] != 0 {
        report.error(
            line,
            Some(skill_column as u64 + 1),
            format!(
                "a second level for \"{}\" in \"{skill_name}\": the first is on line {}",
                builder.members[member].name, lines[ordinal]
            ),
        );
        return;
    }
    lines[ordinal] = u32::try_from(line).unwrap_or(u32::MAX);
    let mut cell = match builder.settings().scale.parse_cell(level_text) {
        Ok(cell) => cell,
        Err(error) => {
            report.error(
                line,
                Some(level_column as u64 + 1),
                crate::io::text::cell_error_message(&error, skill_name),
            );
            return;
        }
    };
    if let Some((column, text)) = field(Field::Interest) {
        match parse_flag(text) {
            Some(flag) => cell = cell.with_interest(cell.interest() || flag),
            None => report.error(
                line,
                Some(column as u64 + 1),
                format!("interest \"{}\" is not yes or no", text.trim()),
            ),
        }
    }
    if cell != Cell::NOT_ASSESSED {
        builder.set_cell(member, ordinal, cell);
    }
}

fn parse_flag(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" | "-" => Some(false),
        "yes" | "y" | "true" | "1" | "x" | "+" | "✓" => Some(true),
        _ => None,
    }
}
