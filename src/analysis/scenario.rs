//! What-if: the roster as it would be after a plan's hires and departures,
//! and the fit of one member for every role.

use super::{CompiledRole, Cost, RoleFit, Scope, natural_step};
use crate::model::{Cell, Member, Plan, Role, Skill, Workspace};

/// The name a planned hire goes by until someone real fills the seat.
pub fn placeholder_name(number: usize, role: &Role) -> String {
    format!("Planned hire {number} ({})", role.title)
}

/// The workspace with `plan` applied: each planned hire is a member at
/// exactly the levels their role requires, each planned departure is gone.
/// Removes the members at `leaving` (rows, ascending) with their levels and
/// history; pins and exclusions of theirs go, the others' rows move up.
pub(crate) fn remove_members(result: &mut Workspace, leaving: &[usize]) {
    for &member in leaving.iter().rev() {
        result.members.remove(member);
        result.levels.remove_member(member);
        result.history.remove_member(member);
    }
    let new_row = |row: usize| {
        (!leaving.contains(&row)).then(|| row - leaving.iter().filter(|&&gone| gone < row).count())
    };
    for project in &mut result.projects {
        project
            .assignments
            .retain_mut(|a| new_row(a.member).map(|row| a.member = row).is_some());
        project
            .excluded
            .retain_mut(|e| new_row(e.member).map(|row| e.member = row).is_some());
    }
}

/// Skills a hire's role needs that the roster does not track are added from
/// `library`. The plan itself is cleared in the result.
pub fn apply_plan(workspace: &Workspace, plan: &Plan, library: &[Skill]) -> Workspace {
    let mut result = workspace.clone();
    result.plan = Plan::default();
    let leaving: Vec<usize> = (0..result.members.len())
        .filter(|&member| {
            plan.departures
                .iter()
                .any(|name| result.members[member].is_named_by(name))
        })
        .collect();
    remove_members(&mut result, &leaving);
    let mut hired = Vec::with_capacity(plan.hires.len());
    for (number, hire) in plan.hires.iter().enumerate() {
        let Some(role) = result.role(&hire.role).cloned() else {
            continue;
        };
        let name = placeholder_name(number + 1, &role);
        // The reports a manager hire takes over (those still here).
        for key in &hire.reports {
            if let Some(report) = result.find_member(key) {
                result.members[report].manager = Some(name.clone());
            }
        }
        let mut member = Member::new(&name);
        member.role = Some(role.id.clone());
        member.team = hire.team.clone();
        member.planned = true;
        hired.push((result.push_member(member), role, hire.specialty.clone()));
    }
    // Once for all hires: adding columns costs a pass over every cell.
    result.track_required_skills(library);
    for (row, role, specialty) in hired {
        for requirement in &role.requirements {
            if let Some(column) = result.skill_index(&requirement.skill) {
                result
                    .levels
                    .set(row, column, Cell::assessed(requirement.min_level));
            }
        }
        if let Some((skill, level)) = specialty
            && let Some(column) = result.skill_index(&skill)
        {
            result.levels.set(row, column, Cell::assessed(level));
        }
    }
    result
}

/// The reports a new manager would take from `manager` to bring them
/// within `span_max` (at most `span_max` of them), leaving out those the
/// plan already moves or sees leave: the last in roster order, so the
/// earliest-listed stay with the manager they have.
pub fn reports_to_move(workspace: &Workspace, manager: usize, span_max: u32) -> Vec<String> {
    let plan = &workspace.plan;
    let managers = super::resolve_managers(workspace);
    let staying: Vec<usize> = (0..workspace.members.len())
        .filter(|&member| managers[member] == Ok(manager))
        .filter(|&member| {
            let record = &workspace.members[member];
            let named = |key: &String| record.is_named_by(key);
            !plan.departures.iter().any(named)
                && !plan.hires.iter().any(|hire| hire.reports.iter().any(named))
        })
        .collect();
    let excess = staying.len().saturating_sub(span_max as usize);
    let take = excess.min(span_max as usize);
    staying[staying.len() - take..]
        .iter()
        .map(|&member| workspace.members[member].key())
        .collect()
}

/// What the plan's hires cost a year, from their roles' salary bands;
/// hires whose role has no band are counted in the second value.
pub fn planned_cost(workspace: &Workspace, plan: &Plan) -> (Cost, usize) {
    let mut total = Cost::default();
    let mut unpriced = 0;
    for hire in &plan.hires {
        match workspace
            .role(&hire.role)
            .and_then(|role| role.salary.as_ref())
        {
            Some(band) => {
                total = total
                    + Cost {
                        low: band.min,
                        mid: band.midpoint(),
                        high: band.max,
                    }
            }
            None => unpriced += 1,
        }
    }
    (total, unpriced)
}

/// One member's fit for every role by the record of the scope's day,
/// best first; `natural_step` tells which are next steps along the seeds'
/// career paths from their current role.
pub fn role_fits(scope: &Scope, member: usize) -> Vec<(RoleFit, bool)> {
    let workspace = scope.workspace;
    let current = workspace.member_role(member);
    let mut fits: Vec<(RoleFit, bool)> = (0..workspace.roles.len())
        .map(|index| {
            let role = &workspace.roles[index];
            let step = current.is_some_and(|from| from.id != role.id && natural_step(from, role));
            (CompiledRole::new(scope, index).fit(scope, member), step)
        })
        .collect();
    fits.sort_by(|a, b| b.0.score.total_cmp(&a.0.score));
    fits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::model::{PlannedHire, RoleId};

    #[test]
    fn a_planned_hire_meets_their_role_and_a_departure_leaves() {
        let library = catalog::builtin();
        let mut workspace = Workspace::with_roles(library.roles.clone());
        workspace.push_member(Member::new("Ana"));
        workspace.push_member(Member::new("Ben"));
        let plan = Plan {
            hires: vec![PlannedHire::new(
                RoleId::new("technical-manager"),
                Some("Core".into()),
            )],
            departures: vec!["ana".into()],
        };
        let after = apply_plan(&workspace, &plan, &library.skills);
        let names: Vec<&str> = after.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Ben", "Planned hire 1 (Technical Manager)"]);
        let role = after.member_role(1).expect("role");
        for requirement in &role.requirements {
            let column = after.skill_index(&requirement.skill).expect("tracked");
            assert_eq!(after.cell(1, column).level(), Some(requirement.min_level));
        }
        let (cost, unpriced) = planned_cost(&workspace, &plan);
        assert_eq!((cost.mid, unpriced), (167_500.0, 0));
        assert!(workspace.plan.is_empty() && after.plan.is_empty());
    }

    #[test]
    fn a_manager_hired_for_span_takes_the_excess_reports_and_is_no_breach() {
        let library = catalog::builtin();
        let mut workspace = Workspace::with_roles(library.roles.clone());
        let mut boss = Member::new("Marcus");
        boss.role = Some(RoleId::new("engineering-manager"));
        workspace.push_member(boss);
        for number in 0..11 {
            let mut report = Member::new(&format!("Report {number}"));
            report.manager = Some("Marcus".into());
            workspace.push_member(report);
        }
        let span = |w: &Workspace| {
            crate::analysis::span_of_control(&Scope::today(w))
                .breaches
                .len()
        };
        assert_eq!(span(&workspace), 1);
        let moving = reports_to_move(&workspace, 0, 8);
        assert_eq!(moving, ["Report 8", "Report 9", "Report 10"]);
        let mut hire = PlannedHire::new(RoleId::new("engineering-manager"), None);
        hire.reports = moving;
        workspace.plan.hires.push(hire);
        // Nothing more to move once the plan moves them.
        assert!(reports_to_move(&workspace, 0, 8).is_empty());
        let after = apply_plan(&workspace, &workspace.plan, &library.skills);
        assert_eq!(
            span(&after),
            0,
            "the breach is resolved, the new manager is none"
        );
        let new_manager = after.members.len() - 1;
        assert!(after.members[new_manager].planned);
        assert_eq!(
            after.members[11].manager.as_deref(),
            Some("Planned hire 1 (Engineering Manager)")
        );
    }

    #[test]
    fn a_departure_takes_its_pins_along_and_keeps_the_others_on_their_member() {
        let library = catalog::builtin();
        let mut workspace = Workspace::with_roles(library.roles.clone());
        for name in ["Ana", "Ben", "Cy"] {
            workspace.push_member(Member::new(name));
        }
        let mut project = crate::model::Project::new("P", "2026-01-01", "2026-03-31", 1);
        for member in 0..3 {
            project.assignments.push(crate::model::Assignment {
                member,
                demand: 0,
                fte: 0.5,
                pinned: true,
            });
        }
        workspace.projects.push(project);
        let plan = Plan {
            hires: Vec::new(),
            departures: vec!["Ben".into()],
        };
        let after = apply_plan(&workspace, &plan, &library.skills);
        let pinned: Vec<&str> = after.projects[0]
            .assignments
            .iter()
            .map(|a| after.members[a.member].name.as_str())
            .collect();
        assert_eq!(pinned, ["Ana", "Cy"]);
    }
}
