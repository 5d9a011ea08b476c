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

impl super::Workspace {
    /// Adds each period away a member does not already have; returns how
    /// many were new.
    pub fn apply_time_off(&mut self, periods: Vec<(usize, TimeOff)>) -> usize {
        let mut added = 0;
        for (member, period) in periods {
            let list = &mut self.members[member].time_off;
            if !list.contains(&period) {
                list.push(period);
                list.sort_by_key(|period| period.start);
                added += 1;
            }
        }
        added
    }

    /// Adds the holidays not already in the calendar; returns how many.
    pub fn apply_holidays(&mut self, holidays: Vec<Holiday>) -> usize {
        let mut added = 0;
        for holiday in holidays {
            let known = self.holidays.iter().any(|h| {
                h.date == holiday.date && h.location.eq_ignore_ascii_case(&holiday.location)
            });
            if !known {
                self.holidays.push(holiday);
                added += 1;
            }
        }
        self.holidays
            .sort_by(|a, b| (a.date, &a.location).cmp(&(b.date, &b.location)));
        added
    }

    /// The holidays at a member's location.
    pub fn holidays_of(&self, member: usize) -> Vec<&Holiday> {
        let Some(location) = self.members[member].location.as_deref() else {
            return Vec::new();
        };
        self.holidays
            .iter()
            .filter(|holiday| holiday.location.eq_ignore_ascii_case(location.trim()))
            .collect()
    }

    /// What a member can give in a week, before any booking: each working
    /// day, their FTE that day less the share of it they are away (leave,
    /// a holiday at their location), and nothing on the days before they
    /// joined or from the day they left. The one measure of a week's
    /// capacity (`CapacityCalendar` asks the same question for many
    /// weeks at once).
    pub fn capacity_in_week(&self, member: usize, week: i32) -> f64 {
        let holidays: Vec<i32> = self
            .holidays_of(member)
            .iter()
            .map(|holiday| day_number(holiday.date))
            .collect();
        MemberDays::of(&self.members[member]).capacity(&holidays, week)
    }
}

/// Days since the Monday weeks are counted from: week `w` is days `7w` to
/// `7w + 6`, its working days `7w` to `7w + 4`.
pub fn day_number(date: Date) -> i32 {
    (date - first_monday()).get_days()
}

/// One member's dates as day numbers, for the capacity of many weeks.
#[derive(Clone, Debug, Default)]
struct MemberDays {
    fte: f64,
    /// (day of the change, FTE before it), oldest first.
    fte_changes: Vec<(i32, f64)>,
    joined: Option<i32>,
    left: Option<i32>,
    /// (first day, last day, share of each day away).
    away: Vec<(i32, i32, f64)>,
}

impl MemberDays {
    fn of(member: &super::Member) -> MemberDays {
        MemberDays {
            fte: member.fte,
            fte_changes: member
                .changes
                .iter()
                .filter_map(|change| match change.detail {
                    super::Detail::Fte { from, .. } => Some((day_number(change.on), from)),
                    _ => None,
                })
                .collect(),
            joined: member.joined.map(day_number),
            left: member.left.map(day_number),
            away: member
                .time_off
                .iter()
                .map(|period| {
                    (
                        day_number(period.start),
                        day_number(period.end),
                        period.fraction,
                    )
                })
                .collect(),
        }
    }

    /// FTE on a day: the FTE before the first change after it, else now.
    fn fte_on(&self, day: i32) -> f64 {
        let after = self.fte_changes.partition_point(|(on, _)| *on <= day);
        self.fte_changes
            .get(after)
            .map_or(self.fte, |(_, from)| *from)
    }

    /// See `Workspace::capacity_in_week`; `holidays` sorted day numbers at
    /// the member's location.
    fn capacity(&self, holidays: &[i32], week: i32) -> f64 {
        let first = week * 7;
        let plain = self.fte_changes.is_empty()
            && self.away.is_empty()
            && self.joined.is_none_or(|joined| joined <= first)
            && self.left.is_none_or(|left| left > first + 4)
            && holidays
                .get(holidays.partition_point(|&day| day < first))
                .is_none_or(|&day| day > first + 4);
        if plain {
            return self.fte;
        }
        let mut total = 0.0;
        for day in first..first + 5 {
            if self.joined.is_some_and(|joined| joined > day)
                || self.left.is_some_and(|left| left <= day)
                || holidays.binary_search(&day).is_ok()
            {
                continue;
            }
            let away: f64 = self
                .away
                .iter()
                .filter(|(start, end, _)| *start <= day && day <= *end)
                .map(|(_, _, share)| share)
                .sum();
            total += self.fte_on(day) * (1.0 - away.min(1.0));
        }
        total / 5.0
    }
}

/// Every member's capacity week by week, with their dates turned into day
/// numbers once: for staffing and the weekly cover, which ask it for every
/// member and week. Gives what `Workspace::capacity_in_week` gives.
pub struct CapacityCalendar {
    members: Vec<MemberDays>,
    /// Per member, the index of their location's holidays.
    location: Vec<Option<usize>>,
    /// Sorted holiday day numbers per location.
    holidays: Vec<Vec<i32>>,
}

impl CapacityCalendar {
    pub fn new(workspace: &super::Workspace) -> CapacityCalendar {
        let mut places: Vec<String> = Vec::new();
        let mut holidays: Vec<Vec<i32>> = Vec::new();
        for holiday in &workspace.holidays {
            // Matched as `holidays_of` matches them.
            let place = holiday.location.to_ascii_lowercase();
            let index = match places.iter().position(|known| *known == place) {
                Some(index) => index,
                None => {
                    places.push(place);
                    holidays.push(Vec::new());
                    places.len() - 1
                }
            };
            holidays[index].push(day_number(holiday.date));
        }
        for days in &mut holidays {
            days.sort_unstable();
            days.dedup();
        }
        let location = workspace
            .members
            .iter()
            .map(|member| {
                let place = member.location.as_deref()?.trim().to_ascii_lowercase();
                places.iter().position(|known| *known == place)
            })
            .collect();
        CapacityCalendar {
            members: workspace.members.iter().map(MemberDays::of).collect(),
            location,
            holidays,
        }
    }

    pub fn capacity(&self, member: usize, week: i32) -> f64 {
        let holidays = self.location[member].map_or(&[][..], |index| &self.holidays[index]);
        self.members[member].capacity(holidays, week)
    }
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
