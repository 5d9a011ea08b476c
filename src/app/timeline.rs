//! The timeline's data: for each member the bookings to draw week by week,
//! their time away and the weeks they are over-booked; for each project
//! line its weeks and how full it is. Built from the staffing the insight
//! views already have, once per analysis, so the frame only reads it.

use crate::analysis::Staffing;
use crate::model::Workspace;

/// What the timeline shows, and how wide a week is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineForm {
    /// Project lines instead of people.
    pub lines: bool,
    pub week_width: f32,
    /// A bar's end being dragged: the project, whether its start, and the
    /// week the drag began on.
    pub dragging: Option<(usize, bool, i32)>,
    pub scroll_to_today: bool,
}

impl Default for TimelineForm {
    fn default() -> Self {
        TimelineForm {
            lines: false,
            week_width: 26.0,
            dragging: None,
            scroll_to_today: true,
        }
    }
}

/// One booking as a bar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    /// Index into the workspace's projects.
    pub project: usize,
    pub line: usize,
    pub first: i32,
    pub last: i32,
    pub fte: f64,
    pub pinned: bool,
    /// On a tentative project: drawn hatched.
    pub tentative: bool,
}

/// A project line as a row.
#[derive(Clone, Debug, PartialEq)]
pub struct LineRow {
    pub project: usize,
    pub label: String,
    pub first: i32,
    pub last: i32,
    pub people: u32,
    pub filled: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Timeline {
    /// The analysis it was built from.
    pub(in crate::app) built_from: Option<usize>,
    /// The first week shown and how many.
    pub first_week: i32,
    pub weeks: usize,
    /// Per member, their bars, earliest first.
    pub bars: Vec<Vec<Bar>>,
    /// Per member, (week, share away) for the weeks they are away at all.
    pub away: Vec<Vec<(i32, f32)>>,
    /// Per member, the weeks booked past what they have.
    pub over: Vec<Vec<i32>>,
    /// Every project's lines, project by project.
    pub lines: Vec<LineRow>,
}

/// Weeks shown before today (the timeline plans ahead; the history of
/// levels lives elsewhere) and after the last booking.
pub const WEEKS_BEFORE: i32 = 8;
const WEEKS_AFTER: i32 = 4;

impl Timeline {
    pub fn build(workspace: &Workspace, staffing: Option<&Staffing>, today_week: i32) -> Timeline {
        let members = workspace.members.len();
        let mut first = today_week - WEEKS_BEFORE;
        let mut last = today_week + crate::analysis::WEEKS_AHEAD;
        if let Some(staffing) = staffing.filter(|s| !s.projects.is_empty()) {
            last = last.max(staffing.weeks.1 + WEEKS_AFTER);
            // Plans wholly past are shown from their start, not as blank.
            if staffing.weeks.1 < first {
                first = staffing.weeks.0 - 1;
            }
        }
        let weeks = (last - first + 1).max(1) as usize;
        let mut bars = vec![Vec::new(); members];
        let mut booked = vec![0.0f64; members * weeks];
        for booking in staffing.iter().flat_map(|s| &s.bookings) {
            bars[booking.member].push(Bar {
                project: booking.project,
                line: booking.line,
                first: booking.weeks.first,
                last: booking.weeks.last,
                fte: booking.fte,
                pinned: booking.pinned,
                tentative: booking.tentative,
            });
            for week in booking.weeks.first.max(first)..=booking.weeks.last.min(last) {
                booked[booking.member * weeks + (week - first) as usize] +=
                    booking.fte * booking.weeks.share(week);
            }
        }
        for row in &mut bars {
            row.sort_by_key(|bar| (bar.first, bar.project));
        }
        let mut away = vec![Vec::new(); members];
        let mut over = vec![Vec::new(); members];
        for member in 0..members {
            let record = &workspace.members[member];
            let has_holidays = !workspace.holidays_of(member).is_empty();
            for slot in 0..weeks {
                let week = first + slot as i32;
                let capacity = if record.time_off.is_empty() && !has_holidays {
                    record.fte
                } else {
                    workspace.capacity_in_week(member, week)
                };
                if capacity + 1e-9 < record.fte && record.fte > 0.0 {
                    away[member].push((week, (1.0 - capacity / record.fte) as f32));
                }
                if booked[member * weeks + slot] > capacity + 1e-6 {
                    over[member].push(week);
                }
            }
        }
        let mut lines = Vec::new();
        for project in staffing.iter().flat_map(|s| &s.projects) {
            let Some(index) = workspace
                .projects
                .iter()
                .position(|p| p.name == project.name)
            else {
                continue;
            };
            let Some(run) = crate::analysis::project_weeks(&workspace.projects[index]) else {
                continue;
            };
            for line in &project.lines {
                let need = match &line.need {
                    crate::analysis::Need::Skill { skill, min_level } => {
                        format!("{} {}+", skill.name, min_level.get())
                    }
                    crate::analysis::Need::Role { role } => format!("role: {}", role.title),
                };
                lines.push(LineRow {
                    project: index,
                    label: format!("{}: {need}", project.name),
                    first: run.first,
                    last: run.last,
                    people: line.people,
                    filled: line.people - line.unfilled,
                });
            }
        }
        Timeline {
            built_from: None,
            first_week: first,
            weeks,
            bars,
            away,
            over,
            lines,
        }
    }

    /// The bars of a member that run through a week.
    pub fn bars_in(&self, member: usize, week: i32) -> impl Iterator<Item = &Bar> + '_ {
        self.bars
            .get(member)
            .into_iter()
            .flatten()
            .filter(move |bar| bar.first <= week && week <= bar.last)
    }

    pub fn away_in(&self, member: usize, week: i32) -> f32 {
        self.away
            .get(member)
            .and_then(|row| row.iter().find(|(at, _)| *at == week))
            .map_or(0.0, |(_, share)| *share)
    }

    pub fn is_over(&self, member: usize, week: i32) -> bool {
        self.over.get(member).is_some_and(|row| row.contains(&week))
    }
}
