//! Work evidence in the window: a lead opens File > Import > Work evidence,
//! types the repository's folder, reads it, sees who it found and who is
//! no member, stores it, and then sees the work beside the ratings: the
//! cell tooltip and mark, the Review's Work column, the overview's cards
//! and the sole owners beside the single points of failure.

mod common;
use common::git::{team_repo, workspace_file};
use common::{opened, pick, until, window};

use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use skillgrid::analysis::{Disagreement, HeadlineKind};
use skillgrid::app::{Command, FileIntent, View};
use skillgrid::model::Date;
use skillgrid::ui::SkillgridApp;

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

/// Clicks into the field labelled `label` and types, as a person would.
fn type_into(harness: &mut Harness<'_, SkillgridApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

/// Reads the repository at `path` in the open dialog, to its result.
fn read_in_dialog(harness: &mut Harness<'_, SkillgridApp>, path: &std::path::Path) {
    type_into(harness, "Repository", path.to_str().expect("utf-8"));
    harness.get_by_label("Read the history").click();
    wait_for_read(harness);
}

fn wait_for_read(harness: &mut Harness<'_, SkillgridApp>) {
    until(harness, |state| {
        state
            .evidence_dialog()
            .is_some_and(|dialog| dialog.result.is_some() && !dialog.is_reading())
    });
}

fn open_dialog(harness: &mut Harness<'_, SkillgridApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import").click();
    harness.run();
    harness
        .get_by_label_contains("Work evidence from a repository…")
        .click();
    harness.run();
    harness.get_by_label("Work evidence from a repository");
}

#[test]
fn a_lead_reads_the_teams_repository_and_sees_the_work_beside_the_ratings() {
    let folder = tempfile::tempdir().expect("a folder");
    let repo = team_repo(folder.path());
    let file = workspace_file(folder.path());
    let mut state = opened(&file);
    state.set_today(date("2026-12-07"));
    let mut harness = window(state);
    let before = harness.state().state().document().workspace.clone();

    open_dialog(&mut harness);
    read_in_dialog(&mut harness, &repo.path);
    harness.get_by_label_contains("platform: 46 commits, 2024-12-02 to 2026-11-30");
    harness.get_by_label_contains("Evidence for 3 members: Tomasz Nowak (24)");
    harness.get_by_label_contains("Joe Contractor <joe@agency.example> (2)");
    assert_eq!(
        harness.state().state().document().workspace,
        before,
        "nothing is stored before Store evidence"
    );

    harness.get_by_label("Store evidence").click();
    harness.run();
    {
        let state = harness.state().state();
        let workspace = &state.document().workspace;
        assert_eq!(workspace.evidence_sources.len(), 1);
        assert_eq!(workspace.evidence_sources[0].unmatched.len(), 1);
        let notice = state.notice().unwrap_or_default();
        assert!(
            notice.contains("Read 46 commits from platform for 3 members"),
            "{notice}"
        );
    }
    // The source is listed, to read again or remove.
    harness.get_by_label_contains("platform: 46 commits, read 2026-12-07");
    let stored = harness.state().state().document().workspace.clone();
    harness.get_by_label("Read again").click();
    wait_for_read(&mut harness);
    harness.get_by_label_contains("platform: 0 commits not read before");
    harness.get_by_label("Nothing new since the last read.");
    assert_eq!(harness.state().state().document().workspace, stored);
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.state().state().evidence_dialog().is_none());

    // The matrix marks the cells the work disagrees with and says why.
    let (ana, iac) = {
        let workspace = &harness.state().state().document().workspace;
        (
            workspace.find_member("Ana Souza").expect("Ana"),
            workspace
                .skill_named("Infrastructure as Code")
                .expect("IaC"),
        )
    };
    assert_eq!(
        harness
            .state()
            .state()
            .derived()
            .work
            .disagreement(ana, iac),
        Some(Disagreement::ActiveButRatedLow)
    );
    harness.get_by_label("the work disagrees");
    harness
        .get_by_label_contains("Ana Souza / Infrastructure as Code")
        .hover();
    harness.run();
    harness.get_by_label_contains(
        "Work: 5 commits touching Infrastructure as Code in the last 6 months (10 lines), last \
         2026-11-30",
    );
    harness.get_by_label_contains("The work disagrees: active lately");

    // The overview counts what the work contradicts, as the report does.
    harness
        .state_mut()
        .state_mut()
        .apply(Command::ShowView(View::Overview));
    until(&mut harness, |state| {
        state.insights().results().is_some_and(|results| {
            results
                .headlines
                .iter()
                .any(|h| h.kind == HeadlineKind::WorkContradicts)
        })
    });
    let results = harness
        .state()
        .state()
        .insights()
        .results()
        .expect("analysed");
    let card = results
        .headlines
        .iter()
        .find(|h| h.kind == HeadlineKind::WorkContradicts)
        .expect("a card")
        .clone();
    assert_eq!(card.count, 3);
    assert_eq!(card.count, results.analysis.work.contradictions.len());
    harness.get_by_label("Ratings the work contradicts");
    harness.get_by_label("Code one member alone changes");

    // Beside the single points of failure: who alone changed the code.
    harness
        .state_mut()
        .state_mut()
        .apply(Command::ShowView(View::Gaps));
    harness.run();
    harness.get_by_label("Code one member alone has changed lately");
    harness.get_by_label_contains(
        "only Tomasz Nowak has changed Containers & Kubernetes files (deploy/k8s/)",
    );

    // Undo takes the whole read back.
    harness.state_mut().state_mut().apply(Command::Undo);
    harness.run();
    let workspace = &harness.state().state().document().workspace;
    assert!(workspace.evidence_sources.is_empty());
    assert!(
        workspace
            .members
            .iter()
            .all(|member| member.work.is_empty())
    );
}

#[test]
fn a_folder_that_is_not_a_repository_is_refused_in_the_dialog_and_nothing_changes() {
    let folder = tempfile::tempdir().expect("a folder");
    let file = workspace_file(folder.path());
    let mut harness = window(opened(&file));
    let before = harness.state().state().document().workspace.clone();
    open_dialog(&mut harness);
    read_in_dialog(&mut harness, folder.path());
    harness.get_by_label_contains("not a git repository");
    assert_eq!(harness.state().state().document().workspace, before);

    // The half-life sits in the same dialog; a change is one undoable edit.
    harness.get_by_label("Half-life");
    harness
        .state_mut()
        .state_mut()
        .apply(Command::SetEvidenceHalfLife(90));
    harness.run();
    let settings = &harness.state().state().document().workspace.settings;
    assert_eq!(settings.evidence_half_life_days, 90);
    harness.state_mut().state_mut().apply(Command::Undo);
    harness.run();
    assert_eq!(harness.state().state().document().workspace, before);
}

#[test]
fn another_address_typed_in_the_member_dialog_counts_their_commits() {
    let folder = tempfile::tempdir().expect("a folder");
    let repo = team_repo(folder.path());
    let file = workspace_file(folder.path());
    let mut state = opened(&file);
    state.set_today(date("2026-12-07"));
    let mut harness = window(state);
    harness.get_by_label("Lee Park").click_secondary();
    harness.run();
    harness.get_by_label("Edit details…").click();
    harness.run();
    type_into(
        &mut harness,
        "Other emails",
        "joe@agency.example, lee@home.example",
    );
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let lee = harness
        .state()
        .state()
        .workspace()
        .find_member("Lee Park")
        .expect("Lee");
    assert_eq!(
        harness.state().state().workspace().members[lee].emails,
        ["joe@agency.example", "lee@home.example"]
    );
    // Joe's commits are Lee's now: nobody is left unmatched.
    open_dialog(&mut harness);
    read_in_dialog(&mut harness, &repo.path);
    let dialog = harness.state().state().evidence_dialog().expect("open");
    let found = dialog
        .result
        .as_ref()
        .expect("read")
        .as_ref()
        .expect("found");
    assert!(found.unmatched.is_empty(), "{:?}", found.unmatched);
    assert!(
        found.members.contains(&("Lee Park".to_string(), 9)),
        "{:?}",
        found.members
    );

    // Stored, then removed from the list of repositories read.
    harness.get_by_label("Store evidence").click();
    harness.run();
    assert_eq!(
        harness.state().state().workspace().evidence_sources.len(),
        1
    );
    harness.get_by_label("Remove").click();
    harness.run();
    let workspace = harness.state().state().workspace();
    assert!(workspace.evidence_sources.is_empty());
    assert!(
        workspace
            .members
            .iter()
            .all(|member| member.work.is_empty())
    );
    let notice = harness.state().state().notice().unwrap_or_default();
    assert!(
        notice.contains("Removed the work evidence read from platform"),
        "{notice}"
    );

    // Choose… answers with the folder picked.
    pick(&mut harness, FileIntent::PickRepository, &repo.path);
    let dialog = harness.state().state().evidence_dialog().expect("open");
    assert_eq!(dialog.form.repository, repo.path.display().to_string());
}
