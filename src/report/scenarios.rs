//! Scenarios side by side, for the terminal and the HTML report.

use super::markup::escape;
use super::text_table::TextTable;
use crate::analysis::ScenarioFigures;
use crate::words::thousands;
use std::fmt::Write as _;

/// A figure's label and how it reads.
pub type FigureRow = (&'static str, fn(&ScenarioFigures) -> String);

/// Each figure's label and how it reads, in the order every table shows
/// them (the terminal, the HTML report, the window).
pub fn scenario_figure_rows() -> [FigureRow; 7] {
    [
        ("Single points of failure now", |f| {
            f.single_points.to_string()
        }),
        ("Skill-weeks with one lead or none, next 26", |f| {
            f.thin_skill_weeks.to_string()
        }),
        ("Skills a team is short of", |f| f.skills_short.to_string()),
        ("Open places on projects", |f| f.open_places.to_string()),
        ("First open place from", |f| {
            f.first_open.clone().unwrap_or_else(|| "-".to_string())
        }),
        ("Span breaches", |f| f.span_breaches.to_string()),
        ("Cost a year (mid)", |f| thousands(f.cost.mid)),
    ]
}

/// The scenarios side by side, a column each, a row a figure, then each
/// scenario's changes.
pub fn scenario_comparison_text(figures: &[ScenarioFigures]) -> String {
    let mut header: Vec<(&str, bool)> = vec![("", false)];
    header.extend(figures.iter().map(|f| (f.name.as_str(), true)));
    let mut table = TextTable::new(&header);
    table.show_all();
    for (label, value) in scenario_figure_rows() {
        let mut cells = vec![label.to_string()];
        cells.extend(figures.iter().map(value));
        table.row(cells);
    }
    let mut text = String::new();
    table.render(&mut text);
    for figure in figures.iter().skip(1) {
        let _ = writeln!(text, "{}: {}", figure.name, figure.changes.join("; "));
        if !figure.unknown.is_empty() {
            let _ = writeln!(text, "  left out: {}", figure.unknown.join("; "));
        }
    }
    text
}

/// The same as an HTML table, for the report.
pub fn scenario_comparison_html(out: &mut String, figures: &[ScenarioFigures]) {
    out.push_str("<h2>Scenarios side by side</h2>\n<table>\n<tr><th></th>");
    for figure in figures {
        let _ = write!(out, "<th>{}</th>", escape(&figure.name));
    }
    out.push_str("</tr>\n");
    for (label, value) in scenario_figure_rows() {
        let _ = write!(out, "<tr><td>{}</td>", escape(label));
        for figure in figures {
            let _ = write!(out, "<td class=\"num\">{}</td>", escape(&value(figure)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n<ul>\n");
    for figure in figures.iter().skip(1) {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {}</li>",
            escape(&figure.name),
            escape(&figure.changes.join("; "))
        );
    }
    out.push_str("</ul>\n");
}
