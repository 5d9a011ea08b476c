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
/// Lowercased emails and names, for references that differ only in case.
type FoldedIndex = (HashMap<String, usize>, HashMap<String, Vec<usize>>);

pub fn resolve_managers(workspace: &Workspace) -> Vec<Result<usize, u32>> {
    // Keyed by the roster's own text, so the usual exact match allocates
    // nothing; a case-insensitive pass runs only for what that misses.
    let mut by_email: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, member) in workspace.members.iter().enumerate() {
        if let Some(email) = &member.email {
            by_email.insert(email.trim(), index);
        }
        by_name.entry(member.name.trim()).or_default().push(index);
    }
    let mut folded: Option<FoldedIndex> = None;
    workspace
        .members
        .iter()
        .map(|member| {
            let reference = member.manager.as_deref().map(str::trim).ok_or(0u32)?;
            let one_of = |indices: &[usize]| match indices {
                [index] => Ok(*index),
                several => Err(several.len() as u32),
            };
            if let Some(&index) = by_email.get(reference) {
                return Ok(index);
            }
            if let Some(indices) = by_name.get(reference) {
                return one_of(indices);
            }
            let (emails, names) = folded.get_or_insert_with(|| {
                let emails = by_email
                    .iter()
                    .map(|(k, &v)| (k.to_lowercase(), v))
                    .collect();
                let mut names: HashMap<String, Vec<usize>> = HashMap::new();
                for (name, indices) in &by_name {
                    names
                        .entry(name.to_lowercase())
                        .or_default()
                        .extend(indices);
                }
                (emails, names)
            });
            let key = reference.to_lowercase();
            match emails.get(&key) {
                Some(&index) => Ok(index),
                None => one_of(names.get(&key).map_or(&[][..], Vec::as_slice)),
            }
        })
        .collect()
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
