//! The built-in skill catalog and role library, authored from the seed role
//! definitions into `assets/` and embedded in the binary.

use crate::model::{Role, RoleId, Skill, SkillId, normalize_label};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const SKILLS_JSON: &str = include_str!("../../assets/skills.json");
const ROLES_JSON: &str = include_str!("../../assets/roles.json");

#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    pub skills: Vec<Skill>,
    pub roles: Vec<Role>,
}

impl Catalog {
    /// How `workspace` names skill `id`: its own name for it, else the
    /// library's (a role may require a skill the roster does not track),
    /// else the id itself.
    pub fn skill_name(
        &self,
        workspace: &crate::model::Workspace,
        id: &crate::model::SkillId,
    ) -> String {
        workspace
            .skill(id)
            .or_else(|| self.skills.iter().find(|skill| &skill.id == id))
            .map_or_else(|| id.to_string(), |skill| skill.name.clone())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{file}: {source}")]
    Json {
        file: &'static str,
        source: serde_json::Error,
    },
    #[error("{0}")]
    Invalid(String),
}

#[derive(Deserialize)]
struct SkillsFile {
    skills: Vec<Skill>,
}

#[derive(Deserialize)]
struct RolesFile {
    roles: Vec<Role>,
}

/// The library compiled into this binary. Its data is checked by the tests,
/// so a failure here is a build defect, not a user error.
pub fn builtin() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::from_json(SKILLS_JSON, ROLES_JSON).expect("the embedded role library is valid")
    })
}

impl Catalog {
    pub fn from_json(skills_json: &str, roles_json: &str) -> Result<Catalog, CatalogError> {
        let skills = serde_json::from_str::<SkillsFile>(skills_json)
            .map_err(|source| CatalogError::Json {
                file: "assets/skills.json",
                source,
            })?
            .skills;
        let roles = serde_json::from_str::<RolesFile>(roles_json)
            .map_err(|source| CatalogError::Json {
                file: "assets/roles.json",
                source,
            })?
            .roles;
        let catalog = Catalog { skills, roles };
        catalog.check()?;
        Ok(catalog)
    }

    fn check(&self) -> Result<(), CatalogError> {
        let invalid = |message: String| Err(CatalogError::Invalid(message));
        let mut skill_ids = HashSet::new();
        for skill in &self.skills {
            if !skill_ids.insert(&skill.id) {
                return invalid(format!("skill id \"{}\" appears twice", skill.id));
            }
        }
        LabelIndex::build(self.skills.iter().map(|skill| skill.labels())).map_err(|label| {
            CatalogError::Invalid(format!("skill label \"{label}\" is ambiguous"))
        })?;
        LabelIndex::build(self.roles.iter().map(|role| role.labels())).map_err(|label| {
            CatalogError::Invalid(format!("role label \"{label}\" is ambiguous"))
        })?;
        let mut role_ids = HashSet::new();
        for role in &self.roles {
            if !role_ids.insert(&role.id) {
                return invalid(format!("role id \"{}\" appears twice", role.id));
            }
            for requirement in &role.requirements {
                if !skill_ids.contains(&requirement.skill) {
                    return invalid(format!(
                        "role \"{}\" requires unknown skill \"{}\"",
                        role.id, requirement.skill
                    ));
                }
            }
        }
        for role in &self.roles {
            let links = role
                .career
                .entry_from
                .iter()
                .chain(&role.career.advancement_to)
                .chain(&role.career.lateral);
            for link in links {
                if let Some(target) = &link.role
                    && !role_ids.contains(target)
                {
                    return invalid(format!(
                        "role \"{}\" links to unknown role \"{target}\"",
                        role.id
                    ));
                }
            }
        }
        Ok(())
    }

    pub fn skill(&self, id: &SkillId) -> Option<&Skill> {
        self.skills.iter().find(|skill| &skill.id == id)
    }

    pub fn role(&self, id: &RoleId) -> Option<&Role> {
        self.roles.iter().find(|role| &role.id == id)
    }

    /// The skill a spreadsheet header or label names, by name or alias.
    pub fn find_skill(&self, label: &str) -> Option<&Skill> {
        let wanted = normalize_label(label);
        self.skills
            .iter()
            .find(|skill| skill.labels().any(|known| normalize_label(known) == wanted))
    }

    pub fn find_role(&self, label: &str) -> Option<&Role> {
        let wanted = normalize_label(label);
        self.roles
            .iter()
            .find(|role| role.labels().any(|known| normalize_label(known) == wanted))
    }
}

/// Normalised label -> position, for matching many headers or cells quickly.
#[derive(Clone, Debug, Default)]
pub struct LabelIndex {
    positions: HashMap<String, usize>,
}

/// A label two items of a list share, which would make it ambiguous.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the label \"{0}\" names two items")]
pub struct SharedLabel(pub String);

impl LabelIndex {
    /// Fails with the first label two items share.
    pub fn build<'a, L>(items: impl Iterator<Item = L>) -> Result<LabelIndex, SharedLabel>
    where
        L: Iterator<Item = &'a str>,
    {
        let mut positions = HashMap::new();
        for (index, labels) in items.enumerate() {
            for label in labels {
                let key = normalize_label(label);
                if key.is_empty() {
                    continue;
                }
                match positions.insert(key, index) {
                    Some(previous) if previous != index => {
                        return Err(SharedLabel(label.to_string()));
                    }
                    _ => {}
                }
            }
        }
        Ok(LabelIndex { positions })
    }

    /// Like `build`, but the first item to claim a label keeps it.
    pub fn build_lenient<'a, L>(items: impl Iterator<Item = L>) -> LabelIndex
    where
        L: Iterator<Item = &'a str>,
    {
        let mut positions = HashMap::new();
        for (index, labels) in items.enumerate() {
            for label in labels {
                let key = normalize_label(label);
                if !key.is_empty() {
                    positions.entry(key).or_insert(index);
                }
            }
        }
        LabelIndex { positions }
    }

    pub fn get(&self, label: &str) -> Option<usize> {
        self.positions.get(&normalize_label(label)).copied()
    }

    pub fn insert(&mut self, label: &str, index: usize) {
        let key = normalize_label(label);
        if !key.is_empty() {
            self.positions.entry(key).or_insert(index);
        }
    }
}
