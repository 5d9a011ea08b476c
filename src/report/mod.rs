//! Rendering an analysis for people and scripts: aligned text for a
//! terminal, JSON, CSV tables and a self-contained HTML page.

mod csv_tables;
mod development;
mod html;
mod markup;
mod phrases;
mod scenarios;
mod staffing;
mod staffing_export;
mod svg;
mod terminal;
mod text_table;
mod who;
mod work;
mod workbook;

pub use csv_tables::{Table, csv_table, plan_csv, table_rows};
pub use development::{bench_change_text, expiry_text, standing_text};
pub use html::html_report;
pub use phrases::{
    breach_text, gap_text, hire_reason, hire_title, mentor_text, met_text, planned_hire_title,
    readiness, rebalance_lines, short_of, to_assess, upskilling_sentence,
};
pub(crate) use phrases::{fit_cell, lowest_fit_first};
pub use scenarios::{
    FigureRow, scenario_comparison_html, scenario_comparison_text, scenario_figure_rows,
};
pub use staffing::{need_text, placeholder_text, staffing_text};
pub use staffing_export::{proposal_rows, rows_csv, staffing_workbook, week_rows};
pub use svg::{Heatmap, MAX_PICTURE_ROWS, heatmap_svg, leads_by_column, matrix_picture};
pub use terminal::text_report;
pub use who::{who_csv, who_levels, who_text};
pub use workbook::report_workbook;

use crate::analysis::Analysis;

/// The complete analysis as JSON, compact for scripts or indented for
/// people. Field names are stable within a `report_version`; see
/// `docs/report-json.md`.
pub fn json_report(analysis: &Analysis, pretty: bool) -> String {
    let mut text = if pretty {
        serde_json::to_string_pretty(analysis)
    } else {
        serde_json::to_string(analysis)
    }
    .expect("an analysis always serialises");
    text.push('\n');
    text
}
