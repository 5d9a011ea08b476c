//! Evidence from the work itself: what each member's commits touched, per
//! skill and month, read from the team's repositories. Dated aggregates
//! only (no code, no messages, no file names below a directory), and never
//! a level: it is shown beside the rating of record, not instead of it.

use super::{Date, SkillId};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A member's commits touching one skill in one month of one repository.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkMonth {
    /// The repository's name among the workspace's evidence sources.
    pub source: String,
    pub skill: SkillId,
    /// The first day of the month.
    pub month: Date,
    pub commits: u32,
    /// Lines added and removed in the files mapped to the skill.
    pub lines: u64,
    /// The last day of the month they touched it.
    pub last: Date,
}

/// A member's commits touching one directory (the two levels under the
/// root: `deploy/k8s/`) that a skill is read from, in one month: who else
/// has changed it tells a sole owner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkArea {
    pub source: String,
    pub skill: SkillId,
    pub area: String,
    pub month: Date,
    pub commits: u32,
    pub last: Date,
}

/// Everything a member's commits say, sorted by source, skill and month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkEvidence {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<WorkMonth>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<WorkArea>,
}

impl WorkEvidence {
    pub fn is_empty(&self) -> bool {
        self.months.is_empty() && self.areas.is_empty()
    }

    /// Adds newly read work: counts of the same source, skill and month
    /// are summed, the last day kept.
    pub fn add(&mut self, work: &AuthorWork, source: &str) {
        let mut months: HashMap<(SkillId, Date), usize> = self
            .months
            .iter()
            .enumerate()
            .filter(|(_, month)| month.source == source)
            .map(|(index, month)| ((month.skill.clone(), month.month), index))
            .collect();
        for month in &work.months {
            let key = (month.skill.clone(), month.month);
            match months.get(&key) {
                Some(&index) => {
                    let known = &mut self.months[index];
                    known.commits += month.commits;
                    known.lines += month.lines;
                    known.last = known.last.max(month.last);
                }
                None => {
                    months.insert(key, self.months.len());
                    self.months.push(WorkMonth {
                        source: source.to_string(),
                        ..month.clone()
                    });
                }
            }
        }
        let mut areas: HashMap<(SkillId, String, Date), usize> = self
            .areas
            .iter()
            .enumerate()
            .filter(|(_, area)| area.source == source)
            .map(|(index, area)| ((area.skill.clone(), area.area.clone(), area.month), index))
            .collect();
        for area in &work.areas {
            let key = (area.skill.clone(), area.area.clone(), area.month);
            match areas.get(&key) {
                Some(&index) => {
                    let known = &mut self.areas[index];
                    known.commits += area.commits;
                    known.last = known.last.max(area.last);
                }
                None => {
                    areas.insert(key, self.areas.len());
                    self.areas.push(WorkArea {
                        source: source.to_string(),
                        ..area.clone()
                    });
                }
            }
        }
        self.sort();
    }

    fn sort(&mut self) {
        self.months.sort_by(|a, b| {
            (&a.source, &a.skill.0, a.month).cmp(&(&b.source, &b.skill.0, b.month))
        });
        self.areas.sort_by(|a, b| {
            (&a.source, &a.skill.0, &a.area, a.month)
                .cmp(&(&b.source, &b.skill.0, &b.area, b.month))
        });
    }

    /// Drops everything read from `source`; whether anything was.
    pub fn remove_source(&mut self, source: &str) -> bool {
        let before = self.months.len() + self.areas.len();
        self.months.retain(|month| month.source != source);
        self.areas.retain(|area| area.source != source);
        before != self.months.len() + self.areas.len()
    }
}

/// One author's work as a repository read finds it, before it is matched
/// to a member (`source` is filled in when it is stored).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AuthorWork {
    /// As `.mailmap` gives them.
    pub name: String,
    pub email: String,
    /// Commits read, whatever they touched.
    pub commits: u32,
    pub months: Vec<WorkMonth>,
    pub areas: Vec<WorkArea>,
}

/// A repository the workspace's evidence was read from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceSource {
    /// Its name in every list: the directory's, made unique.
    pub name: String,
    /// Where it was read from, as given.
    pub path: String,
    /// The day it was last read.
    pub read_on: Date,
    /// The commits read up to: a re-read walks only what is newer.
    pub tips: Vec<String>,
    /// Commits read in all (merges and commits before `since` not counted).
    pub commits: u64,
    /// The first and last day of the history read.
    pub first: Option<Date>,
    pub last: Option<Date>,
    /// Only commits from this day on were read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    /// The YAML map of paths to skills it was read with (the built-in one
    /// when `None`): a re-read uses it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<String>,
    /// The skills its map can find evidence of.
    pub skills: Vec<SkillId>,
    /// Authors no member answers to, with their commits: listed, never
    /// guessed. Adding their email to a member and reading again counts them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmatched: Vec<UnmatchedAuthor>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnmatchedAuthor {
    pub name: String,
    pub email: String,
    pub commits: u32,
}

/// A repository read, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct RepositoryRead {
    pub source: EvidenceSource,
    pub authors: Vec<AuthorWork>,
    /// Whether it adds to what the source already holds (only commits
    /// newer than its tips were read) or replaces it.
    pub adds: bool,
    /// Commits at a shallow clone's edge: their parents are not there, so
    /// what they changed is unknown and they are not counted.
    pub shallow_edge: u32,
}

impl RepositoryRead {
    /// "46 commits" or "1 commit not read before".
    pub fn commits_read(&self) -> String {
        let commits = crate::words::count_of(self.source.commits as usize, "commit", "commits");
        if self.adds {
            format!("{commits} not read before")
        } else {
            commits
        }
    }

    /// "2024-12-02 to 2026-11-30": the days of the history read.
    pub fn span(&self) -> Option<String> {
        match (self.source.first, self.source.last) {
            (Some(first), Some(last)) => Some(format!("{first} to {last}")),
            _ => None,
        }
    }

    /// What a shallow clone's edge leaves uncounted, when it is one.
    pub fn shallow_note(&self) -> Option<String> {
        (self.shallow_edge > 0).then(|| {
            format!(
                "a shallow clone: {} at its edge not counted (what they changed is not there)",
                crate::words::count_of(self.shallow_edge as usize, "commit", "commits")
            )
        })
    }
}

/// What storing a read changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkApplied {
    pub source: String,
    /// Members whose evidence grew, with the commits added.
    pub members: Vec<(usize, u32)>,
    /// Authors matched to nobody, with their commits in this read.
    pub unmatched: Vec<UnmatchedAuthor>,
    pub commits: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().expect("a test date")
    }

    fn month(skill: &str, first: &str, commits: u32, last: &str) -> WorkMonth {
        WorkMonth {
            source: String::new(),
            skill: SkillId(skill.to_string()),
            month: day(first),
            commits,
            lines: u64::from(commits) * 10,
            last: day(last),
        }
    }

    #[test]
    fn a_second_read_adds_to_the_same_month() {
        let mut evidence = WorkEvidence::default();
        let work = AuthorWork {
            name: "Ana".into(),
            email: "ana@x.org".into(),
            commits: 2,
            months: vec![month("kubernetes", "2026-11-01", 2, "2026-11-10")],
            areas: Vec::new(),
        };
        evidence.add(&work, "api");
        let more = AuthorWork {
            months: vec![month("kubernetes", "2026-11-01", 1, "2026-11-20")],
            ..work.clone()
        };
        evidence.add(&more, "api");
        evidence.add(&work, "web");
        assert_eq!(evidence.months.len(), 2);
        assert_eq!(evidence.months[0].commits, 3);
        assert_eq!(evidence.months[0].last, day("2026-11-20"));
        assert!(evidence.remove_source("api"));
        assert_eq!(evidence.months.len(), 1);
        assert_eq!(evidence.months[0].source, "web");
    }
}
