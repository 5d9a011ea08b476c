//! Skills over time in the window: a manager opens last quarter's file,
//! imports this quarter's spreadsheet as a round, and sees what changed.

mod common;
use common::pick;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use skillgrid::app::{AppState, Command, FileIntent, Preferences, View};
use skillgrid::io;
use skillgrid::model::{Cell, Date, Level};
use skillgrid::ui::SkillgridApp;
use std::path::{Path, PathBuf};

fn date(text: &str) -> Date {
    text.parse().expect("a test date")
}

/// The history sample, copied where a test may save it.
fn sample_copy(folder: &Path) -> PathBuf {
    let path = folder.join("product-org.skillgrid");
    std::fs::copy("sample-teams/product-org-history.skillgrid", &path).expect("copied");
    path
}

fn opened(path: &Path) -> AppState {
    let mut state = AppState::new(
        AppState::sample_document(),
        Preferences::opening_on(skillgrid::app::View::Matrix),
    );
    state.set_today(date("2026-12-01"));
    let result = io::open_path(path, skillgrid::catalog::builtin());
    state.finish_open(path, FileIntent::Open, result);
    state
}

fn window(state: AppState) -> Harness<'static, SkillgridApp> {
    let mut state = Some(state);
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| SkillgridApp::with_state(state.take().expect("built once")));
    harness.run();
    harness
}

fn column(harness: &Harness<'_, SkillgridApp>, name: &str) -> usize {
    let workspace = &harness.state().state().document().workspace;
    workspace
        .skills
        .iter()
        .position(|skill| skill.name == name)
        .expect("tracked")
}

fn member(harness: &Harness<'_, SkillgridApp>, name: &str) -> usize {
    let workspace = &harness.state().state().document().workspace;
    workspace.find_member(name).expect("a member")
}

#[test]
fn a_round_imported_from_the_file_menu_shows_what_moved_and_undoes() {
    let folder = tempfile::tempdir().expect("folder");
    let path = sample_copy(folder.path());
    let round = folder.path().join("q4.csv");
    std::fs::write(
        &round,
        "Name,Email,K8s,Observability\r\nZoë Müller,zoe.muller@example.com,4,\r\nLeila Karimi,leila.karimi@example.com,,1\r\n",
    )
    .expect("written");
    let mut harness = window(opened(&path));
    let before = harness.state().state().document().workspace.clone();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
    // Menu entries carry their (empty) shortcut column in the name.
    harness
        .get_by_label_contains("Roster as a new round of ratings…")
        .click();
    harness.run();
    pick(&mut harness, FileIntent::PickRound, &round);
    harness.get_by_label("Import a roster as a new round");
    harness.get_by_label("Import round").click();
    // The menu's file dialog answers from a thread of its own (here, that
    // there is none): its repaint may land now, so step rather than settle.
    harness.run_steps(8);
    // The preview shows how the columns read before anything changes.
    harness.get_by_label_contains("Import q4.csv as the round of");
    harness.get_by_label("Will import 2 members and 2 skills.");
    assert_eq!(harness.state().state().document().workspace, before);
    harness.get_by_label("Import").click();
    common::wait_for_load(&mut harness);
    let state = harness.state().state();
    assert!(state.round_request().is_none(), "the question is answered");
    let notice = state.notice().unwrap_or_default().to_string();
    assert!(notice.contains("2 changes recorded"), "{notice}");
    assert_eq!(
        state.filter().since,
        Some(date("2026-09-30")),
        "the last round's changes show"
    );
    let changed = &state.derived().changed;
    assert_eq!((changed.up, changed.down), (1, 1));
    harness.get_by_label("1 up");
    harness.get_by_label("1 down");
    let zoe = member(&harness, "Zoë Müller");
    let kubernetes = column(&harness, "Containers & Kubernetes");
    let workspace = &harness.state().state().document().workspace;
    assert_eq!(
        workspace.cell(zoe, kubernetes),
        Cell::assessed(Level::EXPERT)
    );

    // The cell's tooltip tells its past.
    harness
        .get_by_label_contains("Zoë Müller / Containers & Kubernetes")
        .hover();
    harness.run();
    harness.get_by_label("History");
    harness.get_by_label_contains("2026-06-30  2 working  (manager)");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().state().document().workspace, before);
}

#[test]
fn a_cell_edit_is_dated_today_and_a_save_writes_it_in_place() {
    let folder = tempfile::tempdir().expect("folder");
    let path = sample_copy(folder.path());
    let mut harness = window(opened(&path));
    let zoe = member(&harness, "Zoë Müller");
    let skill = column(&harness, "Observability");
    harness
        .state_mut()
        .state_mut()
        .apply(Command::Select(Some((zoe, skill))));
    harness.run();
    harness.key_press(Key::Num4);
    harness.run();
    let workspace = &harness.state().state().document().workspace;
    let last = *workspace
        .history
        .row(zoe)
        .of_skill(skill as u32)
        .last()
        .expect("recorded");
    assert_eq!(last.as_of, Some(date("2026-12-01")));
    assert_eq!(last.cell, Cell::assessed(Level::EXPERT));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(
        !harness.state().state().document().is_dirty(),
        "saved without asking"
    );
    let saved = io::read_database(&path).expect("reopens").value.workspace;
    assert_eq!(
        saved,
        harness
            .state()
            .state()
            .document()
            .workspace
            .as_ref()
            .clone()
    );

    // Another window with the file open saves too: it is asked first.
    let mut other = window(opened(&path));
    harness
        .state_mut()
        .state_mut()
        .set_level(zoe, skill, Some(Level::AWARENESS));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    other
        .state_mut()
        .state_mut()
        .set_level(zoe, skill, Some(Level::NONE));
    other.key_press_modifiers(Modifiers::COMMAND, Key::S);
    other.run();
    other.get_by_label("The file changed on disk");
    let on_disk = io::read_database(&path).expect("reopens").value.workspace;
    assert_eq!(
        on_disk.cell(zoe, skill),
        Cell::assessed(Level::AWARENESS),
        "the first save kept"
    );
}

#[test]
fn fit_and_gaps_show_the_rounds() {
    let folder = tempfile::tempdir().expect("folder");
    let path = sample_copy(folder.path());
    let mut harness = window(opened(&path));
    let zoe = member(&harness, "Zoë Müller");
    harness.state_mut().selection.people.member = Some(zoe);
    harness
        .state_mut()
        .state_mut()
        .apply(Command::ShowView(View::Fit));
    harness.run();
    harness.get_by_label("Skills over time");
    harness.get_by_label_contains("Containers & Kubernetes 1 to 3");
    harness
        .state_mut()
        .state_mut()
        .apply(Command::ShowView(View::Gaps));
    harness.run();
    harness.get_by_label("Bench over time");
    harness.get_by_label("Observability (2 to 1)").click();
    harness.run();
    assert_eq!(
        harness.state().state().view(),
        View::Matrix,
        "the link shows the skill"
    );
}

#[test]
fn the_stale_filter_shows_who_has_old_ratings() {
    let folder = tempfile::tempdir().expect("folder");
    let path = sample_copy(folder.path());
    let mut harness = window(opened(&path));
    harness
        .get_by_label("Stale: last rated over 12 months ago")
        .click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.derived().rows.len(), 1, "only Mei Chen");
    let mei = state
        .document()
        .workspace
        .find_member("Mei Chen")
        .expect("Mei");
    assert_eq!(state.derived().rows, [mei]);
    harness.get_by_label("1 cell before 2025-12-01");
    harness.get_by_label("Stale after");

    // Six months: every rating the first round gave and none since moved.
    harness
        .state_mut()
        .state_mut()
        .apply(Command::SetStaleMonths(6));
    harness.run();
    let state = harness.state().state();
    assert_eq!(
        state.workspace().settings.stale_months,
        6,
        "saved with the workspace"
    );
    assert_eq!(state.filter().stale_before, Some(date("2026-06-01")));
    assert!(
        state.derived().rows.len() > 40,
        "{}",
        state.derived().rows.len()
    );
    harness.get_by_label("Stale: last rated over 6 months ago");
}

#[test]
fn a_note_on_the_selected_cell_is_kept_with_its_latest_rating() {
    let folder = tempfile::tempdir().expect("folder");
    let path = sample_copy(folder.path());
    let mut harness = window(opened(&path));
    let zoe = member(&harness, "Zoë Müller");
    let kubernetes = column(&harness, "Containers & Kubernetes");
    harness
        .state_mut()
        .state_mut()
        .apply(Command::Select(Some((zoe, kubernetes))));
    harness.run();
    harness.get_by_label("last rated 2026-09-30 by manager");
    harness.get_by_label("Note").click();
    harness.run();
    harness
        .get_by_label("Note")
        .type_text("ran the cluster upgrade");
    harness.run();
    assert_eq!(
        harness.state().selection.matrix.note,
        "ran the cluster upgrade"
    );
    // Typing in the note never edits the level.
    let workspace = &harness.state().state().document().workspace;
    assert_eq!(
        workspace.cell(zoe, kubernetes),
        Cell::assessed(Level::PROFICIENT)
    );
    harness.get_by_label("Save note").click();
    harness.run();
    let row = harness
        .state()
        .state()
        .document()
        .workspace
        .history
        .row(zoe);
    let latest = row.of_skill(kubernetes as u32).last().expect("rated");
    assert_eq!(row.note_for(latest), Some("ran the cluster upgrade"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = io::read_database(&path).expect("reopens").value.workspace;
    let row = saved.history.row(zoe);
    let latest = row.of_skill(kubernetes as u32).last().expect("rated");
    assert_eq!(row.note_for(latest), Some("ran the cluster upgrade"));
}

#[test]
fn an_edit_wins_over_a_round_dated_ahead_of_today() {
    let folder = tempfile::tempdir().expect("folder");
    let path = sample_copy(folder.path());
    let mut state = opened(&path);
    state.set_today(date("2026-09-15"));
    let mut harness = window(state);
    let zoe = member(&harness, "Zoë Müller");
    let kubernetes = column(&harness, "Containers & Kubernetes");
    harness
        .state_mut()
        .state_mut()
        .set_level(zoe, kubernetes, Some(Level::AWARENESS));
    harness.run();
    let workspace = &harness.state().state().document().workspace;
    assert_eq!(
        workspace.cell(zoe, kubernetes),
        Cell::assessed(Level::AWARENESS)
    );
    let last = workspace
        .history
        .row(zoe)
        .of_skill(kubernetes as u32)
        .last()
        .copied()
        .expect("recorded");
    assert_eq!(
        last.as_of,
        Some(date("2026-09-30")),
        "dated with the round it overrides"
    );
}
