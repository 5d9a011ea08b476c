//! The state's timeline methods.

use crate::app::timeline::*;
use crate::app::{AppState, View};
use crate::model::week_of;
use std::sync::Arc;

impl AppState {
    /// Rebuilds the timeline while it is on show and the analysis changed.
    pub(in crate::app) fn refresh_timeline(&mut self) {
        if self.view != View::Timeline {
            return;
        }
        let Some(results) = self.insights.shared() else {
            return;
        };
        let key = Arc::as_ptr(results) as usize;
        if self.timeline.built_from == Some(key) {
            return;
        }
        let mut timeline = Timeline::build(
            &self.document.workspace,
            results.analysis.staffing.as_ref(),
            week_of(self.today()),
        );
        timeline.built_from = Some(key);
        self.timeline = timeline;
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Moves a project's start or end by whole weeks (its weekday kept),
    /// never past its other end.
    pub(in crate::app) fn shift_project_dates(
        &mut self,
        project: usize,
        start: bool,
        weeks: i32,
    ) -> Result<(), crate::model::EditError> {
        use crate::model::{Date, EditError};
        let record = self
            .document
            .workspace
            .projects
            .get(project)
            .ok_or(EditError::Gone("project"))?;
        let parse = |text: &str, field: &'static str| {
            text.trim().parse::<Date>().map_err(|_| EditError::Invalid {
                field,
                found: text.to_string(),
                expected: "is not a date: expected YYYY-MM-DD",
            })
        };
        let (from, to) = (parse(&record.start, "start")?, parse(&record.end, "end")?);
        let moved = if start { from } else { to }
            .checked_add(jiff::Span::new().days(i64::from(weeks) * 7))
            .map_err(|_| EditError::Gone("date"))?;
        let (from, to) = if start {
            (moved.min(to), to)
        } else {
            (from, moved.max(from))
        };
        let name = record.name.clone();
        let what = if start { "start" } else { "end" };
        self.document.edit(
            &format!("move {name}'s {what} by {weeks} weeks"),
            |workspace| {
                let record = &mut workspace.projects[project];
                record.start = from.to_string();
                record.end = to.to_string();
                Ok::<_, EditError>(())
            },
        )?;
        self.notice = Some(format!("{name} now runs {from} to {to}"));
        Ok(())
    }
}
