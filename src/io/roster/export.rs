//! Roster CSV export, wide and long, written so that importing the file
//! gives back the same roster.

use super::columns::Field;
use super::columns::Layout;
use crate::io::text::neutralise_text;
use crate::model::{Member, SkillKind, Workspace};

#[derive(Clone, Copy, Debug)]
pub struct ExportOptions {
    pub layout: Layout,
    pub delimiter: u8,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            layout: Layout::Wide,
            delimiter: b',',
        }
    }
}

/// Semicolon-separated files are what spreadsheets in comma-decimal locales
/// write: such a file gets decimal commas and a UTF-8 byte order mark, so
/// Excel there reads the numbers as numbers and the accents as accents.
fn european(options: ExportOptions) -> bool {
    options.delimiter == b';'
}

/// The roster as CSV bytes. Text that a spreadsheet would run as a formula
/// is prefixed with a quote; numbers are written as numbers.
pub fn export_roster(workspace: &Workspace, options: ExportOptions) -> Vec<u8> {
    let bom: &[u8] = if european(options) {
        b"\xEF\xBB\xBF"
    } else {
        b""
    };
    // The delimiter is told from the header line on import, so a header
    // with another candidate delimiter in its text is quoted throughout.
    let ambiguous = options.layout == Layout::Wide
        && workspace.skills.iter().any(|skill| {
            skill
                .name
                .bytes()
                .any(|byte| matches!(byte, b',' | b';' | b'\t' | b'"'))
        });
    let mut writer = csv::WriterBuilder::new()
        .delimiter(options.delimiter)
        .quote_style(if ambiguous {
            csv::QuoteStyle::NonNumeric
        } else {
            csv::QuoteStyle::Necessary
        })
        .from_writer(bom.to_vec());
    let fields = member_fields(workspace);
    let decimal_comma = european(options);
    let result = match options.layout {
        Layout::Wide => write_wide(&mut writer, workspace, &fields, decimal_comma),
        Layout::Long => write_long(&mut writer, workspace, &fields, decimal_comma),
    };
    // Writing to a Vec cannot fail; a failure here would be a csv bug.
    result.expect("writing CSV to memory");
    writer.into_inner().expect("flushing CSV to memory")
}

/// The member columns worth writing: optional ones only where some member
/// has a value, so a team's file keeps its shape.
pub(super) fn member_fields(workspace: &Workspace) -> Vec<Field> {
    let any = |has: fn(&Member) -> bool| workspace.members.iter().any(has);
    let mut fields = vec![Field::Name];
    if any(|m| m.email.is_some()) {
        fields.push(Field::Email);
    }
    fields.extend([Field::Role, Field::Team, Field::Manager, Field::Fte]);
    if any(|m| m.location.is_some()) {
        fields.push(Field::Location);
    }
    if any(|m| m.years.is_some()) {
        fields.push(Field::Years);
    }
    fields
}

fn member_values(
    workspace: &Workspace,
    member: &Member,
    fields: &[Field],
    decimal_comma: bool,
) -> Vec<String> {
    member_values_as(workspace, member, fields, decimal_comma, true)
}

/// The member's values for `fields`; `neutralise` prefixes text a CSV
/// reader would run as a formula (a workbook's text cells never run).
pub(super) fn member_values_as(
    workspace: &Workspace,
    member: &Member,
    fields: &[Field],
    decimal_comma: bool,
    neutralise: bool,
) -> Vec<String> {
    let text = |value: Option<&str>| {
        let value = value.unwrap_or("");
        if neutralise {
            neutralise_text(value).into_owned()
        } else {
            value.to_string()
        }
    };
    let number = |value: f64| {
        let text = value.to_string();
        if decimal_comma {
            text.replace('.', ",")
        } else {
            text
        }
    };
    fields
        .iter()
        .map(|field| match field {
            Field::Name => text(Some(&member.name)),
            Field::Email => text(member.email.as_deref()),
            Field::Role => text(member.role.as_ref().map(|id| {
                workspace
                    .role(id)
                    .map_or(id.as_str(), |role| role.title.as_str())
            })),
            Field::Team => text(member.team.as_deref()),
            Field::Manager => text(member.manager.as_deref()),
            Field::Fte => number(member.fte),
            Field::Location => text(member.location.as_deref()),
            Field::Years => member.years.map(number).unwrap_or_default(),
            Field::Skill | Field::Level | Field::Interest => String::new(),
        })
        .collect()
}

/// The header that imports back as the same skill: custom soft skills say
/// so, since a spreadsheet column has no other place for the kind.
pub fn skill_header(workspace: &Workspace, skill: usize) -> String {
    let skill = &workspace.skills[skill];
    let header = if !skill.builtin && skill.kind == SkillKind::Soft {
        format!("{} [soft]", skill.name)
    } else {
        skill.name.clone()
    };
    neutralise_text(&header).into_owned()
}

fn write_wide(
    writer: &mut csv::Writer<Vec<u8>>,
    workspace: &Workspace,
    fields: &[Field],
    decimal_comma: bool,
) -> csv::Result<()> {
    let header: Vec<String> = fields
        .iter()
        .map(|field| field.header().to_string())
        .chain((0..workspace.skills.len()).map(|skill| skill_header(workspace, skill)))
        .collect();
    writer.write_record(&header)?;
    for (index, member) in workspace.members.iter().enumerate() {
        let values = member_values(workspace, member, fields, decimal_comma);
        let cells = workspace
            .levels
            .row(index)
            .iter()
            .map(|cell| cell.spreadsheet_text());
        writer.write_record(values.iter().map(String::as_str).chain(cells))?;
    }
    Ok(())
}

/// One row per assessed (or interested) cell. The first member gets a row
/// for every skill, blank where not assessed, so the skills keep their order
/// and a skill nobody has is not lost; any other member with no cell gets
/// one row with no skill.
fn write_long(
    writer: &mut csv::Writer<Vec<u8>>,
    workspace: &Workspace,
    fields: &[Field],
    decimal_comma: bool,
) -> csv::Result<()> {
    let header = fields
        .iter()
        .chain(&[Field::Skill, Field::Level])
        .map(|field| field.header());
    writer.write_record(header)?;
    let headers: Vec<String> = (0..workspace.skills.len())
        .map(|skill| skill_header(workspace, skill))
        .collect();
    for (index, member) in workspace.members.iter().enumerate() {
        let values = member_values(workspace, member, fields, decimal_comma);
        let mut wrote_any = false;
        for (skill, cell) in workspace.levels.row(index).iter().enumerate() {
            if cell.is_blank() && index > 0 {
                continue;
            }
            wrote_any = true;
            let level = cell.spreadsheet_text();
            let row = values
                .iter()
                .map(String::as_str)
                .chain([headers[skill].as_str(), level]);
            writer.write_record(row)?;
        }
        if !wrote_any {
            writer.write_record(values.iter().map(String::as_str).chain(["", ""]))?;
        }
    }
    Ok(())
}
