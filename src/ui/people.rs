//! People kept in the window: the dialog that adds a member or edits one's
//! details (name, email, role, team, manager, FTE, location, years), with
//! the day a change takes effect. Each save is one undoable edit.

use super::ViewCtx;
use crate::app::{Command, PersonInputs};
use crate::model::MemberDetails;
use eframe::egui;

/// Opens the dialog on `member`'s details.
pub fn start_editing(view: &mut ViewCtx, member: usize) {
    let Some(record) = view.state.workspace().members.get(member) else {
        return;
    };
    view.selection.person = Some(PersonInputs {
        member: Some(member),
        details: MemberDetails::of(record),
        on: view.state.today(),
    });
}

pub fn person_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(mut person) = view.selection.person.take() else {
        return;
    };
    let workspace = view.state.workspace();
    let title = match person.member.and_then(|m| workspace.members.get(m)) {
        Some(record) => format!("Edit {}", record.name),
        None if person.member.is_some() => return,
        None => "Add a member".to_string(),
    };
    let mut save = false;
    let mut cancel = false;
    // The roster's teams, as the matrix's filter lists them: no pass over
    // the members while the dialog is drawn.
    let teams = &view.state.derived().teams;
    egui::Modal::new(egui::Id::unique("person-dialog")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading(&title);
        let details = &mut person.details;
        egui::Grid::new("person-fields")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                text_row(
                    ui,
                    "Name",
                    &mut details.name,
                    "Full name, as the team writes it",
                );
                text_row(
                    ui,
                    "Email",
                    &mut details.email,
                    "Optional; tells apart people of one name",
                );
                text_row(
                    ui,
                    "Other emails",
                    &mut details.other_emails,
                    "Further addresses they commit under, comma-separated: work evidence \
                     from a repository counts their commits",
                );
                let label = ui.label("Role");
                let chosen = details
                    .role
                    .as_ref()
                    .and_then(|id| workspace.role(id))
                    .map_or("No role", |role| role.title.as_str());
                egui::ComboBox::from_id_salt("person-role")
                    .selected_text(chosen)
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut details.role, None, "No role");
                        for role in &workspace.roles {
                            ui.selectable_value(
                                &mut details.role,
                                Some(role.id.clone()),
                                &role.title,
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Team");
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut details.team).desired_width(170.0))
                        .labelled_by(label.id);
                    egui::ComboBox::from_id_salt("person-team")
                        .selected_text("pick")
                        .width(80.0)
                        .show_ui(ui, |ui| {
                            for team in teams {
                                if ui.selectable_label(&details.team == team, team).clicked() {
                                    details.team.clone_from(team);
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id)
                        .on_hover_text("One of the teams the roster has");
                });
                ui.end_row();
                text_row(
                    ui,
                    "Manager",
                    &mut details.manager,
                    "The manager's name or email",
                );
                text_row(
                    ui,
                    "FTE",
                    &mut details.fte,
                    "1 full time, 0.8 or 80% part time",
                );
                text_row(
                    ui,
                    "Location",
                    &mut details.location,
                    "Whose public holidays apply",
                );
                text_row(
                    ui,
                    "Years",
                    &mut details.years,
                    "Years of experience; optional",
                );
                if person.member.is_some() {
                    let label = ui.label("Changes from");
                    ui.add(
                        egui_extras::DatePickerButton::new(&mut person.on)
                            .id_salt("person-on")
                            .show_icon(false),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(
                        "FTE, role, team, manager and location changes count from this day; \
                         reports of earlier days keep the old details",
                    );
                    ui.end_row();
                }
            });
        if let Some(error) = view.state.edit_error() {
            ui.colored_label(super::widgets::alert_colour(), error);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let word = if person.member.is_some() {
                "Save"
            } else {
                "Add"
            };
            save = ui.button(word).clicked();
            cancel = ui.button("Cancel").clicked();
        });
    });
    if cancel {
        return;
    }
    if save {
        let command = match person.member {
            Some(member) => Command::EditMember {
                member,
                details: person.details.clone(),
                on: person.on,
            },
            None => Command::AddMember(person.details.clone()),
        };
        view.send(command);
        // Open until the edit is taken (`ViewSelection::follow` closes it):
        // a refused one says why here.
    }
    view.selection.person = Some(person);
}

fn text_row(ui: &mut egui::Ui, name: &str, value: &mut String, hint: &str) {
    let label = ui.label(name);
    ui.add(
        egui::TextEdit::singleline(value)
            .hint_text(hint)
            .desired_width(260.0),
    )
    .labelled_by(label.id);
    ui.end_row();
}
