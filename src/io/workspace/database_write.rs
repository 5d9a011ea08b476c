//! Writing the `.skillgrid` file: a new one built whole and put in place
//! atomically, or an open one brought up to date row by row in one
//! transaction, refused when another program changed it meanwhile.

use super::database::{DATABASE_VERSION, FORMAT, MIGRATIONS, Membership, read_revision};
use super::history_blob::encode_history;
use crate::io::file::{Access, SaveError, SaveStep, Saved, write_atomic_access};
use crate::model::{History, Workspace};
use rusqlite::{Connection, OpenFlags, params};
use std::path::Path;
use std::sync::Arc;

/// Writes `workspace` as a new database at `path`, atomically: built in
/// memory, then saved like any other file.
pub fn write_database(path: &Path, workspace: &Workspace) -> Result<Saved, SaveError> {
    write_database_with(path, workspace, Access::Workspace)
}

/// `write_database` for a file only its owner may read (recovery copies).
pub fn write_database_private(path: &Path, workspace: &Workspace) -> Result<Saved, SaveError> {
    write_database_with(path, workspace, Access::Private)
}

fn write_database_with(
    path: &Path,
    workspace: &Workspace,
    access: Access,
) -> Result<Saved, SaveError> {
    let fail = |source: rusqlite::Error| SaveError {
        path: path.to_path_buf(),
        step: SaveStep::Write,
        source: std::io::Error::other(source),
    };
    let mut connection = Connection::open_in_memory().map_err(fail)?;
    let revision = new_revision();
    build(&mut connection, workspace, revision).map_err(fail)?;
    let bytes = connection.serialize("main").map_err(fail)?;
    let mut saved = write_atomic_access(path, &bytes, access)?;
    saved.hash = revision;
    Ok(saved)
}

/// Creates the tables and fills them, in one transaction.
fn build(
    connection: &mut Connection,
    workspace: &Workspace,
    revision: u64,
) -> rusqlite::Result<()> {
    let transaction = connection.transaction()?;
    migrate(&transaction, 0)?;
    for (key, value) in meta_values(workspace) {
        put_meta(&transaction, key, &value)?;
    }
    put_meta(&transaction, "revision", &revision.to_string())?;
    {
        let mut insert = transaction.prepare(INSERT_MEMBER)?;
        for index in 0..workspace.members.len() {
            insert_member(&mut insert, workspace, index)?;
        }
    }
    transaction.commit()
}

/// Runs the migrations after `from`, setting the version as it goes, and
/// marks the file as Skillgrid's (older saves did not).
fn migrate(connection: &Connection, from: i32) -> rusqlite::Result<()> {
    for (step, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        connection.execute_batch(sql)?;
        connection.pragma_update(None, "user_version", step as i32 + 1)?;
    }
    connection.pragma_update(None, "application_id", super::database::APPLICATION_ID)
}

/// Saves `workspace` in place over the database it was read from (or last
/// saved as), `previous`, at `expected_revision`: one transaction writing
/// the rows that differ. Another program's save in between is refused,
/// so neither's work is lost without being asked.
pub fn update_database(
    path: &Path,
    workspace: &Workspace,
    previous: &Workspace,
    expected_revision: u64,
) -> Result<Saved, SaveError> {
    let fail = |step: SaveStep| {
        move |source: rusqlite::Error| SaveError {
            path: path.to_path_buf(),
            step,
            source: std::io::Error::other(source),
        }
    };
    let mut connection = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(fail(SaveStep::Write))?;
    connection
        .busy_timeout(std::time::Duration::from_secs(5))
        .map_err(fail(SaveStep::Write))?;
    connection
        .pragma_update(None, "synchronous", "FULL")
        .map_err(fail(SaveStep::Write))?;
    let transaction = connection
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(fail(SaveStep::Write))?;
    let version: i32 = transaction
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(fail(SaveStep::Write))?;
    let on_disk = read_revision(&transaction).map_err(fail(SaveStep::Write))?;
    if on_disk != Some(expected_revision) || !(1..=DATABASE_VERSION).contains(&version) {
        return Err(SaveError {
            path: path.to_path_buf(),
            step: SaveStep::CheckUnchanged,
            source: std::io::Error::other(
                "another window or program saved it since it was opened here",
            ),
        });
    }
    migrate(&transaction, version).map_err(fail(SaveStep::Write))?;
    let revision = new_revision();
    write_changes(&transaction, workspace, previous, revision).map_err(fail(SaveStep::Write))?;
    transaction.commit().map_err(fail(SaveStep::Flush))?;
    Ok(Saved {
        written: path.to_path_buf(),
        hash: revision,
        note: None,
    })
}

fn write_changes(
    connection: &Connection,
    workspace: &Workspace,
    previous: &Workspace,
    revision: u64,
) -> rusqlite::Result<()> {
    let before = meta_values(previous);
    for ((key, value), (_, old)) in meta_values(workspace).into_iter().zip(before) {
        if value != old {
            put_meta(connection, key, &value)?;
        }
    }
    put_meta(connection, "revision", &revision.to_string())?;
    let same_columns = workspace.skills.len() == previous.skills.len();
    let mut upsert = connection.prepare(INSERT_MEMBER)?;
    for index in 0..workspace.members.len() {
        let unchanged = same_columns
            && index < previous.members.len()
            && workspace.members[index] == previous.members[index]
            && workspace.levels.row(index) == previous.levels.row(index)
            && same_history(&workspace.history, &previous.history, index);
        if !unchanged {
            insert_member(&mut upsert, workspace, index)?;
        }
    }
    connection.execute(
        "DELETE FROM member WHERE position >= ?1",
        [workspace.members.len() as i64],
    )?;
    Ok(())
}

fn same_history(a: &History, b: &History, member: usize) -> bool {
    match (a.shared_row(member), b.shared_row(member)) {
        (Some(x), Some(y)) if Arc::ptr_eq(x, y) => true,
        _ => a.row(member) == b.row(member),
    }
}

const INSERT_MEMBER: &str = "INSERT OR REPLACE INTO member (position, name, email, role, team, \
    manager, fte, location, years, planned, levels, history, development, time_off, \
    membership, emails, work) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, \
    ?14, ?15, ?16, ?17)";

fn insert_member(
    statement: &mut rusqlite::Statement,
    workspace: &Workspace,
    index: usize,
) -> rusqlite::Result<()> {
    let member = &workspace.members[index];
    let levels: Vec<u8> = workspace
        .levels
        .row(index)
        .iter()
        .map(|cell| cell.to_byte())
        .collect();
    statement.execute(params![
        index as i64,
        member.name,
        member.email,
        member.role.as_ref().map(|role| role.0.as_str()),
        member.team,
        member.manager,
        member.fte,
        member.location,
        member.years,
        i64::from(member.planned),
        levels,
        encode_history(workspace.history.row(index)),
        if member.development.is_empty() {
            String::new()
        } else {
            json(&member.development)
        },
        if member.time_off.is_empty() {
            String::new()
        } else {
            json(&member.time_off)
        },
        if member.joined.is_none() && member.left.is_none() && member.changes.is_empty() {
            String::new()
        } else {
            json(&Membership {
                joined: member.joined,
                left: member.left,
                changes: member.changes.clone(),
            })
        },
        member.emails.join("\n"),
        if member.work.is_empty() {
            String::new()
        } else {
            json(&member.work)
        },
    ])?;
    Ok(())
}

fn meta_values(workspace: &Workspace) -> [(&'static str, String); 9] {
    [
        ("format", FORMAT.to_string()),
        ("settings", json(&workspace.settings)),
        ("skills", json(&workspace.skills)),
        ("roles", json(&workspace.roles)),
        ("projects", json(&workspace.projects)),
        ("plan", json(&workspace.plan)),
        ("holidays", json(&workspace.holidays)),
        ("scenarios", json(&workspace.scenarios)),
        ("evidence_sources", json(&workspace.evidence_sources)),
    ]
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("workspace values always serialise")
}

pub(super) fn put_meta(connection: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    connection.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
        [key, value],
    )?;
    Ok(())
}

fn new_revision() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos()),
    );
    hasher.write_u32(std::process::id());
    // SQLite integers are signed; keep revisions within them.
    hasher.finish() >> 1
}
