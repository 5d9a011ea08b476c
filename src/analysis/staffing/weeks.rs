//! Weeks for staffing: the run of ISO weeks a project takes (its first and
//! last perhaps partial), and each member's bookings and capacity per week.

use crate::analysis::Scope;
use crate::model::Project;

/// Members' bookings and capacity per week.
pub(crate) struct Bookings {
    pub(super) first: i32,
    pub(super) weeks: usize,
    pub(super) booked: Vec<f64>,
    pub(super) capacity: Vec<f64>,
}

impl Bookings {
    /// Capacity by `Workspace::capacity_in_week` for the members of
    /// `scope`; none for anyone else (not on the team that day).
    pub(super) fn new(scope: &Scope, first: i32, last: i32) -> Bookings {
        let workspace = scope.workspace;
        let weeks = (last - first + 1).max(0) as usize;
        let members = workspace.members.len();
        let mut capacity = vec![0.0; weeks * members];
        let calendar = scope.calendar();
        for &member in &scope.members {
            let row = &mut capacity[member * weeks..(member + 1) * weeks];
            for (at, slot) in row.iter_mut().enumerate() {
                *slot = calendar.capacity(member, first + at as i32);
            }
        }
        Bookings {
            first,
            weeks,
            booked: vec![0.0; weeks * members],
            capacity,
        }
    }

    fn range(&self, window: Run) -> std::ops::Range<usize> {
        let clamp = |week: i32| (week - self.first).clamp(0, self.weeks as i32) as usize;
        clamp(window.first)..clamp(window.last + 1)
    }

    /// The most FTE a member can take on over `window`: in each week what
    /// they have left, for the share of the week the run takes.
    pub(super) fn free(&self, member: usize, window: Run) -> f64 {
        let range = self.range(window);
        let start = member * self.weeks;
        range
            .map(|at| {
                let left = self.capacity[start + at] - self.booked[start + at];
                left / window.share(self.first + at as i32)
            })
            .fold(f64::INFINITY, f64::min)
    }

    pub(super) fn book(&mut self, member: usize, window: Run, fte: f64) {
        let range = self.range(window);
        let start = member * self.weeks;
        for at in range {
            self.booked[start + at] += fte * window.share(self.first + at as i32);
        }
    }

    pub(super) fn booked_at(&self, member: usize, week: i32) -> f64 {
        self.booked[member * self.weeks + (week - self.first) as usize]
    }

    pub(super) fn capacity_at(&self, member: usize, week: i32) -> f64 {
        self.capacity[member * self.weeks + (week - self.first) as usize]
    }
}

/// A run of weeks, its first and last perhaps partial: the share of each
/// week's working days it takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Run {
    pub first: i32,
    pub last: i32,
    /// Share of the first and the last week's five working days.
    pub head: f64,
    pub tail: f64,
}

impl Run {
    pub fn share(&self, week: i32) -> f64 {
        match (week == self.first, week == self.last) {
            (true, true) => (self.head + self.tail - 1.0).max(0.2),
            (true, false) => self.head,
            (false, true) => self.tail,
            (false, false) => 1.0,
        }
    }

    pub fn contains(&self, week: i32) -> bool {
        (self.first..=self.last).contains(&week)
    }
}

/// The weeks a project runs, from its dates: a project starting on a
/// Thursday takes two fifths of its first week, so back-to-back projects
/// share the week they meet in.
pub fn project_weeks(project: &Project) -> Option<Run> {
    use crate::model::{Date, week_of, week_start};
    let start: Date = project.start.trim().parse().ok()?;
    let end: Date = project.end.trim().parse().ok()?;
    if start > end {
        return None;
    }
    // Working days (Monday to Friday) from the date to its week's end, and
    // from its week's start to the date.
    let weekday = |date: Date| (date - week_start(week_of(date))).get_days();
    let (mut first, last) = (week_of(start), week_of(end));
    let mut head = f64::from(5 - weekday(start).min(5)) / 5.0;
    // A weekend start works from the Monday after.
    if head == 0.0 && first < last {
        first += 1;
        head = 1.0;
    }
    let tail = f64::from(weekday(end).min(4) + 1) / 5.0;
    Some(Run {
        first,
        last,
        head: head.max(0.2),
        tail,
    })
}

/// A member booked on a project's line for a run of weeks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Booking {
    pub member: usize,
    /// Index into the workspace's projects.
    pub project: usize,
    /// Index of the line in the project: demand lines, then role slots.
    pub line: usize,
    /// Its weeks, and how much of the first and last.
    pub weeks: Run,
    pub fte: f64,
    pub pinned: bool,
    /// On a tentative project: booked from what confirmed work leaves, and
    /// not counted in anyone's free time until the project is confirmed.
    pub tentative: bool,
    /// A learner's seat: their time is taken, but it covers none of the
    /// line's demand.
    pub learner: bool,
}
