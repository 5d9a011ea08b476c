//! The window's "who knows X" panel: the question as typed, and its answer
//! computed when the question or the document changes, never per frame.

use crate::analysis::{self, WhoMatch};
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
    pub(in crate::app) version: (u64, u64),
    /// The proposed staffing the free time is read from: proposed once a
    /// document version, not once a keystroke.
    pub(in crate::app) staffing: Option<Arc<analysis::Staffing>>,
}
