//! Role requirements and projects kept in Excel, and the report as a
//! workbook and a picture: each written here with rust_xlsxwriter and read
//! the way a manager's own file would be.

mod common;
use common::skillgrid;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use skillgrid::catalog;
use skillgrid::io;
use std::path::Path;

fn write_rows(sheet: &mut rust_xlsxwriter::Worksheet, first_row: u32, rows: &[&[&str]]) {
    for (offset, row) in rows.iter().enumerate() {
        for (column, text) in row.iter().enumerate() {
            let (row, column) = (first_row + offset as u32, column as u16);
            match text.parse::<f64>() {
                Ok(number) => sheet.write_number(row, column, number),
                Err(_) => sheet.write_string(row, column, *text),
            }
            .expect("written");
        }
    }
}

/// A career framework sheet under a title, levels as numbers and words.
fn roles_book(bad_level: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Read me").expect("named");
    notes
        .write_string(0, 0, "Levels follow the engineering ladder")
        .expect("note");
    let sheet = book.add_worksheet();
    sheet.set_name("Framework").expect("named");
    sheet
        .write_string(0, 0, "Platform ladder 2026")
        .expect("title");
    write_rows(
        sheet,
        2,
        &[
            &["Role", "Skill", "Min level", "Importance"],
            &["Platform Engineer", "Kubernetes", "3", "required"],
            &["Platform Engineer", "Go", "working", "preferred"],
            &[
                "Platform Engineer",
                "Observability",
                if bad_level { "9" } else { "2" },
                "required",
            ],
        ],
    );
    book.save_to_buffer().expect("a workbook")
}

#[test]
fn role_requirements_are_read_from_a_workbook_sheet_under_a_title() {
    let imported = io::import_roles_workbook(&roles_book(false), "ladder.xlsx", None)
        .expect("the framework reads");
    let role = &imported.value.roles[0];
    assert_eq!(role.title, "Platform Engineer");
    let levels: Vec<u8> = role
        .requirements
        .iter()
        .map(|(_, level, _)| level.get())
        .collect();
    assert_eq!(levels, [3, 2, 2], "numbers and the scale's words");
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.to_string() == "ladder.xlsx [Framework]: warning: rows 1-2 above the header were skipped (a title or blank rows)"),
        "{:?}",
        imported.warnings
    );

    let failure = io::import_roles_workbook(&roles_book(true), "ladder.xlsx", None)
        .expect_err("9 is no level");
    let error = failure.errors[0].to_string();
    assert!(
        error.starts_with("ladder.xlsx [Framework]!C6:"),
        "the cell Excel shows: {error}"
    );
    assert!(error.contains("\"9\""), "{error}");
}

#[test]
fn import_roles_and_validate_take_a_workbook() {
    let folder = tempfile::tempdir().expect("folder");
    let ladder = folder.path().join("ladder.xlsx");
    std::fs::write(&ladder, roles_book(false)).expect("written");
    let workspace = folder.path().join("team.skillgrid");
    let ladder_arg = ladder.to_str().expect("utf-8");
    let workspace_arg = workspace.to_str().expect("utf-8");

    let validated = skillgrid(&["validate", ladder_arg]);
    let said = String::from_utf8_lossy(&validated.stdout);
    assert!(validated.status.success(), "{said}");
    assert!(
        said.contains("ladder.xlsx: role requirements: 1 roles, 3 requirements"),
        "{said}"
    );

    let made = skillgrid(&["convert", "sample-teams/platform-team.csv", workspace_arg]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let imported = skillgrid(&["import-roles", ladder_arg, "--into", workspace_arg]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let opened = io::open_path(&workspace, catalog::builtin()).expect("opens");
    let role = opened
        .value
        .roles
        .iter()
        .find(|role| role.title == "Platform Engineer")
        .expect("the workbook's role");
    assert_eq!(role.requirements.len(), 3);
}

/// Projects with real Excel dates and a percentage FTE.
fn projects_book() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Projects").expect("named");
    write_rows(
        sheet,
        0,
        &[&[
            "Project", "Start", "End", "Priority", "Skill", "Level", "People", "FTE",
        ]],
    );
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let percent = Format::new().set_num_format("0%");
    sheet.write_string(1, 0, "Search relaunch").expect("name");
    sheet
        .write_datetime_with_format(
            1,
            1,
            ExcelDateTime::from_ymd(2027, 1, 4).expect("date"),
            &date,
        )
        .expect("start");
    sheet
        .write_datetime_with_format(
            1,
            2,
            ExcelDateTime::from_ymd(2027, 6, 30).expect("date"),
            &date,
        )
        .expect("end");
    sheet.write_number(1, 3, 1).expect("priority");
    sheet.write_string(1, 4, "Kubernetes").expect("skill");
    sheet.write_number(1, 5, 3).expect("level");
    sheet.write_number(1, 6, 2).expect("people");
    sheet
        .write_number_with_format(1, 7, 0.5, &percent)
        .expect("fte");
    book.save_to_buffer().expect("a workbook")
}

#[test]
fn projects_read_from_a_workbook_take_real_dates_and_percentages() {
    let team = io::open_path(
        Path::new("sample-teams/platform-team.csv"),
        catalog::builtin(),
    )
    .expect("the sample opens")
    .value;
    let imported = io::import_projects_workbook(
        &projects_book(),
        "plan.xlsx",
        &team,
        catalog::builtin(),
        None,
    )
    .expect("the projects read");
    let project = &imported.value[0];
    assert_eq!(project.name, "Search relaunch");
    assert_eq!(
        (project.start.as_str(), project.end.as_str()),
        ("2027-01-04", "2027-06-30"),
        "Excel dates, whatever their display format"
    );
    assert_eq!(project.demand[0].people, 2);
    assert!(
        (project.demand[0].fte_each - 0.5).abs() < 1e-9,
        "50% is half a position"
    );
}

#[test]
fn an_empty_sheet_is_passed_over_and_a_book_of_empty_sheets_refused() {
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Blank").expect("named");
    let sheet = book.add_worksheet();
    sheet.set_name("Team").expect("named");
    write_rows(sheet, 0, &[&["Name", "Go"], &["Ana Ruiz", "2"]]);
    let bytes = book.save_to_buffer().expect("a workbook");
    let imported = io::import_roster_workbook(&bytes, "team.xlsx", catalog::builtin())
        .expect("the second sheet reads");
    assert_eq!(imported.value.members[0].name, "Ana Ruiz");

    let mut empty = Workbook::new();
    empty.add_worksheet().set_name("Sheet1").expect("named");
    let bytes = empty.save_to_buffer().expect("a workbook");
    let failure = io::import_roster_workbook(&bytes, "empty.xlsx", catalog::builtin())
        .expect_err("nothing to read");
    assert_eq!(
        failure.errors[0].to_string(),
        "empty.xlsx: no sheet holds a roster: expected a header row with a Name column (or \
         Full name, Member, Employee) in one of Sheet1"
    );
}

#[test]
fn several_roster_sheets_are_offered_to_choose_from() {
    let mut book = Workbook::new();
    for (name, people) in [("Platform", 2), ("Search", 3)] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("named");
        sheet.write_string(0, 0, "Name").expect("header");
        sheet.write_string(0, 1, "Go").expect("header");
        for row in 1..=people {
            sheet
                .write_string(row, 0, format!("{name} {row}"))
                .expect("name");
        }
    }
    let bytes = book.save_to_buffer().expect("a workbook");
    match io::roster_or_choice(&bytes, "org.xlsx", catalog::builtin()) {
        io::RosterSheets::Choose(sheets) => assert_eq!(
            sheets,
            [("Platform".to_string(), 2), ("Search".to_string(), 3)]
        ),
        io::RosterSheets::Read(_) => panic!("two sheets qualify: the person picks"),
    }
}

#[test]
fn the_report_workbook_holds_the_matrix_and_a_sheet_per_table() {
    let folder = tempfile::tempdir().expect("folder");
    let output = folder.path().join("report.xlsx");
    let output_arg = output.to_str().expect("utf-8");
    let ran = skillgrid(&[
        "report",
        "sample-teams/product-org-staffing.json",
        "--format",
        "xlsx",
        "-o",
        output_arg,
    ]);
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let bytes = std::fs::read(&output).expect("written");
    use calamine::Reader;
    let mut book =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(&bytes)).expect("a workbook");
    assert_eq!(
        book.sheet_names(),
        [
            "Skills matrix",
            "Legend",
            "Coverage",
            "Team gaps",
            "Role fit",
            "Hiring plan",
            "Staffing",
            "Stale ratings",
            "Bench changes"
        ]
    );
    let coverage = book.worksheet_range("Coverage").expect("coverage");
    assert_eq!(
        coverage.get((0, 1)),
        Some(&calamine::Data::String("skill".into()))
    );
    assert!(
        matches!(coverage.get((1, 9)), Some(calamine::Data::Float(_))),
        "holders are numbers a sheet can sum: {:?}",
        coverage.get((1, 9))
    );
    // The matrix sheet is still a roster: it reads back as the same team.
    let again =
        io::import_roster_workbook(&bytes, "report.xlsx", catalog::builtin()).expect("reads back");
    let team = io::open_path(
        Path::new("sample-teams/product-org-staffing.json"),
        catalog::builtin(),
    )
    .expect("opens")
    .value;
    assert_eq!(again.value.levels, team.levels);

    let refused = skillgrid(&[
        "report",
        "sample-teams/product-org-staffing.json",
        "--format",
        "xlsx",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr).trim_end(),
        "an Excel report is a file, not text: give --output report.xlsx"
    );
}

#[test]
fn the_report_picture_draws_every_cell_with_the_legend() {
    let ran = skillgrid(&[
        "report",
        "sample-teams/platform-team.csv",
        "--format",
        "svg",
    ]);
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let svg = String::from_utf8(ran.stdout).expect("text");
    let team = io::open_path(
        Path::new("sample-teams/platform-team.csv"),
        catalog::builtin(),
    )
    .expect("opens")
    .value;
    assert!(svg.starts_with("<?xml"), "a file an editor opens");
    assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    let cells = svg.matches("width=\"18\" height=\"18\"").count();
    assert_eq!(cells, team.members.len() * team.skills.len());
    // A picture to paste: what and when, the can-lead row, teams, numbers.
    assert!(svg.contains("Skills matrix · sample-teams/platform-team.csv, "));
    assert!(svg.contains("Can lead (3+)"));
    for member in &team.members {
        if let Some(name) = &member.team {
            assert!(
                svg.contains(&format!("font-weight:600\">{name}</text>")),
                "{name}"
            );
        }
    }
    let rated = (0..team.members.len())
        .flat_map(|member| team.levels.row(member).iter())
        .filter(|cell| cell.level().is_some())
        .count();
    let numbers = svg
        .matches("text-anchor=\"middle\" style=\"font-size:9px")
        .count();
    assert_eq!(
        numbers,
        rated + team.skills.len(),
        "a number in every rated cell and lead count"
    );
    for word in ["0 none", "4 expert", "not assessed", "wants to grow"] {
        assert!(svg.contains(word), "the legend says {word}");
    }
    // Levels keep the app's colours: an expert cell is the darkest blue.
    let experts = (0..team.members.len())
        .flat_map(|member| team.levels.row(member).iter())
        .filter(|cell| cell.level().is_some_and(|level| level.get() == 4))
        .count();
    assert_eq!(svg.matches("fill=\"#253494\"").count(), experts + 1);
}

#[test]
fn a_password_protected_workbook_is_refused_with_what_to_do() {
    // What Excel writes for "Encrypt with Password": a compound file.
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("created");
    for stream in ["/EncryptionInfo", "/EncryptedPackage"] {
        use std::io::Write as _;
        file.create_stream(stream)
            .expect("stream")
            .write_all(&[0x5a; 600])
            .expect("written");
    }
    let bytes = file.into_inner().into_inner();
    let failure = io::import_roster_workbook(&bytes, "locked.xlsx", catalog::builtin())
        .expect_err("no sheet can be read");
    assert_eq!(
        failure.errors[0].to_string(),
        "locked.xlsx: is password-protected, so its sheets cannot be read: open it in Excel, \
         remove the password (File > Info > Protect Workbook > Encrypt with Password) and save \
         it again"
    );
}

#[test]
fn a_projects_workbook_with_a_role_column_validates_as_projects_as_its_csv_does() {
    let folder = tempfile::tempdir().expect("folder");
    let header = [
        "Project", "Start", "End", "Priority", "Skill", "Level", "Role", "People", "FTE",
    ];
    let row = [
        "Search relaunch",
        "2027-01-04",
        "2027-03-26",
        "1",
        "Observability",
        "3",
        "",
        "1",
        "0.5",
    ];
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (column, (head, value)) in header.iter().zip(row).enumerate() {
        sheet.write_string(0, column as u16, *head).expect("header");
        sheet.write_string(1, column as u16, value).expect("cell");
    }
    let workbook = folder.path().join("projects.xlsx");
    book.save(&workbook).expect("saved");
    let csv = folder.path().join("projects.csv");
    std::fs::write(&csv, format!("{}\n{}\n", header.join(","), row.join(","))).expect("written");
    for file in [&csv, &workbook] {
        let ran = skillgrid(&["validate", file.to_str().expect("utf-8")]);
        let said = String::from_utf8_lossy(&ran.stdout);
        assert!(ran.status.success(), "{}: {said}", file.display());
        assert!(
            said.contains("project"),
            "{}: read as projects: {said}",
            file.display()
        );
    }
}
