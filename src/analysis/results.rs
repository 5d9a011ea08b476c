//! What an analysis is: every section the views, the report and the
//! command line read, and the options it is run with. `analyze` in
//! `mod.rs` fills it.

use super::{
    BusFactorRisk, DevelopmentReport, HiringPlan, MemberFit, MemberRef, Promotion, RoleSuccession,
    SkillCoverage, SkillRef, SpanReport, Staffing, TeamGaps, ThinRun, TimeSplitReport,
    UnassessedRequirement,
};
use crate::model::Level;
use serde::Serialize;

/// The version of the JSON report's shape; bumped when a field changes.
pub const REPORT_VERSION: u32 = 2;

#[derive(Clone, Debug, Default)]
pub struct AnalysisOptions {
    /// Only this team's members (case-insensitive); the whole roster when `None`.
    pub team: Option<String>,
    /// Stop the hiring plan before its midpoint total passes this.
    pub budget: Option<f64>,
    /// The day the analysis is of: membership, levels, lapsed evidence,
    /// targets and the weeks ahead; today when `None`.
    pub today: Option<crate::model::Date>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Thresholds {
    pub hold_level: Level,
    pub lead_level: Level,
    pub bench_depth: u32,
}

/// Ratings of record older than the workspace's stale limit, by member.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StaleRatings {
    /// The limit in months, and the day before which a rating is stale.
    pub months: u32,
    pub before: Option<crate::model::Date>,
    /// Stale cells in all.
    pub cells: u32,
    pub members: Vec<StaleMember>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StaleMember {
    pub member: MemberRef,
    pub skills: Vec<SkillRef>,
    /// The oldest of their stale ratings.
    pub oldest: crate::model::Date,
}

/// What the last round changed in who can lead each skill.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BenchChanges {
    /// The round before the last, and the last.
    pub from: Option<crate::model::Date>,
    pub to: Option<crate::model::Date>,
    /// Skills whose count of leads changed, most lost first.
    pub skills: Vec<BenchChange>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchChange {
    pub skill: SkillRef,
    pub before: u32,
    pub after: u32,
}

/// Everything Skillgrid finds in a workspace.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    pub report_version: u32,
    pub team: Option<String>,
    /// The day the analysis is of.
    pub as_of: crate::model::Date,
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
    /// The weeks tentative projects would make thin were they confirmed
    /// (`thin_weeks` counts confirmed work only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tentative_risks: Vec<super::TentativeRisk>,
    /// Development targets and certifications due attention.
    #[serde(skip_serializing_if = "DevelopmentReport::is_empty")]
    pub development: DevelopmentReport,
    /// Ratings older than the stale limit.
    pub stale: StaleRatings,
    /// What the last round changed in the bench.
    #[serde(skip_serializing_if = "bench_unchanged")]
    pub bench_changes: BenchChanges,
    /// What the team's commits say beside the ratings, when repositories
    /// were read.
    #[serde(skip_serializing_if = "super::WorkFindings::is_empty")]
    pub work: super::WorkFindings,
}

fn bench_unchanged(changes: &BenchChanges) -> bool {
    changes.skills.is_empty()
}
