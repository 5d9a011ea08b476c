//! Analysis: pure functions from a workspace to results. The app, the
//! command line and the tests all call `analyze`.

mod analyze;
mod availability;
mod bench_trend;
mod coverage;
mod development;
mod fit;
mod gaps;
mod hiring;
mod history;
mod managers;
mod overview;
mod rebalance;
mod results;
mod review;
mod scenario;
mod scenario_compare;
mod scope;
mod span;
mod staffing;
mod time;
mod weekly;
mod who;
mod work;

pub use analyze::{LeadChange, analyze, bench_changes, lead_changes, practice_of, stale_ratings};
pub use availability::{MIN_FREE_FTE, WEEKS_NOW, Weeks, capacity, free_in_week, free_over};
pub use bench_trend::{BenchTrend, bench_trend};
pub use coverage::{SkillCoverage, coverage};
pub use development::{
    CertificationState, CertificationStatus, DUE_SOON_DAYS, DevelopmentEvent, DevelopmentReport,
    TargetState, TargetStatus, certification_state, days_between, development, development_events,
    target_state,
};
pub use fit::{
    Candidate, CompiledRole, Coverage as FitCoverage, FIT_FORMULA, GOOD_FIT, Gap, MemberFit,
    PREFERRED_WEIGHT, PROMOTION_SCORE, Promotion, REQUIRED_WEIGHT, RoleFit, RoleSuccession, Score,
    fit_text, natural_step,
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
    ChangeQuery, ChangedSince, LevelChange, Movement, SkillSeries, changed_since, changes,
    for_each_change, member_timeline, stale_before, stale_cells, workspace_as_of,
};
pub use managers::resolve_managers;
pub use overview::{Headline, HeadlineItem, HeadlineKind, ITEMS_NAMED, Opens, headlines};
pub use rebalance::{ReportMove, rebalance};
pub use results::{
    Analysis, AnalysisOptions, BenchChange, BenchChanges, REPORT_VERSION, StaleMember,
    StaleRatings, Thresholds,
};
pub use review::{Difference, review_differences, review_progress};
pub use scenario::{apply_plan, placeholder_name, planned_cost, reports_to_move, role_fits};
pub use scenario_compare::{
    ScenarioFigures, apply_scenario, compare_scenarios, make_scenario_real,
};
pub use scope::{MemberRef, RoleRef, Scope, ScopeFilter, SkillRef};
pub use span::{MissingManager, SpanBreach, SpanIssue, SpanReport, span_of_control};
pub use staffing::{
    Assigned, Booking, Learner, LineCandidate, LineStaffing, Need, Placeholder, ProjectStaffing,
    QuarterLoad, Run, Staffing, project_weeks, quarter_label, quarter_of, staff, staff_with,
};
pub use time::{PEOPLE_FTE_PER_REPORT, RoleTime, TimeSplitReport, time_split, time_split_by_team};
pub use weekly::{
    Out, SkillWeeks, TentativeRisk, ThinRun, WEEKS_AHEAD, WeekCover, WeeklyQuery, skills_followed,
    tentative_risks, thin_runs, weekly_cover_each, weekly_coverage,
};
pub use who::{WhoError, WhoMatch, WhoQuery, parse_period, parse_quarter, parse_skills, who};
pub use work::{
    ACTIVE_WEIGHT, CellWork, Disagreement, IDLE_DAYS, OwnerAway, RECENT_DAYS, RecentOwners,
    SoleOwner, WorkCells, WorkContradiction, WorkFindings, work_cells, work_findings,
};
