//! `skillgrid review`: the self ratings still to settle, widest first.

use super::Output;
use super::input::open_reporting;
use crate::analysis::{review_differences, review_progress};
use crate::catalog::Catalog;
use crate::io::neutralise_text;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ReviewFormat {
    Text,
    Json,
    Csv,
}

pub(super) fn review_command(
    file: &Path,
    format: ReviewFormat,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let Some(imported) = open_reporting(file, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let scope = crate::analysis::Scope::today(&imported.value);
    let all = review_differences(&scope, 1);
    let open: Vec<_> = all.iter().filter(|d| d.decided.is_none()).collect();
    let level = |level: Option<crate::model::Level>| {
        level.map_or("not assessed".to_string(), |level| level.get().to_string())
    };
    match format {
        ReviewFormat::Json => {
            out.json(&open);
        }
        ReviewFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            let _ = writer.write_record([
                "member",
                "email",
                "team",
                "skill",
                "self",
                "self_date",
                "manager",
                "apart",
            ]);
            for d in &open {
                let _ = writer.write_record([
                    neutralise_text(&d.member.name).as_ref(),
                    d.member.email.as_deref().unwrap_or(""),
                    neutralise_text(d.team.as_deref().unwrap_or("")).as_ref(),
                    &d.skill.name,
                    &d.self_level.get().to_string(),
                    &d.self_date.map_or(String::new(), |date| date.to_string()),
                    &level(d.manager_level),
                    &d.gap().to_string(),
                ]);
            }
            let _ = writer.flush();
        }
        ReviewFormat::Text => {
            let _ = writeln!(out, "{}", review_progress(&all));
            for d in &open {
                let apart = if d.manager_level.is_none() {
                    "counts nowhere until accepted".to_string()
                } else {
                    format!("{} apart", d.gap())
                };
                let _ = writeln!(
                    out,
                    "  {}{}, {}: self {}, manager {} ({apart})",
                    d.member.name,
                    d.team
                        .as_deref()
                        .map_or(String::new(), |team| format!(" ({team})")),
                    d.skill.name,
                    d.self_level.get(),
                    level(d.manager_level),
                );
            }
        }
    }
    ExitCode::SUCCESS
}
