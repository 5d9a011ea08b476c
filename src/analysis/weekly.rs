//! Skill cover week by week: for each skill the projects need, and each
//! skill the roles in view require that someone is assessed in, who can
//! lead it and has time that week, and in the weeks it falls to one person
//! or nobody, why the others are out: away (leave, a holiday, gone) or
//! booked on other projects. Time comes from the one availability; a
//! level from the record of the scope's day, less what lapses by the week.

use super::availability::{self, MIN_FREE_FTE};
use super::scope::{MemberRef, Scope, SkillRef};
use super::staffing::Staffing;
use crate::model::{Level, week_label, week_start};
use serde::Serialize;

/// How far ahead the report and the staffing view look: two quarters.
pub const WEEKS_AHEAD: i32 = 26;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum Out {
    /// Away at least half the week.
    Away { reason: String },
    /// Booked to capacity on these projects.
    Booked { projects: Vec<String> },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekCover {
    /// `2026-W32`.
    pub week: String,
    /// Its Monday.
    pub starts: crate::model::Date,
    /// Those who can lead the skill and have time that week.
    pub free: Vec<MemberRef>,
    /// Those who can lead it but are out, and why.
    pub out: Vec<(MemberRef, Out)>,
}

impl WeekCover {
    /// One or nobody free to lead it.
    pub fn is_thin(&self) -> bool {
        self.free.len() <= 1
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkillWeeks {
    pub skill: SkillRef,
    /// "Can lead" is this level or above.
    pub level: Level,
    pub weeks: Vec<WeekCover>,
}

/// Which skills and weeks to look at.
#[derive(Clone, Debug, Default)]
pub struct WeeklyQuery {
    pub from_week: i32,
    pub to_week: i32,
    /// Only this skill column.
    pub skill: Option<usize>,
}

/// The skills to follow week by week, in column order: those the projects
/// demand, and those the roles in view require that someone in view is
/// assessed in. The roles' skills nobody is assessed in come second: they
/// are said once as not assessed, never as a gap every week.
pub fn skills_followed(scope: &Scope) -> (Vec<usize>, Vec<SkillRef>) {
    let workspace = scope.workspace;
    let mut needed = vec![false; workspace.skills.len()];
    for project in &workspace.projects {
        for line in &project.demand {
            if let Some(column) = workspace.skill_index(&line.skill) {
                needed[column] = true;
            }
        }
    }
    let mut required = vec![false; workspace.skills.len()];
    for role in scope.roles_present(&scope.members) {
        for requirement in &scope.requirements[role] {
            if let Some(column) = requirement.column {
                required[column] = true;
            }
        }
    }
    let mut unassessed = Vec::new();
    for column in 0..needed.len() {
        if !required[column] || needed[column] {
            continue;
        }
        let known = scope
            .members
            .iter()
            .any(|&member| scope.known(member, column));
        if known {
            needed[column] = true;
        } else {
            unassessed.push(scope.column_ref(column));
        }
    }
    let columns = (0..needed.len()).filter(|&column| needed[column]).collect();
    (columns, unassessed)
}

/// Who in `scope` can lead each followed skill (or the one asked) in
/// each week, with time for it once the staffing is booked.
pub fn weekly_coverage(
    scope: &Scope,
    staffing: Option<&Staffing>,
    query: &WeeklyQuery,
) -> Vec<SkillWeeks> {
    let mut all = Vec::new();
    weekly_cover_each(scope, staffing, query, false, |skill| {
        all.push(skill);
        true
    });
    all
}

/// `weekly_coverage` a skill at a time, for output that streams; `take`
/// returns false to stop. With `thin_only`, a week with two or more free
/// leads lists just the first two found and nobody out: enough to tell it
/// is not thin, without listing everyone able every week.
pub fn weekly_cover_each(
    scope: &Scope,
    staffing: Option<&Staffing>,
    query: &WeeklyQuery,
    thin_only: bool,
    mut take: impl FnMut(SkillWeeks) -> bool,
) {
    let workspace = scope.workspace;
    let lead = workspace.settings.lead_level;
    let weeks: Vec<i32> = (query.from_week..=query.to_week).collect();
    let columns = match query.skill {
        Some(column) => vec![column],
        None => skills_followed(scope).0,
    };
    for column in columns {
        // Each lead once: the Monday their level stops being held, if it
        // lapses (`Scope::holds_in_week`).
        let leaders: Vec<(usize, Option<crate::model::Date>)> = scope
            .members
            .iter()
            .copied()
            .filter(|&m| scope.leads(m, column))
            .map(|m| (m, workspace.lapses_on(m, column, scope.date)))
            .collect();
        let holds = |lapse: &Option<crate::model::Date>, week: i32| {
            lapse.is_none_or(|lapse| lapse > week_start(week))
        };
        let covers = weeks
            .iter()
            .map(|&week| {
                let mut cover = WeekCover {
                    week: week_label(week),
                    starts: week_start(week),
                    free: Vec::new(),
                    out: Vec::new(),
                };
                let is_free = |member: usize| {
                    availability::free_in_week(scope, staffing, member, week) + 1e-9 >= MIN_FREE_FTE
                };
                if thin_only {
                    let free: Vec<usize> = leaders
                        .iter()
                        .filter(|(member, lapse)| holds(lapse, week) && is_free(*member))
                        .map(|(member, _)| *member)
                        .take(2)
                        .collect();
                    if free.len() == 2 {
                        cover.free = free.into_iter().map(|m| scope.member_ref(m)).collect();
                        return cover;
                    }
                }
                for (member, lapse) in &leaders {
                    if !holds(lapse, week) {
                        continue;
                    }
                    if is_free(*member) {
                        cover.free.push(scope.member_ref(*member));
                    } else {
                        cover.out.push((
                            scope.member_ref(*member),
                            why_out(scope, staffing, *member, week),
                        ));
                    }
                }
                cover
            })
            .collect();
        let going = take(SkillWeeks {
            skill: scope.column_ref(column),
            level: lead,
            weeks: covers,
        });
        if !going {
            return;
        }
    }
}

/// Why a lead has no time in a week: away (their capacity alone is short)
/// or booked, and on which projects.
fn why_out(scope: &Scope, staffing: Option<&Staffing>, member: usize, week: i32) -> Out {
    let workspace = scope.workspace;
    let capacity = availability::capacity(scope, staffing, member, week);
    let fte = workspace.members[member].fte_on(week_start(week));
    if capacity < fte * 0.5 || capacity < MIN_FREE_FTE {
        return Out::Away {
            reason: away_reason(workspace, member, week),
        };
    }
    let mut projects: Vec<String> = staffing
        .iter()
        .flat_map(|s| {
            s.bookings
                .iter()
                .filter(|b| s.counts_tentative || !b.tentative)
        })
        .filter(|booking| booking.member == member && booking.weeks.contains(week))
        .map(|booking| workspace.projects[booking.project].name.clone())
        .collect();
    projects.sort();
    projects.dedup();
    Out::Booked { projects }
}

/// Why a member is away in a week: the reason of the period that covers
/// most of it, or the holiday's name.
fn away_reason(workspace: &crate::model::Workspace, member: usize, week: i32) -> String {
    let monday = week_start(week);
    let friday = monday
        .checked_add(jiff::Span::new().days(4))
        .unwrap_or(monday);
    let record = &workspace.members[member];
    if let Some(left) = record.left.filter(|&left| left <= friday) {
        return format!("leaves on {left}");
    }
    if record.fte_on(monday) <= 0.0 {
        return "at 0 FTE".to_string();
    }
    if let Some(period) = record
        .time_off
        .iter()
        .find(|period| period.start <= friday && period.end >= monday)
    {
        return format!("on {}", period.reason.label());
    }
    workspace
        .holidays_of(member)
        .into_iter()
        .find(|holiday| holiday.date >= monday && holiday.date <= friday)
        .map_or("away".to_string(), |holiday| {
            format!("off for {}", holiday.name)
        })
}

/// A run of weeks with the same thin cover, for saying it once:
/// "2026-W32 to 2026-W34".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThinRun {
    pub skill: SkillRef,
    pub first: String,
    pub last: String,
    pub free: Vec<MemberRef>,
    pub out: Vec<(MemberRef, Out)>,
    /// Its first and last weeks as numbers (`model::week_of`).
    #[serde(skip)]
    pub weeks: (i32, i32),
}

impl ThinRun {
    pub fn weeks_text(&self) -> String {
        if self.first == self.last {
            format!("week {}", self.first)
        } else {
            format!("{} to {}", self.first, self.last)
        }
    }

    /// "nobody free to lead: Tomasz Nowak on leave; Ana Souza booked on
    /// Payments".
    pub fn reason_text(&self) -> String {
        let sentence = self.sentence();
        let who = match self.free.as_slice() {
            [] => "nobody free to lead".to_string(),
            [only] => format!("only {} free to lead", only.name),
            _ => format!("{} free to lead", self.free.len()),
        };
        match sentence.split_once(": ") {
            Some((_, why)) => format!("{who}: {why}"),
            None => who,
        }
    }

    /// "nobody can lead Kubernetes in 2026-W32 to 2026-W34: Tomasz Nowak
    /// on leave; Ana Souza booked on Payments".
    pub fn sentence(&self) -> String {
        let who = match self.free.as_slice() {
            [] => "nobody can lead".to_string(),
            [only] => format!("only {} can lead", only.name),
            _ => format!("{} can lead", self.free.len()),
        };
        let why: Vec<String> = self
            .out
            .iter()
            .map(|(member, out)| match out {
                Out::Away { reason } => format!("{} {reason}", member.name),
                Out::Booked { projects } if projects.is_empty() => {
                    format!("{} fully booked", member.name)
                }
                Out::Booked { projects } => {
                    format!("{} booked on {}", member.name, projects.join(", "))
                }
            })
            .collect();
        let mut text = format!("{who} {} in {}", self.skill.name, self.weeks_text());
        if why.is_empty() {
            text.push_str(if self.free.is_empty() {
                ": nobody on the team can lead it"
            } else {
                ": nobody else on the team can"
            });
        } else {
            text.push_str(": ");
            text.push_str(&why.join("; "));
        }
        text
    }
}

/// The thin weeks of each skill, consecutive weeks with the same people
/// free and out merged into one run.
pub fn thin_runs(coverage: &[SkillWeeks]) -> Vec<ThinRun> {
    let mut runs: Vec<ThinRun> = Vec::new();
    for skill in coverage {
        let mut open: Option<ThinRun> = None;
        for week in &skill.weeks {
            if !week.is_thin() {
                runs.extend(open.take());
                continue;
            }
            match &mut open {
                Some(run) if run.free == week.free && run.out == week.out => {
                    run.last = week.week.clone();
                    run.weeks.1 = crate::model::week_of(week.starts);
                }
                _ => {
                    runs.extend(open.take());
                    let number = crate::model::week_of(week.starts);
                    open = Some(ThinRun {
                        skill: skill.skill.clone(),
                        first: week.week.clone(),
                        last: week.week.clone(),
                        free: week.free.clone(),
                        out: week.out.clone(),
                        weeks: (number, number),
                    });
                }
            }
        }
        runs.extend(open);
    }
    runs
}

/// Weeks that tentative work would make thin: were `projects` confirmed,
/// only `free` could lead `skill` from `first` to `last`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TentativeRisk {
    pub projects: Vec<String>,
    pub skill: SkillRef,
    pub first: String,
    pub last: String,
    pub free: Vec<MemberRef>,
}

impl TentativeRisk {
    /// "if Search relaunch is confirmed, nobody can lead Kubernetes in
    /// 2027-W10 to 2027-W12".
    pub fn sentence(&self) -> String {
        let projects = crate::words::join_and(&self.projects);
        let is = if self.projects.len() == 1 {
            "is"
        } else {
            "are"
        };
        let who = match self.free.as_slice() {
            [] => "nobody can lead".to_string(),
            [only] => format!("only {} can lead", only.name),
            _ => format!("{} can lead", self.free.len()),
        };
        let weeks = if self.first == self.last {
            format!("week {}", self.first)
        } else {
            format!("{} to {}", self.first, self.last)
        };
        format!(
            "if {projects} {is} confirmed, {who} {} in {weeks}",
            self.skill.name
        )
    }
}

/// What tentative work would add to the thin weeks: the weeks where, on
/// top of confirmed work, it leaves one lead or none free where confirmed
/// work alone leaves more, and which tentative projects take them.
pub fn tentative_risks(
    scope: &Scope,
    staffing: &Staffing,
    query: &WeeklyQuery,
) -> Vec<TentativeRisk> {
    if !staffing.has_tentative() {
        return Vec::new();
    }
    let workspace = scope.workspace;
    let all = staffing.with_tentative();
    let confirmed = weekly_coverage(scope, Some(staffing), query);
    let with_tentative = weekly_coverage(scope, Some(&all), query);
    let mut risks: Vec<TentativeRisk> = Vec::new();
    for (before, after) in confirmed.iter().zip(&with_tentative) {
        let mut open: Option<TentativeRisk> = None;
        for (week, (c, f)) in (query.from_week..).zip(before.weeks.iter().zip(&after.weeks)) {
            if !(f.is_thin() && f.free.len() < c.free.len()) {
                risks.extend(open.take());
                continue;
            }
            // The leads tentative work takes, and on which projects.
            let mut projects: Vec<String> = staffing
                .bookings
                .iter()
                .filter(|booking| booking.tentative && booking.weeks.contains(week))
                .filter(|booking| {
                    c.free
                        .iter()
                        .any(|lead| !f.free.contains(lead) && lead.index == booking.member)
                })
                .map(|booking| workspace.projects[booking.project].name.clone())
                .collect();
            projects.sort();
            projects.dedup();
            match &mut open {
                Some(run) if run.free == f.free && run.projects == projects => {
                    run.last = f.week.clone();
                }
                _ => {
                    risks.extend(open.take());
                    open = Some(TentativeRisk {
                        projects,
                        skill: before.skill.clone(),
                        first: f.week.clone(),
                        last: f.week.clone(),
                        free: f.free.clone(),
                    });
                }
            }
        }
        risks.extend(open);
    }
    risks
}
