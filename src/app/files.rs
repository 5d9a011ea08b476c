//! The document's files: opening on a background thread, saving where it
//! lives (asking first when a roster CSV cannot hold it all), exporting.

use super::{AppState, Document, FileIntent, FileStamp, JobResult, LossySave, Pending, file_name};
use crate::catalog;
use crate::io::{self, ExportOptions, FileKind, ImportFailure, Imported, Layout, SaveError};
use crate::model::Workspace;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::channel;

impl AppState {
    /// Replaces the document with what a background load produced. A
    /// failed import changes nothing and lists its errors.
    /// Returns whether a new document arrived.
    pub fn finish_open(
        &mut self,
        path: &Path,
        intent: FileIntent,
        result: Result<Imported<Workspace>, ImportFailure>,
    ) -> bool {
        self.finish_open_at(path, intent, result, None)
    }

    /// `finish_open` with the revision a database was read at; `None`
    /// reads it from the file now.
    pub fn finish_open_at(
        &mut self,
        path: &Path,
        intent: FileIntent,
        result: Result<Imported<Workspace>, ImportFailure>,
        revision: Option<u64>,
    ) -> bool {
        if let FileIntent::Round {
            as_of,
            rater,
            leavers,
        } = intent
        {
            return self.finish_round(path, as_of, rater, leavers, result);
        }
        match result {
            Ok(imported) => {
                // A workbook is read, not written back: it opens as an
                // import, and Save asks where to keep the workspace.
                let opened_as_document =
                    intent == FileIntent::Open && FileKind::of(path) != FileKind::Workbook;
                let name = if opened_as_document {
                    file_name(path)
                } else {
                    format!("{} (imported, unsaved)", file_name(path))
                };
                let mut document = Document::new(
                    imported.value,
                    &name,
                    opened_as_document.then(|| path.to_path_buf()),
                );
                let database = io::is_database(path);
                let text = !database && FileKind::of(path) != FileKind::Workbook;
                let bytes = text.then(|| io::read_file(path).ok()).flatten();
                if let Some((layout, delimiter)) = bytes.as_deref().and_then(io::sniff_roster) {
                    document.csv_format = ExportOptions { layout, delimiter };
                }
                if opened_as_document
                    && database
                    && let Some(revision) = revision.or_else(|| io::database_revision(path))
                {
                    document.disk_stamp = FileStamp::of_database(path, revision);
                    document.on_disk = Some(Arc::clone(&document.workspace));
                }
                if !opened_as_document {
                    // An imported roster is new work until saved.
                    document.mark_unsaved();
                }
                document.warnings = imported.warnings.clone();
                if opened_as_document && let Some(bytes) = &bytes {
                    document.disk_stamp = FileStamp::of_bytes(path, bytes);
                }
                self.notice = Some(format!(
                    "Opened {} ({} members x {} skills{})",
                    file_name(path),
                    document.workspace.members.len(),
                    document.workspace.skills.len(),
                    if imported.warnings.is_empty() {
                        String::new()
                    } else {
                        format!(
                            ", {}",
                            crate::words::count_of(imported.warnings.len(), "warning", "warnings")
                        )
                    }
                ));
                self.replace_document(document);
                self.diagnostics = imported.warnings;
                self.diagnostics_open = !self.diagnostics.is_empty();
                self.preferences.remember(path);
                true
            }
            Err(failure) => {
                self.notice = Some(format!(
                    "Could not open {}: {}; nothing was opened",
                    file_name(path),
                    crate::words::count_of(failure.errors.len(), "error", "errors")
                ));
                self.failed_open = Some(file_name(path));
                self.diagnostics = failure.errors.into_iter().chain(failure.warnings).collect();
                self.diagnostics_open = true;
                false
            }
        }
    }

    /// Records a roster read on its own as a round on the document, as one
    /// undoable step; a roster that failed to read changes nothing.
    fn finish_round(
        &mut self,
        path: &Path,
        as_of: crate::model::Date,
        rater: crate::model::Rater,
        leavers: bool,
        result: Result<Imported<Workspace>, ImportFailure>,
    ) -> bool {
        self.round_request = None;
        let round = match result {
            Ok(round) => round,
            Err(failure) => {
                self.notice = Some(format!(
                    "Could not import {} as a round: {}; nothing changed",
                    file_name(path),
                    crate::words::count_of(failure.errors.len(), "error", "errors")
                ));
                self.diagnostics = failure.errors.into_iter().chain(failure.warnings).collect();
                self.diagnostics_open = true;
                return false;
            }
        };
        let label = format!("Import {} as the round of {as_of}", file_name(path));
        let summary = self
            .document
            .edit(&label, |workspace| {
                let summary = crate::model::import_round(workspace, &round.value, as_of, rater);
                if leavers {
                    for &member in &summary.missing_rows {
                        let _ = workspace.record_leaver(member, as_of);
                    }
                }
                Ok::<_, std::convert::Infallible>(summary)
            })
            .unwrap_or_else(|never| match never {});
        let mut notice = format!(
            "Round of {as_of} from {}: {} recorded, {} unchanged",
            file_name(path),
            crate::words::count_of(summary.recorded, "change", "changes"),
            crate::words::count_of(summary.unchanged, "cell", "cells")
        );
        if !summary.added.is_empty() {
            notice += &format!(
                "; {} added",
                crate::words::count_of(summary.added.len(), "member", "members")
            );
        }
        if !summary.detail_changes.is_empty() {
            notice += &format!("; {}", summary.detail_changes.join("; "));
        }
        if !summary.missing.is_empty() {
            notice += &format!(
                "; not in the round, {}: {}",
                if leavers {
                    format!("recorded as left on {as_of}")
                } else {
                    "kept as they were".to_string()
                },
                summary.missing.join(", ")
            );
        }
        self.notice = Some(notice);
        self.diagnostics = round.warnings;
        self.diagnostics_open = !self.diagnostics.is_empty();
        // Show what the round moved.
        let rounds = self.document.workspace.history.dates();
        self.filter.since = rounds.iter().rev().find(|date| **date < as_of).copied();
        false
    }

    /// Loads a file on a background thread; the window keeps drawing.
    pub fn start_open(
        &mut self,
        path: PathBuf,
        intent: FileIntent,
        repaint: impl Fn() + Send + 'static,
    ) {
        self.start_open_sheet(path, intent, None, repaint);
    }

    /// `start_open` reading the workbook sheet named `sheet`; with `None`,
    /// a workbook with several roster sheets asks which (`SheetRequest`).
    pub fn start_open_sheet(
        &mut self,
        path: PathBuf,
        intent: FileIntent,
        sheet: Option<String>,
        repaint: impl Fn() + Send + 'static,
    ) {
        self.sheet_request = None;
        let (sender, receiver) = channel();
        let progress = Arc::new(io::Progress::default());
        self.pending = Some(Pending {
            what: format!("Opening {}…", file_name(&path)),
            progress: Arc::clone(&progress),
            receiver,
        });
        std::thread::Builder::new()
            .name("skillgrid-open".into())
            .spawn(move || {
                let read = match (FileKind::of(&path), sheet) {
                    (FileKind::Workbook, None) => match read_workbook(&path, &progress) {
                        Ok(read) => read,
                        Err(sheets) => {
                            let request = super::SheetRequest {
                                path,
                                intent,
                                sheets,
                            };
                            let _ = sender.send(JobResult::ChooseSheet(request));
                            repaint();
                            return;
                        }
                    },
                    (_, sheet) => {
                        io::open_path_sheet(&path, catalog::builtin(), &progress, sheet.as_deref())
                    }
                };
                let revision = read.as_ref().ok().and_then(|(_, revision)| *revision);
                let _ = sender.send(JobResult::Opened {
                    path,
                    intent,
                    result: Box::new(read.map(|(imported, _)| imported)),
                    revision,
                });
                repaint();
            })
            .expect("spawning a thread");
    }

    /// Drops a job in flight: its result, when it comes, is ignored.
    pub fn cancel_pending(&mut self) {
        if let Some(pending) = self.pending.take() {
            pending.progress.cancel();
            self.notice = Some(format!("Cancelled: {}", pending.what.trim_end_matches('…')));
        }
    }

    /// Results of dialogs and loads that have arrived.
    pub fn poll_jobs(&mut self) -> Vec<JobResult> {
        let mut results: Vec<JobResult> = self.receiver.try_iter().collect();
        if let Some(pending) = &self.pending
            && let Ok(result) = pending.receiver.try_recv()
        {
            results.push(result);
            self.pending = None;
        }
        results
    }

    /// Writes the document where it lives: JSON, or CSV in the layout and
    /// delimiter it was opened with. Atomic; a failure keeps the old file.
    /// A CSV that cannot hold all of the document is not written: the
    /// question of what to do instead goes up (`lossy_save`).
    pub fn save_to(&mut self, path: &Path) -> Result<(), SaveError> {
        if matches!(FileKind::of(path), FileKind::Csv | FileKind::Workbook) {
            let lost = io::roster_csv_leaves_out(&self.document.workspace, self.library());
            if !lost.is_empty() {
                let message = format!(
                    "Not saved: {} cannot hold {}",
                    file_name(path),
                    lost.join(", ")
                );
                self.lossy_save = Some(LossySave {
                    path: path.to_path_buf(),
                    lost,
                });
                self.notice = Some(message);
                return Ok(());
            }
        }
        let written = self.write_document(path);
        if written
            .as_ref()
            .is_err_and(|error| error.step == io::SaveStep::CheckUnchanged)
        {
            // Another window saved it between our check and our write.
            self.confirm_overwrite = true;
        }
        let saved = self.said_if_failed("save", path, written)?;
        self.document.mark_saved(path, saved.hash);
        self.preferences.remember(path);
        self.notice = Some(match saved.note {
            Some(note) => format!("Saved {}; {note}", path.display()),
            None => format!("Saved {}", path.display()),
        });
        Ok(())
    }

    /// Writes the roster alone to a CSV that cannot hold the rest, as the
    /// user chose: the document stays unsaved until all of it is on disk.
    pub fn save_roster_only(&mut self, path: &Path) -> Result<(), SaveError> {
        let lost = io::roster_csv_leaves_out(&self.document.workspace, self.library());
        let saved = self.said_if_failed("save", path, self.write_document(path))?;
        self.document.note_written(path, saved.hash);
        self.lossy_save = None;
        self.notice = Some(format!(
            "Wrote the roster to {}; {}. Still unsaved.",
            file_name(path),
            io::not_written_sentence(&lost, io::roster_file_holds(path))
        ));
        Ok(())
    }

    fn write_document(&self, path: &Path) -> Result<io::Saved, SaveError> {
        let document = &self.document;
        if FileKind::of(path) == FileKind::Database
            && document.path.as_deref() == Some(path)
            && let (Some(on_disk), Some(stamp)) = (&document.on_disk, &document.disk_stamp)
            && io::is_database(path)
        {
            return io::update_database(path, &document.workspace, on_disk, stamp.hash);
        }
        let options = if FileKind::of(path) == FileKind::Csv {
            self.document.csv_format
        } else {
            ExportOptions::default()
        };
        io::save_path(&self.document.workspace, path, options)
    }

    /// A failed write, said in the status bar ("Could not save team.csv:
    /// ..."), and passed on.
    pub(super) fn said_if_failed<T>(
        &mut self,
        what: &str,
        path: &Path,
        result: Result<T, SaveError>,
    ) -> Result<T, SaveError> {
        if let Err(error) = &result {
            self.notice = Some(format!("Could not {what} {}: {error}", file_name(path)));
        }
        result
    }

    /// Writes the roster as CSV, in `layout`; says what the CSV leaves out.
    pub fn export_to(&mut self, path: &Path, layout: Layout) -> Result<(), SaveError> {
        let delimiter = if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
        {
            b'\t'
        } else {
            b','
        };
        let written = io::save_path(
            &self.document.workspace,
            path,
            ExportOptions { layout, delimiter },
        );
        self.said_if_failed("export", path, written)?;
        let lost = io::roster_csv_leaves_out(&self.document.workspace, self.library());
        self.notice = Some(if lost.is_empty() {
            format!("Exported {}", path.display())
        } else {
            format!(
                "Exported {}; {}",
                path.display(),
                io::not_written_sentence(&lost, io::roster_file_holds(path))
            )
        });
        Ok(())
    }

    /// Draws the matrix as it is shown (the filter's rows in their sort,
    /// the shown skills) as an SVG file.
    pub fn export_picture(&mut self, path: &Path) -> Result<(), SaveError> {
        self.derived.refresh(&self.document, &self.filter);
        let title = format!("{}, {}", self.document.name, self.today());
        let (svg, left_out) = crate::report::matrix_picture(
            &self.document.workspace,
            &self.derived.rows,
            &self.derived.columns,
            title,
            &self.derived.shown_leaders,
        );
        let written = io::write_atomic(path, svg.as_bytes()).map(|_| ());
        self.said_if_failed("export", path, written)?;
        let drawn = self.derived.rows.len() - left_out;
        self.notice = Some(if left_out == 0 {
            format!(
                "Exported {}: {} x {}",
                path.display(),
                crate::words::count_of(drawn, "member", "members"),
                crate::words::count_of(self.derived.columns.len(), "skill", "skills")
            )
        } else {
            format!(
                "Exported {}: the first {drawn} of {} members (filter to a team to draw the others)",
                path.display(),
                self.derived.rows.len()
            )
        });
        Ok(())
    }
}

type Read = Result<(Imported<Workspace>, Option<u64>), ImportFailure>;

/// A workbook's roster, or, when several sheets could be it, their names.
fn read_workbook(path: &Path, progress: &io::Progress) -> Result<Read, Vec<(String, usize)>> {
    let name = io::display_name(path);
    let bytes = match io::read_file_tracked(path, progress) {
        Ok(bytes) => bytes,
        Err(message) => {
            return Ok(Err(ImportFailure::single(io::Diagnostic::error(
                &name, None, None, message,
            ))));
        }
    };
    match io::roster_or_choice(&bytes, &name, catalog::builtin()) {
        io::RosterSheets::Read(result) => Ok((*result).map(|imported| (imported, None))),
        io::RosterSheets::Choose(sheets) => Err(sheets),
    }
}
