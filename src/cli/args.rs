//! The command line's commands and their arguments, as clap reads them;
//! `execute` in the module above runs them.

use super::{coverage, evidence, forms, history, review, scenario, staff, who};
use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Scenarios: named sets of changes to the plan (hires, departures,
    /// report moves, tentative projects on or off) kept in the workspace,
    /// compared side by side and applied.
    Scenario {
        #[command(subcommand)]
        action: scenario::ScenarioAction,
    },
    /// Work evidence from the team's git history, beside every rating:
    /// read repositories (--repo), list what is stored, the ratings the
    /// work contradicts and the code only one member has changed lately,
    /// or remove a repository's evidence (--remove). Nothing leaves the
    /// machine; only counts per member, skill and month are stored.
    Evidence(evidence::EvidenceArgs),
    /// Check a roster (CSV or workbook), a role requirements or projects
    /// file, or a workspace; print a summary and every warning and error as
    /// FILE:LINE:COL: message. Exit status 1 when it does not import.
    Validate {
        file: PathBuf,
        /// List each case a grouped warning stands for.
        #[arg(long)]
        verbose: bool,
        /// Before the summary, say which sheet is read and why, and how
        /// each column of a roster is read: a field, a skill, or set aside.
        #[arg(long)]
        explain: bool,
    },
    /// Convert a roster or workspace between wide CSV, long CSV, an Excel
    /// workbook, the .skillgrid workspace and workspace JSON, by the
    /// output's extension (.csv, .tsv, .xlsx, .skillgrid, .json). The output is written atomically, and not at all when the
    /// input has errors.
    Convert {
        input: PathBuf,
        output: PathBuf,
        /// Layout of a CSV output.
        #[arg(long, value_enum, default_value_t = LayoutArg::Wide)]
        layout: LayoutArg,
        /// Delimiter of a CSV output (a .tsv output uses tab).
        #[arg(long, value_enum)]
        delimiter: Option<DelimiterArg>,
        /// The date a roster's levels were assessed on, when it becomes a
        /// workspace (default for .skillgrid: today).
        #[arg(long, value_parser = history::parse_date)]
        as_of: Option<crate::model::Date>,
    },
    /// Import a roster into a workspace as a round of assessments dated
    /// --as-of: members matched by email, then name; new ones added; those
    /// missing kept and listed; cells at the current level add nothing.
    /// With --rater self, takes filled self-assessment forms (see `forms`):
    /// a form for someone not in the workspace is said and skipped, and a
    /// form imported twice adds nothing.
    Import {
        /// The roster, or any number of filled self-assessment forms.
        #[arg(required = true)]
        rosters: Vec<PathBuf>,
        /// The workspace (.skillgrid or .json); started from the round if
        /// it does not exist.
        #[arg(long)]
        into: PathBuf,
        /// The date of the ratings (YYYY-MM-DD); today when not given.
        #[arg(long, value_parser = history::parse_date)]
        as_of: Option<crate::model::Date>,
        /// Who gave the ratings: manager, self, peer or import.
        #[arg(long, value_parser = history::parse_rater, default_value = "manager")]
        rater: crate::model::Rater,
        /// Members of the workspace the round does not list: keep them and
        /// list them (keep), or record that they left on the round's date
        /// (leave).
        #[arg(long, value_enum, default_value_t = history::Missing::Keep)]
        missing: history::Missing,
        /// Write here instead of --into.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// First say, for each roster, which sheet is read and how each
        /// column is read: a field, a skill, or set aside.
        #[arg(long)]
        explain: bool,
    },
    /// Record that a member left on a date: from that day they are out of
    /// every count, span, pool and list; their history stays, and
    /// `--as-of` before the date shows them.
    Leave {
        /// The workspace (.skillgrid or .json).
        file: PathBuf,
        /// The member, by name or email.
        #[arg(long)]
        member: String,
        /// The day they left (YYYY-MM-DD).
        #[arg(long, value_parser = history::parse_date)]
        on: crate::model::Date,
        /// Write here instead of FILE.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Write a self-assessment form for each member (or a team's) into a
    /// folder, to send out and import back with `import --rater self`.
    Forms {
        file: PathBuf,
        /// The folder to write the forms into (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Only this team's members.
        #[arg(long)]
        team: Option<String>,
        #[arg(long, value_enum, default_value_t = forms::FormFormat::Xlsx)]
        format: forms::FormFormat,
        /// One file holding every member's rows, named after the team.
        #[arg(long)]
        combined: bool,
    },
    /// The self ratings that differ from the manager's and are not yet
    /// settled, widest first (settle them in the window's Review view).
    Review {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = review::ReviewFormat::Text)]
        format: review::ReviewFormat,
    },
    /// Who knows a skill: members at a level in every skill asked, best
    /// first, with their free FTE.
    Who {
        file: PathBuf,
        /// A skill and its minimum level, NAME[:LEVEL] (the "can lead" level
        /// when none is given); repeat for several.
        #[arg(long = "skill", required = true)]
        skills: Vec<String>,
        /// Only members who want to grow in one of the skills.
        #[arg(long)]
        interest: bool,
        /// Only this team's members.
        #[arg(long)]
        team: Option<String>,
        /// Only members with free FTE once projects are staffed, in an ISO
        /// week (2026-W36), a run of weeks (2026-W34..2026-W36) or a
        /// quarter (2026Q3, the mean of its weeks).
        #[arg(long)]
        free_in: Option<String>,
        /// Ask as of this date (YYYY-MM-DD): who was on the team then, at
        /// what level (default today).
        #[arg(long, value_parser = history::parse_date)]
        as_of: Option<crate::model::Date>,
        #[arg(long, value_enum, default_value_t = who::WhoFormat::Text)]
        format: who::WhoFormat,
    },
    /// List each change of a current level: member, skill, from, to, date
    /// and rater.
    History {
        file: PathBuf,
        /// Only this member (name or email).
        #[arg(long)]
        member: Option<String>,
        /// Only this skill (name, alias or id).
        #[arg(long)]
        skill: Option<String>,
        /// Only changes on or after this date (YYYY-MM-DD).
        #[arg(long, value_parser = history::parse_date)]
        since: Option<crate::model::Date>,
        /// List the ratings of record last given longer ago than the
        /// workspace's stale limit (12 months unless set), instead of the
        /// changes.
        #[arg(long)]
        stale: bool,
        #[arg(long, value_enum, default_value_t = history::HistoryFormat::Text)]
        format: history::HistoryFormat,
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
        /// Report the organisation as it stood on this date (YYYY-MM-DD).
        #[arg(long, value_parser = history::parse_date)]
        as_of: Option<crate::model::Date>,
    },
    /// Print the built-in skill catalog and role library.
    Catalog {
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
        /// The catalog reads no workbook: this takes the place of the global
        /// `--sheet` so its help does not offer one.
        #[arg(long, hide = true)]
        sheet: Option<String>,
    },
    /// Propose who staffs each project: the assignment, the lines left
    /// unfilled and why, hiring placeholders with their cost, and demand
    /// against capacity by quarter.
    Staff {
        file: PathBuf,
        /// Only this project.
        #[arg(long)]
        project: Option<String>,
        /// Staff as of this date (YYYY-MM-DD): who is on the team then, at
        /// what level (default today).
        #[arg(long, value_parser = history::parse_date)]
        as_of: Option<crate::model::Date>,
        #[arg(long, value_enum, default_value_t = staff::StaffFormat::Text)]
        format: staff::StaffFormat,
        /// Count on growth: a member whose target in a line's skill is due
        /// by the project's start counts at the target's level, marked
        /// where it is used.
        #[arg(long)]
        count_targets: bool,
        /// With CSV: people by weeks, each cell the projects that week.
        #[arg(long)]
        weeks: bool,
        /// Write the proposal here, atomically: .xlsx (a Proposal and a
        /// Weeks sheet) or .csv.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Replace a workspace's projects with those of a CSV (one row per
    /// skill a project needs: Project, Start, End, Priority, Skill, Level,
    /// People, FTE, or Role instead of Skill and Level).
    ImportProjects {
        projects: PathBuf,
        /// The roster or workspace the projects go into.
        #[arg(long)]
        into: PathBuf,
        /// Where to write the workspace (.skillgrid or .json); defaults to --into when it
        /// is a workspace.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Set development targets from a CSV or workbook of (member, skill,
    /// target, by[, note]): one target a member and skill, replacing any
    /// earlier one.
    ImportTargets {
        targets: PathBuf,
        /// The workspace the targets go into.
        #[arg(long)]
        into: PathBuf,
        /// Where to write the workspace; defaults to --into.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The day the targets were agreed (default today).
        #[arg(long, value_parser = history::parse_date)]
        set_on: Option<crate::model::Date>,
    },
    /// Add certifications from a CSV or workbook of (member,
    /// certification, issuer, skill, level, issued, expires).
    ImportCertifications {
        certifications: PathBuf,
        /// The workspace the certifications go into.
        #[arg(long)]
        into: PathBuf,
        /// Where to write the workspace; defaults to --into.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Add leave and other periods away from a CSV of (member, start, end,
    /// fraction, reason): 1 a whole day off, 0.5 half-time.
    ImportTimeoff {
        time_off: PathBuf,
        #[arg(long)]
        into: PathBuf,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Add public holidays from a calendar CSV of (location, date, name):
    /// members at that location do not work that day.
    ImportHolidays {
        holidays: PathBuf,
        #[arg(long)]
        into: PathBuf,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Each skill the projects or roles need, week by week: who can lead
    /// it with time free, and in the weeks it falls to one or nobody, why
    /// (leave, a holiday, booked elsewhere).
    Coverage {
        file: PathBuf,
        /// The first day to look at (default today).
        #[arg(long, value_parser = history::parse_date)]
        from: Option<crate::model::Date>,
        /// The last day (default 26 weeks on).
        #[arg(long, value_parser = history::parse_date)]
        to: Option<crate::model::Date>,
        /// Only this skill.
        #[arg(long)]
        skill: Option<String>,
        #[arg(long, value_enum, default_value_t = coverage::CoverageFormat::Text)]
        format: coverage::CoverageFormat,
    },
    /// A public career framework's levels as roles: an FT
    /// engineering-progression job family (YAML), a Monzo progression page
    /// (Markdown with front matter) or a levels x competencies grid (CSV or
    /// Excel). The preview is printed, then applied unless --dry-run.
    /// Re-importing updates its roles in place and lists what changed.
    ImportFramework {
        framework: PathBuf,
        #[arg(long)]
        into: PathBuf,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        choices: super::framework::FrameworkChoices,
    },
    /// Add or update roles in a workspace from a CSV of (role, skill,
    /// min level, importance).
    ImportRoles {
        /// The role requirements CSV.
        roles: PathBuf,
        /// The roster or workspace the roles go into.
        #[arg(long)]
        into: PathBuf,
        /// Where to write the workspace (.skillgrid or .json); defaults to --into when it
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
    /// An Excel workbook: the coloured matrix, then a sheet a table.
    Xlsx,
    /// The matrix as an SVG picture, in role-fit order.
    Svg,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TableArg {
    Coverage,
    Gaps,
    Fit,
    Hiring,
    Staffing,
    Stale,
    Bench,
    /// Ratings the team's commits contradict, and sole owners of code.
    Work,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
}
