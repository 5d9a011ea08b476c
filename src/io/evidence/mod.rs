//! Reading a repository's history into work evidence, with gix: each
//! commit's author (through `.mailmap`), day and the files it changed
//! against its first parent, mapped to skills by `PathMap`. Only counts
//! per author, skill and month are kept; the walk holds one commit's
//! changes at a time, so memory does not grow with the history.

mod paths;

pub use paths::{PathMap, PathRule, area_of};

use crate::model::{
    AuthorWork, Date, EvidenceSource, RepositoryRead, SkillId, WorkArea, WorkMonth,
};
use gix::bstr::{BStr, ByteSlice};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a read is asked for.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// The source's name in the workspace.
    pub name: String,
    /// Only commits from this day on.
    pub since: Option<Date>,
    pub map: PathMap,
    /// The YAML file `map` came from, when not the built-in one.
    pub map_file: Option<String>,
    /// What an earlier read of the same repository stored: only newer
    /// commits are read when its tips are still in the history and it was
    /// read the same way.
    pub known: Option<EvidenceSource>,
    /// The day of the read.
    pub today: Date,
}

#[derive(Debug, thiserror::Error)]
pub enum EvidenceError {
    #[error(
        "{path}: not a git repository (no .git folder and not a bare repository); expected \
         the folder a `git clone` made, or a bare `.git` folder"
    )]
    NotARepository { path: PathBuf },
    #[error("{path}: the repository has no commits yet")]
    NoCommits { path: PathBuf },
    #[error("{path}: the history could not be read: {message}")]
    Damaged { path: PathBuf, message: String },
}

/// One commit to diff: what the walk found, for a worker.
struct Job {
    tree: gix::ObjectId,
    parent: Option<gix::ObjectId>,
    /// The parent's tree, when the walk met the parent before the batch
    /// left (it mostly does: a parent comes right after its child).
    parent_tree: Option<gix::ObjectId>,
    author: usize,
    day: Date,
}

/// Commits handed to a worker at once: neighbours in the history share
/// trees and blobs, so a worker's caches stay warm within a batch.
const BATCH: usize = 128;
/// Batches waiting for a worker: memory stays bounded however long the
/// history.
const QUEUED: usize = 8;

/// One author's counts while the workers run: per (skill, month) commits,
/// lines and the last day; per (skill, folder, month) commits and the
/// last day.
#[derive(Default)]
struct Tally {
    commits: u32,
    months: HashMap<(usize, Date), (u32, u64, Date)>,
    areas: HashMap<(usize, String, Date), (u32, Date)>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.commits += other.commits;
        for (key, (commits, lines, last)) in other.months {
            let entry = self.months.entry(key).or_insert((0, 0, last));
            entry.0 += commits;
            entry.1 += lines;
            entry.2 = entry.2.max(last);
        }
        for (key, (commits, last)) in other.areas {
            let entry = self.areas.entry(key).or_insert((0, last));
            entry.0 += commits;
            entry.1 = entry.1.max(last);
        }
    }
}

/// Reads the history of the repository at `path` (a work tree or a bare
/// repository) reachable from `HEAD`. The walk runs here; the diffs, where
/// the time goes, on a worker per core.
pub fn read_repository(
    path: &Path,
    options: &ReadOptions,
) -> Result<RepositoryRead, EvidenceError> {
    let damaged = |error: &dyn std::fmt::Display| EvidenceError::Damaged {
        path: path.to_path_buf(),
        message: error.to_string(),
    };
    let mut repo = gix::open(path).map_err(|_| EvidenceError::NotARepository {
        path: path.to_path_buf(),
    })?;
    with_caches(&mut repo);
    let head = match repo.head_id() {
        Ok(id) => id.detach(),
        Err(_) => {
            return Err(EvidenceError::NoCommits {
                path: path.to_path_buf(),
            });
        }
    };
    // Read again from the start when the history was rewritten under the
    // known tips, or the read is asked differently.
    let hidden: Vec<gix::ObjectId> = options
        .known
        .as_ref()
        .filter(|known| known.since == options.since && known.map == options.map_file)
        .map(|known| {
            known
                .tips
                .iter()
                .filter_map(|tip| gix::ObjectId::from_hex(tip.as_bytes()).ok())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let adds = !hidden.is_empty() && hidden.iter().all(|id| repo.has_object(id));
    let hidden = if adds { hidden } else { Vec::new() };
    let shallow: HashSet<gix::ObjectId> = repo
        .shallow_commits()
        .map_err(|error| damaged(&error))?
        .map(|commits| commits.iter().copied().collect())
        .unwrap_or_default();
    let mailmap = repo.open_mailmap();
    let skills = options.map.skills();
    let skill_of_rule: Vec<usize> = options
        .map
        .rules
        .iter()
        .map(|rule| {
            skills
                .iter()
                .position(|skill| *skill == rule.skill)
                .expect("every rule's skill is listed")
        })
        .collect();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Job>>(QUEUED);
    let receiver = std::sync::Mutex::new(receiver);
    let failed = std::sync::atomic::AtomicBool::new(false);
    let mut authors: Vec<(String, String)> = Vec::new();
    let mut by_email: HashMap<String, usize> = HashMap::new();
    let mut first: Option<Date> = None;
    let mut last: Option<Date> = None;
    let mut shallow_edge = 0u32;
    let (walked, tallies) = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (receiver, failed) = (&receiver, &failed);
                let (map, skill_of_rule) = (&options.map, &skill_of_rule);
                scope.spawn(move || {
                    let result = diff_worker(path, receiver, map, skill_of_rule);
                    if result.is_err() {
                        // Stop the walk, and take what it already queued so
                        // it is never left waiting on a full queue.
                        failed.store(true, std::sync::atomic::Ordering::Relaxed);
                        while receiver.lock().is_ok_and(|batches| batches.recv().is_ok()) {}
                    }
                    result
                })
            })
            .collect();
        let walked = (|| -> Result<(), EvidenceError> {
            let walk = repo
                .rev_walk([head])
                .with_hidden(hidden)
                .all()
                .map_err(|error| damaged(&error))?;
            let mut batch: Vec<Job> = Vec::with_capacity(BATCH);
            // Jobs of this batch waiting for their parent's tree, by parent.
            let mut waiting: HashMap<gix::ObjectId, Vec<usize>> = HashMap::new();
            for info in walk {
                let info = info.map_err(|error| damaged(&error))?;
                let commit = info.object().map_err(|error| damaged(&error))?;
                if let Some(children) = waiting.remove(&info.id) {
                    let tree = commit.tree_id().map_err(|error| damaged(&error))?.detach();
                    for child in children {
                        batch[child].parent_tree = Some(tree);
                    }
                }
                if info.parent_ids.len() > 1 {
                    continue; // a merge's changes are its parents' work
                }
                let author = commit.author().map_err(|error| damaged(&error))?;
                let author = mailmap.resolve(author);
                let day = civil_day(author.time.seconds + i64::from(author.time.offset));
                if options.since.is_some_and(|since| day < since) {
                    continue;
                }
                if shallow.contains(&info.id) {
                    shallow_edge += 1;
                    continue;
                }
                first = Some(first.map_or(day, |first: Date| first.min(day)));
                last = Some(last.map_or(day, |last: Date| last.max(day)));
                let email = author.email.to_str_lossy().trim().to_lowercase();
                let index = *by_email.entry(email.clone()).or_insert_with(|| {
                    authors.push((author.name.to_str_lossy().trim().to_string(), email));
                    authors.len() - 1
                });
                let parent = info.parent_ids.first().copied();
                if let Some(parent) = parent {
                    waiting.entry(parent).or_default().push(batch.len());
                }
                batch.push(Job {
                    tree: commit.tree_id().map_err(|error| damaged(&error))?.detach(),
                    parent,
                    parent_tree: None,
                    author: index,
                    day,
                });
                if batch.len() == BATCH {
                    waiting.clear();
                    if failed.load(std::sync::atomic::Ordering::Relaxed) {
                        break; // a worker failed; its error is reported below
                    }
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    let _ = sender.send(full);
                }
            }
            if !batch.is_empty() {
                let _ = sender.send(batch);
            }
            Ok(())
        })();
        drop(sender);
        let tallies: Vec<Result<HashMap<usize, Tally>, String>> = handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect();
        (walked, tallies)
    });
    walked?;
    let mut merged: HashMap<usize, Tally> = HashMap::new();
    for tally in tallies {
        for (author, tally) in tally.map_err(|message| damaged(&message))? {
            merged.entry(author).or_default().merge(tally);
        }
    }
    let skill_id = |skill: usize| -> SkillId { skills[skill].clone() };
    let mut merged: Vec<(usize, Tally)> = merged.into_iter().collect();
    merged.sort_unstable_by_key(|(author, _)| *author);
    let authors: Vec<AuthorWork> = merged
        .into_iter()
        .map(|(author, tally)| AuthorWork {
            name: authors[author].0.clone(),
            email: authors[author].1.clone(),
            commits: tally.commits,
            months: tally
                .months
                .into_iter()
                .map(|((skill, month), (commits, lines, last))| WorkMonth {
                    source: String::new(),
                    skill: skill_id(skill),
                    month,
                    commits,
                    lines,
                    last,
                })
                .collect(),
            areas: tally
                .areas
                .into_iter()
                .map(|((skill, area, month), (commits, last))| WorkArea {
                    source: String::new(),
                    skill: skill_id(skill),
                    area,
                    month,
                    commits,
                    last,
                })
                .collect(),
        })
        .collect();
    let commits = authors.iter().map(|author| u64::from(author.commits)).sum();
    Ok(RepositoryRead {
        source: EvidenceSource {
            name: options.name.clone(),
            path: path.display().to_string(),
            read_on: options.today,
            tips: vec![head.to_string()],
            commits,
            first,
            last,
            since: options.since,
            map: options.map_file.clone(),
            skills,
            unmatched: Vec::new(),
        },
        authors,
        adds,
        shallow_edge,
    })
}

/// Without caches every tree and blob along a delta chain is inflated
/// again for each commit: a delta-base cache (git keeps 96 MB; each of a
/// few workers keeps a third of that), and a cache of whole objects (the
/// next commit meets the same trees).
fn with_caches(repo: &mut gix::Repository) {
    repo.objects.set_pack_cache(|| {
        Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(
            32 * 1024 * 1024,
        ))
    });
    repo.object_cache_size_if_unset(8 * 1024 * 1024);
}

/// Diffs each commit of the batches it is handed against its first parent
/// and counts, per author, what the changed files are evidence of. Each
/// worker opens the repository for itself (gix built without its thread
/// support, which would add crates, shares nothing between threads).
fn diff_worker(
    path: &Path,
    batches: &std::sync::Mutex<std::sync::mpsc::Receiver<Vec<Job>>>,
    map: &PathMap,
    skill_of_rule: &[usize],
) -> Result<HashMap<usize, Tally>, String> {
    let mut repo = gix::open(path).map_err(|error| error.to_string())?;
    with_caches(&mut repo);
    // One cache for the tree diff (unused with rewrites off, but asked
    // for), one for the line counts inside it.
    let mut tree_cache = repo
        .diff_resource_cache_for_tree_diff()
        .map_err(|error| error.to_string())?;
    let mut cache = repo
        .diff_resource_cache_for_tree_diff()
        .map_err(|error| error.to_string())?;
    let empty_tree = repo.empty_tree();
    let mut tallies: HashMap<usize, Tally> = HashMap::new();
    let mut found = Vec::new();
    let mut touched: Vec<(usize, u64, String)> = Vec::new();
    loop {
        let batch = match batches.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return Err("another reader failed".to_string()),
        };
        let Ok(batch) = batch else {
            return Ok(tallies); // the walk is done
        };
        for job in batch {
            let tree = repo
                .find_tree(job.tree)
                .map_err(|error| error.to_string())?;
            let parent_tree = match (job.parent_tree, job.parent) {
                (Some(tree), _) => repo.find_tree(tree).map_err(|error| error.to_string())?,
                (None, Some(parent)) => repo
                    .find_commit(parent)
                    .and_then(|parent| parent.tree())
                    .map_err(|error| error.to_string())?,
                (None, None) => empty_tree.clone(),
            };
            touched.clear();
            let mut changes = parent_tree.changes().map_err(|error| error.to_string())?;
            changes.options(|options| {
                options.track_path().track_rewrites(None);
            });
            changes
                .for_each_to_obtain_tree_with_cache(&tree, &mut tree_cache, |change| {
                    if !change.entry_mode().is_blob() {
                        return Ok(std::ops::ControlFlow::Continue(()));
                    }
                    let location: &BStr = change.location();
                    let id = change.id();
                    map.skills_of(
                        location,
                        || id.object().ok().map(|object| object.data.clone()),
                        &mut found,
                    );
                    if !found.is_empty() {
                        let lines = change
                            .diff(&mut cache)
                            .ok()
                            .and_then(|mut diff| diff.line_counts().ok().flatten())
                            .map_or(0, |counts| {
                                u64::from(counts.insertions) + u64::from(counts.removals)
                            });
                        let area = area_of(location);
                        for &rule in &found {
                            touched.push((skill_of_rule[rule], lines, area.clone()));
                        }
                    }
                    cache.clear_resource_cache_keep_allocation();
                    Ok(std::ops::ControlFlow::Continue(()))
                })
                .map_err(|error| error.to_string())?;
            count(tallies.entry(job.author).or_default(), &job, &mut touched);
        }
    }
}

/// Adds one commit to its author's tally: once per skill it touched, and
/// once per skill's folder.
fn count(tally: &mut Tally, job: &Job, touched: &mut [(usize, u64, String)]) {
    tally.commits += 1;
    let (day, month) = (job.day, job.day.first_of_month());
    touched.sort_unstable_by(|a, b| (a.0, &a.2).cmp(&(b.0, &b.2)));
    let mut skills_seen: Vec<usize> = Vec::new();
    let mut areas_seen: Vec<(usize, &str)> = Vec::new();
    for (skill, lines, area) in touched.iter() {
        let entry = tally.months.entry((*skill, month)).or_insert((0, 0, day));
        if !skills_seen.contains(skill) {
            skills_seen.push(*skill);
            entry.0 += 1;
        }
        entry.1 += lines;
        entry.2 = entry.2.max(day);
        if !areas_seen.contains(&(*skill, area.as_str())) {
            areas_seen.push((*skill, area.as_str()));
            let entry = tally
                .areas
                .entry((*skill, area.clone(), month))
                .or_insert((0, day));
            entry.0 += 1;
            entry.1 = entry.1.max(day);
        }
    }
}

/// How a repository at `path` is read into `workspace`: under the name it
/// was read under before (or a new one), newer commits only where that
/// holds, with `map_file`, else the map it was read with, else the
/// built-in one.
pub fn read_options(
    workspace: &crate::model::Workspace,
    path: &Path,
    since: Option<Date>,
    map_file: Option<&Path>,
    today: Date,
) -> Result<(PathBuf, ReadOptions), String> {
    let path = path
        .canonicalize()
        .map_err(|error| format!("{}: {error}", path.display()))?;
    let key = path.display().to_string();
    let directory = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let directory = if directory == ".git" {
        path.parent()
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or(directory)
    } else {
        directory
    };
    let name = workspace.evidence_source_name(&key, &directory);
    // Authors listed as no member who now answer to one (an address was
    // added since) have commits before the tips: read everything again.
    let index = crate::model::AuthorIndex::new(&workspace.members);
    let known = workspace
        .evidence_sources
        .iter()
        .find(|source| source.name == name)
        .filter(|source| {
            !source
                .unmatched
                .iter()
                .any(|author| index.find(&author.name, &author.email).is_some())
        })
        .cloned();
    let map_file: Option<PathBuf> = match map_file {
        Some(file) => Some(
            file.canonicalize()
                .map_err(|error| format!("{}: {error}", file.display()))?,
        ),
        None => known
            .as_ref()
            .and_then(|known| known.map.as_ref())
            .map(PathBuf::from),
    };
    let map = match &map_file {
        Some(file) => PathMap::read(file, &workspace.skills)?,
        None => PathMap::built_in(),
    };
    Ok((
        path,
        ReadOptions {
            name,
            since,
            map,
            map_file: map_file.map(|file| file.display().to_string()),
            known,
            today,
        },
    ))
}

/// The calendar day of a moment, in the author's own offset.
fn civil_day(seconds: i64) -> Date {
    let days = seconds.div_euclid(86_400);
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().days(days))
        .unwrap_or(jiff::civil::date(1970, 1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_counted_from_the_epoch_in_the_authors_offset() {
        assert_eq!(civil_day(0), jiff::civil::date(1970, 1, 1));
        // 2026-11-30 23:30 UTC is already December 1st at +01:00.
        let late = 1_796_081_400;
        assert_eq!(civil_day(late), jiff::civil::date(2026, 11, 30));
        assert_eq!(civil_day(late + 3600), jiff::civil::date(2026, 12, 1));
    }
}
