//! Monzo's progression-framework pages: Markdown whose YAML front matter
//! (`yaml: true`, `levels: N`, `topics` with `content` of `level` and
//! `criteria`) holds the framework. Levels 1..N become roles, spread over
//! our levels 1-4; each topic a skill; a topic's criteria at a level the
//! requirement's basis.

use super::types::{
    Expectation, Framework, FrameworkLevel, FrameworkTheme, ScaleStep, Strength, base_name,
    failure_at, file_stem, plain_title, spread_level, yaml_failure,
};
use crate::io::diag::ImportFailure;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct FrontMatter {
    #[serde(default)]
    yaml: bool,
    #[serde(default)]
    title: Option<String>,
    #[serde(default, alias = "license")]
    licence: Option<String>,
    #[serde(default)]
    levels: Option<u32>,
    #[serde(default)]
    topics: Vec<Topic>,
}

#[derive(Debug, Deserialize)]
struct Topic {
    /// Monzo's id for the topic ("communication"); `title` is how it is
    /// shown, often with an emoji, and may be empty.
    name: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    content: Vec<Content>,
}

#[derive(Debug, Deserialize)]
struct Content {
    level: u32,
    #[serde(default)]
    criteria: Vec<String>,
    /// Criteria with worked examples: the criteria count, the examples
    /// are illustration.
    #[serde(default, rename = "exampleCriteria")]
    example_criteria: Vec<ExampleCriterion>,
}

#[derive(Debug, Deserialize)]
struct ExampleCriterion {
    criteria: String,
}

impl Topic {
    /// The topic's name as shown: its title without the emoji, else its
    /// id with a capital.
    fn shown(&self) -> String {
        match self.title.as_deref().map(plain_title) {
            Some(title) if !title.is_empty() => title.to_string(),
            _ => {
                let mut letters = self.name.trim().chars();
                letters.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(letters).collect()
                })
            }
        }
    }
}

impl Content {
    fn all_criteria(&self) -> Vec<&str> {
        self.criteria
            .iter()
            .map(String::as_str)
            .chain(self.example_criteria.iter().map(|e| e.criteria.as_str()))
            .map(str::trim)
            .filter(|criterion| !criterion.is_empty())
            .collect()
    }
}

/// Whether a file is a Markdown page with front matter (Monzo's layout).
pub fn looks_like_monzo(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').starts_with("---")
}

pub fn read_monzo(text: &str, file: &str) -> Result<Framework, ImportFailure> {
    let text = text.trim_start_matches('\u{feff}');
    let Some(rest) = text.strip_prefix("---") else {
        return Err(failure_at(
            file,
            "no front matter: expected a Markdown page starting with --- and its YAML".into(),
        ));
    };
    let Some(end) = rest.find("\n---") else {
        return Err(failure_at(
            file,
            "the front matter never closes: expected a line of --- after it".into(),
        ));
    };
    let front = &rest[..end];
    // `front` starts just after the opening ---, so its lines are the file's.
    super::types::check_yaml_depth(front, file, 1)?;
    let parsed: FrontMatter = serde_yaml_ng::from_str(front).map_err(|error| {
        yaml_failure(
            &error,
            file,
            "Monzo front matter with yaml: true, levels and topics",
        )
    })?;
    if !parsed.yaml {
        return Err(failure_at(
            file,
            "prose only: its front matter has no yaml: true, so it holds no framework to import"
                .into(),
        ));
    }
    let Some(levels) = parsed.levels.filter(|&n| n > 0) else {
        return Err(failure_at(
            file,
            "missing field `levels`: expected the number of levels, such as levels: 6".into(),
        ));
    };
    let name = parsed
        .title
        .as_deref()
        .map(plain_title)
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| file_stem(file))
        .to_string();
    // "Backend Engineering Framework" has levels "Backend Engineering 3".
    let ladder = name
        .strip_suffix(" Framework")
        .or_else(|| name.strip_suffix(" framework"))
        .unwrap_or(&name)
        .to_string();
    let mut framework = Framework {
        levels: (1..=levels)
            .map(|k| FrameworkLevel {
                id: format!("level-{k}"),
                name: format!("{ladder} {k}"),
                manager: false,
            })
            .collect(),
        themes: parsed
            .topics
            .iter()
            .map(|topic| FrameworkTheme {
                id: crate::model::slugify(&topic.name, "topic"),
                name: topic.shown(),
            })
            .collect(),
        scale: (1..=levels)
            .map(|k| ScaleStep {
                label: format!("Level {k}"),
                level: spread_level(k, levels),
            })
            .collect(),
        expectations: Vec::new(),
        file: base_name(file).to_string(),
        licence: parsed.licence.clone(),
        name,
    };
    for (theme_at, topic) in parsed.topics.iter().enumerate() {
        for content in &topic.content {
            if content.level == 0 || content.level > levels {
                return Err(failure_at(
                    file,
                    format!(
                        "topic \"{}\" has content for level {}: expected 1-{levels}",
                        topic.shown(),
                        content.level
                    ),
                ));
            }
            let criteria = content.all_criteria();
            if criteria.is_empty() {
                return Err(failure_at(
                    file,
                    format!(
                        "topic \"{}\" at level {} has no criteria: expected a list of what is \
                         expected there",
                        topic.shown(),
                        content.level
                    ),
                ));
            }
            // What a level expects holds for every level above it too.
            for k in content.level..=levels {
                framework.expectations.push(Expectation {
                    level: (k - 1) as usize,
                    theme: theme_at,
                    strength: Strength::Step((content.level - 1) as usize),
                    text: criteria.join("; "),
                });
            }
        }
    }
    Ok(framework)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_levels_spread_over_one_to_four() {
        let spread: Vec<u8> = (1..=6).map(|k| spread_level(k, 6).get()).collect();
        assert_eq!(spread, [1, 2, 2, 3, 3, 4]);
        assert_eq!(spread_level(1, 4).get(), 1);
        assert_eq!(spread_level(4, 4).get(), 4);
    }
}
