//! A roster in a workbook: the sheet whose header names the members'
//! column, read through the same importer as a CSV file.

use super::columns::is_roster_header;
use super::read::{import_roster, import_roster_mapped};
use crate::catalog::Catalog;
use crate::io::diag::{ImportFailure, Imported};
use crate::io::forms::is_form_header;
use crate::io::workbook::{OneOrChoice, SheetFormat, read_one_or_choose, read_sheet_with};
use crate::model::{ColumnMap, Settings, Workspace};

/// A roster sheet, as the workbook reader looks for it.
pub const ROSTER_SHEET: SheetFormat = SheetFormat {
    noun: "a roster",
    expected: "a header row with a Name column (or Full name, Member, Employee)",
    is_header: is_roster_header,
    titled: is_form_header,
    continues: is_roster_column,
};

/// A heading a roster's columns have: a member field or a library skill.
fn is_roster_column(header: &str) -> bool {
    super::columns::Field::from_header(header).is_some_and(|field| field.is_member_field())
        || crate::catalog::builtin().find_skill(header).is_some()
}

/// What reading a workbook as a roster found: the roster, or several
/// sheets that could each be it.
pub type RosterSheets = OneOrChoice<Workspace>;

/// Reads the workbook's one roster sheet, or lists the candidates when
/// several qualify; each sheet is parsed once.
pub fn roster_or_choice(bytes: &[u8], file: &str, catalog: &Catalog) -> RosterSheets {
    read_one_or_choose(bytes, file, &ROSTER_SHEET, |csv| {
        import_roster(csv, file, catalog)
    })
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
    read_sheet_with(bytes, file, &ROSTER_SHEET, sheet, |csv| {
        import_roster(csv, file, catalog)
    })
}

/// `import_roster_sheet`, reading the columns as `map` says.
pub fn import_roster_sheet_mapped(
    bytes: &[u8],
    file: &str,
    catalog: &Catalog,
    sheet: Option<&str>,
    map: &ColumnMap,
    settings: &Settings,
) -> Result<Imported<Workspace>, ImportFailure> {
    read_sheet_with(bytes, file, &ROSTER_SHEET, sheet, |csv| {
        import_roster_mapped(csv, file, catalog, settings, map)
    })
}
