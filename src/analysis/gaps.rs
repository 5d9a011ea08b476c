//! Team gaps against what the roles present require, with a minimum bench
//! depth, and the bus-factor risks that follow from them.

use super::scope::{MemberRef, RoleRef, Scope, SkillRef};
use crate::model::{Importance, Level, Settings, SkillId};
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
    /// known gaps first, worst first.
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

/// What a group's roles require of one skill.
struct Demand<'w> {
    skill_ref: &'w SkillRef,
    column: Option<usize>,
    level: Level,
    roles: Vec<usize>,
}

/// Skills the `roles` require (importance required), in column order.
fn demands<'s>(scope: &'s Scope, roles: &[usize]) -> Vec<Demand<'s>> {
    let mut by_skill: BTreeMap<(usize, &SkillId), Demand<'s>> = BTreeMap::new();
    for &role in roles {
        for requirement in scope.requirements[role]
            .iter()
            .filter(|r| r.importance == Importance::Required)
        {
            let demand = by_skill
                .entry((requirement.column.unwrap_or(usize::MAX), requirement.skill))
                .or_insert(Demand {
                    skill_ref: &requirement.skill_ref,
                    column: requirement.column,
                    level: requirement.min_level,
                    roles: Vec::new(),
                });
            demand.level = demand.level.max(requirement.min_level);
            demand.roles.push(role);
        }
    }
    by_skill.into_values().collect()
}

/// Every skill any role requires, numbered once, and each role's required
/// skills by that number: per-team work then indexes small arrays.
struct DemandTable<'s> {
    skills: Vec<(&'s SkillId, Option<usize>, &'s SkillRef)>,
    /// Per workspace role: (demand number, minimum level).
    by_role: Vec<Vec<(usize, Level)>>,
}

impl<'s> DemandTable<'s> {
    fn new(scope: &'s Scope) -> DemandTable<'s> {
        let mut skills: Vec<(&SkillId, Option<usize>, &SkillRef)> = Vec::new();
        let by_role = scope
            .requirements
            .iter()
            .map(|requirements| {
                requirements
                    .iter()
                    .filter(|r| r.importance == Importance::Required)
                    .map(|r| {
                        let number = skills
                            .iter()
                            .position(|(skill, _, _)| *skill == r.skill)
                            .unwrap_or_else(|| {
                                skills.push((r.skill, r.column, &r.skill_ref));
                                skills.len() - 1
                            });
                        (number, r.min_level)
                    })
                    .collect()
            })
            .collect();
        DemandTable { skills, by_role }
    }
}

/// Gaps of the whole scope first, then of each team in it, by team name.
pub fn team_gaps(scope: &Scope, settings: &Settings) -> Vec<TeamGaps> {
    let workspace = scope.workspace;
    let table = DemandTable::new(scope);
    let mut teams: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &member in &scope.members {
        let team = workspace.members[member].team.as_deref().unwrap_or(NO_TEAM);
        teams.entry(team).or_default().push(member);
    }
    let mut result = vec![group_gaps(
        scope,
        &table,
        ALL_TEAMS,
        &scope.members,
        settings,
    )];
    if teams.len() > 1 {
        for (team, members) in teams {
            result.push(group_gaps(scope, &table, team, &members, settings));
        }
    }
    result
}

/// What a group needs of one demand number, and what it has.
#[derive(Clone, Copy, Default)]
struct Tally {
    level: Option<Level>,
    roles: u32,
    assessed: u32,
    leaders: u32,
    below: u32,
}

fn group_gaps(
    scope: &Scope,
    table: &DemandTable,
    name: &str,
    members: &[usize],
    settings: &Settings,
) -> TeamGaps {
    let mut tallies = vec![Tally::default(); table.skills.len()];
    // Roles are counted per demand; their names are listed only for gaps.
    let present = scope.roles_present(members);
    for &role in &present {
        for &(number, level) in &table.by_role[role] {
            let tally = &mut tallies[number];
            tally.level = tally.level.max(Some(level));
            tally.roles += 1;
        }
    }
    let wanted: Vec<usize> = (0..tallies.len())
        .filter(|&n| tallies[n].level.is_some())
        .collect();
    for &member in members {
        let row = scope.row(member);
        for &number in &wanted {
            if let Some(column) = table.skills[number].1 {
                let tally = &mut tallies[number];
                tally.assessed += u32::from(scope.known(member, column));
                tally.leaders += u32::from(row[column].at_least(settings.lead_level));
            }
        }
        let Some(role) = scope.role_index_of(member) else {
            continue;
        };
        for &(number, min_level) in &table.by_role[role] {
            let has = table.skills[number]
                .1
                .and_then(|column| row[column].level());
            if has.is_none_or(|level| level < min_level) {
                tallies[number].below += 1;
            }
        }
    }
    let bench_target = settings.bench_depth;
    let mut gaps: Vec<SkillGap> = wanted
        .iter()
        .map(|&number| (number, &tallies[number]))
        .filter(|(_, tally)| tally.leaders < bench_target || tally.below > 0)
        .map(|(number, tally)| SkillGap {
            skill: table.skills[number].2.clone(),
            tracked: table.skills[number].1.is_some(),
            required_by: present
                .iter()
                .filter(|&&role| table.by_role[role].iter().any(|&(n, _)| n == number))
                .map(|&role| scope.role_ref(role))
                .collect(),
            required_level: tally.level.unwrap_or(Level::NONE),
            assessed: tally.assessed,
            leaders: tally.leaders,
            bench_target,
            bench_deficit: bench_target.saturating_sub(tally.leaders),
            members_below: tally.below,
        })
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
    let mut risks = Vec::new();
    let mut unassessed = Vec::new();
    for demand in demands(scope, &scope.roles_present(&scope.members)) {
        let roles_needing: Vec<RoleRef> = demand
            .roles
            .iter()
            .map(|&role| scope.role_ref(role))
            .collect();
        let column = demand.column.filter(|&column| {
            scope
                .members
                .iter()
                .any(|&member| scope.known(member, column))
        });
        let Some(column) = column else {
            unassessed.push(UnassessedRequirement {
                skill: demand.skill_ref.clone(),
                roles_needing,
            });
            continue;
        };
        let leaders: Vec<usize> = scope
            .members
            .iter()
            .copied()
            .filter(|&member| scope.cell(member, column).at_least(settings.lead_level))
            .take(2)
            .collect();
        if leaders.len() <= 1 {
            risks.push(BusFactorRisk {
                skill: scope.column_ref(column),
                leaders: leaders.iter().map(|&m| scope.member_ref(m)).collect(),
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
