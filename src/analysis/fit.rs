//! Role fit: how well a member's levels meet a role's requirements, and who
//! is most ready for each role.

use super::scope::{MemberRef, RoleRef, Scope, SkillRef};
use crate::model::{Importance, Level, Role, Workspace};
use serde::Serialize;

/// Required skills weigh three times a preferred one.
pub const REQUIRED_WEIGHT: f64 = 3.0;
pub const PREFERRED_WEIGHT: f64 = 1.0;
/// Successors listed per role.
pub const SUCCESSORS: usize = 5;
/// A natural next step at or above this score is reported as a promotion.
pub const PROMOTION_SCORE: f64 = 85.0;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    pub skill: SkillRef,
    /// `None`: not assessed.
    pub has: Option<Level>,
    pub needs: Level,
    pub importance: Importance,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleFit {
    pub role: RoleRef,
    /// 0-100.
    pub score: f64,
    pub required_gaps: u32,
    pub gaps: Vec<Gap>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberFit {
    pub member: MemberRef,
    /// Fit for the member's own role; `None` without a role.
    pub own_role: Option<RoleFit>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub member: MemberRef,
    pub current_role: Option<RoleRef>,
    pub score: f64,
    pub required_gaps: u32,
    /// The seeds' career links make this role a next step from theirs.
    pub natural_step: bool,
    /// No required skill below its minimum.
    pub ready: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleSuccession {
    pub role: RoleRef,
    pub candidates: Vec<Candidate>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Promotion {
    pub member: MemberRef,
    pub from: RoleRef,
    pub to: RoleRef,
    pub score: f64,
    pub ready: bool,
    pub gaps: Vec<Gap>,
}

/// A role's requirements resolved to matrix columns once, so scoring a
/// member is a walk over a few bytes.
pub struct CompiledRole<'w> {
    pub role: &'w Role,
    requirements: Vec<(Option<usize>, Level, f64)>,
    total_weight: f64,
}

impl<'w> CompiledRole<'w> {
    pub fn new(workspace: &Workspace, role: &'w Role) -> CompiledRole<'w> {
        let requirements: Vec<_> = role
            .requirements
            .iter()
            .map(|requirement| {
                let weight = match requirement.importance {
                    Importance::Required => REQUIRED_WEIGHT,
                    Importance::Preferred => PREFERRED_WEIGHT,
                };
                (
                    workspace.skill_index(&requirement.skill),
                    requirement.min_level,
                    weight,
                )
            })
            .collect();
        let total_weight = requirements.iter().map(|(_, _, weight)| weight).sum();
        CompiledRole {
            role,
            requirements,
            total_weight,
        }
    }

    /// The score (0-100) and the number of required skills short. A level
    /// above a minimum earns no more than meeting it, so strength in one
    /// skill never hides a gap in another.
    pub fn score(&self, workspace: &Workspace, member: usize) -> (f64, u32) {
        if self.total_weight == 0.0 {
            return (100.0, 0);
        }
        let row = workspace.levels.row(member);
        let mut earned = 0.0;
        let mut required_gaps = 0;
        for &(column, min, weight) in &self.requirements {
            let has = column.and_then(|column| row[column].level());
            let credit = match (has, min.get()) {
                (_, 0) => 1.0,
                (None, _) => 0.0,
                (Some(level), min) => f64::from(level.get().min(min)) / f64::from(min),
            };
            earned += credit * weight;
            if credit < 1.0 && weight == REQUIRED_WEIGHT {
                required_gaps += 1;
            }
        }
        (
            (100.0 * earned / self.total_weight * 10.0).round() / 10.0,
            required_gaps,
        )
    }

    pub fn fit(&self, workspace: &Workspace, member: usize) -> RoleFit {
        let (score, required_gaps) = self.score(workspace, member);
        let row = workspace.levels.row(member);
        let gaps = self
            .role
            .requirements
            .iter()
            .zip(&self.requirements)
            .filter_map(|(requirement, &(column, min, _))| {
                let has = column.and_then(|column| row[column].level());
                let short = min.get() > 0 && has.is_none_or(|level| level < min);
                short.then(|| Gap {
                    skill: skill_ref(workspace, &requirement.skill),
                    has,
                    needs: min,
                    importance: requirement.importance,
                })
            })
            .collect();
        RoleFit {
            role: RoleRef::new(self.role),
            score,
            required_gaps,
            gaps,
        }
    }
}

/// A skill a role names, tracked by the workspace or only in the library.
pub(crate) fn skill_ref(workspace: &Workspace, id: &crate::model::SkillId) -> SkillRef {
    workspace
        .skill(id)
        .or_else(|| crate::catalog::builtin().skill(id))
        .map_or_else(
            || SkillRef {
                id: id.0.clone(),
                name: id.0.clone(),
                kind: crate::model::SkillKind::Hard,
            },
            SkillRef::of,
        )
}

/// Whether `to` is a next step from `from` in either role's career links.
pub fn natural_step(from: &Role, to: &Role) -> bool {
    from.career
        .advancement_to
        .iter()
        .any(|link| link.role.as_ref() == Some(&to.id))
        || to
            .career
            .entry_from
            .iter()
            .any(|link| link.role.as_ref() == Some(&from.id))
}

/// Whether `later` can be reached from `earlier` by natural steps: proposing
/// someone in `later` for `earlier` would be a step back.
fn comes_after(roles: &[Role], earlier: &Role, later: &Role) -> bool {
    let mut frontier = vec![earlier];
    let mut seen = vec![earlier.id.clone()];
    while let Some(role) = frontier.pop() {
        for next in roles.iter().filter(|next| natural_step(role, next)) {
            if next.id == later.id {
                return true;
            }
            if !seen.contains(&next.id) {
                seen.push(next.id.clone());
                frontier.push(next);
            }
        }
    }
    false
}

pub struct FitResults {
    pub members: Vec<MemberFit>,
    pub succession: Vec<RoleSuccession>,
    pub promotions: Vec<Promotion>,
}

pub fn fit(scope: &Scope) -> FitResults {
    let workspace = scope.workspace;
    let compiled: Vec<CompiledRole> = workspace
        .roles
        .iter()
        .map(|role| CompiledRole::new(workspace, role))
        .collect();
    let own = |member: usize| {
        scope
            .role_of(member)
            .and_then(|role| compiled.iter().find(|c| c.role.id == role.id))
    };
    let members = scope
        .members
        .iter()
        .map(|&member| MemberFit {
            member: MemberRef::new(workspace, member),
            own_role: own(member).map(|role| role.fit(workspace, member)),
        })
        .collect();

    let mut succession = Vec::new();
    let mut promotions = Vec::new();
    let role_index = |role: &Role| {
        workspace
            .roles
            .iter()
            .position(|r| r.id == role.id)
            .expect("members' roles are the workspace's")
    };
    for target in compiled
        .iter()
        .filter(|role| !role.role.requirements.is_empty())
    {
        let behind: Vec<bool> = workspace
            .roles
            .iter()
            .map(|role| comes_after(&workspace.roles, target.role, role))
            .collect();
        // Cheap tuples first; names are looked up for the few kept.
        let mut ranked: Vec<(bool, bool, f64, usize, u32)> =
            Vec::with_capacity(scope.members.len());
        for &member in &scope.members {
            let current = scope.role_of(member);
            // Nobody is proposed for their own role or for a step back.
            if current.is_some_and(|role| role.id == target.role.id || behind[role_index(role)]) {
                continue;
            }
            let (score, required_gaps) = target.score(workspace, member);
            let natural = current.is_some_and(|role| natural_step(role, target.role));
            if natural && score >= PROMOTION_SCORE {
                let fit = target.fit(workspace, member);
                promotions.push(Promotion {
                    member: MemberRef::new(workspace, member),
                    from: RoleRef::new(current.expect("a natural step has a current role")),
                    to: RoleRef::new(target.role),
                    score,
                    ready: required_gaps == 0,
                    gaps: fit.gaps,
                });
            }
            ranked.push((required_gaps == 0, natural, score, member, required_gaps));
        }
        let names = &workspace.members;
        ranked.sort_by(|a, b| {
            (b.0, b.1)
                .cmp(&(a.0, a.1))
                .then(b.2.total_cmp(&a.2))
                .then_with(|| names[a.3].name.cmp(&names[b.3].name))
        });
        let candidates = ranked
            .into_iter()
            .take(SUCCESSORS)
            .map(
                |(ready, natural_step, score, member, required_gaps)| Candidate {
                    member: MemberRef::new(workspace, member),
                    current_role: scope.role_of(member).map(RoleRef::new),
                    score,
                    required_gaps,
                    natural_step,
                    ready,
                },
            )
            .collect();
        succession.push(RoleSuccession {
            role: RoleRef::new(target.role),
            candidates,
        });
    }
    promotions.sort_by(|a, b| {
        b.ready
            .cmp(&a.ready)
            .then(b.score.total_cmp(&a.score))
            .then_with(|| a.member.name.cmp(&b.member.name))
    });
    FitResults {
        members,
        succession,
        promotions,
    }
}
