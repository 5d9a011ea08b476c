//! File > Import > Work evidence: which repository to read (and from when,
//! with which map of paths to skills), what a read found and for whom,
//! and the repositories already read, each to read again or remove.
//! Nothing is stored until "Store evidence".

use super::{UiCommand, ViewCtx};
use crate::app::{Command, FileIntent};
use eframe::egui::{self, RichText};

/// Authors and members listed before "and N more".
const LISTED: usize = 8;

pub fn evidence_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(dialog) = view.state.evidence_dialog() else {
        return;
    };
    let workspace = view.state.workspace();
    let mut form = dialog.form.clone();
    let mut answer: Option<UiCommand> = None;
    let width = (ctx.content_rect().width() - 60.0).clamp(320.0, 640.0);
    let max_height = ctx.content_rect().height() - 80.0;
    let modal = egui::Modal::new(egui::Id::unique("evidence-dialog")).show(ctx, |ui| {
        ui.set_width(width);
        ui.set_max_height(max_height);
        ui.heading("Work evidence from a repository");
        ui.label(
            RichText::new(
                "Reads the history on this machine; nothing leaves it. Stored per member, skill \
                 and month: commits, lines changed and the last day (no code, no commit \
                 messages). It is shown beside the ratings and never sets a level.",
            )
            .weak(),
        );
        ui.add_space(4.0);
        egui::Grid::new("evidence-form")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label("Repository");
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut form.repository)
                            .hint_text("the folder of a clone, or a bare .git folder")
                            .desired_width(width - 200.0),
                    )
                    .labelled_by(label.id);
                    if ui.button("Choose…").clicked() {
                        answer = Some(UiCommand::AskForFile(FileIntent::PickRepository));
                    }
                });
                ui.end_row();
                let label = ui.label("Map of paths");
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut form.map)
                            .hint_text("optional YAML; the built-in map otherwise")
                            .desired_width(width - 200.0),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(
                        "Globs as in .gitignore to skills, adding to the built-in map: \
                         rules: [{paths: [\"deploy/\"], skill: Containers & Kubernetes}]",
                    );
                    if ui.button("Choose…").clicked() {
                        answer = Some(UiCommand::AskForFile(FileIntent::PickEvidenceMap));
                    }
                });
                ui.end_row();
                let mut since = form.since.is_some();
                ui.checkbox(&mut since, "Only since");
                if since {
                    let day = form.since.get_or_insert_with(|| {
                        view.state
                            .today()
                            .checked_sub(jiff::Span::new().years(2))
                            .unwrap_or(view.state.today())
                    });
                    ui.add(
                        egui_extras::DatePickerButton::new(day)
                            .id_salt("evidence-since")
                            .show_icon(false),
                    );
                } else {
                    form.since = None;
                    ui.weak("the whole history");
                }
                ui.end_row();
                let label = ui.label("Half-life");
                let mut days = workspace.settings.evidence_half_life_days;
                let changed = ui
                    .add(
                        egui::DragValue::new(&mut days)
                            .range(1..=3650)
                            .suffix(" days"),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(
                        "A commit counts half as much for every this many days of age: \
                         recent work weighs most",
                    )
                    .changed();
                if changed {
                    answer = Some(Command::SetEvidenceHalfLife(days).into());
                }
                ui.end_row();
            });
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let reading = dialog.is_reading();
            if ui
                .add_enabled(!reading, egui::Button::new("Read the history"))
                .clicked()
            {
                answer = Some(Command::ReadEvidence.into());
            }
            if reading {
                ui.spinner();
                ui.label("Reading the history…");
            }
        });
        match &dialog.result {
            None => {}
            Some(Err(message)) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            Some(Ok(found)) => {
                ui.separator();
                found_ui(ui, found, &mut answer);
            }
        }
        if !workspace.evidence_sources.is_empty() {
            ui.separator();
            ui.strong("Read already");
            for source in &workspace.evidence_sources {
                ui.horizontal(|ui| {
                    let span = match (source.first, source.last) {
                        (Some(first), Some(last)) => format!(", {first} to {last}"),
                        _ => String::new(),
                    };
                    ui.label(format!(
                        "{}: {}, read {}{span}",
                        source.name,
                        crate::words::count_of(source.commits as usize, "commit", "commits"),
                        source.read_on
                    ))
                    .on_hover_text(&source.path);
                    if ui
                        .small_button("Read again")
                        .on_hover_text("Reads only the commits made since")
                        .clicked()
                    {
                        form.repository.clone_from(&source.path);
                        form.since = source.since;
                        form.map = source.map.clone().unwrap_or_default();
                        answer = Some(Command::ReadEvidence.into());
                    }
                    if ui
                        .small_button("Remove")
                        .on_hover_text(
                            "Removes everything read from it (Edit > Undo takes it back)",
                        )
                        .clicked()
                    {
                        answer = Some(Command::RemoveEvidence(source.name.clone()).into());
                    }
                });
                if !source.unmatched.is_empty() {
                    ui.weak(format!(
                        "  {} no member: give a member their address (right-click their name, \
                         Edit details…, Other emails) and read again",
                        crate::words::count_of(source.unmatched.len(), "author is", "authors are")
                    ));
                }
            }
        }
        ui.add_space(6.0);
        if ui.button("Close").clicked() {
            answer = Some(Command::CloseEvidence.into());
        }
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(Command::CloseEvidence.into());
    }
    if form != dialog.form {
        // "Read again" fills the form before it reads.
        let read = answer.take();
        view.commands.send(Command::SetEvidenceForm(form));
        if let Some(read) = read {
            view.commands.send(read);
        }
    } else if let Some(answer) = answer {
        view.commands.send(answer);
    }
}

/// What a read found, and the button that stores it.
fn found_ui(
    ui: &mut egui::Ui,
    found: &crate::app::EvidenceReadResult,
    answer: &mut Option<UiCommand>,
) {
    let read = &found.read;
    let mut said = format!("{}: {}", read.source.name, read.commits_read());
    if let Some(span) = read.span() {
        said.push_str(&format!(", {span}"));
    }
    ui.strong(said);
    if let Some(note) = read.shallow_note() {
        ui.weak(format!("This is {note}"));
    }
    if read.adds && read.authors.is_empty() {
        ui.label("Nothing new since the last read.");
        return;
    }
    let members: Vec<String> = found
        .members
        .iter()
        .take(LISTED)
        .map(|(name, commits)| format!("{name} ({commits})"))
        .collect();
    ui.label(format!(
        "Evidence for {}: {}{}",
        crate::words::count_of(found.members.len(), "member", "members"),
        if members.is_empty() {
            "nobody on the roster".to_string()
        } else {
            members.join(", ")
        },
        more(found.members.len())
    ));
    if !found.unmatched.is_empty() {
        let authors: Vec<String> = found
            .unmatched
            .iter()
            .take(LISTED)
            .map(|author| format!("{} <{}> ({})", author.name, author.email, author.commits))
            .collect();
        ui.label(format!(
            "Authors who are no member (not stored against anyone): {}{}",
            authors.join(", "),
            more(found.unmatched.len())
        ));
        ui.weak("Give a member such an address (right-click their name in the matrix, Edit details…, Other emails), then read again.");
    }
    if ui
        .button("Store evidence")
        .on_hover_text("Adds it to the workspace as one change (Edit > Undo takes it back)")
        .clicked()
    {
        *answer = Some(Command::StoreEvidence.into());
    }
}

fn more(count: usize) -> String {
    if count > LISTED {
        format!(" and {} more", count - LISTED)
    } else {
        String::new()
    }
}
