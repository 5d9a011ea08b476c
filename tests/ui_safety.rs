//! Nothing lost: the recovery file after a crash, saving over a file that
//! changed on disk, and a save that fails.

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use skillgrid::app::{AppState, FileIntent, Preferences, RECOVERY_INTERVAL, RecoveryStore};
use skillgrid::model::{Level, RoleId, SkillId};
use skillgrid::ui::SkillgridApp;
use skillgrid::{catalog, io};
use std::path::Path;
use std::time::Instant;

fn programming(state: &AppState) -> usize {
    state
        .document
        .workspace
        .skill_index(&SkillId::new("programming"))
        .expect("tracked")
}

fn harness_with(state: AppState) -> Harness<'static, SkillgridApp> {
    let mut state = Some(state);
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| SkillgridApp::with_state(state.take().expect("built once")))
}

fn open(state: &mut AppState, path: &Path) {
    let result = io::open_path(path, catalog::builtin());
    state.finish_open(path, FileIntent::Open, result);
}

#[test]
fn unsaved_work_is_offered_back_after_a_crash_and_a_clean_exit_removes_it() {
    let folder = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(folder.path());
    {
        let mut state = AppState::new(AppState::sample_document(), Preferences::default());
        state.use_recovery(store.clone());
        assert!(state.recovery_offer.is_none());
        let skill = programming(&state);
        state.set_level(0, skill, Some(Level::NONE));
        state.maintain_recovery();
        state.recovery.as_mut().expect("recovery").flush();
        // The app is killed here: no clean exit.
    }
    let offer = store.offer().expect("an offer is left behind");
    assert_eq!(offer.changes, 1);
    assert_eq!(offer.name, "product-org.csv (sample)");

    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(store.clone());
    let mut harness = harness_with(state);
    harness.run();
    harness.get_by_label("Restore unsaved work?");
    harness.get_by_label_contains("1 unsaved change was kept");
    harness.get_by_label("Restore").click();
    harness.run();
    let state = &harness.state().state;
    assert_eq!(state.document.name, "product-org.csv (sample) (recovered)");
    assert!(state.document.is_dirty());
    let skill = programming(state);
    assert_eq!(
        state.document.workspace.cell(0, skill).level(),
        Some(Level::NONE)
    );
    assert!(harness.query_by_label("Restore unsaved work?").is_none());

    harness
        .state_mut()
        .state
        .recovery
        .as_mut()
        .expect("recovery")
        .clean_exit();
    assert!(!store.exists(), "a clean exit leaves nothing to recover");
}

#[test]
fn discarding_the_offer_removes_the_recovery_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(folder.path());
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(store.clone());
    let skill = programming(&state);
    state.set_level(1, skill, Some(Level::EXPERT));
    state.maintain_recovery();
    state.recovery.as_mut().expect("recovery").flush();
    drop(state);

    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(store.clone());
    let mut harness = harness_with(state);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!store.exists());
    let skill = programming(&harness.state().state);
    assert_ne!(
        harness
            .state()
            .state
            .document
            .workspace
            .cell(1, skill)
            .level(),
        Some(Level::EXPERT)
    );
}

#[test]
fn cell_edits_reach_the_recovery_file_within_a_minute_and_structural_ones_at_once() {
    let folder = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(folder.path());
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(store.clone());
    let skill = programming(&state);
    let start = Instant::now();
    let maintain_at = |state: &mut AppState, seconds: u64| {
        let recovery = state.recovery.as_mut().expect("recovery");
        recovery.maintain(
            &state.document,
            start + std::time::Duration::from_secs(seconds),
        );
        recovery.flush();
    };

    state.set_level(0, skill, Some(Level::NONE));
    maintain_at(&mut state, 0);
    assert_eq!(store.offer().expect("written").changes, 1);
    state.set_level(1, skill, Some(Level::NONE));
    maintain_at(&mut state, 10);
    assert_eq!(
        store.offer().expect("kept").changes,
        1,
        "not yet: within the minute"
    );
    maintain_at(&mut state, RECOVERY_INTERVAL.as_secs() + 1);
    assert_eq!(store.offer().expect("kept").changes, 2);

    state.plan_hire(RoleId::new("technical-manager"), None);
    maintain_at(&mut state, RECOVERY_INTERVAL.as_secs() + 2);
    assert_eq!(
        store.offer().expect("kept").changes,
        3,
        "a structural change at once"
    );
    let kept = store.load().expect("readable");
    assert_eq!(kept.value.plan.hires.len(), 1);

    let saved = folder.path().join("team.json");
    state.save_to(&saved).expect("saves");
    maintain_at(&mut state, RECOVERY_INTERVAL.as_secs() + 3);
    assert!(!store.exists(), "nothing unsaved, nothing to recover");
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("team.csv");
    std::fs::copy("sample-teams/platform-team.csv", &path).expect("copy");
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    open(&mut state, &path);
    let skill = programming(&state);
    state.set_level(0, skill, Some(Level::NONE));
    let mut harness = harness_with(state);
    harness.run();

    let theirs = format!(
        "{}Someone Else,,,,\n",
        std::fs::read_to_string(&path).expect("read")
    );
    std::fs::write(&path, &theirs).expect("another program writes");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("The file changed on disk");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "not yet written"
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    assert!(harness.state().state.document.is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Overwrite").click();
    harness.run();
    let written = std::fs::read_to_string(&path).expect("read");
    assert!(!written.contains("Someone Else"));
    assert!(!harness.state().state.document.is_dirty());
}

#[test]
fn a_save_that_fails_keeps_the_file_and_says_why() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("team.csv");
    std::fs::copy("sample-teams/platform-team.csv", &path).expect("copy");
    let before = std::fs::read(&path).expect("read");
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    open(&mut state, &path);
    let skill = programming(&state);
    state.set_level(0, skill, Some(Level::NONE));
    // The folder disappears (an unplugged drive): the save cannot even start.
    let gone = folder.path().join("gone").join("team.csv");
    let error = state.save_to(&gone).unwrap_err();
    assert!(error.contains("cannot save"), "{error}");
    assert!(error.contains("unchanged"), "{error}");
    assert!(state.document.is_dirty(), "still unsaved");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_recovery_copy_that_cannot_be_written_says_so_in_the_status_bar() {
    let folder = tempfile::tempdir().expect("temp dir");
    let blocker = folder.path().join("not-a-folder");
    std::fs::write(&blocker, "a file where the data folder should be").expect("write");
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(RecoveryStore::new(blocker.join("skillgrid")));
    let skill = programming(&state);
    state.set_level(0, skill, Some(Level::NONE));
    state.maintain_recovery();
    state.recovery.as_mut().expect("recovery").flush();
    assert!(state.recovery.as_ref().expect("recovery").error.is_some());
    let mut harness = harness_with(state);
    harness.run();
    harness.get_by_label("recovery copy failed");
}
