//! Learners on projects: a member one level short of a skill line, who
//! wants to grow in the skill or has a target in it, placed beside a
//! member at the line's level (the mentor) on the same weeks, for the
//! share of time the line sets. Their time is booked; it covers nothing.

use super::plan::{EPSILON, Learner, LineStaffing, Want};
use super::weeks::{Booking, Bookings, Run};
use crate::analysis::Scope;
use crate::model::{Date, Level, Project};

/// A member's target in a skill: the level and the day.
type TargetBy = Option<(Level, Date)>;

/// Places a learner on each line of `project` that takes one, once its
/// members are assigned: never without a mentor at level on the line,
/// never past anyone's free time, never someone already on the project.
#[allow(clippy::too_many_arguments)]
pub(super) fn place_learners(
    scope: &Scope,
    project: &Project,
    index: usize,
    window: Run,
    wants: &[(Want, u32, f64)],
    lines: &mut [LineStaffing],
    bookings: &mut Bookings,
    booked: &mut Vec<Booking>,
) {
    let workspace = scope.workspace;
    for seat in &project.learners {
        let Some((
            Want::Skill {
                column: Some(column),
                min_level,
                skill,
                ..
            },
            _,
            _,
        )) = wants.get(seat.line)
        else {
            continue;
        };
        let Some(below) = min_level.get().checked_sub(1).and_then(Level::new) else {
            continue;
        };
        let Some(mentor) = lines[seat.line]
            .assigned
            .iter()
            // A mentor holds the level: not one counted at a target yet.
            .find(|assigned| {
                !assigned.on_growth && assigned.level.is_some_and(|level| level >= *min_level)
            })
            .map(|assigned| assigned.member.clone())
        else {
            continue;
        };
        let on_project: Vec<usize> = lines
            .iter()
            .flat_map(|line| {
                line.assigned
                    .iter()
                    .map(|a| a.member.index)
                    .chain(line.learner.iter().map(|l| l.member.index))
            })
            .collect();
        // Those with a target in the skill first (the soonest), then those
        // who want to grow; the most free time breaks ties.
        let mut best: Option<(usize, TargetBy, f64)> = None;
        for &member in &scope.members {
            let ruled_out = project
                .excluded
                .iter()
                .any(|e| e.member == member && e.line == seat.line);
            if ruled_out
                || on_project.contains(&member)
                || scope.level(member, *column) != Some(below)
            {
                continue;
            }
            let target = workspace.members[member]
                .development
                .targets
                .iter()
                .filter(|target| target.skill.as_str() == &*skill.id && target.level >= *min_level)
                .map(|target| (target.level, target.by))
                .min_by_key(|(_, by)| *by);
            if target.is_none() && !scope.cell(member, *column).interest() {
                continue;
            }
            let free = bookings.free(member, window);
            if free + EPSILON < seat.share {
                continue;
            }
            let rank = |target: &TargetBy, free: f64| {
                (
                    target.map(|(_, by)| std::cmp::Reverse(by)),
                    (free * 1000.0) as i64,
                )
            };
            if best
                .as_ref()
                .is_none_or(|(_, t, f)| rank(&target, free) > rank(t, *f))
            {
                best = Some((member, target, free));
            }
        }
        let Some((member, target, _)) = best else {
            continue;
        };
        bookings.book(member, window, seat.share);
        booked.push(Booking {
            member,
            project: index,
            line: seat.line,
            weeks: window,
            fte: seat.share,
            pinned: false,
            tentative: project.is_tentative(),
            learner: true,
        });
        lines[seat.line].learner = Some(Learner {
            member: scope.member_ref(member),
            mentor,
            share: seat.share,
            target,
        });
    }
}
