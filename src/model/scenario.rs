//! Scenarios: named sets of changes to the plan, kept in the workspace
//! beside the roster and compared before one is made real. Members and
//! projects are named (email or name, project name), so a scenario
//! survives reordering the roster.

use super::{Plan, PlannedHire};
use serde::{Deserialize, Serialize};

/// A report moved to another manager.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportMove {
    /// The member, by email or name.
    pub member: String,
    /// The new manager, by email or name.
    pub manager: String,
}

/// A tentative project switched on (it lands: confirmed) or off (it does
/// not happen: left out of the plan).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectSwitch {
    pub project: String,
    pub on: bool,
}

/// A member pinned to a project's line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioPin {
    pub project: String,
    /// Index of the line in the project: demand lines, then role slots.
    pub line: usize,
    /// The member, by email or name.
    pub member: String,
    pub fte: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub name: String,
    /// Planned hires and departures.
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub plan: Plan,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moves: Vec<ReportMove>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<ProjectSwitch>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pins: Vec<ScenarioPin>,
}

impl Scenario {
    pub fn new(name: &str) -> Scenario {
        Scenario {
            name: name.trim().to_string(),
            ..Scenario::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.plan.is_empty()
            && self.moves.is_empty()
            && self.projects.is_empty()
            && self.pins.is_empty()
    }

    pub fn hire(&mut self, hire: PlannedHire) {
        self.plan.hires.push(hire);
    }
}
