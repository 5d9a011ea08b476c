//! Roster import: the entry point over the wide and long readers, which
//! share the builder and the cell readers below them.
//!
//! An import is a transaction: it builds a new workspace or reports errors,
//! and never touches the one that is open.

use super::builder::RosterBuilder;
use super::columns::{Layout, is_roster_header, layout_of};
use super::{long, wide};
use crate::catalog::Catalog;
use crate::io::diag::{ImportFailure, Imported, Report};
use crate::io::file::Progress;
use crate::io::text;
use crate::io::text::Table;
use crate::model::{Settings, Workspace};

/// Imports a roster CSV in either layout, with the default settings.
pub fn import_roster(
    bytes: &[u8],
    file: &str,
    catalog: &Catalog,
) -> Result<Imported<Workspace>, ImportFailure> {
    import_roster_with(bytes, file, catalog, &Settings::default())
}

/// Imports a roster CSV; `settings` supplies the scale's words (a workspace
/// may call its levels something else) and become the new workspace's.
pub fn import_roster_with(
    bytes: &[u8],
    file: &str,
    catalog: &Catalog,
    settings: &Settings,
) -> Result<Imported<Workspace>, ImportFailure> {
    import_roster_tracked(bytes, file, catalog, settings, &Progress::default())
}

/// `import_roster_with`, reporting progress by rows read and stopping when
/// cancelled.
pub(crate) fn import_roster_tracked(
    bytes: &[u8],
    file: &str,
    catalog: &Catalog,
    settings: &Settings,
    progress: &Progress,
) -> Result<Imported<Workspace>, ImportFailure> {
    let mut report = Report::new(file);
    let text = text::decode(bytes, file).map_err(ImportFailure::single)?;
    let Some(mut table) = Table::read_finding(&text, &mut report, is_roster_header) else {
        return Err(report.fail());
    };
    table.progress = Some(progress);
    let mut builder = RosterBuilder::new(catalog, settings.clone());
    match layout_of(&table) {
        Layout::Wide => wide::read(&table, &mut builder, &mut report),
        Layout::Long => long::read(&table, &mut builder, &mut report),
    }
    if progress.is_cancelled() {
        report.error_without_place("cancelled: nothing was imported".to_string());
    }
    if report.has_errors() {
        return Err(report.fail());
    }
    let workspace = builder.finish(&mut report);
    report.finish(workspace)
}

/// The layout and delimiter of a roster file, judged by its header.
pub fn sniff_roster(bytes: &[u8]) -> Option<(Layout, u8)> {
    let text = text::decode(bytes, "").ok()?;
    let mut report = Report::new("");
    Table::read_finding(&text, &mut report, is_roster_header)
        .map(|table| (layout_of(&table), table.delimiter))
}
