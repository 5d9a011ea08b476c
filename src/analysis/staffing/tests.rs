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

fn tentative(mut project: Project) -> Project {
    project.status = crate::model::ProjectStatus::Tentative;
    project
}

#[test]
fn tentative_work_never_displaces_confirmed_work_whatever_its_priority() {
    let mut workspace = team(&[("Mira", 1.0, 4, 0)]);
    workspace.projects = vec![
        tentative(project(
            "Search relaunch",
            "2026-04-06",
            "2026-06-26",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        )),
        project(
            "Payments",
            "2026-04-06",
            "2026-06-26",
            2,
            vec![line("k8s", 3, 1, 1.0)],
        ),
    ];
    let staffing = staff_today(&workspace);
    // Confirmed work is staffed first: it comes first in the proposal.
    assert_eq!(staffing.projects[0].name, "Payments");
    assert!(!staffing.projects[0].tentative);
    assert_eq!(names(&staffing, 0, 0), ["Mira"]);
    assert_eq!(staffing.projects[1].name, "Search relaunch");
    assert!(staffing.projects[1].tentative);
    assert!(
        names(&staffing, 1, 0).is_empty(),
        "Mira is taken by confirmed work"
    );
    // Quarters keep tentative demand apart.
    // (Means over the quarter's 13 weeks, of which the projects take 12.)
    let q2 = &staffing.quarters[0];
    assert!(
        q2.demanded_fte > 0.9 && q2.assigned_fte == q2.demanded_fte,
        "{q2:?}"
    );
    assert_eq!(q2.tentative_demanded_fte, q2.demanded_fte);
    assert_eq!(q2.tentative_assigned_fte, 0.0);
}

#[test]
fn a_tentative_pin_is_booked_after_confirmed_work_and_free_time_counts_confirmed_work() {
    let mut workspace = team(&[("Mira", 1.0, 4, 0), ("Noor", 1.0, 3, 0)]);
    let mut maybe = tentative(project(
        "Search relaunch",
        "2026-04-06",
        "2026-06-26",
        1,
        vec![line("k8s", 3, 1, 0.5)],
    ));
    maybe.assignments.push(Assignment {
        member: 0,
        demand: 0,
        fte: 0.5,
        pinned: true,
    });
    workspace.projects = vec![
        maybe,
        project(
            "Payments",
            "2026-04-06",
            "2026-06-26",
            2,
            vec![line("k8s", 4, 1, 1.0)],
        ),
    ];
    let staffing = staff_today(&workspace);
    // Only Mira is at level 4: the tentative pin does not keep her from it.
    assert_eq!(names(&staffing, 0, 0), ["Mira"]);
    assert_eq!(names(&staffing, 1, 0), ["Mira"], "the lead's pin stays");
    let week = crate::model::week_of("2026-05-04".parse().expect("a date"));
    assert_eq!(staffing.booked_in(0, week), 1.0, "confirmed work only");
    assert_eq!(staffing.tentative_in(0, week), 0.5);
    assert_eq!(staffing.with_tentative().booked_in(0, week), 1.5);
}

#[test]
fn the_weeks_tentative_work_would_make_thin_are_named_with_the_project() {
    let mut workspace = team(&[
        ("Mira", 1.0, 4, 0),
        ("Noor", 1.0, 3, 0),
        ("Omar", 1.0, 3, 0),
    ]);
    workspace.projects = vec![
        project(
            "Payments",
            "2026-04-06",
            "2026-04-17",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        tentative(project(
            "Search relaunch",
            "2026-04-06",
            "2026-04-24",
            2,
            vec![line("k8s", 3, 1, 1.0)],
        )),
    ];
    let scope = Scope::new(
        &workspace,
        "2026-04-01".parse().expect("a date"),
        &crate::analysis::ScopeFilter::default(),
    );
    let staffing = staff(&scope);
    let first = crate::model::week_of("2026-04-06".parse().expect("a date"));
    let query = crate::analysis::WeeklyQuery {
        from_week: first,
        to_week: first + 3,
        skill: None,
    };
    // Confirmed work alone leaves two free to lead in every week.
    let thin = crate::analysis::thin_runs(&crate::analysis::weekly_coverage(
        &scope,
        Some(&staffing),
        &query,
    ));
    assert!(thin.is_empty(), "{thin:?}");
    let risks = crate::analysis::tentative_risks(&scope, &staffing, &query);
    let said: Vec<String> = risks.iter().map(|risk| risk.sentence()).collect();
    let who = &staffing.projects[0].lines[0].assigned[0].member.name;
    let other = ["Mira", "Noor", "Omar"]
        .into_iter()
        .find(|name| {
            *name != &**who && *name != &*staffing.projects[1].lines[0].assigned[0].member.name
        })
        .expect("one left");
    assert_eq!(
        said,
        [format!(
            "if Search relaunch is confirmed, only {other} can lead Kubernetes in 2026-W15 to 2026-W16"
        )]
    );
}

fn with_learner(mut project: Project, line: usize, share: f64) -> Project {
    project
        .learners
        .push(crate::model::LearnerSeat { line, share });
    project
}

fn wants_to_grow(workspace: &mut Workspace, member: usize, level: u8) {
    workspace
        .levels
        .set(member, 0, Cell::new(Level::new(level), true));
}

#[test]
fn a_learner_joins_beside_a_mentor_at_level_and_covers_nothing() {
    let mut workspace = team(&[("Mira", 1.0, 4, 0), ("Aiko", 1.0, 2, 0), ("Ben", 1.0, 2, 0)]);
    wants_to_grow(&mut workspace, 1, 2);
    // Ben has a target in the skill: he is asked before Aiko.
    let by: crate::model::Date = "2026-09-30".parse().expect("a date");
    workspace.members[2]
        .development
        .targets
        .push(crate::model::Target {
            skill: SkillId::new("k8s"),
            level: Level::new(3).expect("level"),
            by,
            set_on: "2026-01-05".parse().expect("a date"),
            note: None,
        });
    workspace.projects = vec![with_learner(
        project(
            "Platform",
            "2026-04-06",
            "2026-06-26",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        0,
        0.2,
    )];
    let staffing = staff_today(&workspace);
    let line = &staffing.projects[0].lines[0];
    assert_eq!(names(&staffing, 0, 0), ["Mira"], "the learner is not cover");
    let learner = line.learner.as_ref().expect("a learner");
    assert_eq!(&*learner.member.name, "Ben");
    assert_eq!(&*learner.mentor.name, "Mira");
    assert_eq!(learner.target, Some((Level::new(3).expect("level"), by)));
    let week = crate::model::week_of("2026-05-04".parse().expect("a date"));
    assert!(
        (staffing.booked_in(2, week) - 0.2).abs() < 1e-9,
        "their time is booked"
    );
    // Booked on the line's demand: Mira's 1.0 only, never past it.
    let q2 = &staffing.quarters[0];
    assert!(q2.assigned_fte <= q2.demanded_fte + 1e-9, "{q2:?}");
    assert!(q2.over_booked.is_empty(), "{:?}", q2.over_booked);
    let said = line.learner_sentence().expect("said");
    assert_eq!(
        said,
        "Ben joins the Kubernetes line as a learner with Mira (target Kubernetes 3 by \
         2026-09-30), 0.2 FTE: growth, not cover"
    );
}

#[test]
fn no_learner_without_a_mentor_at_level_or_past_their_time() {
    // Nobody at level 3: no mentor, so no learner, though Aiko would grow.
    let mut workspace = team(&[("Aiko", 1.0, 2, 0)]);
    wants_to_grow(&mut workspace, 0, 2);
    workspace.projects = vec![with_learner(
        project(
            "Platform",
            "2026-04-06",
            "2026-06-26",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        0,
        0.2,
    )];
    assert!(
        staff_today(&workspace).projects[0].lines[0]
            .learner
            .is_none()
    );

    // A mentor, but the one who would learn has 0.1 FTE.
    let mut workspace = team(&[("Mira", 1.0, 4, 0), ("Aiko", 0.1, 2, 0)]);
    wants_to_grow(&mut workspace, 1, 2);
    workspace.projects = vec![with_learner(
        project(
            "Platform",
            "2026-04-06",
            "2026-06-26",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        0,
        0.2,
    )];
    assert!(
        staff_today(&workspace).projects[0].lines[0]
            .learner
            .is_none()
    );

    // Someone one level short who neither wants to grow nor has a target
    // is not made a learner.
    let mut workspace = team(&[("Mira", 1.0, 4, 0), ("Aiko", 1.0, 2, 0)]);
    workspace.projects = vec![with_learner(
        project(
            "Platform",
            "2026-04-06",
            "2026-06-26",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        0,
        0.2,
    )];
    assert!(
        staff_today(&workspace).projects[0].lines[0]
            .learner
            .is_none()
    );
}

#[test]
fn counting_on_targets_is_asked_for_dated_by_the_start_and_marked() {
    let mut workspace = team(&[("Aiko", 1.0, 2, 0)]);
    let target = |by: &str| crate::model::Target {
        skill: SkillId::new("k8s"),
        level: Level::new(3).expect("level"),
        by: by.parse().expect("a date"),
        set_on: "2026-01-05".parse().expect("a date"),
        note: None,
    };
    workspace.members[0]
        .development
        .targets
        .push(target("2026-03-31"));
    workspace.projects = vec![project(
        "Platform",
        "2026-04-06",
        "2026-06-26",
        1,
        vec![line("k8s", 3, 1, 1.0)],
    )];
    let on = |workspace: &Workspace, day: &str| {
        let day: crate::model::Date = day.parse().expect("a date");
        staff(&Scope::new(
            workspace,
            day,
            &crate::analysis::ScopeFilter::default(),
        ))
    };
    assert!(
        names(&on(&workspace, "2026-03-01"), 0, 0).is_empty(),
        "not unless asked"
    );
    workspace.settings.count_targets = true;
    let staffing = on(&workspace, "2026-03-01");
    assert_eq!(names(&staffing, 0, 0), ["Aiko"]);
    let placed = &staffing.projects[0].lines[0].assigned[0];
    assert!(placed.on_growth, "marked as resting on growth");
    assert_eq!(placed.level, Level::new(3));
    // A target already missed by the day of the plan is not counted.
    assert!(
        names(&on(&workspace, "2026-04-02"), 0, 0).is_empty(),
        "overdue"
    );
    // Nor one due after the project starts.
    workspace.members[0].development.targets = vec![target("2026-05-01")];
    assert!(names(&on(&workspace, "2026-03-01"), 0, 0).is_empty());
}

#[test]
fn a_member_ruled_off_a_line_is_not_made_its_learner() {
    let mut workspace = team(&[("Mira", 1.0, 4, 0), ("Aiko", 1.0, 2, 0)]);
    wants_to_grow(&mut workspace, 1, 2);
    let mut platform = with_learner(
        project(
            "Platform",
            "2026-04-06",
            "2026-06-26",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        0,
        0.2,
    );
    workspace.projects = vec![platform.clone()];
    assert!(
        staff_today(&workspace).projects[0].lines[0]
            .learner
            .is_some()
    );
    platform.excluded.push(Exclusion { member: 1, line: 0 });
    workspace.projects = vec![platform];
    assert!(
        staff_today(&workspace).projects[0].lines[0]
            .learner
            .is_none()
    );
}

#[test]
fn a_learners_project_is_their_practice_in_the_hiring_plan_and_the_overview() {
    let mut workspace = team(&[("Mira", 1.0, 4, 0), ("Ben", 1.0, 2, 0)]);
    workspace.members[1]
        .development
        .targets
        .push(crate::model::Target {
            skill: SkillId::new("k8s"),
            level: Level::new(3).expect("level"),
            by: "2026-09-30".parse().expect("a date"),
            set_on: "2026-01-05".parse().expect("a date"),
            note: None,
        });
    workspace.projects = vec![with_learner(
        project(
            "Platform",
            "2026-04-06",
            "2026-06-26",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        0,
        0.2,
    )];
    let options = crate::analysis::AnalysisOptions {
        today: Some("2026-03-02".parse().expect("a date")),
        ..Default::default()
    };
    let analysis = crate::analysis::analyze(&workspace, &options);
    let staffing = analysis.staffing.as_ref().expect("staffed");
    assert_eq!(
        crate::analysis::practice_of(staffing, 1, "k8s").as_deref(),
        Some("Platform")
    );
    assert_eq!(crate::analysis::practice_of(staffing, 0, "k8s"), None);
    let headlines = crate::analysis::headlines(&analysis, None);
    let development = headlines
        .iter()
        .find(|h| h.kind == crate::analysis::HeadlineKind::Development)
        .expect("the card");
    assert!(
        development
            .unit
            .contains("of 1 open target, 1 with a project to practise on"),
        "{}",
        development.unit
    );
}
