//! Public career frameworks as roles. This reads the Financial Times'
//! engineering-progression job families (`levels`, `themes`, `competencies`
//! with a proficiency word) and maps them: each level a role (its track read
//! from its name or id), each theme a skill (the catalog's where a name or
//! alias matches, else a custom one), each competency a requirement at the
//! level its word maps to, with its summary as the requirement's basis.

use super::diag::{Diagnostic, ImportFailure};
use crate::catalog::Catalog;
use crate::model::{
    CareerLink, Importance, Level, Requirement, Role, RoleId, Skill, SkillId, SkillKind, Track,
    Workspace, normalize_label, slugify,
};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct FtFile {
    #[serde(default)]
    title: Option<String>,
    levels: Vec<FtLevel>,
    themes: Vec<FtTheme>,
    competencies: Vec<FtCompetency>,
}

#[derive(Debug, Deserialize)]
struct FtLevel {
    id: String,
    name: String,
}

#[derive(Debug, Deserialize)]
struct FtTheme {
    id: String,
    name: String,
}

#[derive(Debug, Deserialize)]
struct FtCompetency {
    level: String,
    theme: String,
    summary: String,
    proficiency: String,
}

/// FT's proficiency words, lowest first, spread over 0-4.
pub const FT_PROFICIENCY: [&str; 5] = [
    "awareness",
    "foundational",
    "working knowledge",
    "practitioner",
    "expert",
];

/// A theme and the skill it becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeMatch {
    pub theme: String,
    /// The catalog or workspace skill of that name or alias; `None` makes a
    /// custom skill.
    pub skill: Option<SkillId>,
    pub skill_name: String,
}

/// What importing a framework would do, before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkPreview {
    pub name: String,
    pub roles: Vec<Role>,
    pub themes: Vec<ThemeMatch>,
    /// Custom skills to add for the themes the catalog lacks.
    pub new_skills: Vec<Skill>,
}

fn failure(file: &str, line: Option<u64>, column: Option<u64>, message: String) -> ImportFailure {
    ImportFailure::single(Diagnostic::error(file, line, column, message))
}

/// A manager level: its name or id says so ("People Manager", `-pm`).
fn is_manager(level: &FtLevel) -> bool {
    let name = normalize_label(&level.name);
    let id = level.id.to_lowercase();
    name.contains("manager")
        || name.contains("head of")
        || id.ends_with("-pm")
        || id.ends_with("_pm")
}

/// A framework read from any format, before it is mapped: its levels,
/// its themes, and what each level expects of each theme.
pub(super) struct Ladder {
    pub name: String,
    /// (id, name, a manager level).
    pub levels: Vec<(String, String, bool)>,
    /// (id, name).
    pub themes: Vec<(String, String)>,
    /// (level index, theme index, level expected, the criteria text).
    pub expectations: Vec<(usize, usize, Level, String)>,
}

/// The YAML crate's error as a diagnostic at its line and column.
pub(super) fn yaml_failure(
    error: &serde_yaml_ng::Error,
    file: &str,
    expected: &str,
) -> ImportFailure {
    let place = error.location();
    let message = error.to_string();
    // The crate appends " at line L column C": the place is said apart.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_string();
    failure(
        file,
        place.as_ref().map(|p| p.line() as u64),
        place.as_ref().map(|p| p.column() as u64),
        format!("{message}: expected {expected}"),
    )
}

pub(super) fn failure_at(file: &str, message: String) -> ImportFailure {
    failure(file, None, None, message)
}

/// The file's name without its folder or extension, for a framework with
/// no title.
pub(super) fn file_stem(file: &str) -> &str {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    base.rsplit_once('.').map_or(base, |(stem, _)| stem)
}

/// Reads an FT job family and maps it against `workspace` and the catalog.
pub fn read_ft_framework(
    text: &str,
    file: &str,
    workspace: &Workspace,
    catalog: &Catalog,
) -> Result<FrameworkPreview, ImportFailure> {
    let parsed: FtFile = serde_yaml_ng::from_str(text).map_err(|error| {
        yaml_failure(
            &error,
            file,
            "an FT job family with levels, themes and competencies",
        )
    })?;
    if parsed.levels.is_empty() {
        return Err(failure_at(file, "no levels: expected at least one".into()));
    }
    let mut ladder = Ladder {
        name: parsed
            .title
            .clone()
            .unwrap_or_else(|| file_stem(file).to_string()),
        levels: parsed
            .levels
            .iter()
            .map(|level| (level.id.clone(), level.name.clone(), is_manager(level)))
            .collect(),
        themes: parsed
            .themes
            .iter()
            .map(|theme| (theme.id.clone(), theme.name.clone()))
            .collect(),
        expectations: Vec::new(),
    };
    for (index, competency) in parsed.competencies.iter().enumerate() {
        let place = format!("competency {}", index + 1);
        let Some(level_at) = parsed.levels.iter().position(|l| l.id == competency.level) else {
            return Err(failure_at(
                file,
                format!(
                    "{place} names level \"{}\", which the file does not define: expected one of {}",
                    competency.level,
                    parsed
                        .levels
                        .iter()
                        .map(|l| l.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        };
        let Some(theme_at) = parsed.themes.iter().position(|t| t.id == competency.theme) else {
            return Err(failure_at(
                file,
                format!(
                    "{place} names theme \"{}\", which the file does not define",
                    competency.theme
                ),
            ));
        };
        let word = normalize_label(&competency.proficiency);
        let Some(level) = FT_PROFICIENCY
            .iter()
            .position(|known| *known == word)
            .and_then(|value| Level::new(value as u8))
        else {
            return Err(failure_at(
                file,
                format!(
                    "{place}: proficiency \"{}\" is not one of FT's words: expected Awareness, \
                     Foundational, Working knowledge, Practitioner or Expert",
                    competency.proficiency
                ),
            ));
        };
        ladder.expectations.push((
            level_at,
            theme_at,
            level,
            competency.summary.trim().to_string(),
        ));
    }
    Ok(map_ladder(ladder, file, workspace, catalog))
}

/// Maps a ladder: each level a role, each theme a skill, each expectation
/// a requirement; a theme asked twice of one level keeps its highest.
pub(super) fn map_ladder(
    ladder: Ladder,
    file: &str,
    workspace: &Workspace,
    catalog: &Catalog,
) -> FrameworkPreview {
    let name = ladder.name;
    let slug = slugify(&name, "framework");
    // The source names the file, not the folder it was read from.
    let source = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let themes: Vec<ThemeMatch> = ladder
        .themes
        .iter()
        .map(|(id, theme_name)| {
            let known = workspace
                .skill_named(theme_name)
                .map(|column| workspace.skills[column].clone())
                .or_else(|| catalog.find_skill(theme_name).cloned());
            ThemeMatch {
                theme: id.clone(),
                skill: known.as_ref().map(|skill| skill.id.clone()),
                skill_name: known.map_or_else(|| theme_name.clone(), |skill| skill.name),
            }
        })
        .collect();
    let custom_id = |theme: &str| SkillId::new(format!("{slug}-{}", slugify(theme, "theme")));
    let new_skills: Vec<Skill> = themes
        .iter()
        .filter(|theme| theme.skill.is_none())
        .map(|theme| Skill::custom(custom_id(&theme.theme), &theme.skill_name, SkillKind::Hard))
        .collect();
    let mut roles: Vec<Role> = ladder
        .levels
        .iter()
        .map(|(id, title, manager)| {
            let mut role = Role::custom(
                RoleId::new(format!("{slug}-{}", slugify(id, "level"))),
                title,
            );
            role.track = if *manager { Track::Manager } else { Track::Ic };
            role.summary = format!("{name} ({source}), level {id}");
            role
        })
        .collect();
    for (level_at, theme_at, level, text) in ladder.expectations {
        let theme = &themes[theme_at];
        let skill = theme
            .skill
            .clone()
            .unwrap_or_else(|| custom_id(&theme.theme));
        let role = &mut roles[level_at];
        match role.requirements.iter_mut().find(|r| r.skill == skill) {
            Some(existing) if existing.min_level >= level => {}
            Some(existing) => {
                existing.min_level = level;
                existing.basis = text;
            }
            None => role.requirements.push(Requirement {
                skill,
                min_level: level,
                importance: Importance::Required,
                basis: text,
            }),
        }
    }
    // Career links: each level to the next of its track.
    for track in [Track::Ic, Track::Manager] {
        let in_track: Vec<usize> = (0..roles.len())
            .filter(|&r| roles[r].track == track)
            .collect();
        for pair in in_track.windows(2) {
            let next = CareerLink {
                title: roles[pair[1]].title.clone(),
                role: Some(roles[pair[1]].id.clone()),
                basis: Some(name.clone()),
            };
            roles[pair[0]].career.advancement_to.push(next);
        }
    }
    FrameworkPreview {
        name,
        roles,
        themes,
        new_skills,
    }
}

impl FrameworkPreview {
    /// The preview in words, a line each.
    pub fn summary(&self, workspace: &Workspace) -> Vec<String> {
        let mut lines = vec![format!(
            "{}: {} levels as roles, {} themes as skills ({} matched, {} new)",
            self.name,
            self.roles.len(),
            self.themes.len(),
            self.themes.iter().filter(|t| t.skill.is_some()).count(),
            self.new_skills.len()
        )];
        for role in &self.roles {
            let verb = match workspace.role(&role.id) {
                Some(existing) if existing == role => "keep",
                Some(_) => "update",
                None => "add",
            };
            lines.push(format!(
                "  {verb} role {} ({}, {} requirements)",
                role.title,
                match role.track {
                    Track::Ic => "individual contributor",
                    Track::Manager => "manager",
                },
                role.requirements.len()
            ));
        }
        for theme in &self.themes {
            lines.push(match &theme.skill {
                Some(_) => format!("  theme {} -> skill {}", theme.theme, theme.skill_name),
                None => format!("  theme {} -> new skill {}", theme.theme, theme.skill_name),
            });
        }
        lines
    }

    /// Applies the preview: new skills added, roles added or updated in
    /// place by the framework's own ids. Returns (added, updated).
    pub fn apply(self, workspace: &mut Workspace) -> (usize, usize) {
        for skill in self.new_skills {
            if workspace.skill_index(&skill.id).is_none() {
                workspace.push_skill(skill);
            }
        }
        let (mut added, mut updated) = (0, 0);
        for role in self.roles {
            match workspace.roles.iter_mut().find(|r| r.id == role.id) {
                Some(existing) => {
                    if *existing != role {
                        *existing = role;
                        updated += 1;
                    }
                }
                None => {
                    workspace.roles.push(role);
                    added += 1;
                }
            }
        }
        (added, updated)
    }
}
