//! The desktop app: window shell (menu, navigation, status bar, dialogs)
//! around one view per file. Views draw from `AppState` and change it only
//! through its methods, which keep the undo history and the caches right.

mod capacity;
mod diagnostics;
mod fit;
mod gaps;
mod hiring;
mod matrix;
mod roles;
mod shell;
mod staffing;
mod widgets;

use crate::app::{
    AppState, Document, FileIntent, JobResult, PlanFormat, Preferences, ThemeChoice, View,
};
use crate::io::Layout;
use eframe::egui;
use std::path::PathBuf;

pub use matrix::{cell_label, matrix_ui};

/// How the window was asked to start.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    pub path: Option<PathBuf>,
    pub view: Option<View>,
}

pub struct SkillgridApp {
    pub state: AppState,
    /// Opens native file dialogs; tests replace it so nothing blocks.
    pub dialogs: Box<dyn FileDialogs>,
    /// The window title last sent, so it is only sent when it changes.
    title: String,
}

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
                let path = match intent {
                    FileIntent::Open => dialog
                        .set_title("Open a workspace or roster")
                        .add_filter("Rosters and workspaces", &["csv", "tsv", "txt", "json"])
                        .pick_file(),
                    FileIntent::Import => dialog
                        .set_title("Import a roster CSV")
                        .add_filter("Roster CSV", &["csv", "tsv", "txt"])
                        .pick_file(),
                    FileIntent::SaveAs => dialog
                        .set_title("Save as")
                        .add_filter("Skillgrid workspace", &["json"])
                        .add_filter("Roster CSV", &["csv"])
                        .set_file_name(suggested.unwrap_or_else(|| "team.json".into()))
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
                    FileIntent::ImportProjects => dialog
                        .set_title("Import projects CSV")
                        .add_filter("Projects CSV", &["csv", "tsv", "txt"])
                        .pick_file(),
                    FileIntent::ExportProjects => dialog
                        .set_title("Export projects CSV")
                        .add_filter("Projects CSV", &["csv"])
                        .set_file_name(suggested.unwrap_or_else(|| "projects.csv".into()))
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

impl SkillgridApp {
    pub fn new(cc: &eframe::CreationContext<'_>, launch: Launch) -> SkillgridApp {
        let preferences: Preferences = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app =
            SkillgridApp::with_state(AppState::new(AppState::sample_document(), preferences));
        if let Some(view) = launch.view {
            app.state.view = view;
        }
        app.apply_preferences(&cc.egui_ctx);
        if let Some(store) = crate::app::RecoveryStore::platform() {
            app.state.use_recovery(store);
        }
        if let Some(path) = launch.path {
            let ctx = cc.egui_ctx.clone();
            app.state
                .start_open(path, FileIntent::Open, move || ctx.request_repaint());
        }
        app
    }

    /// An app around a ready state, with native dialogs.
    pub fn with_state(state: AppState) -> SkillgridApp {
        SkillgridApp {
            state,
            dialogs: Box::new(NativeDialogs),
            title: String::new(),
        }
    }

    fn apply_preferences(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.state.preferences.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
        ctx.set_zoom_factor(self.state.preferences.zoom);
    }

    pub fn ask_for_file(&mut self, ctx: &egui::Context, intent: FileIntent) {
        let suggested = Some(match intent {
            FileIntent::Export(Layout::Long) => format!("{}-long.csv", self.base_name()),
            FileIntent::Export(Layout::Wide) => format!("{}.csv", self.base_name()),
            FileIntent::ExportProjects => format!("{}-projects.csv", self.base_name()),
            FileIntent::ExportPlan(PlanFormat::Csv) => {
                format!("{}-hiring-plan.csv", self.base_name())
            }
            FileIntent::ExportPlan(PlanFormat::Html) => format!("{}-report.html", self.base_name()),
            _ => format!("{}.json", self.base_name()),
        });
        self.dialogs
            .pick(intent, suggested, self.state.sender.clone(), ctx.clone());
    }

    fn base_name(&self) -> String {
        let name = &self.state.document.name;
        let stem = name.split([' ', '.']).next().unwrap_or("team");
        if stem.is_empty() {
            "team".to_string()
        } else {
            stem.to_string()
        }
    }

    pub fn save(&mut self, ctx: &egui::Context) {
        if self.state.document.changed_on_disk() {
            self.state.confirm_overwrite = true;
            return;
        }
        self.save_over(ctx);
    }

    /// Saves where the document lives, even over a file changed on disk.
    pub fn save_over(&mut self, ctx: &egui::Context) {
        match self.state.document.path.clone() {
            Some(path) => {
                if let Err(message) = self.state.save_to(&path) {
                    self.state.notice = Some(message);
                }
            }
            None => self.ask_for_file(ctx, FileIntent::SaveAs),
        }
    }

    fn handle_job(&mut self, ctx: &egui::Context, result: JobResult) {
        match result {
            JobResult::Picked(_, None) => {}
            JobResult::DialogFailed(message) => self.state.notice = Some(message),
            JobResult::Picked(intent @ (FileIntent::Open | FileIntent::Import), Some(path)) => {
                let ctx = ctx.clone();
                self.state
                    .start_open(path, intent, move || ctx.request_repaint());
            }
            JobResult::Picked(FileIntent::ImportProjects, Some(path)) => {
                self.state.import_projects(&path);
            }
            JobResult::Picked(FileIntent::ExportProjects, Some(path)) => {
                if let Err(message) = self.state.export_projects(&path) {
                    self.state.notice = Some(format!("Could not export the projects: {message}"));
                }
            }
            JobResult::Picked(FileIntent::SaveAs, Some(path)) => {
                if let Err(message) = self.state.save_to(&path) {
                    self.state.notice = Some(message);
                }
            }
            JobResult::Picked(FileIntent::Export(layout), Some(path)) => {
                if let Err(message) = self.state.export_to(&path, layout) {
                    self.state.notice = Some(message);
                }
            }
            JobResult::Picked(FileIntent::ExportPlan(format), Some(path)) => {
                if let Err(message) = self.state.export_plan(&path, format) {
                    self.state.notice = Some(format!("Could not export the plan: {message}"));
                }
            }
            JobResult::Opened {
                path,
                intent,
                result,
            } => self.state.finish_open(&path, intent, *result),
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            let repaint = ctx.clone();
            self.state
                .start_open(path, FileIntent::Open, move || repaint.request_repaint());
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.state.document.is_dirty()
            && !self.state.closing
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.confirm_close = true;
        }
    }
}

impl eframe::App for SkillgridApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        for result in self.state.poll_jobs() {
            self.handle_job(&ctx, result);
        }
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);
        shell::shortcuts(self, &ctx);
        self.state.refresh();

        egui::Panel::top("menu").show(ui, |ui| shell::menu_bar_ui(self, ui));
        egui::Panel::bottom("status").show(ui, |ui| shell::status_bar_ui(&mut self.state, ui));
        if self.state.diagnostics_open && !self.state.diagnostics.is_empty() {
            egui::Panel::bottom("diagnostics")
                .resizable(true)
                .default_size(150.0)
                .show(ui, |ui| diagnostics::diagnostics_ui(&mut self.state, ui));
        }
        egui::Panel::left("navigation")
            .resizable(false)
            .default_size(150.0)
            .show(ui, |ui| shell::navigation_ui(&mut self.state, ui));
        egui::CentralPanel::default().show(ui, |ui| view_ui(self, ui));
        if let Some(wait) = self.state.maintain_recovery() {
            // A copy is due later: wake then, though nothing else happens.
            ctx.request_repaint_after(wait);
        }
        shell::recovery_dialog_ui(&mut self.state, &ctx);
        shell::close_dialog_ui(self, &ctx);
        shell::overwrite_dialog_ui(self, &ctx);
        shell::lossy_save_dialog_ui(self, &ctx);
        shell::drop_hint_ui(&ctx);
        let title = window_title(&self.state.document);
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(recovery) = &mut self.state.recovery {
            recovery.clean_exit();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.preferences.last_view = self.state.view;
        eframe::set_value(storage, eframe::APP_KEY, &self.state.preferences);
    }
}

/// The current view, with the data it draws brought up to date first
/// (cheap when nothing changed). The window's central panel.
pub fn view_ui(app: &mut SkillgridApp, ui: &mut egui::Ui) {
    app.state.refresh();
    if app.state.view != View::Matrix {
        let repaint = ui.ctx().clone();
        app.state
            .refresh_insights(move || repaint.request_repaint());
    }
    match app.state.view {
        View::Matrix => matrix::matrix_ui(&mut app.state, ui),
        View::Gaps => gaps::gaps_ui(&mut app.state, ui),
        View::Fit => fit::fit_ui(&mut app.state, ui),
        View::Hiring => hiring::hiring_ui(app, ui),
        View::Capacity => capacity::capacity_ui(&mut app.state, ui),
        View::Staffing => staffing::staffing_ui(app, ui),
        View::Roles => roles::roles_ui(&mut app.state, ui),
    }
}

/// Opens the window; returns when it closes.
pub fn run(launch: Launch) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Skillgrid")
            .with_app_id("skillgrid")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Skillgrid",
        options,
        Box::new(move |cc| Ok(Box::new(SkillgridApp::new(cc, launch)))),
    )
}

/// A workspace document for the window title.
pub fn window_title(document: &Document) -> String {
    format!(
        "{}{} - Skillgrid",
        if document.is_dirty() { "● " } else { "" },
        document.name
    )
}
