//! Self-assessment forms from the window: written a member to a folder,
//! and taken back many at once as self ratings dated by the form (else
//! today), with the evidence written beside each as its note.

use super::AppState;
use crate::io;
use crate::model::{Rater, import_round_noted};
use std::path::{Path, PathBuf};

impl AppState {
    /// A workbook form for each member the matrix shows.
    pub fn write_forms(&mut self, folder: &Path) {
        self.derived.refresh(&self.document, &self.filter);
        let workspace = &self.document.workspace;
        let today = self.today();
        let mut written = 0;
        for &member in &self.derived.rows {
            let record = &workspace.members[member];
            if record.planned {
                continue;
            }
            let rows = io::form_rows(workspace, member, today);
            let title = format!("Self-assessment: {}", record.name);
            let path = folder.join(io::form_file_name(&record.name, "xlsx"));
            let result = io::form_workbook(&title, &rows)
                .map_err(|error| error.to_string())
                .and_then(|bytes| io::write_atomic(&path, &bytes).map_err(|e| e.to_string()));
            if let Err(error) = result {
                self.notice = Some(format!("Could not write {}: {error}", path.display()));
                return;
            }
            written += 1;
        }
        self.notice = Some(format!(
            "Wrote {} to {}; File > Import > Filled self-assessment forms takes them back",
            crate::words::count_of(written, "form", "forms"),
            folder.display()
        ));
    }

    /// Reads each form on its own (one that fails is listed and skipped)
    /// and records the rest as one undoable edit.
    pub fn import_forms(&mut self, files: &[PathBuf]) {
        let mut rounds = Vec::new();
        let mut problems = Vec::new();
        for file in files {
            match io::open_path(file, crate::catalog::builtin()) {
                Ok(imported) => {
                    problems.extend(imported.warnings);
                    let mut round = imported.value;
                    let (form, said) = io::prepare_form(file, &mut round, &self.document.workspace);
                    problems.extend(said);
                    rounds.push((round, form));
                }
                Err(failure) => {
                    problems.extend(failure.errors);
                    problems.extend(failure.warnings);
                }
            }
        }
        let today = self.today();
        let returned = {
            let forms: Vec<&crate::model::Workspace> =
                rounds.iter().map(|(round, _)| round).collect();
            crate::model::FormsReturned::of(&self.document.workspace, &forms, today)
        };
        let mut recorded = 0;
        let mut unknown = Vec::new();
        let failed = files.len() - rounds.len();
        if !rounds.is_empty() {
            self.document.change(
                &format!(
                    "import {}",
                    crate::words::count_of(rounds.len(), "self-assessment", "self-assessments")
                ),
                |workspace| {
                    for (round, form) in &rounds {
                        let as_of = form.date.unwrap_or(today);
                        let summary = import_round_noted(
                            workspace,
                            round,
                            as_of,
                            Rater::SelfRated,
                            &form.evidence,
                        );
                        recorded += summary.recorded;
                        unknown.extend(summary.unknown);
                    }
                },
            );
        }
        let mut notice = format!(
            "{}: {} recorded",
            returned.describe(),
            crate::words::count_of(recorded, "self rating", "self ratings")
        );
        if !unknown.is_empty() {
            notice.push_str(&format!(
                "; not in the workspace, so skipped: {}",
                unknown.join(", ")
            ));
        }
        if failed > 0 {
            notice.push_str(&format!(
                "; {} could not be read (see the problems panel)",
                crate::words::count_of(failed, "form", "forms")
            ));
        }
        self.notice = Some(notice);
        self.diagnostics_open = !problems.is_empty();
        self.diagnostics = problems;
    }
}
