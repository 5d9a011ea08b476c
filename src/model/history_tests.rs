//! The history's tests: the rating of record, dates and their order, notes, merged skills.

use super::*;
use crate::model::Level;

fn rated(skill: u32, date: &str, level: Level, rater: Rater) -> Assessment {
    Assessment {
        skill,
        as_of: Some(date.parse().expect("a test date")),
        cell: Cell::assessed(level),
        rater,
    }
}

/// Records `assessment` on a cell that held nothing, without a note.
fn rate(row: &mut MemberHistory, assessment: Assessment) {
    row.record(assessment, None, Cell::NOT_ASSESSED);
}

#[test]
fn a_manager_rating_outranks_a_newer_self_rating() {
    let mut row = MemberHistory::default();
    rate(
        &mut row,
        rated(0, "2026-03-31", Level::WORKING, Rater::Manager),
    );
    rate(
        &mut row,
        rated(0, "2026-06-30", Level::EXPERT, Rater::SelfRated),
    );
    assert_eq!(row.current(0), Some(Cell::assessed(Level::WORKING)));
    rate(
        &mut row,
        rated(0, "2026-09-30", Level::PROFICIENT, Rater::Import),
    );
    assert_eq!(row.current(0), Some(Cell::assessed(Level::PROFICIENT)));
    let june = "2026-06-30".parse().expect("date");
    assert_eq!(row.as_of(0, june), Some(Cell::assessed(Level::WORKING)));
}

#[test]
fn a_self_rating_alone_sets_no_level_and_waits_for_review() {
    let mut row = MemberHistory::default();
    rate(&mut row, rated(2, "2026-01-31", Level::NONE, Rater::Peer));
    rate(
        &mut row,
        rated(2, "2026-02-28", Level::EXPERT, Rater::SelfRated),
    );
    assert_eq!(row.current(2), Some(Cell::NOT_ASSESSED));
    let (waiting, by) = row.record_of(2).waiting_level().expect("waits for review");
    assert_eq!((waiting, by.rater), (Level::EXPERT, Rater::SelfRated));
    assert_eq!(row.current(1), None);
    // The manager accepts it: the level is of record and nothing waits.
    rate(
        &mut row,
        rated(2, "2026-03-02", Level::EXPERT, Rater::Manager),
    );
    assert_eq!(row.current(2), Some(Cell::assessed(Level::EXPERT)));
    assert_eq!(row.record_of(2).waiting_level(), None);
}

#[test]
fn an_undated_level_is_kept_before_the_first_dated_one() {
    let mut row = MemberHistory::default();
    let baseline = Cell::assessed(Level::EXPERT);
    row.record(
        rated(0, "2026-06-30", Level::WORKING, Rater::SelfRated),
        None,
        baseline,
    );
    let kept: Vec<_> = row.of_skill(0).collect();
    assert_eq!(kept.len(), 2);
    assert_eq!((kept[0].as_of, kept[0].cell), (None, baseline));
    assert_eq!(row.current(0), Some(baseline));
}

#[test]
fn a_second_rating_the_same_day_replaces_the_first_and_its_note() {
    let mut row = MemberHistory::default();
    let blank = Cell::NOT_ASSESSED;
    let first = rated(1, "2026-06-30", Level::WORKING, Rater::Manager);
    row.record(first, Some("pairing notes".into()), blank);
    let second = rated(1, "2026-06-30", Level::PROFICIENT, Rater::Manager);
    row.record(second, None, blank);
    assert_eq!(row.entries().len(), 1);
    assert_eq!(row.current(1), Some(Cell::assessed(Level::PROFICIENT)));
    assert_eq!(row.note_for(&second), None);
}

#[test]
fn ratings_stay_in_date_order_whatever_order_they_arrive_in() {
    let mut row = MemberHistory::default();
    rate(
        &mut row,
        rated(0, "2026-09-30", Level::EXPERT, Rater::Manager),
    );
    rate(
        &mut row,
        rated(0, "2026-03-31", Level::WORKING, Rater::Manager),
    );
    let dates: Vec<_> = row.entries().iter().map(|entry| entry.as_of).collect();
    assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]));
    assert_eq!(row.current(0), Some(Cell::assessed(Level::EXPERT)));
}

#[test]
fn a_merged_skill_keeps_its_record_under_the_kept_skill() {
    let mut history = History::default();
    let blank = Cell::NOT_ASSESSED;
    history.row_mut(0).record(
        rated(1, "2026-03-31", Level::WORKING, Rater::Manager),
        None,
        blank,
    );
    history.row_mut(0).record(
        rated(2, "2026-03-31", Level::EXPERT, Rater::Manager),
        None,
        blank,
    );
    history.remove_skill(1, Some(0));
    let skills: Vec<u32> = history.row(0).entries().iter().map(|e| e.skill).collect();
    assert_eq!(skills, vec![0, 1]);
    assert_eq!(history.dates().len(), 1);
}
