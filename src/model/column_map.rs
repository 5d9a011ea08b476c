//! What a person chose for a roster file's columns: which field or skill
//! each header is, or that it is set aside. Kept in the workspace's
//! settings by the file's header, so the next file shaped the same way
//! imports the same way.

use super::normalize_label;
use serde::{Deserialize, Serialize};

/// What one column of a roster is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnUse {
    /// A member field, by the header Skillgrid writes for it (`Team`).
    Field(String),
    /// A skill, by a catalog name or alias, or a custom skill's name.
    Skill(String),
    /// Not read: an ID, a date, notes, a legend.
    SetAside,
}

impl ColumnUse {
    /// How the choice is written in a mapping file and said in a preview.
    pub fn spelled(&self) -> String {
        match self {
            ColumnUse::Field(field) => field.clone(),
            ColumnUse::Skill(skill) => format!("skill: {skill}"),
            ColumnUse::SetAside => "set aside".to_string(),
        }
    }
}

/// The choices for a file's columns, by header (any case or spacing).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMap {
    /// The file's header, as read, so a map is found again for a file
    /// with the same columns.
    #[serde(default)]
    pub header: Vec<String>,
    pub columns: Vec<(String, ColumnUse)>,
}

impl ColumnMap {
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// The choice for a header, if one was made.
    pub fn use_of(&self, header: &str) -> Option<&ColumnUse> {
        let key = normalize_label(header);
        self.columns
            .iter()
            .find(|(named, _)| normalize_label(named) == key)
            .map(|(_, choice)| choice)
    }

    /// Records (or replaces) the choice for a header.
    pub fn set(&mut self, header: &str, choice: ColumnUse) {
        let key = normalize_label(header);
        self.columns
            .retain(|(named, _)| normalize_label(named) != key);
        self.columns.push((header.to_string(), choice));
    }

    /// Whether this map was made for a file with `header`.
    pub fn fits(&self, header: &[String]) -> bool {
        let key = |cells: &[String]| -> Vec<String> {
            cells.iter().map(|cell| normalize_label(cell)).collect()
        };
        !self.header.is_empty() && key(&self.header) == key(header)
    }
}

/// The map remembered for a file with `header`, if any.
pub fn remembered_map<'m>(maps: &'m [ColumnMap], header: &[String]) -> Option<&'m ColumnMap> {
    maps.iter().find(|map| map.fits(header))
}
