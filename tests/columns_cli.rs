//! The column readings on the command line: `validate --explain`, a
//! mapping file, `--ignore-column`, and `import --explain`.

mod common;
use common::{skillgrid, text};

const HR_EXPORT: &str = "Employee ID,Name,Squad Name,Start date,K8s,Rust\r\n\
    1001,Ana Silva,Core,2021-03-01,3,2\r\n\
    1002,Ben Okafor,Core,2022-05-12,1,\r\n\
    1003,Chen Wei,Apps,2020-01-20,4,3\r\n";

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn validate_explains_each_column_and_a_map_changes_the_reading() {
    let folder = tempfile::tempdir().expect("folder");
    let roster = folder.path().join("hr.csv");
    std::fs::write(&roster, HR_EXPORT).expect("written");

    let explained = skillgrid(&["validate", text(&roster), "--explain"]);
    assert!(explained.status.success());
    let said = stdout(&explained);
    assert!(said.contains("\"Employee ID\" -> set aside"), "{said}");
    assert!(
        said.contains("\"Squad Name\" -> set aside: most of its values are not levels"),
        "{said}"
    );
    assert!(
        said.contains("\"K8s\" -> skill: K8s: the catalog's Containers & Kubernetes"),
        "{said}"
    );
    assert!(said.contains("members:        3"), "{said}");

    let map = folder.path().join("columns.csv");
    std::fs::write(&map, "Column,Use\nSquad Name,Team\n").expect("written");
    let mapped = skillgrid(&[
        "validate",
        text(&roster),
        "--explain",
        "--map",
        text(&map),
        "--ignore-column",
        "Rust",
    ]);
    let said = stdout(&mapped);
    assert!(mapped.status.success(), "{said}");
    assert!(said.contains("\"Squad Name\" -> Team: chosen"), "{said}");
    assert!(said.contains("\"Rust\" -> set aside: chosen"), "{said}");
    assert!(said.contains("skills:         1"), "{said}");
}

#[test]
fn a_mapping_file_that_cannot_be_read_is_said_by_name() {
    let folder = tempfile::tempdir().expect("folder");
    let map = folder.path().join("columns.csv");
    std::fs::write(&map, "Column,Use\nSquad Name\n").expect("written");
    let output = skillgrid(&[
        "validate",
        "sample-teams/product-org.csv",
        "--map",
        text(&map),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("columns.csv:2"), "{said}");
    assert!(said.contains("expected two values"), "{said}");
}

#[test]
fn import_explains_then_imports_with_the_map() {
    let folder = tempfile::tempdir().expect("folder");
    let roster = folder.path().join("hr.csv");
    std::fs::write(&roster, HR_EXPORT).expect("written");
    let map = folder.path().join("columns.csv");
    std::fs::write(&map, "Column,Use\nSquad Name,Team\n").expect("written");
    let workspace = folder.path().join("team.skillgrid");
    let output = skillgrid(&[
        "import",
        text(&roster),
        "--into",
        text(&workspace),
        "--as-of",
        "2026-11-30",
        "--explain",
        "--map",
        text(&map),
    ]);
    let said = stdout(&output);
    assert!(
        output.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(said.contains("\"Squad Name\" -> Team: chosen"), "{said}");
    let read = skillgrid::io::open_path(&workspace, skillgrid::catalog::builtin()).expect("reads");
    let chen = read.value.find_member("Chen Wei").expect("imported");
    assert_eq!(read.value.members[chen].team.as_deref(), Some("Apps"));
}

#[test]
fn import_reads_a_round_with_the_mapping_the_workspace_remembers() {
    let folder = tempfile::tempdir().expect("folder");
    let roster = folder.path().join("hr.csv");
    std::fs::write(&roster, HR_EXPORT).expect("written");
    // A workspace that remembers, for this header, that Squad Name is the team.
    let header: Vec<String> = HR_EXPORT
        .lines()
        .next()
        .expect("a header")
        .split(',')
        .map(str::to_string)
        .collect();
    let mut map = skillgrid::model::ColumnMap {
        header,
        columns: Vec::new(),
    };
    map.set(
        "Squad Name",
        skillgrid::model::ColumnUse::Field("Team".into()),
    );
    let mut workspace =
        skillgrid::model::Workspace::with_roles(skillgrid::catalog::builtin().roles.clone());
    workspace.settings.column_maps.push(map);
    let path = folder.path().join("team.skillgrid");
    skillgrid::io::save_path(&workspace, &path, skillgrid::io::ExportOptions::default())
        .expect("saved");

    let output = skillgrid(&[
        "import",
        text(&roster),
        "--into",
        text(&path),
        "--as-of",
        "2026-11-30",
        "--explain",
    ]);
    let said = stdout(&output);
    assert!(
        output.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(said.contains("\"Squad Name\" -> Team: chosen"), "{said}");
    let read = skillgrid::io::open_path(&path, skillgrid::catalog::builtin()).expect("reads");
    let chen = read.value.find_member("Chen Wei").expect("imported");
    assert_eq!(read.value.members[chen].team.as_deref(), Some("Apps"));
}
