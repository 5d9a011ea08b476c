//! Team gaps against what the roles present require, with a minimum bench
//! depth, and the bus-factor risks that follow from them.

use super::fit::skill_ref;
use super::scope::{MemberRef, RoleRef, Scope, SkillRef};
use crate::model::{Importance, Level, Role, Settings, SkillId};
use serde::Serialize;
use std::collections::BTreeMap;

/// The name of the whole roster in the per-team list.
pub const ALL_TEAMS: &str = "All teams";
pub const NO_TEAM: &str = "(no team)";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkillGap {
    pub skill: SkillRef,
    /// False when no column tracks the skill: nobody is assessed in it.
    pub tracked: bool,
    /// The roles present that require it.
    pub required_by: Vec<RoleRef>,
    /// The highest minimum level those roles set.
    pub required_level: Level,
    /// Members assessed in it at all: with none, the gap is unknown rather
    /// than empty, and no hire is planned for it.
    pub assessed: u32,
    /// Members at or above the "can lead" level.
    pub leaders: u32,
    /// People wanted at that level (the bench depth).
    pub bench_target: u32,
    /// `bench_target - leaders`, when positive.
    pub bench_deficit: u32,
    /// Members whose own role requires the skill and who are below its minimum.
    pub members_below: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamGaps {
    pub team: String,
    pub members: u32,
    /// Skills with a bench deficit or members below their role's minimum,
    /// worst first.
    pub gaps: Vec<SkillGap>,
}

/// A skill the roles present require that nobody in view is assessed in:
/// the roster cannot say whether it is covered.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnassessedRequirement {
    pub skill: SkillRef,
    pub roles_needing: Vec<RoleRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BusFactorRisk {
    pub skill: SkillRef,
    /// The one member who can lead it, or none.
    pub leaders: Vec<MemberRef>,
    /// Roles present that require it.
    pub roles_needing: Vec<RoleRef>,
}

/// The requirement of one skill across a set of roles.
struct Demand<'w> {
    skill: &'w SkillId,
    column: Option<usize>,
    level: Level,
    roles: Vec<&'w Role>,
}

/// Skills the `roles` require (importance required), in skill order.
fn demands<'w>(scope: &Scope<'w>, roles: &[&'w Role]) -> Vec<Demand<'w>> {
    let mut by_skill: BTreeMap<(usize, &SkillId), Demand<'w>> = BTreeMap::new();
    for role in roles {
        for requirement in role
            .requirements
            .iter()
            .filter(|r| r.importance == Importance::Required)
        {
            let column = scope.column(&requirement.skill);
            let demand = by_skill
                .entry((column.unwrap_or(usize::MAX), &requirement.skill))
                .or_insert(Demand {
                    skill: &requirement.skill,
                    column,
                    level: requirement.min_level,
                    roles: Vec::new(),
                });
            demand.level = demand.level.max(requirement.min_level);
            demand.roles.push(role);
        }
    }
    by_skill.into_values().collect()
}

/// Gaps of the whole scope first, then of each team in it, by team name.
pub fn team_gaps(scope: &Scope, settings: &Settings) -> Vec<TeamGaps> {
    let workspace = scope.workspace;
    let mut teams: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &member in &scope.members {
        let team = workspace.members[member].team.as_deref().unwrap_or(NO_TEAM);
        teams.entry(team).or_default().push(member);
    }
    let mut result = vec![group_gaps(scope, ALL_TEAMS, &scope.members, settings)];
    if teams.len() > 1 || scope.members.is_empty() {
        for (team, members) in teams {
            result.push(group_gaps(scope, team, &members, settings));
        }
    }
    result
}

fn group_gaps(scope: &Scope, name: &str, members: &[usize], settings: &Settings) -> TeamGaps {
    let workspace = scope.workspace;
    let mut roles: Vec<&Role> = Vec::new();
    for &member in members {
        if let Some(role) = scope.role_of(member)
            && !roles.iter().any(|known| known.id == role.id)
        {
            roles.push(role);
        }
    }
    roles.sort_by_key(|role| workspace.roles.iter().position(|r| r.id == role.id));
    let mut gaps: Vec<SkillGap> = demands(scope, &roles)
        .into_iter()
        .map(|demand| {
            let (assessed, leaders) = demand.column.map_or((0, 0), |column| {
                members.iter().fold((0, 0), |(assessed, leaders), &member| {
                    let cell = workspace.cell(member, column);
                    (
                        assessed + u32::from(cell.level().is_some()),
                        leaders + u32::from(cell.at_least(settings.lead_level)),
                    )
                })
            });
            let members_below = members
                .iter()
                .filter(|&&member| {
                    let Some(requirement) = scope
                        .role_of(member)
                        .and_then(|role| role.requirement(demand.skill))
                        .filter(|r| r.importance == Importance::Required)
                    else {
                        return false;
                    };
                    let has = demand
                        .column
                        .and_then(|column| workspace.cell(member, column).level());
                    has.is_none_or(|level| level < requirement.min_level)
                })
                .count() as u32;
            let bench_target = settings.bench_depth;
            SkillGap {
                skill: skill_ref(workspace, demand.skill),
                tracked: demand.column.is_some(),
                required_by: demand.roles.iter().map(|role| RoleRef::new(role)).collect(),
                required_level: demand.level,
                assessed,
                leaders,
                bench_target,
                bench_deficit: bench_target.saturating_sub(leaders),
                members_below,
            }
        })
        .filter(|gap| gap.bench_deficit > 0 || gap.members_below > 0)
        .collect();
    // Known gaps first; a skill nobody is assessed in cannot rank by size.
    gaps.sort_by(|a, b| {
        (
            b.assessed > 0,
            b.bench_deficit,
            b.required_by.len(),
            b.members_below,
        )
            .cmp(&(
                a.assessed > 0,
                a.bench_deficit,
                a.required_by.len(),
                a.members_below,
            ))
            .then_with(|| a.skill.name.cmp(&b.skill.name))
    });
    TeamGaps {
        team: name.to_string(),
        members: members.len() as u32,
        gaps,
    }
}

/// Required skills that zero or one member in view can lead, the most
/// needed first; and the required skills nobody is assessed in, apart.
pub fn bus_factor(
    scope: &Scope,
    settings: &Settings,
) -> (Vec<BusFactorRisk>, Vec<UnassessedRequirement>) {
    let workspace = scope.workspace;
    let roles = scope.roles_present();
    let mut risks = Vec::new();
    let mut unassessed = Vec::new();
    for demand in demands(scope, &roles) {
        let roles_needing: Vec<RoleRef> =
            demand.roles.iter().map(|role| RoleRef::new(role)).collect();
        let column = demand.column.filter(|&column| {
            scope
                .members
                .iter()
                .any(|&member| workspace.cell(member, column).level().is_some())
        });
        let Some(column) = column else {
            unassessed.push(UnassessedRequirement {
                skill: skill_ref(workspace, demand.skill),
                roles_needing,
            });
            continue;
        };
        let leaders: Vec<usize> = scope
            .members
            .iter()
            .copied()
            .filter(|&member| workspace.cell(member, column).at_least(settings.lead_level))
            .take(2)
            .collect();
        if leaders.len() <= 1 {
            risks.push(BusFactorRisk {
                skill: skill_ref(workspace, demand.skill),
                leaders: leaders
                    .iter()
                    .map(|&m| MemberRef::new(workspace, m))
                    .collect(),
                roles_needing,
            });
        }
    }
    risks.sort_by(|a, b| {
        b.roles_needing
            .len()
            .cmp(&a.roles_needing.len())
            .then(a.leaders.len().cmp(&b.leaders.len()))
            .then_with(|| a.skill.name.cmp(&b.skill.name))
    });
    (risks, unassessed)
}
