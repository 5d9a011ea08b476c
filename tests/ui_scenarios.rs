//! The scenarios view as a lead uses it: name a plan, add a departure and
//! a hire, see it beside the team as it is, untick it, apply it, undo.

mod common;
use common::choose;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use skillgrid::app::{AppState, Document, Preferences, View};
use skillgrid::ui::SkillgridApp;
use skillgrid::{catalog, io};
use std::path::Path;

fn app() -> Harness<'static, SkillgridApp> {
    let path = Path::new("sample-teams/product-org-staffing.json");
    let imported = io::open_path(path, catalog::builtin()).expect("the sample opens");
    let document = Document::new(imported.value, "product-org-staffing.json", None);
    let mut state = AppState::new(document, Preferences::opening_on(View::Scenarios));
    state.set_today("2026-03-02".parse().expect("a date"));
    common::window(state)
}

fn figures(harness: &Harness<'_, SkillgridApp>) -> Vec<skillgrid::analysis::ScenarioFigures> {
    match &harness.state().state().scenario_comparison().figures {
        Some(Ok(figures)) => figures.clone(),
        other => panic!("no figures: {:?}", other.as_ref().map(|f| f.as_ref().err())),
    }
}

#[test]
fn a_scenario_is_made_compared_applied_and_undone() {
    let mut harness = app();
    let before = harness.state().state().workspace().clone();
    harness.get_by_label("New scenario").click();
    harness.run();
    harness
        .get_by_label("New scenario")
        .type_text("Lose Tomasz");
    harness.get_by_label("Add scenario").click();
    harness.run();
    harness.get_by_label("Leaves (name or email)").click();
    harness.run();
    harness
        .get_by_label("Leaves (name or email)")
        .type_text("Tomasz Nowak");
    harness.run();
    harness.get_by_label("Add departure").click();
    harness.run();
    choose(&mut harness, "Role to hire", "Senior Software Engineer");
    choose(&mut harness, "Team of the hire", "Search");
    harness.get_by_label("Add hire").click();
    harness.run();

    choose(&mut harness, "Project to pin on", "Search relaunch");
    for (field, text) in [("line", "1"), ("member", "Priya Raman"), ("FTE", "0.5")] {
        harness.get_by_label(field).click();
        harness.run();
        harness.get_by_label(field).type_text(text);
        harness.run();
    }
    harness.get_by_label("Add pin").click();
    harness.run();

    let state = harness.state().state();
    let scenario = &state.workspace().scenarios[0];
    assert_eq!(
        scenario.changes(state.workspace()),
        [
            "hire a Senior Software Engineer in Search",
            "Tomasz Nowak leaves",
            "Priya Raman pinned to Search relaunch line 1 at 0.5 FTE"
        ]
    );
    // A new scenario is compared at once, beside the team as it is.
    let compared = figures(&harness);
    assert_eq!(compared.len(), 2);
    assert_eq!(compared[1].name, "Lose Tomasz");
    assert!(compared[1].cost.mid > 0.0);
    // Its column in the table, and its box in the list.
    assert_eq!(harness.query_all_by_label("Lose Tomasz").count(), 2);
    harness.get_by_label("Open places on projects");

    // Unticked, it leaves the comparison.
    harness
        .get_by_role_and_label(eframe::egui::accesskit::Role::CheckBox, "Lose Tomasz")
        .click();
    harness.run();
    assert_eq!(figures(&harness).len(), 1);

    harness.get_by_label("Apply").click();
    harness.run();
    let workspace = harness.state().state().workspace().clone();
    let tomasz = workspace.find_member("Tomasz Nowak").expect("history kept");
    assert!(workspace.members[tomasz].left.is_some(), "Tomasz leaves");
    assert!(
        workspace.members.iter().any(|m| m.planned),
        "the hire joins as a placeholder"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let state = harness.state().state();
    assert_eq!(
        state.workspace().members,
        before.members,
        "one step undoes it"
    );
    assert_eq!(state.workspace().scenarios.len(), 1, "the scenario stays");
}
