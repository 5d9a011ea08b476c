//! Scenarios applied and compared: the roster and plan as a scenario
//! would leave them, and the figures a lead weighs them by, each from the
//! same analysis every view reads, run on the scenario applied.

use super::{AnalysisOptions, Cost, analyze, apply_plan, planned_cost};
use crate::model::{Assignment, ProjectStatus, Scenario, Skill, Workspace, normalize_label};
use serde::Serialize;

/// The workspace as `scenario` would leave it, and what in the scenario
/// names nobody (a member or project no longer there), in words.
pub fn apply_scenario(
    workspace: &Workspace,
    scenario: &Scenario,
    library: &[Skill],
) -> (Workspace, Vec<String>) {
    let mut result = workspace.clone();
    let mut unknown = Vec::new();
    let project_at = |result: &Workspace, name: &str| {
        let key = normalize_label(name);
        result
            .projects
            .iter()
            .position(|project| normalize_label(&project.name) == key)
    };
    // Pins first, by the rows as they are; departures then renumber them.
    for pin in &scenario.pins {
        match (
            project_at(&result, &pin.project),
            result.find_member(&pin.member),
        ) {
            (Some(project), Some(member)) => {
                let lines = result.projects[project].demand.len()
                    + result.projects[project].role_slots.len();
                if pin.line < lines {
                    result.projects[project].assignments.push(Assignment {
                        member,
                        demand: pin.line,
                        fte: pin.fte,
                        pinned: true,
                    });
                } else {
                    unknown.push(format!("{} has no line {}", pin.project, pin.line + 1));
                }
            }
            (None, _) => unknown.push(format!("no project \"{}\"", pin.project)),
            (_, None) => unknown.push(format!("nobody called \"{}\"", pin.member)),
        }
    }
    for moved in &scenario.moves {
        match result.find_member(&moved.member) {
            Some(member) => result.members[member].manager = Some(moved.manager.clone()),
            None => unknown.push(format!("nobody called \"{}\"", moved.member)),
        }
    }
    let mut dropped = Vec::new();
    for switch in &scenario.projects {
        match project_at(&result, &switch.project) {
            Some(project) if switch.on => {
                result.projects[project].status = ProjectStatus::Confirmed
            }
            Some(project) => dropped.push(project),
            None => unknown.push(format!("no project \"{}\"", switch.project)),
        }
    }
    dropped.sort_unstable();
    dropped.dedup();
    for project in dropped.into_iter().rev() {
        result.projects.remove(project);
    }
    for name in &scenario.plan.departures {
        if result.find_member(name).is_none() {
            unknown.push(format!("nobody called \"{name}\""));
        }
    }
    let mut applied = apply_plan(&result, &scenario.plan, library);
    // The workspace's own what-if and scenarios stay as they were.
    applied.plan = workspace.plan.clone();
    applied.scenarios = workspace.scenarios.clone();
    (applied, unknown)
}

/// `scenario` made real: as `apply_scenario`, but those who depart are
/// recorded as leaving on `on` (their history stays), as applying the
/// what-if plan does.
pub fn make_scenario_real(
    workspace: &Workspace,
    scenario: &Scenario,
    library: &[Skill],
    on: crate::model::Date,
) -> (Workspace, Vec<String>) {
    let mut staying = scenario.clone();
    let departures = std::mem::take(&mut staying.plan.departures);
    let (mut real, unknown) = apply_scenario(workspace, &staying, library);
    for key in &departures {
        if let Some(member) = real.find_member(key) {
            let _ = real.record_leaver(member, on);
        }
    }
    (real, unknown)
}

/// The figures a scenario is weighed by.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScenarioFigures {
    /// The scenario's name, or `as it is` for the workspace unchanged.
    pub name: String,
    /// Its changes in words.
    pub changes: Vec<String>,
    /// Required skills one person or nobody can lead now.
    pub single_points: usize,
    /// Which, by name.
    pub single_point_skills: Vec<String>,
    /// Skill-weeks of the next 26 weeks with one free lead or none: a
    /// skill thin for three weeks counts three (confirmed work counted).
    pub thin_skill_weeks: usize,
    /// Skills some team is short of (below the bench wanted, or members
    /// under their role's level), each counted once.
    pub skills_short: usize,
    /// Places on projects nobody can fill, and the earliest start among them.
    pub open_places: u32,
    pub first_open: Option<String>,
    /// Managers outside their span of control.
    pub span_breaches: usize,
    /// A year of the scenario's planned hires, from the roles' bands.
    pub cost: Cost,
    /// What the scenario names that is not there.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
}

/// The figures of `workspace` as it is, then as each scenario named in
/// `names` (any case) would leave it. `Err` names a scenario not there.
pub fn compare_scenarios(
    workspace: &Workspace,
    names: &[&str],
    options: &AnalysisOptions,
    library: &[Skill],
) -> Result<Vec<ScenarioFigures>, String> {
    let mut chosen = Vec::new();
    for name in names {
        chosen.push(&workspace.scenarios[workspace.scenario_index(name)?]);
    }
    let as_is = Scenario::new("as it is");
    let all: Vec<&Scenario> = std::iter::once(&as_is).chain(chosen).collect();
    // Each scenario's analysis is independent: run them side by side.
    let figures = std::thread::scope(|threads| {
        let running: Vec<_> = all
            .iter()
            .map(|scenario| threads.spawn(|| figures_of(workspace, scenario, options, library)))
            .collect();
        running
            .into_iter()
            .map(|handle| handle.join().expect("a scenario's analysis"))
            .collect()
    });
    Ok(figures)
}

fn figures_of(
    workspace: &Workspace,
    scenario: &Scenario,
    options: &AnalysisOptions,
    library: &[Skill],
) -> ScenarioFigures {
    let (applied, unknown) = apply_scenario(workspace, scenario, library);
    let analysis = analyze(&applied, options);
    let thin_skill_weeks = analysis
        .thin_weeks
        .iter()
        .map(|run| (run.weeks.1 - run.weeks.0 + 1).max(0) as usize)
        .sum();
    let mut short: Vec<&str> = analysis
        .team_gaps
        .iter()
        .flat_map(|team| &team.gaps)
        .map(|gap| &*gap.skill.id)
        .collect();
    short.sort_unstable();
    short.dedup();
    let staffing = analysis.staffing.as_ref();
    ScenarioFigures {
        name: scenario.name.clone(),
        changes: scenario.changes(workspace),
        single_points: analysis.bus_factor.len(),
        single_point_skills: analysis
            .bus_factor
            .iter()
            .map(|risk| risk.skill.name.to_string())
            .collect(),
        thin_skill_weeks,
        skills_short: short.len(),
        open_places: staffing.map_or(0, |s| s.placeholders.iter().map(|p| p.people).sum()),
        first_open: staffing.and_then(|s| s.placeholders.iter().map(|p| p.from.clone()).min()),
        span_breaches: analysis.span_of_control.breaches.len(),
        cost: planned_cost(workspace, &scenario.plan).0,
        unknown,
    }
}
