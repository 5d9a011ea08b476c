//! What the documentation promises, run: the README opens with the two
//! commands a new machine needs, every `skillgrid` command in the README
//! and the command-line reference runs on the samples, and every command's
//! help says what it reads.

use std::path::Path;
use std::process::Command;

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(repository().join(relative)).expect("the page is in the repository")
}

/// The lines of a page's `sh` code blocks.
fn shell_lines(page: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut inside = false;
    for line in page.lines() {
        let fence = line.trim_start();
        if fence.starts_with("```") {
            inside = !inside && fence.trim_start_matches('`').starts_with("sh");
            continue;
        }
        if inside {
            lines.push(line.trim().to_string());
        }
    }
    lines
}

fn help_of(arguments: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_skillgrid"))
        .args(arguments)
        .output()
        .expect("skillgrid runs");
    assert!(output.status.success(), "{arguments:?} fails");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_readme_opens_with_the_two_commands() {
    let readme = read("README.md");
    let first_block = shell_lines(&readme)
        .into_iter()
        .filter(|line| !line.is_empty())
        .take(2)
        .collect::<Vec<_>>();
    assert_eq!(
        first_block,
        [
            "cargo run --release    # open Skillgrid on the bundled sample team",
            "cargo test             # run the tests",
        ]
    );
    let pitch = readme.lines().nth(2).unwrap_or_default();
    assert!(
        pitch.contains("engineering managers"),
        "a sentence on what it is and for whom comes first: {pitch}"
    );
    assert!(readme.lines().count() <= 220, "the README stays short");
    assert!(
        repository().join("docs/images/matrix.png").exists(),
        "the README's picture is in the repository"
    );
}

#[test]
fn every_documented_command_runs_on_the_samples() {
    let binary = env!("CARGO_BIN_EXE_skillgrid");
    let mut ran = 0;
    for page in ["README.md", "docs/cli.md"] {
        for line in shell_lines(&read(page)) {
            let Some(arguments) = line.strip_prefix("skillgrid ") else {
                continue;
            };
            // A shell reads the line, quotes and `| head` included.
            let output = Command::new("sh")
                .arg("-c")
                .arg(format!("'{binary}' {arguments}"))
                .current_dir(repository())
                .output()
                .expect("sh runs");
            assert!(
                output.status.success(),
                "{page}: `{line}` failed:\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
            ran += 1;
        }
    }
    assert!(ran >= 20, "the pages show the commands ({ran} found)");
}

#[test]
fn help_says_what_each_command_reads() {
    let top = help_of(&["--help"]);
    for kind in [".skillgrid", "JSON", "CSV", "Excel", "career frameworks"] {
        assert!(
            top.contains(kind),
            "--help does not say it reads {kind}:\n{top}"
        );
    }
    let command_line = skillgrid::cli::command_line();
    let names: Vec<&str> = command_line
        .get_subcommands()
        .map(|command| command.get_name())
        .filter(|name| *name != "help")
        .collect();
    assert!(names.len() >= 15, "every subcommand is listed: {names:?}");
    for name in names {
        let help = help_of(&[name, "--help"]);
        let reads = [
            "roster",
            "workspace",
            "CSV",
            "workbook",
            "framework",
            "form",
            "catalog",
        ];
        assert!(
            reads.iter().any(|word| help.contains(word)),
            "`{name} --help` does not say what it reads:\n{help}"
        );
        if name == "catalog" {
            assert!(
                !help.contains("--sheet"),
                "the catalog reads no workbook, so it offers no sheet"
            );
        }
    }
}
