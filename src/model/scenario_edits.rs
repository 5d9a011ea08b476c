//! Scenario edits a person makes in the window: add, remove, and add a
//! change to one, each checked.

use super::{
    EditError, PlannedHire, ProjectSwitch, ReportMove, Scenario, ScenarioPin, Workspace,
    checked_name, normalize_label,
};

/// One change a person adds to a scenario in the window.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioChange {
    Hire(PlannedHire),
    /// A member, by email or name.
    Depart(String),
    Move(ReportMove),
    Project(ProjectSwitch),
    Pin(ScenarioPin),
}

impl Scenario {
    /// Each change in words, one a line, roles and people by the names
    /// `workspace` gives them: `hire a Senior Software Engineer in
    /// Search`, `Tomasz Nowak leaves`, `Search relaunch lands (confirmed)`.
    pub fn changes(&self, workspace: &Workspace) -> Vec<String> {
        let person = |key: &str| {
            workspace
                .find_member(key)
                .map_or(key.to_string(), |row| workspace.members[row].name.clone())
        };
        let mut said = Vec::new();
        for hire in &self.plan.hires {
            let role = workspace
                .role(&hire.role)
                .map_or(hire.role.to_string(), |role| role.title.clone());
            match &hire.team {
                Some(team) => said.push(format!("hire a {role} in {team}")),
                None => said.push(format!("hire a {role}")),
            }
        }
        for member in &self.plan.departures {
            said.push(format!("{} leaves", person(member)));
        }
        for moved in &self.moves {
            said.push(format!(
                "{} reports to {}",
                person(&moved.member),
                person(&moved.manager)
            ));
        }
        for switch in &self.projects {
            said.push(if switch.on {
                format!("{} lands (confirmed)", switch.project)
            } else {
                format!("{} does not happen", switch.project)
            });
        }
        for pin in &self.pins {
            said.push(format!(
                "{} pinned to {} line {} at {} FTE",
                person(&pin.member),
                pin.project,
                pin.line + 1,
                pin.fte
            ));
        }
        said
    }
}

impl Workspace {
    /// The scenario named `name` (any case), or what the workspace has.
    pub fn scenario_index(&self, name: &str) -> Result<usize, String> {
        let key = normalize_label(name);
        self.scenarios
            .iter()
            .position(|scenario| normalize_label(&scenario.name) == key)
            .ok_or_else(|| {
                let known: Vec<&str> = self.scenarios.iter().map(|s| s.name.as_str()).collect();
                format!(
                    "no scenario \"{name}\": the workspace has {}",
                    if known.is_empty() {
                        "none (add one with `skillgrid scenario add` or in the Scenarios view)"
                            .to_string()
                    } else {
                        known.join(", ")
                    }
                )
            })
    }

    /// Adds an empty scenario; a name another scenario has is refused.
    pub fn add_scenario(&mut self, name: &str) -> Result<usize, EditError> {
        let name = checked_name(name, "scenario")?;
        let key = normalize_label(&name);
        if self
            .scenarios
            .iter()
            .any(|other| normalize_label(&other.name) == key)
        {
            return Err(EditError::Invalid {
                field: "scenario",
                found: name,
                expected: "is the name of another scenario",
            });
        }
        self.scenarios.push(Scenario::new(&name));
        Ok(self.scenarios.len() - 1)
    }

    pub fn remove_scenario(&mut self, index: usize) -> Result<Scenario, EditError> {
        if index >= self.scenarios.len() {
            return Err(EditError::Gone("scenario"));
        }
        Ok(self.scenarios.remove(index))
    }

    pub fn add_scenario_change(
        &mut self,
        index: usize,
        change: ScenarioChange,
    ) -> Result<(), EditError> {
        let scenario = self
            .scenarios
            .get_mut(index)
            .ok_or(EditError::Gone("scenario"))?;
        match change {
            ScenarioChange::Hire(hire) => scenario.plan.hires.push(hire),
            ScenarioChange::Depart(member) => {
                if !scenario.plan.departures.contains(&member) {
                    scenario.plan.departures.push(member);
                }
            }
            ScenarioChange::Move(moved) => {
                scenario.moves.retain(|other| other.member != moved.member);
                scenario.moves.push(moved);
            }
            ScenarioChange::Pin(pin) => {
                scenario.pins.retain(|other| {
                    (&other.project, other.line, &other.member)
                        != (&pin.project, pin.line, &pin.member)
                });
                scenario.pins.push(pin);
            }
            ScenarioChange::Project(switch) => {
                scenario
                    .projects
                    .retain(|other| other.project != switch.project);
                scenario.projects.push(switch);
            }
        }
        Ok(())
    }
}
