//! Excel workbooks (and the other formats calamine reads): a roster sheet
//! is read through the same importer as a CSV file, and every message is
//! put back in the sheet's terms, `team.xlsx [Roster]!F14`.

use super::columns::Field;
use super::diag::{Diagnostic, ImportFailure, Imported};
use crate::catalog::Catalog;
use crate::model::Workspace;
use calamine::{Data, Range, Reader};

/// A sheet as the CSV importer reads it, with where each line came from.
struct SheetText {
    name: String,
    csv: String,
    /// Per CSV line (from 1): the sheet's row number as Excel shows it.
    rows: Vec<u32>,
    /// The sheet column of the CSV's first field, from 0.
    first_column: u32,
    /// Rows above the header that were left out (a title, blank rows).
    skipped: Vec<u32>,
}

/// The column letters Excel shows for a column from 0: A, Z, AA...
pub fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// How a cell reads as text: whole numbers without `.0`, dates as
/// `YYYY-MM-DD`, an error as Excel writes it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) if value.fract() == 0.0 && value.abs() < 1e15 => {
            format!("{}", *value as i64)
        }
        Data::Float(value) => value.to_string(),
        Data::Bool(value) => if *value { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(moment) => {
            let (year, month, day, ..) = moment.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTimeIso(text) => text.chars().take(10).collect(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => format!("#{error:?}"),
    }
}

/// Appends a cell as a CSV field: numbers as they are, text quoted only
/// when it must be, line breaks inside a cell made spaces.
fn push_field(csv: &mut String, cell: &Data) {
    use std::fmt::Write as _;
    match cell {
        Data::Empty => {}
        Data::Int(value) => {
            let _ = write!(csv, "{value}");
        }
        Data::Float(value) if value.fract() == 0.0 && value.abs() < 1e15 => {
            let _ = write!(csv, "{}", *value as i64);
        }
        Data::String(text) if !text.contains(['"', ',', '\r', '\n']) => csv.push_str(text),
        other => {
            let value = cell_text(other);
            csv.push('"');
            for ch in value.chars() {
                match ch {
                    '"' => csv.push_str("\"\""),
                    '\r' | '\n' => csv.push(' '),
                    _ => csv.push(ch),
                }
            }
            csv.push('"');
        }
    }
}

/// Whether a row could be a roster's header: it names a member column.
fn is_header(row: &[Data]) -> bool {
    row.iter()
        .any(|cell| Field::from_header(&cell_text(cell)) == Some(Field::Name))
}

fn sheet_text(name: &str, range: &Range<Data>) -> Option<SheetText> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows: Vec<&[Data]> = range.rows().collect();
    let header = rows.iter().position(|row| is_header(row))?;
    let mut text = SheetText {
        name: name.to_string(),
        csv: String::new(),
        rows: Vec::with_capacity(rows.len()),
        first_column,
        skipped: (0..header as u32).map(|row| first_row + row + 1).collect(),
    };
    for (offset, row) in rows.iter().enumerate().skip(header) {
        for (index, cell) in row.iter().enumerate() {
            if index > 0 {
                text.csv.push(',');
            }
            push_field(&mut text.csv, cell);
        }
        text.csv.push('\n');
        text.rows.push(first_row + offset as u32 + 1);
    }
    Some(text)
}

/// The sheet's diagnostics in its own terms: the cell as Excel names it,
/// and its row and column as the line and column.
fn in_sheet_terms(diagnostic: &mut Diagnostic, file: &str, sheet: &SheetText) {
    diagnostic.file = format!("{file} [{}]", sheet.name);
    let row = diagnostic
        .line
        .and_then(|line| sheet.rows.get(line.saturating_sub(1) as usize))
        .copied();
    diagnostic.line = row.map(u64::from);
    if let Some(column) = diagnostic.column {
        let column = sheet.first_column + column.saturating_sub(1) as u32;
        diagnostic.column = Some(u64::from(column) + 1);
        diagnostic.cell = row.map(|row| format!("{}{row}", column_letters(column)));
    } else {
        diagnostic.cell = row.map(|row| format!("{row}:{row}"));
    }
}

/// Reads a roster from a workbook: the first sheet whose rows hold a
/// header with a member column. A title or blank rows above the header are
/// skipped and said; so are other sheets that look like rosters too.
pub fn import_roster_workbook(
    bytes: &[u8],
    file: &str,
    catalog: &Catalog,
) -> Result<Imported<Workspace>, ImportFailure> {
    import_roster_sheet(bytes, file, catalog, None)
}

/// `import_roster_workbook` from the sheet named `sheet` (any case), or,
/// with `None`, the first that holds a roster.
pub fn import_roster_sheet(
    bytes: &[u8],
    file: &str,
    catalog: &Catalog,
    sheet: Option<&str>,
) -> Result<Imported<Workspace>, ImportFailure> {
    let fail =
        |message: String| ImportFailure::single(Diagnostic::error(file, None, None, message));
    let mut workbook =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|error| {
            fail(format!(
                "not a workbook Skillgrid can read ({error}): expected an Excel file (.xlsx, \
                 .xlsm, .xls) or an OpenDocument sheet (.ods), not password-protected"
            ))
        })?;
    let names = workbook.sheet_names();
    if let Some(wanted) = sheet {
        let Some(name) = names
            .iter()
            .find(|name| name.eq_ignore_ascii_case(wanted.trim()))
        else {
            return Err(fail(format!(
                "no sheet named \"{wanted}\": the workbook has {}",
                names.join(", ")
            )));
        };
        let range = workbook
            .worksheet_range(name)
            .map_err(|error| fail(format!("sheet \"{name}\" cannot be read: {error}")))?;
        let Some(text) = sheet_text(name, &range) else {
            return Err(fail(format!(
                "sheet \"{name}\" holds no roster: expected a header row with a Name column \
                 (or Full name, Member, Employee)"
            )));
        };
        return finish(file, catalog, &text, Vec::new());
    }
    let mut found: Vec<SheetText> = Vec::new();
    for name in &names {
        let Ok(range) = workbook.worksheet_range(name) else {
            continue;
        };
        if let Some(sheet) = sheet_text(name, &range) {
            found.push(sheet);
        }
    }
    let Some(sheet) = found.first() else {
        return Err(fail(format!(
            "no sheet holds a roster: expected a header row with a Name column (or Full name, \
             Member, Employee) in one of {}",
            names.join(", ")
        )));
    };
    let mut others = Vec::new();
    if found.len() > 1 {
        let names: Vec<&str> = found[1..].iter().map(|other| other.name.as_str()).collect();
        let mut warning = Diagnostic::error(
            file,
            None,
            None,
            format!(
                "read sheet \"{}\"; {} look like rosters too and were not read (choose one \
                 with --sheet)",
                sheet.name,
                names.join(", ")
            ),
        );
        warning.severity = super::Severity::Warning;
        others.push(warning);
    }
    finish(file, catalog, sheet, others)
}

/// Imports the sheet's text and puts every message in the sheet's terms.
fn finish(
    file: &str,
    catalog: &Catalog,
    sheet: &SheetText,
    others: Vec<Diagnostic>,
) -> Result<Imported<Workspace>, ImportFailure> {
    let mut result = super::import_roster(sheet.csv.as_bytes(), file, catalog);
    let mut extra = Vec::new();
    if !sheet.skipped.is_empty() {
        let rows = match sheet.skipped.as_slice() {
            [only] => format!("row {only}"),
            [first, .., last] => format!("rows {first}-{last}"),
            [] => String::new(),
        };
        let mut warning = Diagnostic::error(
            file,
            None,
            None,
            format!("{rows} above the header were skipped (a title or blank rows)"),
        );
        warning.severity = super::Severity::Warning;
        warning.file = format!("{file} [{}]", sheet.name);
        extra.push(warning);
    }
    extra.extend(others);
    match &mut result {
        Ok(imported) => {
            for diagnostic in &mut imported.warnings {
                in_sheet_terms(diagnostic, file, sheet);
            }
            imported.warnings.splice(0..0, extra);
        }
        Err(failure) => {
            for diagnostic in failure.errors.iter_mut().chain(failure.warnings.iter_mut()) {
                in_sheet_terms(diagnostic, file, sheet);
            }
            failure.warnings.splice(0..0, extra);
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_excel_does() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(5), "F");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
