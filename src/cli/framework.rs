//! `import-framework`: a public career framework's levels as roles. The
//! preview is printed first; the choices a person makes in the window's
//! dialog are options here (`--confirm`, `--track`, `--scale`,
//! `--licence`), and nothing changes with `--dry-run`.

use super::Output;
use super::input::{open_reporting, print_diagnostics, print_failure};
use crate::catalog::Catalog;
use crate::io::{self, FrameworkFormat, FrameworkPreview};
use crate::model::{Level, Track};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// The choices the window's preview dialog offers, as options.
#[derive(clap::Args, Debug, Default)]
pub struct FrameworkChoices {
    /// Show what would change, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The file's layout when its name does not say: ft, monzo or grid.
    #[arg(long, value_parser = parse_format)]
    pub format: Option<FrameworkFormat>,
    /// Use the similar skill offered for this theme (its id or name).
    /// Repeatable.
    #[arg(long, value_name = "THEME")]
    pub confirm: Vec<String>,
    /// A level's track: LEVEL=ic or LEVEL=manager. Repeatable.
    #[arg(long, value_name = "LEVEL=TRACK")]
    pub track: Vec<String>,
    /// A step of the framework's scale as one of our levels, such as
    /// Practitioner=4. Repeatable.
    #[arg(long, value_name = "STEP=LEVEL")]
    pub scale: Vec<String>,
    /// The framework's licence, kept as the roles' source.
    #[arg(long)]
    pub licence: Option<String>,
}

fn parse_format(text: &str) -> Result<FrameworkFormat, String> {
    FrameworkFormat::parse(text).ok_or_else(|| format!("\"{text}\": expected ft, monzo or grid"))
}

/// Splits `NAME=VALUE`, saying which option was malformed.
fn pair<'a>(option: &str, text: &'a str, expected: &str) -> Result<(&'a str, &'a str), String> {
    text.split_once('=')
        .map(|(name, value)| (name.trim(), value.trim()))
        .ok_or_else(|| format!("--{option} \"{text}\": expected {expected}"))
}

/// Applies the options to the preview; the first that names nothing in
/// the framework is refused.
fn choose(
    preview: &mut FrameworkPreview,
    choices: &FrameworkChoices,
    workspace: &crate::model::Workspace,
) -> Result<(), String> {
    for theme in &choices.confirm {
        let at = preview
            .find_theme(theme)
            .ok_or_else(|| format!("--confirm {theme}: the framework has no such theme"))?;
        if preview.themes[at].suggestion.is_none() {
            return Err(format!(
                "--confirm {theme}: no similar skill was offered for it"
            ));
        }
        preview.answer(at, Some(true), workspace);
    }
    for text in &choices.track {
        let (level, track) = pair("track", text, "LEVEL=ic or LEVEL=manager")?;
        let at = preview
            .find_level(level)
            .ok_or_else(|| format!("--track {text}: the framework has no level \"{level}\""))?;
        let track = match track.to_ascii_lowercase().as_str() {
            "ic" | "individual contributor" => Track::Ic,
            "manager" | "pm" => Track::Manager,
            _ => return Err(format!("--track {text}: expected ic or manager after =")),
        };
        preview.set_track(at, track, workspace);
    }
    for text in &choices.scale {
        let (step, level) = pair("scale", text, "STEP=LEVEL, such as Practitioner=4")?;
        let at = preview.find_step(step).ok_or_else(|| {
            let steps: Vec<&str> = preview
                .framework
                .scale
                .iter()
                .map(|s| s.label.as_str())
                .collect();
            format!(
                "--scale {text}: \"{step}\" is not a step of the framework's scale: expected one of {}",
                steps.join(", ")
            )
        })?;
        let level = level
            .parse::<u8>()
            .ok()
            .and_then(Level::new)
            .ok_or_else(|| format!("--scale {text}: expected a level 0-4 after ="))?;
        preview.set_scale(at, level, workspace);
    }
    if let Some(licence) = &choices.licence {
        preview.set_licence(licence, workspace);
    }
    Ok(())
}

/// `import-framework`: shown first and, unless a dry run, applied.
pub fn import_framework(
    file: &Path,
    into: &Path,
    output: Option<&Path>,
    choices: &FrameworkChoices,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let Some(output) = super::input::workspace_output(into, output, "roles", err) else {
        return ExitCode::from(2);
    };
    let Some(mut workspace) = open_reporting(into, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let framework = match io::read_framework(file, choices.format, &workspace.value.settings.scale)
    {
        Ok(read) => {
            print_diagnostics(&read.warnings, err);
            read.value
        }
        Err(failure) => {
            print_failure(&failure, err);
            return ExitCode::FAILURE;
        }
    };
    let mut preview = FrameworkPreview::new(framework, &workspace.value, catalog);
    if let Err(message) = choose(&mut preview, choices, &workspace.value) {
        let _ = writeln!(err, "{message}");
        return ExitCode::from(2);
    }
    for line in preview.summary(&workspace.value) {
        let _ = writeln!(out, "{line}");
    }
    if choices.dry_run {
        let _ = writeln!(out, "dry run: nothing was changed");
        return ExitCode::SUCCESS;
    }
    let (added, updated) = preview.apply(&mut workspace.value, catalog);
    super::input::save_workspace(
        &workspace.value,
        output,
        &format!(" ({added} roles added, {updated} updated)"),
        out,
        err,
    )
}
