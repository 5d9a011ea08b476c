//! Staffing: who can fill each project's demand lines, the assignment of
//! members to them, what stays unfilled and why, and demand against
//! capacity by quarter.
//!
//! Projects are staffed one at a time, highest priority (then earliest
//! start) first, so a higher-priority project is never starved by a lower
//! one. Within a project the slots (one per person a line needs) are
//! matched to members by the Hungarian method (`pathfinding`'s
//! Kuhn-Munkres): the most slots filled, then the highest total fit. A
//! member's FTE is booked in every ISO week a project touches, and nobody
//! is booked past what they have in any week: their FTE less time off and
//! public holidays. Quarters are a roll-up of the weeks.

use super::scope::{RoleRef, Scope};
use super::{CompiledRole, Cost};

mod assign;
mod candidates;
mod explain;
mod learners;
mod plan;
mod weeks;
use assign::best_assignment;
use candidates::{AbleCache, line_candidates};
use explain::{quarter_bases, quarter_loads, unfilled_reason};
use learners::place_learners;
pub use plan::{
    Assigned, Learner, LineCandidate, LineStaffing, Need, Placeholder, ProjectStaffing,
    QuarterLoad, Staffing, quarter_label, quarter_of,
};
use plan::{EPSILON, Slot, Want, hire_as, level_in, line_fit, lines_members, on_growth, wants};
pub(super) use weeks::Bookings;
pub use weeks::{Booking, Run, project_weeks};

/// Staffs the workspace's projects from the members in `scope`'s filter
/// who are on the team at some point of the projects' weeks (each week's
/// capacity says how much: nothing before they join or after they leave),
/// by their levels of record on the scope's day.
pub fn staff(scope: &Scope) -> Staffing {
    staff_with(scope, scope.workspace.settings.count_targets)
}

/// Staffing that counts on growth when `count_targets` (`staff` does when
/// the workspace's settings say so): a member whose target
/// in a line's skill is due by the project's start counts at the target's
/// level, and every assignment that rests on it says so (`on_growth`).
pub fn staff_with(scope: &Scope, count_targets: bool) -> Staffing {
    let all = scope;
    let workspace = all.workspace;
    let mut problems = Vec::new();
    let mut order: Vec<(usize, Run)> = Vec::new();
    for (index, project) in workspace.projects.iter().enumerate() {
        match project_weeks(project) {
            Some(window) => order.push((index, window)),
            None => problems.push(format!(
                "{}: dates {} to {} do not read as YYYY-MM-DD, start first",
                project.name, project.start, project.end
            )),
        }
    }
    // Confirmed work first, whatever its priority: tentative work takes
    // only what is left, so it never displaces a confirmed line.
    order.sort_by(|a, b| {
        let (pa, pb) = (&workspace.projects[a.0], &workspace.projects[b.0]);
        pa.is_tentative()
            .cmp(&pb.is_tentative())
            .then(pa.priority.cmp(&pb.priority))
            .then(pa.start.cmp(&pb.start))
            .then(pa.name.cmp(&pb.name))
    });
    let first = order.iter().map(|(_, w)| w.first).min().unwrap_or(0);
    let last = order.iter().map(|(_, w)| w.last).max().unwrap_or(-1);
    let members = workspace.members.len();
    let (first_day, last_day) = (
        crate::model::week_start(first),
        crate::model::week_start(last + 1),
    );
    let pool: Vec<usize> = (0..members)
        .filter(|&member| {
            all.filter.admits(workspace, member)
                && workspace.member_between(member, first_day, last_day)
        })
        .collect();
    let scope = &all.with_members(pool);
    let compiled: Vec<CompiledRole> = (0..workspace.roles.len())
        .map(|index| CompiledRole::new(scope, index))
        .collect();
    let mut bookings = Bookings::new(scope, first, last);
    let mut greedy_bookings = Bookings::new(scope, first, last);
    let mut greedy_objective = 0.0;
    let mut booked = Vec::new();

    // Pinned assignments are kept as they are and booked first: a
    // confirmed project's before any proposal, a tentative one's before
    // the tentative projects are staffed.
    let book_pins = |tentative: bool,
                     bookings: &mut Bookings,
                     greedy_bookings: &mut Bookings,
                     booked: &mut Vec<Booking>| {
        for &(index, window) in &order {
            let project = &workspace.projects[index];
            if project.is_tentative() != tentative {
                continue;
            }
            for assignment in project
                .assignments
                .iter()
                .filter(|a| a.pinned && a.member < members)
            {
                bookings.book(assignment.member, window, assignment.fte);
                greedy_bookings.book(assignment.member, window, assignment.fte);
                booked.push(Booking {
                    member: assignment.member,
                    project: index,
                    line: assignment.demand,
                    weeks: window,
                    fte: assignment.fte,
                    pinned: true,
                    tentative: project.is_tentative(),
                    learner: false,
                });
            }
        }
    };
    book_pins(false, &mut bookings, &mut greedy_bookings, &mut booked);
    let mut tentative_pins_booked = false;

    let mut projects = Vec::new();
    // Who is able for each need, found once and shared by the projects
    // that ask the same skill and level (or role); per project, per line,
    // which of them it is.
    let mut ables = AbleCache::default();
    let mut able_by_line: Vec<Vec<usize>> = Vec::new();
    let mut placeholders = Vec::new();
    for &(index, window) in &order {
        let project = &workspace.projects[index];
        if project.is_tentative() && !tentative_pins_booked {
            book_pins(true, &mut bookings, &mut greedy_bookings, &mut booked);
            tentative_pins_booked = true;
        }
        let wants = wants(scope, project, count_targets);
        let line_able: Vec<usize> = wants
            .iter()
            .map(|(want, _, _)| ables.index(scope, &compiled, want))
            .collect();
        let mut lines: Vec<LineStaffing> = wants
            .iter()
            .enumerate()
            .map(|(line, (want, people, fte))| LineStaffing {
                line,
                need: match want {
                    Want::Skill {
                        skill, min_level, ..
                    } => Need::Skill {
                        skill: skill.clone(),
                        min_level: *min_level,
                    },
                    Want::Role { role, .. } => Need::Role { role: role.clone() },
                },
                people: *people,
                fte_each: *fte,
                assigned: Vec::new(),
                unfilled: 0,
                reason: None,
                learner: None,
                candidates: Vec::new(),
            })
            .collect();
        let pinned: Vec<(usize, usize)> = project
            .assignments
            .iter()
            .filter(|a| a.pinned && a.member < members && a.demand < wants.len())
            .map(|a| (a.member, a.demand))
            .collect();
        for &(member, line) in &pinned {
            let fit = line_fit(scope, &compiled, &wants[line].0, member).unwrap_or(0.0);
            lines[line].assigned.push(Assigned {
                member: scope.member_ref(member),
                level: level_in(scope, &wants[line].0, member),
                fit,
                free_fte: bookings.free(member, window) + wants[line].2,
                pinned: true,
                on_growth: on_growth(scope, &wants[line].0, member),
            });
        }
        let slots: Vec<Slot> = wants
            .iter()
            .enumerate()
            .flat_map(|(line, (_, people, fte))| {
                let taken = pinned.iter().filter(|(_, l)| *l == line).count() as u32;
                (taken..*people).map(move |_| Slot { line, fte: *fte })
            })
            .collect();
        let on_project = |member: usize| pinned.iter().any(|(m, _)| *m == member);
        let ruled_out = |member: usize, line: usize| {
            project
                .excluded
                .iter()
                .any(|e| e.member == member && e.line == line)
        };
        let fit_of = |line: usize, member: usize| ables.get(line_able[line]).fit_of(member);

        // The candidates: for each line, its best-fitting able members with
        // the time, as many as the project has slots. An assignment that
        // uses anyone else can swap them for one of these at no loss, so
        // the match over these is as good as over everyone able.
        let mut free_of: std::collections::HashMap<usize, f64> = std::collections::HashMap::new();
        let mut chosen_members: Vec<usize> = Vec::new();
        for (line, (_, _, fte)) in wants.iter().enumerate() {
            if !slots.iter().any(|slot| slot.line == line) {
                continue;
            }
            let mut found = 0;
            for &(member, _) in &ables.get(line_able[line]).best_first {
                if found == slots.len() {
                    break;
                }
                if on_project(member) || ruled_out(member, line) {
                    continue;
                }
                let free = *free_of
                    .entry(member)
                    .or_insert_with(|| bookings.free(member, window));
                if free + EPSILON >= *fte {
                    chosen_members.push(member);
                    found += 1;
                }
            }
        }
        chosen_members.sort_unstable();
        chosen_members.dedup();
        let candidates: Vec<(usize, Vec<Option<f64>>)> = chosen_members
            .into_iter()
            .filter_map(|member| {
                let free = free_of.get(&member).copied().unwrap_or(0.0);
                let row: Vec<Option<f64>> = slots
                    .iter()
                    .map(|slot| {
                        (free + EPSILON >= slot.fte && !ruled_out(member, slot.line))
                            .then(|| fit_of(slot.line, member))
                            .flatten()
                    })
                    .collect();
                row.iter().any(Option::is_some).then_some((member, row))
            })
            .collect();
        let chosen = best_assignment(&slots, &candidates);
        let mut objective = lines
            .iter()
            .flat_map(|line| &line.assigned)
            .map(|a| a.fit)
            .sum::<f64>();
        for (position, choice) in chosen.iter().enumerate() {
            let slot = slots[position];
            let Some(candidate) = choice else {
                lines[slot.line].unfilled += 1;
                continue;
            };
            let (member, row) = &candidates[*candidate];
            let fit = row[position].unwrap_or(0.0);
            let free_fte = bookings.free(*member, window);
            bookings.book(*member, window, slot.fte);
            booked.push(Booking {
                member: *member,
                project: index,
                line: slot.line,
                weeks: window,
                fte: slot.fte,
                pinned: false,
                tentative: project.is_tentative(),
                learner: false,
            });
            objective += fit;
            lines[slot.line].assigned.push(Assigned {
                member: scope.member_ref(*member),
                level: level_in(scope, &wants[slot.line].0, *member),
                fit,
                free_fte,
                pinned: false,
                on_growth: on_growth(scope, &wants[slot.line].0, *member),
            });
        }

        // The greedy baseline: each slot in turn takes its best free member.
        let mut used: Vec<usize> = pinned.iter().map(|(m, _)| *m).collect();
        // Each member's free FTE over the window, read once: booking them
        // here takes exactly the slot's FTE off it.
        let mut greedy_free: std::collections::HashMap<usize, f64> =
            std::collections::HashMap::new();
        for slot in &slots {
            let best = ables
                .get(line_able[slot.line])
                .best_first
                .iter()
                .copied()
                .filter(|(member, _)| !used.contains(member) && !ruled_out(*member, slot.line))
                .find(|&(member, _)| {
                    let free = *greedy_free
                        .entry(member)
                        .or_insert_with(|| greedy_bookings.free(member, window));
                    free + EPSILON >= slot.fte
                });
            if let Some((member, fit)) = best {
                used.push(member);
                greedy_bookings.book(member, window, slot.fte);
                if let Some(free) = greedy_free.get_mut(&member) {
                    *free -= slot.fte;
                }
                greedy_objective += fit;
            }
        }

        let before_learners = booked.len();
        place_learners(
            scope,
            project,
            index,
            window,
            &wants,
            &mut lines,
            &mut bookings,
            &mut booked,
        );
        // The greedy baseline sees the learners' time taken too.
        for learner in &booked[before_learners..] {
            greedy_bookings.book(learner.member, learner.weeks, learner.fte);
        }

        for line in lines.iter_mut().filter(|line| line.unfilled > 0) {
            let (want, _, fte) = &wants[line.line];
            let taken_off: Vec<usize> = project
                .excluded
                .iter()
                .filter(|e| e.line == line.line)
                .map(|e| e.member)
                .collect();
            let mut on_project = lines_members(&chosen, &candidates);
            on_project.extend(pinned.iter().map(|(member, _)| *member));
            line.reason = Some(unfilled_reason(
                scope,
                &ables.get(line_able[line.line]).members(),
                want,
                *fte,
                window,
                &bookings,
                &booked,
                &taken_off,
                &on_project,
                project,
            ));
            let role = hire_as(&workspace.roles, want);
            placeholders.push(Placeholder {
                project: project.name.clone(),
                need: line.need.clone(),
                people: line.unfilled,
                fte_each: line.fte_each,
                from: project.start.clone(),
                hire_as: role.map(RoleRef::new),
                cost: role.and_then(|role| role.salary.as_ref()).map(|band| Cost {
                    low: band.min * f64::from(line.unfilled),
                    mid: band.midpoint() * f64::from(line.unfilled),
                    high: band.max * f64::from(line.unfilled),
                }),
            });
        }
        able_by_line.push(line_able);
        projects.push(ProjectStaffing {
            name: project.name.clone(),
            start: project.start.clone(),
            end: project.end.clone(),
            priority: project.priority,
            quarters: match (quarter_of(&project.start), quarter_of(&project.end)) {
                (Some(first), Some(last)) => (first..=last).map(quarter_label).collect(),
                _ => Vec::new(),
            },
            weeks: (
                crate::model::week_label(window.first),
                crate::model::week_label(window.last),
            ),
            lines,
            objective,
            tentative: project.is_tentative(),
        });
    }

    // Once every project is booked, whom each line could take instead.
    for ((staffed, &(index, window)), line_able) in
        projects.iter_mut().zip(&order).zip(&able_by_line)
    {
        let wants = wants(scope, &workspace.projects[index], count_targets);
        for line in &mut staffed.lines {
            line.candidates = line_candidates(
                scope,
                &wants[line.line].0,
                window,
                &bookings,
                ables.get(line_able[line.line]),
            );
        }
    }
    let bases = quarter_bases(scope, &bookings);
    let quarters = quarter_loads(scope, &order, &bookings, &booked, &bases, None);
    let mut demanded_skills: Vec<&str> = order
        .iter()
        .flat_map(|(index, _)| &workspace.projects[*index].demand)
        .map(|line| line.skill.as_str())
        .collect();
    demanded_skills.sort_unstable();
    demanded_skills.dedup();
    let skill_quarters = demanded_skills
        .into_iter()
        .map(|id| {
            let skill = scope.skill_ref(&crate::model::SkillId::new(id));
            (
                skill,
                quarter_loads(scope, &order, &bookings, &booked, &bases, Some(id)),
            )
        })
        .collect();
    let objective = projects.iter().map(|p| p.objective).sum();
    let placeholder_cost = placeholders
        .iter()
        .filter_map(|p| p.cost)
        .fold(Cost::default(), |total, cost| total + cost);
    // Free time counts confirmed work; tentative bookings are kept apart.
    let mut confirmed_booked = bookings.booked;
    let mut tentative_booked = vec![0.0; confirmed_booked.len()];
    for booking in booked.iter().filter(|booking| booking.tentative) {
        let row = booking.member * bookings.weeks;
        for week in booking.weeks.first..=booking.weeks.last {
            let at = row + (week - bookings.first) as usize;
            let share = booking.fte * booking.weeks.share(week);
            confirmed_booked[at] -= share;
            tentative_booked[at] += share;
        }
    }
    Staffing {
        weeks: (first, last),
        capacity: bookings.capacity,
        booked: confirmed_booked,
        tentative_booked,
        counts_tentative: false,
        bookings: booked,
        projects,
        placeholders,
        quarters,
        skill_quarters,
        objective,
        greedy_objective,
        placeholder_cost,
        problems,
    }
}

#[cfg(test)]
mod tests;
