//! Helpers the window tests share.

pub mod git;

use eframe::egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use skillgrid::ui::SkillgridApp;

/// Picks `option` in the combo box labelled `combo`: of the widgets named
/// `option`, the last that is not plain text is the popup's entry.
#[allow(dead_code)]
pub fn choose(harness: &mut Harness<'_, SkillgridApp>, combo: &str, option: &str) {
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run();
    harness
        .query_all_by_label(option)
        .rfind(|node| node.accesskit_node().role() != Role::Label)
        .expect("the option is listed")
        .click();
    harness.run();
}

/// The matrix column of the skill with id `skill`.
#[allow(dead_code)]
pub fn column(harness: &Harness<'_, SkillgridApp>, skill: &str) -> usize {
    harness
        .state()
        .state()
        .document()
        .workspace
        .skill_index(&skillgrid::model::SkillId::new(skill))
        .expect("tracked")
}

/// Answers a file dialog as the user would: `path` picked for `intent`.
#[allow(dead_code)]
pub fn pick(
    harness: &mut Harness<'_, SkillgridApp>,
    intent: skillgrid::app::FileIntent,
    path: impl Into<std::path::PathBuf>,
) {
    harness
        .state()
        .state()
        .sender()
        .send(skillgrid::app::JobResult::Picked(intent, Some(path.into())))
        .expect("sent");
    harness.run();
}

/// Steps the window until `done` holds: work on other threads repaints
/// meanwhile (a spinner), so `run` alone would not return. Then settles it.
#[allow(dead_code)]
pub fn until(
    harness: &mut Harness<'_, SkillgridApp>,
    done: impl Fn(&skillgrid::app::AppState) -> bool,
) {
    for _ in 0..500 {
        harness.step();
        if done(harness.state().state()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        done(harness.state().state()),
        "the work on the worker finished"
    );
    harness.run();
}

/// Steps the window until a load on its worker is done, then settles it.
#[allow(dead_code)]
pub fn wait_for_load(harness: &mut Harness<'_, SkillgridApp>) {
    until(harness, |state| state.pending().is_none());
}

/// Runs the command line from the project folder, as a user would.
#[allow(dead_code)]
pub fn skillgrid(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_skillgrid"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

/// A window at 1280x800 around `state`, run until it settles.
#[allow(dead_code)]
pub fn window(state: skillgrid::app::AppState) -> Harness<'static, SkillgridApp> {
    let mut state = Some(state);
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_| SkillgridApp::with_state(state.take().expect("built once")));
    harness.run();
    harness
}

/// The app with `path` opened as its document, on the matrix (not yet in
/// a window).
#[allow(dead_code)]
pub fn opened(path: &std::path::Path) -> skillgrid::app::AppState {
    use skillgrid::app::{AppState, FileIntent, Preferences, View};
    let mut state = AppState::new(
        AppState::sample_document(),
        Preferences::opening_on(View::Matrix),
    );
    let result = skillgrid::io::open_path(path, skillgrid::catalog::builtin());
    state.finish_open(path, FileIntent::Open, result);
    state
}

/// A path as the command line takes it.
#[allow(dead_code)]
pub fn text(path: &std::path::Path) -> &str {
    path.to_str().expect("utf-8")
}

/// A copy of the history sample (three 2026 rounds) to change.
#[allow(dead_code)]
pub fn history_copy(folder: &std::path::Path) -> std::path::PathBuf {
    let path = folder.join("org.skillgrid");
    std::fs::copy("sample-teams/product-org-history.skillgrid", &path).expect("copied");
    path
}

/// Runs the command line: whether it succeeded, what it printed, what it
/// said on stderr.
#[allow(dead_code)]
pub fn run(args: &[&str]) -> (bool, String, String) {
    let ran = skillgrid(args);
    (
        ran.status.success(),
        String::from_utf8_lossy(&ran.stdout).to_string(),
        String::from_utf8_lossy(&ran.stderr).to_string(),
    )
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
#[allow(dead_code)]
pub struct Dropped(pub std::path::PathBuf);

impl eframe::egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}
