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
    let days_text = |days: i64| crate::io::count_of(days.unsigned_abs() as usize, "day", "days");
    match status.state {
        CertificationState::Expired => format!("expired {when} ({} ago)", days_text(days)),
        _ if days == 0 => format!("expires {when} (today)"),
        _ => format!("expires {when} (in {})", days_text(days)),
    }
}

fn days_text(days: i64) -> String {
    crate::io::count_of(days.unsigned_abs() as usize, "day", "days")
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
    for coverage in analysis.coverage.iter().filter(|c| c.evidence_expired > 0) {
        let _ = writeln!(
            out,
            "  evidence expired: {} {} {} only on a lapsed certificate, so not counted among \
             its holders",
            coverage.skill.name,
            crate::io::count_of(coverage.evidence_expired as usize, "person", "people"),
            if coverage.evidence_expired == 1 {
                "holds it"
            } else {
                "hold it"
            }
        );
    }
}

pub fn development_html(analysis: &Analysis, out: &mut String) {
    let development = &analysis.development;
    if development.is_empty() {
        return;
    }
    out.push_str("<h2>Development targets</h2>\n");
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
        "<h2>Certifications expired or expiring within {} days</h2>",
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
}
