//! The matrix's keys: digits rate the selected cell, Delete clears it,
//! + marks interest, arrows move, Escape lets go.

use crate::app::Command;
use crate::model::Level;
use crate::ui::ViewCtx;
use eframe::egui::{self, Key};

/// Level keys act on the selected cell unless a text field has the keyboard.
pub(super) fn keyboard(view: &mut ViewCtx, ui: &egui::Ui) {
    let Some((member, skill)) = view.state.selected() else {
        return;
    };
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let keys = [
        (Key::Num0, Some(Level::NONE)),
        (Key::Num1, Some(Level::AWARENESS)),
        (Key::Num2, Some(Level::WORKING)),
        (Key::Num3, Some(Level::PROFICIENT)),
        (Key::Num4, Some(Level::EXPERT)),
    ];
    for (key, level) in keys {
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
            view.send(Command::SetLevel {
                member,
                skill,
                level,
            });
        }
    }
    let beyond = [
        (Key::Num5, 5),
        (Key::Num6, 6),
        (Key::Num7, 7),
        (Key::Num8, 8),
        (Key::Num9, 9),
    ];
    for (key, digit) in beyond {
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
            view.send(Command::Notice(format!(
                "{digit} is not a level: levels run from 0 (none) to 4 (expert); Delete clears the cell"
            )));
        }
    }
    if ui.input_mut(|i| {
        i.consume_key(egui::Modifiers::NONE, Key::Delete)
            || i.consume_key(egui::Modifiers::NONE, Key::Backspace)
    }) {
        view.send(Command::SetLevel {
            member,
            skill,
            level: None,
        });
    }
    if ui.input_mut(|i| {
        i.consume_key(egui::Modifiers::NONE, Key::Plus)
            || i.consume_key(egui::Modifiers::SHIFT, Key::Plus)
    }) {
        view.send(Command::ToggleInterest { member, skill });
    }
    let moves = [
        (Key::ArrowUp, -1, 0),
        (Key::ArrowDown, 1, 0),
        (Key::ArrowLeft, 0, -1),
        (Key::ArrowRight, 0, 1),
    ];
    for (key, rows, columns) in moves {
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key)) {
            view.send(Command::MoveSelection(rows, columns));
        }
    }
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape)) {
        view.send(Command::Select(None));
    }
}
