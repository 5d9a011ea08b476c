//! Role fit: how well a member's levels meet a role's requirements, and who
//! is most ready for each role. Unknown is not zero: a fit is scored over
//! the requirements that are assessed, and says how many those are.

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

/// How much of a role a fit rests on: the requirements with a level on
/// record (a minimum of 0 is met either way).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub assessed: u32,
    pub requirements: u32,
    pub required_assessed: u32,
    pub required: u32,
}

impl Coverage {
    pub fn not_assessed(&self) -> u32 {
        self.requirements - self.assessed
    }

    /// Whether enough is assessed to judge: at least a third of the
    /// required skills (of all requirements when none is required).
    pub fn judgeable(&self) -> bool {
        if self.required > 0 {
            self.required_assessed * 3 >= self.required
        } else {
            self.assessed * 3 >= self.requirements
        }
    }

    /// `on 8 of 16 requirements (8 not assessed)`, or `on all 16
    /// requirements`.
    pub fn text(&self) -> String {
        if self.assessed == self.requirements {
            format!("on all {} requirements", self.requirements)
        } else {
            format!(
                "on {} of {} requirements ({} not assessed)",
                self.assessed,
                self.requirements,
                self.not_assessed()
            )
        }
    }
}

impl Serialize for Coverage {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut out = serializer.serialize_struct("Coverage", 5)?;
        out.serialize_field("assessed", &self.assessed)?;
        out.serialize_field("requirements", &self.requirements)?;
        out.serialize_field("required_assessed", &self.required_assessed)?;
        out.serialize_field("required", &self.required)?;
        out.serialize_field("judgeable", &self.judgeable())?;
        out.end()
    }
}

/// A member measured against a role.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// 0-100, over the assessed requirements.
    pub score: f64,
    /// Required skills assessed below their minimum.
    pub required_gaps: u32,
    pub coverage: Coverage,
}

impl Score {
    /// Meets every assessed required minimum, on enough to judge.
    pub fn ready(&self) -> bool {
        self.required_gaps == 0 && self.coverage.judgeable()
    }
}

/// A fit in words: `fit 100 on 8 of 16 requirements (8 not assessed)`, or
/// `too little assessed to judge (2 of 9 required skills)`.
pub fn fit_text(score: f64, coverage: &Coverage) -> String {
    if coverage.judgeable() {
        format!("fit {score:.0} {}", coverage.text())
    } else {
        format!(
            "too little assessed to judge ({} of {} required skills)",
            coverage.required_assessed, coverage.required
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleFit {
    pub role: RoleRef,
    /// 0-100, over the assessed requirements.
    pub score: f64,
    /// Required skills assessed below their minimum.
    pub required_gaps: u32,
    /// Short or not assessed; a gap with `has: None` is one to assess.
    pub gaps: Vec<Gap>,
    pub coverage: Coverage,
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
    /// No assessed required skill below its minimum, on enough to judge.
    pub ready: bool,
    pub coverage: Coverage,
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
    /// Ready on what is assessed; `coverage` says how much that is.
    pub ready: bool,
    /// Assessed below the minimum, then not assessed (to assess next).
    pub gaps: Vec<Gap>,
    pub coverage: Coverage,
}

/// Scores members against one role, from its requirements resolved to
/// matrix columns, so scoring a member is a walk over a few bytes.
pub struct CompiledRole<'s, 'w> {
    pub index: usize,
    pub role: &'w Role,
    requirements: &'s [ResolvedRequirement<'w>],
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
        }
    }

    /// The score (0-100) over the assessed requirements, the required
    /// skills assessed short, and how much was assessed. A level above a
    /// minimum earns no more than meeting it, so strength in one skill
    /// never hides a gap in another; a skill not assessed earns nothing
    /// and costs nothing.
    pub fn score(&self, workspace: &Workspace, member: usize) -> Score {
        let row = workspace.levels.row(member);
        let mut earned = 0.0;
        let mut assessed_weight = 0.0;
        let mut required_gaps = 0;
        let mut coverage = Coverage::default();
        for requirement in self.requirements {
            let required = requirement.importance == Importance::Required;
            coverage.requirements += 1;
            coverage.required += u32::from(required);
            let has = requirement.column.and_then(|column| row[column].level());
            let credit = match (has, requirement.min_level.get()) {
                (_, 0) => 1.0,
                (None, _) => continue,
                (Some(level), min) => f64::from(level.get().min(min)) / f64::from(min),
            };
            coverage.assessed += 1;
            coverage.required_assessed += u32::from(required);
            earned += credit * weight(requirement.importance);
            assessed_weight += weight(requirement.importance);
            if credit < 1.0 && required {
                required_gaps += 1;
            }
        }
        let score = if coverage.requirements == 0 {
            100.0
        } else if assessed_weight == 0.0 {
            0.0
        } else {
            (1000.0 * earned / assessed_weight).round() / 10.0
        };
        Score {
            score,
            required_gaps,
            coverage,
        }
    }

    pub fn fit(&self, scope: &Scope, member: usize) -> RoleFit {
        let Score {
            score,
            required_gaps,
            coverage,
        } = self.score(scope.workspace, member);
        let row = scope.workspace.levels.row(member);
        let mut gaps: Vec<Gap> = self
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
        // What is short first, then what is left to assess.
        gaps.sort_by_key(|gap| gap.has.is_none());
        RoleFit {
            role: scope.role_ref(self.index),
            score,
            required_gaps,
            gaps,
            coverage,
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
            let measured = target.score(workspace, member);
            let natural_step = current.is_some_and(|role| natural[role]);
            let promising = measured.score >= PROMOTION_SCORE && measured.coverage.judgeable();
            if let Some(current) = current.filter(|_| natural_step && promising) {
                promotions.push(Promotion {
                    member: scope.member_ref(member),
                    from: scope.role_ref(current),
                    to: scope.role_ref(target.index),
                    score: measured.score,
                    ready: measured.ready(),
                    gaps: target.fit(scope, member).gaps,
                    coverage: measured.coverage,
                });
            }
            ranked.push(Ranked {
                ready: measured.ready(),
                natural_step,
                judgeable: measured.coverage.judgeable(),
                score: measured.score,
                member,
                required_gaps: measured.required_gaps,
                coverage: measured.coverage,
            });
        }
        let names = &workspace.members;
        // Score first, coverage to break ties; a score on too little
        // assessed ranks below every score that can be judged.
        let order = |a: &Ranked, b: &Ranked| {
            (b.ready, b.judgeable, b.natural_step)
                .cmp(&(a.ready, a.judgeable, a.natural_step))
                .then(b.score.total_cmp(&a.score))
                .then(b.coverage.assessed.cmp(&a.coverage.assessed))
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
                coverage: ranked.coverage,
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
            .then(b.coverage.assessed.cmp(&a.coverage.assessed))
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
    judgeable: bool,
    score: f64,
    member: usize,
    required_gaps: u32,
    coverage: Coverage,
}
