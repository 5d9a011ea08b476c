//! A bounded mutational fuzzer for every file Skillgrid reads: roster CSV
//! (wide and long), role requirements CSV, projects CSV, the JSON
//! workspace and Excel workbooks. Inputs
//! are the samples and test files, mutated the way files get damaged
//! (bytes flipped, inserted, dropped, lines duplicated, files spliced or
//! cut short). Any panic is a bug: the input is written to
//! `target/fuzz-crashes/` and belongs in `tests/fuzz-regressions/` once
//! fixed. Every run replays that folder first.
//!
//! `FUZZ_SECONDS` sets the time per target (default 2); `FUZZ_SEED` the
//! seed (default: from the clock, printed so a failure can be replayed).

use skillgrid::catalog;
use skillgrid::io::{self, ExportOptions, Layout};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

/// xorshift64*: small, fast, reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Bytes that matter to the parsers.
const INTERESTING: &[u8] = b",;\t\n\r\"'+=-@0123456789. \xff\xfe\xef\xbb\xbf\x00{}[]:";

fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut data = input.to_vec();
    for _ in 0..1 + rng.below(8) {
        let len = data.len();
        match rng.below(8) {
            0 if len > 0 => {
                let at = rng.below(len);
                data[at] ^= 1 << rng.below(8);
            }
            1 => {
                let at = rng.below(len + 1);
                data.insert(at, INTERESTING[rng.below(INTERESTING.len())]);
            }
            2 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(64)).min(len);
                data.drain(at..end);
            }
            3 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(256)).min(len);
                let copy = data[at..end].to_vec();
                let to = rng.below(data.len() + 1);
                data.splice(to..to, copy);
            }
            4 => {
                let other = &corpus[rng.below(corpus.len())];
                let cut = rng.below(data.len() + 1);
                let from = rng.below(other.len() + 1);
                data.truncate(cut);
                data.extend_from_slice(&other[from..]);
            }
            5 if len > 0 => data.truncate(rng.below(len)),
            6 if len > 0 => {
                let at = rng.below(len);
                data[at] = INTERESTING[rng.below(INTERESTING.len())];
            }
            _ => {
                let at = rng.below(len + 1);
                let digits = ["-1", "99999999999999999999", "1e308", "NaN", "2+", "+", "٣"];
                let text = digits[rng.below(digits.len())].as_bytes();
                data.splice(at..at, text.iter().copied());
            }
        }
    }
    data
}

type Target = fn(&[u8]);

fn roster(bytes: &[u8]) {
    if let Ok(imported) = io::import_roster(bytes, "fuzz.csv", catalog::builtin()) {
        // What imports must export and import again.
        for layout in [Layout::Wide, Layout::Long] {
            let exported = io::export_roster(
                &imported.value,
                ExportOptions {
                    layout,
                    delimiter: b',',
                },
            );
            io::import_roster(&exported, "again.csv", catalog::builtin())
                .expect("an export always imports");
        }
    }
}

fn roles(bytes: &[u8]) {
    let _ = io::looks_like_roles_csv(bytes);
    let _ = io::import_roles_csv(bytes, "fuzz-roles.csv");
}

fn workspace(bytes: &[u8]) {
    if let Ok(imported) = io::workspace_from_json(bytes, "fuzz.json") {
        let saved = io::workspace_to_json(&imported.value);
        io::workspace_from_json(&saved, "again.json").expect("a save always loads");
    }
}

fn projects(bytes: &[u8]) {
    static TEAM: std::sync::OnceLock<skillgrid::model::Workspace> = std::sync::OnceLock::new();
    let team = TEAM.get_or_init(|| {
        io::open_path(
            Path::new("sample-teams/product-org-staffing.json"),
            catalog::builtin(),
        )
        .expect("the sample opens")
        .value
    });
    if let Ok(imported) =
        io::import_projects_csv(bytes, "fuzz-projects.csv", team, catalog::builtin())
    {
        let mut workspace = team.clone();
        workspace.projects = imported.value;
        // What imports must staff, and export and import again.
        let _ = skillgrid::analysis::staff(&skillgrid::analysis::Scope::today(&workspace));
        let exported = io::export_projects_csv(&workspace);
        io::import_projects_csv(&exported, "again.csv", team, catalog::builtin())
            .expect("an export always imports");
    }
}

/// Any kind of sheet a workbook may hold; an import that succeeds must
/// export and read back.
fn workbook(bytes: &[u8]) {
    if let Ok(imported) = io::import_roster_workbook(bytes, "fuzz.xlsx", catalog::builtin()) {
        let again = io::export_workbook(&imported.value).expect("a workbook");
        io::import_roster_workbook(&again, "again.xlsx", catalog::builtin())
            .expect("an export always imports");
    }
    let _ = io::import_roles_workbook(bytes, "fuzz.xlsx", None);
    let _ = io::workbook_contents(bytes, None);
}

/// Workbooks written from the samples: the matrix export and a roles
/// sheet. Mutated bytes of a zip mostly fail its checksums, so a small
/// stored (uncompressed) copy lets mutations reach the sheet's XML too.
fn workbook_corpus() -> Vec<Vec<u8>> {
    let team = io::open_path(
        Path::new("sample-teams/platform-team.csv"),
        catalog::builtin(),
    )
    .expect("the sample opens")
    .value;
    let mut corpus = vec![io::export_workbook(&team).expect("a workbook")];
    let mut book = rust_xlsxwriter::Workbook::new();
    book.set_zip_compression_level(0);
    let sheet = book.add_worksheet();
    for (row, line) in [
        ["Role", "Skill", "Min level", "Importance"],
        ["Platform Engineer", "Kubernetes", "3", "required"],
        ["Platform Engineer", "Go", "2", "nice"],
    ]
    .iter()
    .enumerate()
    {
        for (column, text) in line.iter().enumerate() {
            sheet
                .write_string(row as u32, column as u16, *text)
                .expect("written");
        }
    }
    corpus.push(book.save_to_buffer().expect("a workbook"));
    corpus
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn csv_corpus() -> Vec<Vec<u8>> {
    [
        "sample-teams/platform-team.csv",
        "sample-teams/product-org.csv",
        "sample-teams/product-org-long.csv",
        "sample-teams/product-org-eu.csv",
        "tests/data/broken-level.csv",
        "tests/data/roles.csv",
    ]
    .iter()
    .map(|path| read(path))
    .collect()
}

fn json_corpus() -> Vec<Vec<u8>> {
    let small = read("sample-teams/platform-team.csv");
    let mut imported = io::import_roster(&small, "t.csv", catalog::builtin())
        .expect("sample imports")
        .value;
    imported.plan.departures.push("Felix Brandt".into());
    vec![io::workspace_to_json(&imported)]
}

/// Runs `target` on `input`; a panic saves the input and fails the test.
fn run_one(name: &str, target: Target, input: &[u8]) {
    if catch_unwind(AssertUnwindSafe(|| target(input))).is_err() {
        let folder = Path::new("target/fuzz-crashes");
        let _ = std::fs::create_dir_all(folder);
        let path = folder.join(format!("{name}-{:016x}.bin", fxhash(input)));
        let _ = std::fs::write(&path, input);
        panic!("{name} panicked; the input is in {}", path.display());
    }
}

fn fxhash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn fuzz(name: &str, target: Target, corpus: Vec<Vec<u8>>) {
    // Regressions first: inputs that once crashed.
    if let Ok(entries) = std::fs::read_dir("tests/fuzz-regressions") {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(name) {
                run_one(
                    name,
                    target,
                    &std::fs::read(entry.path()).expect("regression"),
                );
            }
        }
    }
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
        | 1;
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut executions = 0u64;
    for input in &corpus {
        run_one(name, target, input);
    }
    while Instant::now() < deadline {
        let base = &corpus[rng.below(corpus.len())];
        let input = mutate(&mut rng, base, &corpus);
        run_one(name, target, &input);
        executions += 1;
    }
    println!("fuzz {name}: {executions} executions in {seconds} s, seed {seed}");
}

#[test]
fn fuzz_roster_csv_import() {
    fuzz("roster", roster, csv_corpus());
}

#[test]
fn fuzz_role_requirements_csv_import() {
    fuzz("roles", roles, csv_corpus());
}

#[test]
fn fuzz_projects_csv_import() {
    let mut corpus = csv_corpus();
    corpus.push(read("sample-teams/product-org-projects.csv"));
    corpus.push(read("sample-teams/product-org-projects.csv"));
    fuzz("projects", projects, corpus);
}

#[test]
fn fuzz_workbook_import() {
    fuzz("workbook", workbook, workbook_corpus());
}

#[test]
fn fuzz_workspace_json_load() {
    fuzz("workspace", workspace, json_corpus());
}
