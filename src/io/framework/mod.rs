//! Career frameworks, read as they are published: the FT's job families
//! (`ft.rs`), Monzo's progression pages (`monzo.rs`) and levels x
//! competencies grids from a spreadsheet (`grid.rs`), each giving a
//! `Framework` (`types.rs`); `read.rs` picks the reader. `map.rs` maps a
//! framework onto the workspace's roles and skills as a preview, with
//! `similar.rs` offering a skill for a theme whose name resembles one.

mod ft;
mod grid;
mod map;
mod monzo;
mod read;
mod similar;
mod types;

pub use ft::{FT_PROFICIENCY, read_ft};
pub use grid::read_grid;
pub use map::{ChangeKind, FrameworkPreview, RoleChange, ThemeMatch, tally, track_words};
pub use monzo::{looks_like_monzo, read_monzo};
pub use read::{FrameworkFormat, read_framework};
pub use similar::Suggestion;
pub(crate) use similar::suggest;
pub use types::{
    Expectation, Framework, FrameworkLevel, FrameworkTheme, ScaleStep, Strength, spread_level,
};
