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

/// Reads an FT job family and maps it against `workspace` and the catalog.
pub fn read_ft_framework(
    text: &str,
    file: &str,
    workspace: &Workspace,
    catalog: &Catalog,
) -> Result<FrameworkPreview, ImportFailure> {
    let parsed: FtFile = serde_yaml_ng::from_str(text).map_err(|error| {
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
            format!("{message}: expected an FT job family with levels, themes and competencies"),
        )
    })?;
    if parsed.levels.is_empty() {
        return Err(failure(
            file,
            None,
            None,
            "no levels: expected at least one".into(),
        ));
    }
    let name = parsed.title.clone().unwrap_or_else(|| {
        file.trim_end_matches(".yml")
            .trim_end_matches(".yaml")
            .to_string()
    });
    let slug = slugify(&name, "framework");
    // The source names the file, not the folder it was read from.
    let source = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let themes: Vec<ThemeMatch> = parsed
        .themes
        .iter()
        .map(|theme| {
            let known = workspace
                .skill_named(&theme.name)
                .map(|column| workspace.skills[column].clone())
                .or_else(|| catalog.find_skill(&theme.name).cloned());
            ThemeMatch {
                theme: theme.id.clone(),
                skill: known.as_ref().map(|skill| skill.id.clone()),
                skill_name: known.map_or_else(|| theme.name.clone(), |skill| skill.name),
            }
        })
        .collect();
    let new_skills: Vec<Skill> = themes
        .iter()
        .filter(|theme| theme.skill.is_none())
        .map(|theme| {
            Skill::custom(
                SkillId::new(format!("{slug}-{}", slugify(&theme.theme, "theme"))),
                &theme.skill_name,
                SkillKind::Hard,
            )
        })
        .collect();
    let skill_of = |theme_id: &str| -> Option<SkillId> {
        let at = parsed.themes.iter().position(|t| t.id == theme_id)?;
        Some(
            themes[at]
                .skill
                .clone()
                .unwrap_or_else(|| SkillId::new(format!("{slug}-{}", slugify(theme_id, "theme")))),
        )
    };
    let role_id = |level: &FtLevel| RoleId::new(format!("{slug}-{}", slugify(&level.id, "level")));
    let mut roles: Vec<Role> = parsed
        .levels
        .iter()
        .map(|level| {
            let mut role = Role::custom(role_id(level), &level.name);
            role.track = if is_manager(level) {
                Track::Manager
            } else {
                Track::Ic
            };
            role.summary = format!("{name} ({source}), level {}", level.id);
            role
        })
        .collect();
    for (index, competency) in parsed.competencies.iter().enumerate() {
        let place = format!("competency {}", index + 1);
        let Some(at) = parsed.levels.iter().position(|l| l.id == competency.level) else {
            return Err(failure(
                file,
                None,
                None,
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
        let Some(skill) = skill_of(&competency.theme) else {
            return Err(failure(
                file,
                None,
                None,
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
            return Err(failure(
                file,
                None,
                None,
                format!(
                    "{place}: proficiency \"{}\" is not one of FT's words: expected Awareness, \
                     Foundational, Working knowledge, Practitioner or Expert",
                    competency.proficiency
                ),
            ));
        };
        let role = &mut roles[at];
        match role.requirements.iter_mut().find(|r| r.skill == skill) {
            // Several competencies of one theme: the highest word stands.
            Some(existing) if existing.min_level >= level => {}
            Some(existing) => {
                existing.min_level = level;
                existing.basis = competency.summary.trim().to_string();
            }
            None => role.requirements.push(Requirement {
                skill,
                min_level: level,
                importance: Importance::Required,
                basis: competency.summary.trim().to_string(),
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
    Ok(FrameworkPreview {
        name,
        roles,
        themes,
        new_skills,
    })
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
