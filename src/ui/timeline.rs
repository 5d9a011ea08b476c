//! The timeline: people (or project lines) by week, virtualised both ways.
//! Bookings are bars coloured by project, time away is hatched, a week
//! booked past what someone has is edged in red, and an open line is red.
//! Click a bar to open its project; drag a bar's first or last week to
//! move the project's start or end.

use super::ViewCtx;
use super::widgets;
use crate::app::{Command, Timeline};
use crate::model::{week_label, week_of, week_start};
use crate::palette::SERIES_RGB;
use eframe::egui::{self, Color32, CornerRadius, Sense, Stroke, StrokeKind};
use egui_table::{CellInfo, Column, HeaderCellInfo, HeaderRow, Table, TableDelegate};

const NAME_WIDTH: f32 = 220.0;
/// Project lines are named "project: skill level+".
const LINE_NAME_WIDTH: f32 = 340.0;
const ROW_HEIGHT: f32 = 24.0;
/// A project line all filled, part filled, open; a week booked past it.
const FILLED: Color32 = Color32::from_rgb(0x1b, 0x9e, 0x5a);
const PART_FILLED: Color32 = Color32::from_rgb(0xe0, 0x9b, 0x16);
const OPEN: Color32 = Color32::from_rgb(0xd6, 0x2d, 0x2d);

fn project_colour(project: usize) -> Color32 {
    let [r, g, b] = SERIES_RGB[project % SERIES_RGB.len()];
    Color32::from_rgb(r, g, b)
}

pub fn timeline_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    widgets::view_heading(ui, "Timeline", view.state.insights().updating());
    let mut form = view.selection.timeline;
    let shown = (form.lines, form.week_width);
    ui.horizontal(|ui| {
        ui.selectable_value(&mut form.lines, false, "People");
        ui.selectable_value(&mut form.lines, true, "Project lines");
        ui.separator();
        let label = ui.label("Week width");
        ui.add(egui::Slider::new(&mut form.week_width, 10.0..=60.0).show_value(false))
            .labelled_by(label.id);
        if ui.button("Today").clicked() {
            form.scroll_to_today = true;
        }
    });
    legend_ui(view.state, form.lines, ui);
    // A new mode or zoom is a new table: it opens on today again.
    if (form.lines, form.week_width) != shown {
        form.scroll_to_today = true;
    }
    let timeline = view.state.timeline();
    if timeline.weeks == 0 {
        widgets::none_line(ui, "Nothing to show yet.");
        view.selection.timeline = form;
        return;
    }
    let rows = if form.lines {
        timeline.lines.len()
    } else {
        view.state.workspace().members.len()
    };
    let name_width = if form.lines {
        LINE_NAME_WIDTH
    } else {
        NAME_WIDTH
    };
    let columns: Vec<Column> = std::iter::once(Column::new(name_width).range(120.0..=520.0))
        .chain((0..timeline.weeks).map(|_| Column::new(form.week_width).resizable(false)))
        .collect();
    let mut table = Table::new()
        // Per document: a scroll kept from a longer one would show nothing.
        .id_salt((
            "timeline",
            view.state.document().id,
            form.lines,
            form.week_width as u32,
        ))
        .num_rows(rows as u64)
        .columns(columns)
        .num_sticky_cols(1)
        .headers([HeaderRow::new(20.0), HeaderRow::new(22.0)]);
    if form.scroll_to_today {
        form.scroll_to_today = false;
        let today = week_of(view.state.today()) - timeline.first_week;
        table = table.scroll_to_column(1 + today.max(0) as usize, None);
    }
    view.selection.timeline = form;
    let mut delegate = TimelineDelegate {
        view,
        released: false,
        drop: None,
        open: None,
    };
    delegate.released = ui.input(|i| i.pointer.any_released());
    table.show(ui, &mut delegate);
    let (drop, open) = (delegate.drop, delegate.open);
    if let Some((project, start, weeks)) = drop {
        view.send(Command::ShiftProjectDates {
            project,
            start,
            weeks,
        });
    }
    if ui.input(|i| i.pointer.any_released()) {
        view.selection.timeline.dragging = None;
    }
    if let Some(project) = open {
        let workspace = view.state.workspace();
        view.selection.staffing.select_project(workspace, project);
        view.send(Command::ShowView(crate::app::View::Staffing));
    }
}

struct TimelineDelegate<'a, 'v> {
    view: &'a mut ViewCtx<'v>,
    released: bool,
    /// A drag let go over a week: (project, its start, weeks moved).
    drop: Option<(usize, bool, i32)>,
    open: Option<usize>,
}

impl TimelineDelegate<'_, '_> {
    fn timeline(&self) -> &Timeline {
        self.view.state.timeline()
    }

    fn week_of_column(&self, col_nr: usize) -> Option<i32> {
        (col_nr >= 1).then(|| self.timeline().first_week + col_nr as i32 - 1)
    }

    /// Takes a press on a bar's end as the start of a drag, and a release
    /// over a week as where that end goes.
    fn drag_and_drop(&mut self, response: &egui::Response, ends: Option<(usize, bool)>, week: i32) {
        if response.drag_started()
            && let Some((project, start)) = ends
        {
            self.view.selection.timeline.dragging = Some((project, start, week));
        }
        if self.released
            && response.contains_pointer()
            && let Some((project, start, from)) = self.view.selection.timeline.dragging
            && from != week
        {
            self.drop = Some((project, start, week - from));
        }
    }

    fn member_cell(&mut self, ui: &mut egui::Ui, member: usize, week: i32) {
        let rect = ui.max_rect();
        let response = ui.interact(
            rect,
            ui.scope_id().with(("timeline-cell", member, week)),
            Sense::click_and_drag(),
        );
        let state = self.view.state;
        // Built only when asked for (accessibility), not every frame.
        response.widget_info(|| {
            let name = &state.workspace().members[member].name;
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("{name}, {}", week_label(week)),
            )
        });
        let timeline = self.view.state.timeline();
        let painter = ui.painter();
        let away = timeline.away_in(member, week);
        if away > 0.0 {
            hatch(painter, rect, away);
        }
        let inner = rect.shrink2(egui::vec2(0.0, 2.0));
        let mut bottom = inner.bottom();
        let mut first_bar = None;
        let mut ends = None;
        for bar in timeline.bars_in(member, week) {
            first_bar.get_or_insert(bar.project);
            let height = (inner.height() * bar.fte as f32).max(3.0);
            let top = (bottom - height).max(inner.top());
            let bar_rect = egui::Rect::from_min_max(
                egui::pos2(rect.left(), top),
                egui::pos2(rect.right(), bottom),
            );
            painter.rect_filled(bar_rect, CornerRadius::ZERO, project_colour(bar.project));
            if bar.tentative {
                stripes(painter, bar_rect);
            }
            if bar.first == week || bar.last == week {
                ends.get_or_insert((bar.project, bar.first == week));
                let x = if bar.first == week {
                    bar_rect.left() + 1.0
                } else {
                    bar_rect.right() - 1.0
                };
                painter.line_segment(
                    [
                        egui::pos2(x, bar_rect.top()),
                        egui::pos2(x, bar_rect.bottom()),
                    ],
                    Stroke::new(2.0, Color32::WHITE),
                );
            }
            bottom = top;
        }
        if timeline.is_over(member, week) {
            painter.rect_stroke(
                rect.shrink(1.0),
                CornerRadius::ZERO,
                Stroke::new(2.0, OPEN),
                StrokeKind::Inside,
            );
        }
        if week == week_of(self.view.state.today()) {
            painter.vline(
                rect.left(),
                rect.y_range(),
                Stroke::new(1.0, ui.visuals().strong_text_color()),
            );
        }
        self.drag_and_drop(&response, ends, week);
        let response = response.on_hover_ui(|ui| {
            let workspace = state.workspace();
            ui.strong(&workspace.members[member].name);
            ui.label(format!("{} (from {})", week_label(week), week_start(week)));
            for bar in state.timeline().bars_in(member, week) {
                let name = workspace
                    .projects
                    .get(bar.project)
                    .map_or("a project", |p| p.name.as_str());
                ui.label(format!(
                    "{name}: {:.2} FTE{}",
                    bar.fte,
                    if bar.pinned { " (pinned)" } else { "" }
                ));
            }
            if away > 0.0 {
                ui.label(format!("Away {:.0}% of the week", away * 100.0));
            }
            if state.timeline().is_over(member, week) {
                ui.colored_label(ui.visuals().error_fg_color, "Booked past what they have");
            }
        });
        if response.clicked()
            && let Some(project) = first_bar
        {
            self.open = Some(project);
        }
    }

    fn line_cell(&mut self, ui: &mut egui::Ui, row: usize, week: i32) {
        let rect = ui.max_rect();
        let response = ui.interact(
            rect,
            ui.scope_id().with(("timeline-line", row, week)),
            Sense::click_and_drag(),
        );
        let Some(line) = self.timeline().lines.get(row).cloned() else {
            return;
        };
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("{}, {}", line.label, week_label(week)),
            )
        });
        if week < line.first || week > line.last {
            return;
        }
        // Lines are coloured by how full they are, not by project.
        let colour = if line.filled == line.people {
            FILLED
        } else if line.filled == 0 {
            OPEN
        } else {
            PART_FILLED
        };
        let bar = rect.shrink2(egui::vec2(0.0, 5.0));
        ui.painter().rect_filled(bar, CornerRadius::ZERO, colour);
        let tentative = self
            .view
            .state
            .workspace()
            .projects
            .get(line.project)
            .is_some_and(crate::model::Project::is_tentative);
        if tentative {
            stripes(ui.painter(), bar);
        }
        let ends =
            (week == line.first || week == line.last).then_some((line.project, week == line.first));
        self.drag_and_drop(&response, ends, week);
        let response = response.on_hover_text(format!(
            "{}: {} of {} filled, {} to {}",
            line.label,
            line.filled,
            line.people,
            week_label(line.first),
            week_label(line.last)
        ));
        if response.clicked() {
            self.open = Some(line.project);
        }
    }
}

/// What the colours and marks mean, drawn as they are drawn in the table:
/// each project's colour, time away, over-booked; or the lines' states.
fn legend_ui(state: &crate::app::AppState, lines: bool, ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        let swatch = |ui: &mut egui::Ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), Sense::hover());
            rect
        };
        if lines {
            for (label, colour) in [
                ("filled", FILLED),
                ("part filled", PART_FILLED),
                ("open", OPEN),
            ] {
                let rect = swatch(ui);
                ui.painter().rect_filled(rect, 2.0, colour);
                ui.label(egui::RichText::new(label).small());
                ui.add_space(6.0);
            }
        } else {
            for (index, project) in state.workspace().projects.iter().enumerate().take(12) {
                let rect = swatch(ui);
                ui.painter().rect_filled(rect, 2.0, project_colour(index));
                ui.label(egui::RichText::new(&project.name).small());
                ui.add_space(6.0);
            }
            if state
                .workspace()
                .projects
                .iter()
                .any(crate::model::Project::is_tentative)
            {
                let rect = swatch(ui);
                ui.painter().rect_filled(rect, 2.0, project_colour(0));
                stripes(ui.painter(), rect);
                ui.label(egui::RichText::new("tentative (striped)").small());
                ui.add_space(6.0);
            }
            let rect = swatch(ui);
            hatch(ui.painter(), rect, 1.0);
            ui.label(egui::RichText::new("time away").small());
            ui.add_space(6.0);
            let rect = swatch(ui);
            ui.painter().rect_stroke(
                rect.shrink(1.0),
                CornerRadius::ZERO,
                Stroke::new(2.0, OPEN),
                StrokeKind::Inside,
            );
            ui.label(egui::RichText::new("booked past their time").small());
        }
        ui.add_space(10.0);
        ui.label(
            egui::RichText::new(
                "Click a bar to open its project; drag its first or last week to move the \
                 project's start or end.",
            )
            .weak()
            .small(),
        );
    });
}

/// White stripes over a tentative project's bar: there, but not yet firm.
fn stripes(painter: &egui::Painter, rect: egui::Rect) {
    let clipped = painter.with_clip_rect(rect);
    let stroke = Stroke::new(2.0, Color32::from_white_alpha(150));
    let mut x = rect.left() - rect.height();
    while x < rect.right() {
        clipped.line_segment(
            [
                egui::pos2(x, rect.bottom()),
                egui::pos2(x + rect.height(), rect.top()),
            ],
            stroke,
        );
        x += 5.0;
    }
}

/// Hatched over the share of the cell's height a member is away.
fn hatch(painter: &egui::Painter, rect: egui::Rect, share: f32) {
    let away = egui::Rect::from_min_max(
        egui::pos2(rect.left(), rect.bottom() - rect.height() * share.min(1.0)),
        rect.right_bottom(),
    );
    painter.rect_filled(
        away,
        CornerRadius::ZERO,
        Color32::from_gray(120).gamma_multiply(0.35),
    );
    let clipped = painter.with_clip_rect(away);
    let stroke = Stroke::new(1.0, Color32::from_gray(110));
    let mut x = away.left() - away.height();
    while x < away.right() {
        clipped.line_segment(
            [
                egui::pos2(x, away.bottom()),
                egui::pos2(x + away.height(), away.top()),
            ],
            stroke,
        );
        x += 6.0;
    }
}

impl TableDelegate for TimelineDelegate<'_, '_> {
    fn header_cell_ui(&mut self, ui: &mut egui::Ui, cell: &HeaderCellInfo) {
        let Some(week) = self.week_of_column(cell.col_range.start) else {
            if cell.row_nr == 1 {
                ui.strong(if self.view.selection.timeline.lines {
                    "Project line"
                } else {
                    "Member"
                });
            }
            return;
        };
        let monday = week_start(week);
        let width = self.view.selection.timeline.week_width;
        if cell.row_nr == 0 {
            // The month, over its first week.
            let previous = week_start(week - 1);
            if previous.month() != monday.month() || cell.col_range.start == 1 {
                // A week is narrow: the month, and the year where it turns.
                let text = if monday.month() == 1 || cell.col_range.start == 1 {
                    format!(
                        "{} {}",
                        crate::words::month_name(monday.month()),
                        monday.year() % 100
                    )
                } else {
                    crate::words::month_name(monday.month()).to_string()
                };
                ui.add(egui::Label::new(egui::RichText::new(text).small()).extend())
                    .on_hover_text(format!(
                        "{} {}",
                        crate::words::month_name(monday.month()),
                        monday.year()
                    ));
            }
            return;
        }
        let number = week_label(week);
        let short = number.rsplit('-').next().unwrap_or(&number);
        if width >= 24.0 || (week - self.timeline().first_week) % 4 == 0 {
            ui.add(egui::Label::new(egui::RichText::new(short).small().weak()).extend())
                .on_hover_text(format!("{number}, from {monday}"));
        }
    }

    fn row_ui(&mut self, ui: &mut egui::Ui, row_nr: u64) {
        if row_nr % 2 == 1 {
            ui.painter()
                .rect_filled(ui.max_rect(), 0.0, ui.visuals().faint_bg_color);
        }
    }

    fn cell_ui(&mut self, ui: &mut egui::Ui, cell: &CellInfo) {
        let row = cell.row_nr as usize;
        let lines = self.view.selection.timeline.lines;
        match self.week_of_column(cell.col_nr) {
            None => {
                ui.add_space(4.0);
                let text = if lines {
                    self.timeline()
                        .lines
                        .get(row)
                        .map_or(String::new(), |line| line.label.clone())
                } else {
                    self.view
                        .state
                        .workspace()
                        .members
                        .get(row)
                        .map_or(String::new(), |m| m.name.clone())
                };
                ui.add(egui::Label::new(text).truncate());
            }
            Some(week) if lines => self.line_cell(ui, row, week),
            Some(week) => self.member_cell(ui, row, week),
        }
    }

    fn default_row_height(&self) -> f32 {
        ROW_HEIGHT
    }
}
