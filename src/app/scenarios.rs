//! The scenarios view's state: which scenarios are compared, and their
//! figures, computed when the document or the choice changes (on a worker
//! for a large roster), never in a frame.

use crate::analysis::ScenarioFigures;
use std::sync::mpsc::Receiver;

/// The comparison on show and what it was computed from.
#[derive(Default)]
pub struct ScenarioComparison {
    /// The scenarios compared, by name, in the order picked (at most 3).
    pub names: Vec<String>,
    /// The figures: the workspace as it is, then each scenario.
    pub figures: Option<Result<Vec<ScenarioFigures>, String>>,
    /// Whether a person has picked which to compare; until then the first
    /// three are shown.
    pub(in crate::app) picked: bool,
    pub(in crate::app) key: Option<(u64, u64, Vec<String>)>,
    pub(in crate::app) receiver: Option<Receiver<Result<Vec<ScenarioFigures>, String>>>,
}

impl ScenarioComparison {
    /// How many scenarios are compared at once, beside the workspace as it is.
    pub const MOST: usize = 3;

    pub fn is_computing(&self) -> bool {
        self.receiver.is_some()
    }
}
