//! The desktop app driven headless through its accessibility tree, as a
//! person would: find by label, click, type, press keys.

mod common;

use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use skillgrid::app::{AppState, FileIntent, JobResult, Preferences, SortKey};
use skillgrid::model::{Level, SkillId};
use skillgrid::ui::{FileDialogs, SkillgridApp};
use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;
use std::sync::mpsc::Sender;

/// Records what the app asked a dialog for, and answers nothing.
struct FakeDialogs(Rc<RefCell<Vec<FileIntent>>>);

impl FileDialogs for FakeDialogs {
    fn pick(&self, intent: FileIntent, _: Option<String>, _: Sender<JobResult>, _: egui::Context) {
        self.0.borrow_mut().push(intent);
    }
}

fn app_with(dialogs: Rc<RefCell<Vec<FileIntent>>>) -> Harness<'static, SkillgridApp> {
    Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |_| {
            let mut app = SkillgridApp::with_state(AppState::new(
                AppState::sample_document(),
                Preferences::opening_on(skillgrid::app::View::Matrix),
            ));
            app.dialogs = Box::new(FakeDialogs(dialogs));
            app
        })
}

fn app() -> Harness<'static, SkillgridApp> {
    app_with(Rc::new(RefCell::new(Vec::new())))
}

fn column(harness: &Harness<'_, SkillgridApp>, skill: &str) -> usize {
    harness
        .state()
        .state()
        .document()
        .workspace
        .skill_index(&SkillId::new(skill))
        .expect("tracked")
}

fn member(harness: &Harness<'_, SkillgridApp>, name: &str) -> usize {
    harness
        .state()
        .state()
        .document()
        .workspace
        .find_member(name)
        .expect("in the roster")
}

/// Opens a file the way the app does, on a thread, and waits for it.
fn open_and_wait(harness: &mut Harness<'_, SkillgridApp>, path: &Path) {
    let repaint = harness.ctx.clone();
    harness
        .state_mut()
        .state_mut()
        .start_open(path.to_path_buf(), FileIntent::Open, move || {
            repaint.request_repaint()
        });
    common::wait_for_load(harness);
}

fn find(harness: &mut Harness<'_, SkillgridApp>, text: &str) {
    harness.get_by_label("Find").click();
    harness.run();
    harness.get_by_label("Find").type_text(text);
    harness.run();
}

#[test]
fn the_sample_opens_with_its_matrix_and_status() {
    let harness = app();
    harness.get_by_label_contains("50 members x 31 skills");
    harness.get_by_label_contains("product-org.csv (sample)");
    harness.get_by_label("Sort by Containers & Kubernetes");
    harness.get_by_label_contains("Daniela Ferreira / Software Architecture: 1 awareness");
}

#[test]
fn a_level_is_edited_from_the_keyboard_and_undone() {
    let mut harness = app();
    find(&mut harness, "Priya");
    let (priya, kubernetes) = (
        member(&harness, "Priya Raman"),
        column(&harness, "kubernetes"),
    );
    assert_eq!(
        harness.state().state().derived().rows,
        [priya],
        "the search leaves one row"
    );
    harness
        .get_by_label_contains("Priya Raman / Containers & Kubernetes: 1 awareness")
        .click();
    harness.run();
    assert_eq!(
        harness.state().state().selected(),
        Some((priya, kubernetes))
    );
    // The search box still has the keyboard: hand it back to the matrix.
    harness.key_press(Key::Escape);
    harness.run();
    harness
        .get_by_label_contains("Priya Raman / Containers & Kubernetes")
        .click();
    harness.run();
    harness.key_press(Key::Num3);
    harness.run();
    let level = |harness: &Harness<'_, SkillgridApp>| {
        harness
            .state()
            .state()
            .document()
            .workspace
            .cell(priya, kubernetes)
            .level()
    };
    assert_eq!(level(&harness), Some(Level::PROFICIENT));
    assert!(harness.state().state().document().is_dirty());
    harness.get_by_label_contains("Priya Raman / Containers & Kubernetes: 3 proficient");
    harness.get_by_label_contains("• unsaved");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(level(&harness), Some(Level::AWARENESS));
    assert!(
        !harness.state().state().document().is_dirty(),
        "undone back to the saved state"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(level(&harness), Some(Level::PROFICIENT));

    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(level(&harness), None, "Delete makes it not assessed, not 0");
    harness.key_press(Key::ArrowRight);
    harness.run();
    let (_, moved) = harness.state().state().selected().expect("still selected");
    assert_ne!(moved, kubernetes);
}

#[test]
fn filtering_by_team_shows_only_that_team() {
    let mut harness = app();
    harness
        .get_by_role_and_label(egui::Role::ComboBox, "Team")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::Button, "Mobile")
        .click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.filter().team.as_deref(), Some("Mobile"));
    let workspace = &state.document().workspace;
    assert_eq!(state.derived().rows.len(), 9);
    assert!(
        state
            .derived()
            .rows
            .iter()
            .all(|&m| workspace.members[m].team.as_deref() == Some("Mobile"))
    );
}

#[test]
fn sorting_by_a_skill_puts_its_experts_first() {
    let mut harness = app();
    harness.get_by_label("Sort by Event Streaming").click();
    harness.run();
    let state = harness.state().state();
    let streaming = state
        .document()
        .workspace
        .skill_index(&SkillId::new("event-streaming"))
        .expect("tracked");
    assert_eq!(state.filter().sort, SortKey::Skill(streaming));
    let first = state.derived().rows[0];
    assert_eq!(
        state.document().workspace.members[first].name,
        "Chidi Okafor"
    );
}

#[test]
fn a_broken_csv_lists_its_errors_and_changes_nothing() {
    let mut harness = app();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/broken-level.csv");
    let before = harness.state().state().document().workspace.clone();
    open_and_wait(&mut harness, &path);
    harness.get_by_label_contains(
        "broken-level.csv:3:4: level \"7\" for skill \"Kubernetes\" is outside 0-4",
    );
    harness.get_by_label_contains("2 errors, 0 warnings");
    assert_eq!(
        harness.state().state().document().workspace,
        before,
        "the open workspace is untouched"
    );
    harness.get_by_label_contains("Could not open broken-level.csv");
}

#[test]
fn opening_a_roster_replaces_the_document_and_shows_its_warnings() {
    let mut harness = app();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-teams/platform-team.csv");
    open_and_wait(&mut harness, &path);
    harness.get_by_label("8 members x 28 skills");
    harness.get_by_label_contains("column \"Rust\" is not in the skill catalog");
    // Clicking the warning selects the skill it is about.
    harness
        .get_by_label_contains("column \"Rust\" is not in the skill catalog")
        .click();
    harness.run();
    assert_eq!(harness.state().state().filter().search, "Rust");
}

#[test]
fn shortcuts_ask_for_files_without_blocking() {
    let asked = Rc::new(RefCell::new(Vec::new()));
    let mut harness = app_with(asked.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    // The sample has no file yet: Save asks where.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        *asked.borrow(),
        [FileIntent::Open, FileIntent::SaveAs, FileIntent::SaveAs]
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut harness = app();
    let (member, skill) = (0, 0);
    harness
        .state_mut()
        .state_mut()
        .set_level(member, skill, Some(Level::EXPERT));
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert!(harness.state().state().confirm_close());
    harness.get_by_label("Save changes before closing?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().state().confirm_close());
    assert!(!harness.state().state().closing());
}

#[test]
fn an_opened_csv_is_saved_back_in_its_own_format() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("team.csv");
    let original = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-teams/product-org-eu.csv"),
    )
    .expect("sample");
    std::fs::write(&path, &original).expect("copy");
    let mut harness = app();
    open_and_wait(&mut harness, &path);
    let who = member(&harness, "Katharina Böhm");
    let skill = harness.state().state().document().workspace.skills.len() - 1;
    harness
        .state_mut()
        .state_mut()
        .set_level(who, skill, Some(Level::EXPERT));
    harness.run();
    harness.get_by_label_contains("• unsaved");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    // The edit is a dated assessment, which a CSV cannot hold: asked.
    harness.get_by_label("  • 1 dated assessment");
    harness.get_by_label("Write the roster only").click();
    harness.run();
    assert!(
        harness.state().state().document().is_dirty(),
        "the dated record is still unsaved"
    );
    let saved = std::fs::read_to_string(&path).expect("saved");
    assert!(
        saved
            .lines()
            .next()
            .is_some_and(|header| header.contains(';')),
        "still semicolon-separated"
    );
    let reopened = skillgrid::io::open_path(&path, skillgrid::catalog::builtin())
        .expect("reopens")
        .value;
    assert_eq!(reopened.cell(who, skill).level(), Some(Level::EXPERT));
    assert_eq!(reopened.members.len(), 12);
}

#[test]
fn no_two_commands_share_a_shortcut() {
    let shortcuts: Vec<_> = skillgrid::ui::MenuCommand::all()
        .flat_map(|item| {
            item.shortcuts()
                .iter()
                .map(move |keys| (*keys, item.label()))
        })
        .collect();
    for (index, (shortcut, label)) in shortcuts.iter().enumerate() {
        for (other, other_label) in &shortcuts[index + 1..] {
            assert!(
                shortcut != other,
                "{label} and {other_label} share a shortcut"
            );
        }
    }
    assert!(shortcuts.len() >= 7, "the table holds the shortcuts");
}

#[test]
fn the_matrix_fits_the_window_it_is_in() {
    use skillgrid::app::{AppState, Preferences, View};
    let rows_shown = |size: [f32; 2]| {
        let state = AppState::new(
            AppState::sample_document(),
            Preferences::opening_on(View::Matrix),
        );
        let mut state = Some(state);
        let mut harness = egui_kittest::Harness::builder()
            .with_size(size)
            .build_eframe(move |_| {
                skillgrid::ui::SkillgridApp::with_state(state.take().expect("built once"))
            });
        harness.run();
        let workspace = harness.state().state().workspace().clone();
        let rows = workspace
            .members
            .iter()
            .filter(|member| harness.query_by_label(&member.name).is_some())
            .count();
        let widths: Vec<f32> = workspace
            .skills
            .iter()
            .filter_map(|skill| {
                let label = format!("Sort by {}", skill.name);
                harness
                    .query_by_label(&label)
                    .map(|header| header.rect().width())
            })
            .collect();
        let right = widths.len();
        (
            rows,
            right,
            widths.first().copied().unwrap_or(0.0),
            workspace.skills.len(),
        )
    };
    let (rows, _, narrow, _) = rows_shown([1280.0, 800.0]);
    assert!(rows >= 20, "{rows} rows at 1280x800");
    let (_, columns, wide, skills) = rows_shown([1920.0, 1080.0]);
    assert_eq!(columns, skills, "every skill in view at 1920x1080");
    assert!(
        wide > narrow + 6.0,
        "the cells grow to use a wide window: {wide} against {narrow}"
    );
}
