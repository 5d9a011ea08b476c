//! What is drawn on and around a matrix cell besides its level: movement
//! since a date, staleness, "not assessed", the role notch, and the past
//! its tooltip lists.

use crate::analysis::Movement;
use crate::model::Level;
use crate::palette::{ALERT_RGB, LEVEL_RGB, NOT_ASSESSED_RGB};
use eframe::egui::{self, Color32, CornerRadius, Stroke};

/// A level's digit, drawn without formatting each frame.
pub(super) const DIGITS: [&str; 5] = ["0", "1", "2", "3", "4"];

pub(super) fn rgb([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

pub fn level_colour(level: Option<Level>) -> Color32 {
    level.map_or(rgb(NOT_ASSESSED_RGB), |level| {
        rgb(LEVEL_RGB[usize::from(level.get())])
    })
}

/// The accessible name of a cell, which is also how tests find it.
pub fn cell_label(member: &str, skill: &str) -> String {
    format!("{member} / {skill}")
}

/// The cell's record, newest first, in its tooltip (only while hovered).
pub(super) fn history_lines(
    ui: &mut egui::Ui,
    workspace: &crate::model::Workspace,
    member: usize,
    skill: usize,
) {
    let row = workspace.history.row(member);
    let past: Vec<_> = row.of_skill(skill as u32).collect();
    if past.is_empty() {
        return;
    }
    ui.separator();
    ui.label(egui::RichText::new("History").strong());
    let words = &workspace.settings.scale;
    for entry in past.iter().rev().take(12) {
        let level = entry
            .cell
            .level()
            .map_or("not assessed".to_string(), |level| {
                format!("{level} {}", words.word(level))
            });
        let date = entry
            .as_of
            .map_or("undated".to_string(), |date| date.to_string());
        let note = row
            .note_for(entry)
            .map_or(String::new(), |note| format!(": {note}"));
        ui.label(format!("{date}  {level}  ({}){note}", entry.rater));
    }
    if past.len() > 12 {
        ui.label(egui::RichText::new(format!("and {} older", past.len() - 12)).weak());
    }
}

/// Up: a white triangle pointing up; down: a black one pointing down;
/// first rated: a white ring (not a move); all at the bottom right, clear
/// of the role notch and the interest dot. Shape and fill tell them apart
/// on any level's colour, without hue.
pub(super) fn movement_mark(painter: &egui::Painter, rect: egui::Rect, movement: Movement) {
    let size = 11.0;
    let left = rect.right() - size - 2.0;
    let (top, bottom) = (rect.bottom() - size - 2.0, rect.bottom() - 2.0);
    if movement == Movement::New {
        let center = egui::pos2(left + size / 2.0, (top + bottom) / 2.0);
        painter.circle(
            center,
            size / 2.0 - 1.0,
            Color32::TRANSPARENT,
            Stroke::new(2.0, Color32::WHITE),
        );
        painter.circle_stroke(center, size / 2.0 + 0.5, Stroke::new(1.0, Color32::BLACK));
        return;
    }
    let (points, fill, edge) = match movement {
        Movement::Up => (
            vec![
                egui::pos2(left, bottom),
                egui::pos2(left + size, bottom),
                egui::pos2(left + size / 2.0, top),
            ],
            Color32::WHITE,
            Color32::BLACK,
        ),
        Movement::Down => (
            vec![
                egui::pos2(left, top),
                egui::pos2(left + size, top),
                egui::pos2(left + size / 2.0, bottom),
            ],
            Color32::BLACK,
            Color32::WHITE,
        ),
        Movement::New => return,
    };
    painter.add(egui::Shape::convex_polygon(
        points,
        fill,
        Stroke::new(1.5, edge),
    ));
}

/// A self or peer rating waiting for review: a dashed frame and its level
/// written small at the centre. It counts nowhere until a manager accepts
/// it, so it never looks like a level of record.
pub(super) fn waiting_mark(painter: &egui::Painter, rect: egui::Rect, level: crate::model::Level) {
    let frame = rect.shrink(2.5);
    let stroke = Stroke::new(1.5, Color32::from_gray(40));
    let corners = [
        frame.left_top(),
        frame.right_top(),
        frame.right_bottom(),
        frame.left_bottom(),
        frame.left_top(),
    ];
    painter.add(egui::Shape::dashed_line(&corners, stroke, 3.0, 2.5));
    let centre = rect.center();
    painter.rect_filled(
        egui::Rect::from_center_size(centre, egui::vec2(12.0, 12.0)),
        CornerRadius::same(2),
        Color32::WHITE,
    );
    painter.text(
        centre,
        egui::Align2::CENTER_CENTER,
        level.to_string(),
        egui::FontId::proportional(10.0),
        Color32::BLACK,
    );
}

/// The work disagrees with the rating: a white diamond edged black at
/// the left edge's middle, clear of every other mark.
pub(super) fn work_mark(painter: &egui::Painter, rect: egui::Rect) {
    let centre = rect.left_center() + egui::vec2(4.0, 0.0);
    let points = vec![
        centre + egui::vec2(0.0, -4.0),
        centre + egui::vec2(3.2, 0.0),
        centre + egui::vec2(0.0, 4.0),
        centre + egui::vec2(-3.2, 0.0),
    ];
    painter.add(egui::Shape::convex_polygon(
        points,
        Color32::WHITE,
        Stroke::new(1.2, Color32::BLACK),
    ));
}

/// A stale cell: a grey clock face at the top left.
pub(super) fn stale_mark(painter: &egui::Painter, rect: egui::Rect) {
    let centre = rect.left_top() + egui::vec2(5.0, 5.0);
    painter.circle(
        centre,
        3.5,
        Color32::from_gray(60),
        Stroke::new(1.0, Color32::WHITE),
    );
    painter.line_segment(
        [centre, centre + egui::vec2(0.0, -2.5)],
        Stroke::new(1.0, Color32::WHITE),
    );
}

/// Hatched, so "not assessed" never reads as a level.
pub(super) fn hatch(painter: &egui::Painter, rect: egui::Rect) {
    let stroke = Stroke::new(1.0, Color32::from_gray(150));
    let clipped = painter.with_clip_rect(rect);
    for offset in [-8.0, 0.0, 8.0] {
        let start = egui::pos2(rect.left() + offset, rect.bottom());
        let end = egui::pos2(rect.left() + offset + rect.height(), rect.top());
        clipped.line_segment([start, end], stroke);
    }
}

/// A notch in the corner: below what the member's role requires.
pub(super) fn below_role_mark(painter: &egui::Painter, rect: egui::Rect) {
    let mark = egui::Rect::from_min_size(
        rect.left_bottom() - egui::vec2(0.0, 5.0),
        egui::vec2(5.0, 5.0),
    );
    painter.rect_filled(mark, CornerRadius::ZERO, rgb(ALERT_RGB));
}

/// A cell in the self or difference view: the member's own latest rating
/// in the level colours, or how far it is from the current level (blue
/// below, orange above, grey agreeing); hatched where there is nothing to
/// show.
pub(super) fn paint_rating(
    painter: &egui::Painter,
    rect: egui::Rect,
    ratings: crate::app::Ratings,
    current: Option<crate::model::Level>,
    own: Option<Option<crate::model::Level>>,
) {
    use crate::app::Ratings;
    use egui::{Align2, FontId};
    let own = own.flatten();
    match (ratings, own) {
        (Ratings::Difference, Some(own)) => {
            let apart = i16::from(own.get()) - current.map_or(0, |level| i16::from(level.get()));
            let fill = match apart {
                0 => Color32::from_gray(205),
                1.. => Color32::from_rgb(0xf6, 0xc3, 0x9a),
                _ => Color32::from_rgb(0xa6, 0xc8, 0xe6),
            };
            painter.rect_filled(rect, CornerRadius::ZERO, fill);
            let text = if apart > 0 {
                format!("+{apart}")
            } else {
                apart.to_string()
            };
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                text,
                FontId::monospace(12.0),
                Color32::from_gray(30),
            );
        }
        (_, Some(own)) => paint_level(painter, rect, Some(own)),
        (_, None) => hatch(painter, rect),
    }
}

/// A level's colour with its digit, or the hatch of "not assessed".
pub(super) fn paint_level(
    painter: &egui::Painter,
    rect: egui::Rect,
    level: Option<crate::model::Level>,
) {
    // Square corners: a thousand cells a frame tessellate cheaper.
    painter.rect_filled(rect, CornerRadius::ZERO, level_colour(level));
    let Some(level) = level else {
        hatch(painter, rect);
        return;
    };
    let text_colour = if crate::palette::dark_level(level.get()) {
        Color32::WHITE
    } else {
        Color32::from_gray(40)
    };
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        DIGITS[usize::from(level.get())],
        egui::FontId::monospace(12.0),
        text_colour,
    );
}
