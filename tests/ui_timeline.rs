//! The timeline in the window: project lines by week, a click on a bar
//! opens its project, a drag of a bar's last week moves the project's end,
//! Undo moves it back, and scrolling brings later weeks into view.

mod common;

use eframe::egui;
use egui_kittest::kittest::Queryable;
use skillgrid::app::{Command, View};

fn date(text: &str) -> skillgrid::model::Date {
    text.parse().expect("a date")
}

fn opened_on_the_timeline() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, skillgrid::ui::SkillgridApp>,
) {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("staffing.json");
    std::fs::copy("sample-teams/product-org-staffing.json", &path).expect("copied");
    let mut state = common::opened(&path);
    state.set_today(date("2026-07-06"));
    let mut harness = common::window(state);
    harness.get_by_label(View::Timeline.label()).click();
    harness.run();
    harness.get_by_label("Project lines").click();
    harness.run();
    (folder, harness)
}

#[test]
fn a_click_on_a_line_opens_its_project() {
    let (_folder, mut harness) = opened_on_the_timeline();
    harness
        .get_by_label("Search relaunch: Programming 3+, 2026-W28")
        .click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.view(), View::Staffing);
    let search = state
        .workspace()
        .projects
        .iter()
        .position(|p| p.name == "Search relaunch")
        .expect("a project");
    assert_eq!(harness.state().selection.staffing.project, Some(search));
}

#[test]
fn dragging_a_lines_last_week_moves_the_project_end_and_undo_moves_it_back() {
    let (_folder, mut harness) = opened_on_the_timeline();
    let before = harness.state().state().document().workspace.clone();
    // Search relaunch runs 2026-07-01 to 2026-09-30: its last week is W40.
    // Bring its end into view with a wide zoom-out first.
    harness
        .state_mut()
        .state_mut()
        .apply(Command::ShowView(View::Timeline));
    harness.state_mut().selection.timeline.week_width = 12.0;
    harness.run();
    let from = harness
        .get_by_label("Search relaunch: Programming 3+, 2026-W40")
        .rect()
        .center();
    let to = harness
        .get_by_label("Search relaunch: Programming 3+, 2026-W38")
        .rect()
        .center();
    harness.drag_at(from);
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
    let project = harness
        .state()
        .state()
        .workspace()
        .projects
        .iter()
        .find(|p| p.name == "Search relaunch")
        .expect("a project")
        .clone();
    assert_eq!(project.start, "2026-07-01");
    assert_eq!(project.end, "2026-09-16", "two weeks earlier");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state().document().workspace, before);
}

#[test]
fn people_show_bookings_and_scrolling_brings_later_weeks() {
    let (_folder, mut harness) = opened_on_the_timeline();
    harness.get_by_label("People").click();
    harness.run();
    // Zoomed in, not every week fits.
    harness.state_mut().selection.timeline.week_width = 60.0;
    harness.run();
    let first = harness.state().state().workspace().members[0].name.clone();
    let first_week = skillgrid::model::week_of(date("2026-05-01"));
    let visible = |harness: &egui_kittest::Harness<'_, skillgrid::ui::SkillgridApp>| {
        (first_week - 40..first_week + 120)
            .filter(|&week| {
                harness
                    .query_by_label(&format!("{first}, {}", skillgrid::model::week_label(week)))
                    .is_some()
            })
            .collect::<Vec<i32>>()
    };
    let before = visible(&harness);
    // It opens eight weeks before today's, 2026-W28.
    let today = skillgrid::model::week_of(date("2026-07-06"));
    assert_eq!(before.first(), Some(&(today - 8)), "{before:?}");
    let cell = format!("{first}, {}", skillgrid::model::week_label(today + 2));
    let at = harness.get_by_label(&cell).rect().center();
    harness.hover_at(at);
    for _ in 0..10 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::SHIFT,
        });
        harness.run_steps(8);
    }
    let after = visible(&harness);
    assert!(
        after.last() > before.last(),
        "later weeks come into view: {before:?} then {after:?}"
    );
}
