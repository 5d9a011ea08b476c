//! Which skill a framework's theme resembles, when none has its name or
//! alias: the same letters ("Team Work", "Teamwork"), a few letters apart,
//! or one name's words all within the other's. Offered, never applied
//! until the user confirms.

use crate::catalog::Catalog;
use crate::model::{SkillId, Workspace, normalize_label};

/// A skill whose name resembles a theme's: offered, not used, until the
/// user confirms it.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub skill: SkillId,
    pub name: String,
    /// The name or alias it resembles.
    pub label: String,
}

/// Lowercase letters and digits only: "Team Work" and "Teamwork" alike.
fn compact(label: &str) -> String {
    normalize_label(label)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// How alike two names are, 0-1: the same letters, a few letters apart,
/// or one's words all within the other's.
fn similarity(a: &str, b: &str) -> f64 {
    let (tight_a, tight_b) = (compact(a), compact(b));
    if tight_a.is_empty() || tight_b.is_empty() {
        return 0.0;
    }
    if tight_a == tight_b {
        return 1.0;
    }
    let close = strsim::normalized_damerau_levenshtein(&tight_a, &tight_b);
    let words = |label: &str| -> Vec<String> {
        normalize_label(label)
            .split(' ')
            .filter(|word| word.len() >= 5)
            .map(str::to_string)
            .collect()
    };
    let (words_a, words_b) = (words(a), words(b));
    let within = |small: &[String], large: &[String]| {
        !small.is_empty() && small.iter().all(|word| large.contains(word))
    };
    let contained = if within(&words_a, &words_b) || within(&words_b, &words_a) {
        0.75
    } else {
        0.0
    };
    close.max(contained)
}

/// Below this, a name is not offered as a match.
const SUGGEST_FROM: f64 = 0.75;

/// The workspace's or the library's skill most like `name`, if any is
/// alike enough to offer.
pub(crate) fn suggest(name: &str, workspace: &Workspace, catalog: &Catalog) -> Option<Suggestion> {
    let known = workspace.skills.iter().chain(
        catalog
            .skills
            .iter()
            .filter(|skill| workspace.skill(&skill.id).is_none()),
    );
    let mut best: Option<(f64, Suggestion)> = None;
    for skill in known {
        for label in skill.labels() {
            let score = similarity(name, label);
            if score >= SUGGEST_FROM && best.as_ref().is_none_or(|(top, _)| score > *top) {
                best = Some((
                    score,
                    Suggestion {
                        skill: skill.id.clone(),
                        name: skill.name.clone(),
                        label: label.to_string(),
                    },
                ));
            }
        }
    }
    best.map(|(_, suggestion)| suggestion)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_alike_are_offered_and_names_apart_are_not() {
        assert_eq!(similarity("Team Work", "Teamwork"), 1.0);
        assert!(similarity("Observabilty", "Observability") >= SUGGEST_FROM);
        assert!(similarity("Technical Leadership", "Leadership") >= SUGGEST_FROM);
        assert!(similarity("Delivery", "Security") < SUGGEST_FROM);
        assert!(similarity("Craft", "Communication") < SUGGEST_FROM);
    }
}
