//! The state's recovery methods.

use crate::app::recovery::*;
use crate::app::{AppState, Document};
use std::time::{Duration, Instant};

impl AppState {
    /// Starts keeping recovery copies in `store`, and offers back what
    /// crashed runs left there.
    pub fn use_recovery(&mut self, store: RecoveryStore) {
        self.recovery_offers = store.offers();
        self.recovery = Some(Recovery::new(store));
    }

    /// Writes or removes the recovery copy as the document needs; called
    /// every frame, cheap when nothing is due. Returns when to be called
    /// again though nothing else happens.
    pub fn maintain_recovery(&mut self) -> Option<Duration> {
        self.maintain_recovery_at(Instant::now())
    }

    /// `maintain_recovery` as if it were `now` (tests move the clock).
    pub fn maintain_recovery_at(&mut self, now: Instant) -> Option<Duration> {
        let recovery = self.recovery.as_mut()?;
        recovery.maintain(&self.document, now)
    }

    /// Takes the recovered work as an unsaved document; the copy it came
    /// from is removed once this window keeps its own.
    pub fn restore_recovery(&mut self, key: &str) {
        let Some(position) = self.recovery_offers.iter().position(|o| o.key == key) else {
            return;
        };
        let Some(store) = self.recovery.as_ref().map(|r| r.store.clone()) else {
            return;
        };
        match store.load(key) {
            Ok(imported) => {
                let offer = self.recovery_offers.remove(position);
                let info = offer.info;
                let mut document =
                    Document::new(imported.value, &recovered_name(&info), info.source);
                document.mark_unsaved();
                self.replace_document(document);
                // This window's own copy first, then the old one goes.
                self.maintain_recovery();
                let kept = self.recovery.as_mut().is_some_and(|recovery| {
                    recovery.flush();
                    recovery.current_key().is_some() && recovery.error.is_none()
                });
                let restored =
                    crate::words::count_of(info.changes, "unsaved change", "unsaved changes");
                if kept {
                    store.remove(key);
                    self.notice = Some(format!("Restored {restored}"));
                } else {
                    // Without a copy of its own, the old one is all there is.
                    self.notice = Some(format!(
                        "Restored {restored}; the old recovery copy is kept, since a new one could not be written"
                    ));
                }
            }
            Err(failure) => {
                self.notice = Some("The recovery copy could not be read; it is kept".to_string());
                self.diagnostics = failure.errors;
                self.diagnostics_open = true;
                self.recovery_offers.remove(position);
            }
        }
    }

    pub fn discard_recovery(&mut self, key: &str) {
        if let Some(position) = self.recovery_offers.iter().position(|o| o.key == key) {
            self.recovery_offers.remove(position);
            if let Some(recovery) = &self.recovery {
                recovery.store.remove(key);
            }
        }
    }

    /// The copies still offered stay on disk for the next start.
    pub fn keep_recovery_for_later(&mut self) {
        self.recovery_offers.clear();
    }
}
