//! A roster file read for a person to check before it imports: the sheet
//! read and the others, how each column is read, and what would import.
//! The same read the import uses, so what the preview shows is what comes.

use super::plan::PlannedColumn;
use super::read::read_roster;
use super::sheet::ROSTER_SHEET;
use crate::catalog::Catalog;
use crate::io::diag::{ImportFailure, Imported};
use crate::io::file::{FileKind, Progress};
use crate::io::workbook::{read_sheet_named, sheet_list};
use crate::model::{ColumnMap, Settings, Workspace};
use std::path::Path;

/// A roster file as it would import.
#[derive(Debug)]
pub struct RosterPreview {
    /// The workbook sheet read, when the file is a workbook.
    pub sheet: Option<String>,
    /// Every sheet of a workbook, and whether it is hidden.
    pub sheets: Vec<(String, bool)>,
    /// How each column is read (none for a long roster).
    pub columns: Vec<PlannedColumn>,
    /// The roster, or why it does not import.
    pub result: Result<Imported<Workspace>, ImportFailure>,
}

/// Reads `bytes` (a CSV, or a workbook when `workbook`) as a roster with
/// `map`, from the sheet named `sheet` or the first that holds a roster.
pub fn preview_roster(
    bytes: &[u8],
    file: &str,
    workbook: bool,
    catalog: &Catalog,
    settings: &Settings,
    sheet: Option<&str>,
    map: &ColumnMap,
) -> RosterPreview {
    let mut columns = Vec::new();
    let mut read = |csv: &[u8]| {
        let (result, planned) =
            read_roster(csv, file, catalog, settings, map, &Progress::default());
        columns = planned;
        result
    };
    if !workbook {
        let result = read(bytes);
        return RosterPreview {
            sheet: None,
            sheets: Vec::new(),
            columns,
            result,
        };
    }
    let (chosen, result) = read_sheet_named(bytes, file, &ROSTER_SHEET, sheet, read);
    RosterPreview {
        sheet: chosen,
        sheets: sheet_list(bytes),
        columns,
        result,
    }
}

/// `preview_roster` of the file at `path`.
pub fn preview_roster_file(
    path: &Path,
    catalog: &Catalog,
    settings: &Settings,
    sheet: Option<&str>,
    map: &ColumnMap,
) -> RosterPreview {
    let name = crate::io::file::display_name(path);
    match crate::io::file::read_file(path) {
        Ok(bytes) => preview_roster(
            &bytes,
            &name,
            FileKind::of(path) == FileKind::Workbook,
            catalog,
            settings,
            sheet,
            map,
        ),
        Err(message) => RosterPreview {
            sheet: None,
            sheets: Vec::new(),
            columns: Vec::new(),
            result: Err(ImportFailure::single(crate::io::Diagnostic::error(
                &name,
                None,
                None,
                message.to_string(),
            ))),
        },
    }
}

/// A mapping file: a `Column,Use` CSV, one row a column; the use is a
/// field (`Team`), a skill's name, or `set aside`.
pub fn read_column_map(bytes: &[u8], file: &str) -> Result<ColumnMap, ImportFailure> {
    use crate::model::ColumnUse;
    let fail = |line: Option<u64>, message: String| {
        ImportFailure::single(crate::io::Diagnostic::error(file, line, None, message))
    };
    let text = crate::io::text::decode(bytes, file).map_err(ImportFailure::single)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut map = ColumnMap::default();
    for record in reader.records() {
        let record =
            record.map_err(|error| fail(None, format!("cannot read this row: {error}")))?;
        let line = record.position().map(|position| position.line());
        let (Some(column), Some(choice)) = (record.get(0), record.get(1)) else {
            return Err(fail(
                line,
                "expected two values, the column's header and its use (a field, a skill, or \
                 set aside)"
                    .to_string(),
            ));
        };
        let (column, choice) = (column.trim(), choice.trim());
        if column.is_empty() || choice.is_empty() {
            return Err(fail(
                line,
                "a blank column or use: expected the column's header and its use".to_string(),
            ));
        }
        let key = crate::model::normalize_label(choice);
        let choice = if matches!(key.as_str(), "set aside" | "ignore" | "ignored" | "skip") {
            ColumnUse::SetAside
        } else if let Some(field) =
            super::columns::Field::from_header(choice).filter(|field| field.is_member_field())
        {
            ColumnUse::Field(field.header().to_string())
        } else {
            ColumnUse::Skill(choice.trim_start_matches("skill:").trim().to_string())
        };
        map.set(column, choice);
    }
    Ok(map)
}

/// A map as the file `read_column_map` reads.
pub fn write_column_map(map: &ColumnMap) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(["Column", "Use"]);
    for (column, choice) in &map.columns {
        let spelled = match choice {
            // A skill named like a field or "Ignore" says it is a skill.
            crate::model::ColumnUse::Skill(skill) if !reads_as_other(skill) => skill.clone(),
            other => other.spelled(),
        };
        let _ = writer.write_record([column.as_str(), spelled.as_str()]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Whether a bare skill name would read back as a field or as set aside.
fn reads_as_other(name: &str) -> bool {
    let key = crate::model::normalize_label(name);
    matches!(key.as_str(), "set aside" | "ignore" | "ignored" | "skip")
        || key.starts_with("skill")
        || super::columns::Field::from_header(name).is_some_and(|field| field.is_member_field())
}
