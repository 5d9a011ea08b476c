//! Every bundled sample team imports, tells the story it was built to tell,
//! and survives every conversion unchanged.

use skillgrid::catalog;
use skillgrid::io::{
    ExportOptions, Layout, export_roster, import_roster, open_path, workspace_from_json,
    workspace_to_json,
};
use skillgrid::model::{Level, SkillId, Workspace};
use std::path::Path;

fn open(name: &str) -> skillgrid::io::Imported<Workspace> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-teams")
        .join(name);
    open_path(&path, catalog::builtin()).unwrap_or_else(|failure| panic!("{name}: {failure}"))
}

fn holders(workspace: &Workspace, skill: &str, at_least: Level) -> Vec<String> {
    let column = workspace
        .skill_index(&SkillId::new(skill))
        .expect("skill column");
    (0..workspace.members.len())
        .filter(|&member| workspace.cell(member, column).at_least(at_least))
        .map(|member| workspace.members[member].name.clone())
        .collect()
}

fn direct_reports(workspace: &Workspace, manager: &str) -> usize {
    workspace
        .members
        .iter()
        .filter(|member| member.manager.as_deref() == Some(manager))
        .count()
}

#[test]
fn every_sample_imports_without_errors() {
    let samples = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-teams"))
        .expect("sample-teams/")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .to_string()
        })
        // The projects file is a plan for the staffing sample, not a team.
        .filter(|name| !name.ends_with("-projects.csv"))
        // The rounds the history sample is built from are rosters of their own.
        .filter(|name| name != "rounds")
        // Career frameworks are ladders to import as roles, not teams.
        .filter(|name| name != "frameworks")
        // A team's git history for work evidence, and what builds it.
        .filter(|name| name != "data-platform.git" && name != "work")
        .collect::<Vec<_>>();
    assert!(samples.len() >= 4, "{samples:?}");
    for sample in samples {
        let imported = open(&sample);
        assert!(!imported.value.members.is_empty(), "{sample}");
        let unmatched = imported
            .value
            .members
            .iter()
            .filter(|m| m.role.is_none())
            .count();
        assert_eq!(
            unmatched, 0,
            "{sample}: every member's role is in the library"
        );
    }
}

#[test]
fn the_platform_team_shows_its_risks() {
    let imported = open("platform-team.csv");
    let team = &imported.value;
    assert_eq!(team.members.len(), 8);
    assert_eq!(
        holders(team, "kubernetes", Level::PROFICIENT),
        ["Felix Brandt"]
    );
    assert!(holders(team, "security", Level::WORKING).is_empty());
    assert_eq!(direct_reports(team, "Martina Kovač"), 7);
    let rust = team
        .skills
        .iter()
        .find(|skill| skill.name == "Rust")
        .expect("custom skill");
    assert!(!rust.builtin);
    assert_eq!(imported.warnings.len(), 1);
    assert!(
        imported.warnings[0]
            .message
            .contains("\"Rust\" is not in the skill catalog")
    );
}

#[test]
fn the_product_org_shows_its_risks() {
    let org = open("product-org.csv").value;
    assert_eq!(org.members.len(), 50);
    let teams: std::collections::BTreeSet<_> =
        org.members.iter().filter_map(|m| m.team.clone()).collect();
    assert!(teams.len() >= 5, "{teams:?}");
    assert_eq!(
        holders(&org, "kubernetes", Level::PROFICIENT),
        ["Tomasz Nowak"]
    );
    assert_eq!(
        holders(&org, "event-streaming", Level::PROFICIENT),
        ["Chidi Okafor"]
    );
    assert!(holders(&org, "security", Level::PROFICIENT).is_empty());
    assert_eq!(direct_reports(&org, "Marcus Webb"), 11);
    let kims = org.members.iter().filter(|m| m.name == "Alex Kim").count();
    assert_eq!(kims, 2, "two people share a name, told apart by email");
    let priya = org
        .find_member("Priya Raman")
        .expect("the promotion candidate");
    let people = org
        .skill_index(&SkillId::new("people-management"))
        .expect("column");
    assert!(org.cell(priya, people).interest());
}

#[test]
fn the_long_layout_is_the_same_org() {
    let wide = open("product-org.csv").value;
    let long = open("product-org-long.csv").value;
    assert_eq!(wide, long);
}

#[test]
fn the_european_export_reads_semicolons_bom_and_decimal_commas() {
    let team = open("product-org-eu.csv").value;
    assert_eq!(team.members.len(), 12);
    assert!(
        team.members.iter().any(|m| m.fte == 0.8),
        "FTE 0,8 reads as 0.8"
    );
    assert!(
        team.members
            .iter()
            .all(|m| m.team.is_some() && m.role.is_some())
    );
    assert!(
        team.members.iter().any(|m| m.manager.is_some()),
        "'Reports to' is the manager"
    );
    assert!(
        team.members
            .iter()
            .any(|m| m.name.contains('ü') || m.name.contains('ö'))
    );
}

#[test]
fn every_sample_round_trips_through_every_format() {
    for sample in ["platform-team.csv", "product-org.csv", "product-org-eu.csv"] {
        let original = open(sample).value;
        for layout in [Layout::Wide, Layout::Long] {
            for delimiter in [b',', b';', b'\t'] {
                let bytes = export_roster(&original, ExportOptions { layout, delimiter });
                let back = import_roster(&bytes, "export.csv", catalog::builtin())
                    .unwrap_or_else(|failure| panic!("{sample} {layout:?}: {failure}"));
                assert_eq!(
                    back.value, original,
                    "{sample} {layout:?} {}",
                    delimiter as char
                );
            }
        }
        let json = workspace_to_json(&original);
        let back = workspace_from_json(&json, "export.json").expect("reads its own JSON");
        assert_eq!(back.value, original, "{sample} JSON");
    }
}
