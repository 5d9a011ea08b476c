//! Role fit: how well a member's levels of record meet a role's
//! requirements, and who is most ready for each role.
//!
//! The score, out of 100: the required skills share 80 points and the
//! preferred 20 (a role with only one kind gives it all 100); a skill met
//! earns its full share, one a level short half of it, and one further
//! short or not assessed nothing. So the score and "meets N of M required"
//! tell one story: meeting under half the required skills scores under 80,
//! which never reads as a good fit. A skill not assessed is listed to
//! assess, never as level 0.

use super::scope::{MemberRef, ResolvedRequirement, RoleRef, Scope, SkillRef};
use crate::model::{Importance, Level, Role};
use serde::Serialize;

/// The required skills' share of the score when a role has both kinds.
pub const REQUIRED_WEIGHT: f64 = 80.0;
pub const PREFERRED_WEIGHT: f64 = 20.0;
/// A fit at or above this, with no required skill assessed short, is ready.
pub const GOOD_FIT: f64 = 80.0;
/// Successors listed per role.
pub const SUCCESSORS: usize = 5;
/// A natural next step at or above this score is listed as one to step up
/// to (ready once it is a good fit with nothing short).
pub const PROMOTION_SCORE: f64 = 70.0;

/// The formula, for the views and the report to state.
pub const FIT_FORMULA: &str = "Fit out of 100: required skills share 80 points, preferred 20 \
     (all 100 when a role has only one kind); a skill met earns its share, one level short half \
     of it, further short or not assessed nothing. Ready: no required skill short and fit 80 or \
     more.";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    pub skill: SkillRef,
    /// `None`: not assessed.
    pub has: Option<Level>,
    pub needs: Level,
    pub importance: Importance,
}

/// How much of a role a fit rests on: the requirements with a level on
/// record (a minimum of 0 is met either way), and how many required skills
/// are met.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub assessed: u32,
    pub requirements: u32,
    pub required_assessed: u32,
    pub required: u32,
    /// Required skills at or above their minimum.
    pub required_met: u32,
}

impl Coverage {
    pub fn not_assessed(&self) -> u32 {
        self.requirements - self.assessed
    }

    /// Required skills assessed below their minimum.
    pub fn required_short(&self) -> u32 {
        self.required_assessed - self.required_met.min(self.required_assessed)
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

    /// `meets 10 of 24 required (6 short, 8 not assessed)`, or `meets all
    /// 24 required`; for a role with nothing required, over all of it.
    pub fn text(&self) -> String {
        if self.required == 0 {
            return if self.assessed == self.requirements {
                format!("on all {} requirements", self.requirements)
            } else {
                format!(
                    "on {} of {} requirements ({} not assessed)",
                    self.assessed,
                    self.requirements,
                    self.not_assessed()
                )
            };
        }
        if self.required_met == self.required {
            return format!("meets all {} required", self.required);
        }
        let mut parts = Vec::new();
        if self.required_short() > 0 {
            parts.push(format!("{} short", self.required_short()));
        }
        let unassessed = self.required - self.required_assessed;
        if unassessed > 0 {
            parts.push(format!("{unassessed} not assessed"));
        }
        format!(
            "meets {} of {} required ({})",
            self.required_met,
            self.required,
            parts.join(", ")
        )
    }
}

impl Serialize for Coverage {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut out = serializer.serialize_struct("Coverage", 6)?;
        out.serialize_field("assessed", &self.assessed)?;
        out.serialize_field("requirements", &self.requirements)?;
        out.serialize_field("required_assessed", &self.required_assessed)?;
        out.serialize_field("required", &self.required)?;
        out.serialize_field("required_met", &self.required_met)?;
        out.serialize_field("judgeable", &self.judgeable())?;
        out.end()
    }
}

/// A member measured against a role.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// 0-100 by the formula above.
    pub score: f64,
    /// Required skills assessed below their minimum.
    pub required_gaps: u32,
    pub coverage: Coverage,
}

impl Score {
    /// No required skill assessed short, and a good fit.
    pub fn ready(&self) -> bool {
        self.required_gaps == 0 && self.score >= GOOD_FIT
    }
}

/// A fit in words: `fit 46, meets 10 of 24 required (6 short, 8 not
/// assessed)`, or `too little assessed to judge (2 of 9 required skills)`.
pub fn fit_text(score: f64, coverage: &Coverage) -> String {
    if coverage.judgeable() {
        format!("fit {score:.0}, {}", coverage.text())
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

impl<'s, 'w> CompiledRole<'s, 'w> {
    pub fn new(scope: &'s Scope<'w>, index: usize) -> CompiledRole<'s, 'w> {
        let requirements = &scope.requirements[index][..];
        CompiledRole {
            index,
            role: &scope.workspace.roles[index],
            requirements,
        }
    }

    /// The member's score against the role by the formula above, from
    /// their levels of record on the scope's day.
    pub fn score(&self, scope: &Scope, member: usize) -> Score {
        let row = scope.row(member);
        let mut coverage = Coverage::default();
        let mut required_gaps = 0;
        // Earned credit and count, required then preferred.
        let mut earned = [0.0f64; 2];
        let mut counted = [0u32; 2];
        for requirement in self.requirements {
            let required = requirement.importance == Importance::Required;
            let kind = usize::from(!required);
            coverage.requirements += 1;
            coverage.required += u32::from(required);
            counted[kind] += 1;
            let has = requirement.column.and_then(|column| row[column].level());
            let min = requirement.min_level.get();
            let credit = match has {
                _ if min == 0 => 1.0,
                None => continue,
                Some(level) if level.get() >= min => 1.0,
                Some(level) if level.get() + 1 == min => 0.5,
                Some(_) => 0.0,
            };
            coverage.assessed += 1;
            coverage.required_assessed += u32::from(required);
            earned[kind] += credit;
            if required {
                if credit < 1.0 {
                    required_gaps += 1;
                } else {
                    coverage.required_met += 1;
                }
            }
        }
        let share = |kind: usize| earned[kind] / f64::from(counted[kind]);
        let score = match (counted[0] > 0, counted[1] > 0) {
            (false, false) => 100.0,
            (true, false) => 100.0 * share(0),
            (false, true) => 100.0 * share(1),
            (true, true) => REQUIRED_WEIGHT * share(0) + PREFERRED_WEIGHT * share(1),
        };
        Score {
            score: (score * 10.0).round() / 10.0,
            required_gaps,
            coverage,
        }
    }

    pub fn fit(&self, scope: &Scope, member: usize) -> RoleFit {
        let Score {
            score,
            required_gaps,
            coverage,
        } = self.score(scope, member);
        let row = scope.row(member);
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
            let measured = target.score(scope, member);
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
