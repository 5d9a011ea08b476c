//! What the team's commits say beside the ratings, in the report: the
//! ratings the work contradicts, the code one member alone has changed
//! lately, and when that member is away.

use super::markup::escape;
use super::text_table::heading;
use crate::analysis::Analysis;
use std::fmt::Write as _;

/// The lines of the section, in the order every format gives them.
fn lines(analysis: &Analysis) -> (Vec<String>, Vec<String>) {
    let work = &analysis.work;
    let contradictions = work
        .contradictions
        .iter()
        .map(|contradiction| contradiction.sentence())
        .collect();
    let owners = work
        .sole_owners
        .iter()
        .map(|owner| owner.sentence())
        .chain(work.owners_away.iter().map(|away| away.sentence()))
        .collect();
    (contradictions, owners)
}

fn source_line(analysis: &Analysis) -> String {
    format!(
        "From the history of {} (counts only; evidence never sets a level)",
        analysis.work.sources.join(", ")
    )
}

pub fn work_text(analysis: &Analysis, out: &mut String) {
    if analysis.work.is_empty() {
        return;
    }
    let (contradictions, owners) = lines(analysis);
    heading(
        out,
        &format!("Ratings the work contradicts ({})", contradictions.len()),
    );
    let _ = writeln!(out, "  {}", source_line(analysis));
    for line in &contradictions {
        let _ = writeln!(out, "  {line}");
    }
    heading(out, "Code one member alone has changed lately");
    if owners.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for line in &owners {
        let _ = writeln!(out, "  {line}");
    }
}

pub fn work_html(analysis: &Analysis, out: &mut String) {
    if analysis.work.is_empty() {
        return;
    }
    let (contradictions, owners) = lines(analysis);
    out.push_str("<h2>Evidence from the work</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>",
        escape(&source_line(analysis))
    );
    let _ = writeln!(
        out,
        "<h3>Ratings the work contradicts ({})</h3>",
        contradictions.len()
    );
    list(out, &contradictions);
    out.push_str("<h3>Code one member alone has changed lately</h3>\n");
    list(out, &owners);
}

fn list(out: &mut String, lines: &[String]) {
    if lines.is_empty() {
        out.push_str("<p>None.</p>\n");
        return;
    }
    out.push_str("<ul>\n");
    for line in lines {
        let _ = writeln!(out, "<li>{}</li>", escape(line));
    }
    out.push_str("</ul>\n");
}
