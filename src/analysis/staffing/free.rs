//! Each member's free FTE once the proposed staffing is booked: what is
//! left in their heaviest quarter, for asks beyond projects (mentoring).

use super::Staffing;
use crate::model::Workspace;
use std::collections::HashMap;

pub fn free_fte(workspace: &Workspace, staffing: Option<&Staffing>) -> Vec<f64> {
    let mut booked: HashMap<(&str, usize), f64> = HashMap::new();
    for project in staffing.iter().flat_map(|staffing| &staffing.projects) {
        for line in &project.lines {
            for assigned in &line.assigned {
                for quarter in &project.quarters {
                    *booked
                        .entry((quarter.as_str(), assigned.member.index))
                        .or_default() += line.fte_each;
                }
            }
        }
    }
    let mut heaviest = vec![0.0f64; workspace.members.len()];
    for ((_, member), fte) in booked {
        if let Some(slot) = heaviest.get_mut(member) {
            *slot = slot.max(fte);
        }
    }
    workspace
        .members
        .iter()
        .zip(heaviest)
        .map(|(member, booked)| (member.fte - booked).max(0.0))
        .collect()
}

/// Each member's free FTE in one quarter (`2026 Q3`) once the staffing is
/// booked.
pub fn free_in_quarter(
    workspace: &Workspace,
    staffing: Option<&Staffing>,
    quarter: &str,
) -> Vec<f64> {
    let mut free: Vec<f64> = workspace.members.iter().map(|member| member.fte).collect();
    for project in staffing.iter().flat_map(|staffing| &staffing.projects) {
        if !project.quarters.iter().any(|own| own == quarter) {
            continue;
        }
        for line in &project.lines {
            for assigned in &line.assigned {
                if let Some(slot) = free.get_mut(assigned.member.index) {
                    *slot -= line.fte_each;
                }
            }
        }
    }
    free.into_iter().map(|fte| fte.max(0.0)).collect()
}
