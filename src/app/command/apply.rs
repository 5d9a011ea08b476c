//! The one place that changes the app's state: the views, menus and
//! shortcuts push `Command`s (see `mod.rs`) while they draw, and
//! `AppState::apply` runs them, one at a time, after the panels are drawn.
//! Apply records undo, bumps the generation through the document, and
//! keeps the caches right; nothing else writes the state.

use super::{Command, Outcome, Sample};
use crate::app::AppState;
use crate::model::EditError;

impl AppState {
    /// Runs one command. Refused edits leave the state as it was and say
    /// why in `edit_error`, which the view that asked shows.
    pub fn apply(&mut self, command: Command) -> Outcome {
        let outcome = match self.run(command) {
            Ok(outcome) => {
                self.edit_error = None;
                outcome
            }
            Err(error) => {
                self.edit_error = Some(error.to_string());
                Outcome::Done
            }
        };
        self.refresh();
        outcome
    }

    fn run(&mut self, command: Command) -> Result<Outcome, EditError> {
        use Command as C;
        match command {
            C::NewDocument => {
                self.new_document();
                return Ok(Outcome::NewDocument);
            }
            C::OpenSample(sample) => {
                let today = self.today();
                self.replace_document(match sample {
                    Sample::Projects => AppState::sample_with_projects(today),
                    Sample::History => AppState::sample_with_history(today),
                });
                self.diagnostics.clear();
                return Ok(Outcome::NewDocument);
            }
            C::ToggleGuide => self.guide_open = !self.guide_open,
            C::Overwrite => {
                // Not in place over the other version: the whole file anew.
                self.document.on_disk = None;
                if let Some(path) = self.document.path.clone() {
                    let _ = self.save_to(&path);
                }
            }
            C::SaveOver => {
                if let Some(path) = self.document.path.clone() {
                    let _ = self.save_to(&path);
                }
            }
            C::SaveTo(path) => {
                let _ = self.save_to(&path);
            }
            C::SaveRosterOnly(path) => {
                let _ = self.save_roster_only(&path);
            }
            C::CancelLossySave => {
                self.lossy_save = None;
                self.notice = Some("Not saved".to_string());
            }
            C::Export(path, layout) => {
                let _ = self.export_to(&path, layout);
            }
            C::ExportPlan(path, format) => {
                let _ = self.export_plan(&path, format);
            }
            C::ExportPicture(path) => {
                let _ = self.export_picture(&path);
            }
            C::WriteForms(folder) => self.write_forms(&folder),
            C::ImportForms(files) => self.import_forms(&files),
            C::Import(kind, path) => return Ok(self.import_file(kind, &path)),
            C::ExportProjects(path) => {
                let _ = self.export_projects(&path);
            }
            C::ExportStaffing(path) => {
                let _ = self.export_staffing(&path);
            }
            C::CancelPending => self.cancel_pending(),
            C::Undo => {
                self.document.undo();
            }
            C::Redo => {
                self.document.redo();
            }
            C::AskToClose => self.confirm_close = true,
            C::CloseAnyway => {
                self.confirm_close = false;
                self.closing = true;
            }
            C::CancelClose => self.confirm_close = false,
            C::AskToOverwrite => self.confirm_overwrite = true,
            C::CancelOverwrite => self.confirm_overwrite = false,
            C::RestoreRecovery(key) => {
                self.restore_recovery(&key);
                self.keep_recovery_for_later();
                return Ok(Outcome::NewDocument);
            }
            C::DiscardRecovery(key) => self.discard_recovery(&key),
            C::KeepRecoveryForLater => self.keep_recovery_for_later(),

            C::ShowView(view) => {
                self.view = view;
                self.refresh_review();
            }
            C::SetFilter(filter) => self.filter = filter,
            C::AskRound(path) => self.round_request = Some(path),
            C::CancelRound => self.round_request = None,
            C::AskSheet(request) => self.sheet_request = Some(request),
            C::PreviewImport(path, intent) => {
                self.round_request = None;
                self.start_preview(path, intent, None, crate::model::ColumnMap::default())
            }
            C::SetImportColumn(index, choice) => self.set_import_column(index, choice),
            C::SetImportSheet(sheet) => self.set_import_sheet(sheet),
            C::ConfirmImport => {
                if self.confirm_import() {
                    return Ok(Outcome::NewDocument);
                }
            }
            C::CancelImport => {
                self.import_preview = None;
                self.notice = Some("Import cancelled: nothing changed".to_string());
            }
            C::SaveColumnMap(path) => self.save_column_map(&path),
            C::OpenEvidence => self.open_evidence(),
            C::SetEvidenceForm(form) => self.set_evidence_form(form),
            C::SetEvidenceRepository(path) => {
                if let Some(dialog) = &mut self.evidence {
                    dialog.form.repository = path.display().to_string();
                }
            }
            C::SetEvidenceMap(path) => {
                if let Some(dialog) = &mut self.evidence {
                    dialog.form.map = path.display().to_string();
                }
            }
            C::ReadEvidence => self.read_evidence(),
            C::StoreEvidence => self.store_evidence(),
            C::RemoveEvidence(name) => self.remove_evidence(&name),
            C::CloseEvidence => self.evidence = None,
            C::SetEvidenceHalfLife(days) => {
                self.document.change(
                    &format!("weigh work evidence by {days} days"),
                    |workspace| {
                        workspace.settings.evidence_half_life_days = days.clamp(1, 3650);
                    },
                );
                self.refresh();
            }
            C::ToggleWho => self.toggle_who(),
            C::Decide {
                member,
                skill,
                level,
            } => self.decide(member, skill, level),
            C::SetReviewThreshold(threshold) => self.set_review_threshold(threshold),
            C::ApplyMoves(moves) => self.apply_moves(moves),
            C::SetTarget(form) => self.set_target(form)?,
            C::RemoveTarget { member, skill } => self.remove_target(member, skill)?,
            C::AddCertification(form) => self.add_certification(form)?,
            C::RemoveCertification { member, index } => self.remove_certification(member, index)?,
            C::AddTimeOff(form) => self.add_time_off(form)?,
            C::RemoveTimeOff { member, index } => self.remove_time_off(member, index)?,
            C::AskWho(form) => self.ask_who(form),
            C::CancelSheet => {
                self.sheet_request = None;
                self.notice = Some("Not opened".to_string());
            }
            C::SetInsightOptions(options) => self.insight_options = options,
            C::SetPreferences(preferences) => self.preferences = preferences,
            C::Select(cell) => self.selected = cell,
            C::MoveSelection(rows, columns) => self.move_selection(rows, columns),
            C::ScrolledTo => self.scroll_to = None,
            C::FocusSearch => self.focus_search = true,
            C::SearchFocused => self.focus_search = false,
            C::ShowDiagnostics(open) => {
                if open && self.diagnostics.is_empty() {
                    self.diagnostics = self.document.warnings.clone();
                    self.failed_open = None;
                }
                self.diagnostics_open = open;
            }
            C::PickDiagnostic(index) => self.pick_diagnostic(index),
            C::ShowSkillInMatrix(column) => self.show_skill_in_matrix(column),
            C::AddMember(details) => {
                let today = self.today();
                let label = format!("add {}", details.name.trim());
                let row = self
                    .document
                    .edit(&label, |w| w.add_member(&details, today))?;
                self.notice = Some(format!(
                    "Added {}: rate their skills in the matrix (Edit > Undo takes it back)",
                    details.name.trim()
                ));
                self.refresh();
                self.selected = Some((row, 0));
                self.scroll_to = self.selected;
                return Ok(Outcome::ShowMember(row));
            }
            C::EditMember {
                member,
                details,
                on,
            } => {
                let label = format!("edit {}", details.name.trim());
                let changes = self
                    .document
                    .edit(&label, |w| w.edit_member(member, &details, on))?;
                let said: Vec<String> = changes
                    .iter()
                    .map(|change| change.detail.describe())
                    .collect();
                self.notice = Some(if said.is_empty() {
                    format!("{}: details saved", details.name.trim())
                } else {
                    format!("{} from {on}: {}", details.name.trim(), said.join(", "))
                });
                return Ok(Outcome::MemberSaved);
            }
            C::ShowMemberFit(member) => {
                if member < self.document.workspace.members.len() {
                    self.view = crate::app::View::Fit;
                    return Ok(Outcome::ShowMember(member));
                }
            }
            C::ShowSkillById(id) => {
                match self
                    .document
                    .workspace
                    .skill_index(&crate::model::SkillId::new(id))
                {
                    Some(column) => self.show_skill_in_matrix(column),
                    None => {
                        self.notice =
                            Some("That skill is not a column of this roster yet".to_string())
                    }
                }
            }
            C::Notice(text) => self.notice = Some(text),

            C::SetLevel {
                member,
                skill,
                level,
            } => self.set_level(member, skill, level),
            C::ToggleInterest { member, skill } => self.toggle_interest(member, skill),

            C::PlanHire {
                role,
                team,
                specialty,
            } => self.plan_hire(role, team, specialty),
            C::PlanSpanHire {
                role,
                team,
                manager,
                span_max,
            } => self.plan_span_hire(role, team, &manager, span_max),
            C::UnplanHire(index) => self.unplan_hire(index)?,
            C::PlanDeparture(member) => self.plan_departure(member),
            C::UnplanDeparture(index) => self.unplan_departure(index)?,
            C::SetPlannedReport {
                hire,
                member,
                reports,
            } => self.set_planned_report(hire, member, reports)?,
            C::ApplyPlan => {
                self.apply_plan();
                return Ok(Outcome::MembersMoved);
            }

            C::NewProject => return Ok(Outcome::ProjectAdded(self.new_project())),
            C::ShiftProjectDates {
                project,
                start,
                weeks,
            } => self.shift_project_dates(project, start, weeks)?,
            C::SetProjectStatus { project, status } => self.set_project_status(project, status)?,
            C::SetCountTargets(on) => {
                let label = if on {
                    "count on targets in staffing"
                } else {
                    "stop counting on targets in staffing"
                };
                self.document
                    .change(label, |workspace| workspace.settings.count_targets = on);
            }
            C::SetLearner {
                project,
                line,
                share,
            } => self.set_learner(project, line, share)?,
            C::AddScenario(name) => self.add_scenario(&name)?,
            C::RemoveScenario(index) => self.remove_scenario(index)?,
            C::AddScenarioChange(index, change) => self.add_scenario_change(index, change)?,
            C::ApplyScenario(index) => {
                self.apply_scenario(index)?;
                return Ok(Outcome::MembersMoved);
            }
            C::CompareScenarios(names) => self.set_compared(names),
            C::SaveProjectDetails {
                project,
                name,
                priority,
                start,
                end,
            } => self.save_project_details(project, &name, &priority, &start, &end)?,
            C::AddDemandLine {
                project,
                skill,
                level,
                people,
                fte,
            } => self.add_demand_line(project, skill, level, &people, &fte)?,
            C::AddRoleSlot {
                project,
                role,
                people,
                fte,
            } => self.add_role_slot(project, role, &people, &fte)?,
            C::RemoveLine { project, line } => self.remove_line(project, line)?,
            C::Pin {
                project,
                line,
                member,
                fte,
            } => {
                self.still_there(project, Some(member))?;
                self.pin(project, line, member, fte)?
            }
            C::Unpin {
                project,
                line,
                member,
            } => {
                self.still_there(project, Some(member))?;
                self.unpin(project, line, member)?
            }
            C::TakeOff {
                project,
                line,
                member,
            } => {
                self.still_there(project, Some(member))?;
                self.exclude(project, line, member)?
            }
            C::AcceptProposal(project) => {
                self.still_there(project, None)?;
                self.accept_proposal(project)?
            }

            C::AddSkill { name, kind } => {
                let label = format!("add skill {}", name.trim());
                let column = self
                    .document
                    .edit(&label, |w| w.add_custom_skill(&name, kind))?;
                return Ok(Outcome::SkillAdded(column));
            }
            C::RenameSkill { column, name } => {
                let old = self.skill_name(column).to_string();
                self.document
                    .edit(&format!("rename {old} to {}", name.trim()), |w| {
                        w.rename_skill(column, &name)
                    })?;
            }
            C::MergeSkills { from, into } => {
                let label = format!(
                    "merge {} into {}",
                    self.skill_name(from),
                    self.skill_name(into)
                );
                self.document.edit(&label, |w| w.merge_skills(from, into))?;
                return Ok(Outcome::SkillKept(if into > from {
                    into - 1
                } else {
                    into
                }));
            }
            C::SetNote {
                member,
                skill,
                text,
            } => {
                let workspace = &self.document.workspace;
                if member >= workspace.members.len() || skill >= workspace.skills.len() {
                    return Err(EditError::Gone("cell"));
                }
                let label = format!(
                    "note on {} / {}",
                    workspace.members[member].name,
                    self.skill_name(skill)
                );
                self.document.edit(&label, |w| {
                    w.note_cell(member, skill, &text);
                    Ok::<_, EditError>(())
                })?;
            }
            C::SetExpiryWarningDays(days) => {
                let days = days.clamp(1, 1825);
                self.document
                    .edit(&format!("certifications due within {days} days"), |w| {
                        w.settings.expiry_warning_days = days;
                        Ok::<_, EditError>(())
                    })?;
            }
            C::SetStaleMonths(months) => {
                let months = months.clamp(1, 120);
                self.document
                    .edit(&format!("stale after {months} months"), |w| {
                        w.settings.stale_months = months;
                        Ok::<_, EditError>(())
                    })?;
                // The cells on show as stale follow the new limit.
                if self.filter.stale_before.is_some() {
                    self.filter.stale_before =
                        Some(crate::analysis::stale_before(self.today(), months));
                }
            }
            C::DuplicateRole(role) => {
                let title = self.role_title(role)?;
                let copy = self.document.edit(&format!("duplicate {title}"), |w| {
                    Ok::<_, EditError>(w.duplicate_role(role))
                })?;
                return Ok(Outcome::RoleAdded(copy));
            }
            C::RenameRole { role, title } => {
                self.document
                    .edit(&format!("rename role to {}", title.trim()), |w| {
                        w.rename_role(role, &title)
                    })?;
            }
            C::MoveRoleMembers { from, to } => {
                let (from_title, to_title) = (self.role_title(from)?, self.role_title(to)?);
                let roles = &self.document.workspace.roles;
                let (from_id, to_id) = (roles[from].id.clone(), roles[to].id.clone());
                self.document
                    .edit(&format!("move {from_title} members to {to_title}"), |w| {
                        Ok::<_, EditError>(w.reassign_role(&from_id, &to_id))
                    })?;
            }
            C::SetRequirement { role, row, change } => {
                let title = self.role_title(role)?;
                self.document
                    .edit(&format!("a requirement of {title}"), |w| {
                        w.set_requirement(role, row, change)
                    })?;
            }
            C::AddRequirement { role, skill } => {
                let title = self.role_title(role)?;
                let label = format!("require {} of {title}", self.skill_name(skill));
                self.document
                    .edit(&label, |w| w.add_requirement(role, skill))?;
            }
            C::SetMemberRole { member, role } => self.set_member_role(member, role)?,
            C::SetLeaver { member, on } => {
                let name = self.member_name(member)?;
                match on {
                    Some(on) => {
                        self.document.edit(&format!("{name} left on {on}"), |w| {
                            w.record_leaver(member, on)
                        })?;
                        self.notice = Some(format!(
                            "{name} left on {on}: out of every count from that day (Edit > Undo \
                             takes it back)"
                        ));
                    }
                    None => {
                        self.document
                            .edit(&format!("{name} back on the team"), |w| {
                                w.clear_leaver(member)
                            })?;
                    }
                }
            }
            C::ChooseFramework(choice) => self.choose_framework(choice),
            C::ApplyFramework => {
                if let Some(first) = self.apply_framework() {
                    self.view = crate::app::View::Roles;
                    return Ok(Outcome::RoleAdded(first));
                }
            }
            C::CancelFramework => self.cancel_framework(),
        }
        Ok(Outcome::Done)
    }

    /// A command drawn a frame before an undo can name a project or member
    /// that is gone: refuse it rather than act on another.
    fn still_there(&self, project: usize, member: Option<usize>) -> Result<(), EditError> {
        let workspace = &self.document.workspace;
        if project >= workspace.projects.len() {
            return Err(EditError::Gone("project"));
        }
        if member.is_some_and(|m| m >= workspace.members.len()) {
            return Err(EditError::Gone("member"));
        }
        Ok(())
    }

    fn role_title(&self, role: usize) -> Result<String, EditError> {
        self.document
            .workspace
            .roles
            .get(role)
            .map(|r| r.title.clone())
            .ok_or(EditError::Gone("role"))
    }

    /// Shows what diagnostic `index` is about: its member's cell, else its
    /// skill's column found by the search.
    fn pick_diagnostic(&mut self, index: usize) {
        let Some(diagnostic) = self.diagnostics.get(index) else {
            return;
        };
        let workspace = &self.document.workspace;
        let skill = diagnostic
            .skill
            .as_ref()
            .and_then(|id| workspace.skill_index(id));
        let member = diagnostic.member.filter(|&m| m < workspace.members.len());
        if let Some(member) = member {
            self.selected = Some((
                member,
                skill
                    .or_else(|| self.derived.columns.first().copied())
                    .unwrap_or(0),
            ));
            self.scroll_to = self.selected;
        } else if let Some(skill) = skill {
            self.filter.search = workspace.skills[skill].name.clone();
        }
    }
}
