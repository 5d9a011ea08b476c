//! `skillgrid report --format json` on a 10,000 x 300 roster CSV, end to
//! end (process start, import, analysis, JSON), beside the pandas baseline
//! in `pandas_baseline.py`, in one run. `cargo bench --bench report_end_to_end`.

use skillgrid::io::{ExportOptions, save_path};
use skillgrid::{catalog, synthetic};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 7;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time(mut command: impl FnMut() -> Command) -> Option<Duration> {
    let mut samples = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let output = command().output().ok()?;
        if !output.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&output.stderr));
            return None;
        }
        samples.push(start.elapsed());
    }
    Some(median(samples))
}

fn main() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let baseline = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/pandas_baseline.py");
    for (members, skills) in [(1_000, 100), (10_000, 300), (20_000, 300)] {
        let roster = folder.path().join(format!("roster-{members}x{skills}.csv"));
        let workspace = synthetic::roster(catalog::builtin(), members, skills, 42);
        save_path(&workspace, &roster, ExportOptions::default()).expect("write the roster");
        let skillgrid = time(|| {
            let mut command = Command::new(env!("CARGO_BIN_EXE_skillgrid"));
            command
                .arg("report")
                .arg(&roster)
                .args(["--format", "json"]);
            command
        })
        .expect("skillgrid report runs");
        let pandas = time(|| {
            let mut command = Command::new("python3");
            command.arg(&baseline).arg(&roster);
            command
        });
        let cells = members * skills;
        print!(
            "{members:>6} x {skills}: skillgrid report --format json {:>7.1} ms ({:.1} ns/cell)",
            skillgrid.as_secs_f64() * 1e3,
            skillgrid.as_secs_f64() * 1e9 / cells as f64
        );
        match pandas {
            Some(pandas) => println!(
                "   pandas baseline {:>7.1} ms   ratio {:.1}x",
                pandas.as_secs_f64() * 1e3,
                pandas.as_secs_f64() / skillgrid.as_secs_f64()
            ),
            None => println!("   pandas baseline not available (pip install pandas)"),
        }
    }
}
