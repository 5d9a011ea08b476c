//! Files that add to the open document, one `ImportKind` each: its words
//! and the files its dialog offers. The file dialog, drag and drop and the
//! menu all reach `Command::Import`, applied in one arm a kind in
//! `state/imports.rs`; the command line reaches the same `io` reader. A
//! new kind is a variant here, its arm, its reader in `io`, and a
//! subcommand in `cli`.

/// What a picked or dropped file adds to the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// Replaces the workspace's projects.
    Projects,
    Targets,
    Certifications,
    /// Previewed before its levels become roles.
    Framework,
    TimeOff,
    Holidays,
}

/// Table files a manager keeps: CSV in its variants, and workbooks.
const TABLES: &[&str] = &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];
const FRAMEWORKS: &[&str] = &[
    "yml", "yaml", "md", "csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods",
];

impl ImportKind {
    /// The File menu's item.
    pub fn menu_label(self) -> &'static str {
        match self {
            ImportKind::Projects => "Projects (CSV or Excel)…",
            ImportKind::Targets => "Development targets…",
            ImportKind::Certifications => "Certifications…",
            ImportKind::Framework => "Career framework…",
            ImportKind::TimeOff => "Time off…",
            ImportKind::Holidays => "Public holidays…",
        }
    }

    /// What the item does, for its tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            ImportKind::Projects => {
                "Replaces the projects with a CSV or workbook of project, start, end and priority"
            }
            ImportKind::Targets => {
                "Adds targets from a CSV or workbook of member, skill, target and by"
            }
            ImportKind::Certifications => {
                "Adds certificates from a CSV or workbook of member and certification"
            }
            ImportKind::Framework => {
                "Reads an FT YAML, a Monzo page or a levels x competencies grid; nothing changes \
                 until the preview is applied"
            }
            ImportKind::TimeOff => "Adds leave from a CSV or workbook of member, start and end",
            ImportKind::Holidays => "Adds a calendar from a CSV or workbook of location and date",
        }
    }

    /// The file dialog's title.
    pub fn dialog_title(self) -> &'static str {
        match self {
            ImportKind::Projects => "Import projects",
            ImportKind::Targets => "Import development targets",
            ImportKind::Certifications => "Import certifications",
            ImportKind::Framework => "Import a career framework",
            ImportKind::TimeOff => "Import time off (member, start, end, fraction, reason)",
            ImportKind::Holidays => "Import public holidays (location, date, name)",
        }
    }

    /// The file dialog's filter: its name and extensions.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            ImportKind::Projects => ("Projects CSV or Excel", TABLES),
            ImportKind::Targets => ("Targets CSV or Excel (member, skill, target, by)", TABLES),
            ImportKind::Certifications => ("Certifications CSV or Excel", TABLES),
            ImportKind::Framework => (
                "Framework (FT YAML, Monzo Markdown, grid CSV or Excel)",
                FRAMEWORKS,
            ),
            ImportKind::TimeOff => ("Time off CSV or Excel", TABLES),
            ImportKind::Holidays => ("Holiday calendar CSV or Excel", TABLES),
        }
    }
}
