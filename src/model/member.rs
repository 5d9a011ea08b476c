//! Members of the roster. Their skill levels live in the workspace's matrix.

use super::{Date, Development, RoleId, TimeOff, WorkEvidence};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Member {
    pub name: String,
    /// Identifies the member where names repeat across an organisation.
    #[serde(default)]
    pub email: Option<String>,
    /// Further addresses they commit under, for work evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
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
    /// The day they joined, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<Date>,
    /// The day they left: from then they are out of every count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Date>,
    /// Dated changes of their details, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<DetailChange>,
    /// What their commits touched, per skill and month (never a level).
    #[serde(default, skip_serializing_if = "WorkEvidence::is_empty")]
    pub work: WorkEvidence,
    /// Whether the file this member was read from states their FTE (a
    /// roster with no FTE column does not): a round changes only what it
    /// states. Not a detail of the member, so not saved or compared.
    #[serde(skip, default = "stated")]
    pub fte_stated: bool,
}

fn stated() -> bool {
    true
}

impl PartialEq for Member {
    fn eq(&self, other: &Member) -> bool {
        // Destructured so a new field cannot be left out by accident.
        let Member {
            name,
            email,
            emails,
            role,
            team,
            manager,
            fte,
            location,
            years,
            planned,
            development,
            time_off,
            joined,
            left,
            changes,
            work,
            fte_stated: _,
        } = self;
        *name == other.name
            && *email == other.email
            && *role == other.role
            && *team == other.team
            && *manager == other.manager
            && *fte == other.fte
            && *location == other.location
            && *years == other.years
            && *planned == other.planned
            && *development == other.development
            && *time_off == other.time_off
            && *joined == other.joined
            && *left == other.left
            && *changes == other.changes
            && *emails == other.emails
            && *work == other.work
    }
}

fn full_time() -> f64 {
    1.0
}

impl Member {
    pub fn new(name: &str) -> Member {
        Member {
            name: name.to_string(),
            email: None,
            emails: Vec::new(),
            role: None,
            team: None,
            manager: None,
            fte: 1.0,
            location: None,
            years: None,
            planned: false,
            development: Development::default(),
            time_off: Vec::new(),
            joined: None,
            left: None,
            changes: Vec::new(),
            work: WorkEvidence::default(),
            fte_stated: true,
        }
    }

    /// Whether `reference` (a manager cell) names this member, by email or
    /// by name, ignoring case.
    pub fn is_named_by(&self, reference: &str) -> bool {
        let reference = reference.trim();
        self.email
            .as_deref()
            .is_some_and(|email| email.trim().eq_ignore_ascii_case(reference))
            || self.name.trim().eq_ignore_ascii_case(reference)
    }

    /// How a plan or a manager cell refers to this member: the email when
    /// there is one, which tells apart people who share a name.
    pub fn key(&self) -> String {
        self.email.clone().unwrap_or_else(|| self.name.clone())
    }
}

/// One detail before and after a change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case")]
pub enum Detail {
    Fte {
        from: f64,
        to: f64,
    },
    Years {
        from: Option<f64>,
        to: Option<f64>,
    },
    Role {
        from: Option<RoleId>,
        to: Option<RoleId>,
    },
    Team {
        from: Option<String>,
        to: Option<String>,
    },
    Manager {
        from: Option<String>,
        to: Option<String>,
    },
    Location {
        from: Option<String>,
        to: Option<String>,
    },
}

/// A detail that changed on a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DetailChange {
    pub on: Date,
    #[serde(flatten)]
    pub detail: Detail,
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(|| "none".to_string())
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "none".to_string(), |value| format!("{value:.1}"))
}

impl Detail {
    /// `FTE 1.0 -> 0.8`, `team Growth -> Payments`.
    pub fn describe(&self) -> String {
        match self {
            Detail::Fte { from, to } => format!("FTE {from:.1} -> {to:.1}"),
            Detail::Years { from, to } => format!("years {} -> {}", number(*from), number(*to)),
            Detail::Role { from, to } => format!(
                "role {} -> {}",
                from.as_ref().map_or("none", |r| r.as_str()),
                to.as_ref().map_or("none", |r| r.as_str())
            ),
            Detail::Team { from, to } => format!("team {} -> {}", text(from), text(to)),
            Detail::Manager { from, to } => format!("manager {} -> {}", text(from), text(to)),
            Detail::Location { from, to } => {
                format!("location {} -> {}", text(from), text(to))
            }
        }
    }

    /// Puts the value from before the change back on `member`.
    pub(super) fn undo(&self, member: &mut Member) {
        match self {
            Detail::Fte { from, .. } => member.fte = *from,
            Detail::Years { from, .. } => member.years = *from,
            Detail::Role { from, .. } => member.role.clone_from(from),
            Detail::Team { from, .. } => member.team.clone_from(from),
            Detail::Manager { from, .. } => member.manager.clone_from(from),
            Detail::Location { from, .. } => member.location.clone_from(from),
        }
    }
}
