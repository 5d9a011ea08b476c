//! Excel against CSV in one run, 10,000 x 300: importing the same roster
//! from each, and exporting the workbook. Own timing, fastest of three:
//! `cargo bench --bench xlsx`.

mod timing;
use timing::fastest;

use skillgrid::{catalog, io, synthetic};
use std::time::Duration;

fn main() {
    let workspace = synthetic::roster(catalog::builtin(), 10_000, 300, 42);
    let csv = io::export_roster(&workspace, io::ExportOptions::default());
    let (export, book) = fastest(3, || io::export_workbook(&workspace).expect("a workbook"));
    let (csv_import, _) = fastest(3, || {
        io::import_roster(&csv, "team.csv", catalog::builtin()).expect("reads")
    });
    let (book_import, read) = fastest(3, || {
        io::import_roster_workbook(&book, "team.xlsx", catalog::builtin()).expect("reads")
    });
    assert_eq!(read.value.levels, workspace.levels, "the same roster");
    // The floor under the workbook import: calamine reading the sheet's
    // cells, before Skillgrid sees one.
    let (parse, _) = fastest(3, || {
        use calamine::Reader;
        let mut book =
            calamine::open_workbook_auto_from_rs(std::io::Cursor::new(&book)).expect("a workbook");
        book.worksheet_range("Skills matrix").expect("the sheet")
    });
    let ms = |duration: Duration| duration.as_secs_f64() * 1000.0;
    println!(
        "10,000 x 300: CSV {:.1} MB, workbook {:.1} MB",
        csv.len() as f64 / 1e6,
        book.len() as f64 / 1e6
    );
    println!("workbook export: {:.0} ms", ms(export));
    println!(
        "import: CSV {:.0} ms, workbook {:.0} ms ({:.1}x the CSV's)",
        ms(csv_import),
        ms(book_import),
        book_import.as_secs_f64() / csv_import.as_secs_f64()
    );
    println!(
        "of which calamine's parse of the sheet: {:.0} ms ({:.1}x the CSV import)",
        ms(parse),
        parse.as_secs_f64() / csv_import.as_secs_f64()
    );
    // The peer: pandas' calamine engine on the same file, when installed
    // (`pip install pandas python-calamine`).
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("team.xlsx");
    std::fs::write(&path, &book).expect("written");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/pandas_read_excel.py");
    match std::process::Command::new("python3")
        .args([script, &path.to_string_lossy(), "Skills matrix"])
        .output()
    {
        Ok(output) if output.status.success() => {
            let said = String::from_utf8_lossy(&output.stdout);
            let pandas_ms: f64 = said
                .split_whitespace()
                .next()
                .and_then(|ms| ms.parse().ok())
                .unwrap_or(f64::NAN);
            println!(
                "pandas read_excel (calamine engine), same file: {pandas_ms:.0} ms; Skillgrid's \
                 import is {:.2}x it",
                ms(book_import) / pandas_ms
            );
        }
        _ => println!("pandas read_excel: not measured (pandas and python-calamine not installed)"),
    }
}
