//! Where a file that adds to the document is applied, one arm a kind.

use super::AppState;
use crate::app::{ImportKind, Outcome};
use std::path::Path;

impl AppState {
    /// Reads `path` as `kind` and applies it as one undoable edit (a
    /// framework is previewed first); a file that fails changes nothing.
    pub(in crate::app) fn import_file(&mut self, kind: ImportKind, path: &Path) -> Outcome {
        match kind {
            ImportKind::Projects => {
                self.import_projects(path);
                return Outcome::ProjectsReplaced;
            }
            ImportKind::Targets => self.import_targets(path),
            ImportKind::Certifications => self.import_certifications(path),
            ImportKind::Framework => self.preview_framework(path),
            ImportKind::TimeOff => self.import_time_off(path),
            ImportKind::Holidays => self.import_holidays(path),
        }
        Outcome::Done
    }
}
