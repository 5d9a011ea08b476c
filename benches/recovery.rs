//! The recovery copy after one cell edit, as the old copy (the whole JSON
//! workspace) and the compact one (JSON without the matrix, and a byte a
//! cell), at 10,000 x 300 and 100,000 x 300: time and peak memory of each,
//! and whether the copy reads back under the stated limits. Own timing, so
//! peak memory can be read per run: `cargo bench --bench recovery`.

use skillgrid::model::{Cell, Level};
use skillgrid::{catalog, io, synthetic};
use std::time::{Duration, Instant};

/// Resident memory now and at its peak since the last reset, in MB (Linux).
fn memory() -> Option<(f64, f64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<f64> {
        let line = status.lines().find(|line| line.starts_with(name))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024.0)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Makes the next peak reading start from the memory in use now.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The fastest of `runs` runs of `work`, and the most memory any one of
/// them added above what was resident before it.
fn measure(runs: usize, mut work: impl FnMut()) -> (Duration, Option<f64>) {
    let mut best = Duration::MAX;
    let mut added: Option<f64> = None;
    for _ in 0..runs {
        reset_peak();
        let before = memory();
        let started = Instant::now();
        work();
        best = best.min(started.elapsed());
        if let (Some((resident, _)), Some((_, peak))) = (before, memory()) {
            added = Some(added.unwrap_or(0.0).max(peak - resident));
        }
    }
    (best, added)
}

fn main() {
    let folder = tempfile::tempdir().expect("temp dir");
    println!("recovery copy after one cell edit (fastest of 3; memory added at peak)");
    println!("size            | whole JSON (before)        | compact (after)            | ratio");
    for members in [10_000, 100_000] {
        let mut workspace = synthetic::roster(catalog::builtin(), members, 300, 42);
        workspace
            .levels
            .set(members / 2, 7, Cell::new(Some(Level::EXPERT), false));
        let json_path = folder.path().join("recovery-workspace.json");
        let (json_time, json_memory) = measure(3, || {
            let bytes = io::workspace_to_json(&workspace);
            io::write_atomic(&json_path, &bytes).expect("written");
        });
        let json_size = std::fs::metadata(&json_path).map_or(0, |m| m.len());
        let compact = folder.path().join("copy");
        std::fs::create_dir_all(&compact).expect("folder");
        let (compact_time, compact_memory) = measure(3, || {
            io::write_compact(&compact, &workspace).expect("written");
        });
        let compact_size: u64 = std::fs::read_dir(&compact)
            .expect("list")
            .flatten()
            .map(|entry| entry.metadata().map_or(0, |m| m.len()))
            .sum();
        let back = io::read_compact(&compact).expect("reads back");
        assert_eq!(back.value, workspace, "the copy reads back whole");
        let json_reads_back = json_size <= io::MAX_JSON_BYTES;
        let mb = |bytes: u64| bytes as f64 / 1e6;
        let shown = |memory: Option<f64>| memory.map_or("?".to_string(), |m| format!("{m:.0} MB"));
        println!(
            "{members:>7} x 300   | {:>6.0} ms, {:>7}, {:>5.0} MB | {:>6.0} ms, {:>7}, {:>5.0} MB | {:.1}x faster",
            json_time.as_secs_f64() * 1000.0,
            shown(json_memory),
            mb(json_size),
            compact_time.as_secs_f64() * 1000.0,
            shown(compact_memory),
            mb(compact_size),
            json_time.as_secs_f64() / compact_time.as_secs_f64()
        );
        println!(
            "                | reads back under {} MB: {json_reads_back:<5}   | reads back: true",
            io::MAX_JSON_BYTES / (1024 * 1024)
        );
    }
}
