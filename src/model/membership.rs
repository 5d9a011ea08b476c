//! Membership over time: the day someone joined and left, and dated changes
//! of their details (FTE, years, role, team, manager, location). A member's
//! fields hold their latest details; `Member::as_of` rewinds the changes
//! made after a date. `Workspace::is_member_on` is the one place that says
//! who belongs to the team on a day.

use super::{Date, Detail, DetailChange, EditError, Member, Workspace};

impl Member {
    /// Whether they belong to the team on `date` by their own dates: joined
    /// by then (when known) and not yet left. A leaver is out from the day
    /// they leave.
    pub fn dated_member_on(&self, date: Date) -> bool {
        self.joined.is_none_or(|joined| joined <= date) && self.left.is_none_or(|left| left > date)
    }

    /// The member with the details they had on `date`.
    pub fn as_of(&self, date: Date) -> Member {
        let mut then = self.clone();
        for change in self.changes.iter().rev().filter(|change| change.on > date) {
            change.detail.undo(&mut then);
        }
        then.changes.retain(|change| change.on <= date);
        if then.left.is_some_and(|left| left > date) {
            then.left = None;
        }
        then
    }

    /// Their FTE on `date`.
    pub fn fte_on(&self, date: Date) -> f64 {
        let mut fte = self.fte;
        for change in self.changes.iter().rev().filter(|change| change.on > date) {
            if let Detail::Fte { from, .. } = change.detail {
                fte = from;
            }
        }
        fte
    }

    /// Sets the details `incoming` gives (a round's row) and returns each
    /// change dated `on`, in field order. Details the row leaves blank are
    /// kept; FTE only when the row states it.
    pub fn take_details(&mut self, incoming: &Member, on: Date) -> Vec<DetailChange> {
        let mut changes = Vec::new();
        let given = |value: &Option<String>| {
            value
                .as_ref()
                .filter(|value| !value.trim().is_empty())
                .cloned()
        };
        if incoming.fte_stated && (incoming.fte - self.fte).abs() > 1e-9 {
            changes.push(Detail::Fte {
                from: self.fte,
                to: incoming.fte,
            });
        }
        if let Some(years) = incoming.years
            && self.years.is_none_or(|own| (own - years).abs() > 1e-9)
        {
            changes.push(Detail::Years {
                from: self.years,
                to: Some(years),
            });
        }
        if incoming.role.is_some() && incoming.role != self.role {
            changes.push(Detail::Role {
                from: self.role.clone(),
                to: incoming.role.clone(),
            });
        }
        let texts = [
            (given(&incoming.team), &self.team, 0),
            (given(&incoming.manager), &self.manager, 1),
            (given(&incoming.location), &self.location, 2),
        ];
        for (new, old, field) in texts {
            let Some(new) = new else { continue };
            if old.as_deref().map(str::trim) == Some(new.trim()) {
                continue;
            }
            let (from, to) = (old.clone(), Some(new));
            changes.push(match field {
                0 => Detail::Team { from, to },
                1 => Detail::Manager { from, to },
                _ => Detail::Location { from, to },
            });
        }
        if let Some(email) = given(&incoming.email) {
            self.email = Some(email);
        }
        let dated: Vec<DetailChange> = changes
            .into_iter()
            .map(|detail| DetailChange { on, detail })
            .collect();
        for change in &dated {
            self.apply_change(change.clone());
        }
        dated
    }

    /// Applies a dated change and keeps it in the record, oldest first.
    pub fn apply_change(&mut self, change: DetailChange) {
        match &change.detail {
            Detail::Fte { to, .. } => self.fte = *to,
            Detail::Years { to, .. } => self.years = *to,
            Detail::Role { to, .. } => self.role.clone_from(to),
            Detail::Team { to, .. } => self.team.clone_from(to),
            Detail::Manager { to, .. } => self.manager.clone_from(to),
            Detail::Location { to, .. } => self.location.clone_from(to),
        }
        let at = self.changes.partition_point(|known| known.on <= change.on);
        self.changes.insert(at, change);
    }
}

/// Members by email and by name, case-insensitively as `Member::is_named_by`
/// compares them: built once, so matching a file of rows to the roster
/// looks each row up rather than scanning every member.
#[derive(Clone, Debug, Default)]
pub struct MemberIndex {
    by_email: std::collections::HashMap<String, Vec<usize>>,
    by_name: std::collections::HashMap<String, Vec<usize>>,
}

impl MemberIndex {
    pub fn new(workspace: &Workspace) -> MemberIndex {
        let mut index = MemberIndex::default();
        for (row, member) in workspace.members.iter().enumerate() {
            index.add(row, member);
        }
        index
    }

    /// Takes in a member just added at `row`.
    pub fn add(&mut self, row: usize, member: &Member) {
        if let Some(email) = member.email.as_deref() {
            self.by_email
                .entry(email.trim().to_ascii_lowercase())
                .or_default()
                .push(row);
        }
        self.by_name
            .entry(member.name.trim().to_ascii_lowercase())
            .or_default()
            .push(row);
    }

    /// Every member `reference` names, by email or by name, in roster order.
    pub fn named(&self, reference: &str) -> Vec<usize> {
        let key = reference.trim().to_ascii_lowercase();
        let mut found: Vec<usize> = self
            .by_email
            .get(&key)
            .into_iter()
            .chain(self.by_name.get(&key))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The member a round's row is: the first by email, else by name.
    pub fn matching(&self, incoming: &Member) -> Option<usize> {
        let by_email = incoming
            .email
            .as_deref()
            .filter(|email| !email.trim().is_empty())
            .and_then(|email| self.by_email.get(&email.trim().to_ascii_lowercase()))
            .and_then(|rows| rows.iter().min().copied());
        by_email.or_else(|| {
            self.by_name
                .get(&incoming.name.trim().to_ascii_lowercase())
                .and_then(|rows| rows.iter().min().copied())
        })
    }
}

impl Workspace {
    /// Whether `member` belongs to the team on `date`: joined by then
    /// (when known) and not yet left. The one place membership is decided.
    pub fn is_member_on(&self, member: usize, date: Date) -> bool {
        self.members[member].dated_member_on(date)
    }

    /// Gives a joining date to each member a file kept none for whose every
    /// level came from dated ratings: they joined on the first of them
    /// (rounds before joining dates were kept brought people in that way).
    /// Returns how many were given one.
    pub fn infer_joining(&mut self) -> usize {
        let skills = self.skills.len();
        let mut given = 0;
        // Stamped with the member whose record holds the skill.
        let mut recorded_by = vec![usize::MAX; skills];
        for member in 0..self.members.len().min(self.levels.members()) {
            if self.members[member].joined.is_some() {
                continue;
            }
            let row = self.history.row(member);
            let Some(first) = row.entries().first().and_then(|entry| entry.as_of) else {
                continue;
            };
            for entry in row.entries() {
                if let Some(slot) = recorded_by.get_mut(entry.skill as usize) {
                    *slot = member;
                }
            }
            let undated_level = self
                .levels
                .row(member)
                .iter()
                .zip(&recorded_by)
                .any(|(cell, &by)| by != member && !cell.is_blank());
            if !undated_level {
                self.members[member].joined = Some(first);
                given += 1;
            }
        }
        given
    }

    /// Whether `member` is on the team on some day from `first` to `last`
    /// by their joined and left dates.
    pub fn member_between(&self, member: usize, first: Date, last: Date) -> bool {
        let record = &self.members[member];
        record.joined.is_none_or(|joined| joined <= last)
            && record.left.is_none_or(|left| left > first)
    }

    /// Records that `member` left on `on`: from that day they are out of
    /// every count; their record stays.
    pub fn record_leaver(&mut self, member: usize, on: Date) -> Result<(), EditError> {
        let record = self
            .members
            .get_mut(member)
            .ok_or(EditError::Gone("member"))?;
        if record.joined.is_some_and(|joined| joined > on) {
            return Err(EditError::Invalid {
                field: "leaving date",
                found: on.to_string(),
                expected: "is before the day they joined: expected that day or later",
            });
        }
        record.left = Some(on);
        Ok(())
    }

    /// Takes back a leaving date: they are a member again.
    pub fn clear_leaver(&mut self, member: usize) -> Result<(), EditError> {
        let record = self
            .members
            .get_mut(member)
            .ok_or(EditError::Gone("member"))?;
        record.left = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn a_round_changes_details_dated_and_as_of_rewinds_them() {
        let mut kwame = Member::new("Kwame Mensah");
        kwame.team = Some("Growth".into());
        let mut row = Member::new("Kwame Mensah");
        row.fte = 0.8;
        row.fte_stated = true;
        row.team = Some("Payments".into());
        let changes = kwame.take_details(&row, date("2026-06-30"));
        let said: Vec<String> = changes.iter().map(|c| c.detail.describe()).collect();
        assert_eq!(said, ["FTE 1.0 -> 0.8", "team Growth -> Payments"]);
        assert_eq!((kwame.fte, kwame.team.as_deref()), (0.8, Some("Payments")));
        let march = kwame.as_of(date("2026-03-31"));
        assert_eq!((march.fte, march.team.as_deref()), (1.0, Some("Growth")));
        assert_eq!(kwame.fte_on(date("2026-06-29")), 1.0);
        assert_eq!(kwame.fte_on(date("2026-06-30")), 0.8);
    }

    #[test]
    fn a_row_that_states_no_fte_changes_none() {
        let mut ana = Member::new("Ana");
        ana.fte = 0.6;
        let mut row = Member::new("Ana");
        row.fte_stated = false;
        assert!(ana.take_details(&row, date("2026-06-30")).is_empty());
        assert_eq!(ana.fte, 0.6);
    }

    #[test]
    fn a_leaver_is_out_from_the_day_they_leave() {
        let mut workspace = Workspace::default();
        let ana = workspace.push_member(Member::new("Ana"));
        workspace
            .record_leaver(ana, date("2026-09-01"))
            .expect("a member");
        assert!(workspace.is_member_on(ana, date("2026-08-31")));
        assert!(!workspace.is_member_on(ana, date("2026-09-01")));
        let then = workspace.members[ana].as_of(date("2026-08-31"));
        assert_eq!(then.left, None);
    }
}
