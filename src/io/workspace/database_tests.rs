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
}
