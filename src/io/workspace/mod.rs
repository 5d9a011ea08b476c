//! The workspace, whole: the `.skillgrid` SQLite file (`database.rs`, a
//! member's dated history as one blob each, `history_blob.rs`), the same
//! document as JSON for scripts (`json.rs`), and the compact copy crash
//! recovery keeps (`compact.rs`).

mod compact;
mod database;
mod database_write;
mod history_blob;
mod json;

pub use compact::{read_compact, write_compact};
pub use database::{
    APPLICATION_ID, DATABASE_VERSION, ReadDatabase, database_revision, is_database, read_database,
};
pub use database_write::{update_database, write_database, write_database_private};
pub use history_blob::{decode_history, encode_history};
pub use json::{workspace_from_json, workspace_to_json};
