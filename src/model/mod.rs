//! The domain: skills, roles, members, projects and the workspace that holds
//! them. No I/O and no UI here.

mod calendar;
mod capacity;
mod column_map;
mod development;
mod development_edits;
mod editing;
mod history;
mod label;
mod level;
mod matrix;
mod member;
mod membership;
mod people_edits;
mod plan;
mod project;
mod project_edits;
mod record;
mod role;
mod round;
mod scenario;
mod scenario_edits;
mod skill;
mod work;
mod work_edits;
mod workspace;

pub use calendar::{
    AwayReason, Holiday, TimeOff, away_share, day_number, days_of_quarter, quarter_of_week,
    week_label, week_of, week_start, weeks_of_quarter,
};
pub use capacity::CapacityCalendar;
pub use column_map::{ColumnMap, ColumnUse, remembered_map};
pub use development::{Certification, Development, Target};
pub use editing::{EditError, checked_name};
pub use history::{
    Assessment, CellRecord, History, MemberHistory, Note, Rater, RecordScratch, today,
};
pub use jiff::civil::Date;
pub use label::{normalize_label, slugify};
pub use level::{Cell, CellParseError, Level, ScaleWords};
pub use matrix::LevelMatrix;
pub use member::{Detail, DetailChange, Member};
pub use membership::MemberIndex;
pub use people_edits::MemberDetails;
pub use plan::{Plan, PlannedHire};
pub use project::{
    Assignment, DEFAULT_LEARNER_SHARE, DemandLine, Exclusion, LearnerSeat, Project, ProjectStatus,
    RoleSlot, quarter_of,
};
pub use record::{Basis, Record};
pub use role::{
    CareerLink, CareerLinks, FrameworkSource, Importance, Requirement, Role, RoleId, SalaryBand,
    SpanOfControl, TimeSplit, Track, YearsGuideline,
};
pub use round::{FormsReturned, RoundSummary, import_round, import_round_noted, matching_member};
pub use scenario::{ProjectSwitch, ReportMove, Scenario, ScenarioPin};
pub use scenario_edits::ScenarioChange;
pub use skill::{CUSTOM_CATEGORY, Skill, SkillId, SkillKind, SkillSource};
pub use work::{
    AuthorWork, EvidenceSource, RepositoryRead, UnmatchedAuthor, WorkApplied, WorkArea,
    WorkEvidence, WorkMonth,
};
pub use work_edits::{AuthorIndex, AuthorMatch};
pub use workspace::{SCHEMA_VERSION, Settings, Workspace};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_compare_without_case_and_punctuation() {
        assert_eq!(
            normalize_label("Problem-Solving & Decision Making"),
            normalize_label("problem solving and decision  making")
        );
        assert_eq!(normalize_label("  CI/CD  "), "ci cd");
        assert_eq!(normalize_label("Zoë"), "zoë");
    }

    #[test]
    fn slugs_are_ascii_and_never_empty() {
        assert_eq!(slugify("CI/CD & DevOps", "x"), "ci-cd-and-devops");
        assert_eq!(slugify("Ürün", "skill"), "r-n");
        assert_eq!(slugify("!!!", "skill"), "skill");
    }
}
