//! Which layout a framework file is in, and reading it with the right
//! reader: FT's YAML, Monzo's Markdown page, or a levels x competencies
//! grid as CSV or workbook.

use super::ft::read_ft;
use super::grid::{GRID_SHEET, read_grid};
use super::monzo::{looks_like_monzo, read_monzo};
use super::types::{Framework, failure_at};
use crate::io::diag::{ImportFailure, Imported};
use crate::io::file::{FileKind, display_name, read_file};
use crate::io::text::decode;
use crate::io::workbook::read_sheet_with;
use crate::model::ScaleWords;
use std::path::Path;

/// The three layouts read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameworkFormat {
    Ft,
    Monzo,
    Grid,
}

impl FrameworkFormat {
    pub fn parse(text: &str) -> Option<FrameworkFormat> {
        match text.to_ascii_lowercase().as_str() {
            "ft" => Some(FrameworkFormat::Ft),
            "monzo" => Some(FrameworkFormat::Monzo),
            "grid" => Some(FrameworkFormat::Grid),
            _ => None,
        }
    }

    /// The layout a file is in: a spreadsheet or CSV is a grid, a page with
    /// front matter Monzo's, other YAML the FT's.
    pub fn of(path: &Path, bytes: &[u8]) -> FrameworkFormat {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if FileKind::of(path) == FileKind::Workbook
            || matches!(extension.as_str(), "csv" | "tsv" | "txt")
        {
            FrameworkFormat::Grid
        } else if looks_like_monzo(&String::from_utf8_lossy(bytes)) {
            FrameworkFormat::Monzo
        } else {
            FrameworkFormat::Ft
        }
    }
}

/// Reads a framework file in `format`, or in the layout its name and
/// contents suggest.
pub fn read_framework(
    path: &Path,
    format: Option<FrameworkFormat>,
    scale: &ScaleWords,
) -> Result<Imported<Framework>, ImportFailure> {
    let name = display_name(path);
    let bytes = read_file(path).map_err(|error| failure_at(&name, error.to_string()))?;
    let plain = |framework| Imported {
        value: framework,
        warnings: Vec::new(),
    };
    match format.unwrap_or_else(|| FrameworkFormat::of(path, &bytes)) {
        FrameworkFormat::Grid if FileKind::of(path) == FileKind::Workbook => {
            read_sheet_with(&bytes, &name, &GRID_SHEET, None, |csv| {
                read_grid(csv, &name, scale)
            })
        }
        FrameworkFormat::Grid => read_grid(&bytes, &name, scale),
        FrameworkFormat::Monzo => {
            let text = decode(&bytes, &name).map_err(ImportFailure::single)?;
            read_monzo(&text, &name).map(plain)
        }
        FrameworkFormat::Ft => {
            let text = decode(&bytes, &name).map_err(ImportFailure::single)?;
            read_ft(&text, &name).map(plain)
        }
    }
}
