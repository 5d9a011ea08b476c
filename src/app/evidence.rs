//! Work evidence in the window: the form asking which repository to read
//! (and from when, with which map), the read waiting for the person's
//! word, and what it would store.

use crate::model::{Date, RepositoryRead, UnmatchedAuthor};
use std::sync::mpsc::Receiver;

/// What the person typed or picked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvidenceForm {
    /// The repository's folder (a clone or a bare repository).
    pub repository: String,
    /// A YAML map of paths to skills; blank for the built-in one.
    pub map: String,
    /// Only commits from this day on, when set.
    pub since: Option<Date>,
}

/// A read, before it is stored: what it found and for whom.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceReadResult {
    pub read: RepositoryRead,
    /// Members it would add to, with their commits, most first.
    pub members: Vec<(String, u32)>,
    /// Authors who are no member.
    pub unmatched: Vec<UnmatchedAuthor>,
}

/// The dialog while it is open.
#[derive(Default)]
pub struct EvidenceDialog {
    pub form: EvidenceForm,
    /// The last read: what it found, or why it could not.
    pub result: Option<Result<EvidenceReadResult, String>>,
    pub(in crate::app) receiver: Option<Receiver<Result<RepositoryRead, String>>>,
}

impl EvidenceDialog {
    pub fn is_reading(&self) -> bool {
        self.receiver.is_some()
    }
}
