//! The what-if plan from the hiring view: planned hires and departures,
//! applying the plan, exporting it; and what a roster CSV cannot hold.

use super::{AppState, PlanFormat};
use crate::io;
use crate::model::{PlannedHire, RoleId};
use std::path::Path;

impl AppState {
    /// Adds a planned hire to the what-if plan (undoable).
    pub fn plan_hire(&mut self, role: RoleId, team: Option<String>) {
        let title = self
            .document
            .workspace
            .role(&role)
            .map_or(role.to_string(), |r| r.title.clone());
        let _ = self
            .document
            .edit(&format!("plan a hire: {title}"), |workspace| {
                workspace.plan.hires.push(PlannedHire { role, team });
                Ok(())
            });
    }

    pub fn unplan_hire(&mut self, index: usize) {
        let _ = self.document.edit("remove a planned hire", |workspace| {
            (index < workspace.plan.hires.len())
                .then(|| workspace.plan.hires.remove(index))
                .map(|_| ())
                .ok_or_else(|| "no such planned hire".to_string())
        });
    }

    /// Plans a member's departure (undoable); once is enough.
    pub fn plan_departure(&mut self, member: usize) {
        let record = &self.document.workspace.members[member];
        let key = record.email.clone().unwrap_or_else(|| record.name.clone());
        let label = format!("plan a departure: {}", record.name);
        let _ = self.document.edit(&label, |workspace| {
            if !workspace.plan.departures.contains(&key) {
                workspace.plan.departures.push(key);
            }
            Ok(())
        });
    }

    pub fn unplan_departure(&mut self, index: usize) {
        let _ = self
            .document
            .edit("remove a planned departure", |workspace| {
                (index < workspace.plan.departures.len())
                    .then(|| workspace.plan.departures.remove(index))
                    .map(|_| ())
                    .ok_or_else(|| "no such planned departure".to_string())
            });
    }

    /// Makes the plan real: planned hires join the roster as placeholders
    /// at their roles' levels, departures leave. One undoable step.
    pub fn apply_plan(&mut self) {
        let workspace = &self.document.workspace;
        if workspace.plan.is_empty() {
            return;
        }
        let (hires, departures) = (workspace.plan.hires.len(), workspace.plan.departures.len());
        let applied =
            crate::analysis::apply_plan(workspace, &workspace.plan, &self.library().skills);
        self.document.replace(
            &format!("apply the plan ({hires} hires, {departures} departures)"),
            applied,
        );
        self.selected = None;
        self.selection.member = None;
        self.notice = Some(format!(
            "Plan applied: {hires} placeholder members added, {departures} removed"
        ));
    }

    /// Writes the hiring plan (with the what-if applied) as CSV or as the
    /// HTML report; atomic, like every save.
    pub fn export_plan(&mut self, path: &Path, format: PlanFormat) -> Result<(), String> {
        self.refresh_insights(|| {});
        self.insights.wait();
        let Some(results) = self.insights.results() else {
            return Err("the analysis is not ready".to_string());
        };
        let workspace = &self.document.workspace;
        let bytes = match format {
            PlanFormat::Csv => crate::report::plan_csv(workspace, results.shown()),
            PlanFormat::Html => {
                let planned =
                    crate::analysis::apply_plan(workspace, &workspace.plan, &self.library().skills);
                crate::report::html_report(results.shown(), &planned, &self.document.name)
            }
        };
        io::write_atomic(path, bytes.as_bytes()).map_err(|error| error.to_string())?;
        self.notice = Some(format!("Exported the hiring plan to {}", path.display()));
        Ok(())
    }

    /// What a roster CSV cannot carry of this workspace: the plan, and
    /// roles or skills edited in the app (a CSV holds members and levels).
    pub fn csv_would_lose(&self) -> Option<String> {
        let workspace = &self.document.workspace;
        let library = self.library();
        let mut lost = Vec::new();
        if !workspace.plan.is_empty() {
            lost.push("the hiring plan");
        }
        let edited_role = workspace.roles.iter().any(|role| {
            if role.builtin {
                library.roles.iter().find(|r| r.id == role.id) != Some(role)
            } else {
                // Roles a roster names but the library lacks come back from
                // the CSV by title; only their requirements and pay do not.
                !role.requirements.is_empty() || role.salary.is_some()
            }
        });
        if edited_role {
            lost.push("edited roles");
        }
        let renamed_skill = workspace.skills.iter().any(|skill| {
            skill.builtin && library.skills.iter().find(|s| s.id == skill.id) != Some(skill)
        });
        if renamed_skill {
            lost.push("renamed or merged skills");
        }
        (!lost.is_empty()).then(|| lost.join(", "))
    }
}
