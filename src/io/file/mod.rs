//! Files as bytes: bounded reads that hold their limits while they read,
//! atomic writes that replace a file whole or not at all, and what kind a
//! file is by its name.

mod atomic;
mod kind;
mod read;

pub(crate) use atomic::{Access, write_atomic_access};
pub use atomic::{
    SaveError, SaveStep, Saved, content_hash, mark_process_start, write_atomic,
    write_atomic_checked, write_atomic_private,
};
pub use kind::{FileKind, Progress, display_name};
pub use read::{
    MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_JSON_BYTES, SILENCE_LIMIT, limit_for,
    read_file, read_file_tracked,
};
