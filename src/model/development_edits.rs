//! Development targets and certifications added to a workspace.

use super::{Certification, Target, Workspace};

impl Workspace {
    /// Sets each member's target (one per skill); returns how many changed.
    pub fn apply_targets(&mut self, targets: Vec<(usize, Target)>) -> usize {
        let mut changed = 0;
        for (member, target) in targets {
            let development = &mut self.members[member].development;
            if development.target_for(&target.skill) != Some(&target) {
                development.set_target(target);
                changed += 1;
            }
        }
        changed
    }

    /// Adds each certification; returns how many were new or changed.
    pub fn apply_certifications(&mut self, certifications: Vec<(usize, Certification)>) -> usize {
        certifications
            .into_iter()
            .filter(|(member, certification)| {
                self.members[*member]
                    .development
                    .add_certification(certification.clone())
            })
            .count()
    }
}
