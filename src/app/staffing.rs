//! Editing projects from the staffing view: each change one undoable step.

use super::AppState;
use crate::analysis::quarter_of;
use crate::model::{Assignment, DemandLine, EditError, Exclusion, Level, Project};
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
                let _ = self.document.edit(
                    &format!(
                        "import {}",
                        crate::words::count_of(count, "project", "projects")
                    ),
                    |w| {
                        w.projects = imported.value;
                        Ok::<_, EditError>(())
                    },
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
        self.document.edit(&label, |w| {
            w.projects
                .get_mut(project)
                .ok_or(EditError::Gone("project"))?
                .role_slots
                .push(crate::model::RoleSlot {
                    role: role_id,
                    count,
                    fte,
                });
            Ok(())
        })
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
        let added = self.document.edit(&format!("add project {name}"), |w| {
            w.projects.push(Project::new(&name, &start, &end, priority));
            Ok::<_, EditError>(w.projects.len() - 1)
        });
        added.unwrap_or(0)
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
        let name = crate::model::checked_name(name, "project")?;
        let (start, end, priority) = (start.trim(), end.trim(), priority.trim());
        self.document.edit(&format!("edit project {name}"), |w| {
            if w.projects
                .iter()
                .enumerate()
                .any(|(i, p)| i != index && p.name == name)
            {
                return Err(EditError::Invalid {
                    field: "project",
                    found: name.clone(),
                    expected: "is the name of another project",
                });
            }
            for (field, date) in [("start", start), ("end", end)] {
                if quarter_of(date).is_none() {
                    return Err(EditError::Invalid {
                        field,
                        found: date.to_string(),
                        expected: "is not a date: expected YYYY-MM-DD",
                    });
                }
            }
            if end < start {
                return Err(EditError::Invalid {
                    field: "end",
                    found: end.to_string(),
                    expected: "comes before the start",
                });
            }
            let priority: u32 =
                priority
                    .parse()
                    .ok()
                    .filter(|p| *p >= 1)
                    .ok_or_else(|| EditError::Invalid {
                        field: "priority",
                        found: priority.to_string(),
                        expected: "is not a whole number from 1 (highest)",
                    })?;
            let project = w
                .projects
                .get_mut(index)
                .ok_or(EditError::Gone("project"))?;
            project.name = name.clone();
            project.start = start.to_string();
            project.end = end.to_string();
            project.priority = priority;
            Ok(())
        })
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
        self.document.edit(&label, |w| {
            w.projects
                .get_mut(project)
                .ok_or(EditError::Gone("project"))?
                .demand
                .push(DemandLine {
                    skill,
                    min_level: level,
                    people,
                    fte_each: fte,
                });
            Ok(())
        })
    }

    /// Removes a line (demand or role slot) and what was pinned to it.
    pub fn remove_line(&mut self, index: usize, line: usize) -> Result<(), EditError> {
        self.document.edit("remove a project line", |w| {
            let project = w
                .projects
                .get_mut(index)
                .ok_or(EditError::Gone("project"))?;
            let demand = project.demand.len();
            if line < demand {
                project.demand.remove(line);
            } else if line - demand < project.role_slots.len() {
                project.role_slots.remove(line - demand);
            } else {
                return Err(EditError::Gone("line"));
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
        })
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
            Ok::<_, EditError>(())
        });
    }

    pub fn unpin(&mut self, index: usize, line: usize, member: usize) {
        let _ = self.document.edit("unpin", |w| {
            w.projects[index]
                .assignments
                .retain(|a| !(a.member == member && a.demand == line));
            Ok::<_, EditError>(())
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
                Ok::<_, EditError>(())
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
                    Ok::<_, EditError>(())
                });
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
