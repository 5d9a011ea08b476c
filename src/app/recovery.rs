//! Crash recovery: while there are unsaved changes, the workspace is copied
//! to a recovery file in the app's data folder, every minute and at once
//! after a structural change. A clean exit or a save removes it; the next
//! start after a crash offers it back.

use super::{AppState, Document, ViewSelection};
use crate::io::{self, ImportFailure, Imported};
use crate::model::Workspace;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How often unsaved cell edits reach the recovery file.
pub const RECOVERY_INTERVAL: Duration = Duration::from_secs(60);
const WORKSPACE_FILE: &str = "recovery-workspace.json";
const INFO_FILE: &str = "recovery-info.json";

/// What the recovery file holds, shown when offering it back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecoveryInfo {
    /// The document's name in the window title.
    pub name: String,
    /// Where the document was saved, if it ever was.
    pub source: Option<PathBuf>,
    /// Seconds since 1970 when it was written.
    pub written_at: u64,
    /// Unsaved changes it holds.
    pub changes: usize,
}

impl RecoveryInfo {
    /// "3 minutes ago", "2 hours ago", for the offer.
    pub fn age(&self, now: SystemTime) -> String {
        let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let minutes = now.saturating_sub(self.written_at) / 60;
        match minutes {
            0 => "less than a minute ago".to_string(),
            1 => "1 minute ago".to_string(),
            2..=119 => format!("{minutes} minutes ago"),
            _ => format!("{} hours ago", minutes / 60),
        }
    }
}

/// The recovery files of one data folder.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    pub folder: PathBuf,
}

impl RecoveryStore {
    pub fn new(folder: impl Into<PathBuf>) -> RecoveryStore {
        RecoveryStore {
            folder: folder.into(),
        }
    }

    /// The platform's data folder for Skillgrid.
    pub fn platform() -> Option<RecoveryStore> {
        eframe_free_storage_dir().map(RecoveryStore::new)
    }

    fn info_path(&self) -> PathBuf {
        self.folder.join(INFO_FILE)
    }

    fn workspace_path(&self) -> PathBuf {
        self.folder.join(WORKSPACE_FILE)
    }

    /// Writes the workspace, then the info that makes it an offer: a crash
    /// between the two leaves no offer of a half-written file.
    pub fn write(&self, workspace: &Workspace, info: &RecoveryInfo) -> Result<(), String> {
        std::fs::create_dir_all(&self.folder)
            .map_err(|error| format!("cannot create {}: {error}", self.folder.display()))?;
        io::write_atomic(&self.workspace_path(), &io::workspace_to_json(workspace))
            .map_err(|error| error.to_string())?;
        let info = serde_json::to_vec_pretty(info).expect("recovery info serialises");
        io::write_atomic(&self.info_path(), &info).map_err(|error| error.to_string())
    }

    /// The offer left by a run that did not exit cleanly.
    pub fn offer(&self) -> Option<RecoveryInfo> {
        let bytes = std::fs::read(self.info_path()).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    pub fn load(&self) -> Result<Imported<Workspace>, ImportFailure> {
        io::open_path(&self.workspace_path(), crate::catalog::builtin())
    }

    /// Removes the offer first, so a failure half way never offers a stale file.
    pub fn remove(&self) {
        let _ = std::fs::remove_file(self.info_path());
        let _ = std::fs::remove_file(self.workspace_path());
    }

    pub fn exists(&self) -> bool {
        self.info_path().exists()
    }
}

/// The same folder eframe keeps its settings in (kept apart from eframe so
/// `app` stays free of the UI crates).
fn eframe_free_storage_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|path| path.is_absolute())
        .or_else(|| std::env::home_dir().map(|home| home.join(".local").join("share")))?;
    Some(base.join("skillgrid"))
}

/// Keeps the recovery file in step with the document.
pub struct Recovery {
    pub store: RecoveryStore,
    /// (document id, generation) and when last written.
    written: Option<((u64, u64), Instant)>,
    structural: Option<(u64, u64)>,
    writer: Option<std::thread::JoinHandle<Result<(), String>>>,
    /// The last write's failure, for the status bar.
    pub error: Option<String>,
}

impl Recovery {
    pub fn new(store: RecoveryStore) -> Recovery {
        Recovery {
            store,
            written: None,
            structural: None,
            writer: None,
            error: None,
        }
    }

    /// Called every frame: writes (on a worker) when due, removes the file
    /// once nothing is unsaved. Cheap when there is nothing to do.
    pub fn maintain(&mut self, document: &Document, now: Instant) {
        if let Some(writer) = self.writer.take_if(|w| w.is_finished()) {
            self.error = writer
                .join()
                .unwrap_or_else(|_| Err("the writer stopped".into()))
                .err();
        }
        if !document.is_dirty() {
            if self.written.take().is_some() {
                self.store.remove();
            }
            return;
        }
        let version = (document.id, document.generation);
        let structural = (document.id, document.structural_generation);
        let due = match self.written {
            None => true,
            Some((written, at)) => {
                written != version
                    && (self.structural != Some(structural)
                        || now.duration_since(at) >= RECOVERY_INTERVAL)
            }
        };
        if !due || self.writer.is_some() {
            return;
        }
        self.written = Some((version, now));
        self.structural = Some(structural);
        let workspace: Arc<Workspace> = Arc::clone(&document.workspace);
        let info = RecoveryInfo {
            name: document.name.clone(),
            source: document.path.clone(),
            written_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            changes: document.unsaved_changes(),
        };
        let store = self.store.clone();
        self.writer = std::thread::Builder::new()
            .name("skillgrid-recovery".into())
            .spawn(move || store.write(&workspace, &info))
            .ok();
    }

    /// Waits for a write in flight (tests, and before a clean exit).
    pub fn flush(&mut self) {
        if let Some(writer) = self.writer.take() {
            self.error = writer
                .join()
                .unwrap_or_else(|_| Err("the writer stopped".into()))
                .err();
        }
    }

    /// A clean exit: nothing to recover.
    pub fn clean_exit(&mut self) {
        self.flush();
        self.store.remove();
    }
}

pub fn recovered_name(info: &RecoveryInfo) -> String {
    format!("{} (recovered)", info.name.trim_end_matches(" (recovered)"))
}

impl AppState {
    /// Starts keeping recovery copies in `store`, and offers back what a
    /// crashed run left there.
    pub fn use_recovery(&mut self, store: RecoveryStore) {
        self.recovery_offer = store.offer();
        self.recovery = Some(Recovery::new(store));
    }

    /// Writes or removes the recovery file as the document needs; called
    /// every frame, cheap when nothing is due.
    pub fn maintain_recovery(&mut self) {
        if self.recovery_offer.is_some() {
            // The old file stays until the user has answered the offer.
            return;
        }
        if let Some(recovery) = &mut self.recovery {
            recovery.maintain(&self.document, std::time::Instant::now());
        }
    }

    /// Takes the recovered work as an unsaved document.
    pub fn restore_recovery(&mut self) {
        let Some(info) = self.recovery_offer.take() else {
            return;
        };
        let Some(recovery) = &self.recovery else {
            return;
        };
        match recovery.store.load() {
            Ok(imported) => {
                let mut document =
                    Document::new(imported.value, &recovered_name(&info), info.source);
                document.mark_unsaved();
                self.document = document;
                self.selected = None;
                self.selection = ViewSelection::default();
                self.notice = Some(format!("Restored {} unsaved changes", info.changes));
            }
            Err(failure) => {
                self.notice = Some("The recovery file could not be read".to_string());
                self.diagnostics = failure.errors;
                self.diagnostics_open = true;
            }
        }
    }

    pub fn discard_recovery(&mut self) {
        if self.recovery_offer.take().is_some()
            && let Some(recovery) = &self.recovery
        {
            recovery.store.remove();
        }
    }
}
