//! Where each development target stands against the dated record, which
//! certifications have lapsed or lapse soon, and which held levels rest on
//! nothing but a lapsed certificate.

use super::scope::{MemberRef, Scope, SkillRef};
use crate::model::{Certification, Date, Level, Target, Workspace};
use serde::Serialize;

/// A target this close to its date and not reached is "due soon".
pub const DUE_SOON_DAYS: i64 = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetState {
    Late,
    DueSoon,
    OnTrack,
    Reached,
}

impl TargetState {
    pub fn label(self) -> &'static str {
        match self {
            TargetState::Reached => "reached",
            TargetState::OnTrack => "on track",
            TargetState::DueSoon => "due soon",
            TargetState::Late => "late",
        }
    }
}

/// Days from `from` to `to`, negative when `to` is earlier.
pub fn days_between(from: Date, to: Date) -> i64 {
    i64::from((to - from).get_days())
}

/// A target against the member's level on `today`: reached once the level
/// is there, whatever the date; otherwise late after its day, due soon
/// within `DUE_SOON_DAYS` of it.
pub fn target_state(target: &Target, level: Option<Level>, today: Date) -> TargetState {
    if level.is_some_and(|level| level >= target.level) {
        return TargetState::Reached;
    }
    match days_between(today, target.by) {
        left if left < 0 => TargetState::Late,
        left if left <= DUE_SOON_DAYS => TargetState::DueSoon,
        _ => TargetState::OnTrack,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificationState {
    Expired,
    Expiring,
    Valid,
}

impl CertificationState {
    pub fn label(self) -> &'static str {
        match self {
            CertificationState::Expired => "expired",
            CertificationState::Expiring => "expiring",
            CertificationState::Valid => "valid",
        }
    }
}

/// Expired after its last valid day; expiring when that day is within
/// `warning_days` of `today` (the day itself included).
pub fn certification_state(
    certification: &Certification,
    today: Date,
    warning_days: u32,
) -> CertificationState {
    match certification.expires {
        Some(_) if certification.expired_on(today) => CertificationState::Expired,
        Some(expires) if days_between(today, expires) <= i64::from(warning_days) => {
            CertificationState::Expiring
        }
        _ => CertificationState::Valid,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TargetStatus {
    pub member: MemberRef,
    pub skill: SkillRef,
    /// The member's level now; `None` when not assessed.
    pub level: Option<Level>,
    pub target: Level,
    pub by: Date,
    pub set_on: Date,
    pub state: TargetState,
    /// Days until `by`, negative once past.
    pub days_left: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CertificationStatus {
    pub member: MemberRef,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skill: Option<SkillRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<Date>,
    pub state: CertificationState,
    /// Days until it lapses, negative once lapsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DevelopmentReport {
    /// Every target of the members in view, latest-first by urgency: late,
    /// due soon, on track, reached; then by date.
    pub targets: Vec<TargetStatus>,
    /// Certifications expired or expiring within the warning window,
    /// soonest first.
    pub certifications: Vec<CertificationStatus>,
    /// Certifications still valid beyond the window.
    pub valid_certifications: u32,
    pub expiry_warning_days: u32,
}

impl DevelopmentReport {
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty() && self.certifications.is_empty() && self.valid_certifications == 0
    }

    pub fn count(&self, state: TargetState) -> usize {
        self.targets
            .iter()
            .filter(|target| target.state == state)
            .count()
    }
}

pub fn development(scope: &Scope, today: Date) -> DevelopmentReport {
    let workspace = scope.workspace;
    let settings = &workspace.settings;
    let mut report = DevelopmentReport {
        expiry_warning_days: settings.expiry_warning_days,
        ..DevelopmentReport::default()
    };
    for &member in &scope.members {
        let development = &workspace.members[member].development;
        for target in &development.targets {
            let Some(column) = scope.column(&target.skill) else {
                continue;
            };
            let level = scope.level(member, column);
            report.targets.push(TargetStatus {
                member: scope.member_ref(member),
                skill: scope.column_ref(column),
                level,
                target: target.level,
                by: target.by,
                set_on: target.set_on,
                state: target_state(target, level, today),
                days_left: days_between(today, target.by),
                note: target.note.clone(),
            });
        }
        for certification in &development.certifications {
            let state = certification_state(certification, today, settings.expiry_warning_days);
            if state == CertificationState::Valid {
                report.valid_certifications += 1;
                continue;
            }
            report.certifications.push(CertificationStatus {
                member: scope.member_ref(member),
                name: certification.name.clone(),
                issuer: certification.issuer.clone(),
                skill: certification.skill.as_ref().map(|id| scope.skill_ref(id)),
                level: certification.level,
                issued: certification.issued,
                expires: certification.expires,
                state,
                days_left: certification
                    .expires
                    .map(|expires| days_between(today, expires)),
            });
        }
    }
    report
        .targets
        .sort_by_key(|target| (target.state, target.by));
    report.certifications.sort_by_key(|c| c.expires);
    report
}

/// A dated event of a member's development, for "changes since".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DevelopmentEvent {
    pub date: Date,
    pub member: usize,
    /// The skill column it concerns, where it names one.
    pub column: Option<usize>,
    pub what: String,
}

/// Targets set, certificates issued and certificates lapsed between
/// `since` (inclusive, or from the start) and `until` (inclusive), oldest
/// first.
pub fn development_events(
    workspace: &Workspace,
    since: Option<Date>,
    until: Date,
) -> Vec<DevelopmentEvent> {
    let within = |date: Date| since.is_none_or(|since| date >= since) && date <= until;
    let mut events = Vec::new();
    for (member, record) in workspace.members.iter().enumerate() {
        for target in &record.development.targets {
            if within(target.set_on) {
                let column = workspace.skill_index(&target.skill);
                let skill = column.map_or(target.skill.as_str(), |c| &workspace.skills[c].name);
                events.push(DevelopmentEvent {
                    date: target.set_on,
                    member,
                    column,
                    what: format!("target set: {skill} {} by {}", target.level, target.by),
                });
            }
        }
        for certification in &record.development.certifications {
            let column = certification
                .skill
                .as_ref()
                .and_then(|id| workspace.skill_index(id));
            if let Some(issued) = certification.issued.filter(|&date| within(date)) {
                events.push(DevelopmentEvent {
                    date: issued,
                    member,
                    column,
                    what: format!("certificate issued: {}", certification.name),
                });
            }
            // It lapses the day after its last valid day.
            if let Some(lapsed) = certification
                .expires
                .and_then(|date| date.tomorrow().ok())
                .filter(|&date| within(date))
            {
                events.push(DevelopmentEvent {
                    date: lapsed,
                    member,
                    column,
                    what: format!("certificate expired: {}", certification.name),
                });
            }
        }
    }
    events.sort_by_key(|event| event.date);
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SkillId;

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    fn target(level: u8, by: &str) -> Target {
        Target {
            skill: SkillId("rust".into()),
            level: Level::new(level).expect("a level"),
            by: date(by),
            set_on: date("2026-01-05"),
            note: None,
        }
    }

    #[test]
    fn a_target_is_reached_on_track_due_soon_or_late() {
        let aim = target(3, "2026-06-30");
        let level = |n| Level::new(n);
        let state = |now: Option<Level>, today: &str| target_state(&aim, now, date(today));
        assert_eq!(state(level(3), "2026-09-01"), TargetState::Reached);
        assert_eq!(state(level(4), "2026-02-01"), TargetState::Reached);
        assert_eq!(state(level(2), "2026-05-30"), TargetState::OnTrack);
        assert_eq!(state(level(2), "2026-05-31"), TargetState::DueSoon);
        assert_eq!(state(None, "2026-06-30"), TargetState::DueSoon);
        assert_eq!(state(level(2), "2026-07-01"), TargetState::Late);
    }

    #[test]
    fn expiry_is_counted_from_the_boundary_days() {
        let certification = Certification {
            name: "CKA".into(),
            issuer: None,
            skill: None,
            level: None,
            issued: Some(date("2024-01-01")),
            expires: Some(date("2026-12-31")),
        };
        let state = |today: &str| certification_state(&certification, date(today), 90);
        assert_eq!(state("2026-10-02"), CertificationState::Expiring, "90 days");
        assert_eq!(state("2026-10-01"), CertificationState::Valid, "91 days");
        assert_eq!(
            state("2026-12-31"),
            CertificationState::Expiring,
            "its last day"
        );
        assert_eq!(state("2027-01-01"), CertificationState::Expired);
    }
}
