//! The matrix as an Excel workbook a manager can keep working in: the
//! app's colour scale as fills, frozen headers and names, the "can lead"
//! row, hard and soft skills grouped, 0-4 offered on every level cell, and
//! a legend. It reads back as the same roster.

use super::columns::Field;
use super::export::{member_fields, member_values_as, skill_header};
use crate::io::workbook::new_workbook;
use crate::model::{Level, SkillKind, Workspace};
use crate::palette::{LEVEL_RGB, NOT_ASSESSED_RGB, dark_level};
use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, DataValidation, Format, FormatAlign, FormatBorder, Workbook,
    XlsxError,
};

/// Rows above the header: the skill groups, then who can lead each.
const GROUP_ROW: u32 = 0;
const LEAD_ROW: u32 = 1;
const HEADER_ROW: u32 = 2;

fn rgb([r, g, b]: [u8; 3]) -> Color {
    Color::RGB((u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b))
}

fn level_format(level: Option<Level>) -> Format {
    let base = Format::new()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xffffff));
    match level {
        None => base.set_background_color(rgb(NOT_ASSESSED_RGB)),
        Some(level) => base
            .set_background_color(rgb(LEVEL_RGB[usize::from(level.get())]))
            .set_font_color(if dark_level(level.get()) {
                Color::White
            } else {
                Color::RGB(0x282828)
            }),
    }
}

/// The workbook's bytes: a "Skills matrix" sheet and a "Legend".
pub fn export_workbook(workspace: &Workspace) -> Result<Vec<u8>, XlsxError> {
    let mut book = new_workbook();
    add_matrix_sheets(&mut book, workspace)?;
    book.save_to_buffer()
}

/// Adds the "Skills matrix" and "Legend" sheets to `book`.
pub fn add_matrix_sheets(book: &mut Workbook, workspace: &Workspace) -> Result<(), XlsxError> {
    let formats: Vec<Format> = (0..=Level::MAX)
        .map(|level| level_format(Level::new(level)))
        .collect();
    let blank = level_format(None);
    let bold = Format::new().set_bold();
    let group = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_border_bottom(FormatBorder::Thin);
    let vertical = Format::new()
        .set_bold()
        .set_rotation(90)
        .set_align(FormatAlign::Center);
    let alert = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_font_color(Color::White)
        .set_background_color(rgb(crate::palette::ALERT_RGB));
    let centred = Format::new().set_align(FormatAlign::Center);
    let lead = workspace.settings.lead_level;

    let sheet = book.add_worksheet();
    sheet.set_name("Skills matrix")?;
    let fields = member_fields(workspace);
    let first_skill = fields.len() as u16;
    for (column, field) in fields.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, column as u16, field.header(), &bold)?;
    }
    sheet.write_string_with_format(GROUP_ROW, 0, "Member details", &bold)?;
    sheet.write_string(LEAD_ROW, 0, format!("Can lead ({}+)", lead.get()))?;
    // Runs of hard and soft skills, each under one merged heading.
    let kinds: Vec<SkillKind> = workspace.skills.iter().map(|skill| skill.kind).collect();
    let mut start = 0;
    while start < kinds.len() {
        let end = (start..kinds.len())
            .find(|&index| kinds[index] != kinds[start])
            .unwrap_or(kinds.len());
        let title = match kinds[start] {
            SkillKind::Hard => "Hard skills",
            SkillKind::Soft => "Soft skills",
        };
        let (first, last) = (first_skill + start as u16, first_skill + end as u16 - 1);
        if first == last {
            sheet.write_string_with_format(GROUP_ROW, first, title, &group)?;
        } else {
            sheet.merge_range(GROUP_ROW, first, GROUP_ROW, last, title, &group)?;
        }
        start = end;
    }
    for skill in 0..workspace.skills.len() {
        let column = first_skill + skill as u16;
        sheet.write_string_with_format(
            HEADER_ROW,
            column,
            skill_header(workspace, skill),
            &vertical,
        )?;
        let leaders = workspace
            .levels
            .column(skill)
            .filter(|cell| cell.at_least(lead))
            .count();
        let format = if leaders <= 1 { &alert } else { &centred };
        sheet.write_number_with_format(LEAD_ROW, column, leaders as f64, format)?;
        sheet.set_column_width(column, 4.5)?;
    }
    sheet.set_row_height(HEADER_ROW, 150)?;
    sheet.set_column_width(0, 24)?;
    for (index, member) in workspace.members.iter().enumerate() {
        let row = HEADER_ROW + 1 + index as u32;
        let values = member_values_as(workspace, member, &fields, false, false);
        for (column, (field, value)) in fields.iter().zip(&values).enumerate() {
            let column = column as u16;
            match field {
                Field::Fte => sheet.write_number(row, column, member.fte)?,
                Field::Years if member.years.is_some() => {
                    sheet.write_number(row, column, member.years.unwrap_or_default())?
                }
                _ if value.is_empty() => sheet,
                _ => sheet.write_string(row, column, value)?,
            };
        }
        // Plain values: the colours come from conditional formats over the
        // whole range, so they follow the levels as the sheet is edited.
        for (skill, cell) in workspace.levels.row(index).iter().enumerate() {
            let column = first_skill + skill as u16;
            match (cell.level(), cell.interest()) {
                (Some(level), false) => sheet.write_number(row, column, f64::from(level.get()))?,
                // Interest is the spreadsheet's "+": text, as a CSV has it.
                (_, true) => sheet.write_string(row, column, cell.spreadsheet_text())?,
                (None, false) => sheet,
            };
        }
    }
    if !workspace.members.is_empty() && !workspace.skills.is_empty() {
        let (first_row, last_row) = (HEADER_ROW + 1, HEADER_ROW + workspace.members.len() as u32);
        let last_column = first_skill + workspace.skills.len() as u16 - 1;
        let corner = format!(
            "{}{}",
            crate::io::workbook::column_letters(u32::from(first_skill)),
            first_row + 1
        );
        for level in Level::ALL {
            let value = level.get();
            let rule = ConditionalFormatFormula::new()
                .set_rule(
                    format!("=OR(AND(ISNUMBER({corner}),{corner}={value}),{corner}=\"{value}+\")")
                        .as_str(),
                )
                .set_format(formats[usize::from(value)].clone());
            sheet.add_conditional_format(first_row, first_skill, last_row, last_column, &rule)?;
        }
        let unassessed = ConditionalFormatFormula::new()
            .set_rule(format!("=OR(LEN({corner})=0,{corner}=\"+\")").as_str())
            .set_format(blank.clone());
        sheet.add_conditional_format(first_row, first_skill, last_row, last_column, &unassessed)?;
        let centred_levels = Format::new().set_align(FormatAlign::Center);
        for skill in 0..workspace.skills.len() {
            sheet.set_column_format(first_skill + skill as u16, &centred_levels)?;
        }
        let levels = ["0", "1", "2", "3", "4", "0+", "1+", "2+", "3+", "4+", "+"];
        let validation = DataValidation::new()
            .allow_list_strings(&levels)?
            .set_error_message(
                "A level is 0-4, + for wanting to grow (3+), or blank for not assessed",
            )?;
        sheet.add_data_validation(
            HEADER_ROW + 1,
            first_skill,
            HEADER_ROW + workspace.members.len() as u32,
            first_skill + workspace.skills.len() as u16 - 1,
            &validation,
        )?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 1)?;

    let legend = book.add_worksheet();
    legend.set_name("Legend")?;
    legend.write_string_with_format(0, 0, "Level", &bold)?;
    legend.write_string_with_format(0, 1, "Meaning", &bold)?;
    for level in Level::ALL {
        let row = 1 + u32::from(level.get());
        legend.write_number_with_format(
            row,
            0,
            f64::from(level.get()),
            &formats[usize::from(level.get())],
        )?;
        legend.write_string(row, 1, workspace.settings.scale.word(level))?;
    }
    legend.write_blank(6, 0, &blank)?;
    legend.write_string(6, 1, "not assessed (not the same as 0)")?;
    legend.write_string(7, 0, "3+")?;
    legend.write_string(7, 1, "wants to grow in the skill")?;
    legend.write_string(8, 0, "Can lead")?;
    legend.write_string(
        8,
        1,
        format!("members at level {}+; one or nobody is marked", lead.get()),
    )?;
    legend.set_column_width(1, 40)?;
    Ok(())
}
