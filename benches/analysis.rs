//! The full analysis on generated rosters. `cargo bench --bench analysis`.

use criterion::{Criterion, criterion_group, criterion_main};
use skillgrid::analysis::{AnalysisOptions, analyze};
use skillgrid::{catalog, synthetic};
use std::hint::black_box;
use std::time::Duration;

fn analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (members, skills) in [(1_000, 100), (10_000, 300), (100_000, 300)] {
        let workspace = synthetic::roster(catalog::builtin(), members, skills, 42);
        group.bench_function(format!("full {members}x{skills}"), |b| {
            b.iter(|| analyze(black_box(&workspace), &AnalysisOptions::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
