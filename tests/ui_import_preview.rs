//! The import preview: a manager picks an HR export, sees how each column
//! will read, sets aside or maps what is not a skill, and imports; nothing
//! changes before Import, and the choices come back for the next file.

mod common;
use common::{choose, pick, window};
use egui_kittest::kittest::Queryable;
use skillgrid::app::{AppState, FileIntent, Preferences, View};
use skillgrid::model::ColumnUse;

const HR_EXPORT: &str = "Employee ID,Name,Squad Name,Start date,K8s,Rust\r\n\
    1001,Ana Silva,Core,2021-03-01,3,2\r\n\
    1002,Ben Okafor,Core,2022-05-12,1,\r\n\
    1003,Chen Wei,Apps,2020-01-20,4,3\r\n\
    1004,Dana Ruiz,Apps,2023-09-04,2,1\r\n";

fn fresh() -> AppState {
    AppState::new(
        AppState::sample_document(),
        Preferences::opening_on(View::Matrix),
    )
}

fn written(folder: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, text).expect("written");
    path
}

fn column_use(state: &AppState, header: &str) -> ColumnUse {
    let preview = state.import_preview().expect("a preview");
    let read = preview.preview.as_ref().expect("read");
    read.columns
        .iter()
        .find(|column| column.header == header)
        .expect("a column")
        .choice
        .clone()
}

#[test]
fn columns_that_are_not_skills_are_set_aside_and_a_mapping_changes_the_import() {
    let folder = tempfile::tempdir().expect("folder");
    let path = written(folder.path(), "hr-export.csv", HR_EXPORT);
    let mut harness = window(fresh());
    let before = harness.state().state().document().workspace.clone();
    pick(&mut harness, FileIntent::ImportRoster, &path);
    harness.get_by_label("Import hr-export.csv");
    {
        let state = harness.state().state();
        assert_eq!(column_use(state, "Employee ID"), ColumnUse::SetAside);
        assert_eq!(column_use(state, "Start date"), ColumnUse::SetAside);
        // Team names are not levels: proposed as set aside, not refused.
        assert_eq!(column_use(state, "Squad Name"), ColumnUse::SetAside);
        assert_eq!(column_use(state, "K8s"), ColumnUse::Skill("K8s".into()));
        assert_eq!(
            *state.document().workspace,
            *before,
            "nothing changes before Import"
        );
    }
    harness.get_by_label("Will import 4 members and 2 skills, with 2 warnings.");

    choose(&mut harness, "Read Squad Name as", "Team");
    choose(&mut harness, "Read Rust as", "set aside");
    {
        let state = harness.state().state();
        assert_eq!(
            column_use(state, "Squad Name"),
            ColumnUse::Field("Team".into())
        );
        assert_eq!(column_use(state, "Rust"), ColumnUse::SetAside);
    }
    harness.get_by_label("Will import 4 members and 1 skill, with 1 warning.");
    harness.get_by_label("Import").click();
    harness.run();

    let state = harness.state().state();
    assert!(state.import_preview().is_none());
    let workspace = &state.document().workspace;
    assert_eq!(workspace.members.len(), 4);
    let chen = workspace.find_member("Chen Wei").expect("imported");
    assert_eq!(workspace.members[chen].team.as_deref(), Some("Apps"));
    let names: Vec<&str> = workspace.skills.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Containers & Kubernetes"]);
    assert_eq!(
        workspace.settings.column_maps.len(),
        1,
        "the choices are kept in the new workspace"
    );
}

#[test]
fn the_mapping_is_remembered_for_the_next_file_with_the_same_columns() {
    let folder = tempfile::tempdir().expect("folder");
    let path = written(folder.path(), "hr-export.csv", HR_EXPORT);
    let mut harness = window(fresh());
    pick(&mut harness, FileIntent::ImportRoster, &path);
    choose(&mut harness, "Read Squad Name as", "Team");
    harness.get_by_label("Import").click();
    harness.run();

    // Next quarter's export, same columns, other people.
    let next = written(
        folder.path(),
        "hr-export-q2.csv",
        "Employee ID,Name,Squad Name,Start date,K8s,Rust\r\n1005,Eve Adams,Platform,2024-01-08,2,\r\n",
    );
    pick(&mut harness, FileIntent::ImportRoster, &next);
    let state = harness.state().state();
    assert_eq!(
        column_use(state, "Squad Name"),
        ColumnUse::Field("Team".into()),
        "the choice made last time"
    );
    harness.get_by_label("Import").click();
    harness.run();
    let workspace = &harness.state().state().document().workspace;
    assert_eq!(workspace.members[0].team.as_deref(), Some("Platform"));
}

#[test]
fn cancel_changes_nothing() {
    let folder = tempfile::tempdir().expect("folder");
    let path = written(folder.path(), "hr-export.csv", HR_EXPORT);
    let mut harness = window(fresh());
    let before = harness.state().state().document().workspace.clone();
    pick(&mut harness, FileIntent::ImportRoster, &path);
    choose(&mut harness, "Read Squad Name as", "Team");
    harness.get_by_label("Cancel").click();
    harness.run();
    let state = harness.state().state();
    assert!(state.import_preview().is_none());
    assert_eq!(*state.document().workspace, *before);
    assert!(state.document().workspace.settings.column_maps.is_empty());
}

#[test]
fn a_hidden_sheet_is_skipped_until_picked() {
    use rust_xlsxwriter::Workbook;
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("team.xlsx");
    let mut book = Workbook::new();
    let old = book.add_worksheet().set_name("Roster 2025").expect("named");
    old.write_row(0, 0, ["Name", "Team", "Kubernetes"])
        .expect("w");
    old.write_row(1, 0, ["Ana Silva", "Core", "1"]).expect("w");
    old.set_hidden(true);
    let new = book.add_worksheet().set_name("Roster").expect("named");
    new.write_row(0, 0, ["Name", "Team", "Kubernetes"])
        .expect("w");
    new.write_row(1, 0, ["Ana Silva", "Core", "3"]).expect("w");
    new.set_active(true);
    book.save(&path).expect("saved");

    let mut harness = window(fresh());
    pick(&mut harness, FileIntent::ImportRoster, &path);
    let sheet = |harness: &egui_kittest::Harness<'_, skillgrid::ui::SkillgridApp>| {
        let state = harness.state().state();
        let preview = state.import_preview().expect("a preview");
        preview.preview.as_ref().expect("read").sheet.clone()
    };
    assert_eq!(sheet(&harness).as_deref(), Some("Roster"));
    harness.get_by_label("1 hidden sheet skipped unless picked");
    choose(&mut harness, "Sheet to read", "Roster 2025 (hidden)");
    assert_eq!(sheet(&harness).as_deref(), Some("Roster 2025"));
    harness.get_by_label("Import").click();
    harness.run();
    let workspace = &harness.state().state().document().workspace;
    let level = workspace.levels.get(0, 0).level().map(|level| level.get());
    assert_eq!(level, Some(1), "last year's levels, as picked");
}

#[test]
fn a_rounds_column_choices_are_remembered_in_the_workspace() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = common::history_copy(folder.path());
    let round = written(
        folder.path(),
        "q4.csv",
        "Name,Email,K8s,Desk\r\nZoë Müller,zoe.muller@example.com,4,3\r\nLeila Karimi,leila.karimi@example.com,2,1\r\n",
    );
    let mut harness = window(common::opened(&workspace));
    pick(&mut harness, FileIntent::PickRound, &round);
    harness.get_by_label("Import round").click();
    harness.run();
    choose(&mut harness, "Read Desk as", "set aside");
    harness.get_by_label("Import").click();
    common::wait_for_load(&mut harness);
    let state = harness.state().state();
    let maps = &state.workspace().settings.column_maps;
    assert_eq!(maps.len(), 1, "the round's choice is kept");
    assert_eq!(maps[0].use_of("Desk"), Some(&ColumnUse::SetAside));
    assert!(
        state.workspace().skills.iter().all(|s| s.name != "Desk"),
        "the column set aside is not a skill"
    );
}
