//! Roster import: the entry point over the wide and long readers, which
//! share the builder and the cell readers below them.
//!
//! An import is a transaction: it builds a new workspace or reports errors,
//! and never touches the one that is open.

use super::builder::RosterBuilder;
use super::columns::{Layout, is_roster_header, layout_of};
use super::plan::PlannedColumn;
use super::{long, wide};
use crate::catalog::Catalog;
use crate::io::diag::{ImportFailure, Imported, Report};
use crate::io::file::Progress;
use crate::io::text;
use crate::io::text::Table;
use crate::model::{ColumnMap, Settings, Workspace, remembered_map};

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

/// `import_roster_with`, reading the columns as `map` says (a person's
/// choices win over the reader's own judgement).
pub fn import_roster_mapped(
    bytes: &[u8],
    file: &str,
    catalog: &Catalog,
    settings: &Settings,
    map: &ColumnMap,
) -> Result<Imported<Workspace>, ImportFailure> {
    read_roster(bytes, file, catalog, settings, map, &Progress::default()).0
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
    read_roster(
        bytes,
        file,
        catalog,
        settings,
        &ColumnMap::default(),
        progress,
    )
    .0
}

/// A roster read, and how its columns were read (none for the long
/// layout, whose columns are fixed).
pub(crate) fn read_roster(
    bytes: &[u8],
    file: &str,
    catalog: &Catalog,
    settings: &Settings,
    map: &ColumnMap,
    progress: &Progress,
) -> (
    Result<Imported<Workspace>, ImportFailure>,
    Vec<PlannedColumn>,
) {
    let mut report = Report::new(file);
    let text = match text::decode(bytes, file) {
        Ok(text) => text,
        Err(error) => return (Err(ImportFailure::single(error)), Vec::new()),
    };
    let Some(mut table) = Table::read_finding(&text, &mut report, is_roster_header) else {
        return (Err(report.fail()), Vec::new());
    };
    table.progress = Some(progress);
    // The map remembered for this header, if any, under the one given.
    let merged;
    let map = match remembered_map(&settings.column_maps, &table.header) {
        Some(remembered) => {
            let mut both = remembered.clone();
            for (header, choice) in &map.columns {
                both.set(header, choice.clone());
            }
            merged = both;
            &merged
        }
        None => map,
    };
    let mut builder = RosterBuilder::new(catalog, settings.clone());
    let planned = match layout_of(&table) {
        Layout::Wide => wide::read(&mut table, map, &mut builder, &mut report),
        Layout::Long => {
            long::read(&table, &mut builder, &mut report);
            Vec::new()
        }
    };
    if progress.is_cancelled() {
        report.error_without_place("cancelled: nothing was imported".to_string());
    }
    if report.has_errors() {
        return (Err(report.fail()), planned);
    }
    let workspace = builder.finish(&mut report);
    (report.finish(workspace), planned)
}

/// The layout and delimiter of a roster file, judged by its header.
pub fn sniff_roster(bytes: &[u8]) -> Option<(Layout, u8)> {
    let text = text::decode(bytes, "").ok()?;
    let mut report = Report::new("");
    Table::read_finding(&text, &mut report, is_roster_header)
        .map(|table| (layout_of(&table), table.delimiter))
}
