//! "Who knows X": a panel a lead opens with Ctrl+K, types skills at levels
//! into, and narrows by interest, team and a quarter's free time. A result
//! opens the member in the fit view.

use super::ViewCtx;
use crate::app::{Command, View};
use eframe::egui::{self, RichText};

pub fn who_panel_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    // Set while the panel is open, so the skills field takes focus once.
    let focused_once = egui::Id::unique("who-knows-focused");
    let Some(panel) = view.state.who_panel() else {
        ctx.data_mut(|data| data.remove::<bool>(focused_once));
        return;
    };
    let mut open = true;
    let mut changed = false;
    let mut show_member = None;
    let form = &mut view.selection.who;
    egui::Window::new("Who knows…")
        .id(egui::Id::unique("who-knows"))
        .open(&mut open)
        .default_width(560.0)
        .default_pos(ctx.content_rect().center_top() + egui::vec2(-280.0, 80.0))
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("who-fields")
                .num_columns(2)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    let label = ui.label("Skills at levels");
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut form.skills)
                                .hint_text("Kubernetes 3+, Observability 2+")
                                .desired_width(360.0),
                        )
                        .labelled_by(label.id);
                    if ctx.data(|data| data.get_temp::<bool>(focused_once).is_none()) {
                        ctx.data_mut(|data| data.insert_temp(focused_once, true));
                        field.request_focus();
                    }
                    changed |= field.changed();
                    ui.end_row();
                    let label = ui.label("Team");
                    let teams = &view.state.derived().teams;
                    egui::ComboBox::from_id_salt("who-team")
                        .selected_text(form.team.as_deref().unwrap_or("All"))
                        .show_ui(ui, |ui| {
                            changed |= ui.selectable_value(&mut form.team, None, "All").changed();
                            for team in teams {
                                changed |= ui
                                    .selectable_value(&mut form.team, Some(team.clone()), team)
                                    .changed();
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Free in");
                    changed |= ui
                        .add(
                            egui::TextEdit::singleline(&mut form.free_in)
                                .hint_text("2026Q3, or blank for any time")
                                .desired_width(220.0),
                        )
                        .labelled_by(label.id)
                        .changed();
                    ui.end_row();
                    ui.label("");
                    changed |= ui
                        .checkbox(&mut form.interest, "Wants to grow in it")
                        .changed();
                    ui.end_row();
                });
            ui.separator();
            match &panel.answer {
                Err(message) => {
                    ui.colored_label(super::widgets::alert_colour(), message);
                }
                Ok(found) if panel.form.skills.trim().is_empty() => {
                    let _ = found;
                    ui.weak("Type one or more skills, each with a minimum level.");
                }
                Ok(found) if found.is_empty() => {
                    ui.weak("Nobody matches.");
                }
                Ok(found) => {
                    ui.label(format!(
                        "{} of {} members",
                        found.len(),
                        view.state.workspace().members.len()
                    ));
                    egui::ScrollArea::vertical()
                        .max_height(320.0)
                        .show(ui, |ui| {
                            egui::Grid::new("who-results")
                                .num_columns(5)
                                .striped(true)
                                .spacing([12.0, 4.0])
                                .show(ui, |ui| {
                                    for heading in ["Member", "Role", "Team", "Levels", "Free FTE"]
                                    {
                                        ui.label(RichText::new(heading).strong());
                                    }
                                    ui.end_row();
                                    for found in found {
                                        if ui.link(&*found.member.name).clicked() {
                                            show_member = Some(found.member.index);
                                        }
                                        ui.label(
                                            found.role.as_ref().map_or("—", |role| &*role.title),
                                        );
                                        ui.label(found.team.as_deref().unwrap_or("—"));
                                        ui.label(crate::report::who_levels(found));
                                        ui.label(format!("{:.1}", found.free_fte));
                                        ui.end_row();
                                    }
                                });
                        });
                }
            }
        });
    if changed {
        let form = view.selection.who.clone();
        view.send(Command::AskWho(form));
    }
    if let Some(member) = show_member {
        view.selection.people.member = Some(member);
        view.send(Command::ShowView(View::Fit));
    }
    if !open {
        view.send(Command::ToggleWho);
    }
}
