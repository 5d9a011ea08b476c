//! The what-if plan from the hiring view: planned hires and departures,
//! applying the plan, exporting it; and what a roster CSV cannot hold.

use super::{AppState, PlanFormat};
use crate::io::{self, SaveError};
use crate::model::{EditError, PlannedHire, RoleId};
use std::path::Path;

impl AppState {
    /// Adds a planned hire to the what-if plan (undoable).
    pub fn plan_hire(
        &mut self,
        role: RoleId,
        team: Option<String>,
        specialty: Option<(crate::model::SkillId, crate::model::Level)>,
    ) {
        let title = self
            .document
            .workspace
            .role(&role)
            .map_or(role.to_string(), |r| r.title.clone());
        self.document
            .change(&format!("plan a hire: {title}"), |workspace| {
                let mut hire = PlannedHire::new(role, team);
                hire.specialty = specialty;
                workspace.plan.hires.push(hire);
            });
    }

    /// Moves reports between managers, as the rebalancing proposes: one
    /// undoable edit.
    pub fn apply_moves(&mut self, moves: Vec<(usize, String)>) {
        let count = moves.len();
        let applied = self.document.edit(
            &format!(
                "move {} to a new manager",
                crate::words::count_of(count, "report", "reports")
            ),
            |workspace| {
                for (member, manager) in moves {
                    if let Some(record) = workspace.members.get_mut(member) {
                        record.manager = Some(manager);
                    }
                }
                Ok::<_, EditError>(())
            },
        );
        if applied.is_ok() {
            self.notice = Some(format!(
                "Moved {}; Undo puts them back",
                crate::words::count_of(count, "report", "reports")
            ));
        }
    }

    /// Plans a manager hire for `manager`'s span breach: the new manager
    /// takes enough of their reports to bring them within `span_max`.
    pub fn plan_span_hire(
        &mut self,
        role: RoleId,
        team: Option<String>,
        manager_key: &str,
        span_max: u32,
    ) {
        let workspace = &self.document.workspace;
        let Some(manager) = workspace.find_member(manager_key) else {
            self.plan_hire(role, team, None);
            return;
        };
        let reports = crate::analysis::reports_to_move(workspace, manager, span_max);
        let team = team.or_else(|| workspace.members[manager].team.clone());
        let title = workspace
            .role(&role)
            .map_or(role.to_string(), |r| r.title.clone());
        let label = format!(
            "plan a hire: {title} taking {} from {}",
            crate::words::count_of(reports.len(), "report", "reports"),
            workspace.members[manager].name
        );
        self.document.change(&label, |workspace| {
            let mut hire = PlannedHire::new(role, team);
            hire.reports = reports;
            workspace.plan.hires.push(hire);
        });
    }

    /// Moves `member` to the planned hire `index` (or back to the manager
    /// they have), in the what-if.
    pub fn set_planned_report(
        &mut self,
        index: usize,
        member: usize,
        reports: bool,
    ) -> Result<(), EditError> {
        let record = &self.document.workspace.members[member];
        let (key, name) = (record.key(), record.name.clone());
        let label = if reports {
            format!("move {name} to planned hire {}", index + 1)
        } else {
            format!("keep {name} with their manager")
        };
        self.document.edit(&label, |workspace| {
            let hire = workspace
                .plan
                .hires
                .get_mut(index)
                .ok_or(EditError::Gone("planned hire"))?;
            hire.reports.retain(|known| known != &key);
            if reports {
                hire.reports.push(key);
            }
            Ok(())
        })
    }

    pub fn unplan_hire(&mut self, index: usize) -> Result<(), EditError> {
        self.document.edit("remove a planned hire", |workspace| {
            (index < workspace.plan.hires.len())
                .then(|| workspace.plan.hires.remove(index))
                .map(|_| ())
                .ok_or(EditError::Gone("planned hire"))
        })
    }

    /// Plans a member's departure (undoable); once is enough.
    pub fn plan_departure(&mut self, member: usize) {
        let record = &self.document.workspace.members[member];
        let key = record.key();
        let label = format!("plan a departure: {}", record.name);
        self.document.change(&label, |workspace| {
            if !workspace.plan.departures.contains(&key) {
                workspace.plan.departures.push(key);
            }
        });
    }

    pub fn unplan_departure(&mut self, index: usize) -> Result<(), EditError> {
        self.document
            .edit("remove a planned departure", |workspace| {
                (index < workspace.plan.departures.len())
                    .then(|| workspace.plan.departures.remove(index))
                    .map(|_| ())
                    .ok_or(EditError::Gone("planned departure"))
            })
    }

    /// Makes the plan real: planned hires join the roster as placeholders
    /// at their roles' levels, departures leave. One undoable step.
    pub fn apply_plan(&mut self) {
        let workspace = &self.document.workspace;
        if workspace.plan.is_empty() {
            return;
        }
        let (hires, departures) = (workspace.plan.hires.len(), workspace.plan.departures.len());
        // Hires join as placeholders; departures leave today, their record
        // kept (a leaver is history, not a deleted row).
        let hires_only = crate::model::Plan {
            departures: Vec::new(),
            ..workspace.plan.clone()
        };
        let mut applied =
            crate::analysis::apply_plan(workspace, &hires_only, &self.library().skills);
        let today = self.today();
        for key in &workspace.plan.departures {
            if let Some(member) = applied.find_member(key) {
                let _ = applied.record_leaver(member, today);
            }
        }
        self.document.replace(
            &format!("apply the plan ({hires} hires, {departures} departures)"),
            applied,
        );
        self.selected = None;
        self.notice = Some(format!(
            "Plan applied: {hires} placeholder members added, {departures} left on {today}"
        ));
    }

    /// Writes the hiring plan (with the what-if applied) as CSV or as the
    /// HTML report; atomic, like every save. While the analysis of the
    /// latest change is still on a worker, the export waits for it rather
    /// than the window: it is written when the results arrive.
    pub fn export_plan(&mut self, path: &Path, format: PlanFormat) -> Result<(), SaveError> {
        // Inline for a small roster; a large one starts on a worker.
        self.refresh_insights(|| {});
        if !self
            .insights
            .is_current(&self.document, &self.insight_options)
        {
            self.pending_export = Some((path.to_path_buf(), format));
            self.notice = Some(format!(
                "Exporting the hiring plan to {} once the analysis is ready…",
                path.display()
            ));
            return Ok(());
        }
        let Some(results) = self.insights.results() else {
            return Ok(());
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
        let written = io::write_atomic(path, bytes.as_bytes());
        self.said_if_failed("export", path, written)?;
        self.notice = Some(format!("Exported the hiring plan to {}", path.display()));
        Ok(())
    }

    /// Whether an export waits for the analysis (the window keeps waking).
    pub fn export_waiting(&self) -> bool {
        self.pending_export.is_some()
    }

    /// Writes an export that was waiting for the analysis, once it is in.
    pub(super) fn finish_pending_export(&mut self) {
        if self.pending_export.is_some() {
            // The matrix view does not ask for the analysis: ask here.
            self.refresh_insights(|| {});
        }
        if self.pending_export.is_some()
            && self
                .insights
                .is_current(&self.document, &self.insight_options)
            && let Some((path, format)) = self.pending_export.take()
        {
            let _ = self.export_plan(&path, format);
        }
    }

    /// What a roster CSV cannot carry of this workspace, in one line.
    pub fn csv_would_lose(&self) -> Option<String> {
        let lost = io::roster_csv_leaves_out(&self.document.workspace, self.library());
        (!lost.is_empty()).then(|| lost.join(", "))
    }
}
