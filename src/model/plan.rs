//! A what-if hiring plan: planned hires and departures, kept apart from the
//! roster until the user applies it.

use super::{Level, RoleId, SkillId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hires: Vec<PlannedHire>,
    /// Members planned to leave, by email or name (as a manager cell names
    /// them), so the plan survives reordering the roster.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departures: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlannedHire {
    pub role: RoleId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Members (by email or name) who would report to the new hire: a
    /// manager hired for a span breach takes some of the over-span
    /// manager's reports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<String>,
    /// A specialist: the role's levels, and this skill at this level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<(SkillId, Level)>,
}

impl PlannedHire {
    pub fn new(role: RoleId, team: Option<String>) -> PlannedHire {
        PlannedHire {
            role,
            team,
            reports: Vec::new(),
            specialty: None,
        }
    }
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.hires.is_empty() && self.departures.is_empty()
    }
}
