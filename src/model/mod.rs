//! The domain: skills, roles, members, projects and the workspace that holds
//! them. No I/O and no UI here.

mod calendar;
mod development;
mod editing;
mod history;
mod level;
mod matrix;
mod member;
mod membership;
mod plan;
mod project;
mod project_edits;
mod record;
mod role;
mod round;
mod skill;
mod workspace;

pub use calendar::{
    AwayReason, CapacityCalendar, Holiday, TimeOff, away_share, day_number, days_of_quarter,
    quarter_of_week, week_label, week_of, week_start, weeks_of_quarter,
};
pub use development::{Certification, Development, Target};
pub use editing::{EditError, checked_name};
pub use history::{
    Assessment, CellRecord, History, MemberHistory, Note, Rater, RecordScratch, today,
};
pub use jiff::civil::Date;
pub use level::{Cell, CellParseError, Level, ScaleWords};
pub use matrix::LevelMatrix;
pub use member::Member;
pub use membership::{Detail, DetailChange, MemberIndex};
pub use plan::{Plan, PlannedHire};
pub use project::{Assignment, DemandLine, Exclusion, Project, RoleSlot, quarter_of};
pub use record::{Basis, Record};
pub use role::{
    CareerLink, CareerLinks, FrameworkSource, Importance, Requirement, Role, RoleId, SalaryBand,
    SpanOfControl, TimeSplit, Track, YearsGuideline,
};
pub use round::{RoundSummary, import_round, import_round_noted, matching_member};
pub use skill::{CUSTOM_CATEGORY, Skill, SkillId, SkillKind, SkillSource};
pub use workspace::{SCHEMA_VERSION, Settings, Workspace};

/// The form in which names, aliases and headers are compared: lowercase,
/// `&` read as "and", every run of other punctuation or space as one space.
pub fn normalize_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch == '&' {
            push_word(&mut out, "and", &mut pending_space);
            pending_space = true;
        } else if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(ch.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

fn push_word(out: &mut String, word: &str, pending_space: &mut bool) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
    *pending_space = false;
}

/// A lowercase ASCII id from a display name: `"CI/CD & DevOps"` becomes
/// `"ci-cd-and-devops"`. Non-ASCII letters are kept out so ids stay safe in
/// file names and URLs; a name with none gets `fallback`.
pub fn slugify(text: &str, fallback: &str) -> String {
    let slug = normalize_label(text)
        .chars()
        .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '-' })
        .collect::<String>();
    let slug = slug
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

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
