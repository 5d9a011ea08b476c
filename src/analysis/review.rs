//! The review: where a member's own rating differs from the manager's, and
//! which of those the manager has settled (a manager rating recorded after
//! the self rating). A self rating in a cell the manager never rated always
//! waits here: it counts nowhere until accepted.

use super::scope::{MemberRef, Scope, SkillRef};
use crate::model::{Date, Level};
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
    /// What the member wrote as evidence with their rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The member wants to grow in the skill.
    pub wants_to_grow: bool,
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

/// Every self rating at least `threshold` levels from the manager's, and
/// every one in a cell the manager never rated, the latest per member and
/// skill of the members in `scope`, the widest first. A decision does not
/// move a row: the list stays still under the manager's pointer.
pub fn review_differences(scope: &Scope, threshold: u8) -> Vec<Difference> {
    let workspace = scope.workspace;
    let mut found = Vec::new();
    for &member in &scope.members {
        let record = &workspace.members[member];
        let row = workspace.history.row(member);
        let entries = row.entries();
        if entries.is_empty() {
            continue;
        }
        // One pass: per skill, the latest rating of record so far, and the
        // latest self rating with the manager's level then and the
        // decision recorded after it.
        let skills = workspace.skills.len();
        let mut of_record: Vec<Option<Option<Level>>> = vec![None; skills];
        let mut latest_self: Vec<Option<Pending>> = vec![None; skills];
        for entry in entries {
            let column = entry.skill as usize;
            if column >= skills {
                continue;
            }
            if entry.rater.sets_current() {
                of_record[column] = Some(entry.cell.level());
                if let Some(pending) = &mut latest_self[column]
                    && pending.decided.is_none()
                {
                    pending.decided = Some(entry.cell.level());
                }
            } else if entry.rater == crate::model::Rater::SelfRated
                && let Some(own) = entry.cell.level()
            {
                latest_self[column] = Some(Pending {
                    own,
                    date: entry.as_of,
                    manager_level: of_record[column].flatten(),
                    decided: None,
                    evidence: row.note_for(entry),
                });
            }
        }
        for (column, pending) in latest_self.into_iter().enumerate() {
            let Some(pending) = pending else { continue };
            let difference = Difference {
                member: scope.member_ref(member),
                team: record.team.clone(),
                skill: scope.column_ref(column),
                column,
                self_level: pending.own,
                self_date: pending.date,
                manager_level: pending.manager_level,
                decided: pending.decided,
                evidence: pending.evidence.map(str::to_string),
                wants_to_grow: workspace.cell(member, column).interest(),
            };
            if difference.manager_level.is_none() || difference.gap() >= threshold.max(1) {
                found.push(difference);
            }
        }
    }
    found.sort_by(|a, b| {
        b.gap()
            .cmp(&a.gap())
            .then_with(|| a.member.name.cmp(&b.member.name))
            .then(a.column.cmp(&b.column))
    });
    found
}

/// The latest self rating of a cell as the review reads it.
#[derive(Clone, Copy)]
struct Pending<'h> {
    own: Level,
    date: Option<Date>,
    manager_level: Option<Level>,
    decided: Option<Option<Level>>,
    evidence: Option<&'h str>,
}

/// `38 differences across 12 people, 9 decided`.
pub fn review_progress(differences: &[Difference]) -> String {
    let mut people: Vec<usize> = differences.iter().map(|d| d.member.index).collect();
    people.sort_unstable();
    people.dedup();
    let decided = differences.iter().filter(|d| d.decided.is_some()).count();
    format!(
        "{} across {}, {decided} decided",
        crate::words::count_of(differences.len(), "difference", "differences"),
        crate::words::count_of(people.len(), "person", "people")
    )
}
