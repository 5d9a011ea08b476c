//! The state's work evidence methods: read a repository on a worker, show
//! what it would store, store it as one undoable edit, or remove a
//! repository's evidence.

use crate::app::{AppState, EvidenceDialog, EvidenceForm, EvidenceReadResult};
use crate::io::{read_options, read_repository};
use crate::model::RepositoryRead;
use std::path::Path;
use std::sync::mpsc::channel;

impl AppState {
    pub fn evidence_dialog(&self) -> Option<&EvidenceDialog> {
        self.evidence.as_ref()
    }

    pub fn evidence_waiting(&self) -> bool {
        self.evidence
            .as_ref()
            .is_some_and(EvidenceDialog::is_reading)
    }

    pub(in crate::app) fn open_evidence(&mut self) {
        if self.evidence.is_none() {
            self.evidence = Some(EvidenceDialog::default());
        }
    }

    pub(in crate::app) fn set_evidence_form(&mut self, form: EvidenceForm) {
        if let Some(dialog) = &mut self.evidence {
            dialog.form = form;
        }
    }

    /// Reads the form's repository on a worker; the result waits in the
    /// dialog until stored or let go.
    pub(in crate::app) fn read_evidence(&mut self) {
        let today = self.today();
        // The worker reads from the workspace as it is now; the open
        // document may change meanwhile.
        let workspace = std::sync::Arc::clone(&self.document.workspace);
        let Some(dialog) = &mut self.evidence else {
            return;
        };
        let form = dialog.form.clone();
        if form.repository.trim().is_empty() {
            dialog.result = Some(Err(
                "Choose the repository's folder first (a clone, or a bare .git folder)".into(),
            ));
            return;
        }
        // Finding the folder, reading the map and the history are all
        // file work: none of it on the UI thread.
        let (sender, receiver) = channel();
        std::thread::Builder::new()
            .name("skillgrid-evidence".into())
            .spawn(move || {
                let map = (!form.map.trim().is_empty()).then(|| Path::new(form.map.trim()));
                let read = read_options(
                    &workspace,
                    Path::new(form.repository.trim()),
                    form.since,
                    map,
                    today,
                )
                .and_then(|(path, options)| {
                    read_repository(&path, &options).map_err(|error| error.to_string())
                });
                let _ = sender.send(read);
            })
            .expect("spawning a thread");
        dialog.result = None;
        dialog.receiver = Some(receiver);
    }

    /// Takes a read from its worker once it is in.
    pub(in crate::app) fn poll_evidence(&mut self) {
        let workspace = &self.document.workspace;
        let Some(dialog) = &mut self.evidence else {
            return;
        };
        let Some(receiver) = &dialog.receiver else {
            return;
        };
        let Ok(read) = receiver.try_recv() else {
            return;
        };
        dialog.receiver = None;
        dialog.result = Some(read.map(|read| found_for(workspace, read)));
    }

    /// Stores the waiting read as one edit (undoable).
    pub(in crate::app) fn store_evidence(&mut self) {
        let Some(dialog) = &mut self.evidence else {
            return;
        };
        let Some(Ok(found)) = dialog.result.take() else {
            return;
        };
        let name = found.read.source.name.clone();
        let commits = found.read.source.commits;
        if found.read.adds && found.read.authors.is_empty() {
            self.notice = Some(format!("{name}: nothing new since the last read"));
            return;
        }
        self.document
            .change(&format!("read work evidence from {name}"), |workspace| {
                workspace.apply_work(found.read);
            });
        self.notice = Some(format!(
            "Read {} from {name} for {} members{} (Edit > Undo takes it back)",
            crate::words::count_of(commits as usize, "commit", "commits"),
            found.members.len(),
            if found.unmatched.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} no member",
                    crate::words::count_of(found.unmatched.len(), "author is", "authors are")
                )
            }
        ));
        self.refresh();
    }

    pub(in crate::app) fn remove_evidence(&mut self, name: &str) {
        self.document.change(
            &format!("remove the work evidence from {name}"),
            |workspace| {
                workspace.remove_evidence_source(name);
            },
        );
        self.notice = Some(format!(
            "Removed the work evidence read from {name} (Edit > Undo takes it back)"
        ));
        self.refresh();
    }
}

/// Who a read would add to, found as `apply_work` will find them.
fn found_for(workspace: &crate::model::Workspace, read: RepositoryRead) -> EvidenceReadResult {
    let found = workspace.match_authors(&read.authors);
    EvidenceReadResult {
        members: found
            .members
            .into_iter()
            .map(|(member, commits)| (workspace.members[member].name.clone(), commits))
            .collect(),
        unmatched: found.unmatched,
        read,
    }
}
