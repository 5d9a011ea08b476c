//! One sheet as the text table its format's reader takes: the header
//! found, merged cells filled, a totals row and what lies beside the
//! table left out, cells written as Excel shows them, and the sheet's own
//! notes (a formula with no saved result) placed by cell.

use super::guard::{CellRange, SheetFacts};
use crate::io::diag::{Diagnostic, Severity};
use calamine::{Data, Range};

/// A sheet as the CSV importer reads it, with where each line came from.
pub(super) struct SheetText {
    pub(super) name: String,
    pub(super) csv: String,
    /// Per CSV line (from 1): the sheet's row number as Excel shows it.
    pub(super) rows: Vec<u32>,
    /// The sheet column of the CSV's first field, from 0.
    pub(super) first_column: u32,
    /// Rows above the header that were left out (a title, blank rows).
    pub(super) skipped: Vec<u32>,
    /// What the sheet itself says, by cell: a formula with no saved
    /// result, a totals row left out, cells beside the table.
    notes: Vec<SheetNote>,
}

/// A message about the sheet, placed by its cell (row, column from 0).
struct SheetNote {
    cell: Option<(u32, u32)>,
    error: bool,
    message: String,
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

/// A number Excel shows as a whole one: within 1e-9 of it (a sum of
/// levels leaves 4.000000000000001, which Excel displays as 4).
fn near_whole(value: f64) -> Option<i64> {
    let whole = value.round();
    ((value - whole).abs() < 1e-9 && whole.abs() < 1e15).then_some(whole as i64)
}

/// An error cell as Excel spells it: `#DIV/0!`, `#N/A`.
fn excel_error(error: &calamine::CellErrorType) -> &'static str {
    use calamine::CellErrorType as E;
    match error {
        E::Div0 => "#DIV/0!",
        E::NA => "#N/A",
        E::Name => "#NAME?",
        E::Null => "#NULL!",
        E::Num => "#NUM!",
        E::Ref => "#REF!",
        E::Value => "#VALUE!",
        E::GettingData => "#GETTING_DATA",
    }
}

/// How a cell reads as text: whole numbers without `.0`, dates as
/// `YYYY-MM-DD`, an error as Excel writes it.
pub(super) fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => match near_whole(*value) {
            Some(whole) => whole.to_string(),
            None => value.to_string(),
        },
        Data::Bool(value) => if *value { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(moment) => {
            let (year, month, day, ..) = moment.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTimeIso(text) => text.chars().take(10).collect(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => excel_error(error).to_string(),
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
        Data::Float(value) => match near_whole(*value) {
            // Levels are single digits: most cells of a roster.
            Some(whole @ 0..=9) => csv.push(char::from(b'0' + whole as u8)),
            Some(whole) => {
                let _ = write!(csv, "{whole}");
            }
            None => {
                let _ = write!(csv, "{value}");
            }
        },
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

/// What a caller looks for in a workbook: a sheet whose header passes
/// `is_header`, named in messages by `noun` and `expected`.
#[derive(Clone, Copy, Debug)]
pub struct SheetFormat {
    /// What the sheet holds: `role requirements`.
    pub noun: &'static str,
    /// The header a person should give it: `a header row with Role, ...`.
    pub expected: &'static str,
    /// Whether a row, as text, is this format's header.
    pub is_header: fn(&[String]) -> bool,
    /// Whether a header belongs to a layout that puts a title above it on
    /// purpose (Skillgrid's own forms): the rows above are then not said.
    pub titled: fn(&[String]) -> bool,
    /// Whether a column heading past a blank spacer column still belongs to
    /// the table (a roster's skill or field); otherwise what lies past the
    /// gap (a note, a legend) is left out.
    pub continues: fn(&str) -> bool,
}

/// For `SheetFormat::continues`: nothing past a blank column belongs.
pub fn never_continues(_header: &str) -> bool {
    false
}

/// For `SheetFormat::titled`: no layout of the format has a title.
pub fn untitled(_header: &[String]) -> bool {
    false
}

impl SheetFormat {
    pub(super) fn is_header_row(&self, row: &[Data]) -> bool {
        // Only rows with text in them can be headers: no row of numbers is.
        if !row.iter().any(|cell| matches!(cell, Data::String(_))) {
            return false;
        }
        (self.is_header)(&header_text(row))
    }
}

/// A row as header text: an error cell (`#NAME?`, or its text as a
/// formula's string result) names no column.
fn header_text(row: &[Data]) -> Vec<String> {
    row.iter()
        .map(|cell| match cell {
            Data::Error(_) => String::new(),
            Data::String(text) if crate::io::text::is_excel_error(text) => String::new(),
            other => cell_text(other),
        })
        .collect()
}

/// Gives each merged range's first value to the cells below it in its
/// first column, within the range read: a team merged down its members.
/// A merge across columns (a section title over a row) is not copied
/// sideways, where it would read as a value in every skill.
fn fill_merged(range: &Range<Data>, merged: &[CellRange]) -> Option<Range<Data>> {
    let (start, end) = (range.start()?, range.end()?);
    let mut filled = range.clone();
    for merge in merged {
        let Some(value) = range.get_value(merge.first).cloned() else {
            continue;
        };
        if value == Data::Empty {
            continue;
        }
        let column = merge.first.1;
        if column < start.1 || column > end.1 {
            continue;
        }
        for row in (merge.first.0 + 1).max(start.0)..=merge.last.0.min(end.0) {
            filled.set_value((row, column), value.clone());
        }
    }
    Some(filled)
}

/// How many of the header's columns make the table: up to the first
/// column blank in the header and in every row below it, when anything
/// lies past it (a note, a legend typed beside the matrix).
fn table_width(rows: &[&[Data]], header: usize, continues: fn(&str) -> bool) -> usize {
    let width = rows.get(header).map_or(0, |row| row.len());
    let mut used = vec![false; width];
    for row in &rows[header..] {
        for (column, cell) in row.iter().enumerate() {
            if *cell != Data::Empty {
                used[column] = true;
            }
        }
    }
    // A blank column before any header cell (a pandas index's corner is
    // blank but its column is not) does not end the table.
    let first_named = rows[header]
        .iter()
        .position(|cell| *cell != Data::Empty)
        .unwrap_or(0);
    let mut from = first_named;
    loop {
        let Some(gap) = (from..width).find(|&column| !used[column]) else {
            return width;
        };
        if !used[gap..].iter().any(|&used| used) {
            return width;
        }
        // Past the gap, up to the next one: more of the table when its
        // headings are the format's (a spacer before the skills).
        let next = (gap..width).find(|&column| used[column]).unwrap_or(width);
        let end = (next..width).find(|&column| !used[column]).unwrap_or(width);
        let belongs = (next..end).all(|column| {
            let heading = cell_text(&rows[header][column]);
            !heading.trim().is_empty() && continues(&heading)
        });
        if !belongs {
            return gap;
        }
        from = end;
    }
}

pub(super) fn sheet_text(
    name: &str,
    range: &Range<Data>,
    format: &SheetFormat,
    facts: Option<&SheetFacts>,
) -> Option<SheetText> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let header = range.rows().position(|row| format.is_header_row(row))?;
    // Only merges that reach the table matter (a title merged above it
    // does not), and only they are worth a copy of the cells.
    let header_row = first_row + header as u32;
    let reaching: Vec<CellRange> = facts
        .map(|facts| &facts.merged[..])
        .unwrap_or_default()
        .iter()
        .filter(|merge| merge.last.0 >= header_row)
        .copied()
        .collect();
    let merged = (!reaching.is_empty())
        .then(|| fill_merged(range, &reaching))
        .flatten();
    let range = merged.as_ref().unwrap_or(range);
    let rows: Vec<&[Data]> = range.rows().collect();
    let width = table_width(&rows, header, format.continues);
    let mut text = SheetText {
        name: name.to_string(),
        csv: String::with_capacity(range.get_size().0 * range.get_size().1 * 2),
        rows: Vec::with_capacity(rows.len()),
        first_column,
        skipped: if (format.titled)(&header_text(rows[header])) {
            Vec::new()
        } else {
            (0..header as u32).map(|row| first_row + row + 1).collect()
        },
        notes: Vec::new(),
    };
    let totals = facts.map_or(&[][..], |facts| &facts.totals_rows[..]);
    for (offset, row) in rows.iter().enumerate().skip(header) {
        let sheet_row = first_row + offset as u32;
        if offset > header && totals.contains(&sheet_row) {
            text.notes.push(SheetNote {
                cell: Some((sheet_row, first_column)),
                error: false,
                message: "the table's totals row was left out".to_string(),
            });
            continue;
        }
        for (index, cell) in row.iter().take(width).enumerate() {
            if index > 0 {
                text.csv.push(',');
            }
            push_field(&mut text.csv, cell);
        }
        text.csv.push('\n');
        text.rows.push(sheet_row + 1);
    }
    note_beside_table(&mut text, &rows, header, width, first_row);
    if let Some(facts) = facts {
        note_unsaved_formulas(
            &mut text,
            facts,
            first_row + header as u32,
            first_column,
            width,
        );
    }
    Some(text)
}

/// Says what lies right of the table, which is not read.
fn note_beside_table(
    text: &mut SheetText,
    rows: &[&[Data]],
    header: usize,
    width: usize,
    first_row: u32,
) {
    let beside = rows
        .iter()
        .enumerate()
        .skip(header)
        .find_map(|(offset, row)| {
            let column = row
                .iter()
                .skip(width)
                .position(|cell| *cell != Data::Empty)?;
            Some((offset, width + column, cell_text(&row[width + column])))
        });
    if let Some((offset, column, value)) = beside {
        let shown: String = value.chars().take(40).collect();
        text.notes.push(SheetNote {
            cell: Some((first_row + offset as u32, text.first_column + column as u32)),
            error: false,
            message: format!(
                "\"{shown}\" and what else lies right of the table (past a blank column) was not \
                 read: a note or a legend beside the table, not part of it"
            ),
        });
    }
}

/// Errors for cells of the table holding a formula with no saved result:
/// calamine reads them as blank, which would be a wrong level or name.
fn note_unsaved_formulas(
    text: &mut SheetText,
    facts: &SheetFacts,
    header_row: u32,
    first_column: u32,
    width: usize,
) {
    // Rows left out (a table's totals) need no value.
    let inside = |&(row, column): &(u32, u32)| {
        row >= header_row
            && column >= first_column
            && column < first_column + width as u32
            && !facts.totals_rows.contains(&row)
    };
    for &cell in facts.unsaved_formulas.iter().filter(|cell| inside(cell)) {
        text.notes.push(SheetNote {
            cell: Some(cell),
            error: true,
            message: "holds a formula with no saved result, so its value is unknown: open and \
                      save the file in Excel or LibreOffice, or paste values over the formulas"
                .to_string(),
        });
    }
}

/// The sheet's own notes as diagnostics of `file`.
pub(super) fn sheet_notes(file: &str, sheet: &SheetText) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for note in &sheet.notes {
        let mut diagnostic = Diagnostic::error(
            &format!("{file} [{}]", sheet.name),
            note.cell.map(|(row, _)| u64::from(row) + 1),
            note.cell.map(|(_, column)| u64::from(column) + 1),
            note.message.clone(),
        );
        diagnostic.cell = note
            .cell
            .map(|(row, column)| format!("{}{}", column_letters(column), row + 1));
        if note.error {
            errors.push(diagnostic);
        } else {
            diagnostic.severity = Severity::Warning;
            warnings.push(diagnostic);
        }
    }
    (errors, warnings)
}

/// The sheet's diagnostics in its own terms: the cell as Excel names it,
/// and its row and column as the line and column.
pub(super) fn in_sheet_terms(diagnostic: &mut Diagnostic, file: &str, sheet: &SheetText) {
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
