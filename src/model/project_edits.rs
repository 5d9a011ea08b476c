//! Changes to projects and their staffing, as typed edits: the window and
//! the command line call these, and each refuses a project, line or
//! member that is no longer there instead of panicking.

use super::{
    Assignment, DemandLine, EditError, Exclusion, Project, RoleSlot, Workspace, quarter_of,
};

impl Workspace {
    fn project_mut(&mut self, project: usize) -> Result<&mut Project, EditError> {
        self.projects
            .get_mut(project)
            .ok_or(EditError::Gone("project"))
    }

    /// Adds a project and gives its index.
    pub fn add_project(&mut self, name: &str, start: &str, end: &str, priority: u32) -> usize {
        self.projects.push(Project::new(name, start, end, priority));
        self.projects.len() - 1
    }

    /// Sets a project's name, dates and priority as a person typed them:
    /// a name no other project has, dates as YYYY-MM-DD with the end not
    /// before the start, a priority from 1 (highest).
    pub fn set_project_details(
        &mut self,
        project: usize,
        name: &str,
        start: &str,
        end: &str,
        priority: &str,
    ) -> Result<(), EditError> {
        let name = super::checked_name(name, "project")?;
        let (start, end, priority) = (start.trim(), end.trim(), priority.trim());
        if self
            .projects
            .iter()
            .enumerate()
            .any(|(index, other)| index != project && other.name == name)
        {
            return Err(EditError::Invalid {
                field: "project",
                found: name,
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
        let priority: u32 = priority
            .parse()
            .ok()
            .filter(|value| *value >= 1)
            .ok_or_else(|| EditError::Invalid {
                field: "priority",
                found: priority.to_string(),
                expected: "is not a whole number from 1 (highest)",
            })?;
        let record = self.project_mut(project)?;
        record.name = name;
        record.start = start.to_string();
        record.end = end.to_string();
        record.priority = priority;
        Ok(())
    }

    /// A skill line takes a learner at `share` of their time, or none.
    pub fn set_learner(
        &mut self,
        project: usize,
        line: usize,
        share: Option<f64>,
    ) -> Result<(), EditError> {
        let record = self.project_mut(project)?;
        if line >= record.demand.len() {
            return Err(EditError::Gone("line"));
        }
        if let Some(share) = share
            && !(share > 0.0 && share <= 1.0)
        {
            return Err(EditError::Invalid {
                field: "learner share",
                found: share.to_string(),
                expected: "is not more than 0 and at most 1",
            });
        }
        record.learners.retain(|seat| seat.line != line);
        if let Some(share) = share {
            record.learners.push(super::LearnerSeat { line, share });
            record.learners.sort_by_key(|seat| seat.line);
        }
        Ok(())
    }

    /// Marks a project confirmed or tentative.
    pub fn set_project_status(
        &mut self,
        project: usize,
        status: super::ProjectStatus,
    ) -> Result<(), EditError> {
        self.project_mut(project)?.status = status;
        Ok(())
    }

    pub fn add_demand_line(&mut self, project: usize, line: DemandLine) -> Result<(), EditError> {
        self.project_mut(project)?.demand.push(line);
        Ok(())
    }

    pub fn add_role_slot(&mut self, project: usize, slot: RoleSlot) -> Result<(), EditError> {
        self.project_mut(project)?.role_slots.push(slot);
        Ok(())
    }

    /// Removes a line (demand, then role slots, counted as one list) with
    /// what was pinned to it or kept off it; later lines move up.
    pub fn remove_project_line(&mut self, project: usize, line: usize) -> Result<(), EditError> {
        let record = self.project_mut(project)?;
        let demand = record.demand.len();
        if line < demand {
            record.demand.remove(line);
        } else if line - demand < record.role_slots.len() {
            record.role_slots.remove(line - demand);
        } else {
            return Err(EditError::Gone("line"));
        }
        record.assignments.retain(|a| a.demand != line);
        record.excluded.retain(|e| e.line != line);
        record.learners.retain(|seat| seat.line != line);
        for seat in &mut record.learners {
            if seat.line > line {
                seat.line -= 1;
            }
        }
        for assignment in &mut record.assignments {
            if assignment.demand > line {
                assignment.demand -= 1;
            }
        }
        for exclusion in &mut record.excluded {
            if exclusion.line > line {
                exclusion.line -= 1;
            }
        }
        Ok(())
    }

    /// Keeps a member on a line at `fte` whatever the next proposal says.
    pub fn pin(
        &mut self,
        project: usize,
        line: usize,
        member: usize,
        fte: f64,
    ) -> Result<(), EditError> {
        self.check_member_and_line(project, line, member)?;
        let record = self.project_mut(project)?;
        if !record
            .assignments
            .iter()
            .any(|a| a.member == member && a.demand == line)
        {
            record.assignments.push(Assignment {
                member,
                demand: line,
                fte,
                pinned: true,
            });
        }
        Ok(())
    }

    /// Lets the proposal place a pinned member again.
    pub fn unpin(&mut self, project: usize, line: usize, member: usize) -> Result<(), EditError> {
        self.project_mut(project)?
            .assignments
            .retain(|a| !(a.member == member && a.demand == line));
        Ok(())
    }

    /// Takes a member off a line for good: the proposal looks elsewhere.
    pub fn exclude(&mut self, project: usize, line: usize, member: usize) -> Result<(), EditError> {
        self.check_member_and_line(project, line, member)?;
        let record = self.project_mut(project)?;
        record
            .assignments
            .retain(|a| !(a.member == member && a.demand == line));
        record.excluded.push(Exclusion { member, line });
        Ok(())
    }

    /// Pins every assignment given (a proposal accepted) as one change.
    pub fn pin_all(&mut self, project: usize, pins: Vec<Assignment>) -> Result<(), EditError> {
        for pin in &pins {
            self.check_member_and_line(project, pin.demand, pin.member)?;
        }
        self.project_mut(project)?.assignments.extend(pins);
        Ok(())
    }

    /// Moves every project by `weeks` whole weeks (earlier when negative),
    /// start and end alike, keeping each on its weekday; a date that does
    /// not read as one is left as it is.
    pub fn shift_projects(&mut self, weeks: i32) {
        let shift = |text: &mut String| {
            if let Ok(date) = text.trim().parse::<super::Date>()
                && let Ok(moved) = date.checked_add(jiff::Span::new().days(i64::from(weeks) * 7))
            {
                *text = moved.to_string();
            }
        };
        for project in &mut self.projects {
            shift(&mut project.start);
            shift(&mut project.end);
        }
    }

    /// The whole weeks that bring the earliest project's start to the week
    /// of `today` (none without a dated project).
    pub fn weeks_to_bring_projects_to(&self, today: super::Date) -> i32 {
        let earliest = self
            .projects
            .iter()
            .filter_map(|project| project.start.trim().parse::<super::Date>().ok())
            .min();
        earliest.map_or(0, |earliest| {
            (super::week_of(today) - super::week_of(earliest)).max(0)
        })
    }

    fn check_member_and_line(
        &self,
        project: usize,
        line: usize,
        member: usize,
    ) -> Result<(), EditError> {
        let record = self
            .projects
            .get(project)
            .ok_or(EditError::Gone("project"))?;
        if line >= record.demand.len() + record.role_slots.len() {
            return Err(EditError::Gone("line"));
        }
        if member >= self.members.len() {
            return Err(EditError::Gone("member"));
        }
        Ok(())
    }
}
