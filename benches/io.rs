//! Roster import and export at scale (issue: core). Run with
//! `cargo bench --bench io`.

use criterion::{Criterion, criterion_group, criterion_main};
use skillgrid::io::{
    ExportOptions, Layout, export_roster, import_roster, workspace_from_json, workspace_to_json,
};
use skillgrid::{catalog, synthetic};
use std::hint::black_box;
use std::time::Duration;

fn io(c: &mut Criterion) {
    let library = catalog::builtin();
    let mut group = c.benchmark_group("roster");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (members, skills) in [(1_000, 100), (10_000, 300)] {
        let workspace = synthetic::roster(library, members, skills, 42);
        let wide = export_roster(&workspace, ExportOptions::default());
        let long = export_roster(
            &workspace,
            ExportOptions {
                layout: Layout::Long,
                delimiter: b',',
            },
        );
        let json = workspace_to_json(&workspace);
        let size = format!("{members}x{skills}");
        group.bench_function(format!("import wide csv {size}"), |b| {
            b.iter(|| import_roster(black_box(&wide), "bench.csv", library).expect("imports"))
        });
        group.bench_function(format!("export wide csv {size}"), |b| {
            b.iter(|| export_roster(black_box(&workspace), ExportOptions::default()))
        });
        group.bench_function(format!("import long csv {size}"), |b| {
            b.iter(|| import_roster(black_box(&long), "bench.csv", library).expect("imports"))
        });
        group.bench_function(format!("load json {size}"), |b| {
            b.iter(|| workspace_from_json(black_box(&json), "bench.json").expect("loads"))
        });
        group.bench_function(format!("save json {size}"), |b| {
            b.iter(|| workspace_to_json(black_box(&workspace)))
        });
    }
    group.finish();
}

criterion_group!(benches, io);
criterion_main!(benches);
