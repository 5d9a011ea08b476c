//! A levels x competencies grid, as teams export their ladders from a
//! spreadsheet: the first column names each competency, every other
//! column is a level (lowest first), and a cell is what that level
//! expects: a level (0-4 or a scale word) or the expectation's text, which
//! takes the column's place spread over 1-4. Blank cells expect nothing.

use super::types::{
    Expectation, Framework, FrameworkLevel, FrameworkTheme, ScaleStep, Strength, base_name,
    file_stem, is_manager_level,
};
use crate::io::diag::{ImportFailure, Imported, Report};
use crate::io::text;
use crate::io::text::{Table, line_of};
use crate::io::workbook::{SheetFormat, untitled};
use crate::model::{ScaleWords, slugify};

/// A grid sheet, as the workbook reader looks for it.
pub const GRID_SHEET: SheetFormat = SheetFormat {
    noun: "a career framework grid",
    expected: "a header row of Competency, then one column per level, lowest first",
    is_header: is_grid_header,
    titled: untitled,
    continues: crate::io::workbook::never_continues,
};

/// Whether a row could be a grid's header: a competency column and at
/// least one level.
pub fn is_grid_header(header: &[String]) -> bool {
    header.len() >= 2 && header[1..].iter().any(|cell| !cell.trim().is_empty())
}

pub fn read_grid(
    bytes: &[u8],
    file: &str,
    scale: &ScaleWords,
) -> Result<Imported<Framework>, ImportFailure> {
    let mut report = Report::new(file);
    let text = text::decode(bytes, file).map_err(ImportFailure::single)?;
    let Some(table) = Table::read_finding(&text, &mut report, is_grid_header) else {
        return Err(report.fail());
    };
    let levels: Vec<(usize, String)> = table
        .header
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, name)| !name.is_empty())
        .map(|(at, name)| (at, name.clone()))
        .collect();
    if levels.is_empty() {
        report.error(
            table.header_line,
            Some(2),
            "no levels: expected a header row of Competency, then one column per level".into(),
        );
        return Err(report.fail());
    }
    let count = levels.len() as u32;
    let mut framework = Framework {
        name: file_stem(file).to_string(),
        file: base_name(file).to_string(),
        licence: None,
        levels: levels
            .iter()
            .map(|(_, level)| FrameworkLevel {
                // A grid's column headers are its roles' titles.
                id: slugify(level, "level"),
                name: level.clone(),
                manager: is_manager_level("", level),
            })
            .collect(),
        themes: Vec::new(),
        // Text cells take their column's place on the scale.
        scale: levels
            .iter()
            .enumerate()
            .map(|(rank, (_, level))| ScaleStep {
                label: level.clone(),
                level: super::types::spread_level(rank as u32 + 1, count),
            })
            .collect(),
        expectations: Vec::new(),
    };
    table.for_each_row(&mut report, |record, report| {
        let line = line_of(record);
        let theme = text::restore_text(record[0].trim()).to_string();
        if theme.is_empty() {
            report.error(line, Some(1), "the competency's name is blank".into());
            return;
        }
        let theme_at = framework.themes.len();
        framework.themes.push(FrameworkTheme {
            id: slugify(&theme, "competency"),
            name: theme.clone(),
        });
        for (rank, (column, level_name)) in levels.iter().enumerate() {
            let cell = text::restore_text(record[*column].trim());
            if cell.is_empty() {
                continue;
            }
            let (strength, text) = match scale.parse_cell(cell).ok().and_then(|c| c.level()) {
                Some(level) => (
                    Strength::Given(level),
                    format!("{theme} at {level_name}: level {level}"),
                ),
                None => (Strength::Step(rank), cell.to_string()),
            };
            framework.expectations.push(Expectation {
                level: rank,
                theme: theme_at,
                strength,
                text,
            });
        }
    });
    if report.has_errors() {
        return Err(report.fail());
    }
    if framework.themes.is_empty() {
        report.error(
            table.header_line,
            None,
            "the grid has levels but no competencies: expected one row per competency".into(),
        );
        return Err(report.fail());
    }
    report.finish(framework)
}
