//! Work evidence read from repositories the tests build with the `git`
//! command line: authors with `.mailmap` aliases, paths for each mapped
//! skill, two years of commits. Counts per member and skill, recency,
//! the disagreement marks, sole owners, a re-read that adds nothing, an
//! author who is no member, bare and shallow clones, and a folder that is
//! not a repository.

mod common;
use common::git::{ANA, git_in, team_repo, workspace_file};
use common::{run, text};

use skillgrid::analysis::{
    self, AnalysisOptions, Disagreement, Scope, ScopeFilter, WEEKS_AHEAD, work_cells, work_findings,
};
use skillgrid::model::{AwayReason, Date, TimeOff, Workspace};
use skillgrid::{catalog, io};
use std::path::Path;

const TODAY: &str = "2026-12-07";

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

fn open(path: &Path) -> Workspace {
    io::open_path(path, catalog::builtin())
        .expect("the workspace opens")
        .value
}

fn read(workspace: &Path, repo: &Path) -> (bool, String, String) {
    run(&[
        "evidence",
        text(workspace),
        "--repo",
        text(repo),
        "--as-of",
        TODAY,
    ])
}

fn column(workspace: &Workspace, skill: &str) -> usize {
    workspace.skill_named(skill).expect("a skill")
}

fn member(workspace: &Workspace, name: &str) -> usize {
    workspace.find_member(name).expect("a member")
}

#[test]
fn a_teams_history_becomes_evidence_beside_each_rating() {
    let folder = tempfile::tempdir().expect("a folder");
    let repo = team_repo(folder.path());
    let file = workspace_file(folder.path());
    let (ok, out, err) = read(&file, &repo.path);
    assert!(ok, "{out}{err}");
    assert!(out.contains("platform: read 46 commits"), "{out}");
    assert!(
        out.contains("Joe Contractor <joe@agency.example> (2 commits)"),
        "the author who is no member is listed: {out}"
    );
    assert_eq!(out.matches("joe@agency.example").count(), 1, "once: {out}");
    assert!(
        !out.contains("tnowak@home.example"),
        "the alias is Tomasz: {out}"
    );

    let workspace = open(&file);
    let day = date(TODAY);
    let scope = Scope::new(&workspace, day, &ScopeFilter::default());
    let cells = work_cells(&scope, &workspace.settings);
    let tomasz = member(&workspace, "Tomasz Nowak");
    let ana = member(&workspace, "Ana Souza");
    let lee = member(&workspace, "Lee Park");
    let k8s = column(&workspace, "Containers & Kubernetes");
    let iac = column(&workspace, "Infrastructure as Code");
    let databases = column(&workspace, "Databases");
    let observability = column(&workspace, "Observability");

    // Every monthly manifest commit, from either address.
    let kubernetes = cells.get(tomasz, k8s).expect("Tomasz's Kubernetes work");
    assert_eq!(kubernetes.commits, 23);
    assert_eq!(kubernetes.recent_commits, 6, "June to November 2026");
    assert_eq!(kubernetes.last, date("2026-11-15"));
    let terraform = cells.get(ana, iac).expect("Ana's Terraform");
    assert_eq!(terraform.recent_commits, 5);
    assert_eq!(terraform.recent_lines, 10, "each commit rewrote one line");
    assert_eq!(
        terraform.sentence("Infrastructure as Code"),
        "5 commits touching Infrastructure as Code in the last 6 months (10 lines), last 2026-11-30"
    );

    // The same six commits weigh less a year on.
    let lee_grafana = cells.get(lee, observability).expect("Lee's dashboards");
    let ana_grafana = cells.get(ana, observability).expect("Ana's dashboards");
    assert_eq!(lee_grafana.commits, ana_grafana.commits);
    assert!(
        lee_grafana.weight > 1.8 * ana_grafana.weight,
        "{lee_grafana:?} {ana_grafana:?}"
    );
    assert!(lee_grafana.is_active() && !ana_grafana.is_active());

    // Where the work and the rating of record disagree.
    assert_eq!(
        cells.disagreement(ana, iac),
        Some(Disagreement::ActiveButRatedLow),
        "five recent Terraform commits, rated 0"
    );
    assert_eq!(
        cells.disagreement(lee, observability),
        Some(Disagreement::ActiveButRatedLow)
    );
    assert_eq!(
        cells.disagreement(ana, databases),
        Some(Disagreement::RatedButIdle),
        "rated 4, no database work in two years"
    );
    assert_eq!(cells.disagreement(tomasz, k8s), None, "rated 3 and active");
    assert_eq!(
        cells.disagreement(ana, observability),
        None,
        "not recent, not rated"
    );
    assert_eq!(cells.disagreements.len(), 3, "{:?}", cells.disagreements);

    // Only Tomasz has changed the Kubernetes code since June.
    let week = skillgrid::model::week_of(day);
    let findings = work_findings(&scope, &cells, (week, week + WEEKS_AHEAD - 1));
    // Each skill's recent code owners, with the tooltips' counts.
    let owners = |skill: &str| -> Vec<(String, u32)> {
        findings
            .owners
            .iter()
            .find(|owners| &*owners.skill.name == skill)
            .map(|owners| {
                owners
                    .members
                    .iter()
                    .map(|(member, commits)| (member.name.to_string(), *commits))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        owners("Containers & Kubernetes"),
        [("Tomasz Nowak".to_string(), 6)]
    );
    assert_eq!(owners("Observability"), [("Lee Park".to_string(), 6)]);
    assert!(owners("Databases").is_empty(), "Ana's database work is old");
    let owner = findings
        .sole_owners
        .iter()
        .find(|owner| &*owner.skill.name == "Containers & Kubernetes")
        .expect("a sole owner");
    assert_eq!(&*owner.member.name, "Tomasz Nowak");
    assert_eq!(
        owner.sentence(),
        "only Tomasz Nowak has changed Containers & Kubernetes files (deploy/k8s/) since 2026-06-07"
    );
    // Ana and Lee both changed the dashboards in the window? No: Ana's are
    // a year old, so Lee alone owns them lately.
    assert!(
        findings
            .sole_owners
            .iter()
            .any(|owner| &*owner.member.name == "Lee Park"
                && &*owner.skill.name == "Observability"),
        "{:?}",
        findings.sole_owners
    );

    // The report carries the contradictions and the sole owners.
    let (ok, report, err) = run(&["report", text(&file), "--as-of", TODAY]);
    assert!(ok, "{err}");
    assert!(
        report.contains("Ana Souza: rated 4 in Databases, no commits touching it since 2024-12-12"),
        "{report}"
    );
    assert!(
        report.contains("only Tomasz Nowak has changed Containers & Kubernetes files"),
        "{report}"
    );
    // `evidence` lists the same, in each of its formats.
    let (ok, listed, err) = run(&[
        "evidence",
        text(&file),
        "--as-of",
        TODAY,
        "--format",
        "json",
    ]);
    assert!(ok, "{err}");
    let listed: serde_json::Value = serde_json::from_str(&listed).expect("json");
    assert_eq!(listed["contradictions"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        listed["owners"][0]["skill"]["name"], "Containers & Kubernetes",
        "{listed}"
    );
    let (ok, csv, _) = run(&["evidence", text(&file), "--as-of", TODAY, "--format", "csv"]);
    assert!(ok);
    assert_eq!(
        csv.lines()
            .filter(|line| line.starts_with("contradiction,"))
            .count(),
        3
    );
    assert!(
        csv.contains("recent_owner,Tomasz Nowak,tomasz@corp.example,Containers & Kubernetes,,6,"),
        "{csv}"
    );
    let (ok, json, _) = run(&["report", text(&file), "--as-of", TODAY, "--format", "json"]);
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        json["work"]["contradictions"].as_array().map(Vec::len),
        Some(3)
    );
}

#[test]
fn the_only_recent_contributor_away_shows_in_the_weeks_ahead() {
    let folder = tempfile::tempdir().expect("a folder");
    let repo = team_repo(folder.path());
    let file = workspace_file(folder.path());
    assert!(read(&file, &repo.path).0);
    let mut workspace = open(&file);
    let tomasz = member(&workspace, "Tomasz Nowak");
    workspace.members[tomasz].time_off.push(TimeOff {
        start: date("2027-01-11"),
        end: date("2027-01-29"),
        fraction: 1.0,
        reason: AwayReason::default(),
    });
    let analysis = analysis::analyze(
        &workspace,
        &AnalysisOptions {
            today: Some(date(TODAY)),
            ..AnalysisOptions::default()
        },
    );
    let away: Vec<String> = analysis
        .work
        .owners_away
        .iter()
        .map(|a| a.sentence())
        .collect();
    assert!(
        away.contains(
            &"the only recent Containers & Kubernetes contributor, Tomasz Nowak, is away in \
              2027-W02..W04"
                .to_string()
        ),
        "{away:?}"
    );
}

#[test]
fn a_second_read_reads_only_new_commits_and_adds_nothing_when_there_are_none() {
    let folder = tempfile::tempdir().expect("a folder");
    let repo = team_repo(folder.path());
    let file = workspace_file(folder.path());
    assert!(read(&file, &repo.path).0);
    let before = std::fs::read(&file).expect("saved");
    let stored = open(&file);

    let (ok, out, err) = read(&file, &repo.path);
    assert!(ok, "{err}");
    assert!(out.contains("read 0 commits not read before"), "{out}");
    assert!(out.contains("nothing new since the last read"), "{out}");
    assert_eq!(
        std::fs::read(&file).expect("still there"),
        before,
        "not even saved"
    );

    repo.commit(ANA, "2026-12-01", &[("infra/main.tf", "# more\n")]);
    let (ok, out, err) = read(&file, &repo.path);
    assert!(ok, "{err}");
    assert!(out.contains("read 1 commit not read before"), "{out}");
    let after = open(&file);
    let ana = member(&after, "Ana Souza");
    let iac = column(&after, "Infrastructure as Code");
    let cells = |workspace: &Workspace| {
        let scope = Scope::new(workspace, date(TODAY), &ScopeFilter::default());
        work_cells(&scope, &workspace.settings)
    };
    assert_eq!(
        cells(&after).get(ana, iac).map(|work| work.commits),
        cells(&stored).get(ana, iac).map(|work| work.commits + 1)
    );
    assert_eq!(after.evidence_sources[0].commits, 47);
    assert_eq!(after.evidence_sources.len(), 1, "the same source");

    // Removing the repository removes all of it.
    let (ok, out, err) = run(&["evidence", text(&file), "--remove", "platform"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("removed the work evidence read from platform"),
        "{out}"
    );
    let removed = open(&file);
    assert!(removed.evidence_sources.is_empty());
    assert!(removed.members.iter().all(|member| member.work.is_empty()));
}

#[test]
fn a_dry_run_prints_what_would_be_stored_and_stores_nothing() {
    let folder = tempfile::tempdir().expect("a folder");
    let repo = team_repo(folder.path());
    let file = workspace_file(folder.path());
    let before = std::fs::read(&file).expect("saved");
    let (ok, out, err) = run(&[
        "evidence",
        text(&file),
        "--repo",
        text(&repo.path),
        "--dry-run",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("nothing is stored"), "{out}");
    assert!(
        out.contains("Tomasz Nowak  Containers & Kubernetes  2026-11  1 commits"),
        "{out}"
    );
    assert!(
        out.contains("Joe Contractor <joe@agency.example>  2 commits"),
        "{out}"
    );
    assert!(!out.contains("work\n"), "no commit messages: {out}");
    assert_eq!(std::fs::read(&file).expect("there"), before);
}

#[test]
fn an_address_given_to_a_member_counts_their_commits() {
    let folder = tempfile::tempdir().expect("a folder");
    let repo = team_repo(folder.path());
    let file = workspace_file(folder.path());
    assert!(read(&file, &repo.path).0);
    let (ok, out, err) = run(&[
        "evidence",
        text(&file),
        "--email",
        "Lee Park=joe@agency.example",
        "--repo",
        text(&repo.path),
        "--as-of",
        TODAY,
    ]);
    assert!(ok, "{err}");
    assert!(
        out.contains("Lee Park also commits as joe@agency.example"),
        "{out}"
    );
    // Joe's commits predate the last read: the whole history is read again.
    assert!(out.contains("platform: read 46 commits from"), "{out}");
    assert!(!out.contains("no member"), "{out}");
    let workspace = open(&file);
    assert!(workspace.evidence_sources[0].unmatched.is_empty());
    let lee = member(&workspace, "Lee Park");
    assert_eq!(workspace.members[lee].emails, ["joe@agency.example"]);
    let scope = Scope::new(&workspace, date(TODAY), &ScopeFilter::default());
    let cells = work_cells(&scope, &workspace.settings);
    let programming = column(&workspace, "Programming");
    assert_eq!(
        cells.get(lee, programming).map(|work| work.commits),
        Some(3),
        "his own commit and Joe's two"
    );
}

#[test]
fn bare_and_shallow_clones_read_and_a_plain_folder_is_refused() {
    let folder = tempfile::tempdir().expect("a folder");
    let repo = team_repo(folder.path());
    let file = workspace_file(folder.path());

    let bare = folder.path().join("platform.git");
    git_in(
        folder.path(),
        &["clone", "-q", "--bare", text(&repo.path), text(&bare)],
        &[],
    );
    let (ok, out, err) = read(&file, &bare);
    assert!(ok, "{err}");
    assert!(out.contains("platform: read 46 commits"), "{out}");

    let shallow = folder.path().join("shallow");
    let url = format!("file://{}", repo.path.display());
    git_in(
        folder.path(),
        &["clone", "-q", "--depth", "5", &url, text(&shallow)],
        &[],
    );
    let (ok, out, err) = read(&file, &shallow);
    assert!(ok, "{err}");
    assert!(out.contains("shallow: read 4 commits"), "{out}");
    assert!(out.contains("1 commit at its edge not counted"), "{out}");

    let plain = folder.path().join("not-a-repo");
    std::fs::create_dir_all(&plain).expect("a folder");
    let (ok, _, err) = read(&file, &plain);
    assert!(!ok);
    assert!(err.contains("not-a-repo: not a git repository"), "{err}");
    let (ok, _, err) = read(&file, &folder.path().join("missing"));
    assert!(!ok);
    assert!(err.contains("missing: No such file"), "{err}");
}

#[test]
fn evidence_and_addresses_survive_a_save_in_either_format() {
    let folder = tempfile::tempdir().expect("a folder");
    let repo = team_repo(folder.path());
    let file = workspace_file(folder.path());
    assert!(
        run(&[
            "evidence",
            text(&file),
            "--email",
            "Ana Souza=ana@home.example"
        ])
        .0
    );
    assert!(read(&file, &repo.path).0);
    let workspace = open(&file);
    assert!(!workspace.members[0].work.is_empty());
    let json = folder.path().join("team.json");
    io::save_path(&workspace, &json, io::ExportOptions::default()).expect("saved");
    let again = open(&json);
    assert_eq!(again.members, workspace.members);
    assert_eq!(again.evidence_sources, workspace.evidence_sources);
    let ana = member(&again, "Ana Souza");
    assert_eq!(again.members[ana].emails, ["ana@home.example"]);

    // A roster CSV holds neither, and says so before it writes.
    let csv = folder.path().join("team.csv");
    let (ok, out, err) = run(&["convert", text(&file), text(&csv)]);
    assert!(ok, "{err}");
    let said = format!("{out}{err}");
    assert!(
        said.contains("the work evidence read from 1 repository"),
        "{said}"
    );
    assert!(said.contains("1 other email of a member"), "{said}");
}

#[test]
fn the_half_life_weighs_the_recent_past() {
    let folder = tempfile::tempdir().expect("a folder");
    let repo = team_repo(folder.path());
    let file = workspace_file(folder.path());
    assert!(read(&file, &repo.path).0);
    let weight = |file: &Path| {
        let workspace = open(file);
        let scope = Scope::new(&workspace, date(TODAY), &ScopeFilter::default());
        let cells = work_cells(&scope, &workspace.settings);
        let ana = member(&workspace, "Ana Souza");
        let observability = column(&workspace, "Observability");
        cells
            .get(ana, observability)
            .expect("her dashboards")
            .weight
    };
    let default = weight(&file);
    let (ok, out, err) = run(&["evidence", text(&file), "--half-life", "30"]);
    assert!(ok, "{err}");
    assert!(out.contains("halves in weight every 30 days"), "{out}");
    let short = weight(&file);
    // A year-old commit is worth 2^-2 at 180 days, 2^-12 at 30.
    assert!(short < default / 100.0, "{short} against {default}");
    assert_eq!(open(&file).settings.evidence_half_life_days, 30);
}

#[test]
fn the_readme_shows_the_built_in_map_of_paths_to_skills() {
    let readme = std::fs::read_to_string("README.md").expect("the README");
    let section = readme
        .split("## See whether the work agrees")
        .nth(1)
        .expect("the section")
        .split("\n## ")
        .next()
        .unwrap_or_default();
    for (skill, _) in io::PathMap::built_in().describe() {
        let name = &catalog::builtin()
            .skill(&skill)
            .expect("a catalog skill")
            .name;
        let row = section
            .lines()
            .find(|line| line.starts_with(&format!("| {name} |")))
            .unwrap_or_else(|| panic!("no row for {name}"));
        for rule in io::PathMap::built_in().rules {
            if rule.skill == skill {
                for glob in &rule.globs {
                    assert!(
                        row.contains(&format!("`{glob}`")),
                        "{name}: {glob} not shown"
                    );
                }
            }
        }
    }
}
