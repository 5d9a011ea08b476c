//! The command line as a user runs it: exit codes, messages, files written.

mod common;
use common::skillgrid;

use std::path::{Path, PathBuf};
use std::process::Output;

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

fn path(dir: &Path, name: &str) -> String {
    dir.join(name).to_string_lossy().into_owned()
}

#[test]
fn validate_summarises_a_sample_and_lists_its_warnings() {
    let output = skillgrid(&["validate", "sample-teams/platform-team.csv"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.contains("sample-teams/platform-team.csv: wide roster, comma-separated"),
        "{text}"
    );
    assert!(text.contains("members:        8"), "{text}");
    assert!(text.contains("roles matched:  8 of 8 members"), "{text}");
    assert!(
        text.contains("sample-teams/platform-team.csv:1:27: warning: column \"Rust\" is not in the skill catalog"),
        "{text}"
    );
}

#[test]
fn validate_lists_every_error_as_file_line_column_and_fails() {
    let output = skillgrid(&["validate", "tests/data/broken-level.csv"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(
            "tests/data/broken-level.csv:3:4: level \"7\" for skill \"Kubernetes\" is outside 0-4"
        ),
        "{text}"
    );
    assert!(
        text.contains("tests/data/broken-level.csv:4:5: level \"lots\""),
        "{text}"
    );
    assert!(
        text.contains("2 error(s), 0 warning(s): nothing was imported"),
        "{text}"
    );
}

#[test]
fn validate_reads_every_sample_and_a_missing_file_fails() {
    for sample in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-teams"))
        .expect("samples")
    {
        let sample: PathBuf = sample.expect("entry").path();
        if sample.is_dir() {
            continue;
        }
        let output = skillgrid(&["validate", &sample.to_string_lossy()]);
        assert!(output.status.success(), "{}", stdout(&output));
    }
    let output = skillgrid(&["validate", "no-such-file.csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("no-such-file.csv: cannot read the file"));
}

#[test]
fn convert_goes_round_csv_json_long_and_back() {
    let dir = temp();
    let json = path(dir.path(), "org.json");
    let long = path(dir.path(), "org-long.csv");
    let wide = path(dir.path(), "org.csv");
    assert!(
        skillgrid(&["convert", "sample-teams/product-org.csv", &json])
            .status
            .success()
    );
    assert!(
        skillgrid(&["convert", &json, &long, "--layout", "long"])
            .status
            .success()
    );
    let output = skillgrid(&["convert", &long, &wide]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("50 members x 31 skills"));
    let original = std::fs::read_to_string("sample-teams/product-org.csv").expect("sample");
    let converted = std::fs::read_to_string(&wide).expect("converted");
    assert_eq!(converted.lines().count(), original.lines().count());
    assert_eq!(
        converted.lines().next(),
        Some(
            "Name,Email,Role,Team,Manager,FTE,Location,Years,Software Architecture,System Design,API Design,Programming,Databases,Event Streaming,Cloud Computing,Containers & Kubernetes,Infrastructure as Code,CI/CD & DevOps,Observability,Performance & Capacity Planning,Security & Compliance,Agile & Project Management,People Management,Inspirational Leadership,Strategic Thinking,Communication,Empathy & Emotional Intelligence,Problem Solving & Decision Making,Mentoring & Coaching,Conflict Resolution,Stakeholder Management,Influence & Negotiation,Adaptability & Resilience,Prioritization & Time Management,Cross-functional Collaboration,Change Management,Delegation,Business Acumen,Innovation"
        )
    );
}

#[test]
fn a_failed_convert_leaves_the_output_untouched() {
    let dir = temp();
    let out = path(dir.path(), "out.csv");
    std::fs::write(&out, "precious").expect("seed");
    let output = skillgrid(&["convert", "tests/data/broken-level.csv", &out]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains(":3:4: level \"7\""));
    assert_eq!(
        std::fs::read_to_string(&out).expect("still there"),
        "precious"
    );
}

#[test]
fn convert_writes_european_and_tab_separated_files() {
    let dir = temp();
    let tsv = path(dir.path(), "team.tsv");
    assert!(
        skillgrid(&["convert", "sample-teams/product-org-eu.csv", &tsv])
            .status
            .success()
    );
    let text = std::fs::read_to_string(&tsv).expect("written");
    assert!(text.starts_with("Name\tEmail\tRole"), "{text}");
    let semi = path(dir.path(), "team.csv");
    assert!(
        skillgrid(&["convert", &tsv, &semi, "--delimiter", "semicolon"])
            .status
            .success()
    );
    let european = std::fs::read_to_string(&semi).expect("written");
    assert!(
        european.starts_with("\u{feff}Name;Email;Role"),
        "a BOM, then the header"
    );
    assert!(
        european.contains(";0,8;"),
        "decimal commas beside semicolons"
    );
}

#[test]
fn catalog_prints_every_field_as_text_and_json() {
    let output = skillgrid(&["catalog"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("SKILLS (31)"), "{}", &text[..200]);
    assert!(text.contains("ROLES (9)"));
    assert!(text.contains("salary:      USD 140,000-195,000\n"));
    assert!(text.contains("span:        3-4 direct reports"));
    assert!(text.contains("time split:  strategy 30% / people 50% / building 20%"));
    let json: serde_json::Value =
        serde_json::from_slice(&skillgrid(&["catalog", "--format", "json"]).stdout).expect("JSON");
    assert_eq!(json["skills"].as_array().map(Vec::len), Some(31));
    assert_eq!(json["roles"][0]["salary"]["max"], 195000.0);
}

#[test]
fn import_roles_adds_and_updates_roles_in_a_workspace() {
    let output = skillgrid(&["validate", "tests/data/roles.csv"]);
    assert!(stdout(&output).contains("role requirements: 2 roles, 6 requirements"));
    let dir = temp();
    let workspace = path(dir.path(), "team.json");
    assert!(
        skillgrid(&["convert", "sample-teams/platform-team.csv", &workspace])
            .status
            .success()
    );
    let output = skillgrid(&["import-roles", "tests/data/roles.csv", "--into", &workspace]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("added role \"Staff Engineer\": 4 requirements"),
        "{text}"
    );
    assert!(
        text.contains("updated role \"Tech Lead\": 2 requirements"),
        "{text}"
    );
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&workspace).expect("saved")).expect("JSON");
    let staff = saved["roles"]
        .as_array()
        .and_then(|roles| roles.iter().find(|role| role["title"] == "Staff Engineer"))
        .expect("the new role");
    assert_eq!(
        staff["requirements"][3]["skill"], "rust",
        "reuses the team's custom skill"
    );
}

#[test]
fn import_roles_into_a_csv_needs_a_workspace_output() {
    let output = skillgrid(&[
        "import-roles",
        "tests/data/roles.csv",
        "--into",
        "sample-teams/platform-team.csv",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("give --output WORKSPACE.skillgrid"));
}

#[test]
fn no_arguments_prints_help() {
    let output = skillgrid(&["--help"]);
    assert!(output.status.success());
    assert!(stdout(&output).contains("validate"));
}

#[test]
fn report_prints_the_findings_first_in_every_format() {
    let output = skillgrid(&["report", "sample-teams/product-org.csv"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let first = text
        .find("Single points of failure")
        .expect("bus factor section");
    assert!(first < text.find("Coverage per skill").expect("coverage section"));
    assert!(
        text.contains("Marcus Webb (Engineering Manager): 11 direct reports, over the seeds' 6-8")
    );

    let json: serde_json::Value = serde_json::from_slice(
        &skillgrid(&["report", "sample-teams/product-org.csv", "--format", "json"]).stdout,
    )
    .expect("JSON");
    assert_eq!(json["report_version"], 2);
    assert_eq!(json["members"], 50);
    assert_eq!(json["bus_factor"][0]["leaders"][0]["name"], "Tomasz Nowak");

    let csv = stdout(&skillgrid(&[
        "report",
        "sample-teams/product-org.csv",
        "--format",
        "csv",
        "--table",
        "hiring",
    ]));
    assert!(
        csv.starts_with("rank,role,reason,closes,cost_low,cost_mid,cost_high"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "\"Senior Software Engineer, specialist in Security & Compliance 3+\",skills,Security & Compliance,130000,155000,180000,USD,true"
        ),
        "{csv}"
    );

    let dir = temp();
    let html = path(dir.path(), "report.html");
    let output = skillgrid(&[
        "report",
        "sample-teams/product-org.csv",
        "--format",
        "html",
        "-o",
        &html,
    ]);
    assert!(output.status.success());
    let page = std::fs::read_to_string(&html).expect("written");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<svg") && !page.contains("<script") && !page.contains("http"));
}

#[test]
fn report_for_an_unknown_team_lists_the_teams() {
    let output = skillgrid(&[
        "report",
        "sample-teams/product-org.csv",
        "--team",
        "Payments",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no team \"Payments\""));
    assert!(stderr(&output).contains("Checkout"));
}

#[test]
fn report_escapes_names_in_html() {
    let dir = temp();
    let roster = path(dir.path(), "team.csv");
    std::fs::write(
        &roster,
        "Name,Role,Team,Kubernetes\n<script>alert(1)</script>,Tech Lead,Core,3\n",
    )
    .expect("seed");
    let page = stdout(&skillgrid(&["report", &roster, "--format", "html"]));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script>"));
}

#[test]
fn convert_to_csv_names_what_the_csv_leaves_behind() {
    let dir = temp();
    let out = path(dir.path(), "out.csv");
    let output = skillgrid(&["convert", "sample-teams/product-org-staffing.json", &out]);
    assert!(output.status.success());
    let said = stderr(&output);
    assert!(
        said.contains("not written: 3 projects; a roster CSV holds members and levels: a workspace (.skillgrid) keeps everything"),
        "{said}"
    );
    // A plain roster loses nothing, and nothing is said.
    let output = skillgrid(&["convert", "sample-teams/product-org.csv", &out]);
    assert!(output.status.success());
    assert!(
        !stderr(&output).contains("not written"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_names_every_view_the_window_opens_on() {
    let output = skillgrid(&["--help"]);
    let text = stdout(&output);
    for view in skillgrid::app::View::ALL {
        assert!(
            text.contains(view.name()),
            "{} missing from:\n{text}",
            view.name()
        );
    }
}

#[cfg(unix)]
#[test]
fn validate_of_an_endless_device_stops_with_a_message_not_a_memory_blowup() {
    let started = std::time::Instant::now();
    let output = skillgrid(&["validate", "/dev/zero"]);
    assert!(!output.status.success());
    let said = stderr(&output) + &stdout(&output);
    assert!(said.contains("/dev/zero"), "{said}");
    assert!(said.contains("stopped reading there"), "{said}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}
