//! The levels of record on a date: the one place that says what level a
//! member holds in a skill on a day, and what it rests on. A cell's rating
//! of record comes from its history (`CellRecord`); a level whose only
//! evidence is a certificate that lapsed is not held from the day after
//! it expired, until someone rates the cell again. Every count reads this.

use super::{Cell, Date, Level, LevelMatrix, Rater, RecordScratch, Workspace};
use std::borrow::Cow;

/// What a cell's level of record rests on, for a tooltip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Nothing recorded.
    Nothing,
    /// A level a file gave without a date.
    Undated,
    /// A manager's or an import's rating on this date.
    Rated { rater: Rater, on: Date },
    /// The level rests on certificates that have all lapsed.
    Lapsed { since: Date },
}

/// Every member's levels of record on one date.
#[derive(Clone, Debug)]
pub struct Record<'w> {
    pub date: Date,
    levels: Cow<'w, LevelMatrix>,
    /// Cells whose level rests only on lapsed certificates, sorted: not
    /// held on `date` (their cells in `levels` read as not assessed).
    lapsed: Vec<(usize, usize)>,
}

impl<'w> Record<'w> {
    pub fn cell(&self, member: usize, column: usize) -> Cell {
        self.levels.get(member, column)
    }

    pub fn row(&self, member: usize) -> &[Cell] {
        self.levels.row(member)
    }

    pub fn levels(&self) -> &LevelMatrix {
        &self.levels
    }

    pub fn lapsed(&self) -> &[(usize, usize)] {
        &self.lapsed
    }

    pub fn is_lapsed(&self, member: usize, column: usize) -> bool {
        self.lapsed.binary_search(&(member, column)).is_ok()
    }
}

impl Workspace {
    /// The levels of record on `date`: what the ratings of record known by
    /// then give, less the levels whose evidence had lapsed. Borrows the
    /// matrix when nothing differs from it.
    pub fn record_on(&self, date: Date) -> Record<'_> {
        let skills = self.skills.len();
        let mut levels = Cow::Borrowed(&self.levels);
        let mut scratch = RecordScratch::default();
        // Rows rated after `date` stand as their record gave them then.
        for (member, row) in self.history.rows() {
            if member >= self.members.len() {
                continue;
            }
            let last = row.entries().last().and_then(|entry| entry.as_of);
            if last.is_none_or(|last| last <= date) {
                continue;
            }
            let target = levels.to_mut().row_mut(member);
            row.each_record(skills, Some(date), &mut scratch, |column, then| {
                target[column] = then.cell().unwrap_or(Cell::NOT_ASSESSED);
            });
        }
        let mut lapsed = Vec::new();
        for member in 0..self.members.len() {
            for column in self.lapsing_cells(member, &levels) {
                let level = levels.get(member, column).level();
                if level
                    .and_then(|level| self.lapse_date(member, column, level, date))
                    .is_some_and(|lapse| lapse <= date)
                {
                    lapsed.push((member, column));
                }
            }
        }
        lapsed.sort_unstable();
        lapsed.dedup();
        if !lapsed.is_empty() {
            let matrix = levels.to_mut();
            for &(member, column) in &lapsed {
                let cell = matrix.get(member, column);
                matrix.set(member, column, cell.with_level(None));
            }
        }
        Record {
            date,
            levels,
            lapsed,
        }
    }

    /// The held cells of `member` that a certificate vouches for.
    fn lapsing_cells(&self, member: usize, levels: &LevelMatrix) -> Vec<usize> {
        let hold = self.settings.hold_level;
        let mut columns: Vec<usize> = self.members[member]
            .development
            .certifications
            .iter()
            .filter_map(|certificate| certificate.skill.as_ref())
            .filter_map(|skill| self.skill_index(skill))
            .filter(|&column| levels.get(member, column).at_least(hold))
            .collect();
        columns.sort_unstable();
        columns.dedup();
        columns
    }

    /// The first day the held level of a cell is no longer held because
    /// every certificate issued by `date` that vouches for it has lapsed
    /// (the day after the last expiry) and no rating of record came after;
    /// `None` while some evidence never lapses, or there is none.
    fn lapse_date(&self, member: usize, column: usize, level: Level, date: Date) -> Option<Date> {
        // Only a held level can stop being held.
        if level < self.settings.hold_level {
            return None;
        }
        let skill = &self.skills[column].id;
        let mut last_expiry: Option<Date> = None;
        for certificate in &self.members[member].development.certifications {
            if !certificate.issued_by(date) || !certificate.evidences(skill, level) {
                continue;
            }
            // Evidence that never lapses: the level never does.
            let expires = certificate.expires?;
            last_expiry = Some(last_expiry.map_or(expires, |known| known.max(expires)));
        }
        let last_expiry = last_expiry?;
        let rated_after = self
            .history
            .row(member)
            .of_skill(column as u32)
            .filter(|entry| entry.rater.sets_current())
            .filter_map(|entry| entry.as_of)
            .any(|on| on > last_expiry && on <= date);
        if rated_after {
            return None;
        }
        last_expiry.tomorrow().ok()
    }

    /// When a held cell stops being held through lapsed evidence, judged
    /// with what is known on `date`: for looking ahead week by week.
    pub fn lapses_on(&self, member: usize, column: usize, date: Date) -> Option<Date> {
        let level = self.levels.get(member, column).level()?;
        self.lapse_date(member, column, level, date)
    }

    /// Whether a held `level` of a cell rests only on certificates that had
    /// lapsed by `date` (with no rating of record since).
    pub fn lapsed_on(&self, member: usize, column: usize, level: Level, date: Date) -> bool {
        self.lapse_date(member, column, level, date)
            .is_some_and(|lapse| lapse <= date)
    }

    /// Every level one member holds on `date`, by the same rule as
    /// `record_on`, in one pass over their record.
    pub fn row_on(&self, member: usize, date: Date) -> Vec<Option<Level>> {
        let skills = self.skills.len();
        let row = self.history.row(member);
        let then = row.records(skills, Some(date));
        let ever = row.records(skills, None);
        let mut levels: Vec<Option<Level>> = (0..skills)
            .map(|column| {
                if ever[column].is_recorded() {
                    then[column].cell().and_then(Cell::level)
                } else {
                    self.levels.get(member, column).level()
                }
            })
            .collect();
        for certificate in &self.members[member].development.certifications {
            let Some(column) = certificate
                .skill
                .as_ref()
                .and_then(|id| self.skill_index(id))
            else {
                continue;
            };
            if let Some(level) = levels[column]
                && self
                    .lapse_date(member, column, level, date)
                    .is_some_and(|lapse| lapse <= date)
            {
                levels[column] = None;
            }
        }
        levels
    }

    /// The level one member holds in one skill on `date`, by the same rule
    /// as `record_on` (for a walk over a few members and dates).
    pub fn level_on(&self, member: usize, column: usize, date: Date) -> Option<Level> {
        let row = self.history.row(member);
        let record = row.record_on(column as u32, date);
        let cell = if row.record_of(column as u32).is_recorded() {
            record.cell().unwrap_or(Cell::NOT_ASSESSED)
        } else {
            self.levels.get(member, column)
        };
        let level = cell.level()?;
        let lapsed = self
            .lapse_date(member, column, level, date)
            .is_some_and(|lapse| lapse <= date);
        (!lapsed).then_some(level)
    }

    /// What the level of a cell rests on, on `date`.
    pub fn basis(&self, member: usize, column: usize, date: Date) -> Basis {
        if let Some(since) = self
            .levels
            .get(member, column)
            .level()
            .and_then(|level| self.lapse_date(member, column, level, date))
            .filter(|&lapse| lapse <= date)
        {
            return Basis::Lapsed { since };
        }
        let latest = self
            .history
            .row(member)
            .of_skill(column as u32)
            .filter(|entry| entry.rater.sets_current())
            .filter(|entry| entry.as_of.is_none_or(|on| on <= date))
            .last();
        match latest {
            Some(entry) => match entry.as_of {
                Some(on) => Basis::Rated {
                    rater: entry.rater,
                    on,
                },
                None => Basis::Undated,
            },
            None if self.levels.get(member, column).level().is_some() => Basis::Undated,
            None => Basis::Nothing,
        }
    }

    /// Sets every recorded cell to its rating of record. A file saved
    /// before self ratings waited for review may hold one as a level;
    /// returns how many cells that moved.
    pub fn settle_levels(&mut self) -> usize {
        let skills = self.skills.len();
        let mut moved = 0;
        let mut scratch = RecordScratch::default();
        for member in 0..self.members.len().min(self.levels.members()) {
            let row = self.history.row(member);
            if row.is_empty() {
                continue;
            }
            let target = self.levels.row_mut(member);
            row.each_record(skills, None, &mut scratch, |column, record| {
                if let Some(cell) = record.cell()
                    && target[column] != cell
                {
                    target[column] = cell;
                    moved += 1;
                }
            });
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Certification, Level, Member, Skill, SkillId, SkillKind};

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    fn one_lead() -> Workspace {
        let mut workspace = Workspace::default();
        workspace.push_skill(Skill::custom(
            SkillId::new("k8s"),
            "Kubernetes",
            SkillKind::Hard,
        ));
        let ana = workspace.push_member(Member::new("Ana"));
        workspace.record_assessment(
            ana,
            Assessment {
                skill: 0,
                as_of: Some(date("2025-01-10")),
                cell: Cell::assessed(Level::PROFICIENT),
                rater: Rater::Manager,
            },
            None,
        );
        workspace.members[ana]
            .development
            .add_certification(Certification {
                name: "CKA".into(),
                issuer: None,
                skill: Some(SkillId::new("k8s")),
                level: Some(Level::PROFICIENT),
                issued: Some(date("2024-06-01")),
                expires: Some(date("2026-06-01")),
            });
        workspace
    }

    #[test]
    fn a_level_resting_on_a_lapsed_certificate_is_not_held_from_the_day_after() {
        let workspace = one_lead();
        let before = workspace.record_on(date("2026-06-01"));
        assert_eq!(before.cell(0, 0).level(), Some(Level::PROFICIENT));
        let after = workspace.record_on(date("2026-06-02"));
        assert_eq!(after.cell(0, 0).level(), None);
        assert!(after.is_lapsed(0, 0));
        assert_eq!(
            workspace.basis(0, 0, date("2026-06-02")),
            Basis::Lapsed {
                since: date("2026-06-02")
            }
        );
        assert_eq!(
            workspace.lapses_on(0, 0, date("2026-01-01")),
            Some(date("2026-06-02"))
        );
    }

    #[test]
    fn a_rating_after_the_lapse_holds_the_level_again() {
        let mut workspace = one_lead();
        workspace.record_assessment(
            0,
            Assessment {
                skill: 0,
                as_of: Some(date("2026-07-01")),
                cell: Cell::assessed(Level::PROFICIENT),
                rater: Rater::Manager,
            },
            None,
        );
        assert!(!workspace.record_on(date("2026-07-01")).is_lapsed(0, 0));
        // In June the new rating was not given yet.
        assert!(workspace.record_on(date("2026-06-15")).is_lapsed(0, 0));
    }

    #[test]
    fn a_self_rating_saved_as_a_level_by_an_older_build_waits_again() {
        let mut workspace = one_lead();
        workspace.push_skill(Skill::custom(SkillId::new("go"), "Go", SkillKind::Hard));
        workspace.history.row_mut(0).record(
            Assessment {
                skill: 1,
                as_of: Some(date("2026-02-01")),
                cell: Cell::assessed(Level::EXPERT),
                rater: Rater::SelfRated,
            },
            None,
            Cell::NOT_ASSESSED,
        );
        // As an older build left it: the self rating as the level.
        workspace.levels.set(0, 1, Cell::assessed(Level::EXPERT));
        assert_eq!(workspace.settle_levels(), 1);
        assert_eq!(workspace.cell(0, 1).level(), None);
    }
}
