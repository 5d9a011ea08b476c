//! Nothing lost: the recovery file after a crash, saving over a file that
//! changed on disk, and a save that fails.

use eframe::egui::{self, Key, Modifiers};
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
        .document()
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
        assert!(state.recovery_offers().is_empty());
        let skill = programming(&state);
        state.set_level(0, skill, Some(Level::NONE));
        state.maintain_recovery();
        state.recovery_mut().expect("recovery").flush();
        // The app is killed here: no clean exit.
    }
    let offers = store.offers();
    assert_eq!(offers.len(), 1, "an offer is left behind");
    assert_eq!(offers[0].info.changes, 1);
    assert_eq!(offers[0].info.name, "product-org.csv (sample)");

    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(store.clone());
    let mut harness = harness_with(state);
    harness.run();
    harness.get_by_label("Restore unsaved work?");
    harness.get_by_label_contains("1 unsaved change was kept");
    harness.get_by_label("Restore").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(
        state.document().name,
        "product-org.csv (sample) (recovered)"
    );
    assert!(state.document().is_dirty());
    let skill = programming(state);
    assert_eq!(
        state.document().workspace.cell(0, skill).level(),
        Some(Level::NONE)
    );
    assert!(harness.query_by_label("Restore unsaved work?").is_none());

    harness
        .state_mut()
        .state_mut()
        .recovery_mut()
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
    state.recovery_mut().expect("recovery").flush();
    drop(state);

    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(store.clone());
    let mut harness = harness_with(state);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!store.exists());
    let skill = programming(harness.state().state());
    assert_ne!(
        harness
            .state()
            .state()
            .document()
            .workspace
            .cell(1, skill)
            .level(),
        Some(Level::EXPERT)
    );
}

#[test]
fn cell_edits_reach_the_recovery_copy_within_the_interval_and_structural_ones_at_once() {
    let folder = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(folder.path());
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(store.clone());
    let skill = programming(&state);
    let start = Instant::now();
    let maintain_at = |state: &mut AppState, millis: u64| {
        state.maintain_recovery_at(start + std::time::Duration::from_millis(millis));
        state.recovery_mut().expect("recovery").flush();
    };
    // What the copy holds (the live window's own copy is held, so it is
    // read by its key rather than offered).
    let copy = |state: &AppState| {
        let recovery = state.recovery().expect("recovery");
        let key = recovery.current_key().expect("a copy");
        std::fs::read_to_string(store.copies_folder().join(key).join("info.json"))
            .expect("an offer")
    };
    let interval = RECOVERY_INTERVAL.as_millis() as u64;

    state.set_level(0, skill, Some(Level::NONE));
    maintain_at(&mut state, 0);
    assert!(copy(&state).contains("\"changes\": 1"));
    state.set_level(1, skill, Some(Level::NONE));
    maintain_at(&mut state, interval / 2);
    assert!(
        copy(&state).contains("\"changes\": 1"),
        "not yet: within the interval"
    );
    maintain_at(&mut state, interval + 1);
    assert!(copy(&state).contains("\"changes\": 2"));

    state.plan_hire(RoleId::new("technical-manager"), None, None);
    maintain_at(&mut state, interval + 2);
    assert!(
        copy(&state).contains("\"changes\": 3"),
        "a structural change at once"
    );
    let key = state
        .recovery()
        .and_then(|r| r.current_key())
        .expect("a copy")
        .to_string();
    let kept = store.load(&key).expect("readable");
    assert_eq!(kept.value.plan.hires.len(), 1);

    let saved = folder.path().join("team.json");
    state.save_to(&saved).expect("saves");
    maintain_at(&mut state, interval + 3);
    assert!(
        !store.copies_folder().join(&key).exists(),
        "nothing unsaved, nothing to recover"
    );
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
    assert!(harness.state().state().document().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Overwrite").click();
    harness.run();
    // A CSV cannot hold the edit's dated record: the roster alone is written.
    harness.get_by_label("Write the roster only").click();
    harness.run();
    let written = std::fs::read_to_string(&path).expect("read");
    assert!(!written.contains("Someone Else"));
    assert!(harness.state().state().document().is_dirty());
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
    let error = state.save_roster_only(&gone).unwrap_err().to_string();
    assert!(error.contains("cannot save"), "{error}");
    assert!(error.contains("unchanged"), "{error}");
    assert!(state.document().is_dirty(), "still unsaved");
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
    state.recovery_mut().expect("recovery").flush();
    assert!(state.recovery().expect("recovery").error.is_some());
    let mut harness = harness_with(state);
    harness.run();
    harness.get_by_label("recovery copy failed");
}

#[test]
fn an_edit_reaches_the_recovery_copy_though_the_window_gets_no_more_input() {
    let folder = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(folder.path());
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(store.clone());
    let skill = programming(&state);
    let mut harness = harness_with(state);
    harness.run();
    let changes_kept = |harness: &mut Harness<'_, SkillgridApp>| {
        let recovery = harness.state_mut().state_mut().recovery_mut().expect("on");
        recovery.flush();
        let key = recovery.current_key().expect("a copy").to_string();
        let info = std::fs::read_to_string(store.copies_folder().join(key).join("info.json"))
            .expect("written");
        info.contains(&format!(
            "\"changes\": {}",
            harness.state().state().document().unsaved_changes()
        ))
    };

    // The first edit is copied in the frame it is made.
    harness
        .state_mut()
        .state_mut()
        .set_level(0, skill, Some(Level::NONE));
    harness.run();
    assert!(changes_kept(&mut harness));

    // The second comes too soon after: the window asks to be woken for it.
    harness
        .state_mut()
        .state_mut()
        .set_level(1, skill, Some(Level::NONE));
    harness.run();
    let wake = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .expect("root")
        .repaint_delay;
    assert!(
        wake <= RECOVERY_INTERVAL,
        "asks to be woken within {wake:?}"
    );
    assert!(!changes_kept(&mut harness), "not yet written");

    // Woken with no input at all, it writes the copy.
    std::thread::sleep(RECOVERY_INTERVAL);
    harness.step();
    assert!(changes_kept(&mut harness));
}

#[test]
fn two_windows_keep_two_copies_and_both_are_offered_after_both_crash() {
    let folder = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(folder.path());
    let edited = |level: Level| {
        let mut state = AppState::new(AppState::sample_document(), Preferences::default());
        state.use_recovery(store.clone());
        let skill = programming(&state);
        state.set_level(0, skill, Some(level));
        state.maintain_recovery();
        state.recovery_mut().expect("recovery").flush();
        state
    };
    let first = edited(Level::NONE);
    let second = edited(Level::EXPERT);
    // While both run, neither offers the other's copy.
    assert!(store.offers().is_empty(), "live copies are not offered");
    drop(first);
    drop(second);
    let offers = store.offers();
    assert_eq!(offers.len(), 2, "{offers:?}");
    let levels: Vec<Option<Level>> = offers
        .iter()
        .map(|offer| {
            let workspace = store.load(&offer.key).expect("readable").value;
            let skill = workspace
                .skill_index(&SkillId::new("programming"))
                .expect("tracked");
            workspace.cell(0, skill).level()
        })
        .collect();
    assert!(levels.contains(&Some(Level::NONE)) && levels.contains(&Some(Level::EXPERT)));

    // Both are offered at the next start; restoring one keeps the other.
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(store.clone());
    let mut harness = harness_with(state);
    harness.run();
    harness.get_by_label_contains("closed without saving 2 documents");
    harness
        .query_all_by_label("Restore")
        .next()
        .expect("a copy to restore")
        .click();
    harness.run();
    assert!(harness.query_by_label("Restore unsaved work?").is_none());
    let left = store.offers();
    assert_eq!(left.len(), 1, "the other stays for the next start");
}

#[cfg(unix)]
#[test]
fn recovery_copies_are_for_their_owner_alone() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("temp dir");
    let store = RecoveryStore::new(folder.path().join("skillgrid"));
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    state.use_recovery(store.clone());
    let skill = programming(&state);
    state.set_level(0, skill, Some(Level::NONE));
    state.maintain_recovery();
    let recovery = state.recovery_mut().expect("recovery");
    recovery.flush();
    assert_eq!(recovery.error, None);
    let key = recovery.current_key().expect("a copy").to_string();
    let mode = |path: &Path| std::fs::metadata(path).expect("meta").permissions().mode() & 0o777;
    let copy = store.copies_folder().join(key);
    assert_eq!(mode(&store.copies_folder()), 0o700);
    assert_eq!(mode(&copy), 0o700);
    for file in std::fs::read_dir(&copy).expect("list").flatten() {
        assert_eq!(mode(&file.path()), 0o600, "{:?}", file.file_name());
    }
}

#[test]
fn an_outside_edit_that_keeps_size_and_time_is_still_noticed() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("team.csv");
    std::fs::copy("sample-teams/platform-team.csv", &path).expect("copy");
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    open(&mut state, &path);
    assert!(!state.document().changed_on_disk());
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("time");
    let text = std::fs::read_to_string(&path).expect("read");
    // Another program changes a letter and puts the time back.
    let theirs = text.replacen('a', "e", 1);
    assert!(theirs != text && theirs.len() == text.len());
    std::fs::write(&path, &theirs).expect("write");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|file| file.set_modified(modified))
        .expect("time put back");
    assert!(state.document().changed_on_disk());
}
