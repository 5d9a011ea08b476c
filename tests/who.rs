//! Who knows X: skills at levels, interest, team and a quarter's free time,
//! from the library, the command line and the window's Ctrl+K panel.

mod common;
use common::skillgrid;

use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use skillgrid::analysis::{Scope, WhoQuery, parse_period, parse_skills, staff, who};
use skillgrid::app::View;
use skillgrid::catalog;
use skillgrid::io;
use skillgrid::model::{Level, Workspace};

const ROSTER: &str = "Name,Team,Role,Kubernetes,Observability\n\
Ana Ruiz,Core,Senior Software Engineer,4,2\n\
Ben Okafor,Core,Senior Software Engineer,3,3+\n\
Chen Li,Search,Senior Software Engineer,3+,1\n\
Dara Patel,Search,Senior Software Engineer,2,4\n";

/// Kubernetes work all of 2026 Q3 for one person full time: the staffing
/// books Ana, the strongest.
const PROJECTS: &str = "Project,Start,End,Priority,Skill,Level,People,FTE\n\
Cluster move,2026-07-01,2026-09-30,1,Kubernetes,4,1,1\n";

fn team() -> Workspace {
    let mut workspace = io::import_roster(ROSTER.as_bytes(), "team.csv", catalog::builtin())
        .expect("the roster reads")
        .value;
    workspace.projects = io::import_projects_csv(
        PROJECTS.as_bytes(),
        "projects.csv",
        &workspace,
        catalog::builtin(),
    )
    .expect("the projects read")
    .value;
    workspace
}

/// Who answers, from everyone on the team today with the staffing proposed.
fn ask(workspace: &Workspace, query: &WhoQuery) -> Vec<skillgrid::analysis::WhoMatch> {
    let scope = Scope::today(workspace);
    let staffing = (!workspace.projects.is_empty()).then(|| staff(&scope));
    who(&scope, staffing.as_ref(), query)
}

fn names(workspace: &Workspace, query: &WhoQuery) -> Vec<String> {
    ask(workspace, query)
        .into_iter()
        .map(|found| found.member.name.to_string())
        .collect()
}

fn query(workspace: &Workspace, skills: &str) -> WhoQuery {
    WhoQuery {
        skills: parse_skills(workspace, skills, Level::PROFICIENT).expect("skills read"),
        ..WhoQuery::default()
    }
}

#[test]
fn every_skill_asked_must_be_met_and_the_most_skilled_come_first() {
    let workspace = team();
    assert_eq!(
        names(&workspace, &query(&workspace, "K8s 3+")),
        ["Ana Ruiz", "Ben Okafor", "Chen Li"],
        "by alias, level 4 before 3"
    );
    assert_eq!(
        names(
            &workspace,
            &query(&workspace, "Kubernetes 3+, Observability:3")
        ),
        ["Ben Okafor"]
    );
    // No level given: the "can lead" level.
    assert_eq!(
        names(&workspace, &query(&workspace, "Observability")),
        ["Dara Patel", "Ben Okafor"]
    );
    assert_eq!(
        parse_skills(&workspace, "Cobol 3+", Level::PROFICIENT)
            .expect_err("unknown")
            .to_string(),
        "no skill \"Cobol\" in this workspace: expected a skill's name or alias, e.g. Kubernetes"
    );
    assert!(parse_skills(&workspace, "Kubernetes 7", Level::PROFICIENT).is_err());
}

#[test]
fn interest_team_and_free_time_narrow_the_answer() {
    let workspace = team();
    let mut asked = query(&workspace, "Kubernetes 3+");
    asked.interest = true;
    assert_eq!(
        names(&workspace, &asked),
        ["Chen Li"],
        "only those who want to grow"
    );

    let mut asked = query(&workspace, "Kubernetes 3+");
    asked.team = Some("core".into());
    assert_eq!(names(&workspace, &asked), ["Ana Ruiz", "Ben Okafor"]);

    let mut asked = query(&workspace, "Kubernetes 3+");
    asked.free_in = Some(parse_period("2026q3").expect("a quarter"));
    assert_eq!(
        names(&workspace, &asked),
        ["Ben Okafor", "Chen Li"],
        "Ana is booked on the cluster move all quarter"
    );
    asked.free_in = Some(parse_period("2026 Q4").expect("a quarter"));
    let found = ask(&workspace, &asked);
    assert_eq!(found[0].member.name.as_ref(), "Ana Ruiz");
    // The project's last three days fall in Q4's first week: the quarter
    // is the mean of its weeks (2026 Q4 has 14, to W53).
    let weeks = skillgrid::analysis::Weeks::of_quarter(2026 * 4 + 3).len() as f64;
    assert_eq!(weeks, 14.0);
    assert!(
        (found[0].free_fte - (weeks - 1.0 + 0.4) / weeks).abs() < 1e-9,
        "{}",
        found[0].free_fte
    );
    asked.free_in = Some(parse_period("2026-W41..2026-W45").expect("weeks"));
    let found = ask(&workspace, &asked);
    assert_eq!(found[0].free_fte, 1.0, "free again once the project ends");
    assert!(parse_period("2026Q5").is_err());
}

#[test]
fn the_command_line_answers_in_text_json_and_csv() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("team.skillgrid");
    io::save_path(&team(), &path, io::ExportOptions::default()).expect("saved");
    let path = path.to_str().expect("utf-8");

    let text = skillgrid(&[
        "who",
        path,
        "--skill",
        "Kubernetes:3",
        "--free-in",
        "2026Q3",
    ]);
    assert!(
        text.status.success(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    assert!(text.contains("Ben Okafor"), "{text}");
    assert!(!text.contains("Ana Ruiz"), "{text}");
    assert!(
        text.contains("2 of 4 members; free FTE in 2026-W27 to 2026-W39"),
        "{text}"
    );

    let json = skillgrid(&[
        "who",
        path,
        "--skill",
        "Kubernetes:3",
        "--team",
        "Search",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(json[0]["member"]["name"], "Chen Li");
    assert_eq!(json[0]["levels"][0][1], 3);
    assert_eq!(json[0]["levels"][0][2], true, "wants to grow");

    let csv = skillgrid(&[
        "who",
        path,
        "--skill",
        "Observability:3",
        "--interest",
        "--format",
        "csv",
    ]);
    let csv = String::from_utf8_lossy(&csv.stdout).to_string();
    assert_eq!(
        csv.lines().collect::<Vec<_>>(),
        [
            "member,email,role,team,skill,level,interest,free_fte",
            "Ben Okafor,,Senior Software Engineer,Core,Observability,3,true,1.00",
        ]
    );

    let wrong = skillgrid(&["who", path, "--skill", "Cobol:3"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("--skill Cobol:3: no skill \"Cobol\""),
        "{}",
        String::from_utf8_lossy(&wrong.stderr)
    );
}

#[test]
fn ctrl_k_opens_the_panel_and_a_result_opens_the_member() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("team.skillgrid");
    io::save_path(&team(), &path, io::ExportOptions::default()).expect("saved");
    let mut harness = common::window(common::opened(&path));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness
        .get_by_label("Skills at levels")
        .type_text("Kubernetes 3+");
    harness.run();
    harness.get_by_label("3 of 4 members");
    // Free time in a quarter, from the staffing proposed once for the file.
    harness.get_by_label("Free in").click();
    harness.run();
    harness.get_by_label("Free in").type_text("2026Q3");
    harness.run();
    harness.get_by_label("2 of 4 members");
    for _ in 0..6 {
        harness.key_press(eframe::egui::Key::Backspace);
    }
    harness.run();
    harness.get_by_label("3 of 4 members");
    harness.get_by_label("Wants to grow in it").click();
    harness.run();
    harness.get_by_label("1 of 4 members");
    harness
        .get_by_role_and_label(eframe::egui::accesskit::Role::Link, "Chen Li")
        .click();
    harness.run();
    assert_eq!(harness.state().state().view(), View::Fit);
    assert_eq!(
        harness.state().selection.people.member,
        Some(2),
        "Chen's row"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    assert!(
        harness.state().state().who_panel().is_none(),
        "Ctrl+K closes it"
    );
}
