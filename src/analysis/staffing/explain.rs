//! Why a line stays open, and demand against capacity per quarter.

use super::{Bookings, EPSILON, QuarterLoad, Want, line_fit, quarter_label};
use crate::analysis::{CompiledRole, Scope};
use crate::model::{Project, Workspace};

/// Why a line stays open, as one true sentence: the members able to take
/// it, sorted by what keeps each of them off it.
#[allow(clippy::too_many_arguments)]
pub(super) fn unfilled_reason(
    workspace: &Workspace,
    scope: &Scope,
    compiled: &[CompiledRole],
    want: &Want,
    fte: f64,
    window: (i32, i32),
    bookings: &Bookings,
    taken_off: &[usize],
    on_this_project: &[usize],
) -> String {
    let able: Vec<usize> = (0..workspace.members.len())
        .filter(|&member| line_fit(scope, compiled, want, member).is_some())
        .collect();
    let (one, many) = match want {
        Want::Skill {
            skill, min_level, ..
        } => (
            format!("has {} at level {}+", skill.name, min_level.get()),
            format!("have {} at level {}+", skill.name, min_level.get()),
        ),
        Want::Role { role, .. } => (
            format!("is a {} or ready to be one", role.title),
            format!("hold the {} role or are ready for it", role.title),
        ),
    };
    if able.is_empty() {
        return format!("nobody on the team {one}");
    }
    let period = if window.0 == window.1 {
        quarter_label(window.0)
    } else {
        format!("{} to {}", quarter_label(window.0), quarter_label(window.1))
    };
    let mut off = Vec::new();
    let mut elsewhere = Vec::new();
    let mut booked = Vec::new();
    for &member in &able {
        if taken_off.contains(&member) {
            off.push(member);
        } else if on_this_project.contains(&member) {
            elsewhere.push(member);
        } else if bookings.free(workspace, member, window) + EPSILON < fte {
            booked.push(member);
        }
    }
    let names = |members: &[usize]| {
        let listed: Vec<&str> = members
            .iter()
            .take(3)
            .map(|&m| workspace.members[m].name.as_str())
            .collect();
        if members.len() > 3 {
            format!("{} and {} more", listed.join(", "), members.len() - 3)
        } else {
            join_names(&listed)
        }
    };
    // What keeps each group off the line, as a verb phrase for its size.
    let groups: Vec<(&[usize], String)> = [
        (off.as_slice(), {
            let verb = if off.len() == 1 { "was" } else { "were" };
            format!("{verb} taken off this line")
        }),
        (elsewhere.as_slice(), {
            let (verb, line) = if elsewhere.len() == 1 {
                ("is", "another line")
            } else {
                ("are", "other lines")
            };
            format!("{verb} on {line} of this project")
        }),
        (booked.as_slice(), {
            let verb = if booked.len() == 1 { "is" } else { "are" };
            format!("{verb} fully booked in {period}")
        }),
    ]
    .into_iter()
    .filter(|(members, _)| !members.is_empty())
    .collect();
    match groups.as_slice() {
        [] => format!(
            "{} could take it, but every slot they fit is filled; pin one to staff it",
            names(&able)
        ),
        [(members, why)] if members.len() == able.len() => {
            if able.len() == 1 {
                format!("{}, the only member who {one}, {why}", names(members))
            } else {
                format!(
                    "all {} members who {many} {why}: {}",
                    able.len(),
                    names(members)
                )
            }
        }
        _ => {
            let parts: Vec<String> = groups
                .iter()
                .map(|(members, why)| format!("{} {why}", names(members)))
                .collect();
            let free: Vec<usize> = able
                .iter()
                .copied()
                .filter(|m| !off.contains(m) && !elsewhere.contains(m) && !booked.contains(m))
                .collect();
            let rest = if free.is_empty() {
                String::new()
            } else {
                format!("; {} could take it: pin one to staff it", names(&free))
            };
            format!(
                "of the {} who {}: {}{rest}",
                crate::io::count_of(able.len(), "member", "members"),
                if able.len() == 1 { &one } else { &many },
                parts.join("; ")
            )
        }
    }
}

/// `Ana`, `Ana and Ben`, `Ana, Ben and Cy`.
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
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
