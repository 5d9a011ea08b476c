//! Whom a lead could pin to a line instead of the proposal: those at the
//! line's level by fit, then a few just under it.

use super::{Bookings, Want, level_in};
use crate::analysis::{MemberRef, Scope};
use crate::model::Level;

/// Someone a lead may pin to a line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineCandidate {
    pub member: MemberRef,
    pub level: Option<Level>,
    pub fit: f64,
    pub free_fte: f64,
    /// Under the line's level: pinning them is the lead's call, with a warning.
    pub below: bool,
}

/// How many candidates a line offers: at the level, and under it.
const CANDIDATES_AT_LEVEL: usize = 15;
const CANDIDATES_BELOW: usize = 5;

/// The best `CANDIDATES_AT_LEVEL` of a line's able members (`able`, with
/// their fit), best first: kept while staffing, before bookings move.
pub(super) fn best_able(able: &[(usize, f64)]) -> Vec<(usize, f64)> {
    let order = |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let mut best = able.to_vec();
    if best.len() > CANDIDATES_AT_LEVEL {
        best.select_nth_unstable_by(CANDIDATES_AT_LEVEL, order);
        best.truncate(CANDIDATES_AT_LEVEL);
    }
    best.sort_by(order);
    best
}

/// Whom a lead could pin: the best able (from `best_able`), then a few
/// just under the level, with their free FTE once every project is booked.
pub(super) fn line_candidates(
    scope: &Scope,
    want: &Want,
    window: super::Run,
    bookings: &Bookings,
    best: &[(usize, f64)],
) -> Vec<LineCandidate> {
    let candidate = |member: usize, fit: f64, below: bool| LineCandidate {
        member: scope.member_ref(member),
        level: level_in(scope, want, member),
        fit,
        free_fte: bookings.free(member, window).max(0.0),
        below,
    };
    let mut candidates: Vec<LineCandidate> = best
        .iter()
        .map(|&(member, fit)| candidate(member, fit, false))
        .collect();
    if let Want::Skill {
        column: Some(column),
        min_level,
        ..
    } = want
    {
        let order = |a: &(usize, Level), b: &(usize, Level)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
        let mut under: Vec<(usize, Level)> = scope
            .members
            .iter()
            .filter_map(|&member| {
                let level = scope.level(member, *column)?;
                (level < *min_level && level.get() > 0).then_some((member, level))
            })
            .collect();
        if under.len() > CANDIDATES_BELOW {
            under.select_nth_unstable_by(CANDIDATES_BELOW, order);
            under.truncate(CANDIDATES_BELOW);
        }
        under.sort_by(order);
        candidates.extend(
            under
                .into_iter()
                .map(|(member, _)| candidate(member, 0.0, true)),
        );
    }
    candidates
}
