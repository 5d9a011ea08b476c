//! The skills matrix: members as rows, skills as columns, each cell coloured
//! by level. Built on egui_table, which lays out only the rows and columns on
//! screen, so a frame costs the same at 50 members or a million.

use super::ViewCtx;
use crate::app::{AppState, Command, Ratings, SortKey};
use crate::model::{Cell, Level, SkillKind};
use crate::palette::ALERT_RGB;
use eframe::egui::{self, Align2, Color32, CornerRadius, FontId, Sense, Stroke, StrokeKind};
mod cell_menu;
mod keys;
mod marks;
mod member_menu;
pub use member_menu::leaver_dialog_ui;
mod role_menu;
mod toolbar;
mod tooltip;

use marks::{below_role_mark, movement_mark, rgb, stale_mark};
pub use marks::{cell_label, level_colour};

use egui_table::{CellInfo, Column, HeaderCellInfo, HeaderRow, Table, TableDelegate};

/// Name, role, team and fit come before the skills.
const FIXED_COLUMNS: usize = 4;
const STICKY_COLUMNS: usize = 2;
/// A level cell's width: at least this, wider when the window has room.
const CELL_WIDTH: f32 = 30.0;
const WIDEST_CELL: f32 = 46.0;
const ROW_HEIGHT: f32 = 24.0;
/// Room for a skill name written upwards in its column: the longest name,
/// between these and never more than a quarter of the window.
const SHORTEST_HEADER: f32 = 90.0;
const TALLEST_HEADER: f32 = 260.0;

pub fn matrix_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    toolbar::toolbar_ui(view, ui);
    toolbar::legend_ui(view.state, ui);
    toolbar::selected_cell_ui(view, ui);
    ui.add_space(4.0);
    keys::keyboard(view, ui);
    let state = view.state;
    if state.derived().rows.is_empty() || state.derived().columns.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.label(if state.workspace().members.is_empty() {
                "No members yet: open a roster CSV (File > Open, or drop one on the window)."
            } else {
                "Nothing matches the filters."
            });
        });
        return;
    }
    let derived = state.derived();
    // Egui_table sizes columns to what the first frame shows and widens
    // them as longer text scrolls in; a floor at the longest name, title
    // and team keeps every one whole and the widths still while sorting.
    let text_width = |text: &str| {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let galley = ui
            .painter()
            .layout_no_wrap(text.to_string(), font, Color32::WHITE);
        galley.size().x + 16.0
    };
    let name_width = derived.longest_name.map_or(180.0, |member| {
        text_width(&state.workspace().members[member].name).clamp(100.0, 320.0)
    });
    let role_width = derived.longest_role.map_or(160.0, |role| {
        text_width(&derived.roles[role].1).clamp(80.0, 320.0)
    });
    let team_width = derived.longest_team.map_or(60.0, |team| {
        text_width(&derived.teams[team]).clamp(60.0, 240.0)
    });
    // The longest skill name decides the header band, up to a quarter of
    // the window; longer names end in an ellipsis with the whole on hover.
    let header_height = derived.longest_skill.map_or(SHORTEST_HEADER, |skill| {
        let font = FontId::proportional(12.0);
        let galley = ui.painter().layout_no_wrap(
            state.workspace().skills[skill].name.clone(),
            font,
            Color32::WHITE,
        );
        // Twenty rows under the headers come first, where the window has them.
        let rows_first = ui.available_height() - 42.0 - 20.0 * ROW_HEIGHT;
        (galley.size().x + 34.0)
            .min(ui.ctx().content_rect().height() / 4.0)
            .min(rows_first)
            .clamp(SHORTEST_HEADER, TALLEST_HEADER)
    });
    // Cells share the room the fixed columns leave, so a wide window is
    // used, not left empty.
    let fixed = name_width + role_width + team_width + 84.0;
    let cell_width = ((ui.available_width() - fixed - 24.0) / derived.columns.len().max(1) as f32)
        .clamp(CELL_WIDTH, WIDEST_CELL)
        .floor();
    let columns: Vec<Column> = [
        Column::new(name_width).range(name_width..=480.0),
        Column::new(role_width).range(role_width..=480.0),
        Column::new(team_width).range(team_width..=320.0),
        Column::new(84.0).resizable(false),
    ]
    .into_iter()
    .chain(
        derived
            .columns
            .iter()
            .map(|_| Column::new(cell_width).resizable(false)),
    )
    .collect();
    let workspace = state.workspace();
    let hard = derived
        .columns
        .iter()
        .filter(|&&column| workspace.skills[column].kind == SkillKind::Hard)
        .count();
    let first_skill = FIXED_COLUMNS;
    let mut groups = Vec::with_capacity(3);
    groups.push(0..FIXED_COLUMNS);
    if hard > 0 {
        groups.push(first_skill..first_skill + hard);
    }
    if hard < derived.columns.len() {
        groups.push(first_skill + hard..first_skill + derived.columns.len());
    }
    let mut table = Table::new()
        // Per document, so a new roster's name column fits its names.
        .id_salt(("matrix", state.document().id))
        .num_rows(derived.rows.len() as u64)
        .columns(columns)
        .num_sticky_cols(STICKY_COLUMNS)
        .headers([
            HeaderRow {
                height: 20.0,
                groups,
            },
            HeaderRow::new(header_height),
            HeaderRow::new(22.0),
        ]);
    if let Some((member, skill)) = state.scroll_to() {
        view.send(Command::ScrolledTo);
        if let Some(row) = derived.rows.iter().position(|&m| m == member) {
            table = table.scroll_to_row(row as u64, None);
        }
        if let Some(column) = derived.columns.iter().position(|&s| s == skill) {
            table = table.scroll_to_column(FIXED_COLUMNS + column, None);
        }
    }
    let mut delegate = MatrixDelegate { view, hard };
    table.show(ui, &mut delegate);
}

struct MatrixDelegate<'a, 'v> {
    view: &'a mut ViewCtx<'v>,
    /// How many of the shown skill columns are hard skills (they come first).
    hard: usize,
}

impl MatrixDelegate<'_, '_> {
    fn state(&self) -> &AppState {
        self.view.state
    }

    fn skill_column(&self, col_nr: usize) -> Option<usize> {
        col_nr
            .checked_sub(FIXED_COLUMNS)
            .map(|index| self.view.state.derived().columns[index])
    }

    fn sort_by(&mut self, key: SortKey) {
        let mut filter = self.view.state.filter().clone();
        if filter.sort == key {
            filter.descending = !filter.descending;
        } else {
            filter.sort = key;
            // Levels and fit read best first; names read A to Z.
            filter.descending = matches!(key, SortKey::Skill(_) | SortKey::Fit);
        }
        self.view.send(Command::SetFilter(filter));
    }

    /// A small triangle under a sorted column's title, pointing the way
    /// the values run (painted: the bundled fonts have no arrow glyphs).
    fn sort_arrow(&self, ui: &egui::Ui, key: SortKey, at: egui::Pos2) {
        let filter = self.state().filter();
        if filter.sort != key {
            return;
        }
        let (tip, base) = if filter.descending {
            (4.0, -4.0)
        } else {
            (-4.0, 4.0)
        };
        let points = vec![
            egui::pos2(at.x - 4.5, at.y + base),
            egui::pos2(at.x + 4.5, at.y + base),
            egui::pos2(at.x, at.y + tip),
        ];
        ui.painter().add(egui::Shape::convex_polygon(
            points,
            ui.visuals().strong_text_color(),
            Stroke::NONE,
        ));
    }

    fn group_header(&self, ui: &mut egui::Ui, cell: &HeaderCellInfo) {
        let text = if cell.col_range.start == 0 {
            "Member"
        } else if cell.col_range.start < FIXED_COLUMNS + self.hard {
            "Hard skills"
        } else {
            "Soft skills"
        };
        ui.painter()
            .rect_filled(ui.max_rect(), 0.0, ui.visuals().faint_bg_color);
        ui.add_space(4.0);
        ui.strong(text);
    }

    fn name_header(&mut self, ui: &mut egui::Ui, col_nr: usize) {
        let (title, key) = match col_nr {
            0 => ("Name", SortKey::Name),
            1 => ("Role", SortKey::Role),
            2 => ("Team", SortKey::Team),
            _ => ("Fit", SortKey::Fit),
        };
        ui.with_layout(egui::Layout::bottom_up(egui::Align::LEFT), |ui| {
            let hover = if key == SortKey::Fit {
                format!(
                    "Sort by fit for their own role, and the required skills they meet. {}",
                    crate::analysis::FIT_FORMULA
                )
            } else {
                format!("Sort by {}", title.to_lowercase())
            };
            let response = ui
                .add(egui::Button::new(egui::RichText::new(title).strong()).frame(false))
                .on_hover_text(hover);
            self.sort_arrow(ui, key, response.rect.right_center() + egui::vec2(9.0, 0.0));
            if response.clicked() {
                self.sort_by(key);
            }
        });
    }

    /// A skill name written upwards inside its own column, so what is
    /// drawn, what the pointer hits and what AccessKit reports are the
    /// same rectangle.
    fn skill_header(&mut self, ui: &mut egui::Ui, column: usize) {
        let skill = &self.view.state.workspace().skills[column];
        let rect = ui.max_rect();
        let response = ui.interact(
            rect,
            ui.scope_id().with(("skill-header", column)),
            Sense::click(),
        );
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Sort by {}", skill.name))
        });
        let colour = if response.hovered() {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().text_color()
        };
        if response.hovered() {
            ui.painter().rect_filled(
                rect.shrink(1.0),
                2.0,
                ui.visuals().widgets.hovered.weak_bg_fill,
            );
        }
        let font = FontId::proportional(12.0);
        let fits = rect.height() - 20.0;
        let mut name = skill.name.clone();
        let mut galley = ui
            .painter()
            .layout_no_wrap(name.clone(), font.clone(), colour);
        while galley.size().x > fits && name.chars().count() > 4 {
            let keep = name.chars().count().saturating_sub(3);
            name = format!(
                "{}…",
                skill.name.chars().take(keep).collect::<String>().trim_end()
            );
            galley = ui
                .painter()
                .layout_no_wrap(name.clone(), font.clone(), colour);
        }
        self.sort_arrow(
            ui,
            SortKey::Skill(column),
            egui::pos2(rect.center().x, rect.bottom() - 6.0),
        );
        // Rotated a quarter turn about its top-left corner: the text's top
        // edge lands on the left, so centre its height in the column.
        let anchor = egui::pos2(
            rect.center().x - galley.size().y / 2.0,
            rect.bottom() - 14.0,
        );
        ui.painter().add(
            egui::epaint::TextShape::new(anchor, galley, colour)
                .with_angle(-std::f32::consts::FRAC_PI_2),
        );
        let tooltip = format!(
            "{} ({}, {}): click to sort",
            skill.name,
            skill.kind.label(),
            skill.category
        );
        if response.on_hover_text(tooltip).clicked() {
            self.sort_by(SortKey::Skill(column));
        }
    }

    /// The per-skill count of people who can lead it, and the bus-factor mark.
    fn coverage_header(&self, ui: &mut egui::Ui, col_nr: usize) {
        let Some(column) = self.skill_column(col_nr) else {
            if col_nr == 0 {
                ui.add_space(4.0);
                let lead = self.state().workspace().settings.lead_level;
                let derived = self.state().derived();
                // Counted over the team and role filter: search, stale and
                // changes-since only pick the rows shown.
                let label = if derived.scope_words.is_empty() {
                    format!("Can lead ({lead}+)")
                } else {
                    format!("Can lead ({lead}+) {}", derived.scope_words)
                };
                ui.label(egui::RichText::new(label).small())
                    .on_hover_text(format!(
                        "Members who can lead each skill, of the {} {}; search, Stale and \
                     Changes since pick rows to show and never change a count",
                        derived.in_scope,
                        if derived.scope_words.is_empty() {
                            "on the team".to_string()
                        } else {
                            derived.scope_words.clone()
                        }
                    ));
            }
            return;
        };
        let derived = self.state().derived();
        let leaders = derived.shown_leaders[column];
        let risky = derived.shown_bus_factor[column];
        let rect = ui.max_rect();
        if risky {
            ui.painter()
                .rect_filled(rect.shrink(1.0), CornerRadius::same(2), rgb(ALERT_RGB));
        }
        let colour = if risky {
            Color32::WHITE
        } else {
            ui.visuals().text_color()
        };
        ui.painter().text(
            rect.center(),
            Align2::CENTER_CENTER,
            leaders.to_string(),
            FontId::proportional(12.0),
            colour,
        );
        let skill = &self.state().workspace().skills[column].name;
        let scope = &derived.scope_words;
        let within = if scope.is_empty() {
            String::new()
        } else {
            format!(" {scope}")
        };
        let text = if risky {
            format!(
                "{leaders} can lead {skill}{within}: a single point of failure for a required \
                 skill"
            )
        } else {
            format!("{leaders} can lead {skill}{within}")
        };
        ui.interact(
            rect,
            ui.scope_id().with(("coverage", column)),
            Sense::hover(),
        )
        .on_hover_text(text);
    }

    fn skill_cell(&mut self, ui: &mut egui::Ui, member: usize, column: usize) {
        let state = self.view.state;
        let workspace = state.workspace();
        let cell: Cell = workspace.cell(member, column);
        let rect = ui.max_rect().shrink(1.0);
        let response = ui.interact(
            rect,
            ui.scope_id().with(("cell", member, column)),
            Sense::click(),
        );
        let member_name = &workspace.members[member].name;
        let skill_name = &workspace.skills[column].name;
        let words = &workspace.settings.scale;
        // Built only when asked for (accessibility, tooltip), not every frame.
        let waiting = state.derived().waiting(member, column);
        let value = || {
            let level = cell.level().map_or("not assessed".to_string(), |level| {
                format!("{level} {}", words.word(level))
            });
            match waiting {
                Some(own) => format!("{level}; self-rated {own}, not reviewed"),
                None => level,
            }
        };
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("{}: {}", cell_label(member_name, skill_name), value()),
            )
        });
        let painter = ui.painter();
        let ratings = state.filter().ratings;
        if ratings == Ratings::Current {
            marks::paint_level(painter, rect, cell.level());
            if cell.level().is_none_or(|level| level == Level::NONE) && !ui.visuals().dark_mode {
                // The palest cells need an edge to stand off a light background.
                painter.rect_stroke(
                    rect,
                    CornerRadius::ZERO,
                    Stroke::new(1.0, Color32::from_gray(170)),
                    StrokeKind::Inside,
                );
            }
        } else {
            let own = state.derived().self_rating(member, column);
            marks::paint_rating(painter, rect, ratings, cell.level(), own);
        }
        if cell.interest() {
            painter.circle_filled(
                egui::pos2(rect.right() - 4.0, rect.top() + 4.0),
                3.0,
                rgb(ALERT_RGB),
            );
        }
        let derived = state.derived();
        if let Some(movement) = derived.changed.movement(member, column) {
            movement_mark(painter, rect, movement);
        }
        if derived.is_stale(member, column) {
            stale_mark(painter, rect);
        }
        if let Some(target) = derived.target_state(member, column) {
            cell_menu::target_mark(painter, rect, target);
        }
        if derived.is_lapsed(member, column) {
            cell_menu::lapsed_mark(painter, rect);
        }
        if derived.work.disagreement(member, column).is_some() {
            marks::work_mark(painter, rect);
        }
        if ratings == Ratings::Current
            && let Some(level) = derived.waiting(member, column)
        {
            marks::waiting_mark(painter, rect, level);
        }
        let required = state.derived().required(member, column);
        if let Some(required) = required
            && cell.level().is_none_or(|level| level < required)
        {
            below_role_mark(painter, rect);
        }
        if state.selected() == Some((member, column)) {
            painter.rect_stroke(
                rect,
                CornerRadius::same(2),
                Stroke::new(2.5, ui.visuals().selection.stroke.color),
                StrokeKind::Outside,
            );
        } else if response.hovered() {
            painter.rect_stroke(
                rect,
                CornerRadius::same(2),
                Stroke::new(1.0, ui.visuals().strong_text_color()),
                StrokeKind::Inside,
            );
        }
        let response = response.on_hover_ui(|ui| {
            tooltip::cell_tooltip(ui, state, member, column, &value());
        });
        if response.clicked() {
            self.view.send(Command::Select(Some((member, column))));
        }
        response.context_menu(|ui| cell_menu::cell_menu(self.view, ui, member, column));
    }
}

impl TableDelegate for MatrixDelegate<'_, '_> {
    fn header_cell_ui(&mut self, ui: &mut egui::Ui, cell: &HeaderCellInfo) {
        match cell.row_nr {
            0 => self.group_header(ui, cell),
            1 => match self.skill_column(cell.col_range.start) {
                Some(column) => self.skill_header(ui, column),
                None => self.name_header(ui, cell.col_range.start),
            },
            _ => self.coverage_header(ui, cell.col_range.start),
        }
    }

    fn row_ui(&mut self, ui: &mut egui::Ui, row_nr: u64) {
        if row_nr % 2 == 1 {
            ui.painter()
                .rect_filled(ui.max_rect(), 0.0, ui.visuals().faint_bg_color);
        }
    }

    fn cell_ui(&mut self, ui: &mut egui::Ui, cell: &CellInfo) {
        let state = self.view.state;
        let member = state.derived().rows[cell.row_nr as usize];
        if let Some(column) = self.skill_column(cell.col_nr) {
            self.skill_cell(ui, member, column);
            return;
        }
        let workspace = state.workspace();
        let record = &workspace.members[member];
        ui.add_space(4.0);
        match cell.col_nr {
            0 => member_menu::name_cell(self.view, ui, member),
            1 => role_menu::role_cell(self.view, ui, member),
            2 => {
                ui.label(record.team.as_deref().unwrap_or("—"));
            }
            _ => {
                match state.derived().fit[member] {
                    None => ui.label("—").on_hover_text("No role to measure against"),
                    Some(fit) if !fit.coverage.judgeable() => ui
                        .weak("?")
                        .on_hover_text(crate::analysis::fit_text(fit.score, &fit.coverage)),
                    Some(fit) => ui
                        .label(format!(
                            "{:.0} · {}/{}",
                            fit.score, fit.coverage.required_met, fit.coverage.required
                        ))
                        .on_hover_text(format!(
                            "Fit for their own role, 0-100, {}. {}",
                            fit.coverage.text(),
                            crate::analysis::FIT_FORMULA
                        )),
                };
            }
        }
    }

    fn default_row_height(&self) -> f32 {
        ROW_HEIGHT
    }
}
