//! The guide (F1, Help > Guide and shortcuts): the few ideas the views rest
//! on, what each view answers, and every keyboard shortcut, read from the
//! same constants and commands the program uses so it cannot drift.

use super::ViewCtx;
use super::menu::MenuCommand;
use crate::analysis::FIT_FORMULA;
use crate::app::{Command, View};
use eframe::egui::{self, RichText};

pub fn guide_window_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    if !view.state.guide_open() {
        return;
    }
    let mut open = true;
    let settings = &view.state.workspace().settings;
    egui::Window::new("Guide and shortcuts")
        .id(egui::Id::unique("guide"))
        .open(&mut open)
        .default_width(560.0)
        .default_height(520.0)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading("Ideas");
                let scale = &settings.scale;
                let words: Vec<String> = crate::model::Level::ALL
                    .iter()
                    .map(|level| format!("{} {}", level.get(), scale.word(*level)))
                    .collect();
                concept(
                    ui,
                    "Levels",
                    &format!("{}; blank is not assessed, never 0.", words.join(", ")),
                );
                concept(
                    ui,
                    "Can lead",
                    &format!(
                        "Level {} or more. The row under the skill names counts who can; \
                         orange when one person or nobody can.",
                        settings.lead_level.get()
                    ),
                );
                concept(
                    ui,
                    "Bench depth",
                    &format!(
                        "How many people should be able to lead each required skill: {}.",
                        settings.bench_depth
                    ),
                );
                concept(ui, "Fit", FIT_FORMULA);
                concept(
                    ui,
                    "Rating of record",
                    "A cell's level is the latest rating by a manager or an import. A self or \
                     peer rating counts once you accept it in Review; a level resting only on \
                     a lapsed certificate does not count from the day after it lapses.",
                );
                concept(
                    ui,
                    "Members over time",
                    "People join and leave on dated days (member menu > Left on…); from the \
                     day they leave they are out of every count, and the history keeps them.",
                );
                ui.add_space(8.0);
                ui.heading("Views");
                egui::Grid::new("guide-views")
                    .num_columns(2)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        for shown in View::ALL {
                            if ui.link(shown.label()).clicked() {
                                view.commands.send(Command::ShowView(shown));
                            }
                            ui.label(shown.question());
                            ui.end_row();
                        }
                    });
                ui.add_space(8.0);
                ui.heading("Keys");
                egui::Grid::new("guide-keys")
                    .num_columns(2)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        for item in MenuCommand::all() {
                            for keys in item.shortcuts() {
                                ui.label(RichText::new(ctx.format_shortcut(keys)).monospace());
                                ui.label(item.label().trim_end_matches('…'));
                                ui.end_row();
                            }
                        }
                        for (keys, what) in [
                            ("Arrows", "Move between cells in the matrix"),
                            ("0-4", "Rate the selected cell"),
                            ("Delete", "Clear the selected cell (not assessed)"),
                            ("+", "Mark interest in the selected skill"),
                        ] {
                            ui.label(RichText::new(keys).monospace());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
            });
        });
    if !open {
        view.send(Command::ToggleGuide);
    }
}

fn concept(ui: &mut egui::Ui, name: &str, text: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(name).strong());
        ui.label(text);
    });
}
