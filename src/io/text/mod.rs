//! Text tables: decoding bytes in any encoding a spreadsheet writes, a
//! delimited table read as a header and streamed rows, and the cells every
//! table format shares. Each format's reader (roster, roles, projects...)
//! says what its header holds; this knows no format.

mod cells;
mod decode;
mod table;

pub use cells::{NumberError, is_excel_error};
pub(crate) use cells::{cell_error_message, parse_fte, parse_years, text_cell, unique_id};
pub use decode::{decode, neutralise_text, restore_text};
pub(crate) use table::{Table, line_of};

/// A share of a full-time position: `0.5`, `0,5` or `50%`, from 0 to 1.
pub fn parse_share(text: &str) -> Result<f64, NumberError> {
    parse_fte(text)
}
