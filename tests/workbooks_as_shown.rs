//! Workbooks read the way Excel shows them, on files shaped like managers'
//! own, written here: a Team column merged down each team, an Excel table
//! with a totals row, formulas saved without their results (as openpyxl
//! writes them), error cells, a note far to the right, a legend typed
//! beside the matrix, and a pandas export's index column.

use rust_xlsxwriter::{Format, Table, TableColumn, TableFunction, Workbook, Worksheet};
use skillgrid::catalog;
use skillgrid::io::{self, ImportFailure, Imported};
use skillgrid::model::Workspace;

fn read(bytes: &[u8]) -> Result<Imported<Workspace>, ImportFailure> {
    io::import_roster_workbook(bytes, "team.xlsx", catalog::builtin())
}

fn header(sheet: &mut Worksheet, row: u32, cells: &[&str]) {
    for (column, cell) in cells.iter().enumerate() {
        sheet
            .write_string(row, column as u16, *cell)
            .expect("header");
    }
}

fn level(workspace: &Workspace, member: &str, skill: &str) -> Option<u8> {
    let row = workspace.find_member(member).expect("a member");
    let column = workspace
        .skills
        .iter()
        .position(|s| s.name == skill)
        .expect("a skill");
    workspace
        .levels
        .get(row, column)
        .level()
        .map(|level| level.get())
}

fn messages(diagnostics: &[io::Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {}: {}",
                d.file,
                d.cell.clone().unwrap_or_default(),
                d.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_team_merged_down_its_members_is_every_members_team() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Roster").expect("named");
    header(sheet, 0, &["Team", "Name", "Kubernetes"]);
    let plain = Format::new();
    sheet
        .merge_range(1, 0, 3, 0, "Core", &plain)
        .expect("merged");
    sheet
        .merge_range(4, 0, 5, 0, "Apps", &plain)
        .expect("merged");
    for (row, name) in [
        "Ana Silva",
        "Ben Okafor",
        "Chen Wei",
        "Dana Ruiz",
        "Eve Adams",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(row as u32 + 1, 1, *name).expect("name");
        sheet.write_number(row as u32 + 1, 2, 2.0).expect("level");
    }
    let imported = read(&book.save_to_buffer().expect("saved")).expect("imports");
    let teams: Vec<Option<&str>> = imported
        .value
        .members
        .iter()
        .map(|member| member.team.as_deref())
        .collect();
    assert_eq!(
        teams,
        [
            Some("Core"),
            Some("Core"),
            Some("Core"),
            Some("Apps"),
            Some("Apps")
        ]
    );
}

#[test]
fn an_excel_tables_totals_row_is_no_member() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Roster").expect("named");
    header(sheet, 0, &["Name", "Kubernetes", "Observability"]);
    let rows = [("Ana Silva", 3.0, 2.0), ("Ben Okafor", 1.0, 4.0)];
    for (index, (name, k8s, obs)) in rows.iter().enumerate() {
        let row = index as u32 + 1;
        sheet.write_string(row, 0, *name).expect("name");
        sheet.write_number(row, 1, *k8s).expect("level");
        sheet.write_number(row, 2, *obs).expect("level");
    }
    let columns = vec![
        TableColumn::new()
            .set_header("Name")
            .set_total_label("Total"),
        TableColumn::new()
            .set_header("Kubernetes")
            .set_total_function(TableFunction::Sum),
        TableColumn::new()
            .set_header("Observability")
            .set_total_function(TableFunction::Sum),
    ];
    let table = Table::new().set_columns(&columns).set_total_row(true);
    sheet.add_table(0, 0, 3, 2, &table).expect("table");
    let imported = read(&book.save_to_buffer().expect("saved")).expect("imports");
    let names: Vec<&str> = imported
        .value
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(names, ["Ana Silva", "Ben Okafor"]);
    let said = messages(&imported.warnings);
    assert!(
        said.contains("A4: the table's totals row was left out"),
        "{said}"
    );
}

/// `bytes` with every formula's saved result taken out, as openpyxl
/// and some exporters write them.
fn without_results(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().expect("named").to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read");
        if name.starts_with("xl/worksheets/sheet") {
            let text = String::from_utf8(data).expect("xml");
            let mut stripped = String::new();
            let mut rest = text.as_str();
            while let Some(at) = rest.find("</f>") {
                stripped.push_str(&rest[..at + 4]);
                rest = &rest[at + 4..];
                if let Some(end) = rest.strip_prefix("<v>").and_then(|v| v.find("</v>")) {
                    rest = &rest[3 + end + 4..];
                }
            }
            stripped.push_str(rest);
            data = stripped.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        out.write_all(&data).expect("written");
    }
    out.finish().expect("finished").into_inner()
}

#[test]
fn formulas_without_a_saved_result_are_named_by_cell_with_the_fix() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Roster").expect("named");
    header(sheet, 0, &["Name", "Kubernetes", "Observability"]);
    sheet.write_string(1, 0, "Ana Silva").expect("name");
    sheet.write_number(1, 1, 3.0).expect("level");
    sheet.write_formula(1, 2, "=B2-1").expect("formula");
    sheet.write_string(2, 0, "Ben Okafor").expect("name");
    sheet.write_number(2, 1, 2.0).expect("level");
    sheet.write_number(2, 2, 1.0).expect("level");
    let saved = book.save_to_buffer().expect("saved");
    // As Excel saves it, the result is there and the level reads.
    let with = read(&saved).expect("imports");
    assert!(level(&with.value, "Ana Silva", "Observability").is_some());

    let failure = read(&without_results(&saved)).expect_err("an unknown value is no level");
    let said = messages(&failure.errors);
    assert!(
        said.contains("team.xlsx [Roster] C2: holds a formula with no saved result"),
        "{said}"
    );
    assert!(
        said.contains("open and save the file in Excel or LibreOffice"),
        "{said}"
    );
}

#[test]
fn error_cells_are_never_names_or_headers() {
    use rust_xlsxwriter::Formula;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Roster").expect("named");
    // A broken lookup above the table, then the table.
    sheet
        .write_formula(
            0,
            0,
            Formula::new("=VLOOKUP(X1,Y:Z,2)").set_result("#NAME?"),
        )
        .expect("error");
    header(sheet, 1, &["Name", "Kubernetes"]);
    sheet.write_string(2, 0, "Ana Silva").expect("name");
    sheet.write_number(2, 1, 3.0).expect("level");
    sheet
        .write_formula(3, 0, Formula::new("=VLOOKUP(1,Y:Z,2)").set_result("#N/A"))
        .expect("error");
    sheet.write_number(3, 1, 2.0).expect("level");
    let failure = read(&book.save_to_buffer().expect("saved")).expect_err("#N/A is no one");
    let said = messages(&failure.errors);
    assert!(
        said.contains("A4: the name cell holds the error #N/A"),
        "{said}"
    );
    assert!(
        !said.contains("no name column"),
        "row 2 is the header: {said}"
    );
}

#[test]
fn a_note_far_right_and_a_legend_beside_the_matrix_are_left_out_with_a_warning() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Roster").expect("named");
    header(sheet, 0, &["Name", "Kubernetes", "Observability"]);
    sheet.write_string(1, 0, "Ana Silva").expect("name");
    sheet.write_number(1, 1, 3.0).expect("level");
    sheet.write_number(1, 2, 2.0).expect("level");
    // A legend two columns over, and a note at the last column Excel has.
    header(
        sheet,
        0,
        &[
            "Name",
            "Kubernetes",
            "Observability",
            "",
            "Level",
            "Meaning",
        ],
    );
    sheet.write_number(1, 4, 0.0).expect("legend");
    sheet.write_string(1, 5, "No knowledge").expect("legend");
    sheet.write_number(2, 4, 4.0).expect("legend");
    sheet.write_string(2, 5, "Expert").expect("legend");
    sheet
        .write_string(0, 16383, "ask Dana before editing")
        .expect("note");
    let imported = read(&book.save_to_buffer().expect("saved")).expect("imports");
    let names: Vec<&str> = imported
        .value
        .skills
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Containers & Kubernetes", "Observability"]);
    assert_eq!(imported.value.members.len(), 1);
    let said = messages(&imported.warnings);
    assert!(
        said.contains("E1: \"Level\" and what else lies right of the table"),
        "{said}"
    );
}

#[test]
fn a_pandas_index_column_is_set_aside() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Sheet1").expect("named");
    // `df.to_excel(path)`: a blank corner, then 0, 1, 2 down column A.
    header(sheet, 0, &["", "Name", "Team", "Kubernetes"]);
    for (index, name) in ["Ana Silva", "Ben Okafor", "Chen Wei"].iter().enumerate() {
        let row = index as u32 + 1;
        sheet.write_number(row, 0, index as f64).expect("index");
        sheet.write_string(row, 1, *name).expect("name");
        sheet.write_string(row, 2, "Core").expect("team");
        sheet.write_number(row, 3, 2.0).expect("level");
    }
    let imported = read(&book.save_to_buffer().expect("saved")).expect("imports");
    assert_eq!(imported.value.members.len(), 3);
    assert_eq!(imported.value.skills.len(), 1);
    let said = messages(&imported.warnings);
    assert!(said.contains("column 1 was set aside"), "{said}");
    assert!(said.contains("no header"), "{said}");
}

#[test]
fn hr_columns_never_block_an_import_and_the_map_file_reads_them() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Export").expect("named");
    header(
        sheet,
        0,
        &[
            "Employee ID",
            "Name",
            "Start date",
            "Active",
            "Notes",
            "Kubernetes",
        ],
    );
    sheet.write_number(1, 0, 1001.0).expect("id");
    sheet.write_string(1, 1, "Ana Silva").expect("name");
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2021, 3, 1).expect("date");
    sheet
        .write_datetime_with_format(1, 2, &date, &Format::new().set_num_format("yyyy-mm-dd"))
        .expect("date");
    sheet.write_boolean(1, 3, true).expect("active");
    sheet.write_string(1, 4, "on call lead").expect("notes");
    sheet.write_number(1, 5, 4.0).expect("level");
    let bytes = book.save_to_buffer().expect("saved");
    let imported = read(&bytes).expect("imports");
    assert_eq!(imported.value.skills.len(), 1);
    assert_eq!(
        level(&imported.value, "Ana Silva", "Containers & Kubernetes"),
        Some(4)
    );

    // A mapping file reads Notes as a custom skill's column instead.
    let map = io::read_column_map(
        b"Column,Use\r\nActive,set aside\r\nKubernetes,Kubernetes\r\n",
        "map.csv",
    )
    .expect("a map");
    assert_eq!(map.columns.len(), 2);
    let text = io::write_column_map(&map);
    assert_eq!(
        io::read_column_map(text.as_bytes(), "again.csv").expect("reads"),
        map
    );
    // A skill named like a field, or "Ignore", stays a skill when written.
    let mut odd = skillgrid::model::ColumnMap::default();
    odd.set(
        "Site",
        skillgrid::model::ColumnUse::Skill("Location".into()),
    );
    odd.set("X", skillgrid::model::ColumnUse::Skill("Ignore".into()));
    let text = io::write_column_map(&odd);
    assert_eq!(
        io::read_column_map(text.as_bytes(), "odd.csv").expect("reads"),
        odd
    );
}

/// An OpenDocument sheet as LibreOffice saves one: `rows`, each a list of
/// cells as `(text, columns spanned, rows spanned)`; a spanned-over cell
/// is written as LibreOffice does, covered.
fn ods(sheet: &str, rows: &[Vec<(&str, u32, u32)>]) -> Vec<u8> {
    use std::io::Write;
    let mut body = String::new();
    for row in rows {
        body.push_str("<table:table-row>");
        for (text, columns, spanned_rows) in row {
            if text.is_empty() && *columns == 0 {
                body.push_str("<table:covered-table-cell/>");
                continue;
            }
            let spans = if *columns > 1 || *spanned_rows > 1 {
                format!(
                    " table:number-columns-spanned=\"{columns}\" table:number-rows-spanned=\"{spanned_rows}\""
                )
            } else {
                String::new()
            };
            match text.parse::<f64>() {
                Ok(number) => body.push_str(&format!(
                    "<table:table-cell office:value-type=\"float\" office:value=\"{number}\"{spans}><text:p>{text}</text:p></table:table-cell>"
                )),
                Err(_) => body.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\"{spans}><text:p>{text}</text:p></table:table-cell>"
                )),
            }
        }
        body.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">\
         <office:body><office:spreadsheet><table:table table:name=\"{sheet}\">\
         <table:table-column table:number-columns-repeated=\"3\"/>{body}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    out.start_file("mimetype", stored).expect("entry");
    out.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("written");
    out.start_file(
        "META-INF/manifest.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .expect("entry");
    out.write_all(manifest.as_bytes()).expect("written");
    out.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .expect("entry");
    out.write_all(content.as_bytes()).expect("written");
    out.finish().expect("finished").into_inner()
}

#[test]
fn a_team_merged_down_its_members_in_an_opendocument_sheet_too() {
    let covered = ("", 0, 0);
    let bytes = ods(
        "Roster",
        &[
            vec![("Team", 1, 1), ("Name", 1, 1), ("Kubernetes", 1, 1)],
            vec![("Core", 1, 2), ("Ana Silva", 1, 1), ("3", 1, 1)],
            vec![covered, ("Ben Okafor", 1, 1), ("1", 1, 1)],
            vec![("Apps", 1, 1), ("Chen Wei", 1, 1), ("4", 1, 1)],
        ],
    );
    let imported =
        io::import_roster_workbook(&bytes, "team.ods", catalog::builtin()).expect("imports");
    let teams: Vec<Option<&str>> = imported
        .value
        .members
        .iter()
        .map(|member| member.team.as_deref())
        .collect();
    assert_eq!(teams, [Some("Core"), Some("Core"), Some("Apps")]);
    assert_eq!(
        level(&imported.value, "Ben Okafor", "Containers & Kubernetes"),
        Some(1)
    );
}

#[test]
fn a_blank_spacer_column_before_the_skills_keeps_them_and_a_section_title_is_no_level() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Roster").expect("named");
    // Details, a blank spacer column, then the skills.
    header(
        sheet,
        0,
        &["Name", "Team", "", "Kubernetes", "Observability"],
    );
    // A section title merged across the row, between the teams.
    sheet
        .merge_range(1, 0, 1, 4, "Platform team", &Format::new())
        .expect("merged");
    sheet.write_string(2, 0, "Ana Silva").expect("name");
    sheet.write_string(2, 1, "Platform").expect("team");
    sheet.write_number(2, 3, 3.0).expect("level");
    sheet.write_number(2, 4, 2.0).expect("level");
    let result = read(&book.save_to_buffer().expect("saved"));
    // The title row is a row without levels: its name is the title, and no
    // skill cell holds it.
    let said = match &result {
        Ok(imported) => messages(&imported.warnings),
        Err(failure) => messages(&failure.errors),
    };
    assert!(!said.contains("\"Platform team\" for skill"), "{said}");
    let imported = result.expect("imports");
    let names: Vec<&str> = imported
        .value
        .skills
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Containers & Kubernetes", "Observability"]);
    assert_eq!(
        level(&imported.value, "Ana Silva", "Observability"),
        Some(2)
    );
}
