//! The state's import preview methods: read a roster file as it would
//! import, change a column's reading or the sheet, then import or cancel.

use crate::app::{AppState, FileIntent, ImportPreview};
use crate::catalog;
use crate::io;
use crate::model::{ColumnMap, ColumnUse, Settings};
use std::path::PathBuf;
use std::sync::mpsc::channel;

/// Files up to this size are previewed at once; larger ones on a worker.
const INLINE_BYTES: u64 = 2 * 1024 * 1024;

impl AppState {
    pub fn import_preview(&self) -> Option<&ImportPreview> {
        self.import_preview.as_ref()
    }

    /// The settings a roster is read with: the defaults, with the column
    /// maps the open workspace remembers.
    fn preview_settings(&self, intent: FileIntent) -> Settings {
        let settings = &self.document.workspace.settings;
        Settings {
            column_maps: settings.column_maps.clone(),
            // A round is read in the words the workspace calls its levels.
            scale: match intent {
                FileIntent::Round { .. } => settings.scale.clone(),
                _ => Settings::default().scale,
            },
            ..Settings::default()
        }
    }

    /// Reads `path` for the preview, keeping the choices made so far.
    pub(in crate::app) fn start_preview(
        &mut self,
        path: PathBuf,
        intent: FileIntent,
        sheet: Option<String>,
        map: ColumnMap,
    ) {
        let settings = self.preview_settings(intent);
        let size = std::fs::metadata(&path).map_or(0, |metadata| metadata.len());
        let read = {
            let (path, sheet, map) = (path.clone(), sheet.clone(), map.clone());
            move || {
                io::preview_roster_file(
                    &path,
                    catalog::builtin(),
                    &settings,
                    sheet.as_deref(),
                    &map,
                )
            }
        };
        let (preview, receiver) = if size <= INLINE_BYTES {
            (Some(read()), None)
        } else {
            let (sender, receiver) = channel();
            std::thread::Builder::new()
                .name("skillgrid-preview".into())
                .spawn(move || {
                    let _ = sender.send(read());
                })
                .expect("spawning a thread");
            (None, Some(receiver))
        };
        self.import_preview = Some(ImportPreview {
            path,
            intent,
            sheet,
            map,
            preview,
            receiver,
        });
    }

    /// Takes a preview read on a worker, once it is in.
    pub(in crate::app) fn poll_preview(&mut self) {
        if let Some(waiting) = &mut self.import_preview
            && let Some(receiver) = &waiting.receiver
            && let Ok(preview) = receiver.try_recv()
        {
            waiting.preview = Some(preview);
            waiting.receiver = None;
        }
    }

    pub fn preview_waiting(&self) -> bool {
        self.import_preview
            .as_ref()
            .is_some_and(|preview| preview.receiver.is_some())
    }

    /// The person's reading of column `index`: read again with it.
    pub(in crate::app) fn set_import_column(&mut self, index: usize, choice: ColumnUse) {
        let Some(waiting) = self.import_preview.take() else {
            return;
        };
        let header = waiting.preview.as_ref().and_then(|preview| {
            preview
                .columns
                .iter()
                .find(|column| column.index == index)
                .map(|column| column.header.clone())
        });
        let mut map = waiting.map;
        if let Some(header) = header.filter(|header| !header.trim().is_empty()) {
            map.set(&header, choice);
        }
        self.start_preview(waiting.path, waiting.intent, waiting.sheet, map);
    }

    /// Reads another sheet of the workbook; the choices are kept.
    pub(in crate::app) fn set_import_sheet(&mut self, sheet: String) {
        if let Some(waiting) = self.import_preview.take() {
            self.start_preview(waiting.path, waiting.intent, Some(sheet), waiting.map);
        }
    }

    /// Imports what the preview shows, and remembers the person's choices
    /// for files with the same header.
    pub(in crate::app) fn confirm_import(&mut self) -> bool {
        let Some(mut waiting) = self.import_preview.take() else {
            return false;
        };
        let Some(preview) = waiting.preview.take() else {
            // Still reading: keep waiting.
            self.import_preview = Some(waiting);
            return false;
        };
        // Every choice the preview read with: this time's and remembered ones.
        let mut map = ColumnMap {
            header: waiting.header_of(&preview),
            columns: Vec::new(),
        };
        for column in preview.columns.iter().filter(|column| column.chosen) {
            map.set(&column.header, column.choice.clone());
        }
        let mut result = preview.result;
        let remember = !map.is_empty() && !map.header.is_empty();
        if remember
            && waiting.intent == FileIntent::ImportRoster
            && let Ok(imported) = &mut result
        {
            remember_map(&mut imported.value.settings, map.clone());
        }
        let read = result.is_ok();
        let opened = self.finish_open_at(&waiting.path, waiting.intent, result, None);
        if remember && matches!(waiting.intent, FileIntent::Round { .. }) && read {
            self.document
                .change("remember the column mapping", |workspace| {
                    remember_map(&mut workspace.settings, map);
                });
        }
        opened
    }

    /// Writes the person's choices as a mapping file the command line takes.
    pub(in crate::app) fn save_column_map(&mut self, path: &std::path::Path) {
        let Some(waiting) = &self.import_preview else {
            return;
        };
        let mut map = ColumnMap {
            header: waiting.header(),
            columns: Vec::new(),
        };
        for column in waiting
            .preview
            .iter()
            .flat_map(|preview| &preview.columns)
            .filter(|column| column.chosen)
        {
            map.set(&column.header, column.choice.clone());
        }
        let text = io::write_column_map(&map);
        self.notice = Some(match io::write_atomic(path, text.as_bytes()) {
            Ok(_) => format!(
                "Saved the column mapping to {} (use it with --map)",
                path.display()
            ),
            Err(error) => format!("Could not save the mapping to {}: {error}", path.display()),
        });
    }
}

/// Keeps `map` as the one for its header, replacing an older one.
fn remember_map(settings: &mut Settings, map: ColumnMap) {
    settings.column_maps.retain(|kept| !kept.fits(&map.header));
    settings.column_maps.push(map);
}
