//! Excel in the window: a manager drops a workbook with a sheet a team,
//! picks the sheet, and exports the matrix as a workbook and a picture.

mod common;
use common::{Dropped, pick, wait_for_load};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_xlsxwriter::Workbook;
use skillgrid::app::{AppState, Command, FileIntent, MatrixFilter, Preferences};
use skillgrid::io;
use skillgrid::ui::SkillgridApp;
use std::path::Path;
use std::sync::Arc;

fn window() -> Harness<'static, SkillgridApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|_| {
            SkillgridApp::with_state(AppState::new(
                AppState::sample_document(),
                Preferences::default(),
            ))
        });
    harness.run();
    harness
}

/// Two teams, a sheet each, and a notes sheet that is no roster.
fn org_book(path: &Path) {
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Notes")
        .expect("named")
        .write_string(0, 0, "Q4 review, see the team sheets")
        .expect("note");
    for (name, people) in [
        ("Platform", ["Ana Ruiz", "Ben Okafor"]),
        ("Search", ["Chen Li", "Dara Patel"]),
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("named");
        for (column, header) in ["Name", "Team", "Kubernetes", "Go"].iter().enumerate() {
            sheet
                .write_string(0, column as u16, *header)
                .expect("header");
        }
        for (row, person) in people.iter().enumerate() {
            let row = row as u32 + 1;
            sheet.write_string(row, 0, *person).expect("name");
            sheet.write_string(row, 1, name).expect("team");
            sheet
                .write_number(row, 2, f64::from(row + 1))
                .expect("level");
            sheet.write_number(row, 3, 1).expect("level");
        }
    }
    book.save(path).expect("saved");
}

fn names(harness: &Harness<'_, SkillgridApp>) -> Vec<String> {
    harness
        .state()
        .state()
        .document()
        .workspace
        .members
        .iter()
        .map(|member| member.name.clone())
        .collect()
}

#[test]
fn a_dropped_workbook_with_two_team_sheets_asks_which_to_read() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("org.xlsx");
    org_book(&path);
    let mut harness = window();
    let before = names(&harness);
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    wait_for_load(&mut harness);
    harness.get_by_label("Which sheet is the roster?");
    assert_eq!(
        names(&harness),
        before,
        "nothing is opened until a sheet is picked"
    );
    harness.get_by_label("Search (2 rows)").click();
    harness.run();
    harness.get_by_label("Open sheet").click();
    wait_for_load(&mut harness);
    assert_eq!(names(&harness), ["Chen Li", "Dara Patel"]);
    assert!(
        harness
            .query_by_label("Which sheet is the roster?")
            .is_none()
    );
    let document = harness.state().state().document();
    assert_eq!(document.path, None, "a workbook opens as an import");

    // Cancelling the question leaves the document as it was.
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path)));
    wait_for_load(&mut harness);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(names(&harness), ["Chen Li", "Dara Patel"]);
    assert!(
        harness
            .query_by_label("Which sheet is the roster?")
            .is_none()
    );
}

#[test]
fn the_matrix_exports_as_a_workbook_and_as_the_picture_shown() {
    let folder = tempfile::tempdir().expect("folder");
    let mut harness = window();
    let book = folder.path().join("team.xlsx");
    pick(&mut harness, FileIntent::ExportWorkbook, &book);
    let bytes = std::fs::read(&book).expect("the workbook is written");
    let read = io::import_roster_workbook(&bytes, "team.xlsx", skillgrid::catalog::builtin())
        .expect("it reads back");
    let workspace = &harness.state().state().document().workspace;
    assert_eq!(read.value.levels, workspace.levels, "the same numbers");

    // The picture follows the filter: one team's rows only.
    let team = workspace.members[0]
        .team
        .clone()
        .expect("the sample has teams");
    let in_team = workspace
        .members
        .iter()
        .filter(|member| member.team.as_deref() == Some(team.as_str()))
        .count();
    let skills = workspace.skills.len();
    harness
        .state_mut()
        .state_mut()
        .apply(Command::SetFilter(MatrixFilter {
            team: Some(team.clone()),
            ..MatrixFilter::default()
        }));
    harness.run();
    let picture = folder.path().join("matrix.svg");
    pick(&mut harness, FileIntent::ExportSvg, &picture);
    let svg = std::fs::read_to_string(&picture).expect("the picture is written");
    assert_eq!(
        svg.matches("width=\"18\" height=\"18\"").count(),
        in_team * skills
    );
    let notice = harness
        .state()
        .state()
        .notice()
        .unwrap_or_default()
        .to_string();
    assert!(
        notice.contains(&format!("{in_team} members x {skills} skills")),
        "{notice}"
    );
    harness.get_by_label_contains("Exported");
}
