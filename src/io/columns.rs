//! Recognising the known columns of a roster by their header, in the
//! spellings spreadsheets use.

use crate::model::normalize_label;

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
    }
}
