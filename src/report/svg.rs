//! The skills matrix as an SVG picture: one drawing for the HTML report,
//! the window's "Export matrix as SVG" and `report --format svg`, so a
//! level has the same colour, hatch and legend in each.

use super::markup::escape;
use crate::model::{Level, Workspace};
use crate::palette::{ALERT_RGB, LEVEL_RGB, NOT_ASSESSED_RGB, hex};
use std::fmt::Write as _;

/// Rows a picture draws at most: past this an SVG is too large for a
/// slide or a browser, and the caller says how many were left out.
pub const MAX_PICTURE_ROWS: usize = 2_000;

const CELL: f64 = 16.0;
/// About how wide a character of 11px text is.
const CHAR_WIDTH: f64 = 6.2;
const LEGEND_HEIGHT: f64 = 34.0;

/// What to draw: members (rows) and skills (columns), in order.
pub struct Heatmap<'a> {
    pub workspace: &'a Workspace,
    pub members: &'a [usize],
    pub skills: &'a [usize],
    /// A line under the legend, e.g. how many rows were left out.
    pub note: Option<String>,
}

/// The `<svg>` element; `standalone` adds the XML namespace and the
/// text style a file needs outside an HTML page.
pub fn heatmap_svg(heatmap: &Heatmap, standalone: bool) -> String {
    let workspace = heatmap.workspace;
    let longest = heatmap
        .members
        .iter()
        .map(|&member| workspace.members[member].name.chars().count())
        .max()
        .unwrap_or(0);
    // Names are drawn right-aligned before the first column.
    let left = (longest as f64 * 6.5 + 16.0).clamp(60.0, 240.0);
    // Skill names slant up and right at 60 degrees above the columns.
    let longest_skill = heatmap
        .skills
        .iter()
        .map(|&skill| workspace.skills[skill].name.chars().count())
        .max()
        .unwrap_or(0) as f64;
    let top = (longest_skill * CHAR_WIDTH * 0.87 + 16.0).max(40.0);
    let grid_right = left + CELL * heatmap.skills.len() as f64;
    let width = (grid_right + longest_skill * CHAR_WIDTH * 0.5 + 16.0)
        .max(left + legend_width(workspace) + 16.0);
    let grid_bottom = top + CELL * heatmap.members.len() as f64;
    let height = grid_bottom + LEGEND_HEIGHT + if heatmap.note.is_some() { 18.0 } else { 4.0 };
    let not_assessed = hex(NOT_ASSESSED_RGB);
    let mut out = String::with_capacity(200 + heatmap.members.len() * heatmap.skills.len() * 80);
    let namespace = if standalone {
        " xmlns=\"http://www.w3.org/2000/svg\""
    } else {
        ""
    };
    let _ = write!(
        out,
        "<svg{namespace} width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" \
         role=\"img\" aria-label=\"Skills matrix heatmap\">"
    );
    if standalone {
        out.push_str(
            "<style>text{font:11px system-ui,'Segoe UI',Roboto,sans-serif;fill:#1d2433}</style>\
             <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>",
        );
    }
    let _ = write!(
        out,
        "<defs><pattern id=\"na\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"4\" height=\"4\" fill=\"{not_assessed}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#c4c4c4\" stroke-width=\"1.5\"/></pattern></defs>"
    );
    for (column, &skill) in heatmap.skills.iter().enumerate() {
        let x = left + CELL * column as f64 + CELL / 2.0 + 3.0;
        let _ = write!(
            out,
            "<text transform=\"translate({x:.1},{:.1}) rotate(-60)\">{}</text>",
            top - 6.0,
            escape(&workspace.skills[skill].name)
        );
    }
    let interest = hex(ALERT_RGB);
    let fills: Vec<String> = LEVEL_RGB.iter().map(|rgb| hex(*rgb)).collect();
    for (row, &member) in heatmap.members.iter().enumerate() {
        let y = top + CELL * row as f64;
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left - 6.0,
            y + 12.0,
            escape(&workspace.members[member].name)
        );
        let cells = workspace.levels.row(member);
        for (column, &skill) in heatmap.skills.iter().enumerate() {
            let cell = cells[skill];
            let x = left + CELL * column as f64;
            let fill = cell
                .level()
                .map_or("url(#na)", |level| fills[usize::from(level.get())].as_str());
            let _ = write!(
                out,
                "<rect x=\"{x:.0}\" y=\"{y:.0}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"{fill}\" stroke=\"#fff\"/>"
            );
            if cell.interest() {
                let _ = write!(
                    out,
                    "<circle cx=\"{:.0}\" cy=\"{:.0}\" r=\"2.2\" fill=\"{interest}\"/>",
                    x + CELL - 4.0,
                    y + 4.0
                );
            }
        }
    }
    legend(&mut out, workspace, left, grid_bottom + 12.0);
    if let Some(note) = &heatmap.note {
        let _ = write!(
            out,
            "<text x=\"{left:.0}\" y=\"{:.0}\">{}</text>",
            grid_bottom + LEGEND_HEIGHT + 10.0,
            escape(note)
        );
    }
    out.push_str("</svg>");
    out
}

/// The legend's labels, in order.
fn legend_labels(workspace: &Workspace) -> Vec<String> {
    let mut labels: Vec<String> = Level::ALL
        .iter()
        .map(|&level| format!("{} {}", level.get(), workspace.settings.scale.word(level)))
        .collect();
    labels.push("not assessed".to_string());
    labels.push("wants to grow".to_string());
    labels
}

fn swatch_width(label: &str) -> f64 {
    26.0 + label.chars().count() as f64 * CHAR_WIDTH
}

fn legend_width(workspace: &Workspace) -> f64 {
    legend_labels(workspace)
        .iter()
        .map(|label| swatch_width(label))
        .sum()
}

/// One swatch a level with its word, then "not assessed" and interest.
fn legend(out: &mut String, workspace: &Workspace, left: f64, top: f64) {
    let mut labels = legend_labels(workspace).into_iter();
    let mut x = left;
    let mut swatch = |out: &mut String, fill: &str, label: String| {
        let _ = write!(
            out,
            "<rect x=\"{x:.0}\" y=\"{top:.0}\" width=\"12\" height=\"12\" fill=\"{fill}\" stroke=\"#c9ced8\"/>\
             <text x=\"{:.0}\" y=\"{:.0}\">{}</text>",
            x + 16.0,
            top + 10.0,
            escape(&label)
        );
        x += swatch_width(&label);
    };
    for (rgb, label) in LEVEL_RGB.iter().zip(labels.by_ref()) {
        swatch(out, &hex(*rgb), label);
    }
    if let Some(label) = labels.next() {
        swatch(out, "url(#na)", label);
    }
    if let Some(label) = labels.next() {
        let _ = write!(
            out,
            "<circle cx=\"{:.0}\" cy=\"{:.0}\" r=\"3\" fill=\"{}\"/><text x=\"{:.0}\" y=\"{:.0}\">{}</text>",
            x + 6.0,
            top + 6.0,
            hex(ALERT_RGB),
            x + 16.0,
            top + 10.0,
            escape(&label)
        );
    }
}

/// A standalone picture of `members` x `skills`, at most
/// `MAX_PICTURE_ROWS` rows; the second value counts the rows left out.
pub fn matrix_picture(
    workspace: &Workspace,
    members: &[usize],
    skills: &[usize],
) -> (String, usize) {
    let drawn = members.len().min(MAX_PICTURE_ROWS);
    let left_out = members.len() - drawn;
    let note = (left_out > 0).then(|| {
        format!(
            "The first {drawn} of {} members are drawn; filter to a team to draw the others.",
            members.len()
        )
    });
    let svg = heatmap_svg(
        &Heatmap {
            workspace,
            members: &members[..drawn],
            skills,
            note,
        },
        true,
    );
    (
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n"),
        left_out,
    )
}
