//! The answer to "who knows X" as a table a lead reads, or CSV.

use super::text_table::TextTable;
use crate::analysis::WhoMatch;
use crate::io::neutralise_text;
use std::fmt::Write as _;

/// `Kubernetes 3+, Go 2`: a `+` where they want to grow.
pub fn who_levels(found: &WhoMatch) -> String {
    found
        .levels
        .iter()
        .map(|(skill, level, interest)| {
            format!(
                "{} {}{}",
                skill.name,
                level.get(),
                if *interest { "+" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn who_text(found: &[WhoMatch], free_in: Option<&str>, members: usize) -> String {
    let mut out = String::new();
    if found.is_empty() {
        out.push_str("nobody matches\n");
        return out;
    }
    let mut table = TextTable::new(&[
        ("Member", false),
        ("Role", false),
        ("Team", false),
        ("Levels", false),
        ("Free FTE", true),
    ]);
    table.show_all();
    for found in found {
        table.row(vec![
            found.member.name.to_string(),
            found
                .role
                .as_ref()
                .map_or("-".to_string(), |role| role.title.to_string()),
            found.team.clone().unwrap_or_else(|| "-".to_string()),
            who_levels(found),
            format!("{:.1}", found.free_fte),
        ]);
    }
    table.render(&mut out);
    let free = free_in.map_or("free FTE once projects are booked".to_string(), |quarter| {
        format!("free FTE in {quarter}")
    });
    let _ = writeln!(out, "{} of {members} members; {free}", found.len());
    out
}

/// One row a member and skill.
pub fn who_csv(found: &[WhoMatch]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "member", "email", "role", "team", "skill", "level", "interest", "free_fte",
        ])
        .expect("writing CSV to memory");
    for found in found {
        for (skill, level, interest) in &found.levels {
            writer
                .write_record([
                    neutralise_text(&found.member.name).as_ref(),
                    neutralise_text(found.member.email.as_deref().unwrap_or("")).as_ref(),
                    found.role.as_ref().map_or("", |role| &*role.title),
                    neutralise_text(found.team.as_deref().unwrap_or("")).as_ref(),
                    &skill.name,
                    &level.get().to_string(),
                    if *interest { "true" } else { "false" },
                    &format!("{:.2}", found.free_fte),
                ])
                .expect("writing CSV to memory");
        }
    }
    String::from_utf8(writer.into_inner().expect("flushing CSV to memory"))
        .expect("CSV of UTF-8 text is UTF-8")
}
