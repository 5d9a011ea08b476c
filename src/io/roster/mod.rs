//! Rosters: members and their levels, in a CSV in either layout (wide, a
//! column a skill; long, a row a rating) or a workbook sheet, and written
//! back as CSV or as a coloured matrix workbook.

mod builder;
mod columns;
mod export;
mod long;
mod plan;
mod preview;
mod read;
mod sheet;
mod wide;
mod workbook;

pub use columns::Layout;
pub use export::{ExportOptions, export_roster, skill_header};
pub use plan::{PlannedColumn, is_excel_error};
pub use preview::{
    RosterPreview, preview_roster, preview_roster_file, read_column_map, write_column_map,
};
pub(crate) use read::import_roster_tracked;
pub use read::{import_roster, import_roster_mapped, import_roster_with, sniff_roster};
pub use sheet::{
    ROSTER_SHEET, RosterSheets, import_roster_sheet, import_roster_sheet_mapped,
    import_roster_workbook, roster_or_choice,
};
pub use workbook::{add_matrix_sheets, export_workbook};
