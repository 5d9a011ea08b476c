//! Atomic saves: the new bytes go to a temporary file in the same folder,
//! are flushed to disk, and then renamed over the target, so a crash or a
//! full disk leaves either the old file or the new one, never half of one.

use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
#[error("cannot save {}: {} ({source}); the file on disk is unchanged", path.display(), step.describe())]
pub struct SaveError {
    pub path: PathBuf,
    pub step: SaveStep,
    #[source]
    pub source: std::io::Error,
}

/// The steps of a save, in order; a failure at any of them keeps the old file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStep {
    CreateTemporary,
    Write,
    Flush,
    Replace,
}

impl SaveStep {
    pub const ALL: [SaveStep; 4] = [
        SaveStep::CreateTemporary,
        SaveStep::Write,
        SaveStep::Flush,
        SaveStep::Replace,
    ];

    pub fn describe(self) -> &'static str {
        match self {
            SaveStep::CreateTemporary => "creating a temporary file in the same folder",
            SaveStep::Write => "writing the temporary file",
            SaveStep::Flush => "flushing the temporary file to disk",
            SaveStep::Replace => "replacing the file",
        }
    }
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_checked(path, bytes, |_| Ok(()))
}

/// `write_atomic` with `check` called before each step: the failure it
/// returns is the step's. Tests use it to fail each step in turn (a disk
/// full half way through the write, a rename refused) as real disks do.
pub fn write_atomic_checked(
    path: &Path,
    bytes: &[u8],
    check: impl Fn(SaveStep) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |step: SaveStep| {
        move |source: std::io::Error| SaveError {
            path: path.to_path_buf(),
            step,
            source,
        }
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    check(SaveStep::CreateTemporary).map_err(fail(SaveStep::CreateTemporary))?;
    // Dropping the temporary file on any failure below deletes it.
    let mut temporary = tempfile::Builder::new()
        .prefix(".skillgrid-save-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(fail(SaveStep::CreateTemporary))?;
    let (first, rest) = bytes.split_at(bytes.len() / 2);
    temporary
        .write_all(first)
        .and_then(|()| check(SaveStep::Write))
        .and_then(|()| temporary.write_all(rest))
        .map_err(fail(SaveStep::Write))?;
    check(SaveStep::Flush)
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(fail(SaveStep::Flush))?;
    // The temporary file is private (0600); the saved file keeps the
    // permissions of the one it replaces, or gets the usual ones if new.
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => default_permissions(temporary.as_file()).map_err(fail(SaveStep::Replace))?,
    };
    check(SaveStep::Replace)
        .and_then(|()| temporary.as_file().set_permissions(permissions))
        .map_err(fail(SaveStep::Replace))?;
    temporary
        .persist(path)
        .map_err(|error| fail(SaveStep::Replace)(error.error))?;
    Ok(())
}

/// What a new file gets: readable by others, as editors save files.
#[cfg(unix)]
fn default_permissions(_: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::ErrorKind;

    fn leftovers(folder: &Path) -> Vec<String> {
        std::fs::read_dir(folder)
            .expect("list")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("team.json");
        std::fs::write(&path, "old").expect("seed file");
        write_atomic(&path, b"new").expect("save");
        assert_eq!(std::fs::read_to_string(&path).expect("read back"), "new");
        assert_eq!(leftovers(folder.path()), ["team.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_save_keeps_the_files_permissions_and_a_new_file_is_readable() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().expect("temporary folder");
        let shared = folder.path().join("shared.csv");
        std::fs::write(&shared, "old").expect("seed file");
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o664)).expect("chmod");
        write_atomic(&shared, b"new").expect("save");
        let mode =
            |path: &Path| std::fs::metadata(path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&shared), 0o664);
        let fresh = folder.path().join("fresh.json");
        write_atomic(&fresh, b"{}").expect("save");
        assert_eq!(mode(&fresh), 0o644);
    }

    #[test]
    fn a_failed_save_keeps_the_old_file_and_says_where() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("missing-folder").join("team.json");
        let error = write_atomic(&path, b"new").unwrap_err();
        assert!(error.to_string().contains("missing-folder"), "{error}");
        assert_eq!(error.step, SaveStep::CreateTemporary);
    }

    #[test]
    fn a_failure_at_any_step_keeps_the_old_file_whole_and_cleans_up() {
        let failures = [
            (ErrorKind::PermissionDenied, "read-only folder"),
            (ErrorKind::StorageFull, "no space left on device"),
            (ErrorKind::Other, "input/output error"),
            (ErrorKind::PermissionDenied, "rename refused"),
        ];
        for (step, (kind, what)) in SaveStep::ALL.into_iter().zip(failures) {
            let folder = tempfile::tempdir().expect("temporary folder");
            let path = folder.path().join("team.csv");
            std::fs::write(&path, "name\nAna\n").expect("seed file");
            let new = "name\nBen\n".repeat(1000);
            let error = write_atomic_checked(&path, new.as_bytes(), |at| {
                if at == step {
                    Err(std::io::Error::new(kind, what))
                } else {
                    Ok(())
                }
            })
            .unwrap_err();
            assert_eq!(error.step, step);
            let message = error.to_string();
            assert!(message.contains("team.csv"), "{message}");
            assert!(message.contains(step.describe()), "{message}");
            assert!(message.contains(what), "{message}");
            assert!(message.contains("unchanged"), "{message}");
            assert_eq!(
                std::fs::read_to_string(&path).expect("old file"),
                "name\nAna\n",
                "after a failure {step:?}"
            );
            assert_eq!(leftovers(folder.path()), ["team.csv"], "{step:?}");
        }
    }
}
