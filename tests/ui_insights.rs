//! The insight views driven headless as a manager would use them: open the
//! sample team, go to a view by its navigation label, read what it shows,
//! click and type, undo.

mod common;
use common::{choose, column};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use skillgrid::app::{AppState, Preferences, View};
use skillgrid::model::SkillId;
use skillgrid::ui::SkillgridApp;

fn app() -> Harness<'static, SkillgridApp> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|_| {
            SkillgridApp::with_state(AppState::new(
                AppState::sample_document(),
                Preferences::default(),
            ))
        })
}

fn go_to(harness: &mut Harness<'_, SkillgridApp>, view: View) {
    harness.get_by_label(view.label()).click();
    harness.run();
    assert_eq!(harness.state().state().view(), view);
}

/// Security's "short" count (people who can lead it still wanted) before and
/// with the plan.
fn security_short(harness: &Harness<'_, SkillgridApp>) -> (u32, u32) {
    let results = harness
        .state()
        .state()
        .insights()
        .results()
        .expect("analysed");
    let short = |analysis: &skillgrid::analysis::Analysis| {
        analysis.team_gaps[0]
            .gaps
            .iter()
            .find(|gap| &*gap.skill.id == "security")
            .map_or(0, |gap| gap.bench_deficit)
    };
    (short(&results.analysis), short(results.shown()))
}

#[test]
fn the_gaps_view_lists_the_single_points_of_failure_and_jumps_to_the_matrix() {
    let mut harness = app();
    go_to(&mut harness, View::Gaps);
    harness.get_by_label("Tomasz Nowak");
    harness.get_by_label("Chidi Okafor");
    harness.get_by_label("nobody");
    harness.get_by_label_contains("3 single points of failure");

    harness.get_by_label("Containers & Kubernetes").click();
    harness.run();
    let kubernetes = column(&harness, "kubernetes");
    let state = harness.state().state();
    assert_eq!(state.view(), View::Matrix);
    assert_eq!(state.selected().map(|(_, skill)| skill), Some(kubernetes));
}

#[test]
fn the_gaps_view_follows_the_team_filter() {
    let mut harness = app();
    go_to(&mut harness, View::Gaps);
    choose(&mut harness, "Team", "Checkout");
    let results = harness
        .state()
        .state()
        .insights()
        .results()
        .expect("analysed");
    assert_eq!(results.analysis.team.as_deref(), Some("Checkout"));
    assert_eq!(results.analysis.members, 10);
    harness.get_by_label_contains("10 members");
}

#[test]
fn planned_hires_close_the_security_gap_and_add_their_cost_and_undo_restores_both() {
    let mut harness = app();
    go_to(&mut harness, View::Hiring);
    assert_eq!(security_short(&harness), (2, 2));
    harness.get_by_label_contains("Planned hires cost 0 a year");

    choose(&mut harness, "Plan a hire", "Technical Manager");
    harness.get_by_label("Add planned hire").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .state()
            .document()
            .workspace
            .plan
            .hires
            .len(),
        1
    );
    assert_eq!(security_short(&harness), (2, 1));
    harness.get_by_label_contains("Planned hires cost 167,500 a year");
    // The roster itself is untouched until the plan is applied.
    assert_eq!(
        harness.state().state().document().workspace.members.len(),
        50
    );

    harness.get_by_label("Add planned hire").click();
    harness.run();
    assert_eq!(security_short(&harness), (2, 0));
    let results = harness
        .state()
        .state()
        .insights()
        .results()
        .expect("analysed");
    assert!(
        results
            .shown()
            .bus_factor
            .iter()
            .all(|risk| &*risk.skill.id != "security"),
        "two planned Technical Managers take Security off the single points of failure"
    );
    harness.get_by_label_contains("Planned hires cost 335,000 a year");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().state().document().workspace.plan.is_empty());
    assert_eq!(security_short(&harness), (2, 2));
    harness.get_by_label_contains("Planned hires cost 0 a year");
}

#[test]
fn a_planned_departure_shows_its_effect_and_applying_the_plan_changes_the_roster() {
    let mut harness = app();
    go_to(&mut harness, View::Hiring);
    harness.get_by_label("Plan a departure").click();
    harness.get_by_label("Plan a departure").type_text("Tomasz");
    harness.run();
    choose(&mut harness, "Member to leave", "Tomasz Nowak");
    let departing = harness.state().selection.hiring.departure;
    assert_eq!(
        departing,
        harness
            .state()
            .state()
            .document()
            .workspace
            .find_member("Tomasz Nowak")
    );
    harness.get_by_label("Add planned departure").click();
    harness.run();
    harness.get_by_label("Planned departure: Tomasz Nowak");
    let results = harness
        .state()
        .state()
        .insights()
        .results()
        .expect("analysed");
    let kubernetes = |analysis: &skillgrid::analysis::Analysis| {
        analysis
            .bus_factor
            .iter()
            .find(|risk| &*risk.skill.id == "kubernetes")
            .map(|risk| risk.leaders.len())
    };
    assert_eq!(kubernetes(&results.analysis), Some(1));
    assert_eq!(
        kubernetes(results.shown()),
        Some(0),
        "nobody left to lead it"
    );

    harness.get_by_label("Apply plan to roster").click();
    harness.run();
    let state = harness.state().state();
    let workspace = &state.document().workspace;
    // He leaves today: kept on record, out of the counts.
    assert_eq!(workspace.members.len(), 50);
    let tomasz = workspace.find_member("Tomasz Nowak").expect("kept");
    assert_eq!(workspace.members[tomasz].left, Some(state.today()));
    assert_eq!(state.derived().rows.len(), 49);
    assert!(workspace.plan.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let workspace = &harness.state().state().document().workspace;
    assert_eq!(workspace.members.len(), 50);
    assert_eq!(workspace.plan.departures.len(), 1);
    let tomasz = workspace.find_member("Tomasz Nowak").expect("back");
    assert_eq!(workspace.members[tomasz].left, None);
    assert!(workspace.members[tomasz].is_named_by(&workspace.plan.departures[0]));
}

#[test]
fn the_fit_view_shows_a_members_fit_for_every_role_and_who_is_ready() {
    let mut harness = app();
    go_to(&mut harness, View::Fit);
    harness.get_by_label("Find member").click();
    harness.get_by_label("Find member").type_text("Priya");
    harness.run();
    harness.get_by_label_contains("Priya Raman  (fit").click();
    harness.run();
    harness.get_by_label_contains("Fit for Senior Software Engineer");
    let member = harness
        .state()
        .selection
        .people
        .member
        .expect("a member shown");
    let fits = harness.state().state().role_fits(member).to_vec();
    let (best, next_step) = &fits[0];
    assert_eq!(&*best.role.title, "Tech Lead");
    assert_eq!(best.score, 100.0);
    assert!(
        next_step,
        "Tech Lead is a next step from Senior Software Engineer"
    );
    assert!(
        !harness
            .query_all_by_label("next step")
            .collect::<Vec<_>>()
            .is_empty()
    );

    choose(&mut harness, "Role", "Tech Lead");
    let candidates = harness.query_all_by_label("Priya Raman").count();
    assert!(
        candidates >= 1,
        "Priya is listed among those ready for Tech Lead"
    );
    harness.get_by_label("ready");
}

#[test]
fn the_capacity_view_sets_people_management_against_what_the_reports_call_for() {
    let mut harness = app();
    go_to(&mut harness, View::Capacity);
    harness.get_by_label_contains("49 reports call for 3.5 FTE of people management");
    harness.get_by_label("30% / 50% / 20%");
    let results = harness
        .state()
        .state()
        .insights()
        .results()
        .expect("analysed");
    let teams: Vec<&str> = results
        .team_time
        .iter()
        .map(|(team, _)| team.as_str())
        .collect();
    assert!(teams.contains(&"Checkout") && teams.contains(&"Leadership"));
}

#[test]
fn a_built_in_role_is_duplicated_and_customised_and_undo_takes_it_back() {
    let mut harness = app();
    go_to(&mut harness, View::Roles);
    harness
        .get_by_label_contains("Senior Software Engineer")
        .click();
    harness.run();
    harness.get_by_label("built-in, read-only");
    assert!(
        harness.query_by_label("Remove").is_none(),
        "built-in roles are read-only"
    );

    harness.get_by_label("Duplicate to customise").click();
    harness.run();
    let state = harness.state().state();
    let copy = harness
        .state()
        .selection
        .roles
        .role
        .expect("the copy is selected");
    let role = &state.document().workspace.roles[copy];
    assert_eq!(role.title, "Senior Software Engineer (custom)");
    assert!(!role.builtin);
    let requirements = role.requirements.len();

    harness
        .query_all_by_label("Remove")
        .next()
        .expect("editable")
        .click();
    harness.run();
    let role = &harness.state().state().document().workspace.roles[copy];
    assert_eq!(role.requirements.len(), requirements - 1);
    assert!(
        harness.state().state().csv_would_lose().is_some(),
        "a CSV cannot hold it"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.document().workspace.roles.len(), 9);
    assert!(!state.document().is_dirty());
}

#[test]
fn skills_are_added_and_merged_keeping_each_members_higher_level() {
    let mut harness = app();
    go_to(&mut harness, View::Roles);
    harness.get_by_label("New skill").click();
    harness.get_by_label("New skill").type_text("Rust");
    harness.run();
    harness.get_by_label("Add skill").click();
    harness.run();
    assert_eq!(
        harness.state().state().document().workspace.skills.len(),
        32
    );

    let streaming = column(&harness, "event-streaming");
    let cloud = column(&harness, "cloud");
    let workspace = harness.state().state().document().workspace.clone();
    let higher: Vec<_> = (0..workspace.members.len())
        .map(|m| {
            workspace
                .cell(m, streaming)
                .level()
                .max(workspace.cell(m, cloud).level())
        })
        .collect();
    harness.get_by_label("Event Streaming").click();
    harness.run();
    choose(&mut harness, "Merge into", "Cloud Computing");
    harness.get_by_label("Merge skills").click();
    harness.run();
    let workspace = &harness.state().state().document().workspace;
    assert_eq!(workspace.skills.len(), 31);
    let cloud = workspace.skill_index(&SkillId::new("cloud")).expect("kept");
    let merged: Vec<_> = (0..workspace.members.len())
        .map(|m| workspace.cell(m, cloud).level())
        .collect();
    assert_eq!(merged, higher);
    assert_eq!(workspace.skill_named("Event Streaming"), Some(cloud));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().state().document().workspace.skills.len(),
        32
    );
}

#[test]
fn every_view_opens_by_its_command_line_name() {
    for view in View::ALL {
        assert_eq!(View::from_name(view.name()), Some(view));
    }
    for name in ["gaps", "fit", "hiring", "roles", "capacity", "matrix"] {
        assert!(View::from_name(name).is_some(), "{name}");
    }
}

#[test]
fn the_plan_exports_as_csv_with_planned_hires_first_and_as_html() {
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.plan_hire(
        skillgrid::model::RoleId::new("technical-manager"),
        None,
        None,
    );
    let folder = tempfile::tempdir().expect("temp dir");
    let csv_path = folder.path().join("plan.csv");
    state
        .export_plan(&csv_path, skillgrid::app::PlanFormat::Csv)
        .expect("exports");
    let csv = std::fs::read_to_string(&csv_path).expect("written");
    let mut lines = csv.lines();
    assert!(lines.next().expect("header").starts_with("status,role"));
    assert_eq!(
        lines.next(),
        Some("planned,Technical Manager,,planned hire,140000,167500,195000,USD,false,167500")
    );
    assert!(lines.any(|line| line.starts_with("recommended,")));
    let html_path = folder.path().join("report.html");
    state
        .export_plan(&html_path, skillgrid::app::PlanFormat::Html)
        .expect("exports");
    let html = std::fs::read_to_string(&html_path).expect("written");
    assert!(html.contains("Planned hire 1 (Technical Manager)"));
    assert!(!html.contains("<script"));
}

#[test]
fn a_requirement_the_roster_does_not_track_is_named_not_shown_as_an_id() {
    let library = skillgrid::catalog::builtin();
    let workspace = skillgrid::model::Workspace::with_roles(library.roles.clone());
    let document = skillgrid::app::Document::new(workspace, "empty", None);
    let mut state = Some(AppState::new(document, Preferences::default()));
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| SkillgridApp::with_state(state.take().expect("built once")));
    go_to(&mut harness, View::Roles);
    harness.get_by_label("Technical Manager").click();
    harness.run();
    harness.get_by_label("Software Architecture");
    assert!(harness.query_by_label("software-architecture").is_none());
}

#[test]
fn the_fit_view_shows_its_first_member_without_waiting_for_input() {
    let mut harness = app();
    go_to(&mut harness, View::Fit);
    // No click or key after opening the view: the first member's fit is
    // drawn on its own.
    harness.get_by_label_contains("Fit for Manager - Software Engineering: ");
    harness.get_by_label_contains(" of 100, meets ");
    // How the score is made is said beside it.
    harness.get_by_label(skillgrid::analysis::FIT_FORMULA);
}
