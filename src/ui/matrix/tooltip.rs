//! What a matrix cell says on hover: the level, what the member's role
//! requires and the criteria behind it, their self rating, development and
//! history. Built only while the pointer is on the cell.

use super::cell_menu;
use super::marks::history_lines;
use crate::analysis::Disagreement;
use crate::app::{AppState, Ratings};
use eframe::egui::{self, RichText};

pub(super) fn cell_tooltip(
    ui: &mut egui::Ui,
    state: &AppState,
    member: usize,
    column: usize,
    value: &str,
) {
    let workspace = state.workspace();
    let cell = workspace.cell(member, column);
    let skill = &workspace.skills[column];
    let words = &workspace.settings.scale;
    ui.strong(&workspace.members[member].name);
    ui.label(format!(
        "{}: {value}{}",
        skill.name,
        if cell.interest() {
            ", wants to grow"
        } else {
            ""
        }
    ));
    let required = state.derived().required(member, column);
    match (required, workspace.member_role(member)) {
        (Some(required), Some(role)) => {
            ui.label(format!(
                "{} requires {required} {}",
                role.title,
                words.word(required)
            ));
            // The framework's or seed's own words for what is expected.
            if let Some(requirement) = role.requirement(&skill.id)
                && !requirement.basis.is_empty()
            {
                ui.set_max_width(360.0);
                ui.add(egui::Label::new(RichText::new(&requirement.basis).italics()).wrap());
                if let Some(source) = &role.framework {
                    ui.weak(format!("From {}", source.describe()));
                }
            }
        }
        (None, Some(role)) => {
            ui.label(format!("Not required for {}", role.title));
        }
        _ => {}
    }
    if let Some(own) = state.derived().waiting(member, column) {
        ui.label(format!(
            "Self-rated {own}, not reviewed: it counts nowhere until a manager accepts it in \
             Review"
        ));
    }
    if state.derived().is_lapsed(member, column) {
        ui.label(
            "The level rests only on a certificate that lapsed: not counted as held until it \
             is rated again",
        );
    }
    work_lines(ui, state, member, column);
    let ratings = state.filter().ratings;
    if ratings != Ratings::Current {
        let own = state.derived().self_rating(member, column);
        ui.label(own.map_or("No self rating".to_string(), |own| {
            format!(
                "Self rating: {}",
                own.map_or("not assessed".to_string(), |level| level.to_string())
            )
        }));
    }
    cell_menu::development_lines(ui, state, member, column);
    history_lines(ui, workspace, member, column);
}

/// What the member's commits say of the skill, and whether it agrees.
pub(super) fn work_lines(ui: &mut egui::Ui, state: &AppState, member: usize, column: usize) {
    let derived = state.derived();
    let skill = &state.workspace().skills[column].name;
    if let Some(work) = derived.work.get(member, column) {
        ui.label(format!("Work: {}", work.sentence(skill)));
    }
    if let Some(disagreement) = derived.work.disagreement(member, column) {
        ui.label(
            RichText::new(match disagreement {
                Disagreement::ActiveButRatedLow => {
                    "The work disagrees: active lately in a skill rated 0-1 or not assessed"
                }
                Disagreement::RatedButIdle => {
                    "The work disagrees: rated 3 or more, and their commits touching it stopped over a year ago"
                }
            })
            .strong(),
        );
    }
}
