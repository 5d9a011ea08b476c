//! Projects and their demand, and the assignments a lead has pinned or
//! ruled out; `analysis::staff` proposes the rest.

use super::{Level, RoleId, SkillId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DemandLine {
    pub skill: SkillId,
    pub min_level: Level,
    pub people: u32,
    /// Share of each person's FTE the line needs.
    pub fte_each: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleSlot {
    pub role: RoleId,
    pub count: u32,
    pub fte: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// Index into the workspace's members.
    pub member: usize,
    /// Index into the project's demand lines.
    pub demand: usize,
    pub fte: f64,
    #[serde(default)]
    pub pinned: bool,
}

/// Whether a project is going ahead: confirmed work is booked first, and
/// tentative work takes what is left and is shown apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    #[default]
    Confirmed,
    Tentative,
}

impl ProjectStatus {
    pub fn is_confirmed(&self) -> bool {
        *self == ProjectStatus::Confirmed
    }

    pub fn word(self) -> &'static str {
        match self {
            ProjectStatus::Confirmed => "confirmed",
            ProjectStatus::Tentative => "tentative",
        }
    }

    /// `tentative`, `Tentative`, `confirmed`, blank (confirmed).
    pub fn parse(text: &str) -> Option<ProjectStatus> {
        match super::normalize_label(text).as_str() {
            "" | "confirmed" | "firm" | "yes" => Some(ProjectStatus::Confirmed),
            "tentative" | "pencilled" | "penciled" | "maybe" | "proposed" => {
                Some(ProjectStatus::Tentative)
            }
            _ => None,
        }
    }
}

/// A learner's seat on a skill line: a member one level short, placed
/// beside a member at the line's level, for `share` of their time. The
/// time is growth, not cover.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearnerSeat {
    /// Index into the project's demand lines.
    pub line: usize,
    pub share: f64,
}

/// A learner's share of time when a line takes one and says no more.
pub const DEFAULT_LEARNER_SHARE: f64 = 0.2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub name: String,
    /// ISO dates, `YYYY-MM-DD`.
    pub start: String,
    pub end: String,
    /// 1 is the highest.
    pub priority: u32,
    #[serde(default)]
    pub demand: Vec<DemandLine>,
    #[serde(default)]
    pub role_slots: Vec<RoleSlot>,
    /// Pinned assignments: kept as they are when the rest is proposed.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    /// Member and line pairs the lead ruled out: never proposed again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<Exclusion>,
    #[serde(default, skip_serializing_if = "ProjectStatus::is_confirmed")]
    pub status: ProjectStatus,
    /// Skill lines that take a learner.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub learners: Vec<LearnerSeat>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    /// Index into the workspace's members.
    pub member: usize,
    /// Index into the project's lines: demand lines, then role slots.
    pub line: usize,
}

impl Project {
    /// A project with no demand yet.
    pub fn new(name: &str, start: &str, end: &str, priority: u32) -> Project {
        Project {
            name: name.to_string(),
            start: start.to_string(),
            end: end.to_string(),
            priority,
            demand: Vec::new(),
            role_slots: Vec::new(),
            assignments: Vec::new(),
            excluded: Vec::new(),
            status: ProjectStatus::Confirmed,
            learners: Vec::new(),
        }
    }

    /// The learner's share a skill line takes, if it takes one.
    pub fn learner_share(&self, line: usize) -> Option<f64> {
        self.learners
            .iter()
            .find(|seat| seat.line == line)
            .map(|seat| seat.share)
    }

    pub fn is_tentative(&self) -> bool {
        self.status == ProjectStatus::Tentative
    }
}

/// The days in `month` of `year`, by the Gregorian calendar.
fn days_in_month(year: i32, month: i32) -> i32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// A calendar quarter, counted from year 0: `year * 4 + (month - 1) / 3`,
/// of a real `YYYY-MM-DD` date; `None` for anything else (`2026-02-30`).
pub fn quarter_of(date: &str) -> Option<i32> {
    let mut parts = date.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: i32 = parts.next()?.parse().ok()?;
    let day: i32 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&month)
        && (1900..=2999).contains(&year)
        && (1..=days_in_month(year, month)).contains(&day))
    .then_some(year * 4 + (month - 1) / 3)
}

#[cfg(test)]
mod tests {
    use super::quarter_of;

    #[test]
    fn only_real_dates_have_a_quarter() {
        assert_eq!(quarter_of("2026-07-01"), Some(2026 * 4 + 2));
        assert_eq!(quarter_of("2028-02-29"), Some(2028 * 4));
        for wrong in [
            "2026-13-45",
            "2026-02-29",
            "2026-04-31",
            "26-01-01",
            "soon",
            "",
        ] {
            assert_eq!(quarter_of(wrong), None, "{wrong}");
        }
    }
}
