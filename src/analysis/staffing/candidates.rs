//! Who is able to take a line, worked out once per distinct need (skill
//! and level, or role) and shared by every project that asks it; and whom
//! a lead could pin to a line instead of the proposal.

use super::plan::{LineCandidate, Want, level_in, line_fit};
use super::weeks::{Bookings, Run};
use crate::analysis::{CompiledRole, Scope};
use crate::model::Level;
use std::collections::HashMap;

/// How many candidates a line offers: at the level, and under it.
const CANDIDATES_AT_LEVEL: usize = 15;
const CANDIDATES_BELOW: usize = 5;

/// The members able to take lines that ask the same thing.
pub(super) struct Able {
    /// With their fit, in roster order (for looking one up).
    pub fits: Vec<(usize, f64)>,
    /// The same, best fit first, then roster order.
    pub best_first: Vec<(usize, f64)>,
    /// A few just under a skill line's level, best first.
    under: Vec<usize>,
}

impl Able {
    fn new(scope: &Scope, compiled: &[CompiledRole], want: &Want) -> Able {
        let fits: Vec<(usize, f64)> = scope
            .members
            .iter()
            .filter_map(|&member| line_fit(scope, compiled, want, member).map(|fit| (member, fit)))
            .collect();
        let mut best_first = fits.clone();
        best_first.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut under = Vec::new();
        if let Want::Skill {
            column: Some(column),
            min_level,
            ..
        } = want
        {
            let order = |a: &(usize, Level), b: &(usize, Level)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
            let mut below: Vec<(usize, Level)> = scope
                .members
                .iter()
                .filter_map(|&member| {
                    let level = scope.level(member, *column)?;
                    (level < *min_level && level.get() > 0).then_some((member, level))
                })
                .collect();
            if below.len() > CANDIDATES_BELOW {
                below.select_nth_unstable_by(CANDIDATES_BELOW, order);
                below.truncate(CANDIDATES_BELOW);
            }
            below.sort_by(order);
            under = below.into_iter().map(|(member, _)| member).collect();
        }
        Able {
            fits,
            best_first,
            under,
        }
    }

    /// A member's fit for the line, if able.
    pub fn fit_of(&self, member: usize) -> Option<f64> {
        self.fits
            .binary_search_by_key(&member, |(m, _)| *m)
            .ok()
            .map(|at| self.fits[at].1)
    }

    pub fn members(&self) -> Vec<usize> {
        self.fits.iter().map(|(member, _)| *member).collect()
    }
}

/// What a line asks, as far as who is able goes.
#[derive(Clone, Copy, Hash, PartialEq, Eq)]
enum Asked {
    /// A skill column at a level, counting targets due by a day or not.
    Skill(usize, Level, Option<crate::model::Date>),
    Role(usize),
    /// A skill or role the workspace does not know: nobody is able.
    Unknown,
}

fn asked(want: &Want) -> Asked {
    match want {
        Want::Skill {
            column: Some(column),
            min_level,
            growth_by,
            ..
        } => Asked::Skill(*column, *min_level, *growth_by),
        Want::Role {
            index: Some(index), ..
        } => Asked::Role(*index),
        _ => Asked::Unknown,
    }
}

/// Each distinct need's able members, found the first time a line asks it.
#[derive(Default)]
pub(super) struct AbleCache {
    found: HashMap<Asked, usize>,
    ables: Vec<Able>,
}

impl AbleCache {
    /// The index of `want`'s able members, for `get`.
    pub fn index(&mut self, scope: &Scope, compiled: &[CompiledRole], want: &Want) -> usize {
        let asked = asked(want);
        if let Some(&index) = self.found.get(&asked) {
            return index;
        }
        let able = match asked {
            Asked::Unknown => Able {
                fits: Vec::new(),
                best_first: Vec::new(),
                under: Vec::new(),
            },
            _ => Able::new(scope, compiled, want),
        };
        self.ables.push(able);
        self.found.insert(asked, self.ables.len() - 1);
        self.ables.len() - 1
    }

    pub fn get(&self, index: usize) -> &Able {
        &self.ables[index]
    }
}

/// Whom a lead could pin: the line's best able members, then a few just
/// under the level, with their free FTE once every project is booked.
pub(super) fn line_candidates(
    scope: &Scope,
    want: &Want,
    window: Run,
    bookings: &Bookings,
    able: &Able,
) -> Vec<LineCandidate> {
    let candidate = |member: usize, fit: f64, below: bool| LineCandidate {
        member: scope.member_ref(member),
        level: level_in(scope, want, member),
        fit,
        free_fte: bookings.free(member, window).max(0.0),
        below,
    };
    able.best_first
        .iter()
        .take(CANDIDATES_AT_LEVEL)
        .map(|&(member, fit)| candidate(member, fit, false))
        .chain(
            able.under
                .iter()
                .map(|&member| candidate(member, 0.0, true)),
        )
        .collect()
}
