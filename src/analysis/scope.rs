//! Which members an analysis looks at, and the lookups every part shares.

use crate::model::{Role, Workspace};
use std::collections::HashMap;

/// The members in view (all, or one team's) and each one's role.
pub struct Scope<'w> {
    pub workspace: &'w Workspace,
    pub members: Vec<usize>,
    roles: Vec<Option<&'w Role>>,
    columns: HashMap<&'w str, usize>,
}

impl<'w> Scope<'w> {
    pub fn new(workspace: &'w Workspace, team: Option<&str>) -> Scope<'w> {
        let members = (0..workspace.members.len())
            .filter(|&member| match team {
                None => true,
                Some(team) => workspace.members[member]
                    .team
                    .as_deref()
                    .is_some_and(|own| own.eq_ignore_ascii_case(team)),
            })
            .collect();
        let index: HashMap<&str, &Role> = workspace
            .roles
            .iter()
            .map(|role| (role.id.as_str(), role))
            .collect();
        let roles = workspace
            .members
            .iter()
            .map(|member| {
                member
                    .role
                    .as_ref()
                    .and_then(|id| index.get(id.as_str()).copied())
            })
            .collect();
        let columns = workspace
            .skills
            .iter()
            .enumerate()
            .map(|(column, skill)| (skill.id.as_str(), column))
            .collect();
        Scope {
            workspace,
            members,
            roles,
            columns,
        }
    }

    /// The matrix column of a skill, if the workspace tracks it.
    pub fn column(&self, skill: &crate::model::SkillId) -> Option<usize> {
        self.columns.get(skill.as_str()).copied()
    }

    pub fn role_of(&self, member: usize) -> Option<&'w Role> {
        self.roles[member]
    }

    /// The distinct roles of the members in view, in library order.
    pub fn roles_present(&self) -> Vec<&'w Role> {
        let mut present = vec![false; self.workspace.roles.len()];
        for &member in &self.members {
            if let Some(role) = self.role_of(member)
                && let Some(index) = self.workspace.roles.iter().position(|r| r.id == role.id)
            {
                present[index] = true;
            }
        }
        self.workspace
            .roles
            .iter()
            .zip(present)
            .filter_map(|(role, present)| present.then_some(role))
            .collect()
    }
}

/// A member as reports name them.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct MemberRef {
    /// Row in the workspace.
    pub index: usize,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl MemberRef {
    pub fn new(workspace: &Workspace, index: usize) -> MemberRef {
        let member = &workspace.members[index];
        MemberRef {
            index,
            name: member.name.clone(),
            email: member.email.clone(),
        }
    }
}

/// A skill as reports name it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SkillRef {
    pub id: String,
    pub name: String,
    pub kind: crate::model::SkillKind,
}

/// A role as reports name it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RoleRef {
    pub id: String,
    pub title: String,
}

impl RoleRef {
    pub fn new(role: &Role) -> RoleRef {
        RoleRef {
            id: role.id.0.clone(),
            title: role.title.clone(),
        }
    }
}

impl SkillRef {
    pub fn of(skill: &crate::model::Skill) -> SkillRef {
        SkillRef {
            id: skill.id.0.clone(),
            name: skill.name.clone(),
            kind: skill.kind,
        }
    }
}
