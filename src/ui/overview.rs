//! The home view: the team's state as headline cards, each with its count,
//! the few items that matter and a way into the view that explains them.
//! The headlines come ready from the analysis (`InsightResults`); this
//! only lays them out, so the cards cost nothing to draw.

use super::ViewCtx;
use super::widgets::{self, alert_colour};
use crate::analysis::{Headline, Opens};
use crate::app::{AppState, Command, MatrixFilter, View};
use crate::words::{count_of, plural};
use eframe::egui::{self, RichText};

/// Cards are at least this wide; the row holds as many as fit.
const CARD_WIDTH: f32 = 300.0;
const CARD_HEIGHT: f32 = 118.0;

/// What a card's click asks for.
enum Go {
    To(Opens),
    Review,
}

pub fn overview_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    widgets::view_heading(ui, "Overview", state.insights().updating());
    let Some(results) = widgets::results(state, ui) else {
        return;
    };
    let analysis = &results.analysis;
    ui.label(
        RichText::new(format!(
            "{} and {} as of {}; click an item to see why.",
            count_of(analysis.members as usize, "member", "members"),
            count_of(analysis.skills as usize, "skill", "skills"),
            analysis.as_of
        ))
        .weak(),
    );
    if state.workspace().members.is_empty() {
        empty_team_ui(view, ui);
        return;
    }
    ui.add_space(6.0);
    let waiting = results.review_waiting;
    let mut go: Option<Go> = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let spacing = ui.spacing().item_spacing.x;
            // Room for the scroll bar, so the last card is never cut.
            let width = ui.available_width() - 16.0;
            let per_row = ((width + spacing) / (CARD_WIDTH + spacing))
                .floor()
                .max(1.0) as usize;
            let card_width = (width - spacing * (per_row as f32 - 1.0)) / per_row as f32;
            let cards = results.headlines.len() + 1;
            for row in 0..cards.div_ceil(per_row) {
                ui.horizontal_top(|ui| {
                    for index in row * per_row..((row + 1) * per_row).min(cards) {
                        let asked = match results.headlines.get(index) {
                            Some(headline) => headline_card(ui, headline, card_width),
                            None => review_card(ui, waiting, card_width),
                        };
                        go = go.take().or(asked);
                    }
                });
                ui.add_space(spacing);
            }
        });
    if let Some(go) = go {
        follow(view, go, analysis.stale.before);
    }
}

/// A card's frame, its title and its count; `alert` colours the count.
fn card_frame(
    ui: &mut egui::Ui,
    width: f32,
    title: &str,
    count: usize,
    unit: &str,
    alert: bool,
    body: impl FnOnce(&mut egui::Ui) -> Option<Go>,
) -> Option<Go> {
    let mut asked = None;
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            let inner = width - 22.0;
            ui.set_width(inner);
            ui.set_min_height(CARD_HEIGHT);
            ui.vertical(|ui| {
                ui.set_max_width(inner);
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                ui.label(RichText::new(title).strong());
                ui.horizontal(|ui| {
                    let number = RichText::new(count.to_string()).size(26.0).strong();
                    ui.label(if alert && count > 0 {
                        number.color(alert_colour())
                    } else {
                        number
                    });
                    ui.label(RichText::new(unit).weak());
                });
                asked = body(ui);
            });
        });
    asked
}

fn headline_card(ui: &mut egui::Ui, headline: &Headline, width: f32) -> Option<Go> {
    card_frame(
        ui,
        width,
        headline.title,
        headline.count,
        &headline.unit,
        headline.alert,
        |ui| {
            let mut asked = None;
            if headline.items.is_empty() {
                ui.label(RichText::new("Nothing here.").weak());
            }
            for item in &headline.items {
                if ui
                    .add(egui::Link::new(&item.text))
                    .on_hover_text("Open where this is explained")
                    .clicked()
                {
                    asked = Some(Go::To(item.opens.clone()));
                }
            }
            if headline.count > headline.items.len() && ui.small_button("See all").clicked() {
                asked = Some(Go::To(headline.all.clone()));
            }
            asked
        },
    )
}

fn review_card(ui: &mut egui::Ui, waiting: usize, width: f32) -> Option<Go> {
    card_frame(
        ui,
        width,
        "Self ratings to review",
        waiting,
        plural(waiting, "difference", "differences"),
        waiting > 0,
        |ui| {
            ui.label(
                RichText::new(
                    "Self ratings that differ from the manager's count nowhere until you \
                     settle them.",
                )
                .weak(),
            );
            (waiting > 0 && ui.small_button("Review them").clicked()).then_some(Go::Review)
        },
    )
}

fn empty_team_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    ui.add_space(20.0);
    ui.label(
        "No members yet. Open a roster or a workspace, try the sample team, or add the team \
         one member at a time.",
    );
    ui.horizontal(|ui| {
        for item in [
            super::MenuCommand::Open,
            super::MenuCommand::ImportRoster,
            super::MenuCommand::TrySample,
            super::MenuCommand::AddMember,
        ] {
            if ui
                .button(item.label())
                .on_hover_text(item.tooltip())
                .clicked()
            {
                view.send(item.command());
            }
        }
    });
}

/// Opens what a card pointed at.
fn follow(view: &mut ViewCtx, go: Go, stale_before: Option<crate::model::Date>) {
    let state: &AppState = view.state;
    match go {
        Go::Review => view.send(Command::ShowView(View::Review)),
        Go::To(Opens::Skill(id)) => view.send(Command::ShowSkillById(id.to_string())),
        Go::To(Opens::Member(member)) => view.send(Command::ShowMemberFit(member)),
        Go::To(Opens::Project(name)) => {
            let workspace = state.workspace();
            if let Some(index) = workspace.projects.iter().position(|p| p.name == name) {
                view.selection.staffing.select_project(workspace, index);
            }
            view.send(Command::ShowView(View::Staffing));
        }
        Go::To(Opens::StaleRatings) => {
            let filter = MatrixFilter {
                stale_before,
                ..state.filter().clone()
            };
            view.send(Command::SetFilter(filter));
            view.send(Command::ShowView(View::Matrix));
        }
        Go::To(Opens::Timeline) => view.send(Command::ShowView(View::Timeline)),
        Go::To(Opens::Gaps) => view.send(Command::ShowView(View::Gaps)),
        Go::To(Opens::Succession) => view.send(Command::ShowView(View::Fit)),
        Go::To(Opens::Staffing) => view.send(Command::ShowView(View::Staffing)),
        Go::To(Opens::Hiring) => view.send(Command::ShowView(View::Hiring)),
        Go::To(Opens::ChangesSince(date)) => {
            let filter = MatrixFilter {
                since: Some(date),
                ..state.filter().clone()
            };
            view.send(Command::SetFilter(filter));
            view.send(Command::ShowView(View::Matrix));
        }
    }
}
