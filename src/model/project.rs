//! Projects and their demand. Only the types for now: the staffing planner
//! fills them in.

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
    #[serde(default)]
    pub assignments: Vec<Assignment>,
}
