//! The window's questions: unsaved changes on close, a round's date, a
//! workbook's sheet, crash recovery, a file changed on disk, and a save
//! that would leave part of the document out. Each answer is a command.

use super::{UiCommand, ViewCtx};
use crate::app::{Command, FileIntent};
use eframe::egui;

pub fn close_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    if !view.state.confirm_close() {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("confirm-close")).show(ctx, |ui| {
        ui.set_width(360.0);
        ui.heading("Save changes before closing?");
        ui.label(format!(
            "{} has changes that are not saved. They will be lost if you close without saving.",
            view.state.document().name
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                view.send(UiCommand::SaveAndClose);
            }
            if ui.button("Close without saving").clicked() {
                view.send(UiCommand::CloseWithoutSaving);
            }
            if ui.button("Cancel").clicked() {
                view.send(Command::CancelClose);
            }
        });
    });
    if modal.should_close() {
        view.send(Command::CancelClose);
    }
}

/// A roster picked to import as a round: on what date, rated by whom.
pub fn round_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(path) = view.state.round_request() else {
        return;
    };
    let path = path.to_path_buf();
    let today = view.state.today();
    let form = &mut view.selection.import.round;
    let as_of = form.as_of.get_or_insert(today);
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("import-round")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Import a roster as a new round");
        ui.label(format!(
            "Each level in {} that differs from the current one is recorded as an \
             assessment on this date, and each change of FTE, role, team, manager or \
             location as of it. Members are matched by email, then name; new members join \
             on this date.",
            crate::app::file_name(&path)
        ));
        ui.add_space(6.0);
        egui::Grid::new("round-fields")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Assessed on");
                ui.add(
                    egui_extras::DatePickerButton::new(as_of)
                        .id_salt("round-date")
                        .show_icon(false),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Rated by");
                egui::ComboBox::from_id_salt("round-rater")
                    .selected_text(form.rater.as_str())
                    .show_ui(ui, |ui| {
                        for rater in crate::model::Rater::ALL {
                            ui.selectable_value(&mut form.rater, rater, rater.as_str());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            });
        ui.checkbox(
            &mut form.leavers,
            "Members missing from the round left on this date",
        )
        .on_hover_text("Unticked, they are kept as they are and listed");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Import round").clicked() {
                let intent = FileIntent::Round {
                    as_of: *as_of,
                    rater: form.rater,
                    leavers: form.leavers,
                };
                // A roster table is shown as it would import first.
                answer = Some(if crate::app::previews(&path) {
                    Command::PreviewImport(path.clone(), intent).into()
                } else {
                    UiCommand::Open(path.clone(), intent)
                });
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Command::CancelRound.into());
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Command::CancelRound.into());
    }
    if let Some(answer) = answer {
        view.send(answer);
    }
}

/// A workbook with several sheets that could be the roster: which to read.
pub fn sheet_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(request) = view.state.sheet_request().cloned() else {
        return;
    };
    let chosen = &mut view.selection.import.sheet;
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("choose-sheet")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading("Which sheet is the roster?");
        ui.label(format!(
            "{} has {} sheets with a Name column. Pick the one to read; the others are left \
             as they are.",
            crate::app::file_name(&request.path),
            request.sheets.len()
        ));
        ui.add_space(6.0);
        for (index, (name, rows)) in request.sheets.iter().enumerate() {
            let rows = crate::words::count_of(*rows, "row", "rows");
            ui.radio_value(chosen, index, format!("{name} ({rows})"));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Open sheet").clicked()
                && let Some((name, _)) = request.sheets.get(*chosen)
            {
                answer = Some(UiCommand::OpenSheet(
                    request.path.clone(),
                    request.intent,
                    name.clone(),
                ));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(Command::CancelSheet.into());
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Command::CancelSheet.into());
    }
    if let Some(answer) = answer {
        view.send(answer);
    }
}

/// After a crash: offer the unsaved work back, every copy that was left.
pub fn recovery_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let offers = view.state.recovery_offers();
    if offers.is_empty() {
        return;
    }
    let mut answer = None;
    let now = std::time::SystemTime::now();
    egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Restore unsaved work?");
        let several = offers.len() > 1;
        if several {
            ui.label(format!(
                "Skillgrid closed without saving {} documents. Restore one here; the others \
                 stay and are offered again at the next start.",
                offers.len()
            ));
        }
        for offer in offers {
            let info = &offer.info;
            ui.separator();
            ui.label(format!(
                "Skillgrid closed without saving {}. A copy with {} was kept {}.",
                info.name,
                crate::words::count_of(info.changes, "unsaved change", "unsaved changes"),
                info.age(now)
            ));
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    answer = Some(Command::RestoreRecovery(offer.key.clone()));
                }
                if ui.button("Discard").clicked() {
                    answer = Some(Command::DiscardRecovery(offer.key.clone()));
                }
            });
        }
        if several {
            ui.separator();
            if ui.button("Decide later").clicked() {
                answer = Some(Command::KeepRecoveryForLater);
            }
        }
    });
    if let Some(command) = answer {
        view.send(command);
    }
}

/// Save found the file changed by something else since it was opened.
pub fn overwrite_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    if !view.state.confirm_overwrite() {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("confirm-overwrite")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading("The file changed on disk");
        ui.label(format!(
            "{} was changed by another program since you opened it. Saving here replaces those changes with yours.",
            view.state.document().name
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Overwrite").clicked() {
                view.send(Command::CancelOverwrite);
                view.send(Command::Overwrite);
            }
            if ui.button("Save As…").clicked() {
                view.send(Command::CancelOverwrite);
                view.send(UiCommand::AskForFile(FileIntent::SaveAs));
            }
            if ui.button("Cancel").clicked() {
                view.send(Command::CancelOverwrite);
            }
        });
    });
    if modal.should_close() {
        view.send(Command::CancelOverwrite);
    }
}

/// Save found that the chosen CSV cannot hold all of the document: say
/// what it would drop and offer a workspace, which keeps everything.
pub fn lossy_save_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(lossy) = view.state.lossy_save() else {
        return;
    };
    let mut choice: Option<UiCommand> = None;
    let modal = egui::Modal::new(egui::Id::unique("lossy-save")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("A roster CSV cannot hold all of this workspace");
        ui.label(format!(
            "{} holds members and their levels. Saving there would leave out:",
            crate::app::file_name(&lossy.path)
        ));
        for item in &lossy.lost {
            ui.label(format!("  • {item}"));
        }
        ui.label("Save as a workspace (.skillgrid) to keep everything.");
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if ui.button("Save as workspace…").clicked() {
                choice = Some(UiCommand::AskForFile(FileIntent::SaveAs));
            }
            if ui
                .button("Write the roster only")
                .on_hover_text("The rest stays in the window, unsaved, until you save a workspace")
                .clicked()
            {
                choice = Some(Command::SaveRosterOnly(lossy.path.clone()).into());
            }
            if ui.button("Cancel").clicked() {
                choice = Some(Command::CancelLossySave.into());
            }
        });
    });
    if modal.should_close() && choice.is_none() {
        choice = Some(Command::CancelLossySave.into());
    }
    if let Some(choice) = choice {
        if choice != UiCommand::State(Command::CancelLossySave) {
            view.send(Command::CancelLossySave);
        }
        view.send(choice);
    }
}
