//! A year of one organisation kept with the command line: three rounds, a
//! self-assessment, targets, a certificate that lapses, leave, public
//! holidays, projects, a change of FTE and a leaver. Every finding is
//! asserted by name, week and level, and every surface is asked the same
//! question on the same dates.

mod common;
use common::skillgrid;

use serde_json::Value;
use std::path::{Path, PathBuf};

const Q1: &str =
    "Name,Email,Role,Team,Manager,FTE,Location,Kubernetes,Observability,Programming,Communication
Ines Alvarez,ines@nw.test,Engineering Manager,Platform,,1.0,Madrid,2,2,3,4
Tomas Berg,tomas@nw.test,Senior Software Engineer,Platform,ines@nw.test,1.0,Oslo,3,4,4,3
Lena Cho,lena@nw.test,Senior Software Engineer,Platform,ines@nw.test,1.0,Madrid,3,2,3,3
Ravi Desai,ravi@nw.test,Software Engineer,Platform,ines@nw.test,1.0,Oslo,1,2,3,2
Maya Eze,maya@nw.test,Engineering Manager,Apps,,1.0,Madrid,,1,3,4
Kwame Mensah,kwame@nw.test,Senior Software Engineer,Apps,maya@nw.test,1.0,Oslo,2,3,4,3
Sofia Fabbri,sofia@nw.test,Software Engineer,Apps,maya@nw.test,1.0,Madrid,,,2,2
";

/// June: Ravi reaches Kubernetes 3; nothing else moves.
fn q2() -> String {
    Q1.replace(
        "Ravi Desai,ravi@nw.test,Software Engineer,Platform,ines@nw.test,1.0,Oslo,1,",
        "Ravi Desai,ravi@nw.test,Software Engineer,Platform,ines@nw.test,1.0,Oslo,3,",
    )
}

/// September, from Excel on Windows: Tomas is not in it, Kwame drops to
/// 80%, Sofia's Programming reaches 3 and Pia Holm joins.
const Q3: &str =
    "Name,Email,Role,Team,Manager,FTE,Location,Kubernetes,Observability,Programming,Communication\r
Ines Alvarez,ines@nw.test,Engineering Manager,Platform,,1.0,Madrid,2,2,3,4\r
Lena Cho,lena@nw.test,Senior Software Engineer,Platform,ines@nw.test,1.0,Madrid,3,2,3,3\r
Ravi Desai,ravi@nw.test,Software Engineer,Platform,ines@nw.test,1.0,Oslo,3,2,3,2\r
Maya Eze,maya@nw.test,Engineering Manager,Apps,,1.0,Madrid,,1,3,4\r
Kwame Mensah,kwame@nw.test,Senior Software Engineer,Apps,maya@nw.test,80%,Oslo,2,3,4,3\r
Sofia Fabbri,sofia@nw.test,Software Engineer,Apps,maya@nw.test,1.0,Madrid,,,3,2\r
Pia Holm,pia@nw.test,Software Engineer,Apps,maya@nw.test,1.0,Oslo,2,2,3,3\r
";

struct Year {
    _folder: tempfile::TempDir,
    workspace: PathBuf,
}

impl Year {
    fn path(&self) -> &str {
        self.workspace.to_str().expect("utf-8")
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push(self.path());
        all.extend(["--format", "json"]);
        let output = skillgrid(&all);
        assert!(
            output.status.success(),
            "{all:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("JSON")
    }

    fn report(&self, as_of: &str) -> Value {
        self.json(&["report", "--as-of", as_of])
    }

    fn text(&self, args: &[&str]) -> String {
        let mut all = vec![args[0], self.path()];
        all.extend(&args[1..]);
        let output = skillgrid(&all);
        assert!(
            output.status.success(),
            "{all:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).to_string()
    }
}

fn write(folder: &Path, name: &str, text: &str) -> String {
    let path = folder.join(name);
    std::fs::write(&path, text).expect("written");
    path.to_str().expect("utf-8").to_string()
}

fn run_ok(args: &[&str]) -> String {
    let output = skillgrid(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).to_string()
}

/// The year, built as a manager would with the command line.
fn year() -> (Year, Vec<String>) {
    let folder = tempfile::tempdir().expect("folder");
    let dir = folder.path();
    let workspace = dir.join("northwind.skillgrid");
    let ws = workspace.to_str().expect("utf-8").to_string();
    let q1 = write(dir, "q1.csv", Q1);
    let q2 = write(dir, "q2.csv", &q2());
    let q3 = write(dir, "q3.csv", Q3);
    let own = write(
        dir,
        "sofia-self.csv",
        "Name,Email,Kubernetes,Observability\nSofia Fabbri,sofia@nw.test,4,3\n",
    );
    let certificates = write(
        dir,
        "certificates.csv",
        "Member,Certification,Issuer,Skill,Level,Issued,Expires\n\
         Lena Cho,CKA,CNCF,Kubernetes,3,2024-06-30,2026-06-30\n",
    );
    let targets = write(
        dir,
        "targets.csv",
        "Member,Skill,Target,By\nSofia Fabbri,Programming,3,2026-09-30\n\
         Ravi Desai,Observability,3,2026-08-31\n",
    );
    let leave = write(
        dir,
        "leave.csv",
        "Member,Start,End,Fraction,Reason\nRavi Desai,2026-08-10,2026-08-28,1,Leave\n",
    );
    let holidays = write(
        dir,
        "holidays.csv",
        "Location,Date,Name\nOslo,2026-05-14,Ascension Day\nMadrid,2026-10-12,Fiesta Nacional\n",
    );
    let projects = write(
        dir,
        "projects.csv",
        "Project,Start,End,Priority,Skill,Level,People,FTE\n\
         Cluster upgrade,2026-08-03,2026-09-25,1,Kubernetes,3,1,0.5\n\
         Search relaunch,2026-10-05,2026-12-18,2,Kubernetes,3,1,1\n",
    );
    let mut said = Vec::new();
    said.push(run_ok(&[
        "import",
        &q1,
        "--into",
        &ws,
        "--as-of",
        "2026-03-31",
    ]));
    run_ok(&["import-certifications", &certificates, "--into", &ws]);
    run_ok(&[
        "import-targets",
        &targets,
        "--into",
        &ws,
        "--set-on",
        "2026-04-01",
    ]);
    said.push(run_ok(&[
        "import",
        &q2,
        "--into",
        &ws,
        "--as-of",
        "2026-06-15",
    ]));
    said.push(run_ok(&[
        "import",
        &own,
        "--into",
        &ws,
        "--as-of",
        "2026-07-10",
        "--rater",
        "self",
    ]));
    run_ok(&["import-timeoff", &leave, "--into", &ws]);
    run_ok(&["import-holidays", &holidays, "--into", &ws]);
    run_ok(&["import-projects", &projects, "--into", &ws]);
    said.push(run_ok(&[
        "import",
        &q3,
        "--into",
        &ws,
        "--as-of",
        "2026-09-15",
    ]));
    said.push(run_ok(&[
        "leave",
        &ws,
        "--member",
        "tomas@nw.test",
        "--on",
        "2026-09-30",
    ]));
    (
        Year {
            _folder: folder,
            workspace,
        },
        said,
    )
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|member| member["name"].as_str().expect("a name").to_string())
        .collect()
}

fn coverage<'v>(report: &'v Value, skill: &str) -> &'v Value {
    report["coverage"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["skill"]["name"] == skill))
        .expect("covered")
}

fn bus_factor_leads(report: &Value, skill: &str) -> Option<Vec<String>> {
    report["bus_factor"]
        .as_array()
        .and_then(|all| all.iter().find(|risk| risk["skill"]["name"] == skill))
        .map(|risk| names(&risk["leaders"]))
}

fn gap_leaders(report: &Value, skill: &str) -> Option<u64> {
    report["team_gaps"][0]["gaps"]
        .as_array()
        .and_then(|all| all.iter().find(|gap| gap["skill"]["name"] == skill))
        .map(|gap| gap["leaders"].as_u64().expect("a count"))
}

#[test]
fn the_rounds_say_every_change_of_details_and_who_is_missing() {
    let (_, said) = year();
    assert!(
        said[0].contains("added: Ines Alvarez, Tomas Berg"),
        "{}",
        said[0]
    );
    assert!(said[1].contains("1 change recorded"), "{}", said[1]);
    assert!(said[2].contains("by self"), "{}", said[2]);
    let q3 = &said[3];
    assert!(q3.contains("Kwame Mensah: FTE 1.0 -> 0.8"), "{q3}");
    assert!(q3.contains("added: Pia Holm"), "{q3}");
    assert!(
        q3.contains("not in this round, kept as they were: Tomas Berg"),
        "{q3}"
    );
    assert!(
        said[4].contains("Tomas Berg left on 2026-09-30"),
        "{}",
        said[4]
    );
}

#[test]
fn in_may_two_lead_kubernetes_and_nothing_has_lapsed() {
    let (year, _) = year();
    let may = year.report("2026-05-01");
    assert_eq!(may["members"], 7, "Pia joins in September");
    let kubernetes = coverage(&may, "Containers & Kubernetes");
    assert_eq!(kubernetes["leaders"], 2, "Tomas and Lena");
    assert!(kubernetes.get("evidence_expired").is_none());
    assert_eq!(bus_factor_leads(&may, "Containers & Kubernetes"), None);
    assert_eq!(gap_leaders(&may, "Containers & Kubernetes"), Some(2));
    // FTE of that date: Kwame is full time until September.
    assert_eq!(may["time_split"]["total_fte"], 7.0);
    let who = year.json(&["who", "--skill", "Kubernetes:3", "--as-of", "2026-05-01"]);
    let found: Vec<&str> = who
        .as_array()
        .expect("matches")
        .iter()
        .map(|m| m["member"]["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(found, ["Lena Cho", "Tomas Berg"]);
}

#[test]
fn in_october_one_lead_is_left_and_every_surface_says_so() {
    let (year, _) = year();
    let october = year.report("2026-10-15");
    assert_eq!(october["members"], 7, "Tomas left, Pia joined");
    assert!(
        (october["time_split"]["total_fte"].as_f64().expect("FTE") - 6.8).abs() < 1e-9,
        "Kwame at 0.8, Tomas gone"
    );
    // Lena's level rests on a CKA that lapsed on 30 June; Sofia's own 4
    // waits for review; Tomas left: Ravi alone leads Kubernetes.
    let kubernetes = coverage(&october, "Containers & Kubernetes");
    assert_eq!(kubernetes["leaders"], 1);
    assert_eq!(kubernetes["evidence_expired"], 1);
    assert_eq!(
        bus_factor_leads(&october, "Containers & Kubernetes"),
        Some(vec!["Ravi Desai".to_string()])
    );
    assert_eq!(gap_leaders(&october, "Containers & Kubernetes"), Some(1));
    let who = year.json(&["who", "--skill", "Kubernetes:3", "--as-of", "2026-10-15"]);
    assert_eq!(who.as_array().map(Vec::len), Some(1));
    assert_eq!(who[0]["member"]["name"], "Ravi Desai");
    // Observability: Kwame only; Sofia's self 3 counts nowhere.
    assert_eq!(coverage(&october, "Observability")["leaders"], 1);
    assert_eq!(
        bus_factor_leads(&october, "Observability"),
        Some(vec!["Kwame Mensah".to_string()])
    );
    // Week by week: Ravi is booked on Search relaunch from its start.
    let thin = october["thin_weeks"].as_array().expect("runs");
    let first = &thin[0];
    assert_eq!(first["skill"]["name"], "Containers & Kubernetes");
    assert_eq!(
        (first["first"].as_str(), first["last"].as_str()),
        (Some("2026-W42"), Some("2026-W51"))
    );
    assert_eq!(first["free"].as_array().map(Vec::len), Some(0));
    assert_eq!(first["out"][0][0]["name"], "Ravi Desai");
    assert_eq!(first["out"][0][1]["projects"][0], "Search relaunch");
    let nobody_free = year.json(&[
        "who",
        "--skill",
        "Kubernetes:3",
        "--free-in",
        "2026-W45",
        "--as-of",
        "2026-10-15",
    ]);
    assert_eq!(nobody_free.as_array().map(Vec::len), Some(0));
    // Development: Ravi's Observability target is late; Lena's CKA lapsed.
    let targets = october["development"]["targets"]
        .as_array()
        .expect("targets");
    assert_eq!(targets[0]["member"]["name"], "Ravi Desai");
    assert_eq!(targets[0]["state"], "late");
    assert_eq!(
        october["development"]["certifications"][0]["state"],
        "expired"
    );
    // Span counts only the reports still here.
    let breaches = october["span_of_control"]["breaches"]
        .as_array()
        .expect("breaches");
    let ines = breaches
        .iter()
        .find(|b| b["manager"]["name"] == "Ines Alvarez")
        .expect("under span");
    assert_eq!(ines["directs"], 2, "Lena and Ravi");
    // The last round changed the bench: Programming 6 -> 8 leads.
    let changes = &october["bench_changes"];
    assert_eq!(changes["to"], "2026-09-15");
    let programming = changes["skills"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["skill"]["name"] == "Programming"))
        .expect("moved");
    assert_eq!(
        (
            programming["before"].as_u64(),
            programming["after"].as_u64()
        ),
        (Some(6), Some(8))
    );
}

#[test]
fn in_august_leave_and_bookings_thin_the_cover_by_the_week() {
    let (year, _) = year();
    let cover = year.text(&[
        "coverage",
        "--from",
        "2026-08-03",
        "--to",
        "2026-09-30",
        "--skill",
        "Kubernetes",
    ]);
    assert!(
        cover.contains(
            "only Tomas Berg can lead Containers & Kubernetes in 2026-W33 to 2026-W35: Ravi \
             Desai on leave"
        ),
        "{cover}"
    );
    // The same week asked of who: Tomas, with half his time on the upgrade.
    let who = year.json(&[
        "who",
        "--skill",
        "Kubernetes:3",
        "--free-in",
        "2026-W34",
        "--as-of",
        "2026-08-03",
    ]);
    assert_eq!(who.as_array().map(Vec::len), Some(1));
    assert_eq!(who[0]["member"]["name"], "Tomas Berg");
    assert_eq!(who[0]["free_fte"], 0.5);
    // Lena lapsed on 1 July: she is no one's cover in August.
    assert!(!cover.contains("Lena"), "{cover}");
    let staffing = year.report("2026-08-03");
    let upgrade = &staffing["staffing"]["projects"][0];
    assert_eq!(upgrade["name"], "Cluster upgrade");
    assert_eq!(
        upgrade["lines"][0]["assigned"][0]["member"]["name"],
        "Tomas Berg"
    );
}

#[test]
fn a_self_rating_waits_in_review_and_a_leaver_shows_before_the_day() {
    let (year, _) = year();
    let review = year.text(&["review"]);
    assert!(
        review
            .contains("Sofia Fabbri (Apps), Containers & Kubernetes: self 4, manager not assessed"),
        "{review}"
    );
    // The day before Tomas left, he is on the team and leads Kubernetes.
    let before = year.report("2026-09-29");
    assert_eq!(before["members"], 8);
    assert_eq!(coverage(&before, "Containers & Kubernetes")["leaders"], 2);
    let after = year.report("2026-09-30");
    assert_eq!(after["members"], 7);
    // A year on, the spring ratings are stale.
    let later = year.report("2027-06-01");
    assert!(later["stale"]["cells"].as_u64().expect("a count") > 0);
    let ines = later["stale"]["members"]
        .as_array()
        .and_then(|all| all.iter().find(|m| m["member"]["name"] == "Ines Alvarez"))
        .expect("Ines's ratings are from March 2026");
    assert_eq!(ines["oldest"], "2026-03-31");
    let csv = run_ok(&[
        "report",
        year.path(),
        "--as-of",
        "2027-06-01",
        "--format",
        "csv",
        "--table",
        "stale",
    ]);
    assert!(
        csv.lines().next() == Some("member,email,skill,oldest_rating,stale_before")
            && csv.contains("Ines Alvarez,ines@nw.test,Programming,2026-03-31,2026-06-01"),
        "{csv}"
    );
}
