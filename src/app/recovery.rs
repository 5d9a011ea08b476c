//! Crash recovery: while a document has unsaved changes, a compact copy of
//! it is kept in the data folder, written within `RECOVERY_INTERVAL` of any
//! change (at once after a structural one), whether or not the window is
//! drawing: the app asks to be woken when a copy is due. Each open document
//! has its own copy, so two windows never overwrite each other's. A clean
//! exit or a save removes it; the next start after a crash offers back
//! every copy that no running Skillgrid holds.

use super::Document;
use crate::io::{self, ImportFailure, Imported};
use crate::model::Workspace;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The longest an unsaved change waits before it reaches its copy.
pub const RECOVERY_INTERVAL: Duration = Duration::from_secs(2);
const INFO_FILE: &str = "info.json";
const LOCK_FILE: &str = "open.lock";
/// The copy itself: a workspace database, saved in place as edits come.
const COPY_FILE: &str = "copy.skillgrid";
/// A copy as written, and the revision that tells it on disk.
type Written = (Arc<Workspace>, u64);
/// Where copies of a build before per-document copies were kept.
const LEGACY_WORKSPACE: &str = "recovery-workspace.json";
const LEGACY_INFO: &str = "recovery-info.json";
const LEGACY_KEY: &str = "legacy";

/// What a recovery copy holds, shown when offering it back.
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

/// Why a recovery copy could not be kept.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error("cannot create {}: {source}", path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot hold {}: {source}", path.display())]
    Held {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Write(#[from] io::SaveError),
}

/// A copy left by a run that did not exit cleanly.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryOffer {
    /// Which copy: the name of its folder.
    pub key: String,
    pub info: RecoveryInfo,
}

/// The recovery copies of one data folder: `recovery/<key>/`, one folder
/// a document, each the owner's alone.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    pub folder: PathBuf,
}

impl RecoveryStore {
    /// Copies kept under `data_folder` (in `recovery/` within it).
    pub fn new(data_folder: impl Into<PathBuf>) -> RecoveryStore {
        RecoveryStore {
            folder: data_folder.into(),
        }
    }

    /// The platform's data folder for Skillgrid.
    pub fn platform() -> Option<RecoveryStore> {
        eframe_free_storage_dir().map(RecoveryStore::new)
    }

    /// Where the copies live.
    pub fn copies_folder(&self) -> PathBuf {
        self.folder.join("recovery")
    }

    fn entry(&self, key: &str) -> PathBuf {
        self.copies_folder().join(key)
    }

    /// Writes a copy: the workspace, then the info that makes it an offer,
    /// so a crash between the two never offers a half-written copy.
    pub fn write(
        &self,
        key: &str,
        workspace: &Workspace,
        info: &RecoveryInfo,
    ) -> Result<(), RecoveryError> {
        self.write_after(key, workspace, None, info).map(|_| ())
    }

    /// `write`, saving in place only what changed since `previous` (the
    /// copy as last written, at its revision) when there is one. Returns
    /// the revision written.
    pub fn write_after(
        &self,
        key: &str,
        workspace: &Workspace,
        previous: Option<(&Workspace, u64)>,
        info: &RecoveryInfo,
    ) -> Result<u64, RecoveryError> {
        let entry = self.entry(key);
        create_private_folder(&self.folder)?;
        create_private_folder(&self.copies_folder())?;
        create_private_folder(&entry)?;
        let copy = entry.join(COPY_FILE);
        let in_place = previous
            .filter(|_| copy.exists())
            .and_then(|(before, revision)| {
                io::update_database(&copy, workspace, before, revision).ok()
            });
        let saved = match in_place {
            Some(saved) => saved,
            None => io::write_database_private(&copy, workspace)?,
        };
        let info = serde_json::to_vec_pretty(info).expect("recovery info serialises");
        io::write_atomic_private(&entry.join(INFO_FILE), &info)?;
        Ok(saved.hash)
    }

    /// Holds `key`'s copy as this process's: while the returned file is
    /// open, no other Skillgrid offers it back.
    fn claim(&self, key: &str) -> Result<std::fs::File, RecoveryError> {
        let entry = self.entry(key);
        create_private_folder(&self.folder)?;
        create_private_folder(&self.copies_folder())?;
        create_private_folder(&entry)?;
        let mut options = std::fs::File::options();
        options.create(true).truncate(true).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let lock = options
            .open(entry.join(LOCK_FILE))
            .map_err(|source| RecoveryError::Folder {
                path: entry.clone(),
                source,
            })?;
        lock.try_lock().map_err(|error| RecoveryError::Held {
            path: entry.clone(),
            source: error.into(),
        })?;
        Ok(lock)
    }

    /// Every copy left by a run that did not exit cleanly, newest first;
    /// copies a running Skillgrid holds are not offered.
    pub fn offers(&self) -> Vec<RecoveryOffer> {
        let mut offers = Vec::new();
        if let Some(info) = read_info(&self.folder.join(LEGACY_INFO)) {
            offers.push(RecoveryOffer {
                key: LEGACY_KEY.to_string(),
                info,
            });
        }
        let Ok(entries) = std::fs::read_dir(self.copies_folder()) else {
            return offers;
        };
        for entry in entries.flatten() {
            let folder = entry.path();
            let Some(info) = read_info(&folder.join(INFO_FILE)) else {
                continue;
            };
            let held = std::fs::File::open(folder.join(LOCK_FILE)).is_ok_and(|lock| {
                matches!(lock.try_lock(), Err(std::fs::TryLockError::WouldBlock))
            });
            if !held {
                offers.push(RecoveryOffer {
                    key: entry.file_name().to_string_lossy().into_owned(),
                    info,
                });
            }
        }
        offers.sort_by_key(|offer| std::cmp::Reverse(offer.info.written_at));
        offers
    }

    pub fn load(&self, key: &str) -> Result<Imported<Workspace>, ImportFailure> {
        if key == LEGACY_KEY {
            return io::open_path(
                &self.folder.join(LEGACY_WORKSPACE),
                crate::catalog::builtin(),
            );
        }
        let copy = self.entry(key).join(COPY_FILE);
        if copy.exists() {
            return io::read_database(&copy).map(|read| Imported {
                value: read.value.workspace,
                warnings: read.warnings,
            });
        }
        // A copy an earlier Skillgrid left, before copies were databases.
        io::read_compact(&self.entry(key))
    }

    /// Removes a copy, its offer first, so a failure half way never offers
    /// a stale copy.
    pub fn remove(&self, key: &str) {
        if key == LEGACY_KEY {
            let _ = std::fs::remove_file(self.folder.join(LEGACY_INFO));
            let _ = std::fs::remove_file(self.folder.join(LEGACY_WORKSPACE));
            return;
        }
        let entry = self.entry(key);
        let _ = std::fs::remove_file(entry.join(INFO_FILE));
        let _ = std::fs::remove_dir_all(entry);
    }

    /// Whether any copy is there to offer.
    pub fn exists(&self) -> bool {
        !self.offers().is_empty()
    }
}

fn read_info(path: &Path) -> Option<RecoveryInfo> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// A folder only its owner may enter: the copies hold ratings of people.
fn create_private_folder(folder: &Path) -> Result<(), RecoveryError> {
    let failed = |source| RecoveryError::Folder {
        path: folder.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(folder).map_err(failed)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700)).map_err(failed)?;
    }
    Ok(())
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

/// This window's copy of the document it has open.
struct Current {
    document: u64,
    key: String,
    /// Held while the copy is this window's; `None` until first written.
    lock: Option<std::fs::File>,
}

/// Keeps the recovery copy in step with the document.
pub struct Recovery {
    pub store: RecoveryStore,
    /// Tells this window's copies from those of others: process and start.
    window: String,
    current: Option<Current>,
    /// (document id, generation) and when last written.
    written: Option<((u64, u64), Instant)>,
    structural: Option<(u64, u64)>,
    writer: Option<std::thread::JoinHandle<Result<Written, RecoveryError>>>,
    /// The copy as last written and its revision: the next write saves
    /// only what differs from it.
    last_copy: Option<Written>,
    /// The last write's failure, for the status bar.
    pub error: Option<String>,
}

impl Recovery {
    pub fn new(store: RecoveryStore) -> Recovery {
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Recovery {
            store,
            window: format!("{}-{started:x}", std::process::id()),
            current: None,
            written: None,
            structural: None,
            writer: None,
            last_copy: None,
            error: None,
        }
    }

    /// Called every frame: writes (on a worker) when due, removes the copy
    /// once nothing is unsaved. Returns how soon it wants to be called
    /// again, with no input, for a copy that is due later. Cheap when
    /// there is nothing to do.
    pub fn maintain(&mut self, document: &Document, now: Instant) -> Option<Duration> {
        if let Some(writer) = self.writer.take_if(|w| w.is_finished()) {
            self.finish_write(writer);
        }
        if self
            .current
            .as_ref()
            .is_some_and(|c| c.document != document.id)
        {
            // Another document replaced this one: its copy goes with it.
            self.forget_current();
        }
        if !document.is_dirty() {
            if self.written.take().is_some() {
                self.forget_current();
            }
            return None;
        }
        let version = (document.id, document.generation);
        let structural = (document.id, document.structural_generation);
        let wait = match self.written {
            None => Duration::ZERO,
            Some((written, _)) if written == version => return None,
            Some(_) if self.structural != Some(structural) => Duration::ZERO,
            Some((_, at)) => RECOVERY_INTERVAL.saturating_sub(now.duration_since(at)),
        };
        if self.writer.is_some() {
            return Some(Duration::from_millis(100));
        }
        if !wait.is_zero() {
            return Some(wait);
        }
        let current = self.current.get_or_insert_with(|| Current {
            document: document.id,
            key: format!("{}-{}", self.window, document.id),
            lock: None,
        });
        if current.lock.is_none() {
            match self.store.claim(&current.key) {
                Ok(lock) => current.lock = Some(lock),
                Err(error) => {
                    self.error = Some(error.to_string());
                    return Some(RECOVERY_INTERVAL);
                }
            }
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
        let key = current.key.clone();
        let previous = self.last_copy.take();
        self.writer = std::thread::Builder::new()
            .name("skillgrid-recovery".into())
            .spawn(move || {
                let before = previous
                    .as_ref()
                    .map(|(copy, revision)| (copy.as_ref(), *revision));
                let revision = store.write_after(&key, &workspace, before, &info)?;
                Ok((workspace, revision))
            })
            .ok();
        // Once written, wake again to see it finish.
        Some(Duration::from_millis(100))
    }

    fn forget_current(&mut self) {
        self.flush();
        if let Some(current) = self.current.take() {
            self.store.remove(&current.key);
        }
        self.written = None;
        self.structural = None;
        self.last_copy = None;
    }

    /// Waits for a write in flight (tests, and before a clean exit).
    pub fn flush(&mut self) {
        if let Some(writer) = self.writer.take() {
            self.finish_write(writer);
        }
    }

    fn finish_write(&mut self, writer: std::thread::JoinHandle<Result<Written, RecoveryError>>) {
        let (error, copy) = match writer.join() {
            Ok(Ok(written)) => (None, Some(written)),
            Ok(Err(error)) => (Some(error.to_string()), None),
            Err(_) => (Some("the recovery writer stopped".to_string()), None),
        };
        self.error = error;
        self.last_copy = copy;
    }

    /// A clean exit: nothing to recover.
    pub fn clean_exit(&mut self) {
        self.forget_current();
    }

    /// The key of this window's copy, once one is written.
    pub fn current_key(&self) -> Option<&str> {
        self.current.as_ref().map(|current| current.key.as_str())
    }
}

pub fn recovered_name(info: &RecoveryInfo) -> String {
    format!("{} (recovered)", info.name.trim_end_matches(" (recovered)"))
}
