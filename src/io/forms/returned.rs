//! A filled self-assessment form read for what it says beyond its levels:
//! the date it was sent, the evidence written beside each level, and rows
//! whose guidance was edited (a level typed over "Current level", a skill
//! renamed), which are said and left out rather than guessed at.

use super::blank::is_form_header;
use crate::catalog::LabelIndex;
use crate::io::diag::{ImportFailure, Imported, Report};
use crate::io::roster::ROSTER_SHEET;
use crate::io::text;
use crate::io::text::text_cell;
use crate::io::text::{Table, line_of};
use crate::io::workbook::read_table_file;
use crate::model::{Cell, Date, Level, Workspace, matching_member, normalize_label};
use std::path::Path;

/// What a returned form adds to its levels, by the round's rows and skill
/// columns (the round being the form read as a roster).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormReturn {
    /// The "Form date" the form was sent with.
    pub date: Option<Date>,
    /// Evidence for a round member's skill.
    pub evidence: Vec<(usize, usize, String)>,
    /// Round cells not to import: their row's guidance was edited.
    pub skipped: Vec<(usize, usize)>,
}

/// Reads a form's extras against `round` (the same file read as a roster)
/// and `workspace` (what it goes into). `Ok(None)` for a file that is not
/// a form (a hand-made CSV of self ratings): nothing to add.
pub fn read_form_return(
    path: &Path,
    round: &Workspace,
    workspace: &Workspace,
) -> Result<Imported<Option<FormReturn>>, ImportFailure> {
    read_table_file(path, &ROSTER_SHEET, None, |csv, file| {
        form_return_csv(csv, file, round, workspace)
    })
}

fn form_return_csv(
    bytes: &[u8],
    file: &str,
    round: &Workspace,
    workspace: &Workspace,
) -> Result<Imported<Option<FormReturn>>, ImportFailure> {
    let mut report = Report::new(file);
    let text = text::decode(bytes, file).map_err(ImportFailure::single)?;
    let Some(table) = Table::read_finding(&text, &mut report, is_form_header) else {
        return Err(report.fail());
    };
    if !is_form_header(&table.header) {
        return report.finish(None);
    }
    let column = |wanted: &str| {
        table
            .header
            .iter()
            .position(|cell| normalize_label(cell) == wanted)
    };
    let (Some(name_at), Some(skill_at), Some(current_at)) =
        (column("name"), column("skill"), column("current level"))
    else {
        return report.finish(None);
    };
    let email_at = column("email");
    let evidence_at = column("evidence");
    let date_at = column("form date");
    let skills = LabelIndex::build_lenient(round.skills.iter().map(crate::model::Skill::labels));
    let scale = &workspace.settings.scale;
    let mut found = FormReturn::default();
    let mut date_line = None;
    table.for_each_row(&mut report, |record, report| {
        let line = line_of(record);
        let Some(name) = text_cell(&record[name_at]) else {
            return;
        };
        let email = email_at.and_then(|at| text_cell(&record[at]));
        let Some(row) = round.members.iter().position(|member| {
            member.name == name
                || email.as_deref().is_some_and(|email| {
                    member
                        .email
                        .as_deref()
                        .is_some_and(|own| own.eq_ignore_ascii_case(email))
                })
        }) else {
            return;
        };
        let Some(skill) = skills.get(text::restore_text(record[skill_at].trim())) else {
            return;
        };
        if let Some(at) = date_at {
            let text = record[at].trim();
            match (text.parse::<Date>(), found.date) {
                (_, _) if text.is_empty() => {}
                (Ok(date), None) => {
                    found.date = Some(date);
                    date_line = Some(line);
                }
                (Ok(date), Some(first)) if date != first => report.error(
                    line,
                    Some(at as u64 + 1),
                    format!(
                        "form date {date} differs from {first} on line {}: expected one date \
                         a form",
                        date_line.unwrap_or(0)
                    ),
                ),
                (Ok(_), Some(_)) => {}
                (Err(_), _) => report.error(
                    line,
                    Some(at as u64 + 1),
                    format!("form date \"{text}\" is not a date: expected YYYY-MM-DD"),
                ),
            }
        }
        let filled = !round.levels.get(row, skill).is_blank();
        let target = matching_member(workspace, &round.members[row]);
        let column = workspace.skill_index(&round.skills[skill].id);
        if filled {
            match (target, column) {
                (Some(_), None) => {
                    report.warning(
                        Some(line),
                        Some(skill_at as u64 + 1),
                        format!(
                            "skill \"{}\" was not on the form as sent: only Your level, Wants \
                             to grow and Evidence are read, so this row is not imported",
                            round.skills[skill].name
                        ),
                    );
                    found.skipped.push((row, skill));
                    return;
                }
                (Some(member), Some(column)) => {
                    let sent = sent_level(workspace, member, column, found.date);
                    let given = record[current_at].trim();
                    if let Some(sent) = sent
                        && !same_level_text(given, sent, scale)
                    {
                        report.warning(
                            Some(line),
                            Some(current_at as u64 + 1),
                            format!(
                                "Current level \"{given}\" was changed from \"{}\" as sent: \
                                 only Your level, Wants to grow and Evidence are read, so this \
                                 row is not imported; write your own level under Your level",
                                level_text(sent, scale)
                            ),
                        );
                        found.skipped.push((row, skill));
                        return;
                    }
                }
                _ => {}
            }
        }
        if let Some(text) = evidence_at.and_then(|at| text_cell(&record[at])) {
            found.evidence.push((row, skill, text));
        }
    });
    report.finish(Some(found))
}

/// The level the form showed as "Current level": the cell as of the form's
/// date. Without a date it cannot be known, so nothing is checked.
fn sent_level(
    workspace: &Workspace,
    member: usize,
    column: usize,
    date: Option<Date>,
) -> Option<Option<Level>> {
    let date = date?;
    let cell: Cell = workspace
        .history
        .row(member)
        .as_of(column as u32, date)
        .unwrap_or_else(|| workspace.levels.get(member, column));
    Some(cell.level())
}

fn level_text(level: Option<Level>, scale: &crate::model::ScaleWords) -> String {
    level.map_or("not assessed".to_string(), |level| {
        format!("{} {}", level.get(), scale.word(level))
    })
}

/// "2 working", "2" and "working" all say level 2.
fn same_level_text(given: &str, sent: Option<Level>, scale: &crate::model::ScaleWords) -> bool {
    if normalize_label(given) == normalize_label(&level_text(sent, scale)) {
        return true;
    }
    let first = given.split_whitespace().next().unwrap_or("");
    match scale.parse_cell(first) {
        Ok(cell) => cell.level() == sent && !given.is_empty(),
        Err(_) => false,
    }
}

/// Reads a form's extras and leaves the edited rows out of `round`: what
/// a caller imports next is only what the member filled in. A file that is
/// not a form gives an empty return.
pub fn prepare_form(
    path: &Path,
    round: &mut Workspace,
    workspace: &Workspace,
) -> (FormReturn, Vec<crate::io::diag::Diagnostic>) {
    match read_form_return(path, round, workspace) {
        Ok(read) => {
            let found = read.value.unwrap_or_default();
            for &(row, skill) in &found.skipped {
                round.levels.set(row, skill, Cell::NOT_ASSESSED);
            }
            (found, read.warnings)
        }
        // The round itself read; a form date or note it cannot read is
        // said, and the levels go in undated by the form.
        Err(failure) => (
            FormReturn::default(),
            failure.errors.into_iter().chain(failure.warnings).collect(),
        ),
    }
}
