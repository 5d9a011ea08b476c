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
    window: super::Run,
    bookings: &Bookings,
    taken_off: &[usize],
    on_this_project: &[usize],
    project: &Project,
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
    let period = period_text(&project.start, &project.end);
    let mut off = Vec::new();
    let mut elsewhere = Vec::new();
    let mut booked = Vec::new();
    let mut away = Vec::new();
    for &member in &able {
        if taken_off.contains(&member) {
            off.push(member);
        } else if on_this_project.contains(&member) {
            elsewhere.push(member);
        } else if bookings.free(member, window) + EPSILON < fte {
            // Short of time in some week by leave alone, or by bookings.
            if bookings.least_capacity(member, window) + EPSILON < fte {
                away.push(member);
            } else {
                booked.push(member);
            }
        }
    }
    let away_weeks = away_text(bookings, &away, window, fte);
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
            format!("{verb} fully booked {period}")
        }),
        (away.as_slice(), {
            let verb = if away.len() == 1 { "is" } else { "are" };
            format!("{verb} away {away_weeks}")
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
                .filter(|m| {
                    !off.contains(m)
                        && !elsewhere.contains(m)
                        && !booked.contains(m)
                        && !away.contains(m)
                })
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

/// The weeks the first of `away` lacks `fte` by time off alone:
/// `in week 2026-W32`, `in 2026-W32 to 2026-W34`.
fn away_text(bookings: &Bookings, away: &[usize], window: super::Run, fte: f64) -> String {
    let Some(&member) = away.first() else {
        return String::new();
    };
    let short: Vec<i32> = (window.first..=window.last)
        .filter(|&week| bookings.capacity_at(member, week) + EPSILON < fte * window.share(week))
        .collect();
    match (short.first(), short.last()) {
        (Some(first), Some(last)) if first == last => {
            format!("in week {}", crate::model::week_label(*first))
        }
        (Some(first), Some(last)) => format!(
            "in {} to {}",
            crate::model::week_label(*first),
            crate::model::week_label(*last)
        ),
        _ => String::new(),
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

/// A project's run in words: its quarters when its dates open and close
/// them (within a week), as `in 2026 Q3` or `in 2026 Q2 to 2026 Q3`; else
/// its dates, `from 2026-07-06 to 2026-08-14`.
pub(super) fn period_text(start: &str, end: &str) -> String {
    use crate::model::Date;
    let (Ok(first), Ok(last)) = (start.trim().parse::<Date>(), end.trim().parse::<Date>()) else {
        return format!("from {start} to {end}");
    };
    let opens = first.day() <= 7 && (first.month() - 1) % 3 == 0;
    let closes = last.day() + 7 > last.days_in_month() && last.month() % 3 == 0;
    let quarter = |date: Date| i32::from(date.year()) * 4 + (i32::from(date.month()) - 1) / 3;
    match (opens && closes, quarter(first) == quarter(last)) {
        (true, true) => format!("in {}", quarter_label(quarter(first))),
        (true, false) => format!(
            "in {} to {}",
            quarter_label(quarter(first)),
            quarter_label(quarter(last))
        ),
        (false, _) => format!("from {first} to {last}"),
    }
}

/// FTE available, demanded and booked per quarter, each the mean over the
/// quarter's weeks that projects book; with `skill`, only the lines needing
/// that skill and the members who hold it.
pub(super) fn quarter_loads(
    workspace: &Workspace,
    order: &[(usize, super::Run)],
    bookings: &Bookings,
    skill: Option<&str>,
) -> Vec<QuarterLoad> {
    let scope = Scope::new(workspace, None);
    let mut loads = Vec::new();
    if bookings.weeks == 0 {
        return loads;
    }
    let last_week = bookings.first + bookings.weeks as i32 - 1;
    // Projects run by calendar dates; a quarter is active with them by day.
    let dates = |index: usize| {
        let project = &workspace.projects[index];
        let start: Option<crate::model::Date> = project.start.trim().parse().ok();
        let end: Option<crate::model::Date> = project.end.trim().parse().ok();
        start.zip(end)
    };
    let spans: Vec<(usize, (crate::model::Date, crate::model::Date))> = order
        .iter()
        .filter_map(|(index, _)| dates(*index).map(|span| (*index, span)))
        .collect();
    let quarter_of_date =
        |date: crate::model::Date| i32::from(date.year()) * 4 + (i32::from(date.month()) - 1) / 3;
    let (Some(first_quarter), Some(last_quarter)) = (
        spans
            .iter()
            .map(|(_, (start, _))| quarter_of_date(*start))
            .min(),
        spans
            .iter()
            .map(|(_, (_, end))| quarter_of_date(*end))
            .max(),
    ) else {
        return loads;
    };
    for quarter in first_quarter..=last_quarter {
        let (first_day, last_day) = crate::model::days_of_quarter(quarter);
        let (from, to) = crate::model::weeks_of_quarter(quarter);
        let weeks: Vec<i32> = (from.max(bookings.first)..=to.min(last_week)).collect();
        if weeks.is_empty() {
            continue;
        }
        // Each member's mean booked and capacity over the quarter, once.
        let mean = |value: &dyn Fn(i32) -> f64| {
            weeks.iter().map(|&week| value(week)).sum::<f64>() / weeks.len() as f64
        };
        let booked_means: Vec<f64> = (0..workspace.members.len())
            .map(|member| mean(&|week| bookings.booked_at(member, week)))
            .collect();
        let capacity_means: Vec<f64> = (0..workspace.members.len())
            .map(|member| mean(&|week| bookings.capacity_at(member, week)))
            .collect();
        let booked = |member: usize| booked_means[member];
        let capacity = |member: usize| capacity_means[member];
        // Each project with the share of the quarter's days it runs.
        let quarter_days = f64::from((last_day - first_day).get_days() + 1);
        let running: Vec<(&Project, f64)> = spans
            .iter()
            .filter(|(_, (start, end))| *start <= last_day && *end >= first_day)
            .map(|(index, (start, end))| {
                let overlap = (*end.min(&last_day) - *start.max(&first_day)).get_days() + 1;
                (
                    &workspace.projects[*index],
                    f64::from(overlap) / quarter_days,
                )
            })
            .collect();
        let active: Vec<&Project> = running.iter().map(|(project, _)| *project).collect();
        let lines = running.iter().flat_map(|(p, share)| {
            p.demand
                .iter()
                .filter(|line| skill.is_none_or(|wanted| line.skill.as_str() == wanted))
                .map(move |line| (line, *share))
        });
        let mut demanded = 0.0;
        let mut single_cover = Vec::new();
        for (line, share) in lines {
            demanded += f64::from(line.people) * line.fte_each * share;
            let Some(column) = workspace.skill_index(&line.skill) else {
                continue;
            };
            let free_able = (0..workspace.members.len())
                .filter(|&member| {
                    workspace
                        .cell(member, column)
                        .level()
                        .is_some_and(|level| level >= line.min_level)
                        && capacity(member) - booked(member) > EPSILON
                })
                .count();
            let skill_ref = scope.column_ref(column);
            if free_able <= 1 && !single_cover.contains(&skill_ref) {
                single_cover.push(skill_ref);
            }
        }
        if skill.is_none() {
            demanded += running
                .iter()
                .flat_map(|(p, share)| p.role_slots.iter().map(move |slot| (slot, *share)))
                .map(|(slot, share)| f64::from(slot.count) * slot.fte * share)
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
            .map(capacity)
            .sum();
        let assigned_fte = (0..workspace.members.len())
            .filter(|&m| able(m))
            .map(booked)
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
