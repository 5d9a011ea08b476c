//! Output that streams and stops quietly when its reader goes away, and
//! inputs that cannot make Skillgrid read without bound: each on a fixture
//! of its own.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

/// Runs the command line with its output piped to a reader that takes
/// `keep` bytes and closes the pipe, as `| head -c` does.
fn closed_after(args: &[&str], keep: usize) -> (Option<i32>, String, Vec<u8>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skillgrid"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut head = vec![0u8; keep];
    let mut stdout = child.stdout.take().expect("piped");
    stdout.read_exact(&mut head).expect("the first bytes");
    drop(stdout);
    let output = child.wait_with_output().expect("it ends");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).to_string(),
        head,
    )
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let sample = "sample-teams/product-org-history.skillgrid";
    for args in [
        vec!["history", sample],
        vec!["history", sample, "--format", "json"],
        vec!["history", sample, "--format", "csv"],
        vec!["report", sample, "--format", "json"],
        vec!["report", sample],
        vec![
            "coverage",
            "sample-teams/product-org-staffing.json",
            "--format",
            "json",
        ],
    ] {
        let (code, stderr, head) = closed_after(&args, 16);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert!(!head.is_empty());
    }
}

#[test]
fn json_is_compact_unless_asked_to_be_pretty() {
    let compact = common::skillgrid(&[
        "history",
        "sample-teams/product-org-history.skillgrid",
        "--member",
        "Mei Chen",
        "--format",
        "json",
    ]);
    let text = String::from_utf8_lossy(&compact.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    let pretty = common::skillgrid(&[
        "history",
        "sample-teams/product-org-history.skillgrid",
        "--member",
        "Mei Chen",
        "--format",
        "json",
        "--pretty",
    ]);
    let pretty_text = String::from_utf8_lossy(&pretty.stdout);
    assert!(pretty_text.lines().count() > 1);
    let a: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let b: serde_json::Value = serde_json::from_str(&pretty_text).expect("JSON");
    assert_eq!(a, b);
}
