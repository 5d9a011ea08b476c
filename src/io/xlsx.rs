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
        // Levels are single digits: most cells of a roster.
        Data::Float(value) if (0.0..=9.0).contains(value) && value.fract() == 0.0 => {
            csv.push(char::from(b'0' + *value as u8));
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

/// What a sheet is asked to hold: each kind knows its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetKind {
    Roster,
    Roles,
    Projects,
    Targets,
    Certifications,
    /// A career framework's levels x competencies grid.
    Framework,
}

impl SheetKind {
    /// Whether a row could be this kind's header.
    fn is_header(self, row: &[Data]) -> bool {
        match self {
            SheetKind::Roster => row
                .iter()
                .any(|cell| Field::from_header(&cell_text(cell)) == Some(Field::Name)),
            _ => {
                let header: Vec<String> = row.iter().map(cell_text).collect();
                match self {
                    SheetKind::Roles => super::roles_csv::is_roles_header(&header),
                    SheetKind::Projects => super::projects_csv::is_projects_header(&header),
                    SheetKind::Targets => super::development_csv::is_targets_header(&header),
                    SheetKind::Framework => super::framework_grid::is_grid_header(&header),
                    _ => super::development_csv::is_certifications_header(&header),
                }
            }
        }
    }

    fn noun(self) -> &'static str {
        match self {
            SheetKind::Roster => "a roster",
            SheetKind::Roles => "role requirements",
            SheetKind::Projects => "projects",
            SheetKind::Targets => "development targets",
            SheetKind::Certifications => "certifications",
            SheetKind::Framework => "a career framework grid",
        }
    }

    fn expected(self) -> &'static str {
        match self {
            SheetKind::Roster => "a header row with a Name column (or Full name, Member, Employee)",
            SheetKind::Roles => "a header row with Role, Skill, Min level and Importance",
            SheetKind::Projects => "a header row with Project, Start, End and Priority",
            SheetKind::Targets => "a header row with Member, Skill, Target and By",
            SheetKind::Certifications => "a header row with Member and Certification",
            SheetKind::Framework => {
                "a header row of Competency, then one column per level, lowest first"
            }
        }
    }
}

fn sheet_text(name: &str, range: &Range<Data>, kind: SheetKind) -> Option<SheetText> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows: Vec<&[Data]> = range.rows().collect();
    let header = rows.iter().position(|row| kind.is_header(row))?;
    let mut text = SheetText {
        name: name.to_string(),
        csv: String::with_capacity(range.get_size().0 * range.get_size().1 * 2),
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

fn open_book<'a>(bytes: &'a [u8], file: &str) -> Result<Book<'a>, ImportFailure> {
    if is_encrypted(bytes) {
        return Err(fail(
            file,
            "is password-protected, so its sheets cannot be read: open it in Excel, remove the \
             password (File > Info > Protect Workbook > Encrypt with Password) and save it again"
                .to_string(),
        ));
    }
    super::xlsx_guard::check_workbook(bytes, file)?;
    calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|error| {
        fail(
            file,
            format!(
                "not a workbook Skillgrid can read ({error}): expected an Excel file (.xlsx, \
                 .xlsm, .xls) or an OpenDocument sheet (.ods), not password-protected"
            ),
        )
    })
}

/// The sheets that hold `kind`, in workbook order, each with the number of
/// rows under its header: what the window offers to pick from.
pub fn candidate_sheets(bytes: &[u8], kind: SheetKind) -> Vec<(String, usize)> {
    let Ok(mut book) = open_book(bytes, "") else {
        return Vec::new();
    };
    find_sheets(&mut book, kind)
        .into_iter()
        .map(|text| (text.name, text.rows.len().saturating_sub(1)))
        .collect()
}

/// What a workbook holds, for commands that take any kind of file: the
/// named sheet's kind, or the first sheet's that holds one (a roster before
/// role requirements before projects). `None` when no sheet holds any.
pub fn workbook_kind(bytes: &[u8], sheet: Option<&str>) -> Option<SheetKind> {
    let mut book = open_book(bytes, "").ok()?;
    let names = book.sheet_names();
    let kinds = [SheetKind::Roster, SheetKind::Roles, SheetKind::Projects];
    let mut found = Vec::new();
    for name in names
        .iter()
        .filter(|name| sheet.is_none_or(|wanted| name.eq_ignore_ascii_case(wanted.trim())))
    {
        let Ok(range) = book.worksheet_range(name) else {
            continue;
        };
        if let Some(kind) = kinds
            .into_iter()
            .find(|kind| range.rows().any(|row| kind.is_header(row)))
        {
            found.push(kind);
        }
    }
    kinds.into_iter().find(|kind| found.contains(kind))
}

/// Every sheet that holds `kind`, in workbook order, ready to import.
fn find_sheets(book: &mut Book, kind: SheetKind) -> Vec<SheetText> {
    let names = book.sheet_names();
    names
        .iter()
        .filter_map(|name| sheet_text(name, &book.worksheet_range(name).ok()?, kind))
        .collect()
}

fn no_sheet_holds(file: &str, kind: SheetKind, book: &Book) -> ImportFailure {
    fail(
        file,
        format!(
            "no sheet holds {}: expected {} in one of {}",
            kind.noun(),
            kind.expected(),
            book.sheet_names().join(", ")
        ),
    )
}

/// The sheet named `sheet` (any case), or the first that holds `kind`,
/// with warnings for what was skipped and for other candidate sheets.
fn read_sheet(
    bytes: &[u8],
    file: &str,
    kind: SheetKind,
    sheet: Option<&str>,
) -> Result<(SheetText, Vec<Diagnostic>), ImportFailure> {
    let mut book = open_book(bytes, file)?;
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
        let text = sheet_text(name, &range, kind).ok_or_else(|| {
            fail(
                file,
                format!(
                    "sheet \"{name}\" holds no {}: expected {}",
                    kind.noun(),
                    kind.expected()
                ),
            )
        })?;
        return Ok(with_skipped(file, text, Vec::new()));
    }
    let mut found = find_sheets(&mut book, kind);
    if found.is_empty() {
        return Err(no_sheet_holds(file, kind, &book));
    }
    let first = found.remove(0);
    let mut warnings = Vec::new();
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
                kind.noun()
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

/// What reading a workbook as a roster found: the roster, or several
/// sheets that could each be it, for the person to pick from.
pub enum RosterSheets {
    Read(Box<Result<Imported<Workspace>, ImportFailure>>),
    /// Each candidate sheet's name and its rows under the header.
    Choose(Vec<(String, usize)>),
}

/// Reads the workbook's one roster sheet, or lists the candidates when
/// several qualify; each sheet is parsed once.
pub fn roster_or_choice(bytes: &[u8], file: &str, catalog: &Catalog) -> RosterSheets {
    let mut book = match open_book(bytes, file) {
        Ok(book) => book,
        Err(failure) => return RosterSheets::Read(Box::new(Err(failure))),
    };
    let mut found = find_sheets(&mut book, SheetKind::Roster);
    match found.len() {
        0 => RosterSheets::Read(Box::new(Err(no_sheet_holds(
            file,
            SheetKind::Roster,
            &book,
        )))),
        1 => {
            let (text, warnings) = with_skipped(file, found.remove(0), Vec::new());
            let result = super::import_roster(text.csv.as_bytes(), file, catalog);
            RosterSheets::Read(Box::new(in_terms(result, file, &text, warnings)))
        }
        _ => RosterSheets::Choose(
            found
                .into_iter()
                .map(|text| (text.name, text.rows.len().saturating_sub(1)))
                .collect(),
        ),
    }
}

fn warning(file: &str, message: String) -> Diagnostic {
    let mut warning = Diagnostic::error(file, None, None, message);
    warning.severity = super::Severity::Warning;
    warning
}

/// Puts every message of an import of the sheet's text in the sheet's
/// terms, after the sheet's own warnings.
fn in_terms<T>(
    mut result: Result<Imported<T>, ImportFailure>,
    file: &str,
    sheet: &SheetText,
    first: Vec<Diagnostic>,
) -> Result<Imported<T>, ImportFailure> {
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
    result
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
    let (text, warnings) = read_sheet(bytes, file, SheetKind::Roster, sheet)?;
    let result = super::import_roster(text.csv.as_bytes(), file, catalog);
    in_terms(result, file, &text, warnings)
}

/// Role requirements from a workbook sheet, as from a CSV file.
pub fn import_roles_workbook(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
) -> Result<Imported<super::RolesImport>, ImportFailure> {
    let (text, warnings) = read_sheet(bytes, file, SheetKind::Roles, sheet)?;
    let result = super::import_roles_csv(text.csv.as_bytes(), file);
    in_terms(result, file, &text, warnings)
}

/// Projects from a workbook sheet, as from a CSV file; dates may be real
/// Excel dates or text.
pub fn import_projects_workbook(
    bytes: &[u8],
    file: &str,
    workspace: &Workspace,
    catalog: &Catalog,
    sheet: Option<&str>,
) -> Result<Imported<Vec<crate::model::Project>>, ImportFailure> {
    let (text, warnings) = read_sheet(bytes, file, SheetKind::Projects, sheet)?;
    let result = super::import_projects_csv(text.csv.as_bytes(), file, workspace, catalog);
    in_terms(result, file, &text, warnings)
}

/// Reads the sheet that holds `kind` with `read`, a CSV reader, and puts
/// its errors in the workbook's terms (sheet and cell).
pub(crate) fn import_sheet_with<T>(
    bytes: &[u8],
    file: &str,
    kind: SheetKind,
    sheet: Option<&str>,
    read: impl FnOnce(&[u8]) -> Result<Imported<T>, ImportFailure>,
) -> Result<Imported<T>, ImportFailure> {
    let (text, warnings) = read_sheet(bytes, file, kind, sheet)?;
    let result = read(text.csv.as_bytes());
    in_terms(result, file, &text, warnings)
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
