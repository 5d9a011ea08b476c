//! Span of control: managers outside their role's range of direct reports,
//! and members whose manager is not in the roster.

use super::scope::{MemberRef, RoleRef, Scope};
use crate::model::Workspace;
use serde::Serialize;
use std::collections::HashMap;

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

/// Each member's manager, resolved by email, else by a name only one
/// member has.
pub fn resolve_managers(workspace: &Workspace) -> Vec<Result<usize, u32>> {
    let mut by_email: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, member) in workspace.members.iter().enumerate() {
        if let Some(email) = &member.email {
            by_email.insert(email.trim().to_lowercase(), index);
        }
        by_name
            .entry(member.name.trim().to_lowercase())
            .or_default()
            .push(index);
    }
    workspace
        .members
        .iter()
        .map(|member| {
            let Some(reference) = member.manager.as_deref() else {
                return Err(0);
            };
            let key = reference.trim().to_lowercase();
            if let Some(&index) = by_email.get(&key) {
                return Ok(index);
            }
            match by_name.get(&key).map(Vec::as_slice) {
                Some([index]) => Ok(*index),
                Some(several) => Err(several.len() as u32),
                None => Err(0),
            }
        })
        .collect()
}

pub fn span_of_control(scope: &Scope) -> SpanReport {
    let workspace = scope.workspace;
    let managers = resolve_managers(workspace);
    let mut directs = vec![0u32; workspace.members.len()];
    for manager in managers.iter().flatten() {
        directs[*manager] += 1;
    }
    let mut report = SpanReport::default();
    for &member in &scope.members {
        if let Some(role) = scope.role_of(member)
            && let Some(span) = &role.span
            && !span.contains(directs[member])
        {
            report.breaches.push(SpanBreach {
                manager: MemberRef::new(workspace, member),
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
                member: MemberRef::new(workspace, member),
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
