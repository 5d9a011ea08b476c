//! Who knows X: members with one or more skills at a minimum level by
//! the record of the scope's day, optionally only those who want to grow
//! in them, in a team, or with time free in a week, a run of weeks or a
//! quarter once the proposed staffing is booked (the one availability).

use super::availability::{self, MIN_FREE_FTE, Weeks};
use super::scope::{MemberRef, RoleRef, Scope, ScopeFilter, SkillRef};
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
    /// Only members with free FTE in these weeks (their mean), ranked by
    /// how much; a level must hold through the first of them.
    pub free_in: Option<Weeks>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WhoMatch {
    pub member: MemberRef,
    pub role: Option<RoleRef>,
    pub team: Option<String>,
    /// Each asked skill with the member's level and interest.
    pub levels: Vec<(SkillRef, Level, bool)>,
    /// Mean free FTE over the asked weeks, or over the quarter ahead.
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
    #[error(
        "\"{0}\" is not a week or a quarter: expected an ISO week (2026-W36), a run of weeks \
         (2026-W34..2026-W36) or a quarter (2026Q3)"
    )]
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
    let quarter = quarter_number(text)?;
    Ok(super::quarter_label(quarter))
}

/// A quarter as `year * 4 + quarter - 1`.
fn quarter_number(text: &str) -> Result<i32, WhoError> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    let bad = || WhoError::BadQuarter(text.to_string());
    let (year, quarter) = compact.split_once('Q').ok_or_else(bad)?;
    let year: i32 = year.parse().map_err(|_| bad())?;
    let quarter: i32 = quarter.parse().map_err(|_| bad())?;
    if !(1..=4).contains(&quarter) || !(1900..=2999).contains(&year) {
        return Err(bad());
    }
    Ok(year * 4 + quarter - 1)
}

/// One ISO week, `2026-W36` (or `2026W36`).
fn parse_week(text: &str) -> Option<i32> {
    let compact: String = text
        .trim()
        .chars()
        .filter(|c| *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    let (year, week) = compact.split_once('W')?;
    let year: i16 = year.parse().ok()?;
    let week: i8 = week.parse().ok()?;
    let date = jiff::civil::ISOWeekDate::new(year, week, jiff::civil::Weekday::Monday).ok()?;
    Some(crate::model::week_of(date.date()))
}

/// When to look for free time: `2026-W36`, `2026-W34..2026-W36`, or a
/// quarter (`2026Q3`), which is the mean of its weeks.
pub fn parse_period(text: &str) -> Result<Weeks, WhoError> {
    let bad = || WhoError::BadQuarter(text.to_string());
    if let Some((first, last)) = text.split_once("..") {
        let (first, last) = (
            parse_week(first).ok_or_else(bad)?,
            parse_week(last).ok_or_else(bad)?,
        );
        if last < first {
            return Err(bad());
        }
        return Ok(Weeks { first, last });
    }
    if let Some(week) = parse_week(text) {
        return Ok(Weeks::one(week));
    }
    quarter_number(text).map(Weeks::of_quarter)
}

/// The members of `scope` who answer `query`, the most skilled first (sum
/// of levels over the asked skills), then the freest, then by name. Free
/// time is read from `staffing`, proposed for the same scope.
pub fn who(scope: &Scope, staffing: Option<&super::Staffing>, query: &WhoQuery) -> Vec<WhoMatch> {
    let workspace = scope.workspace;
    let in_team = scope.narrowed(&ScopeFilter {
        team: query.team.clone(),
        ..scope.filter.clone()
    });
    let weeks = query.free_in.unwrap_or_else(|| Weeks::from(scope.date));
    let mut found: Vec<(u32, WhoMatch)> = Vec::new();
    for &index in &in_team.members {
        let mut levels = Vec::with_capacity(query.skills.len());
        for &(column, min) in &query.skills {
            let cell = scope.cell(index, column);
            let holds = match query.free_in {
                Some(weeks) => scope.holds_in_week(index, column, min, weeks.first),
                None => cell.at_least(min),
            };
            match cell.level() {
                Some(level) if holds => {
                    levels.push((scope.column_ref(column), level, cell.interest()));
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
        let free_fte = availability::free_over(scope, staffing, index, weeks);
        if query.free_in.is_some() && free_fte + 1e-9 < MIN_FREE_FTE {
            continue;
        }
        let total = levels
            .iter()
            .map(|(_, level, _)| u32::from(level.get()))
            .sum();
        found.push((
            total,
            WhoMatch {
                member: scope.member_ref(index),
                role: scope.role_of(index).map(RoleRef::new),
                team: workspace.members[index].team.clone(),
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
