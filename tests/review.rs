//! The review: self ratings beside the manager's, settled one by one in the
//! window (accept, keep, set, undo) and listed by `skillgrid review`.

mod common;
use common::skillgrid;

use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use skillgrid::app::{Command, View};
use skillgrid::ui::SkillgridApp;
use std::path::{Path, PathBuf};

/// The history sample with Priya's form back: Kubernetes 3 against her
/// manager's 1, Programming 4 as the manager has it, Databases 4 against 3.
fn reviewed_workspace(folder: &Path) -> PathBuf {
    with_priyas_form(
        folder,
        "Name,Email,Skill,Your level\n\
         Priya Raman,priya.raman@example.com,Containers & Kubernetes,3\n\
         Priya Raman,priya.raman@example.com,Programming,4\n\
         Priya Raman,priya.raman@example.com,Databases,4\n",
    )
}

/// The history sample in `folder` with Priya's filled form (`form`, as CSV)
/// imported as her self ratings of 2026-12-01.
fn with_priyas_form(folder: &Path, form_text: &str) -> PathBuf {
    let path = folder.join("org.skillgrid");
    std::fs::copy("sample-teams/product-org-history.skillgrid", &path).expect("copied");
    let form = folder.join("priya.csv");
    std::fs::write(&form, form_text).expect("written");
    let ran = skillgrid(&[
        "import",
        form.to_str().expect("utf-8"),
        "--into",
        path.to_str().expect("utf-8"),
        "--rater",
        "self",
        "--as-of",
        "2026-12-01",
    ]);
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    path
}

#[test]
fn the_command_line_lists_the_differences_widest_first() {
    let folder = tempfile::tempdir().expect("folder");
    let path = reviewed_workspace(folder.path());
    let ran = skillgrid(&["review", path.to_str().expect("utf-8")]);
    let said = String::from_utf8_lossy(&ran.stdout).to_string();
    assert!(ran.status.success(), "{said}");
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(
        lines[0], "2 differences across 1 person, 0 decided",
        "{said}"
    );
    assert!(
        lines[1].contains("Containers & Kubernetes: self 3, manager 1 (2 apart)"),
        "{said}"
    );
    assert!(lines[2].contains("Databases: self 4"), "{said}");
    assert!(
        !said.contains("Programming"),
        "agreeing ratings are no difference"
    );
}

fn cell(harness: &Harness<'_, SkillgridApp>, skill: &str) -> Option<u8> {
    let workspace = &harness.state().state().document().workspace;
    let member = workspace.find_member("Priya Raman").expect("Priya");
    let column = workspace
        .skills
        .iter()
        .position(|s| s.name == skill)
        .expect("tracked");
    workspace
        .cell(member, column)
        .level()
        .map(|level| level.get())
}

#[test]
fn the_review_view_accepts_keeps_and_sets_and_undo_takes_a_decision_back() {
    let folder = tempfile::tempdir().expect("folder");
    let path = reviewed_workspace(folder.path());
    let mut state = common::opened(&path);
    state.set_today("2026-12-02".parse().expect("a date"));
    state.apply(Command::ShowView(View::Review));
    let mut harness = common::window(state);
    harness.get_by_label("2 differences across 1 person, 0 decided");
    let before = cell(&harness, "Containers & Kubernetes");
    assert_eq!(before, Some(1));

    harness
        .get_by_role_and_label(Role::Button, "Accept 3")
        .click();
    harness.run();
    assert_eq!(
        cell(&harness, "Containers & Kubernetes"),
        Some(3),
        "the self level is the manager's now"
    );
    harness.get_by_label("2 differences across 1 person, 1 decided");

    harness.state_mut().state_mut().apply(Command::Undo);
    harness.run();
    assert_eq!(cell(&harness, "Containers & Kubernetes"), Some(1));
    harness.get_by_label("2 differences across 1 person, 0 decided");

    // Keep the manager's 1: decided, and the level stays.
    harness
        .get_by_role_and_label(Role::Button, "Keep 1")
        .click();
    harness.run();
    assert_eq!(cell(&harness, "Containers & Kubernetes"), Some(1));
    harness.get_by_label("2 differences across 1 person, 1 decided");

    // Set another level for Databases: 2, neither the self 4 nor the 3.
    assert_eq!(cell(&harness, "Databases"), Some(3));
    harness.get_by_role_and_label(Role::Button, "Set").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "2").click();
    harness.run();
    assert_eq!(cell(&harness, "Databases"), Some(2));
    harness.get_by_label("2 differences across 1 person, 2 decided");
    let history = &harness.state().state().document().workspace.history;
    let workspace = &harness.state().state().document().workspace;
    let priya = workspace.find_member("Priya Raman").expect("Priya");
    let last = history
        .row(priya)
        .entries()
        .last()
        .copied()
        .expect("an entry");
    assert_eq!(last.rater, skillgrid::model::Rater::Manager);
    assert_eq!(last.as_of, Some("2026-12-02".parse().expect("a date")));
}

#[test]
fn the_matrix_shows_self_ratings_and_the_difference_on_request() {
    let folder = tempfile::tempdir().expect("folder");
    let path = reviewed_workspace(folder.path());
    let mut harness = common::window(common::opened(&path));
    common::choose(&mut harness, "Ratings", "Self - current");
    assert_eq!(
        harness.state().state().filter().ratings,
        skillgrid::app::Ratings::Difference
    );
    let workspace = &harness.state().state().document().workspace;
    let priya = workspace.find_member("Priya Raman").expect("Priya");
    let kubernetes = workspace
        .skills
        .iter()
        .position(|s| s.name == "Containers & Kubernetes")
        .expect("tracked");
    let go = workspace
        .skills
        .iter()
        .position(|s| s.name == "Cloud Computing")
        .expect("tracked");
    let derived = harness.state().state().derived();
    assert_eq!(
        derived.self_rating(priya, kubernetes),
        Some(Some(skillgrid::model::Level::PROFICIENT)),
        "her own 3 beside the manager's 1"
    );
    assert_eq!(derived.self_rating(priya, go), None, "not on her form");
    common::choose(&mut harness, "Ratings", "Current");
    assert_eq!(
        harness.state().state().filter().ratings,
        skillgrid::app::Ratings::Current
    );
}

#[test]
fn a_difference_shows_its_evidence_and_wish_and_stays_in_place_once_decided() {
    let folder = tempfile::tempdir().expect("folder");
    let path = with_priyas_form(
        folder.path(),
        "Name,Email,Skill,Current level,Your level,Wants to grow,Evidence\n\
         Priya Raman,priya.raman@example.com,Containers & Kubernetes,1,3,yes,Ran the cluster upgrade in October\n\
         Priya Raman,priya.raman@example.com,Databases,3,4,,\n",
    );
    let mut state = common::opened(&path);
    state.set_today("2026-12-02".parse().expect("a date"));
    state.apply(Command::ShowView(View::Review));
    let mut harness = common::window(state);
    harness.get_by_label("Ran the cluster upgrade in October");
    let order = |harness: &Harness<'_, SkillgridApp>| -> Vec<usize> {
        harness
            .state()
            .state()
            .review()
            .differences
            .iter()
            .map(|difference| difference.column)
            .collect()
    };
    let differences = &harness.state().state().review().differences;
    let kubernetes = differences
        .iter()
        .find(|d| d.skill.name.as_ref() == "Containers & Kubernetes")
        .expect("listed");
    assert!(kubernetes.wants_to_grow, "the form said yes");
    let before = order(&harness);
    harness
        .get_by_role_and_label(Role::Button, "Accept 3")
        .click();
    harness.run();
    assert_eq!(order(&harness), before, "a decision does not move the rows");
    harness.get_by_label("decided: 3");
}
