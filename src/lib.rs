//! Skillgrid: a team skills matrix and staffing planner.
//!
//! The modules form layers, each using only those below it (ARCHITECTURE.md
//! draws them; `tests/architecture.rs` keeps them): `words` and `palette`;
//! `model`; `catalog`; `analysis` and `synthetic`; `io`; `report`; `app`;
//! then `ui` (the window) and `cli` (the command line), which share
//! everything below them. Only `app` and `ui` know egui.

pub mod analysis;
pub mod app;
pub mod catalog;
pub mod cli;
pub mod io;
pub mod model;
pub mod palette;
pub mod report;
pub mod synthetic;
pub mod ui;
pub mod words;
