//! The compact copy of a workspace that crash recovery keeps: everything
//! but the level matrix as one line of JSON, and the matrix as a byte a
//! cell. A 100,000 x 300 roster is some 30 MB of cells instead of the
//! 760 MB its JSON workspace takes, so one edit's copy costs a fraction of
//! a second and always reads back. Both files are the owner's alone.

use super::json::workspace_from_json;
use crate::io::diag::{Diagnostic, ImportFailure, Imported};
use crate::io::file::{MAX_JSON_BYTES, SaveError, read_file, write_atomic_private};
use crate::model::{LevelMatrix, Workspace};
use std::path::Path;

const SETTINGS_FILE: &str = "workspace.json";
const LEVELS_FILE: &str = "levels.bin";
/// The levels file starts with this, then members and skills (u32, little
/// endian), then the cells row by row.
const MAGIC: &[u8; 8] = b"SGLEVEL1";
const HEADER: usize = 16;

/// Writes `workspace` into `folder` (which must exist): the levels first,
/// then the JSON whose member count says how many rows to read.
pub fn write_compact(folder: &Path, workspace: &Workspace) -> Result<(), SaveError> {
    let cells = workspace.levels.to_bytes();
    let mut levels = Vec::with_capacity(HEADER + cells.len());
    levels.extend_from_slice(MAGIC);
    levels.extend_from_slice(&(workspace.levels.members() as u32).to_le_bytes());
    levels.extend_from_slice(&(workspace.levels.skills() as u32).to_le_bytes());
    levels.extend_from_slice(&cells);
    drop(cells);
    write_atomic_private(&folder.join(LEVELS_FILE), &levels)?;
    drop(levels);
    write_atomic_private(
        &folder.join(SETTINGS_FILE),
        &crate::io::workspace::json::workspace_to_json_without_levels(workspace),
    )?;
    Ok(())
}

/// Reads what `write_compact` wrote; a file cut short or not of ours says so.
pub fn read_compact(folder: &Path) -> Result<Imported<Workspace>, ImportFailure> {
    let settings_path = folder.join(SETTINGS_FILE);
    let levels_path = folder.join(LEVELS_FILE);
    let fail = |path: &Path, message: String| {
        ImportFailure::single(Diagnostic::error(
            &path.display().to_string(),
            None,
            None,
            message,
        ))
    };
    let bytes =
        read_file(&settings_path).map_err(|error| fail(&settings_path, error.to_string()))?;
    let mut imported = workspace_from_json(&bytes, &settings_path.display().to_string())?;
    drop(bytes);
    let workspace = &mut imported.value;
    let (members, skills) = (workspace.members.len(), workspace.skills.len());
    let expected = HEADER as u64 + (members * skills) as u64;
    if expected > MAX_JSON_BYTES {
        return Err(fail(&levels_path, "more cells than Skillgrid holds".into()));
    }
    let levels = std::fs::read(&levels_path)
        .map_err(|error| fail(&levels_path, format!("cannot read the file: {error}")))?;
    let header_ok = levels.len() >= HEADER
        && &levels[..8] == MAGIC
        && levels[8..12] == (members as u32).to_le_bytes()
        && levels[12..16] == (skills as u32).to_le_bytes();
    if !header_ok || levels.len() as u64 != expected {
        return Err(fail(
            &levels_path,
            format!(
                "the levels do not match the workspace beside them: expected {members} members x \
                 {skills} skills ({expected} bytes), found {} bytes",
                levels.len()
            ),
        ));
    }
    workspace.levels = LevelMatrix::from_bytes(members, skills, &levels[HEADER..])
        .ok_or_else(|| fail(&levels_path, "a byte that is no level".into()))?;
    Ok(imported)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn a_workspace_comes_back_whole_and_a_short_file_says_so() {
        let folder = tempfile::tempdir().expect("temp dir");
        let workspace = crate::synthetic::roster(catalog::builtin(), 300, 40, 7);
        write_compact(folder.path(), &workspace).expect("written");
        let back = read_compact(folder.path()).expect("read back");
        assert_eq!(back.value, workspace);

        let levels = folder.path().join(LEVELS_FILE);
        let bytes = std::fs::read(&levels).expect("read");
        std::fs::write(&levels, &bytes[..bytes.len() - 1]).expect("cut");
        let failure = read_compact(folder.path()).unwrap_err();
        let message = failure.errors[0].to_string();
        assert!(message.contains("levels.bin"), "{message}");
        assert!(message.contains("do not match"), "{message}");
    }
}
