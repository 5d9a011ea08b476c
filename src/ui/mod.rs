//! The desktop app: window shell (menu, navigation, status bar, dialogs)
//! around one view per file. Views draw from `AppState` and change it only
//! through its methods, which keep the undo history and the caches right.

mod capacity;
mod context;
mod development;
mod diagnostics;
mod dialogs;
mod evidence;
mod file_dialogs;
mod fit;
mod framework;
mod gaps;
mod guide;
mod hiring;
mod import_preview;
mod matrix;
mod menu;
mod overview;
mod people;
mod review;
mod roles;
mod scenarios;
mod shell;
mod staffing;
mod theme;
mod time_off;
mod timeline;
mod who;
mod widgets;

use crate::app::{
    AppState, Command, Document, FileIntent, ImportKind, JobResult, PlanFormat, Preferences,
    ThemeChoice, View, ViewSelection,
};
use crate::io::Layout;
use eframe::egui;
use std::path::PathBuf;

pub use context::{Commands, UiCommand, ViewCtx};
pub use file_dialogs::{FileDialogs, NativeDialogs};
pub use matrix::cell_label;
pub use menu::MenuCommand;
pub use theme::{MIN_CONTRAST, backgrounds, contrast, make_readable};

/// How the window was asked to start.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    pub path: Option<PathBuf>,
    pub view: Option<View>,
}

/// A framework's YAML or Markdown: a ladder to preview, not a roster.
fn is_framework_file(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "yml" | "yaml" | "md"))
}

pub struct SkillgridApp {
    state: AppState,
    /// What the views have selected and typed: their own state.
    pub selection: ViewSelection,
    /// Opens native file dialogs; tests replace it so nothing blocks.
    pub dialogs: Box<dyn FileDialogs>,
    /// The window title last sent, so it is only sent when it changes.
    title: String,
    /// Whether the readable text colours are set on the context yet.
    styled: bool,
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
            app.state.apply(Command::ShowView(view));
        }
        app.apply_preferences(&cc.egui_ctx);
        if let Some(store) = crate::app::RecoveryStore::platform() {
            app.state.use_recovery(store);
        }
        if let Some(path) = launch.path {
            if is_framework_file(&path) {
                app.state
                    .apply(Command::Import(ImportKind::Framework, path));
            } else {
                let ctx = cc.egui_ctx.clone();
                app.state
                    .start_open(path, FileIntent::Open, move || ctx.request_repaint());
            }
        }
        app
    }

    /// An app around a ready state, with native dialogs.
    pub fn with_state(state: AppState) -> SkillgridApp {
        SkillgridApp {
            state,
            selection: ViewSelection::default(),
            dialogs: Box::new(NativeDialogs),
            title: String::new(),
            styled: false,
        }
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// For start-up and tests, which set the state up before the window.
    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.state
    }

    fn apply_preferences(&self, ctx: &egui::Context) {
        let preferences = self.state.preferences();
        ctx.set_theme(match preferences.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
        ctx.set_zoom_factor(preferences.zoom);
        ctx.all_styles_mut(|style| theme::make_readable(&mut style.visuals));
    }

    fn ask_for_file(&mut self, ctx: &egui::Context, intent: FileIntent) {
        let suggested = Some(match intent {
            FileIntent::Export(Layout::Long) => format!("{}-long.csv", self.base_name()),
            FileIntent::Export(Layout::Wide) => format!("{}.csv", self.base_name()),
            FileIntent::ExportProjects => format!("{}-projects.csv", self.base_name()),
            FileIntent::ExportStaffing => format!("{}-staffing.xlsx", self.base_name()),
            FileIntent::ExportWorkbook => format!("{}.xlsx", self.base_name()),
            FileIntent::ExportPlan(PlanFormat::Csv) => {
                format!("{}-hiring-plan.csv", self.base_name())
            }
            FileIntent::ExportPlan(PlanFormat::Html) => format!("{}-report.html", self.base_name()),
            _ => format!("{}.skillgrid", self.base_name()),
        });
        self.dialogs
            .pick(intent, suggested, self.state.sender().clone(), ctx.clone());
    }

    fn base_name(&self) -> String {
        let name = &self.state.document().name;
        let stem = name.split([' ', '.']).next().unwrap_or("team");
        if stem.is_empty() {
            "team".to_string()
        } else {
            stem.to_string()
        }
    }

    /// The one place commands are applied: the window's own here, the
    /// rest by `AppState::apply`, whose outcome the views' selection follows.
    pub fn run(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::State(command) => {
                let preferences = matches!(command, Command::SetPreferences(_));
                let outcome = self.state.apply(command);
                self.selection.follow(&outcome, self.state.workspace());
                if preferences {
                    self.apply_preferences(ctx);
                }
            }
            UiCommand::AskForFile(intent) => self.ask_for_file(ctx, intent),
            UiCommand::Save => {
                let document = self.state.document();
                if document.changed_on_disk() {
                    self.state.apply(Command::AskToOverwrite);
                } else if document.path.is_some() {
                    self.state.apply(Command::SaveOver);
                } else {
                    self.ask_for_file(ctx, FileIntent::SaveAs);
                }
            }
            UiCommand::Open(path, intent) => {
                let repaint = ctx.clone();
                self.state
                    .start_open(path, intent, move || repaint.request_repaint());
            }
            UiCommand::OpenSheet(path, intent, sheet) => {
                let repaint = ctx.clone();
                self.state
                    .start_open_sheet(path, intent, Some(sheet), move || repaint.request_repaint());
            }
            UiCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            UiCommand::AddMember => {
                self.selection.person = Some(crate::app::PersonInputs {
                    member: None,
                    details: crate::model::MemberDetails {
                        fte: "1".into(),
                        ..Default::default()
                    },
                    on: self.state.today(),
                });
            }
            UiCommand::SaveAndClose => {
                self.run(ctx, UiCommand::Save);
                if !self.state.document().is_dirty() {
                    self.run(ctx, UiCommand::CloseWithoutSaving);
                }
                self.state.apply(Command::CancelClose);
            }
            UiCommand::CloseWithoutSaving => {
                self.state.apply(Command::CloseAnyway);
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Derived data and caches brought up to date before drawing, so the
    /// views only read them.
    fn prepare_frame(&mut self, ctx: &egui::Context) {
        self.state.refresh();
        if self.state.view() != View::Matrix {
            let repaint = ctx.clone();
            self.state
                .refresh_insights(move || repaint.request_repaint());
        }
        self.state.prepare_caches(
            self.selection.people.member,
            &self.selection.people.member_query,
        );
    }

    /// One frame of the current view alone, its commands applied after:
    /// what the frame benchmarks measure.
    pub fn view_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.prepare_frame(&ctx);
        let mut commands = Commands::default();
        view_ui(
            &mut ViewCtx {
                state: &self.state,
                selection: &mut self.selection,
                commands: &mut commands,
            },
            ui,
        );
        for command in commands.taken() {
            self.run(&ctx, command);
        }
    }

    fn handle_job(&mut self, ctx: &egui::Context, result: JobResult) {
        let command: UiCommand = match result {
            JobResult::Picked(_, None) => return,
            JobResult::DialogFailed(message) => Command::Notice(message).into(),
            // A roster table is shown as it would import first.
            JobResult::Picked(
                intent @ (FileIntent::ImportRoster | FileIntent::Round { .. }),
                Some(path),
            ) if crate::app::previews(&path) => Command::PreviewImport(path, intent).into(),
            JobResult::Picked(
                intent @ (FileIntent::Open | FileIntent::ImportRoster | FileIntent::Round { .. }),
                Some(path),
            ) => UiCommand::Open(path, intent),
            JobResult::Picked(FileIntent::SaveColumnMap, Some(path)) => {
                Command::SaveColumnMap(path).into()
            }
            JobResult::Picked(FileIntent::PickRound, Some(path)) => Command::AskRound(path).into(),
            JobResult::Picked(FileIntent::PickRepository, Some(path)) => {
                Command::SetEvidenceRepository(path).into()
            }
            JobResult::Picked(FileIntent::PickEvidenceMap, Some(path)) => {
                Command::SetEvidenceMap(path).into()
            }
            JobResult::Picked(FileIntent::Import(kind), Some(path)) => {
                Command::Import(kind, path).into()
            }
            JobResult::Picked(FileIntent::ExportProjects, Some(path)) => {
                Command::ExportProjects(path).into()
            }
            JobResult::Picked(FileIntent::ExportStaffing, Some(path)) => {
                Command::ExportStaffing(path).into()
            }
            JobResult::Picked(FileIntent::SaveAs, Some(path)) => Command::SaveTo(path).into(),
            JobResult::Picked(FileIntent::Export(layout), Some(path)) => {
                Command::Export(path, layout).into()
            }
            JobResult::Picked(FileIntent::ExportWorkbook, Some(path)) => {
                Command::Export(path, Layout::Wide).into()
            }
            JobResult::Picked(FileIntent::SendForms, Some(folder)) => {
                Command::WriteForms(folder).into()
            }
            JobResult::Picked(FileIntent::ImportForms, _) => return,
            JobResult::PickedMany(_, files) if files.is_empty() => return,
            JobResult::PickedMany(_, files) => Command::ImportForms(files).into(),
            JobResult::Picked(FileIntent::ExportSvg, Some(path)) => {
                Command::ExportPicture(path).into()
            }
            JobResult::Picked(FileIntent::ExportPlan(format), Some(path)) => {
                Command::ExportPlan(path, format).into()
            }
            JobResult::ChooseSheet(request) => {
                self.selection.import.sheet = 0;
                Command::AskSheet(request).into()
            }
            JobResult::Opened {
                path,
                intent,
                result,
                revision,
            } => {
                if self.state.finish_open_at(&path, intent, *result, revision) {
                    self.selection = ViewSelection::default();
                }
                return;
            }
        };
        self.run(ctx, command);
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
            if is_framework_file(&path) {
                self.run(ctx, Command::Import(ImportKind::Framework, path).into());
            } else {
                self.run(ctx, UiCommand::Open(path, FileIntent::Open));
            }
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.state.document().is_dirty()
            && !self.state.closing()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.apply(Command::AskToClose);
        }
    }
}

impl eframe::App for SkillgridApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if !self.styled {
            ctx.all_styles_mut(|style| theme::make_readable(&mut style.visuals));
            self.styled = true;
        }
        for result in self.state.poll_jobs() {
            self.handle_job(&ctx, result);
        }
        self.handle_dropped_files(&ctx);
        self.handle_close_request(&ctx);
        self.prepare_frame(&ctx);

        let mut commands = Commands::default();
        shell::shortcuts(&ctx, &mut commands);
        {
            let mut view = ViewCtx {
                state: &self.state,
                selection: &mut self.selection,
                commands: &mut commands,
            };
            egui::Panel::top("menu").show(ui, |ui| shell::menu_bar_ui(&mut view, ui));
            egui::Panel::bottom("status").show(ui, |ui| shell::status_bar_ui(&mut view, ui));
            if view.state.diagnostics_open() && !view.state.diagnostics().is_empty() {
                egui::Panel::bottom("diagnostics")
                    .resizable(true)
                    .default_size(150.0)
                    .show(ui, |ui| diagnostics::diagnostics_ui(&mut view, ui));
            }
            egui::Panel::left("navigation")
                .resizable(false)
                .default_size(150.0)
                .show(ui, |ui| shell::navigation_ui(&mut view, ui));
            egui::CentralPanel::default().show(ui, |ui| view_ui(&mut view, ui));
            dialogs::recovery_dialog_ui(&mut view, &ctx);
            dialogs::close_dialog_ui(&mut view, &ctx);
            dialogs::overwrite_dialog_ui(&mut view, &ctx);
            dialogs::round_dialog_ui(&mut view, &ctx);
            matrix::leaver_dialog_ui(&mut view, &ctx);
            dialogs::sheet_dialog_ui(&mut view, &ctx);
            development::target_dialog_ui(&mut view, &ctx);
            development::certifications_dialog_ui(&mut view, &ctx);
            time_off::time_off_dialog_ui(&mut view, &ctx);
            framework::framework_dialog_ui(&mut view, &ctx);
            who::who_panel_ui(&mut view, &ctx);
            guide::guide_window_ui(&mut view, &ctx);
            people::person_dialog_ui(&mut view, &ctx);
            import_preview::import_preview_ui(&mut view, &ctx);
            evidence::evidence_dialog_ui(&mut view, &ctx);
            dialogs::lossy_save_dialog_ui(&mut view, &ctx);
        }
        shell::drop_hint_ui(&ctx);
        if !commands.is_empty() {
            // The frame drew the state before its commands: draw the after.
            ctx.request_repaint();
        }
        for command in commands.taken() {
            self.run(&ctx, command);
        }
        if !self.state.caches_match(
            self.selection.people.member,
            &self.selection.people.member_query,
        ) {
            // A view picked a member or typed a search: draw its result.
            ctx.request_repaint();
        }
        if self.state.export_waiting()
            || self.state.preview_waiting()
            || self.state.evidence_waiting()
            || self.state.scenarios_waiting()
        {
            // Its analysis arrives on a worker: look again shortly.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some(wait) = self.state.maintain_recovery() {
            // A copy is due later: wake then, though nothing else happens.
            ctx.request_repaint_after(wait);
        }
        let title = window_title(self.state.document());
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(recovery) = self.state.recovery_mut() {
            recovery.clean_exit();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let mut preferences = self.state.preferences().clone();
        preferences.last_view = self.state.view();
        eframe::set_value(storage, eframe::APP_KEY, &preferences);
    }
}

/// The current view. The window's central panel.
pub fn view_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    match view.state.view() {
        View::Overview => overview::overview_ui(view, ui),
        View::Matrix => matrix::matrix_ui(view, ui),
        View::Gaps => gaps::gaps_ui(view, ui),
        View::Fit => fit::fit_ui(view, ui),
        View::Hiring => hiring::hiring_ui(view, ui),
        View::Capacity => capacity::capacity_ui(view, ui),
        View::Staffing => staffing::staffing_ui(view, ui),
        View::Timeline => timeline::timeline_ui(view, ui),
        View::Scenarios => scenarios::scenarios_ui(view, ui),
        View::Review => review::review_ui(view, ui),
        View::Roles => roles::roles_ui(view, ui),
    }
}

/// The window's icon: the 256 px render of `assets/icons/skillgrid.svg`.
pub fn window_icon() -> egui::IconData {
    const PNG: &[u8] = include_bytes!("../../assets/icons/hicolor/256x256/apps/skillgrid.png");
    // The PNG is built into the binary and checked by a test.
    eframe::icon_data::from_png_bytes(PNG).unwrap_or_default()
}

/// Opens the window; returns when it closes.
pub fn run(launch: Launch) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Skillgrid")
            .with_app_id("skillgrid")
            .with_icon(window_icon())
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
