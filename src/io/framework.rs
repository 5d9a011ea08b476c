//! Public career frameworks, read as they are published: the Financial
//! Times' engineering-progression job families (`levels`, `themes`,
//! `competencies` with a proficiency word), Monzo's progression pages
//! (`framework_monzo.rs`) and levels x competencies grids exported from a
//! spreadsheet (`framework_grid.rs`). Each reader gives a `Framework`: the
//! file's own levels, themes and scale, before anything is mapped onto
//! roles and skills (`framework_map.rs`).

use super::diag::{Diagnostic, ImportFailure};
use super::{FileKind, Imported, display_name, read_file};
use crate::model::{Level, ScaleWords, normalize_label};
use serde::Deserialize;
use std::path::Path;

/// A framework as its file gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Framework {
    pub name: String,
    /// The file's name, without its folder: the roles' source.
    pub file: String,
    pub licence: Option<String>,
    pub levels: Vec<FrameworkLevel>,
    pub themes: Vec<FrameworkTheme>,
    /// The framework's own scale, lowest first, each step with the level
    /// it maps to by default.
    pub scale: Vec<ScaleStep>,
    pub expectations: Vec<Expectation>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkLevel {
    pub id: String,
    pub name: String,
    /// Its name or id says it is a people manager's level.
    pub manager: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkTheme {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScaleStep {
    pub label: String,
    pub level: Level,
}

/// What one level expects of one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Expectation {
    pub level: usize,
    pub theme: usize,
    pub strength: Strength,
    /// The criteria, as the framework words them.
    pub text: String,
}

/// How strong an expectation is: a step of the framework's scale (mapped
/// as the user chooses), or a level a grid's cell gives outright.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    Step(usize),
    Given(Level),
}

/// The three layouts read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameworkFormat {
    Ft,
    Monzo,
    Grid,
}

impl FrameworkFormat {
    pub fn parse(text: &str) -> Option<FrameworkFormat> {
        match text.to_ascii_lowercase().as_str() {
            "ft" => Some(FrameworkFormat::Ft),
            "monzo" => Some(FrameworkFormat::Monzo),
            "grid" => Some(FrameworkFormat::Grid),
            _ => None,
        }
    }

    /// The layout a file is in: a spreadsheet or CSV is a grid, a page with
    /// front matter Monzo's, other YAML the FT's.
    pub fn of(path: &Path, bytes: &[u8]) -> FrameworkFormat {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if FileKind::of(path) == FileKind::Workbook
            || matches!(extension.as_str(), "csv" | "tsv" | "txt")
        {
            FrameworkFormat::Grid
        } else if super::framework_monzo::looks_like_monzo(&String::from_utf8_lossy(bytes)) {
            FrameworkFormat::Monzo
        } else {
            FrameworkFormat::Ft
        }
    }
}

/// Reads a framework file in `format`, or in the layout its name and
/// contents suggest.
pub fn read_framework(
    path: &Path,
    format: Option<FrameworkFormat>,
    scale: &ScaleWords,
) -> Result<Imported<Framework>, ImportFailure> {
    let name = display_name(path);
    let bytes = read_file(path).map_err(|error| failure_at(&name, error.to_string()))?;
    let plain = |framework| Imported {
        value: framework,
        warnings: Vec::new(),
    };
    match format.unwrap_or_else(|| FrameworkFormat::of(path, &bytes)) {
        FrameworkFormat::Grid if FileKind::of(path) == FileKind::Workbook => {
            super::xlsx::import_sheet_with(
                &bytes,
                &name,
                super::xlsx::SheetKind::Framework,
                None,
                |csv| super::framework_grid::read_grid(csv, &name, scale),
            )
        }
        FrameworkFormat::Grid => super::framework_grid::read_grid(&bytes, &name, scale),
        FrameworkFormat::Monzo => {
            let text = super::decode::decode(&bytes, &name).map_err(ImportFailure::single)?;
            super::framework_monzo::read_monzo(&text, &name).map(plain)
        }
        FrameworkFormat::Ft => {
            let text = super::decode::decode(&bytes, &name).map_err(ImportFailure::single)?;
            read_ft(&text, &name).map(plain)
        }
    }
}

#[derive(Debug, Deserialize)]
struct FtFile {
    /// The job family's name ("Engineering"); some copies call it title.
    #[serde(default, alias = "title")]
    name: Option<String>,
    #[serde(default, alias = "license")]
    licence: Option<String>,
    levels: Vec<FtLevel>,
    themes: Vec<FtTheme>,
    competencies: Vec<FtCompetency>,
}

#[derive(Debug, Deserialize)]
struct FtLevel {
    id: String,
    name: String,
}

#[derive(Debug, Deserialize)]
struct FtTheme {
    id: String,
    name: String,
}

#[derive(Debug, Deserialize)]
struct FtCompetency {
    level: String,
    theme: String,
    summary: String,
    proficiency: String,
}

/// FT's proficiency words, lowest first, spread over 0-4 by default.
pub const FT_PROFICIENCY: [&str; 5] = [
    "Awareness",
    "Foundational",
    "Working knowledge",
    "Practitioner",
    "Expert",
];

fn failure(file: &str, line: Option<u64>, column: Option<u64>, message: String) -> ImportFailure {
    ImportFailure::single(Diagnostic::error(file, line, column, message))
}

pub(super) fn failure_at(file: &str, message: String) -> ImportFailure {
    failure(file, None, None, message)
}

/// A manager level: its name or id says so ("People Manager", `-pm`).
pub(super) fn is_manager_level(id: &str, name: &str) -> bool {
    let name = normalize_label(name);
    let id = id.to_lowercase();
    name.contains("manager")
        || name.contains("head of")
        || name.contains("director")
        || id.ends_with("-pm")
        || id.ends_with("_pm")
}

/// The YAML crate's error as a diagnostic at its line and column.
pub(super) fn yaml_failure(
    error: &serde_yaml_ng::Error,
    file: &str,
    expected: &str,
) -> ImportFailure {
    let place = error.location();
    let message = error.to_string();
    // The crate appends " at line L column C": the place is said apart.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    failure(
        file,
        place.as_ref().map(|p| p.line() as u64),
        place.as_ref().map(|p| p.column() as u64),
        format!("{message}: expected {expected}"),
    )
}

/// A title without the emoji or marks some frameworks lead with
/// ("🛠️ Backend Engineering Framework").
pub(super) fn plain_title(title: &str) -> &str {
    title
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end()
}

/// The file's name without its folder.
pub(super) fn base_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

/// The file's name without its folder or extension, for a framework with
/// no title.
pub(super) fn file_stem(file: &str) -> &str {
    let base = base_name(file);
    base.rsplit_once('.').map_or(base, |(stem, _)| stem)
}

/// How deep a framework's YAML may nest: a real one is under ten levels.
pub const MAX_YAML_DEPTH: usize = 64;

/// Refuses YAML nested deeper than `MAX_YAML_DEPTH`, before the parser
/// sees it (its time grows with the square of the depth). Counts, line by
/// line, the indented blocks still open, the `- ` items begun on the line,
/// and the `[`/`{` not yet closed; `first_line` is the file's line number
/// of `text`'s first line.
pub(super) fn check_yaml_depth(
    text: &str,
    file: &str,
    first_line: u64,
) -> Result<(), ImportFailure> {
    let mut indents: Vec<usize> = Vec::new();
    let mut flow = 0usize;
    for (number, line) in text.lines().enumerate() {
        let content = line.trim_start_matches([' ', '\t']);
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        if flow == 0 {
            while indents.last().is_some_and(|&open| open >= indent) {
                indents.pop();
            }
            indents.push(indent);
        }
        let mut items = 0;
        let mut rest = content;
        while let Some(after) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("-\t")) {
            items += 1;
            rest = after.trim_start();
        }
        let mut quote: Option<char> = None;
        for ch in rest.chars() {
            match (quote, ch) {
                (Some(open), _) if ch == open => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(ch),
                (None, '#') => break,
                (None, '[' | '{') => flow += 1,
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                _ => {}
            }
        }
        let depth = indents.len() + items + flow;
        if depth > MAX_YAML_DEPTH {
            return Err(failure(
                file,
                Some(first_line + number as u64),
                None,
                format!(
                    "the YAML nests {depth} levels deep here; a framework nests under \
                     {MAX_YAML_DEPTH}: expected levels, themes and competencies"
                ),
            ));
        }
    }
    Ok(())
}

/// Reads an FT job family.
pub fn read_ft(text: &str, file: &str) -> Result<Framework, ImportFailure> {
    check_yaml_depth(text, file, 1)?;
    let parsed: FtFile = serde_yaml_ng::from_str(text).map_err(|error| {
        yaml_failure(
            &error,
            file,
            "an FT job family with levels, themes and competencies",
        )
    })?;
    if parsed.levels.is_empty() {
        return Err(failure_at(file, "no levels: expected at least one".into()));
    }
    let mut framework = Framework {
        name: parsed
            .name
            .as_deref()
            .map(plain_title)
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| file_stem(file))
            .to_string(),
        file: base_name(file).to_string(),
        licence: parsed.licence.clone(),
        levels: parsed
            .levels
            .iter()
            .map(|level| FrameworkLevel {
                id: level.id.clone(),
                name: level.name.clone(),
                manager: is_manager_level(&level.id, &level.name),
            })
            .collect(),
        themes: parsed
            .themes
            .iter()
            .map(|theme| FrameworkTheme {
                id: theme.id.clone(),
                name: theme.name.clone(),
            })
            .collect(),
        scale: FT_PROFICIENCY
            .iter()
            .zip(Level::ALL)
            .map(|(word, level)| ScaleStep {
                label: word.to_string(),
                level,
            })
            .collect(),
        expectations: Vec::new(),
    };
    for (index, competency) in parsed.competencies.iter().enumerate() {
        let place = format!("competency {}", index + 1);
        let Some(level) = parsed.levels.iter().position(|l| l.id == competency.level) else {
            let known: Vec<&str> = parsed.levels.iter().map(|l| l.id.as_str()).collect();
            return Err(failure_at(
                file,
                format!(
                    "{place} names level \"{}\", which the file does not define: expected one of {}",
                    competency.level,
                    known.join(", ")
                ),
            ));
        };
        let Some(theme) = parsed.themes.iter().position(|t| t.id == competency.theme) else {
            return Err(failure_at(
                file,
                format!(
                    "{place} names theme \"{}\", which the file does not define",
                    competency.theme
                ),
            ));
        };
        let word = normalize_label(&competency.proficiency);
        let Some(step) = FT_PROFICIENCY
            .iter()
            .position(|known| normalize_label(known) == word)
        else {
            return Err(failure_at(
                file,
                format!(
                    "{place}: proficiency \"{}\" is not one of FT's words: expected {}",
                    competency.proficiency,
                    FT_PROFICIENCY.join(", ")
                ),
            ));
        };
        framework.expectations.push(Expectation {
            level,
            theme,
            strength: Strength::Step(step),
            text: competency.summary.trim().to_string(),
        });
    }
    Ok(framework)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_their_emoji_and_manager_levels_are_read_from_names_and_ids() {
        assert_eq!(
            plain_title("🛠️ Backend Engineering Framework"),
            "Backend Engineering Framework"
        );
        assert_eq!(plain_title("  Engineering "), "Engineering");
        assert!(is_manager_level("senior-2-pm", "Senior Engineer 2"));
        assert!(is_manager_level("x", "Senior Engineer 2 (People Manager)"));
        assert!(is_manager_level("tech-director", "Technology Director"));
        assert!(!is_manager_level(
            "senior-2-ic",
            "Senior Engineer 2 (Individual Contributor)"
        ));
    }
}
