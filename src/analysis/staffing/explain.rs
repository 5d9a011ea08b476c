//! Why a line stays open, and demand against capacity per quarter.

use super::plan::{EPSILON, QuarterLoad, Want, quarter_label};
use super::weeks::{Booking, Bookings, Run};
use crate::analysis::Scope;
use crate::analysis::availability::Weeks;
use crate::model::{Project, week_label};

/// Runs of consecutive weeks: `2026-W32 to 2026-W34, 2026-W40`.
pub(crate) fn weeks_text(weeks: &[i32]) -> String {
    let mut runs: Vec<Weeks> = Vec::new();
    for &week in weeks {
        match runs.last_mut() {
            Some(run) if run.last + 1 == week => run.last = week,
            _ => runs.push(Weeks::one(week)),
        }
    }
    runs.iter().map(Weeks::label).collect::<Vec<_>>().join(", ")
}

/// What keeps an able member off a line, week by week.
struct Short {
    member: usize,
    /// Weeks their time off alone leaves too little.
    away: Vec<i32>,
    /// Weeks their bookings leave too little, and on which projects.
    booked: Vec<i32>,
    projects: Vec<usize>,
}

/// Why a line stays open, as one true sentence: the members able to take
/// it, sorted by what keeps each of them off it, with the exact weeks
/// each lacks the time and the weeks nobody able has it.
#[allow(clippy::too_many_arguments)]
pub(super) fn unfilled_reason(
    scope: &Scope,
    able: &[usize],
    want: &Want,
    fte: f64,
    window: Run,
    bookings: &Bookings,
    booked_list: &[Booking],
    taken_off: &[usize],
    on_this_project: &[usize],
    project: &Project,
) -> String {
    let workspace = scope.workspace;
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
    let mut short_members: Vec<usize> = Vec::new();
    let mut free: Vec<usize> = Vec::new();
    for &member in able {
        if taken_off.contains(&member) {
            off.push(member);
        } else if on_this_project.contains(&member) {
            elsewhere.push(member);
        } else if bookings.free(member, window) + EPSILON < fte {
            short_members.push(member);
        } else {
            free.push(member);
        }
    }
    // Only the first three short members are named with their weeks.
    let short: Vec<Short> = short_members
        .iter()
        .take(3)
        .map(|&member| short_weeks(member, fte, window, bookings, booked_list))
        .collect();
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
    let whole_run = window.last - window.first + 1;
    // What keeps each short member off, with their weeks.
    let short_text = |entry: &Short, verb_is: &str| -> String {
        let mut parts = Vec::new();
        if !entry.booked.is_empty() {
            let when = if entry.booked.len() as i32 == whole_run {
                period.clone()
            } else {
                format!("in {}", weeks_text(&entry.booked))
            };
            let on: Vec<&str> = entry
                .projects
                .iter()
                .map(|&index| workspace.projects[index].name.as_str())
                .collect();
            if on.is_empty() {
                parts.push(format!("fully booked {when}"));
            } else {
                parts.push(format!("fully booked {when} (on {})", join_names(&on)));
            }
        }
        if !entry.away.is_empty() {
            parts.push(format!("away in {}", weeks_text(&entry.away)));
        }
        format!("{verb_is} {}", parts.join(" and "))
    };
    // The weeks in which nobody able is free for the line.
    let nobody_free: Vec<i32> =
        if short_members.len() > 1 && off.is_empty() && elsewhere.is_empty() && free.is_empty() {
            let mut someone_free = vec![false; (window.last - window.first + 1).max(0) as usize];
            for &member in &short_members {
                for (at, week) in (window.first..=window.last).enumerate() {
                    someone_free[at] |= !lacks_time(member, fte, window, week, bookings);
                }
            }
            (window.first..=window.last)
                .zip(someone_free)
                .filter(|(_, free)| !free)
                .map(|(week, _)| week)
                .collect()
        } else {
            Vec::new()
        };
    let mut groups: Vec<String> = Vec::new();
    if !off.is_empty() {
        let verb = if off.len() == 1 { "was" } else { "were" };
        groups.push(format!("{} {verb} taken off this line", names(&off)));
    }
    if !elsewhere.is_empty() {
        let (verb, line) = if elsewhere.len() == 1 {
            ("is", "another line")
        } else {
            ("are", "other lines")
        };
        groups.push(format!(
            "{} {verb} on {line} of this project",
            names(&elsewhere)
        ));
    }
    // Short members named one by one (their weeks differ), the first three.
    for entry in short.iter().take(3) {
        groups.push(format!(
            "{} {}",
            workspace.members[entry.member].name,
            short_text(entry, "is")
        ));
    }
    if short_members.len() > 3 {
        groups.push(format!("{} more lack the time", short_members.len() - 3));
    }
    let nobody = if nobody_free.is_empty() {
        String::new()
    } else {
        format!("nobody able is free in {}: ", weeks_text(&nobody_free))
    };
    match (groups.as_slice(), free.is_empty()) {
        ([], _) => format!(
            "{} could take it, but every slot they fit is filled; pin one to staff it",
            names(able)
        ),
        ([only], true) if able.len() == 1 => {
            let why = only
                .strip_prefix(workspace.members[able[0]].name.as_str())
                .unwrap_or(only)
                .trim_start();
            format!("{}, the only member who {one}, {why}", names(able))
        }
        ([only], true) if off.len() == able.len() || elsewhere.len() == able.len() => {
            let group = if off.is_empty() { &elsewhere } else { &off };
            let why = only
                .strip_prefix(names(group).as_str())
                .unwrap_or(only)
                .trim_start();
            format!(
                "all {} members who {many} {why}: {}",
                able.len(),
                names(group)
            )
        }
        _ => {
            let rest = if free.is_empty() {
                String::new()
            } else {
                format!("; {} could take it: pin one to staff it", names(&free))
            };
            format!(
                "of the {} who {}: {nobody}{}{rest}",
                crate::words::count_of(able.len(), "member", "members"),
                if able.len() == 1 { &one } else { &many },
                groups.join("; ")
            )
        }
    }
}

/// The weeks of `window` a member lacks `fte` for the line, each put down
/// to time off (their capacity alone is short) or to bookings.
fn short_weeks(
    member: usize,
    fte: f64,
    window: Run,
    bookings: &Bookings,
    booked_list: &[Booking],
) -> Short {
    let mut entry = Short {
        member,
        away: Vec::new(),
        booked: Vec::new(),
        projects: Vec::new(),
    };
    for week in window.first..=window.last {
        let need = fte * window.share(week);
        let capacity = bookings.capacity_at(member, week);
        if capacity + EPSILON < need {
            entry.away.push(week);
        } else if lacks_time(member, fte, window, week, bookings) {
            entry.booked.push(week);
            for booking in booked_list
                .iter()
                .filter(|b| b.member == member && b.weeks.contains(week))
            {
                if !entry.projects.contains(&booking.project) {
                    entry.projects.push(booking.project);
                }
            }
        }
    }
    entry
}

/// Whether a member has less than the line's share of `fte` left in a week.
fn lacks_time(member: usize, fte: f64, window: Run, week: i32, bookings: &Bookings) -> bool {
    let need = fte * window.share(week);
    bookings.capacity_at(member, week) - bookings.booked_at(member, week) + EPSILON < need
}

fn join_names(names: &[&str]) -> String {
    crate::words::join_and(names)
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

/// Each quarter the projects touch, with every member's mean capacity and
/// bookings over its weeks: worked out once, read by every skill's row.
pub(super) struct QuarterBasis {
    quarter: i32,
    weeks: Weeks,
    /// The quarter's weeks the projects span.
    inside: Vec<i32>,
    capacity_mean: Vec<f64>,
    booked_mean: Vec<f64>,
}

pub(super) fn quarter_bases(scope: &Scope, bookings: &Bookings) -> Vec<QuarterBasis> {
    if bookings.weeks == 0 {
        return Vec::new();
    }
    let first_week = bookings.first;
    let last_week = bookings.first + bookings.weeks as i32 - 1;
    let members = scope.workspace.members.len();
    let calendar = scope.calendar();
    let quarter_of_week = crate::model::quarter_of_week;
    (quarter_of_week(first_week)..=quarter_of_week(last_week))
        .map(|quarter| {
            let weeks = Weeks::of_quarter(quarter);
            let inside: Vec<i32> =
                (weeks.first.max(first_week)..=weeks.last.min(last_week)).collect();
            let count = weeks.len().max(1) as f64;
            let mut capacity_mean = vec![0.0; members];
            let mut booked_mean = vec![0.0; members];
            for &member in &scope.members {
                capacity_mean[member] = (weeks.first..=weeks.last)
                    .map(|week| {
                        if (first_week..=last_week).contains(&week) {
                            bookings.capacity_at(member, week)
                        } else {
                            calendar.capacity(member, week)
                        }
                    })
                    .sum::<f64>()
                    / count;
                booked_mean[member] = inside
                    .iter()
                    .map(|&week| bookings.booked_at(member, week))
                    .sum::<f64>()
                    / count;
            }
            QuarterBasis {
                quarter,
                weeks,
                inside,
                capacity_mean,
                booked_mean,
            }
        })
        .collect()
}

/// FTE available, demanded and booked per quarter, each the mean over the
/// quarter's weeks (those whose Thursday falls in it) of the week's
/// figure: capacity from `Bookings`, demand as each line's people times
/// their FTE for the share of the week the project runs, bookings as
/// made. With `skill`, only the lines needing that skill, what is booked
/// on them, and the capacity of the members able to take one.
pub(super) fn quarter_loads(
    scope: &Scope,
    order: &[(usize, Run)],
    bookings: &Bookings,
    booked_list: &[Booking],
    bases: &[QuarterBasis],
    skill: Option<&str>,
) -> Vec<QuarterLoad> {
    let workspace = scope.workspace;
    let mut loads = Vec::new();
    if bookings.weeks == 0 || order.is_empty() {
        return loads;
    }
    let first_week = bookings.first;
    let counts = |project: &Project, line: usize| -> bool {
        match (skill, project.demand.get(line)) {
            (None, _) => true,
            (Some(wanted), Some(demand)) => demand.skill.as_str() == wanted,
            (Some(_), None) => false,
        }
    };
    // Week by week over the span: demand and booked on the lines counted.
    let span = bookings.weeks;
    let mut demand = vec![0.0f64; span];
    let mut tentative_demand = vec![0.0f64; span];
    let mut line_demand: Vec<(usize, usize, Run, f64)> = Vec::new();
    for &(index, window) in order {
        let project = &workspace.projects[index];
        let demand = if project.is_tentative() {
            &mut tentative_demand
        } else {
            &mut demand
        };
        let lines = project
            .demand
            .iter()
            .map(|line| (f64::from(line.people), line.fte_each))
            .chain(
                project
                    .role_slots
                    .iter()
                    .map(|slot| (f64::from(slot.count), slot.fte)),
            );
        for (line, (people, fte)) in lines.enumerate() {
            if !counts(project, line) {
                continue;
            }
            line_demand.push((index, line, window, people * fte));
            for week in window.first..=window.last {
                demand[(week - first_week) as usize] += people * fte * window.share(week);
            }
        }
    }
    let mut booked = vec![0.0f64; span];
    let mut tentative_booked = vec![0.0f64; span];
    for booking in booked_list {
        let project = &workspace.projects[booking.project];
        // A learner's time is growth: it fills none of the line's demand.
        if booking.learner || !counts(project, booking.line) {
            continue;
        }
        let booked = if project.is_tentative() {
            &mut tentative_booked
        } else {
            &mut booked
        };
        for week in booking.weeks.first..=booking.weeks.last {
            booked[(week - first_week) as usize] += booking.fte * booking.weeks.share(week);
        }
    }
    // For one skill: those at the lowest level any line asks.
    let skill_column =
        skill.and_then(|wanted| workspace.skill_index(&crate::model::SkillId::new(wanted)));
    let needed_level = order
        .iter()
        .flat_map(|(index, _)| &workspace.projects[*index].demand)
        .filter(|line| skill.is_some_and(|wanted| line.skill.as_str() == wanted))
        .map(|line| line.min_level)
        .min()
        .unwrap_or(workspace.settings.hold_level);
    let able: Vec<usize> = scope
        .members
        .iter()
        .copied()
        .filter(|&member| match (skill, skill_column) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(_), Some(column)) => scope
                .level(member, column)
                .is_some_and(|level| level >= needed_level),
        })
        .collect();
    for basis in bases {
        let count = basis.weeks.len().max(1) as f64;
        let mean = |values: &[f64]| {
            basis
                .inside
                .iter()
                .map(|&week| values[(week - first_week) as usize])
                .sum::<f64>()
                / count
        };
        let demanded_fte = mean(&demand);
        let assigned_fte = mean(&booked);
        let tentative_demanded_fte = mean(&tentative_demand);
        let tentative_assigned_fte = mean(&tentative_booked);
        if demanded_fte.max(tentative_demanded_fte) <= EPSILON
            && assigned_fte.max(tentative_assigned_fte) <= EPSILON
        {
            continue;
        }
        let available_fte: f64 = able.iter().map(|&member| basis.capacity_mean[member]).sum();
        let spare = |member: usize| basis.capacity_mean[member] - basis.booked_mean[member];
        // Skills demanded this quarter that one or nobody free can cover.
        let mut single_cover = Vec::new();
        for &(index, window) in order {
            if !basis.inside.iter().any(|&week| window.contains(week)) {
                continue;
            }
            for line in &workspace.projects[index].demand {
                if skill.is_some_and(|wanted| line.skill.as_str() != wanted) {
                    continue;
                }
                let Some(column) = workspace.skill_index(&line.skill) else {
                    continue;
                };
                let skill_ref = scope.column_ref(column);
                if single_cover.contains(&skill_ref) {
                    continue;
                }
                let free_able = scope
                    .members
                    .iter()
                    .filter(|&&member| {
                        scope
                            .level(member, column)
                            .is_some_and(|level| level >= line.min_level)
                            && spare(member) > EPSILON
                    })
                    .take(2)
                    .count();
                if free_able <= 1 {
                    single_cover.push(skill_ref);
                }
            }
        }
        let over_booked = over_booked(scope, bookings, booked_list, &line_demand, &basis.inside);
        loads.push(QuarterLoad {
            quarter: quarter_label(basis.quarter),
            available_fte,
            demanded_fte,
            assigned_fte,
            tentative_demanded_fte,
            tentative_assigned_fte,
            over_allocated: demanded_fte > available_fte + EPSILON,
            single_cover,
            over_booked,
        });
    }
    loads
}

/// Who is booked past what a line asks, or past their own capacity, in
/// the weeks given; in words, once each.
fn over_booked(
    scope: &Scope,
    bookings: &Bookings,
    booked_list: &[Booking],
    line_demand: &[(usize, usize, Run, f64)],
    weeks: &[i32],
) -> Vec<String> {
    let workspace = scope.workspace;
    let mut said = Vec::new();
    for &(project, line, window, wanted) in line_demand {
        let on_line: Vec<&Booking> = booked_list
            .iter()
            .filter(|b| b.project == project && b.line == line && !b.learner)
            .collect();
        let total: f64 = on_line.iter().map(|b| b.fte).sum();
        if total > wanted + EPSILON && weeks.iter().any(|&week| window.contains(week)) {
            let who: Vec<&str> = on_line
                .iter()
                .map(|b| workspace.members[b.member].name.as_str())
                .collect();
            said.push(format!(
                "{}: {} pinned for {total:.1} FTE on a line that asks {wanted:.1}",
                workspace.projects[project].name,
                join_names(&who)
            ));
        }
    }
    let mut members: Vec<usize> = booked_list.iter().map(|b| b.member).collect();
    members.sort_unstable();
    members.dedup();
    for member in members {
        if let Some(&week) = weeks.iter().find(|&&week| {
            bookings.booked_at(member, week) > bookings.capacity_at(member, week) + EPSILON
        }) {
            said.push(format!(
                "{}: {:.1} FTE booked in {} against {:.1}",
                workspace.members[member].name,
                bookings.booked_at(member, week),
                week_label(week),
                bookings.capacity_at(member, week)
            ));
        }
    }
    said
}
