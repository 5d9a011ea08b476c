//! The review view's state: the differences between self and manager
//! ratings, computed when the document or the threshold changes, and the
//! manager's decisions, each an undoable manager rating.

use super::{AppState, View};
use crate::analysis::{Difference, review_differences};
use crate::model::{Assessment, Level, Rater};

/// The differences and what they were computed from.
pub struct Review {
    pub differences: Vec<Difference>,
    /// Levels apart before a rating counts as a difference.
    pub threshold: u8,
    version: Option<(u64, u64, u8)>,
}

impl Default for Review {
    fn default() -> Self {
        Review {
            differences: Vec::new(),
            threshold: 1,
            version: None,
        }
    }
}

impl AppState {
    pub fn review(&self) -> &Review {
        &self.review
    }

    pub(super) fn set_review_threshold(&mut self, threshold: u8) {
        self.review.threshold = threshold.clamp(1, 4);
        self.refresh_review();
    }

    /// Recomputes the differences while the view is on show and they are
    /// out of date.
    pub(super) fn refresh_review(&mut self) {
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
