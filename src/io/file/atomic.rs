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
    /// Before anything is written: the file would be too large to read back.
    CheckSize,
    CreateTemporary,
    Write,
    Flush,
    Replace,
    /// Saving in place: the file is still the version opened here.
    CheckUnchanged,
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
            SaveStep::CheckSize => "the workspace is too large for a JSON file",
            SaveStep::CreateTemporary => "creating a temporary file in the same folder",
            SaveStep::Write => "writing the temporary file",
            SaveStep::Flush => "flushing the temporary file to disk",
            SaveStep::Replace => "replacing the file",
            SaveStep::CheckUnchanged => "checking nobody else saved it meanwhile",
        }
    }
}

/// What a save did beyond writing the bytes, for the status bar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// Where the bytes went: the file a symbolic link points to, or the path.
    pub written: PathBuf,
    /// A fingerprint of the bytes written, to notice outside edits later.
    pub hash: u64,
    /// Something the user should know: an owner that could not be kept.
    pub note: Option<String>,
}

/// Who may read a file written here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// As the replaced file was, or as the user's umask makes new files
    /// (exports, reports).
    AsBefore,
    /// As the replaced file was, or the owner alone (0600) if it is new:
    /// workspaces hold ratings of people.
    Workspace,
    /// The owner alone (0600) always: recovery copies.
    Private,
}

pub const TEMPORARY_PREFIX: &str = ".skillgrid-save-";
pub const TEMPORARY_SUFFIX: &str = ".tmp";

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<Saved, SaveError> {
    write_atomic_checked(path, bytes, |_| Ok(()))
}

/// `write_atomic` with the given access.
pub(crate) fn write_atomic_access(
    path: &Path,
    bytes: &[u8],
    access: Access,
) -> Result<Saved, SaveError> {
    write_atomic_with(path, bytes, access, |_| Ok(()))
}

/// `write_atomic` for a file only its owner may read.
pub fn write_atomic_private(path: &Path, bytes: &[u8]) -> Result<Saved, SaveError> {
    write_atomic_with(path, bytes, Access::Private, |_| Ok(()))
}

/// `write_atomic` with `check` called before each step: the failure it
/// returns is the step's. Tests use it to fail each step in turn (a disk
/// full half way through the write, a rename refused) as real disks do.
pub fn write_atomic_checked(
    path: &Path,
    bytes: &[u8],
    check: impl Fn(SaveStep) -> std::io::Result<()>,
) -> Result<Saved, SaveError> {
    write_atomic_with(path, bytes, Access::AsBefore, check)
}

fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    access: Access,
    check: impl Fn(SaveStep) -> std::io::Result<()>,
) -> Result<Saved, SaveError> {
    let fail = |step: SaveStep| {
        move |source: std::io::Error| SaveError {
            path: path.to_path_buf(),
            step,
            source,
        }
    };
    // Through a symbolic link, the file it points to is the one saved (in
    // its own folder, so the rename stays atomic) and the link stays.
    let target = resolve_links(path).map_err(fail(SaveStep::CreateTemporary))?;
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    check(SaveStep::CreateTemporary).map_err(fail(SaveStep::CreateTemporary))?;
    remove_stale_temporaries(&folder);
    // Dropping the temporary file on any failure below deletes it.
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(&folder)
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
    let existing = std::fs::metadata(&target).ok();
    // The temporary file is private (0600); the saved file keeps the
    // permissions of the one it replaces, or gets the usual ones if new.
    let permissions = match (access, &existing) {
        (Access::Private, _) | (Access::Workspace, None) => {
            private_permissions(temporary.as_file())
        }
        (Access::AsBefore | Access::Workspace, Some(existing)) => Ok(existing.permissions()),
        (Access::AsBefore, None) => default_permissions(&folder),
    }
    .map_err(fail(SaveStep::Replace))?;
    check(SaveStep::Replace)
        .and_then(|()| temporary.as_file().set_permissions(permissions))
        .map_err(fail(SaveStep::Replace))?;
    let note = existing
        .as_ref()
        .and_then(|existing| keep_owner(temporary.as_file(), existing, &target));
    temporary
        .persist(&target)
        .map_err(|error| fail(SaveStep::Replace)(error.error))?;
    // The rename lives in the folder: flush it too, or a power cut can
    // undo a save that reported success. The file is already replaced, so
    // a folder that cannot be flushed (some network and shared mounts) is
    // said, not reported as a failed save.
    let note = match sync_folder(&folder) {
        Ok(()) => note,
        Err(error) => Some(
            note.map_or(String::new(), |n| format!("{n}; "))
                + &format!(
                    "the folder could not be flushed to disk ({error}): a power cut now could undo this save"
                ),
        ),
    };
    Ok(Saved {
        written: target,
        hash: content_hash(bytes),
        note,
    })
}

/// A fingerprint of a file's bytes: equal bytes, equal hash.
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

/// Follows symbolic links to the file they name (a link to a link too),
/// without requiring that file to exist yet.
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// When this process started, near enough: temporaries older than this
/// are left by saves that were interrupted, never by one under way.
fn process_start() -> std::time::SystemTime {
    static START: std::sync::OnceLock<std::time::SystemTime> = std::sync::OnceLock::new();
    *START.get_or_init(std::time::SystemTime::now)
}

/// Records the start of the process; `main` calls it first thing.
pub fn mark_process_start() {
    process_start();
}

/// Removes temporaries of our own naming that an interrupted save left in
/// `folder` before this process started. Best effort: a file that cannot
/// be removed is left, and the save goes on.
fn remove_stale_temporaries(folder: &Path) {
    let started = process_start();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX)) {
            continue;
        }
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| modified < started);
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_: &Path) -> std::io::Result<()> {
    // Windows cannot open a folder as a file; its rename is flushed with
    // the file.
    Ok(())
}

/// Gives the new file the owner and group of the one it replaces; says so
/// when the system does not let this process keep them.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, existing: &std::fs::Metadata, target: &Path) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata().ok()?;
    if (new.uid(), new.gid()) == (existing.uid(), existing.gid()) {
        return None;
    }
    if std::os::unix::fs::fchown(file, Some(existing.uid()), Some(existing.gid())).is_ok() {
        return None;
    }
    // Not allowed to give the file away: keep at least the group.
    let group_kept = std::os::unix::fs::fchown(file, None, Some(existing.gid())).is_ok();
    Some(format!(
        "{} now belongs to you{}: it belonged to user {}{}",
        target.display(),
        if group_kept { "" } else { " and your group" },
        existing.uid(),
        if group_kept {
            String::new()
        } else {
            format!(", group {}", existing.gid())
        }
    ))
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata, _: &Path) -> Option<String> {
    None
}

/// What a new file gets: what the user's umask gives a file created in
/// `folder`, as editors save files. Read off a file made there for it.
fn default_permissions(folder: &Path) -> std::io::Result<std::fs::Permissions> {
    let probe = folder.join(format!(
        "{TEMPORARY_PREFIX}umask-{}{TEMPORARY_SUFFIX}",
        std::process::id()
    ));
    let made = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .and_then(|file| file.metadata());
    let _ = std::fs::remove_file(&probe);
    Ok(made?.permissions())
}

#[cfg(unix)]
fn private_permissions(_: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn private_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
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

    #[cfg(unix)]
    #[test]
    fn saving_through_a_link_writes_the_file_it_points_to_and_keeps_the_link() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let real_folder = folder.path().join("real");
        std::fs::create_dir(&real_folder).expect("mkdir");
        let real = real_folder.join("team.csv");
        std::fs::write(&real, "old").expect("seed");
        let link = folder.path().join("team.csv");
        std::os::unix::fs::symlink("real/team.csv", &link).expect("link");
        let saved = write_atomic(&link, b"new").expect("save");
        assert_eq!(saved.written, real);
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink(),
            "still a link"
        );
        assert_eq!(std::fs::read_to_string(&real).expect("read"), "new");
        assert_eq!(leftovers(&real_folder), ["team.csv"]);
    }

    #[test]
    fn a_save_removes_temporaries_that_interrupted_saves_left_and_no_others() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let stale = folder.path().join(".skillgrid-save-abc123.tmp");
        std::fs::write(&stale, "half a file").expect("seed");
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .and_then(|file| file.set_modified(old))
            .expect("age it");
        mark_process_start();
        let other = folder.path().join("notes.tmp");
        std::fs::write(&other, "mine").expect("seed");
        let path = folder.path().join("team.json");
        write_atomic(&path, b"{}").expect("save");
        let mut left = leftovers(folder.path());
        left.sort();
        assert_eq!(left, ["notes.tmp", "team.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_private_file_is_for_its_owner_alone() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("copy.json");
        std::fs::write(&path, "old").expect("seed");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        write_atomic_private(&path, b"{}").expect("save");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
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
