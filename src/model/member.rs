//! Members of the roster. Their skill levels live in the workspace's matrix.

use super::{Development, RoleId, TimeOff};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub name: String,
    /// Identifies the member where names repeat across an organisation.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub role: Option<RoleId>,
    #[serde(default)]
    pub team: Option<String>,
    /// The manager's name or email, as the roster gives it.
    #[serde(default)]
    pub manager: Option<String>,
    /// Share of a full-time position, 0.0-1.0.
    #[serde(default = "full_time")]
    pub fte: f64,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub years: Option<f64>,
    /// A seat the hiring plan adds: nobody fills it yet.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// Development targets and certifications.
    #[serde(default, skip_serializing_if = "Development::is_empty")]
    pub development: Development,
    /// Leave, part-time and other periods away.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub time_off: Vec<TimeOff>,
}

fn full_time() -> f64 {
    1.0
}

impl Member {
    pub fn new(name: &str) -> Member {
        Member {
            name: name.to_string(),
            email: None,
            role: None,
            team: None,
            manager: None,
            fte: 1.0,
            location: None,
            years: None,
            planned: false,
            development: Development::default(),
            time_off: Vec::new(),
        }
    }

    /// Whether `reference` (a manager cell) names this member, by email or
    /// by name, ignoring case.
    pub fn is_named_by(&self, reference: &str) -> bool {
        let reference = reference.trim();
        self.email
            .as_deref()
            .is_some_and(|email| email.eq_ignore_ascii_case(reference))
            || self.name.trim().eq_ignore_ascii_case(reference)
    }

    /// How a plan or a manager cell refers to this member: the email when
    /// there is one, which tells apart people who share a name.
    pub fn key(&self) -> String {
        self.email.clone().unwrap_or_else(|| self.name.clone())
    }
}
