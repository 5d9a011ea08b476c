//! Self-assessment forms: the blank form a member fills in (`blank.rs`,
//! as CSV or a workbook with the scale offered in every cell), and the
//! returned form read back with what it adds to a plain round (`returned.rs`).

mod blank;
mod returned;

pub use blank::{
    FORM_HEADER, FormRow, form_csv, form_file_name, form_rows, form_workbook, is_form_header,
};
pub use returned::{FormReturn, prepare_form, read_form_return};
