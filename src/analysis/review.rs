//! The review: where a member's own rating differs from the manager's, and
//! which of those the manager has settled (a manager rating recorded after
//! the self rating).

use super::scope::{MemberRef, SkillRef};
use crate::model::{Date, Level, Workspace};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    pub member: MemberRef,
    pub team: Option<String>,
    pub skill: SkillRef,
    /// The skill's matrix column.
    pub column: usize,
    pub self_level: Level,
    #[serde(serialize_with = "date_text")]
    pub self_date: Option<Date>,
    /// The manager's level when the member rated themselves (none: not
    /// assessed).
    pub manager_level: Option<Level>,
    /// The manager's decision, once made: the level they recorded after.
    pub decided: Option<Option<Level>>,
}

fn date_text<S: serde::Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => serializer.serialize_str(&date.to_string()),
        None => serializer.serialize_none(),
    }
}

impl Difference {
    /// How far apart the two ratings are; a skill the manager never
    /// assessed counts as the self level.
    pub fn gap(&self) -> u8 {
        let own = self.self_level.get();
        self.manager_level
            .map_or(own, |manager| own.abs_diff(manager.get()))
    }
}

/// Every self rating at least `threshold` levels from the manager's, the
/// latest per member and skill, undecided first, then the widest.
pub fn review_differences(workspace: &Workspace, threshold: u8) -> Vec<Difference> {
    let mut found = Vec::new();
    for (member, record) in workspace.members.iter().enumerate() {
        let entries = workspace.history.row(member).entries();
        for column in 0..workspace.skills.len() {
            let skill = column as u32;
            let Some((at, own)) = entries
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, entry)| {
                    entry.skill == skill && entry.rater == crate::model::Rater::SelfRated
                })
                .find_map(|(at, entry)| entry.cell.level().map(|level| (at, level)))
            else {
                continue;
            };
            let decision = entries
                .iter()
                .enumerate()
                .skip(at + 1)
                .find(|(_, entry)| entry.skill == skill && entry.rater.sets_current());
            let before = decision.map_or(entries.len(), |(index, _)| index);
            let manager_level = match decision {
                None => workspace.cell(member, column).level(),
                Some(_) => entries[..before]
                    .iter()
                    .rev()
                    .find(|entry| entry.skill == skill && entry.rater.sets_current())
                    .and_then(|entry| entry.cell.level()),
            };
            let difference = Difference {
                member: MemberRef {
                    index: member,
                    name: record.name.as_str().into(),
                    email: record.email.as_deref().map(std::sync::Arc::from),
                },
                team: record.team.clone(),
                skill: SkillRef::of(&workspace.skills[column]),
                column,
                self_level: own,
                self_date: entries[at].as_of,
                manager_level,
                decided: decision.map(|(_, entry)| entry.cell.level()),
            };
            if difference.gap() >= threshold.max(1) {
                found.push(difference);
            }
        }
    }
    found.sort_by(|a, b| {
        a.decided
            .is_some()
            .cmp(&b.decided.is_some())
            .then(b.gap().cmp(&a.gap()))
            .then_with(|| a.member.name.cmp(&b.member.name))
    });
    found
}

/// `38 differences across 12 people, 9 decided`.
pub fn review_progress(differences: &[Difference]) -> String {
    let mut people: Vec<usize> = differences.iter().map(|d| d.member.index).collect();
    people.sort_unstable();
    people.dedup();
    let decided = differences.iter().filter(|d| d.decided.is_some()).count();
    format!(
        "{} across {}, {decided} decided",
        crate::io::count_of(differences.len(), "difference", "differences"),
        crate::io::count_of(people.len(), "person", "people")
    )
}
