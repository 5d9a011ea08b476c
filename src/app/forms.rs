//! What the views have selected and typed but not yet applied: the
//! views' own state, kept by the window beside `AppState` and written by
//! the views directly. Nothing here is the document; a command carries
//! what is typed into it.

use super::Outcome;
use crate::model::{Role, Workspace};

/// The questions asked of a roster imported as a round.
#[derive(Clone, Debug)]
pub struct RoundForm {
    /// `None` until the dialog first shows, then today.
    pub as_of: Option<crate::model::Date>,
    pub rater: crate::model::Rater,
    /// Members missing from the round left on its date.
    pub leavers: bool,
}

impl Default for RoundForm {
    fn default() -> Self {
        RoundForm {
            as_of: None,
            rater: crate::model::Rater::Manager,
            leavers: false,
        }
    }
}

/// What the insight views have selected, and text being typed in them.
#[derive(Clone, Debug, Default)]
pub struct ViewSelection {
    /// The member whose leaving date is being picked, and the date.
    pub leaver: Option<(usize, crate::model::Date)>,
    /// The round being imported: its date and rater as picked.
    pub round: RoundForm,
    /// The workbook sheet picked to read the roster from, by position.
    pub sheet: usize,
    /// The "who knows X" question as typed.
    pub who: super::WhoForm,
    /// The review lists differences by team instead of widest first.
    pub review_by_team: bool,
    /// The note being typed for the selected cell, and the cell and the
    /// document version it was last read from.
    pub note: String,
    pub note_cell: Option<(usize, usize, u64, u64)>,
    /// The target and the certification being typed into their dialogs;
    /// `None` while the dialog is closed.
    pub target: Option<super::TargetForm>,
    pub certifications: Option<super::CertificationForm>,
    pub time_off: Option<super::TimeOffForm>,
    /// The licence typed in the framework preview (`None`: not yet shown).
    pub framework_licence: Option<String>,
    /// The timeline's mode, zoom and drag.
    pub timeline: super::TimelineForm,
    /// The member the fit view shows.
    pub member: Option<usize>,
    /// What is typed in the fit and hiring views' member search.
    pub member_query: String,
    /// The role whose successors the fit view lists.
    pub succession_role: Option<usize>,
    /// The role planned hires are added as, and their team.
    pub hire_role: Option<usize>,
    pub hire_team: Option<String>,
    pub departure: Option<usize>,
    /// The budget field, as typed.
    pub budget_text: String,
    /// Roles editor: the role and skill selected, and names being typed.
    pub role: Option<usize>,
    pub role_title: String,
    pub skill: Option<usize>,
    pub skill_name: String,
    pub new_skill: String,
    pub new_skill_soft: bool,
    pub merge_into: Option<usize>,
    pub new_requirement: Option<usize>,
    /// Staffing: the project selected, its details as typed, the line
    /// being added, and the skill the quarter chart shows.
    pub project: Option<usize>,
    pub project_name: String,
    pub project_start: String,
    pub project_end: String,
    pub project_priority: String,
    pub line_skill: Option<usize>,
    pub line_role: Option<usize>,
    pub line_level: u8,
    pub line_people: String,
    pub line_fte: String,
    pub chart_skill: Option<String>,
}

impl ViewSelection {
    /// Selects a project and loads its details into the editor.
    pub fn select_project(&mut self, workspace: &Workspace, index: usize) {
        let Some(project) = workspace.projects.get(index) else {
            return;
        };
        self.project = Some(index);
        self.project_name = project.name.clone();
        self.project_start = project.start.clone();
        self.project_end = project.end.clone();
        self.project_priority = project.priority.to_string();
    }

    pub fn select_role(&mut self, index: usize, role: &Role) {
        self.role = Some(index);
        self.skill = None;
        self.role_title = role.title.clone();
    }

    pub fn select_skill(&mut self, workspace: &Workspace, column: usize) {
        let Some(skill) = workspace.skills.get(column) else {
            return;
        };
        self.skill = Some(column);
        self.role = None;
        self.skill_name = skill.name.clone();
        self.merge_into = None;
    }

    /// Follows what a command did: a new document starts afresh, a new
    /// project, role or skill is selected.
    pub fn follow(&mut self, outcome: &Outcome, workspace: &Workspace) {
        match outcome {
            Outcome::Done => {}
            Outcome::NewDocument => *self = ViewSelection::default(),
            Outcome::ProjectAdded(index) => self.select_project(workspace, *index),
            Outcome::SkillAdded(column) => {
                self.new_skill.clear();
                self.select_skill(workspace, *column);
            }
            Outcome::RoleAdded(index) => {
                if let Some(role) = workspace.roles.get(*index) {
                    self.select_role(*index, role);
                }
            }
            Outcome::SkillKept(column) => self.select_skill(workspace, *column),
            Outcome::ProjectsReplaced => {
                self.project = None;
                self.project_name.clear();
                self.project_start.clear();
                self.project_end.clear();
                self.project_priority.clear();
            }
            Outcome::MembersMoved => {
                self.member = None;
                self.departure = None;
            }
            Outcome::ShowMember(member) => self.member = Some(*member),
        }
    }
}
