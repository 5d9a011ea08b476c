//! The Financial Times' engineering-progression job families, as they are
//! published: `levels`, `themes` and `competencies`, each with a
//! proficiency word.

use super::types::{
    Expectation, Framework, FrameworkLevel, FrameworkTheme, ScaleStep, Strength, base_name,
    check_yaml_depth, failure_at, file_stem, is_manager_level, plain_title, yaml_failure,
};
use crate::io::diag::ImportFailure;
use crate::model::{Level, normalize_label};
use serde::Deserialize;

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
