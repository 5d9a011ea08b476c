//! The `.skillgrid` workspace: a SQLite database. One row a member holds
//! their fields, their current levels (a byte a cell) and their dated
//! history (packed, see `history_blob`); the catalog, projects, plan and
//! settings are JSON values in `meta`. A save in place is one transaction
//! that writes only the rows that changed; a new file is built in memory
//! and written atomically like every other save. Layout: `docs/workspace.md`.

use super::history_blob::decode_history;
use crate::io::diag::{Diagnostic, ImportFailure, Imported, Report};
use crate::model::{Cell, History, LevelMatrix, Member, Workspace};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::path::Path;
use std::sync::Arc;

/// The layout this build writes, in `PRAGMA user_version`.
pub const DATABASE_VERSION: i32 = 6;
pub(super) const FORMAT: &str = "skillgrid-workspace";
/// SQLite's application id for a Skillgrid workspace ("SKGD"), at bytes
/// 68-71 of the header, so `file` and the MIME database know the file.
pub const APPLICATION_ID: i32 = 0x534B_4744;
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Each step takes a file from the version before it to the next; a new
/// file runs them all. Never edit a step that has shipped: add one.
pub(super) const MIGRATIONS: [&str; 6] = [
    // 1: the snapshot a JSON workspace holds.
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
     CREATE TABLE member (
         position INTEGER PRIMARY KEY,
         name TEXT NOT NULL, email TEXT, role TEXT, team TEXT, manager TEXT,
         fte REAL NOT NULL, location TEXT, years REAL,
         planned INTEGER NOT NULL DEFAULT 0,
         levels BLOB NOT NULL
     );",
    // 2: dated assessments.
    "ALTER TABLE member ADD COLUMN history BLOB NOT NULL DEFAULT x'';",
    // 3: targets and certifications, as JSON ('' for none).
    "ALTER TABLE member ADD COLUMN development TEXT NOT NULL DEFAULT '';",
    // 4: time off, as JSON ('' for none).
    "ALTER TABLE member ADD COLUMN time_off TEXT NOT NULL DEFAULT '';",
    // 5: joined, left and dated changes of details, as JSON ('' for none).
    "ALTER TABLE member ADD COLUMN membership TEXT NOT NULL DEFAULT '';",
    // 6: further commit addresses and work evidence, as JSON ('' for none).
    "ALTER TABLE member ADD COLUMN emails TEXT NOT NULL DEFAULT '';
     ALTER TABLE member ADD COLUMN work TEXT NOT NULL DEFAULT '';",
];

/// A member's dates and changes as the `membership` column holds them.
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Membership {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) joined: Option<crate::model::Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) left: Option<crate::model::Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) changes: Vec<crate::model::DetailChange>,
}

/// The columns of `member` each layout version has, in the order added.
const MEMBER_COLUMNS: [&[&str]; 6] = [
    &[
        "position", "name", "email", "role", "team", "manager", "fte", "location", "years",
        "planned", "levels",
    ],
    &["history"],
    &["development"],
    &["time_off"],
    &["membership"],
    &["emails", "work"],
];

/// Refuses a file whose tables are not those its version says: a file
/// whose version was changed, or whose tables another program altered,
/// would otherwise be read wrong and overwritten on the next save.
fn check_layout(connection: &Connection, version: i32) -> Result<(), String> {
    let found: Vec<String> = connection
        .prepare("SELECT name FROM pragma_table_info('member')")
        .and_then(|mut statement| statement.query_map([], |row| row.get(0))?.collect())
        .map_err(|error| format!("the workspace is damaged ({error}); open a backup"))?;
    let expected: Vec<&str> = MEMBER_COLUMNS
        .iter()
        .take(version.max(0) as usize)
        .flat_map(|columns| columns.iter().copied())
        .collect();
    let missing: Vec<&str> = expected
        .iter()
        .copied()
        .filter(|column| !found.iter().any(|known| known == column))
        .collect();
    let extra: Vec<&str> = found
        .iter()
        .map(String::as_str)
        .filter(|column| !expected.contains(column))
        .collect();
    if missing.is_empty() && extra.is_empty() {
        return Ok(());
    }
    let mut said = Vec::new();
    if !missing.is_empty() {
        said.push(format!("lacks {}", missing.join(", ")));
    }
    if !extra.is_empty() {
        said.push(format!("has {}", extra.join(", ")));
    }
    Err(format!(
        "its tables do not match its layout version {version}: the member table {}; it was \
         left as it is (open a backup)",
        said.join(" and ")
    ))
}

/// Whether SQLite could not read the file read-only because a save was cut
/// short and must be rolled back first.
fn needs_recovery(error: &rusqlite::Error) -> bool {
    matches!(
        error,
        rusqlite::Error::SqliteFailure(failure, _)
            if matches!(
                failure.extended_code,
                rusqlite::ffi::SQLITE_READONLY_ROLLBACK
                    | rusqlite::ffi::SQLITE_READONLY_RECOVERY
                    | rusqlite::ffi::SQLITE_READONLY_CANTINIT
                    | rusqlite::ffi::SQLITE_CANTOPEN
            )
    )
}

/// Whether the file starts as a SQLite database does.
pub fn is_database(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut head))
        .is_ok_and(|()| &head == SQLITE_MAGIC)
}

/// The size the file's header says it has: page size times page count,
/// as SQLite writes them at offsets 16 and 28.
fn header_length(path: &Path) -> Option<u64> {
    use std::io::Read;
    let mut header = [0u8; 100];
    std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut header))
        .ok()?;
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    (pages > 0).then_some(page_size * pages)
}

fn failure(file: &str, message: impl Into<String>) -> ImportFailure {
    ImportFailure::single(Diagnostic::error(file, None, None, message.into()))
}

/// The revision a save last wrote, which tells one version of the file
/// from another without reading it all; `None` if it is not ours.
pub fn database_revision(path: &Path) -> Option<u64> {
    let connection = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    read_revision(&connection).ok().flatten()
}

pub(super) fn read_revision(connection: &Connection) -> rusqlite::Result<Option<u64>> {
    let text: Option<String> = connection
        .query_row("SELECT value FROM meta WHERE key = 'revision'", [], |row| {
            row.get(0)
        })
        .optional()?;
    Ok(text.and_then(|text| text.parse().ok()))
}

/// A workspace read from a database, and the revision it was read at.
pub struct ReadDatabase {
    pub workspace: Workspace,
    pub revision: u64,
}

/// Reads a `.skillgrid` file. Any file that is not one of ours, was cut
/// short, is damaged or is newer than this build is refused by name, and
/// nothing is written to it (a crash's unfinished save is rolled back by
/// SQLite, which is the one change opening may make).
pub fn read_database(path: &Path) -> Result<Imported<ReadDatabase>, ImportFailure> {
    let file = crate::io::file::display_name(path);
    let length = std::fs::metadata(path)
        .map_err(|error| failure(&file, format!("cannot read it: {error}")))?
        .len();
    if !is_database(path) {
        return Err(failure(
            &file,
            "not a Skillgrid workspace: a .skillgrid file is a SQLite database, and this one \
             does not start as one",
        ));
    }
    if let Some(expected) = header_length(path).filter(|&expected| length < expected) {
        return Err(failure(
            &file,
            format!(
                "the file is cut short: it has {length} bytes of the {expected} its header gives; \
                 open a backup, or the recovery copy"
            ),
        ));
    }
    // Read-only, so reading leaves the file's bytes and time as they were
    // (a read-write connection would fold another program's WAL into it on
    // closing). Only a crash's unfinished save, which SQLite must roll
    // back before anyone can read, opens it for writing.
    let connection = match Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|connection| {
        connection.query_row("PRAGMA user_version", [], |row| row.get::<_, i32>(0))?;
        Ok(connection)
    }) {
        Ok(connection) => connection,
        Err(error) if needs_recovery(&error) => Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|error| failure(&file, format!("cannot open it: {error}")))?,
        Err(error) => return Err(failure(&file, format!("cannot open it: {error}"))),
    };
    // Another window's save in progress holds the file for a moment.
    let _ = connection.busy_timeout(std::time::Duration::from_secs(5));
    let damaged = |error: rusqlite::Error| {
        failure(
            &file,
            format!("the workspace is damaged ({error}); open a backup, or the recovery copy"),
        )
    };
    let application: i32 = connection
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(damaged)?;
    // 0 is any SQLite file, and Skillgrid's before it set its id: the
    // layout checks below tell those apart.
    if application != 0 && application != APPLICATION_ID {
        return Err(failure(
            &file,
            format!(
                "not a Skillgrid workspace: it is the SQLite database of another program                  (application id {application:#010x}, where Skillgrid's is                  {APPLICATION_ID:#010x}); it was left as it is"
            ),
        ));
    }
    let version: i32 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(damaged)?;
    if version > DATABASE_VERSION {
        return Err(failure(
            &file,
            format!(
                "written by a newer Skillgrid (workspace version {version}; this build reads up \
                 to {DATABASE_VERSION}): update Skillgrid to open it"
            ),
        ));
    }
    if version < 0 {
        return Err(failure(
            &file,
            format!(
                "its layout version is {version}, which no Skillgrid writes (expected 1 to \
                 {DATABASE_VERSION}): it was left as it is; open a backup"
            ),
        ));
    }
    let (pages, page_size): (u64, u64) = connection
        .query_row(
            "SELECT page_count, page_size FROM pragma_page_count, pragma_page_size",
            [],
            |row| Ok((row.get::<_, i64>(0)? as u64, row.get::<_, i64>(1)? as u64)),
        )
        .map_err(damaged)?;
    if length < pages * page_size {
        return Err(failure(
            &file,
            format!(
                "the file is cut short: it has {length} bytes of the {} its header gives; \
                 open a backup, or the recovery copy",
                pages * page_size
            ),
        ));
    }
    let problems: Vec<String> = connection
        .prepare("PRAGMA integrity_check(5)")
        .and_then(|mut statement| {
            statement
                .query_map([], |row| row.get::<_, String>(0))?
                .collect()
        })
        .map_err(damaged)?;
    if problems != ["ok"] {
        return Err(failure(
            &file,
            format!(
                "the workspace is damaged (SQLite's integrity check: {}); open a backup, or the \
                 recovery copy",
                problems.join("; ")
            ),
        ));
    }
    if version == 0 {
        return Err(failure(
            &file,
            "not a Skillgrid workspace: a SQLite database without Skillgrid's tables",
        ));
    }
    let format: Option<String> = connection
        .query_row("SELECT value FROM meta WHERE key = 'format'", [], |row| {
            row.get(0)
        })
        .optional()
        .map_err(damaged)?;
    if format.as_deref() != Some(FORMAT) {
        return Err(failure(
            &file,
            "not a Skillgrid workspace: a SQLite database of another program",
        ));
    }
    check_layout(&connection, version).map_err(|problem| failure(&file, problem))?;
    let mut report = Report::new(&file);
    // One read transaction: the rows and the revision are of one save.
    connection.execute_batch("BEGIN").map_err(damaged)?;
    let mut workspace = read_rows(&connection, version, &mut report).map_err(damaged)?;
    let revision = read_revision(&connection).map_err(damaged)?.unwrap_or(0);
    connection.execute_batch("COMMIT").map_err(damaged)?;
    crate::io::workspace::json::settle_levels(&mut workspace, &mut report);
    crate::io::workspace::json::check_workspace(&workspace, &mut report);
    report.finish(ReadDatabase {
        workspace,
        revision,
    })
}

fn meta_json<T: serde::de::DeserializeOwned + Default>(
    connection: &Connection,
    key: &str,
    report: &mut Report,
) -> rusqlite::Result<T> {
    let text: Option<String> = connection
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?;
    Ok(match text {
        None => T::default(),
        Some(text) => serde_json::from_str(&text).unwrap_or_else(|error| {
            report.error_without_place(format!("meta \"{key}\": {error}"));
            T::default()
        }),
    })
}

fn read_rows(
    connection: &Connection,
    version: i32,
    report: &mut Report,
) -> rusqlite::Result<Workspace> {
    let mut workspace = Workspace {
        settings: meta_json(connection, "settings", report)?,
        skills: meta_json(connection, "skills", report)?,
        roles: meta_json(connection, "roles", report)?,
        projects: meta_json(connection, "projects", report)?,
        plan: meta_json(connection, "plan", report)?,
        holidays: meta_json(connection, "holidays", report)?,
        scenarios: meta_json(connection, "scenarios", report)?,
        evidence_sources: meta_json(connection, "evidence_sources", report)?,
        ..Workspace::default()
    };
    let skills = workspace.skills.len();
    let count: i64 = connection.query_row("SELECT count(*) FROM member", [], |row| row.get(0))?;
    let count = count as usize;
    let history_column = if version >= 2 { "history" } else { "x''" };
    let development_column = if version >= 3 { "development" } else { "''" };
    let time_off_column = if version >= 4 { "time_off" } else { "''" };
    let membership_column = if version >= 5 { "membership" } else { "''" };
    let (emails_column, work_column) = if version >= 6 {
        ("emails", "work")
    } else {
        ("''", "''")
    };
    let mut statement = connection.prepare(&format!(
        "SELECT position, name, email, role, team, manager, fte, location, years, planned, \
         levels, {history_column}, {development_column}, {time_off_column}, \
         {membership_column}, {emails_column}, {work_column} FROM member ORDER BY position"
    ))?;
    let mut rows = statement.query([])?;
    let mut levels = LevelMatrix::new(count, skills);
    let mut members = Vec::with_capacity(count);
    let mut history = Vec::with_capacity(count);
    while let Some(row) = rows.next()? {
        let index = members.len();
        let position: i64 = row.get(0)?;
        let mut member = Member {
            name: row.get(1)?,
            email: row.get(2)?,
            emails: Vec::new(),
            role: row.get::<_, Option<String>>(3)?.map(crate::model::RoleId),
            team: row.get(4)?,
            manager: row.get(5)?,
            fte: row.get(6)?,
            location: row.get(7)?,
            years: row.get(8)?,
            planned: row.get::<_, i64>(9)? != 0,
            development: Default::default(),
            time_off: Vec::new(),
            joined: None,
            left: None,
            changes: Vec::new(),
            work: Default::default(),
            fte_stated: true,
        };
        let emails: String = row.get(15)?;
        if !emails.is_empty() {
            member.emails = emails.split('\n').map(str::to_string).collect();
        }
        let work: String = row.get(16)?;
        if !work.is_empty() {
            match serde_json::from_str(&work) {
                Ok(read) => member.work = read,
                Err(error) => report.error_without_place(format!(
                    "member {} (\"{}\"): work evidence is damaged ({error}); read the \
                     repositories again",
                    index + 1,
                    member.name
                )),
            }
        }
        let development: String = row.get(12)?;
        if !development.is_empty() {
            match serde_json::from_str(&development) {
                Ok(read) => member.development = read,
                Err(error) => report.error_without_place(format!(
                    "member {} (\"{}\"): targets and certifications are damaged ({error})",
                    index + 1,
                    member.name
                )),
            }
        }
        let time_off: String = row.get(13)?;
        if !time_off.is_empty() {
            match serde_json::from_str(&time_off) {
                Ok(read) => member.time_off = read,
                Err(error) => report.error_without_place(format!(
                    "member {} (\"{}\"): time off is damaged ({error})",
                    index + 1,
                    member.name
                )),
            }
        }
        let membership: String = row.get(14)?;
        if !membership.is_empty() {
            match serde_json::from_str::<Membership>(&membership) {
                Ok(read) => {
                    member.joined = read.joined;
                    member.left = read.left;
                    member.changes = read.changes;
                }
                Err(error) => report.error_without_place(format!(
                    "member {} (\"{}\"): joining, leaving and changes are damaged ({error})",
                    index + 1,
                    member.name
                )),
            }
        }
        let who = || format!("member {} (\"{}\")", index + 1, member.name);
        if position != index as i64 || index >= count {
            report.error_without_place(format!("{}: stored at position {position}", who()));
            break;
        }
        let cells = row.get_ref(10)?.as_blob()?;
        if cells.len() != skills {
            report.error_without_place(format!(
                "{}: {} levels stored for {skills} skills",
                who(),
                cells.len()
            ));
        } else {
            let target = levels.row_mut(index);
            for (slot, &byte) in target.iter_mut().zip(cells) {
                match Cell::try_from_byte(byte) {
                    Some(cell) => *slot = cell,
                    None => {
                        report.error_without_place(format!("{}: a level is damaged", who()));
                        break;
                    }
                }
            }
        }
        match decode_history(row.get_ref(11)?.as_blob()?, skills) {
            Some(row) => history.push(Arc::new(row)),
            None => {
                report.error_without_place(format!("{}: the history is damaged", who()));
                history.push(Arc::default());
            }
        }
        members.push(member);
    }
    drop(rows);
    workspace.members = members;
    workspace.levels = levels;
    workspace.history = History::from_rows(history);
    Ok(workspace)
}

#[cfg(test)]
#[path = "database_tests.rs"]
mod tests;
