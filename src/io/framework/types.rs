//! What every framework reader gives: a `Framework`, the file's own
//! levels, themes and scale before anything is mapped onto roles and
//! skills, and the pieces the readers share.

use crate::io::diag::{Diagnostic, ImportFailure};
use crate::model::{Level, normalize_label};

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

pub(super) fn failure(
    file: &str,
    line: Option<u64>,
    column: Option<u64>,
    message: String,
) -> ImportFailure {
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

/// Level `k` of `n` on our scale: spread evenly over 1-4.
pub fn spread_level(k: u32, n: u32) -> Level {
    let value = if n <= 1 {
        4
    } else {
        1 + ((k.saturating_sub(1)) * 3 + (n - 1) / 2) / (n - 1)
    };
    Level::new(value.clamp(1, 4) as u8).unwrap_or(Level::EXPERT)
}
