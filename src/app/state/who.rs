//! The state's who methods.

use crate::analysis::{self, WhoQuery};
use crate::app::AppState;
use crate::app::who::*;
use std::sync::Arc;

impl AppState {
    pub fn who_panel(&self) -> Option<&WhoPanel> {
        self.who.as_ref()
    }

    pub(in crate::app) fn toggle_who(&mut self) {
        self.who = match self.who.take() {
            Some(_) => None,
            None => Some(self.answer_who(WhoForm::default(), None)),
        };
    }

    pub(in crate::app) fn ask_who(&mut self, form: WhoForm) {
        let version = (self.document.id, self.document.generation);
        let staffing = self
            .who
            .take()
            .filter(|panel| panel.version == version)
            .and_then(|panel| panel.staffing);
        self.who = Some(self.answer_who(form, staffing));
    }

    /// Answers again after an edit, undo or open.
    pub(in crate::app) fn refresh_who(&mut self) {
        let version = (self.document.id, self.document.generation);
        if let Some(panel) = self.who.take() {
            self.who = Some(if panel.version == version {
                panel
            } else {
                self.answer_who(panel.form, None)
            });
        }
    }

    /// Answers `form`, with `staffing` when it was proposed for this
    /// document version, else proposing it.
    fn answer_who(&self, form: WhoForm, staffing: Option<Arc<analysis::Staffing>>) -> WhoPanel {
        let workspace = &self.document.workspace;
        let version = (self.document.id, self.document.generation);
        let scope = self.scope();
        let staffing = staffing.or_else(|| {
            (!workspace.projects.is_empty()).then(|| Arc::new(analysis::staff(&scope)))
        });
        let answer = (|| {
            let skills =
                analysis::parse_skills(workspace, &form.skills, workspace.settings.lead_level)
                    .map_err(|error| error.to_string())?;
            if skills.is_empty() {
                return Ok(Vec::new());
            }
            let free_in = match form.free_in.trim() {
                "" => None,
                text => Some(analysis::parse_period(text).map_err(|error| error.to_string())?),
            };
            let query = WhoQuery {
                skills,
                interest: form.interest,
                team: form.team.clone(),
                free_in,
            };
            Ok(analysis::who(&scope, staffing.as_deref(), &query))
        })();
        WhoPanel {
            form,
            answer,
            version,
            staffing,
        }
    }
}
