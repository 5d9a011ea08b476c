//! Development targets (`member, skill, target, by[, note]`) and
//! certifications (`member, certification, issuer, skill, level, issued,
//! expires`) from CSV. Members and skills are matched to the workspace's;
//! any error fails the whole file, so a failed import changes nothing.

use crate::catalog::LabelIndex;
use crate::io::diag::{ImportFailure, Imported, Report};
use crate::io::text;
use crate::io::text::text_cell;
use crate::io::text::{Table, line_of};
use crate::io::workbook::{SheetFormat, read_table_file, untitled};
use crate::model::{Certification, Date, Level, Target, Workspace, normalize_label};
use std::path::Path;

pub(super) const MEMBER: &[&str] = &["member", "name", "person", "employee", "email"];
const SKILL: &[&str] = &["skill", "competency"];
const TARGET: &[&str] = &["target", "target level", "level", "goal"];
const BY: &[&str] = &["by", "due", "due date", "deadline", "by date"];
const NOTE: &[&str] = &["note", "notes", "comment"];
const SET_ON: &[&str] = &["set on", "set", "agreed on"];
const CERTIFICATION: &[&str] = &["certification", "certificate", "certification name"];
const ISSUER: &[&str] = &["issuer", "issued by", "provider", "vendor"];
const LEVEL: &[&str] = &["level", "evidences level", "skill level"];
const ISSUED: &[&str] = &["issued", "issue date", "issued on", "date issued"];
const EXPIRES: &[&str] = &[
    "expires",
    "expiry",
    "expiry date",
    "expires on",
    "valid until",
];

pub(super) fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|cell| names.contains(&normalize_label(cell).as_str()))
}

/// Whether a header row names a targets file's columns.
pub(crate) fn is_targets_header(header: &[String]) -> bool {
    [MEMBER, SKILL, TARGET, BY]
        .iter()
        .all(|names| column(header, names).is_some())
        && column(header, CERTIFICATION).is_none()
}

/// Whether a header row names a certifications file's columns.
pub(crate) fn is_certifications_header(header: &[String]) -> bool {
    column(header, MEMBER).is_some() && column(header, CERTIFICATION).is_some()
}

/// Rows read from a file, each for the member at that row of the workspace.
pub type ForMembers<T> = Vec<(usize, T)>;

/// Reads targets; a target without a "Set on" date is set on `today`.
pub fn import_targets_csv(
    bytes: &[u8],
    file: &str,
    workspace: &Workspace,
    today: Date,
) -> Result<Imported<ForMembers<Target>>, ImportFailure> {
    let mut report = Report::new(file);
    let text = text::decode(bytes, file).map_err(ImportFailure::single)?;
    let Some(table) = Table::read_finding(&text, &mut report, is_targets_header) else {
        return Err(report.fail());
    };
    let [
        Some(member_at),
        Some(skill_at),
        Some(target_at),
        Some(by_at),
    ] = [MEMBER, SKILL, TARGET, BY].map(|names| column(&table.header, names))
    else {
        report.error(
            table.header_line,
            Some(1),
            format!(
                "expected columns Member, Skill, Target, By (and an optional Note); found {}",
                table.header.join(", ")
            ),
        );
        return Err(report.fail());
    };
    let note_at = column(&table.header, NOTE);
    let set_on_at = column(&table.header, SET_ON);
    let lookup = Lookup::new(workspace);
    let mut targets = Vec::new();
    table.for_each_row(&mut report, |record, report| {
        let line = line_of(record);
        let mut place = Place { report, line };
        let Some(member) = lookup.member(&mut place, member_at, &record[member_at]) else {
            return;
        };
        let Some(skill) = lookup.skill(&mut place, skill_at, &record[skill_at]) else {
            return;
        };
        let level = lookup.level(&mut place, target_at, &record[target_at], "target");
        let by = if record[by_at].trim().is_empty() {
            place.error(
                by_at,
                "the by date is blank: expected YYYY-MM-DD".to_string(),
            );
            None
        } else {
            place.date(by_at, &record[by_at], "by")
        };
        let set_on = match set_on_at.map(|at| (at, record[at].trim())) {
            Some((at, text)) if !text.is_empty() => place.date(at, text, "set on"),
            _ => Some(today),
        };
        let (Some(Some(level)), Some(by), Some(set_on)) = (level, by, set_on) else {
            if matches!(level, Some(None)) {
                place.error(
                    target_at,
                    "the target level is blank: expected 1-4".to_string(),
                );
            }
            return;
        };
        targets.push((
            member,
            Target {
                skill: workspace.skills[skill].id.clone(),
                level,
                by,
                set_on,
                note: note_at.and_then(|at| text_cell(&record[at])),
            },
        ));
    });
    report.finish(targets)
}

/// Reads certifications; skill, level and both dates may be blank.
pub fn import_certifications_csv(
    bytes: &[u8],
    file: &str,
    workspace: &Workspace,
) -> Result<Imported<ForMembers<Certification>>, ImportFailure> {
    let mut report = Report::new(file);
    let text = text::decode(bytes, file).map_err(ImportFailure::single)?;
    let Some(table) = Table::read_finding(&text, &mut report, is_certifications_header) else {
        return Err(report.fail());
    };
    let (Some(member_at), Some(name_at)) = (
        column(&table.header, MEMBER),
        column(&table.header, CERTIFICATION),
    ) else {
        report.error(
            table.header_line,
            Some(1),
            format!(
                "expected columns Member, Certification, Issuer, Skill, Level, Issued, Expires; \
                 found {}",
                table.header.join(", ")
            ),
        );
        return Err(report.fail());
    };
    let [issuer_at, skill_at, level_at, issued_at, expires_at] =
        [ISSUER, SKILL, LEVEL, ISSUED, EXPIRES].map(|names| column(&table.header, names));
    let lookup = Lookup::new(workspace);
    let mut certifications = Vec::new();
    table.for_each_row(&mut report, |record, report| {
        let line = line_of(record);
        let mut place = Place { report, line };
        let cell = |at: Option<usize>| at.map(|at| (at, record[at].trim()));
        let Some(member) = lookup.member(&mut place, member_at, &record[member_at]) else {
            return;
        };
        let Some(name) = text_cell(&record[name_at]) else {
            place.error(name_at, "the certification's name is blank".to_string());
            return;
        };
        let skill = match cell(skill_at) {
            Some((at, text)) if !text.is_empty() => match lookup.skill(&mut place, at, text) {
                Some(skill) => Some(workspace.skills[skill].id.clone()),
                None => return,
            },
            _ => None,
        };
        let level = match cell(level_at) {
            Some((at, text)) => match lookup.level(&mut place, at, text, "level") {
                Some(level) => level,
                None => return,
            },
            None => None,
        };
        let mut optional_date = |found: Option<(usize, &str)>, what: &str| match found {
            Some((at, text)) if !text.is_empty() => place.date(at, text, what).map(Some),
            _ => Some(None),
        };
        let (Some(issued), Some(expires)) = (
            optional_date(cell(issued_at), "issued"),
            optional_date(cell(expires_at), "expires"),
        ) else {
            return;
        };
        if let (Some(issued), Some(expires), Some(at)) = (issued, expires, expires_at)
            && expires < issued
        {
            place.error(
                at,
                format!("it expires ({expires}) before it was issued ({issued})"),
            );
            return;
        }
        certifications.push((
            member,
            Certification {
                name,
                issuer: issuer_at.and_then(|at| text_cell(&record[at])),
                skill,
                level,
                issued,
                expires,
            },
        ));
    });
    report.finish(certifications)
}

/// A row's line, for errors at one of its columns.
pub(super) struct Place<'r> {
    pub report: &'r mut Report,
    pub line: u64,
}

impl Place<'_> {
    pub fn error(&mut self, column: usize, message: String) {
        self.report
            .error(self.line, Some(column as u64 + 1), message);
    }

    pub fn date(&mut self, column: usize, text: &str, what: &str) -> Option<Date> {
        let text = text.trim();
        match text.parse::<Date>() {
            Ok(date) => Some(date),
            Err(_) => {
                self.error(
                    column,
                    format!("{what} \"{text}\" is not a date: expected YYYY-MM-DD"),
                );
                None
            }
        }
    }
}

/// The workspace's members and skills by the names a file gives.
pub(super) struct Lookup<'w> {
    workspace: &'w Workspace,
    skills: LabelIndex,
    members: crate::model::MemberIndex,
}

impl<'w> Lookup<'w> {
    pub fn new(workspace: &'w Workspace) -> Lookup<'w> {
        Lookup {
            workspace,
            skills: LabelIndex::build_lenient(
                workspace.skills.iter().map(crate::model::Skill::labels),
            ),
            members: crate::model::MemberIndex::new(workspace),
        }
    }

    /// The one member a name or email names; several of one name must be
    /// told apart by email.
    pub fn member(&self, place: &mut Place, column: usize, text: &str) -> Option<usize> {
        let Some(wanted) = text_cell(text) else {
            place.error(column, "the member is blank".to_string());
            return None;
        };
        let found: Vec<usize> = self
            .members
            .named(&wanted)
            .into_iter()
            .filter(|&index| !self.workspace.members[index].planned)
            .collect();
        match found.as_slice() {
            [only] => Some(*only),
            [] => {
                place.error(
                    column,
                    format!("\"{wanted}\" is not a member of the workspace"),
                );
                None
            }
            _ => {
                place.error(
                    column,
                    format!(
                        "{} members are called \"{wanted}\": give their email instead",
                        found.len()
                    ),
                );
                None
            }
        }
    }

    fn skill(&self, place: &mut Place, column: usize, text: &str) -> Option<usize> {
        let name = text::restore_text(text.trim());
        let found = self.skills.get(name);
        if found.is_none() {
            place.error(
                column,
                format!("\"{name}\" is not a skill the workspace tracks"),
            );
        }
        found
    }

    /// `Some(None)` for a blank cell; `None` after an error.
    fn level(
        &self,
        place: &mut Place,
        column: usize,
        text: &str,
        what: &str,
    ) -> Option<Option<Level>> {
        let text = text.trim();
        if text.is_empty() {
            return Some(None);
        }
        let scale = &self.workspace.settings.scale;
        match scale.parse_cell(text).ok().and_then(|cell| cell.level()) {
            Some(level) => Some(Some(level)),
            None => {
                place.error(
                    column,
                    format!("{what} \"{text}\" is not a level: expected 0-4 or a scale word"),
                );
                None
            }
        }
    }
}

/// A development targets sheet, as the workbook reader looks for it.
pub const TARGETS_SHEET: SheetFormat = SheetFormat {
    noun: "development targets",
    expected: "a header row with Member, Skill, Target and By",
    is_header: is_targets_header,
    titled: untitled,
    continues: crate::io::workbook::never_continues,
};

/// A certifications sheet, as the workbook reader looks for it.
pub const CERTIFICATIONS_SHEET: SheetFormat = SheetFormat {
    noun: "certifications",
    expected: "a header row with Member and Certification",
    is_header: is_certifications_header,
    titled: untitled,
    continues: crate::io::workbook::never_continues,
};

/// Development targets from a CSV or a workbook's targets sheet; a target
/// without a "Set on" date is set on `today`.
pub fn read_targets(
    path: &Path,
    workspace: &Workspace,
    today: Date,
    sheet: Option<&str>,
) -> Result<Imported<ForMembers<Target>>, ImportFailure> {
    read_table_file(path, &TARGETS_SHEET, sheet, |csv, file| {
        import_targets_csv(csv, file, workspace, today)
    })
}

/// Certifications from a CSV or a workbook's certifications sheet.
pub fn read_certifications(
    path: &Path,
    workspace: &Workspace,
    sheet: Option<&str>,
) -> Result<Imported<ForMembers<Certification>>, ImportFailure> {
    read_table_file(path, &CERTIFICATIONS_SHEET, sheet, |csv, file| {
        import_certifications_csv(csv, file, workspace)
    })
}
