//! Analysis: pure functions from a workspace to results. The app, the
//! command line and the tests all call `analyze`.

mod coverage;
mod development;
mod fit;
mod gaps;
mod hiring;
mod history;
mod rebalance;
mod review;
mod scenario;
mod scope;
mod span;
mod staffing;
mod time;
mod weekly;
mod who;

pub use coverage::{SkillCoverage, coverage};
pub use development::{
    CertificationState, CertificationStatus, DUE_SOON_DAYS, DevelopmentEvent, DevelopmentReport,
    LapsedEvidence, TargetState, TargetStatus, certification_state, days_between, development,
    development_events, lapsed_evidence, target_state,
};
pub use fit::{
    Candidate, CompiledRole, Coverage as FitCoverage, Gap, MemberFit, PREFERRED_WEIGHT,
    PROMOTION_SCORE, Promotion, REQUIRED_WEIGHT, RoleFit, RoleSuccession, Score, fit_text,
    natural_step,
};
pub use gaps::{
    ALL_TEAMS, BusFactorRisk, NO_TEAM, SkillGap, TeamGaps, UnassessedRequirement, bus_factor,
    team_gaps,
};
pub use hiring::{
    Cost, Hire, HireReason, HiringInputs, HiringPlan, MENTEES_EACH, OpenDeficit, Upskilling,
    hiring_plan,
};
pub use history::{
    BenchTrend, ChangeQuery, ChangedSince, LevelChange, Movement, SkillSeries, bench_trend,
    changed_since, changes, member_timeline, stale_before, stale_cells, workspace_as_of,
};
pub use rebalance::{ReportMove, rebalance};
pub use review::{Difference, review_differences, review_progress};
pub use scenario::{apply_plan, placeholder_name, planned_cost, reports_to_move, role_fits};
pub use scope::{MemberRef, RoleRef, Scope, SkillRef};
pub use span::{
    MissingManager, SpanBreach, SpanIssue, SpanReport, resolve_managers, span_of_control,
};
pub use staffing::{
    Assigned, Booking, LineCandidate, LineStaffing, Need, Placeholder, ProjectStaffing,
    QuarterLoad, Staffing, project_weeks, quarter_label, quarter_of, staff,
};
pub use time::{PEOPLE_FTE_PER_REPORT, RoleTime, TimeSplitReport, time_split, time_split_by_team};
pub use weekly::{
    MIN_FREE_FTE, Out, SkillWeeks, ThinRun, WEEKS_AHEAD, WeekCover, WeeklyQuery, thin_runs,
    weekly_coverage,
};
pub use who::{WhoError, WhoMatch, WhoQuery, parse_quarter, parse_skills, who, who_staffed};

use crate::model::{Level, Workspace};
use serde::Serialize;

/// The version of the JSON report's shape; bumped when a field changes.
pub const REPORT_VERSION: u32 = 1;

#[derive(Clone, Debug, Default)]
pub struct AnalysisOptions {
    /// Only this team's members (case-insensitive); the whole roster when `None`.
    pub team: Option<String>,
    /// Stop the hiring plan before its midpoint total passes this.
    pub budget: Option<f64>,
    /// The day targets and certifications are judged on; today when `None`.
    pub today: Option<crate::model::Date>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Thresholds {
    pub hold_level: Level,
    pub lead_level: Level,
    pub bench_depth: u32,
}

/// Everything Skillgrid finds in a workspace.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    pub report_version: u32,
    pub team: Option<String>,
    pub members: u32,
    pub skills: u32,
    pub thresholds: Thresholds,
    pub coverage: Vec<SkillCoverage>,
    pub bus_factor: Vec<BusFactorRisk>,
    /// Required skills nobody in view is assessed in.
    pub unassessed_requirements: Vec<UnassessedRequirement>,
    pub fit: Vec<MemberFit>,
    pub succession: Vec<RoleSuccession>,
    pub promotions: Vec<Promotion>,
    pub team_gaps: Vec<TeamGaps>,
    pub span_of_control: SpanReport,
    pub hiring: HiringPlan,
    pub time_split: TimeSplitReport,
    /// The staffing of the workspace's projects (all teams), when it has any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staffing: Option<Staffing>,
    /// The weeks from today (26 of them) where a skill the projects or
    /// roles need has one or no free lead, when there are projects.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub thin_weeks: Vec<ThinRun>,
    /// Development targets and certifications due attention.
    #[serde(skip_serializing_if = "DevelopmentReport::is_empty")]
    pub development: DevelopmentReport,
}

pub fn analyze(workspace: &Workspace, options: &AnalysisOptions) -> Analysis {
    let settings = &workspace.settings;
    let scope = Scope::new(workspace, options.team.as_deref());
    let today = options.today.unwrap_or_else(crate::model::today);
    let lapsed = development::lapsed_evidence(workspace, &scope.members, today, settings);
    let fit = fit::fit(&scope);
    let team_gaps = team_gaps(&scope, settings);
    let span = span_of_control(&scope);
    let (bus_factor, unassessed_requirements) = bus_factor(&scope, settings);
    let staffing = (!workspace.projects.is_empty()).then(|| staff(workspace));
    let thin_weeks = staffing.as_ref().map_or_else(Vec::new, |staffing| {
        let from_week = crate::model::week_of(today);
        thin_runs(&weekly_coverage(
            workspace,
            Some(staffing),
            &WeeklyQuery {
                from_week,
                to_week: from_week + WEEKS_AHEAD - 1,
                skill: None,
            },
        ))
    });
    let free_fte = staffing::free_fte(workspace, staffing.as_ref());
    let moves = rebalance(&scope, &span.breaches);
    let hiring = hiring_plan(
        &scope,
        &team_gaps[0].gaps,
        &hiring::HiringInputs {
            breaches: &span.breaches,
            moves: &moves,
            free_fte: &free_fte,
            budget: options.budget,
        },
        settings,
    );
    Analysis {
        report_version: REPORT_VERSION,
        team: options.team.clone(),
        members: scope.members.len() as u32,
        skills: workspace.skills.len() as u32,
        thresholds: Thresholds {
            hold_level: settings.hold_level,
            lead_level: settings.lead_level,
            bench_depth: settings.bench_depth,
        },
        coverage: coverage(&scope, settings, &lapsed),
        thin_weeks,
        development: development::development(&scope, today),
        bus_factor,
        unassessed_requirements,
        fit: fit.members,
        succession: fit.succession,
        promotions: fit.promotions,
        team_gaps,
        span_of_control: span,
        hiring,
        time_split: time_split(&scope),
        staffing,
    }
}
