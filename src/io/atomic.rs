//! Atomic saves: the new bytes go to a temporary file in the same folder,
//! are flushed to disk, and then renamed over the target, so a crash or a
//! full disk leaves either the old file or the new one, never half of one.

use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
#[error("cannot save {}: {step}: {source}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub step: &'static str,
    #[source]
    pub source: std::io::Error,
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |step: &'static str| {
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
    let mut temporary = tempfile::Builder::new()
        .prefix(".skillgrid-save-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(fail("creating a temporary file in the same folder"))?;
    temporary
        .write_all(bytes)
        .map_err(fail("writing the temporary file"))?;
    temporary
        .as_file()
        .sync_all()
        .map_err(fail("flushing the temporary file to disk"))?;
    temporary
        .persist(path)
        .map_err(|error| fail("replacing the file")(error.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("team.json");
        std::fs::write(&path, "old").expect("seed file");
        write_atomic(&path, b"new").expect("save");
        assert_eq!(std::fs::read_to_string(&path).expect("read back"), "new");
        let entries = std::fs::read_dir(folder.path()).expect("list").count();
        assert_eq!(entries, 1);
    }

    #[test]
    fn a_failed_save_keeps_the_old_file_and_says_where() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let path = folder.path().join("missing-folder").join("team.json");
        let error = write_atomic(&path, b"new").unwrap_err();
        assert!(error.to_string().contains("missing-folder"), "{error}");
        assert_eq!(error.step, "creating a temporary file in the same folder");
    }
}
