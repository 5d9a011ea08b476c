//! Files: every format Skillgrid reads and writes, a folder or file each,
//! each owning its reader, its writer and its header test.
//!
//! | format | lives in |
//! | --- | --- |
//! | bytes: bounded reads, atomic writes, what kind a file is | `file/` |
//! | text tables: decoding, delimited rows, shared cells | `text/` |
//! | workbook sheets as text tables, bounds while inflating | `workbook/` |
//! | the workspace: `.skillgrid` SQLite, JSON, recovery copy | `workspace/` |
//! | rosters: CSV (wide and long), workbook, exports | `roster/` |
//! | career frameworks: FT, Monzo, grid, mapping onto roles | `framework/` |
//! | self-assessment forms: blank and returned | `forms/` |
//! | role requirements | `roles.rs` |
//! | projects | `projects.rs` |
//! | development targets and certifications | `development.rs` |
//! | time off and holiday calendars | `time_off.rs` |
//! | opening and saving a document by its name | `document.rs` |
//! | what a save leaves out, in words | `omissions.rs` |
//! | work evidence from git repositories, paths to skills | `evidence/` |
//! | messages naming the file, line and cell | `diag.rs` |
//!
//! Nothing here knows egui. Every import is a transaction: it returns a
//! new value or the errors, and never changes what is open.

mod development;
mod diag;
mod document;
mod evidence;
mod file;
mod forms;
mod framework;
mod omissions;
mod projects;
mod roles;
mod roster;
mod text;
mod time_off;
mod workbook;
mod workspace;

pub use development::{
    ForMembers, import_certifications_csv, import_targets_csv, read_certifications, read_targets,
};
pub use diag::{Diagnostic, ImportFailure, Imported, Severity};
pub use document::{
    Contents, json_size_estimate, open_path, open_path_in, open_path_mapped, open_path_read,
    open_path_sheet, open_path_tracked, save_path, workbook_contents,
};
pub use evidence::{
    EvidenceError, PathMap, PathRule, ReadOptions, area_of, read_options, read_repository,
};
pub use file::{
    FileKind, MAX_FILE_BYTES, MAX_JSON_BYTES, Progress, SILENCE_LIMIT, SaveError, SaveStep, Saved,
    content_hash, display_name, limit_for, mark_process_start, read_file, read_file_tracked,
    write_atomic, write_atomic_checked, write_atomic_private,
};
pub use forms::{
    FORM_HEADER, FormReturn, FormRow, form_csv, form_file_name, form_rows, form_workbook,
    prepare_form, read_form_return,
};
pub use framework::{
    ChangeKind, Expectation, FT_PROFICIENCY, Framework, FrameworkFormat, FrameworkLevel,
    FrameworkPreview, FrameworkTheme, RoleChange, ScaleStep, Strength, Suggestion, ThemeMatch,
    looks_like_monzo, read_framework, read_ft, read_grid, read_monzo, spread_level, tally,
    track_words,
};
pub use omissions::{
    not_written_sentence, projects_csv_leaves_out, roster_csv_leaves_out, roster_file_holds,
};
pub use projects::{
    export_projects_csv, import_projects_csv, import_projects_workbook, looks_like_projects_csv,
    read_projects,
};
pub use roles::{
    RoleRequirements, RolesImport, apply_roles, import_roles_csv, import_roles_workbook,
    looks_like_roles_csv, read_roles,
};
pub use roster::{
    ExportOptions, Layout, PlannedColumn, RosterPreview, RosterSheets, add_matrix_sheets,
    export_roster, export_workbook, import_roster, import_roster_mapped, import_roster_sheet,
    import_roster_sheet_mapped, import_roster_with, import_roster_workbook, is_excel_error,
    preview_roster, preview_roster_file, read_column_map, roster_or_choice, skill_header,
    sniff_roster, write_column_map,
};
pub use text::{NumberError, neutralise_text, parse_share, restore_text};
pub use time_off::{import_holidays_csv, import_time_off_csv, read_holidays, read_time_off};
pub use workbook::{column_letters, new_workbook};
pub use workspace::{
    APPLICATION_ID, DATABASE_VERSION, ReadDatabase, database_revision, decode_history,
    encode_history, is_database, read_compact, read_database, update_database, workspace_from_json,
    workspace_to_json, write_compact, write_database, write_database_private,
};
