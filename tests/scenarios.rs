//! Scenarios as a lead uses them: named plans kept in the workspace,
//! compared side by side with figures that are the analyses of each plan
//! applied, and applied for real; on the command line too.

mod common;
use common::{skillgrid, text};

use skillgrid::analysis::{
    AnalysisOptions, analyze, apply_scenario, compare_scenarios, make_scenario_real,
};
use skillgrid::model::{
    PlannedHire, ProjectStatus, ProjectSwitch, ReportMove, RoleId, Scenario, ScenarioPin, Workspace,
};
use skillgrid::{catalog, io};

const SAMPLE: &str = "sample-teams/product-org-staffing.json";

fn sample() -> Workspace {
    let mut workspace = io::open_path(std::path::Path::new(SAMPLE), catalog::builtin())
        .expect("the sample opens")
        .value;
    // Search relaunch is pencilled in.
    let search = workspace
        .projects
        .iter()
        .position(|p| p.name == "Search relaunch")
        .expect("the project");
    workspace.projects[search].status = ProjectStatus::Tentative;
    workspace
}

fn options() -> AnalysisOptions {
    AnalysisOptions {
        today: Some("2026-03-02".parse().expect("a date")),
        ..AnalysisOptions::default()
    }
}

fn scenarios() -> Vec<Scenario> {
    let mut hire = Scenario::new("Hire a senior");
    hire.hire(PlannedHire::new(
        RoleId::new("senior-software-engineer"),
        Some("Search".into()),
    ));
    let mut lose = Scenario::new("Lose Tomasz");
    lose.plan.departures.push("tomasz.nowak@example.com".into());
    lose.moves.push(ReportMove {
        member: "Priya Raman".into(),
        manager: "Marcus Webb".into(),
    });
    let mut search = Scenario::new("Search lands");
    search.projects.push(ProjectSwitch {
        project: "Search relaunch".into(),
        on: true,
    });
    search.pins.push(ScenarioPin {
        project: "Search relaunch".into(),
        line: 0,
        member: "Tomasz Nowak".into(),
        fte: 0.75,
    });
    let mut drop = Scenario::new("No search");
    drop.projects.push(ProjectSwitch {
        project: "Search relaunch".into(),
        on: false,
    });
    vec![hire, lose, search, drop]
}

#[test]
fn scenarios_round_trip_through_the_workspace_file_and_json() {
    let mut workspace = sample();
    workspace.scenarios = scenarios();
    let folder = tempfile::tempdir().expect("folder");
    for name in ["team.skillgrid", "team.json"] {
        let path = folder.path().join(name);
        io::save_path(&workspace, &path, io::ExportOptions::default()).expect("saved");
        let read = io::open_path(&path, catalog::builtin())
            .expect("reads")
            .value;
        assert_eq!(read.scenarios, workspace.scenarios, "{name}");
        assert_eq!(read.projects, workspace.projects, "{name}: statuses too");
    }
    // A CSV cannot hold them, and says so before it writes.
    let left_out = io::roster_csv_leaves_out(&workspace, catalog::builtin()).join("; ");
    assert!(left_out.contains("4 scenarios"), "{left_out}");
}

#[test]
fn each_figure_is_the_analysis_of_the_scenario_applied() {
    let mut workspace = sample();
    workspace.scenarios = scenarios();
    let names = ["Hire a senior", "Lose Tomasz", "No search"];
    let library = &catalog::builtin().skills;
    let figures = compare_scenarios(&workspace, &names, &options(), library).expect("compared");
    assert_eq!(figures.len(), 4, "the team as it is, then each");
    assert_eq!(figures[0].name, "as it is");
    for (figure, name) in figures.iter().skip(1).zip(names) {
        let scenario = workspace
            .scenarios
            .iter()
            .find(|s| s.name == name)
            .expect("kept");
        let (applied, unknown) = apply_scenario(&workspace, scenario, library);
        assert!(unknown.is_empty(), "{unknown:?}");
        let analysis = analyze(&applied, &options());
        assert_eq!(figure.single_points, analysis.bus_factor.len(), "{name}");
        assert_eq!(
            figure.span_breaches,
            analysis.span_of_control.breaches.len(),
            "{name}"
        );
        let open: u32 = analysis
            .staffing
            .as_ref()
            .map_or(0, |s| s.placeholders.iter().map(|p| p.people).sum());
        assert_eq!(figure.open_places, open, "{name}");
    }
    let [as_is, hire, lose, none] = &figures[..] else {
        panic!("four columns");
    };
    assert!(hire.cost.mid > 0.0 && as_is.cost.mid == 0.0, "a hire costs");
    assert!(
        lose.open_places > as_is.open_places,
        "losing Tomasz opens places"
    );
    assert!(
        none.open_places < as_is.open_places,
        "no Search relaunch, fewer to fill"
    );
    let unknown = compare_scenarios(&workspace, &["Nope"], &options(), library).expect_err("named");
    assert!(unknown.contains("no scenario \"Nope\""), "{unknown}");
}

#[test]
fn switching_a_tentative_project_confirms_or_drops_it_and_a_real_departure_is_a_leaver() {
    let workspace = sample();
    let all = scenarios();
    let library = &catalog::builtin().skills;
    let (landed, _) = apply_scenario(&workspace, &all[2], library);
    let search = landed
        .projects
        .iter()
        .find(|p| p.name == "Search relaunch")
        .expect("kept");
    assert_eq!(search.status, ProjectStatus::Confirmed);
    let tomasz = landed.find_member("Tomasz Nowak").expect("there");
    assert!(
        search
            .assignments
            .iter()
            .any(|a| a.member == tomasz && a.pinned),
        "the pin is kept"
    );
    let (dropped, _) = apply_scenario(&workspace, &all[3], library);
    assert!(dropped.projects.iter().all(|p| p.name != "Search relaunch"));

    let on: skillgrid::model::Date = "2026-03-02".parse().expect("a date");
    let (real, _) = make_scenario_real(&workspace, &all[1], library, on);
    let tomasz = real.find_member("Tomasz Nowak").expect("history kept");
    assert_eq!(real.members[tomasz].left, Some(on));
    let priya = real.find_member("Priya Raman").expect("there");
    assert_eq!(real.members[priya].manager.as_deref(), Some("Marcus Webb"));
}

#[test]
fn the_command_line_adds_lists_compares_applies_and_removes() {
    let folder = tempfile::tempdir().expect("folder");
    let workspace = folder.path().join("team.skillgrid");
    let added = skillgrid(&[
        "scenario",
        "add",
        SAMPLE,
        "Hire a senior",
        "--hire",
        "Senior Software Engineer@Search",
        "-o",
        text(&workspace),
    ]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let said = String::from_utf8_lossy(&added.stdout);
    assert!(
        said.contains("hire a Senior Software Engineer in Search"),
        "{said}"
    );
    let lose = skillgrid(&[
        "scenario",
        "add",
        text(&workspace),
        "Lose Tomasz",
        "--depart",
        "Tomasz Nowak",
        "--move",
        "Priya Raman=Marcus Webb",
    ]);
    assert!(
        lose.status.success(),
        "{}",
        String::from_utf8_lossy(&lose.stderr)
    );

    let listed = skillgrid(&["scenario", "list", text(&workspace)]);
    let said = String::from_utf8_lossy(&listed.stdout);
    assert!(
        said.contains("Lose Tomasz\n  Tomasz Nowak leaves\n  Priya Raman reports to Marcus Webb"),
        "{said}"
    );

    let compared = skillgrid(&[
        "scenario",
        "compare",
        text(&workspace),
        "Hire a senior",
        "Lose Tomasz",
        "--as-of",
        "2026-03-02",
    ]);
    let said = String::from_utf8_lossy(&compared.stdout);
    assert!(compared.status.success());
    let header = said.lines().next().expect("a header");
    assert!(
        header.contains("as it is")
            && header.contains("Hire a senior")
            && header.contains("Lose Tomasz"),
        "{said}"
    );
    assert!(said.contains("Cost a year (mid)"), "{said}");

    let json = skillgrid(&[
        "scenario",
        "compare",
        text(&workspace),
        "Lose Tomasz",
        "--format",
        "json",
        "--as-of",
        "2026-03-02",
    ]);
    let figures: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(figures[1]["name"], "Lose Tomasz");
    assert!(figures[1]["open_places"].as_u64() > figures[0]["open_places"].as_u64());

    let applied = skillgrid(&["scenario", "apply", text(&workspace), "Lose Tomasz"]);
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stderr)
    );
    let read = io::open_path(&workspace, catalog::builtin())
        .expect("reads")
        .value;
    let tomasz = read.find_member("Tomasz Nowak").expect("history kept");
    assert!(read.members[tomasz].left.is_some(), "recorded as leaving");

    let removed = skillgrid(&["scenario", "remove", text(&workspace), "Hire a senior"]);
    assert!(removed.status.success());
    let missing = skillgrid(&["scenario", "remove", text(&workspace), "Hire a senior"]);
    assert_eq!(missing.status.code(), Some(2));
    let said = String::from_utf8_lossy(&missing.stderr);
    assert!(
        said.contains("no scenario \"Hire a senior\": the workspace has Lose Tomasz"),
        "{said}"
    );

    let pinned = skillgrid(&[
        "scenario",
        "add",
        text(&workspace),
        "Pin Priya",
        "--pin",
        "Search relaunch/1=Priya Raman@0.5",
    ]);
    assert!(
        pinned.status.success(),
        "{}",
        String::from_utf8_lossy(&pinned.stderr)
    );
    let read = io::open_path(&workspace, catalog::builtin())
        .expect("reads")
        .value;
    let pin = &read
        .scenarios
        .iter()
        .find(|s| s.name == "Pin Priya")
        .expect("kept")
        .pins[0];
    assert_eq!(
        (pin.project.as_str(), pin.line, pin.fte),
        ("Search relaunch", 0, 0.5)
    );
    let out_of_range = skillgrid(&[
        "scenario",
        "add",
        text(&workspace),
        "Y",
        "--pin",
        "Search relaunch/9=Priya Raman@0.5",
    ]);
    assert_eq!(out_of_range.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out_of_range.stderr).contains("has lines 1 to 4, not 9"));

    let typo = skillgrid(&["scenario", "add", text(&workspace), "X", "--hire", "Wizard"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("no role \"Wizard\""));
}
