//! Self-assessment forms: one file a member, in the long roster layout so
//! a filled form imports as a round (`import FORM --rater self`). Each row
//! is a skill with the role's minimum and the current level beside it; the
//! member fills "Your level", "Wants to grow" and "Evidence".

use crate::io::text::neutralise_text;
use crate::model::{Level, Workspace, normalize_label};
use rust_xlsxwriter::{DataValidation, Format, FormatBorder, Workbook, XlsxError};

/// Whether a header is a self-assessment form's.
pub fn is_form_header(header: &[String]) -> bool {
    let has = |wanted: &str| header.iter().any(|cell| normalize_label(cell) == wanted);
    has("your level") && has("current level") && has("skill")
}

/// The columns a form has, in order; "Your level", "Wants to grow" and
/// "Evidence" are filled in, "Form date" dates the self ratings.
pub const FORM_HEADER: [&str; FORM_COLUMNS] = [
    "Name",
    "Email",
    "Role",
    "Skill",
    "Kind",
    "Role needs",
    "Current level",
    "Your level",
    "Wants to grow",
    "Evidence",
    "Form date",
];
pub const FORM_COLUMNS: usize = 11;
const FILLED_FROM: usize = 7;
const FILLED_TO: usize = 9;

/// A form's rows: one a skill.
pub type FormRow = [String; FORM_COLUMNS];

/// One row a skill: the member's role's requirements first, then every
/// other skill the workspace tracks. Each row carries the form's `date`.
pub fn form_rows(workspace: &Workspace, member: usize, date: crate::model::Date) -> Vec<FormRow> {
    let record = &workspace.members[member];
    let role = workspace.member_role(member);
    let needs = |column: usize| {
        role.and_then(|role| {
            role.requirements
                .iter()
                .find(|requirement| requirement.skill == workspace.skills[column].id)
                .map(|requirement| requirement.min_level)
        })
    };
    let mut columns: Vec<usize> = (0..workspace.skills.len()).collect();
    columns.sort_by_key(|&column| needs(column).is_none());
    let scale = &workspace.settings.scale;
    let word = |level: Level| format!("{} {}", level.get(), scale.word(level));
    columns
        .into_iter()
        .map(|column| {
            let skill = &workspace.skills[column];
            let cell = workspace.cell(member, column);
            [
                record.name.clone(),
                record.email.clone().unwrap_or_default(),
                role.map_or(String::new(), |role| role.title.clone()),
                skill.name.clone(),
                skill.kind.label().to_string(),
                needs(column).map_or(String::new(), word),
                cell.level().map_or("not assessed".to_string(), word),
                String::new(),
                String::new(),
                String::new(),
                date.to_string(),
            ]
        })
        .collect()
}

/// A form as CSV, text made formula-safe.
pub fn form_csv(rows: &[FormRow]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(FORM_HEADER)
        .expect("writing CSV to memory");
    for row in rows {
        writer
            .write_record(
                row.iter()
                    .map(|cell| neutralise_text(cell))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(|cell| cell.as_bytes()),
            )
            .expect("writing CSV to memory");
    }
    writer.into_inner().expect("flushing CSV to memory")
}

/// A form as a workbook: a title, the guidance locked, a drop-down of
/// levels in "Your level" and yes in "Wants to grow".
pub fn form_workbook(title: &str, rows: &[FormRow]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Self-assessment")?;
    let bold = Format::new().set_bold();
    let fill = Format::new()
        .set_unlocked()
        .set_border(FormatBorder::Thin)
        .set_background_color(rust_xlsxwriter::Color::RGB(0xfff8dc));
    sheet.write_string_with_format(0, 0, title, &bold)?;
    sheet.write_string(
        1,
        0,
        "Fill in Your level (0-4), Wants to grow (yes) and Evidence; leave a row blank to skip it. \
         Then send the file back.",
    )?;
    let header_row = 3;
    for (column, header) in FORM_HEADER.iter().enumerate() {
        sheet.write_string_with_format(header_row, column as u16, *header, &bold)?;
    }
    for (index, row) in rows.iter().enumerate() {
        let row_number = header_row + 1 + index as u32;
        for (column, value) in row.iter().enumerate() {
            if (FILLED_FROM..=FILLED_TO).contains(&column) {
                sheet.write_blank(row_number, column as u16, &fill)?;
            } else {
                // A string cell, never a formula.
                sheet.write_string(row_number, column as u16, value)?;
            }
        }
    }
    if !rows.is_empty() {
        let (first, last) = (header_row + 1, header_row + rows.len() as u32);
        let levels = DataValidation::new()
            .allow_list_strings(&["0", "1", "2", "3", "4"])?
            .set_error_message("Your level is 0 (none) to 4 (expert), or blank")?;
        sheet.add_data_validation(first, FILLED_FROM as u16, last, FILLED_FROM as u16, &levels)?;
        let grow = DataValidation::new()
            .allow_list_strings(&["yes"])?
            .set_error_message("Write yes, or leave it blank")?;
        let grow_column = FILLED_FROM as u16 + 1;
        sheet.add_data_validation(first, grow_column, last, grow_column, &grow)?;
    }
    sheet.set_column_width(0, 20)?;
    sheet.set_column_width(3, 30)?;
    sheet.set_column_width(5, 16)?;
    sheet.set_column_width(6, 16)?;
    sheet.set_column_width(9, 40)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    // Guidance cells are locked; the three columns to fill are not.
    sheet.protect();
    book.save_to_buffer()
}

/// A file name for a member's form: their name, safe on every system.
pub fn form_file_name(name: &str, extension: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{} - self-assessment.{extension}", safe.trim())
}
