//! One frame of the matrix view, headless (layout, painting and
//! tessellation, no GPU), at growing roster sizes: the frame must not grow
//! with rows or columns beyond what is on screen. `cargo bench --bench matrix_frame`.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use skillgrid::app::{AppState, Document, Preferences};
use skillgrid::ui::SkillgridApp;
use skillgrid::{catalog, synthetic};
use std::time::{Duration, Instant};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 900.0),
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

fn matrix_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("matrix frame");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    // Plain rosters, and organisations with a year behind them: targets,
    // certificates, self ratings waiting for review and leavers mark cells.
    for (members, skills, year) in [
        (100, 20, false),
        (10_000, 300, false),
        (100_000, 300, false),
        (1_000_000, 300, false),
        (10_000, 3_000, false),
        (10_000, 300, true),
        (100_000, 300, true),
    ] {
        let workspace = if year {
            synthetic::organisation(catalog::builtin(), members, skills, 50, 7)
        } else {
            synthetic::roster(catalog::builtin(), members, skills, 7)
        };
        let mut state = SkillgridApp::with_state(AppState::new(
            Document::new(workspace, "bench", None),
            Preferences::default(),
        ));
        let ctx = egui::Context::default();
        // The table sizes itself in its first passes; derived data is built once.
        for _ in 0..3 {
            frame(&ctx, &mut state);
        }
        let name = if year { " with a year" } else { "" };
        group.bench_function(format!("{members}x{skills}{name}"), |b| {
            b.iter(|| frame(&ctx, &mut state))
        });
    }
    group.finish();

    let start = Instant::now();
    let mut state = SkillgridApp::with_state(AppState::new(
        AppState::sample_document(),
        Preferences::default(),
    ));
    let ctx = egui::Context::default();
    frame(&ctx, &mut state);
    frame(&ctx, &mut state);
    println!(
        "sample team: import and first two frames in {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
}

criterion_group!(benches, matrix_frame);
criterion_main!(benches);
