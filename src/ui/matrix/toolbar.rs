//! The matrix's toolbar (search and filters) and its legend.

use super::{level_colour, rgb};
use crate::app::AppState;
use crate::model::{Level, SkillKind};
use crate::report::palette::ALERT_RGB;
use eframe::egui::{self, Color32, CornerRadius, Sense, Stroke, StrokeKind};

pub fn toolbar_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Find");
        let search = ui.add(
            egui::TextEdit::singleline(&mut state.filter.search)
                .hint_text("member, team or skill  (Ctrl+F)")
                .desired_width(200.0),
        );
        let search = search.labelled_by(label.id);
        if std::mem::take(&mut state.focus_search) {
            search.request_focus();
        }
        let derived = &state.derived;
        if !derived.alias_matches.is_empty() {
            ui.label(
                egui::RichText::new(format!(
                    "\u{201c}{}\u{201d} is {}",
                    state.filter.search.trim(),
                    derived.alias_matches.join(", ")
                ))
                .color(ui.visuals().hyperlink_color),
            );
        }
        let any = |value: &Option<String>| value.clone().unwrap_or_else(|| "All".to_string());
        let team_text = any(&state.filter.team);
        let label = ui.label("Team");
        egui::ComboBox::from_id_salt("team-filter")
            .selected_text(team_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.team, None, "All");
                for team in &derived.teams {
                    ui.selectable_value(&mut state.filter.team, Some(team.clone()), team);
                }
            })
            .response
            .labelled_by(label.id);
        let role_text = state
            .filter
            .role
            .as_ref()
            .and_then(|id| derived.roles.iter().find(|(known, _)| known == id))
            .map_or("All".to_string(), |(_, title)| title.clone());
        let label = ui.label("Role");
        egui::ComboBox::from_id_salt("role-filter")
            .selected_text(role_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.role, None, "All");
                for (id, title) in &derived.roles {
                    ui.selectable_value(&mut state.filter.role, Some(id.clone()), title);
                }
            })
            .response
            .labelled_by(label.id);
        let kind_text = match state.filter.kind {
            None => "Hard and soft",
            Some(SkillKind::Hard) => "Hard",
            Some(SkillKind::Soft) => "Soft",
        };
        let label = ui.label("Skills");
        egui::ComboBox::from_id_salt("kind-filter")
            .selected_text(kind_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.kind, None, "Hard and soft");
                ui.selectable_value(&mut state.filter.kind, Some(SkillKind::Hard), "Hard");
                ui.selectable_value(&mut state.filter.kind, Some(SkillKind::Soft), "Soft");
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("Category");
        egui::ComboBox::from_id_salt("category-filter")
            .selected_text(any(&state.filter.category))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.filter.category, None, "All");
                for category in &derived.categories {
                    ui.selectable_value(
                        &mut state.filter.category,
                        Some(category.clone()),
                        category,
                    );
                }
            })
            .response
            .labelled_by(label.id);
        if state.filter != Default::default() && ui.button("Clear filters").clicked() {
            state.filter = Default::default();
        }
    });
}

pub fn legend_ui(state: &AppState, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        let words = &state.document.workspace.settings.scale;
        for level in Level::ALL {
            swatch(ui, level_colour(Some(level)));
            ui.label(format!("{} {}", level, words.word(level)));
            ui.add_space(6.0);
        }
        let rect = swatch(ui, level_colour(None));
        super::hatch(ui.painter(), rect);
        ui.label("not assessed");
        ui.add_space(6.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), Sense::hover());
        ui.painter().circle_filled(rect.center(), 3.5, rgb(ALERT_RGB));
        ui.label("wants to grow");
        ui.add_space(6.0);
        let rect = swatch(ui, level_colour(Some(Level::WORKING)));
        super::below_role_mark(ui.painter(), rect);
        ui.label("below what their role requires");
        ui.add_space(12.0);
        ui.label(
            egui::RichText::new("Click a cell, then type 0-4, Delete for not assessed, + for interest; arrows move.")
                .weak(),
        );
    });
}

fn swatch(ui: &mut egui::Ui, colour: Color32) -> egui::Rect {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), Sense::hover());
    ui.painter()
        .rect_filled(rect, CornerRadius::same(2), colour);
    ui.painter().rect_stroke(
        rect,
        CornerRadius::same(2),
        Stroke::new(1.0, Color32::from_gray(150)),
        StrokeKind::Inside,
    );
    rect
}
