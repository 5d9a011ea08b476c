//! What Skillgrid writes it reads back, and what it reads stays within the
//! limits it states: the compact recovery copy of a large roster, JSON
//! workspaces near their limit, workspaces with impossible projects.

use skillgrid::catalog;
use skillgrid::io::{self, MAX_JSON_BYTES};
use skillgrid::model::{Cell, DemandLine, Level, Project, SkillId};
use skillgrid::synthetic;

#[test]
fn a_large_rosters_compact_copy_reads_back_whole() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut workspace = synthetic::roster(catalog::builtin(), 20_000, 300, 11);
    workspace
        .levels
        .set(19_999, 299, Cell::new(Some(Level::EXPERT), true));
    io::write_compact(folder.path(), &workspace).expect("written");
    let back = io::read_compact(folder.path()).expect("read back");
    assert_eq!(back.value, workspace);
    // A byte a cell: far under what the JSON of the same roster takes.
    let levels = std::fs::metadata(folder.path().join("levels.bin"))
        .expect("levels")
        .len();
    assert_eq!(levels, 16 + 20_000 * 300);
}

#[test]
fn the_json_size_estimate_is_near_the_real_size() {
    let workspace = synthetic::roster(catalog::builtin(), 2_000, 300, 3);
    let real = io::workspace_to_json(&workspace).len() as f64;
    let estimate = io::json_size_estimate(&workspace) as f64;
    assert!(
        (estimate / real - 1.0).abs() < 0.3,
        "estimate {estimate} against {real}"
    );
    // So a workspace of 100,000 x 300 fits under the JSON limit, as it
    // must for Skillgrid to read back what it wrote.
    let per_member = real / 2_000.0;
    assert!(per_member * 100_000.0 < MAX_JSON_BYTES as f64);
}

#[test]
fn a_workspace_with_impossible_projects_is_refused_naming_each() {
    let library = catalog::builtin();
    let mut workspace = synthetic::roster(library, 5, 10, 1);
    let skill = workspace.skills[0].id.clone();
    let mut project = Project::new("Payments", "2026-13-45", "2026-06-30", 1);
    project.demand.push(DemandLine {
        skill: skill.clone(),
        min_level: Level::PROFICIENT,
        people: 1,
        fte_each: -0.5,
    });
    project.demand.push(DemandLine {
        skill: SkillId::new("no-such-skill"),
        min_level: Level::WORKING,
        people: 1,
        fte_each: 0.5,
    });
    workspace.projects.push(project);
    let bytes = io::workspace_to_json(&workspace);
    let failure = io::workspace_from_json(&bytes, "team.json").unwrap_err();
    let messages: Vec<String> = failure.errors.iter().map(|e| e.to_string()).collect();
    let all = messages.join("\n");
    assert!(
        all.contains("projects[0] \"Payments\": start \"2026-13-45\" is not a date"),
        "{all}"
    );
    assert!(
        all.contains("projects[0] \"Payments\", line 1: FTE -0.5 is not a share"),
        "{all}"
    );
    assert!(
        all.contains("projects[0] \"Payments\", line 2: skill \"no-such-skill\" is not defined"),
        "{all}"
    );
    assert!(all.starts_with("team.json"), "{all}");
}
