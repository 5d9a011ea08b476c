//! The review view's state: the differences between self and manager
//! ratings, computed when the document or the threshold changes, and the
//! manager's decisions, each an undoable manager rating.

use crate::analysis::Difference;

/// The differences and what they were computed from.
pub struct Review {
    pub differences: Vec<Difference>,
    /// Levels apart before a rating counts as a difference.
    pub threshold: u8,
    pub(in crate::app) version: Option<(u64, u64, u8)>,
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
