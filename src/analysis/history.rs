//! Skills over time: each change of a level of record, what moved since a
//! date, a member's levels over time (the bench of every skill at every
//! round is `bench_trend.rs`), and the workspace as it stood on a date. Every walk folds the
//! record with `CellRecord`, the one rule for a level of record.

use crate::model::{Cell, CellRecord, Date, Level, MemberHistory, Rater, Workspace};
use serde::Serialize;

/// A current level that changed: an assessment that moved the cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelChange {
    pub member: usize,
    pub skill: usize,
    /// `None` for the cell's first record.
    pub from: Option<Cell>,
    pub to: Cell,
    pub as_of: Option<Date>,
    pub rater: Rater,
}

/// Which changes to list; every field narrows.
#[derive(Clone, Copy, Debug, Default)]
pub struct ChangeQuery {
    pub member: Option<usize>,
    pub skill: Option<usize>,
    /// Changes on or after this date only.
    pub since: Option<Date>,
}

/// Walks one member's record in date order and calls `emit` each time a
/// cell's level of record changes (a self rating waiting for review moves
/// nothing).
fn walk_changes(
    row: &MemberHistory,
    skills: usize,
    mut emit: impl FnMut(usize, Option<Cell>, Cell, Option<Date>, Rater),
) {
    let mut records: Vec<CellRecord> = vec![CellRecord::default(); skills];
    for entry in row.entries() {
        let skill = entry.skill as usize;
        let Some(record) = records.get_mut(skill) else {
            continue;
        };
        let before = record.cell();
        record.push(entry);
        let after = record.cell().unwrap_or(entry.cell);
        if before != Some(after) {
            emit(skill, before, after, entry.as_of, entry.rater);
        }
    }
}

/// Each skill's cell as `row` gave it on `date`, in one pass over the
/// row; `None` where nothing was recorded by then.
fn row_as_of(row: &MemberHistory, skills: usize, date: Date) -> Vec<Option<Cell>> {
    row.records(skills, Some(date))
        .iter()
        .map(CellRecord::cell)
        .collect()
}

/// Every change of a level of record the query asks for, oldest first
/// within each member.
pub fn changes(workspace: &Workspace, query: ChangeQuery) -> Vec<LevelChange> {
    let mut found = Vec::new();
    for_each_change(workspace, query, |change| {
        found.push(change);
        true
    });
    found
}

/// Calls `take` with each change the query asks for, member by member and
/// oldest first within each, holding one member's record at a time; stops
/// when `take` returns false (the reader went away).
pub fn for_each_change(
    workspace: &Workspace,
    query: ChangeQuery,
    mut take: impl FnMut(LevelChange) -> bool,
) {
    let skills = workspace.skills.len();
    let mut going = true;
    for (member, row) in workspace.history.rows() {
        if !going {
            return;
        }
        if query.member.is_some_and(|wanted| wanted != member) || member >= workspace.members.len()
        {
            continue;
        }
        walk_changes(row, skills, |skill, from, to, as_of, rater| {
            let wanted_skill = query.skill.is_none_or(|wanted| wanted == skill);
            let recent = query
                .since
                .is_none_or(|since| as_of.is_some_and(|as_of| as_of >= since));
            if going && wanted_skill && recent {
                going = take(LevelChange {
                    member,
                    skill,
                    from,
                    to,
                    as_of,
                    rater,
                });
            }
        });
    }
}

/// Up or down between two levels, or a first rating (not a move).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    Up,
    Down,
    New,
}

/// The cells whose level of record differs now from what it was on
/// `date`: moves up and down, and first ratings counted apart (a first
/// rating is not a move).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChangedSince {
    pub date: Option<Date>,
    /// (member, skill, movement), by member then skill.
    pub cells: Vec<(usize, usize, Movement)>,
    pub up: usize,
    pub down: usize,
    /// Cells rated for the first time since the date.
    pub newly_rated: usize,
    /// The members with any of these, sorted.
    pub members: Vec<usize>,
}

impl ChangedSince {
    /// The movement of one cell, by binary search: for every drawn cell.
    pub fn movement(&self, member: usize, skill: usize) -> Option<Movement> {
        self.cells
            .binary_search_by(|(m, s, _)| (*m, *s).cmp(&(member, skill)))
            .ok()
            .map(|index| self.cells[index].2)
    }

    pub fn changed(&self, member: usize) -> bool {
        self.members.binary_search(&member).is_ok()
    }

    /// `12 newly rated, 3 up, 1 down`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if self.newly_rated > 0 {
            parts.push(format!("{} newly rated", self.newly_rated));
        }
        parts.push(format!("{} up", self.up));
        parts.push(format!("{} down", self.down));
        parts.join(", ")
    }
}

/// What moved since `date` among the members of `scope`, by the record.
pub fn changed_since(scope: &super::Scope, date: Date) -> ChangedSince {
    let workspace = scope.workspace;
    let mut result = ChangedSince {
        date: Some(date),
        ..ChangedSince::default()
    };
    let skills = workspace.skills.len();
    for &member in &scope.members {
        let row = workspace.history.row(member);
        let last = row.entries().last().and_then(|entry| entry.as_of);
        if last.is_none_or(|last| last <= date) {
            continue;
        }
        let then = row_as_of(row, skills, date);
        let now = scope.row(member);
        let mut moved = false;
        for column in 0..skills {
            let before = then[column].and_then(Cell::level);
            let after = now[column].level();
            let movement = match (before, after) {
                (Some(before), Some(after)) if after > before => Movement::Up,
                (Some(before), Some(after)) if after < before => Movement::Down,
                (None, Some(_)) => Movement::New,
                _ => continue,
            };
            match movement {
                Movement::Up => result.up += 1,
                Movement::Down => result.down += 1,
                Movement::New => result.newly_rated += 1,
            }
            moved = true;
            result.cells.push((member, column, movement));
        }
        if moved {
            result.members.push(member);
        }
    }
    result
}

/// One skill's levels over time for one member, for a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct SkillSeries {
    pub skill: usize,
    /// Each change: the date and the new level (`None`: not assessed).
    pub points: Vec<(Date, Option<Level>)>,
}

/// A member's skills over time: the skills whose level changed on a
/// dated rating, each with its steps.
pub fn member_timeline(workspace: &Workspace, member: usize) -> Vec<SkillSeries> {
    let mut series: Vec<SkillSeries> = Vec::new();
    let query = ChangeQuery {
        member: Some(member),
        ..ChangeQuery::default()
    };
    let all = changes(workspace, query);
    let first_date = all.iter().filter_map(|change| change.as_of).min();
    for change in all {
        // An undated level is drawn from the first round on.
        let Some(date) = change.as_of.or(first_date) else {
            continue;
        };
        let point = (date, change.to.level());
        match series.iter_mut().find(|line| line.skill == change.skill) {
            Some(line) => line.points.push(point),
            None => series.push(SkillSeries {
                skill: change.skill,
                points: vec![point],
            }),
        }
    }
    series.sort_by_key(|line| line.skill);
    series
}

/// The workspace as it stood on `date`: each cell as its record gave it
/// then, the assessments given by then, each member's details of that
/// day, targets set and certificates issued by then, a leave not yet taken
/// undone, and without the members who had not arrived (joined later, or
/// every rating came later). The report of it on `date` is the report as
/// of `date`.
pub fn workspace_as_of(workspace: &Workspace, date: Date) -> Workspace {
    let mut then = workspace.clone();
    for member in &mut then.members {
        *member = member.as_of(date);
        member.development = member.development.as_of(date);
    }
    let skills = workspace.skills.len();
    let mut departures = Vec::new();
    let mut scratch = crate::model::RecordScratch::default();
    for member in 0..workspace.members.len() {
        let row = workspace.history.row(member);
        // Not there yet: joined later. A leaver stays in the workspace of
        // the day (`Scope` leaves them out).
        let arrived = workspace.members[member]
            .joined
            .is_none_or(|joined| joined <= date);
        if !arrived {
            departures.push(member);
            continue;
        }
        if row.is_empty() {
            continue;
        }
        let target = then.levels.row_mut(member);
        row.each_record(skills, Some(date), &mut scratch, |skill, record| {
            target[skill] = record.cell().unwrap_or(Cell::NOT_ASSESSED);
        });
        // What was not said yet is not part of the workspace then.
        let kept: Vec<crate::model::Assessment> = row
            .entries()
            .iter()
            .filter(|entry| entry.as_of.is_none_or(|as_of| as_of <= date))
            .copied()
            .collect();
        let notes: Vec<crate::model::Note> = row
            .notes()
            .iter()
            .filter(|note| note.as_of.is_none_or(|as_of| as_of <= date))
            .cloned()
            .collect();
        then.history.set_row(
            member,
            std::sync::Arc::new(MemberHistory::from_parts(kept, notes)),
        );
    }
    // By row, not by name: two people may share one.
    super::scenario::remove_members(&mut then, &departures);
    then
}

/// When a cell was last rated, and whether that is longer ago than the
/// workspace's stale limit.
pub fn stale_before(today: Date, months: u32) -> Date {
    today
        .checked_sub(jiff::Span::new().months(i64::from(months)))
        .unwrap_or(today)
}

/// The cells of `scope`'s members whose level of record was last rated
/// before `cutoff`: (member, skill), sorted.
pub fn stale_cells(scope: &super::Scope, cutoff: Date) -> Vec<(usize, usize)> {
    let workspace = scope.workspace;
    let mut stale = Vec::new();
    let mut last: Vec<Option<Date>> = vec![None; workspace.skills.len()];
    for &member in &scope.members {
        let row = workspace.history.row(member);
        // Rated since the cutoff throughout (rows are in date order,
        // undated first): nothing of theirs is stale.
        let entries = row.entries();
        let first_dated = entries.partition_point(|entry| entry.as_of.is_none());
        if entries
            .get(first_dated)
            .is_none_or(|entry| entry.as_of.is_some_and(|as_of| as_of >= cutoff))
        {
            continue;
        }
        last.iter_mut().for_each(|slot| *slot = None);
        for entry in row.entries() {
            if !entry.rater.sets_current() {
                continue;
            }
            if let (Some(slot), Some(as_of)) = (last.get_mut(entry.skill as usize), entry.as_of) {
                *slot = Some(as_of);
            }
        }
        for (skill, last) in last.iter().enumerate() {
            if last.is_some_and(|last| last < cutoff) && scope.level(member, skill).is_some() {
                stale.push((member, skill));
            }
        }
    }
    stale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::bench_trend;
    use crate::model::{Assessment, Member, Skill, SkillId, SkillKind};

    fn date(text: &str) -> Date {
        text.parse().expect("a test date")
    }

    fn rate(workspace: &mut Workspace, member: usize, when: &str, level: Level, rater: Rater) {
        let assessment = Assessment {
            skill: 0,
            as_of: Some(date(when)),
            cell: Cell::assessed(level),
            rater,
        };
        workspace.record_assessment(member, assessment, None);
    }

    fn two_people() -> Workspace {
        let mut workspace = Workspace::default();
        workspace.push_skill(Skill::custom(
            SkillId::new("k8s"),
            "Kubernetes",
            SkillKind::Hard,
        ));
        workspace.push_member(Member::new("Ana"));
        workspace.push_member(Member::new("Ben"));
        rate(
            &mut workspace,
            0,
            "2026-03-31",
            Level::WORKING,
            Rater::Import,
        );
        rate(
            &mut workspace,
            1,
            "2026-03-31",
            Level::EXPERT,
            Rater::Import,
        );
        rate(
            &mut workspace,
            0,
            "2026-06-30",
            Level::PROFICIENT,
            Rater::Import,
        );
        rate(
            &mut workspace,
            1,
            "2026-06-30",
            Level::EXPERT,
            Rater::SelfRated,
        );
        rate(
            &mut workspace,
            1,
            "2026-09-30",
            Level::WORKING,
            Rater::Manager,
        );
        workspace
    }

    #[test]
    fn changes_list_only_moves_of_the_current_level() {
        let workspace = two_people();
        let all = changes(&workspace, ChangeQuery::default());
        // Ana: first rating, then up. Ben: first rating, then down; his
        // self-rating at the same level moved nothing.
        assert_eq!(all.len(), 4);
        let since = ChangeQuery {
            since: Some(date("2026-06-01")),
            ..ChangeQuery::default()
        };
        let recent = changes(&workspace, since);
        assert_eq!(recent.len(), 2);
        assert_eq!(recent[1].from, Some(Cell::assessed(Level::EXPERT)));
        assert_eq!(recent[1].rater, Rater::Manager);
    }

    #[test]
    fn the_bench_at_each_round_and_the_skills_whose_bench_fell() {
        let trend = bench_trend(&two_people(), None);
        assert_eq!(trend.dates, ["2026-03-31", "2026-06-30", "2026-09-30"]);
        assert_eq!(trend.leaders[0], vec![1, 2, 1]);
        assert_eq!(trend.fell, vec![0]);
    }

    #[test]
    fn what_moved_since_a_date_up_and_down() {
        let workspace = two_people();
        let moved = changed_since(&super::super::Scope::today(&workspace), date("2026-03-31"));
        assert_eq!((moved.up, moved.down), (1, 1));
        assert_eq!(moved.movement(0, 0), Some(Movement::Up));
        assert_eq!(moved.movement(1, 0), Some(Movement::Down));
    }

    #[test]
    fn the_organisation_as_it_stood() {
        let mut workspace = two_people();
        let mut joining = Member::new("Cleo");
        joining.joined = Some(date("2026-09-30"));
        let cleo = workspace.push_member(joining);
        rate(
            &mut workspace,
            cleo,
            "2026-09-30",
            Level::AWARENESS,
            Rater::Import,
        );
        let june = workspace_as_of(&workspace, date("2026-06-30"));
        assert_eq!(june.members.len(), 2, "Cleo arrived later");
        assert_eq!(june.cell(1, 0), Cell::assessed(Level::EXPERT));
        assert_eq!(june.cell(0, 0), Cell::assessed(Level::PROFICIENT));
    }

    #[test]
    fn a_cell_rated_long_ago_is_stale() {
        let workspace = two_people();
        let cutoff = stale_before(date("2027-08-01"), 12);
        assert_eq!(cutoff, date("2026-08-01"));
        let scope = super::super::Scope::today(&workspace);
        assert_eq!(stale_cells(&scope, cutoff), vec![(0, 0)]);
    }
}
