//! What the matrix looks like, rendered by wgpu (on Mesa's software
//! renderer where there is no GPU) and compared with an accepted image.
//! After a deliberate visual change: `UPDATE_SNAPSHOTS=1 cargo test`.

use egui_kittest::Harness;
use skillgrid::app::{AppState, Preferences};
use skillgrid::ui::SkillgridApp;

#[test]
fn the_matrix_looks_as_accepted() {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_theme(eframe::egui::Theme::Light)
        .wgpu()
        .build_eframe(|_| {
            SkillgridApp::with_state(AppState::new(
                AppState::sample_document(),
                Preferences::opening_on(skillgrid::app::View::Matrix),
            ))
        });
    harness.run();
    harness.snapshot("matrix");
}
