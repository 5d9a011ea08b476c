//! Small pieces the insight views share: headings, money, colours, and the
//! "not ready yet" states.

use crate::app::{AppState, InsightResults};
use crate::palette::{ALERT_RGB, OK_RGB};
use eframe::egui::{self, Color32, RichText};

pub fn alert_colour() -> Color32 {
    let [r, g, b] = ALERT_RGB;
    Color32::from_rgb(r, g, b)
}

pub fn ok_colour() -> Color32 {
    let [r, g, b] = OK_RGB;
    Color32::from_rgb(r, g, b)
}

/// A view's title, with a spinner while newer results are on their way.
pub fn view_heading(ui: &mut egui::Ui, title: &str, updating: bool) {
    ui.horizontal(|ui| {
        ui.heading(title);
        if updating {
            ui.spinner();
            ui.label(RichText::new("updating…").weak());
        }
    });
}

pub fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(8.0);
    ui.label(RichText::new(title).strong().size(15.0));
    ui.add_space(2.0);
}

/// A yearly amount: `167,500`.
pub fn money(value: f64) -> String {
    crate::words::money(value)
}

/// The results to draw, or a note that they are on their way.
pub fn results<'a>(state: &'a AppState, ui: &mut egui::Ui) -> Option<&'a InsightResults> {
    let results = state.insights().results();
    if results.is_none() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Analysing the roster…");
        });
    }
    results
}

/// The team filter the insight views share.
pub fn team_filter_ui(view: &mut super::ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    let label = ui.label("Team");
    let options = state.insight_options();
    let shown = options
        .team
        .clone()
        .unwrap_or_else(|| "All teams".to_string());
    let mut team = options.team.clone();
    egui::ComboBox::from_id_salt("insight-team")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut team, None, "All teams");
            for name in &state.derived().teams {
                ui.selectable_value(&mut team, Some(name.clone()), name);
            }
        })
        .response
        .labelled_by(label.id);
    if team != options.team {
        let mut options = options.clone();
        options.team = team;
        view.send(crate::app::Command::SetInsightOptions(options));
    }
}

/// Long lists show this many rows; the rest are in the exports.
pub const LISTED: usize = 40;

/// Says how many rows of a list of `total` were left out.
pub fn more_line(ui: &mut egui::Ui, total: usize) {
    if total > LISTED {
        ui.label(
            RichText::new(format!(
                "… and {} more (all of them are in the CSV and HTML exports)",
                total - LISTED
            ))
            .weak(),
        );
    }
}

/// A short empty-state line, weaker than content.
pub fn none_line(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).weak().italics());
}

/// A static plot whose y axis names categories (skills, teams) at the given
/// y values: no panning or zooming, which would only lose the labels.
pub fn category_plot(
    id: &str,
    labels: Vec<(f64, String)>,
    height: f32,
    label_width: f32,
) -> egui_plot::Plot<'static> {
    let marks: Vec<f64> = labels.iter().map(|(y, _)| *y).collect();
    // Half a row of room above and below, so one row still makes a chart.
    let low = marks.iter().copied().fold(f64::INFINITY, f64::min);
    let high = marks.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (low, high) = if low.is_finite() {
        (low, high)
    } else {
        (0.0, 1.0)
    };
    let axis = egui_plot::AxisHints::new_y()
        .min_thickness(label_width)
        .label_spacing(8.0..=10.0)
        .formatter(move |mark, _| {
            labels
                .iter()
                .find(|(y, _)| (y - mark.value).abs() < 0.01)
                .map(|(_, name)| name.clone())
                .unwrap_or_default()
        });
    still_plot(id, height)
        .show_grid([true, false])
        .include_y(low - 0.6)
        .include_y(high + 0.6)
        .custom_y_axes(vec![axis])
        .y_grid_spacer(move |_| {
            marks
                .iter()
                .map(|&value| egui_plot::GridMark {
                    value,
                    step_size: 1.0,
                })
                .collect()
        })
}

/// Bars drawn in solid `colour` (egui_plot's default fill is faint).
pub fn solid(bars: Vec<egui_plot::Bar>, colour: Color32) -> Vec<egui_plot::Bar> {
    bars.into_iter()
        .map(|bar| bar.fill(colour).stroke(egui::Stroke::new(1.0, colour)))
        .collect()
}

/// A legend as a row of colour swatches, for charts too small to hold one.
pub fn legend_row(ui: &mut egui::Ui, entries: &[(&str, Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (label, colour) in entries {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *colour);
            ui.label(RichText::new(*label).small());
            ui.add_space(8.0);
        }
    });
}

/// Gives a widget that has no visible label of its own an accessible name.
pub fn name_widget(response: &egui::Response, name: &str) {
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::ComboBox, response.enabled(), name)
    });
}

/// A plot that stays as drawn: a chart to read, not to pan or zoom.
fn still_plot(id: &str, height: f32) -> egui_plot::Plot<'static> {
    egui_plot::Plot::new(id)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}

/// A chart over the rounds: x is the day, marked and labelled at each
/// round's date; y is a count or a level.
pub fn rounds_plot(
    id: &str,
    rounds: &[crate::model::Date],
    height: f32,
) -> egui_plot::Plot<'static> {
    let marks: Vec<(f64, String)> = rounds
        .iter()
        .map(|date| (day_number(*date), date.to_string()))
        .collect();
    let values: Vec<f64> = marks.iter().map(|(x, _)| *x).collect();
    let first = values.first().copied().unwrap_or(0.0);
    let last = values.last().copied().unwrap_or(1.0);
    let margin = ((last - first) * 0.08).max(10.0);
    // The plot fades labels by the step between marks: give the real one.
    let step = values
        .windows(2)
        .map(|pair| pair[1] - pair[0])
        .fold(f64::INFINITY, f64::min);
    let step = if step.is_finite() { step } else { 30.0 };
    let axis = egui_plot::AxisHints::new_x()
        .label_spacing(20.0..=40.0)
        .formatter(move |mark, _| {
            marks
                .iter()
                .find(|(x, _)| (x - mark.value).abs() < 0.5)
                .map(|(_, label)| label.clone())
                .unwrap_or_default()
        });
    still_plot(id, height)
        .include_x(first - margin)
        .include_x(last + margin)
        .include_y(0.0)
        .custom_x_axes(vec![axis])
        .x_grid_spacer(move |_| {
            values
                .iter()
                .map(|&value| egui_plot::GridMark {
                    value,
                    step_size: step,
                })
                .collect()
        })
}

/// Days since 1970-01-01: where a date sits on a rounds chart.
pub fn day_number(date: crate::model::Date) -> f64 {
    const EPOCH: crate::model::Date = crate::model::Date::constant(1970, 1, 1);
    f64::from(date.since(EPOCH).map_or(0, |span| span.get_days()))
}
