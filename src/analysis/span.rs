//! Span of control: managers outside their role's range of direct reports,
//! and members whose manager is not in the roster.

use super::scope::{MemberRef, RoleRef, Scope};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanIssue {
    Over,
    Under,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpanBreach {
    pub manager: MemberRef,
    pub role: RoleRef,
    pub directs: u32,
    pub span_min: u32,
    pub span_max: u32,
    pub issue: SpanIssue,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MissingManager {
    pub member: MemberRef,
    /// The manager cell as the roster gives it.
    pub manager: String,
    /// How many members the cell matches: 0 (absent) or 2+ (ambiguous).
    pub matches: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SpanReport {
    pub breaches: Vec<SpanBreach>,
    pub missing_managers: Vec<MissingManager>,
}

/// Managers out of their span, counting only the reports on the team on
/// the scope's day (a leaver is nobody's report).
pub fn span_of_control(scope: &Scope) -> SpanReport {
    let workspace = scope.workspace;
    let managers = scope.managers();
    let mut directs = vec![0u32; workspace.members.len()];
    for (member, manager) in managers.iter().enumerate() {
        if let Ok(manager) = manager
            && scope.on_team(member)
        {
            directs[*manager] += 1;
        }
    }
    let mut report = SpanReport::default();
    for &member in &scope.members {
        // A planned manager starts with the reports the plan moves to
        // them and grows into the span: only too many is a breach.
        let planned = workspace.members[member].planned;
        if let Some(role) = scope.role_of(member)
            && let Some(span) = &role.span
            && !span.contains(directs[member])
            && !(planned && directs[member] < span.min)
        {
            report.breaches.push(SpanBreach {
                manager: scope.member_ref(member),
                role: RoleRef::new(role),
                directs: directs[member],
                span_min: span.min,
                span_max: span.max,
                issue: if directs[member] > span.max {
                    SpanIssue::Over
                } else {
                    SpanIssue::Under
                },
            });
        }
        if let (Err(matches), Some(reference)) =
            (&managers[member], &workspace.members[member].manager)
        {
            report.missing_managers.push(MissingManager {
                member: scope.member_ref(member),
                manager: reference.clone(),
                matches: *matches,
            });
        }
    }
    report.breaches.sort_by(|a, b| {
        (b.issue == SpanIssue::Over)
            .cmp(&(a.issue == SpanIssue::Over))
            .then(b.directs.cmp(&a.directs))
            .then_with(|| a.manager.name.cmp(&b.manager.name))
    });
    report
}
