//! Why a line stays open, and demand against capacity per quarter.

use super::{Bookings, EPSILON, QuarterLoad, Want, line_fit, quarter_label};
use crate::analysis::{CompiledRole, Scope};
use crate::model::{Project, Workspace};

#[allow(clippy::too_many_arguments)]
pub(super) fn unfilled_reason(
    workspace: &Workspace,
    scope: &Scope,
    compiled: &[CompiledRole],
    want: &Want,
    fte: f64,
    window: (i32, i32),
    bookings: &Bookings,
    pinned: &[(usize, usize)],
    on_this_project: &[usize],
) -> String {
    let able: Vec<usize> = (0..workspace.members.len())
        .filter(|&member| line_fit(scope, compiled, want, member).is_some())
        .collect();
    let what = match want {
        Want::Skill {
            skill, min_level, ..
        } => format!("has {} at level {}+", skill.name, min_level.get()),
        Want::Role { role, .. } => format!("is a {} or ready to be one", role.title),
    };
    if able.is_empty() {
        return format!("nobody on the team {what}");
    }
    let busy: Vec<&str> = able
        .iter()
        .filter(|&&member| {
            !on_this_project.contains(&member) && !pinned.iter().any(|(m, _)| *m == member)
        })
        .filter(|&&member| bookings.free(workspace, member, window) + EPSILON < fte)
        .map(|&member| workspace.members[member].name.as_str())
        .collect();
    let period = if window.0 == window.1 {
        quarter_label(window.0)
    } else {
        format!("{} to {}", quarter_label(window.0), quarter_label(window.1))
    };
    if !busy.is_empty() {
        let names = busy.iter().take(3).copied().collect::<Vec<_>>().join(", ");
        let more = if busy.len() > 3 {
            format!(" and {} more", busy.len() - 3)
        } else {
            String::new()
        };
        return format!("everyone who {what} is already booked in {period}: {names}{more}");
    }
    format!(
        "the {} able {what} are on other lines of this project",
        able.len()
    )
}

/// FTE available, demanded and booked per quarter; with `skill`, only the
/// lines needing that skill and the members who hold it.
pub(super) fn quarter_loads(
    workspace: &Workspace,
    order: &[(usize, (i32, i32))],
    bookings: &Bookings,
    skill: Option<&str>,
) -> Vec<QuarterLoad> {
    let scope = Scope::new(workspace, None);
    let mut loads = Vec::new();
    for quarter in bookings.first..bookings.first + bookings.quarters as i32 {
        let active: Vec<&Project> = order
            .iter()
            .filter(|(_, (start, end))| (*start..=*end).contains(&quarter))
            .map(|(index, _)| &workspace.projects[*index])
            .collect();
        let lines = active
            .iter()
            .flat_map(|p| &p.demand)
            .filter(|line| skill.is_none_or(|wanted| line.skill.as_str() == wanted));
        let mut demanded = 0.0;
        let mut single_cover = Vec::new();
        for line in lines {
            demanded += f64::from(line.people) * line.fte_each;
            let Some(column) = workspace.skill_index(&line.skill) else {
                continue;
            };
            let free_able = (0..workspace.members.len())
                .filter(|&member| {
                    workspace
                        .cell(member, column)
                        .level()
                        .is_some_and(|level| level >= line.min_level)
                        && workspace.members[member].fte - bookings.at(member, quarter) > EPSILON
                })
                .count();
            let skill_ref = scope.column_ref(column);
            if free_able <= 1 && !single_cover.contains(&skill_ref) {
                single_cover.push(skill_ref);
            }
        }
        if skill.is_none() {
            demanded += active
                .iter()
                .flat_map(|p| &p.role_slots)
                .map(|slot| f64::from(slot.count) * slot.fte)
                .sum::<f64>();
        }
        // For one skill: those at the lowest level any active line asks.
        let needed_level = active
            .iter()
            .flat_map(|p| &p.demand)
            .filter(|line| skill.is_some_and(|wanted| line.skill.as_str() == wanted))
            .map(|line| line.min_level)
            .min()
            .unwrap_or(workspace.settings.hold_level);
        let skill_column =
            skill.and_then(|wanted| workspace.skill_index(&crate::model::SkillId::new(wanted)));
        let able = |member: usize| match (skill, skill_column) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(_), Some(column)) => workspace
                .cell(member, column)
                .level()
                .is_some_and(|level| level >= needed_level),
        };
        let available_fte = (0..workspace.members.len())
            .filter(|&m| able(m))
            .map(|m| workspace.members[m].fte)
            .sum();
        let assigned_fte = (0..workspace.members.len())
            .filter(|&m| able(m))
            .map(|m| bookings.at(m, quarter))
            .sum();
        loads.push(QuarterLoad {
            quarter: quarter_label(quarter),
            available_fte,
            demanded_fte: demanded,
            assigned_fte,
            over_allocated: demanded > available_fte + EPSILON,
            single_cover,
        });
    }
    loads
}
