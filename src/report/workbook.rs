//! `report --format xlsx`: the coloured matrix and its legend, then each
//! report table as a sheet of its own, numbers as numbers.

use super::csv_tables::{NUMBER_COLUMNS, Table, table_rows};
use crate::analysis::Analysis;
use crate::model::Workspace;
use rust_xlsxwriter::{Format, XlsxError};

pub fn report_workbook(analysis: &Analysis, workspace: &Workspace) -> Result<Vec<u8>, XlsxError> {
    let mut book = crate::io::new_workbook();
    crate::io::add_matrix_sheets(&mut book, workspace)?;
    let bold = Format::new().set_bold();
    for table in Table::ALL {
        if table == Table::Staffing && analysis.staffing.is_none()
            || table == Table::Work && analysis.work.is_empty()
        {
            continue;
        }
        let rows = table_rows(analysis, table);
        let sheet = book.add_worksheet();
        sheet.set_name(table.title())?;
        let Some((header, body)) = rows.split_first() else {
            continue;
        };
        let numeric: Vec<bool> = header
            .iter()
            .map(|name| NUMBER_COLUMNS.contains(&name.as_str()))
            .collect();
        for (column, name) in header.iter().enumerate() {
            sheet.write_string_with_format(0, column as u16, name, &bold)?;
        }
        for (index, row) in body.iter().enumerate() {
            let row_number = index as u32 + 1;
            for (column, value) in row.iter().enumerate() {
                if value.is_empty() {
                    continue;
                }
                match value.parse::<f64>() {
                    Ok(number) if numeric[column] => {
                        sheet.write_number(row_number, column as u16, number)?
                    }
                    // A string cell, never a formula, whatever it starts with.
                    _ => sheet.write_string(row_number, column as u16, value)?,
                };
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofit();
    }
    book.save_to_buffer()
}
