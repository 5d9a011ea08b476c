//! Who manages whom: each member's manager cell resolved to a row once,
//! for the span of control, the rebalancing and the scope.

use crate::model::Workspace;
use std::collections::HashMap;

/// Lowercased emails and names, for references that differ only in case.
type FoldedIndex = (HashMap<String, usize>, HashMap<String, Vec<usize>>);

/// Each member's manager, resolved by email, else by a name only one
/// member has: the manager's row, or how many members the reference
/// matches (0 absent, 2+ ambiguous).
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
