//! `skillgrid scenario`: named sets of changes to the plan, kept in the
//! workspace: add, list, show, compare side by side, apply, remove.

use super::Output;
use super::input::{open_reporting, save_workspace, workspace_output};
use crate::analysis::{AnalysisOptions, compare_scenarios};
use crate::catalog::Catalog;
use crate::model::{
    PlannedHire, ProjectSwitch, ReportMove, Scenario, ScenarioPin, Workspace, normalize_label,
};
use clap::{Subcommand, ValueEnum};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum ScenarioAction {
    /// Add a scenario (or replace the one of that name): planned hires and
    /// departures, report moves, tentative projects switched on or off.
    Add {
        /// The workspace (.skillgrid or .json).
        file: PathBuf,
        name: String,
        /// A hire, by role (title or id), in a team: `Senior Engineer@Platform`.
        #[arg(long, value_name = "ROLE[@TEAM]")]
        hire: Vec<String>,
        /// A member who leaves, by name or email.
        #[arg(long, value_name = "MEMBER")]
        depart: Vec<String>,
        /// A member who reports to someone else: `Ana Souza=Marcus Webb`.
        #[arg(long = "move", value_name = "MEMBER=MANAGER")]
        moves: Vec<String>,
        /// A tentative project that lands (on) or does not (off).
        #[arg(long, value_name = "PROJECT=on|off")]
        tentative: Vec<String>,
        /// A member pinned to a project's line (lines from 1):
        /// `Search relaunch/1=Tomasz Nowak@0.5`.
        #[arg(long, value_name = "PROJECT/LINE=MEMBER@FTE")]
        pin: Vec<String>,
        /// Write here instead of FILE.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// List the workspace's scenarios and their changes.
    List {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ScenarioFormat::Text)]
        format: ScenarioFormat,
    },
    /// The figures of the named scenarios (all when none is named).
    Show {
        file: PathBuf,
        names: Vec<String>,
        #[arg(long, value_enum, default_value_t = ScenarioFormat::Text)]
        format: ScenarioFormat,
        /// The day the figures are of (YYYY-MM-DD); today when not given.
        #[arg(long, value_parser = super::history::parse_date)]
        as_of: Option<crate::model::Date>,
    },
    /// Two or three scenarios side by side, after the workspace as it is:
    /// single points of failure now and per week, skills short, open
    /// places and when, span breaches, cost a year.
    Compare {
        file: PathBuf,
        #[arg(required = true)]
        names: Vec<String>,
        #[arg(long, value_enum, default_value_t = ScenarioFormat::Text)]
        format: ScenarioFormat,
        #[arg(long, value_parser = super::history::parse_date)]
        as_of: Option<crate::model::Date>,
    },
    /// Make a scenario real: the roster and projects as it leaves them.
    Apply {
        file: PathBuf,
        name: String,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Remove a scenario (the roster is left as it is).
    Remove {
        file: PathBuf,
        name: String,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ScenarioFormat {
    Text,
    Json,
}

pub(super) fn scenario_command(
    action: ScenarioAction,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    match action {
        ScenarioAction::Add {
            file,
            name,
            hire,
            depart,
            moves,
            tentative,
            pin,
            output,
        } => {
            let changes = Changes {
                hires: &hire,
                departures: &depart,
                moves: &moves,
                switches: &tentative,
                pins: &pin,
            };
            add(&file, &name, &changes, output.as_deref(), catalog, out, err)
        }
        ScenarioAction::List { file, format } => {
            let Some(workspace) = open_reporting(&file, catalog, err) else {
                return ExitCode::FAILURE;
            };
            list(&workspace.value, format, out);
            ExitCode::SUCCESS
        }
        ScenarioAction::Show {
            file,
            names,
            format,
            as_of,
        }
        | ScenarioAction::Compare {
            file,
            names,
            format,
            as_of,
        } => {
            let Some(workspace) = open_reporting(&file, catalog, err) else {
                return ExitCode::FAILURE;
            };
            let workspace = &workspace.value;
            // `show` with no names shows them all; `compare` needs names.
            let names: Vec<String> = if names.is_empty() {
                workspace.scenarios.iter().map(|s| s.name.clone()).collect()
            } else {
                names
            };
            figures(&file, workspace, &names, as_of, format, catalog, out, err)
        }
        ScenarioAction::Apply { file, name, output } => {
            change(&file, output.as_deref(), catalog, out, err, |workspace| {
                let scenario = find(workspace, &name)?.clone();
                let (applied, unknown) = crate::analysis::make_scenario_real(
                    workspace,
                    &scenario,
                    &catalog.skills,
                    crate::model::today(),
                );
                *workspace = applied;
                let mut said = format!(" (scenario \"{}\" applied", scenario.name);
                if !unknown.is_empty() {
                    let _ = write!(said, "; left out: {}", unknown.join("; "));
                }
                said.push(')');
                Ok(said)
            })
        }
        ScenarioAction::Remove { file, name, output } => {
            change(&file, output.as_deref(), catalog, out, err, |workspace| {
                let index = workspace.scenario_index(&name)?;
                let removed = workspace.scenarios.remove(index);
                Ok(format!(" (scenario \"{}\" removed)", removed.name))
            })
        }
    }
}

/// The changes `scenario add` was given, as typed.
struct Changes<'a> {
    hires: &'a [String],
    departures: &'a [String],
    moves: &'a [String],
    switches: &'a [String],
    pins: &'a [String],
}

fn find<'w>(workspace: &'w Workspace, name: &str) -> Result<&'w Scenario, String> {
    workspace
        .scenario_index(name)
        .map(|index| &workspace.scenarios[index])
}

/// Opens the workspace, changes it, and saves it where asked.
fn change(
    file: &Path,
    output: Option<&Path>,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
    edit: impl FnOnce(&mut Workspace) -> Result<String, String>,
) -> ExitCode {
    let Some(output) = workspace_output(file, output, "scenarios", err) else {
        return ExitCode::from(2);
    };
    let Some(mut workspace) = open_reporting(file, catalog, err) else {
        return ExitCode::FAILURE;
    };
    match edit(&mut workspace.value) {
        Ok(said) => save_workspace(&workspace.value, output, &said, out, err),
        Err(message) => {
            let _ = writeln!(err, "{}: {message}", file.display());
            ExitCode::from(2)
        }
    }
}

fn add(
    file: &Path,
    name: &str,
    changes: &Changes,
    output: Option<&Path>,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    change(file, output, catalog, out, err, |workspace| {
        let scenario = build(workspace, name, changes)?;
        let key = normalize_label(name);
        let said = format!(
            " (scenario \"{}\": {})",
            scenario.name,
            if scenario.is_empty() {
                "no changes yet".to_string()
            } else {
                scenario.changes(workspace).join("; ")
            }
        );
        match workspace
            .scenarios
            .iter_mut()
            .find(|other| normalize_label(&other.name) == key)
        {
            Some(other) => *other = scenario,
            None => workspace.scenarios.push(scenario),
        }
        Ok(said)
    })
}

/// A scenario from what was typed, every name checked against the workspace.
fn build(workspace: &Workspace, name: &str, changes: &Changes) -> Result<Scenario, String> {
    if name.trim().is_empty() {
        return Err("a scenario needs a name".to_string());
    }
    let mut scenario = Scenario::new(name);
    for hire in changes.hires {
        let (role, team) = match hire.split_once('@') {
            Some((role, team)) => (role.trim(), Some(team.trim().to_string())),
            None => (hire.trim(), None),
        };
        // A team by the name the roster gives it: a typo is no new team.
        let team = match team {
            Some(team) => Some(known_team(workspace, &team).ok_or_else(|| {
                let mut teams: Vec<&str> = workspace
                    .members
                    .iter()
                    .filter_map(|m| m.team.as_deref())
                    .collect();
                teams.sort_unstable();
                teams.dedup();
                format!(
                    "--hire {hire}: no team \"{team}\"; the teams are {}",
                    teams.join(", ")
                )
            })?),
            None => None,
        };
        let key = normalize_label(role);
        let found = workspace
            .roles
            .iter()
            .find(|known| known.labels().any(|label| normalize_label(label) == key))
            .ok_or_else(|| {
                format!("--hire {hire}: no role \"{role}\" in the workspace's library")
            })?;
        scenario.hire(PlannedHire::new(found.id.clone(), team));
    }
    for member in changes.departures {
        let index = workspace
            .find_member(member)
            .ok_or_else(|| format!("--depart {member}: nobody of that name or email"))?;
        scenario
            .plan
            .departures
            .push(workspace.members[index].key().to_string());
    }
    for moved in changes.moves {
        let (member, manager) = moved
            .split_once('=')
            .ok_or_else(|| format!("--move {moved}: expected MEMBER=MANAGER"))?;
        for who in [member, manager] {
            workspace
                .find_member(who.trim())
                .ok_or_else(|| format!("--move {moved}: nobody called \"{}\"", who.trim()))?;
        }
        scenario.moves.push(ReportMove {
            member: member.trim().to_string(),
            manager: manager.trim().to_string(),
        });
    }
    for switch in changes.switches {
        let (project, state) = switch
            .rsplit_once('=')
            .ok_or_else(|| format!("--tentative {switch}: expected PROJECT=on or PROJECT=off"))?;
        let on = match state.trim() {
            "on" => true,
            "off" => false,
            other => {
                return Err(format!(
                    "--tentative {switch}: \"{other}\" is not on or off"
                ));
            }
        };
        let key = normalize_label(project);
        let known = workspace
            .projects
            .iter()
            .find(|known| normalize_label(&known.name) == key)
            .ok_or_else(|| format!("--tentative {switch}: no project \"{}\"", project.trim()))?;
        if !known.is_tentative() {
            return Err(format!(
                "--tentative {switch}: \"{}\" is confirmed already: only tentative projects \
                 are switched",
                known.name
            ));
        }
        scenario.projects.push(ProjectSwitch {
            project: known.name.clone(),
            on,
        });
    }
    for pin in changes.pins {
        scenario.pins.push(parse_pin(workspace, pin)?);
    }
    Ok(scenario)
}

/// `Search relaunch/1=Tomasz Nowak@0.5`, checked against the workspace.
fn parse_pin(workspace: &Workspace, pin: &str) -> Result<ScenarioPin, String> {
    let expected = || format!("--pin {pin}: expected PROJECT/LINE=MEMBER@FTE");
    let (rest, fte) = pin.rsplit_once('@').ok_or_else(expected)?;
    let (place, member) = rest.split_once('=').ok_or_else(expected)?;
    let (project, line) = place.rsplit_once('/').ok_or_else(expected)?;
    let fte: f64 = crate::io::parse_share(fte.trim())
        .ok()
        .filter(|fte| *fte > 0.0)
        .ok_or_else(|| format!("--pin {pin}: \"{}\" is not an FTE share", fte.trim()))?;
    let key = normalize_label(project);
    let known = workspace
        .projects
        .iter()
        .find(|known| normalize_label(&known.name) == key)
        .ok_or_else(|| format!("--pin {pin}: no project \"{}\"", project.trim()))?;
    let lines = known.demand.len() + known.role_slots.len();
    let line: usize = line
        .trim()
        .parse()
        .ok()
        .filter(|line| (1..=lines).contains(line))
        .ok_or_else(|| {
            format!(
                "--pin {pin}: \"{}\" has lines 1 to {lines}, not {}",
                known.name,
                line.trim()
            )
        })?;
    let row = workspace
        .find_member(member.trim())
        .ok_or_else(|| format!("--pin {pin}: nobody called \"{}\"", member.trim()))?;
    Ok(ScenarioPin {
        project: known.name.clone(),
        line: line - 1,
        member: workspace.members[row].key(),
        fte,
    })
}

fn known_team(workspace: &Workspace, team: &str) -> Option<String> {
    let key = normalize_label(team);
    workspace
        .members
        .iter()
        .filter_map(|member| member.team.as_deref())
        .find(|known| normalize_label(known) == key)
        .map(str::to_string)
}

fn list(workspace: &Workspace, format: ScenarioFormat, out: &mut Output) {
    match format {
        ScenarioFormat::Json => out.json(&workspace.scenarios),
        ScenarioFormat::Text => {
            if workspace.scenarios.is_empty() {
                let _ = writeln!(out, "no scenarios (add one with `skillgrid scenario add`)");
            }
            for scenario in &workspace.scenarios {
                let _ = writeln!(out, "{}", scenario.name);
                let changes = scenario.changes(workspace);
                if changes.is_empty() {
                    let _ = writeln!(out, "  no changes");
                }
                for change in changes {
                    let _ = writeln!(out, "  {change}");
                }
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn figures(
    file: &Path,
    workspace: &Workspace,
    names: &[String],
    as_of: Option<crate::model::Date>,
    format: ScenarioFormat,
    catalog: &Catalog,
    out: &mut Output,
    err: &mut String,
) -> ExitCode {
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let options = AnalysisOptions {
        today: as_of,
        ..AnalysisOptions::default()
    };
    match compare_scenarios(workspace, &names, &options, &catalog.skills) {
        Ok(figures) => {
            match format {
                ScenarioFormat::Json => out.json(&figures),
                ScenarioFormat::Text => {
                    out.push_str(&crate::report::scenario_comparison_text(&figures))
                }
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            let _ = writeln!(err, "{}: {message}", file.display());
            ExitCode::from(2)
        }
    }
}
