//! One availability: a member's free FTE in an ISO week is their capacity
//! that week (`Workspace::capacity_in_week`: FTE of the date, working
//! days, leave, holidays at their location, membership) less what the
//! proposed staffing books them for. Staffing, weekly cover, `who`, the
//! open lines' reasons, mentors and the capacity chart all read it; a
//! span of weeks (a quarter) is the mean of its weeks.

use super::{Scope, Staffing};
use crate::model::{Date, week_of, week_start};

/// Weeks ahead "free now" looks over, when no period is asked: a quarter.
pub const WEEKS_NOW: i32 = 13;

/// Free FTE below this in a week is no time to lead or take anything on.
pub const MIN_FREE_FTE: f64 = 0.1;

/// A member's free FTE in `week`, never below zero.
pub fn free_in_week(scope: &Scope, staffing: Option<&Staffing>, member: usize, week: i32) -> f64 {
    let capacity = capacity(scope, staffing, member, week);
    let booked = staffing.map_or(0.0, |staffing| staffing.booked_in(member, week));
    (capacity - booked).max(0.0)
}

/// A member's capacity in `week` before bookings: the staffing's, which
/// holds it for the weeks it spans, or the calendar's.
pub fn capacity(scope: &Scope, staffing: Option<&Staffing>, member: usize, week: i32) -> f64 {
    match staffing.and_then(|staffing| staffing.capacity_at(member, week)) {
        Some(capacity) => capacity,
        None => scope.calendar().capacity(member, week),
    }
}

/// The mean free FTE over `weeks` (first and last included).
pub fn free_over(scope: &Scope, staffing: Option<&Staffing>, member: usize, weeks: Weeks) -> f64 {
    let count = weeks.len();
    if count == 0 {
        return 0.0;
    }
    (weeks.first..=weeks.last)
        .map(|week| free_in_week(scope, staffing, member, week))
        .sum::<f64>()
        / count as f64
}

/// A run of ISO weeks, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weeks {
    pub first: i32,
    pub last: i32,
}

impl Weeks {
    pub fn one(week: i32) -> Weeks {
        Weeks {
            first: week,
            last: week,
        }
    }

    /// The quarter ahead of `date`: where "free now" looks.
    pub fn from(date: Date) -> Weeks {
        let first = week_of(date);
        Weeks {
            first,
            last: first + WEEKS_NOW - 1,
        }
    }

    /// The weeks of a quarter (`year * 4 + quarter - 1`): those whose
    /// Thursday falls in it, so every week counts towards one quarter.
    pub fn of_quarter(quarter: i32) -> Weeks {
        let (first_day, last_day) = crate::model::days_of_quarter(quarter);
        let (mut first, mut last) = (week_of(first_day), week_of(last_day));
        if crate::model::quarter_of_week(first) != quarter {
            first += 1;
        }
        if crate::model::quarter_of_week(last) != quarter {
            last -= 1;
        }
        Weeks { first, last }
    }

    pub fn len(&self) -> usize {
        (self.last - self.first + 1).max(0) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn contains(&self, week: i32) -> bool {
        (self.first..=self.last).contains(&week)
    }

    /// The Monday the run starts.
    pub fn starts(&self) -> Date {
        week_start(self.first)
    }

    /// `2026-W36`, `2026-W34 to 2026-W36`.
    pub fn label(&self) -> String {
        if self.first == self.last {
            crate::model::week_label(self.first)
        } else {
            format!(
                "{} to {}",
                crate::model::week_label(self.first),
                crate::model::week_label(self.last)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_holds_the_weeks_whose_thursday_is_in_it() {
        let q3 = Weeks::of_quarter(2026 * 4 + 2);
        // 2026-06-29 (W27) has its Thursday, 2 July, in Q3; 2026-09-28 (W40)
        // has its Thursday, 1 October, in Q4.
        assert_eq!(crate::model::week_label(q3.first), "2026-W27");
        assert_eq!(crate::model::week_label(q3.last), "2026-W39");
        assert_eq!(q3.len(), 13);
        let q4 = Weeks::of_quarter(2026 * 4 + 3);
        assert_eq!(q4.first, q3.last + 1);
    }
}
