//! Role fit: how well a member's levels meet a role's requirements, and who
//! is most ready for each role.

use super::scope::{MemberRef, ResolvedRequirement, RoleRef, Scope, SkillRef};
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

/// Scores members against one role, from its requirements resolved to
/// matrix columns, so scoring a member is a walk over a few bytes.
pub struct CompiledRole<'s, 'w> {
    pub index: usize,
    pub role: &'w Role,
    requirements: &'s [ResolvedRequirement<'w>],
    total_weight: f64,
}

fn weight(importance: Importance) -> f64 {
    match importance {
        Importance::Required => REQUIRED_WEIGHT,
        Importance::Preferred => PREFERRED_WEIGHT,
    }
}

impl<'s, 'w> CompiledRole<'s, 'w> {
    pub fn new(scope: &'s Scope<'w>, index: usize) -> CompiledRole<'s, 'w> {
        let requirements = &scope.requirements[index][..];
        CompiledRole {
            index,
            role: &scope.workspace.roles[index],
            requirements,
            total_weight: requirements.iter().map(|r| weight(r.importance)).sum(),
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
        for requirement in self.requirements {
            let has = requirement.column.and_then(|column| row[column].level());
            let credit = match (has, requirement.min_level.get()) {
                (_, 0) => 1.0,
                (None, _) => 0.0,
                (Some(level), min) => f64::from(level.get().min(min)) / f64::from(min),
            };
            earned += credit * weight(requirement.importance);
            if credit < 1.0 && requirement.importance == Importance::Required {
                required_gaps += 1;
            }
        }
        (
            (1000.0 * earned / self.total_weight).round() / 10.0,
            required_gaps,
        )
    }

    pub fn fit(&self, scope: &Scope, member: usize) -> RoleFit {
        let (score, required_gaps) = self.score(scope.workspace, member);
        let row = scope.workspace.levels.row(member);
        let gaps = self
            .requirements
            .iter()
            .filter_map(|requirement| {
                let has = requirement.column.and_then(|column| row[column].level());
                let short = requirement.min_level.get() > 0
                    && has.is_none_or(|level| level < requirement.min_level);
                short.then(|| Gap {
                    skill: requirement.skill_ref.clone(),
                    has,
                    needs: requirement.min_level,
                    importance: requirement.importance,
                })
            })
            .collect();
        RoleFit {
            role: scope.role_ref(self.index),
            score,
            required_gaps,
            gaps,
        }
    }
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
    let compiled: Vec<CompiledRole> = (0..workspace.roles.len())
        .map(|index| CompiledRole::new(scope, index))
        .collect();
    let members = scope
        .members
        .iter()
        .map(|&member| MemberFit {
            member: scope.member_ref(member),
            own_role: scope
                .role_index_of(member)
                .map(|role| compiled[role].fit(scope, member)),
        })
        .collect();

    let mut succession = Vec::new();
    let mut promotions = Vec::new();
    for target in compiled
        .iter()
        .filter(|role| !role.role.requirements.is_empty())
    {
        let behind: Vec<bool> = workspace
            .roles
            .iter()
            .map(|role| comes_after(&workspace.roles, target.role, role))
            .collect();
        let natural: Vec<bool> = workspace
            .roles
            .iter()
            .map(|role| natural_step(role, target.role))
            .collect();
        // Cheap tuples first; names are looked up for the few kept.
        let mut ranked: Vec<Ranked> = Vec::with_capacity(scope.members.len());
        for &member in &scope.members {
            let current = scope.role_index_of(member);
            // Nobody is proposed for their own role or for a step back.
            if current.is_some_and(|role| role == target.index || behind[role]) {
                continue;
            }
            let (score, required_gaps) = target.score(workspace, member);
            let natural_step = current.is_some_and(|role| natural[role]);
            if let Some(current) = current.filter(|_| natural_step && score >= PROMOTION_SCORE) {
                promotions.push(Promotion {
                    member: scope.member_ref(member),
                    from: scope.role_ref(current),
                    to: scope.role_ref(target.index),
                    score,
                    ready: required_gaps == 0,
                    gaps: target.fit(scope, member).gaps,
                });
            }
            ranked.push(Ranked {
                ready: required_gaps == 0,
                natural_step,
                score,
                member,
                required_gaps,
            });
        }
        let names = &workspace.members;
        let order = |a: &Ranked, b: &Ranked| {
            (b.ready, b.natural_step)
                .cmp(&(a.ready, a.natural_step))
                .then(b.score.total_cmp(&a.score))
                .then_with(|| names[a.member].name.cmp(&names[b.member].name))
        };
        if ranked.len() > SUCCESSORS {
            ranked.select_nth_unstable_by(SUCCESSORS, order);
            ranked.truncate(SUCCESSORS);
        }
        ranked.sort_by(order);
        let candidates = ranked
            .into_iter()
            .map(|ranked| Candidate {
                member: scope.member_ref(ranked.member),
                current_role: scope
                    .role_index_of(ranked.member)
                    .map(|role| scope.role_ref(role)),
                score: ranked.score,
                required_gaps: ranked.required_gaps,
                natural_step: ranked.natural_step,
                ready: ranked.ready,
            })
            .collect();
        succession.push(RoleSuccession {
            role: scope.role_ref(target.index),
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

struct Ranked {
    ready: bool,
    natural_step: bool,
    score: f64,
    member: usize,
    required_gaps: u32,
}
