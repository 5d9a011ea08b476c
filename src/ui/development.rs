//! The development dialogs: a member's target in one skill, and a member's
//! certifications. Opened from the matrix's cell menu and the fit view.

use super::{UiCommand, ViewCtx};
use crate::analysis::{CertificationState, certification_state};
use crate::app::Command;
use crate::model::Level;
use eframe::egui;

/// Opens the target dialog on a cell.
pub fn open_target(view: &mut ViewCtx, member: usize, column: usize) {
    view.selection.matrix.target = Some(view.state.target_form(member, column));
}

/// Opens a member's certifications.
pub fn open_certifications(view: &mut ViewCtx, member: usize) {
    view.selection.matrix.certifications = Some(view.state.certification_form(member));
}

fn level_text(scale: &crate::model::ScaleWords, level: Level) -> String {
    format!("{} {}", level.get(), scale.word(level))
}

pub fn target_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(form) = view.selection.matrix.target.as_mut() else {
        return;
    };
    let workspace = view.state.workspace();
    let (Some(member), Some(skill)) = (
        workspace.members.get(form.member),
        workspace.skills.get(form.column),
    ) else {
        view.selection.matrix.target = None;
        return;
    };
    let scale = &workspace.settings.scale;
    let now = workspace.cell(form.member, form.column).level();
    let mut answer: Option<UiCommand> = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("target-dialog")).show(ctx, |ui| {
        ui.set_width(400.0);
        ui.heading("Development target");
        ui.label(format!(
            "{} in {}: now {}.",
            member.name,
            skill.name,
            now.map_or("not assessed".to_string(), |level| level_text(scale, level))
        ));
        ui.add_space(6.0);
        egui::Grid::new("target-fields")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Target level");
                egui::ComboBox::from_id_salt("target-level")
                    .selected_text(level_text(scale, form.level))
                    .show_ui(ui, |ui| {
                        for level in &Level::ALL[1..] {
                            ui.selectable_value(&mut form.level, *level, level_text(scale, *level));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("By");
                ui.add(
                    egui_extras::DatePickerButton::new(&mut form.by)
                        .id_salt("target-by")
                        .show_icon(false),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Note");
                ui.add(
                    egui::TextEdit::singleline(&mut form.note)
                        .hint_text("optional: course, mentor, project")
                        .desired_width(240.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Set target").clicked() {
                answer = Some(Command::SetTarget(form.clone()).into());
            }
            if form.replacing && ui.button("Remove target").clicked() {
                answer = Some(
                    Command::RemoveTarget {
                        member: form.member,
                        skill: form.column,
                    }
                    .into(),
                );
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if answer.is_some() || close || modal.should_close() {
        view.selection.matrix.target = None;
    }
    if let Some(answer) = answer {
        view.send(answer);
    }
}

pub fn certifications_dialog_ui(view: &mut ViewCtx, ctx: &egui::Context) {
    let Some(form) = view.selection.matrix.certifications.as_mut() else {
        return;
    };
    let state = view.state;
    let workspace = state.workspace();
    let Some(member) = workspace.members.get(form.member) else {
        view.selection.matrix.certifications = None;
        return;
    };
    let today = state.today();
    let warning_days = workspace.settings.expiry_warning_days;
    let scale = &workspace.settings.scale;
    let mut answer: Option<UiCommand> = None;
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("certifications-dialog")).show(ctx, |ui| {
        ui.set_width(640.0);
        ui.heading(format!("Certifications: {}", member.name));
        let list = &member.development.certifications;
        if list.is_empty() {
            ui.weak("None recorded yet.");
        } else {
            use egui_extras::{Column, TableBuilder};
            TableBuilder::new(ui)
                .id_salt("certification-list")
                .striped(true)
                .columns(Column::auto().at_least(60.0).resizable(true), 5)
                .column(Column::remainder())
                .header(20.0, |mut header| {
                    for title in ["Certification", "Issuer", "Evidences", "Issued", "Expires"] {
                        header.col(|ui| {
                            ui.strong(title);
                        });
                    }
                    header.col(|_| {});
                })
                .body(|mut body| {
                    for (index, certification) in list.iter().enumerate() {
                        body.row(22.0, |mut row| {
                            row.col(|ui| {
                                ui.label(&certification.name);
                            });
                            row.col(|ui| {
                                ui.label(certification.issuer.as_deref().unwrap_or("—"));
                            });
                            row.col(|ui| {
                                let skill = certification
                                    .skill
                                    .as_ref()
                                    .and_then(|id| workspace.skill(id))
                                    .map_or("—".to_string(), |skill| skill.name.clone());
                                let level = certification
                                    .level
                                    .map_or(String::new(), |level| format!(" at {level}"));
                                ui.label(format!("{skill}{level}"));
                            });
                            row.col(|ui| {
                                ui.label(
                                    certification
                                        .issued
                                        .map_or("—".to_string(), |date| date.to_string()),
                                );
                            });
                            row.col(|ui| {
                                let text = certification
                                    .expires
                                    .map_or("never".to_string(), |date| date.to_string());
                                match certification_state(certification, today, warning_days) {
                                    CertificationState::Expired => {
                                        ui.colored_label(
                                            ui.visuals().error_fg_color,
                                            format!("{text} (expired)"),
                                        );
                                    }
                                    CertificationState::Expiring => {
                                        ui.colored_label(
                                            ui.visuals().warn_fg_color,
                                            format!("{text} (soon)"),
                                        );
                                    }
                                    CertificationState::Valid => {
                                        ui.label(text);
                                    }
                                }
                            });
                            row.col(|ui| {
                                if ui
                                    .small_button("Remove")
                                    .on_hover_text(format!("Remove {}", certification.name))
                                    .clicked()
                                {
                                    answer = Some(
                                        Command::RemoveCertification {
                                            member: form.member,
                                            index,
                                        }
                                        .into(),
                                    );
                                }
                            });
                        });
                    }
                });
        }
        ui.separator();
        ui.strong("Add a certification");
        egui::Grid::new("certification-fields")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Certification");
                ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(260.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Issuer");
                ui.add(egui::TextEdit::singleline(&mut form.issuer).desired_width(260.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Evidences skill");
                egui::ComboBox::from_id_salt("certification-skill")
                    .selected_text(
                        form.skill
                            .and_then(|column| workspace.skills.get(column))
                            .map_or("none", |skill| skill.name.as_str()),
                    )
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut form.skill, None, "none");
                        for (column, skill) in workspace.skills.iter().enumerate() {
                            ui.selectable_value(&mut form.skill, Some(column), &skill.name);
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("At level");
                ui.add_enabled_ui(form.skill.is_some(), |ui| {
                    egui::ComboBox::from_id_salt("certification-level")
                        .selected_text(
                            form.level
                                .map_or("any held".to_string(), |level| level_text(scale, level)),
                        )
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut form.level, None, "any held");
                            for level in &Level::ALL[1..] {
                                ui.selectable_value(
                                    &mut form.level,
                                    Some(*level),
                                    level_text(scale, *level),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                ui.end_row();
                let label = ui.label("Issued");
                ui.add(
                    egui_extras::DatePickerButton::new(&mut form.issued)
                        .id_salt("certification-issued")
                        .show_icon(false),
                )
                .labelled_by(label.id);
                ui.end_row();
                let mut lapses = form.expires.is_some();
                ui.checkbox(&mut lapses, "Expires");
                if lapses {
                    let expires = form.expires.get_or_insert_with(|| {
                        form.issued
                            .checked_add(jiff::Span::new().years(3))
                            .unwrap_or(form.issued)
                    });
                    ui.add(
                        egui_extras::DatePickerButton::new(expires)
                            .id_salt("certification-expires")
                            .show_icon(false),
                    );
                } else {
                    form.expires = None;
                    ui.weak("never");
                }
                ui.end_row();
            });
        if let Some(error) = state.edit_error() {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !form.name.trim().is_empty(),
                    egui::Button::new("Add certification"),
                )
                .clicked()
            {
                answer = Some(Command::AddCertification(form.clone()).into());
            }
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        view.selection.matrix.certifications = None;
    }
    if let Some(answer) = answer {
        view.send(answer);
    }
}

/// The fit view's targets section: each target's progress from the level
/// the member had when it was set, and buttons to set one where the member
/// is short of their role.
pub fn member_targets_ui(
    state: &crate::app::AppState,
    selection: &mut crate::app::ViewSelection,
    ui: &mut egui::Ui,
    member: usize,
    short: &[(usize, Level)],
) {
    let workspace = state.workspace();
    let record = &workspace.members[member];
    super::widgets::section(ui, "Development targets");
    if record.development.targets.is_empty() {
        super::widgets::none_line(ui, "No targets yet.");
    }
    for target in &record.development.targets {
        let Some(column) = workspace.skill_index(&target.skill) else {
            continue;
        };
        let now = workspace.cell(member, column).level().map_or(0, Level::get);
        let start = workspace
            .history
            .row(member)
            .as_of(column as u32, target.set_on)
            .and_then(|cell| cell.level())
            .map_or(0, Level::get)
            .min(now);
        let goal = target.level.get();
        let progress = if goal <= start {
            1.0
        } else {
            f32::from(now.saturating_sub(start)) / f32::from(goal - start)
        };
        let standing = state
            .derived()
            .target_state(member, column)
            .map_or("", crate::analysis::TargetState::label);
        ui.horizontal(|ui| {
            ui.label(format!(
                "{}: {now} of {goal} by {} ({standing})",
                workspace.skills[column].name, target.by
            ));
            ui.add(
                egui::ProgressBar::new(progress.clamp(0.0, 1.0))
                    .desired_width(90.0)
                    .show_percentage(),
            );
            if ui
                .small_button("Edit")
                .on_hover_text(format!(
                    "Edit the target in {}",
                    workspace.skills[column].name
                ))
                .clicked()
            {
                selection.matrix.target = Some(state.target_form(member, column));
            }
        });
    }
    let untargeted: Vec<&(usize, Level)> = short
        .iter()
        .filter(|(column, _)| {
            record
                .development
                .target_for(&workspace.skills[*column].id)
                .is_none()
        })
        .collect();
    if !untargeted.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Set a target:");
            for &&(column, needs) in &untargeted {
                if ui
                    .small_button(&workspace.skills[column].name)
                    .on_hover_text(format!("A target at {needs}, what the role requires"))
                    .clicked()
                {
                    let mut form = state.target_form(member, column);
                    form.level = needs;
                    selection.matrix.target = Some(form);
                }
            }
        });
    }
    let certifications = record.development.certifications.len();
    if ui
        .button(format!("Certifications ({certifications})…"))
        .clicked()
    {
        selection.matrix.certifications = Some(state.certification_form(member));
    }
}

/// What the gaps view asks of the certifications section once drawn.
#[derive(Default)]
pub struct ExpiryAnswer {
    pub warning_days: Option<u32>,
    pub open_member: Option<usize>,
}

/// The gaps view's certifications: lapsed and lapsing ones, soonest
/// first, and the held levels resting only on a lapsed certificate.
pub fn expiry_section_ui(
    state: &crate::app::AppState,
    analysis: &crate::analysis::Analysis,
    ui: &mut egui::Ui,
    answer: &mut ExpiryAnswer,
) {
    let development = &analysis.development;
    super::widgets::section(ui, "Certifications");
    ui.horizontal(|ui| {
        ui.label("List those expiring within");
        let mut days = state.workspace().settings.expiry_warning_days;
        let response = ui.add(
            egui::DragValue::new(&mut days)
                .range(1..=1825)
                .suffix(" days"),
        );
        if response.changed() {
            answer.warning_days = Some(days);
        }
    });
    let expired = development
        .certifications
        .iter()
        .filter(|c| c.state == CertificationState::Expired)
        .count();
    let expiring = development.certifications.len() - expired;
    ui.label(
        egui::RichText::new(format!(
            "{expired} expired · {expiring} expiring within {} days · {} valid beyond that",
            development.expiry_warning_days, development.valid_certifications
        ))
        .weak(),
    );
    if development.certifications.is_empty() {
        super::widgets::none_line(ui, "None expired or expiring.");
    }
    egui::Grid::new("expiring-certifications")
        .num_columns(4)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for status in development
                .certifications
                .iter()
                .take(super::widgets::LISTED)
            {
                if ui.link(&*status.member.name).clicked() {
                    answer.open_member = Some(status.member.index);
                }
                ui.label(&status.name);
                ui.label(
                    status
                        .skill
                        .as_ref()
                        .map_or(String::new(), |skill| skill.name.to_string()),
                );
                let colour = if status.state == CertificationState::Expired {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().warn_fg_color
                };
                ui.colored_label(colour, crate::report::expiry_text(status));
                ui.end_row();
            }
        });
    super::widgets::more_line(ui, development.certifications.len());
    let lapsed: Vec<_> = analysis
        .coverage
        .iter()
        .filter(|coverage| coverage.evidence_expired > 0)
        .collect();
    if !lapsed.is_empty() {
        super::widgets::section(ui, "Evidence expired");
        ui.label(
            egui::RichText::new(
                "Held levels whose only certificate has lapsed: not counted as held until it \
                 is renewed or the level is rated again.",
            )
            .weak(),
        );
        for coverage in lapsed {
            ui.label(format!(
                "{}: {} ({} still held)",
                coverage.skill.name,
                crate::words::count_of(coverage.evidence_expired as usize, "person", "people"),
                coverage.holders
            ));
        }
    }
}
