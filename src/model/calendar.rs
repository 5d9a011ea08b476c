//! Weeks and time off: ISO weeks numbered from a fixed Monday, a member's
//! leave and part-time periods, public holidays by location, and what is
//! left of a member's FTE in a week.

use super::Date;
use serde::{Deserialize, Serialize};

/// Why a member is away.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AwayReason {
    #[default]
    Leave,
    ParentalLeave,
    PartTime,
    Training,
    Sickness,
    Other,
}

impl AwayReason {
    pub const ALL: [AwayReason; 6] = [
        AwayReason::Leave,
        AwayReason::ParentalLeave,
        AwayReason::PartTime,
        AwayReason::Training,
        AwayReason::Sickness,
        AwayReason::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AwayReason::Leave => "leave",
            AwayReason::ParentalLeave => "parental leave",
            AwayReason::PartTime => "part-time",
            AwayReason::Training => "training",
            AwayReason::Sickness => "sickness",
            AwayReason::Other => "other",
        }
    }

    /// The reason a file names: "leave", "Parental leave", "part time".
    pub fn parse(text: &str) -> Option<AwayReason> {
        let wanted = super::normalize_label(text);
        if wanted.is_empty() {
            return Some(AwayReason::Leave);
        }
        AwayReason::ALL
            .into_iter()
            .find(|reason| super::normalize_label(reason.label()) == wanted)
            .or(match wanted.as_str() {
                "vacation" | "holiday" | "annual leave" | "pto" => Some(AwayReason::Leave),
                "parental" | "maternity leave" | "paternity leave" => {
                    Some(AwayReason::ParentalLeave)
                }
                "sick" | "sick leave" => Some(AwayReason::Sickness),
                "course" | "conference" => Some(AwayReason::Training),
                _ => None,
            })
    }
}

/// A period away: `fraction` of each working day in it (1.0 a day off,
/// 0.5 half-time), both ends included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeOff {
    pub start: Date,
    pub end: Date,
    pub fraction: f64,
    #[serde(default)]
    pub reason: AwayReason,
}

/// A public holiday where members at `location` do not work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub location: String,
    pub date: Date,
    pub name: String,
}

/// Weeks are counted from the Monday 1970-01-05: week 0.
fn first_monday() -> Date {
    jiff::civil::date(1970, 1, 5)
}

/// The week a date falls in (Monday to Sunday).
pub fn week_of(date: Date) -> i32 {
    let days = (date - first_monday()).get_days();
    days.div_euclid(7)
}

/// The Monday of a week.
pub fn week_start(week: i32) -> Date {
    first_monday()
        .checked_add(jiff::Span::new().days(i64::from(week) * 7))
        .unwrap_or(first_monday())
}

/// `2026-W32`: the ISO year and week (the year of its Thursday).
pub fn week_label(week: i32) -> String {
    let iso = week_start(week).iso_week_date();
    format!("{}-W{:02}", iso.year(), iso.week())
}

/// The quarter (as `year * 4 + quarter - 1`) a week counts towards: its
/// Thursday's.
pub fn quarter_of_week(week: i32) -> i32 {
    let thursday = week_start(week)
        .checked_add(jiff::Span::new().days(3))
        .unwrap_or(week_start(week));
    i32::from(thursday.year()) * 4 + (i32::from(thursday.month()) - 1) / 3
}

/// The first and last days of a quarter.
pub fn days_of_quarter(quarter: i32) -> (Date, Date) {
    let year = quarter.div_euclid(4) as i16;
    let first_month = (quarter.rem_euclid(4) * 3 + 1) as i8;
    let first = jiff::civil::date(year, first_month, 1);
    let last = first
        .checked_add(jiff::Span::new().months(3))
        .and_then(|next| next.yesterday())
        .unwrap_or(first);
    (first, last)
}

/// The weeks with a day in a quarter: those that straddle its ends count
/// towards both quarters.
pub fn weeks_of_quarter(quarter: i32) -> (i32, i32) {
    let (first, last) = days_of_quarter(quarter);
    (week_of(first), week_of(last))
}

/// The share of a week's five working days a member is away, 0-1: their
/// time off, and the holidays at their location, a day counting at most
/// once.
pub fn away_share(time_off: &[TimeOff], holidays: &[&Holiday], week: i32) -> f64 {
    if time_off.is_empty() && holidays.is_empty() {
        return 0.0;
    }
    working_days(week)
        .map(|day| away_on(time_off, holidays, day))
        .sum::<f64>()
        / 5.0
}

/// The five working days of a week, Monday to Friday.
pub fn working_days(week: i32) -> impl Iterator<Item = Date> {
    let monday = week_start(week);
    (0..5).filter_map(move |offset| monday.checked_add(jiff::Span::new().days(offset)).ok())
}

/// The share of one working day a member is away, 0-1.
fn away_on(time_off: &[TimeOff], holidays: &[&Holiday], day: Date) -> f64 {
    if holidays.iter().any(|holiday| holiday.date == day) {
        return 1.0;
    }
    let share: f64 = time_off
        .iter()
        .filter(|period| period.start <= day && day <= period.end)
        .map(|period| period.fraction)
        .sum();
    share.min(1.0)
}

/// Days since the Monday weeks are counted from: week `w` is days `7w` to
/// `7w + 6`, its working days `7w` to `7w + 4`.
pub fn day_number(date: Date) -> i32 {
    (date - first_monday()).get_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn weeks_follow_iso_across_a_year_end() {
        // 2026-12-31 is a Thursday: week 53 of 2026; 2027-01-04 starts W01.
        assert_eq!(week_label(week_of(date("2026-12-31"))), "2026-W53");
        assert_eq!(week_label(week_of(date("2027-01-03"))), "2026-W53");
        assert_eq!(week_label(week_of(date("2027-01-04"))), "2027-W01");
        // 2024-12-30 is a Monday in ISO week 1 of 2025.
        assert_eq!(week_label(week_of(date("2024-12-30"))), "2025-W01");
        assert_eq!(week_start(week_of(date("2026-08-06"))), date("2026-08-03"));
    }

    #[test]
    fn a_leap_day_falls_in_its_week() {
        assert_eq!(week_label(week_of(date("2024-02-29"))), "2024-W09");
        assert_eq!(week_of(date("2024-03-01")), week_of(date("2024-02-26")));
    }

    #[test]
    fn a_quarter_holds_the_weeks_with_a_day_in_it() {
        let (first, last) = weeks_of_quarter(2026 * 4 + 2);
        assert_eq!(week_start(first), date("2026-06-29"), "holds 1 July");
        assert_eq!(week_start(last), date("2026-09-28"), "holds 30 September");
        // That last week's Thursday, 1 October, makes it Q4's for its label.
        assert_eq!(quarter_of_week(last), 2026 * 4 + 3);
        assert_eq!(
            days_of_quarter(2024 * 4),
            (date("2024-01-01"), date("2024-03-31"))
        );
    }

    #[test]
    fn a_holiday_inside_leave_is_one_day_away_not_two() {
        let leave = TimeOff {
            start: date("2026-12-21"),
            end: date("2026-12-25"),
            fraction: 1.0,
            reason: AwayReason::Leave,
        };
        let christmas = Holiday {
            location: "Berlin".into(),
            date: date("2026-12-25"),
            name: "Christmas Day".into(),
        };
        let week = week_of(date("2026-12-21"));
        assert_eq!(
            away_share(std::slice::from_ref(&leave), &[&christmas], week),
            1.0
        );
        // Half-time for a partial week: Wednesday to Friday at 0.5.
        let part = TimeOff {
            start: date("2026-12-23"),
            end: date("2027-01-08"),
            fraction: 0.5,
            reason: AwayReason::PartTime,
        };
        assert!((away_share(&[part], &[], week) - 0.3).abs() < 1e-9);
        assert_eq!(away_share(&[], &[&christmas], week), 0.2);
    }
}
