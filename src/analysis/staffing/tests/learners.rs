//! Learners beside a mentor, and counting on growth when asked.

use super::*;

fn with_learner(mut project: Project, line: usize, share: f64) -> Project {
    project
        .learners
        .push(crate::model::LearnerSeat { line, share });
    project
}

/// One Kubernetes 3 line in Q2 2026, taking a learner at 0.2.
fn platform_with_learner() -> Project {
    with_learner(
        project(
            "Platform",
            "2026-04-06",
            "2026-06-26",
            1,
            vec![line("k8s", 3, 1, 1.0)],
        ),
        0,
        0.2,
    )
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
    workspace.projects = vec![platform_with_learner()];
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
    workspace.projects = vec![platform_with_learner()];
    assert!(
        staff_today(&workspace).projects[0].lines[0]
            .learner
            .is_none()
    );

    // A mentor, but the one who would learn has 0.1 FTE.
    let mut workspace = team(&[("Mira", 1.0, 4, 0), ("Aiko", 0.1, 2, 0)]);
    wants_to_grow(&mut workspace, 1, 2);
    workspace.projects = vec![platform_with_learner()];
    assert!(
        staff_today(&workspace).projects[0].lines[0]
            .learner
            .is_none()
    );

    // Someone one level short who neither wants to grow nor has a target
    // is not made a learner.
    let mut workspace = team(&[("Mira", 1.0, 4, 0), ("Aiko", 1.0, 2, 0)]);
    workspace.projects = vec![platform_with_learner()];
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
    let mut platform = platform_with_learner();
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
    workspace.projects = vec![platform_with_learner()];
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
