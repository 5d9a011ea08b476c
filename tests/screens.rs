//! Pictures of every view at the three window sizes we support, for a
//! person to look at (`cargo test --test screens -- --ignored`); they land
//! in `target/screens/`. Not an assertion: the kittest suites assert.

use egui_kittest::Harness;
use skillgrid::app::{AppState, Command, FileIntent, Preferences, View};
use skillgrid::ui::SkillgridApp;
use skillgrid::{catalog, io};
use std::path::Path;

const SIZES: [[f32; 2]; 3] = [[1024.0, 700.0], [1280.0, 800.0], [1920.0, 1080.0]];

fn state_for(file: Option<&str>) -> AppState {
    let mut state = AppState::new(AppState::sample_document(), Preferences::default());
    if let Some(file) = file {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let result = io::open_path(&path, catalog::builtin());
        state.finish_open(&path, FileIntent::Open, result);
        state.apply(Command::ShowDiagnostics(false));
    }
    state
}

/// A light-themed window of `size` around the app `make` builds from
/// `state`, drawn with wgpu so it can be rendered.
fn picture_window(
    size: [f32; 2],
    state: AppState,
    make: impl FnOnce(AppState) -> SkillgridApp + 'static,
) -> Harness<'static, SkillgridApp> {
    let mut parts = Some((state, make));
    Harness::builder()
        .with_size(size)
        .with_theme(eframe::egui::Theme::Light)
        .wgpu()
        .build_eframe(move |_| {
            let (state, make) = parts.take().expect("built once");
            make(state)
        })
}

#[test]
#[ignore = "writes pictures for a person to look at"]
fn every_view_at_every_size() {
    let only = std::env::var("SCREENS_VIEW").ok();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screens");
    std::fs::create_dir_all(&out).expect("screens folder");
    for view in View::ALL {
        if only.as_deref().is_some_and(|name| name != view.name()) {
            continue;
        }
        let chosen = std::env::var("SCREENS_FILE").ok();
        let file = chosen
            .as_deref()
            .or((view == View::Staffing).then_some("sample-teams/product-org-staffing.json"));
        for [width, height] in SIZES {
            let mut harness = picture_window([width, height], state_for(file), move |mut state| {
                state.apply(Command::ShowView(view));
                let mut app = SkillgridApp::with_state(state);
                if view == View::Staffing {
                    let workspace = app.state().workspace().clone();
                    app.selection.staffing.select_project(&workspace, 0);
                }
                app
            });
            harness.run();
            let image = harness.render().expect("rendered");
            let path = out.join(format!("{}-{}x{}.png", view.name(), width, height));
            image.save(&path).expect("saved");
        }
    }
}

/// The README's picture: the matrix on the bundled sample at 1280x800.
/// `cargo test --test screens -- --ignored the_readme_picture` redraws it.
#[test]
#[ignore = "writes the README's picture"]
fn the_readme_picture() {
    let mut harness = picture_window([1280.0, 800.0], state_for(None), |mut state| {
        state.apply(Command::ShowView(View::Matrix));
        SkillgridApp::with_state(state)
    });
    harness.run();
    let image = harness.render().expect("rendered");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/images/matrix.png");
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("images folder");
    image.save(&path).expect("saved");
}

/// The import preview of an HR export (an ID, dates, notes, a squad
/// column) at every size: `--ignored the_import_preview`.
#[test]
#[ignore = "writes pictures for a person to look at"]
fn the_import_preview_at_every_size() {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screens");
    std::fs::create_dir_all(&out).expect("screens folder");
    let folder = tempfile::tempdir().expect("folder");
    let roster = folder.path().join("hr-export.csv");
    std::fs::write(
        &roster,
        "Employee ID,Name,Squad Name,Start date,K8s,Observabilty,Rust,Notes\r\n\
         1001,Ana Silva,Core,2021-03-01,3,2,2,on call\r\n\
         1002,Ben Okafor,Core,2022-05-12,1,,3,\r\n\
         1003,Chen Wei,Apps,2020-01-20,4,3,,moved\r\n\
         1004,Dana Ruiz,Apps,2023-09-04,2,1,1,\r\n",
    )
    .expect("written");
    for [width, height] in SIZES {
        let roster = roster.clone();
        let mut harness = picture_window([width, height], state_for(None), move |mut state| {
            state.apply(Command::PreviewImport(roster, FileIntent::ImportRoster));
            SkillgridApp::with_state(state)
        });
        harness.run();
        let image = harness.render().expect("rendered");
        image
            .save(out.join(format!("import-preview-{width}x{height}.png")))
            .expect("saved");
    }
}

/// Work evidence from the bundled Data Platform repository, at every
/// size: the dialog with what a read found, the matrix with a cell's
/// evidence in its tooltip, the overview and the gaps view:
/// `--ignored the_work_evidence`.
#[test]
#[ignore = "writes pictures for a person to look at"]
fn the_work_evidence_at_every_size() {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screens");
    std::fs::create_dir_all(&out).expect("screens folder");
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-teams/data-platform.git");
    for [width, height] in SIZES {
        let repository = repository.clone();
        let state = state_for(Some("sample-teams/product-org-history.skillgrid"));
        let mut harness = picture_window([width, height], state, move |mut state| {
            state.set_today("2026-12-07".parse().expect("a date"));
            state.apply(Command::ShowView(View::Matrix));
            state.apply(Command::OpenEvidence);
            state.apply(Command::SetEvidenceRepository(repository));
            state.apply(Command::ReadEvidence);
            SkillgridApp::with_state(state)
        });
        let settle = |harness: &mut Harness<'_, SkillgridApp>, done: &dyn Fn(&AppState) -> bool| {
            for _ in 0..600 {
                harness.step();
                if done(harness.state().state()) {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            harness.run();
        };
        settle(&mut harness, &|state| {
            state
                .evidence_dialog()
                .is_some_and(|dialog| dialog.result.is_some())
        });
        let shot = |harness: &mut Harness<'_, SkillgridApp>, name: &str| {
            let image = harness.render().expect("rendered");
            image
                .save(out.join(format!("evidence-{name}-{width}x{height}.png")))
                .expect("saved");
        };
        shot(&mut harness, "dialog");
        harness
            .state_mut()
            .state_mut()
            .apply(Command::StoreEvidence);
        harness
            .state_mut()
            .state_mut()
            .apply(Command::CloseEvidence);
        harness.run();
        // The team whose repository was read, and the skills it touches.
        for (combo, option) in [("Team", "Data Platform"), ("Category", "Operations")] {
            use egui_kittest::kittest::{NodeT, Queryable};
            harness
                .get_by_role_and_label(eframe::egui::accesskit::Role::ComboBox, combo)
                .click();
            harness.run();
            harness
                .query_all_by_label(option)
                .rfind(|node| node.accesskit_node().role() != eframe::egui::accesskit::Role::Label)
                .expect("listed")
                .click();
            harness.run();
        }
        {
            use egui_kittest::kittest::Queryable;
            harness
                .get_by_label_contains("Grace Achieng / Observability")
                .hover();
        }
        harness.run();
        shot(&mut harness, "matrix");
        for view in [View::Overview, View::Gaps] {
            harness
                .state_mut()
                .state_mut()
                .apply(Command::ShowView(view));
            settle(&mut harness, &|state| {
                state
                    .insights()
                    .results()
                    .is_some_and(|results| !results.analysis.work.is_empty())
            });
            shot(&mut harness, view.name());
        }
    }
}
