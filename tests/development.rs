//! Development targets and certifications: imported from the files a
//! manager keeps (a titled CSV saved on Windows, an Excel sheet), judged
//! against dated history on the day asked, lapsing at their boundary days,
//! and set from the matrix in the window.

mod common;
use common::{history_copy as workspace_copy, opened, run, text, window};

use eframe::egui;
use egui_kittest::kittest::Queryable;
use skillgrid::model::{Date, Level, SkillId};
use std::path::Path;

/// Targets agreed on 2026-11-02, as a titled sheet exported on Windows.
fn import_targets(workspace: &Path, folder: &Path) {
    let targets = folder.join("targets.csv");
    std::fs::write(
        &targets,
        "Development targets, Q1 2027\r\n\
         \r\n\
         Member,Skill,Target,By,Note\r\n\
         Chidi Okafor,Kubernetes,3,2027-03-31,pair with Tomasz\r\n\
         zoe.muller@example.com,Containers & Kubernetes,4,2026-12-20,\r\n\
         Daniel Okonkwo,Containers & Kubernetes,2,2026-11-30,\r\n\
         Aiko Tanaka,Kubernetes,3,2026-11-20,\r\n",
    )
    .expect("written");
    let (ok, said, errors) = run(&[
        "import-targets",
        text(&targets),
        "--into",
        text(workspace),
        "--set-on",
        "2026-11-02",
    ]);
    assert!(ok, "{said}{errors}");
    assert!(said.contains("4 targets read, 4 new or changed"), "{said}");
    assert!(
        errors.contains("targets.csv:1: warning: 1 row above the header (line 3) skipped"),
        "the title is skipped and said: {errors}"
    );
}

fn report_json(workspace: &Path, as_of: &str) -> serde_json::Value {
    let (ok, said, errors) = run(&[
        "report",
        text(workspace),
        "--format",
        "json",
        "--as-of",
        as_of,
    ]);
    assert!(ok, "{errors}");
    serde_json::from_str(&said).expect("JSON")
}

fn states(report: &serde_json::Value) -> Vec<(String, String)> {
    report["development"]["targets"]
        .as_array()
        .map(|targets| {
            targets
                .iter()
                .map(|target| {
                    (
                        target["member"]["name"].as_str().unwrap_or("").to_string(),
                        target["state"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn targets_from_a_titled_windows_csv_stand_against_the_record_on_the_day_asked() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    import_targets(&workspace, folder.path());

    let december = report_json(&workspace, "2026-12-01");
    let mut found = states(&december);
    found.sort();
    assert_eq!(
        found,
        [
            ("Aiko Tanaka".to_string(), "late".to_string()),
            ("Chidi Okafor".to_string(), "on_track".to_string()),
            ("Daniel Okonkwo".to_string(), "reached".to_string()),
            ("Zoë Müller".to_string(), "due_soon".to_string()),
        ]
    );
    // Late first, then due soon: what needs the manager's attention.
    assert_eq!(states(&december)[0].1, "late");

    let (ok, said, _) = run(&["report", text(&workspace), "--as-of", "2026-12-01"]);
    assert!(ok);
    assert!(
        said.contains("4 targets: 1 late, 1 due soon, 1 on track, 1 reached"),
        "{said}"
    );
    assert!(said.contains("due soon (in 19 days)"), "{said}");
    assert!(said.contains("late (11 days over)"), "{said}");

    // Before they were agreed, the report does not see them.
    let october = report_json(&workspace, "2026-10-31");
    assert!(states(&october).is_empty(), "{october}");

    // They join the timeline of "changes since".
    let (ok, said, _) = run(&["history", text(&workspace), "--since", "2026-11-01"]);
    assert!(ok);
    assert!(
        said.contains(
            "2026-11-02  Chidi Okafor  target set: Containers & Kubernetes 3 by 2027-03-31"
        ),
        "{said}"
    );
}

#[test]
fn a_bad_targets_file_changes_nothing_and_says_where_each_problem_is() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let before = std::fs::read(&workspace).expect("read");
    let bad = folder.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Member,Skill,Target,By\n\
         Nobody Here,Kubernetes,3,2027-01-01\n\
         Chidi Okafor,Basket weaving,3,2027-01-01\n\
         Chidi Okafor,Kubernetes,7,2027-01-01\n\
         Chidi Okafor,Kubernetes,3,31/03/2027\n",
    )
    .expect("written");
    let (ok, _, errors) = run(&["import-targets", text(&bad), "--into", text(&workspace)]);
    assert!(!ok);
    for expected in [
        "bad.csv:2:1: \"Nobody Here\" is not a member of the workspace",
        "bad.csv:3:2: \"Basket weaving\" is not a skill the workspace tracks",
        "bad.csv:4:3: target \"7\" is not a level",
        "bad.csv:5:4: by \"31/03/2027\" is not a date: expected YYYY-MM-DD",
        "nothing was imported",
    ] {
        assert!(errors.contains(expected), "{expected}: {errors}");
    }
    assert_eq!(std::fs::read(&workspace).expect("read"), before);
}

#[test]
fn a_workbook_of_targets_names_the_cell_of_a_bad_value() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let path = folder.path().join("targets.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Q1 targets").expect("named");
    sheet
        .write_string(0, 0, "Targets agreed in the November 1:1s")
        .expect("cell");
    for (column, header) in ["Member", "Skill", "Target", "By"].iter().enumerate() {
        sheet.write_string(1, column as u16, *header).expect("cell");
    }
    let by = rust_xlsxwriter::ExcelDateTime::from_ymd(2027, 3, 31).expect("date");
    let date_format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (row, (member, level)) in [("Chidi Okafor", "3"), ("Zoë Müller", "expert-ish")]
        .iter()
        .enumerate()
    {
        let row = row as u32 + 2;
        sheet.write_string(row, 0, *member).expect("cell");
        sheet.write_string(row, 1, "Kubernetes").expect("cell");
        sheet.write_string(row, 2, *level).expect("cell");
        sheet
            .write_datetime_with_format(row, 3, &by, &date_format)
            .expect("cell");
    }
    book.save(&path).expect("saved");
    let (ok, _, errors) = run(&["import-targets", text(&path), "--into", text(&workspace)]);
    assert!(!ok);
    assert!(
        errors.contains("targets.xlsx [Q1 targets]!C4: target \"expert-ish\" is not a level"),
        "{errors}"
    );

    // Fixed, it goes in, the Excel date read as a date.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (column, header) in ["Member", "Skill", "Target", "By"].iter().enumerate() {
        sheet.write_string(0, column as u16, *header).expect("cell");
    }
    sheet.write_string(1, 0, "Chidi Okafor").expect("cell");
    sheet.write_string(1, 1, "Kubernetes").expect("cell");
    sheet.write_number(1, 2, 3.0).expect("cell");
    sheet
        .write_datetime_with_format(1, 3, &by, &date_format)
        .expect("cell");
    book.save(&path).expect("saved");
    let (ok, said, errors) = run(&["import-targets", text(&path), "--into", text(&workspace)]);
    assert!(ok, "{errors}");
    assert!(said.contains("1 targets read"), "{said}");
    let report = report_json(&workspace, "2027-01-10");
    assert_eq!(report["development"]["targets"][0]["by"], "2027-03-31");
}

/// Tomasz's CKA ends 2026-11-01; Zoë's CKAD 2027-01-15.
fn import_certifications(workspace: &Path, folder: &Path) -> String {
    let file = folder.join("certs.csv");
    std::fs::write(
        &file,
        "member,certification,issuer,skill,level,issued,expires\n\
         Tomasz Nowak,CKA,CNCF,Kubernetes,4,2023-11-01,2026-11-01\n\
         Zoë Müller,CKAD,CNCF,Kubernetes,3,2024-12-15,2027-01-15\n\
         Chidi Okafor,AWS Solutions Architect,AWS,,,2025-05-01,\n",
    )
    .expect("written");
    let (ok, said, errors) = run(&[
        "import-certifications",
        text(&file),
        "--into",
        text(workspace),
    ]);
    assert!(ok, "{errors}");
    said
}

fn listed(report: &serde_json::Value) -> Vec<(String, String)> {
    report["development"]["certifications"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|c| {
                    (
                        c["name"].as_str().unwrap_or("").to_string(),
                        c["state"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn kubernetes(report: &serde_json::Value) -> &serde_json::Value {
    report["coverage"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["skill"]["id"] == "kubernetes"))
        .expect("Kubernetes is covered")
}

#[test]
fn certifications_lapse_after_their_last_day_and_a_lapsed_level_is_not_held() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let said = import_certifications(&workspace, folder.path());
    assert!(
        said.contains("3 certifications read, 3 new or changed"),
        "{said}"
    );
    let again = import_certifications(&workspace, folder.path());
    assert!(
        again.contains("3 certifications read, 0 new or changed"),
        "a file imported twice adds nothing: {again}"
    );

    // Its last valid day: still held, listed as expiring.
    let last_day = report_json(&workspace, "2026-11-01");
    assert!(listed(&last_day).contains(&("CKA".to_string(), "expiring".to_string())));
    assert!(kubernetes(&last_day).get("evidence_expired").is_none());
    // The day after: expired, and Tomasz's 4 is no longer counted as held.
    let next_day = report_json(&workspace, "2026-11-02");
    assert!(listed(&next_day).contains(&("CKA".to_string(), "expired".to_string())));
    assert_eq!(kubernetes(&next_day)["evidence_expired"], 1);
    assert_eq!(
        kubernetes(&next_day)["leaders"].as_u64().expect("count") + 1,
        kubernetes(&last_day)["leaders"].as_u64().expect("count"),
        "the lapsed expert is not counted as one who can lead"
    );

    // The warning window, 90 days by default: 2027-01-15 is 90 days after
    // 2026-10-17.
    let in_window = report_json(&workspace, "2026-10-17");
    assert!(listed(&in_window).contains(&("CKAD".to_string(), "expiring".to_string())));
    let before_window = report_json(&workspace, "2026-10-16");
    assert!(
        !listed(&before_window)
            .iter()
            .any(|(name, _)| name == "CKAD")
    );
    // A certificate with no expiry never lapses.
    assert!(
        !listed(&report_json(&workspace, "2040-01-01"))
            .iter()
            .any(|(name, _)| name.starts_with("AWS"))
    );

    let (ok, said, _) = run(&["report", text(&workspace), "--as-of", "2026-11-02"]);
    assert!(ok);
    assert!(
        said.lines().any(|line| line.contains("Tomasz Nowak")
            && line.contains("CKA")
            && line.ends_with("expired 2026-11-01 (1 day ago)")),
        "{said}"
    );
    assert!(
        said.contains(
            "evidence expired: Containers & Kubernetes: 1 person holds it only on a lapsed \
             certificate"
        ),
        "{said}"
    );
}

#[test]
fn a_roster_csv_with_a_title_row_opens() {
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("titled.csv");
    let roster = std::fs::read_to_string("sample-teams/platform-team.csv").expect("sample");
    std::fs::write(&path, format!("Platform team skills, Q4 2026\r\n{roster}")).expect("written");
    let (ok, said, errors) = run(&["validate", text(&path)]);
    assert!(ok, "{said}{errors}");
    assert!(said.contains("members:        8"), "{said}");
}

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

#[test]
fn a_target_is_set_from_the_matrix_cell_menu_and_undone() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let mut state = opened(&workspace);
    state.set_today(date("2026-12-01"));
    let mut harness = window(state);
    let before = harness.state().state().document().workspace.clone();

    harness
        .get_by_label_contains("Chidi Okafor / Containers & Kubernetes")
        .click_secondary();
    harness.run();
    harness.get_by_label("Set target…").click();
    harness.run();
    harness.get_by_label_contains("Chidi Okafor in Containers & Kubernetes: now 2 working");
    common::choose(&mut harness, "Target level", "4 expert");
    harness.get_by_label("Set target").click();
    harness.run();

    let workspace = &harness.state().state().document().workspace;
    let chidi = workspace.find_member("Chidi Okafor").expect("a member");
    let target = workspace.members[chidi]
        .development
        .target_for(&SkillId::new("kubernetes"))
        .expect("the target is set")
        .clone();
    assert_eq!(target.level, Level::EXPERT);
    assert_eq!(target.set_on, date("2026-12-01"));
    assert_eq!(target.by, date("2027-06-01"), "six months out by default");

    // The cell's tooltip says where it stands.
    harness
        .get_by_label_contains("Chidi Okafor / Containers & Kubernetes")
        .hover();
    harness.run();
    harness.get_by_label_contains("Target: 4 by 2027-06-01 (on track)");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().state().document().workspace, before);
}

#[test]
fn a_certification_is_added_in_the_window_and_listed_in_the_gaps_view() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let mut state = opened(&workspace);
    state.set_today(date("2026-12-01"));
    let mut harness = window(state);

    harness
        .get_by_label_contains("Chidi Okafor / Containers & Kubernetes")
        .click_secondary();
    harness.run();
    harness.get_by_label("Certifications…").click();
    harness.run();
    harness.get_by_label("Certifications: Chidi Okafor");
    harness.get_by_label("Certification").click();
    harness.run();
    harness.get_by_label("Certification").type_text("CKAD");
    harness.run();
    harness.get_by_label("Expires").click();
    harness.run();
    harness.get_by_label("Add certification").click();
    harness.run();

    let workspace = &harness.state().state().document().workspace;
    let chidi = workspace.find_member("Chidi Okafor").expect("a member");
    let list = &workspace.members[chidi].development.certifications;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0].name, "CKAD");
    assert_eq!(list[0].skill, Some(SkillId::new("kubernetes")));
    assert_eq!(list[0].issued, Some(date("2026-12-01")));
    assert_eq!(
        list[0].expires,
        Some(date("2029-12-01")),
        "three years by default"
    );
    harness.get_by_label("Close").click();
    harness.run();

    // With a window past its expiry, the gaps view lists it.
    harness
        .state_mut()
        .state_mut()
        .apply(skillgrid::app::Command::SetExpiryWarningDays(1200));
    harness
        .get_by_label(skillgrid::app::View::Gaps.label())
        .click();
    harness.run();
    harness.get_by_label_contains("expires 2029-12-01 (in 1096 days)");
    harness.get_by_label_contains("0 expired · 1 expiring within 1200 days");
}

#[test]
fn targets_and_certifications_survive_json_and_the_database_and_a_version_2_file_opens() {
    use skillgrid::model::{Certification, Target};
    let folder = tempfile::tempdir().expect("folder");
    let old = Path::new("sample-teams/product-org-history.skillgrid");
    let mut workspace = skillgrid::io::open_path(old, skillgrid::catalog::builtin())
        .expect("a workspace of layout 2 opens")
        .value;
    assert!(workspace.members.iter().all(|m| m.development.is_empty()));
    workspace.members[0].development.set_target(Target {
        skill: SkillId::new("kubernetes"),
        level: Level::PROFICIENT,
        by: date("2027-03-31"),
        set_on: date("2026-12-01"),
        note: Some("pairing, then the on-call rota".into()),
    });
    workspace.members[1]
        .development
        .add_certification(Certification {
            name: "CKA".into(),
            issuer: Some("CNCF".into()),
            skill: Some(SkillId::new("kubernetes")),
            level: Some(Level::PROFICIENT),
            issued: Some(date("2025-02-01")),
            expires: Some(date("2028-02-01")),
        });
    let json = folder.path().join("team.json");
    skillgrid::io::save_path(&workspace, &json, skillgrid::io::ExportOptions::default())
        .expect("JSON written");
    let from_json = skillgrid::io::open_path(&json, skillgrid::catalog::builtin())
        .expect("JSON reads")
        .value;
    assert_eq!(from_json, workspace);
    let database = folder.path().join("team.skillgrid");
    skillgrid::io::save_path(
        &from_json,
        &database,
        skillgrid::io::ExportOptions::default(),
    )
    .expect("database written");
    let from_database = skillgrid::io::open_path(&database, skillgrid::catalog::builtin())
        .expect("database reads")
        .value;
    assert_eq!(from_database, workspace);
}
