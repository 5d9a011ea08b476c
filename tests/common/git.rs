//! Repositories the tests build with the `git` command line (installed
//! by `.ci/run`), and the platform team whose work they hold.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A repository built commit by commit with `git`.
pub struct Repo {
    pub path: PathBuf,
}

impl Repo {
    pub fn new(path: PathBuf) -> Repo {
        std::fs::create_dir_all(&path).expect("a folder");
        let repo = Repo { path };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    pub fn git(&self, args: &[&str]) -> String {
        git_in(&self.path, args, &[])
    }

    /// Writes `files` and commits them as `author` on `day`.
    pub fn commit(&self, author: (&str, &str), day: &str, files: &[(&str, &str)]) {
        for (file, content) in files {
            let path = self.path.join(file);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
            std::fs::write(&path, content).expect("written");
            self.git(&["add", file]);
        }
        let stamp = format!("{day}T12:00:00+00:00");
        let (name, email) = author;
        git_in(
            &self.path,
            &["commit", "-q", "--allow-empty", "-m", "work"],
            &[
                ("GIT_AUTHOR_NAME", name),
                ("GIT_AUTHOR_EMAIL", email),
                ("GIT_AUTHOR_DATE", &stamp),
                ("GIT_COMMITTER_NAME", name),
                ("GIT_COMMITTER_EMAIL", email),
                ("GIT_COMMITTER_DATE", &stamp),
            ],
        );
    }
}

pub fn git_in(folder: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(folder)
        .envs(env.iter().copied())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", folder)
        .output()
        .expect("git runs (installed by .ci/run)");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub const TOMASZ: (&str, &str) = ("Tomasz Nowak", "tomasz@corp.example");
/// Tomasz on his own machine: `.mailmap` makes him Tomasz.
pub const TOMEK: (&str, &str) = ("Tomek", "tnowak@home.example");
pub const ANA: (&str, &str) = ("Ana Souza", "ana@corp.example");
pub const LEE: (&str, &str) = ("Lee Park", "lee@corp.example");
pub const JOE: (&str, &str) = ("Joe Contractor", "joe@agency.example");

/// Two years of a platform team's work.
pub fn team_repo(folder: &Path) -> Repo {
    let repo = Repo::new(folder.join("platform"));
    repo.commit(
        TOMASZ,
        "2024-12-02",
        &[(
            ".mailmap",
            "Tomasz Nowak <tomasz@corp.example> <tnowak@home.example>\n",
        )],
    );
    // Ana's database work is two years old.
    for (day, n) in [("2024-12-10", 1), ("2024-12-12", 2)] {
        repo.commit(
            ANA,
            day,
            &[(
                &format!("db/migrations/00{n}.sql"),
                "CREATE TABLE t (id int);\n",
            )],
        );
    }
    // Tomasz keeps deploy/k8s/ alone, every month, half of it from home.
    let mut manifest = String::from("apiVersion: apps/v1\nkind: Deployment\n");
    for month in 1..=23 {
        let (year, month) = if month <= 12 {
            (2025, month)
        } else {
            (2026, month - 12)
        };
        manifest.push_str(&format!("# replicas {year}-{month}\n"));
        let who = if month % 2 == 0 { TOMEK } else { TOMASZ };
        repo.commit(
            who,
            &format!("{year}-{month:02}-15"),
            &[("deploy/k8s/app.yaml", &manifest)],
        );
    }
    // Ana: five recent Terraform commits; she is rated 0 in it.
    for day in [
        "2026-10-01",
        "2026-10-15",
        "2026-11-02",
        "2026-11-16",
        "2026-11-30",
    ] {
        repo.commit(
            ANA,
            day,
            &[(
                "infra/main.tf",
                &format!("# {day}\nresource \"x\" \"y\" {{}}\n"),
            )],
        );
    }
    // The same six Grafana commits, a year apart: Lee's are recent.
    for n in 1..=6 {
        repo.commit(
            ANA,
            &format!("2025-11-{:02}", n + 1),
            &[("ops/grafana/board.json", &format!("{{\"v\": {n}}}\n"))],
        );
        repo.commit(
            LEE,
            &format!("2026-11-{:02}", n + 1),
            &[(
                "ops/grafana/board.json",
                &format!("{{\"v\": {}}}\n", n + 10),
            )],
        );
    }
    // Lee's code, CI and API.
    repo.commit(
        LEE,
        "2026-09-01",
        &[
            ("src/main.rs", "fn main() {}\n"),
            (".github/workflows/ci.yml", "on: push\n"),
            ("api/service.proto", "syntax = \"proto3\";\n"),
        ],
    );
    // Someone who is no member.
    for day in ["2026-08-01", "2026-08-02"] {
        repo.commit(
            JOE,
            day,
            &[("src/lib.rs", &format!("// {day}\npub fn x() {{}}\n"))],
        );
    }
    repo
}

pub const ROSTER: &str = "Name,Email,Team,Containers & Kubernetes,Infrastructure as Code,Databases,\
Observability,Programming,CI/CD & DevOps,API Design\r\n\
Tomasz Nowak,tomasz@corp.example,Platform,3,2,2,2,2,2,2\r\n\
Ana Souza,ana@corp.example,Platform,2,0,4,,2,2,2\r\n\
Lee Park,lee@corp.example,Platform,1,1,1,0,3,3,3\r\n";

/// The roster saved as a workspace in `folder`.
pub fn workspace_file(folder: &Path) -> PathBuf {
    let workspace =
        skillgrid::io::import_roster(ROSTER.as_bytes(), "team.csv", skillgrid::catalog::builtin())
            .expect("the roster reads")
            .value;
    let path = folder.join("team.skillgrid");
    skillgrid::io::save_path(&workspace, &path, skillgrid::io::ExportOptions::default())
        .expect("saved");
    path
}
