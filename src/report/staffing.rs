//! The staffing section: each project's lines and who fills them, what
//! stays open and why, hiring placeholders and quarter loads, as text.

use super::text_table::{TextTable, heading};
use crate::analysis::{Need, Staffing};
use crate::words::thousands;
use std::fmt::Write;

/// "Containers & Kubernetes 3+" or "role: Tech Lead".
pub fn need_text(need: &Need) -> String {
    match need {
        Need::Skill { skill, min_level } => format!("{} {}+", skill.name, min_level.get()),
        Need::Role { role } => format!("role: {}", role.title),
    }
}

/// "1 × Security & Compliance 3+ from 2026-07-01: hire a Technical
/// Manager (167,500 a year)".
pub fn placeholder_text(placeholder: &crate::analysis::Placeholder) -> String {
    format!(
        "{} × {} from {}: hire a {} ({} a year)",
        placeholder.people,
        need_text(&placeholder.need),
        placeholder.from,
        placeholder
            .hire_as
            .as_ref()
            .map_or("role the library lacks", |r| &*r.title),
        placeholder
            .cost
            .map_or("no band".to_string(), |c| thousands(c.mid))
    )
}

/// `project` keeps only the project of that name (case-insensitive).
pub fn staffing_text(staffing: &Staffing, source: &str, project: Option<&str>) -> String {
    let mut out = String::new();
    let shown = |name: &str| project.is_none_or(|wanted| wanted.eq_ignore_ascii_case(name));
    let _ = writeln!(
        out,
        "Staffing: {source} ({} projects; total fit {} against {} for a greedy pass)",
        staffing.projects.len(),
        thousands(staffing.objective),
        thousands(staffing.greedy_objective)
    );
    for problem in &staffing.problems {
        let _ = writeln!(out, "  left out: {problem}");
    }
    let on_growth = staffing
        .projects
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.assigned)
        .filter(|a| a.on_growth)
        .count();
    if on_growth > 0 {
        let _ = writeln!(
            out,
            "  Counting on growth: {} at the level of a target due by the project's start, not \
             yet held",
            crate::words::count_of(on_growth, "place rests", "places rest")
        );
    }
    for project in staffing.projects.iter().filter(|p| shown(&p.name)) {
        let status = if project.tentative {
            "tentative, staffed from what confirmed work leaves; "
        } else {
            ""
        };
        heading(
            &mut out,
            &format!(
                "{} ({status}priority {}, {} to {})",
                project.name, project.priority, project.start, project.end
            ),
        );
        let mut table = TextTable::new(&[
            ("Needs", false),
            ("People", true),
            ("FTE each", true),
            ("Assigned", false),
        ]);
        for line in &project.lines {
            let assigned: Vec<String> = line
                .assigned
                .iter()
                .map(|a| {
                    let level = a
                        .level
                        .map_or(String::new(), |l| format!("level {}, ", l.get()));
                    let pin = if a.pinned { ", pinned" } else { "" };
                    let growth = if a.on_growth {
                        ", counting on their target"
                    } else {
                        ""
                    };
                    format!("{} ({level}fit {:.0}{pin}{growth})", a.member.name, a.fit)
                })
                .collect();
            table.row(vec![
                need_text(&line.need),
                line.people.to_string(),
                format!("{:.2}", line.fte_each),
                if assigned.is_empty() {
                    "-".to_string()
                } else {
                    assigned.join(", ")
                },
            ]);
        }
        table.render(&mut out);
        for said in project
            .lines
            .iter()
            .filter_map(|line| line.learner_sentence())
        {
            let _ = writeln!(out, "  Learner: {said}");
        }
        for line in project.lines.iter().filter(|line| line.unfilled > 0) {
            let _ = writeln!(
                out,
                "  Unfilled: {} ({} of {}): {}",
                need_text(&line.need),
                line.unfilled,
                line.people,
                line.reason.as_deref().unwrap_or("")
            );
        }
    }

    heading(&mut out, "Hiring placeholders");
    let placeholders: Vec<_> = staffing
        .placeholders
        .iter()
        .filter(|p| shown(&p.project))
        .collect();
    if placeholders.is_empty() {
        let _ = writeln!(out, "  None: every line is filled.");
    } else {
        let mut table = TextTable::new(&[
            ("Project", false),
            ("Needs", false),
            ("People", true),
            ("From", false),
            ("Hire as", false),
            ("Cost (mid)", true),
        ]);
        for placeholder in &placeholders {
            table.row(vec![
                placeholder.project.clone(),
                need_text(&placeholder.need),
                placeholder.people.to_string(),
                placeholder.from.clone(),
                placeholder
                    .hire_as
                    .as_ref()
                    .map_or("no library role".to_string(), |r| r.title.to_string()),
                placeholder
                    .cost
                    .map_or("-".to_string(), |c| thousands(c.mid)),
            ]);
        }
        table.render(&mut out);
        let total: f64 = placeholders
            .iter()
            .filter_map(|p| p.cost)
            .map(|c| c.mid)
            .sum();
        let _ = writeln!(out, "  Total: {} a year at midpoints", thousands(total));
    }

    heading(&mut out, "Demand and capacity by quarter (FTE)");
    // Tentative work has columns of its own, only when there is some.
    let tentative = staffing.projects.iter().any(|p| p.tentative);
    let mut columns = vec![
        ("Quarter", false),
        ("Available", true),
        ("Demanded", true),
        ("Booked", true),
    ];
    if tentative {
        columns.extend([("Tentative demanded", true), ("Tentative booked", true)]);
    }
    columns.extend([("", false), ("Only one free to cover", false)]);
    let mut table = TextTable::new(&columns);
    for quarter in &staffing.quarters {
        let mut row = vec![
            quarter.quarter.clone(),
            format!("{:.1}", quarter.available_fte),
            format!("{:.1}", quarter.demanded_fte),
            format!("{:.1}", quarter.assigned_fte),
        ];
        if tentative {
            row.extend([
                format!("{:.1}", quarter.tentative_demanded_fte),
                format!("{:.1}", quarter.tentative_assigned_fte),
            ]);
        }
        row.push(if quarter.over_allocated {
            "OVER".to_string()
        } else {
            String::new()
        });
        row.push(
            quarter
                .single_cover
                .iter()
                .map(|s| &*s.name)
                .collect::<Vec<_>>()
                .join(", "),
        );
        table.row(row);
    }
    table.render(&mut out);
    for (skill, quarters) in &staffing.skill_quarters {
        let over: Vec<&str> = quarters
            .iter()
            .filter(|q| q.over_allocated)
            .map(|q| q.quarter.as_str())
            .collect();
        if !over.is_empty() {
            let _ = writeln!(
                out,
                "  {} is over-allocated in {}",
                skill.name,
                over.join(", ")
            );
        }
    }
    out
}

/// The staffing section of the HTML report.
pub fn staffing_html(out: &mut String, staffing: &Staffing) {
    use super::markup::escape;
    out.push_str("<h2>Staffing</h2>\n");
    let _ = writeln!(
        out,
        "<p>Total fit {} (a greedy pass: {}).</p>",
        thousands(staffing.objective),
        thousands(staffing.greedy_objective)
    );
    for project in &staffing.projects {
        let _ = writeln!(
            out,
            "<h3>{} <small>priority {}, {} to {}</small></h3>\n<table><tr><th>Needs</th><th class=\"num\">People</th><th class=\"num\">FTE each</th><th>Assigned</th><th>Unfilled</th></tr>",
            escape(&project.name),
            project.priority,
            escape(&project.start),
            escape(&project.end)
        );
        for line in &project.lines {
            let assigned: Vec<String> = line
                .assigned
                .iter()
                .map(|a| escape(&a.member.name))
                .collect();
            let unfilled = match &line.reason {
                Some(reason) => format!("{}: {}", line.unfilled, escape(reason)),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:.2}</td><td>{}</td><td>{unfilled}</td></tr>",
                escape(&need_text(&line.need)),
                line.people,
                line.fte_each,
                assigned.join(", ")
            );
        }
        out.push_str("</table>\n");
    }
    if !staffing.placeholders.is_empty() {
        out.push_str("<h3>Hiring placeholders</h3>\n<table><tr><th>Project</th><th>Needs</th><th class=\"num\">People</th><th>From</th><th>Hire as</th><th class=\"num\">Cost (mid)</th></tr>\n");
        for placeholder in &staffing.placeholders {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                escape(&placeholder.project),
                escape(&need_text(&placeholder.need)),
                placeholder.people,
                escape(&placeholder.from),
                placeholder
                    .hire_as
                    .as_ref()
                    .map_or("no library role".to_string(), |r| escape(&r.title)),
                placeholder
                    .cost
                    .map_or("-".to_string(), |c| thousands(c.mid))
            );
        }
        let _ = writeln!(
            out,
            "<tr><th colspan=\"5\">Total (USD a year)</th><th class=\"num\">{}</th></tr></table>",
            thousands(staffing.placeholder_cost.mid)
        );
    }
    out.push_str("<h3>Demand and capacity by quarter (FTE)</h3>\n<table><tr><th>Quarter</th><th class=\"num\">Available</th><th class=\"num\">Demanded</th><th class=\"num\">Booked</th><th>Only one free to cover</th></tr>\n");
    for quarter in &staffing.quarters {
        let single: Vec<String> = quarter
            .single_cover
            .iter()
            .map(|s| escape(&s.name))
            .collect();
        let _ = writeln!(
            out,
            "<tr{}><td>{}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}</td><td>{}</td></tr>",
            if quarter.over_allocated {
                " class=\"over\""
            } else {
                ""
            },
            escape(&quarter.quarter),
            quarter.available_fte,
            quarter.demanded_fte,
            quarter.assigned_fte,
            single.join(", ")
        );
    }
    out.push_str("</table>\n");
}
