//! The window's "who knows X" panel: the question as typed, and its answer
//! computed when the question or the document changes, never per frame.

use super::AppState;
use crate::analysis::{self, WhoMatch, WhoQuery};
use std::sync::Arc;

/// The question as the panel's fields hold it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WhoForm {
    /// `Kubernetes 3+, Observability 2+`.
    pub skills: String,
    pub interest: bool,
    pub team: Option<String>,
    /// `2026-W36`, `2026-W34..2026-W36` or `2026Q3`; empty for the quarter
    /// ahead.
    pub free_in: String,
}

/// The open panel: its question, the answer, and the document version the
/// answer was computed on.
pub struct WhoPanel {
    pub form: WhoForm,
    pub answer: Result<Vec<WhoMatch>, String>,
    version: (u64, u64),
    /// The proposed staffing the free time is read from: proposed once a
    /// document version, not once a keystroke.
    staffing: Option<Arc<analysis::Staffing>>,
}

impl AppState {
    pub fn who_panel(&self) -> Option<&WhoPanel> {
        self.who.as_ref()
    }

    pub(super) fn toggle_who(&mut self) {
        self.who = match self.who.take() {
            Some(_) => None,
            None => Some(self.answer_who(WhoForm::default(), None)),
        };
    }

    pub(super) fn ask_who(&mut self, form: WhoForm) {
        let version = (self.document.id, self.document.generation);
        let staffing = self
            .who
            .take()
            .filter(|panel| panel.version == version)
            .and_then(|panel| panel.staffing);
        self.who = Some(self.answer_who(form, staffing));
    }

    /// Answers again after an edit, undo or open.
    pub(super) fn refresh_who(&mut self) {
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
