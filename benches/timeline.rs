//! One frame of the timeline, headless, at 1,000 and 10,000 members and
//! over one and two years of projects, to show it stays flat in both
//! (egui_table draws only the rows and weeks in view). Prints the slowest
//! of 200 frames of each. `cargo bench --bench timeline`.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use skillgrid::app::{AppState, Command, Document, Preferences, View};
use skillgrid::model::{DemandLine, Level, Project, Workspace};
use skillgrid::ui::SkillgridApp;
use skillgrid::{catalog, synthetic};
use std::time::{Duration, Instant};

/// Projects of a month to a quarter each, starting through `weeks` weeks
/// from 2026-01-05, each asking a few people on the roster's skills.
fn with_projects(mut workspace: Workspace, projects: usize, weeks: u64) -> Workspace {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let first: skillgrid::model::Date = "2026-01-05".parse().expect("date");
    let skills = workspace.skills.len() as u64;
    for number in 0..projects {
        let start = first
            .checked_add(jiff::Span::new().days((next(weeks.saturating_sub(13)) * 7) as i64))
            .expect("date");
        let end = start
            .checked_add(jiff::Span::new().days((4 + next(9)) as i64 * 7 - 3))
            .expect("date");
        let mut project = Project::new(
            &format!("Project {number}"),
            &start.to_string(),
            &end.to_string(),
            1 + next(5) as u32,
        );
        for _ in 0..4 {
            project.demand.push(DemandLine {
                skill: workspace.skills[next(skills) as usize].id.clone(),
                min_level: Level::new(2 + next(2) as u8).expect("level"),
                people: 1 + next(4) as u32,
                fte_each: [0.25, 0.5, 1.0][next(3) as usize],
            });
        }
        workspace.projects.push(project);
    }
    workspace
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut SkillgridApp) -> usize {
    let output = ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default().show(ui, |ui| app.view_frame(ui));
    });
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn timeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("timeline frame");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(3));
    for (members, weeks, projects) in [(1_000, 52, 60), (10_000, 52, 300), (10_000, 104, 600)] {
        let roster = synthetic::roster(catalog::builtin(), members, 60, 3);
        let workspace = with_projects(roster, projects, weeks);
        let mut state = AppState::new(
            Document::new(workspace, "bench", None),
            Preferences::default(),
        );
        state.set_today("2026-01-05".parse().expect("date"));
        let mut app = SkillgridApp::with_state(state);
        let ctx = egui::Context::default();
        app.state_mut().apply(Command::ShowView(View::Timeline));
        frame(&ctx, &mut app);
        let built = Instant::now();
        app.state_mut().wait_for_analysis();
        for _ in 0..3 {
            frame(&ctx, &mut app);
        }
        let ready = built.elapsed();
        let shown = app.state().timeline().weeks;
        let bookings: usize = app.state().timeline().bars.iter().map(Vec::len).sum();
        let slowest = (0..200)
            .map(|_| {
                let start = Instant::now();
                frame(&ctx, &mut app);
                start.elapsed()
            })
            .max()
            .unwrap_or_default();
        println!(
            "{members} members x {shown} weeks ({bookings} bookings): slowest of 200 frames {:.2} ms \
             (staffing and timeline built in {:.0} ms)",
            slowest.as_secs_f64() * 1e3,
            ready.as_secs_f64() * 1e3
        );
        group.bench_function(format!("{members}x{shown}"), |b| {
            b.iter(|| frame(&ctx, &mut app))
        });
    }
    group.finish();
}

criterion_group!(benches, timeline);
criterion_main!(benches);
