//! A career framework imported in the window: the preview dialog shows
//! the mapping, a similar skill is confirmed, a level's track is set by
//! hand, the import lands as one step with its roles grouped under the
//! framework, a member takes an imported level as their role from the
//! matrix, and Undo takes the import back.

mod common;

use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use skillgrid::app::{FileIntent, View};
use skillgrid::model::{RoleId, SkillId, Track};

const FRAMEWORK: &str = "tests/data/frameworks/ft-engineering.yml";

/// Picks the framework file, then lets the dialog find its size: an
/// area's first frames measure it and take no clicks.
fn pick_framework(
    harness: &mut egui_kittest::Harness<'static, skillgrid::ui::SkillgridApp>,
    path: &std::path::Path,
) {
    common::pick(
        harness,
        FileIntent::Import(skillgrid::app::ImportKind::Framework),
        path,
    );
    for _ in 0..4 {
        harness.step();
    }
    harness.run();
}

fn window_on_roles() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, skillgrid::ui::SkillgridApp>,
) {
    let folder = tempfile::tempdir().expect("folder");
    let path = common::history_copy(folder.path());
    let mut harness = common::window(common::opened(&path));
    harness.get_by_label(View::Roles.label()).click();
    harness.run();
    (folder, harness)
}

#[test]
fn the_preview_confirms_a_match_sets_a_track_imports_in_one_step_and_undo_takes_it_back() {
    let (_folder, mut harness) = window_on_roles();
    let roles_before = harness.state().state().workspace().roles.len();
    pick_framework(&mut harness, FRAMEWORK.as_ref());
    assert!(harness.state().state().framework_preview().is_some());
    harness.get_by_label("Import Engineering");
    harness.get_by_label("Engineering People Manager");
    assert_eq!(
        harness.state().state().workspace().roles.len(),
        roles_before,
        "nothing changes while the preview is up"
    );

    // "Team Work" is offered as the library's "Teamwork".
    harness
        .get_by_label("Use Cross-functional Collaboration")
        .click();
    harness.run();
    let preview = harness
        .state()
        .state()
        .framework_preview()
        .expect("still up");
    let team_work = &preview.themes[2];
    assert_eq!(team_work.answer, Some(true));
    assert!(preview.new_skills.is_empty(), "no custom skill now");
    harness.get_by_label("the skill Cross-functional Collaboration");

    // Engineer 2 is made a manager level by hand.
    common::choose(&mut harness, "Track of Engineer 2", "manager");
    let preview = harness.state().state().framework_preview().expect("up");
    assert_eq!(preview.tracks[1], Track::Manager);

    harness.get_by_label("Import 4 roles").click();
    harness.run();
    let state = harness.state().state();
    assert!(state.framework_preview().is_none(), "the dialog closed");
    let workspace = state.workspace();
    assert_eq!(workspace.roles.len(), roles_before + 4);
    let engineer_2 = workspace
        .role(&RoleId::new("engineering-engineer-2"))
        .expect("imported");
    assert_eq!(engineer_2.track, Track::Manager);
    assert!(
        engineer_2
            .requirement(&SkillId::new("collaboration"))
            .is_some(),
        "the confirmed match is required"
    );
    assert!(workspace.skill_named("Team Work").is_none());
    // The roles list groups the imported levels under the framework.
    harness.get_by_label("Engineering");
    harness.get_by_label("Senior Engineer  0");
    harness.get_by_label_contains("Level engineer-1 of Engineering (ft-engineering.yml)");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let workspace = harness.state().state().workspace();
    assert_eq!(workspace.roles.len(), roles_before, "one undo, all of it");
    assert!(
        workspace
            .role(&RoleId::new("engineering-engineer-2"))
            .is_none()
    );
}

#[test]
fn cancelling_the_preview_changes_nothing_and_a_bad_file_says_where() {
    let (folder, mut harness) = window_on_roles();
    let before = harness.state().state().workspace().clone();
    pick_framework(&mut harness, FRAMEWORK.as_ref());
    harness.get_by_label("Cancel").click();
    harness.run();
    let state = harness.state().state();
    assert!(state.framework_preview().is_none());
    assert_eq!(state.workspace(), &before);
    assert!(!state.document().is_dirty());

    let broken = folder.path().join("broken.yml");
    std::fs::write(&broken, "levels:\n  - id: a\n    name: [\n").expect("written");
    pick_framework(&mut harness, &broken);
    let state = harness.state().state();
    assert!(state.framework_preview().is_none());
    assert!(
        state
            .notice()
            .is_some_and(|n| n.contains("nothing was changed")),
        "{:?}",
        state.notice()
    );
    let diagnostic = state.diagnostics()[0].to_string();
    assert!(
        diagnostic.contains("broken.yml:3:11: levels[0].name: invalid type"),
        "{diagnostic}"
    );
}

#[test]
fn a_member_takes_an_imported_level_as_their_role_from_the_matrix() {
    let (_folder, mut harness) = window_on_roles();
    pick_framework(&mut harness, FRAMEWORK.as_ref());
    harness.get_by_label("Import 4 roles").click();
    harness.run();
    harness.get_by_label(View::Matrix.label()).click();
    harness.run();
    let state = harness.state().state();
    let member = state.derived().rows[0];
    let title = state
        .workspace()
        .member_role(member)
        .map(|role| role.title.clone())
        .expect("the first row has a role");
    harness
        .get_all_by_label(&title)
        .next()
        .expect("shown")
        .click_secondary();
    harness.run();
    harness.get_by_label("Engineering").hover();
    harness.run();
    harness.get_by_label("Senior Engineer").click();
    harness.run();
    let state = harness.state().state();
    let role = state.workspace().member_role(member).expect("a role");
    assert_eq!(role.id, RoleId::new("engineering-senior-engineer"));
    // Fit is measured against the imported level.
    assert!(state.derived().fit[member].is_some());
}

#[test]
fn rejecting_a_suggestion_keeps_the_theme_as_a_new_skill_and_change_asks_again() {
    let (_folder, mut harness) = window_on_roles();
    pick_framework(&mut harness, FRAMEWORK.as_ref());
    harness.get_by_label("Keep as a new skill").click();
    harness.run();
    let preview = harness.state().state().framework_preview().expect("up");
    assert_eq!(preview.themes[2].answer, Some(false));
    assert_eq!(preview.new_skills.len(), 1, "Team Work stays its own skill");
    harness.get_by_label("a new skill, Team Work");
    harness.get_by_label("Change").click();
    harness.run();
    let preview = harness.state().state().framework_preview().expect("up");
    assert!(preview.themes[2].asks(), "asked again");
    harness.get_by_label("Keep as a new skill").click();
    harness.run();
    harness.get_by_label("Import 4 roles").click();
    harness.run();
    let workspace = harness.state().state().workspace();
    let team_work = workspace.skill_named("Team Work").expect("a custom skill");
    let engineer_2 = workspace
        .role(&RoleId::new("engineering-engineer-2"))
        .expect("imported");
    assert!(
        engineer_2
            .requirement(&workspace.skills[team_work].id)
            .is_some()
    );
    // The matrix has a column for it, to rate the team in.
    harness.get_by_label(View::Matrix.label()).click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.view(), View::Matrix);
    assert!(state.derived().columns.contains(&team_work));
}

#[test]
fn a_framework_file_dropped_on_the_window_opens_its_preview() {
    let (_folder, mut harness) = window_on_roles();
    let document = harness.state().state().document().path.clone();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(common::Dropped(FRAMEWORK.into())));
    harness.run();
    for _ in 0..4 {
        harness.step();
    }
    harness.run();
    let state = harness.state().state();
    assert!(state.framework_preview().is_some(), "{:?}", state.notice());
    assert_eq!(state.document().path, document, "not opened as a roster");
    harness.get_by_label("Import Engineering");
}
