//! What a staffing proposal is made of: its lines, assignments, open
//! places and quarters, and the wants (a skill at a level, or a role) its
//! lines are matched on.

use super::weeks::Booking;
use crate::analysis::scope::{MemberRef, RoleRef, Scope, SkillRef};
use crate::analysis::{CompiledRole, Cost};
use crate::model::{Level, Project, Role};
use serde::Serialize;

/// Free FTE below this is none (rounding of shares like 1/3).
pub(super) const EPSILON: f64 = 1e-6;

pub use crate::model::quarter_of;

fn is_zero(value: &f64) -> bool {
    value.abs() <= EPSILON
}

/// `2026 Q3`.
pub fn quarter_label(quarter: i32) -> String {
    format!("{} Q{}", quarter.div_euclid(4), quarter.rem_euclid(4) + 1)
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Need {
    Skill { skill: SkillRef, min_level: Level },
    Role { role: RoleRef },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assigned {
    pub member: MemberRef,
    /// Their level in the line's skill (none for a role slot).
    pub level: Option<Level>,
    pub fit: f64,
    /// Their free FTE over the project's quarters before this booking.
    pub free_fte: f64,
    pub pinned: bool,
    /// Counted at their target's level, due by the project's start, not
    /// their level of record: the plan rests on their growth.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub on_growth: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineStaffing {
    /// Index of the line in the project: demand lines, then role slots.
    pub line: usize,
    pub need: Need,
    pub people: u32,
    pub fte_each: f64,
    pub assigned: Vec<Assigned>,
    pub unfilled: u32,
    /// Why the unfilled people could not be found, in words.
    pub reason: Option<String>,
    /// A learner placed beside a member at the line's level, when the line
    /// takes one and someone fits: growth, not cover.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learner: Option<Learner>,
    /// Whom a lead could pin here instead, best fit first: those at the
    /// level, then a few just under it (`below` set), with their free FTE
    /// once every project is staffed.
    #[serde(skip)]
    pub candidates: Vec<LineCandidate>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProjectStaffing {
    pub name: String,
    pub start: String,
    pub end: String,
    pub priority: u32,
    pub quarters: Vec<String>,
    /// The ISO weeks it books, first and last (`2026-W27`).
    pub weeks: (String, String),
    pub lines: Vec<LineStaffing>,
    /// Total fit of the members assigned.
    pub objective: f64,
    /// Not yet confirmed: staffed from what confirmed work leaves.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub tentative: bool,
}

/// A member one level short of a line, learning on it beside a mentor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Learner {
    pub member: MemberRef,
    pub mentor: MemberRef,
    /// Their share of time on the line.
    pub share: f64,
    /// Their target in the skill, when they have one: level and date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<(Level, crate::model::Date)>,
}

/// An unfilled need, to hire for.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Placeholder {
    pub project: String,
    pub need: Need,
    pub people: u32,
    pub fte_each: f64,
    /// The project's start: when the person is needed.
    pub from: String,
    /// The library role to hire: the role slot's, or the cheapest role
    /// that requires the skill at the level.
    pub hire_as: Option<RoleRef>,
    /// A year's cost of all `people`, from the role's band.
    pub cost: Option<Cost>,
}

/// A quarter's demand against capacity: each the mean over the quarter's
/// weeks (those whose Thursday falls in it) of the week's figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuarterLoad {
    pub quarter: String,
    /// Everyone's capacity (of those able, for one skill).
    pub available_fte: f64,
    pub demanded_fte: f64,
    /// Booked on the lines counted in `demanded_fte`: never more than it
    /// unless `over_booked` says who.
    pub assigned_fte: f64,
    /// Tentative projects' demand and bookings, apart from the confirmed
    /// figures above (zero without tentative work).
    #[serde(skip_serializing_if = "is_zero")]
    pub tentative_demanded_fte: f64,
    #[serde(skip_serializing_if = "is_zero")]
    pub tentative_assigned_fte: f64,
    pub over_allocated: bool,
    /// Skills demanded this quarter that one member or nobody with free
    /// capacity can cover.
    pub single_cover: Vec<SkillRef>,
    /// Who is booked past a line's people or past their own capacity in
    /// a week of the quarter, in words ("Ana Souza: 1.2 FTE booked in
    /// 2026-W32 against 1.0").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub over_booked: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Staffing {
    pub projects: Vec<ProjectStaffing>,
    pub placeholders: Vec<Placeholder>,
    pub quarters: Vec<QuarterLoad>,
    /// The same, for each skill the projects demand.
    pub skill_quarters: Vec<(SkillRef, Vec<QuarterLoad>)>,
    /// Total fit of the proposed assignment, and of a greedy pass (best
    /// member for each slot in turn) over the same projects in the same order.
    pub objective: f64,
    pub greedy_objective: f64,
    pub placeholder_cost: Cost,
    /// Projects left out, and why (dates that do not read).
    pub problems: Vec<String>,
    /// The weeks the projects span, first and last (see `model::week_of`).
    #[serde(skip)]
    pub weeks: (i32, i32),
    /// Every booking, pinned and proposed, for week-by-week views.
    #[serde(skip)]
    pub bookings: Vec<Booking>,
    /// Each member's capacity in each of `weeks`, row by row.
    #[serde(skip)]
    pub capacity: Vec<f64>,
    /// Each member's booked FTE on confirmed work in each of `weeks`, row
    /// by row: what free time counts.
    #[serde(skip)]
    pub booked: Vec<f64>,
    /// The same on tentative work, kept apart.
    #[serde(skip)]
    pub tentative_booked: Vec<f64>,
    /// Whether `booked` holds tentative work too (`with_tentative`): the
    /// plan as it would be were every tentative project confirmed.
    #[serde(skip)]
    pub counts_tentative: bool,
}

/// One person's worth of a line.
#[derive(Clone, Copy)]
pub(super) struct Slot {
    pub(super) line: usize,
    pub(super) fte: f64,
}

/// Someone a lead may pin to a line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineCandidate {
    pub member: MemberRef,
    pub level: Option<Level>,
    pub fit: f64,
    pub free_fte: f64,
    /// Under the line's level: pinning them is the lead's call, with a warning.
    pub below: bool,
}

/// What each line asks, resolved against the workspace.
pub(super) enum Want {
    Skill {
        column: Option<usize>,
        skill: SkillRef,
        min_level: Level,
        /// Counting on growth: a target in the skill due by this day (the
        /// project's start) counts as its level.
        growth_by: Option<crate::model::Date>,
    },
    Role {
        index: Option<usize>,
        role: RoleRef,
    },
}

/// A member's level in a line's skill, and whether it is their target's
/// (counted only when the line counts on growth and the target is due by
/// the project's start) rather than the level of record.
pub(super) fn level_for(scope: &Scope, want: &Want, member: usize) -> Option<(Level, bool)> {
    let Want::Skill {
        column: Some(column),
        skill,
        growth_by,
        ..
    } = want
    else {
        return None;
    };
    let record = scope.level(member, *column);
    let grown = growth_by.and_then(|by| {
        scope.workspace.members[member]
            .development
            .targets
            .iter()
            // Set by the scope's day, still ahead of it, and due by the start.
            .filter(|target| {
                target.skill.as_str() == &*skill.id
                    && target.set_on <= scope.date
                    && target.by >= scope.date
                    && target.by <= by
            })
            .map(|target| target.level)
            .max()
    });
    match grown {
        Some(target) if record.is_none_or(|level| target > level) => Some((target, true)),
        _ => record.map(|level| (level, false)),
    }
}

pub(super) fn wants(
    scope: &Scope,
    project: &Project,
    count_targets: bool,
) -> Vec<(Want, u32, f64)> {
    let growth_by = count_targets
        .then(|| project.start.trim().parse::<crate::model::Date>().ok())
        .flatten();
    let workspace = scope.workspace;
    let mut wants: Vec<(Want, u32, f64)> = project
        .demand
        .iter()
        .map(|line| {
            let column = workspace.skill_index(&line.skill);
            let skill = match column {
                Some(column) => scope.column_ref(column),
                None => scope.skill_ref(&line.skill),
            };
            (
                Want::Skill {
                    column,
                    skill,
                    min_level: line.min_level,
                    growth_by,
                },
                line.people,
                line.fte_each,
            )
        })
        .collect();
    for slot in &project.role_slots {
        let index = workspace.roles.iter().position(|r| r.id == slot.role);
        let role = match index {
            Some(index) => scope.role_ref(index),
            None => RoleRef {
                id: slot.role.as_str().into(),
                title: slot.role.as_str().into(),
            },
        };
        wants.push((Want::Role { index, role }, slot.count, slot.fte));
    }
    wants
}

/// How well `member` fits a line, 0-100, or `None` when they cannot take
/// it at all: 60 at the minimum level, 15 more per level above, 10 for
/// wanting to grow in the skill, 15 when their own role requires it.
pub(super) fn line_fit(
    scope: &Scope,
    compiled: &[CompiledRole],
    want: &Want,
    member: usize,
) -> Option<f64> {
    match want {
        Want::Skill {
            column, min_level, ..
        } => {
            let cell = scope.cell(member, (*column)?);
            let (level, on_growth) = level_for(scope, want, member)?;
            if level < *min_level {
                return None;
            }
            let mut fit = 60.0 + 15.0 * f64::from(level.get() - min_level.get());
            if cell.interest() {
                fit += 10.0;
            }
            if scope.role_requires(member, (*column)?) {
                fit += 15.0;
            }
            // A level yet to be reached is less sure than one held.
            if on_growth {
                fit -= 10.0;
            }
            Some(fit.clamp(0.0, 100.0))
        }
        Want::Role { index, .. } => {
            let index = (*index)?;
            if scope.role_index_of(member) == Some(index) {
                return Some(100.0);
            }
            let measured = compiled[index].score(scope, member);
            measured.ready().then_some(measured.score)
        }
    }
}

/// The cheapest library role that brings `want`, for a placeholder.
pub(super) fn hire_as<'r>(roles: &'r [Role], want: &Want) -> Option<&'r Role> {
    match want {
        Want::Skill {
            skill, min_level, ..
        } => roles
            .iter()
            .filter(|role| role.salary.is_some())
            .filter(|role| {
                role.requirements
                    .iter()
                    .any(|r| r.skill.as_str() == &*skill.id && r.min_level >= *min_level)
            })
            .min_by(|a, b| {
                let mid = |role: &Role| role.salary.as_ref().map_or(f64::MAX, |s| s.midpoint());
                mid(a).total_cmp(&mid(b))
            }),
        Want::Role { index, .. } => index.map(|index| &roles[index]),
    }
}

pub(super) fn lines_members(
    chosen: &[Option<usize>],
    candidates: &[(usize, Vec<Option<f64>>)],
) -> Vec<usize> {
    chosen
        .iter()
        .flatten()
        .map(|&candidate| candidates[candidate].0)
        .collect()
}

pub(super) fn level_in(scope: &Scope, want: &Want, member: usize) -> Option<Level> {
    level_for(scope, want, member).map(|(level, _)| level)
}

/// Whether a member's level on the line is their target's, not held yet.
pub(super) fn on_growth(scope: &Scope, want: &Want, member: usize) -> bool {
    level_for(scope, want, member).is_some_and(|(_, grown)| grown)
}

impl LineStaffing {
    /// "Aiko Tanaka joins the Observability line as a learner with
    /// Hyun-woo Park (target Observability 3 by 2027-03-31), 0.2 FTE:
    /// growth, not cover".
    pub fn learner_sentence(&self) -> Option<String> {
        let learner = self.learner.as_ref()?;
        let skill = match &self.need {
            Need::Skill { skill, .. } => skill.name.to_string(),
            Need::Role { role } => role.title.to_string(),
        };
        let target = learner.target.map_or(String::new(), |(level, by)| {
            format!(" (target {skill} {} by {by})", level.get())
        });
        Some(format!(
            "{} joins the {skill} line as a learner with {}{target}, {:.1} FTE: growth, not \
             cover",
            learner.member.name, learner.mentor.name, learner.share
        ))
    }
}

impl Staffing {
    /// Where a member's week sits in `capacity` and `booked`, when the
    /// projects span it.
    fn slot(&self, member: usize, week: i32) -> Option<usize> {
        if !(self.weeks.0..=self.weeks.1).contains(&week) {
            return None;
        }
        let weeks = (self.weeks.1 - self.weeks.0 + 1) as usize;
        let slot = member * weeks + (week - self.weeks.0) as usize;
        (slot < self.capacity.len()).then_some(slot)
    }

    /// A member's capacity in a week the projects span; `None` outside
    /// them (no booking reaches there: ask the calendar).
    pub fn capacity_at(&self, member: usize, week: i32) -> Option<f64> {
        self.slot(member, week).map(|slot| self.capacity[slot])
    }

    /// What a member is booked for in a week, in FTE: confirmed work
    /// (and tentative work too, in `with_tentative`'s copy).
    pub fn booked_in(&self, member: usize, week: i32) -> f64 {
        self.slot(member, week)
            .map_or(0.0, |slot| self.booked[slot])
    }

    /// What tentative work books of a member in a week, in FTE.
    pub fn tentative_in(&self, member: usize, week: i32) -> f64 {
        self.slot(member, week).map_or(0.0, |slot| {
            self.tentative_booked.get(slot).copied().unwrap_or(0.0)
        })
    }

    /// Whether some project is tentative.
    pub fn has_tentative(&self) -> bool {
        self.projects.iter().any(|project| project.tentative)
    }

    /// The plan as it would be were every tentative project confirmed: its
    /// bookings count in free time.
    pub fn with_tentative(&self) -> Staffing {
        let mut all = self.clone();
        for (booked, tentative) in all.booked.iter_mut().zip(&mut all.tentative_booked) {
            *booked += *tentative;
            *tentative = 0.0;
        }
        all.counts_tentative = true;
        all
    }
}
