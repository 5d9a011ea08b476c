//! A roster import shown before it happens: the sheet read, each column's
//! reading (which the person may change), and what would import. Nothing
//! changes until Import; the choices are then remembered in the workspace
//! for the next file with the same header.

use super::FileIntent;
use crate::io::{self, RosterPreview};
use crate::model::ColumnMap;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

/// An import waiting for the person's word.
pub struct ImportPreview {
    pub path: PathBuf,
    pub intent: FileIntent,
    /// The sheet asked for; `None` reads the first that holds a roster.
    pub sheet: Option<String>,
    /// The person's choices so far (empty: the reader's own, or the map
    /// remembered for this header).
    pub map: ColumnMap,
    /// The file as it would import; `None` while it is read.
    pub preview: Option<RosterPreview>,
    pub(in crate::app) receiver: Option<Receiver<RosterPreview>>,
}

impl ImportPreview {
    pub fn is_reading(&self) -> bool {
        self.preview.is_none()
    }

    /// The header the map is kept under.
    pub(in crate::app) fn header(&self) -> Vec<String> {
        self.preview
            .as_ref()
            .map_or_else(Vec::new, |preview| self.header_of(preview))
    }

    pub(in crate::app) fn header_of(&self, preview: &RosterPreview) -> Vec<String> {
        preview
            .columns
            .iter()
            .map(|column| column.header.clone())
            .collect()
    }
}

/// Whether a picked file goes through the preview: a roster table, not a
/// workspace.
pub fn previews(path: &std::path::Path) -> bool {
    matches!(
        io::FileKind::of(path),
        io::FileKind::Csv | io::FileKind::Workbook
    )
}
