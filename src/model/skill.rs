//! Skills: what a member can be assessed in.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable identifier (a slug such as `kubernetes`), independent of the
/// display name so renaming a skill keeps every reference to it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SkillId(pub String);

impl SkillId {
    pub fn new(id: impl Into<String>) -> SkillId {
        SkillId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SkillId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SkillKind {
    Hard,
    Soft,
}

impl SkillKind {
    pub fn label(self) -> &'static str {
        match self {
            SkillKind::Hard => "hard",
            SkillKind::Soft => "soft",
        }
    }
}

/// Where a built-in skill comes from: a seed document and the label it uses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillSource {
    pub seed: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub id: SkillId,
    pub name: String,
    pub kind: SkillKind,
    pub category: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SkillSource>,
    /// False for skills a team added itself (from an unknown CSV column, say).
    #[serde(default = "yes")]
    pub builtin: bool,
}

fn yes() -> bool {
    true
}

pub const CUSTOM_CATEGORY: &str = "Custom";

impl Skill {
    /// A team's own skill, named as its spreadsheet names it.
    pub fn custom(id: SkillId, name: &str, kind: SkillKind) -> Skill {
        Skill {
            id,
            name: name.to_string(),
            kind,
            category: CUSTOM_CATEGORY.to_string(),
            aliases: Vec::new(),
            description: String::new(),
            sources: Vec::new(),
            builtin: false,
        }
    }

    /// The name and every alias, for matching spreadsheet headers.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}
