//! The staffing view as a lead uses it: open the sample workspace, see why
//! the Q3 project cannot get its Kubernetes engineer, create a project, add
//! a line, pin the member proposed, undo.

mod common;
use common::{choose, pick};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use skillgrid::app::{AppState, Command, Document, Preferences, View};
use skillgrid::ui::SkillgridApp;
use skillgrid::{catalog, io};
use std::path::Path;

/// The proposal the view shows now.
fn staffing(harness: &Harness<'_, SkillgridApp>) -> skillgrid::analysis::Staffing {
    harness
        .state()
        .state()
        .insights()
        .results()
        .and_then(|r| r.analysis.staffing.clone())
        .expect("staffed")
}

fn app() -> Harness<'static, SkillgridApp> {
    app_checked(true)
}

/// The staffing sample on the staffing view; `accessible` keeps kittest's
/// check that every widget has a name.
fn app_checked(accessible: bool) -> Harness<'static, SkillgridApp> {
    let path = Path::new("sample-teams/product-org-staffing.json");
    let imported = io::open_path(path, catalog::builtin()).expect("the sample opens");
    let document = Document::new(
        imported.value,
        "product-org-staffing.json",
        Some(path.into()),
    );
    let mut state = Some(AppState::new(document, Preferences::default()));
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_accessibility_check(accessible)
        .build_eframe(move |_| SkillgridApp::with_state(state.take().expect("built once")));
    harness.get_by_label(View::Staffing.label()).click();
    harness.run();
    harness
}

#[test]
fn the_q3_project_shows_why_kubernetes_is_open_and_what_to_hire() {
    let mut harness = app();
    harness.get_by_label("Search relaunch").click();
    harness.run();
    harness.get_by_label_contains(
        "1 open: Tomasz Nowak, the only member who has Containers & Kubernetes at level 3+, is fully booked in 2026-W27 to 2026-W39",
    );
    harness
        .get_by_label_contains("1 open: nobody on the team has Security & Compliance at level 3+");
    harness.get_by_label_contains("hire a Technical Manager (167,500 a year)");
    harness.get_by_label_contains("All projects: 2 placeholders, 322,500 a year");

    choose(&mut harness, "Show", "Containers & Kubernetes");
    harness.get_by_label("Over-allocated: 2026 Q3");
}

#[test]
fn a_new_project_is_staffed_and_a_pinned_member_stays_until_undone() {
    let mut harness = app();
    harness.get_by_label("New project").click();
    harness.run();
    let index = harness
        .state()
        .selection
        .staffing
        .project
        .expect("selected");
    assert_eq!(
        harness.state().state().document().workspace.projects.len(),
        4
    );

    harness.get_by_label("Project name").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Project name")
        .type_text("Billing revamp");
    harness.run();
    harness.get_by_label("Save details").click();
    harness.run();
    assert_eq!(
        harness.state().state().document().workspace.projects[index].name,
        "Billing revamp"
    );

    choose(&mut harness, "Skill", "Databases");
    harness.get_by_label("Add line").click();
    harness.run();
    let project = &harness.state().state().document().workspace.projects[index];
    assert_eq!(project.demand.len(), 1);
    let proposed = staffing(&harness)
        .projects
        .into_iter()
        .find(|p| p.name == "Billing revamp")
        .expect("the new project")
        .lines[0]
        .assigned
        .clone();
    assert_eq!(proposed.len(), 1, "someone at Databases 3+ has time");

    harness.get_by_label("Pin").click();
    harness.run();
    let project = &harness.state().state().document().workspace.projects[index];
    assert_eq!(project.assignments.len(), 1);
    assert!(project.assignments[0].pinned);
    assert_eq!(project.assignments[0].member, proposed[0].member.index);
    harness.get_by_label("pinned");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let project = &harness.state().state().document().workspace.projects[index];
    assert!(project.assignments.is_empty());
}

#[test]
fn taking_a_member_off_a_line_proposes_someone_else() {
    let mut harness = app();
    harness.get_by_label("Payments on Kubernetes").click();
    harness.run();
    let first = |harness: &Harness<'_, SkillgridApp>| {
        staffing(harness).projects[0].lines[3].assigned[0]
            .member
            .name
            .to_string()
    };
    let before = first(&harness);
    let buttons: Vec<_> = harness.query_all_by_label("Take off").collect();
    // Lines: Kubernetes (1), Programming (3), Databases (1), Cloud (1): the
    // sixth "Take off" is the Cloud Computing line's.
    buttons[5].click();
    harness.run();
    let after = first(&harness);
    assert_ne!(before, after);
    let project = &harness.state().state().document().workspace.projects[0];
    assert_eq!(project.excluded.len(), 1);
}

#[test]
fn a_role_slot_is_added_and_filled_by_someone_who_holds_the_role() {
    let mut harness = app();
    harness.get_by_label("New project").click();
    harness.run();
    let index = harness
        .state()
        .selection
        .staffing
        .project
        .expect("selected");
    choose(&mut harness, "or a role", "Tech Lead");
    harness.get_by_label("Add role slot").click();
    harness.run();
    let project = &harness.state().state().document().workspace.projects[index];
    assert_eq!(project.role_slots.len(), 1);
    harness.get_by_label("role: Tech Lead");
    let name = project.name.clone();
    let proposal = staffing(&harness);
    let line = &proposal
        .projects
        .iter()
        .find(|p| p.name == name)
        .expect("the new project")
        .lines[0];
    assert_eq!(line.assigned.len(), 1);
    assert_eq!(line.assigned[0].fit, 100.0, "someone who holds the role");
}

#[test]
fn projects_import_from_csv_undoably_and_a_wrong_file_changes_nothing() {
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.import_projects(Path::new("sample-teams/product-org-projects.csv"));
    assert_eq!(state.document().workspace.projects.len(), 3);
    assert!(
        state
            .notice()
            .is_some_and(|n| n.contains("Imported 3 projects"))
    );
    state.apply(Command::Undo);
    assert!(state.document().workspace.projects.is_empty());

    state.import_projects(Path::new("sample-teams/product-org-projects.csv"));
    state.import_projects(Path::new("tests/data/broken-level.csv"));
    assert_eq!(state.document().workspace.projects.len(), 3, "unchanged");
    assert!(state.diagnostics_open());
    assert!(
        state.diagnostics()[0]
            .to_string()
            .contains("expected columns Project, Start, End, Priority")
    );

    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("projects.csv");
    state.export_projects(&path).expect("exports");
    let again = io::import_projects_csv(
        &std::fs::read(&path).expect("written"),
        "projects.csv",
        &state.document().workspace,
        catalog::builtin(),
    )
    .expect("reads back");
    assert_eq!(again.value, state.document().workspace.projects);
}

#[test]
fn importing_projects_lets_go_of_the_project_selected_before() {
    let mut harness = app();
    harness.get_by_label("Search relaunch").click();
    harness.run();
    assert!(harness.state().selection.staffing.project.is_some());
    pick(
        &mut harness,
        skillgrid::app::FileIntent::Import(skillgrid::app::ImportKind::Projects),
        "sample-teams/product-org-projects.csv",
    );
    let selection = &harness.state().selection;
    assert_eq!(
        selection.staffing.project, None,
        "no stale details over another project"
    );
    assert!(selection.staffing.name.is_empty());
}

#[test]
fn a_command_naming_a_project_that_is_gone_is_refused_not_a_crash() {
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.apply(Command::Pin {
        project: 7,
        line: 0,
        member: 0,
        fte: 0.5,
    });
    assert_eq!(state.edit_error(), Some("that project is no longer there"));
}

#[test]
fn a_projects_dates_are_picked_from_a_calendar() {
    // egui_extras' calendar popup names none of its year, month and day
    // boxes: the accessibility check is egui_extras', not ours, here.
    let mut harness = app_checked(false);
    harness.get_by_label("Payments on Kubernetes").click();
    harness.run();
    // A button that opens a calendar, not a text field.
    harness
        .get_by_role_and_label(eframe::egui::Role::Button, "Start")
        .click();
    harness.run();
    harness.get_by_label("Cancel");
}

#[test]
fn a_project_marked_tentative_is_staffed_after_confirmed_work_and_undoes() {
    let mut harness = app();
    harness.get_by_label("Payments on Kubernetes").click();
    harness.run();
    harness.get_by_label("Tentative: not yet confirmed").click();
    harness.run();
    {
        let state = harness.state().state();
        assert!(state.workspace().projects[0].is_tentative());
        assert_eq!(
            state.document().undo_label(),
            Some("mark Payments on Kubernetes tentative")
        );
    }
    let proposal = staffing(&harness);
    // Staffed last now: confirmed work comes first.
    let order: Vec<(&str, bool)> = proposal
        .projects
        .iter()
        .map(|p| (p.name.as_str(), p.tentative))
        .collect();
    assert_eq!(
        order,
        [
            ("Data pipeline migration", false),
            ("Search relaunch", false),
            ("Payments on Kubernetes", true)
        ]
    );
    // The overview has a card for what tentative work would add.
    harness.get_by_label(View::Overview.label()).click();
    harness.run();
    harness.get_by_label("If tentative work is confirmed");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!harness.state().state().workspace().projects[0].is_tentative());
}

#[test]
fn a_line_takes_a_learner_and_the_proposal_says_who_or_why_not() {
    let mut harness = app();
    harness.get_by_label("Search relaunch").click();
    harness.run();
    let boxes = harness.query_all_by_label("Take a learner").count();
    assert!(boxes >= 4, "one a skill line ({boxes})");
    harness
        .query_all_by_label("Take a learner")
        .next()
        .expect("a box")
        .click();
    harness.run();
    let project = harness
        .state()
        .state()
        .workspace()
        .projects
        .iter()
        .find(|p| p.name == "Search relaunch")
        .expect("there")
        .clone();
    assert_eq!(project.learners.len(), 1);
    assert_eq!(project.learners[0].share, 0.2);
    let proposal = staffing(&harness);
    let line = &proposal
        .projects
        .iter()
        .find(|p| p.name == "Search relaunch")
        .expect("staffed")
        .lines[project.learners[0].line];
    match line.learner_sentence() {
        Some(said) => {
            harness.get_by_label(&said);
            assert!(
                line.assigned
                    .iter()
                    .all(|a| Some(&a.member) != line.learner.as_ref().map(|l| &l.member)),
                "a learner is never cover"
            );
        }
        None => {
            harness.get_by_label_contains("No learner:");
        }
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let workspace = harness.state().state().workspace();
    assert!(workspace.projects.iter().all(|p| p.learners.is_empty()));
}

#[test]
fn counting_on_targets_is_a_choice_saved_with_the_workspace_and_undone() {
    let mut harness = app();
    harness.get_by_label("Count on targets").click();
    harness.run();
    assert!(harness.state().state().workspace().settings.count_targets);
    assert_eq!(
        harness.state().state().document().undo_label(),
        Some("count on targets in staffing")
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!harness.state().state().workspace().settings.count_targets);
}

#[test]
fn file_export_writes_the_staffing_proposal_workbook() {
    let mut harness = app();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label_contains("Staffing proposal (Excel)…");
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("staffing.xlsx");
    common::pick(
        &mut harness,
        skillgrid::app::FileIntent::ExportStaffing,
        &path,
    );
    let notice = harness
        .state()
        .state()
        .notice()
        .unwrap_or_default()
        .to_string();
    assert!(
        notice.contains("Exported the staffing proposal of 3 projects"),
        "{notice}"
    );
    use calamine::Reader;
    let book = calamine::open_workbook_auto(&path).expect("written");
    assert_eq!(book.sheet_names(), ["Proposal", "Weeks"]);
}
