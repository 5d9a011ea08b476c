//! The import diagnostics panel: every warning and error with its place in
//! the file; clicking one selects the member and skill involved.

use super::ViewCtx;
use crate::app::Command;
use crate::io::Severity;
use crate::words::count_of;
use eframe::egui;

pub fn diagnostics_ui(view: &mut ViewCtx, ui: &mut egui::Ui) {
    let state = view.state;
    ui.horizontal(|ui| {
        let errors = state.diagnostics().iter().filter(|d| d.is_error()).count();
        let warnings = state.diagnostics().len() - errors;
        ui.strong("Import messages");
        ui.label(format!(
            "{}, {}",
            count_of(errors, "error", "errors"),
            count_of(warnings, "warning", "warnings")
        ));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button("Close").clicked() {
                view.send(Command::ShowDiagnostics(false));
            }
        });
    });
    if let Some(failed) = state.failed_open() {
        ui.label(
            egui::RichText::new(format!(
                "{failed} was not opened: nothing in it was read into Skillgrid. \
                 What you see is {}, as it was before.",
                state.document().name
            ))
            .strong()
            .color(ui.visuals().error_fg_color),
        );
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, diagnostic) in state.diagnostics().iter().enumerate() {
                let colour = match diagnostic.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                };
                let text = egui::RichText::new(diagnostic.to_string())
                    .monospace()
                    .color(colour);
                if ui.add(egui::Button::selectable(false, text)).clicked() {
                    view.send(Command::PickDiagnostic(index));
                }
                if !diagnostic.details.is_empty() {
                    egui::CollapsingHeader::new(format!("All {}", diagnostic.details.len()))
                        .id_salt(("details", index))
                        .show(ui, |ui| {
                            for detail in &diagnostic.details {
                                ui.monospace(detail);
                            }
                        });
                }
            }
        });
}
