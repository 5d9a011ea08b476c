//! The staffing assignment at the size the issue sets: 1,000 members, 50
//! projects (a third tentative, half with a learner line), 300 demand
//! lines, over eight quarters; three scenarios compared on it; and 10,000
//! members with 300 projects, timed once. Prints the objective (total fit)
//! against the greedy baseline. `cargo bench --bench staffing`.

use criterion::{Criterion, criterion_group, criterion_main};
use skillgrid::analysis::{AnalysisOptions, compare_scenarios, staff};
use skillgrid::model::{
    DemandLine, LearnerSeat, Level, PlannedHire, Project, ProjectStatus, ProjectSwitch, Scenario,
    Workspace,
};
use skillgrid::{catalog, synthetic};
use std::time::Duration;

/// `count` projects of 6 lines each, on the roster's skills, reproducibly:
/// every third tentative, every other one taking a learner on its first line.
fn with_projects(workspace: Workspace, seed: u64) -> Workspace {
    with_n_projects(workspace, seed, 50)
}

fn with_n_projects(mut workspace: Workspace, seed: u64, count: usize) -> Workspace {
    let mut state = seed | 1;
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let skills = workspace.skills.len() as u64;
    for number in 0..count {
        let start_quarter = next(6);
        let length = 1 + next(3);
        let quarter_start = |q: u64| format!("{}-{:02}-01", 2026 + q / 4, (q % 4) * 3 + 1);
        let quarter_end = |q: u64| {
            let month = (q % 4) * 3 + 3;
            let day = [31, 30, 30, 31][(q % 4) as usize];
            format!("{}-{month:02}-{day}", 2026 + q / 4)
        };
        let mut project = Project::new(
            &format!("Project {number}"),
            &quarter_start(start_quarter),
            &quarter_end(start_quarter + length - 1),
            1 + next(5) as u32,
        );
        for _ in 0..6 {
            let column = next(skills) as usize;
            project.demand.push(DemandLine {
                skill: workspace.skills[column].id.clone(),
                min_level: Level::new(2 + next(2) as u8).expect("level"),
                people: 1 + next(3) as u32,
                fte_each: [0.25, 0.5, 0.5, 1.0][next(4) as usize],
            });
        }
        if number % 3 == 0 {
            project.status = ProjectStatus::Tentative;
        }
        if number % 2 == 0 {
            project.learners.push(LearnerSeat {
                line: 0,
                share: 0.2,
            });
        }
        workspace.projects.push(project);
    }
    workspace
}

/// Three plans for the 1,000-member team: a hire, a departure and a
/// tentative project dropped, each kept in the workspace.
fn with_scenarios(mut workspace: Workspace) -> Workspace {
    let role = workspace.roles[0].id.clone();
    let mut hire = Scenario::new("Hire");
    hire.hire(PlannedHire::new(role, None));
    let mut depart = Scenario::new("Depart");
    depart.plan.departures.push(workspace.members[0].key());
    let mut drop = Scenario::new("Drop");
    drop.projects.push(ProjectSwitch {
        project: "Project 0".into(),
        on: false,
    });
    workspace.scenarios = vec![hire, depart, drop];
    workspace
}

fn report(members: usize, workspace: &Workspace) {
    let result = staff(&skillgrid::analysis::Scope::today(workspace));
    let lines: usize = workspace.projects.iter().map(|p| p.demand.len()).sum();
    let filled: u32 = result
        .projects
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.people - l.unfilled)
        .sum();
    let wanted: u32 = result
        .projects
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.people)
        .sum();
    println!(
        "{members} members, {} projects, {lines} lines, {wanted} people wanted: {filled} filled; \
         objective {:.0} against greedy {:.0} ({:+.1}%)",
        workspace.projects.len(),
        result.objective,
        result.greedy_objective,
        100.0 * (result.objective - result.greedy_objective) / result.greedy_objective.max(1.0)
    );
}

fn staffing(c: &mut Criterion) {
    // Where members are scarce the optimum and greedy part ways.
    for members in [150, 300] {
        let roster = synthetic::roster(catalog::builtin(), members, 31, 11);
        report(members, &with_projects(roster, 5));
    }
    let roster = synthetic::roster(catalog::builtin(), 1_000, 31, 11);
    let workspace = with_projects(roster, 5);
    report(1_000, &workspace);
    let mut group = c.benchmark_group("staffing");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("1000 members x 50 projects x 300 lines", |b| {
        b.iter(|| staff(&skillgrid::analysis::Scope::today(&workspace)))
    });
    let planned = with_scenarios(workspace);
    let library = &catalog::builtin().skills;
    group.bench_function("three scenarios compared, 1000 members", |b| {
        b.iter(|| {
            compare_scenarios(
                &planned,
                &["Hire", "Depart", "Drop"],
                &AnalysisOptions::default(),
                library,
            )
            .expect("compared")
        })
    });
    group.finish();

    // The large case once: a criterion run of it would take minutes.
    let roster = synthetic::roster(catalog::builtin(), 10_000, 31, 11);
    let large = with_n_projects(roster, 5, 300);
    let started = std::time::Instant::now();
    let result = staff(&skillgrid::analysis::Scope::today(&large));
    println!(
        "10000 members x 300 projects (100 tentative, 150 learner lines): {:.2} s, {} learners \
         placed",
        started.elapsed().as_secs_f64(),
        result
            .projects
            .iter()
            .flat_map(|p| &p.lines)
            .filter(|l| l.learner.is_some())
            .count()
    );
}

criterion_group!(benches, staffing);
criterion_main!(benches);
