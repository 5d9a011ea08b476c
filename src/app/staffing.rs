//! Editing projects from the staffing view: each change one undoable step.

use super::AppState;
use crate::model::{Assignment, DemandLine, EditError, Level};
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

/// The people and FTE typed for a new line.
fn typed_people_and_fte(people: &str, fte: &str) -> Result<(u32, f64), EditError> {
    let count = people
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=1000).contains(n))
        .ok_or_else(|| EditError::Invalid {
            field: "people",
            found: people.trim().to_string(),
            expected: "is not a whole number from 1",
        })?;
    let share = crate::io::parse_share(fte)
        .ok()
        .filter(|f| *f > 0.0)
        .ok_or_else(|| EditError::Invalid {
            field: "FTE",
            found: fte.trim().to_string(),
            expected: "is not a share of a position such as 0.5 or 50%",
        })?;
    Ok((count, share))
}

impl AppState {
    /// Replaces the projects with a projects CSV's, as one undoable step; a
    /// file with errors changes nothing and lists them.
    pub fn import_projects(&mut self, path: &std::path::Path) {
        let name = crate::io::display_name(path);
        let result = crate::io::read_projects(
            path,
            &self.document.workspace,
            crate::catalog::builtin(),
            None,
        );
        match result {
            Ok(imported) => {
                let count = imported.value.len();
                self.document.change(
                    &format!(
                        "import {}",
                        crate::words::count_of(count, "project", "projects")
                    ),
                    |w| w.projects = imported.value,
                );
                self.import_warnings(imported.warnings);
                self.notice = Some(format!(
                    "Imported {} from {name}",
                    crate::words::count_of(count, "project", "projects")
                ));
            }
            Err(failure) => self.import_failed(&name, failure),
        }
    }

    pub fn export_projects(&mut self, path: &std::path::Path) -> Result<(), crate::io::SaveError> {
        let bytes = crate::io::export_projects_csv(&self.document.workspace);
        self.said_if_failed("export", path, crate::io::write_atomic(path, &bytes))?;
        let lost = crate::io::projects_csv_leaves_out(&self.document.workspace);
        self.notice = Some(format!(
            "Exported {} to {}; {}",
            crate::words::count_of(
                self.document.workspace.projects.len(),
                "project",
                "projects"
            ),
            path.display(),
            crate::io::not_written_sentence(&lost, "a projects CSV holds the projects' lines")
        ));
        Ok(())
    }

    /// Writes the staffing proposal as a workbook (a row per person placed,
    /// people by weeks), atomically. Read from the analysis the views show
    /// when it is current, else staffed once here.
    pub fn export_staffing(&mut self, path: &std::path::Path) -> Result<(), crate::io::SaveError> {
        let current = self
            .insights
            .is_current(&self.document, &self.insight_options)
            .then(|| self.insights.results())
            .flatten()
            .and_then(|results| results.analysis.staffing.clone());
        let staffing = current.unwrap_or_else(|| crate::analysis::staff(&self.scope()));
        let bytes = match crate::report::staffing_workbook(&staffing, &self.document.workspace) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.notice = Some(format!("Could not write {}: {error}", path.display()));
                return Ok(());
            }
        };
        self.said_if_failed("export", path, crate::io::write_atomic(path, &bytes))?;
        self.notice = Some(format!(
            "Exported the staffing proposal of {} to {}",
            crate::words::count_of(staffing.projects.len(), "project", "projects"),
            path.display()
        ));
        Ok(())
    }

    /// Adds a role slot (a role the project needs, how many, at what FTE).
    pub fn add_role_slot(
        &mut self,
        project: usize,
        role: usize,
        people: &str,
        fte: &str,
    ) -> Result<(), EditError> {
        let (count, fte) = typed_people_and_fte(people, fte)?;
        let workspace = &self.document.workspace;
        let chosen = workspace.roles.get(role).ok_or(EditError::Gone("role"))?;
        let role_id = chosen.id.clone();
        let label = format!("add a {} slot", chosen.title);
        let slot = crate::model::RoleSlot {
            role: role_id,
            count,
            fte,
        };
        self.document
            .edit(&label, |w| w.add_role_slot(project, slot))
    }

    /// Adds a project for next quarter, lowest priority; returns its index.
    pub fn new_project(&mut self) -> usize {
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
        let mut added = 0;
        self.document.change(&format!("add project {name}"), |w| {
            added = w.add_project(&name, &start, &end, priority);
        });
        added
    }

    /// Saves a project's typed name, dates and priority.
    pub fn save_project_details(
        &mut self,
        index: usize,
        name: &str,
        priority: &str,
        start: &str,
        end: &str,
    ) -> Result<(), EditError> {
        let label = format!("edit project {}", name.trim());
        self.document.edit(&label, |w| {
            w.set_project_details(index, name, start, end, priority)
        })
    }

    /// A skill line takes a learner, or no longer does: one undoable step.
    pub fn set_learner(
        &mut self,
        project: usize,
        line: usize,
        share: Option<f64>,
    ) -> Result<(), EditError> {
        let label = match share {
            Some(_) => "take a learner on a line",
            None => "take no learner on a line",
        };
        self.document
            .edit(label, |w| w.set_learner(project, line, share))
    }

    /// Marks a project confirmed or tentative, as one undoable step.
    pub fn set_project_status(
        &mut self,
        index: usize,
        status: crate::model::ProjectStatus,
    ) -> Result<(), EditError> {
        let name = self
            .document
            .workspace
            .projects
            .get(index)
            .map_or(String::new(), |project| project.name.clone());
        let label = format!("mark {name} {}", status.word());
        self.document
            .edit(&label, |w| w.set_project_status(index, status))
    }

    /// Adds a demand line: a skill at a level, how many people, what FTE.
    pub fn add_demand_line(
        &mut self,
        project: usize,
        column: usize,
        level: Level,
        people: &str,
        fte: &str,
    ) -> Result<(), EditError> {
        let (people, fte) = typed_people_and_fte(people, fte)?;
        let skill = self
            .document
            .workspace
            .skills
            .get(column)
            .ok_or(EditError::Gone("skill"))?;
        let label = format!("add {} to a project", skill.name);
        let skill = skill.id.clone();
        let line = DemandLine {
            skill,
            min_level: level,
            people,
            fte_each: fte,
        };
        self.document
            .edit(&label, |w| w.add_demand_line(project, line))
    }

    /// Removes a line (demand or role slot) and what was pinned to it.
    pub fn remove_line(&mut self, index: usize, line: usize) -> Result<(), EditError> {
        self.document.edit("remove a project line", |w| {
            w.remove_project_line(index, line)
        })
    }

    /// Keeps a member on a line whatever the next proposal says.
    pub fn pin(
        &mut self,
        index: usize,
        line: usize,
        member: usize,
        fte: f64,
    ) -> Result<(), EditError> {
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
        self.document
            .edit(&format!("pin {name}"), |w| w.pin(index, line, member, fte))
    }

    pub fn unpin(&mut self, index: usize, line: usize, member: usize) -> Result<(), EditError> {
        self.document
            .edit("unpin", |w| w.unpin(index, line, member))
    }

    /// Takes a member off a line for good: the proposal looks elsewhere.
    pub fn exclude(&mut self, index: usize, line: usize, member: usize) -> Result<(), EditError> {
        let name = self.member_name(member)?;
        self.document
            .edit(&format!("take {name} off the line"), |w| {
                w.exclude(index, line, member)
            })
    }

    /// Pins everyone the proposal puts on the project: one step.
    pub fn accept_proposal(&mut self, index: usize) -> Result<(), EditError> {
        let Some(staffing) = self
            .insights
            .results()
            .and_then(|r| r.analysis.staffing.as_ref())
        else {
            return Ok(());
        };
        let name = &self.document.workspace.projects[index].name;
        let Some(proposal) = staffing.projects.iter().find(|p| &p.name == name) else {
            return Ok(());
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
            self.document
                .edit(&format!("accept the proposal for {name}"), |w| {
                    w.pin_all(index, pins)
                })?;
        }
        let mut said = if count == 0 {
            format!("Nothing to accept for {name}: everyone on it is pinned already")
        } else {
            format!(
                "Accepted the proposal for {name}: pinned {}",
                crate::words::count_of(count, "member", "members")
            )
        };
        if already > 0 && count > 0 {
            said.push_str(&format!(" ({already} pinned before)"));
        }
        if open > 0 {
            said.push_str(&format!(
                "; {} still open",
                crate::words::count_of(open as usize, "place", "places")
            ));
        }
        self.notice = Some(said);
        Ok(())
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
