//! Capacity over weeks: what each member has to give in an ISO week (their
//! FTE on its days, less leave and their location's public holidays, and
//! nothing before they join or after they leave), and the calendar's edits.

use super::calendar::{Holiday, TimeOff, day_number};
use super::{Detail, Member, Workspace};

impl Workspace {
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
    fn of(member: &Member) -> MemberDays {
        MemberDays {
            fte: member.fte,
            fte_changes: member
                .changes
                .iter()
                .filter_map(|change| match change.detail {
                    Detail::Fte { from, .. } => Some((day_number(change.on), from)),
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
    pub fn new(workspace: &Workspace) -> CapacityCalendar {
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
