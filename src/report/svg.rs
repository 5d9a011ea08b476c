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

const CELL: f64 = 18.0;
/// The title line above the drawing, and the can-lead row under the names.
const TITLE_HEIGHT: f64 = 26.0;
const LEAD_ROW: f64 = 16.0;
/// A team's name over its members.
const TEAM_ROW: f64 = 16.0;
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
    /// What and when: `product-org.csv, 2026-12-07`, drawn as the title.
    pub title: Option<String>,
    /// Per workspace skill, how many can lead it, as every view counts
    /// them (empty: no can-lead row).
    pub leads: &'a [u32],
}

/// A row of the drawing: a team's name, or a member.
enum Row<'w> {
    Team(&'w str),
    Member(usize),
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
    let title_height = if heatmap.title.is_some() {
        TITLE_HEIGHT
    } else {
        0.0
    };
    let lead_row = if heatmap.leads.is_empty() {
        0.0
    } else {
        LEAD_ROW
    };
    let names_top = title_height;
    let names_bottom = names_top + (longest_skill * CHAR_WIDTH * 0.87 + 16.0).max(40.0);
    let top = names_bottom + lead_row;
    // Members under their team's name, in the order given within a team.
    let mut grouped: Vec<usize> = heatmap.members.to_vec();
    grouped.sort_by(|&a, &b| {
        let team = |member: usize| workspace.members[member].team.as_deref();
        team(a)
            .is_none()
            .cmp(&team(b).is_none())
            .then(team(a).cmp(&team(b)))
    });
    let mut rows = Vec::with_capacity(grouped.len() + 8);
    let mut team: Option<Option<&str>> = None;
    for &member in &grouped {
        let own = workspace.members[member].team.as_deref();
        if team != Some(own) {
            rows.push(Row::Team(own.unwrap_or("No team")));
            team = Some(own);
        }
        rows.push(Row::Member(member));
    }
    // Each row's top, and the grid's height last.
    let tops: Vec<f64> = std::iter::once(0.0)
        .chain(rows.iter().scan(0.0, |height, row| {
            *height += match row {
                Row::Team(_) => TEAM_ROW,
                Row::Member(_) => CELL,
            };
            Some(*height)
        }))
        .collect();
    let grid_right = left + CELL * heatmap.skills.len() as f64;
    let width = (grid_right + longest_skill * CHAR_WIDTH * 0.5 + 16.0)
        .max(left + legend_width(workspace) + 16.0);
    let grid_bottom = top + tops[rows.len()];
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
    if let Some(title) = &heatmap.title {
        let _ = write!(
            out,
            "<text x=\"8\" y=\"17\" style=\"font-size:14px;font-weight:600\">Skills matrix · {}</text>",
            escape(title)
        );
    }
    for (column, &skill) in heatmap.skills.iter().enumerate() {
        let x = left + CELL * column as f64 + CELL / 2.0 + 3.0;
        let _ = write!(
            out,
            "<text transform=\"translate({x:.1},{:.1}) rotate(-60)\">{}</text>",
            names_bottom - 6.0,
            escape(&workspace.skills[skill].name)
        );
    }
    if !heatmap.leads.is_empty() {
        let lead_level = workspace.settings.lead_level.get();
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" style=\"font-size:9px\">Can lead ({lead_level}+)</text>",
            left - 6.0,
            names_bottom + 12.0
        );
        let alert = hex(ALERT_RGB);
        for (column, &skill) in heatmap.skills.iter().enumerate() {
            let leads = heatmap.leads.get(skill).copied().unwrap_or(0);
            let x = left + CELL * column as f64;
            if leads <= 1 {
                let _ = write!(
                    out,
                    "<rect x=\"{x:.0}\" y=\"{:.0}\" width=\"{CELL}\" height=\"{:.0}\" fill=\"{alert}\"/>",
                    names_bottom + 1.0,
                    LEAD_ROW - 2.0
                );
            }
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" style=\"font-size:9px{}\">{leads}</text>",
                x + CELL / 2.0,
                names_bottom + 12.0,
                if leads <= 1 { ";fill:#fff" } else { "" }
            );
        }
    }
    let interest = hex(ALERT_RGB);
    let fills: Vec<String> = LEVEL_RGB.iter().map(|rgb| hex(*rgb)).collect();
    for (index, row) in rows.iter().enumerate() {
        let y = top + tops[index];
        let member = match row {
            Row::Team(name) => {
                let _ = write!(
                    out,
                    "<text x=\"8\" y=\"{:.1}\" style=\"font-weight:600\">{}</text>\
                     <line x1=\"8\" y1=\"{:.1}\" x2=\"{grid_right:.0}\" y2=\"{:.1}\" stroke=\"#c9ced8\"/>",
                    y + 12.0,
                    escape(name),
                    y + TEAM_ROW - 1.0,
                    y + TEAM_ROW - 1.0
                );
                continue;
            }
            Row::Member(member) => *member,
        };
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
            if let Some(level) = cell.level() {
                let _ = write!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" style=\"font-size:9px{}\">{}</text>",
                    x + CELL / 2.0,
                    y + 12.5,
                    if crate::palette::dark_level(level.get()) {
                        ";fill:#fff"
                    } else {
                        ""
                    },
                    level.get()
                );
            }
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

/// Per workspace skill, how many can lead it by `analysis`: the count the
/// coverage, the matrix and the report give.
pub fn leads_by_column(analysis: &crate::analysis::Analysis, workspace: &Workspace) -> Vec<u32> {
    let mut leads = vec![0; workspace.skills.len()];
    for coverage in &analysis.coverage {
        if let Some(column) =
            workspace.skill_index(&crate::model::SkillId::new(coverage.skill.id.to_string()))
        {
            leads[column] = coverage.leaders;
        }
    }
    leads
}

/// A standalone picture of `members` x `skills`, at most
/// `MAX_PICTURE_ROWS` rows; the second value counts the rows left out.
pub fn matrix_picture(
    workspace: &Workspace,
    members: &[usize],
    skills: &[usize],
    title: String,
    leads: &[u32],
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
            title: Some(title),
            leads,
        },
        true,
    );
    (
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n"),
        left_out,
    )
}
