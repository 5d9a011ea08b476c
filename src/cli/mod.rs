//! The headless command line: the same model and io the app uses, for
//! scripts, CI and people who live in a terminal.

use crate::analysis::{AnalysisOptions, analyze};
use crate::catalog::{self, Catalog};
use crate::io::{self, ExportOptions, FileKind, ImportFailure, Imported, Layout};
use crate::model::{Role, Workspace};
use crate::report::{self, Table};

mod catalog_print;
mod staff;
use catalog_print::{catalog_json, catalog_text};
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "skillgrid",
    version,
    about = "Team skills matrix and staffing planner",
    long_about = "Skillgrid reads team rosters (CSV, wide or long) and workspaces (JSON), \
                  matches them to a role library authored from real role definitions, and \
                  reports on them."
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// With no command: the roster or workspace to open in the window (the
    /// bundled sample team when none is given).
    pub file: Option<PathBuf>,
    /// With no command: the view the window opens on: matrix, gaps, fit,
    /// hiring, capacity, staffing or roles.
    #[arg(long)]
    pub view: Option<String>,
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

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check a roster, role requirements CSV or workspace; print a summary
    /// and every warning and error as FILE:LINE:COL: message. Exit status 1
    /// when it does not import.
    Validate { file: PathBuf },
    /// Convert between wide CSV, long CSV and workspace JSON, by the
    /// output's extension (.csv, .tsv, .json). The output is written
    /// atomically, and not at all when the input has errors.
    Convert {
        input: PathBuf,
        output: PathBuf,
        /// Layout of a CSV output.
        #[arg(long, value_enum, default_value_t = LayoutArg::Wide)]
        layout: LayoutArg,
        /// Delimiter of a CSV output (a .tsv output uses tab).
        #[arg(long, value_enum)]
        delimiter: Option<DelimiterArg>,
    },
    /// Analyse a roster or workspace: single points of failure, span of
    /// control, who is ready to step up, a costed hiring plan, team gaps,
    /// role fit, succession, time split and coverage.
    Report {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// Only this team's members.
        #[arg(long)]
        team: Option<String>,
        /// Stop the hiring plan before its midpoint total passes this (USD a year).
        #[arg(long)]
        budget: Option<f64>,
        /// The table a CSV report holds.
        #[arg(long, value_enum, default_value_t = TableArg::Gaps)]
        table: TableArg,
        /// Write the report here (atomically) instead of to standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Indent the JSON for reading.
        #[arg(long)]
        pretty: bool,
    },
    /// Print the built-in skill catalog and role library.
    Catalog {
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Propose who staffs each project: the assignment, the lines left
    /// unfilled and why, hiring placeholders with their cost, and demand
    /// against capacity by quarter.
    Staff {
        file: PathBuf,
        /// Only this project.
        #[arg(long)]
        project: Option<String>,
        #[arg(long, value_enum, default_value_t = staff::StaffFormat::Text)]
        format: staff::StaffFormat,
    },
    /// Replace a workspace's projects with those of a CSV (one row per
    /// skill a project needs: Project, Start, End, Priority, Skill, Level,
    /// People, FTE, or Role instead of Skill and Level).
    ImportProjects {
        projects: PathBuf,
        /// The roster or workspace the projects go into.
        #[arg(long)]
        into: PathBuf,
        /// Where to write the workspace (.json); defaults to --into when it
        /// is a workspace.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Add or update roles in a workspace from a CSV of (role, skill,
    /// min level, importance).
    ImportRoles {
        /// The role requirements CSV.
        roles: PathBuf,
        /// The roster or workspace the roles go into.
        #[arg(long)]
        into: PathBuf,
        /// Where to write the workspace (.json); defaults to --into when it
        /// is a workspace.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LayoutArg {
    Wide,
    Long,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DelimiterArg {
    Comma,
    Semicolon,
    Tab,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Csv,
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TableArg {
    Coverage,
    Gaps,
    Fit,
    Hiring,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
}

/// Parses the arguments and runs a headless command, or says to open the
/// window.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> Invocation {
    let cli = match Cli::try_parse_from(args) {
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
    let Some(command) = cli.command else {
        return Invocation::Window {
            file: cli.file,
            view: cli.view,
        };
    };
    let mut out = String::new();
    let mut err = String::new();
    let status = execute(command, &mut out, &mut err);
    print!("{out}");
    eprint!("{err}");
    Invocation::Done(status)
}

/// The work of each command, writing to `out` and `err` so tests can read
/// exactly what a user sees.
pub fn execute(command: Command, out: &mut String, err: &mut String) -> ExitCode {
    let catalog = catalog::builtin();
    match command {
        Command::Validate { file } => validate(&file, catalog, out),
        Command::Convert {
            input,
            output,
            layout,
            delimiter,
        } => convert(&input, &output, layout, delimiter, catalog, out, err),
        Command::Report {
            file,
            format,
            team,
            budget,
            table,
            output,
            pretty,
        } => {
            let request = ReportRequest {
                format,
                team,
                budget,
                table,
                pretty,
            };
            report(&file, &request, output.as_deref(), catalog, out, err)
        }
        Command::Catalog { format } => {
            match format {
                FormatArg::Json => out.push_str(&catalog_json(catalog)),
                FormatArg::Text => out.push_str(&catalog_text(catalog)),
            }
            ExitCode::SUCCESS
        }
        Command::ImportRoles {
            roles,
            into,
            output,
        } => import_roles(&roles, &into, output.as_deref(), catalog, out, err),
        Command::Staff {
            file,
            project,
            format,
        } => staff::staff_command(&file, project.as_deref(), format, catalog, out, err),
        Command::ImportProjects {
            projects,
            into,
            output,
        } => staff::import_projects(&projects, &into, output.as_deref(), catalog, out, err),
    }
}

fn print_diagnostics(diagnostics: &[io::Diagnostic], out: &mut String) {
    for diagnostic in diagnostics {
        let _ = writeln!(out, "{diagnostic}");
    }
}

fn print_failure(failure: &ImportFailure, out: &mut String) {
    print_diagnostics(&failure.warnings, out);
    print_diagnostics(&failure.errors, out);
    let _ = writeln!(
        out,
        "{} error(s), {} warning(s): nothing was imported",
        failure.errors.len(),
        failure.warnings.len()
    );
}

/// Opens a roster or workspace; its warnings, or its errors, go to `err`.
fn open_reporting(path: &Path, catalog: &Catalog, err: &mut String) -> Option<Imported<Workspace>> {
    match io::open_path(path, catalog) {
        Ok(imported) => {
            print_diagnostics(&imported.warnings, err);
            Some(imported)
        }
        Err(failure) => {
            print_failure(&failure, err);
            None
        }
    }
}

fn validate(path: &Path, catalog: &Catalog, out: &mut String) -> ExitCode {
    let name = io::display_name(path);
    let bytes = match io::read_file(path) {
        Ok(bytes) => bytes,
        Err(message) => {
            let _ = writeln!(out, "{name}: {message}");
            return ExitCode::FAILURE;
        }
    };
    if FileKind::of(path) == FileKind::Csv && io::looks_like_projects_csv(&bytes) {
        return staff::validate_projects(&bytes, &name, catalog, out);
    }
    if FileKind::of(path) == FileKind::Csv && io::looks_like_roles_csv(&bytes) {
        return match io::import_roles_csv(&bytes, &name) {
            Ok(imported) => {
                let requirements: usize = imported
                    .value
                    .roles
                    .iter()
                    .map(|role| role.requirements.len())
                    .sum();
                let _ = writeln!(
                    out,
                    "{name}: role requirements: {} roles, {requirements} requirements",
                    imported.value.roles.len()
                );
                print_diagnostics(&imported.warnings, out);
                ExitCode::SUCCESS
            }
            Err(failure) => {
                print_failure(&failure, out);
                ExitCode::FAILURE
            }
        };
    }
    let imported = match FileKind::of(path) {
        FileKind::Workspace => io::workspace_from_json(&bytes, &name),
        FileKind::Csv => io::import_roster(&bytes, &name, catalog),
    };
    match imported {
        Ok(imported) => {
            out.push_str(&summary(&name, &bytes, path, &imported));
            print_diagnostics(&imported.warnings, out);
            ExitCode::SUCCESS
        }
        Err(failure) => {
            print_failure(&failure, out);
            ExitCode::FAILURE
        }
    }
}

fn summary(name: &str, bytes: &[u8], path: &Path, imported: &Imported<Workspace>) -> String {
    let workspace = &imported.value;
    let mut text = String::new();
    let kind = match (FileKind::of(path), io::sniff_roster(bytes)) {
        (FileKind::Workspace, _) => "workspace".to_string(),
        (_, Some((layout, delimiter))) => format!(
            "{} roster, {}-separated",
            match layout {
                Layout::Wide => "wide",
                Layout::Long => "long",
            },
            delimiter_name(delimiter)
        ),
        (_, None) => "roster".to_string(),
    };
    let _ = writeln!(text, "{name}: {kind}");
    let custom_skills = workspace
        .skills
        .iter()
        .filter(|skill| !skill.builtin)
        .count();
    let cells = workspace.members.len() * workspace.skills.len();
    let assessed = workspace.assessed_cells();
    let _ = writeln!(text, "  members:        {}", workspace.members.len());
    let _ = writeln!(
        text,
        "  skills:         {} ({} from the library, {custom_skills} custom)",
        workspace.skills.len(),
        workspace.skills.len() - custom_skills
    );
    let _ = writeln!(
        text,
        "  assessed cells: {assessed} of {cells} ({:.0}%)",
        if cells == 0 {
            0.0
        } else {
            100.0 * assessed as f64 / cells as f64
        }
    );
    let with_role: Vec<&Role> = (0..workspace.members.len())
        .filter_map(|member| workspace.member_role(member))
        .collect();
    let library = with_role.iter().filter(|role| role.builtin).count();
    let _ = writeln!(
        text,
        "  roles matched:  {library} of {} members to the role library ({} custom, {} without a role)",
        workspace.members.len(),
        with_role.len() - library,
        workspace.members.len() - with_role.len()
    );
    let _ = writeln!(text, "  warnings:       {}", imported.warnings.len());
    text
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "semicolon",
        b'\t' => "tab",
        _ => "comma",
    }
}

fn convert(
    input: &Path,
    output: &Path,
    layout: LayoutArg,
    delimiter: Option<DelimiterArg>,
    catalog: &Catalog,
    out: &mut String,
    err: &mut String,
) -> ExitCode {
    let Some(imported) = open_reporting(input, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let is_tsv = output
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("tsv"));
    let options = ExportOptions {
        layout: match layout {
            LayoutArg::Wide => Layout::Wide,
            LayoutArg::Long => Layout::Long,
        },
        delimiter: match delimiter {
            Some(DelimiterArg::Comma) => b',',
            Some(DelimiterArg::Semicolon) => b';',
            Some(DelimiterArg::Tab) => b'\t',
            None if is_tsv => b'\t',
            None => b',',
        },
    };
    match io::save_path(&imported.value, output, options) {
        Ok(saved) => {
            if let Some(note) = saved.note {
                let _ = writeln!(err, "{note}");
            }
            let _ = writeln!(
                out,
                "wrote {} ({} members x {} skills)",
                output.display(),
                imported.value.members.len(),
                imported.value.skills.len()
            );
            if FileKind::of(output) == FileKind::Csv {
                let lost = io::roster_csv_leaves_out(&imported.value, catalog);
                if !lost.is_empty() {
                    let _ = writeln!(
                        err,
                        "{}: {}",
                        output.display(),
                        io::not_written_sentence(&lost, "a roster CSV holds members and levels")
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            let _ = writeln!(err, "{error}");
            ExitCode::FAILURE
        }
    }
}

/// Where a command that adds to a workspace writes it: `--output`, or the
/// input when that is a workspace; a roster CSV cannot hold `what`.
fn workspace_output<'p>(
    into: &'p Path,
    output: Option<&'p Path>,
    what: &str,
    err: &mut String,
) -> Option<&'p Path> {
    let output = match output {
        Some(output) => output,
        None if FileKind::of(into) == FileKind::Workspace => into,
        None => {
            let _ = writeln!(
                err,
                "a roster CSV cannot hold {what}: give --output WORKSPACE.json"
            );
            return None;
        }
    };
    if FileKind::of(output) != FileKind::Workspace {
        let _ = writeln!(
            err,
            "{}: the output must be a workspace (.json)",
            output.display()
        );
        return None;
    }
    Some(output)
}

fn import_roles(
    roles: &Path,
    into: &Path,
    output: Option<&Path>,
    catalog: &Catalog,
    out: &mut String,
    err: &mut String,
) -> ExitCode {
    let Some(output) = workspace_output(into, output, "role definitions", err) else {
        return ExitCode::from(2);
    };
    let name = io::display_name(roles);
    let requirements = io::read_file(roles)
        .map_err(|message| ImportFailure::single(io::Diagnostic::error(&name, None, None, message)))
        .and_then(|bytes| io::import_roles_csv(&bytes, &name));
    let (requirements, mut workspace) = match (requirements, io::open_path(into, catalog)) {
        (Ok(requirements), Ok(workspace)) => (requirements, workspace),
        (Err(failure), _) | (_, Err(failure)) => {
            print_failure(&failure, err);
            return ExitCode::FAILURE;
        }
    };
    print_diagnostics(&requirements.warnings, err);
    print_diagnostics(&workspace.warnings, err);
    for change in io::apply_roles(&mut workspace.value, &requirements.value, catalog) {
        let _ = writeln!(out, "{change}");
    }
    save_workspace(&workspace.value, output, "", out, err)
}

/// Writes a workspace a command changed; says where, or why it could not.
fn save_workspace(
    workspace: &Workspace,
    output: &Path,
    what: &str,
    out: &mut String,
    err: &mut String,
) -> ExitCode {
    match io::save_path(workspace, output, ExportOptions::default()) {
        Ok(saved) => {
            if let Some(note) = saved.note {
                let _ = writeln!(err, "{note}");
            }
            let _ = writeln!(out, "wrote {}{what}", output.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            let _ = writeln!(err, "{error}");
            ExitCode::FAILURE
        }
    }
}

pub struct ReportRequest {
    pub format: ReportFormat,
    pub team: Option<String>,
    pub budget: Option<f64>,
    pub table: TableArg,
    pub pretty: bool,
}

fn report(
    path: &Path,
    request: &ReportRequest,
    output: Option<&Path>,
    catalog: &Catalog,
    out: &mut String,
    err: &mut String,
) -> ExitCode {
    let Some(imported) = open_reporting(path, catalog, err) else {
        return ExitCode::FAILURE;
    };
    let workspace = &imported.value;
    if let Some(team) = &request.team
        && !workspace.members.iter().any(|member| {
            member
                .team
                .as_deref()
                .is_some_and(|own| own.eq_ignore_ascii_case(team))
        })
    {
        let mut teams: Vec<&str> = workspace
            .members
            .iter()
            .filter_map(|m| m.team.as_deref())
            .collect();
        teams.sort_unstable();
        teams.dedup();
        let _ = writeln!(
            err,
            "no team \"{team}\" in {}: its teams are {}",
            path.display(),
            teams.join(", ")
        );
        return ExitCode::from(2);
    }
    let options = AnalysisOptions {
        team: request.team.clone(),
        budget: request.budget,
    };
    let analysis = analyze(workspace, &options);
    let source = io::display_name(path);
    let text = match request.format {
        ReportFormat::Text => report::text_report(&analysis, &source),
        ReportFormat::Json => report::json_report(&analysis, request.pretty),
        ReportFormat::Csv => report::csv_table(
            &analysis,
            match request.table {
                TableArg::Coverage => Table::Coverage,
                TableArg::Gaps => Table::Gaps,
                TableArg::Fit => Table::Fit,
                TableArg::Hiring => Table::Hiring,
            },
        ),
        ReportFormat::Html => report::html_report(&analysis, workspace, &source),
    };
    match output {
        None => {
            out.push_str(&text);
            ExitCode::SUCCESS
        }
        Some(output) => match io::write_atomic(output, text.as_bytes()) {
            Ok(_) => {
                let _ = writeln!(err, "wrote {}", output.display());
                ExitCode::SUCCESS
            }
            Err(error) => {
                let _ = writeln!(err, "{error}");
                ExitCode::FAILURE
            }
        },
    }
}
