//! Dated assessments: who rated a member in a skill, when, and at what
//! level. The level matrix holds the current level of every cell; the
//! history is the record it came from, and what "as of a date" reads.
//!
//! The rating of record of a cell is its latest manager (or import)
//! assessment. A self or peer rating never sets it: it waits for review
//! until a manager records a level after it (accepting it records the same
//! level). `CellRecord` is the one place that rule lives. A level a file
//! gave without a date (a roster or a workspace from before history)
//! counts as an undated import, older than every dated one.

use super::{Cell, Level};
use jiff::civil::Date;
use std::sync::Arc;

/// Who gave an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rater {
    Manager,
    SelfRated,
    Peer,
    Import,
}

impl Rater {
    pub const ALL: [Rater; 4] = [Rater::Manager, Rater::SelfRated, Rater::Peer, Rater::Import];

    /// The word files and the command line use.
    pub fn as_str(self) -> &'static str {
        match self {
            Rater::Manager => "manager",
            Rater::SelfRated => "self",
            Rater::Peer => "peer",
            Rater::Import => "import",
        }
    }

    pub fn parse(text: &str) -> Option<Rater> {
        Rater::ALL
            .into_iter()
            .find(|rater| rater.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// Whether this rater's word is a rating of record; a self or peer
    /// rating only waits for review.
    pub fn sets_current(self) -> bool {
        matches!(self, Rater::Manager | Rater::Import)
    }

    pub fn code(self) -> u8 {
        match self {
            Rater::Manager => 0,
            Rater::SelfRated => 1,
            Rater::Peer => 2,
            Rater::Import => 3,
        }
    }

    pub fn from_code(code: u8) -> Option<Rater> {
        Rater::ALL.get(usize::from(code)).copied()
    }
}

impl std::fmt::Display for Rater {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rating of one member in one skill. `as_of` is `None` for a level a
/// file gave without a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// Index into the workspace's skills.
    pub skill: u32,
    pub as_of: Option<Date>,
    pub cell: Cell,
    pub rater: Rater,
}

/// A note or evidence attached to one assessment, kept apart so the
/// millions of assessments without one stay small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub skill: u32,
    pub as_of: Option<Date>,
    pub rater: Rater,
    pub text: String,
}

impl Note {
    /// Notes are kept in this order, so equal histories compare equal.
    fn order(&self) -> (Option<Date>, u32, Rater) {
        (self.as_of, self.skill, self.rater)
    }

    fn is_for(&self, assessment: &Assessment) -> bool {
        self.skill == assessment.skill
            && self.as_of == assessment.as_of
            && self.rater == assessment.rater
    }
}

/// One member's assessments, oldest first; at most one per skill, rater
/// and date (a second one that day replaces the first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberHistory {
    entries: Vec<Assessment>,
    notes: Vec<Note>,
}

impl MemberHistory {
    /// A history from its parts in any order; the order of equal dates is kept.
    pub fn from_parts(mut entries: Vec<Assessment>, mut notes: Vec<Note>) -> MemberHistory {
        entries.sort_by_key(|entry| entry.as_of);
        notes.sort_by_key(Note::order);
        MemberHistory { entries, notes }
    }

    pub fn entries(&self) -> &[Assessment] {
        &self.entries
    }

    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The assessments of one skill, oldest first.
    pub fn of_skill(&self, skill: u32) -> impl Iterator<Item = &Assessment> + '_ {
        self.entries
            .iter()
            .filter(move |entry| entry.skill == skill)
    }

    pub fn note_for(&self, assessment: &Assessment) -> Option<&str> {
        self.notes
            .iter()
            .find(|note| note.is_for(assessment))
            .map(|note| note.text.as_str())
    }

    /// The cell's rating of record by the rule above; `None` with no record.
    pub fn current(&self, skill: u32) -> Option<Cell> {
        self.record_of(skill).cell()
    }

    /// The cell as it stood on `date`: the same rule over what was known by
    /// then.
    pub fn as_of(&self, skill: u32, date: Date) -> Option<Cell> {
        self.record_on(skill, date).cell()
    }

    /// The cell's record now: its rating of record and what waits for review.
    pub fn record_of(&self, skill: u32) -> CellRecord {
        let mut record = CellRecord::default();
        self.of_skill(skill).for_each(|entry| record.push(entry));
        record
    }

    /// The cell's record over what was known by `date`.
    pub fn record_on(&self, skill: u32, date: Date) -> CellRecord {
        let mut record = CellRecord::default();
        self.of_skill(skill)
            .filter(|entry| entry.as_of.is_none_or(|as_of| as_of <= date))
            .for_each(|entry| record.push(entry));
        record
    }

    /// Every skill's record over what was known by `date` (all when
    /// `None`), in one pass over the row; `skills` long.
    pub fn records(&self, skills: usize, date: Option<Date>) -> Vec<CellRecord> {
        let mut records = vec![CellRecord::default(); skills];
        for entry in &self.entries {
            if date.is_some_and(|date| entry.as_of.is_some_and(|as_of| as_of > date)) {
                break;
            }
            if let Some(record) = records.get_mut(entry.skill as usize) {
                record.push(entry);
            }
        }
        records
    }

    /// Each skill the row holds any assessment for, once, with its record
    /// on `date` (on the latest when `None`): as `records` gives it, but
    /// touching only those skills, so a long roster is folded in one pass
    /// over its assessments.
    pub fn each_record(
        &self,
        skills: usize,
        date: Option<Date>,
        scratch: &mut RecordScratch,
        mut each: impl FnMut(usize, &CellRecord),
    ) {
        if scratch.records.len() < skills {
            scratch.records.resize(skills, CellRecord::default());
            scratch.seen.resize(skills, false);
        }
        for entry in &self.entries {
            if date.is_some_and(|date| entry.as_of.is_some_and(|as_of| as_of > date)) {
                break;
            }
            if let Some(record) = scratch.records.get_mut(entry.skill as usize) {
                record.push(entry);
            }
        }
        for entry in &self.entries {
            let column = entry.skill as usize;
            if column < skills && !scratch.seen[column] {
                scratch.seen[column] = true;
                each(column, &scratch.records[column]);
            }
        }
        for entry in &self.entries {
            let column = entry.skill as usize;
            if column < skills {
                scratch.records[column] = CellRecord::default();
                scratch.seen[column] = false;
            }
        }
    }

    /// When the cell was last rated, by anyone; `None` when never with a date.
    pub fn last_dated(&self, skill: u32) -> Option<Date> {
        self.of_skill(skill).filter_map(|entry| entry.as_of).max()
    }

    /// Records `assessment`. `baseline` is the cell as the matrix holds it:
    /// when the cell has no record yet, that level is kept as an undated
    /// import first, so a dated rating never hides where the cell stood.
    pub fn record(&mut self, assessment: Assessment, note: Option<String>, baseline: Cell) {
        let skill = assessment.skill;
        if assessment.as_of.is_some()
            && !baseline.is_blank()
            && self.of_skill(skill).next().is_none()
        {
            self.insert(Assessment {
                skill,
                as_of: None,
                cell: baseline,
                rater: Rater::Import,
            });
        }
        let same = |entry: &Assessment| {
            entry.skill == skill
                && entry.as_of == assessment.as_of
                && entry.rater == assessment.rater
        };
        match self.entries.iter_mut().find(|entry| same(entry)) {
            Some(entry) => entry.cell = assessment.cell,
            None => self.insert(assessment),
        }
        self.notes.retain(|existing| !existing.is_for(&assessment));
        if let Some(text) = note.filter(|text| !text.trim().is_empty()) {
            let note = Note {
                skill,
                as_of: assessment.as_of,
                rater: assessment.rater,
                text,
            };
            let at = self
                .notes
                .partition_point(|existing| existing.order() <= note.order());
            self.notes.insert(at, note);
        }
    }

    /// Sets the note of the skill's latest assessment (clears it when
    /// `text` is blank); false when the skill has no assessment.
    pub fn set_latest_note(&mut self, skill: u32, text: &str) -> bool {
        let Some(latest) = self.of_skill(skill).last().copied() else {
            return false;
        };
        self.notes.retain(|note| !note.is_for(&latest));
        let text = text.trim();
        if !text.is_empty() {
            let note = Note {
                skill,
                as_of: latest.as_of,
                rater: latest.rater,
                text: text.to_string(),
            };
            let at = self
                .notes
                .partition_point(|existing| existing.order() <= note.order());
            self.notes.insert(at, note);
        }
        true
    }

    fn insert(&mut self, assessment: Assessment) {
        let at = self
            .entries
            .partition_point(|entry| entry.as_of <= assessment.as_of);
        self.entries.insert(at, assessment);
    }

    /// Moves a merged skill's record onto the skill it merged into
    /// (`into: None` drops it) and renumbers the skills after it.
    fn remove_skill(&mut self, from: u32, into: Option<u32>) {
        let renumber = |skill: u32| -> Option<u32> {
            let skill = if skill == from { into? } else { skill };
            Some(if skill > from { skill - 1 } else { skill })
        };
        self.entries
            .retain_mut(|entry| match renumber(entry.skill) {
                Some(skill) => {
                    entry.skill = skill;
                    true
                }
                None => false,
            });
        self.notes.retain_mut(|note| match renumber(note.skill) {
            Some(skill) => {
                note.skill = skill;
                true
            }
            None => false,
        });
        // Two skills rated in one round are one rating of the merged skill:
        // the higher level, interest if either had it.
        let mut kept: Vec<Assessment> = Vec::with_capacity(self.entries.len());
        let mut places: std::collections::HashMap<(u32, Option<Date>, Rater), usize> =
            std::collections::HashMap::with_capacity(self.entries.len());
        for entry in self.entries.drain(..) {
            let key = (entry.skill, entry.as_of, entry.rater);
            match places.get(&key).map(|&at| &mut kept[at]) {
                Some(known) => {
                    let level = known.cell.level().max(entry.cell.level());
                    known.cell = Cell::new(level, known.cell.interest() || entry.cell.interest());
                }
                None => {
                    places.insert(key, kept.len());
                    kept.push(entry);
                }
            }
        }
        self.entries = kept;
        let mut notes: Vec<Note> = Vec::with_capacity(self.notes.len());
        for note in self.notes.drain(..) {
            match notes.iter_mut().find(|known| known.order() == note.order()) {
                Some(known) => {
                    known.text.push_str("; ");
                    known.text.push_str(&note.text);
                }
                None => notes.push(note),
            }
        }
        notes.sort_by_key(Note::order);
        self.notes = notes;
    }
}

/// One cell's assessments folded oldest first: the one place the rating of
/// record is decided. Interest is the member's own wish, so it follows the
/// latest rating by anyone; the level only a manager's (or an import's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CellRecord {
    /// The latest manager or import rating.
    pub of_record: Option<Cell>,
    /// The latest self or peer rating given after the rating of record (or
    /// with none): it counts nowhere until a manager reviews it.
    pub waiting: Option<Assessment>,
    /// Whether anything was recorded, and the latest rating's interest.
    latest_interest: Option<bool>,
}

impl CellRecord {
    /// Takes the next assessment in date order.
    pub fn push(&mut self, entry: &Assessment) {
        self.latest_interest = Some(entry.cell.interest());
        if entry.rater.sets_current() {
            self.of_record = Some(entry.cell);
            self.waiting = None;
        } else {
            self.waiting = Some(*entry);
        }
    }

    /// Whether the cell has any assessment at all.
    pub fn is_recorded(&self) -> bool {
        self.latest_interest.is_some()
    }

    /// The cell the matrix holds: the level of record with the latest
    /// interest; `None` when nothing was recorded.
    pub fn cell(&self) -> Option<Cell> {
        let interest = self.latest_interest?;
        let level = self.of_record.and_then(Cell::level);
        Some(Cell::new(level, interest))
    }

    /// The level a self or peer rating waits to have reviewed, when it
    /// differs from the level of record.
    pub fn waiting_level(&self) -> Option<(Level, Assessment)> {
        let waiting = self.waiting?;
        let level = waiting.cell.level()?;
        (self.of_record.and_then(Cell::level) != Some(level)).then_some((level, waiting))
    }
}

/// Room reused from row to row by `MemberHistory::each_record`.
#[derive(Default)]
pub struct RecordScratch {
    records: Vec<CellRecord>,
    seen: Vec<bool>,
}

/// Every member's history, by row like the level matrix. Rows are shared,
/// so copying a workspace for an edit copies only the rows it changes.
#[derive(Clone, Debug, Default)]
pub struct History {
    rows: Vec<Arc<MemberHistory>>,
}

static EMPTY: MemberHistory = MemberHistory {
    entries: Vec::new(),
    notes: Vec::new(),
};

impl History {
    pub fn from_rows(rows: Vec<Arc<MemberHistory>>) -> History {
        History { rows }
    }

    /// A member's history; empty for a member nobody rated with a date.
    pub fn row(&self, member: usize) -> &MemberHistory {
        self.rows.get(member).map_or(&EMPTY, |row| row)
    }

    /// The shared row, to tell cheaply whether two workspaces differ in it.
    pub fn shared_row(&self, member: usize) -> Option<&Arc<MemberHistory>> {
        self.rows.get(member)
    }

    pub fn set_row(&mut self, member: usize, row: Arc<MemberHistory>) {
        if self.rows.len() <= member {
            self.rows.resize_with(member + 1, Default::default);
        }
        self.rows[member] = row;
    }

    pub fn row_mut(&mut self, member: usize) -> &mut MemberHistory {
        if self.rows.len() <= member {
            self.rows.resize_with(member + 1, Default::default);
        }
        Arc::make_mut(&mut self.rows[member])
    }

    pub fn remove_member(&mut self, member: usize) {
        if member < self.rows.len() {
            self.rows.remove(member);
        }
    }

    /// A skill column is gone: `from` merged into `into`, or deleted.
    pub fn remove_skill(&mut self, from: usize, into: Option<usize>) {
        for row in &mut self.rows {
            if !row.is_empty() {
                Arc::make_mut(row).remove_skill(from as u32, into.map(|into| into as u32));
            }
        }
    }

    /// Rows that hold anything, with their member index.
    pub fn rows(&self) -> impl Iterator<Item = (usize, &MemberHistory)> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, row)| !row.is_empty())
            .map(|(member, row)| (member, row.as_ref()))
    }

    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|row| row.is_empty())
    }

    pub fn assessments(&self) -> usize {
        self.rows.iter().map(|row| row.entries.len()).sum()
    }

    /// The rounds: dates on which at least `members` people were rated
    /// (a one-off review or a day's edits is not one), oldest first.
    pub fn rounds(&self, members: usize) -> Vec<Date> {
        self.rating_days()
            .chunk_by(|a, b| a == b)
            .filter(|same| same.len() >= members)
            .map(|same| same[0])
            .collect()
    }

    /// The rounds, and the latest rating day when it came after the last
    /// round: where a trend's points fall, the last being how things stand.
    pub fn trend_dates(&self, members: usize) -> Vec<Date> {
        let mut dates = self.rounds(members);
        let latest = self
            .rows
            .iter()
            .filter_map(|row| row.entries.iter().rev().find_map(|entry| entry.as_of))
            .max();
        if let Some(latest) = latest
            && dates.last().is_none_or(|&last| latest > last)
        {
            dates.push(latest);
        }
        dates
    }

    /// How many people a rating day must cover to be a round in a roster
    /// of `members`: a tenth of them, and at least two.
    pub fn round_size(members: usize) -> usize {
        (members / 10).max(2).min(members.max(1))
    }

    /// Every date a rating was given on, oldest first.
    pub fn dates(&self) -> Vec<Date> {
        let mut dates = self.rating_days();
        dates.dedup();
        dates
    }

    /// Each day a member was rated on, once for each member, sorted.
    fn rating_days(&self) -> Vec<Date> {
        // Rows are in date order (undated first): each day's run is found
        // by halving, not by reading every assessment in it.
        let mut dates: Vec<Date> = Vec::new();
        for row in &self.rows {
            let entries = &row.entries;
            let mut at = entries.partition_point(|entry| entry.as_of.is_none());
            while let Some(day) = entries.get(at).and_then(|entry| entry.as_of) {
                dates.push(day);
                at += entries[at..].partition_point(|entry| entry.as_of <= Some(day));
            }
        }
        dates.sort_unstable();
        dates
    }
}

impl PartialEq for History {
    fn eq(&self, other: &History) -> bool {
        let rows = self.rows.len().max(other.rows.len());
        (0..rows).all(
            |member| match (self.rows.get(member), other.rows.get(member)) {
                (Some(a), Some(b)) if Arc::ptr_eq(a, b) => true,
                _ => self.row(member) == other.row(member),
            },
        )
    }
}

/// Today's date where this machine is.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
