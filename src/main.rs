use skillgrid::app::View;
use skillgrid::cli::Invocation;
use skillgrid::ui::Launch;
use std::process::ExitCode;

fn main() -> ExitCode {
    match skillgrid::cli::run(std::env::args_os()) {
        Invocation::Done(status) => status,
        Invocation::Window { file, view } => {
            let view = match view.as_deref().map(|name| (name, View::from_name(name))) {
                None => None,
                Some((_, Some(view))) => Some(view),
                Some((name, None)) => {
                    let known: Vec<&str> = View::ALL.iter().map(|view| view.name()).collect();
                    eprintln!(
                        "skillgrid: no view \"{name}\": the views are {}",
                        known.join(", ")
                    );
                    return ExitCode::from(2);
                }
            };
            match skillgrid::ui::run(Launch { path: file, view }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("skillgrid: cannot open the window: {error}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
