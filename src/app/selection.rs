//! What the insight views have selected and typed, and the small caches
//! that follow a selection (one member's fit for every role, a member search).

use super::{AppState, View};
use crate::analysis::RoleFit;
use crate::model::Workspace;

/// A member of one generation of one document.
pub(super) type MemberKey = (u64, u64, usize);

/// What the insight views have selected, and text being typed in them.
#[derive(Clone, Debug, Default)]
pub struct ViewSelection {
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
    /// Why the last edit in the roles editor was refused.
    pub editor_error: Option<String>,
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
    pub staffing_error: Option<String>,
}

impl AppState {
    /// Brings the insight views' analysis up to date (see `Insights`).
    pub fn refresh_insights(&mut self, repaint: impl Fn() + Send + 'static) {
        self.insights
            .refresh(&self.document, &self.insight_options, repaint);
    }

    /// The selected member's fit for every role, best first, computed when
    /// the member or the workspace changes.
    pub fn role_fits(&mut self) -> &[(RoleFit, bool)] {
        let Some(member) = self
            .selection
            .member
            .filter(|&m| m < self.document.workspace.members.len())
        else {
            return &[];
        };
        let key = (self.document.id, self.document.generation, member);
        if self
            .role_fits
            .as_ref()
            .is_none_or(|(known, _)| known != &key)
        {
            let fits = crate::analysis::role_fits(&self.document.workspace, member);
            self.role_fits = Some((key, fits));
        }
        self.role_fits.as_ref().map_or(&[], |(_, fits)| fits)
    }

    /// Members whose name, team or role title contains the member query,
    /// in roster order; recomputed only when the query or roster changes.
    pub fn members_matching(&mut self) -> &[usize] {
        let query = self.selection.member_query.trim().to_lowercase();
        let key = (self.document.id, self.document.generation, query);
        if self
            .member_search
            .as_ref()
            .is_none_or(|(known, _)| known != &key)
        {
            let workspace = &self.document.workspace;
            let query = &key.2;
            let matches = (0..workspace.members.len())
                .filter(|&member| {
                    let record = &workspace.members[member];
                    query.is_empty()
                        || record.name.to_lowercase().contains(query)
                        || record
                            .team
                            .as_deref()
                            .is_some_and(|team| team.to_lowercase().contains(query))
                        || workspace
                            .member_role(member)
                            .is_some_and(|role| role.title.to_lowercase().contains(query))
                })
                .collect();
            self.member_search = Some((key, matches));
        }
        self.member_search.as_ref().map_or(&[], |(_, found)| found)
    }

    /// Shows a skill's column in the matrix, clearing filters that hide it.
    pub fn show_skill_in_matrix(&mut self, column: usize) {
        self.filter.kind = None;
        self.filter.category = None;
        self.filter.search.clear();
        self.refresh();
        let member = self.derived.rows.first().copied().unwrap_or(0);
        if member < self.document.workspace.members.len() {
            self.selected = Some((member, column));
            self.scroll_to = self.selected;
        }
        self.view = View::Matrix;
    }

    /// Shows a member's fit for every role.
    pub fn show_member_fit(&mut self, member: usize) {
        self.selection.member = Some(member);
        self.view = View::Fit;
    }

    /// A roles-and-skills edit: one undoable step, or the reason it was
    /// refused, shown in the editor.
    pub fn edit_library<T>(
        &mut self,
        label: &str,
        edit: impl FnOnce(&mut Workspace) -> Result<T, String>,
    ) -> Option<T> {
        match self.document.edit(label, edit) {
            Ok(value) => {
                self.selection.editor_error = None;
                Some(value)
            }
            Err(reason) => {
                self.selection.editor_error = Some(reason);
                None
            }
        }
    }
}
