//! Skillgrid: a team skills matrix and staffing planner.
//!
//! `model`, `catalog`, `analysis`, `io` and `report` hold the domain and never
//! depend on a GUI toolkit, so the command line, the desktop app and the tests
//! share them. Only `app` and `ui` know egui.

pub mod analysis;
pub mod app;
pub mod catalog;
pub mod cli;
pub mod io;
pub mod model;
pub mod report;
pub mod synthetic;
pub mod ui;
