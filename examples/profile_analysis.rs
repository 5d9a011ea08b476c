//! Runs the full analysis repeatedly, for a profiler: `cargo run --release
//! --example profile_analysis -- 10000 300`.

use skillgrid::analysis::{AnalysisOptions, analyze};
use skillgrid::{catalog, synthetic};
use std::time::Instant;

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (members, skills) = (
        args.first().copied().unwrap_or(10_000),
        args.get(1).copied().unwrap_or(300),
    );
    let workspace = synthetic::roster(catalog::builtin(), members, skills, 42);
    for _ in 0..5 {
        let start = Instant::now();
        let analysis = analyze(&workspace, &AnalysisOptions::default());
        println!(
            "{members}x{skills}: {:.1} ms ({} hires)",
            start.elapsed().as_secs_f64() * 1e3,
            analysis.hiring.hires.len()
        );
    }
}
