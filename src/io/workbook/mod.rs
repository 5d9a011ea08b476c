//! Workbooks: a sheet read as the text table its format's reader takes,
//! with the sheet found by the header the caller describes, messages put
//! back in the sheet's cells, and bounds held while the zip inflates.
//! This knows no format; writing a format's workbook lives with the format.

mod guard;
mod read;
mod sheet;

pub use read::{
    OneOrChoice, first_format_held, read_one_or_choose, read_sheet_named, read_sheet_with,
    read_table_file, sheet_list,
};
pub use sheet::{SheetFormat, column_letters, never_continues, untitled};

/// A workbook to write that saves quickly: the level cells are repetitive,
/// so the fastest deflate makes the file little larger in half the time.
pub fn new_workbook() -> rust_xlsxwriter::Workbook {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.set_zip_compression_level(1);
    book
}
