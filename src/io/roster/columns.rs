//! Recognising the known columns of a roster by their header, in the
//! spellings spreadsheets use.

use crate::io::text::Table;
use crate::model::normalize_label;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Email,
    Role,
    Team,
    Manager,
    Fte,
    Location,
    Years,
    /// Long layout only.
    Skill,
    /// Long layout only.
    Level,
    /// Long layout only.
    Interest,
}

const SPELLINGS: &[(Field, &[&str])] = &[
    (
        Field::Name,
        &[
            "name",
            "full name",
            "member",
            "person",
            "employee",
            "employee name",
            "member name",
        ],
    ),
    (
        Field::Email,
        &["email", "e mail", "email address", "mail", "work email"],
    ),
    (
        Field::Role,
        &["role", "title", "job title", "position", "role title"],
    ),
    (
        Field::Team,
        &["team", "squad", "group", "team name", "department"],
    ),
    (
        Field::Manager,
        &[
            "manager",
            "reports to",
            "line manager",
            "manager name",
            "supervisor",
            "manager email",
        ],
    ),
    (Field::Fte, &["fte", "capacity", "allocation", "fte share"]),
    (
        Field::Location,
        &["location", "office", "city", "site", "country"],
    ),
    (
        Field::Years,
        &[
            "years",
            "years of experience",
            "experience",
            "yoe",
            "experience years",
        ],
    ),
    (
        Field::Skill,
        &["skill", "competency", "skill name", "competence"],
    ),
    (
        Field::Level,
        &[
            "level",
            "proficiency",
            "rating",
            "score",
            "skill level",
            "your level",
            "self level",
        ],
    ),
    (
        Field::Interest,
        &["interest", "wants to grow", "growth interest", "interested"],
    ),
];

impl Field {
    pub fn from_header(header: &str) -> Option<Field> {
        // `#NAME?` spells an error, not the Name column.
        if crate::io::text::is_excel_error(header) {
            return None;
        }
        let key = normalize_label(header);
        SPELLINGS
            .iter()
            .find(|(_, spellings)| spellings.contains(&key.as_str()))
            .map(|(field, _)| *field)
    }

    /// The header Skillgrid writes.
    pub fn header(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Email => "Email",
            Field::Role => "Role",
            Field::Team => "Team",
            Field::Manager => "Manager",
            Field::Fte => "FTE",
            Field::Location => "Location",
            Field::Years => "Years",
            Field::Skill => "Skill",
            Field::Level => "Level",
            Field::Interest => "Interest",
        }
    }

    pub fn is_member_field(self) -> bool {
        !matches!(self, Field::Skill | Field::Level | Field::Interest)
    }
}

/// How a roster file lays out its levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One row a member, one column a skill.
    Wide,
    /// One row per (member, skill, level).
    Long,
}

/// A roster's layout, told by its header: long when it has both a skill
/// and a level column.
pub(crate) fn layout_of(table: &Table) -> Layout {
    let fields = known_columns(table, |_| true);
    if fields.contains_key(&Field::Skill) && fields.contains_key(&Field::Level) {
        Layout::Long
    } else {
        Layout::Wide
    }
}

/// Where each roster field sits in the header, for the fields `wanted`.
pub(crate) fn known_columns(
    table: &Table,
    wanted: impl Fn(Field) -> bool,
) -> HashMap<Field, usize> {
    table.columns_by(|header| Field::from_header(header).filter(|field| wanted(*field)))
}

/// A roster's header names its members' column.
pub(crate) fn is_roster_header(header: &[String]) -> bool {
    header
        .iter()
        .any(|cell| Field::from_header(cell) == Some(Field::Name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_spreadsheet_headers_are_known() {
        assert_eq!(Field::from_header("Full name"), Some(Field::Name));
        assert_eq!(Field::from_header("E-mail"), Some(Field::Email));
        assert_eq!(Field::from_header(" Reports To "), Some(Field::Manager));
        assert_eq!(Field::from_header("Squad"), Some(Field::Team));
        assert_eq!(Field::from_header("Capacity"), Some(Field::Fte));
        assert_eq!(Field::from_header("Kubernetes"), None);
        assert_eq!(Field::from_header("#NAME?"), None);
    }
}
