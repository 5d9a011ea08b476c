//! A career framework being imported: read into a preview the dialog
//! shows, adjusted by the person's choices, then applied as one undoable
//! edit or let go.

use super::AppState;
use crate::io::{self, FrameworkPreview};
use crate::model::EditError;
use crate::model::{Level, Track};
use std::path::Path;

/// A choice the preview dialog offers.
#[derive(Clone, Debug, PartialEq)]
pub enum FrameworkChoice {
    Track {
        level: usize,
        track: Track,
    },
    Scale {
        step: usize,
        level: Level,
    },
    /// Yes or no to a theme's suggested skill; `None` asks again.
    Answer {
        theme: usize,
        answer: Option<bool>,
    },
    Licence(String),
}

impl AppState {
    /// The framework whose preview is up, if any.
    pub fn framework_preview(&self) -> Option<&FrameworkPreview> {
        self.framework.as_deref()
    }

    pub(super) fn preview_framework(&mut self, path: &Path) {
        let name = io::display_name(path);
        match io::read_framework(path, None, &self.document.workspace.settings.scale) {
            Ok(read) => {
                let preview =
                    FrameworkPreview::new(read.value, &self.document.workspace, self.library());
                self.notice = Some(format!(
                    "Read {} from {name}: check the preview, then apply",
                    preview.framework.name
                ));
                self.framework = Some(Box::new(preview));
                self.import_warnings(read.warnings);
            }
            Err(failure) => self.import_failed(&name, failure),
        }
    }

    pub(super) fn choose_framework(&mut self, choice: FrameworkChoice) {
        let workspace = &self.document.workspace;
        let Some(preview) = self.framework.as_deref_mut() else {
            return;
        };
        match choice {
            FrameworkChoice::Track { level, track } => preview.set_track(level, track, workspace),
            FrameworkChoice::Scale { step, level } => preview.set_scale(step, level, workspace),
            FrameworkChoice::Answer { theme, answer } => preview.answer(theme, answer, workspace),
            FrameworkChoice::Licence(text) => preview.set_licence(&text, workspace),
        }
    }

    /// Applies the preview as one edit; returns the first of its roles.
    pub(super) fn apply_framework(&mut self) -> Option<usize> {
        let preview = *self.framework.take()?;
        let name = preview.framework.name.clone();
        let first = preview.roles.first().map(|role| role.id.clone());
        let mut counts = (0, 0);
        let catalog = self.library();
        self.document
            .change(&format!("import framework {name}"), |workspace| {
                counts = preview.apply(workspace, catalog);
            });
        self.notice = Some(format!(
            "{name}: {} added, {} updated",
            crate::words::count_of(counts.0, "role", "roles"),
            counts.1
        ));
        let workspace = &self.document.workspace;
        first.and_then(|id| workspace.roles.iter().position(|role| role.id == id))
    }

    pub(super) fn set_member_role(
        &mut self,
        member: usize,
        role: Option<crate::model::RoleId>,
    ) -> Result<(), EditError> {
        let workspace = &self.document.workspace;
        let name = workspace
            .members
            .get(member)
            .ok_or(EditError::Gone("member"))?
            .name
            .clone();
        let label = match role.as_ref().and_then(|id| workspace.role(id)) {
            Some(role) => format!("make {name} {}", role.title),
            None => format!("take {name}'s role away"),
        };
        self.document
            .edit(&label, |w| w.set_member_role(member, role.as_ref()))
    }

    pub(super) fn cancel_framework(&mut self) {
        if self.framework.take().is_some() {
            self.notice = Some("Framework import cancelled: nothing was changed".into());
        }
    }
}
