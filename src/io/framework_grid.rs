//! A levels x competencies grid, as teams export their ladders from a
//! spreadsheet: the first column names each competency, every other
//! column is a level (lowest first), and a cell is what that level
//! expects: a level (0-4 or a scale word) or the expectation's text, which
//! takes the column's place spread over 1-4. Blank cells expect nothing.

use super::decode;
use super::diag::{ImportFailure, Report};
use super::framework::{FrameworkPreview, Ladder, file_stem, map_ladder};
use super::table::{Table, line_of};
use crate::catalog::Catalog;
use crate::model::{Workspace, slugify};

pub fn read_grid_framework(
    bytes: &[u8],
    file: &str,
    workspace: &Workspace,
    catalog: &Catalog,
) -> Result<FrameworkPreview, ImportFailure> {
    let mut report = Report::new(file);
    let text = decode::decode(bytes, file).map_err(ImportFailure::single)?;
    let Some(table) = Table::read_finding(&text, &mut report, |header| {
        header.len() >= 2 && header[1..].iter().any(|cell| !cell.is_empty())
    }) else {
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
    let name = file_stem(file).to_string();
    let mut ladder = Ladder {
        levels: levels
            .iter()
            .map(|(_, level)| {
                let manager = level.to_lowercase().contains("manager");
                // A grid's column headers are its roles' titles.
                (slugify(level, "level"), level.clone(), manager)
            })
            .collect(),
        themes: Vec::new(),
        expectations: Vec::new(),
        name,
    };
    let count = levels.len() as u32;
    let scale = &workspace.settings.scale;
    table.for_each_row(&mut report, |record, report| {
        let line = line_of(record);
        let theme = decode::restore_text(record[0].trim()).to_string();
        if theme.is_empty() {
            report.error(line, Some(1), "the competency's name is blank".into());
            return;
        }
        let theme_at = ladder.themes.len();
        ladder
            .themes
            .push((slugify(&theme, "competency"), theme.clone()));
        for (rank, (column, level_name)) in levels.iter().enumerate() {
            let cell = decode::restore_text(record[*column].trim());
            if cell.is_empty() {
                continue;
            }
            let (level, text) = match scale.parse_cell(cell).ok().and_then(|c| c.level()) {
                Some(level) => (level, format!("{theme} at {level_name}: level {level}")),
                None => (
                    super::framework_monzo::spread_level(rank as u32 + 1, count),
                    cell.to_string(),
                ),
            };
            ladder.expectations.push((rank, theme_at, level, text));
        }
    });
    if report.has_errors() {
        return Err(report.fail());
    }
    if ladder.themes.is_empty() {
        report.error(
            table.header_line,
            None,
            "the grid has levels but no competencies: expected one row per competency".into(),
        );
        return Err(report.fail());
    }
    Ok(map_ladder(ladder, file, workspace, catalog))
}
