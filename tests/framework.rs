//! A public career framework (FT engineering-progression shape) imported as
//! roles: previewed, applied, re-imported in place, and bad files refused
//! with the line and column.

mod common;
use common::{history_copy as workspace_copy, run, text};

use skillgrid::model::{Level, RoleId, SkillId, Track};

const FRAMEWORK: &str = "tests/data/frameworks/ft-engineering.yml";

/// The workspace as written.
fn open(path: &std::path::Path) -> skillgrid::model::Workspace {
    skillgrid::io::open_path(path, skillgrid::catalog::builtin())
        .expect("opens")
        .value
}

#[test]
fn a_dry_run_shows_the_mapping_and_changes_nothing() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let before = std::fs::read(&workspace).expect("read");
    let (ok, said, errors) = run(&[
        "import-framework",
        FRAMEWORK,
        "--into",
        text(&workspace),
        "--dry-run",
    ]);
    assert!(ok, "{errors}");
    for expected in [
        "Engineering: 4 levels as roles, 3 themes as skills (2 matched, 1 new)",
        "add role Engineering People Manager (manager, 1 requirements)",
        "theme technical -> skill Programming",
        "theme team-work -> new skill Team Work",
        "dry run: nothing was changed",
    ] {
        assert!(said.contains(expected), "{expected}: {said}");
    }
    assert_eq!(std::fs::read(&workspace).expect("read"), before);
}

#[test]
fn levels_become_roles_with_tracks_requirements_and_career_steps_and_reimport_updates_them() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let (ok, said, errors) = run(&["import-framework", FRAMEWORK, "--into", text(&workspace)]);
    assert!(ok, "{errors}");
    assert!(said.contains("4 roles added, 0 updated"), "{said}");
    let opened = open(&workspace);
    let senior = opened
        .role(&RoleId::new("engineering-senior-engineer"))
        .expect("the senior level is a role");
    assert_eq!(senior.track, Track::Ic);
    let programming = senior
        .requirements
        .iter()
        .find(|r| r.skill == SkillId::new("programming"))
        .expect("the technical theme is the catalog's Programming");
    assert_eq!(
        programming.min_level,
        Level::PROFICIENT,
        "Practitioner is 3"
    );
    assert_eq!(
        programming.basis,
        "Sets the technical direction of a system."
    );
    let first = opened
        .role(&RoleId::new("engineering-engineer-1"))
        .expect("a role");
    assert_eq!(
        first.requirements[0].min_level,
        Level::AWARENESS,
        "Foundational is 1"
    );
    assert_eq!(
        first.requirements[0].basis, "Writes small, well-tested changes with guidance.",
        "a block summary without its line end"
    );
    assert_eq!(first.career.advancement_to[0].title, "Engineer 2");
    let manager = opened
        .role(&RoleId::new("engineering-engineering-manager-pm"))
        .expect("a role");
    assert_eq!(manager.track, Track::Manager, "read from -pm and the name");
    assert!(opened.skill_named("Team Work").is_some(), "a custom skill");

    // A newer version of the framework updates its roles in place.
    std::fs::create_dir(folder.path().join("v2")).expect("folder");
    let newer = folder.path().join("v2").join("ft-engineering.yml");
    let yaml = std::fs::read_to_string(FRAMEWORK)
        .expect("fixture")
        .replace(
            "Sets the technical direction of a system.\n    proficiency: Practitioner",
            "Sets the technical direction of a system.\n    proficiency: Expert",
        );
    std::fs::write(&newer, yaml).expect("written");
    let (ok, said, errors) = run(&["import-framework", text(&newer), "--into", text(&workspace)]);
    assert!(ok, "{errors}");
    assert!(said.contains("update role Senior Engineer"), "{said}");
    assert!(
        said.contains("      Programming: level 3 -> 4"),
        "what changed is listed: {said}"
    );
    assert!(said.contains("keep role Engineer 1"), "{said}");
    assert!(said.contains("0 roles added, 1 updated"), "{said}");
    let opened = open(&workspace);
    let roles = opened
        .roles
        .iter()
        .filter(|r| r.summary.starts_with("Engineering (ft-engineering.yml)"))
        .count();
    assert_eq!(roles, 4, "no duplicates");
    let senior = opened
        .role(&RoleId::new("engineering-senior-engineer"))
        .expect("a role");
    assert_eq!(senior.requirements[0].min_level, Level::EXPERT);
}

#[test]
fn bad_framework_files_say_what_and_where() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let cases = [
        (
            "broken.yml",
            "title: X\nlevels:\n  - id: a\n    name: A\n  competencies: [\n",
            "broken.yml:5:3: did not find expected '-' indicator",
        ),
        (
            "no-levels.yml",
            "title: X\nthemes: []\ncompetencies: []\n",
            "no-levels.yml:1:1: missing field `levels`",
        ),
        (
            "unknown-level.yml",
            "levels:\n  - {id: a, name: A}\nthemes:\n  - {id: t, name: Programming}\n\
             competencies:\n  - {level: b, theme: t, summary: s, proficiency: Expert}\n",
            "competency 1 names level \"b\", which the file does not define: expected one of a",
        ),
        (
            "unknown-theme.yml",
            "levels:\n  - {id: a, name: A}\nthemes: []\n\
             competencies:\n  - {level: a, theme: t, summary: s, proficiency: Expert}\n",
            "competency 1 names theme \"t\", which the file does not define",
        ),
        (
            "word.yml",
            "levels:\n  - {id: a, name: A}\nthemes:\n  - {id: t, name: Programming}\n\
             competencies:\n  - {level: a, theme: t, summary: s, proficiency: Guru}\n",
            "proficiency \"Guru\" is not one of FT's words",
        ),
    ];
    let before = std::fs::read(&workspace).expect("read");
    for (name, yaml, expected) in cases {
        let path = folder.path().join(name);
        std::fs::write(&path, yaml).expect("written");
        let (ok, _, errors) = run(&["import-framework", text(&path), "--into", text(&workspace)]);
        assert!(!ok, "{name}");
        assert!(errors.contains(expected), "{name}: {errors}");
    }
    assert_eq!(std::fs::read(&workspace).expect("read"), before);
}

#[test]
fn a_monzo_page_maps_its_levels_over_one_to_four_and_prose_pages_are_refused() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let (ok, said, errors) = run(&[
        "import-framework",
        "tests/data/frameworks/monzo-backend.md",
        "--into",
        text(&workspace),
    ]);
    assert!(ok, "{errors}");
    assert!(
        said.contains(
            "Backend Engineer Framework: 4 levels as roles, 2 themes as skills (2 matched, 0 new)"
        ),
        "{said}"
    );
    let opened = open(&workspace);
    let level = |k: u32| {
        opened
            .role(&RoleId::new(format!(
                "backend-engineer-framework-level-{k}"
            )))
            .expect("a role")
            .clone()
    };
    let programming = |k: u32| {
        level(k)
            .requirements
            .iter()
            .find(|r| r.skill == SkillId::new("programming"))
            .map(|r| (r.min_level.get(), r.basis.clone()))
    };
    assert_eq!(
        programming(1),
        Some((1, "Ships small changes with review".into()))
    );
    assert_eq!(
        programming(2).map(|(level, _)| level),
        Some(1),
        "level 1's holds at 2"
    );
    assert_eq!(
        programming(3),
        Some((
            3,
            "Designs services others build on; Reviews for correctness and clarity".into()
        ))
    );
    assert_eq!(level(4).requirements.len(), 2, "mentoring joins at 4");
    assert_eq!(
        level(4).title,
        "Backend Engineer 4",
        "the emoji and 'Framework' left out"
    );

    let prose = folder.path().join("principles.md");
    std::fs::write(&prose, "---\ntitle: Principles\n---\n\nWe value...\n").expect("written");
    let (ok, _, errors) = run(&["import-framework", text(&prose), "--into", text(&workspace)]);
    assert!(!ok);
    assert!(errors.contains("principles.md: prose only"), "{errors}");
    let empty = folder.path().join("empty.md");
    std::fs::write(
        &empty,
        "---\nyaml: true\nlevels: 3\ntopics:\n  - name: Programming\n    content:\n      - level: 2\n        criteria: []\n---\n",
    )
    .expect("written");
    let (ok, _, errors) = run(&["import-framework", text(&empty), "--into", text(&workspace)]);
    assert!(!ok);
    assert!(
        errors.contains("topic \"Programming\" at level 2 has no criteria"),
        "{errors}"
    );
    let broken = folder.path().join("broken.md");
    std::fs::write(&broken, "---\nyaml: true\nlevels: [\n---\n").expect("written");
    let (ok, _, errors) = run(&[
        "import-framework",
        text(&broken),
        "--into",
        text(&workspace),
    ]);
    assert!(!ok);
    assert!(
        errors.contains("broken.md:3:"),
        "the line in the file: {errors}"
    );
}

#[test]
fn a_grid_exported_from_a_spreadsheet_maps_text_by_column_and_levels_as_given() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let (ok, said, errors) = run(&[
        "import-framework",
        "tests/data/frameworks/grid-ladder.csv",
        "--into",
        text(&workspace),
    ]);
    assert!(ok, "{errors}");
    assert!(
        said.contains("grid-ladder: 4 levels as roles, 3 themes as skills (2 matched, 1 new)"),
        "{said}"
    );
    let opened = open(&workspace);
    let role = |id: &str| {
        opened
            .role(&RoleId::new(format!("grid-ladder-{id}")))
            .expect("a role")
            .clone()
    };
    let needs = |id: &str, skill: &str| {
        role(id)
            .requirements
            .iter()
            .find(|r| r.skill == SkillId::new(skill))
            .map(|r| (r.min_level.get(), r.basis.clone()))
    };
    assert_eq!(role("engineer-i").title, "Engineer I");
    // Text takes its column's place over 1-4; a number or word is a level.
    assert_eq!(
        needs("engineer-i", "programming"),
        Some((1, "Writes tested code with help".into()))
    );
    assert_eq!(needs("engineer-ii", "programming").map(|n| n.0), Some(2));
    assert_eq!(
        needs("senior-engineer", "programming").map(|n| n.0),
        Some(3)
    );
    assert_eq!(
        needs("staff-engineer", "programming").map(|n| n.0),
        Some(4),
        "expert"
    );
    assert_eq!(needs("engineer-i", "communication"), None, "a blank cell");
    assert_eq!(
        role("engineer-i").career.advancement_to[0].title,
        "Engineer II"
    );
}

#[test]
fn the_choices_the_dialog_offers_are_options_on_the_command_line() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let (ok, said, errors) = run(&[
        "import-framework",
        FRAMEWORK,
        "--into",
        text(&workspace),
        "--confirm",
        "team-work",
        "--track",
        "engineer-2=manager",
        "--scale",
        "Practitioner=4",
        "--licence",
        "CC BY 4.0",
    ]);
    assert!(ok, "{errors}");
    assert!(
        said.contains("theme team-work -> skill Cross-functional Collaboration"),
        "{said}"
    );
    assert!(said.contains("Practitioner = 4"), "{said}");
    let opened = open(&workspace);
    assert!(opened.skill_named("Team Work").is_none(), "no custom skill");
    let engineer_2 = opened
        .role(&RoleId::new("engineering-engineer-2"))
        .expect("a role");
    assert_eq!(engineer_2.track, Track::Manager);
    assert!(
        engineer_2
            .requirement(&SkillId::new("collaboration"))
            .is_some()
    );
    let senior = opened
        .role(&RoleId::new("engineering-senior-engineer"))
        .expect("a role");
    assert_eq!(
        senior
            .requirement(&SkillId::new("programming"))
            .map(|r| r.min_level),
        Some(Level::EXPERT),
        "Practitioner mapped to 4"
    );
    let source = senior.framework.as_ref().expect("its source");
    assert_eq!(source.licence.as_deref(), Some("CC BY 4.0"));
    assert_eq!(source.file, "ft-engineering.yml");
    assert_eq!(source.level, "senior-engineer");

    // A re-import keeps what was chosen: the match, the track, the scale.
    let (ok, said, errors) = run(&[
        "import-framework",
        FRAMEWORK,
        "--into",
        text(&workspace),
        "--licence",
        "CC BY 4.0",
        "--dry-run",
    ]);
    assert!(ok, "{errors}");
    for expected in [
        "theme team-work -> skill Cross-functional Collaboration",
        "keep role Engineer 2 (manager",
        "keep role Senior Engineer",
        "Practitioner = 4",
    ] {
        assert!(said.contains(expected), "{expected}: {said}");
    }

    let before = std::fs::read(&workspace).expect("read");
    for (option, value, expected) in [
        (
            "--confirm",
            "nope",
            "--confirm nope: the framework has no such theme",
        ),
        (
            "--confirm",
            "technical",
            "no similar skill was offered for it",
        ),
        (
            "--track",
            "engineer-2",
            "expected LEVEL=ic or LEVEL=manager",
        ),
        (
            "--track",
            "engineer-9=ic",
            "the framework has no level \"engineer-9\"",
        ),
        (
            "--scale",
            "Guru=4",
            "\"Guru\" is not a step of the framework's scale",
        ),
        ("--scale", "Expert=7", "expected a level 0-4"),
        ("--format", "xml", "expected ft, monzo or grid"),
    ] {
        let (ok, _, errors) = run(&[
            "import-framework",
            FRAMEWORK,
            "--into",
            text(&workspace),
            option,
            value,
        ]);
        assert!(!ok, "{option} {value}");
        assert!(errors.contains(expected), "{option} {value}: {errors}");
    }
    assert_eq!(std::fs::read(&workspace).expect("read"), before);
}

#[test]
fn a_format_named_overrides_the_files_extension() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let page = folder.path().join("backend.txt");
    std::fs::copy("tests/data/frameworks/monzo-backend.md", &page).expect("copied");
    let (ok, _, errors) = run(&["import-framework", text(&page), "--into", text(&workspace)]);
    assert!(!ok, "a .txt reads as a grid by default");
    assert!(errors.contains("backend.txt"), "{errors}");
    let (ok, said, errors) = run(&[
        "import-framework",
        text(&page),
        "--into",
        text(&workspace),
        "--format",
        "monzo",
        "--dry-run",
    ]);
    assert!(ok, "{errors}");
    assert!(
        said.contains("Backend Engineer Framework: 4 levels as roles"),
        "{said}"
    );
}

#[test]
fn a_grid_in_an_excel_workbook_reads_as_its_csv_does_and_errors_name_the_cell() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let write = |name: &str, blank_name: bool| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "Our ladder, 2026").expect("cell");
        for (column, title) in ["Competency", "Engineer I", "Engineer II", "Senior Engineer"]
            .iter()
            .enumerate()
        {
            sheet.write(1, column as u16, *title).expect("cell");
        }
        sheet.write(2, 0, "Programming").expect("cell");
        sheet
            .write(2, 1, "Writes tested code with help")
            .expect("cell");
        sheet.write(2, 2, 2).expect("cell");
        sheet.write(2, 3, "expert").expect("cell");
        sheet
            .write(3, 0, if blank_name { "" } else { "Communication" })
            .expect("cell");
        sheet
            .write(3, 2, "Explains decisions in writing")
            .expect("cell");
        let path = folder.path().join(name);
        book.save(&path).expect("saved");
        path
    };
    let good = write("ladder.xlsx", false);
    let (ok, said, errors) = run(&["import-framework", text(&good), "--into", text(&workspace)]);
    assert!(ok, "{errors}");
    assert!(
        said.contains("ladder: 3 levels as roles, 2 themes as skills (2 matched, 0 new)"),
        "{said}"
    );
    let opened = open(&workspace);
    let needs = |role: &str, skill: &str| {
        opened
            .role(&RoleId::new(format!("ladder-{role}")))
            .and_then(|r| r.requirement(&SkillId::new(skill)))
            .map(|r| r.min_level.get())
    };
    assert_eq!(needs("engineer-i", "programming"), Some(1));
    assert_eq!(needs("engineer-ii", "programming"), Some(2));
    assert_eq!(needs("senior-engineer", "programming"), Some(4));
    // Three columns spread over 1-4: 1, 3 (2.5 rounded up) and 4.
    assert_eq!(
        needs("engineer-ii", "communication"),
        Some(3),
        "text by column"
    );

    let bad = write("bad-ladder.xlsx", true);
    let (ok, _, errors) = run(&["import-framework", text(&bad), "--into", text(&workspace)]);
    assert!(!ok);
    assert!(
        errors.contains("A4") && errors.contains("the competency's name is blank"),
        "the Excel cell: {errors}"
    );
}

#[test]
fn a_team_on_an_imported_ladder_gets_its_fit_succession_and_gaps_from_it() {
    use skillgrid::analysis::{AnalysisOptions, analyze};
    let folder = tempfile::tempdir().expect("folder");
    let workspace = workspace_copy(folder.path());
    let (ok, _, errors) = run(&[
        "import-framework",
        "sample-teams/frameworks/engineering-ladder.yml",
        "--into",
        text(&workspace),
        "--confirm",
        "team-work",
    ]);
    assert!(ok, "{errors}");
    let mut opened = open(&workspace);
    let senior = RoleId::new("product-engineering-senior-engineer");
    let moved = opened.reassign_role(&RoleId::new("senior-software-engineer"), &senior);
    assert!(moved > 0, "the sample has senior engineers");
    let analysis = analyze(&opened, &AnalysisOptions::default());
    let on_ladder: Vec<_> = analysis
        .fit
        .iter()
        .filter_map(|fit| fit.own_role.as_ref())
        .filter(|fit| &*fit.role.id == senior.as_str())
        .collect();
    assert_eq!(on_ladder.len(), moved, "fit is judged against the ladder");
    assert!(
        on_ladder.iter().all(|fit| fit
            .gaps
            .iter()
            .all(|gap| gap.skill.id.as_ref() != "people-management")),
        "only the level's own requirements"
    );
    let principal = analysis
        .succession
        .iter()
        .find(|s| &*s.role.id == "product-engineering-principal-engineer")
        .expect("succession for the next level");
    assert!(
        principal.candidates.iter().any(|c| c.natural_step),
        "Senior Engineer -> Principal Engineer is the ladder's next step"
    );
    let level = opened.role(&senior).expect("imported");
    assert_eq!(
        level
            .requirement(&SkillId::new("collaboration"))
            .map(|r| (r.min_level, r.basis.as_str())),
        Some((Level::PROFICIENT, "Mentors engineers on the team.")),
        "the confirmed Teamwork skill, with the ladder's words"
    );
}

#[test]
fn a_library_skill_the_roster_does_not_track_becomes_a_column_to_rate() {
    let folder = tempfile::tempdir().expect("folder");
    let roster = folder.path().join("team.csv");
    std::fs::write(
        &roster,
        "Name,Team,Programming\r\nAda,Search,3\r\nBo,Search,2\r\n",
    )
    .expect("written");
    let workspace = folder.path().join("team.skillgrid");
    let (ok, _, errors) = run(&["convert", text(&roster), text(&workspace)]);
    assert!(ok, "{errors}");
    let (ok, said, errors) = run(&["import-framework", FRAMEWORK, "--into", text(&workspace)]);
    assert!(ok, "{errors}");
    assert!(
        said.contains(
            "theme delivery -> skill Agile & Project Management (from the library, added as a column)"
        ),
        "{said}"
    );
    assert!(
        said.contains("theme technical -> skill Programming\n"),
        "{said}"
    );
    let opened = open(&workspace);
    let names: Vec<&str> = opened.skills.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Programming", "Agile & Project Management", "Team Work"],
        "the library's skill and the new one, each a column"
    );
    assert_eq!(opened.members.len(), 2, "the team is kept");
}
