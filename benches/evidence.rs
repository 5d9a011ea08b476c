//! Reading a repository's history into work evidence against `git log
//! --numstat` on the same repository, in one run: a real history (ripgrep's,
//! brought with the library's `fetch`, or SKILLGRID_BENCH_REPO) and a
//! generated one of 100,000 commits. Also a re-read with nothing new, and
//! memory. Own timing, fastest of three: `cargo bench --bench evidence`.

mod timing;
use timing::fastest;

use skillgrid::io::{PathMap, ReadOptions, read_repository};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const REAL: &str = "/work/.mirror/BurntSushi+ripgrep/repo";
const GENERATED_COMMITS: usize = 100_000;

fn main() {
    let real = std::env::var_os("SKILLGRID_BENCH_REPO")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(REAL));
    if real.exists() {
        compare("real history", &real);
    } else {
        println!(
            "no real history at {} (fetch one, or set SKILLGRID_BENCH_REPO)",
            real.display()
        );
    }
    let generated = generated_repository();
    compare("generated history", &generated);
    growth();
}

/// The analysis of stored evidence (every cell's work, what disagrees, the
/// sole owners) at 2,000, 8,000 and 32,000 members with two years of
/// evidence each: per member it should stay flat.
fn growth() {
    use skillgrid::analysis::{Scope, ScopeFilter, work_cells, work_findings};
    use skillgrid::model::{EvidenceSource, SkillId, WorkArea, WorkMonth};
    let day: skillgrid::model::Date = "2026-12-07".parse().expect("a date");
    let mut per_member = Vec::new();
    for members in [2_000, 8_000, 32_000] {
        let mut workspace =
            skillgrid::synthetic::roster(skillgrid::catalog::builtin(), members, 60, 7);
        let skills: Vec<SkillId> = ["kubernetes", "programming", "databases", "observability"]
            .into_iter()
            .map(SkillId::new)
            .collect();
        workspace.evidence_sources.push(EvidenceSource {
            name: "bench".into(),
            path: "bench".into(),
            read_on: day,
            tips: Vec::new(),
            commits: 0,
            first: Some("2024-12-01".parse().expect("a date")),
            last: Some(day),
            since: None,
            map: None,
            skills: skills.clone(),
            unmatched: Vec::new(),
        });
        for (index, member) in workspace.members.iter_mut().enumerate() {
            for month in 0..24i8 {
                let first =
                    skillgrid::model::Date::new(2025 + i16::from(month / 12), month % 12 + 1, 1)
                        .expect("a month");
                for (n, skill) in skills.iter().enumerate() {
                    if (index + n + month as usize).is_multiple_of(3) {
                        continue;
                    }
                    member.work.months.push(WorkMonth {
                        source: "bench".into(),
                        skill: skill.clone(),
                        month: first,
                        commits: 2,
                        lines: 40,
                        last: first,
                    });
                    member.work.areas.push(WorkArea {
                        source: "bench".into(),
                        skill: skill.clone(),
                        area: format!("team{}/{}/", index % 97, skill.as_str()),
                        month: first,
                        commits: 2,
                        last: first,
                    });
                }
            }
        }
        let (took, found) = fastest(3, || {
            let scope = Scope::new(&workspace, day, &ScopeFilter::default());
            let cells = work_cells(&scope, &workspace.settings);
            let week = skillgrid::model::week_of(day);
            (
                cells.cells.len(),
                work_findings(&scope, &cells, (week, week + 25)),
            )
        });
        println!(
            "stored evidence of {members} members: {:.0} ms ({} cells with work, {} contradictions)",
            took.as_secs_f64() * 1000.0,
            found.0,
            found.1.contradictions.len()
        );
        per_member.push(took.as_secs_f64() / members as f64);
    }
    println!(
        "  time per member, 8,000 and 32,000 against 2,000: {:.2}x, {:.2}x",
        per_member[1] / per_member[0],
        per_member[2] / per_member[0]
    );
}

fn options() -> ReadOptions {
    ReadOptions {
        name: "bench".into(),
        since: None,
        map: PathMap::built_in(),
        map_file: None,
        known: None,
        today: "2026-12-07".parse().expect("a date"),
    }
}

fn compare(what: &str, path: &Path) {
    let ms = |duration: Duration| duration.as_secs_f64() * 1000.0;
    let (ours, read) = fastest(3, || read_repository(path, &options()).expect("reads"));
    let (git, lines) = fastest(3, || git_log_numstat(path));
    let rows: usize = read
        .authors
        .iter()
        .map(|author| author.months.len() + author.areas.len())
        .sum();
    println!(
        "{what} ({}): {} commits read, {} authors, {rows} stored rows",
        path.display(),
        read.source.commits,
        read.authors.len()
    );
    println!(
        "  skillgrid evidence read: {:.0} ms; git log --numstat: {:.0} ms ({lines} lines of output); \
         ratio {:.2}",
        ms(ours),
        ms(git),
        ours.as_secs_f64() / git.as_secs_f64()
    );
    let known = ReadOptions {
        known: Some(read.source.clone()),
        ..options()
    };
    let (again, nothing) = fastest(3, || read_repository(path, &known).expect("reads"));
    assert!(nothing.adds && nothing.authors.is_empty(), "nothing new");
    println!("  read again with nothing new: {:.1} ms", ms(again));
    let peak = peak_anonymous_mb_during(|| read_repository(path, &options()).expect("reads"));
    println!(
        "  memory of a read: {peak} MB at most beyond the pack files the system maps (peak resident so far, mapped packs included: {} MB)",
        peak_rss_mb()
    );
}

/// The most anonymous memory (heap, not the mapped pack files) the
/// process held while `work` ran, above what it held before, sampled
/// every 5 ms.
fn peak_anonymous_mb_during<T: Send>(work: impl FnOnce() -> T + Send) -> u64 {
    let anonymous = || {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|status| {
                status
                    .lines()
                    .find(|line| line.starts_with("RssAnon:"))
                    .and_then(|line| line.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<u64>().ok())
            })
            .unwrap_or(0)
    };
    let before = anonymous();
    let done = std::sync::atomic::AtomicBool::new(false);
    let peak = std::thread::scope(|scope| {
        let sampler = scope.spawn(|| {
            let mut peak = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(anonymous());
                std::thread::sleep(Duration::from_millis(5));
            }
            peak
        });
        let value = work();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        drop(value);
        sampler.join().expect("the sampler ends")
    });
    peak.saturating_sub(before) / 1024
}

/// `git log --numstat` over the whole history, its output counted and
/// dropped (what a script reading it would at least do).
fn git_log_numstat(path: &Path) -> usize {
    let mut child = Command::new("git")
        .arg("--git-dir")
        .arg(git_dir(path))
        .args([
            "log",
            "--numstat",
            "--no-renames",
            "--format=%H %ae %at",
            "HEAD",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .expect("git runs");
    let mut out = child.stdout.take().expect("piped");
    let mut lines = 0usize;
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        use std::io::Read;
        let read = out.read(&mut buffer).expect("reads");
        if read == 0 {
            break;
        }
        lines += buffer[..read].iter().filter(|&&b| b == b'\n').count();
    }
    assert!(child.wait().expect("git ends").success());
    lines
}

fn git_dir(path: &Path) -> PathBuf {
    let dotted = path.join(".git");
    if dotted.exists() {
        dotted
    } else {
        path.to_path_buf()
    }
}

/// A bare repository of 100,000 commits by 40 authors over four years,
/// each changing one to three of 600 files (sources, manifests, Terraform,
/// SQL, CI), made once with `git fast-import` and kept under `target/`.
fn generated_repository() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-repos")
        .join("generated-100k.git");
    if path.join("HEAD").exists() {
        return path;
    }
    std::fs::create_dir_all(&path).expect("a folder");
    let init = Command::new("git")
        .args(["init", "-q", "--bare"])
        .arg(&path)
        .status()
        .expect("git runs");
    assert!(init.success());
    let mut import = Command::new("git")
        .arg("--git-dir")
        .arg(&path)
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import runs");
    let mut stream = std::io::BufWriter::new(import.stdin.take().expect("piped"));
    let kinds = [
        ("src/service", "rs"),
        ("src/web", "ts"),
        ("deploy/k8s", "yaml"),
        ("infra/terraform", "tf"),
        ("db/migrations", "sql"),
        ("api", "proto"),
        (".github/workflows", "yml"),
        ("docs", "md"),
    ];
    let files: Vec<String> = (0..600)
        .map(|n| {
            let (folder, extension) = kinds[n % kinds.len()];
            format!("{folder}/part{}/file{n}.{extension}", n / 40)
        })
        .collect();
    // Each file's 30 lines; a commit rewrites one line of each file it changes.
    let mut contents: Vec<Vec<String>> = (0..files.len())
        .map(|n| (0..30).map(|line| format!("line {line} of {n}")).collect())
        .collect();
    let start = 1_670_000_000i64; // late 2022
    let step = 4 * 365 * 86_400 / GENERATED_COMMITS as i64;
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for commit in 0..GENERATED_COMMITS {
        let author = next() % 40;
        let when = start + commit as i64 * step;
        let _ = writeln!(stream, "commit refs/heads/main");
        let _ = writeln!(
            stream,
            "author Dev {author} <dev{author}@example.org> {when} +0000"
        );
        let _ = writeln!(
            stream,
            "committer Dev {author} <dev{author}@example.org> {when} +0000"
        );
        let _ = writeln!(stream, "data 6\nchange");
        for _ in 0..1 + next() % 3 {
            let file = (next() % files.len() as u64) as usize;
            let line = (next() % 30) as usize;
            contents[file][line] = format!("line {line} changed in {commit}");
            let body = contents[file].join("\n") + "\n";
            let _ = writeln!(stream, "M 100644 inline {}", files[file]);
            let _ = writeln!(stream, "data {}", body.len());
            let _ = stream.write_all(body.as_bytes());
        }
        let _ = writeln!(stream);
    }
    drop(stream);
    assert!(import.wait().expect("fast-import ends").success());
    let head = Command::new("git")
        .arg("--git-dir")
        .arg(&path)
        .args(["symbolic-ref", "HEAD", "refs/heads/main"])
        .status()
        .expect("git runs");
    assert!(head.success());
    path
}

fn peak_rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
