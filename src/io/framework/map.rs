//! A framework mapped onto roles and skills, as a preview the user checks
//! and adjusts before anything changes: each level a role (its track read
//! from its name, or as the user sets it), each theme a skill (the one of
//! that name or alias; a similar one only once the user confirms it; else
//! a custom skill), each step of the framework's scale one of our levels.
//! Applying adds or updates the roles in place, matched by the framework's
//! own level ids.

use super::similar::{Suggestion, suggest};
use super::types::{Framework, Strength};
use crate::catalog::Catalog;
use crate::model::{
    CareerLink, FrameworkSource, Importance, Level, Requirement, Role, RoleId, Skill, SkillId,
    SkillKind, Track, Workspace, normalize_label, slugify,
};

/// A theme and the skill it becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct ThemeMatch {
    pub theme: String,
    pub theme_name: String,
    /// The skill of that name or alias.
    pub matched: Option<(SkillId, String)>,
    pub suggestion: Option<Suggestion>,
    /// The user's word on the suggestion: yes, no, or not yet.
    pub answer: Option<bool>,
}

impl ThemeMatch {
    /// The existing skill the theme becomes; `None` makes a custom one.
    pub fn skill(&self) -> Option<(&SkillId, &str)> {
        if let Some((id, name)) = &self.matched {
            return Some((id, name));
        }
        match (&self.suggestion, self.answer) {
            (Some(suggestion), Some(true)) => Some((&suggestion.skill, &suggestion.name)),
            _ => None,
        }
    }

    pub fn skill_name(&self) -> &str {
        self.skill().map_or(&self.theme_name, |(_, name)| name)
    }

    /// A suggestion the user has not answered yet.
    pub fn asks(&self) -> bool {
        self.matched.is_none() && self.suggestion.is_some() && self.answer.is_none()
    }
}

/// What applying does to one role.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleChange {
    pub kind: ChangeKind,
    /// For an update, each difference in words.
    pub details: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Add,
    Update,
    Keep,
}

impl ChangeKind {
    pub fn verb(self) -> &'static str {
        match self {
            ChangeKind::Add => "add",
            ChangeKind::Update => "update",
            ChangeKind::Keep => "keep",
        }
    }
}

/// What importing a framework would do, before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkPreview {
    pub framework: Framework,
    /// Each level's track, as read or as the user set it.
    pub tracks: Vec<Track>,
    pub themes: Vec<ThemeMatch>,
    /// The roles and custom skills applying would write.
    pub roles: Vec<Role>,
    pub new_skills: Vec<Skill>,
    /// What applying does to each role, against the workspace it was
    /// mapped for (kept for the dialog, which draws it every frame).
    pub changes: Vec<RoleChange>,
}

/// Whether a role came from `framework`: the same name or the same file.
fn from_framework<'r>(role: &'r Role, framework: &Framework) -> Option<&'r FrameworkSource> {
    role.framework
        .as_ref()
        .filter(|source| source.name == framework.name || source.file == framework.file)
}

/// The skill an earlier import of `framework` made of theme `theme`.
fn earlier_skill<'w>(
    framework: &Framework,
    theme: &str,
    workspace: &'w Workspace,
) -> Option<&'w SkillId> {
    workspace
        .roles
        .iter()
        .filter_map(|role| from_framework(role, framework))
        .flat_map(|source| &source.themes)
        .find(|(id, _)| id == theme)
        .map(|(_, skill)| skill)
}

impl FrameworkPreview {
    /// The framework mapped with the defaults: tracks as read, the scale
    /// as the reader set it, exact matches used and similar ones asked.
    pub fn new(framework: Framework, workspace: &Workspace, catalog: &Catalog) -> FrameworkPreview {
        let themes = framework
            .themes
            .iter()
            .map(|theme| {
                let matched = workspace
                    .skill_named(&theme.name)
                    .map(|column| &workspace.skills[column])
                    .or_else(|| catalog.find_skill(&theme.name))
                    .map(|skill| (skill.id.clone(), skill.name.clone()));
                let suggestion = match matched {
                    Some(_) => None,
                    None => suggest(&theme.name, workspace, catalog),
                };
                // An earlier import of this framework was answered already.
                let answer = suggestion.as_ref().and_then(|suggestion| {
                    earlier_skill(&framework, &theme.id, workspace)
                        .map(|skill| skill == &suggestion.skill)
                });
                ThemeMatch {
                    theme: theme.id.clone(),
                    theme_name: theme.name.clone(),
                    matched,
                    suggestion,
                    answer,
                }
            })
            .collect();
        let mut framework = framework;
        let earlier: Vec<&Role> = workspace
            .roles
            .iter()
            .filter(|role| from_framework(role, &framework).is_some())
            .collect();
        // A re-import keeps the tracks and the scale the user set before.
        let tracks = framework
            .levels
            .iter()
            .map(|level| {
                let before = earlier
                    .iter()
                    .find(|role| role.framework.as_ref().is_some_and(|s| s.level == level.id));
                match before {
                    Some(role) => role.track,
                    None if level.manager => Track::Manager,
                    None => Track::Ic,
                }
            })
            .collect();
        if let Some(source) = earlier.first().and_then(|role| role.framework.as_ref()) {
            for step in &mut framework.scale {
                if let Some((_, level)) =
                    source.scale.iter().find(|(label, _)| *label == step.label)
                {
                    step.level = *level;
                }
            }
        }
        let mut preview = FrameworkPreview {
            framework,
            tracks,
            themes,
            roles: Vec::new(),
            new_skills: Vec::new(),
            changes: Vec::new(),
        };
        preview.remap(workspace);
        preview
    }

    pub fn set_track(&mut self, level: usize, track: Track, workspace: &Workspace) {
        if let Some(slot) = self.tracks.get_mut(level) {
            *slot = track;
            self.remap(workspace);
        }
    }

    /// Maps step `step` of the framework's scale to `level`.
    pub fn set_scale(&mut self, step: usize, level: Level, workspace: &Workspace) {
        if let Some(slot) = self.framework.scale.get_mut(step) {
            slot.level = level;
            self.remap(workspace);
        }
    }

    /// The user's word on theme `theme`'s suggestion (`None` asks again).
    pub fn answer(&mut self, theme: usize, answer: Option<bool>, workspace: &Workspace) {
        if let Some(slot) = self.themes.get_mut(theme) {
            slot.answer = answer;
            self.remap(workspace);
        }
    }

    pub fn set_licence(&mut self, licence: &str, workspace: &Workspace) {
        let licence = licence.trim();
        self.framework.licence = (!licence.is_empty()).then(|| licence.to_string());
        self.remap(workspace);
    }

    /// The level, theme or scale step a person names by id or name.
    pub fn find_level(&self, label: &str) -> Option<usize> {
        let wanted = normalize_label(label);
        self.framework
            .levels
            .iter()
            .position(|l| normalize_label(&l.id) == wanted || normalize_label(&l.name) == wanted)
    }

    pub fn find_theme(&self, label: &str) -> Option<usize> {
        let wanted = normalize_label(label);
        self.themes.iter().position(|t| {
            normalize_label(&t.theme) == wanted || normalize_label(&t.theme_name) == wanted
        })
    }

    pub fn find_step(&self, label: &str) -> Option<usize> {
        let wanted = normalize_label(label);
        self.framework
            .scale
            .iter()
            .position(|step| normalize_label(&step.label) == wanted)
    }

    fn custom_id(&self, theme: &str) -> SkillId {
        let slug = slugify(&self.framework.name, "framework");
        SkillId::new(format!("{slug}-{}", slugify(theme, "theme")))
    }

    /// The role a level becomes: an earlier import's of the same framework
    /// and level keeps its id, so members keep their role.
    fn role_id(&self, level: &str, workspace: &Workspace) -> RoleId {
        let earlier = workspace.roles.iter().find(|role| {
            from_framework(role, &self.framework).is_some_and(|source| source.level == level)
        });
        match earlier {
            Some(role) => role.id.clone(),
            None => RoleId::new(format!(
                "{}-{}",
                slugify(&self.framework.name, "framework"),
                slugify(level, "level")
            )),
        }
    }

    /// Recomputes the roles and custom skills from the choices.
    fn remap(&mut self, workspace: &Workspace) {
        let framework = &self.framework;
        let skills: Vec<SkillId> = self
            .themes
            .iter()
            .map(|theme| match theme.skill() {
                Some((id, _)) => id.clone(),
                None => self.custom_id(&theme.theme),
            })
            .collect();
        self.new_skills = self
            .themes
            .iter()
            .zip(&skills)
            .filter(|(theme, _)| theme.skill().is_none())
            .map(|(theme, id)| Skill::custom(id.clone(), &theme.theme_name, SkillKind::Hard))
            .collect();
        let mut roles: Vec<Role> = framework
            .levels
            .iter()
            .zip(&self.tracks)
            .map(|(level, track)| {
                let id = self.role_id(&level.id, workspace);
                // Titles name roles in rosters: one another role has keeps.
                let wanted = normalize_label(&level.name);
                let taken = workspace
                    .roles
                    .iter()
                    .any(|other| other.id != id && normalize_label(&other.title) == wanted);
                let title = if taken {
                    format!("{} ({})", level.name, framework.name)
                } else {
                    level.name.clone()
                };
                let mut role = Role::custom(id, &title);
                role.track = *track;
                role.summary = format!(
                    "{} ({}), level {}",
                    framework.name, framework.file, level.id
                );
                role.framework = Some(FrameworkSource {
                    name: framework.name.clone(),
                    file: framework.file.clone(),
                    licence: framework.licence.clone(),
                    level: level.id.clone(),
                    themes: Vec::new(),
                    scale: framework
                        .scale
                        .iter()
                        .map(|step| (step.label.clone(), step.level))
                        .collect(),
                });
                role
            })
            .collect();
        for expectation in &framework.expectations {
            let level = match expectation.strength {
                Strength::Step(step) => framework.scale[step].level,
                Strength::Given(level) => level,
            };
            let skill = &skills[expectation.theme];
            let role = &mut roles[expectation.level];
            if let Some(source) = role.framework.as_mut() {
                let theme = &framework.themes[expectation.theme].id;
                if !source.themes.iter().any(|(id, _)| id == theme) {
                    source.themes.push((theme.clone(), skill.clone()));
                }
            }
            // A theme asked twice of one level keeps its highest.
            match role.requirements.iter_mut().find(|r| &r.skill == skill) {
                Some(existing) if existing.min_level >= level => {}
                Some(existing) => {
                    existing.min_level = level;
                    existing.basis = expectation.text.clone();
                }
                None => role.requirements.push(Requirement {
                    skill: skill.clone(),
                    min_level: level,
                    importance: Importance::Required,
                    basis: expectation.text.clone(),
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
                    basis: Some(framework.name.clone()),
                };
                roles[pair[0]].career.advancement_to.push(next);
            }
        }
        self.roles = roles;
        self.changes = self.changes_against(workspace);
    }

    /// A skill's name, as this import or the workspace calls it.
    fn skill_name(&self, id: &SkillId, workspace: &Workspace) -> String {
        self.themes
            .iter()
            .find(|theme| theme.skill().is_some_and(|(known, _)| known == id))
            .map(|theme| theme.skill_name().to_string())
            .or_else(|| {
                self.new_skills
                    .iter()
                    .find(|skill| &skill.id == id)
                    .map(|skill| skill.name.clone())
            })
            .or_else(|| workspace.skill(id).map(|skill| skill.name.clone()))
            .unwrap_or_else(|| id.to_string())
    }

    /// What applying does to each role, with an update's differences.
    pub fn changes_against(&self, workspace: &Workspace) -> Vec<RoleChange> {
        self.roles
            .iter()
            .map(|role| {
                let (kind, details) = match workspace.role(&role.id) {
                    None => (ChangeKind::Add, Vec::new()),
                    Some(existing) if existing == role => (ChangeKind::Keep, Vec::new()),
                    Some(existing) => (
                        ChangeKind::Update,
                        self.differences(existing, role, workspace),
                    ),
                };
                RoleChange { kind, details }
            })
            .collect()
    }

    fn differences(&self, old: &Role, new: &Role, workspace: &Workspace) -> Vec<String> {
        let mut said = Vec::new();
        if old.title != new.title {
            said.push(format!("title {} -> {}", old.title, new.title));
        }
        if old.track != new.track {
            said.push(format!(
                "track {} -> {}",
                track_words(old.track),
                track_words(new.track)
            ));
        }
        for requirement in &new.requirements {
            let name = self.skill_name(&requirement.skill, workspace);
            match old.requirement(&requirement.skill) {
                None => said.push(format!("{name}: now required at {}", requirement.min_level)),
                Some(before) if before.min_level != requirement.min_level => said.push(format!(
                    "{name}: level {} -> {}",
                    before.min_level, requirement.min_level
                )),
                Some(before) if before.basis != requirement.basis => {
                    said.push(format!("{name}: criteria reworded"));
                }
                Some(_) => {}
            }
        }
        for requirement in &old.requirements {
            if new.requirement(&requirement.skill).is_none() {
                let name = self.skill_name(&requirement.skill, workspace);
                said.push(format!("{name}: no longer required"));
            }
        }
        if old.career != new.career {
            let next = |role: &Role| {
                let titles: Vec<&str> = role
                    .career
                    .advancement_to
                    .iter()
                    .map(|link| link.title.as_str())
                    .collect();
                if titles.is_empty() {
                    "none".to_string()
                } else {
                    titles.join(", ")
                }
            };
            said.push(format!("next step {} -> {}", next(old), next(new)));
        }
        let source = |role: &Role| role.framework.as_ref().map(FrameworkSource::describe);
        if source(old) != source(new) {
            said.push(format!("source {}", source(new).unwrap_or_default()));
        }
        said
    }

    /// The preview in words, a line each.
    pub fn summary(&self, workspace: &Workspace) -> Vec<String> {
        let matched = self.themes.iter().filter(|t| t.skill().is_some()).count();
        let mut lines = vec![format!(
            "{}: {} levels as roles, {} themes as skills ({matched} matched, {} new)",
            self.framework.name,
            self.roles.len(),
            self.themes.len(),
            self.new_skills.len()
        )];
        if let Some(source) = self.roles.first().and_then(|r| r.framework.as_ref()) {
            lines.push(format!("  source: {}", source.describe()));
        }
        let scale: Vec<String> = self
            .framework
            .scale
            .iter()
            .map(|step| format!("{} = {}", step.label, step.level))
            .collect();
        lines.push(format!("  scale: {}", scale.join(", ")));
        for (role, change) in self.roles.iter().zip(self.changes_against(workspace)) {
            lines.push(format!(
                "  {} role {} ({}, {} requirements)",
                change.kind.verb(),
                role.title,
                track_words(role.track),
                role.requirements.len()
            ));
            for detail in change.details {
                lines.push(format!("      {detail}"));
            }
        }
        for theme in &self.themes {
            lines.push(match (theme.skill(), &theme.suggestion) {
                (Some((id, name)), _) if workspace.skill(id).is_none() => format!(
                    "  theme {} -> skill {name} (from the library, added as a column)",
                    theme.theme
                ),
                (Some((_, name)), _) => format!("  theme {} -> skill {name}", theme.theme),
                (None, Some(suggestion)) if theme.answer.is_none() => format!(
                    "  theme {} -> new skill {} (like {}, read as \"{}\": --confirm {} to use it)",
                    theme.theme, theme.theme_name, suggestion.name, suggestion.label, theme.theme
                ),
                (None, _) => format!("  theme {} -> new skill {}", theme.theme, theme.theme_name),
            });
        }
        lines
    }

    /// Applies the preview: custom skills added, roles added or updated
    /// in place. Returns (added, updated).
    pub fn apply(self, workspace: &mut Workspace, catalog: &Catalog) -> (usize, usize) {
        let [added, updated, _] = tally(&self.changes_against(workspace));
        // A library skill the roster does not track yet becomes a column,
        // as import-roles does, so the team can be rated in it.
        let library = self
            .themes
            .iter()
            .filter_map(|theme| theme.skill())
            .filter_map(|(id, _)| catalog.skill(id))
            .cloned();
        for skill in library.chain(self.new_skills) {
            if workspace.skill_index(&skill.id).is_none() {
                workspace.push_skill(skill);
            }
        }
        for role in self.roles {
            match workspace.roles.iter_mut().find(|r| r.id == role.id) {
                Some(existing) => *existing = role,
                None => workspace.roles.push(role),
            }
        }
        (added, updated)
    }
}

/// How many roles `changes` adds, updates and keeps.
pub fn tally(changes: &[RoleChange]) -> [usize; 3] {
    let count = |kind| changes.iter().filter(|c| c.kind == kind).count();
    [
        count(ChangeKind::Add),
        count(ChangeKind::Update),
        count(ChangeKind::Keep),
    ]
}

pub fn track_words(track: Track) -> &'static str {
    match track {
        Track::Ic => "individual contributor",
        Track::Manager => "manager",
    }
}
