//! Writes a generated roster: `cargo run --release --example generate_roster
//! -- MEMBERS SKILLS OUT.csv [--long]`; with `--organisation` (and a
//! `.skillgrid` or `.json` output), a year of it: rounds, self ratings,
//! targets, certificates, leave, leavers and 50 projects.

use skillgrid::io::{ExportOptions, Layout, save_path};
use skillgrid::{catalog, synthetic};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: generate_roster MEMBERS SKILLS OUT.csv|OUT.json|OUT.skillgrid [--long] [--organisation]";
    let [members, skills, out, rest @ ..] = args.as_slice() else {
        anyhow::bail!(usage);
    };
    let members: usize = members.parse().map_err(|_| anyhow::anyhow!(usage))?;
    let skills: usize = skills.parse().map_err(|_| anyhow::anyhow!(usage))?;
    let layout = if rest.iter().any(|arg| arg == "--long") {
        Layout::Long
    } else {
        Layout::Wide
    };
    let workspace = if rest.iter().any(|arg| arg == "--organisation") {
        synthetic::organisation(catalog::builtin(), members, skills, 50, 42)
    } else {
        synthetic::roster(catalog::builtin(), members, skills, 42)
    };
    save_path(
        &workspace,
        &PathBuf::from(out),
        ExportOptions {
            layout,
            delimiter: b',',
        },
    )?;
    println!("wrote {out}: {members} members x {skills} skills");
    Ok(())
}
