//! Who knows X: members with one or more skills at a minimum level,
//! optionally only those who want to grow in them, in a team, or with time
//! free in a quarter once the proposed staffing is booked.

use super::scope::{MemberRef, RoleRef, SkillRef};
use crate::model::{Level, Workspace, normalize_label};
use serde::Serialize;

/// A lead's question, with its skills resolved to matrix columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WhoQuery {
    /// Column and minimum level; every one must be met.
    pub skills: Vec<(usize, Level)>,
    /// Only members who marked interest in at least one of the skills.
    pub interest: bool,
    pub team: Option<String>,
    /// A quarter as staffing names it (`2026 Q3`): only members with free
    /// FTE in it, ranked by how much.
    pub free_in: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhoMatch {
    pub member: MemberRef,
    pub role: Option<RoleRef>,
    pub team: Option<String>,
    /// Each asked skill with the member's level and interest.
    pub levels: Vec<(SkillRef, Level, bool)>,
    /// Free FTE in the asked quarter, or overall (their FTE less the
    /// heaviest quarter's bookings).
    pub free_fte: f64,
}

/// A query's skill text that names no skill, or a level that is none.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WhoError {
    #[error(
        "no skill \"{0}\" in this workspace: expected a skill's name or alias, e.g. Kubernetes"
    )]
    UnknownSkill(String),
    #[error("\"{0}\" is not a level: expected 0-4, as in Kubernetes 3+ or Kubernetes:3")]
    BadLevel(String),
    #[error("\"{0}\" is not a quarter: expected a year and quarter, e.g. 2026Q3 or 2026 Q3")]
    BadQuarter(String),
}

/// Reads `Kubernetes 3+, Observability 2+` (or `Kubernetes:3`): skills by
/// name or alias, each at a minimum level (the lead level when none is
/// given).
pub fn parse_skills(
    workspace: &Workspace,
    text: &str,
    default_level: Level,
) -> Result<Vec<(usize, Level)>, WhoError> {
    let mut skills = Vec::new();
    for part in text
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        let (name, level) = split_level(part)?;
        let column = skill_column(workspace, name)
            .ok_or_else(|| WhoError::UnknownSkill(name.to_string()))?;
        skills.push((column, level.unwrap_or(default_level)));
    }
    Ok(skills)
}

/// `Kubernetes 3+` or `Kubernetes:3` into the name and the level.
fn split_level(part: &str) -> Result<(&str, Option<Level>), WhoError> {
    let (name, level) = match part.rsplit_once(':') {
        Some((name, level)) => (name.trim(), Some(level.trim())),
        None => match part.rsplit_once(char::is_whitespace) {
            Some((name, level)) if level.trim_end_matches('+').parse::<u8>().is_ok() => {
                (name.trim(), Some(level))
            }
            _ => (part, None),
        },
    };
    let Some(level) = level else {
        return Ok((name, None));
    };
    let digits = level.trim_end_matches('+');
    let level = digits
        .parse::<u8>()
        .ok()
        .and_then(Level::new)
        .ok_or_else(|| WhoError::BadLevel(level.to_string()))?;
    Ok((name, Some(level)))
}

fn skill_column(workspace: &Workspace, name: &str) -> Option<usize> {
    let wanted = normalize_label(name);
    workspace.skills.iter().position(|skill| {
        skill.id.as_str() == name || skill.labels().any(|label| normalize_label(label) == wanted)
    })
}

/// `2026Q3`, `2026 Q3` or `2026-q3` as staffing names quarters: `2026 Q3`.
pub fn parse_quarter(text: &str) -> Result<String, WhoError> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    let bad = || WhoError::BadQuarter(text.to_string());
    let (year, quarter) = compact.split_once('Q').ok_or_else(bad)?;
    let year: i32 = year.parse().map_err(|_| bad())?;
    let quarter: u8 = quarter.parse().map_err(|_| bad())?;
    if !(1..=4).contains(&quarter) || !(1900..=2999).contains(&year) {
        return Err(bad());
    }
    Ok(format!("{year} Q{quarter}"))
}

/// The members who answer `query`, the most skilled first (sum of levels
/// over the asked skills), then the freest, then by name.
pub fn who(workspace: &Workspace, query: &WhoQuery) -> Vec<WhoMatch> {
    let staffing = (!workspace.projects.is_empty()).then(|| super::staff(workspace));
    who_staffed(workspace, query, staffing.as_ref())
}

/// `who` with the workspace's staffing already proposed, for a caller that
/// asks many questions of one document.
pub fn who_staffed(
    workspace: &Workspace,
    query: &WhoQuery,
    staffing: Option<&super::Staffing>,
) -> Vec<WhoMatch> {
    let free = match &query.free_in {
        Some(quarter) => super::staffing::free_in_quarter(workspace, staffing, quarter),
        None => super::staffing::free_fte(workspace, staffing),
    };
    let mut found: Vec<(u32, WhoMatch)> = Vec::new();
    for (index, member) in workspace.members.iter().enumerate() {
        if member.planned {
            continue;
        }
        if let Some(team) = &query.team
            && !member
                .team
                .as_deref()
                .is_some_and(|own| own.eq_ignore_ascii_case(team.trim()))
        {
            continue;
        }
        let mut levels = Vec::with_capacity(query.skills.len());
        for &(column, min) in &query.skills {
            let cell = workspace.cell(index, column);
            match cell.level() {
                Some(level) if level >= min => {
                    levels.push((
                        SkillRef::of(&workspace.skills[column]),
                        level,
                        cell.interest(),
                    ));
                }
                _ => break,
            }
        }
        if levels.len() < query.skills.len() {
            continue;
        }
        if query.interest && !levels.iter().any(|(_, _, interest)| *interest) {
            continue;
        }
        let free_fte = free.get(index).copied().unwrap_or(0.0);
        if query.free_in.is_some() && free_fte <= 0.0 {
            continue;
        }
        let total = levels
            .iter()
            .map(|(_, level, _)| u32::from(level.get()))
            .sum();
        found.push((
            total,
            WhoMatch {
                member: MemberRef {
                    index,
                    name: member.name.as_str().into(),
                    email: member.email.as_deref().map(std::sync::Arc::from),
                },
                role: workspace.member_role(index).map(RoleRef::new),
                team: member.team.clone(),
                levels,
                free_fte,
            },
        ));
    }
    found.sort_by(|(a_total, a), (b_total, b)| {
        b_total
            .cmp(a_total)
            .then(b.free_fte.total_cmp(&a.free_fte))
            .then_with(|| a.member.name.cmp(&b.member.name))
    });
    found.into_iter().map(|(_, found)| found).collect()
}
