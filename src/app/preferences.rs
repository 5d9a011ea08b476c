//! The views of the window and what persists between runs: the theme,
//! the zoom, the last view and the recent files (never the roster).

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const RECENT_FILES: usize = 8;

/// The views of the left navigation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// The home view: the team's state in headlines.
    #[default]
    Overview,
    Matrix,
    Gaps,
    Fit,
    Hiring,
    Capacity,
    Staffing,
    /// People and projects week by week.
    Timeline,
    /// Named plans side by side.
    Scenarios,
    /// Self ratings against the manager's, to settle.
    Review,
    Roles,
}

impl View {
    pub const ALL: [View; 11] = [
        View::Overview,
        View::Matrix,
        View::Gaps,
        View::Fit,
        View::Hiring,
        View::Capacity,
        View::Staffing,
        View::Timeline,
        View::Scenarios,
        View::Review,
        View::Roles,
    ];

    /// What `--view` calls it.
    pub fn name(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Matrix => "matrix",
            View::Gaps => "gaps",
            View::Fit => "fit",
            View::Hiring => "hiring",
            View::Capacity => "capacity",
            View::Staffing => "staffing",
            View::Timeline => "timeline",
            View::Scenarios => "scenarios",
            View::Review => "review",
            View::Roles => "roles",
        }
    }

    /// What the navigation calls it.
    pub fn label(self) -> &'static str {
        match self {
            View::Overview => "Overview",
            View::Matrix => "Skills matrix",
            View::Gaps => "Gaps & bus factor",
            View::Fit => "Fit & succession",
            View::Hiring => "Hiring plan",
            View::Capacity => "Team capacity",
            View::Staffing => "Staffing",
            View::Timeline => "Timeline",
            View::Scenarios => "Scenarios",
            View::Review => "Review",
            View::Roles => "Roles & skills",
        }
    }

    /// The question the view answers, for the guide and its tooltip.
    pub fn question(self) -> &'static str {
        match self {
            View::Overview => "What needs my attention in the team now?",
            View::Matrix => "Who holds which skill, at what level, and what changed?",
            View::Gaps => "Which required skills rest on one person or nobody?",
            View::Fit => "How well does each person fit their role, and who could step up?",
            View::Hiring => "Whom to grow, whom to move and whom to hire next, at what cost?",
            View::Capacity => {
                "How does the team's time split between strategy, people and building?"
            }
            View::Staffing => "Who staffs each project, and what stays open and why?",
            View::Timeline => "Week by week: who is away, booked, or free?",
            View::Scenarios => {
                "Which plan leaves fewer single points of failure and open places, at what cost?"
            }
            View::Review => "Where do self ratings differ from the manager's, to settle?",
            View::Roles => "What does each role require, and which skills exist?",
        }
    }

    pub fn from_name(name: &str) -> Option<View> {
        View::ALL
            .into_iter()
            .find(|view| view.name().eq_ignore_ascii_case(name))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// What persists between runs (never the roster itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub theme: ThemeChoice,
    pub zoom: f32,
    pub last_view: View,
    pub recent_files: Vec<PathBuf>,
}

impl Preferences {
    /// The defaults, opening on `view`.
    pub fn opening_on(view: View) -> Preferences {
        Preferences {
            last_view: view,
            ..Preferences::default()
        }
    }
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            theme: ThemeChoice::System,
            zoom: 1.0,
            last_view: View::Overview,
            recent_files: Vec::new(),
        }
    }
}

impl Preferences {
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|known| known != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(RECENT_FILES);
    }
}
