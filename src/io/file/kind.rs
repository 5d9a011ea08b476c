//! What a file is, told by its name, and how far reading it has got.

use std::path::Path;

/// The kinds of file Skillgrid reads and writes, told by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `.skillgrid`: the SQLite workspace.
    Database,
    /// `.json`: the workspace as JSON, for scripts.
    Workspace,
    Csv,
    /// A workbook: `.xlsx`, `.xlsm`, `.xls`, `.ods`.
    Workbook,
}

impl FileKind {
    pub fn of(path: &Path) -> FileKind {
        let extension = path
            .extension()
            .and_then(|ext| ext.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("skillgrid") => FileKind::Database,
            Some("json") => FileKind::Workspace,
            Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => FileKind::Workbook,
            _ => FileKind::Csv,
        }
    }

    /// Whether a file of this kind keeps all of a document.
    pub fn holds_everything(self) -> bool {
        matches!(self, FileKind::Database | FileKind::Workspace)
    }
}

/// How a file is named in messages: as the user gave it.
pub fn display_name(path: &Path) -> String {
    path.display().to_string()
}

/// How far a load on another thread has got, and whether the user gave up
/// on it: shared between the loading thread and the window.
#[derive(Debug, Default)]
pub struct Progress {
    /// Thousandths of the work done.
    permille: std::sync::atomic::AtomicU32,
    cancelled: std::sync::atomic::AtomicBool,
}

impl Progress {
    pub fn set(&self, done: u64, total: u64) {
        let permille = (done.min(total) * 1000).checked_div(total).unwrap_or(0);
        self.permille
            .store(permille as u32, std::sync::atomic::Ordering::Relaxed);
    }

    /// 0.0 to 1.0.
    pub fn fraction(&self) -> f32 {
        self.permille.load(std::sync::atomic::Ordering::Relaxed) as f32 / 1000.0
    }

    pub fn cancel(&self) {
        self.cancelled
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(std::sync::atomic::Ordering::Relaxed)
    }
}
