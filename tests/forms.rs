//! Self-assessment forms out and back: one file a member, filled by the
//! member (here by a CSV writer, or calamine and rust_xlsxwriter for a
//! workbook), imported as rater self; bad forms said per file.

mod common;
use common::{history_copy as workspace_copy, skillgrid, text};

use skillgrid::catalog;
use skillgrid::io;
use skillgrid::model::Rater;
use std::path::{Path, PathBuf};

/// The history sample in `folder` and its Search team's forms sent in
/// `format` (`xlsx` or `csv`) into `forms/` there.
fn search_forms(folder: &Path, format: &str) -> (PathBuf, PathBuf) {
    let workspace = workspace_copy(folder);
    let forms = folder.join("forms");
    let ran = skillgrid(&[
        "forms",
        text(&workspace),
        "--out",
        text(&forms),
        "--team",
        "Search",
        "--format",
        format,
    ]);
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    (workspace, forms)
}

fn search_workbook_forms(folder: &Path) -> (PathBuf, PathBuf) {
    search_forms(folder, "xlsx")
}

fn search_csv_forms(folder: &Path) -> (PathBuf, PathBuf) {
    search_forms(folder, "csv")
}

/// `skillgrid import FORMS... --into WORKSPACE --rater self [--as-of]`.
fn import_self(forms: &[&Path], workspace: &Path, as_of: Option<&str>) -> std::process::Output {
    let mut args = vec!["import"];
    args.extend(forms.iter().map(|form| text(form)));
    args.extend(["--into", text(workspace), "--rater", "self"]);
    if let Some(date) = as_of {
        args.extend(["--as-of", date]);
    }
    skillgrid(&args)
}

/// Fills a CSV form's "Your level" and "Wants to grow" for some skills.
fn fill_csv(form: &Path, answers: &[(&str, &str, &str)]) -> PathBuf {
    let mut reader = csv::Reader::from_path(form).expect("a form");
    let header = reader.headers().expect("a header").clone();
    assert_eq!(header.iter().collect::<Vec<_>>(), io::FORM_HEADER);
    let filled = form.with_file_name(format!(
        "filled {}",
        form.file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("form.csv")
    ));
    let mut writer = csv::Writer::from_path(&filled).expect("writable");
    writer.write_record(&header).expect("header");
    for record in reader.records() {
        let mut record: Vec<String> = record.expect("a row").iter().map(String::from).collect();
        if let Some((_, level, grow)) = answers.iter().find(|(skill, _, _)| record[3] == *skill) {
            record[7] = level.to_string();
            record[8] = grow.to_string();
        }
        writer.write_record(&record).expect("row");
    }
    writer.flush().expect("flushed");
    filled
}

fn self_ratings(workspace: &Path, member: &str) -> Vec<(String, Option<u8>, bool)> {
    let opened = io::open_path(workspace, catalog::builtin())
        .expect("opens")
        .value;
    let index = opened
        .members
        .iter()
        .position(|m| m.name == member)
        .expect("a member");
    opened
        .history
        .row(index)
        .entries()
        .iter()
        .filter(|entry| entry.rater == Rater::SelfRated)
        .map(|entry| {
            (
                opened.skills[entry.skill as usize].name.clone(),
                entry.cell.level().map(|level| level.get()),
                entry.cell.interest(),
            )
        })
        .collect()
}

#[test]
fn forms_go_out_one_a_member_and_come_back_as_self_ratings() {
    let folder = tempfile::tempdir().expect("folder");
    let (workspace, forms) = search_csv_forms(folder.path());
    let opened = io::open_path(&workspace, catalog::builtin())
        .expect("opens")
        .value;
    let in_search = opened
        .members
        .iter()
        .filter(|m| m.team.as_deref() == Some("Search"))
        .count();
    assert_eq!(
        std::fs::read_dir(&forms).expect("listed").count(),
        in_search
    );
    let priya = forms.join("Priya Raman - self-assessment.csv");
    let form = std::fs::read_to_string(&priya).expect("Priya's form");
    let second = form.lines().nth(1).expect("a first skill");
    assert!(
        second.starts_with("Priya Raman,priya.raman@example.com,Senior Software Engineer,"),
        "her role's requirements come first, with what it needs: {second}"
    );

    let filled = fill_csv(
        &priya,
        &[
            ("Programming", "4", ""),
            ("Containers & Kubernetes", "3", "yes"),
        ],
    );
    let imported = import_self(&[&filled], &workspace, Some("2026-12-01"));
    let said = String::from_utf8_lossy(&imported.stdout).to_string();
    assert!(
        imported.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert!(said.contains("2 changes recorded"), "{said}");
    assert!(
        !said.contains("not in this round"),
        "one person's form lists nobody missing: {said}"
    );
    let ratings = self_ratings(&workspace, "Priya Raman");
    assert!(
        ratings.contains(&("Programming".to_string(), Some(4), false)),
        "{ratings:?}"
    );
    assert!(
        ratings.contains(&("Containers & Kubernetes".to_string(), Some(3), true)),
        "{ratings:?}"
    );
    // Self ratings never move the current level the manager set.
    let opened = io::open_path(&workspace, catalog::builtin())
        .expect("opens")
        .value;
    let row = opened
        .members
        .iter()
        .position(|m| m.name == "Priya Raman")
        .expect("Priya");
    let kubernetes = opened
        .skills
        .iter()
        .position(|s| s.name == "Containers & Kubernetes")
        .expect("tracked");
    assert_eq!(
        opened.cell(row, kubernetes).level().map(|l| l.get()),
        Some(1)
    );

    let again = import_self(&[&filled], &workspace, Some("2026-12-01"));
    let said = String::from_utf8_lossy(&again.stdout).to_string();
    assert!(
        said.contains("0 changes recorded"),
        "a form imported twice adds nothing: {said}"
    );
}

#[test]
fn a_workbook_form_is_filled_in_excel_and_read_back() {
    use calamine::Reader;
    let folder = tempfile::tempdir().expect("folder");
    let (workspace, forms) = search_workbook_forms(folder.path());
    let form = forms.join("Priya Raman - self-assessment.xlsx");
    let bytes = std::fs::read(&form).expect("a workbook form");
    let mut book =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(&bytes)).expect("opens");
    let range = book.worksheet_range("Self-assessment").expect("the sheet");
    // Rewrite it as the member would leave it: the same cells, a level
    // and evidence typed into the Programming row.
    let mut filled = rust_xlsxwriter::Workbook::new();
    let sheet = filled.add_worksheet();
    for (row, cells) in range.rows().enumerate() {
        for (column, cell) in cells.iter().enumerate() {
            let mut value = cell.to_string();
            if cells.get(3).is_some_and(
                |skill| matches!(skill, calamine::Data::String(name) if name == "Programming"),
            ) {
                if column == 7 {
                    value = "4".into();
                }
                if column == 9 {
                    value = "led the parser rewrite".into();
                }
            }
            if !value.is_empty() {
                sheet
                    .write_string(row as u32, column as u16, value)
                    .expect("written");
            }
        }
    }
    let filled_path = folder.path().join("priya back.xlsx");
    filled.save(&filled_path).expect("saved");
    let imported = import_self(&[&filled_path], &workspace, None);
    let said = String::from_utf8_lossy(&imported.stdout).to_string();
    assert!(
        imported.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert!(said.contains("1 change recorded"), "{said}");
    let ratings = self_ratings(&workspace, "Priya Raman");
    assert!(
        ratings.contains(&("Programming".to_string(), Some(4), false)),
        "{ratings:?}"
    );
}

#[test]
fn bad_forms_are_said_per_file_and_the_rest_imported() {
    let folder = tempfile::tempdir().expect("folder");
    let (workspace, forms) = search_csv_forms(folder.path());
    let good = fill_csv(
        &forms.join("Priya Raman - self-assessment.csv"),
        &[("Programming", "4", "")],
    );
    let stranger = folder.path().join("stranger.csv");
    std::fs::write(
        &stranger,
        "Name,Email,Role,Skill,Kind,Role needs,Current level,Your level,Wants to grow,Evidence\n\
         Zed Unknown,zed@example.com,,Programming,hard,,not assessed,3,,\n",
    )
    .expect("written");
    let out_of_range = folder.path().join("seven.csv");
    std::fs::write(
        &out_of_range,
        "Name,Email,Role,Skill,Kind,Role needs,Current level,Your level,Wants to grow,Evidence\n\
         Priya Raman,priya.raman@example.com,,Databases,hard,,2 working,7,,\n",
    )
    .expect("written");
    let imported = import_self(
        &[&good, &stranger, &out_of_range],
        &workspace,
        Some("2026-12-01"),
    );
    let said = String::from_utf8_lossy(&imported.stdout).to_string();
    let errors = String::from_utf8_lossy(&imported.stderr).to_string();
    assert!(imported.status.success(), "{said}{errors}");
    assert!(
        errors.contains("stranger.csv: not in the workspace, so not imported: Zed Unknown"),
        "{errors}"
    );
    assert!(
        errors.contains("seven.csv:2:8: level \"7\" for skill \"Databases\" is outside 0-4"),
        "the line and column of the bad level: {errors}"
    );
    assert!(
        said.contains("1 change recorded"),
        "the good form is imported: {said}"
    );
}

#[test]
fn the_window_sends_forms_to_a_folder_and_takes_them_back_as_one_edit() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use skillgrid::app::{AppState, Command, FileIntent, JobResult, MatrixFilter, Preferences};
    use skillgrid::ui::SkillgridApp;
    let folder = tempfile::tempdir().expect("folder");
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(|_| {
            SkillgridApp::with_state(AppState::new(
                AppState::sample_document(),
                Preferences::default(),
            ))
        });
    harness.run();
    // Forms for the team the matrix shows.
    harness
        .state_mut()
        .state_mut()
        .apply(Command::SetFilter(MatrixFilter {
            team: Some("Search".into()),
            ..MatrixFilter::default()
        }));
    harness.run();
    let in_search = harness.state().state().derived().rows.len();
    common::pick(&mut harness, FileIntent::SendForms, folder.path());
    let written: Vec<_> = std::fs::read_dir(folder.path())
        .expect("listed")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    assert_eq!(written.len(), in_search);
    harness.get_by_label_contains(&format!("Wrote {in_search} forms to"));

    // One filled form and one that is not a form at all.
    let csv_form = folder.path().join("priya.csv");
    let opened = skillgrid::io::open_path(&written[0], catalog::builtin())
        .expect("a written form reads as a roster")
        .value;
    let name = opened.members[0].name.clone();
    let mut rows = String::from(
        "Name,Email,Role,Skill,Kind,Role needs,Current level,Your level,Wants to grow,Evidence\n",
    );
    rows.push_str(&format!(
        "{name},{},,Programming,hard,,,4,yes,\n",
        opened.members[0].email.clone().unwrap_or_default()
    ));
    std::fs::write(&csv_form, rows).expect("written");
    let junk = folder.path().join("notes.csv");
    std::fs::write(&junk, "just some notes\n").expect("written");
    let before = self_count(&harness);
    harness
        .state()
        .state()
        .sender()
        .send(JobResult::PickedMany(
            FileIntent::ImportForms,
            vec![csv_form, junk],
        ))
        .expect("sent");
    harness.run();
    assert_eq!(self_count(&harness), before + 1, "one self rating recorded");
    harness.get_by_label_contains("1 form back, 0 blank");
    harness.get_by_label_contains("1 self rating recorded; 1 form could not be read");
    harness.state_mut().state_mut().apply(Command::Undo);
    harness.run();
    assert_eq!(self_count(&harness), before, "Undo takes the import back");
}

fn self_count(harness: &egui_kittest::Harness<'_, skillgrid::ui::SkillgridApp>) -> usize {
    let workspace = &harness.state().state().document().workspace;
    (0..workspace.members.len())
        .map(|member| {
            workspace
                .history
                .row(member)
                .entries()
                .iter()
                .filter(|entry| entry.rater == Rater::SelfRated)
                .count()
        })
        .sum()
}

#[test]
fn a_combined_team_form_fills_in_for_everyone_and_reads_back() {
    use calamine::Reader;
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let forms = folder.path().join("forms");
    let ran = skillgrid(&[
        "forms",
        text(&workspace),
        "--out",
        text(&forms),
        "--team",
        "Search",
        "--combined",
    ]);
    let said = String::from_utf8_lossy(&ran.stdout).to_string();
    assert!(
        said.starts_with("wrote 1 self-assessment form to"),
        "{said}"
    );
    let form = forms.join("Search - self-assessment.xlsx");
    let bytes = std::fs::read(&form).expect("one file for the team");
    let mut book =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(&bytes)).expect("opens");
    let range = book.worksheet_range("Self-assessment").expect("the sheet");
    // Everyone types a 4 for Programming.
    let mut filled = rust_xlsxwriter::Workbook::new();
    let sheet = filled.add_worksheet();
    let mut people = std::collections::BTreeSet::new();
    for (row, cells) in range.rows().enumerate() {
        let programming =
            matches!(cells.get(3), Some(calamine::Data::String(name)) if name == "Programming");
        for (column, cell) in cells.iter().enumerate() {
            let value = if programming && column == 7 {
                people.insert(cells[0].to_string());
                "4".to_string()
            } else {
                cell.to_string()
            };
            if !value.is_empty() {
                sheet
                    .write_string(row as u32, column as u16, value)
                    .expect("written");
            }
        }
    }
    let back = folder.path().join("search back.xlsx");
    filled.save(&back).expect("saved");
    let imported = import_self(&[&back], &workspace, None);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert!(people.len() > 1, "the team's rows are all in the one file");
    for person in &people {
        assert!(
            self_ratings(&workspace, person).contains(&("Programming".to_string(), Some(4), false)),
            "{person}"
        );
    }
}

#[test]
fn a_form_is_dated_by_its_own_date_keeps_its_evidence_and_refuses_edited_guidance() {
    let folder = tempfile::tempdir().expect("folder");
    let (workspace, forms) = search_csv_forms(folder.path());
    let sent = forms.join("Priya Raman - self-assessment.csv");
    let mut reader = csv::Reader::from_path(&sent).expect("a form");
    let header = reader.headers().expect("a header").clone();
    let filled = folder.path().join("priya back.csv");
    let mut writer = csv::Writer::from_path(&filled).expect("writable");
    writer.write_record(&header).expect("header");
    let mut lines = std::collections::HashMap::new();
    for (index, record) in reader.records().enumerate() {
        let mut record: Vec<String> = record.expect("a row").iter().map(String::from).collect();
        assert!(!record[10].is_empty(), "each row carries the form's date");
        // As if the form had gone out on 20 November.
        record[10] = "2026-11-20".to_string();
        match record[3].as_str() {
            "Programming" => {
                record[7] = "4".to_string();
                record[9] = "Led the ranking rewrite".to_string();
            }
            // Typed over the guidance instead of under "Your level".
            "Databases" => {
                record[6] = "4 expert".to_string();
                record[7] = "4".to_string();
            }
            "Event Streaming" => {
                record[3] = "Basket weaving".to_string();
                record[7] = "3".to_string();
            }
            _ => {}
        }
        lines.insert(record[3].clone(), index + 2);
        writer.write_record(&record).expect("row");
    }
    writer.flush().expect("flushed");

    let imported = import_self(&[&filled], &workspace, None);
    let said = String::from_utf8_lossy(&imported.stdout).to_string();
    let errors = String::from_utf8_lossy(&imported.stderr).to_string();
    assert!(imported.status.success(), "{said}{errors}");
    assert!(
        said.contains("round of 2026-11-20 by self"),
        "dated by the form: {said}"
    );
    assert!(said.contains("1 change recorded"), "{said}");
    let databases_line = lines["Databases"];
    assert!(
        errors.contains(&format!(
            "priya back.csv:{databases_line}:7: warning: Current level \"4 expert\" was changed from"
        )),
        "{errors}"
    );
    assert!(
        errors.contains("skill \"Basket weaving\" was not on the form as sent"),
        "{errors}"
    );
    let ratings = self_ratings(&workspace, "Priya Raman");
    assert_eq!(ratings, [("Programming".to_string(), Some(4), false)]);

    let opened = io::open_path(&workspace, catalog::builtin())
        .expect("opens")
        .value;
    let priya = opened.find_member("Priya Raman").expect("a member");
    let row = opened.history.row(priya);
    let rating = row
        .entries()
        .iter()
        .find(|entry| entry.rater == Rater::SelfRated)
        .expect("the self rating");
    assert_eq!(rating.as_of, Some("2026-11-20".parse().expect("a date")));
    assert_eq!(row.note_for(rating), Some("Led the ranking rewrite"));
    assert!(
        opened.skill_named("Basket weaving").is_none(),
        "a skill typed over the form's is not added"
    );
}

#[test]
fn workbook_forms_come_back_without_title_warnings_and_say_who_sent_none() {
    let folder = tempfile::tempdir().expect("folder");
    let (workspace, forms) = search_workbook_forms(folder.path());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&forms)
        .expect("listed")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 3, "a form for each of the team");
    // One member keeps theirs.
    let kept = files.pop().expect("a form");
    let kept_name = kept
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.split(" - ").next())
        .expect("named after the member")
        // The file name makes marks safe (O'Brien -> O_Brien): the given name.
        .split(' ')
        .next()
        .expect("a given name")
        .to_string();
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let back = import_self(&paths, &workspace, Some("2026-11-02"));
    let stdout = String::from_utf8_lossy(&back.stdout);
    let stderr = String::from_utf8_lossy(&back.stderr);
    assert!(back.status.success(), "{stderr}");
    assert!(
        !stderr.contains("above the header"),
        "Skillgrid's own forms have a title on purpose: {stderr}"
    );
    let summary = format!("{} forms back, {} blank", files.len(), files.len());
    assert!(stdout.contains(&summary), "{stdout}");
    assert!(
        stdout.contains(&format!("not returned: {kept_name}")),
        "{stdout}"
    );
}
