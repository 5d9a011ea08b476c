//! Whom a lead could pin to a line instead of the proposal: those at the
//! line's level by fit, then a few just under it.

use super::{Bookings, Want, level_in, line_fit};
use crate::analysis::{CompiledRole, MemberRef, Scope};
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

pub(super) fn line_candidates(
    scope: &Scope,
    compiled: &[CompiledRole],
    want: &Want,
    window: super::Run,
    bookings: &Bookings,
) -> Vec<LineCandidate> {
    let candidate = |member: usize, fit: f64, below: bool| LineCandidate {
        member: scope.member_ref(member),
        level: level_in(scope, want, member),
        fit,
        free_fte: bookings.free(member, window).max(0.0),
        below,
    };
    let mut able: Vec<(usize, f64)> = scope
        .members
        .iter()
        .filter_map(|&member| line_fit(scope, compiled, want, member).map(|fit| (member, fit)))
        .collect();
    able.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut candidates: Vec<LineCandidate> = able
        .iter()
        .take(CANDIDATES_AT_LEVEL)
        .map(|&(member, fit)| candidate(member, fit, false))
        .collect();
    if let Want::Skill {
        column: Some(column),
        min_level,
        ..
    } = want
    {
        let mut under: Vec<(usize, Level)> = scope
            .members
            .iter()
            .filter_map(|&member| {
                let level = scope.level(member, *column)?;
                (level < *min_level && level.get() > 0).then_some((member, level))
            })
            .collect();
        under.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.extend(
            under
                .into_iter()
                .take(CANDIDATES_BELOW)
                .map(|(member, _)| candidate(member, 0.0, true)),
        );
    }
    candidates
}
