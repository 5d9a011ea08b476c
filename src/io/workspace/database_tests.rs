//! The database workspace: migrations from earlier layouts.

use super::*;
use crate::io::workspace::database_write::{put_meta, update_database};

#[test]
fn a_first_version_file_opens_and_is_brought_up_to_date_by_a_save() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("old.skillgrid");
    {
        let connection = Connection::open(&path).expect("created");
        connection.execute_batch(MIGRATIONS[0]).expect("version 1");
        connection
            .pragma_update(None, "user_version", 1)
            .expect("versioned");
        put_meta(&connection, "format", FORMAT).expect("format");
        put_meta(&connection, "revision", "7").expect("revision");
        put_meta(&connection, "skills", "[]").expect("skills");
        put_meta(&connection, "roles", "[]").expect("roles");
        connection
            .execute(
                "INSERT INTO member (position, name, fte, levels) VALUES (0, 'Ana', 1.0, x'')",
                [],
            )
            .expect("a member");
    }
    let read = read_database(&path).expect("opens").value;
    assert_eq!(read.workspace.members[0].name, "Ana");
    assert!(read.workspace.history.is_empty());
    let mut edited = read.workspace.clone();
    edited.members[0].name = "Ana Souza".into();
    update_database(&path, &edited, &read.workspace, read.revision).expect("saved in place");
    let connection = Connection::open(&path).expect("opens");
    let version: i32 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .expect("version");
    assert_eq!(version, DATABASE_VERSION);
    let again = read_database(&path).expect("reopens").value;
    assert_eq!(again.workspace.members[0].name, "Ana Souza");
    // The save marked the old file as Skillgrid's, as a new one is.
    assert_eq!(&std::fs::read(&path).expect("read")[68..72], b"SKGD");
}

#[test]
fn a_new_workspace_carries_skillgrids_application_id() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("team.skillgrid");
    crate::io::write_database(&path, &Workspace::default()).expect("saved");
    let header = std::fs::read(&path).expect("read");
    assert_eq!(&header[..16], b"SQLite format 3\0");
    assert_eq!(&header[68..72], b"SKGD", "bytes 68-71: the application id");
    let connection = Connection::open(&path).expect("opens");
    let id: i32 = connection
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .expect("id");
    assert_eq!(id, APPLICATION_ID);
}

#[test]
fn another_programs_sqlite_file_is_refused_by_name_and_left_alone() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("photos.skillgrid");
    {
        let connection = Connection::open(&path).expect("created");
        // Fossil's id, as `file` knows it.
        connection
            .pragma_update(None, "application_id", 0x0f05_5112)
            .expect("id");
        connection
            .execute_batch("CREATE TABLE album (name TEXT)")
            .expect("a table");
    }
    let before = std::fs::read(&path).expect("read");
    let failure = read_database(&path).err().expect("refused");
    let said = failure.to_string();
    assert!(said.contains("photos.skillgrid"), "{said}");
    assert!(
        said.contains("the SQLite database of another program"),
        "{said}"
    );
    assert!(said.contains("0x0f055112"), "{said}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "left as it was"
    );
}
