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

/// What each view has selected and typed, a part per view.
#[derive(Clone, Debug, Default)]
pub struct ViewSelection {
    pub matrix: MatrixInputs,
    /// The questions an import asks: a round's date and rater, a sheet.
    pub import: ImportQuestions,
    /// The "who knows X" question as typed.
    pub who: super::WhoForm,
    pub review: ReviewInputs,
    pub framework: FrameworkInputs,
    /// The timeline's mode, zoom and drag.
    pub timeline: super::TimelineForm,
    /// The member shown in the fit view, and the member search the fit and
    /// hiring views share.
    pub people: PeopleSelection,
    pub fit: FitInputs,
    pub hiring: HiringInputs,
    pub roles: RolesInputs,
    pub staffing: StaffingInputs,
    pub scenarios: ScenarioInputs,
    /// The member being added or edited, while the dialog is up.
    pub person: Option<PersonInputs>,
}

/// The scenarios view's fields as typed: a new scenario's name, the
/// scenario being changed, and the change being put together.
#[derive(Clone, Debug, Default)]
pub struct ScenarioInputs {
    pub new_name: String,
    /// Index into the workspace's scenarios.
    pub editing: usize,
    /// Index into the workspace's roles, and the team, of a hire.
    pub role: usize,
    pub team: String,
    /// A member who leaves, by name or email.
    pub departing: String,
    /// A report move, by name or email.
    pub moving: String,
    pub manager: String,
    /// Index into the workspace's projects, and whether it lands.
    pub project: usize,
    pub lands: bool,
    /// A pin: the project (index), its line (from 1), who, at what FTE.
    pub pin_project: usize,
    pub pin_line: String,
    pub pin_member: String,
    pub pin_fte: String,
}

/// A member's details being typed: a new member (`member` none) or an
/// edit, with the day the changes take effect.
#[derive(Clone, Debug)]
pub struct PersonInputs {
    pub member: Option<usize>,
    pub details: crate::model::MemberDetails,
    pub on: crate::model::Date,
}

/// The matrix's cell and member dialogs, as typed.
#[derive(Clone, Debug, Default)]
pub struct MatrixInputs {
    /// The member whose leaving date is being picked, and the date.
    pub leaver: Option<(usize, crate::model::Date)>,
    /// The note being typed for the selected cell, and the cell and the
    /// document version it was last read from.
    pub note: String,
    pub note_cell: Option<(usize, usize, u64, u64)>,
    /// The target, certification and time off being typed into their
    /// dialogs; `None` while the dialog is closed.
    pub target: Option<super::TargetForm>,
    pub certifications: Option<super::CertificationForm>,
    pub time_off: Option<super::TimeOffForm>,
}

#[derive(Clone, Debug, Default)]
pub struct ImportQuestions {
    /// The round being imported: its date and rater as picked.
    pub round: RoundForm,
    /// The workbook sheet picked to read the roster from, by position.
    pub sheet: usize,
}

#[derive(Clone, Debug, Default)]
pub struct ReviewInputs {
    /// Differences listed by team instead of widest first.
    pub by_team: bool,
}

#[derive(Clone, Debug, Default)]
pub struct FrameworkInputs {
    /// The licence typed in the preview (`None`: not yet shown).
    pub licence: Option<String>,
}

#[derive(Clone, Debug, Default)]
pub struct PeopleSelection {
    pub member: Option<usize>,
    pub member_query: String,
}

#[derive(Clone, Debug, Default)]
pub struct FitInputs {
    /// The role whose successors are listed.
    pub succession_role: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct HiringInputs {
    /// The role planned hires are added as, and their team.
    pub role: Option<usize>,
    pub team: Option<String>,
    pub departure: Option<usize>,
    /// The budget field, as typed.
    pub budget_text: String,
}

/// The roles editor: the role and skill selected, names being typed.
#[derive(Clone, Debug, Default)]
pub struct RolesInputs {
    pub role: Option<usize>,
    pub role_title: String,
    pub skill: Option<usize>,
    pub skill_name: String,
    pub new_skill: String,
    pub new_skill_soft: bool,
    pub merge_into: Option<usize>,
    pub new_requirement: Option<usize>,
}

impl RolesInputs {
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
}

/// Staffing: the project selected, its details as typed, the line being
/// added, and the skill the quarter chart shows.
#[derive(Clone, Debug, Default)]
pub struct StaffingInputs {
    pub project: Option<usize>,
    pub name: String,
    pub start: String,
    pub end: String,
    pub priority: String,
    pub line_skill: Option<usize>,
    pub line_role: Option<usize>,
    pub line_level: u8,
    pub line_people: String,
    pub line_fte: String,
    pub chart_skill: Option<String>,
}

impl StaffingInputs {
    /// Selects a project and loads its details into the editor.
    pub fn select_project(&mut self, workspace: &Workspace, index: usize) {
        let Some(project) = workspace.projects.get(index) else {
            return;
        };
        self.project = Some(index);
        self.name = project.name.clone();
        self.start = project.start.clone();
        self.end = project.end.clone();
        self.priority = project.priority.to_string();
    }

    fn let_go(&mut self) {
        self.project = None;
        self.name.clear();
        self.start.clear();
        self.end.clear();
        self.priority.clear();
    }
}

impl ViewSelection {
    /// Follows what a command did: a new document starts afresh, a new
    /// project, role or skill is selected.
    pub fn follow(&mut self, outcome: &Outcome, workspace: &Workspace) {
        match outcome {
            Outcome::Done => {}
            Outcome::NewDocument => *self = ViewSelection::default(),
            Outcome::ProjectAdded(index) => self.staffing.select_project(workspace, *index),
            Outcome::SkillAdded(column) => {
                self.roles.new_skill.clear();
                self.roles.select_skill(workspace, *column);
            }
            Outcome::RoleAdded(index) => {
                if let Some(role) = workspace.roles.get(*index) {
                    self.roles.select_role(*index, role);
                }
            }
            Outcome::SkillKept(column) => self.roles.select_skill(workspace, *column),
            Outcome::ProjectsReplaced => self.staffing.let_go(),
            Outcome::MembersMoved => {
                self.people.member = None;
                self.hiring.departure = None;
            }
            Outcome::ShowMember(member) => {
                self.people.member = Some(*member);
                self.person = None;
            }
            Outcome::MemberSaved => self.person = None,
        }
    }
}
