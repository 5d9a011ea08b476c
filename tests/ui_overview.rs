//! The home view, people kept in the window, the menus and the guide,
//! driven as a manager would.

mod common;

use common::window;
use eframe::egui::{Key, Role};
use egui_kittest::kittest::Queryable;
use skillgrid::analysis::{HeadlineKind, Opens};
use skillgrid::app::{AppState, Command, Preferences, View};

fn fresh() -> AppState {
    AppState::new(AppState::sample_document(), Preferences::default())
}

/// Steps until the analysis has arrived and the cards are drawn.
fn settled(harness: &mut egui_kittest::Harness<'_, skillgrid::ui::SkillgridApp>) {
    common::until(harness, |state| state.insights().results().is_some());
}

/// Edit > Add a member…, as a manager would.
fn open_add_member(harness: &mut egui_kittest::Harness<'_, skillgrid::ui::SkillgridApp>) {
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Add a member…").click();
    harness.run();
}

/// Empties the text field labelled `label` and types `text` into it.
fn clear_and_type(
    harness: &mut egui_kittest::Harness<'_, skillgrid::ui::SkillgridApp>,
    label: &str,
    text: &str,
) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    for _ in 0..8 {
        harness.key_press(Key::Backspace);
        harness.key_press(Key::Delete);
    }
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

#[test]
fn the_window_opens_on_the_overview_and_its_cards_agree_with_the_analysis() {
    let mut harness = window(fresh());
    settled(&mut harness);
    assert_eq!(harness.state().state().view(), View::Overview);
    let results = harness
        .state()
        .state()
        .insights()
        .results()
        .expect("analysed");
    let analysis = &results.analysis;
    let headlines = results.headlines.clone();
    let single = headlines
        .iter()
        .find(|h| h.kind == HeadlineKind::SinglePoints)
        .expect("a card for single points of failure");
    assert_eq!(single.count, analysis.bus_factor.len());
    assert!(single.count > 0, "the sample has skills one person leads");
    let open = headlines
        .iter()
        .find(|h| h.kind == HeadlineKind::OpenLines)
        .expect("a card for open places");
    let places: u32 = analysis
        .staffing
        .iter()
        .flat_map(|s| &s.projects)
        .flat_map(|p| &p.lines)
        .map(|l| l.unfilled)
        .sum();
    assert_eq!(open.count, places as usize);
    let stale = headlines
        .iter()
        .find(|h| h.kind == HeadlineKind::Stale)
        .expect("a card for stale ratings");
    assert_eq!(stale.count, analysis.stale.cells as usize);
    for headline in &headlines {
        harness.get_by_label(headline.title);
        assert!(headline.items.len() <= skillgrid::analysis::ITEMS_NAMED);
        for item in &headline.items {
            harness.get_by_label(&item.text);
        }
    }
    harness.get_by_label("Self ratings to review");
}

/// The card of `kind`, as the window has it.
fn card(
    harness: &egui_kittest::Harness<'_, skillgrid::ui::SkillgridApp>,
    kind: HeadlineKind,
) -> skillgrid::analysis::Headline {
    harness
        .state()
        .state()
        .insights()
        .results()
        .expect("analysed")
        .headlines
        .iter()
        .find(|h| h.kind == kind)
        .cloned()
        .expect("a card of that kind")
}

#[test]
fn a_single_point_of_failure_opens_its_column_in_the_matrix() {
    let mut harness = window(fresh());
    settled(&mut harness);
    let item = card(&harness, HeadlineKind::SinglePoints)
        .items
        .first()
        .cloned()
        .expect("an item");
    let Opens::Skill(id) = &item.opens else {
        panic!("a single point of failure opens its skill");
    };
    harness.get_by_label(&item.text).click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.view(), View::Matrix);
    let column = state
        .workspace()
        .skill_index(&skillgrid::model::SkillId::new(id.to_string()))
        .expect("tracked");
    assert_eq!(state.selected().map(|(_, c)| c), Some(column));
}

#[test]
fn someone_ready_to_step_up_opens_their_fit() {
    let mut harness = window(fresh());
    settled(&mut harness);
    let ready = card(&harness, HeadlineKind::Ready);
    let Some(item) = ready.items.first() else {
        // Nobody ready in this sample: the card says so.
        harness.get_by_label("Nothing here.");
        return;
    };
    let Opens::Member(member) = item.opens else {
        panic!("a person opens their fit");
    };
    harness.get_by_label(&item.text).click();
    harness.run();
    assert_eq!(harness.state().state().view(), View::Fit);
    assert_eq!(harness.state().selection.people.member, Some(member));
}

#[test]
fn a_member_is_added_from_the_edit_menu_and_undone() {
    let mut harness = window(fresh());
    settled(&mut harness);
    let before = harness.state().state().workspace().members.len();
    open_add_member(&mut harness);
    clear_and_type(&mut harness, "Name", "Ana Lima");
    clear_and_type(&mut harness, "FTE", "80%");
    harness.get_by_label("Add").click();
    harness.run();
    let state = harness.state().state();
    let workspace = state.workspace();
    assert_eq!(workspace.members.len(), before + 1);
    let ana = workspace.find_member("Ana Lima").expect("added");
    assert_eq!(workspace.members[ana].fte, 0.8);
    assert_eq!(workspace.members[ana].joined, Some(state.today()));
    assert!(
        harness.state().selection.person.is_none(),
        "the dialog closes"
    );
    harness.state_mut().state_mut().apply(Command::Undo);
    harness.run();
    assert_eq!(harness.state().state().workspace().members.len(), before);
}

#[test]
fn a_bad_fte_is_refused_in_the_dialog_and_changes_nothing() {
    let mut harness = window(fresh());
    settled(&mut harness);
    let before = harness.state().state().workspace().clone();
    open_add_member(&mut harness);
    clear_and_type(&mut harness, "Name", "Ana Lima");
    clear_and_type(&mut harness, "FTE", "5");
    harness.get_by_label("Add").click();
    harness.run();
    harness.get_by_label_contains("is outside 0-1");
    assert!(
        harness.state().selection.person.is_some(),
        "still open to fix"
    );
    assert_eq!(*harness.state().state().workspace(), before);
}

#[test]
fn details_edited_from_the_member_menu_are_dated_and_undone() {
    let mut state = AppState::new(
        AppState::sample_document(),
        Preferences::opening_on(View::Matrix),
    );
    state.set_today("2026-09-01".parse().expect("a date"));
    let mut harness = window(state);
    let kwame = harness
        .state()
        .state()
        .workspace()
        .find_member("Kwame Mensah")
        .expect("in the sample");
    harness.get_by_label("Kwame Mensah").click_secondary();
    harness.run();
    harness.get_by_label("Edit details…").click();
    harness.run();
    clear_and_type(&mut harness, "FTE", "0.6");
    harness.get_by_label("Save").click();
    harness.run();
    let member = &harness.state().state().workspace().members[kwame];
    assert_eq!(member.fte, 0.6);
    assert_eq!(member.fte_on("2026-08-31".parse().expect("a date")), 1.0);
    harness.get_by_label_contains("FTE 1.0 -> 0.6");
    harness.state_mut().state_mut().apply(Command::Undo);
    harness.run();
    assert_eq!(harness.state().state().workspace().members[kwame].fte, 1.0);
}

#[test]
fn the_file_menu_groups_imports_and_exports_and_quits_last() {
    let mut harness = window(fresh());
    harness.get_by_label("File").click();
    harness.run();
    for item in [
        "New",
        "Open…",
        "Open recent",
        "Save As…",
        "Import",
        "Export",
        "Quit",
    ] {
        assert!(
            harness.query_all_by_label_contains(item).next().is_some(),
            "File holds {item}"
        );
    }
    harness.get_by_label("Import").click();
    harness.run();
    for item in [
        "Roster as a new round of ratings…",
        "Filled self-assessment forms…",
        "Projects (CSV or Excel)…",
        "Development targets…",
        "Certifications…",
        "Time off…",
        "Public holidays…",
        "Career framework…",
    ] {
        harness.get_by_label_contains(item);
    }
    let labels: Vec<&str> = skillgrid::ui::MenuCommand::FILE_END
        .iter()
        .map(|item| item.label())
        .collect();
    assert_eq!(labels.last(), Some(&"Quit"), "Quit comes last");
    assert!(
        skillgrid::ui::MenuCommand::EXPORT
            .iter()
            .any(|item| item.label() == "HTML report…"),
        "the report is exported from File"
    );
}

#[test]
fn f1_opens_the_guide_with_the_fit_formula_and_the_keys() {
    let mut harness = window(fresh());
    settled(&mut harness);
    harness.key_press(Key::F1);
    harness.run();
    assert!(harness.state().state().guide_open());
    harness.get_by_label_contains("required skills share 80 points");
    harness.get_by_label(View::Gaps.question());
    harness.key_press(Key::F1);
    harness.run();
    assert!(!harness.state().state().guide_open(), "F1 closes it again");
}

#[test]
fn body_hint_and_link_text_stand_out_in_both_themes() {
    use eframe::egui::{Theme, Visuals};
    use skillgrid::ui::{MIN_CONTRAST, backgrounds, contrast, make_readable};
    for mut visuals in [Visuals::light(), Visuals::dark()] {
        make_readable(&mut visuals);
        for background in backgrounds(&visuals) {
            for (what, colour) in [
                ("body", visuals.text_color()),
                ("hint", visuals.weak_text_color()),
                ("link", visuals.hyperlink_color),
            ] {
                let ratio = contrast(colour, background);
                assert!(
                    ratio >= MIN_CONTRAST,
                    "{what} text {colour:?} on {background:?} is {ratio:.2}:1 (dark: {})",
                    visuals.dark_mode
                );
            }
        }
    }
    // The window itself draws with them.
    let mut harness = window(fresh());
    harness.run();
    for theme in [Theme::Light, Theme::Dark] {
        let style = harness.ctx.style_of(theme);
        for background in backgrounds(&style.visuals) {
            assert!(contrast(style.visuals.weak_text_color(), background) >= MIN_CONTRAST);
        }
    }
}

#[test]
fn the_round_card_counts_what_the_matrix_marks_as_changed() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-teams/product-org-history.skillgrid");
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    let result = skillgrid::io::open_path(&path, skillgrid::catalog::builtin());
    state.finish_open(&path, skillgrid::app::FileIntent::Open, result);
    state.apply(Command::ShowView(View::Overview));
    let mut harness = window(state);
    settled(&mut harness);
    let results = harness
        .state()
        .state()
        .insights()
        .results()
        .expect("analysed");
    let since = results.analysis.bench_changes.from.expect("two rounds");
    let card = results
        .headlines
        .iter()
        .find(|h| h.kind == HeadlineKind::Changes)
        .cloned()
        .expect("a card for the last round");
    assert_eq!(card.all, Opens::ChangesSince(since));
    harness.get_by_label(card.title);
    let mut filter = harness.state().state().filter().clone();
    filter.since = Some(since);
    harness
        .state_mut()
        .state_mut()
        .apply(Command::SetFilter(filter));
    harness.run();
    let changed = &harness.state().state().derived().changed;
    assert_eq!(
        card.unit,
        format!(
            "{} up, {} down, {} newly rated",
            changed.up, changed.down, changed.newly_rated
        ),
        "the overview and the matrix's Changes since agree"
    );
    assert_eq!(card.count, changed.up + changed.down + changed.newly_rated);
}

#[test]
fn the_sample_with_projects_opens_with_its_projects_ahead() {
    let mut state = fresh();
    let today: skillgrid::model::Date = "2027-03-10".parse().expect("a date");
    state.set_today(today);
    let mut harness = window(state);
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label_contains("Open the sample team with projects")
        .click();
    settled(&mut harness);
    let state = harness.state().state();
    let projects = &state.workspace().projects;
    assert_eq!(projects.len(), 3, "the staffing sample's projects");
    let starts: Vec<skillgrid::model::Date> = projects
        .iter()
        .map(|project| project.start.parse().expect("a date"))
        .collect();
    let earliest = *starts.iter().min().expect("dated");
    assert_eq!(
        skillgrid::model::week_of(earliest),
        skillgrid::model::week_of(today),
        "the earliest project starts this week"
    );
    // Moved together: the first starts 11 weeks before the second, as in
    // the file (2026-01-15 and 2026-04-01).
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(
        skillgrid::model::week_of(sorted[1]) - skillgrid::model::week_of(sorted[0]),
        11
    );
    assert_eq!(state.view(), View::Overview);
}

#[test]
fn the_sample_with_history_opens_on_its_last_round_a_quarter_ago() {
    let mut state = fresh();
    state.set_today("2027-05-20".parse().expect("a date"));
    let mut harness = window(state);
    harness.get_by_label("File").click();
    harness.run();
    harness
        .get_by_label_contains("Open the sample team with four rounds of ratings")
        .click();
    settled(&mut harness);
    let state = harness.state().state();
    let workspace = state.workspace();
    let size = skillgrid::model::History::round_size(workspace.members.len());
    let rounds = workspace.history.rounds(size);
    assert_eq!(
        rounds.last().map(ToString::to_string).as_deref(),
        Some("2027-03-31"),
        "the last round is the quarter before today"
    );
    assert!(rounds.len() >= 3, "{rounds:?}");
    // The overview then has moves since the last round to show.
    harness.get_by_label_contains("Since the last round");
    assert!(
        harness
            .query_by_label_contains("needs two dated rounds")
            .is_none()
    );
}
