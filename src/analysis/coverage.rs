//! Coverage per skill: how many members sit at each level.

use super::scope::{Scope, SkillRef};
use crate::model::{Level, Settings};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkillCoverage {
    pub skill: SkillRef,
    /// Members at level 0, 1, 2, 3, 4.
    pub at_level: [u32; 5],
    pub not_assessed: u32,
    /// At or above the "holds" level (default working, 2).
    pub holders: u32,
    /// At or above the "can lead" level (default proficient, 3).
    pub leaders: u32,
    /// Mean of the assessed levels; `None` when nobody is assessed.
    pub average: Option<f64>,
    /// Share of members in view not assessed, 0.0-1.0.
    pub not_assessed_share: f64,
    /// Members who flagged interest in growing this skill.
    pub interested: u32,
    /// Members at the holds level whose only evidence is a lapsed
    /// certificate: not counted among `holders` or `leaders`.
    #[serde(skip_serializing_if = "is_zero")]
    pub evidence_expired: u32,
}

fn is_zero(count: &u32) -> bool {
    *count == 0
}

/// Per skill of the workspace, in column order, by the record of the
/// scope's day: a level resting only on a lapsed certificate is not held.
pub fn coverage(scope: &Scope, settings: &Settings) -> Vec<SkillCoverage> {
    let workspace = scope.workspace;
    let skills = workspace.skills.len();
    // One pass over the rows in view (the matrix is row-major). A table
    // maps each packed cell byte to its slot: levels 0-4, or 5 for not assessed.
    let slot_of: [u8; 256] = std::array::from_fn(|byte| {
        crate::model::Cell::from_byte(byte as u8)
            .level()
            .map_or(5, Level::get)
    });
    let interest_of: [u8; 256] =
        std::array::from_fn(|byte| u8::from(crate::model::Cell::from_byte(byte as u8).interest()));
    let mut counts = vec![[0u32; 7]; skills];
    for &member in &scope.members {
        for (cell, count) in scope.row(member).iter().zip(counts.iter_mut()) {
            let byte = cell.to_byte();
            count[usize::from(slot_of[usize::from(byte)])] += 1;
            count[6] += u32::from(interest_of[usize::from(byte)]);
        }
    }
    let in_view = scope.members.len() as f64;
    // Per column: the cells in view whose evidence lapsed. The record
    // reads them as not assessed; they are counted apart.
    let mut expired = vec![0u32; skills];
    for &(member, column) in scope.lapsed() {
        if scope.contains(member) {
            expired[column] += 1;
        }
    }
    workspace
        .skills
        .iter()
        .zip(counts)
        .zip(expired)
        .map(|((skill, count), expired)| {
            let at_level = [count[0], count[1], count[2], count[3], count[4]];
            let assessed: u32 = at_level.iter().sum();
            let total: u32 = at_level
                .iter()
                .enumerate()
                .map(|(level, n)| level as u32 * n)
                .sum();
            let at_least =
                |threshold: Level| -> u32 { at_level[usize::from(threshold.get())..].iter().sum() };
            SkillCoverage {
                skill: SkillRef::of(skill),
                at_level,
                not_assessed: count[5] - expired,
                holders: at_least(settings.hold_level),
                leaders: at_least(settings.lead_level),
                average: (assessed > 0).then(|| f64::from(total) / f64::from(assessed)),
                not_assessed_share: if in_view > 0.0 {
                    f64::from(count[5] - expired) / in_view
                } else {
                    0.0
                },
                interested: count[6],
                evidence_expired: expired,
            }
        })
        .collect()
}
