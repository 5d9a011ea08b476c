//! Output that streams and stops quietly when its reader goes away, and
//! inputs that cannot make Skillgrid read without bound: each on a fixture
//! of its own.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

/// Runs the command line with its output piped to a reader that takes
/// `keep` bytes and closes the pipe, as `| head -c` does.
fn closed_after(args: &[&str], keep: usize) -> (Option<i32>, String, Vec<u8>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillgrid"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut head = vec![0u8; keep];
    let mut stdout = child.stdout.take().expect("piped");
    stdout.read_exact(&mut head).expect("the first bytes");
    drop(stdout);
    let output = child.wait_with_output().expect("it ends");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).to_string(),
        head,
    )
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let sample = "sample-teams/product-org-history.skillgrid";
    for args in [
        vec!["history", sample],
        vec!["history", sample, "--format", "json"],
        vec!["history", sample, "--format", "csv"],
        vec!["report", sample, "--format", "json"],
        vec!["report", sample],
        vec![
            "coverage",
            "sample-teams/product-org-staffing.json",
            "--format",
            "json",
        ],
    ] {
        let (code, stderr, head) = closed_after(&args, 16);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert!(!head.is_empty());
    }
}

#[test]
fn a_full_disk_is_said_and_fails() {
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        return;
    }
    let output = Command::new(env!("CARGO_BIN_EXE_skillgrid"))
        .args(["report", "sample-teams/product-org.csv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::fs::File::create(full).expect("/dev/full opens"))
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("could not write the output") && stderr.contains("No space left"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn json_is_compact_unless_asked_to_be_pretty() {
    let compact = common::skillgrid(&[
        "history",
        "sample-teams/product-org-history.skillgrid",
        "--member",
        "Mei Chen",
        "--format",
        "json",
    ]);
    let text = String::from_utf8_lossy(&compact.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    let pretty = common::skillgrid(&[
        "history",
        "sample-teams/product-org-history.skillgrid",
        "--member",
        "Mei Chen",
        "--format",
        "json",
        "--pretty",
    ]);
    let pretty_text = String::from_utf8_lossy(&pretty.stdout);
    assert!(pretty_text.lines().count() > 1);
    let a: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let b: serde_json::Value = serde_json::from_str(&pretty_text).expect("JSON");
    assert_eq!(a, b);
}

/// A copy of the history sample to change.
fn sample_copy(folder: &std::path::Path) -> std::path::PathBuf {
    let path = folder.join("team.skillgrid");
    std::fs::copy("sample-teams/product-org-history.skillgrid", &path).expect("copied");
    path
}

fn set_version(path: &std::path::Path, version: i32) {
    let connection = rusqlite::Connection::open(path).expect("opens");
    connection
        .pragma_update(None, "user_version", version)
        .expect("set");
}

#[test]
fn a_layout_version_out_of_range_or_not_matching_its_tables_is_refused_untouched() {
    let folder = tempfile::tempdir().expect("folder");
    for (version, said) in [
        (-1, "its layout version is -1, which no Skillgrid writes"),
        (3, "its tables do not match its layout version 3"),
    ] {
        let path = sample_copy(folder.path());
        set_version(&path, version);
        let before = std::fs::read(&path).expect("read");
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        let text = path.to_str().expect("utf-8");
        let (ok, said_out, _) = common::run(&["validate", text]);
        assert!(!ok);
        assert!(said_out.contains(said), "{said_out}");
        // A round into it is refused too, and the file stays as it was.
        let round = folder.path().join("round.csv");
        std::fs::write(&round, "Name,Kubernetes\nMei Chen,3\n").expect("written");
        let (ok, _, stderr) = common::run(&[
            "import",
            round.to_str().expect("utf-8"),
            "--into",
            text,
            "--as-of",
            "2026-12-31",
        ]);
        assert!(!ok && stderr.contains(said), "{stderr}");
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "version {version}"
        );
        assert_eq!(
            std::fs::metadata(&path).and_then(|m| m.modified()).ok(),
            modified
        );
    }
}

#[test]
fn reading_a_workspace_leaves_its_bytes_and_time_even_with_a_wal_beside_it() {
    let folder = tempfile::tempdir().expect("folder");
    let source = sample_copy(folder.path());
    let copy_folder = folder.path().join("copy");
    std::fs::create_dir(&copy_folder).expect("folder");
    let copy = copy_folder.join("team.skillgrid");
    {
        // Another program left it in WAL mode with a write not yet folded in.
        let connection = rusqlite::Connection::open(&source).expect("opens");
        let _: String = connection
            .query_row("PRAGMA journal_mode=WAL", [], |row| row.get(0))
            .expect("WAL");
        connection
            .pragma_update(None, "wal_autocheckpoint", 0)
            .expect("no checkpoint");
        connection
            .execute("UPDATE member SET team = team WHERE position = 0", [])
            .expect("written");
        std::fs::copy(&source, &copy).expect("copied");
        let mut wal = source.clone().into_os_string();
        wal.push("-wal");
        let mut copy_wal = copy.clone().into_os_string();
        copy_wal.push("-wal");
        std::fs::copy(&wal, &copy_wal).expect("WAL copied");
    }
    let before = std::fs::read(&copy).expect("read");
    let modified = std::fs::metadata(&copy).and_then(|m| m.modified()).ok();
    let text = copy.to_str().expect("utf-8");
    for args in [
        vec!["validate", text],
        vec!["report", text, "--format", "json"],
        vec!["history", text],
        vec!["who", text, "--skill", "Kubernetes:3"],
        vec!["coverage", text],
    ] {
        let (ok, _, stderr) = common::run(&args);
        assert!(ok, "{args:?}: {stderr}");
        assert_eq!(std::fs::read(&copy).expect("read"), before, "{args:?}");
        assert_eq!(
            std::fs::metadata(&copy).and_then(|m| m.modified()).ok(),
            modified,
            "{args:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn new_workspaces_are_private_and_exports_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("folder");
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .expect("written")
            .permissions()
            .mode()
            & 0o777
    };
    let workspace = folder.path().join("team.skillgrid");
    let json = folder.path().join("team.json");
    let csv = folder.path().join("team.csv");
    for output in [&workspace, &json, &csv] {
        let (ok, _, stderr) = common::run(&[
            "convert",
            "sample-teams/product-org.csv",
            output.to_str().expect("utf-8"),
        ]);
        assert!(ok, "{stderr}");
    }
    assert_eq!(mode(&workspace), 0o600, "people's ratings: the owner alone");
    assert_eq!(mode(&json), 0o600);
    // What this process's umask gives a new file.
    let probe = folder.path().join("probe");
    std::fs::write(&probe, b"").expect("written");
    assert_eq!(mode(&csv), mode(&probe), "an export follows the umask");
    // Saving over a workspace keeps what its owner chose.
    std::fs::set_permissions(&workspace, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let (ok, _, stderr) = common::run(&[
        "convert",
        "sample-teams/product-org.csv",
        workspace.to_str().expect("utf-8"),
    ]);
    assert!(ok, "{stderr}");
    assert_eq!(mode(&workspace), 0o640);
}

#[test]
fn a_framework_nested_deeper_than_any_real_one_is_refused_at_once() {
    let folder = tempfile::tempdir().expect("folder");
    let deep = folder.path().join("deep.yml");
    let into = sample_copy(folder.path());
    // 100,000 levels of flow nesting over many lines.
    let mut text = String::from("name: Deep\nlevels:\n");
    for line in 0..10_000 {
        text.push_str(&"[".repeat(10));
        if line % 3 == 0 {
            text.push('\n');
        }
    }
    std::fs::write(&deep, &text).expect("written");
    let started = std::time::Instant::now();
    let (ok, _, stderr) = common::run(&[
        "import-framework",
        deep.to_str().expect("utf-8"),
        "--into",
        into.to_str().expect("utf-8"),
        "--dry-run",
    ]);
    assert!(!ok);
    assert!(
        stderr.contains("deep.yml:5: the YAML nests 71 levels deep"),
        "{stderr}"
    );
    assert!(stderr.contains("nests"), "{stderr}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    // Indented blocks count too.
    let mut text = String::from("name: Deep\nlevels:\n");
    for depth in 0..80 {
        text.push_str(&" ".repeat(depth + 1));
        text.push_str(&format!("k{depth}:\n"));
    }
    std::fs::write(&deep, &text).expect("written");
    let (ok, _, stderr) = common::run(&[
        "import-framework",
        deep.to_str().expect("utf-8"),
        "--into",
        into.to_str().expect("utf-8"),
        "--dry-run",
    ]);
    assert!(!ok);
    assert!(stderr.contains("nests 65 levels deep"), "{stderr}");
}

/// A roster workbook as Excel would save it, then its first sheet's XML
/// replaced by `sheet` (deflated, as Excel packs it).
fn workbook_with_sheet(sheet: &str) -> Vec<u8> {
    use std::io::Write;
    let mut book = rust_xlsxwriter::Workbook::new();
    let first = book.add_worksheet();
    first.write_string(0, 0, "Name").expect("cell");
    first.write_string(1, 0, "Ana Ruiz").expect("cell");
    let bytes = book.save_to_buffer().expect("a workbook");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().expect("named").to_string();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).expect("read");
        if name == "xl/worksheets/sheet1.xml" {
            content = sheet.as_bytes().to_vec();
        }
        out.start_file(name, options).expect("entry");
        out.write_all(&content).expect("written");
    }
    out.finish().expect("finished").into_inner()
}

fn sheet_xml(rows: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
         <sheetData>{rows}</sheetData></worksheet>"
    )
}

fn validate_bytes(bytes: &[u8]) -> (bool, String, std::time::Duration) {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("team.xlsx");
    std::fs::write(&path, bytes).expect("written");
    let started = std::time::Instant::now();
    let (ok, out, err) = common::run(&["validate", path.to_str().expect("utf-8")]);
    (ok, format!("{out}{err}"), started.elapsed())
}

#[test]
fn a_workbook_cell_of_megabytes_is_refused_while_unpacking_with_its_cell() {
    let rows = format!(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c></row>\
         <row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>{}</t></is></c></row>",
        "x".repeat(3 * 1024 * 1024)
    );
    let (ok, said, _) = validate_bytes(&workbook_with_sheet(&sheet_xml(&rows)));
    assert!(!ok);
    assert!(
        said.contains("team.xlsx: the sheet sheet1 holds a cell of over 1 MB at A2"),
        "{said}"
    );
}

#[test]
fn a_row_of_a_million_cells_is_named_by_its_row_not_as_a_header() {
    let mut cells = String::new();
    for column in 0..10_001 {
        cells.push_str(&format!("<c r=\"R{column}\"><v>1</v></c>"));
    }
    let rows = format!(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c></row>\
         <row r=\"7\">{cells}</row>"
    );
    let (ok, said, _) = validate_bytes(&workbook_with_sheet(&sheet_xml(&rows)));
    assert!(!ok);
    assert!(
        said.contains("the sheet sheet1 has more than 10000 cells in row 7"),
        "{said}"
    );
    assert!(!said.contains(":1:1"), "not a header problem: {said}");
}

#[test]
fn a_sheet_whose_directory_says_gigabytes_is_refused_before_it_is_unpacked() {
    let mut bytes = workbook_with_sheet(&sheet_xml(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c></row>",
    ));
    // As a zip bomb's directory says: 3 GB once unpacked.
    let name = b"xl/worksheets/sheet1.xml";
    let central = bytes
        .windows(4)
        .enumerate()
        .filter(|(_, window)| *window == [0x50, 0x4b, 0x01, 0x02])
        .map(|(at, _)| at)
        .find(|&at| bytes[at + 46..].starts_with(name))
        .expect("the sheet's directory entry");
    bytes[central + 24..central + 28].copy_from_slice(&0xC000_0000u32.to_le_bytes());
    let (ok, said, elapsed) = validate_bytes(&bytes);
    assert!(!ok);
    assert!(
        said.contains("the sheet sheet1 unpacks to 3072 MB; Skillgrid reads sheets up to 2048 MB"),
        "{said}"
    );
    assert!(elapsed < std::time::Duration::from_secs(10));
}
