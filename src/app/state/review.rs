//! The state's review methods.

use crate::analysis::review_differences;
use crate::app::review::*;
use crate::app::{AppState, View};
use crate::model::{Assessment, Level, Rater};

impl AppState {
    pub fn review(&self) -> &Review {
        &self.review
    }

    pub(in crate::app) fn set_review_threshold(&mut self, threshold: u8) {
        self.review.threshold = threshold.clamp(1, 4);
        self.insight_options.review_threshold = self.review.threshold;
        self.refresh_review();
    }

    /// Recomputes the differences while the view is on show and they are
    /// out of date.
    pub(in crate::app) fn refresh_review(&mut self) {
        if self.view != View::Review {
            return;
        }
        let threshold = self.review.threshold.max(1);
        let version = Some((self.document.id, self.document.generation, threshold));
        if self.review.version != version {
            self.review.differences = review_differences(&self.scope(), threshold);
            self.review.version = version;
        }
    }

    /// The manager's word on a difference: `level` recorded as their
    /// rating, dated today (or after the latest rating of the cell).
    pub fn decide(&mut self, member: usize, skill: usize, level: Option<Level>) {
        let workspace = &self.document.workspace;
        let latest = workspace.history.row(member).last_dated(skill as u32);
        let as_of = latest.map_or(self.today(), |latest| latest.max(self.today()));
        let label = format!(
            "review {} / {} = {}",
            workspace.members[member].name,
            self.skill_name(skill),
            level.map_or("not assessed".to_string(), |level| level.to_string())
        );
        self.document.change(&label, |workspace| {
            let cell = workspace.cell(member, skill).with_level(level);
            let assessment = Assessment {
                skill: skill as u32,
                as_of: Some(as_of),
                cell,
                rater: Rater::Manager,
            };
            workspace.record_assessment(member, assessment, None);
        });
        self.refresh_review();
    }
}
