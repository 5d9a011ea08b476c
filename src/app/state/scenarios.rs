//! The state's scenario methods: add, change, remove and apply scenarios
//! (each one undoable step), and keep the comparison current.

use crate::app::{AppState, INLINE_CELLS, ScenarioComparison, View};
use crate::model::{EditError, ScenarioChange};
use std::sync::mpsc::channel;

impl AppState {
    pub fn scenario_comparison(&self) -> &ScenarioComparison {
        &self.scenarios
    }

    pub(in crate::app) fn add_scenario(&mut self, name: &str) -> Result<(), EditError> {
        let label = format!("add scenario {}", name.trim());
        self.document
            .edit(&label, |w| w.add_scenario(name).map(|_| ()))?;
        // A new scenario is compared at once, while there is room.
        if self.scenarios.names.len() < ScenarioComparison::MOST {
            self.scenarios.names.push(name.trim().to_string());
        }
        Ok(())
    }

    pub(in crate::app) fn remove_scenario(&mut self, index: usize) -> Result<(), EditError> {
        let name = self.scenario_name(index)?;
        self.document
            .edit(&format!("remove scenario {name}"), |w| {
                w.remove_scenario(index).map(|_| ())
            })?;
        self.scenarios.names.retain(|shown| *shown != name);
        Ok(())
    }

    pub(in crate::app) fn add_scenario_change(
        &mut self,
        index: usize,
        change: ScenarioChange,
    ) -> Result<(), EditError> {
        let name = self.scenario_name(index)?;
        self.document.edit(&format!("change scenario {name}"), |w| {
            w.add_scenario_change(index, change)
        })
    }

    /// Makes a scenario real, as one undoable step: hires join as
    /// placeholders, departures leave today, moves, switches and pins
    /// take effect. The scenario stays, to compare against.
    pub(in crate::app) fn apply_scenario(&mut self, index: usize) -> Result<(), EditError> {
        let name = self.scenario_name(index)?;
        let scenario = self.document.workspace.scenarios[index].clone();
        let (real, unknown) = crate::analysis::make_scenario_real(
            &self.document.workspace,
            &scenario,
            &self.library().skills,
            self.today(),
        );
        self.document
            .replace(&format!("apply scenario {name}"), real);
        self.selected = None;
        self.notice = Some(if unknown.is_empty() {
            format!("Scenario {name} applied: Edit > Undo takes it back")
        } else {
            format!(
                "Scenario {name} applied, leaving out what is no longer there: {}",
                unknown.join("; ")
            )
        });
        Ok(())
    }

    pub(in crate::app) fn set_compared(&mut self, names: Vec<String>) {
        self.scenarios.picked = true;
        self.scenarios.names = names.into_iter().take(ScenarioComparison::MOST).collect();
    }

    fn scenario_name(&self, index: usize) -> Result<String, EditError> {
        self.document
            .workspace
            .scenarios
            .get(index)
            .map(|scenario| scenario.name.clone())
            .ok_or(EditError::Gone("scenario"))
    }

    /// Computes the comparison when the scenarios view is on show and it
    /// is out of date; takes a worker's result once it is in.
    pub(in crate::app) fn refresh_scenarios(&mut self) {
        if let Some(receiver) = &self.scenarios.receiver
            && let Ok(figures) = receiver.try_recv()
        {
            self.scenarios.figures = Some(figures);
            self.scenarios.receiver = None;
        }
        if self.view != View::Scenarios {
            return;
        }
        // Names of scenarios since removed or renamed drop out.
        let workspace = &self.document.workspace;
        if !self.scenarios.picked && self.scenarios.names.is_empty() {
            self.scenarios.names = workspace
                .scenarios
                .iter()
                .take(ScenarioComparison::MOST)
                .map(|scenario| scenario.name.clone())
                .collect();
        }
        self.scenarios.names.retain(|name| {
            workspace
                .scenarios
                .iter()
                .any(|scenario| scenario.name == *name)
        });
        let key = Some((
            self.document.id,
            self.document.generation,
            self.scenarios.names.clone(),
        ));
        if self.scenarios.key == key {
            return;
        }
        self.scenarios.key = key;
        let workspace = std::sync::Arc::clone(&self.document.workspace);
        let names = self.scenarios.names.clone();
        let options = crate::analysis::AnalysisOptions {
            team: None,
            budget: None,
            today: self.insight_options.today,
        };
        let library = self.library();
        let compare = move || {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            crate::analysis::compare_scenarios(&workspace, &names, &options, &library.skills)
        };
        let cells = self.document.workspace.members.len() * self.document.workspace.skills.len();
        if cells <= INLINE_CELLS {
            self.scenarios.figures = Some(compare());
            self.scenarios.receiver = None;
        } else {
            let (sender, receiver) = channel();
            std::thread::Builder::new()
                .name("skillgrid-scenarios".into())
                .spawn(move || {
                    let _ = sender.send(compare());
                })
                .expect("spawning a thread");
            self.scenarios.receiver = Some(receiver);
        }
    }

    pub fn scenarios_waiting(&self) -> bool {
        self.scenarios.is_computing()
    }
}
