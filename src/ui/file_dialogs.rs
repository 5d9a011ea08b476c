//! The native file dialogs (rfd), behind a trait so tests never open one:
//! each dialog runs on its own thread and answers as a `JobResult`.

use crate::app::{FileIntent, JobResult, PlanFormat};
use eframe::egui;

/// Native file dialogs, behind a trait so tests never open one.
pub trait FileDialogs {
    /// Asks for a file for `intent` off the UI thread; the answer arrives
    /// as `JobResult::Picked` on `sender`.
    fn pick(
        &self,
        intent: FileIntent,
        suggested: Option<String>,
        sender: std::sync::mpsc::Sender<JobResult>,
        ctx: egui::Context,
    );
}

/// rfd's dialogs, each on its own thread so the window keeps drawing.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick(
        &self,
        intent: FileIntent,
        suggested: Option<String>,
        sender: std::sync::mpsc::Sender<JobResult>,
        ctx: egui::Context,
    ) {
        if let Some(missing) = no_dialog_reason() {
            let _ = sender.send(JobResult::DialogFailed(missing));
            ctx.request_repaint();
            return;
        }
        let failed = sender.clone();
        let spawned = std::thread::Builder::new()
            .name("skillgrid-dialog".into())
            .spawn(move || {
                let dialog = rfd::FileDialog::new();
                if intent == FileIntent::ImportForms {
                    let files = dialog
                        .set_title("Import filled self-assessment forms")
                        .add_filter(
                            "Forms (Excel or CSV)",
                            &["xlsx", "xlsm", "xls", "ods", "csv"],
                        )
                        .pick_files()
                        .unwrap_or_default();
                    let _ = sender.send(JobResult::PickedMany(intent, files));
                    ctx.request_repaint();
                    return;
                }
                let path = match intent {
                    FileIntent::Open => dialog
                        .set_title("Open a workspace or roster")
                        .add_filter(
                            "Workspaces and rosters",
                            &[
                                "skillgrid",
                                "json",
                                "csv",
                                "tsv",
                                "txt",
                                "xlsx",
                                "xlsm",
                                "xls",
                                "ods",
                            ],
                        )
                        .pick_file(),
                    FileIntent::ImportRoster | FileIntent::PickRound | FileIntent::Round { .. } => {
                        dialog
                            .set_title(if intent == FileIntent::ImportRoster {
                                "Import a roster"
                            } else {
                                "Import a roster as a new round"
                            })
                            .add_filter(
                                "Roster CSV or Excel",
                                &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"],
                            )
                            .pick_file()
                    }
                    FileIntent::SaveAs => dialog
                        .set_title("Save as")
                        .add_filter("Skillgrid workspace", &["skillgrid"])
                        .add_filter("JSON workspace (for scripts)", &["json"])
                        .add_filter("Roster CSV", &["csv"])
                        .set_file_name(suggested.unwrap_or_else(|| "team.skillgrid".into()))
                        .save_file(),
                    FileIntent::ExportPlan(PlanFormat::Csv) => dialog
                        .set_title("Export the hiring plan")
                        .add_filter("CSV", &["csv"])
                        .set_file_name(suggested.unwrap_or_else(|| "hiring-plan.csv".into()))
                        .save_file(),
                    FileIntent::ExportPlan(PlanFormat::Html) => dialog
                        .set_title("Export the report")
                        .add_filter("HTML", &["html"])
                        .set_file_name(suggested.unwrap_or_else(|| "report.html".into()))
                        .save_file(),
                    FileIntent::Import(kind) => {
                        let (name, extensions) = kind.filter();
                        dialog
                            .set_title(kind.dialog_title())
                            .add_filter(name, extensions)
                            .pick_file()
                    }
                    FileIntent::ExportProjects => dialog
                        .set_title("Export projects CSV")
                        .add_filter("Projects CSV", &["csv"])
                        .set_file_name(suggested.unwrap_or_else(|| "projects.csv".into()))
                        .save_file(),
                    FileIntent::ExportWorkbook => dialog
                        .set_title("Export the matrix as an Excel workbook")
                        .add_filter("Excel workbook", &["xlsx"])
                        .set_file_name(suggested.unwrap_or_else(|| "team.xlsx".into()))
                        .save_file(),
                    FileIntent::SendForms => dialog
                        .set_title("Choose a folder for the self-assessment forms")
                        .pick_folder(),
                    FileIntent::ImportForms => None,
                    FileIntent::PickRepository => dialog
                        .set_title("Choose a repository to read work evidence from")
                        .pick_folder(),
                    FileIntent::PickEvidenceMap => dialog
                        .set_title("Choose a map of paths to skills")
                        .add_filter("YAML map", &["yml", "yaml"])
                        .pick_file(),
                    FileIntent::ExportSvg => dialog
                        .set_title("Export the matrix as a picture")
                        .add_filter("SVG picture", &["svg"])
                        .set_file_name(suggested.unwrap_or_else(|| "skills-matrix.svg".into()))
                        .save_file(),
                    FileIntent::ExportStaffing => dialog
                        .set_title("Export the staffing proposal")
                        .add_filter("Excel workbook", &["xlsx"])
                        .set_file_name(suggested.unwrap_or_else(|| "staffing.xlsx".into()))
                        .save_file(),
                    FileIntent::SaveColumnMap => dialog
                        .set_title("Save the column mapping (for --map)")
                        .add_filter("Mapping CSV", &["csv"])
                        .set_file_name(suggested.unwrap_or_else(|| "columns.csv".into()))
                        .save_file(),
                    FileIntent::Export(_) => dialog
                        .set_title("Export roster CSV")
                        .add_filter("Roster CSV", &["csv", "tsv"])
                        .set_file_name(suggested.unwrap_or_else(|| "team.csv".into()))
                        .save_file(),
                };
                let _ = sender.send(JobResult::Picked(intent, path));
                ctx.request_repaint();
            });
        if let Err(error) = spawned {
            let _ = failed.send(JobResult::DialogFailed(format!(
                "Could not open a file dialog: {error}"
            )));
        }
    }
}

/// Why no native file dialog can open here, where that can be told in
/// advance: on Linux rfd needs a desktop portal (over D-Bus) or zenity,
/// and with neither it returns as if the user had cancelled.
fn no_dialog_reason() -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    (!bus && !zenity).then(|| {
        "No file dialog can open: this desktop has no file-chooser portal and zenity is not \
         installed. Drop a file on the window, or install zenity (apt install zenity)."
            .to_string()
    })
}
