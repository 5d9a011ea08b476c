//! Time off and weeks: leave and holidays imported from CSV, the weeks a
//! skill loses its last free lead and why, and bad files refused whole.

mod common;
use common::{run, text};

use std::path::{Path, PathBuf};

/// The staffing sample, where Tomasz is the one Kubernetes lead.
fn staffing_copy(folder: &Path) -> PathBuf {
    let path = folder.join("staffing.json");
    std::fs::copy("sample-teams/product-org-staffing.json", &path).expect("copied");
    path
}

fn kubernetes_weeks(workspace: &Path) -> Vec<(String, usize)> {
    let (ok, said, errors) = run(&[
        "coverage",
        text(workspace),
        "--from",
        "2026-07-20",
        "--to",
        "2026-09-06",
        "--skill",
        "Kubernetes",
        "--format",
        "json",
    ]);
    assert!(ok, "{errors}");
    let parsed: serde_json::Value = serde_json::from_str(&said).expect("JSON");
    parsed[0]["weeks"]
        .as_array()
        .expect("weeks")
        .iter()
        .map(|week| {
            (
                week["week"].as_str().expect("label").to_string(),
                week["free"].as_array().expect("free").len(),
            )
        })
        .collect()
}

#[test]
fn leave_drops_a_skills_cover_in_exactly_its_weeks_and_says_why() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = staffing_copy(folder.path());
    let before = kubernetes_weeks(&workspace);
    assert!(before.iter().all(|(_, free)| *free == 1), "{before:?}");

    let leave = folder.path().join("leave.csv");
    std::fs::write(
        &leave,
        "Member,Start,End,Fraction,Reason\r\n\
         Tomasz Nowak,2026-08-03,2026-08-21,1,Annual leave\r\n",
    )
    .expect("written");
    let (ok, said, errors) = run(&["import-timeoff", text(&leave), "--into", text(&workspace)]);
    assert!(ok, "{errors}");
    assert!(
        said.contains("1 periods away read, 1 new or changed"),
        "{said}"
    );

    let after = kubernetes_weeks(&workspace);
    let emptied: Vec<&str> = after
        .iter()
        .filter(|(_, free)| *free == 0)
        .map(|(week, _)| week.as_str())
        .collect();
    assert_eq!(emptied, ["2026-W32", "2026-W33", "2026-W34"]);
    assert_eq!(after.len(), before.len());

    let (ok, said, _) = run(&[
        "coverage",
        text(&workspace),
        "--from",
        "2026-07-20",
        "--to",
        "2026-09-06",
        "--skill",
        "Kubernetes",
    ]);
    assert!(ok);
    assert!(
        said.contains(
            "nobody can lead Containers & Kubernetes in 2026-W32 to 2026-W34: Tomasz Nowak on leave"
        ),
        "{said}"
    );
    // The report says it too, in text and on the HTML page.
    for format in ["text", "html"] {
        let (ok, said, _) = run(&[
            "report",
            text(&workspace),
            "--as-of",
            "2026-07-20",
            "--format",
            format,
        ]);
        assert!(ok);
        assert!(
            said.contains("in 2026-W32 to 2026-W34: Tomasz Nowak on leave"),
            "{format}: {said}"
        );
    }
}

#[test]
fn a_holiday_at_a_members_location_is_a_day_less_that_week() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = staffing_copy(folder.path());
    let calendar = folder.path().join("holidays.csv");
    std::fs::write(
        &calendar,
        "Public holidays 2026\nLocation,Date,Name\nBerlin,2026-10-03,Day of German Unity\n",
    )
    .expect("written");
    let (ok, said, errors) = run(&[
        "import-holidays",
        text(&calendar),
        "--into",
        text(&workspace),
    ]);
    assert!(ok, "{errors}");
    assert!(said.contains("1 holidays read"), "{said}");
    let opened = skillgrid::io::open_path(&workspace, skillgrid::catalog::builtin())
        .expect("opens")
        .value;
    let berlin = opened
        .members
        .iter()
        .position(|m| m.location.as_deref() == Some("Berlin"))
        .expect("someone in Berlin");
    let lisbon = opened
        .members
        .iter()
        .position(|m| m.location.as_deref() == Some("Lisbon"))
        .expect("someone in Lisbon");
    // 3 October 2026 is a Saturday: no working day lost; 2027's is Sunday.
    let week = skillgrid::model::week_of("2026-10-01".parse().expect("date"));
    assert_eq!(
        opened.capacity_in_week(berlin, week),
        opened.members[berlin].fte
    );
    let mut friday = opened.clone();
    friday.holidays[0].date = "2026-10-02".parse().expect("date");
    let fte = friday.members[berlin].fte;
    assert!((friday.capacity_in_week(berlin, week) - fte * 0.8).abs() < 1e-9);
    assert_eq!(
        friday.capacity_in_week(lisbon, week),
        friday.members[lisbon].fte
    );
}

#[test]
fn a_bad_time_off_file_changes_nothing_and_says_where() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = staffing_copy(folder.path());
    let before = std::fs::read(&workspace).expect("read");
    let bad = folder.path().join("bad leave.csv");
    std::fs::write(
        &bad,
        "member,start,end,fraction,reason\n\
         Tomasz Nowak,2026-08-21,2026-08-03,1,leave\n\
         Tomasz Nowak,2026-08-03,2026-08-21,1.5,leave\n\
         Nobody Here,2026-08-03,2026-08-21,1,leave\n\
         Tomasz Nowak,2026-08-03,2026-08-21,1,sabbatical\n",
    )
    .expect("written");
    let (ok, _, errors) = run(&["import-timeoff", text(&bad), "--into", text(&workspace)]);
    assert!(!ok);
    for expected in [
        "bad leave.csv:2:3: end 2026-08-03 is before start 2026-08-21",
        "bad leave.csv:3:4: fraction \"1.5\" is outside 0-1",
        "bad leave.csv:4:1: \"Nobody Here\" is not a member of the workspace",
        "bad leave.csv:5:5: reason \"sabbatical\" is not one Skillgrid knows",
        "nothing was imported",
    ] {
        assert!(errors.contains(expected), "{expected}: {errors}");
    }
    assert_eq!(std::fs::read(&workspace).expect("read"), before);
}

fn date(text: &str) -> skillgrid::model::Date {
    text.parse().expect("a date")
}

#[test]
fn time_off_is_added_in_the_window_shows_in_the_staffing_view_and_undoes() {
    use egui_kittest::kittest::Queryable;
    let folder = tempfile::tempdir().expect("folder");
    let workspace = staffing_copy(folder.path());
    let mut state = common::opened(&workspace);
    state.set_today(date("2026-08-03"));
    let mut harness = common::window(state);
    let before = harness.state().state().document().workspace.clone();
    harness
        .state_mut()
        .state_mut()
        .apply(skillgrid::app::Command::SetFilter(
            skillgrid::app::MatrixFilter {
                search: "Tomasz".into(),
                ..Default::default()
            },
        ));
    harness.run();

    harness
        .get_by_label_contains("Tomasz Nowak / Containers & Kubernetes")
        .click_secondary();
    harness.run();
    harness.get_by_label("Time off…").click();
    harness.run();
    harness.get_by_label("Time off: Tomasz Nowak");
    harness.get_by_label("No time off recorded.");
    // From and To start on today, a whole day off, for leave.
    harness.get_by_label("Add time off").click();
    harness.run();
    let tomasz = before.find_member("Tomasz Nowak").expect("a member");
    let added = harness.state().state().document().workspace.members[tomasz]
        .time_off
        .clone();
    assert_eq!(added.len(), 1);
    assert_eq!(
        (added[0].start, added[0].end),
        (date("2026-08-03"), date("2026-08-03"))
    );
    assert_eq!(added[0].fraction, 1.0);
    harness.get_by_label("Remove").click();
    harness.run();
    assert!(
        harness.state().state().document().workspace.members[tomasz]
            .time_off
            .is_empty()
    );
    harness.get_by_label("Close").click();
    harness.run();
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().state().document().workspace.members[tomasz]
            .time_off
            .len(),
        1,
        "undo brings the removed period back"
    );

    // The staffing view's week by week says who is out and why.
    harness
        .get_by_label(skillgrid::app::View::Staffing.label())
        .click();
    harness.run();
    harness.get_by_label("Week by week, the next 26 weeks");
    harness.get_by_label_contains("only Tomasz Nowak free to lead");
}
