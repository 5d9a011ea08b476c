//! Writes the files the packages install beside the binary, made from the
//! command line's own definitions so they never drift from it: the man
//! pages (`skillgrid.1`, and `skillgrid-validate.1` for each subcommand)
//! and bash, zsh and fish completions.
//! `cargo run --release --bin skillgrid-dist -- target/dist`

use clap_complete::Shell;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: skillgrid-dist FOLDER");
        return ExitCode::from(2);
    };
    match write_all(&folder) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("skillgrid-dist: {}: {error}", folder.display());
            ExitCode::FAILURE
        }
    }
}

fn write_all(folder: &std::path::Path) -> std::io::Result<()> {
    let completions = folder.join("completions");
    std::fs::create_dir_all(&completions)?;
    let command = skillgrid::cli::command_line().name("skillgrid");
    let pages = folder.join("man");
    std::fs::create_dir_all(&pages)?;
    clap_mangen::generate_to(command.clone(), &pages)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut command = command.clone();
        clap_complete::generate_to(shell, &mut command, "skillgrid", &completions)?;
    }
    Ok(())
}
