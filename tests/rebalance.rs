//! Rebalance before hiring: an over-span manager's reports move to an
//! under-span one, ahead of any hire and at no cost; the window applies the
//! moves as one edit that Undo takes back.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use skillgrid::analysis::{AnalysisOptions, analyze};
use skillgrid::app::{AppState, Command, FileIntent, Preferences, View};
use skillgrid::catalog;
use skillgrid::io;
use skillgrid::ui::SkillgridApp;

/// Marcus manages ten (the seeds' Engineering Manager range is 6-8), Lena
/// four.
fn roster() -> String {
    let mut csv = String::from("Name,Email,Role,Team,Manager,Programming\n");
    csv.push_str("Marcus Webb,marcus@x.org,Engineering Manager,Core,,3\n");
    csv.push_str("Lena Park,lena@x.org,Engineering Manager,Search,,3\n");
    for n in 0..10 {
        let team = if n < 2 { "Search" } else { "Core" };
        csv.push_str(&format!(
            "Core {n},core{n}@x.org,Software Engineer,{team},marcus@x.org,3\n"
        ));
    }
    for n in 0..4 {
        csv.push_str(&format!(
            "Search {n},search{n}@x.org,Software Engineer,Search,lena@x.org,3\n"
        ));
    }
    csv
}

fn workspace() -> skillgrid::model::Workspace {
    io::import_roster(roster().as_bytes(), "org.csv", catalog::builtin())
        .expect("the roster reads")
        .value
}

#[test]
fn moving_two_reports_fixes_both_spans_and_no_manager_is_hired() {
    let analysis = analyze(&workspace(), &AnalysisOptions::default());
    let moves: Vec<(&str, &str, &str)> = analysis
        .hiring
        .rebalance
        .iter()
        .map(|m| (&*m.member.name, &*m.from.name, &*m.to.name))
        .collect();
    assert_eq!(
        moves,
        [
            ("Core 0", "Marcus Webb", "Lena Park"),
            ("Core 1", "Marcus Webb", "Lena Park"),
        ],
        "those already in Lena's team move first"
    );
    assert!(
        analysis.hiring.hires.iter().all(|hire| !matches!(
            hire.reason,
            skillgrid::analysis::HireReason::SpanOfControl { .. }
        )),
        "no span hire once the moves are made: {:?}",
        analysis.hiring.hires
    );
    let lines = skillgrid::report::rebalance_lines(&analysis);
    assert!(
        lines.contains(&"Marcus Webb: 10 -> 8 reports (6-8), within span".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"Lena Park: 4 -> 6 reports (6-8), within span".to_string()),
        "{lines:?}"
    );
    let text = skillgrid::report::text_report(&analysis, "org.csv");
    assert!(text.contains("Rebalance first, at no cost:"), "{text}");
}

#[test]
fn the_hiring_view_applies_the_moves_and_undo_takes_them_back() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("org.csv");
    std::fs::write(&path, roster()).expect("written");
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    let result = io::open_path(&path, catalog::builtin());
    state.finish_open(&path, FileIntent::Open, result);
    state.apply(Command::ShowView(View::Hiring));
    let mut state = Some(state);
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |_| SkillgridApp::with_state(state.take().expect("built once")));
    harness.run();
    harness.get_by_label("Rebalance first, at no cost");
    harness.get_by_label("Apply these moves").click();
    harness.run();
    let manager = |harness: &Harness<'_, SkillgridApp>, name: &str| {
        let workspace = &harness.state().state().document().workspace;
        workspace
            .members
            .iter()
            .find(|member| member.name == name)
            .and_then(|member| member.manager.clone())
    };
    assert_eq!(manager(&harness, "Core 0").as_deref(), Some("lena@x.org"));
    assert_eq!(manager(&harness, "Core 1").as_deref(), Some("lena@x.org"));
    assert_eq!(manager(&harness, "Core 2").as_deref(), Some("marcus@x.org"));
    harness.state_mut().state_mut().apply(Command::Undo);
    harness.run();
    assert_eq!(manager(&harness, "Core 0").as_deref(), Some("marcus@x.org"));
}
