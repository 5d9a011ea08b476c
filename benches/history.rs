//! The `.skillgrid` workspace with history against the JSON workspace, in
//! one run: 10,000 x 300 (then 100,000 x 300) with a first round of every
//! cell and four more rounds each changing a fifth of the cells. Own
//! timing, fastest of a few runs: `cargo bench --bench history`.

mod timing;
use timing::fastest;

use skillgrid::analysis::{self, ChangeQuery};
use skillgrid::model::{Assessment, Cell, Date, Level, Rater, Workspace};
use skillgrid::synthetic::Rng;
use skillgrid::{catalog, io, synthetic};
use std::path::Path;
use std::time::{Duration, Instant};

fn ms(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

/// A fifth of the cells, rated anew on `as_of`.
fn round(workspace: &mut Workspace, as_of: Date, rng: &mut Rng) {
    let (members, skills) = (workspace.members.len(), workspace.skills.len());
    for _ in 0..members * skills / 5 {
        let member = rng.below(members as u64) as usize;
        let skill = rng.below(skills as u64) as u32;
        let level = Level::new(rng.below(5) as u8);
        let assessment = Assessment {
            skill,
            as_of: Some(as_of),
            cell: Cell::new(level, false),
            rater: Rater::Import,
        };
        workspace.record_assessment(member, assessment, None);
    }
}

fn with_history(members: usize) -> Workspace {
    let mut workspace = synthetic::roster(catalog::builtin(), members, 300, 42);
    workspace.date_levels(date("2025-12-31"), Rater::Import);
    let mut rng = Rng::new(7);
    for as_of in ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"] {
        round(&mut workspace, date(as_of), &mut rng);
    }
    workspace
}

fn size(path: &Path) -> String {
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    format!("{:.0} MB", bytes as f64 / 1e6)
}

fn main() {
    let folder = tempfile::tempdir().expect("temp dir");
    let workspace = with_history(10_000);
    println!(
        "10,000 x 300, {} dated assessments over {} rounds",
        workspace.history.assessments(),
        workspace.history.dates().len()
    );

    // The baseline: the JSON workspace of the same roster without history,
    // as Skillgrid saved and opened it before.
    let snapshot = Workspace {
        history: Default::default(),
        ..workspace.clone()
    };
    let json = folder.path().join("team.json");
    let (json_save, _) = fastest(3, || {
        io::save_path(&snapshot, &json, io::ExportOptions::default()).expect("saved")
    });
    let (json_open, _) = fastest(3, || {
        io::open_path(&json, catalog::builtin()).expect("opens")
    });
    println!(
        "JSON, no history:     save {}, open {}, {}",
        ms(json_save),
        ms(json_open),
        size(&json)
    );

    let path = folder.path().join("team.skillgrid");
    let (write, saved) = fastest(3, || {
        io::write_database(&path, &workspace).expect("written")
    });
    let (open, read) = fastest(5, || io::read_database(&path).expect("opens"));
    let read = read.value;
    assert_eq!(read.workspace, workspace, "reads back whole");
    println!(
        ".skillgrid, history:  new file {}, open {} ({:.1}x JSON's open), {}",
        ms(write),
        ms(open),
        json_open.as_secs_f64() / open.as_secs_f64(),
        size(&path)
    );

    // One cell edit, saved in place.
    let mut revision = saved.hash;
    let mut previous = read.workspace;
    let mut edit_times = Vec::new();
    for attempt in 0..5u8 {
        let mut edited = previous.clone();
        let assessment = Assessment {
            skill: 7,
            as_of: Some(date("2027-01-15")),
            cell: Cell::assessed(Level::new(attempt % 5).expect("a level")),
            rater: Rater::Manager,
        };
        edited.record_assessment(5_000, assessment, None);
        let started = Instant::now();
        let saved = io::update_database(&path, &edited, &previous, revision).expect("saved");
        edit_times.push(started.elapsed());
        revision = saved.hash;
        previous = edited;
    }
    let edit = edit_times.into_iter().min().expect("timed");
    println!(
        "save after one cell edit: {} ({:.0}x faster than JSON's save)",
        ms(edit),
        json_save.as_secs_f64() / edit.as_secs_f64()
    );

    // A whole round imported, saved in place.
    let mut imported = previous.clone();
    round(&mut imported, date("2027-03-31"), &mut Rng::new(99));
    let started = Instant::now();
    io::update_database(&path, &imported, &previous, revision).expect("saved");
    println!(
        "save after a round import (a fifth of the cells): {}",
        ms(started.elapsed())
    );

    let (one_member, changes) = fastest(20, || {
        let query = ChangeQuery {
            member: Some(5_000),
            ..ChangeQuery::default()
        };
        analysis::changes(&imported, query)
    });
    println!(
        "one member's history: {} ({} changes)",
        ms(one_member),
        changes.len()
    );
    let (trend, bench) = fastest(5, || analysis::bench_trend(&imported, None));
    println!(
        "team trend over all rounds: {} ({} rounds x {} skills)",
        ms(trend),
        bench.dates.len(),
        bench.leaders.len()
    );
    let (since, moved) = fastest(5, || {
        analysis::changed_since(&analysis::Scope::today(&imported), date("2026-12-31"))
    });
    println!(
        "changes since the last round: {} ({} up, {} down)",
        ms(since),
        moved.up,
        moved.down
    );
    drop((imported, previous, workspace, snapshot));

    let big = with_history(100_000);
    let path = folder.path().join("big.skillgrid");
    let (write, _) = fastest(1, || io::write_database(&path, &big).expect("written"));
    let assessments = big.history.assessments();
    drop(big);
    let (open, _) = fastest(2, || io::read_database(&path).expect("opens"));
    println!(
        "100,000 x 300, {assessments} dated assessments: new file {}, open {}, {}",
        ms(write),
        ms(open),
        size(&path)
    );
}
