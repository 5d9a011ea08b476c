use std::process::ExitCode;

fn main() -> ExitCode {
    skillgrid::cli::run(std::env::args_os())
}
