//! Work evidence beside the rating of record: what each member's commits
//! say of a skill on a day, where the work and the rating disagree, and
//! which skills' code only one member has changed lately. Computed here
//! once for the matrix, the Review, the overview, `evidence` and every
//! report; never a level.

use super::availability::{MIN_FREE_FTE, capacity};
use super::development::days_between;
use super::scope::{MemberRef, Scope, SkillRef};
use crate::model::{Date, Level, Settings, week_label};
use serde::Serialize;
use std::collections::HashMap;

/// "Recent" work: the last six months before the day.
pub const RECENT_DAYS: i64 = 183;
/// A rating of 3 or more is contradicted by no work in this many days.
pub const IDLE_DAYS: i64 = 365;
/// Recent work weighing at least this many commits (each halved per
/// half-life of age) is active work in a skill.
pub const ACTIVE_WEIGHT: f64 = 3.0;
/// An area is owned by one member only once this many of its commits fall
/// in the recent window: a one-off edit is not ownership.
pub const OWNED_AREA_COMMITS: u32 = 3;
/// The level from which no work in a year contradicts a rating.
const IDLE_FROM: u8 = 3;
/// The level at or below which active work contradicts a rating.
const LOW_UP_TO: u8 = 1;

/// What a member's commits say of one skill, up to a day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CellWork {
    /// Commits touching the skill in the last six months, and their lines.
    pub recent_commits: u32,
    pub recent_lines: u64,
    /// Every commit read up to the day.
    pub commits: u32,
    /// The last day they touched it.
    pub last: Date,
    /// Commits weighted to the recent past (halved per half-life).
    pub weight: f64,
}

impl CellWork {
    pub fn is_active(&self) -> bool {
        self.recent_commits > 0 && self.weight >= ACTIVE_WEIGHT
    }

    /// "42 commits touching Terraform in the last 6 months, last
    /// 2026-11-30".
    pub fn sentence(&self, skill: &str) -> String {
        if self.recent_commits == 0 {
            return format!(
                "{} touching {skill} in the history read, none in the last 6 months; last {}",
                commits(self.commits),
                self.last
            );
        }
        format!(
            "{} touching {skill} in the last 6 months ({} lines), last {}",
            commits(self.recent_commits),
            self.recent_lines,
            self.last
        )
    }
}

fn commits(count: u32) -> String {
    crate::words::count_of(count as usize, "commit", "commits")
}

/// How the work disagrees with the rating of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Disagreement {
    /// Active recent work in a skill rated 0-1 or not assessed.
    ActiveButRatedLow,
    /// A rating of 3 or more whose work in the repositories read stopped
    /// over a year ago, from someone who still commits.
    RatedButIdle,
}

/// Every cell's work on a day, and whether it disagrees with the level.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkCells {
    /// Sorted by (member, column).
    pub cells: Vec<((usize, usize), CellWork)>,
    pub disagreements: Vec<((usize, usize), Disagreement)>,
}

impl WorkCells {
    pub fn get(&self, member: usize, column: usize) -> Option<&CellWork> {
        self.cells
            .binary_search_by_key(&(member, column), |(cell, _)| *cell)
            .ok()
            .map(|found| &self.cells[found].1)
    }

    pub fn disagreement(&self, member: usize, column: usize) -> Option<Disagreement> {
        self.disagreements
            .binary_search_by_key(&(member, column), |(cell, _)| *cell)
            .ok()
            .map(|found| self.disagreements[found].1)
    }
}

fn weight_of(commits: u32, age_days: i64, half_life: u32) -> f64 {
    let half_life = f64::from(half_life.max(1));
    f64::from(commits) * 0.5f64.powf(age_days.max(0) as f64 / half_life)
}

/// Each cell's work up to the scope's day, for members in the scope: one
/// pass over what is stored.
pub fn work_cells(scope: &Scope, settings: &Settings) -> WorkCells {
    let workspace = scope.workspace;
    if workspace.evidence_sources.is_empty() {
        return WorkCells::default();
    }
    let day = scope.date;
    let half_life = settings.evidence_half_life_days;
    // Skills some source's map can find evidence of, by column.
    let mut evidenced = vec![false; workspace.skills.len()];
    for source in &workspace.evidence_sources {
        for skill in &source.skills {
            if let Some(column) = scope.column(skill) {
                evidenced[column] = true;
            }
        }
    }
    // Idleness means something only where the history read reaches a year back.
    let year_read = workspace.evidence_sources.iter().any(|source| {
        source
            .first
            .is_some_and(|first| days_between(first, day) >= IDLE_DAYS)
    });
    let mut result = WorkCells::default();
    let mut row: HashMap<usize, CellWork> = HashMap::new();
    for &member in &scope.members {
        if workspace.members[member].work.months.is_empty() {
            continue; // nothing to show, nothing to disagree with
        }
        row.clear();
        let mut commits_this_year = false;
        for month in &workspace.members[member].work.months {
            if month.month > day {
                continue;
            }
            let Some(column) = scope.column(&month.skill) else {
                continue;
            };
            let last = month.last.min(day);
            let age = days_between(last, day);
            commits_this_year |= age < IDLE_DAYS;
            let cell = row.entry(column).or_insert(CellWork {
                recent_commits: 0,
                recent_lines: 0,
                commits: 0,
                last,
                weight: 0.0,
            });
            cell.commits += month.commits;
            cell.last = cell.last.max(last);
            if age < RECENT_DAYS {
                cell.recent_commits += month.commits;
                cell.recent_lines += month.lines;
            }
            cell.weight += weight_of(month.commits, age, half_life);
        }
        for (column, &evidenced) in evidenced.iter().enumerate() {
            let level = scope.level(member, column);
            let work = row.get(&column);
            let disagreement = match work {
                Some(work) if work.is_active() && level.is_none_or(|l| l.get() <= LOW_UP_TO) => {
                    Some(Disagreement::ActiveButRatedLow)
                }
                // Work that stopped a year ago; none at all in the history
                // read says nothing (their work may live elsewhere).
                Some(work)
                    if evidenced
                        && year_read
                        && commits_this_year
                        && level.is_some_and(|l| l.get() >= IDLE_FROM)
                        && days_between(work.last, day) >= IDLE_DAYS =>
                {
                    Some(Disagreement::RatedButIdle)
                }
                _ => None,
            };
            if let Some(disagreement) = disagreement {
                result.disagreements.push(((member, column), disagreement));
            }
        }
        let mut cells: Vec<_> = row.drain().collect();
        cells.sort_unstable_by_key(|(column, _)| *column);
        result.cells.extend(
            cells
                .into_iter()
                .map(|(column, work)| ((member, column), work)),
        );
    }
    result.cells.sort_unstable_by_key(|(cell, _)| *cell);
    result.disagreements.sort_unstable_by_key(|(cell, _)| *cell);
    result
}

/// A rating the work contradicts, as reports list it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WorkContradiction {
    pub member: MemberRef,
    pub skill: SkillRef,
    /// The level of record (`None`: not assessed).
    pub level: Option<Level>,
    pub kind: Disagreement,
    pub recent_commits: u32,
    pub last: Option<Date>,
}

impl WorkContradiction {
    pub fn sentence(&self) -> String {
        let rated = self
            .level
            .map_or("not assessed".to_string(), |level| format!("rated {level}"));
        match self.kind {
            Disagreement::ActiveButRatedLow => format!(
                "{}: {} touching {} in the last 6 months (last {}), {rated}",
                self.member.name,
                commits(self.recent_commits),
                self.skill.name,
                self.last
                    .map_or("unknown".to_string(), |last| last.to_string()),
            ),
            Disagreement::RatedButIdle => format!(
                "{}: {rated} in {}, no commits touching it since {}",
                self.member.name,
                self.skill.name,
                self.last
                    .map_or("unknown".to_string(), |last| last.to_string()),
            ),
        }
    }
}

/// Code of a skill only one member of the team has changed lately.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SoleOwner {
    pub skill: SkillRef,
    pub member: MemberRef,
    /// The directories they alone changed (all of the skill's when
    /// `whole_skill`), most changed first.
    pub areas: Vec<String>,
    /// Whether they are the only recent contributor to the skill at all.
    pub whole_skill: bool,
    /// The start of the window: "since".
    pub since: Date,
    pub commits: u32,
}

impl SoleOwner {
    /// "only Tomasz Nowak has changed Containers & Kubernetes files
    /// (deploy/k8s/) since 2026-06-07", or one folder of a skill others
    /// change too: "only Leila Karimi has changed ops/grafana/
    /// (Observability) since 2026-06-07".
    pub fn sentence(&self) -> String {
        let areas = self.areas.iter().take(3).cloned().collect::<Vec<_>>();
        let more = self.areas.len().saturating_sub(areas.len());
        let mut listed = areas.join(", ");
        if more > 0 {
            listed.push_str(&format!(" and {more} more"));
        }
        if self.whole_skill {
            format!(
                "only {} has changed {} files ({listed}) since {}",
                self.member.name, self.skill.name, self.since
            )
        } else {
            format!(
                "only {} has changed {listed} ({}) since {}",
                self.member.name, self.skill.name, self.since
            )
        }
    }
}

/// A sole recent contributor away in the weeks ahead.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OwnerAway {
    pub skill: SkillRef,
    pub member: MemberRef,
    /// "2027-W02" and "2027-W04": the first and last week of each run.
    pub runs: Vec<(String, String)>,
}

impl OwnerAway {
    pub fn sentence(&self) -> String {
        let runs: Vec<String> = self
            .runs
            .iter()
            .map(|(first, last)| {
                if first == last {
                    first.clone()
                } else {
                    // "2027-W02..W04" within a year, else both in full.
                    match (first.split_once("-W"), last.split_once("-W")) {
                        (Some((year, _)), Some((same, week))) if year == same => {
                            format!("{first}..W{week}")
                        }
                        _ => format!("{first}..{last}"),
                    }
                }
            })
            .collect();
        format!(
            "the only recent {} contributor, {}, is away in {}",
            self.skill.name,
            self.member.name,
            runs.join(", ")
        )
    }
}

/// Who has touched a skill's files in the last six months, most commits
/// first: its recent code owners.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecentOwners {
    pub skill: SkillRef,
    /// Each with their commits touching it in the window.
    pub members: Vec<(MemberRef, u32)>,
}

impl RecentOwners {
    /// "Containers & Kubernetes: Tomasz Nowak (42), Ana Souza (3)".
    pub fn sentence(&self) -> String {
        let members: Vec<String> = self
            .members
            .iter()
            .map(|(member, commits)| format!("{} ({commits})", member.name))
            .collect();
        format!("{}: {}", self.skill.name, members.join(", "))
    }
}

/// What the work says across the team, for reports and the overview.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct WorkFindings {
    /// The repositories read, by name.
    pub sources: Vec<String>,
    /// Each skill's recent code owners, in column order.
    pub owners: Vec<RecentOwners>,
    pub contradictions: Vec<WorkContradiction>,
    pub sole_owners: Vec<SoleOwner>,
    pub owners_away: Vec<OwnerAway>,
}

impl WorkFindings {
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }
}

/// The findings of `cells` (from `work_cells` on the same scope), with the
/// sole owners of each skill's code and their weeks away in `weeks` (ISO
/// week numbers, both ends included).
pub fn work_findings(scope: &Scope, cells: &WorkCells, weeks: (i32, i32)) -> WorkFindings {
    let workspace = scope.workspace;
    if workspace.evidence_sources.is_empty() {
        return WorkFindings::default();
    }
    let day = scope.date;
    let contradictions = cells
        .disagreements
        .iter()
        .map(|&((member, column), kind)| {
            let work = cells.get(member, column);
            WorkContradiction {
                member: scope.member_ref(member),
                skill: scope.column_ref(column),
                level: scope.level(member, column),
                kind,
                recent_commits: work.map_or(0, |work| work.recent_commits),
                last: work.map(|work| work.last),
            }
        })
        .collect();
    let since = day
        .checked_sub(jiff::Span::new().days(RECENT_DAYS))
        .unwrap_or(day);
    // Per column: each recent contributor's commits per area.
    let mut by_column: Vec<HashMap<usize, HashMap<&str, u32>>> =
        vec![HashMap::new(); workspace.skills.len()];
    for &member in &scope.members {
        for area in &workspace.members[member].work.areas {
            if area.month > day || area.last < since {
                continue;
            }
            if let Some(column) = scope.column(&area.skill) {
                *by_column[column]
                    .entry(member)
                    .or_default()
                    .entry(area.area.as_str())
                    .or_default() += area.commits;
            }
        }
    }
    let mut sole_owners = Vec::new();
    for (column, contributors) in by_column.iter().enumerate() {
        if contributors.len() == 1 {
            let (&member, areas) = contributors.iter().next().expect("one contributor");
            let mut areas: Vec<(&str, u32)> = areas.iter().map(|(a, c)| (*a, *c)).collect();
            areas.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let commits: u32 = areas.iter().map(|(_, c)| c).sum();
            if commits >= OWNED_AREA_COMMITS {
                sole_owners.push(SoleOwner {
                    skill: scope.column_ref(column),
                    member: scope.member_ref(member),
                    areas: areas.iter().map(|(area, _)| area.to_string()).collect(),
                    whole_skill: true,
                    since,
                    commits,
                });
            }
            continue;
        }
        // Several contributors: the areas only one of them touched.
        let mut touched_by: HashMap<&str, Vec<(usize, u32)>> = HashMap::new();
        for (&member, areas) in contributors {
            for (&area, &commits) in areas {
                touched_by.entry(area).or_default().push((member, commits));
            }
        }
        let mut owned: HashMap<usize, Vec<(&str, u32)>> = HashMap::new();
        for (area, members) in touched_by {
            if let [(member, commits)] = members.as_slice()
                && *commits >= OWNED_AREA_COMMITS
            {
                owned.entry(*member).or_default().push((area, *commits));
            }
        }
        let mut owned: Vec<(usize, Vec<(&str, u32)>)> = owned.into_iter().collect();
        owned.sort_by_key(|(member, _)| *member);
        for (member, mut areas) in owned {
            areas.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            sole_owners.push(SoleOwner {
                skill: scope.column_ref(column),
                member: scope.member_ref(member),
                commits: areas.iter().map(|(_, c)| c).sum(),
                areas: areas.iter().map(|(area, _)| area.to_string()).collect(),
                whole_skill: false,
                since,
            });
        }
    }
    sole_owners.sort_by(|a: &SoleOwner, b: &SoleOwner| {
        b.whole_skill
            .cmp(&a.whole_skill)
            .then(b.commits.cmp(&a.commits))
            .then(a.skill.name.cmp(&b.skill.name))
    });
    let owners_away = sole_owners
        .iter()
        .filter(|owner| owner.whole_skill)
        .filter_map(|owner| {
            let mut runs: Vec<(i32, i32)> = Vec::new();
            for week in weeks.0..=weeks.1 {
                if capacity(scope, None, owner.member.index, week) >= MIN_FREE_FTE {
                    continue;
                }
                match runs.last_mut() {
                    Some(run) if run.1 + 1 == week => run.1 = week,
                    _ => runs.push((week, week)),
                }
            }
            (!runs.is_empty()).then(|| OwnerAway {
                skill: owner.skill.clone(),
                member: owner.member.clone(),
                runs: runs
                    .into_iter()
                    .map(|(first, last)| (week_label(first), week_label(last)))
                    .collect(),
            })
        })
        .collect();
    // Read off the cells, so the counts are the tooltips'.
    let mut by_skill: Vec<Vec<(MemberRef, u32)>> = vec![Vec::new(); workspace.skills.len()];
    for &((member, column), ref work) in &cells.cells {
        if work.recent_commits > 0 {
            by_skill[column].push((scope.member_ref(member), work.recent_commits));
        }
    }
    let owners = by_skill
        .into_iter()
        .enumerate()
        .filter(|(_, members)| !members.is_empty())
        .map(|(column, mut members)| {
            members.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.index.cmp(&b.0.index)));
            RecentOwners {
                skill: scope.column_ref(column),
                members,
            }
        })
        .collect();
    WorkFindings {
        owners,
        sources: workspace
            .evidence_sources
            .iter()
            .map(|source| source.name.clone())
            .collect(),
        contradictions,
        sole_owners,
        owners_away,
    }
}
