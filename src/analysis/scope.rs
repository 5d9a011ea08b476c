//! Which members an analysis looks at, and the lookups every part shares,
//! resolved once so the hot loops compare indices, not strings.

use crate::model::{Importance, Level, Role, Skill, SkillId, SkillKind, Workspace};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// A member as reports name them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberRef {
    /// Row in the workspace.
    pub index: usize,
    pub name: Arc<str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<Arc<str>>,
}

/// A skill as reports name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SkillRef {
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub kind: SkillKind,
}

impl SkillRef {
    pub fn of(skill: &Skill) -> SkillRef {
        SkillRef {
            id: skill.id.as_str().into(),
            name: skill.name.as_str().into(),
            kind: skill.kind,
        }
    }
}

/// A role as reports name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RoleRef {
    pub id: Arc<str>,
    pub title: Arc<str>,
}

impl RoleRef {
    pub fn new(role: &Role) -> RoleRef {
        RoleRef {
            id: role.id.as_str().into(),
            title: role.title.as_str().into(),
        }
    }
}

/// A skill no column tracks: named as the library names it.
fn untracked_skill_ref(id: &SkillId) -> SkillRef {
    crate::catalog::builtin().skill(id).map_or_else(
        || SkillRef {
            id: id.as_str().into(),
            name: id.as_str().into(),
            kind: SkillKind::Hard,
        },
        SkillRef::of,
    )
}

/// A requirement with its skill's matrix column looked up.
#[derive(Clone, Debug)]
pub struct ResolvedRequirement<'w> {
    pub skill: &'w SkillId,
    /// Built once, shared by every report line that names the skill.
    pub skill_ref: SkillRef,
    pub column: Option<usize>,
    pub min_level: Level,
    pub importance: Importance,
}

/// The members in view (all, or one team's) and each one's role.
pub struct Scope<'w> {
    pub workspace: &'w Workspace,
    pub members: Vec<usize>,
    /// Per workspace member, the index of their role in `workspace.roles`.
    role_index: Vec<Option<usize>>,
    columns: HashMap<&'w str, usize>,
    skill_refs: Vec<SkillRef>,
    role_refs: Vec<RoleRef>,
    member_refs: Vec<Option<MemberRef>>,
    /// Per workspace role, its requirements resolved to columns.
    pub requirements: Vec<Vec<ResolvedRequirement<'w>>>,
}

impl<'w> Scope<'w> {
    pub fn new(workspace: &'w Workspace, team: Option<&str>) -> Scope<'w> {
        let members: Vec<usize> = (0..workspace.members.len())
            .filter(|&member| match team {
                None => true,
                Some(team) => workspace.members[member]
                    .team
                    .as_deref()
                    .is_some_and(|own| own.eq_ignore_ascii_case(team)),
            })
            .collect();
        let role_positions: HashMap<&str, usize> = workspace
            .roles
            .iter()
            .enumerate()
            .map(|(index, role)| (role.id.as_str(), index))
            .collect();
        let role_index = workspace
            .members
            .iter()
            .map(|member| {
                member
                    .role
                    .as_ref()
                    .and_then(|id| role_positions.get(id.as_str()).copied())
            })
            .collect();
        let columns: HashMap<&str, usize> = workspace
            .skills
            .iter()
            .enumerate()
            .map(|(column, skill)| (skill.id.as_str(), column))
            .collect();
        let skill_refs: Vec<SkillRef> = workspace.skills.iter().map(SkillRef::of).collect();
        let requirements = workspace
            .roles
            .iter()
            .map(|role| {
                role.requirements
                    .iter()
                    .map(|requirement| {
                        let column = columns.get(requirement.skill.as_str()).copied();
                        ResolvedRequirement {
                            skill: &requirement.skill,
                            skill_ref: match column {
                                Some(column) => skill_refs[column].clone(),
                                None => untracked_skill_ref(&requirement.skill),
                            },
                            column,
                            min_level: requirement.min_level,
                            importance: requirement.importance,
                        }
                    })
                    .collect()
            })
            .collect();
        let mut member_refs = vec![None; workspace.members.len()];
        for &member in &members {
            let record = &workspace.members[member];
            member_refs[member] = Some(MemberRef {
                index: member,
                name: record.name.as_str().into(),
                email: record.email.as_deref().map(Arc::from),
            });
        }
        Scope {
            workspace,
            members,
            role_index,
            columns,
            skill_refs,
            role_refs: workspace.roles.iter().map(RoleRef::new).collect(),
            member_refs,
            requirements,
        }
    }

    /// The matrix column of a skill, if the workspace tracks it.
    pub fn column(&self, skill: &SkillId) -> Option<usize> {
        self.columns.get(skill.as_str()).copied()
    }

    pub fn role_index_of(&self, member: usize) -> Option<usize> {
        self.role_index[member]
    }

    pub fn role_of(&self, member: usize) -> Option<&'w Role> {
        self.role_index[member].map(|index| &self.workspace.roles[index])
    }

    pub fn role_ref(&self, role: usize) -> RoleRef {
        self.role_refs[role].clone()
    }

    pub fn member_ref(&self, member: usize) -> MemberRef {
        match &self.member_refs[member] {
            Some(known) => known.clone(),
            None => {
                let record = &self.workspace.members[member];
                MemberRef {
                    index: member,
                    name: record.name.as_str().into(),
                    email: record.email.as_deref().map(Arc::from),
                }
            }
        }
    }

    /// A skill a role names, tracked by the workspace or only in the library.
    pub fn skill_ref(&self, id: &SkillId) -> SkillRef {
        match self.column(id) {
            Some(column) => self.skill_refs[column].clone(),
            None => untracked_skill_ref(id),
        }
    }

    pub fn column_ref(&self, column: usize) -> SkillRef {
        self.skill_refs[column].clone()
    }

    /// Indices of the distinct roles of the members in view, in library order.
    pub fn roles_present(&self, members: &[usize]) -> Vec<usize> {
        let mut present = vec![false; self.workspace.roles.len()];
        for &member in members {
            if let Some(index) = self.role_index[member] {
                present[index] = true;
            }
        }
        (0..present.len()).filter(|&index| present[index]).collect()
    }
}
