//! Time split: the team's capacity in strategy & alignment, people
//! management and building software, from its roles' splits and FTE.

use super::scope::{RoleRef, Scope};
use crate::model::Track;
use serde::Serialize;

/// Seed 003: an Engineering Manager spends 50% on people management, and
/// seed 002 gives an Engineering Manager 6-8 directs: about 0.07 FTE of
/// people management per report.
pub const PEOPLE_FTE_PER_REPORT: f64 = 0.5 / 7.0;

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TimeSplitReport {
    pub total_fte: f64,
    pub strategy_fte: f64,
    pub people_fte: f64,
    pub building_fte: f64,
    /// FTE of individual contributors whose role states no split, counted
    /// as building software (an assumption the report names).
    pub assumed_building_fte: f64,
    /// FTE of managers and unassigned members whose split is unknown: not
    /// counted above.
    pub unknown_fte: f64,
    /// Members who report to someone: the people management the team calls for.
    pub reports: u32,
    /// What the reports call for, at the seeds' Engineering Manager norm.
    pub people_fte_needed: f64,
    pub by_role: Vec<RoleTime>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleTime {
    pub role: RoleRef,
    pub members: u32,
    pub fte: f64,
    /// The role's split, percent: strategy, people, building.
    pub split: Option<[f64; 3]>,
    /// Where the split comes from; `inferred: ...` when no seed states it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub basis: String,
}

pub fn time_split(scope: &Scope) -> TimeSplitReport {
    time_split_of(scope, &scope.members)
}

/// The time split of each team in the scope, by team name, in one pass
/// over the roster.
pub fn time_split_by_team(scope: &Scope) -> Vec<(String, TimeSplitReport)> {
    let workspace = scope.workspace;
    let mut teams: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for &member in &scope.members {
        let team = workspace.members[member]
            .team
            .as_deref()
            .unwrap_or(super::NO_TEAM);
        teams.entry(team).or_default().push(member);
    }
    teams
        .into_iter()
        .map(|(team, members)| (team.to_string(), time_split_of(scope, &members)))
        .collect()
}

fn time_split_of(scope: &Scope, members: &[usize]) -> TimeSplitReport {
    let workspace = scope.workspace;
    let mut report = TimeSplitReport::default();
    for &member in members {
        let fte = workspace.members[member].fte;
        report.total_fte += fte;
        if workspace.members[member].manager.is_some() {
            report.reports += 1;
        }
        let role = scope.role_of(member);
        match role.and_then(|role| role.time_split.as_ref()) {
            Some(split) => {
                report.strategy_fte += fte * split.strategy / 100.0;
                report.people_fte += fte * split.people / 100.0;
                report.building_fte += fte * split.building / 100.0;
            }
            None if role.is_some_and(|role| role.track == Track::Ic) => {
                report.building_fte += fte;
                report.assumed_building_fte += fte;
            }
            None => report.unknown_fte += fte,
        }
        if let Some(role) = role {
            match report
                .by_role
                .iter_mut()
                .find(|entry| &*entry.role.id == role.id.as_str())
            {
                Some(entry) => {
                    entry.members += 1;
                    entry.fte += fte;
                }
                None => report.by_role.push(RoleTime {
                    role: RoleRef::new(role),
                    members: 1,
                    fte,
                    split: role
                        .time_split
                        .as_ref()
                        .map(|split| [split.strategy, split.people, split.building]),
                    basis: role
                        .time_split
                        .as_ref()
                        .map_or(String::new(), |split| split.basis.clone()),
                }),
            }
        }
    }
    report.people_fte_needed = f64::from(report.reports) * PEOPLE_FTE_PER_REPORT;
    report.by_role.sort_by_key(|entry| {
        workspace
            .roles
            .iter()
            .position(|role| role.id.as_str() == &*entry.role.id)
    });
    report
}
