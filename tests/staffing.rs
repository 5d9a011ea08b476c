//! The staffing planner on the sample workspace, as a lead uses it: the
//! Q3 project that cannot be staffed at the Kubernetes level it needs, the
//! over-allocated quarter, the placeholders to hire and their cost; and the
//! projects CSV with its errors.

mod common;
use common::skillgrid;

use skillgrid::analysis::{Need, Scope, staff};
use skillgrid::{catalog, io};

const SAMPLE: &str = "sample-teams/product-org-staffing.json";

fn sample() -> skillgrid::model::Workspace {
    io::open_path(std::path::Path::new(SAMPLE), catalog::builtin())
        .expect("the sample opens")
        .value
}

#[test]
fn the_q3_project_cannot_get_kubernetes_and_says_why() {
    let sample = sample();
    let staffing = staff(&Scope::today(&sample));
    let names: Vec<&str> = staffing.projects.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Payments on Kubernetes",
            "Data pipeline migration",
            "Search relaunch"
        ],
        "by priority"
    );
    let search = &staffing.projects[2];
    assert_eq!(search.quarters, ["2026 Q3"]);
    let kubernetes = search
        .lines
        .iter()
        .find(|line| matches!(&line.need, Need::Skill { skill, .. } if &*skill.id == "kubernetes"))
        .expect("the Kubernetes line");
    assert_eq!(kubernetes.unfilled, 1);
    assert_eq!(
        kubernetes.reason.as_deref(),
        Some(
            "Tomasz Nowak, the only member who has Containers & Kubernetes at level 3+, is fully \
             booked in 2026-W27 to 2026-W39 (on Payments on Kubernetes and Data pipeline migration)"
        )
    );
    let security = search
        .lines
        .iter()
        .find(|line| matches!(&line.need, Need::Skill { skill, .. } if &*skill.id == "security"))
        .expect("the Security line");
    assert_eq!(
        security.reason.as_deref(),
        Some("nobody on the team has Security & Compliance at level 3+")
    );
    // The others are staffed in full.
    for project in &staffing.projects[..2] {
        assert!(
            project.lines.iter().all(|line| line.unfilled == 0),
            "{}",
            project.name
        );
    }
}

#[test]
fn q3_is_over_allocated_for_kubernetes_and_the_placeholders_are_priced() {
    let sample = sample();
    let staffing = staff(&Scope::today(&sample));
    let (_, kubernetes) = staffing
        .skill_quarters
        .iter()
        .find(|(skill, _)| &*skill.id == "kubernetes")
        .expect("demanded");
    let over: Vec<&str> = kubernetes
        .iter()
        .filter(|q| q.over_allocated)
        .map(|q| q.quarter.as_str())
        .collect();
    assert_eq!(over, ["2026 Q3"]);
    let q3 = kubernetes
        .iter()
        .find(|q| q.quarter == "2026 Q3")
        .expect("Q3");
    assert_eq!(q3.available_fte, 1.0);
    assert!(q3.demanded_fte > 1.2, "{}", q3.demanded_fte);
    assert!(q3.assigned_fte <= q3.demanded_fte + 1e-9 && q3.over_booked.is_empty());
    let single: Vec<&str> = staffing.quarters[2]
        .single_cover
        .iter()
        .map(|s| &*s.name)
        .collect();
    assert!(single.contains(&"Containers & Kubernetes"), "{single:?}");

    let hires: Vec<(&str, f64)> = staffing
        .placeholders
        .iter()
        .map(|p| {
            (
                p.hire_as.as_ref().map_or("", |r| &*r.title),
                p.cost.map_or(0.0, |c| c.mid),
            )
        })
        .collect();
    assert_eq!(
        hires,
        [
            ("Senior Software Engineer", 155_000.0),
            ("Technical Manager", 167_500.0)
        ]
    );
    assert_eq!(staffing.placeholder_cost.mid, 322_500.0);
    assert!(staffing.objective >= staffing.greedy_objective);
}

#[test]
fn skillgrid_staff_prints_the_assignment_the_gaps_and_the_placeholders() {
    let output = skillgrid(&["staff", SAMPLE, "--project", "search relaunch"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("Search relaunch (priority 3, 2026-07-01 to 2026-09-30)"),
        "{text}"
    );
    assert!(
        !text.contains("Payments on Kubernetes (priority"),
        "one project only"
    );
    assert!(
        text.contains("Unfilled: Containers & Kubernetes 3+ (1 of 1)"),
        "{text}"
    );
    assert!(
        text.contains("Total: 322,500 a year at midpoints"),
        "{text}"
    );

    let output = skillgrid(&["staff", SAMPLE, "--format", "json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["projects"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["placeholder_cost"]["mid"], 322_500.0);

    let output = skillgrid(&["staff", SAMPLE, "--project", "Nope"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("its projects are"));
}

#[test]
fn projects_csv_round_trips_and_import_projects_writes_the_workspace() {
    let workspace = sample();
    let csv = io::export_projects_csv(&workspace);
    let back = io::import_projects_csv(&csv, "projects.csv", &workspace, catalog::builtin())
        .expect("reads back");
    assert_eq!(back.value, workspace.projects);

    let folder = tempfile::tempdir().expect("temp dir");
    let output = folder.path().join("team.json");
    let run = skillgrid(&[
        "import-projects",
        "sample-teams/product-org-projects.csv",
        "--into",
        "sample-teams/product-org.csv",
        "--output",
        &output.to_string_lossy(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = io::open_path(&output, catalog::builtin())
        .expect("opens")
        .value;
    assert_eq!(written.projects, workspace.projects);
}

#[test]
fn a_broken_projects_csv_names_every_error_and_imports_nothing() {
    let workspace = sample();
    let csv = "Project,Start,End,Priority,Skill,Level,People,FTE\n\
               Apollo,2026-13-01,2026-12-31,1,Programming,3,2,1\n\
               Apollo,2026-01-01,2025-12-31,1,Programming,3,2,1\n\
               Hermes,2026-01-01,2026-03-31,0,Programming,3,2,1\n\
               Hermes,2026-01-01,2026-03-31,1,Basket weaving,3,2,1\n\
               Hermes,2026-01-01,2026-03-31,1,Programming,7,2,1\n\
               Hermes,2026-01-01,2026-03-31,1,Programming,3,zero,1\n\
               Hermes,2026-01-01,2026-03-31,1,Programming,3,2,150%\n\
               Hermes,2026-02-01,2026-03-31,1,Databases,3,1,1\n";
    let failure =
        io::import_projects_csv(csv.as_bytes(), "plan.csv", &workspace, catalog::builtin())
            .expect_err("refused");
    let errors: Vec<String> = failure.errors.iter().map(ToString::to_string).collect();
    let expected = [
        "plan.csv:2:2: start \"2026-13-01\" of \"Apollo\" is not a date: expected YYYY-MM-DD",
        "plan.csv:3:3: \"Apollo\" ends (2025-12-31) before it starts (2026-01-01)",
        "plan.csv:4:4: priority \"0\" of \"Hermes\" is not a whole number from 1 (highest)",
        "plan.csv:5:5: skill \"Basket weaving\" is not a skill of this team or the library",
        "plan.csv:6:6: level \"7\" for \"Programming\" is not 0-4",
        "plan.csv:7:7: people \"zero\" is not a whole number from 1 to 1000",
        "plan.csv:8:8: FTE \"150%\" is outside 0-1",
        "plan.csv:9:2: \"Hermes\" has other dates or priority than on line 5 (2026-01-01 to 2026-03-31, priority 1)",
    ];
    for (got, want) in errors.iter().zip(expected) {
        assert!(got.starts_with(want), "{got}\n  expected {want}");
    }
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
}

#[test]
fn the_report_gains_a_staffing_section_in_text_json_and_html() {
    let text = skillgrid(&["report", SAMPLE]);
    assert!(text.status.success());
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Hiring placeholders"), "{text}");
    assert!(
        text.contains("Unfilled: Security & Compliance 3+ (1 of 1)"),
        "{text}"
    );

    let json = skillgrid(&["report", SAMPLE, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(json["staffing"]["placeholder_cost"]["mid"], 322_500.0);

    let html = skillgrid(&["report", SAMPLE, "--format", "html"]);
    let html = String::from_utf8_lossy(&html.stdout);
    assert!(html.contains("<h2>Staffing</h2>"));
    assert!(html.contains("Technical Manager"));

    // A roster with no projects has no staffing section.
    let plain = skillgrid(&[
        "report",
        "sample-teams/platform-team.csv",
        "--format",
        "json",
    ]);
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).expect("JSON");
    assert!(plain.get("staffing").is_none());
}

#[test]
fn the_plan_csv_carries_the_placeholders_with_their_cost() {
    let workspace = sample();
    let analysis = skillgrid::analysis::analyze(&workspace, &Default::default());
    let csv = skillgrid::report::plan_csv(&workspace, &analysis);
    let placeholders: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("placeholder,"))
        .collect();
    assert_eq!(
        placeholders,
        [
            "placeholder,Senior Software Engineer,Search relaunch,1 x Containers & Kubernetes 3+ from 2026-07-01,130000,155000,180000,USD,,155000",
            "placeholder,Technical Manager,Search relaunch,1 x Security & Compliance 3+ from 2026-07-01,140000,167500,195000,USD,,322500",
        ]
    );
}

#[test]
fn a_status_column_marks_tentative_projects_and_staff_shows_them_apart() {
    let folder = tempfile::tempdir().expect("folder");
    let projects = folder.path().join("projects.csv");
    let text = std::fs::read_to_string("sample-teams/product-org-projects.csv").expect("sample");
    // The same projects, Search relaunch pencilled in.
    let mut with_status = String::new();
    for (number, line) in text.lines().enumerate() {
        let status = match (number, line.starts_with("Search relaunch")) {
            (0, _) => "Status",
            (_, true) => "tentative",
            _ => "",
        };
        with_status.push_str(&format!("{line},{status}\r\n"));
    }
    std::fs::write(&projects, &with_status).expect("written");
    let workspace = folder.path().join("team.skillgrid");
    let imported = skillgrid(&[
        "import-projects",
        common::text(&projects),
        "--into",
        SAMPLE,
        "-o",
        common::text(&workspace),
    ]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let read = io::open_path(&workspace, catalog::builtin())
        .expect("reads")
        .value;
    let statuses: Vec<(&str, bool)> = read
        .projects
        .iter()
        .map(|p| (p.name.as_str(), p.is_tentative()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("Payments on Kubernetes", false),
            ("Data pipeline migration", false),
            ("Search relaunch", true)
        ]
    );
    // Written back, the Status column says it again.
    let exported = String::from_utf8(io::export_projects_csv(&read)).expect("utf-8");
    assert!(
        exported
            .lines()
            .next()
            .expect("header")
            .ends_with(",Status")
    );
    assert!(exported.contains(
        "Search relaunch,2026-07-01,2026-09-30,3,Containers & Kubernetes,3,1,0.75,,tentative"
    ));

    let staffed = skillgrid(&["staff", common::text(&workspace), "--as-of", "2026-03-01"]);
    let said = String::from_utf8_lossy(&staffed.stdout);
    assert!(
        said.contains(
            "Search relaunch (tentative, staffed from what confirmed work leaves; priority 3"
        ),
        "{said}"
    );
    assert!(said.contains("Tentative demanded"), "{said}");

    // A status that is neither is refused by cell.
    std::fs::write(&projects, with_status.replace("tentative", "perhaps")).expect("written");
    let refused = skillgrid(&["validate", common::text(&projects)]);
    let said = String::from_utf8_lossy(&refused.stdout);
    assert!(!refused.status.success());
    assert!(
        said.contains("status \"perhaps\" of \"Search relaunch\" is not confirmed or tentative"),
        "{said}"
    );
}

#[test]
fn a_learner_column_gives_skill_lines_a_learner_and_is_written_back() {
    let workspace = sample();
    let csv = "Project,Start,End,Priority,Skill,Level,People,FTE,Role,Learner\r\n\
        Observability push,2026-04-06,2026-06-26,1,Observability,3,1,0.5,,20%\r\n\
        Observability push,2026-04-06,2026-06-26,1,Databases,3,1,0.5,,\r\n\
        Observability push,2026-04-06,2026-06-26,1,,,1,0.5,Tech Lead,\r\n";
    let read = io::import_projects_csv(
        csv.as_bytes(),
        "projects.csv",
        &workspace,
        catalog::builtin(),
    )
    .expect("imports");
    let project = &read.value[0];
    assert_eq!(project.learners.len(), 1);
    assert_eq!(
        (project.learners[0].line, project.learners[0].share),
        (0, 0.2)
    );
    let mut with = workspace.clone();
    with.projects = read.value.clone();
    let written = String::from_utf8(io::export_projects_csv(&with)).expect("utf-8");
    assert!(
        written
            .lines()
            .next()
            .expect("header")
            .ends_with(",Learner")
    );
    let again = io::import_projects_csv(
        written.as_bytes(),
        "again.csv",
        &workspace,
        catalog::builtin(),
    )
    .expect("reads back");
    assert_eq!(again.value[0].learners, project.learners);

    let on_role = csv.replace("Tech Lead,", "Tech Lead,yes");
    let refused = io::import_projects_csv(
        on_role.as_bytes(),
        "projects.csv",
        &workspace,
        catalog::builtin(),
    )
    .expect_err("a role slot takes no learner");
    assert_eq!(refused.errors[0].line, Some(4));
    assert!(
        refused.errors[0]
            .message
            .contains("a learner joins a skill line")
    );
}

#[test]
fn the_proposal_exports_as_csv_and_as_a_workbook_of_people_by_weeks() {
    let csv = skillgrid(&["staff", SAMPLE, "--format", "csv"]);
    let text = String::from_utf8_lossy(&csv.stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "project,status,priority,start,end,needs,member,as,fte,level,fit,pinned,counting_on_target"
        )
    );
    assert!(
        text.contains("Search relaunch,confirmed,3,2026-07-01,2026-09-30,Containers & Kubernetes 3+,,open,0.75"),
        "the open place is a row too:\n{text}"
    );
    let weeks = skillgrid(&["staff", SAMPLE, "--format", "csv", "--weeks"]);
    let text = String::from_utf8_lossy(&weeks.stdout);
    let header = text.lines().next().expect("a header");
    assert!(header.starts_with("member,2026-W03,2026-W04"), "{header}");
    assert!(text.contains("Tomasz Nowak,"), "{text}");

    let folder = tempfile::tempdir().expect("folder");
    let book = folder.path().join("staffing.xlsx");
    let written = skillgrid(&["staff", SAMPLE, "-o", common::text(&book)]);
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    use calamine::Reader;
    let mut read = calamine::open_workbook_auto(&book).expect("a workbook");
    assert_eq!(read.sheet_names(), ["Proposal", "Weeks"]);
    let weeks = read.worksheet_range("Weeks").expect("the sheet");
    let tomasz = weeks
        .rows()
        .find(|row| row[0] == "Tomasz Nowak")
        .expect("Tomasz's row");
    assert!(
        tomasz
            .iter()
            .any(|cell| cell.to_string().starts_with("Payments on Kubernetes 0.50")),
        "the project in each cell of his weeks"
    );
}
