//! Skills over time, as files and the command line see them: the
//! `.skillgrid` database round trip, saves cut short by a kill, bad files,
//! and `import`, `history` and `report --as-of` on the sample.

mod common;
use common::skillgrid;

use proptest::prelude::*;
use skillgrid::analysis;
use skillgrid::io;
use skillgrid::model::{Assessment, Cell, Date, Level, Rater, Workspace};
use std::path::{Path, PathBuf};
use std::process::Command;

const SAMPLE: &str = "sample-teams/product-org-history.skillgrid";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn date(text: &str) -> Date {
    text.parse().expect("a test date")
}

fn sample() -> Workspace {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    io::read_database(&path)
        .expect("the sample opens")
        .value
        .workspace
}

fn copy_of_sample(folder: &Path) -> PathBuf {
    let path = folder.join("team.skillgrid");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE), &path).expect("copied");
    path
}

#[test]
fn the_sample_tells_its_story() {
    let workspace = sample();
    let zoe = workspace.find_member("Zoë Müller").expect("Zoë");
    let kubernetes = workspace
        .skills
        .iter()
        .position(|skill| skill.name == "Containers & Kubernetes")
        .expect("tracked");
    let timeline = analysis::member_timeline(&workspace, zoe);
    let grew = timeline
        .iter()
        .find(|line| line.skill == kubernetes)
        .expect("a line");
    let levels: Vec<u8> = grew
        .points
        .iter()
        .filter_map(|p| p.1)
        .map(Level::get)
        .collect();
    assert_eq!(levels, [1, 2, 3]);
    let trend = analysis::bench_trend(&workspace, None);
    let observability = workspace
        .skills
        .iter()
        .position(|skill| skill.name == "Observability")
        .expect("tracked");
    assert_eq!(
        trend.dates,
        ["2026-03-31", "2026-06-30", "2026-09-30"],
        "three rounds; a one-off review of one person is not one"
    );
    assert_eq!(trend.leaders[observability], [2, 2, 1]);
    assert!(trend.fell.contains(&observability));
    let scope = analysis::Scope::today(&workspace);
    let stale = analysis::stale_cells(&scope, analysis::stale_before(date("2026-12-01"), 12));
    assert_eq!(stale.len(), 1, "Mei Chen's Security & Compliance");
}

#[test]
fn json_and_the_database_hold_the_same_workspace() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = sample();
    let json = folder.path().join("team.json");
    io::save_path(&workspace, &json, io::ExportOptions::default()).expect("JSON written");
    let from_json = io::open_path(&json, skillgrid::catalog::builtin())
        .expect("JSON reads")
        .value;
    assert_eq!(from_json, workspace);
    let database = folder.path().join("again.skillgrid");
    io::save_path(&from_json, &database, io::ExportOptions::default()).expect("database");
    assert_eq!(sample_read(&database), workspace);
}

#[test]
fn a_workspace_from_before_history_moves_to_the_database_whole() {
    let folder = tempfile::tempdir().expect("folder");
    let json = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-teams/product-org-staffing.json");
    let file = std::fs::read_to_string(&json).expect("sample");
    assert!(
        file.contains("\"schema_version\": 1"),
        "a file of the first version"
    );
    let old = io::open_path(&json, skillgrid::catalog::builtin())
        .expect("opens")
        .value;
    assert!(old.history.is_empty() && !old.projects.is_empty());
    let database = folder.path().join("staffing.skillgrid");
    let output = skillgrid(&[
        "convert",
        &json.to_string_lossy(),
        &database.to_string_lossy(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        sample_read(&database),
        old,
        "projects, plan and levels all kept"
    );
}

fn sample_read(path: &Path) -> Workspace {
    io::read_database(path).expect("reads").value.workspace
}

/// A rating anywhere in the sample: member, skill, day within the year,
/// level (5 is "not assessed"), rater, and maybe a note.
fn ratings() -> impl Strategy<Value = Vec<(usize, usize, i64, u8, u8, bool)>> {
    prop::collection::vec(
        (
            0..49usize,
            0..31usize,
            0..400i64,
            0..6u8,
            0..4u8,
            any::<bool>(),
        ),
        0..40,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn any_history_survives_json_and_the_database(extra in ratings()) {
        let mut workspace = sample();
        for (member, skill, day, level, rater, note) in extra {
            let as_of = date("2025-01-01")
                .checked_add(jiff::Span::new().days(day))
                .expect("a date");
            let assessment = Assessment {
                skill: skill as u32,
                as_of: Some(as_of),
                cell: Cell::new(Level::new(level), level % 2 == 0),
                rater: Rater::from_code(rater).expect("a rater"),
            };
            let note = note.then(|| format!("seen in review {day}, \"quoted\""));
            workspace.record_assessment(member, assessment, note);
        }
        let folder = tempfile::tempdir().expect("folder");
        let database = folder.path().join("team.skillgrid");
        io::write_database(&database, &workspace).expect("written");
        let read = sample_read(&database);
        prop_assert_eq!(&read, &workspace);
        let json = io::workspace_to_json(&read);
        let back = io::workspace_from_json(&json, "team.json").expect("reads").value;
        prop_assert_eq!(back, workspace);
    }
}

#[test]
fn a_save_in_place_writes_only_what_changed_and_reads_back() {
    let folder = tempfile::tempdir().expect("folder");
    let path = copy_of_sample(folder.path());
    let read = io::read_database(&path).expect("opens").value;
    let mut edited = read.workspace.clone();
    let assessment = Assessment {
        skill: 0,
        as_of: Some(date("2026-12-01")),
        cell: Cell::assessed(Level::EXPERT),
        rater: Rater::Manager,
    };
    edited.record_assessment(3, assessment, Some("led the design review".into()));
    let saved = io::update_database(&path, &edited, &read.workspace, read.revision)
        .expect("saved in place");
    assert_ne!(saved.hash, read.revision);
    assert_eq!(io::database_revision(&path), Some(saved.hash));
    assert_eq!(sample_read(&path), edited);
    // A second writer that read the old revision is refused, and the file
    // keeps the first one's save.
    let refused = io::update_database(&path, &read.workspace, &read.workspace, read.revision)
        .expect_err("another save came first");
    assert_eq!(refused.step, io::SaveStep::CheckUnchanged);
    assert!(refused.to_string().contains("team.skillgrid"), "{refused}");
    assert_eq!(sample_read(&path), edited);
}

#[test]
fn bad_files_are_refused_by_name_and_left_as_they_are() {
    let folder = tempfile::tempdir().expect("folder");
    let good = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).expect("sample");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "text.skillgrid",
            b"Name,Email\nAna,ana@example.com\n".to_vec(),
            "does not start as one",
        ),
        (
            "cut.skillgrid",
            good[..good.len() / 2].to_vec(),
            "cut short",
        ),
        ("empty.skillgrid", Vec::new(), "does not start as one"),
        (
            "newer.skillgrid",
            with_version(&good, 99),
            "newer Skillgrid",
        ),
        ("damaged.skillgrid", damaged(&good), "damaged"),
    ];
    for (name, bytes, expected) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, &bytes).expect("written");
        let failure = io::open_path(&path, skillgrid::catalog::builtin()).expect_err("refused");
        let message = failure.errors[0].to_string();
        assert!(message.contains(name), "{message}");
        assert!(message.contains(expected), "{name}: {message}");
        assert_eq!(
            std::fs::read(&path).expect("still there"),
            bytes,
            "{name} untouched"
        );
    }
}

/// The sample with `PRAGMA user_version` set, as a newer build would.
fn with_version(good: &[u8], version: u32) -> Vec<u8> {
    let mut bytes = good.to_vec();
    bytes[60..64].copy_from_slice(&version.to_be_bytes());
    bytes
}

/// The sample with the middle of its data overwritten.
fn damaged(good: &[u8]) -> Vec<u8> {
    let mut bytes = good.to_vec();
    let page = 4096;
    for byte in &mut bytes[page * 3..page * 3 + 600] {
        *byte = 0x5a;
    }
    bytes
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_file() {
    let folder = tempfile::tempdir().expect("folder");
    let path = copy_of_sample(folder.path());
    let rounds = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-teams/rounds");
    let before = sample_read(&path);
    for attempt in 0..12u64 {
        // Each run imports a round on a new date: in place, one transaction.
        let as_of = format!("2027-01-{:02}", attempt + 1);
        let round = rounds.join(if attempt % 2 == 0 {
            "product-org-2026-q1.csv"
        } else {
            "product-org-2026-q3.csv"
        });
        let mut child = Command::new(env!("CARGO_BIN_EXE_skillgrid"))
            .args(["import", &round.to_string_lossy(), "--into"])
            .arg(&path)
            .args(["--as-of", &as_of])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("runs");
        std::thread::sleep(std::time::Duration::from_millis(5 + attempt * 7));
        let _ = child.kill();
        let _ = child.wait();
        let read = io::read_database(&path).unwrap_or_else(|failure| {
            panic!("attempt {attempt}: the file no longer opens: {failure:?}")
        });
        let workspace = read.value.workspace;
        assert_eq!(workspace.members.len(), before.members.len());
        let dates = workspace.history.dates();
        let imported = dates.iter().filter(|d| d.year() == 2027).count();
        assert!(
            imported <= attempt as usize + 1,
            "attempt {attempt}: {dates:?}"
        );
    }
}

#[test]
fn history_lists_changes_as_text_json_and_csv() {
    let output = skillgrid(&["history", SAMPLE, "--skill", "k8s", "--since", "2026-04-01"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let listed = text(&output.stdout);
    assert!(
        listed.contains("2026-06-30  Zoë Müller  Containers & Kubernetes: 1 -> 2  (manager)"),
        "{listed}"
    );
    assert!(
        listed.contains("2026-09-30  Zoë Müller  Containers & Kubernetes: 2 -> 3"),
        "{listed}"
    );
    let output = skillgrid(&[
        "history",
        SAMPLE,
        "--member",
        "leila.karimi@example.com",
        "--since",
        "2026-07-01",
        "--format",
        "json",
    ]);
    let changes: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(changes.as_array().map(Vec::len), Some(1));
    assert_eq!(changes[0]["skill"], "Observability");
    assert_eq!(
        (changes[0]["from"].as_u64(), changes[0]["to"].as_u64()),
        (Some(4), Some(2))
    );
    assert_eq!(changes[0]["date"], "2026-09-30");
    let output = skillgrid(&["history", SAMPLE, "--member", "Mei Chen", "--format", "csv"]);
    let csv = text(&output.stdout);
    assert!(
        csv.starts_with("member,email,skill,from,to,date,rater\n"),
        "{csv}"
    );
    assert!(
        csv.contains("Mei Chen,mei.chen@example.com,Security & Compliance,,3,2025-10-15,manager")
    );
    let output = skillgrid(&["history", SAMPLE, "--member", "Nobody"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("no member named \"Nobody\""));
    let output = skillgrid(&["history", SAMPLE, "--since", "30/06/2026"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("expected YYYY-MM-DD"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_report_as_of_a_date_is_the_organisation_then() {
    let then = skillgrid(&[
        "report",
        SAMPLE,
        "--format",
        "json",
        "--as-of",
        "2026-03-31",
    ]);
    assert!(then.status.success(), "{}", text(&then.stderr));
    let now = skillgrid(&["report", SAMPLE, "--format", "json"]);
    let then: serde_json::Value = serde_json::from_slice(&then.stdout).expect("JSON");
    let now: serde_json::Value = serde_json::from_slice(&now.stdout).expect("JSON");
    // Isabel Navarro joined in the second round.
    assert_eq!(
        then["members"].as_u64().map(|m| m + 1),
        now["members"].as_u64()
    );
    for format in ["text", "csv", "html"] {
        let output = skillgrid(&[
            "report",
            SAMPLE,
            "--format",
            format,
            "--as-of",
            "2026-06-30",
        ]);
        assert!(
            output.status.success(),
            "{format}: {}",
            text(&output.stderr)
        );
    }
}

#[test]
fn import_adds_a_round_and_a_failed_one_changes_nothing() {
    let folder = tempfile::tempdir().expect("folder");
    let path = copy_of_sample(folder.path());
    let round = folder.path().join("q4.csv");
    // Windows line endings, as Excel writes them.
    std::fs::write(
        &round,
        "Name,Email,Team,K8s,Observability\r\nZoë Müller,zoe.muller@example.com,,4,\r\nNew Person,new@example.com,Platform,1,2\r\n",
    )
    .expect("written");
    let output = skillgrid(&[
        "import",
        &round.to_string_lossy(),
        "--into",
        &path.to_string_lossy(),
        "--as-of",
        "2026-12-31",
        "--rater",
        "self",
    ]);
    assert!(
        output.status.success(),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    let said = text(&output.stdout);
    assert!(said.contains("1 change recorded"), "{said}");
    // A self-rating cannot bring a new member: it is said and skipped.
    assert!(
        text(&output.stderr).contains("not in the workspace, so not imported: New Person"),
        "{}",
        text(&output.stderr)
    );
    let workspace = sample_read(&path);
    assert!(workspace.find_member("New Person").is_none());
    let zoe = workspace.find_member("Zoë Müller").expect("Zoë");
    let kubernetes = workspace
        .skills
        .iter()
        .position(|s| s.name == "Containers & Kubernetes")
        .expect("k8s");
    // A self-rating does not override the manager's.
    assert_eq!(
        workspace.cell(zoe, kubernetes),
        Cell::assessed(Level::PROFICIENT)
    );
    let broken = folder.path().join("broken.csv");
    std::fs::write(&broken, "Name,K8s\nZoë Müller,7\n").expect("written");
    let before = std::fs::read(&path).expect("file");
    let output = skillgrid(&[
        "import",
        &broken.to_string_lossy(),
        "--into",
        &path.to_string_lossy(),
        "--as-of",
        "2027-01-31",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("broken.csv:2:2"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(std::fs::read(&path).expect("file"), before);
    let output = skillgrid(&[
        "import",
        &round.to_string_lossy(),
        "--into",
        "sample-teams/product-org.csv",
        "--as-of",
        "2026-12-31",
    ]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn convert_dates_a_roster_it_turns_into_a_workspace() {
    let folder = tempfile::tempdir().expect("folder");
    let out = folder.path().join("team.skillgrid");
    let output = skillgrid(&[
        "convert",
        "sample-teams/product-org.csv",
        &out.to_string_lossy(),
        "--as-of",
        "2026-06-30",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let workspace = sample_read(&out);
    assert_eq!(workspace.history.dates(), [date("2026-06-30")]);
    assert_eq!(
        workspace.history.assessments(),
        workspace.assessed_cells() + interest_only(&workspace)
    );
    let csv = folder.path().join("back.csv");
    let output = skillgrid(&["convert", &out.to_string_lossy(), &csv.to_string_lossy()]);
    assert!(output.status.success());
    assert!(
        text(&output.stderr).contains("dated assessments"),
        "{}",
        text(&output.stderr)
    );
}

/// Cells with interest but no level: recorded too.
fn interest_only(workspace: &Workspace) -> usize {
    workspace
        .levels
        .iter_rows()
        .flatten()
        .filter(|cell| cell.level().is_none() && cell.interest())
        .count()
}

#[test]
fn a_merge_keeps_the_record_and_the_matrix_in_agreement() {
    let mut workspace = sample();
    let member = workspace.find_member("Zoë Müller").expect("Zoë");
    let from = workspace
        .skills
        .iter()
        .position(|s| s.name == "Cloud Computing")
        .expect("cloud");
    let into = workspace
        .skills
        .iter()
        .position(|s| s.name == "Containers & Kubernetes")
        .expect("k8s");
    // Cloud rated higher earlier; both rated in the same round.
    workspace.record_assessment(
        member,
        Assessment {
            skill: from as u32,
            as_of: Some(date("2026-09-30")),
            cell: Cell::assessed(Level::EXPERT),
            rater: Rater::Manager,
        },
        None,
    );
    workspace.merge_skills(from, into).expect("merged");
    let kept = workspace
        .skills
        .iter()
        .position(|s| s.name == "Containers & Kubernetes")
        .expect("kept");
    let row = workspace.history.row(member);
    assert_eq!(workspace.cell(member, kept), Cell::assessed(Level::EXPERT));
    assert_eq!(
        row.current(kept as u32),
        Some(workspace.cell(member, kept)),
        "the record agrees"
    );
    let same_day: Vec<_> = row
        .of_skill(kept as u32)
        .filter(|entry| entry.as_of == Some(date("2026-09-30")) && entry.rater == Rater::Manager)
        .collect();
    assert_eq!(
        same_day.len(),
        1,
        "one rating a day and rater: {same_day:?}"
    );
}

#[test]
fn the_organisation_as_it_stood_tells_apart_people_of_one_name() {
    let mut workspace = sample();
    let mut twin = workspace.members[0].clone();
    twin.email = None;
    // As the round that brought them in records it.
    twin.joined = Some(date("2026-09-30"));
    let name = twin.name.clone();
    workspace.members[0].email = None;
    let late = workspace.push_member(twin);
    workspace.record_assessment(
        late,
        Assessment {
            skill: 0,
            as_of: Some(date("2026-09-30")),
            cell: Cell::assessed(Level::WORKING),
            rater: Rater::Manager,
        },
        None,
    );
    let then = analysis::workspace_as_of(&workspace, date("2026-06-30"));
    assert_eq!(
        then.members.len(),
        workspace.members.len() - 1,
        "only the newcomer"
    );
    assert!(
        then.members.iter().any(|member| member.name == name),
        "the first {name} stays"
    );
}

#[test]
fn the_html_report_gathers_the_history_in_one_section() {
    let ran = skillgrid(&[
        "report",
        "sample-teams/product-org-history.skillgrid",
        "--format",
        "html",
    ]);
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let html = String::from_utf8(ran.stdout).expect("text");
    let history = html.find("<h2>History</h2>").expect("a history section");
    let next = html[history + 1..]
        .find("<h2>")
        .map_or(html.len(), |at| history + 1 + at);
    let section = &html[history..next];
    assert!(section.contains("<h3>Stale ratings"), "{section}");
    assert!(
        section.contains("<h3>Bench changes in the last round"),
        "{section}"
    );
}
