//! Excel rosters as managers keep them, written here with rust_xlsxwriter:
//! a title above the header, numbers as levels, percentages as FTE, two
//! sheets, formulas, merged cells, and files that are no workbook at all.

mod common;

use rust_xlsxwriter::{Format, Formula, Workbook};
use skillgrid::catalog;
use skillgrid::io::{self, import_roster_workbook};
use skillgrid::model::{Cell, Level};

fn roster_book(title: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Roster").expect("named");
    let mut row = 0;
    if title {
        let bold = Format::new().set_bold();
        sheet
            .merge_range(0, 0, 0, 4, "Platform team - skills review Q3", &bold)
            .expect("title");
        row = 2;
    }
    for (column, header) in ["Name", "Email", "FTE", "K8s", "Observability"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(row, column as u16, *header)
            .expect("header");
    }
    let percent = Format::new().set_num_format("0%");
    sheet.write_string(row + 1, 0, "Ana Ruiz").expect("name");
    sheet
        .write_string(row + 1, 1, "ana@example.com")
        .expect("email");
    sheet
        .write_number_with_format(row + 1, 2, 0.8, &percent)
        .expect("fte");
    sheet.write_number(row + 1, 3, 3.0).expect("level");
    sheet
        .write_formula(row + 1, 4, Formula::new("=1+1").set_result("2"))
        .expect("formula");
    sheet.write_string(row + 2, 0, "Ben Okafor").expect("name");
    sheet.write_number(row + 2, 2, 1).expect("fte");
    sheet.write_number(row + 2, 3, 7).expect("level");
    book.save_to_buffer().expect("a workbook")
}

#[test]
fn a_title_row_is_skipped_and_errors_name_the_cell_as_excel_does() {
    let bytes = roster_book(true);
    let failure =
        import_roster_workbook(&bytes, "team.xlsx", catalog::builtin()).expect_err("7 is no level");
    let error = failure.errors[0].to_string();
    assert_eq!(
        error,
        "team.xlsx [Roster]!D5: level \"7\" for skill \"K8s\" is outside 0-4"
    );
    assert_eq!(
        (failure.errors[0].line, failure.errors[0].column),
        (Some(5), Some(4))
    );
    let skipped = failure
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>();
    assert!(
        skipped
            .iter()
            .any(|w| w.contains("rows 1-2 above the header were skipped")),
        "{skipped:?}"
    );
}

#[test]
fn numbers_percentages_and_formulas_read_as_levels_and_shares() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (column, header) in ["Name", "FTE", "K8s", "Observability"].iter().enumerate() {
        sheet
            .write_string(0, column as u16, *header)
            .expect("header");
    }
    sheet.write_string(1, 0, "Ana Ruiz").expect("name");
    sheet
        .write_number_with_format(1, 1, 0.5, &Format::new().set_num_format("0%"))
        .expect("fte");
    sheet.write_number(1, 2, 3.0).expect("level");
    sheet
        .write_formula(1, 3, Formula::new("=1+1").set_result("2"))
        .expect("formula");
    let bytes = book.save_to_buffer().expect("workbook");
    let imported =
        import_roster_workbook(&bytes, "team.xlsx", catalog::builtin()).expect("imports");
    let workspace = imported.value;
    assert_eq!(workspace.members[0].fte, 0.5);
    let kubernetes = workspace
        .skills
        .iter()
        .position(|s| s.name == "Containers & Kubernetes")
        .expect("k8s");
    let observability = workspace
        .skills
        .iter()
        .position(|s| s.name == "Observability")
        .expect("obs");
    assert_eq!(
        workspace.cell(0, kubernetes),
        Cell::assessed(Level::PROFICIENT)
    );
    assert_eq!(
        workspace.cell(0, observability),
        Cell::assessed(Level::WORKING)
    );
}

#[test]
fn the_first_sheet_that_holds_a_roster_is_read_and_the_others_said() {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Notes").expect("named");
    book.worksheet_from_index(0)
        .expect("sheet")
        .write_string(0, 0, "Read me first")
        .expect("text");
    for name in ["Platform", "Search"] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("named");
        sheet.write_string(0, 0, "Member").expect("header");
        sheet.write_string(0, 1, "Terraform").expect("header");
        sheet
            .write_string(1, 0, format!("{name} lead"))
            .expect("name");
        sheet.write_number(1, 1, 2).expect("level");
    }
    book.add_worksheet().set_name("Empty").expect("named");
    let bytes = book.save_to_buffer().expect("workbook");
    let imported = import_roster_workbook(&bytes, "org.xlsx", catalog::builtin()).expect("imports");
    assert_eq!(imported.value.members[0].name, "Platform lead");
    let said: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert!(
        said.iter()
            .any(|w| w
                .contains("read sheet \"Platform\"; Search holds a roster too and was not read")),
        "{said:?}"
    );
}

#[test]
fn files_that_are_no_workbook_are_refused_clearly() {
    let good = roster_book(false);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "random.xlsx",
            b"PK\x03\x04 this is not really a zip file at all".to_vec(),
        ),
        ("cut.xlsx", good[..good.len() / 2].to_vec()),
        ("text.xlsx", b"Name,K8s\nAna,3\n".to_vec()),
        ("empty.xlsx", Vec::new()),
    ];
    for (name, bytes) in cases {
        let failure =
            import_roster_workbook(&bytes, name, catalog::builtin()).expect_err("refused");
        let message = failure.errors[0].to_string();
        assert!(
            message.starts_with(&format!("{name}: not a workbook")),
            "{message}"
        );
    }
    let mut book = Workbook::new();
    book.add_worksheet()
        .write_string(0, 0, "Quarterly numbers")
        .expect("text");
    let bytes = book.save_to_buffer().expect("workbook");
    let failure =
        import_roster_workbook(&bytes, "numbers.xlsx", catalog::builtin()).expect_err("no roster");
    assert!(
        failure.errors[0]
            .message
            .contains("no sheet holds a roster"),
        "{}",
        failure.errors[0]
    );
}

#[test]
fn the_command_line_reads_workbooks_and_a_report_follows() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("team.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (column, header) in ["Name", "Role", "K8s"].iter().enumerate() {
        sheet
            .write_string(0, column as u16, *header)
            .expect("header");
    }
    sheet.write_string(1, 0, "Ana Ruiz").expect("name");
    sheet.write_string(1, 1, "Tech Lead").expect("role");
    sheet.write_number(1, 2, 4).expect("level");
    book.save(&path).expect("saved");
    let run = common::skillgrid;
    let path_text = path.to_string_lossy().to_string();
    let output = run(&["validate", &path_text]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("workbook roster"));
    let out = folder.path().join("team.skillgrid");
    let output = run(&["convert", &path_text, &out.to_string_lossy()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let workspace = io::read_database(&out).expect("reads").value.workspace;
    assert_eq!(workspace.members[0].name, "Ana Ruiz");
    let back = folder.path().join("back.xlsx");
    let output = run(&["convert", &out.to_string_lossy(), &back.to_string_lossy()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let again = io::open_path(&back, catalog::builtin())
        .expect("reads back")
        .value;
    assert_eq!(again.members, workspace.members);
    assert_eq!(again.levels, workspace.levels);
}

/// What a roster CSV keeps, an exported workbook keeps too.
fn through_csv_and_workbook(
    workspace: &skillgrid::model::Workspace,
) -> (skillgrid::model::Workspace, skillgrid::model::Workspace) {
    let csv = io::export_roster(workspace, io::ExportOptions::default());
    let by_csv = io::import_roster(&csv, "team.csv", catalog::builtin())
        .expect("CSV reads")
        .value;
    let book = io::export_workbook(workspace).expect("a workbook");
    let by_book = import_roster_workbook(&book, "team.xlsx", catalog::builtin())
        .expect("workbook reads")
        .value;
    (by_csv, by_book)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 16, ..Default::default() })]
    #[test]
    fn an_exported_workbook_reads_back_as_its_csv_does(seed in 0u64..10_000, members in 1usize..40, skills in 1usize..40) {
        let mut workspace = skillgrid::synthetic::roster(catalog::builtin(), members, skills, seed);
        // Text a CSV reader would take for a formula, and interest marks.
        workspace.members[0].name = "=HYPERLINK(\"x\")".into();
        workspace.members[0].team = Some("@team".into());
        workspace.levels.set(0, 0, Cell::new(Some(Level::WORKING), true));
        let (by_csv, by_book) = through_csv_and_workbook(&workspace);
        proptest::prop_assert_eq!(&by_book.members, &by_csv.members);
        proptest::prop_assert_eq!(&by_book.levels, &by_csv.levels);
        proptest::prop_assert_eq!(
            by_book.skills.iter().map(|s| &s.id).collect::<Vec<_>>(),
            by_csv.skills.iter().map(|s| &s.id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_exported_matrix_is_coloured_frozen_and_offers_the_levels() {
    let path = std::path::Path::new("sample-teams/platform-team.csv");
    let workspace = io::open_path(path, catalog::builtin())
        .expect("sample")
        .value;
    let book = io::export_workbook(&workspace).expect("a workbook");
    let mut parts = zip_entries(&book);
    let sheet = parts
        .remove("xl/worksheets/sheet1.xml")
        .expect("the matrix sheet");
    assert!(
        sheet.contains("<pane xSplit=\"1\" ySplit=\"3\""),
        "frozen names and headers"
    );
    assert!(sheet.contains("<dataValidation"), "levels offered");
    assert!(sheet.contains("<mergeCell"), "skill groups");
    let styles = parts.remove("xl/styles.xml").expect("styles");
    let [r, g, b] = skillgrid::palette::LEVEL_RGB[4];
    assert!(
        styles.contains(&format!("FF{r:02X}{g:02X}{b:02X}")),
        "the app's expert colour"
    );
    assert!(parts.contains_key("xl/worksheets/sheet2.xml"), "a legend");
}

/// The text files inside a workbook, by name.
fn zip_entries(bytes: &[u8]) -> std::collections::HashMap<String, String> {
    use std::io::Read;
    let mut found = std::collections::HashMap::new();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).expect("an entry");
        let name = file.name().map(|name| name.to_string()).unwrap_or_default();
        let mut text = String::new();
        if file.read_to_string(&mut text).is_ok() {
            found.insert(name, text);
        }
    }
    found
}

#[test]
fn the_window_opens_a_workbook_as_an_import_to_save_as_a_workspace() {
    use skillgrid::app::{AppState, FileIntent, Preferences};
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("team.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Name").expect("header");
    sheet.write_string(0, 1, "Terraform").expect("header");
    sheet.write_string(1, 0, "Ana Ruiz").expect("name");
    sheet.write_number(1, 1, 3).expect("level");
    book.save(&path).expect("saved");
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    let result = io::open_path(&path, catalog::builtin());
    assert!(state.finish_open(&path, FileIntent::Open, result));
    let document = state.document();
    assert_eq!(document.workspace.members[0].name, "Ana Ruiz");
    assert_eq!(document.path, None, "Save asks where to keep the workspace");
    assert!(
        document.name.contains("imported, unsaved"),
        "{}",
        document.name
    );
    assert!(document.is_dirty());
}

#[test]
fn sheet_names_the_sheet_to_read() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("org.xlsx");
    let mut book = Workbook::new();
    for name in ["Platform", "Search"] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("named");
        sheet.write_string(0, 0, "Name").expect("header");
        sheet.write_string(0, 1, "Terraform").expect("header");
        sheet
            .write_string(1, 0, format!("{name} lead"))
            .expect("name");
        sheet.write_number(1, 1, 2).expect("level");
    }
    book.save(&path).expect("saved");
    let path_text = path.to_string_lossy().to_string();
    let run = common::skillgrid;
    let out = folder.path().join("search.skillgrid");
    let output = run(&[
        "convert",
        &path_text,
        &out.to_string_lossy(),
        "--sheet",
        "search",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let workspace = io::read_database(&out).expect("reads").value.workspace;
    assert_eq!(workspace.members[0].name, "Search lead");
    let output = run(&["validate", &path_text, "--sheet", "Billing"]);
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("no sheet named \"Billing\": the workbook has Platform, Search"),
        "{said}"
    );
    let output = run(&["validate", &path_text]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("(choose one with --sheet)"), "{said}");
}

#[test]
fn exporting_a_workspace_to_a_workbook_says_what_it_leaves_out() {
    let folder = tempfile::tempdir().expect("folder");
    let out = folder.path().join("history.xlsx");
    let output = common::skillgrid(&[
        "convert",
        "sample-teams/product-org-history.skillgrid",
        &out.to_string_lossy(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("dated assessments"), "{said}");
    assert!(
        said.contains("a roster workbook holds members and levels"),
        "{said}"
    );
}

#[test]
fn a_hidden_sheet_is_read_only_when_named_and_said_otherwise() {
    let mut book = Workbook::new();
    for (name, level, hidden) in [("Roster 2025", 1, true), ("Roster", 3, false)] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("named");
        sheet.write_string(0, 0, "Member").expect("header");
        sheet.write_string(0, 1, "Terraform").expect("header");
        sheet.write_string(1, 0, "Ana Lima").expect("name");
        sheet.write_number(1, 1, level).expect("level");
        if hidden {
            sheet.set_hidden(true);
        } else {
            // The sheet Excel opens on; the first cannot be hidden otherwise.
            sheet.set_active(true);
        }
    }
    let bytes = book.save_to_buffer().expect("workbook");
    let imported = import_roster_workbook(&bytes, "org.xlsx", catalog::builtin()).expect("imports");
    let terraform = imported
        .value
        .skill_index(&skillgrid::model::SkillId::new("terraform"))
        .or_else(|| imported.value.skill_named("Terraform"))
        .expect("a Terraform column");
    assert_eq!(
        imported.value.cell(0, terraform).level(),
        Level::new(3),
        "this year's visible sheet, not last year's hidden one"
    );
    let said: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert!(
        said.iter().any(|w| w.contains(
            "hidden sheet \"Roster 2025\" holds a roster too: not read (choose it with --sheet)"
        )),
        "{said:?}"
    );
    let named =
        io::import_roster_sheet(&bytes, "org.xlsx", catalog::builtin(), Some("Roster 2025"))
            .expect("read when named");
    let column = named
        .value
        .skill_named("Terraform")
        .expect("a Terraform column");
    assert_eq!(named.value.cell(0, column).level(), Level::new(1));
}

#[test]
fn excel_rounding_noise_reads_as_the_whole_level_and_errors_are_spelled_as_excel_does() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Member").expect("header");
    sheet.write_string(0, 1, "Terraform").expect("header");
    sheet.write_string(1, 0, "Ana Lima").expect("name");
    // What a sum of levels leaves: Excel shows it as 4.
    sheet.write_number(1, 1, 4.000000000000001).expect("level");
    let bytes = book.save_to_buffer().expect("workbook");
    let imported = import_roster_workbook(&bytes, "org.xlsx", catalog::builtin()).expect("imports");
    let column = imported.value.skill_named("Terraform").expect("column");
    assert_eq!(imported.value.cell(0, column).level(), Level::new(4));

    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Member").expect("header");
    sheet.write_string(0, 1, "Terraform").expect("header");
    sheet.write_string(1, 0, "Ana Lima").expect("name");
    sheet
        .write_formula(1, 1, Formula::new("=1/0").set_result("#DIV/0!"))
        .expect("an error cell");
    let bytes = book.save_to_buffer().expect("workbook");
    let failure = import_roster_workbook(&bytes, "org.xlsx", catalog::builtin())
        .expect_err("an error is no level");
    let said = failure.to_string();
    assert!(said.contains("#DIV/0!"), "{said}");
    assert!(said.contains("B2"), "named by its cell: {said}");
}
