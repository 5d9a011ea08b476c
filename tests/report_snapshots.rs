//! The text and JSON reports of one sample, compared with files a person
//! has read. After a deliberate change: `UPDATE_SNAPSHOTS=1 cargo test`.

use skillgrid::analysis::{AnalysisOptions, analyze};
use skillgrid::catalog;
use skillgrid::io::open_path;
use skillgrid::report::{json_report, text_report};
use std::path::Path;

fn check(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("write the snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_SNAPSHOTS=1", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from line {}:\n expected: {:?}\n   actual: {:?}\n(UPDATE_SNAPSHOTS=1 accepts the change)",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

#[test]
fn platform_team_reports_match_their_snapshots() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-teams/platform-team.csv");
    let workspace = open_path(&path, catalog::builtin()).expect("imports").value;
    let analysis = analyze(&workspace, &AnalysisOptions::default());
    check(
        "platform-team.txt",
        &text_report(&analysis, "sample-teams/platform-team.csv"),
    );
    check("platform-team.json", &json_report(&analysis, true));
}
