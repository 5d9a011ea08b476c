//! Tentative work: staffed after confirmed work, kept out of free time,
//! and said for what it would add.

use super::*;

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
