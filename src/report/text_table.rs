//! Plain-text tables and headings for the terminal report, shared by its
//! topics (the findings, staffing) from below.

use std::fmt::Write as _;

/// Rows shown per table before "... and N more" (the JSON has them all).
const MAX_ROWS: usize = 15;

pub(crate) struct TextTable {
    headers: Vec<String>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
    limit: usize,
}

impl TextTable {
    /// Every row, for a table that is the whole answer.
    pub(crate) fn show_all(&mut self) {
        self.limit = usize::MAX;
    }

    pub(crate) fn new(columns: &[(&str, bool)]) -> TextTable {
        TextTable {
            headers: columns
                .iter()
                .map(|(header, _)| header.to_string())
                .collect(),
            right: columns.iter().map(|(_, right)| *right).collect(),
            rows: Vec::new(),
            limit: MAX_ROWS,
        }
    }

    pub(crate) fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub(crate) fn render(&self, out: &mut String) {
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
            let mut text = String::from("  ");
            for (index, cell) in cells.enumerate() {
                let pad = widths[index].saturating_sub(cell.chars().count());
                if index > 0 {
                    text.push_str("  ");
                }
                if self.right[index] {
                    text.push_str(&" ".repeat(pad));
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.push_str(&" ".repeat(pad));
                }
            }
            let _ = writeln!(out, "{}", text.trim_end());
        };
        line(&mut self.headers.iter().map(String::as_str), out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&mut rule.iter().map(String::as_str), out);
        for row in self.rows.iter().take(self.limit) {
            line(&mut row.iter().map(String::as_str), out);
        }
        if self.rows.len() > self.limit {
            let _ = writeln!(
                out,
                "  ... and {} more (see --format json)",
                self.rows.len() - self.limit
            );
        }
    }
}

pub(crate) fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}\n{}", "=".repeat(title.chars().count()));
}
