//! Timing the benches with their own `main` share.

use std::time::{Duration, Instant};

/// The fastest of `runs` runs of `work`, and the last run's result.
pub fn fastest<T>(runs: usize, mut work: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        let value = work();
        best = best.min(started.elapsed());
        last = Some(value);
    }
    (best, last.expect("ran at least once"))
}
