//! The matrix's toolbar (search and filters) and its legend.

use super::marks::{cell_label, level_colour, rgb};
use crate::analysis::Movement;
use crate::app::{AppState, Command, Ratings};
use crate::model::{Level, SkillKind};
use crate::palette::ALERT_RGB;
use crate::ui::ViewCtx;
use eframe::egui::{self, Color32, CornerRadius, Sense, Stroke, StrokeKind};

pub fn toolbar_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    // The filter is edited as a copy, and sent when it changed.
    let mut filter = state.filter().clone();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Find");
        let search = ui.add(
            egui::TextEdit::singleline(&mut filter.search)
                .hint_text("member, team or skill  (Ctrl+F)")
                .desired_width(200.0),
        );
        let search = search.labelled_by(label.id);
        if state.focus_search() {
            search.request_focus();
            view.commands.send(Command::SearchFocused);
        }
        if ui
            .button("Who knows…")
            .on_hover_text("Who can lead or knows a skill, and who is free in a week (Ctrl+K)")
            .clicked()
        {
            view.commands.send(Command::ToggleWho);
        }
        let derived = state.derived();
        if !derived.alias_matches.is_empty() {
            ui.label(
                egui::RichText::new(format!(
                    "\u{201c}{}\u{201d} is {}",
                    state.filter().search.trim(),
                    derived.alias_matches.join(", ")
                ))
                .color(ui.visuals().hyperlink_color),
            );
        }
        let any = |value: &Option<String>| value.clone().unwrap_or_else(|| "All".to_string());
        let team_text = any(&filter.team);
        let label = ui.label("Team");
        egui::ComboBox::from_id_salt("team-filter")
            .selected_text(team_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.team, None, "All");
                for team in &derived.teams {
                    ui.selectable_value(&mut filter.team, Some(team.clone()), team);
                }
            })
            .response
            .labelled_by(label.id);
        let role_text = filter
            .role
            .as_ref()
            .and_then(|id| derived.roles.iter().find(|(known, _)| known == id))
            .map_or("All".to_string(), |(_, title)| title.clone());
        let label = ui.label("Role");
        egui::ComboBox::from_id_salt("role-filter")
            .selected_text(role_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.role, None, "All");
                for (id, title) in &derived.roles {
                    ui.selectable_value(&mut filter.role, Some(id.clone()), title);
                }
            })
            .response
            .labelled_by(label.id);
        let leavers = derived.on_team.iter().filter(|on| !**on).count();
        if leavers > 0 {
            ui.checkbox(
                &mut filter.show_leavers,
                format!("Show {}", crate::words::count_of(leavers, "leaver", "leavers")),
            )
            .on_hover_text("Members who left, greyed: they count nowhere from the day they left");
        }
        let kind_text = match filter.kind {
            None => "Hard and soft",
            Some(SkillKind::Hard) => "Hard",
            Some(SkillKind::Soft) => "Soft",
        };
        let label = ui.label("Skills");
        egui::ComboBox::from_id_salt("kind-filter")
            .selected_text(kind_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.kind, None, "Hard and soft");
                ui.selectable_value(&mut filter.kind, Some(SkillKind::Hard), "Hard");
                ui.selectable_value(&mut filter.kind, Some(SkillKind::Soft), "Soft");
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("Category");
        egui::ComboBox::from_id_salt("category-filter")
            .selected_text(any(&filter.category))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.category, None, "All");
                for category in &derived.categories {
                    ui.selectable_value(&mut filter.category, Some(category.clone()), category);
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label("Ratings");
        egui::ComboBox::from_id_salt("ratings-shown")
            .selected_text(ratings_text(filter.ratings))
            .show_ui(ui, |ui| {
                for ratings in [Ratings::Current, Ratings::SelfRated, Ratings::Difference] {
                    ui.selectable_value(&mut filter.ratings, ratings, ratings_text(ratings));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Whose ratings the cells show: the current (manager's) levels, the members' own, or self minus current");
        match filter.ratings {
            Ratings::Current => {}
            Ratings::SelfRated => {
                ui.weak("each member's latest self rating; hatched: none");
            }
            Ratings::Difference => {
                ui.weak("orange: rates themselves higher, blue: lower, grey: agree");
            }
        }
        if filter != Default::default() && ui.button("Clear filters").clicked() {
            filter = Default::default();
        }
        ui.separator();
        history_bar(view, &mut filter, ui);
    });
    if &filter != state.filter() {
        view.send(Command::SetFilter(filter));
    }
}

/// Changes since a date and stale cells: the matrix's past, on demand.
fn history_bar(view: &mut ViewCtx, filter: &mut crate::app::MatrixFilter, ui: &mut egui::Ui) {
    let state = view.state;
    let derived = state.derived();
    {
        let mut since = filter.since.is_some();
        if ui
            .checkbox(&mut since, "Changes since")
            .on_hover_text("Mark the cells whose level moved since a date")
            .changed()
        {
            filter.since = since.then(|| default_since(&derived.rounds, state.today()));
        }
        if let Some(date) = &mut filter.since {
            ui.add(
                egui_extras::DatePickerButton::new(date)
                    .id_salt("changes-since")
                    .show_icon(false),
            );
            for round in derived.rounds.iter().rev().take(4) {
                if ui
                    .selectable_label(*date == *round, round.to_string())
                    .on_hover_text("A round: mark what moved after its ratings")
                    .clicked()
                {
                    *date = *round;
                }
            }
            let changed = &derived.changed;
            if changed.newly_rated > 0 {
                mark_swatch(ui, Movement::New);
                ui.label(format!("{} newly rated", changed.newly_rated))
                    .on_hover_text("Rated for the first time since the date: not a move");
            }
            mark_swatch(ui, Movement::Up);
            ui.label(format!("{} up", changed.up));
            mark_swatch(ui, Movement::Down);
            ui.label(format!("{} down", changed.down));
            ui.checkbox(&mut filter.changed_only, "Only those who changed")
                .on_hover_text(format!(
                    "Show only the {} whose levels changed; the counts stay the team's",
                    crate::words::count_of(changed.members.len(), "member", "members")
                ));
        }
        ui.separator();
        let months = state.workspace().settings.stale_months;
        let mut stale = filter.stale_before.is_some();
        if ui
            .checkbox(
                &mut stale,
                format!("Stale: last rated over {months} months ago"),
            )
            .on_hover_text(
                "Show only members with such cells, and mark them; the counts stay the team's",
            )
            .changed()
        {
            filter.stale_before =
                stale.then(|| crate::analysis::stale_before(state.today(), months));
        }
        if let Some(cutoff) = filter.stale_before {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), Sense::hover());
            super::marks::stale_mark(ui.painter(), rect);
            ui.label(format!(
                "{} before {cutoff}",
                crate::words::count_of(derived.stale.len(), "cell", "cells")
            ));
            let mut limit = months;
            let label = ui.label("Stale after");
            let field = ui
                .add(
                    egui::DragValue::new(&mut limit)
                        .range(1..=120)
                        .suffix(" months"),
                )
                .labelled_by(label.id)
                .on_hover_text("A workspace setting, saved with it");
            if field.changed() && limit != months {
                view.commands.send(Command::SetStaleMonths(limit));
            }
        }
        if derived.rounds.is_empty() {
            ui.label(
                egui::RichText::new("No dated ratings yet: File > Import > Roster as a new round")
                    .weak(),
            );
        }
    }
}

/// The round before the latest, so the latest round's changes show.
fn default_since(rounds: &[crate::model::Date], today: crate::model::Date) -> crate::model::Date {
    match rounds {
        [.., before, _] => *before,
        [only] => *only,
        [] => crate::analysis::stale_before(today, 3),
    }
}

fn mark_swatch(ui: &mut egui::Ui, movement: Movement) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), Sense::hover());
    ui.painter().rect_filled(
        rect,
        CornerRadius::same(2),
        level_colour(Some(Level::WORKING)),
    );
    super::marks::movement_mark(ui.painter(), rect, movement);
}

/// As tall as the note field, with or without a cell selected.
const NOTE_LINE_HEIGHT: f32 = 22.0;

/// The selected cell's latest rating and its note, which can be edited.
pub fn selected_cell_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let workspace = state.workspace();
    let selected = state.selected().filter(|&(member, skill)| {
        member < workspace.members.len() && skill < workspace.skills.len()
    });
    let Some((member, skill)) = selected else {
        // The line stays, so the matrix does not jump when a cell is picked.
        ui.horizontal(|ui| {
            ui.set_min_height(NOTE_LINE_HEIGHT);
            ui.label(
                egui::RichText::new(
                    "Click a cell to see when and by whom it was rated; type 0-4 to rate it, \
                     Delete for not assessed, + for interest; arrows move. Right-click for \
                     targets and certificates.",
                )
                .weak(),
            );
        });
        return;
    };
    let (record, column) = (&workspace.members[member], &workspace.skills[skill]);
    let row = workspace.history.row(member);
    let latest = row.of_skill(skill as u32).last();
    let saved_note = latest.and_then(|entry| row.note_for(entry)).unwrap_or("");
    let selection = &mut *view.selection;
    let document = state.document();
    let version = (member, skill, document.id, document.generation);
    if selection.matrix.note_cell != Some(version) {
        // Another cell, or the record changed (a save of the note, an
        // edit, an undo): show what is saved.
        selection.matrix.note_cell = Some(version);
        selection.matrix.note = saved_note.to_string();
    }
    let mut save = false;
    ui.horizontal_wrapped(|ui| {
        ui.set_min_height(NOTE_LINE_HEIGHT);
        ui.label(egui::RichText::new(cell_label(&record.name, &column.name)).strong());
        match latest {
            Some(entry) => ui.label(format!(
                "last rated {} by {}",
                entry
                    .as_of
                    .map_or("without a date".to_string(), |date| date.to_string()),
                entry.rater
            )),
            None => ui.label(egui::RichText::new("no dated rating yet").weak()),
        };
        let label = ui.label("Note");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut selection.matrix.note)
                    .hint_text("evidence: a project, a review, a certificate")
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
        let changed = selection.matrix.note.trim() != saved_note;
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .add_enabled(changed, egui::Button::new("Save note"))
            .clicked()
            || (entered && changed)
        {
            save = true;
        }
    });
    if save {
        let text = view.selection.matrix.note.clone();
        view.send(Command::SetNote {
            member,
            skill,
            text,
        });
    }
}

pub fn legend_ui(state: &AppState, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        let words = &state.workspace().settings.scale;
        for level in Level::ALL {
            swatch(ui, level_colour(Some(level)));
            ui.label(format!("{} {}", level, words.word(level)));
            ui.add_space(6.0);
        }
        let rect = swatch(ui, level_colour(None));
        super::marks::hatch(ui.painter(), rect);
        ui.label("not assessed");
        ui.add_space(6.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), Sense::hover());
        ui.painter()
            .circle_filled(rect.center(), 3.5, rgb(ALERT_RGB));
        ui.label("wants to grow");
        ui.add_space(6.0);
        let rect = swatch(ui, level_colour(Some(Level::WORKING)));
        super::marks::below_role_mark(ui.painter(), rect);
        ui.label("below what their role requires");
        let derived = state.derived();
        if !derived.targets.is_empty() {
            ui.add_space(6.0);
            let rect = swatch(ui, level_colour(Some(Level::WORKING)));
            super::cell_menu::target_mark(
                ui.painter(),
                rect,
                crate::analysis::TargetState::OnTrack,
            );
            ui.label("target").on_hover_text(
                "A development target: blue on track, amber due within 30 days, red late, \
                 green reached",
            );
        }
        if !derived.lapsed.is_empty() {
            ui.add_space(6.0);
            let rect = swatch(ui, level_colour(Some(Level::WORKING)));
            super::cell_menu::lapsed_mark(ui.painter(), rect);
            ui.label("certificate expired").on_hover_text(
                "The level rests only on a certificate that lapsed: not counted as held",
            );
        }
        if !derived.work.disagreements.is_empty() {
            ui.add_space(6.0);
            let rect = swatch(ui, level_colour(Some(Level::WORKING)));
            super::marks::work_mark(ui.painter(), rect);
            ui.label("the work disagrees").on_hover_text(
                "The team's commits and the rating of record disagree: active work in a skill \
                 rated 0-1 or not assessed, or a rating of 3+ whose work stopped over a year ago. \
                 Hover the cell for the evidence",
            );
        }
        if !derived.waiting.is_empty() {
            ui.add_space(6.0);
            let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), Sense::hover());
            ui.painter()
                .rect_filled(rect, CornerRadius::same(2), level_colour(None));
            super::marks::waiting_mark(ui.painter(), rect, Level::PROFICIENT);
            ui.label("self-rated, not reviewed").on_hover_text(
                "A member's own rating waiting in Review: it counts nowhere until a manager \
                 accepts it",
            );
        }
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

fn ratings_text(ratings: Ratings) -> &'static str {
    match ratings {
        Ratings::Current => "Current",
        Ratings::SelfRated => "Self",
        Ratings::Difference => "Self - current",
    }
}
