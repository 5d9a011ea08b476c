//! The defects where two surfaces gave two answers to one question, each
//! on a fixture of its own: the same question gets the same answer in
//! every view, report and command.

mod common;
use common::{history_copy, run, text, window};

use egui_kittest::kittest::Queryable;
use skillgrid::analysis::{
    self, AnalysisOptions, Scope, ScopeFilter, WeeklyQuery, analyze, staff, weekly_coverage,
};
use skillgrid::app::{AppState, Command, FileIntent, Preferences};
use skillgrid::model::{Assessment, Cell, Date, Level, Rater, Workspace};
use skillgrid::{catalog, io};

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

fn roster(csv: &str) -> Workspace {
    io::import_roster(csv.as_bytes(), "team.csv", catalog::builtin())
        .expect("the roster reads")
        .value
}

fn rate(workspace: &mut Workspace, member: &str, skill: &str, level: u8, on: &str, by: Rater) {
    let member = workspace.find_member(member).expect("a member");
    let column = workspace.skill_named(skill).expect("a skill");
    workspace.record_assessment(
        member,
        Assessment {
            skill: column as u32,
            as_of: Some(date(on)),
            cell: Cell::assessed(Level::new(level).expect("a level")),
            rater: by,
        },
        None,
    );
}

fn report(workspace: &Workspace, on: &str) -> analysis::Analysis {
    analyze(
        workspace,
        &AnalysisOptions {
            today: Some(date(on)),
            ..AnalysisOptions::default()
        },
    )
}

fn leaders(analysis: &analysis::Analysis, skill: &str) -> u32 {
    analysis
        .coverage
        .iter()
        .find(|c| &*c.skill.name == skill)
        .expect("covered")
        .leaders
}

/// 2. A self rating in a cell the manager never rated waits: it moves no
///    count and no fit, and Review lists it.
#[test]
fn a_self_rating_in_an_unrated_cell_counts_nowhere_and_waits_in_review() {
    let mut workspace = roster(
        "Name,Role,Kubernetes,Programming\n\
         Ana Ruiz,Senior Software Engineer,3,4\n\
         Ben Okafor,Senior Software Engineer,,3\n",
    );
    workspace.date_levels(date("2026-03-31"), Rater::Manager);
    let before = report(&workspace, "2026-08-01");
    rate(
        &mut workspace,
        "Ben Okafor",
        "Kubernetes",
        4,
        "2026-06-30",
        Rater::SelfRated,
    );
    let after = report(&workspace, "2026-08-01");
    assert_eq!(leaders(&after, "Containers & Kubernetes"), 1, "Ana only");
    assert_eq!(before.fit, after.fit, "fit unchanged");
    let ben = workspace.find_member("Ben Okafor").expect("Ben");
    let kubernetes = workspace.skill_named("Kubernetes").expect("tracked");
    assert_eq!(workspace.cell(ben, kubernetes).level(), None);
    let scope = Scope::new(&workspace, date("2026-08-01"), &ScopeFilter::default());
    let waiting = analysis::review_differences(&scope, 1);
    assert_eq!(waiting.len(), 1);
    assert_eq!(
        (waiting[0].self_level, waiting[0].manager_level),
        (Level::EXPERT, None)
    );
    // Accepted in Review, it is the level of record and counts.
    let mut state = AppState::new(
        skillgrid::app::Document::new(workspace, "team", None),
        Preferences::opening_on(skillgrid::app::View::Matrix),
    );
    state.set_today(date("2026-07-15"));
    state.decide(ben, kubernetes, Some(Level::EXPERT));
    let accepted = report(state.workspace(), "2026-08-01");
    assert_eq!(leaders(&accepted, "Containers & Kubernetes"), 2);
}

/// 4. Booked never exceeds demanded per quarter and per skill, and each
///    skill's row books only its own lines.
#[test]
fn the_staffing_sample_never_books_more_than_it_demands() {
    let workspace = io::open_path(
        std::path::Path::new("sample-teams/product-org-staffing.json"),
        catalog::builtin(),
    )
    .expect("the sample opens")
    .value;
    let staffing = staff(&Scope::today(&workspace));
    let mut rows: Vec<&analysis::QuarterLoad> = staffing.quarters.iter().collect();
    for (_, loads) in &staffing.skill_quarters {
        rows.extend(loads);
    }
    for load in rows {
        assert!(
            load.assigned_fte <= load.demanded_fte + 1e-9 || !load.over_booked.is_empty(),
            "{}: booked {:.2} against {:.2} demanded",
            load.quarter,
            load.assigned_fte,
            load.demanded_fte
        );
    }
    // The per-skill bookings add up to no more than all bookings.
    for (index, all) in staffing.quarters.iter().enumerate() {
        let by_skill: f64 = staffing
            .skill_quarters
            .iter()
            .filter_map(|(_, loads)| loads.iter().find(|l| l.quarter == all.quarter))
            .map(|load| load.assigned_fte)
            .sum();
        assert!(by_skill <= all.assigned_fte + 1e-9, "quarter {index}");
    }
}

/// 4. An open line names the exact weeks nobody able is free, and why
///    each is not.
#[test]
fn an_open_line_names_the_weeks_nobody_is_free() {
    let mut workspace = roster(
        "Name,Role,Kubernetes\n\
         Ana Ruiz,Senior Software Engineer,4\n\
         Ben Okafor,Senior Software Engineer,3\n",
    );
    let holiday = io::import_projects_csv(
        "Project,Start,End,Priority,Skill,Level,People,FTE\n\
         Payments,2026-08-10,2026-08-28,1,Kubernetes,3,1,1\n\
         Platform,2026-07-27,2026-09-04,2,Kubernetes,3,1,1\n"
            .as_bytes(),
        "projects.csv",
        &workspace,
        catalog::builtin(),
    )
    .expect("projects read")
    .value;
    workspace.projects = holiday;
    let ben = workspace.find_member("Ben Okafor").expect("Ben");
    workspace.members[ben]
        .time_off
        .push(skillgrid::model::TimeOff {
            start: date("2026-08-17"),
            end: date("2026-08-21"),
            fraction: 1.0,
            reason: skillgrid::model::AwayReason::Leave,
        });
    let staffing = staff(&Scope::today(&workspace));
    let platform = staffing
        .projects
        .iter()
        .find(|p| p.name == "Platform")
        .expect("Platform");
    // Ana is on Payments W33-W35; Ben is away W34: nobody is free in W34,
    // which is not the union of the weeks each is out.
    assert_eq!(
        platform.lines[0].reason.as_deref(),
        Some(
            "of the 2 members who have Containers & Kubernetes at level 3+: nobody able is \
             free in 2026-W34: Ana Ruiz is fully booked in 2026-W33 to 2026-W35 (on Payments); \
             Ben Okafor is away in 2026-W34"
        ),
        "{:?}",
        platform.lines[0]
    );
}

/// 4 and 8. `who --free-in` takes an ISO week and agrees with the weekly
/// cover; a role's skill nobody is assessed in is said once, not weekly.
#[test]
fn who_free_in_a_week_is_the_weekly_cover_and_unknown_skills_are_said_once() {
    let mut workspace = roster(
        "Name,Role,Kubernetes,Observability\n\
         Ana Ruiz,Senior Software Engineer,4,3\n\
         Ben Okafor,Senior Software Engineer,3,2\n",
    );
    let ana = workspace.find_member("Ana Ruiz").expect("Ana");
    workspace.members[ana]
        .time_off
        .push(skillgrid::model::TimeOff {
            start: date("2026-08-24"),
            end: date("2026-09-11"),
            fraction: 1.0,
            reason: skillgrid::model::AwayReason::Leave,
        });
    let scope = Scope::new(&workspace, date("2026-07-01"), &ScopeFilter::default());
    let first = skillgrid::model::week_of(date("2026-07-01"));
    let cover = weekly_coverage(
        &scope,
        None,
        &WeeklyQuery {
            from_week: first,
            to_week: first + 12,
            skill: None,
        },
    );
    let followed: Vec<&str> = cover.iter().map(|s| &*s.skill.name).collect();
    assert!(followed.contains(&"Containers & Kubernetes"));
    assert!(
        !followed.contains(&"Communication"),
        "nobody is assessed in it: not a gap every week ({followed:?})"
    );
    let (_, unassessed) = analysis::skills_followed(&scope);
    assert!(unassessed.iter().any(|s| &*s.name == "Communication"));
    let kubernetes = workspace.skill_named("Kubernetes").expect("tracked");
    let k8s = cover
        .iter()
        .find(|s| &*s.skill.name == "Containers & Kubernetes")
        .expect("followed");
    for week in &k8s.weeks {
        let iso = skillgrid::model::week_of(week.starts);
        let query = analysis::WhoQuery {
            skills: vec![(kubernetes, Level::PROFICIENT)],
            free_in: Some(analysis::Weeks::one(iso)),
            ..analysis::WhoQuery::default()
        };
        let mut who: Vec<String> = analysis::who(&scope, None, &query)
            .into_iter()
            .map(|m| m.member.name.to_string())
            .collect();
        let mut free: Vec<String> = week.free.iter().map(|m| m.name.to_string()).collect();
        who.sort();
        free.sort();
        assert_eq!(who, free, "{}", week.week);
    }
    // A quarter is the mean of its weeks: three weeks away of Q3.
    let q3 = analysis::parse_period("2026Q3").expect("a quarter");
    let query = analysis::WhoQuery {
        skills: vec![(kubernetes, Level::PROFICIENT)],
        free_in: Some(q3),
        ..analysis::WhoQuery::default()
    };
    let ana_free = analysis::who(&scope, None, &query)
        .into_iter()
        .find(|m| &*m.member.name == "Ana Ruiz")
        .expect("free part of Q3")
        .free_fte;
    assert!((ana_free - 10.0 / 13.0).abs() < 1e-9, "{ana_free}");
}

/// 5. The Stale filter picks rows; the Can-lead row stays the team's.
#[test]
fn the_stale_filter_highlights_and_never_recounts() {
    let folder = tempfile::tempdir().expect("folder");
    let path = history_copy(folder.path());
    let mut state = common::opened(&path);
    state.set_today(date("2026-12-01"));
    let mut harness = window(state);
    let all = harness.state().state().derived().shown_leaders.clone();
    harness
        .get_by_label("Stale: last rated over 12 months ago")
        .click();
    harness.run();
    let derived = harness.state().state().derived();
    assert_eq!(derived.rows.len(), 1, "one member has stale ratings");
    assert_eq!(derived.shown_leaders, all, "the counts stay the team's");
    harness.get_by_label("Can lead (3+)");
}

/// 6. A new hire's first ratings are newly rated, not moves up.
#[test]
fn changes_since_count_first_ratings_apart() {
    let mut workspace = roster(
        "Name,Role,Kubernetes,Programming\n\
         Ana Ruiz,Senior Software Engineer,2,3\n",
    );
    workspace.date_levels(date("2026-03-31"), Rater::Manager);
    rate(
        &mut workspace,
        "Ana Ruiz",
        "Kubernetes",
        3,
        "2026-06-30",
        Rater::Manager,
    );
    let mut hire = skillgrid::model::Member::new("Cleo Hart");
    hire.joined = Some(date("2026-06-30"));
    workspace.push_member(hire);
    rate(
        &mut workspace,
        "Cleo Hart",
        "Kubernetes",
        4,
        "2026-06-30",
        Rater::Manager,
    );
    rate(
        &mut workspace,
        "Cleo Hart",
        "Programming",
        4,
        "2026-06-30",
        Rater::Manager,
    );
    let scope = Scope::new(&workspace, date("2026-07-01"), &ScopeFilter::default());
    let moved = analysis::changed_since(&scope, date("2026-03-31"));
    assert_eq!((moved.newly_rated, moved.up, moved.down), (2, 1, 0));
    assert_eq!(moved.summary(), "2 newly rated, 1 up, 0 down");
    assert_eq!(moved.members.len(), 2);
}

/// 7. Planning the departure of the only lead of a skill says the skill
///    goes from one lead to none: a new gap.
#[test]
fn the_what_if_lists_the_skill_whose_only_lead_leaves() {
    let mut workspace = roster(
        "Name,Email,Role,Observability,Kubernetes\n\
         Ana Ruiz,ana@x.test,Senior Software Engineer,4,3\n\
         Ben Okafor,ben@x.test,Senior Software Engineer,2,3\n",
    );
    workspace.plan.departures.push("ana@x.test".into());
    let before = report(&workspace, "2026-08-01");
    let planned = analysis::apply_plan(&workspace, &workspace.plan, &catalog::builtin().skills);
    let after = report(&planned, "2026-08-01");
    let changes = analysis::lead_changes(&before, &after);
    let observability = changes
        .iter()
        .find(|c| &*c.skill.name == "Observability")
        .expect("changed");
    assert_eq!((observability.before, observability.after), (1, 0));
    assert!(observability.new_gap);
    assert_eq!(
        skillgrid::report::bench_change_text(&analysis::BenchChange {
            skill: observability.skill.clone(),
            before: 1,
            after: 0
        }),
        "Observability: 1 lead -> none"
    );
    // The window says it beside the plan.
    let mut state = AppState::new(
        skillgrid::app::Document::new(workspace, "team", None),
        Preferences::opening_on(skillgrid::app::View::Matrix),
    );
    state.apply(Command::ShowView(skillgrid::app::View::Hiring));
    let mut harness = window(state);
    harness.run();
    harness.get_by_label("Observability: 1 lead -> none: a new gap, nobody left to lead it");
}

/// 9. Meeting under half the required skills never reads as a good fit.
#[test]
fn a_fit_meeting_under_half_the_required_skills_is_never_good() {
    let library = catalog::builtin();
    for role in library.roles.iter().filter(|r| !r.requirements.is_empty()) {
        let mut workspace = Workspace::with_roles(library.roles.clone());
        let mut member = skillgrid::model::Member::new("Probe");
        member.role = Some(role.id.clone());
        workspace.push_member(member);
        workspace.track_required_skills(&library.skills);
        let required: Vec<_> = role
            .requirements
            .iter()
            .filter(|r| r.importance == skillgrid::model::Importance::Required)
            .collect();
        let met = (required.len().saturating_sub(1)) / 2;
        // Every preferred skill at its best, the required just under half
        // met and the rest one level short: the most a fit like that earns.
        for requirement in &role.requirements {
            let column = workspace.skill_index(&requirement.skill).expect("tracked");
            workspace
                .levels
                .set(0, column, Cell::assessed(Level::EXPERT));
        }
        for requirement in required.iter().skip(met) {
            let column = workspace.skill_index(&requirement.skill).expect("tracked");
            let short = requirement.min_level.get().saturating_sub(1);
            workspace.levels.set(
                0,
                column,
                Cell::assessed(Level::new(short).expect("a level")),
            );
        }
        let fit = report(&workspace, "2026-08-01").fit[0]
            .own_role
            .clone()
            .expect("a fit");
        if fit.coverage.required_met * 2 < fit.coverage.required {
            assert!(
                fit.score < analysis::GOOD_FIT,
                "{}: {} with {}",
                role.title,
                fit.score,
                fit.coverage.text()
            );
        }
    }
}

/// 3. A leaver is recorded in the window from the member menu, counts
///    nowhere from the day, and the step undoes.
#[test]
fn a_leaver_recorded_from_the_member_menu_leaves_every_count_and_undoes() {
    let mut state = AppState::new(
        AppState::sample_document(),
        Preferences::opening_on(skillgrid::app::View::Matrix),
    );
    state.set_today(date("2026-10-01"));
    let mut harness = window(state);
    let members = harness.state().state().derived().rows.len();
    let kubernetes = common::column(&harness, "kubernetes");
    let before = harness.state().state().derived().shown_leaders[kubernetes];
    let tomasz = harness
        .state()
        .state()
        .workspace()
        .find_member("Tomasz Nowak")
        .expect("Tomasz");
    assert!(
        harness
            .state()
            .state()
            .workspace()
            .cell(tomasz, kubernetes)
            .at_least(Level::PROFICIENT),
        "Tomasz leads Kubernetes in the sample"
    );
    // Found by name, as a manager would: search picks rows, not counts.
    let mut filter = harness.state().state().filter().clone();
    filter.search = "Tomasz".into();
    harness
        .state_mut()
        .state_mut()
        .apply(Command::SetFilter(filter));
    harness.run();
    assert_eq!(
        harness.state().state().derived().shown_leaders[kubernetes],
        before
    );
    harness.get_by_label("Tomasz Nowak").click_secondary();
    harness.run();
    harness.get_by_label("Left on…").click();
    harness.run();
    harness.get_by_label("Record leaving").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(
        state.workspace().members[tomasz].left,
        Some(date("2026-10-01"))
    );
    assert!(state.derived().rows.is_empty(), "out of the list");
    let mut filter = state.filter().clone();
    filter.search.clear();
    harness
        .state_mut()
        .state_mut()
        .apply(Command::SetFilter(filter));
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.derived().rows.len(), members - 1);
    assert_eq!(state.derived().shown_leaders[kubernetes], before - 1);
    harness.get_by_label("Show 1 leaver");
    harness.state_mut().state_mut().apply(Command::Undo);
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.workspace().members[tomasz].left, None);
    assert_eq!(state.derived().shown_leaders[kubernetes], before);
}

/// 2 in the window: the waiting self rating shows as such in its cell.
#[test]
fn the_matrix_marks_a_self_rating_that_waits_for_review() {
    let folder = tempfile::tempdir().expect("folder");
    let roster_path = folder.path().join("team.csv");
    std::fs::write(
        &roster_path,
        "Name,Email,Role,Kubernetes\nAna Ruiz,ana@x.test,Senior Software Engineer,3\n\
         Ben Okafor,ben@x.test,Senior Software Engineer,\n",
    )
    .expect("written");
    let workspace_path = folder.path().join("team.skillgrid");
    let own = folder.path().join("ben.csv");
    std::fs::write(&own, "Name,Email,Kubernetes\nBen Okafor,ben@x.test,4\n").expect("written");
    let ws = text(&workspace_path);
    let (ok, _, said) = run(&[
        "import",
        text(&roster_path),
        "--into",
        ws,
        "--as-of",
        "2026-03-31",
    ]);
    assert!(ok, "{said}");
    let (ok, _, said) = run(&[
        "import",
        text(&own),
        "--into",
        ws,
        "--as-of",
        "2026-04-10",
        "--rater",
        "self",
    ]);
    assert!(ok, "{said}");
    let mut state = AppState::new(
        AppState::sample_document(),
        Preferences::opening_on(skillgrid::app::View::Matrix),
    );
    let result = io::open_path(&workspace_path, catalog::builtin());
    state.finish_open(&workspace_path, FileIntent::Open, result);
    let harness = window(state);
    harness.get_by_label(
        "Ben Okafor / Containers & Kubernetes: not assessed; self-rated 4, not reviewed",
    );
    harness.get_by_label("Can lead (3+)");
    assert_eq!(
        harness.state().state().derived().shown_leaders[common::column(&harness, "kubernetes")],
        1
    );
}

/// Applying a plan makes its departures leavers on the day, not deleted
/// rows: their history stays and an earlier report still shows them.
#[test]
fn applying_a_plan_records_its_departures_as_leavers() {
    let workspace = roster(
        "Name,Email,Role,Observability\n\
         Ana Ruiz,ana@x.test,Senior Software Engineer,4\n\
         Ben Okafor,ben@x.test,Senior Software Engineer,2\n",
    );
    let mut state = AppState::new(
        skillgrid::app::Document::new(workspace, "team", None),
        Preferences::opening_on(skillgrid::app::View::Matrix),
    );
    state.set_today(date("2026-08-01"));
    state.apply(Command::PlanDeparture(0));
    state.apply(Command::ApplyPlan);
    let workspace = state.workspace();
    assert_eq!(workspace.members.len(), 2, "nobody deleted");
    assert_eq!(workspace.members[0].left, Some(date("2026-08-01")));
    assert_eq!(
        leaders(&report(workspace, "2026-08-01"), "Observability"),
        0
    );
    assert_eq!(
        leaders(&report(workspace, "2026-07-31"), "Observability"),
        1
    );
}
