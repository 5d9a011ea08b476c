//! The headless command line: the same model and io the app uses, for
//! scripts, CI and people who live in a terminal.

use crate::catalog;

mod args;
mod catalog_print;
mod convert;
mod coverage;
mod development;
mod evidence;
mod forms;
mod framework;
mod history;
mod input;
mod output;
mod report_command;
mod review;
mod scenario;
mod staff;
mod validate;
mod who;
pub use args::{Command, DelimiterArg, FormatArg, LayoutArg, ReportFormat, TableArg};
use catalog_print::{catalog_json, catalog_text};
use clap::{CommandFactory, FromArgMatches, Parser};
use input::SHEET;
pub use output::Output;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "skillgrid",
    version,
    about = "Team skills matrix and staffing planner",
    long_about = "Skillgrid reads team rosters (CSV, wide or long, or an Excel or \
                  OpenDocument workbook) and workspaces (.skillgrid, or JSON), with role \
                  requirements, projects, development targets, certifications, time off, \
                  holiday calendars and career frameworks; it matches members to a role \
                  library authored from real role definitions and reports on them. With no \
                  command it opens the window."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// With no command: the roster or workspace to open in the window (the
    /// bundled sample team when none is given). A file manager may pass
    /// several: the first opens, and the others are named as not opened.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// With no command: the view the window opens on: overview, matrix,
    /// gaps, fit, hiring, capacity, staffing, timeline, scenarios, review or roles.
    #[arg(long)]
    pub view: Option<String>,
    /// The sheet of an Excel workbook to read the roster from (by default
    /// the first that holds one).
    #[arg(long, global = true)]
    pub sheet: Option<String>,
    /// Indent JSON output for reading (compact otherwise).
    #[arg(long, global = true)]
    pub pretty: bool,
    /// A mapping file for the rosters read: a `Column,Use` CSV giving each
    /// column's field (Team), skill, or `set aside`.
    #[arg(long, global = true, value_name = "FILE")]
    pub map: Option<PathBuf>,
    /// A roster column not to read (an ID, notes); may be given again.
    #[arg(long = "ignore-column", global = true, value_name = "NAME")]
    pub ignore_column: Vec<String>,
}

/// The command line as clap reads it.
pub fn command_line() -> clap::Command {
    Cli::command()
}

/// What the command line asked for.
pub enum Invocation {
    /// A headless command; its output has been printed.
    Done(ExitCode),
    /// Open the window.
    Window {
        file: Option<PathBuf>,
        view: Option<String>,
    },
}

/// Parses the arguments and runs a headless command, or says to open the
/// window.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> Invocation {
    let parsed = command_line()
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return Invocation::Done(if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            });
        }
    };
    let _ = SHEET.set(cli.sheet.clone());
    match input::column_map(cli.map.as_deref(), &cli.ignore_column) {
        Ok(map) => {
            let _ = input::MAP.set(map);
        }
        Err(message) => {
            eprintln!("{message}");
            return Invocation::Done(ExitCode::from(2));
        }
    }
    let Some(command) = cli.command else {
        let mut files = cli.files.into_iter();
        let file = files.next();
        for other in files {
            eprintln!(
                "skillgrid: {} was not opened: the window opens one file at a time",
                other.display()
            );
        }
        return Invocation::Window {
            file,
            view: cli.view,
        };
    };
    let stdout = std::io::stdout();
    let mut out = Output::new(std::io::BufWriter::with_capacity(1 << 16, stdout.lock()));
    out.pretty = cli.pretty;
    let mut err = String::new();
    let status = execute(command, &mut out, &mut err);
    let written = out.finish();
    eprint!("{err}");
    Invocation::Done(match written {
        Ok(()) => status,
        // The reader went away (`| head`): nothing more to say.
        Err(error) if output::is_closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("skillgrid: could not write the output: {error}");
            ExitCode::FAILURE
        }
    })
}

/// The work of each command, writing to `out` and `err` so tests can read
/// exactly what a user sees.
pub fn execute(command: Command, out: &mut Output, err: &mut String) -> ExitCode {
    let catalog = catalog::builtin();
    match command {
        Command::Scenario { action } => scenario::scenario_command(action, catalog, out, err),
        Command::Evidence(args) => evidence::evidence_command(args, catalog, out, err),
        Command::Validate {
            file,
            verbose,
            explain,
        } => validate::validate(&file, catalog, verbose, explain, out),
        Command::Convert {
            input,
            output,
            layout,
            delimiter,
            as_of,
        } => {
            let request = convert::ConvertRequest {
                input: &input,
                output: &output,
                layout,
                delimiter,
                as_of,
            };
            convert::convert(&request, catalog, out, err)
        }
        Command::Import {
            rosters,
            into,
            as_of,
            rater,
            missing,
            output,
            explain,
        } => {
            let request = history::RoundRequest {
                rosters: &rosters,
                into: &into,
                output: output.as_deref(),
                as_of,
                rater,
                missing,
                explain,
            };
            history::import_round_command(&request, catalog, out, err)
        }
        Command::Leave {
            file,
            member,
            on,
            output,
        } => history::leave_command(&file, &member, on, output.as_deref(), catalog, out, err),
        Command::Forms {
            file,
            out: folder,
            team,
            format,
            combined,
        } => forms::forms_command(
            &forms::FormsRequest {
                file: &file,
                out: &folder,
                team: team.as_deref(),
                format,
                combined,
            },
            catalog,
            out,
            err,
        ),
        Command::Review { file, format } => {
            review::review_command(&file, format, catalog, out, err)
        }
        Command::Who {
            file,
            skills,
            interest,
            team,
            free_in,
            as_of,
            format,
        } => {
            let request = who::WhoRequest {
                file: &file,
                skills: &skills,
                interest,
                team: team.as_deref(),
                free_in: free_in.as_deref(),
                as_of,
                format,
            };
            who::who_command(&request, catalog, out, err)
        }
        Command::History {
            file,
            member,
            skill,
            since,
            stale,
            format,
        } => {
            let request = history::HistoryRequest {
                file: &file,
                member: member.as_deref(),
                skill: skill.as_deref(),
                since,
                stale,
                format,
            };
            history::history_command(&request, catalog, out, err)
        }
        Command::Report {
            file,
            format,
            team,
            budget,
            table,
            output,
            as_of,
        } => {
            let request = report_command::ReportRequest {
                format,
                team,
                budget,
                table,
                as_of,
            };
            report_command::report(&file, &request, output.as_deref(), catalog, out, err)
        }
        Command::Catalog { format, .. } => {
            match format {
                FormatArg::Json => out.json(&catalog_json(catalog)),
                FormatArg::Text => out.push_str(&catalog_text(catalog)),
            }
            ExitCode::SUCCESS
        }
        Command::ImportRoles {
            roles,
            into,
            output,
        } => convert::import_roles(&roles, &into, output.as_deref(), catalog, out, err),
        Command::Staff {
            file,
            project,
            as_of,
            format,
            count_targets,
            weeks,
            output,
        } => {
            let request = staff::StaffRequest {
                path: &file,
                project: project.as_deref(),
                as_of,
                format,
                count_targets,
                weeks,
                output: output.as_deref(),
            };
            staff::staff_command(&request, catalog, out, err)
        }
        Command::ImportProjects {
            projects,
            into,
            output,
        } => staff::import_projects(&projects, &into, output.as_deref(), catalog, out, err),
        Command::ImportTargets {
            targets,
            into,
            output,
            set_on,
        } => development::import_development(
            &development::DevelopmentFile::Targets {
                set_on: set_on.unwrap_or_else(crate::model::today),
            },
            &targets,
            &into,
            output.as_deref(),
            catalog,
            out,
            err,
        ),
        Command::Coverage {
            file,
            from,
            to,
            skill,
            format,
        } => coverage::coverage_command(
            &coverage::CoverageRequest {
                file: &file,
                from,
                to,
                skill: skill.as_deref(),
                format,
            },
            catalog,
            out,
            err,
        ),
        Command::ImportFramework {
            framework,
            into,
            output,
            choices,
        } => framework::import_framework(
            &framework,
            &into,
            output.as_deref(),
            &choices,
            catalog,
            out,
            err,
        ),
        Command::ImportTimeoff {
            time_off,
            into,
            output,
        } => development::import_development(
            &development::DevelopmentFile::TimeOff,
            &time_off,
            &into,
            output.as_deref(),
            catalog,
            out,
            err,
        ),
        Command::ImportHolidays {
            holidays,
            into,
            output,
        } => development::import_development(
            &development::DevelopmentFile::Holidays,
            &holidays,
            &into,
            output.as_deref(),
            catalog,
            out,
            err,
        ),
        Command::ImportCertifications {
            certifications,
            into,
            output,
        } => development::import_development(
            &development::DevelopmentFile::Certifications,
            &certifications,
            &into,
            output.as_deref(),
            catalog,
            out,
            err,
        ),
    }
}
