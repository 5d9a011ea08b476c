//! Rebalance before hiring: where one manager is over their span and
//! another manager is under theirs, moving reports fixes both at no cost.

use super::scope::{MemberRef, Scope};
use super::span::{SpanBreach, SpanIssue};
use crate::model::Track;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

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
///
/// Linear in managers and moves: reports are indexed by manager once, and
/// receivers with room are kept in ordered sets, so each visit to a
/// receiver moves someone or ends the over-span manager's turn.
pub fn rebalance(scope: &Scope, breaches: &[SpanBreach]) -> Vec<ReportMove> {
    let workspace = scope.workspace;
    let managers = scope.managers();
    let mut directs = vec![0u32; workspace.members.len()];
    let mut reports_of: Vec<Vec<usize>> = vec![Vec::new(); workspace.members.len()];
    for &member in &scope.members {
        if let Ok(manager) = managers[member] {
            directs[manager] += 1;
            reports_of[manager].push(member);
        }
    }
    let receivers: Vec<&SpanBreach> = breaches
        .iter()
        .filter(|breach| breach.issue == SpanIssue::Under)
        .filter(|breach| !workspace.members[breach.manager.index].planned)
        .filter(|breach| {
            workspace
                .role(&crate::model::RoleId::new(&*breach.role.id))
                .is_some_and(|role| role.track == Track::Manager)
        })
        .collect();
    let mut room: Vec<u32> = receivers
        .iter()
        .map(|breach| breach.span_max.saturating_sub(breach.directs))
        .collect();
    // Receivers with room, in the order breaches came: all, and by role.
    let mut open: BTreeSet<usize> = (0..receivers.len()).filter(|&r| room[r] > 0).collect();
    let mut open_by_role: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for &receiver in &open {
        open_by_role
            .entry(&*receivers[receiver].role.id)
            .or_default()
            .insert(receiver);
    }
    let mut moves = Vec::new();
    let mut moved = vec![false; workspace.members.len()];
    for over in breaches
        .iter()
        .filter(|breach| breach.issue == SpanIssue::Over)
    {
        let mut excess = over.directs.saturating_sub(over.span_max);
        // Those who manage nobody first, then roster order; the receiver's
        // team goes before both, per receiver.
        let mut reports = reports_of[over.manager.index].clone();
        reports.sort_by_key(|&member| (directs[member] > 0, member));
        for same_role in [true, false] {
            while excess > 0 {
                let next = if same_role {
                    open_by_role
                        .get(&*over.role.id)
                        .and_then(|set| set.first().copied())
                } else {
                    open.first().copied()
                };
                let Some(receiver) = next else { break };
                let to = receivers[receiver].manager.index;
                let team = &workspace.members[to].team;
                let take = excess.min(room[receiver]) as usize;
                let chosen: Vec<usize> =
                    reports
                        .iter()
                        .copied()
                        .filter(|&m| !moved[m] && m != to && workspace.members[m].team == *team)
                        .chain(reports.iter().copied().filter(|&m| {
                            !moved[m] && m != to && workspace.members[m].team != *team
                        }))
                        .take(take)
                        .collect();
                if chosen.is_empty() {
                    // Nobody left to move from this manager.
                    excess = 0;
                    break;
                }
                for member in chosen {
                    moved[member] = true;
                    moves.push(ReportMove {
                        member: scope.member_ref(member),
                        from: over.manager.clone(),
                        to: receivers[receiver].manager.clone(),
                    });
                    excess -= 1;
                    room[receiver] -= 1;
                }
                if room[receiver] == 0 {
                    open.remove(&receiver);
                    if let Some(set) = open_by_role.get_mut(&*receivers[receiver].role.id) {
                        set.remove(&receiver);
                    }
                }
            }
        }
    }
    moves
}

/// How many reports the moves take from each manager, by row.
pub fn moved_from(moves: &[ReportMove], members: usize) -> Vec<u32> {
    let mut moved = vec![0u32; members];
    for report in moves {
        moved[report.from.index] += 1;
    }
    moved
}
