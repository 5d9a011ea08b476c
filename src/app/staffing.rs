//! Editing projects from the staffing view: each change one undoable step.

use super::AppState;
use crate::analysis::quarter_of;
use crate::model::{Assignment, DemandLine, Exclusion, Level, Project};
use std::time::{SystemTime, UNIX_EPOCH};

/// Today's date as `YYYY-MM-DD`, from the system clock (civil calendar).
pub fn today() -> (i64, u32, u32) {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The next calendar quarter's first and last days.
fn next_quarter() -> (String, String) {
    let (year, month, _) = today();
    let quarter = (month - 1) / 3;
    let (year, quarter) = if quarter == 3 {
        (year + 1, 0)
    } else {
        (year, quarter + 1)
    };
    let first = quarter * 3 + 1;
    let last_day = [31, 30, 30, 31][quarter as usize];
    (
        format!("{year}-{first:02}-01"),
        format!("{year}-{:02}-{last_day:02}", first + 2),
    )
}

impl AppState {
    /// The people and FTE typed for a new line, or `None` with the reason
    /// shown in the view.
    fn typed_people_and_fte(&mut self) -> Option<(u32, f64)> {
        let people = self
            .selection
            .line_people
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=1000).contains(n));
        let fte = crate::io::parse_share(&self.selection.line_fte)
            .ok()
            .filter(|f| *f > 0.0);
        let typed = people.zip(fte);
        if typed.is_none() {
            self.selection.staffing_error = Some(
                "people is a whole number from 1 and FTE a share such as 0.5 or 50%".to_string(),
            );
        }
        typed
    }

    /// Replaces the projects with a projects CSV's, as one undoable step; a
    /// file with errors changes nothing and lists them.
    pub fn import_projects(&mut self, path: &std::path::Path) {
        let name = crate::io::display_name(path);
        let result = crate::io::read_file(path)
            .map_err(|message| {
                crate::io::ImportFailure::single(crate::io::Diagnostic::error(
                    &name, None, None, message,
                ))
            })
            .and_then(|bytes| {
                crate::io::import_projects_csv(
                    &bytes,
                    &name,
                    &self.document.workspace,
                    crate::catalog::builtin(),
                )
            });
        match result {
            Ok(imported) => {
                let count = imported.value.len();
                let _ = self.document.edit(
                    &format!(
                        "import {}",
                        crate::io::count_of(count, "project", "projects")
                    ),
                    |w| {
                        w.projects = imported.value;
                        Ok(())
                    },
                );
                self.selection.project = None;
                self.diagnostics = imported.warnings;
                self.failed_open = None;
                self.diagnostics_open = !self.diagnostics.is_empty();
                self.notice = Some(format!(
                    "Imported {} from {name}",
                    crate::io::count_of(count, "project", "projects")
                ));
            }
            Err(failure) => {
                self.notice = Some(format!(
                    "Could not import {name}: {}; nothing was changed",
                    crate::io::count_of(failure.errors.len(), "error", "errors")
                ));
                self.diagnostics = failure.errors.into_iter().chain(failure.warnings).collect();
                self.failed_open = None;
                self.diagnostics_open = true;
            }
        }
    }

    pub fn export_projects(&mut self, path: &std::path::Path) -> Result<(), String> {
        let bytes = crate::io::export_projects_csv(&self.document.workspace);
        crate::io::write_atomic(path, &bytes).map_err(|error| error.to_string())?;
        let lost = crate::io::projects_csv_leaves_out(&self.document.workspace);
        self.notice = Some(format!(
            "Exported {} to {}; {}",
            crate::io::count_of(
                self.document.workspace.projects.len(),
                "project",
                "projects"
            ),
            path.display(),
            crate::io::not_written_sentence(&lost, "a projects CSV holds the projects' lines")
        ));
        Ok(())
    }

    /// Adds a role slot (a role the project needs, count and FTE) from the
    /// editor's people and FTE.
    pub fn add_role_slot(&mut self, role: usize) {
        let Some(index) = self.selection.project else {
            return;
        };
        let Some((count, fte)) = self.typed_people_and_fte() else {
            return;
        };
        let role_id = self.document.workspace.roles[role].id.clone();
        let label = format!("add a {} slot", self.document.workspace.roles[role].title);
        let result = self.document.edit(&label, |w| {
            w.projects[index].role_slots.push(crate::model::RoleSlot {
                role: role_id,
                count,
                fte,
            });
            Ok(())
        });
        self.selection.staffing_error = result.err();
    }

    /// Selects a project and loads its details into the editor.
    pub fn select_project(&mut self, index: usize) {
        let Some(project) = self.document.workspace.projects.get(index) else {
            return;
        };
        let selection = &mut self.selection;
        selection.project = Some(index);
        selection.project_name = project.name.clone();
        selection.project_start = project.start.clone();
        selection.project_end = project.end.clone();
        selection.project_priority = project.priority.to_string();
        selection.staffing_error = None;
    }

    /// Adds a project for next quarter, lowest priority, and selects it.
    pub fn new_project(&mut self) {
        let (start, end) = next_quarter();
        let workspace = &self.document.workspace;
        let priority = workspace
            .projects
            .iter()
            .map(|p| p.priority)
            .max()
            .unwrap_or(0)
            + 1;
        let name = (1..)
            .map(|n| format!("New project {n}"))
            .find(|name| !workspace.projects.iter().any(|p| &p.name == name))
            .expect("a free name");
        let added = self.document.edit(&format!("add project {name}"), |w| {
            w.projects.push(Project::new(&name, &start, &end, priority));
            Ok(w.projects.len() - 1)
        });
        if let Ok(index) = added {
            self.select_project(index);
        }
    }

    /// Saves the typed name, dates and priority of the selected project.
    pub fn save_project_details(&mut self) {
        let Some(index) = self.selection.project else {
            return;
        };
        let selection = &self.selection;
        let name = selection.project_name.trim().to_string();
        let start = selection.project_start.trim().to_string();
        let end = selection.project_end.trim().to_string();
        let priority = selection.project_priority.trim().to_string();
        let result = self.document.edit(&format!("edit project {name}"), |w| {
            if name.is_empty() {
                return Err("a project needs a name".into());
            }
            if w.projects
                .iter()
                .enumerate()
                .any(|(i, p)| i != index && p.name == name)
            {
                return Err(format!("there is already a project called \"{name}\""));
            }
            for (what, date) in [("start", &start), ("end", &end)] {
                if quarter_of(date).is_none() {
                    return Err(format!(
                        "{what} \"{date}\" is not a date: expected YYYY-MM-DD"
                    ));
                }
            }
            if end < start {
                return Err(format!(
                    "the project ends ({end}) before it starts ({start})"
                ));
            }
            let priority: u32 = priority.parse().ok().filter(|p| *p >= 1).ok_or_else(|| {
                format!("priority \"{priority}\" is not a whole number from 1 (highest)")
            })?;
            let project = &mut w.projects[index];
            project.name = name.clone();
            project.start = start.clone();
            project.end = end.clone();
            project.priority = priority;
            Ok(())
        });
        self.selection.staffing_error = result.err();
    }

    /// Adds a demand line from the editor's skill, level, people and FTE.
    pub fn add_demand_line(&mut self) {
        let (Some(index), Some(column)) = (self.selection.project, self.selection.line_skill)
        else {
            return;
        };
        let Some((people, fte)) = self.typed_people_and_fte() else {
            return;
        };
        let level = Level::new(self.selection.line_level).unwrap_or(Level::PROFICIENT);
        let skill = self.document.workspace.skills[column].id.clone();
        let label = format!(
            "add {} to a project",
            self.document.workspace.skills[column].name
        );
        let result = self.document.edit(&label, |w| {
            w.projects[index].demand.push(DemandLine {
                skill,
                min_level: level,
                people,
                fte_each: fte,
            });
            Ok(())
        });
        self.selection.staffing_error = result.err();
    }

    /// Removes a line (demand or role slot) and what was pinned to it.
    pub fn remove_line(&mut self, index: usize, line: usize) {
        let _ = self.document.edit("remove a project line", |w| {
            let project = &mut w.projects[index];
            let demand = project.demand.len();
            if line < demand {
                project.demand.remove(line);
            } else if line - demand < project.role_slots.len() {
                project.role_slots.remove(line - demand);
            } else {
                return Err("no such line".into());
            }
            project.assignments.retain(|a| a.demand != line);
            project.excluded.retain(|e| e.line != line);
            for assignment in &mut project.assignments {
                if assignment.demand > line {
                    assignment.demand -= 1;
                }
            }
            for exclusion in &mut project.excluded {
                if exclusion.line > line {
                    exclusion.line -= 1;
                }
            }
            Ok(())
        });
    }

    /// Keeps a member on a line whatever the next proposal says.
    pub fn pin(&mut self, index: usize, line: usize, member: usize, fte: f64) {
        let workspace = &self.document.workspace;
        let name = workspace.members[member].name.clone();
        // A lead may pin someone under the line's level: say so.
        self.notice = workspace.projects[index]
            .demand
            .get(line)
            .and_then(|demand| {
                let column = workspace.skill_index(&demand.skill)?;
                let level = workspace.cell(member, column).level();
                level.is_none_or(|level| level < demand.min_level).then(|| {
                    format!(
                        "Pinned {name}, who is at {} in {}: the line asks for {}+",
                        level.map_or("not assessed".to_string(), |l| format!("level {l}")),
                        workspace.skills[column].name,
                        demand.min_level
                    )
                })
            });
        let _ = self.document.edit(&format!("pin {name}"), |w| {
            let project = &mut w.projects[index];
            if !project
                .assignments
                .iter()
                .any(|a| a.member == member && a.demand == line)
            {
                project.assignments.push(Assignment {
                    member,
                    demand: line,
                    fte,
                    pinned: true,
                });
            }
            Ok(())
        });
    }

    pub fn unpin(&mut self, index: usize, line: usize, member: usize) {
        let _ = self.document.edit("unpin", |w| {
            w.projects[index]
                .assignments
                .retain(|a| !(a.member == member && a.demand == line));
            Ok(())
        });
    }

    /// Takes a member off a line for good: the proposal looks elsewhere.
    pub fn exclude(&mut self, index: usize, line: usize, member: usize) {
        let name = self.document.workspace.members[member].name.clone();
        let _ = self
            .document
            .edit(&format!("take {name} off the line"), |w| {
                let project = &mut w.projects[index];
                project
                    .assignments
                    .retain(|a| !(a.member == member && a.demand == line));
                project.excluded.push(Exclusion { member, line });
                Ok(())
            });
    }

    /// Pins everyone the proposal puts on the project: one step.
    pub fn accept_proposal(&mut self, index: usize) {
        let Some(staffing) = self
            .insights
            .results()
            .and_then(|r| r.analysis.staffing.as_ref())
        else {
            return;
        };
        let name = &self.document.workspace.projects[index].name;
        let Some(proposal) = staffing.projects.iter().find(|p| &p.name == name) else {
            return;
        };
        let pins: Vec<Assignment> = proposal
            .lines
            .iter()
            .flat_map(|line| {
                line.assigned
                    .iter()
                    .filter(|a| !a.pinned)
                    .map(|a| Assignment {
                        member: a.member.index,
                        demand: line.line,
                        fte: line.fte_each,
                        pinned: true,
                    })
            })
            .collect();
        let already: usize = proposal
            .lines
            .iter()
            .map(|line| line.assigned.iter().filter(|a| a.pinned).count())
            .sum();
        let open: u32 = proposal.lines.iter().map(|line| line.unfilled).sum();
        let name = name.clone();
        let count = pins.len();
        if count > 0 {
            let _ = self
                .document
                .edit(&format!("accept the proposal for {name}"), |w| {
                    w.projects[index].assignments.extend(pins);
                    Ok(())
                });
        }
        let mut said = if count == 0 {
            format!("Nothing to accept for {name}: everyone on it is pinned already")
        } else {
            format!(
                "Accepted the proposal for {name}: pinned {}",
                crate::io::count_of(count, "member", "members")
            )
        };
        if already > 0 && count > 0 {
            said.push_str(&format!(" ({already} pinned before)"));
        }
        if open > 0 {
            said.push_str(&format!(
                "; {} still open",
                crate::io::count_of(open as usize, "place", "places")
            ));
        }
        self.notice = Some(said);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_a_real_date() {
        let (year, month, day) = super::today();
        assert!(year >= 2024 && (1..=12).contains(&month) && (1..=31).contains(&day));
        let (start, end) = super::next_quarter();
        assert!(crate::analysis::quarter_of(&start).is_some() && start < end);
    }
}
