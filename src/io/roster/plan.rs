//! What each column of a wide roster will be read as, decided before the
//! rows are: a field, a skill, or set aside. A person's choice (a mapping
//! file, the import preview) wins; otherwise a column that is plainly not
//! a skill (an ID, a date, notes, an index with no header, an error in the
//! header, or values that are mostly not levels) is set aside with a
//! warning, never refused.

use super::columns::Field;
use crate::io::text::Table;
pub use crate::io::text::is_excel_error;
use crate::model::{ColumnMap, ColumnUse, ScaleWords, normalize_label};

/// How many rows are looked at to judge what a column holds.
const SAMPLE_ROWS: usize = 200;

/// Headers that name something about a person that is not a skill.
const NOT_SKILLS: &[&str] = &[
    "id",
    "employee id",
    "employee number",
    "employee no",
    "staff id",
    "staff number",
    "person id",
    "personnel number",
    "badge",
    "start date",
    "hire date",
    "date hired",
    "joined",
    "date joined",
    "end date",
    "leaving date",
    "date",
    "active",
    "status",
    "notes",
    "note",
    "comments",
    "comment",
    "remarks",
    "phone",
    "mobile",
    "birthday",
    "date of birth",
    "salary",
    "grade",
    "cost centre",
    "cost center",
    "index",
    "unnamed 0",
    "row",
    "no",
    "#",
];

/// What a column is read as, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedColumn {
    /// From 0, in the file.
    pub index: usize,
    pub header: String,
    pub choice: ColumnUse,
    /// Why, for a person: `known field`, `values are dates`.
    pub why: String,
    /// Whether a person chose it (a mapping), not the reader.
    pub chosen: bool,
    /// For a column read as a custom skill: the catalog skill its header
    /// resembles, offered, never applied.
    pub suggestion: Option<String>,
}

impl PlannedColumn {
    pub fn field(&self) -> Option<Field> {
        match &self.choice {
            ColumnUse::Field(field) => Field::from_header(field),
            _ => None,
        }
    }
}

fn looks_like_date(text: &str) -> bool {
    let text = text.trim();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    digits >= 6
        && text.len() <= 24
        && text.contains(['-', '/', '.'])
        && text
            .chars()
            .all(|ch| ch.is_ascii_digit() || "-/. :T".contains(ch))
}

/// Why a column's values say it is not a skill, if they do: more than
/// half of at least three values are not levels.
fn values_not_levels(values: &[&str], scale: &ScaleWords) -> Option<String> {
    let filled: Vec<&str> = values
        .iter()
        .map(|value| value.trim())
        .filter(|value| !value.is_empty())
        .collect();
    if filled.len() < 3 {
        return None;
    }
    let bad: Vec<&str> = filled
        .iter()
        .copied()
        .filter(|value| scale.parse_cell(value).is_err())
        .collect();
    if bad.len() * 2 <= filled.len() {
        return None;
    }
    let why = if bad.iter().all(|value| looks_like_date(value)) {
        "its values are dates".to_string()
    } else if bad.iter().all(|value| value.parse::<f64>().is_ok()) {
        "its values are numbers, not levels 0-4 (an ID or a count?)".to_string()
    } else {
        format!(
            "most of its values are not levels (such as \"{}\")",
            bad[0].chars().take(30).collect::<String>()
        )
    };
    Some(why)
}

/// Each column's reading for a wide roster with `table`'s header.
pub(crate) fn plan_columns(
    table: &Table,
    map: &ColumnMap,
    scale: &ScaleWords,
) -> Vec<PlannedColumn> {
    let sample = table.first_rows(SAMPLE_ROWS);
    let mut fields_taken: Vec<Field> = Vec::new();
    let mut planned = Vec::with_capacity(table.header.len());
    for (index, header) in table.header.iter().enumerate() {
        let values: Vec<&str> = sample.iter().map(|row| &row[index]).collect();
        let column = |choice: ColumnUse, why: &str, chosen: bool| PlannedColumn {
            index,
            header: header.clone(),
            choice,
            why: why.to_string(),
            chosen,
            suggestion: None,
        };
        if let Some(choice) = map.use_of(header).filter(|_| !header.is_empty()) {
            if let ColumnUse::Field(field) = choice
                && let Some(field) = Field::from_header(field)
            {
                fields_taken.push(field);
            }
            planned.push(column(choice.clone(), "chosen", true));
            continue;
        }
        let field = Field::from_header(header).filter(|field| field.is_member_field());
        if let Some(field) = field {
            // A repeat stays the field, for the reader to refuse by name.
            fields_taken.push(field);
            planned.push(column(
                ColumnUse::Field(field.header().to_string()),
                "known field",
                false,
            ));
            continue;
        }
        let set_aside = |why: String| column(ColumnUse::SetAside, &why, false);
        let has_values = values.iter().any(|value| !value.trim().is_empty());
        if header.trim().is_empty() {
            if has_values {
                planned.push(set_aside(
                    "it has no header (an index column a pandas export adds?)".to_string(),
                ));
            } else {
                planned.push(set_aside("empty".to_string()));
            }
            continue;
        }
        if is_excel_error(header) {
            planned.push(set_aside(format!(
                "its header is the error {}: fix the formula in the header",
                header.trim()
            )));
            continue;
        }
        if NOT_SKILLS.contains(&normalize_label(header).as_str()) || header.trim() == "#" {
            planned.push(set_aside(
                "its header names a detail Skillgrid does not keep".to_string(),
            ));
            continue;
        }
        if let Some(why) = values_not_levels(&values, scale) {
            planned.push(set_aside(why));
            continue;
        }
        planned.push(column(ColumnUse::Skill(header.clone()), "skill", false));
    }
    planned
}

/// The warning for the columns the reader set aside on its own.
pub(crate) fn set_aside_warning(planned: &[PlannedColumn]) -> Option<(usize, String, Vec<String>)> {
    let aside: Vec<&PlannedColumn> = planned
        .iter()
        .filter(|column| column.choice == ColumnUse::SetAside && !column.chosen)
        .filter(|column| column.why != "empty")
        .collect();
    let first = aside.first()?;
    let named = |column: &PlannedColumn| {
        if column.header.trim().is_empty() {
            format!("column {}", column.index + 1)
        } else {
            format!("\"{}\"", column.header)
        }
    };
    let message = match aside.as_slice() {
        [one] => format!(
            "column {} was set aside, not read as a skill: {} (map it with --map, or in the \
             import preview)",
            named(one),
            one.why
        ),
        several => format!(
            "{} columns were set aside, not read as skills: {} (map them with --map, or in the \
             import preview)",
            several.len(),
            several
                .iter()
                .map(|column| format!("{} ({})", named(column), column.why))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    let details = aside
        .iter()
        .map(|column| format!("{}: {}", named(column), column.why))
        .collect();
    Some((first.index, message, details))
}
