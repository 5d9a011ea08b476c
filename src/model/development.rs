//! What a member is working towards and what vouches for them: development
//! targets (a level in a skill by a date) and certifications (issued,
//! expiring, evidence of a level). Both live on the member, so they move
//! with the row through edits, merges and departures.

use super::{Date, Level, SkillId};
use serde::{Deserialize, Serialize};

/// A level a member aims to reach in a skill by a date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub skill: SkillId,
    pub level: Level,
    pub by: Date,
    /// When the target was set; `report --as-of` sees only targets set by
    /// then.
    pub set_on: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A certificate a member holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Certification {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The skill it evidences, and at what level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<SkillId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    /// The last day it is valid; `None` for a certificate that never lapses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
}

impl Certification {
    /// Whether it had been issued by `date` (an undated one always has).
    pub fn issued_by(&self, date: Date) -> bool {
        self.issued.is_none_or(|issued| issued <= date)
    }

    /// Whether it has lapsed on `date`: valid through its expiry day.
    pub fn expired_on(&self, date: Date) -> bool {
        self.expires.is_some_and(|expires| expires < date)
    }

    /// Whether it vouches for `level` in `skill`; one without a level
    /// vouches for whatever level the member holds.
    pub fn evidences(&self, skill: &SkillId, level: Level) -> bool {
        self.skill.as_ref() == Some(skill) && self.level.is_none_or(|own| own >= level)
    }
}

/// A member's targets and certifications.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Development {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub certifications: Vec<Certification>,
}

impl Development {
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty() && self.certifications.is_empty()
    }

    pub fn target_for(&self, skill: &SkillId) -> Option<&Target> {
        self.targets.iter().find(|target| &target.skill == skill)
    }

    /// Sets the member's one target in the skill, replacing an earlier one.
    pub fn set_target(&mut self, target: Target) {
        match self.targets.iter_mut().find(|t| t.skill == target.skill) {
            Some(slot) => *slot = target,
            None => self.targets.push(target),
        }
    }

    pub fn remove_target(&mut self, skill: &SkillId) -> bool {
        let before = self.targets.len();
        self.targets.retain(|target| &target.skill != skill);
        self.targets.len() != before
    }

    /// Adds a certification, or replaces the one of the same name and
    /// issue date (an import read twice adds nothing).
    pub fn add_certification(&mut self, certification: Certification) -> bool {
        let same = |c: &Certification| {
            c.name.eq_ignore_ascii_case(&certification.name) && c.issued == certification.issued
        };
        match self.certifications.iter_mut().find(|c| same(c)) {
            Some(slot) if *slot == certification => false,
            Some(slot) => {
                *slot = certification;
                true
            }
            None => {
                self.certifications.push(certification);
                true
            }
        }
    }

    /// What stood on `date`: targets set by then, certificates issued by then.
    pub fn as_of(&self, date: Date) -> Development {
        Development {
            targets: self
                .targets
                .iter()
                .filter(|target| target.set_on <= date)
                .cloned()
                .collect(),
            certifications: self
                .certifications
                .iter()
                .filter(|c| c.issued_by(date))
                .cloned()
                .collect(),
        }
    }

    /// Points every reference to skill `from` at `into` (skills merged).
    pub fn merge_skill(&mut self, from: &SkillId, into: &SkillId) {
        for certification in &mut self.certifications {
            if certification.skill.as_ref() == Some(from) {
                certification.skill = Some(into.clone());
            }
        }
        let moved = self.targets.iter().position(|t| &t.skill == from);
        if let Some(position) = moved {
            let mut target = self.targets.remove(position);
            target.skill = into.clone();
            // The higher aim wins where both skills had a target.
            match self.targets.iter_mut().find(|t| &t.skill == into) {
                Some(kept) if kept.level >= target.level => {}
                Some(kept) => *kept = target,
                None => self.targets.push(target),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn a_certificate_is_valid_through_its_expiry_day() {
        let certification = Certification {
            name: "CKA".into(),
            issuer: None,
            skill: None,
            level: None,
            issued: Some(date("2024-03-01")),
            expires: Some(date("2026-03-01")),
        };
        assert!(!certification.expired_on(date("2026-03-01")));
        assert!(certification.expired_on(date("2026-03-02")));
        assert!(!certification.issued_by(date("2024-02-29")));
        assert!(certification.issued_by(date("2024-03-01")));
    }

    #[test]
    fn the_same_certificate_imported_twice_is_kept_once() {
        let mut development = Development::default();
        let certification = Certification {
            name: "AWS SA".into(),
            issuer: Some("AWS".into()),
            skill: None,
            level: None,
            issued: Some(date("2025-01-10")),
            expires: None,
        };
        assert!(development.add_certification(certification.clone()));
        assert!(!development.add_certification(certification));
        assert_eq!(development.certifications.len(), 1);
    }
}
