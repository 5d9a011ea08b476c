//! The new user's walk-through, defect by defect: each test does what a
//! manager or lead did when the defect was found, and checks what they
//! should see instead.

mod common;
use common::{choose, column, pick};
use eframe::egui::{self, Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use skillgrid::analysis::HireReason;
use skillgrid::app::{
    AppState, Command, Document, FileIntent, JobResult, Preferences, SortKey, View,
};
use skillgrid::ui::{FileDialogs, SkillgridApp};
use skillgrid::{catalog, io};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::mpsc::Sender;

/// Records what the app asked a dialog for, and answers nothing.
struct FakeDialogs(Rc<RefCell<Vec<FileIntent>>>);

impl FileDialogs for FakeDialogs {
    fn pick(&self, intent: FileIntent, _: Option<String>, _: Sender<JobResult>, _: egui::Context) {
        self.0.borrow_mut().push(intent);
    }
}

fn opened(path: &Path) -> AppState {
    let mut state = AppState::new(
        AppState::sample_document(),
        Preferences::opening_on(skillgrid::app::View::Matrix),
    );
    let result = io::open_path(path, catalog::builtin());
    state.finish_open(path, FileIntent::Open, result);
    state
}

fn harness_at(
    state: AppState,
    size: [f32; 2],
    asked: Rc<RefCell<Vec<FileIntent>>>,
) -> Harness<'static, SkillgridApp> {
    let mut state = Some(state);
    Harness::builder().with_size(size).build_eframe(move |_| {
        let mut app = SkillgridApp::with_state(state.take().expect("built once"));
        app.dialogs = Box::new(FakeDialogs(asked));
        app
    })
}

fn sample_at(size: [f32; 2]) -> Harness<'static, SkillgridApp> {
    harness_at(
        AppState::new(
            AppState::sample_document(),
            Preferences::opening_on(skillgrid::app::View::Matrix),
        ),
        size,
        Rc::default(),
    )
}

fn staffing_sample_at(size: [f32; 2]) -> Harness<'static, SkillgridApp> {
    let path = Path::new("sample-teams/product-org-staffing.json");
    let imported = io::open_path(path, catalog::builtin()).expect("the sample opens");
    let document = Document::new(imported.value, "product-org-staffing.json", None);
    let mut harness = harness_at(
        AppState::new(
            document,
            Preferences::opening_on(skillgrid::app::View::Matrix),
        ),
        size,
        Rc::default(),
    );
    go_to(&mut harness, View::Staffing);
    harness
}

fn go_to(harness: &mut Harness<'_, SkillgridApp>, view: View) {
    harness.get_by_label(view.label()).click();
    harness.run();
}

/// A copy of a sample in a folder of its own, to save over.
fn copy_of(sample: &str) -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder
        .path()
        .join(Path::new(sample).file_name().expect("name"));
    std::fs::copy(sample, &path).expect("copied");
    (folder, path)
}

// 1. A CSV save never drops projects without asking.

#[test]
fn saving_a_roster_csv_with_a_project_asks_and_keeps_the_unsaved_mark() {
    let (_folder, path) = copy_of("sample-teams/product-org.csv");
    let before = std::fs::read(&path).expect("read");
    let asked = Rc::new(RefCell::new(Vec::new()));
    let mut harness = harness_at(opened(&path), [1280.0, 800.0], asked.clone());
    go_to(&mut harness, View::Staffing);
    harness.get_by_label("New project").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();

    harness.get_by_label("A roster CSV cannot hold all of this workspace");
    harness.get_by_label_contains("• 1 project");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "nothing written"
    );
    assert!(harness.state().state().document().is_dirty());

    harness.get_by_label("Save as workspace…").click();
    harness.run();
    assert_eq!(*asked.borrow(), [FileIntent::SaveAs]);
    assert!(harness.query_by_label("Save as workspace…").is_none());

    // The dialog answers with a workspace: everything is on disk.
    let workspace = path.with_extension("json");
    pick(&mut harness, FileIntent::SaveAs, workspace.clone());
    assert!(!harness.state().state().document().is_dirty());
    let reopened = io::open_path(&workspace, catalog::builtin()).expect("reopens");
    assert_eq!(reopened.value.projects.len(), 1);
}

#[test]
fn writing_the_roster_only_says_what_stays_unsaved_and_quit_still_asks() {
    let (_folder, path) = copy_of("sample-teams/product-org.csv");
    let mut harness = harness_at(opened(&path), [1280.0, 800.0], Rc::default());
    go_to(&mut harness, View::Staffing);
    harness.get_by_label("New project").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Write the roster only").click();
    harness.run();
    let state = harness.state().state();
    assert!(state.document().is_dirty(), "the project is not on disk");
    let notice = state.notice().map(str::to_string).unwrap_or_default();
    assert!(notice.contains("not written: 1 project"), "{notice}");
    assert!(notice.contains("Still unsaved"), "{notice}");

    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label("Save changes before closing?");
}

#[test]
fn exporting_a_roster_csv_names_what_it_leaves_out() {
    let path = Path::new("sample-teams/product-org-staffing.json");
    let folder = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_at(opened(path), [1280.0, 800.0], Rc::default());
    let out = folder.path().join("roster.csv");
    pick(
        &mut harness,
        FileIntent::Export(io::Layout::Wide),
        out.clone(),
    );
    assert!(out.exists());
    let notice = harness
        .state()
        .state()
        .notice()
        .map(str::to_string)
        .unwrap_or_default();
    assert!(notice.contains("not written: 3 projects"), "{notice}");
    assert!(
        notice.contains("a workspace (.skillgrid) keeps everything"),
        "{notice}"
    );

    let projects = folder.path().join("projects.csv");
    pick(&mut harness, FileIntent::ExportProjects, projects.clone());
    let notice = harness
        .state()
        .state()
        .notice()
        .map(str::to_string)
        .unwrap_or_default();
    assert!(notice.contains("Exported 3 projects"), "{notice}");
    assert!(notice.contains("not written: the roster"), "{notice}");
}

// 2. "Plan this hire" on a span breach resolves it.

#[test]
fn planning_a_manager_for_a_span_breach_moves_reports_and_resolves_it() {
    let mut harness = sample_at([1280.0, 800.0]);
    go_to(&mut harness, View::Hiring);
    let breaches = |harness: &Harness<'_, SkillgridApp>| {
        let results = harness
            .state()
            .state()
            .insights()
            .results()
            .expect("analysed");
        results.shown().span_of_control.breaches.len()
    };
    assert_eq!(breaches(&harness), 1);
    harness
        .query_all_by_label("Plan this hire")
        .next()
        .expect("the span hire comes first")
        .click();
    harness.run();

    let state = harness.state().state();
    let hire = &state.document().workspace.plan.hires[0];
    assert_eq!(hire.reports.len(), 3, "11 reports, 8 at most: 3 move");
    assert_eq!(
        breaches(&harness),
        0,
        "the breach it was planned for is gone"
    );
    let results = harness
        .state()
        .state()
        .insights()
        .results()
        .expect("analysed");
    assert!(
        !results
            .shown()
            .hiring
            .hires
            .iter()
            .any(|h| matches!(h.reason, HireReason::SpanOfControl { .. })),
        "no longer recommended"
    );
    harness.get_by_label_contains("Planned in the what-if: Engineering Manager taking 3 reports");
    harness.get_by_label_contains("takes 3 reports from Marcus Webb");
    assert!(
        harness
            .query_by_label_contains("(Engineering Manager) (Engineering Manager)")
            .is_none()
    );

    // Which reports move is the manager's call: keep one with Marcus.
    harness
        .get_by_label_contains("takes 3 reports from Marcus Webb")
        .click();
    harness.run();
    let moved = harness.state().state().document().workspace.plan.hires[0].reports[0].clone();
    let name = {
        let workspace = &harness.state().state().document().workspace;
        workspace.members[workspace.find_member(&moved).expect("a member")]
            .name
            .clone()
    };
    harness.get_by_role_and_label(Role::CheckBox, &name).click();
    harness.run();
    let hire = &harness.state().state().document().workspace.plan.hires[0];
    assert_eq!(hire.reports.len(), 2);
    assert_eq!(breaches(&harness), 1, "Marcus has 9 again");
}

// 3. A skill header is hit where it is drawn.

#[test]
fn a_skill_header_is_hit_where_its_name_is_drawn() {
    let mut harness = sample_at([1280.0, 800.0]);
    let kubernetes = column(&harness, "kubernetes");
    let header = harness
        .get_by_label("Sort by Containers & Kubernetes")
        .rect();
    assert!(header.width() <= 31.0, "one column wide: {header:?}");

    // The top of the name, where the slanted text used to run over the
    // next columns.
    harness.hover_at(egui::pos2(header.center().x, header.top() + 12.0));
    harness.run();
    harness.get_by_label_contains("Containers & Kubernetes (hard");
    assert!(
        harness
            .query_by_label_contains("Infrastructure as Code (hard")
            .is_none()
    );
    harness
        .get_by_label("Sort by Containers & Kubernetes")
        .click();
    harness.run();
    assert_eq!(
        harness.state().state().filter().sort,
        SortKey::Skill(kubernetes)
    );
}

// 4. Every view usable at 1024x700.

#[test]
fn at_1024_the_hiring_buttons_sit_clear_of_the_what_if_panel() {
    let mut harness = sample_at([1024.0, 700.0]);
    go_to(&mut harness, View::Hiring);
    let what_if = harness.get_by_label("What if").rect();
    // The costs a manager needs first are in view, not behind the panel.
    for heading in ["Mid (USD)", "Total"] {
        let rect = harness.get_by_label(heading).rect();
        assert!(rect.right() < what_if.left(), "{heading} at {rect:?}");
    }
    for button in harness.query_all_by_label("Plan this hire") {
        assert!(
            button.rect().right() < what_if.left(),
            "{:?} under the panel at {:?}",
            button.rect(),
            what_if
        );
    }
}

#[test]
fn at_1024_a_staffing_line_shows_its_member_and_buttons_in_full() {
    let mut harness = staffing_sample_at([1024.0, 700.0]);
    harness.get_by_label("Payments on Kubernetes").click();
    harness.run();
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 700.0));
    let take_off = harness
        .query_all_by_label("Take off")
        .next()
        .expect("a member on a line")
        .rect();
    let member = harness
        .get_by_label_contains("Tomasz Nowak (level 4")
        .rect();
    assert!(window.contains_rect(take_off), "{take_off:?}");
    assert!(member.right() < take_off.left(), "name then buttons");
    assert!(member.width() > 150.0, "the name is not squeezed");
}

#[test]
fn the_name_column_fits_the_longest_name() {
    for size in [[1024.0, 700.0], [1920.0, 1080.0]] {
        let mut harness = sample_at(size);
        harness.run();
        let name = harness.get_by_label("Olumide Adeyemi").rect();
        let role = harness.get_by_role_and_label(Role::Button, "Role").rect();
        assert!(name.right() <= role.left(), "{name:?} runs into {role:?}");
    }
}

#[test]
fn sorting_leaves_the_column_widths_as_they_are() {
    let mut harness = sample_at([1280.0, 800.0]);
    harness.run();
    let edges = |harness: &Harness<'_, SkillgridApp>| {
        ["Role", "Team", "Fit"].map(|title| {
            harness
                .get_by_role_and_label(Role::Button, title)
                .rect()
                .left()
        })
    };
    let before = edges(&harness);
    for sort in ["Sort by Programming", "Sort by Containers & Kubernetes"] {
        harness.get_by_label(sort).click();
        harness.run();
        assert_eq!(edges(&harness), before, "after {sort}");
    }
    harness.get_by_role_and_label(Role::Button, "Team").click();
    harness.run();
    assert_eq!(edges(&harness), before, "after sorting by team");
}

// 5. Staffing explanations are true.

#[test]
fn taking_the_only_kubernetes_engineer_off_says_so_in_plain_words() {
    let mut harness = staffing_sample_at([1280.0, 800.0]);
    harness.get_by_label("Payments on Kubernetes").click();
    harness.run();
    harness
        .query_all_by_label("Take off")
        .next()
        .expect("Tomasz is on the Kubernetes line")
        .click();
    harness.run();
    harness.get_by_label_contains(
        "1 open: Tomasz Nowak, the only member who has Containers & Kubernetes at level 3+, was taken off this line",
    );
    harness.get_by_label_contains("No quarter asks for more FTE than the team has in all, yet");
    assert!(
        harness
            .query_by_label("No quarter asks for more than there is.")
            .is_none()
    );
}

// 6. A lead chooses who staffs a line.

#[test]
fn a_lead_pins_anyone_from_the_line_picker_and_is_warned_under_the_level() {
    let mut harness = staffing_sample_at([1280.0, 800.0]);
    harness.get_by_label("Payments on Kubernetes").click();
    harness.run();
    let project = harness
        .state()
        .selection
        .staffing
        .project
        .expect("selected");
    let programming_line = harness
        .query_all_by_role_and_label(Role::ComboBox, "Pin someone else")
        .nth(1)
        .expect("the Programming line's picker");
    programming_line.click();
    harness.run();
    // The first entry below the level is marked so, and pinning warns.
    let below = harness
        .query_all_by_label_contains("below the line's level")
        .next()
        .expect("someone under the level is offered");
    let label = below.accesskit_node().label().unwrap_or_default();
    let name = label.split(" (").next().expect("a name").to_string();
    below.scroll_to_me();
    harness.run();
    harness
        .query_all_by_label_contains("below the line's level")
        .next()
        .expect("still offered")
        .click();
    harness.run();
    let state = harness.state().state();
    let member = state
        .document()
        .workspace
        .find_member(&name)
        .expect("member");
    assert!(
        state.document().workspace.projects[project]
            .assignments
            .iter()
            .any(|a| a.member == member && a.pinned)
    );
    let notice = state.notice().map(str::to_string).unwrap_or_default();
    assert!(
        notice.contains(&format!("Pinned {name}, who is at")),
        "{notice}"
    );
    assert!(notice.contains("the line asks for 3+"), "{notice}");

    harness.get_by_label("Accept proposal").click();
    harness.run();
    let notice = harness
        .state()
        .state()
        .notice()
        .map(str::to_string)
        .unwrap_or_default();
    assert!(
        notice.starts_with("Accepted the proposal for Payments on Kubernetes: pinned"),
        "{notice}"
    );
}

// 7. The team filter's counts follow it.

#[test]
fn with_a_team_filter_the_counts_and_status_bar_follow_it() {
    let mut harness = sample_at([1280.0, 800.0]);
    choose(&mut harness, "Team", "Growth");
    let shown = harness.state().state().derived().rows.len();
    assert!(shown > 0 && shown < 50);
    harness.get_by_label(&format!("{shown} of 50 members x 31 skills"));
    harness.get_by_label("Can lead (3+) in Growth");
    let kubernetes = column(&harness, "kubernetes");
    let derived = harness.state().state().derived();
    let in_growth = derived
        .rows
        .iter()
        .filter(|&&m| {
            harness
                .state()
                .state()
                .document()
                .workspace
                .cell(m, kubernetes)
                .level()
                .is_some_and(|l| l.get() >= 3)
        })
        .count() as u32;
    assert_eq!(derived.shown_leaders[kubernetes], in_growth);
}

// 8. Search finds aliases.

#[test]
fn searching_an_alias_finds_its_skill_and_says_which() {
    let mut harness = sample_at([1280.0, 800.0]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Find").type_text("k8s");
    harness.run();
    let kubernetes = column(&harness, "kubernetes");
    assert_eq!(harness.state().state().derived().columns, [kubernetes]);
    harness.get_by_label("\u{201c}k8s\u{201d} is Containers & Kubernetes");
}

// 9. A failed open says nothing was opened.

#[test]
fn a_failed_open_says_plainly_that_nothing_was_opened() {
    let mut harness = sample_at([1280.0, 800.0]);
    let broken = Path::new("tests/data/broken-level.csv");
    let result = io::open_path(broken, catalog::builtin());
    harness
        .state_mut()
        .state_mut()
        .finish_open(broken, FileIntent::Open, result);
    harness.run();
    harness.get_by_label_contains(
        "broken-level.csv was not opened: nothing in it was read into Skillgrid. What you see is product-org.csv (sample), as it was before.",
    );
    let errors = harness
        .state()
        .state()
        .diagnostics()
        .iter()
        .filter(|d| d.is_error())
        .count();
    let notice = harness
        .state()
        .state()
        .notice()
        .map(str::to_string)
        .unwrap_or_default();
    if errors == 1 {
        assert!(notice.contains("1 error;"), "{notice}");
        harness.get_by_label_contains("1 error,");
    }
    assert!(!notice.contains("1 errors"), "{notice}");
}

// 10. Charts and wording.

#[test]
fn typing_a_level_past_4_says_why_nothing_changed() {
    let mut harness = sample_at([1280.0, 800.0]);
    let programming = column(&harness, "programming");
    harness
        .state_mut()
        .state_mut()
        .apply(Command::Select(Some((0, programming))));
    harness.run();
    let before = harness
        .state()
        .state()
        .document()
        .workspace
        .cell(0, programming);
    harness.key_press(Key::Num5);
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.document().workspace.cell(0, programming), before);
    let notice = state.notice().map(str::to_string).unwrap_or_default();
    assert!(notice.starts_with("5 is not a level"), "{notice}");
}

#[test]
fn money_carries_its_currency_and_the_budget_reads_in_thousands() {
    let mut harness = sample_at([1280.0, 800.0]);
    go_to(&mut harness, View::Hiring);
    harness.get_by_label("Mid (USD)");
    harness.get_by_label("Budget").click();
    harness.run();
    harness.get_by_label("Budget").type_text("300000");
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(harness.state().selection.hiring.budget_text, "300,000");
    assert_eq!(
        harness.state().state().insight_options().budget,
        Some(300_000.0)
    );
}

#[test]
fn the_legend_explains_the_below_role_notch() {
    let harness = sample_at([1280.0, 800.0]);
    harness.get_by_label("below what their role requires");
}

// 12. A dialog that cannot open says so.

#[test]
fn a_file_dialog_that_cannot_open_says_so_in_the_status_bar() {
    let mut harness = sample_at([1280.0, 800.0]);
    harness
        .state()
        .state()
        .sender()
        .send(JobResult::DialogFailed(
            "No file dialog can open: install zenity".into(),
        ))
        .expect("sent");
    harness.run();
    assert_eq!(
        harness.state().state().notice(),
        Some("No file dialog can open: install zenity")
    );
}
