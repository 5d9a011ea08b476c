//! Rebalance before hiring: where one manager is over their span and
//! another manager is under theirs, moving reports fixes both at no cost.

use super::scope::{MemberRef, Scope};
use super::span::{SpanBreach, SpanIssue, resolve_managers};
use crate::model::Track;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportMove {
    pub member: MemberRef,
    pub from: MemberRef,
    pub to: MemberRef,
}

/// Moves from over-span managers to under-span ones, a receiver of the
/// same role first, then any manager whose role has a span, never past the
/// receiver's maximum. Reports in the receiver's team move first, then
/// those who manage nobody, then in roster order.
pub fn rebalance(scope: &Scope, breaches: &[SpanBreach]) -> Vec<ReportMove> {
    let workspace = scope.workspace;
    let managers = resolve_managers(workspace);
    let mut directs = vec![0u32; workspace.members.len()];
    // Each manager's reports in view, once: a scan per pair of managers
    // would grow with the square of the roster.
    let mut reports_of: Vec<Vec<usize>> = vec![Vec::new(); workspace.members.len()];
    for &member in &scope.members {
        if let Ok(manager) = managers[member] {
            directs[manager] += 1;
            reports_of[manager].push(member);
        }
    }
    let mut receivers: Vec<(&SpanBreach, u32)> = breaches
        .iter()
        .filter(|breach| breach.issue == SpanIssue::Under)
        .filter(|breach| !workspace.members[breach.manager.index].planned)
        .filter(|breach| {
            workspace
                .role(&crate::model::RoleId::new(&*breach.role.id))
                .is_some_and(|role| role.track == Track::Manager)
        })
        .map(|breach| (breach, breach.span_max.saturating_sub(breach.directs)))
        .collect();
    let mut moves = Vec::new();
    let mut moved = vec![false; workspace.members.len()];
    for over in breaches
        .iter()
        .filter(|breach| breach.issue == SpanIssue::Over)
    {
        let mut excess = over.directs.saturating_sub(over.span_max);
        // Same role first, then the rest in the order breaches came.
        receivers.sort_by_key(|(receiver, _)| receiver.role.id != over.role.id);
        for (receiver, room) in receivers.iter_mut() {
            if excess == 0 {
                break;
            }
            let to = receiver.manager.index;
            let team = &workspace.members[to].team;
            let mut reports: Vec<usize> = reports_of[over.manager.index]
                .iter()
                .copied()
                .filter(|&member| member != to && !moved[member])
                .collect();
            reports.sort_by_key(|&member| {
                (
                    workspace.members[member].team != *team,
                    directs[member] > 0,
                    member,
                )
            });
            for member in reports.into_iter().take(excess.min(*room) as usize) {
                moved[member] = true;
                moves.push(ReportMove {
                    member: scope.member_ref(member),
                    from: over.manager.clone(),
                    to: receiver.manager.clone(),
                });
                excess -= 1;
                *room -= 1;
            }
        }
    }
    moves
}

/// How many reports the moves take from `manager`.
pub fn moved_from(moves: &[ReportMove], manager: usize) -> u32 {
    moves
        .iter()
        .filter(|report| report.from.index == manager)
        .count() as u32
}
