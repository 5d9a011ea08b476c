//! The bench of every skill at every round: who could lead it then, each
//! member's rounds walked once from joining to leaving, with certificates
//! lapsing round by round.

use crate::model::{Date, Level, Workspace};
use serde::Serialize;

/// Who could lead each skill at each round.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BenchTrend {
    /// The rounds (`History::trend_dates`), oldest first; a rating between
    /// two rounds counts from the next.
    pub dates: Vec<String>,
    #[serde(skip)]
    pub rounds: Vec<Date>,
    /// `leaders[skill][round]`: members at or above the lead level then.
    pub leaders: Vec<Vec<u32>>,
    /// Skills with fewer leaders at the last round than at the one before.
    pub fell: Vec<usize>,
}

/// The bench of every skill at every round, among `team`'s members (all
/// with `None`): members with no record count at their current level
/// throughout.
pub fn bench_trend(workspace: &Workspace, team: Option<&str>) -> BenchTrend {
    let dates = workspace
        .history
        .trend_dates(crate::model::History::round_size(workspace.members.len()));
    let skills = workspace.skills.len();
    let rounds = dates.len();
    let lead = workspace.settings.lead_level;
    // Each member adds to a skill's count from the round they first lead
    // it (or join) and takes away from the round they stop (or leave): one
    // pass over their record, the rounds walked once.
    let mut delta = vec![vec![0i32; rounds + 1]; skills];
    // Each skill's level of record as the rounds pass (the latest manager
    // or import rating's, as `CellRecord` keeps it), stamped with the
    // member it was set for, so nothing is reset between members.
    let mut of_record: Vec<(usize, Option<Level>)> = vec![(usize::MAX, None); skills];
    let mut recorded_by = vec![usize::MAX; skills];
    let mut leading = vec![false; skills];
    let mut certified_column = vec![false; skills];
    for member in 0..workspace.members.len() {
        let record = &workspace.members[member];
        let in_team = team.is_none_or(|team| record.team.as_deref() == Some(team));
        if record.planned || !in_team {
            continue;
        }
        // Membership is one run of rounds, from joining to leaving.
        let Some(joined) = dates
            .iter()
            .position(|&date| workspace.is_member_on(member, date))
        else {
            continue;
        };
        let until = dates[joined..]
            .iter()
            .position(|&date| !workspace.is_member_on(member, date))
            .map_or(rounds, |after| joined + after);
        let row = workspace.history.row(member);
        let entries = row.entries();
        let baseline = workspace.levels.row(member);
        for entry in entries {
            if let Some(slot) = recorded_by.get_mut(entry.skill as usize) {
                *slot = member;
            }
        }
        // A cell with no record stands where it stands now, throughout.
        for column in 0..skills {
            leading[column] = recorded_by[column] != member && baseline[column].at_least(lead);
        }
        // Levels resting on a certificate are looked at round by round:
        // they can lapse between rounds with no rating.
        let mut certified: Vec<(usize, bool)> = Vec::new();
        for certificate in &record.development.certifications {
            if let Some(column) = certificate
                .skill
                .as_ref()
                .and_then(|id| workspace.skill_index(id))
                && !certified_column[column]
            {
                certified_column[column] = true;
                certified.push((column, false));
            }
        }
        let mut at = 0;
        for (round, &date) in dates.iter().enumerate().take(until) {
            while at < entries.len() && entries[at].as_of.is_none_or(|on| on <= date) {
                let entry = &entries[at];
                at += 1;
                let column = entry.skill as usize;
                if column >= skills || !entry.rater.sets_current() {
                    continue;
                }
                let level = entry.cell.level();
                of_record[column] = (member, level);
                if certified_column[column] {
                    continue;
                }
                let leads = level.is_some_and(|level| level >= lead);
                if leads != leading[column] {
                    leading[column] = leads;
                    // Before joining, changes are folded into the count then.
                    if round > joined {
                        delta[column][round] += if leads { 1 } else { -1 };
                    }
                }
            }
            if round == joined {
                for column in 0..skills {
                    if leading[column] && !certified_column[column] {
                        delta[column][round] += 1;
                    }
                }
            }
            for (column, was) in &mut certified {
                let level = if recorded_by[*column] == member {
                    let (by, level) = of_record[*column];
                    level.filter(|_| by == member)
                } else {
                    baseline[*column].level()
                };
                let leads = round >= joined
                    && level.is_some_and(|level| {
                        level >= lead && !workspace.lapsed_on(member, *column, level, date)
                    });
                if leads != *was {
                    delta[*column][round] += if leads { 1 } else { -1 };
                    *was = leads;
                }
            }
        }
        // Leaving takes them off every count they were on.
        if until < rounds {
            for column in 0..skills {
                if leading[column] && !certified_column[column] {
                    delta[column][until] -= 1;
                }
            }
            for &(column, was) in &certified {
                if was {
                    delta[column][until] -= 1;
                }
            }
        }
        for &(column, _) in &certified {
            certified_column[column] = false;
        }
    }
    let leaders: Vec<Vec<u32>> = delta
        .iter()
        .map(|changes| {
            let mut running = 0i32;
            changes[..rounds]
                .iter()
                .map(|change| {
                    running += change;
                    running.max(0) as u32
                })
                .collect()
        })
        .collect();
    let fell = (0..skills)
        .filter(|&skill| {
            let counts = &leaders[skill];
            counts.len() >= 2 && counts[counts.len() - 1] < counts[counts.len() - 2]
        })
        .collect();
    BenchTrend {
        dates: dates.iter().map(Date::to_string).collect(),
        rounds: dates,
        leaders,
        fell,
    }
}
