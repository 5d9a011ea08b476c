//! Which skills a changed file is evidence of: a built-in map from paths
//! and file types to catalog skills, or a YAML map of globs that adds to
//! it or replaces it. Globs read as in `.gitignore`: `*.tf` matches a file
//! name anywhere, `k8s/` a directory anywhere, `deploy/k8s/` a directory
//! from the root, and `src/**/*.sql` a whole path.

use crate::model::{Skill, SkillId, normalize_label};
use gix::bstr::{BStr, ByteSlice};
use gix::glob::wildmatch::Mode;
use serde::Deserialize;
use std::path::Path;

/// One rule: files its globs match are evidence of `skill`, when they
/// hold `contains` (if given).
#[derive(Clone, Debug, PartialEq)]
pub struct PathRule {
    pub globs: Vec<String>,
    pub skill: SkillId,
    pub contains: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PathMap {
    pub rules: Vec<PathRule>,
}

/// The built-in map: (skill id, globs, text the file must hold).
const BUILT_IN: &[(&str, &[&str], Option<&str>)] = &[
    (
        "infrastructure-as-code",
        &[
            "*.tf",
            "*.tfvars",
            "*.hcl",
            "*.bicep",
            "terraform/",
            "pulumi/",
            "ansible/",
            "cloudformation/",
        ],
        None,
    ),
    (
        "kubernetes",
        &[
            "Dockerfile",
            "Dockerfile.*",
            "*.dockerfile",
            "docker-compose*.yml",
            "docker-compose*.yaml",
            "compose.yaml",
            "k8s/",
            "kubernetes/",
            "helm/",
            "charts/",
            "Chart.yaml",
            "kustomization.yaml",
        ],
        None,
    ),
    ("kubernetes", &["*.yaml", "*.yml"], Some("apiVersion:")),
    (
        "ci-cd",
        &[
            ".github/workflows/",
            ".gitlab-ci.yml",
            "Jenkinsfile",
            ".circleci/",
            ".buildkite/",
            "azure-pipelines.yml",
            ".drone.yml",
        ],
        None,
    ),
    (
        "databases",
        &[
            "*.sql",
            "migrations/",
            "migrate/",
            "*.prisma",
            "liquibase/",
            "flyway/",
        ],
        None,
    ),
    (
        "api-design",
        &[
            "*.proto",
            "openapi.*",
            "swagger.*",
            "*.openapi.yaml",
            "*.graphql",
            "*.gql",
        ],
        None,
    ),
    (
        "observability",
        &[
            "prometheus/",
            "prometheus*.yml",
            "prometheus*.yaml",
            "alertmanager*.yml",
            "alertmanager*.yaml",
            "*.rules.yml",
            "grafana/",
            "dashboards/",
            "otel*.yml",
            "otel*.yaml",
            "opentelemetry*",
        ],
        None,
    ),
    (
        "programming",
        &[
            "*.rs", "*.go", "*.py", "*.java", "*.kt", "*.kts", "*.scala", "*.c", "*.h", "*.cc",
            "*.cpp", "*.hpp", "*.cs", "*.fs", "*.js", "*.mjs", "*.jsx", "*.ts", "*.tsx", "*.rb",
            "*.php", "*.swift", "*.m", "*.ex", "*.exs", "*.erl", "*.hs", "*.clj", "*.lua",
            "*.dart", "*.zig", "*.vue", "*.svelte",
        ],
        None,
    ),
];

impl PathMap {
    pub fn built_in() -> PathMap {
        PathMap {
            rules: BUILT_IN
                .iter()
                .map(|(skill, globs, contains)| PathRule {
                    globs: globs.iter().map(|glob| glob.to_string()).collect(),
                    skill: SkillId(skill.to_string()),
                    contains: contains.map(str::to_string),
                })
                .collect(),
        }
    }

    /// The built-in map as the README lists it: one line a skill.
    pub fn describe(&self) -> Vec<(SkillId, String)> {
        let mut lines: Vec<(SkillId, String)> = Vec::new();
        for rule in &self.rules {
            let mut text = rule.globs.join(" ");
            if let Some(contains) = &rule.contains {
                text = format!("{text} (holding `{contains}`)");
            }
            match lines.iter_mut().find(|(skill, _)| *skill == rule.skill) {
                Some((_, known)) => {
                    known.push_str("; ");
                    known.push_str(&text);
                }
                None => lines.push((rule.skill.clone(), text)),
            }
        }
        lines
    }

    /// The skills its rules can find evidence of, each once.
    pub fn skills(&self) -> Vec<SkillId> {
        let mut skills: Vec<SkillId> = Vec::new();
        for rule in &self.rules {
            if !skills.contains(&rule.skill) {
                skills.push(rule.skill.clone());
            }
        }
        skills
    }

    /// Whether some rule needs the file's text to decide.
    pub fn needs_text(&self, path: &BStr) -> bool {
        self.rules
            .iter()
            .any(|rule| rule.contains.is_some() && rule.matches(path))
    }

    /// The skills a file is evidence of, its text read only when a rule
    /// asks (`text` is called at most once).
    pub fn skills_of(
        &self,
        path: &BStr,
        mut text: impl FnMut() -> Option<Vec<u8>>,
        found: &mut Vec<usize>,
    ) {
        found.clear();
        let mut read: Option<Option<Vec<u8>>> = None;
        for (index, rule) in self.rules.iter().enumerate() {
            if !rule.matches(path) {
                continue;
            }
            if let Some(needle) = &rule.contains {
                let data = read.get_or_insert_with(&mut text);
                let holds = data
                    .as_deref()
                    .is_some_and(|data| data.find(needle.as_bytes()).is_some());
                if !holds {
                    continue;
                }
            }
            if !found
                .iter()
                .any(|&known| self.rules[known].skill == rule.skill)
            {
                found.push(index);
            }
        }
    }

    /// Reads a YAML map; its skills are resolved against `skills` (by id
    /// or name) and a skill it names that is not there is refused with its
    /// line.
    pub fn read(path: &Path, skills: &[Skill]) -> Result<PathMap, String> {
        let file = path.display();
        let text = std::fs::read_to_string(path).map_err(|error| format!("{file}: {error}"))?;
        let parsed: MapFile = serde_yaml_ng::from_str(&text).map_err(|error| {
            let place = error
                .location()
                .map_or(String::new(), |at| format!(", line {}", at.line()));
            format!(
                "{file}{place}: {}; expected `rules:` with a list of `paths:` and `skill:` \
                 (and `replace: true` to leave out the built-in map)",
                error
                    .to_string()
                    .split(" at line ")
                    .next()
                    .unwrap_or_default()
            )
        })?;
        let mut rules = if parsed.replace {
            Vec::new()
        } else {
            PathMap::built_in().rules
        };
        for rule in parsed.rules {
            let skill = resolve_skill(&rule.skill, skills).ok_or_else(|| {
                let line = text
                    .lines()
                    .position(|line| line.contains(rule.skill.as_str()))
                    .map_or(String::new(), |at| format!(", line {}", at + 1));
                format!(
                    "{file}{line}: skill \"{}\" is not one of the workspace's skills; \
                     expected a skill id or name such as \"kubernetes\" or \
                     \"Containers & Kubernetes\"",
                    rule.skill
                )
            })?;
            if rule.paths.is_empty() {
                return Err(format!(
                    "{file}: the rule for \"{}\" has no `paths:`; expected globs such as \
                     \"*.tf\" or \"deploy/k8s/\"",
                    rule.skill
                ));
            }
            rules.push(PathRule {
                globs: rule.paths,
                skill,
                contains: rule.contains,
            });
        }
        Ok(PathMap { rules })
    }
}

fn resolve_skill(given: &str, skills: &[Skill]) -> Option<SkillId> {
    let wanted = normalize_label(given);
    skills
        .iter()
        .find(|skill| skill.id.0 == given.trim() || normalize_label(&skill.name) == wanted)
        .map(|skill| skill.id.clone())
        .or_else(|| {
            crate::catalog::builtin()
                .skills
                .iter()
                .find(|skill| skill.id.0 == given.trim() || normalize_label(&skill.name) == wanted)
                .map(|skill| skill.id.clone())
        })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MapFile {
    #[serde(default)]
    replace: bool,
    #[serde(default)]
    rules: Vec<RuleFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    #[serde(default)]
    paths: Vec<String>,
    skill: String,
    #[serde(default)]
    contains: Option<String>,
}

impl PathRule {
    fn matches(&self, path: &BStr) -> bool {
        self.globs.iter().any(|glob| glob_matches(glob, path))
    }
}

/// `.gitignore`-style matching of a repository path (`/`-separated).
fn glob_matches(glob: &str, path: &BStr) -> bool {
    let slashed = Mode::NO_MATCH_SLASH_LITERAL;
    if let Some(directory) = glob.strip_suffix('/') {
        let directory = directory.trim_start_matches('/');
        let components: Vec<&[u8]> = path.split_str("/").collect();
        let folders = &components[..components.len().saturating_sub(1)];
        if directory.contains('/') {
            // From the root: every leading run of folders.
            let mut prefix = Vec::new();
            folders.iter().any(|folder| {
                if !prefix.is_empty() {
                    prefix.push(b'/');
                }
                prefix.extend_from_slice(folder);
                gix::glob::wildmatch(directory.into(), prefix.as_bstr(), slashed)
            })
        } else {
            folders
                .iter()
                .any(|folder| gix::glob::wildmatch(directory.into(), folder.as_bstr(), slashed))
        }
    } else if glob.contains('/') {
        gix::glob::wildmatch(glob.trim_start_matches('/').into(), path, slashed)
    } else {
        let name = path.rsplit_str("/").next().unwrap_or_default();
        gix::glob::wildmatch(glob.into(), name.as_bstr(), slashed)
    }
}

/// The directory a file's work is owned by: its first two folders
/// (`deploy/k8s/`), one for a file a folder down, the file at the root.
pub fn area_of(path: &BStr) -> String {
    let parts: Vec<&[u8]> = path.split_str("/").collect();
    let folders = parts.len().saturating_sub(1).min(2);
    if folders == 0 {
        return path.to_str_lossy().into_owned();
    }
    let mut area = parts[..folders].join(&b'/').to_str_lossy().into_owned();
    area.push('/');
    area
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skills(map: &PathMap, path: &str, text: &str) -> Vec<String> {
        let mut found = Vec::new();
        map.skills_of(path.into(), || Some(text.as_bytes().to_vec()), &mut found);
        found
            .iter()
            .map(|&rule| map.rules[rule].skill.0.clone())
            .collect()
    }

    #[test]
    fn the_built_in_map_reads_paths_and_file_types() {
        let map = PathMap::built_in();
        assert_eq!(
            skills(&map, "infra/main.tf", ""),
            ["infrastructure-as-code"]
        );
        assert_eq!(skills(&map, "deploy/k8s/app.json", ""), ["kubernetes"]);
        assert_eq!(skills(&map, "Dockerfile", ""), ["kubernetes"]);
        assert_eq!(
            skills(&map, "ops/app.yaml", "apiVersion: v1\nkind: Pod"),
            ["kubernetes"]
        );
        assert!(skills(&map, "ops/app.yaml", "name: x").is_empty());
        assert_eq!(skills(&map, ".github/workflows/ci.yml", ""), ["ci-cd"]);
        assert_eq!(
            skills(&map, "db/migrations/001.py", ""),
            ["databases", "programming"]
        );
        assert_eq!(skills(&map, "api/openapi.yaml", ""), ["api-design"]);
        assert_eq!(
            skills(&map, "ops/grafana/board.json", ""),
            ["observability"]
        );
        assert_eq!(skills(&map, "src/main.rs", ""), ["programming"]);
        assert!(skills(&map, "README.md", "").is_empty());
    }

    #[test]
    fn areas_are_the_first_two_folders() {
        assert_eq!(area_of("deploy/k8s/app.yaml".into()), "deploy/k8s/");
        assert_eq!(area_of("deploy/k8s/base/app.yaml".into()), "deploy/k8s/");
        assert_eq!(area_of("src/main.rs".into()), "src/");
        assert_eq!(area_of("Dockerfile".into()), "Dockerfile");
    }

    #[test]
    fn a_yaml_map_adds_rules_and_names_an_unknown_skill_by_line() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("map.yml");
        std::fs::write(
            &path,
            "rules:\n  - paths: [\"platform/\"]\n    skill: Containers & Kubernetes\n",
        )
        .expect("written");
        let catalog = crate::catalog::builtin();
        let map = PathMap::read(&path, &catalog.skills).expect("a good map");
        assert_eq!(skills(&map, "platform/x.txt", ""), ["kubernetes"]);
        assert_eq!(skills(&map, "src/a.go", ""), ["programming"]);
        std::fs::write(
            &path,
            "replace: true\nrules:\n  - paths: [\"*.go\"]\n    skill: Golang\n",
        )
        .expect("written");
        let error = PathMap::read(&path, &catalog.skills).expect_err("unknown skill");
        assert!(error.contains("map.yml, line 4"), "{error}");
        assert!(error.contains("\"Golang\""), "{error}");
    }
}
