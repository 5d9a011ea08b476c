//! What a cell says of development: the target mark and tooltip lines,
//! and the right-click menu that sets targets and opens certifications.

use crate::analysis::TargetState;
use crate::app::AppState;
use crate::ui::ViewCtx;
use crate::ui::development::{open_certifications, open_target};
use eframe::egui::{self, Color32, Stroke};

/// A small pennant at the top edge's middle (the corners hold other
/// marks): green once reached, blue on track, amber due soon, red late.
pub(super) fn target_mark(painter: &egui::Painter, rect: egui::Rect, state: TargetState) {
    let colour = match state {
        TargetState::Reached => Color32::from_rgb(0x1b, 0x9e, 0x5a),
        TargetState::OnTrack => Color32::from_rgb(0x2b, 0x6c, 0xd4),
        TargetState::DueSoon => Color32::from_rgb(0xe0, 0x9b, 0x16),
        TargetState::Late => Color32::from_rgb(0xd6, 0x2d, 0x2d),
    };
    let top = rect.center_top();
    let points = vec![
        top + egui::vec2(-5.0, 0.0),
        top + egui::vec2(5.0, 0.0),
        top + egui::vec2(0.0, 7.0),
    ];
    painter.add(egui::Shape::convex_polygon(
        points,
        colour,
        Stroke::new(1.0, Color32::WHITE),
    ));
}

/// A red cross at the bottom edge's middle: the level rests on a lapsed
/// certificate.
pub(super) fn lapsed_mark(painter: &egui::Painter, rect: egui::Rect) {
    let stroke = Stroke::new(1.5, Color32::from_rgb(0xd6, 0x2d, 0x2d));
    let at = rect.center_bottom() + egui::vec2(-3.5, -9.0);
    painter.line_segment([at, at + egui::vec2(7.0, 7.0)], stroke);
    painter.line_segment(
        [at + egui::vec2(0.0, 7.0), at + egui::vec2(7.0, 0.0)],
        stroke,
    );
}

/// The tooltip's lines about the cell's target and certificates.
pub(super) fn development_lines(ui: &mut egui::Ui, state: &AppState, member: usize, column: usize) {
    let workspace = state.workspace();
    let record = &workspace.members[member];
    let skill = &workspace.skills[column];
    if let Some(target) = record.development.target_for(&skill.id) {
        let standing = state
            .derived()
            .target_state(member, column)
            .map_or("", TargetState::label);
        ui.label(format!(
            "Target: {} by {} ({standing})",
            target.level, target.by
        ));
        if let Some(note) = &target.note {
            ui.weak(note);
        }
    }
    for certification in &record.development.certifications {
        if certification.skill.as_ref() != Some(&skill.id) {
            continue;
        }
        let expiry = certification.expires.map_or(String::new(), |date| {
            if certification.expired_on(state.today()) {
                format!(", expired {date}")
            } else {
                format!(", valid to {date}")
            }
        });
        ui.label(format!("Certificate: {}{expiry}", certification.name));
    }
    if state.derived().is_lapsed(member, column) {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Evidence expired: not counted as held until renewed or re-rated",
        );
    }
}

/// Right-click on a cell.
pub(super) fn cell_menu(view: &mut ViewCtx, ui: &mut egui::Ui, member: usize, column: usize) {
    let workspace = view.state.workspace();
    let has_target = workspace.members[member]
        .development
        .target_for(&workspace.skills[column].id)
        .is_some();
    let label = if has_target {
        "Edit target…"
    } else {
        "Set target…"
    };
    if ui.button(label).clicked() {
        open_target(view, member, column);
        ui.close();
    }
    if has_target && ui.button("Remove target").clicked() {
        view.send(crate::app::Command::RemoveTarget {
            member,
            skill: column,
        });
        ui.close();
    }
    if ui.button("Certifications…").clicked() {
        open_certifications(view, member);
        // From a cell, a new certificate most likely evidences its skill.
        if let Some(form) = view.selection.matrix.certifications.as_mut() {
            form.skill = Some(column);
        }
        ui.close();
    }
    if ui.button("Time off…").clicked() {
        crate::ui::time_off::open_time_off(view, member);
        ui.close();
    }
}
