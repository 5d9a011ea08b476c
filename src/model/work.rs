//! Evidence from the work itself: what each member's commits touched, per
//! skill and month, read from the team's repositories. Dated aggregates
//! only (no code, no messages, no file names below a directory), and never
//! a level: it is shown beside the rating of record, not instead of it.

use super::{Date, Member, SkillId, Workspace};
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

/// Finds members by the addresses and names they commit under.
pub struct AuthorIndex {
    by_email: HashMap<String, usize>,
    by_name: HashMap<String, Option<usize>>,
}

impl AuthorIndex {
    pub fn new(members: &[Member]) -> AuthorIndex {
        let mut by_email = HashMap::new();
        let mut by_name: HashMap<String, Option<usize>> = HashMap::new();
        for (index, member) in members.iter().enumerate() {
            if member.planned {
                continue;
            }
            for email in member.email.iter().chain(&member.emails) {
                by_email.entry(email.trim().to_lowercase()).or_insert(index);
            }
            by_name
                .entry(super::normalize_label(&member.name))
                .and_modify(|found| *found = None)
                .or_insert(Some(index));
        }
        AuthorIndex { by_email, by_name }
    }

    /// The member an author is: by email first, then by a name only one
    /// member has. Never a guess beyond that.
    pub fn find(&self, name: &str, email: &str) -> Option<usize> {
        if let Some(&member) = self.by_email.get(&email.trim().to_lowercase()) {
            return Some(member);
        }
        let name = super::normalize_label(name);
        if name.is_empty() {
            return None;
        }
        self.by_name.get(&name).copied().flatten()
    }
}

impl Workspace {
    /// Stores a repository read: each author's work goes to the member
    /// they are, or onto the source's list of authors nobody is.
    pub fn apply_work(&mut self, read: RepositoryRead) -> WorkApplied {
        let RepositoryRead {
            mut source,
            authors,
            adds,
            shallow_edge: _,
        } = read;
        let known = self
            .evidence_sources
            .iter()
            .position(|known| known.name == source.name);
        if !adds {
            for member in &mut self.members {
                member.work.remove_source(&source.name);
            }
        }
        let index = AuthorIndex::new(&self.members);
        let mut applied = WorkApplied {
            source: source.name.clone(),
            commits: authors.iter().map(|author| u64::from(author.commits)).sum(),
            ..WorkApplied::default()
        };
        let mut unmatched: Vec<UnmatchedAuthor> = match (adds, known) {
            (true, Some(known)) => self.evidence_sources[known].unmatched.clone(),
            _ => Vec::new(),
        };
        let mut added: HashMap<usize, u32> = HashMap::new();
        for author in &authors {
            match index.find(&author.name, &author.email) {
                Some(member) => {
                    self.members[member].work.add(author, &source.name);
                    *added.entry(member).or_default() += author.commits;
                }
                None => {
                    applied.unmatched.push(UnmatchedAuthor {
                        name: author.name.clone(),
                        email: author.email.clone(),
                        commits: author.commits,
                    });
                    match unmatched
                        .iter_mut()
                        .find(|known| known.email.eq_ignore_ascii_case(&author.email))
                    {
                        Some(known) => known.commits += author.commits,
                        None => unmatched.push(UnmatchedAuthor {
                            name: author.name.clone(),
                            email: author.email.clone(),
                            commits: author.commits,
                        }),
                    }
                }
            }
        }
        unmatched.sort_by(|a, b| b.commits.cmp(&a.commits).then(a.name.cmp(&b.name)));
        source.unmatched = unmatched;
        let mut members: Vec<(usize, u32)> = added.into_iter().collect();
        members.sort_unstable();
        applied.members = members;
        applied
            .unmatched
            .sort_by_key(|author| std::cmp::Reverse(author.commits));
        match known {
            Some(known) => {
                let before = &self.evidence_sources[known];
                if adds {
                    source.commits += before.commits;
                    source.first = match (before.first, source.first) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                    source.last = before.last.max(source.last);
                }
                self.evidence_sources[known] = source;
            }
            None => self.evidence_sources.push(source),
        }
        applied
    }

    /// Removes a repository's evidence from every member; whether the
    /// workspace had it.
    pub fn remove_evidence_source(&mut self, name: &str) -> bool {
        let Some(found) = self
            .evidence_sources
            .iter()
            .position(|source| source.name.eq_ignore_ascii_case(name) || source.path == name)
        else {
            return false;
        };
        let name = self.evidence_sources.remove(found).name;
        for member in &mut self.members {
            member.work.remove_source(&name);
        }
        true
    }

    /// The source a repository at `path` is stored under: the one read
    /// from that path before, else a new name from its directory.
    pub fn evidence_source_name(&self, path: &str, directory: &str) -> String {
        if let Some(known) = self.evidence_sources.iter().find(|s| s.path == path) {
            return known.name.clone();
        }
        let base = directory.trim_end_matches(".git");
        let base = if base.is_empty() { "repository" } else { base };
        let mut name = base.to_string();
        let mut count = 2;
        while self.evidence_sources.iter().any(|s| s.name == name) {
            name = format!("{base}-{count}");
            count += 1;
        }
        name
    }
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

    #[test]
    fn authors_are_found_by_any_email_then_by_a_name_nobody_shares() {
        let mut ana = Member::new("Ana Silva");
        ana.email = Some("ana@corp.example".into());
        ana.emails = vec!["ana@home.example".into()];
        let members = vec![ana, Member::new("Sam Lee"), Member::new("Sam Lee")];
        let index = AuthorIndex::new(&members);
        assert_eq!(index.find("whoever", "ANA@home.example"), Some(0));
        assert_eq!(index.find("ana silva", "other@x.org"), Some(0));
        assert_eq!(index.find("Sam Lee", "sam@x.org"), None, "two Sam Lees");
        assert_eq!(index.find("Nobody", "nobody@x.org"), None);
    }
}
