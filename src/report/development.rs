//! Development targets and certifications in the text and HTML reports.

use super::markup::escape;
use super::text_table::{TextTable, heading};
use crate::analysis::{Analysis, CertificationState, CertificationStatus, TargetState};
use std::fmt::Write as _;

/// "expired 2026-03-31 (12 days ago)", "expires 2027-01-15 (in 45 days)".
pub fn expiry_text(status: &CertificationStatus) -> String {
    let when = status
        .expires
        .map_or(String::new(), |date| date.to_string());
    let days = status.days_left.unwrap_or(0);
    let days_text = |days: i64| crate::words::count_of(days.unsigned_abs() as usize, "day", "days");
    match status.state {
        CertificationState::Expired => format!("expired {when} ({} ago)", days_text(days)),
        _ if days == 0 => format!("expires {when} (today)"),
        _ => format!("expires {when} (in {})", days_text(days)),
    }
}

fn days_text(days: i64) -> String {
    crate::words::count_of(days.unsigned_abs() as usize, "day", "days")
}

/// "on track", "due soon (in 12 days)", "late (9 days over)", "reached".
pub fn standing_text(state: TargetState, days_left: i64) -> String {
    match state {
        TargetState::DueSoon if days_left == 0 => "due today".to_string(),
        TargetState::DueSoon => format!("due soon (in {})", days_text(days_left)),
        TargetState::Late => format!("late ({} over)", days_text(days_left)),
        other => other.label().to_string(),
    }
}

fn tally(analysis: &Analysis) -> String {
    let development = &analysis.development;
    format!(
        "{} targets: {} late, {} due soon, {} on track, {} reached",
        development.targets.len(),
        development.count(TargetState::Late),
        development.count(TargetState::DueSoon),
        development.count(TargetState::OnTrack),
        development.count(TargetState::Reached)
    )
}

pub fn development_text(analysis: &Analysis, out: &mut String) {
    let development = &analysis.development;
    if development.is_empty() {
        return;
    }
    heading(out, "Development targets");
    if development.targets.is_empty() {
        let _ = writeln!(out, "  none set");
    } else {
        let _ = writeln!(out, "  {}", tally(analysis));
        let mut table = TextTable::new(&[
            ("Member", false),
            ("Skill", false),
            ("Now", true),
            ("Target", true),
            ("By", false),
            ("Standing", false),
        ]);
        for target in &development.targets {
            table.row(vec![
                target.member.name.to_string(),
                target.skill.name.to_string(),
                target
                    .level
                    .map_or("-".to_string(), |level| level.to_string()),
                target.target.to_string(),
                target.by.to_string(),
                standing_text(target.state, target.days_left),
            ]);
        }
        table.render(out);
    }
    heading(
        out,
        &format!(
            "Certifications expired or expiring within {} days",
            development.expiry_warning_days
        ),
    );
    if development.certifications.is_empty() {
        let _ = writeln!(
            out,
            "  none ({} valid beyond that)",
            development.valid_certifications
        );
    } else {
        let mut table = TextTable::new(&[
            ("Member", false),
            ("Certification", false),
            ("Skill", false),
            ("Expiry", false),
        ]);
        for status in &development.certifications {
            table.row(vec![
                status.member.name.to_string(),
                status.name.clone(),
                status
                    .skill
                    .as_ref()
                    .map_or("-".to_string(), |skill| skill.name.to_string()),
                expiry_text(status),
            ]);
        }
        table.render(out);
    }
    for note in lapsed_notes(analysis) {
        let _ = writeln!(out, "  {note}");
    }
}

/// "evidence expired: Kubernetes: 1 person holds it only on a lapsed
/// certificate, so not counted among its holders or leads", per skill.
fn lapsed_notes(analysis: &Analysis) -> Vec<String> {
    analysis
        .coverage
        .iter()
        .filter(|c| c.evidence_expired > 0)
        .map(|coverage| {
            format!(
                "evidence expired: {}: {} {} only on a lapsed certificate, so not counted \
                 among its holders or leads",
                coverage.skill.name,
                crate::words::count_of(coverage.evidence_expired as usize, "person", "people"),
                if coverage.evidence_expired == 1 {
                    "holds it"
                } else {
                    "hold it"
                }
            )
        })
        .collect()
}

/// Stale ratings and what the last round changed in the bench, as text.
pub fn record_text(analysis: &Analysis, out: &mut String) {
    let stale = &analysis.stale;
    heading(
        out,
        &format!(
            "Stale ratings (last rated over {} months ago)",
            stale.months
        ),
    );
    if stale.members.is_empty() {
        let _ = writeln!(out, "  none");
    } else {
        let _ = writeln!(out, "  {}", stale_summary(analysis));
        let mut table = TextTable::new(&[("Member", false), ("Oldest", false), ("Skills", false)]);
        for member in &stale.members {
            let names: Vec<&str> = member.skills.iter().map(|s| &*s.name).collect();
            table.row(vec![
                member.member.name.to_string(),
                member.oldest.to_string(),
                names.join(", "),
            ]);
        }
        table.render(out);
    }
    let changes = &analysis.bench_changes;
    if let (Some(from), Some(to)) = (changes.from, changes.to) {
        heading(
            out,
            &format!("Bench changes in the last round ({from} to {to})"),
        );
        for change in &changes.skills {
            let _ = writeln!(out, "  {}", bench_change_text(change));
        }
    }
}

/// "14 stale ratings of 5 members, before 2025-12-07".
fn stale_summary(analysis: &Analysis) -> String {
    let stale = &analysis.stale;
    format!(
        "{} of {}{}",
        crate::words::count_of(stale.cells as usize, "stale rating", "stale ratings"),
        crate::words::count_of(stale.members.len(), "member", "members"),
        stale
            .before
            .map_or(String::new(), |before| format!(", rated before {before}"))
    )
}

/// "Observability: 2 leads -> 1", "Kubernetes: 1 lead -> none".
pub fn bench_change_text(change: &crate::analysis::BenchChange) -> String {
    let leads = |count: u32| match count {
        0 => "none".to_string(),
        1 => "1 lead".to_string(),
        many => format!("{many} leads"),
    };
    format!(
        "{}: {} -> {}",
        change.skill.name,
        leads(change.before),
        leads(change.after)
    )
}

/// Stale ratings and bench changes, as HTML.
pub fn record_html(analysis: &Analysis, out: &mut String) {
    let stale = &analysis.stale;
    let _ = writeln!(
        out,
        "<h3>Stale ratings (last rated over {} months ago)</h3>",
        stale.months
    );
    if stale.members.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        let _ = writeln!(out, "<p>{}</p>", escape(&stale_summary(analysis)));
        out.push_str("<table><tr><th>Member</th><th>Oldest</th><th>Skills</th></tr>\n");
        for member in &stale.members {
            let names: Vec<&str> = member.skills.iter().map(|s| &*s.name).collect();
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&member.member.name),
                member.oldest,
                escape(&names.join(", "))
            );
        }
        out.push_str("</table>\n");
    }
    let changes = &analysis.bench_changes;
    if let (Some(from), Some(to)) = (changes.from, changes.to) {
        let _ = writeln!(
            out,
            "<h3>Bench changes in the last round ({from} to {to})</h3>"
        );
        out.push_str("<ul>\n");
        for change in &changes.skills {
            let _ = writeln!(out, "<li>{}</li>", escape(&bench_change_text(change)));
        }
        out.push_str("</ul>\n");
    }
}

pub fn development_html(analysis: &Analysis, out: &mut String) {
    let development = &analysis.development;
    if development.is_empty() {
        return;
    }
    out.push_str("<h3>Development targets</h3>\n");
    if development.targets.is_empty() {
        out.push_str("<p>None set.</p>\n");
    } else {
        let _ = writeln!(out, "<p>{}</p>", escape(&tally(analysis)));
        out.push_str(
            "<table><tr><th>Member</th><th>Skill</th><th class=\"num\">Now</th>\
             <th class=\"num\">Target</th><th>By</th><th>Standing</th></tr>\n",
        );
        for target in &development.targets {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td>{}</td><td>{}</td></tr>",
                escape(&target.member.name),
                escape(&target.skill.name),
                target
                    .level
                    .map_or("-".to_string(), |level| level.to_string()),
                target.target,
                target.by,
                escape(&standing_text(target.state, target.days_left))
            );
        }
        out.push_str("</table>\n");
    }
    let _ = writeln!(
        out,
        "<h3>Certifications expired or expiring within {} days</h3>",
        development.expiry_warning_days
    );
    if development.certifications.is_empty() {
        let _ = writeln!(
            out,
            "<p>None ({} valid beyond that).</p>",
            development.valid_certifications
        );
    } else {
        out.push_str(
            "<table><tr><th>Member</th><th>Certification</th><th>Skill</th><th>Expiry</th></tr>\n",
        );
        for status in &development.certifications {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&status.member.name),
                escape(&status.name),
                status
                    .skill
                    .as_ref()
                    .map_or("-".to_string(), |skill| escape(&skill.name)),
                escape(&expiry_text(status))
            );
        }
        out.push_str("</table>\n");
    }
    let notes = lapsed_notes(analysis);
    if !notes.is_empty() {
        out.push_str("<ul>\n");
        for note in notes {
            let _ = writeln!(out, "<li>{}</li>", escape(&note));
        }
        out.push_str("</ul>\n");
    }
}
