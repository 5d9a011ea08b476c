//! The matrix's role column: a member's role, and a right-click menu to
//! give them another, the roles grouped by where they come from (the
//! library, each imported framework, the team's own).

use crate::app::Command;
use crate::ui::ViewCtx;
use eframe::egui;

pub(super) fn role_cell(view: &mut ViewCtx, ui: &mut egui::Ui, member: usize) {
    let state = view.state;
    let workspace = state.workspace();
    let current = workspace.member_role(member);
    let title = current.map_or("—", |role| role.title.as_str());
    // Drawn as plain text, like the name and team beside it.
    let response = ui
        .label(title)
        .interact(egui::Sense::click())
        .on_hover_text("Right-click to give them another role");
    response.context_menu(|ui| {
        ui.weak(format!("Role of {}", workspace.members[member].name));
        for (group, roles) in &state.derived().role_groups {
            ui.menu_button(group, |ui| {
                for &index in roles {
                    let role = &workspace.roles[index];
                    let holds = current.is_some_and(|held| held.id == role.id);
                    if ui.selectable_label(holds, &role.title).clicked() {
                        view.send(Command::SetMemberRole {
                            member,
                            role: Some(role.id.clone()),
                        });
                        ui.close();
                    }
                }
            });
        }
        ui.separator();
        if ui
            .add_enabled(current.is_some(), egui::Button::new("No role"))
            .clicked()
        {
            view.send(Command::SetMemberRole { member, role: None });
            ui.close();
        }
    });
}
