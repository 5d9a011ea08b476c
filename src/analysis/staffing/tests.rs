//! The assignment on small cases whose optimum is known by hand.

use super::*;
use crate::model::{
    Assignment, Cell, DemandLine, Exclusion, Level, Member, Project, Skill, SkillId, SkillKind,
    Workspace,
};

/// Members with (name, fte, kubernetes, security) levels.
fn team(people: &[(&str, f64, u8, u8)]) -> Workspace {
    let mut workspace = Workspace::default();
    workspace.push_skill(Skill::custom(
        SkillId::new("k8s"),
        "Kubernetes",
        SkillKind::Hard,
    ));
    workspace.push_skill(Skill::custom(
        SkillId::new("sec"),
        "Security",
        SkillKind::Hard,
    ));
    for &(name, fte, k8s, sec) in people {
        let mut member = Member::new(name);
        member.fte = fte;
        let row = workspace.push_member(member);
        workspace
            .levels
            .set(row, 0, Cell::new(Level::new(k8s), false));
        workspace
            .levels
            .set(row, 1, Cell::new(Level::new(sec), false));
    }
    workspace
}

/// Staffs the workspace from everyone on the team today.
fn staff_today(workspace: &Workspace) -> Staffing {
    staff(&Scope::today(workspace))
}

fn line(skill: &str, level: u8, people: u32, fte: f64) -> DemandLine {
    DemandLine {
        skill: SkillId::new(skill),
        min_level: Level::new(level).expect("level"),
        people,
        fte_each: fte,
    }
}

fn project(name: &str, start: &str, end: &str, priority: u32, demand: Vec<DemandLine>) -> Project {
    Project {
        name: name.into(),
        start: start.into(),
        end: end.into(),
        priority,
        demand,
        role_slots: Vec::new(),
        assignments: Vec::new(),
        excluded: Vec::new(),
        status: crate::model::ProjectStatus::Confirmed,
        learners: Vec::new(),
    }
}

fn names(staffing: &Staffing, project: usize, line: usize) -> Vec<&str> {
    staffing.projects[project].lines[line]
        .assigned
        .iter()
        .map(|a| &*a.member.name)
        .collect()
}

#[test]
fn the_optimum_fills_both_lines_where_greedy_fills_one() {
    let mut workspace = team(&[("Xena", 1.0, 4, 3), ("Yuri", 1.0, 3, 0)]);
    workspace.projects.push(project(
        "Platform",
        "2026-01-05",
        "2026-03-31",
        1,
        vec![line("k8s", 3, 1, 1.0), line("sec", 3, 1, 1.0)],
    ));
    let staffing = staff_today(&workspace);
    assert_eq!(names(&staffing, 0, 0), ["Yuri"]);
    assert_eq!(names(&staffing, 0, 1), ["Xena"]);
    // Yuri at the minimum (60) and Xena at the minimum (60).
    assert_eq!(staffing.objective, 120.0);
    // Greedy gives Kubernetes to Xena (75) and leaves Security empty.
    assert_eq!(staffing.greedy_objective, 75.0);
    assert!(staffing.placeholders.is_empty());
}

#[test]
fn nobody_is_booked_past_their_fte_in_any_quarter() {
    let mut workspace = team(&[("Mira", 1.0, 4, 0)]);
    workspace.projects = vec![
        project(
            "First",
            "2026-01-10",
            "2026-06-30",
            1,
            vec![line("k8s", 3, 1, 0.6)],
        ),
        project(
            "Overlapping",
            "2026-04-01",
            "2026-09-30",
            2,
            vec![line("k8s", 3, 1, 0.6)],
        ),
        project(
            "Later",
            "2026-10-01",
            "2026-12-31",
            3,
            vec![line("k8s", 3, 1, 0.6)],
        ),
    ];
    let staffing = staff_today(&workspace);
    assert_eq!(names(&staffing, 0, 0), ["Mira"]);
    assert!(names(&staffing, 1, 0).is_empty(), "0.6 + 0.6 > 1.0 in Q2");
    assert_eq!(names(&staffing, 2, 0), ["Mira"], "Q4 is free again");
    let reason = staffing.projects[1].lines[0]
        .reason
        .as_deref()
        .expect("why");
    assert!(
        reason
            == "Mira, the only member who has Kubernetes at level 3+, is fully booked in \
                2026-W15 to 2026-W26 (on First)",
        "{reason}"
    );
    let q2 = &staffing.quarters[1];
    assert_eq!(q2.quarter, "2026 Q2");
    assert!(q2.over_allocated, "1.2 FTE demanded of 1.0");
    assert_eq!(staffing.placeholders.len(), 1);
    assert_eq!(staffing.placeholders[0].from, "2026-04-01");
}

#[test]
fn higher_priority_projects_are_served_first_whatever_their_order() {
    let mut workspace = team(&[("Ana", 1.0, 3, 0)]);
    workspace.projects = vec![
        project(
            "Nice to have",
            "2026-01-01",
            "2026-03-31",
            2,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        project(
            "Must ship",
            "2026-02-01",
            "2026-03-31",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        ),
    ];
    let staffing = staff_today(&workspace);
    assert_eq!(staffing.projects[0].name, "Must ship");
    assert_eq!(names(&staffing, 0, 0), ["Ana"]);
    assert!(names(&staffing, 1, 0).is_empty());
}

#[test]
fn a_pinned_member_stays_and_nobody_at_the_level_is_said_so() {
    let mut workspace = team(&[("Ana", 1.0, 3, 0), ("Bo", 1.0, 4, 0)]);
    let mut pinned = project(
        "Low",
        "2026-01-01",
        "2026-03-31",
        2,
        vec![line("k8s", 3, 1, 1.0)],
    );
    pinned.assignments.push(Assignment {
        member: 1,
        demand: 0,
        fte: 1.0,
        pinned: true,
    });
    workspace.projects = vec![
        pinned,
        project(
            "High",
            "2026-01-01",
            "2026-03-31",
            1,
            vec![line("k8s", 3, 1, 1.0), line("sec", 2, 1, 0.5)],
        ),
    ];
    let staffing = staff_today(&workspace);
    assert_eq!(staffing.projects[0].name, "High");
    assert_eq!(names(&staffing, 0, 0), ["Ana"], "Bo is pinned to Low");
    assert_eq!(names(&staffing, 1, 0), ["Bo"]);
    assert!(staffing.projects[1].lines[0].assigned[0].pinned);
    let reason = staffing.projects[0].lines[1]
        .reason
        .as_deref()
        .expect("why");
    assert_eq!(reason, "nobody on the team has Security at level 2+");
}

/// The reason given for the first line of the only project.
fn reason_for(workspace: &Workspace) -> String {
    staff_today(workspace).projects[0].lines[0]
        .reason
        .clone()
        .unwrap_or_default()
}

#[test]
fn each_reason_for_an_open_line_is_true_and_says_one_or_many_right() {
    let k8s_project = |people| {
        project(
            "Platform",
            "2026-01-05",
            "2026-03-31",
            1,
            vec![line("k8s", 3, people, 1.0), line("sec", 1, 1, 1.0)],
        )
    };
    // Nobody at the level.
    let mut workspace = team(&[("Ana", 1.0, 2, 2)]);
    workspace.projects.push(k8s_project(1));
    assert_eq!(
        reason_for(&workspace),
        "nobody on the team has Kubernetes at level 3+"
    );

    // The only one able was taken off the line.
    let mut workspace = team(&[("Tomasz", 1.0, 4, 0), ("Ana", 1.0, 1, 2)]);
    let mut platform = k8s_project(1);
    platform.excluded.push(Exclusion { member: 0, line: 0 });
    workspace.projects.push(platform);
    assert_eq!(
        reason_for(&workspace),
        "Tomasz, the only member who has Kubernetes at level 3+, was taken off this line"
    );

    // Two able, both taken off.
    let mut workspace = team(&[("Tomasz", 1.0, 4, 0), ("Li", 1.0, 3, 0), ("Ana", 1.0, 1, 2)]);
    let mut platform = k8s_project(1);
    platform.excluded.push(Exclusion { member: 0, line: 0 });
    platform.excluded.push(Exclusion { member: 1, line: 0 });
    workspace.projects.push(platform);
    assert_eq!(
        reason_for(&workspace),
        "all 2 members who have Kubernetes at level 3+ were taken off this line: Tomasz and Li"
    );

    // The only one able is on the project's other line.
    let mut workspace = team(&[("Xena", 1.0, 4, 3)]);
    workspace.projects.push(project(
        "Platform",
        "2026-01-05",
        "2026-03-31",
        1,
        vec![line("sec", 3, 1, 1.0), line("k8s", 3, 1, 1.0)],
    ));
    let staffing = staff_today(&workspace);
    let open = staffing.projects[0]
        .lines
        .iter()
        .find(|line| line.unfilled > 0)
        .expect("one line stays open");
    assert_eq!(
        open.reason.as_deref().expect("why"),
        format!(
            "Xena, the only member who has {} at level 3+, is on another line of this project",
            if open.line == 0 {
                "Security"
            } else {
                "Kubernetes"
            }
        )
    );

    // Two able, one booked elsewhere and one taken off.
    let mut workspace = team(&[("Mira", 1.0, 4, 0), ("Li", 1.0, 3, 0)]);
    let mut busy = project(
        "Busy",
        "2026-01-05",
        "2026-03-31",
        1,
        vec![line("k8s", 3, 1, 1.0)],
    );
    busy.assignments.push(Assignment {
        member: 0,
        demand: 0,
        fte: 1.0,
        pinned: true,
    });
    let mut platform = project(
        "Platform",
        "2026-02-01",
        "2026-03-31",
        2,
        vec![line("k8s", 3, 1, 1.0)],
    );
    platform.excluded.push(Exclusion { member: 1, line: 0 });
    workspace.projects = vec![busy, platform];
    let reason = staff_today(&workspace).projects[1].lines[0]
        .reason
        .clone()
        .expect("why");
    assert_eq!(
        reason,
        "of the 2 members who have Kubernetes at level 3+: Li was taken off this line; \
         Mira is fully booked in 2026-W06 to 2026-W13 (on Busy)"
    );
}

#[test]
fn projects_inside_one_quarter_book_only_their_weeks() {
    // July and September in the same quarter: one person does both.
    let mut workspace = team(&[("Mira", 1.0, 4, 0)]);
    workspace.projects = vec![
        project(
            "July",
            "2026-07-06",
            "2026-07-31",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        project(
            "September",
            "2026-08-31",
            "2026-09-25",
            2,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        // Back to back with July, sharing the week of 31 July (a Friday)
        // and 3 August: no day is booked twice.
        project(
            "August",
            "2026-08-01",
            "2026-08-28",
            3,
            vec![line("k8s", 3, 1, 1.0)],
        ),
    ];
    let staffing = staff_today(&workspace);
    assert_eq!(names(&staffing, 0, 0), ["Mira"]);
    assert_eq!(names(&staffing, 1, 0), ["Mira"]);
    assert_eq!(names(&staffing, 2, 0), ["Mira"]);
    assert_eq!(
        staffing.projects[0].weeks,
        ("2026-W28".into(), "2026-W31".into())
    );
    // The quarter's demand is each project's share of its days, not 3 FTE.
    let q3 = &staffing.quarters[0];
    assert_eq!(q3.quarter, "2026 Q3");
    assert!(q3.demanded_fte < 1.0, "{}", q3.demanded_fte);
    assert!(!q3.over_allocated);
}

#[test]
fn leave_in_the_middle_keeps_a_member_off_a_line_that_needs_them_then() {
    let mut workspace = team(&[("Mira", 1.0, 4, 0), ("Li", 1.0, 3, 0)]);
    workspace.members[0].time_off.push(crate::model::TimeOff {
        start: "2026-08-03".parse().expect("date"),
        end: "2026-08-21".parse().expect("date"),
        fraction: 1.0,
        reason: crate::model::AwayReason::Leave,
    });
    workspace.projects = vec![project(
        "Summer",
        "2026-07-01",
        "2026-09-30",
        1,
        vec![line("k8s", 3, 2, 0.5)],
    )];
    let staffing = staff_today(&workspace);
    assert_eq!(
        names(&staffing, 0, 0),
        ["Li"],
        "Mira is away three weeks of it"
    );
    assert_eq!(
        staffing.projects[0].lines[0].reason.as_deref(),
        Some(
            "of the 2 members who have Kubernetes at level 3+: Li is on another line of this \
             project; Mira is away in 2026-W32 to 2026-W34"
        )
    );
}

/// Every way of giving a project's slots to distinct members (or leaving
/// them open): the most slots filled, then the highest total fit.
fn exhaustive_best(scope: &Scope, project: &Project) -> (usize, f64) {
    let compiled: Vec<CompiledRole> = (0..scope.workspace.roles.len())
        .map(|index| CompiledRole::new(scope, index))
        .collect();
    let wants = wants(scope, project, false);
    let slots: Vec<(usize, f64)> = wants
        .iter()
        .enumerate()
        .flat_map(|(line, (_, people, fte))| (0..*people).map(move |_| (line, *fte)))
        .collect();
    fn search(
        at: usize,
        slots: &[(usize, f64)],
        fit: &dyn Fn(usize, usize) -> Option<f64>,
        members: &[usize],
        taken: &mut Vec<usize>,
    ) -> (usize, f64) {
        let Some(&(line, _)) = slots.get(at) else {
            return (0, 0.0);
        };
        let mut best = search(at + 1, slots, fit, members, taken);
        for &member in members {
            if taken.contains(&member) {
                continue;
            }
            let Some(value) = fit(line, member) else {
                continue;
            };
            taken.push(member);
            let (filled, total) = search(at + 1, slots, fit, members, taken);
            taken.pop();
            let candidate = (filled + 1, total + value);
            if candidate.0 > best.0 || (candidate.0 == best.0 && candidate.1 > best.1 + 1e-9) {
                best = candidate;
            }
        }
        best
    }
    let fit = |line: usize, member: usize| {
        let fte = wants[line].2;
        (scope.workspace.members[member].fte + EPSILON >= fte)
            .then(|| line_fit(scope, &compiled, &wants[line].0, member))
            .flatten()
    };
    search(0, &slots, &fit, &scope.members, &mut Vec::new())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Matching a project's slots among each line's best few candidates
    /// finds what trying every member would.
    #[test]
    fn the_match_over_the_best_candidates_is_the_best_over_everyone(
        people in proptest::collection::vec((0u8..=4, 0u8..=4, proptest::bool::ANY), 1..10),
        lines in proptest::collection::vec((proptest::bool::ANY, 1u8..=4, 1u32..=2, proptest::bool::ANY), 1..3),
    ) {
        let people: Vec<(String, f64, u8, u8)> = people
            .iter()
            .enumerate()
            .map(|(at, &(k8s, sec, half))| (format!("M{at}"), if half { 0.5 } else { 1.0 }, k8s, sec))
            .collect();
        let borrowed: Vec<(&str, f64, u8, u8)> =
            people.iter().map(|(name, fte, a, b)| (name.as_str(), *fte, *a, *b)).collect();
        let mut workspace = team(&borrowed);
        let demand = lines
            .iter()
            .map(|&(k8s, level, people, half)| {
                line(if k8s { "k8s" } else { "sec" }, level, people, if half { 0.5 } else { 1.0 })
            })
            .collect();
        workspace.projects.push(project("Platform", "2026-01-05", "2026-03-27", 1, demand));
        let staffing = staff_today(&workspace);
        let filled: usize = staffing.projects[0].lines.iter().map(|line| line.assigned.len()).sum();
        let (best_filled, best_total) = exhaustive_best(&Scope::today(&workspace), &workspace.projects[0]);
        proptest::prop_assert_eq!(filled, best_filled);
        proptest::prop_assert!((staffing.projects[0].objective - best_total).abs() < 1e-6,
            "objective {} against {}", staffing.projects[0].objective, best_total);
    }
}

mod learners;
mod tentative;
