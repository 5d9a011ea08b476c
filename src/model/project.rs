//! Projects and their demand, and the assignments a lead has pinned or
//! ruled out; `analysis::staff` proposes the rest.

use super::{Level, RoleId, SkillId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DemandLine {
    pub skill: SkillId,
    pub min_level: Level,
    pub people: u32,
    /// Share of each person's FTE the line needs.
    pub fte_each: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleSlot {
    pub role: RoleId,
    pub count: u32,
    pub fte: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// Index into the workspace's members.
    pub member: usize,
    /// Index into the project's demand lines.
    pub demand: usize,
    pub fte: f64,
    #[serde(default)]
    pub pinned: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub name: String,
    /// ISO dates, `YYYY-MM-DD`.
    pub start: String,
    pub end: String,
    /// 1 is the highest.
    pub priority: u32,
    #[serde(default)]
    pub demand: Vec<DemandLine>,
    #[serde(default)]
    pub role_slots: Vec<RoleSlot>,
    /// Pinned assignments: kept as they are when the rest is proposed.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    /// Member and line pairs the lead ruled out: never proposed again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<Exclusion>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    /// Index into the workspace's members.
    pub member: usize,
    /// Index into the project's lines: demand lines, then role slots.
    pub line: usize,
}

impl Project {
    /// A project with no demand yet.
    pub fn new(name: &str, start: &str, end: &str, priority: u32) -> Project {
        Project {
            name: name.to_string(),
            start: start.to_string(),
            end: end.to_string(),
            priority,
            demand: Vec::new(),
            role_slots: Vec::new(),
            assignments: Vec::new(),
            excluded: Vec::new(),
        }
    }
}
