//! One frame of each insight view, headless (layout, painting and
//! tessellation, no GPU), on the sample team and on a 100,000-member roster,
//! with the analysis already done (it runs once per change, on a worker for
//! large rosters). Prints the slowest of 200 frames per view, since the aim
//! is that no frame takes over 16 ms. `cargo bench --bench view_frames`.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use skillgrid::app::Command;
use skillgrid::app::{AppState, Document, Preferences, View};
use skillgrid::ui::SkillgridApp;
use skillgrid::{catalog, synthetic};
use std::time::{Duration, Instant};

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

fn view_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("view frame");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(3));
    let rosters = [
        ("sample", AppState::sample_document()),
        (
            "100000x300",
            Document::new(
                synthetic::roster(catalog::builtin(), 100_000, 300, 7),
                "bench",
                None,
            ),
        ),
    ];
    for (name, document) in rosters {
        let mut app = SkillgridApp::with_state(AppState::new(document, Preferences::default()));
        let ctx = egui::Context::default();
        for view in View::ALL {
            app.state_mut().apply(Command::ShowView(view));
            frame(&ctx, &mut app);
            app.state_mut().wait_for_analysis();
            for _ in 0..3 {
                frame(&ctx, &mut app);
            }
            let slowest = (0..200)
                .map(|_| {
                    let start = Instant::now();
                    frame(&ctx, &mut app);
                    start.elapsed()
                })
                .max()
                .unwrap_or_default();
            println!(
                "{name} {}: slowest of 200 frames {:.2} ms",
                view.name(),
                slowest.as_secs_f64() * 1e3
            );
            group.bench_function(format!("{name}/{}", view.name()), |b| {
                b.iter(|| frame(&ctx, &mut app))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, view_frames);
criterion_main!(benches);
