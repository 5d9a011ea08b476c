//! The small caches that follow what a view has selected: one member's fit
//! for every role, a member search. Brought up to date before the views
//! draw, so the frame only reads them.

use super::{AppState, View};
use crate::analysis::RoleFit;

impl AppState {
    /// Brings the insight views' analysis up to date (see `Insights`).
    pub fn refresh_insights(&mut self, repaint: impl Fn() + Send + 'static) {
        self.insights
            .refresh(&self.document, &self.insight_options, repaint);
    }

    /// Waits for an analysis under way on a worker (benchmarks, tests).
    pub fn wait_for_analysis(&mut self) {
        self.insights.wait();
    }

    /// Brings the fit and search caches up to `member` and `query`; cheap
    /// when neither they nor the workspace changed.
    pub fn prepare_caches(&mut self, member: Option<usize>, query: &str) {
        if let Some(member) = member.filter(|&m| m < self.document.workspace.members.len()) {
            let key = (self.document.id, self.document.generation, member);
            if self
                .role_fits
                .as_ref()
                .is_none_or(|(known, _)| known != &key)
            {
                let fits = crate::analysis::role_fits(&self.scope(), member);
                self.role_fits = Some((key, fits));
                let timeline = crate::analysis::member_timeline(&self.document.workspace, member);
                self.member_timeline = Some((key, timeline));
            }
        }
        let query = query.trim().to_lowercase();
        let key = (self.document.id, self.document.generation, query);
        if self
            .member_search
            .as_ref()
            .is_none_or(|(known, _)| known != &key)
        {
            let workspace = &self.document.workspace;
            let query = &key.2;
            let today = self.today();
            // Leavers are out of every list from the day they left.
            let matches = (0..workspace.members.len())
                .filter(|&member| workspace.is_member_on(member, today))
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
    }

    /// Whether the caches are prepared for `member` and `query`: a view
    /// that changed either this frame needs one more to show the result.
    pub fn caches_match(&self, member: Option<usize>, query: &str) -> bool {
        let (id, generation) = (self.document.id, self.document.generation);
        let member_ready = member
            .filter(|&m| m < self.document.workspace.members.len())
            .is_none_or(|m| {
                self.role_fits
                    .as_ref()
                    .is_some_and(|(key, _)| key == &(id, generation, m))
            });
        let query = query.trim().to_lowercase();
        member_ready
            && self
                .member_search
                .as_ref()
                .is_some_and(|((i, g, known), _)| (*i, *g) == (id, generation) && known == &query)
    }

    /// `member`'s fit for every role, best first, as last prepared.
    pub fn role_fits(&self, member: usize) -> &[(RoleFit, bool)] {
        let key = (self.document.id, self.document.generation, member);
        match &self.role_fits {
            Some((known, fits)) if known == &key => fits,
            _ => &[],
        }
    }

    /// `member`'s skills over time, as last prepared.
    pub fn member_timeline(&self, member: usize) -> &[crate::analysis::SkillSeries] {
        let key = (self.document.id, self.document.generation, member);
        match &self.member_timeline {
            Some((known, timeline)) if known == &key => timeline,
            _ => &[],
        }
    }

    /// Members whose name, team or role title contains the query last
    /// prepared, in roster order.
    pub fn members_matching(&self) -> &[usize] {
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
}
