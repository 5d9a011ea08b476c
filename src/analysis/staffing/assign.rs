//! The Hungarian pass that matches a project's slots to its candidates.

use super::plan::Slot;
use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;

/// The Hungarian method over slots (rows) and candidates plus one "leave
/// it open" column per slot: filling a slot always beats leaving it, and
/// among fillings the highest total fit wins.
pub(super) fn best_assignment(
    slots: &[Slot],
    candidates: &[(usize, Vec<Option<f64>>)],
) -> Vec<Option<usize>> {
    if slots.is_empty() {
        return Vec::new();
    }
    const FILLED: i64 = 1_000_000;
    const IMPOSSIBLE: i64 = -1_000_000_000;
    let columns = candidates.len() + slots.len();
    let mut weights = Matrix::new(slots.len(), columns, 0i64);
    for row in 0..slots.len() {
        for (column, (_, fits)) in candidates.iter().enumerate() {
            weights[(row, column)] = match fits[row] {
                Some(fit) => FILLED + (fit * 100.0).round() as i64,
                None => IMPOSSIBLE,
            };
        }
    }
    let (_, assignment) = kuhn_munkres(&weights);
    assignment
        .into_iter()
        .enumerate()
        .map(|(row, column)| {
            (column < candidates.len() && candidates[column].1[row].is_some()).then_some(column)
        })
        .collect()
}
