//! The matrix's name column: a member's name (greyed once they left), and
//! a right-click menu to record the day they left or take it back. The
//! date is picked in a small dialog.

use crate::app::Command;
use crate::ui::ViewCtx;
use eframe::egui;

pub(super) fn name_cell(view: &mut ViewCtx, ui: &mut egui::Ui, member: usize) {
    let state = view.state;
    let record = &state.workspace().members[member];
    let selected = state.selected().is_some_and(|(m, _)| m == member);
    let gone = !state.derived().on_team.get(member).copied().unwrap_or(true);
    let mut text = egui::RichText::new(&record.name);
    if selected {
        text = text.strong();
    }
    if gone {
        text = text.weak().strikethrough();
    }
    let hover = match record.left {
        Some(left) => format!("Left on {left}: counted nowhere from that day"),
        None => record
            .email
            .clone()
            .unwrap_or_else(|| "Right-click for the member's menu".to_string()),
    };
    let response = ui
        .label(text)
        .interact(egui::Sense::click())
        .on_hover_text(hover);
    response.context_menu(|ui| {
        ui.weak(&record.name);
        if ui.button("Edit details…").clicked() {
            crate::ui::people::start_editing(view, member);
            ui.close();
        }
        if ui.button("Show fit").clicked() {
            view.send(Command::ShowMemberFit(member));
            ui.close();
        }
        if ui.button("Add a member…").clicked() {
            view.send(crate::ui::UiCommand::AddMember);
            ui.close();
        }
        ui.separator();
        match record.left {
            None => {
                if ui.button("Left on…").clicked() {
                    view.selection.matrix.leaver = Some((member, state.today()));
                    ui.close();
                }
            }
            Some(left) => {
                ui.label(format!("Left on {left}"));
                if ui.button("Back on the team").clicked() {
                    view.send(Command::SetLeaver { member, on: None });
                    ui.close();
                }
            }
        }
    });
}

/// The dialog that asks on what day a member left.
pub fn leaver_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some((member, mut on)) = view.selection.matrix.leaver else {
        return;
    };
    let workspace = view.state.workspace();
    let Some(record) = workspace.members.get(member) else {
        view.selection.matrix.leaver = None;
        return;
    };
    let name = record.name.clone();
    let mut answer: Option<Option<crate::model::Date>> = None;
    let modal = egui::Modal::new(egui::Id::unique("leaver-dialog")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading(format!("{name} left"));
        ui.label(
            "From this day they are out of every count, span of control, staffing pool and \
             list. Their ratings stay in the history, and a report as of an earlier day shows \
             them.",
        );
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = ui.label("Left on");
            ui.add(
                egui_extras::DatePickerButton::new(&mut on)
                    .id_salt("leaver-date")
                    .show_icon(false),
            )
            .labelled_by(label.id);
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Record leaving").clicked() {
                answer = Some(Some(on));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(None);
            }
        });
    });
    view.selection.matrix.leaver = Some((member, on));
    if modal.should_close() && answer.is_none() {
        answer = Some(None);
    }
    if let Some(answer) = answer {
        view.selection.matrix.leaver = None;
        if let Some(on) = answer {
            view.send(Command::SetLeaver {
                member,
                on: Some(on),
            });
        }
    }
}
