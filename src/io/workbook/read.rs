//! Reading a workbook's sheet (Excel, or what else calamine reads) as the
//! CSV text its format's reader takes, knowing no format: the caller says
//! what the sheet's header looks like. Every message of the format's
//! reader is put back in the sheet's terms, `team.xlsx [Roster]!F14`.

use super::guard::WorkbookFacts;
use super::sheet::{SheetFormat, SheetText, in_sheet_terms, sheet_notes, sheet_text};
use crate::io::diag::{Diagnostic, ImportFailure, Imported, Severity};
use calamine::Reader;

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
