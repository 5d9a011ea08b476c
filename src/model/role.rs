//! Roles: what a job requires, what it pays, where it leads.

use super::{Level, SkillId};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RoleId(pub String);

impl RoleId {
    pub fn new(id: impl Into<String>) -> RoleId {
        RoleId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RoleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Track {
    Ic,
    Manager,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Importance {
    Required,
    Preferred,
}

impl Importance {
    pub fn label(self) -> &'static str {
        match self {
            Importance::Required => "required",
            Importance::Preferred => "preferred",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub skill: SkillId,
    pub min_level: Level,
    pub importance: Importance,
    /// Where the level comes from: the seed's wording, or who set it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SalaryBand {
    pub min: f64,
    pub max: f64,
    pub currency: String,
    /// True when the seeds give no figure and the band is an assumption.
    #[serde(default)]
    pub estimated: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
}

impl SalaryBand {
    pub fn midpoint(&self) -> f64 {
        (self.min + self.max) / 2.0
    }
}

/// Years of experience: `min`-`max`, or `min`+ when open-ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearsGuideline {
    pub min: f64,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub open_ended: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
}

impl fmt::Display for YearsGuideline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.min)?;
        if let Some(max) = self.max {
            write!(f, "-{max}")?;
        }
        if self.open_ended {
            f.write_str("+")?;
        }
        Ok(())
    }
}

/// The number of direct reports the role is meant to carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanOfControl {
    pub min: u32,
    pub max: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
}

impl SpanOfControl {
    pub fn contains(&self, directs: u32) -> bool {
        (self.min..=self.max).contains(&directs)
    }
}

/// Share of time in strategy & alignment / people management / building
/// software, in percent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeSplit {
    pub strategy: f64,
    pub people: f64,
    pub building: f64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareerLink {
    pub title: String,
    /// The role in the library when the seed's title is one of them.
    #[serde(default)]
    pub role: Option<RoleId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CareerLinks {
    #[serde(default)]
    pub entry_from: Vec<CareerLink>,
    #[serde(default)]
    pub advancement_to: Vec<CareerLink>,
    #[serde(default)]
    pub lateral: Vec<CareerLink>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Role {
    pub id: RoleId,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub track: Track,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// The seed documents the role was authored from (empty for custom roles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seeds: Vec<String>,
    #[serde(default)]
    pub salary: Option<SalaryBand>,
    #[serde(default)]
    pub years: Option<YearsGuideline>,
    #[serde(default)]
    pub span: Option<SpanOfControl>,
    #[serde(default)]
    pub time_split: Option<TimeSplit>,
    #[serde(default)]
    pub career: CareerLinks,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    #[serde(default = "yes")]
    pub builtin: bool,
    /// The public career framework the role is a level of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<FrameworkSource>,
}

/// Where an imported role comes from: the framework, the file read, its
/// licence, and the level's own id there (what a re-import matches on).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkSource {
    pub name: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    pub level: String,
    /// The skill each of the framework's themes became (theme id, skill),
    /// so a re-import keeps the matches the user confirmed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<(String, super::SkillId)>,
    /// The framework's scale as it was mapped (step, our level).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scale: Vec<(String, super::Level)>,
}

impl FrameworkSource {
    /// "Engineering (ft-engineering.yml), licence MIT".
    pub fn describe(&self) -> String {
        match &self.licence {
            Some(licence) => format!("{} ({}), licence {licence}", self.name, self.file),
            None => format!("{} ({}), licence not given", self.name, self.file),
        }
    }
}

fn yes() -> bool {
    true
}

impl Role {
    /// A team's own role with no requirements yet.
    pub fn custom(id: RoleId, title: &str) -> Role {
        Role {
            id,
            title: title.to_string(),
            aliases: Vec::new(),
            track: Track::Ic,
            summary: String::new(),
            seeds: Vec::new(),
            salary: None,
            years: None,
            span: None,
            time_split: None,
            career: CareerLinks::default(),
            requirements: Vec::new(),
            builtin: false,
            framework: None,
        }
    }

    pub fn labels(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.title.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    pub fn requirement(&self, skill: &SkillId) -> Option<&Requirement> {
        self.requirements.iter().find(|req| &req.skill == skill)
    }
}
