//! Reading a workbook's sheet (Excel, or what else calamine reads) as the
//! CSV text its format's reader takes, knowing no format: the caller says
//! what the sheet's header looks like. Every message of the format's
//! reader is put back in the sheet's terms, `team.xlsx [Roster]!F14`.

use super::guard::{CellRange, SheetFacts, WorkbookFacts};
use crate::io::diag::{Diagnostic, ImportFailure, Imported, Severity};
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
fn cell_text(cell: &Data) -> String {
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
    fn is_header_row(&self, row: &[Data]) -> bool {
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

fn sheet_text(
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
fn sheet_notes(file: &str, sheet: &SheetText) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
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

type Book<'a> = calamine::Sheets<std::io::Cursor<&'a [u8]>>;

fn fail(file: &str, message: String) -> ImportFailure {
    ImportFailure::single(Diagnostic::error(file, None, None, message))
}

/// An Excel file saved with a password to open is no zip: it is a
/// compound file holding an `EncryptedPackage` stream.
fn is_encrypted(bytes: &[u8]) -> bool {
    const COMPOUND_FILE: &[u8] = &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.starts_with(COMPOUND_FILE) && bytes.windows(name.len()).any(|window| window == name)
}

fn open_book<'a>(bytes: &'a [u8], file: &str) -> Result<(Book<'a>, WorkbookFacts), ImportFailure> {
    if is_encrypted(bytes) {
        return Err(fail(
            file,
            "is password-protected, so its sheets cannot be read: open it in Excel, remove the \
             password (File > Info > Protect Workbook > Encrypt with Password) and save it again"
                .to_string(),
        ));
    }
    let facts = super::guard::check_workbook(bytes, file)?;
    let book =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|error| {
            fail(
                file,
                format!(
                    "not a workbook Skillgrid can read ({error}): expected an Excel file (.xlsx, \
                 .xlsm, .xls) or an OpenDocument sheet (.ods), not password-protected"
                ),
            )
        })?;
    Ok((book, facts))
}

/// Which of `formats` a workbook holds, for commands that take any kind
/// of file: the named sheet's, or the earliest in `formats` that some
/// sheet holds. `None` when no sheet holds any.
pub fn first_format_held(
    bytes: &[u8],
    sheet: Option<&str>,
    formats: &[SheetFormat],
) -> Option<usize> {
    let (mut book, _) = open_book(bytes, "").ok()?;
    // Hidden sheets count only when named.
    let names = match sheet {
        Some(_) => book.sheet_names(),
        None => visible_names(&book).0,
    };
    let mut found = Vec::new();
    for name in names
        .iter()
        .filter(|name| sheet.is_none_or(|wanted| name.eq_ignore_ascii_case(wanted.trim())))
    {
        let Ok(range) = book.worksheet_range(name) else {
            continue;
        };
        if let Some(index) = formats
            .iter()
            .position(|format| range.rows().any(|row| format.is_header_row(row)))
        {
            found.push(index);
        }
    }
    found.into_iter().min()
}

/// The sheets a person sees in the workbook: hidden ones (a last year's
/// copy, a drop-down list) are read only when asked for by name.
fn visible_names(book: &Book) -> (Vec<String>, Vec<String>) {
    let (shown, hidden): (Vec<&calamine::Sheet>, Vec<&calamine::Sheet>) = book
        .sheets_metadata()
        .iter()
        .partition(|sheet| sheet.visible == calamine::SheetVisible::Visible);
    let names =
        |sheets: Vec<&calamine::Sheet>| sheets.into_iter().map(|s| s.name.clone()).collect();
    (names(shown), names(hidden))
}

/// Every visible sheet that holds `format`, in workbook order, ready to
/// import, and the hidden sheets that would have.
fn find_sheets(
    book: &mut Book,
    facts: &WorkbookFacts,
    format: &SheetFormat,
) -> (Vec<SheetText>, Vec<String>) {
    let (shown, hidden) = visible_names(book);
    let found = shown
        .iter()
        .filter_map(|name| {
            let range = book.worksheet_range(name).ok()?;
            sheet_text(name, &range, format, facts.sheet(name))
        })
        .collect();
    let hidden = hidden
        .into_iter()
        .filter(|name| {
            book.worksheet_range(name)
                .is_ok_and(|range| range.rows().any(|row| format.is_header_row(row)))
        })
        .collect();
    (found, hidden)
}

/// The warning that hidden sheets holding the format were left unread.
fn hidden_warning(file: &str, hidden: &[String], format: &SheetFormat) -> Option<Diagnostic> {
    let quoted: Vec<String> = hidden.iter().map(|name| format!("\"{name}\"")).collect();
    let message = match quoted.as_slice() {
        [] => return None,
        [one] => format!(
            "hidden sheet {one} holds {} too: not read (choose it with --sheet)",
            format.noun
        ),
        several => format!(
            "hidden sheets {} hold {} too: not read (choose one with --sheet)",
            several.join(", "),
            format.noun
        ),
    };
    Some(warning(file, message))
}

fn no_sheet_holds(
    file: &str,
    format: &SheetFormat,
    book: &Book,
    hidden: &[String],
) -> ImportFailure {
    if let Some(first) = hidden.first() {
        return fail(
            file,
            format!(
                "no visible sheet holds {}; the hidden sheet \"{first}\" does: choose it with \
                 --sheet \"{first}\" (or unhide it in Excel)",
                format.noun
            ),
        );
    }
    fail(
        file,
        format!(
            "no sheet holds {}: expected {} in one of {}",
            format.noun,
            format.expected,
            book.sheet_names().join(", ")
        ),
    )
}

/// The sheet named `sheet` (any case), or the first that holds `format`,
/// with warnings for what was skipped and for other candidate sheets.
fn read_sheet(
    bytes: &[u8],
    file: &str,
    format: &SheetFormat,
    sheet: Option<&str>,
) -> Result<(SheetText, Vec<Diagnostic>), ImportFailure> {
    let (mut book, facts) = open_book(bytes, file)?;
    if let Some(wanted) = sheet {
        let names = book.sheet_names();
        let Some(name) = names
            .iter()
            .find(|name| name.eq_ignore_ascii_case(wanted.trim()))
        else {
            return Err(fail(
                file,
                format!(
                    "no sheet named \"{wanted}\": the workbook has {}",
                    names.join(", ")
                ),
            ));
        };
        let range = book
            .worksheet_range(name)
            .map_err(|error| fail(file, format!("sheet \"{name}\" cannot be read: {error}")))?;
        let text = sheet_text(name, &range, format, facts.sheet(name)).ok_or_else(|| {
            fail(
                file,
                format!(
                    "sheet \"{name}\" holds no {}: expected {}",
                    format.noun, format.expected
                ),
            )
        })?;
        return Ok(with_skipped(file, text, Vec::new()));
    }
    let (mut found, hidden) = find_sheets(&mut book, &facts, format);
    if found.is_empty() {
        return Err(no_sheet_holds(file, format, &book, &hidden));
    }
    let first = found.remove(0);
    let mut warnings: Vec<Diagnostic> = hidden_warning(file, &hidden, format).into_iter().collect();
    if !found.is_empty() {
        let others: Vec<&str> = found.iter().map(|other| other.name.as_str()).collect();
        let (hold, were) = if others.len() == 1 {
            ("holds", "was")
        } else {
            ("hold", "were")
        };
        warnings.push(warning(
            file,
            format!(
                "read sheet \"{}\"; {} {hold} {} too and {were} not read (choose one with \
                 --sheet)",
                first.name,
                others.join(", "),
                format.noun
            ),
        ));
    }
    Ok(with_skipped(file, first, warnings))
}

/// Adds the warning that rows above the header were skipped, first.
fn with_skipped(
    file: &str,
    text: SheetText,
    mut warnings: Vec<Diagnostic>,
) -> (SheetText, Vec<Diagnostic>) {
    if !text.skipped.is_empty() {
        let rows = match text.skipped.as_slice() {
            [only] => format!("row {only}"),
            [first, .., last] => format!("rows {first}-{last}"),
            [] => String::new(),
        };
        let mut skipped = warning(
            file,
            format!("{rows} above the header were skipped (a title or blank rows)"),
        );
        skipped.file = format!("{file} [{}]", text.name);
        warnings.insert(0, skipped);
    }
    (text, warnings)
}

/// What reading a workbook found: what the one sheet holding the format
/// read as, or several sheets that could each be it, for the person to
/// pick from.
pub enum OneOrChoice<T> {
    Read(Box<Result<Imported<T>, ImportFailure>>),
    /// Each candidate sheet's name and its rows under the header.
    Choose(Vec<(String, usize)>),
}

/// Reads the workbook's one sheet holding `format` with `read`, or lists
/// the candidates when several qualify; each sheet is parsed once.
pub fn read_one_or_choose<T>(
    bytes: &[u8],
    file: &str,
    format: &SheetFormat,
    read: impl FnOnce(&[u8]) -> Result<Imported<T>, ImportFailure>,
) -> OneOrChoice<T> {
    let (mut book, facts) = match open_book(bytes, file) {
        Ok(opened) => opened,
        Err(failure) => return OneOrChoice::Read(Box::new(Err(failure))),
    };
    let (mut found, hidden) = find_sheets(&mut book, &facts, format);
    match found.len() {
        0 => OneOrChoice::Read(Box::new(Err(no_sheet_holds(file, format, &book, &hidden)))),
        1 => {
            let said = hidden_warning(file, &hidden, format).into_iter().collect();
            let (text, warnings) = with_skipped(file, found.remove(0), said);
            let result = read(text.csv.as_bytes());
            OneOrChoice::Read(Box::new(in_terms(result, file, &text, warnings)))
        }
        _ => OneOrChoice::Choose(
            found
                .into_iter()
                .map(|text| (text.name, text.rows.len().saturating_sub(1)))
                .collect(),
        ),
    }
}

fn warning(file: &str, message: String) -> Diagnostic {
    let mut warning = Diagnostic::error(file, None, None, message);
    warning.severity = Severity::Warning;
    warning
}

/// Puts every message of an import of the sheet's text in the sheet's
/// terms, after the sheet's own warnings.
fn in_terms<T>(
    mut result: Result<Imported<T>, ImportFailure>,
    file: &str,
    sheet: &SheetText,
    mut first: Vec<Diagnostic>,
) -> Result<Imported<T>, ImportFailure> {
    let (sheet_errors, sheet_warnings) = sheet_notes(file, sheet);
    first.extend(sheet_warnings);
    match &mut result {
        Ok(imported) => {
            for diagnostic in &mut imported.warnings {
                in_sheet_terms(diagnostic, file, sheet);
            }
            imported.warnings.splice(0..0, first);
        }
        Err(failure) => {
            for diagnostic in failure.errors.iter_mut().chain(failure.warnings.iter_mut()) {
                in_sheet_terms(diagnostic, file, sheet);
            }
            failure.warnings.splice(0..0, first);
        }
    }
    if sheet_errors.is_empty() {
        return result;
    }
    // The sheet's own errors (values it cannot give) fail the import, first.
    let failure = match result {
        Ok(imported) => ImportFailure {
            errors: sheet_errors,
            warnings: imported.warnings,
        },
        Err(mut failure) => {
            failure.errors.splice(0..0, sheet_errors);
            failure
        }
    };
    Err(failure)
}

/// Reads the sheet named `sheet`, or else the first that holds `format`,
/// with `read`, the format's CSV reader, and puts its messages in the
/// workbook's terms (sheet and cell).
pub fn read_sheet_with<T>(
    bytes: &[u8],
    file: &str,
    format: &SheetFormat,
    sheet: Option<&str>,
    read: impl FnOnce(&[u8]) -> Result<Imported<T>, ImportFailure>,
) -> Result<Imported<T>, ImportFailure> {
    let (text, warnings) = read_sheet(bytes, file, format, sheet)?;
    let result = read(text.csv.as_bytes());
    in_terms(result, file, &text, warnings)
}

/// `read_sheet_with`, also giving the name of the sheet read.
pub fn read_sheet_named<T>(
    bytes: &[u8],
    file: &str,
    format: &SheetFormat,
    sheet: Option<&str>,
    read: impl FnOnce(&[u8]) -> Result<Imported<T>, ImportFailure>,
) -> (Option<String>, Result<Imported<T>, ImportFailure>) {
    match read_sheet(bytes, file, format, sheet) {
        Ok((text, warnings)) => {
            let result = read(text.csv.as_bytes());
            let name = text.name.clone();
            (Some(name), in_terms(result, file, &text, warnings))
        }
        Err(failure) => (None, Err(failure)),
    }
}

/// Every sheet of a workbook, in order, and whether it is hidden.
pub fn sheet_list(bytes: &[u8]) -> Vec<(String, bool)> {
    let Ok((book, _)) = open_book(bytes, "") else {
        return Vec::new();
    };
    book.sheets_metadata()
        .iter()
        .map(|sheet| {
            (
                sheet.name.clone(),
                sheet.visible != calamine::SheetVisible::Visible,
            )
        })
        .collect()
}

/// Reads a file of a table format from `path`: a workbook's sheet named
/// `sheet`, or else the first that holds `format`, or a CSV file whole.
/// `read` is the format's CSV reader, given the bytes and the file's name.
pub fn read_table_file<T>(
    path: &std::path::Path,
    format: &SheetFormat,
    sheet: Option<&str>,
    read: impl FnOnce(&[u8], &str) -> Result<Imported<T>, ImportFailure>,
) -> Result<Imported<T>, ImportFailure> {
    use crate::io::file::{FileKind, display_name, read_file};
    let name = display_name(path);
    let bytes = read_file(path).map_err(|message| fail(&name, message.to_string()))?;
    match FileKind::of(path) {
        FileKind::Workbook => read_sheet_with(&bytes, &name, format, sheet, |csv| read(csv, &name)),
        _ => read(&bytes, &name),
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
