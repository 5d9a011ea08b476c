//! Growth, not one size: every command line and the window's analysis at
//! 10,000, 40,000 and 100,000 members x 300 skills (a year of an
//! organisation: managers, four rounds, self ratings, targets and
//! certificates, leave, leavers, FTE changes, 50 projects), with time and
//! peak memory per size and the 100k/10k ratio (linear is 10). Each is
//! the faster of two runs.
//! `cargo bench --bench scaling`; `SCALING_SIZES=10000,20000` to choose.
use skillgrid::app::{InsightOptions, InsightResults};
use skillgrid::io::{self, ExportOptions};
use skillgrid::{catalog, synthetic};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const SKILLS: usize = 300;
const PROJECTS: usize = 50;

/// A command still running after this is stopped and marked as such.
const GIVE_UP: Duration = Duration::from_secs(300);

/// The command line measured: this build's, or another's given in
/// `SCALING_BINARY` (an older build, for a before-and-after table; the
/// in-process analysis is then left out, being this build's).
fn binary() -> std::path::PathBuf {
    std::env::var_os("SCALING_BINARY")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_skillgrid").into())
}

/// Wall time and peak resident memory (KB) of one command: the kernel's
/// high-water mark of the program's own memory (VmHWM, which starts afresh
/// when it starts), read until it exits.
fn measure(args: &[&str]) -> (Duration, u64, bool) {
    let started = Instant::now();
    let mut child = Command::new(binary())
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary runs");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(line) = status.lines().find(|line| line.starts_with("VmHWM:"))
        {
            let kb = line
                .split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse().ok())
                .unwrap_or(0);
            peak = peak.max(kb);
        }
        match child.try_wait() {
            Ok(Some(status)) => return (started.elapsed(), peak, status.success()),
            Ok(None) if started.elapsed() > GIVE_UP => {
                let _ = child.kill();
                let _ = child.wait();
                return (started.elapsed(), peak, false);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => return (started.elapsed(), peak, false),
        }
    }
}

struct Row {
    name: String,
    /// Per size: seconds, MB.
    cells: Vec<(f64, f64)>,
}

fn main() {
    let sizes: Vec<usize> = std::env::var("SCALING_SIZES")
        .ok()
        .map(|text| {
            text.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| vec![10_000, 40_000, 100_000]);
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut rows: Vec<Row> = Vec::new();
    let mut record = |name: &str, seconds: f64, megabytes: f64| match rows
        .iter_mut()
        .find(|row| row.name == name)
    {
        Some(row) => row.cells.push((seconds, megabytes)),
        None => rows.push(Row {
            name: name.to_string(),
            cells: vec![(seconds, megabytes)],
        }),
    };
    for &members in &sizes {
        let dir = folder.path().join(members.to_string());
        std::fs::create_dir_all(&dir).expect("a folder");
        let started = Instant::now();
        let workspace = synthetic::organisation(catalog::builtin(), members, SKILLS, PROJECTS, 7);
        let path = |name: &str| dir.join(name).to_string_lossy().to_string();
        let ws = path("org.skillgrid");
        io::save_path(&workspace, Path::new(&ws), ExportOptions::default()).expect("saved");
        // The side files a manager imports, a tenth of the roster each.
        let roster = path("round.csv");
        io::save_path(&workspace, Path::new(&roster), ExportOptions::default()).expect("roster");
        let tenth: Vec<&skillgrid::model::Member> = workspace.members.iter().step_by(10).collect();
        let mut targets = String::from("Member,Skill,Target,By\n");
        let mut leave = String::from("Member,Start,End,Fraction,Reason\n");
        let mut certificates =
            String::from("Member,Certification,Issuer,Skill,Level,Issued,Expires\n");
        for member in &tenth {
            let email = member.email.as_deref().unwrap_or(&member.name);
            targets.push_str(&format!("{email},Programming,4,2027-09-30\n"));
            leave.push_str(&format!("{email},2027-03-01,2027-03-12,1,Leave\n"));
            certificates.push_str(&format!(
                "{email},Cloud cert,Vendor,Programming,3,2026-01-10,2028-01-09\n"
            ));
        }
        std::fs::write(path("targets.csv"), targets).expect("written");
        std::fs::write(path("leave.csv"), leave).expect("written");
        std::fs::write(path("certificates.csv"), certificates).expect("written");
        eprintln!(
            "{members} members: built and saved in {:.1} s",
            started.elapsed().as_secs_f64()
        );

        // The window's analysis, on its worker, in this process.
        let other_binary = std::env::var_os("SCALING_BINARY").is_some();
        let seconds = (0..if other_binary { 0 } else { 2 })
            .map(|_| {
                let started = Instant::now();
                let results = InsightResults::compute(&workspace, &InsightOptions::default());
                let seconds = started.elapsed().as_secs_f64();
                drop(results);
                seconds
            })
            .fold(f64::INFINITY, f64::min);
        if !other_binary {
            record("window analysis (in process)", seconds, 0.0);
        }
        drop(workspace);

        let copy = path("copy.skillgrid");
        let commands: Vec<(&str, Vec<String>)> = vec![
            ("validate", vec!["validate".into(), ws.clone()]),
            (
                "report --format json",
                vec![
                    "report".into(),
                    ws.clone(),
                    "--format".into(),
                    "json".into(),
                ],
            ),
            ("report (text)", vec!["report".into(), ws.clone()]),
            (
                "history --format json",
                vec![
                    "history".into(),
                    ws.clone(),
                    "--format".into(),
                    "json".into(),
                ],
            ),
            (
                "history --stale",
                vec!["history".into(), ws.clone(), "--stale".into()],
            ),
            (
                "coverage --format json",
                vec![
                    "coverage".into(),
                    ws.clone(),
                    "--format".into(),
                    "json".into(),
                ],
            ),
            ("review", vec!["review".into(), ws.clone()]),
            (
                "who --free-in 2027Q1",
                vec![
                    "who".into(),
                    ws.clone(),
                    "--skill".into(),
                    "Programming:3".into(),
                    "--free-in".into(),
                    "2027Q1".into(),
                ],
            ),
            (
                "staff --format json",
                vec!["staff".into(), ws.clone(), "--format".into(), "json".into()],
            ),
            (
                "import (a round)",
                vec![
                    "import".into(),
                    roster.clone(),
                    "--into".into(),
                    ws.clone(),
                    "-o".into(),
                    copy.clone(),
                    "--as-of".into(),
                    "2027-03-31".into(),
                ],
            ),
            (
                "import-targets",
                vec![
                    "import-targets".into(),
                    path("targets.csv"),
                    "--into".into(),
                    ws.clone(),
                    "-o".into(),
                    copy.clone(),
                ],
            ),
            (
                "import-timeoff",
                vec![
                    "import-timeoff".into(),
                    path("leave.csv"),
                    "--into".into(),
                    ws.clone(),
                    "-o".into(),
                    copy.clone(),
                ],
            ),
            (
                "import-certifications",
                vec![
                    "import-certifications".into(),
                    path("certificates.csv"),
                    "--into".into(),
                    ws.clone(),
                    "-o".into(),
                    copy.clone(),
                ],
            ),
            (
                "convert to CSV",
                vec!["convert".into(), ws.clone(), path("out.csv")],
            ),
        ];
        for (name, args) in &commands {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            // The faster of two runs: a busy moment of the machine is not
            // the command's cost.
            let (first, first_kb, first_ok) = measure(&args);
            let _ = std::fs::remove_file(&copy);
            let (second, second_kb, second_ok) = measure(&args);
            let (elapsed, peak_kb, ok) = (
                first.min(second),
                first_kb.max(second_kb),
                first_ok && second_ok,
            );
            if !ok {
                eprintln!(
                    "{name} failed or was stopped after {} s at {members} members",
                    GIVE_UP.as_secs()
                );
            }
            record(name, elapsed.as_secs_f64(), peak_kb as f64 / 1024.0);
            let _ = std::fs::remove_file(&copy);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    let header: Vec<String> = sizes
        .iter()
        .map(|members| format!("{:>18}", format!("{}k x {SKILLS}", members / 1000)))
        .collect();
    println!("{:<30}{}  ratio", "command", header.join(""));
    for row in &rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|(seconds, megabytes)| {
                if *megabytes > 0.0 {
                    format!("{:>18}", format!("{seconds:.2} s {megabytes:.0} MB"))
                } else {
                    format!("{:>18}", format!("{seconds:.2} s"))
                }
            })
            .collect();
        let ratio = match (row.cells.first(), row.cells.last()) {
            (Some(first), Some(last)) if row.cells.len() > 1 && first.0 > 0.0 => {
                format!("{:.1}", last.0 / first.0)
            }
            _ => "-".to_string(),
        };
        println!("{:<30}{}  {ratio}", row.name, cells.join(""));
    }
    // The report against reading the same file (the goal: within 2x).
    let row = |name: &str| rows.iter().find(|row| row.name == name);
    if let (Some(validate), Some(report)) = (row("validate"), row("report --format json")) {
        let against: Vec<String> = validate
            .cells
            .iter()
            .zip(&report.cells)
            .map(|(validate, report)| format!("{:>18}", format!("{:.1}x", report.0 / validate.0)))
            .collect();
        println!("{:<30}{}", "report json / validate", against.join(""));
    }
}
