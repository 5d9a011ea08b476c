//! The whole analysis of a workspace at once, as every view and report
//! reads it: the parts that need nothing of each other run side by side.

use super::availability::{Weeks, free_over};
use super::bench_trend::{BenchTrend, bench_trend};
use super::coverage::{SkillCoverage, coverage};
use super::development::{self, DevelopmentReport};
use super::fit;
use super::gaps::{BusFactorRisk, TeamGaps, UnassessedRequirement, bus_factor, team_gaps};
use super::hiring::{self, hiring_plan};
use super::history::{stale_before, stale_cells};
use super::rebalance::{ReportMove, rebalance};
use super::results::{
    Analysis, AnalysisOptions, BenchChange, BenchChanges, REPORT_VERSION, StaleMember,
    StaleRatings, Thresholds,
};
use super::scope::{Scope, ScopeFilter, SkillRef};
use super::span::{SpanReport, span_of_control};
use super::staffing::{Need, Staffing, staff};
use super::time::{TimeSplitReport, time_split};
use super::weekly::{self, WEEKS_AHEAD, WeeklyQuery, thin_runs};
use crate::model::Workspace;
use serde::Serialize;

pub fn analyze(workspace: &Workspace, options: &AnalysisOptions) -> Analysis {
    let today = options.today.unwrap_or_else(crate::model::today);
    let team = options.team.as_deref();
    // Parts that need nothing of each other run at once where there are
    // cores for them: the bench over the rounds (from the workspace alone),
    // the projects' staffing and what rests on it, and the rest.
    std::thread::scope(|outer| {
        let trend = outer.spawn(|| bench_trend(workspace, team));
        let everyone = Scope::new(workspace, today, &ScopeFilter::default());
        let scope = everyone.narrowed(&ScopeFilter::team(team));
        analyze_scope(workspace, options, &everyone, &scope, trend)
    })
}

/// `analyze` once the scope is known, the bench's trend under way.
fn analyze_scope(
    workspace: &Workspace,
    options: &AnalysisOptions,
    everyone: &Scope,
    scope: &Scope,
    trend: std::thread::ScopedJoinHandle<'_, BenchTrend>,
) -> Analysis {
    let settings = &workspace.settings;
    let today = scope.date;
    let (staffing, (thin_weeks, tentative_risks), free_fte, rest) = std::thread::scope(|threads| {
        let staffed = threads.spawn(|| {
            let staffing = (!workspace.projects.is_empty()).then(|| staff(everyone));
            let from_week = crate::model::week_of(today);
            let ahead = WeeklyQuery {
                from_week,
                to_week: from_week + WEEKS_AHEAD - 1,
                skill: None,
            };
            let thin_weeks = staffing.as_ref().map_or_else(Vec::new, |staffing| {
                let mut runs = Vec::new();
                weekly::weekly_cover_each(scope, Some(staffing), &ahead, true, |skill| {
                    runs.extend(thin_runs(std::slice::from_ref(&skill)));
                    true
                });
                runs
            });
            let tentative_risks = staffing.as_ref().map_or_else(Vec::new, |staffing| {
                weekly::tentative_risks(scope, staffing, &ahead)
            });
            let ahead = Weeks::from(today);
            let free_fte: Vec<f64> = (0..workspace.members.len())
                .map(|member| {
                    if scope.contains(member) {
                        free_over(scope, staffing.as_ref(), member, ahead)
                    } else {
                        0.0
                    }
                })
                .collect();
            (staffing, (thin_weeks, tentative_risks), free_fte)
        });
        let fit = fit::fit(scope);
        let team_gaps = team_gaps(scope, settings);
        let span = span_of_control(scope);
        let moves = rebalance(scope, &span.breaches);
        let rest = Rest {
            fit,
            team_gaps,
            span,
            moves,
            bus_factor: bus_factor(scope, settings),
            coverage: coverage(scope, settings),
            development: development::development(scope, today),
            time_split: time_split(scope),
            stale: stale_ratings(scope, today),
            work: {
                let cells = super::work::work_cells(scope, settings);
                let first = crate::model::week_of(today);
                super::work::work_findings(scope, &cells, (first, first + WEEKS_AHEAD - 1))
            },
        };
        let (staffing, weeks, free_fte) = joined(staffed);
        (staffing, weeks, free_fte, rest)
    });
    let Rest {
        fit,
        team_gaps,
        span,
        moves,
        bus_factor: (bus_factor, unassessed_requirements),
        coverage,
        development,
        time_split,
        stale,
        work,
    } = rest;
    let mut hiring = hiring_plan(
        scope,
        &team_gaps[0].gaps,
        &hiring::HiringInputs {
            breaches: &span.breaches,
            moves: &moves,
            free_fte: &free_fte,
            budget: options.budget,
        },
        settings,
    );
    // Who to ask first, and which of them has a project to practise on.
    if let Some(staffing) = &staffing {
        for option in &mut hiring.upskilling {
            option.practice = practice_of(staffing, option.member.index, &option.skill.id);
        }
    }
    Analysis {
        report_version: REPORT_VERSION,
        team: options.team.clone(),
        as_of: today,
        members: scope.members.len() as u32,
        skills: workspace.skills.len() as u32,
        thresholds: Thresholds {
            hold_level: settings.hold_level,
            lead_level: settings.lead_level,
            bench_depth: settings.bench_depth,
        },
        coverage,
        thin_weeks,
        tentative_risks,
        development,
        bus_factor,
        unassessed_requirements,
        fit: fit.members,
        succession: fit.succession,
        promotions: fit.promotions,
        team_gaps,
        span_of_control: span,
        hiring,
        time_split,
        staffing,
        stale,
        bench_changes: bench_changes(&joined(trend), scope),
        work,
    }
}

/// The parts of `analyze` worked out beside staffing and the bench.
struct Rest {
    fit: fit::FitResults,
    team_gaps: Vec<TeamGaps>,
    span: SpanReport,
    moves: Vec<ReportMove>,
    bus_factor: (Vec<BusFactorRisk>, Vec<UnassessedRequirement>),
    coverage: Vec<SkillCoverage>,
    development: DevelopmentReport,
    time_split: TimeSplitReport,
    stale: StaleRatings,
    work: super::WorkFindings,
}

/// A worker's result; its panic goes on in the caller.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// A skill whose number of leads a plan changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeadChange {
    pub skill: SkillRef,
    pub before: u32,
    pub after: u32,
    /// Required by a role present, and nobody left to lead it: a new gap.
    pub new_gap: bool,
}

/// Each skill whose leads differ between two analyses of the same
/// workspace (now and with a plan), most lost first. A required skill
/// that goes from one lead or more to none is a new gap.
pub fn lead_changes(before: &Analysis, after: &Analysis) -> Vec<LeadChange> {
    let after_by_id: std::collections::HashMap<&str, &SkillCoverage> = after
        .coverage
        .iter()
        .map(|coverage| (&*coverage.skill.id, coverage))
        .collect();
    let required_after: std::collections::HashSet<&str> = after
        .bus_factor
        .iter()
        .map(|risk| &*risk.skill.id)
        .chain(after.unassessed_requirements.iter().map(|u| &*u.skill.id))
        .collect();
    let mut changes: Vec<LeadChange> = before
        .coverage
        .iter()
        .filter_map(|old| {
            let now = after_by_id.get(&*old.skill.id).map_or(0, |c| c.leaders);
            (now != old.leaders).then(|| LeadChange {
                skill: old.skill.clone(),
                before: old.leaders,
                after: now,
                new_gap: now == 0 && old.leaders > 0 && required_after.contains(&*old.skill.id),
            })
        })
        .collect();
    // Skills the plan brings that the roster did not track.
    for new in &after.coverage {
        if new.leaders > 0
            && !before
                .coverage
                .iter()
                .any(|old| old.skill.id == new.skill.id)
        {
            changes.push(LeadChange {
                skill: new.skill.clone(),
                before: 0,
                after: new.leaders,
                new_gap: false,
            });
        }
    }
    changes.sort_by(|a, b| {
        (i64::from(a.after) - i64::from(a.before))
            .cmp(&(i64::from(b.after) - i64::from(b.before)))
            .then_with(|| a.skill.name.cmp(&b.skill.name))
    });
    changes
}

/// The ratings of `scope` older than the workspace's stale limit on `today`.
pub fn stale_ratings(scope: &Scope, today: crate::model::Date) -> StaleRatings {
    let workspace = scope.workspace;
    let months = workspace.settings.stale_months;
    let before = stale_before(today, months);
    let cells = stale_cells(scope, before);
    let mut members: Vec<StaleMember> = Vec::new();
    for (member, column) in &cells {
        let last = workspace
            .history
            .row(*member)
            .of_skill(*column as u32)
            .filter(|entry| entry.rater.sets_current())
            .filter_map(|entry| entry.as_of)
            .last()
            .unwrap_or(before);
        match members.last_mut() {
            Some(known) if known.member.index == *member => {
                known.skills.push(scope.column_ref(*column));
                known.oldest = known.oldest.min(last);
            }
            _ => members.push(StaleMember {
                member: scope.member_ref(*member),
                skills: vec![scope.column_ref(*column)],
                oldest: last,
            }),
        }
    }
    StaleRatings {
        months,
        before: Some(before),
        cells: cells.len() as u32,
        members,
    }
}

/// What the last round changed in who can lead each skill, from the
/// bench at every round.
pub fn bench_changes(trend: &BenchTrend, scope: &Scope) -> BenchChanges {
    let rounds = trend.rounds.len();
    if rounds < 2 {
        return BenchChanges::default();
    }
    let mut skills: Vec<BenchChange> = trend
        .leaders
        .iter()
        .enumerate()
        .filter_map(|(column, counts)| {
            let (before, after) = (counts[rounds - 2], counts[rounds - 1]);
            (before != after).then(|| BenchChange {
                skill: scope.column_ref(column),
                before,
                after,
            })
        })
        .collect();
    skills.sort_by(|a, b| {
        (i64::from(a.after) - i64::from(a.before))
            .cmp(&(i64::from(b.after) - i64::from(b.before)))
            .then_with(|| a.skill.name.cmp(&b.skill.name))
    });
    BenchChanges {
        from: Some(trend.rounds[rounds - 2]),
        to: Some(trend.rounds[rounds - 1]),
        skills,
    }
}

/// The project a member learns `skill` on, as a learner beside a mentor,
/// in `staffing`'s proposal.
pub fn practice_of(staffing: &Staffing, member: usize, skill: &str) -> Option<String> {
    staffing.projects.iter().find_map(|project| {
        project
            .lines
            .iter()
            .any(|line| {
                line.learner.as_ref().is_some_and(|learner| learner.member.index == member)
                    && matches!(&line.need, Need::Skill { skill: wanted, .. } if &*wanted.id == skill)
            })
            .then(|| project.name.clone())
    })
}
