//! People added and edited by hand, as typed edits: the window's People
//! panel and member menu call these. A change of FTE, years, role, team,
//! manager or location is dated, as a round's would be, so the past stays
//! as it was; a name or email is corrected in place.

use super::{Date, Detail, DetailChange, EditError, Member, RoleId, Workspace, checked_name};

/// A member's details as a person typed them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemberDetails {
    pub name: String,
    pub email: String,
    pub role: Option<RoleId>,
    pub team: String,
    pub manager: String,
    /// As typed: `0.8`, `0,8` or `80%`.
    pub fte: String,
    pub location: String,
    /// As typed; blank for not known.
    pub years: String,
    /// Further addresses they commit under, as typed: comma-separated.
    pub other_emails: String,
}

impl MemberDetails {
    /// The details a member has now, ready to edit.
    pub fn of(member: &Member) -> MemberDetails {
        MemberDetails {
            name: member.name.clone(),
            email: member.email.clone().unwrap_or_default(),
            role: member.role.clone(),
            team: member.team.clone().unwrap_or_default(),
            manager: member.manager.clone().unwrap_or_default(),
            fte: format!("{}", member.fte),
            location: member.location.clone().unwrap_or_default(),
            years: member
                .years
                .map_or(String::new(), |years| format!("{years}")),
            other_emails: member.emails.join(", "),
        }
    }
}

/// Addresses as typed, split on commas, semicolons or spaces.
fn typed_emails(text: &str) -> Result<Vec<String>, EditError> {
    let mut emails: Vec<String> = Vec::new();
    for email in text.split([',', ';', ' ']).map(str::trim) {
        if email.is_empty() {
            continue;
        }
        if !email.contains('@') {
            return Err(EditError::Invalid {
                field: "other email",
                found: email.to_string(),
                expected: "is not an email address: expected name@example.org",
            });
        }
        if !emails.iter().any(|known| known.eq_ignore_ascii_case(email)) {
            emails.push(email.to_string());
        }
    }
    Ok(emails)
}

fn blank_is_none(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A share of full time as people write it: `0.8`, `0,8`, `80%`.
fn typed_fte(text: &str) -> Result<f64, EditError> {
    let trimmed = text.trim();
    let (number, percent) = match trimmed.strip_suffix('%') {
        Some(number) => (number.trim(), true),
        None => (trimmed, false),
    };
    let value: f64 = number
        .replace(',', ".")
        .parse()
        .map_err(|_| EditError::Invalid {
            field: "FTE",
            found: trimmed.to_string(),
            expected: "is not a share of full time: expected 1, 0.8 or 80%",
        })?;
    let value = if percent { value / 100.0 } else { value };
    if !(value > 0.0 && value <= 1.0) {
        return Err(EditError::Invalid {
            field: "FTE",
            found: trimmed.to_string(),
            expected: "is outside 0-1: 1 is full time, 0.5 half",
        });
    }
    Ok(value)
}

fn typed_years(text: &str) -> Result<Option<f64>, EditError> {
    let Some(text) = blank_is_none(text) else {
        return Ok(None);
    };
    match text.replace(',', ".").parse::<f64>() {
        Ok(years) if (0.0..=70.0).contains(&years) => Ok(Some(years)),
        _ => Err(EditError::Invalid {
            field: "years",
            found: text,
            expected: "is not a number of years from 0 to 70",
        }),
    }
}

impl Workspace {
    fn check_email_free(
        &self,
        email: Option<&str>,
        except: Option<usize>,
    ) -> Result<(), EditError> {
        let Some(email) = email else {
            return Ok(());
        };
        let taken = self.members.iter().enumerate().find(|(index, member)| {
            Some(*index) != except
                && member
                    .email
                    .as_deref()
                    .is_some_and(|other| other.eq_ignore_ascii_case(email))
        });
        match taken {
            Some((_, member)) => Err(EditError::EmailTaken {
                email: email.to_string(),
                holder: member.name.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Adds a member who joined on `joined`, with no ratings yet; gives
    /// their row.
    pub fn add_member(
        &mut self,
        details: &MemberDetails,
        joined: Date,
    ) -> Result<usize, EditError> {
        let name = checked_name(&details.name, "member")?;
        let email = blank_is_none(&details.email);
        self.check_email_free(email.as_deref(), None)?;
        let mut member = Member::new(&name);
        member.email = email;
        member.role.clone_from(&details.role);
        member.team = blank_is_none(&details.team);
        member.manager = blank_is_none(&details.manager);
        member.fte = if details.fte.trim().is_empty() {
            1.0
        } else {
            typed_fte(&details.fte)?
        };
        member.location = blank_is_none(&details.location);
        member.years = typed_years(&details.years)?;
        member.emails = typed_emails(&details.other_emails)?;
        member.joined = Some(joined);
        Ok(self.push_member(member))
    }

    /// Sets a member's details: each change of FTE, years, role, team,
    /// manager or location is recorded as of `on`; name and email are
    /// corrected. Returns the dated changes.
    pub fn edit_member(
        &mut self,
        member: usize,
        details: &MemberDetails,
        on: Date,
    ) -> Result<Vec<DetailChange>, EditError> {
        let name = checked_name(&details.name, "member")?;
        let email = blank_is_none(&details.email);
        self.check_email_free(email.as_deref(), Some(member))?;
        let fte = typed_fte(&details.fte)?;
        let years = typed_years(&details.years)?;
        let emails = typed_emails(&details.other_emails)?;
        let record = self
            .members
            .get_mut(member)
            .ok_or(EditError::Gone("member"))?;
        let mut changes = Vec::new();
        if (record.fte - fte).abs() > 1e-9 {
            changes.push(Detail::Fte {
                from: record.fte,
                to: fte,
            });
        }
        if record.years != years {
            changes.push(Detail::Years {
                from: record.years,
                to: years,
            });
        }
        if record.role != details.role {
            changes.push(Detail::Role {
                from: record.role.clone(),
                to: details.role.clone(),
            });
        }
        let team = blank_is_none(&details.team);
        if record.team != team {
            changes.push(Detail::Team {
                from: record.team.clone(),
                to: team,
            });
        }
        let manager = blank_is_none(&details.manager);
        if record.manager != manager {
            changes.push(Detail::Manager {
                from: record.manager.clone(),
                to: manager,
            });
        }
        let location = blank_is_none(&details.location);
        if record.location != location {
            changes.push(Detail::Location {
                from: record.location.clone(),
                to: location,
            });
        }
        record.name = name;
        record.email = email;
        record.emails = emails;
        let dated: Vec<DetailChange> = changes
            .into_iter()
            .map(|detail| DetailChange { on, detail })
            .collect();
        for change in &dated {
            record.apply_change(change.clone());
        }
        Ok(dated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn a_member_added_by_hand_joins_with_no_ratings() {
        let mut workspace = Workspace::default();
        let details = MemberDetails {
            name: " Ana Lima ".into(),
            email: "ana@example.org".into(),
            team: "Payments".into(),
            fte: "80%".into(),
            ..MemberDetails::default()
        };
        let row = workspace
            .add_member(&details, day("2026-12-07"))
            .expect("added");
        let member = &workspace.members[row];
        assert_eq!(member.name, "Ana Lima");
        assert_eq!(member.fte, 0.8);
        assert_eq!(member.joined, Some(day("2026-12-07")));
        assert!(workspace.levels.row(row).iter().all(|cell| cell.is_blank()));
        let again = workspace.add_member(&details, day("2026-12-07"));
        assert!(
            matches!(again, Err(EditError::EmailTaken { .. })),
            "an email is one person's"
        );
    }

    #[test]
    fn an_edit_dates_what_changed_and_keeps_the_past() {
        let mut workspace = Workspace::default();
        let row = workspace.push_member(Member::new("Kwame Mensah"));
        let mut details = MemberDetails::of(&workspace.members[row]);
        details.fte = "0.8".into();
        details.team = "Growth".into();
        let changes = workspace
            .edit_member(row, &details, day("2026-09-01"))
            .expect("edited");
        assert_eq!(changes.len(), 2);
        assert_eq!(workspace.members[row].fte, 0.8);
        assert_eq!(workspace.members[row].fte_on(day("2026-08-31")), 1.0);
        details.fte = "1.5".into();
        assert!(
            workspace
                .edit_member(row, &details, day("2026-10-01"))
                .is_err()
        );
    }
}
