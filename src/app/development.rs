//! Development targets and certifications from the window: set by hand
//! from the matrix or the fit view, or imported from a file, each an
//! undoable edit.

use super::AppState;
use crate::io;
use crate::model::{Certification, Date, EditError, Level, Target};
use std::path::Path;

/// The target being set in the dialog, as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetForm {
    pub member: usize,
    pub column: usize,
    pub level: Level,
    pub by: Date,
    pub note: String,
    /// Whether the member already has a target in the skill.
    pub replacing: bool,
}

/// The certification being added in a member's certifications dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct CertificationForm {
    pub member: usize,
    pub name: String,
    pub issuer: String,
    pub skill: Option<usize>,
    pub level: Option<Level>,
    pub issued: Date,
    pub expires: Option<Date>,
}

impl AppState {
    /// A form for `member`'s target in `column`: the existing one, or one
    /// level above where they stand, due in six months.
    pub fn target_form(&self, member: usize, column: usize) -> TargetForm {
        let workspace = &self.document.workspace;
        let skill = &workspace.skills[column].id;
        match workspace.members[member].development.target_for(skill) {
            Some(target) => TargetForm {
                member,
                column,
                level: target.level,
                by: target.by,
                note: target.note.clone().unwrap_or_default(),
                replacing: true,
            },
            None => {
                let now = workspace.cell(member, column).level().map_or(0, Level::get);
                TargetForm {
                    member,
                    column,
                    level: Level::new((now + 1).min(4)).unwrap_or(Level::EXPERT),
                    by: self
                        .today()
                        .checked_add(jiff::Span::new().months(6))
                        .unwrap_or_else(|_| self.today()),
                    note: String::new(),
                    replacing: false,
                }
            }
        }
    }

    pub fn certification_form(&self, member: usize) -> CertificationForm {
        CertificationForm {
            member,
            name: String::new(),
            issuer: String::new(),
            skill: None,
            level: None,
            issued: self.today(),
            expires: None,
        }
    }

    pub(super) fn set_target(&mut self, form: TargetForm) -> Result<(), EditError> {
        let today = self.today();
        let name = self.member_name(form.member)?;
        let skill = self
            .document
            .workspace
            .skills
            .get(form.column)
            .ok_or(EditError::Gone("skill"))?
            .clone();
        let target = Target {
            skill: skill.id.clone(),
            level: form.level,
            by: form.by,
            set_on: today,
            note: Some(form.note.trim().to_string()).filter(|note| !note.is_empty()),
        };
        self.document
            .edit(&format!("target {} for {name}", skill.name), |workspace| {
                workspace.members[form.member]
                    .development
                    .set_target(target);
                Ok::<_, EditError>(())
            })?;
        self.notice = Some(format!(
            "Target set: {name} at {} in {} by {}",
            form.level, skill.name, form.by
        ));
        Ok(())
    }

    pub(super) fn remove_target(&mut self, member: usize, column: usize) -> Result<(), EditError> {
        let name = self.member_name(member)?;
        let skill = self
            .document
            .workspace
            .skills
            .get(column)
            .ok_or(EditError::Gone("skill"))?
            .clone();
        self.document
            .edit(&format!("remove target for {name}"), |workspace| {
                workspace.members[member]
                    .development
                    .remove_target(&skill.id);
                Ok::<_, EditError>(())
            })?;
        self.notice = Some(format!("Removed {name}'s target in {}", skill.name));
        Ok(())
    }

    pub(super) fn add_certification(&mut self, form: CertificationForm) -> Result<(), EditError> {
        let name = self.member_name(form.member)?;
        let title = crate::model::checked_name(&form.name, "certification")?;
        let workspace = &self.document.workspace;
        let certification = Certification {
            name: title.clone(),
            issuer: Some(form.issuer.trim().to_string()).filter(|text| !text.is_empty()),
            skill: form
                .skill
                .and_then(|column| workspace.skills.get(column))
                .map(|skill| skill.id.clone()),
            level: form.level.filter(|_| form.skill.is_some()),
            issued: Some(form.issued),
            expires: form.expires,
        };
        if let Some(expires) = certification.expires.filter(|&e| e < form.issued) {
            return Err(EditError::Invalid {
                field: "expiry",
                found: expires.to_string(),
                expected: "is before the issue date: it cannot lapse before it was issued",
            });
        }
        self.document
            .edit(&format!("certification for {name}"), |workspace| {
                workspace.members[form.member]
                    .development
                    .add_certification(certification);
                Ok::<_, EditError>(())
            })?;
        self.notice = Some(format!("Added {title} to {name}"));
        Ok(())
    }

    pub(super) fn remove_certification(
        &mut self,
        member: usize,
        index: usize,
    ) -> Result<(), EditError> {
        let name = self.member_name(member)?;
        self.document
            .edit(&format!("remove certification of {name}"), |workspace| {
                let list = &mut workspace.members[member].development.certifications;
                if index >= list.len() {
                    return Err(EditError::Gone("certification"));
                }
                list.remove(index);
                Ok(())
            })
    }

    pub(in crate::app) fn member_name(&self, member: usize) -> Result<String, EditError> {
        self.document
            .workspace
            .members
            .get(member)
            .map(|record| record.name.clone())
            .ok_or(EditError::Gone("member"))
    }

    /// Targets from a file, as one edit; a file with errors changes nothing.
    pub(super) fn import_targets(&mut self, path: &Path) {
        let today = self.today();
        let result = io::read_targets(path, &self.document.workspace, today, None);
        self.apply_import(path, result, "target", "targets", |workspace, rows| {
            workspace.apply_targets(rows)
        });
    }

    pub(super) fn import_certifications(&mut self, path: &Path) {
        let result = io::read_certifications(path, &self.document.workspace, None);
        self.apply_import(
            path,
            result,
            "certification",
            "certifications",
            |workspace, rows| workspace.apply_certifications(rows),
        );
    }

    fn apply_import<T>(
        &mut self,
        path: &Path,
        result: Result<io::Imported<io::ForMembers<T>>, io::ImportFailure>,
        one: &str,
        many: &str,
        apply: impl FnOnce(&mut crate::model::Workspace, io::ForMembers<T>) -> usize,
    ) {
        let name = io::display_name(path);
        match result {
            Ok(imported) => {
                let read = imported.value.len();
                let mut changed = 0;
                self.document.change(
                    &format!("import {}", crate::words::count_of(read, one, many)),
                    |workspace| {
                        changed = apply(workspace, imported.value);
                    },
                );
                self.notice = Some(format!(
                    "Read {} from {name}: {changed} new or changed",
                    crate::words::count_of(read, one, many)
                ));
                self.import_warnings(imported.warnings);
            }
            Err(failure) => self.import_failed(&name, failure),
        }
    }

    /// An import's warnings in the diagnostics panel, open when any.
    pub(super) fn import_warnings(&mut self, warnings: Vec<io::Diagnostic>) {
        self.diagnostics_open = !warnings.is_empty();
        self.diagnostics = warnings;
        self.failed_open = None;
    }

    /// A failed import: the status bar says so, the panel lists why.
    pub(super) fn import_failed(&mut self, name: &str, failure: io::ImportFailure) {
        self.notice = Some(format!(
            "Could not import {name}: {}; nothing was changed",
            crate::words::count_of(failure.errors.len(), "error", "errors")
        ));
        self.diagnostics = failure.errors.into_iter().chain(failure.warnings).collect();
        self.diagnostics_open = true;
        self.failed_open = None;
    }
}

/// A period away being typed into a member's time-off dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeOffForm {
    pub member: usize,
    pub start: Date,
    pub end: Date,
    pub fraction: f64,
    pub reason: crate::model::AwayReason,
}

impl AppState {
    pub fn time_off_form(&self, member: usize) -> TimeOffForm {
        let today = self.today();
        TimeOffForm {
            member,
            start: today,
            end: today,
            fraction: 1.0,
            reason: crate::model::AwayReason::Leave,
        }
    }

    pub(super) fn add_time_off(&mut self, form: TimeOffForm) -> Result<(), EditError> {
        let name = self.member_name(form.member)?;
        if form.end < form.start {
            return Err(EditError::Invalid {
                field: "end",
                found: form.end.to_string(),
                expected: "is before the start: expected the last day away",
            });
        }
        if !(form.fraction > 0.0 && form.fraction <= 1.0) {
            return Err(EditError::Invalid {
                field: "fraction",
                found: form.fraction.to_string(),
                expected: "is outside 0-1: 1 for whole days off, 0.5 for half-time",
            });
        }
        let period = crate::model::TimeOff {
            start: form.start,
            end: form.end,
            fraction: form.fraction,
            reason: form.reason,
        };
        self.document
            .edit(&format!("time off for {name}"), |workspace| {
                workspace.apply_time_off(vec![(form.member, period)]);
                Ok::<_, EditError>(())
            })?;
        self.notice = Some(format!(
            "{name}: {} from {} to {}",
            form.reason.label(),
            form.start,
            form.end
        ));
        Ok(())
    }

    pub(super) fn remove_time_off(&mut self, member: usize, index: usize) -> Result<(), EditError> {
        let name = self.member_name(member)?;
        self.document
            .edit(&format!("remove time off of {name}"), |workspace| {
                let list = &mut workspace.members[member].time_off;
                if index >= list.len() {
                    return Err(EditError::Gone("period of time off"));
                }
                list.remove(index);
                Ok(())
            })
    }

    pub(super) fn import_time_off(&mut self, path: &Path) {
        let result = io::read_time_off(path, &self.document.workspace, None);
        self.apply_import(
            path,
            result,
            "period away",
            "periods away",
            |workspace, rows| workspace.apply_time_off(rows),
        );
    }

    pub(super) fn import_holidays(&mut self, path: &Path) {
        let result = io::read_holidays(path, None).map(|read| io::Imported {
            value: read.value.into_iter().map(|holiday| (0, holiday)).collect(),
            warnings: read.warnings,
        });
        self.apply_import(path, result, "holiday", "holidays", |workspace, rows| {
            workspace.apply_holidays(rows.into_iter().map(|(_, holiday)| holiday).collect())
        });
    }
}
