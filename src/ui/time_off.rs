//! A member's time off: the periods away listed with their share of each
//! day and reason, removed one by one, and a new one added with date pickers.

use super::{UiCommand, ViewCtx};
use crate::app::Command;
use crate::model::AwayReason;
use eframe::egui;

pub fn open_time_off(view: &mut ViewCtx, member: usize) {
    view.selection.matrix.time_off = Some(view.state.time_off_form(member));
}

pub fn time_off_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(form) = view.selection.matrix.time_off.as_mut() else {
        return;
    };
    let state = view.state;
    let workspace = state.workspace();
    let Some(member) = workspace.members.get(form.member) else {
        view.selection.matrix.time_off = None;
        return;
    };
    let mut answer: Option<UiCommand> = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("time-off-dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(format!("Time off: {}", member.name));
        let holidays = workspace.holidays_of(form.member);
        ui.weak(match (member.location.as_deref(), holidays.len()) {
            (Some(location), 0) => format!("No public holidays recorded for {location}."),
            (Some(location), count) => format!(
                "{} for {location} also count as days off.",
                crate::words::count_of(count, "public holiday", "public holidays")
            ),
            (None, _) => "No location: public holidays do not apply.".to_string(),
        });
        if member.time_off.is_empty() {
            ui.weak("No time off recorded.");
        } else {
            use egui_extras::{Column, TableBuilder};
            TableBuilder::new(ui)
                .id_salt("time-off-list")
                .striped(true)
                .columns(Column::auto().at_least(70.0).resizable(true), 4)
                .column(Column::remainder())
                .header(20.0, |mut header| {
                    for title in ["From", "To", "Share of each day", "Reason"] {
                        header.col(|ui| {
                            ui.strong(title);
                        });
                    }
                    header.col(|_| {});
                })
                .body(|mut body| {
                    for (index, period) in member.time_off.iter().enumerate() {
                        body.row(22.0, |mut row| {
                            row.col(|ui| {
                                ui.label(period.start.to_string());
                            });
                            row.col(|ui| {
                                ui.label(period.end.to_string());
                            });
                            row.col(|ui| {
                                ui.label(format!("{:.0}%", period.fraction * 100.0));
                            });
                            row.col(|ui| {
                                ui.label(period.reason.label());
                            });
                            row.col(|ui| {
                                if ui
                                    .small_button("Remove")
                                    .on_hover_text(format!(
                                        "Remove {} from {}",
                                        period.reason.label(),
                                        period.start
                                    ))
                                    .clicked()
                                {
                                    answer = Some(
                                        Command::RemoveTimeOff {
                                            member: form.member,
                                            index,
                                        }
                                        .into(),
                                    );
                                }
                            });
                        });
                    }
                });
        }
        ui.separator();
        ui.strong("A new period away");
        egui::Grid::new("time-off-fields")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("From");
                ui.add(
                    egui_extras::DatePickerButton::new(&mut form.start)
                        .id_salt("time-off-start")
                        .show_icon(false),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("To");
                ui.add(
                    egui_extras::DatePickerButton::new(&mut form.end)
                        .id_salt("time-off-end")
                        .show_icon(false),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Share of each day");
                let mut percent = form.fraction * 100.0;
                ui.add(
                    egui::DragValue::new(&mut percent)
                        .range(5.0..=100.0)
                        .speed(5.0)
                        .suffix("%"),
                )
                .labelled_by(label.id)
                .on_hover_text("100% for whole days off, 50% for half-time");
                form.fraction = percent / 100.0;
                ui.end_row();
                let label = ui.label("Reason");
                egui::ComboBox::from_id_salt("time-off-reason")
                    .selected_text(form.reason.label())
                    .show_ui(ui, |ui| {
                        for reason in AwayReason::ALL {
                            ui.selectable_value(&mut form.reason, reason, reason.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            });
        if let Some(error) = state.edit_error() {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Add time off").clicked() {
                answer = Some(Command::AddTimeOff(form.clone()).into());
            }
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        view.selection.matrix.time_off = None;
    }
    if let Some(answer) = answer {
        view.send(answer);
    }
}
