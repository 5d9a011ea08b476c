//! Storing and removing work evidence, and finding the member an author
//! is: by any of their addresses, then by a name only one member has.

use super::{AuthorWork, Member, RepositoryRead, UnmatchedAuthor, WorkApplied, Workspace};
use std::collections::HashMap;

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

/// Whom a read's authors are, as storing it would find them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AuthorMatch {
    /// Per author of the read, in its order: the member they are.
    pub member_of: Vec<Option<usize>>,
    /// Each member found, with their commits, most first.
    pub members: Vec<(usize, u32)>,
    /// The authors who are no member, most commits first.
    pub unmatched: Vec<UnmatchedAuthor>,
}

impl Workspace {
    /// Finds the member each author is (`AuthorIndex`): what a read
    /// would add to whom, for storing it, the dialog and `--dry-run`.
    pub fn match_authors(&self, authors: &[AuthorWork]) -> AuthorMatch {
        let index = AuthorIndex::new(&self.members);
        let mut found = AuthorMatch::default();
        let mut commits: HashMap<usize, u32> = HashMap::new();
        for author in authors {
            let member = index.find(&author.name, &author.email);
            match member {
                Some(member) => *commits.entry(member).or_default() += author.commits,
                None => found.unmatched.push(UnmatchedAuthor {
                    name: author.name.clone(),
                    email: author.email.clone(),
                    commits: author.commits,
                }),
            }
            found.member_of.push(member);
        }
        found.members = commits.into_iter().collect();
        found
            .members
            .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        found
            .unmatched
            .sort_by(|a, b| b.commits.cmp(&a.commits).then(a.name.cmp(&b.name)));
        found
    }

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
        let found = self.match_authors(&authors);
        let mut unmatched: Vec<UnmatchedAuthor> = match (adds, known) {
            (true, Some(known)) => self.evidence_sources[known].unmatched.clone(),
            _ => Vec::new(),
        };
        for author in &found.unmatched {
            match unmatched
                .iter_mut()
                .find(|known| known.email.eq_ignore_ascii_case(&author.email))
            {
                Some(known) => known.commits += author.commits,
                None => unmatched.push(author.clone()),
            }
        }
        for (author, member) in authors.iter().zip(&found.member_of) {
            if let Some(member) = member {
                self.members[*member].work.add(author, &source.name);
            }
        }
        unmatched.sort_by(|a, b| b.commits.cmp(&a.commits).then(a.name.cmp(&b.name)));
        source.unmatched = unmatched;
        let applied = WorkApplied {
            source: source.name.clone(),
            commits: authors.iter().map(|author| u64::from(author.commits)).sum(),
            members: found.members,
            unmatched: found.unmatched,
        };
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
