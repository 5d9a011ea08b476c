//! The hiring plan: upskilling first (each with a mentor, and counted: one
//! who grows is one hire fewer), then manager hires for span breaches, then
//! the hires that close the most bench deficit per dollar. A skill deficit
//! is closed by an individual contributor, a specialist when no library IC
//! role brings the skill; manager roles only for people-management skills.

use super::gaps::SkillGap;
use super::scope::{MemberRef, RoleRef, Scope, SkillRef};
use super::span::{SpanBreach, SpanIssue};
use crate::model::{Level, Role, Settings, Track};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Upskilling {
    pub member: MemberRef,
    pub skill: SkillRef,
    pub has: Level,
    pub needs: Level,
    /// Who teaches it: the team's most skilled (4 where there is one) with
    /// free capacity, never someone who reports to the learner, at most
    /// three mentees each. `None`: no mentor on the team.
    pub mentor: Option<MemberRef>,
    /// No one on the team can teach it, but a hire in the plan brings the
    /// skill and mentors them once in post.
    pub mentored_by_hire: bool,
    /// Counted in the plan: one hire fewer is needed if they grow.
    pub counted: bool,
    /// The member already has a development target in the skill: its
    /// level and date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targeted: Option<(Level, crate::model::Date)>,
    /// The project they practise the skill on, as a learner beside a
    /// mentor, when the staffing places them on one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub practice: Option<String>,
}

/// Mentees one mentor takes at most.
pub const MENTEES_EACH: usize = 3;
/// Free FTE a mentor needs: about half a day a week.
pub const MENTOR_FTE: f64 = 0.1;

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Cost {
    pub low: f64,
    pub mid: f64,
    pub high: f64,
}

impl std::ops::Add for Cost {
    type Output = Cost;

    fn add(self, other: Cost) -> Cost {
        Cost {
            low: self.low + other.low,
            mid: self.mid + other.mid,
            high: self.high + other.high,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HireReason {
    /// A manager over span: the new manager takes some of the reports.
    SpanOfControl {
        manager: MemberRef,
        directs: u32,
        span_max: u32,
    },
    /// Closes bench deficits.
    Skills,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hire {
    pub rank: u32,
    pub role: RoleRef,
    /// An IC role with this skill added as its specialty, at the lead
    /// level: no library IC role brings the skill itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub specialist: Option<(SkillRef, Level)>,
    pub reason: HireReason,
    /// Deficit skills this hire brings at the "can lead" level.
    pub closes: Vec<SkillRef>,
    pub cost: Cost,
    pub currency: String,
    /// The band is an assumption, not a figure from the seeds.
    pub estimated_cost: bool,
    /// Midpoint costs of this and every earlier hire.
    pub running_total: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpenDeficit {
    pub skill: SkillRef,
    pub people: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HiringPlan {
    /// Members one level short of a deficit skill who want to grow in it:
    /// worth asking before hiring (the plan does not count on them).
    pub upskilling: Vec<Upskilling>,
    pub hires: Vec<Hire>,
    pub total: Cost,
    pub budget: Option<f64>,
    /// The budget ran out before every deficit was closed.
    pub stopped_by_budget: bool,
    /// Deficits left after the plan (by budget, or no library role brings them).
    pub open_deficits: Vec<OpenDeficit>,
    /// How many hires the plan would make if nobody counted on grew.
    pub hires_without_upskilling: u32,
    /// Deficit skills with nobody to mentor a learner: hired for instead.
    pub no_mentor: Vec<SkillRef>,
    /// Reports to move before any span hire, at no cost.
    pub rebalance: Vec<super::rebalance::ReportMove>,
}

/// What the plan is built from besides the gaps: span breaches and each
/// member's free FTE (their FTE less their heaviest quarter's bookings).
pub struct HiringInputs<'a> {
    pub breaches: &'a [SpanBreach],
    /// Moves between managers proposed first: span hires cover the rest.
    pub moves: &'a [super::rebalance::ReportMove],
    pub free_fte: &'a [f64],
    pub budget: Option<f64>,
}

pub fn hiring_plan(
    scope: &Scope,
    gaps: &[SkillGap],
    inputs: &HiringInputs,
    settings: &Settings,
) -> HiringPlan {
    let lead = settings.lead_level;
    let deficits: Vec<(SkillRef, u32)> = gaps
        .iter()
        .filter(|gap| gap.bench_deficit > 0 && gap.assessed > 0)
        .map(|gap| (gap.skill.clone(), gap.bench_deficit))
        .collect();

    let (upskilling, no_mentor) = upskilling(scope, &deficits, inputs.free_fte, lead);
    // Each learner with a mentor is counted: one fewer to hire.
    let mut counted_deficits = deficits.clone();
    for option in upskilling.iter().filter(|option| option.counted) {
        if let Some((_, open)) = counted_deficits
            .iter_mut()
            .find(|(skill, _)| skill.id == option.skill.id)
        {
            *open = open.saturating_sub(1);
        }
    }
    let without = hires(scope, deficits.clone(), inputs, lead);
    let mut upskilling = upskilling;
    let mut plan = hires(scope, counted_deficits.clone(), inputs, lead);
    // A learner with no mentor on the team is taught by the hire who
    // brings the skill, so one hire and one learner close a bench of two.
    let mut taught = false;
    for option in upskilling
        .iter_mut()
        .filter(|option| option.mentor.is_none())
    {
        let hired = plan
            .hires
            .iter()
            .any(|hire| hire.closes.iter().any(|skill| skill.id == option.skill.id));
        let Some((_, open)) = counted_deficits
            .iter_mut()
            .find(|(skill, open)| skill.id == option.skill.id && *open > 1)
        else {
            continue;
        };
        if hired {
            *open -= 1;
            option.mentored_by_hire = true;
            option.counted = true;
            taught = true;
        }
    }
    if taught {
        plan = hires(scope, counted_deficits, inputs, lead);
    }
    plan.hires_without_upskilling = without.hires.len() as u32;
    plan.no_mentor = no_mentor
        .into_iter()
        .filter(|skill| {
            !upskilling
                .iter()
                .any(|option| option.mentored_by_hire && option.skill.id == skill.id)
        })
        .collect();
    plan.upskilling = upskilling;
    plan
}

/// Members one level short of a deficit skill who want to grow in it,
/// each with a mentor where the team has one.
fn upskilling(
    scope: &Scope,
    deficits: &[(SkillRef, u32)],
    free_fte: &[f64],
    lead: Level,
) -> (Vec<Upskilling>, Vec<SkillRef>) {
    let workspace = scope.workspace;
    let managers = scope.managers();
    let mut mentees = vec![0usize; workspace.members.len()];
    let mut options = Vec::new();
    let mut no_mentor = Vec::new();
    for (skill, deficit) in deficits {
        let Some(column) = workspace
            .skills
            .iter()
            .position(|s| s.id.as_str() == &*skill.id)
        else {
            continue;
        };
        let mut counted = 0;
        for &member in &scope.members {
            let cell = scope.cell(member, column);
            let Some(has) = cell.level() else {
                continue;
            };
            let targeted = workspace.members[member]
                .development
                .target_for(&workspace.skills[column].id)
                .map(|target| (target.level, target.by));
            // A target is an intent to grow, as the interest flag is.
            let wants = cell.interest() || targeted.is_some_and(|(level, _)| level >= lead);
            if !wants || has.get() + 1 != lead.get() {
                continue;
            }
            let mentor = mentor_for(scope, member, column, free_fte, &mentees, managers);
            if let Some(mentor) = mentor {
                mentees[mentor] += 1;
            } else if !no_mentor.iter().any(|s: &SkillRef| s.id == skill.id) {
                no_mentor.push(skill.clone());
            }
            let counts = mentor.is_some() && counted < *deficit;
            counted += u32::from(counts);
            options.push(Upskilling {
                member: scope.member_ref(member),
                skill: skill.clone(),
                has,
                needs: lead,
                mentor: mentor.map(|mentor| scope.member_ref(mentor)),
                mentored_by_hire: false,
                counted: counts,
                targeted,
                practice: None,
            });
        }
    }
    (options, no_mentor)
}

/// The member best placed to teach `column` to `learner`: the highest
/// level on the team (above the learner's), free capacity, fewer than
/// `MENTEES_EACH` mentees, and not in the learner's own reporting line.
fn mentor_for(
    scope: &Scope,
    learner: usize,
    column: usize,
    free_fte: &[f64],
    mentees: &[usize],
    managers: &[Result<usize, u32>],
) -> Option<usize> {
    let learner_level = scope.level(learner, column)?;
    scope
        .members
        .iter()
        .copied()
        // A planned hire mentors too: they are the new hire in post.
        .filter(|&member| member != learner)
        .filter(|&member| mentees[member] < MENTEES_EACH)
        .filter(|&member| free_fte.get(member).copied().unwrap_or(0.0) >= MENTOR_FTE)
        .filter(|&member| !reports_to(managers, member, learner))
        .filter_map(|member| {
            let level = scope.level(member, column)?;
            (level > learner_level).then_some((level, member))
        })
        // Highest level, then fewest mentees, then roster order.
        .max_by(|a, b| {
            a.0.cmp(&b.0)
                .then(mentees[b.1].cmp(&mentees[a.1]))
                .then(b.1.cmp(&a.1))
        })
        .map(|(_, member)| member)
}

/// Whether `member` reports to `manager`, directly or further down.
fn reports_to(managers: &[Result<usize, u32>], member: usize, manager: usize) -> bool {
    let mut current = member;
    // Bounded: a cycle in the manager column ends the walk.
    for _ in 0..managers.len() {
        match managers.get(current) {
            Some(Ok(next)) if *next == manager => return true,
            Some(Ok(next)) => current = *next,
            _ => return false,
        }
    }
    false
}

/// A deficit only a manager should close: a management or leadership skill
/// that no individual-contributor role present requires at the lead level.
fn needs_a_manager(scope: &Scope, skill: &SkillRef, lead: Level) -> bool {
    let workspace = scope.workspace;
    let category = workspace
        .skills
        .iter()
        .find(|s| s.id.as_str() == &*skill.id)
        .map_or("", |s| s.category.as_str());
    if !matches!(category, "Management" | "Leadership") {
        return false;
    }
    !scope.members.iter().any(|&member| {
        scope.role_index_of(member).is_some_and(|role| {
            let role = &workspace.roles[role];
            role.track == Track::Ic
                && role
                    .requirements
                    .iter()
                    .any(|r| r.skill.as_str() == &*skill.id && r.min_level >= lead)
        })
    })
}

/// The senior grade a specialist is hired at: the cheapest IC role that
/// expects an expert level in some skill (a specialist leads theirs).
fn specialist_base(roles: &[Role]) -> Option<&Role> {
    roles
        .iter()
        .filter(|role| role.track == Track::Ic && role.salary.is_some())
        .filter(|role| {
            role.requirements
                .iter()
                .any(|r| r.min_level == Level::EXPERT)
        })
        .min_by(|a, b| {
            let mid = |role: &Role| role.salary.as_ref().map_or(0.0, |band| band.midpoint());
            mid(a).total_cmp(&mid(b))
        })
}

/// The hires for span breaches, then for `deficits`.
fn hires(
    scope: &Scope,
    mut deficits: Vec<(SkillRef, u32)>,
    inputs: &HiringInputs,
    lead: Level,
) -> HiringPlan {
    let workspace = scope.workspace;
    let budget = inputs.budget;
    let manager_only: Vec<bool> = deficits
        .iter()
        .map(|(skill, _)| needs_a_manager(scope, skill, lead))
        .collect();
    let brings = |role: &Role, skill: &SkillRef| {
        role.requirements
            .iter()
            .any(|r| r.skill.as_str() == &*skill.id && r.min_level >= lead)
    };
    let mut plan = HiringPlan {
        upskilling: Vec::new(),
        hires: Vec::new(),
        total: Cost::default(),
        budget,
        stopped_by_budget: false,
        open_deficits: Vec::new(),
        hires_without_upskilling: 0,
        no_mentor: Vec::new(),
        rebalance: inputs.moves.to_vec(),
    };
    // Whether `role` may close deficit `index`: managers for management
    // skills, individual contributors for the rest.
    let suits = |role: &Role, index: usize| (role.track == Track::Manager) == manager_only[index];
    let add_hire = |plan: &mut HiringPlan,
                    role: &Role,
                    specialist: Option<&SkillRef>,
                    reason: HireReason,
                    deficits: &mut Vec<(SkillRef, u32)>|
     -> bool {
        let Some(band) = &role.salary else {
            return false;
        };
        let cost = Cost {
            low: band.min,
            mid: band.midpoint(),
            high: band.max,
        };
        if budget.is_some_and(|budget| plan.total.mid + cost.mid > budget) {
            plan.stopped_by_budget = true;
            return false;
        }
        let mut closes = Vec::new();
        for (skill, open) in deficits.iter_mut() {
            let special = specialist.is_some_and(|special| special.id == skill.id);
            if *open > 0 && (special || brings(role, skill)) {
                *open -= 1;
                closes.push(skill.clone());
            }
        }
        plan.total = plan.total + cost;
        plan.hires.push(Hire {
            rank: plan.hires.len() as u32 + 1,
            role: RoleRef::new(role),
            specialist: specialist.map(|skill| (skill.clone(), lead)),
            reason,
            closes,
            cost,
            currency: band.currency.clone(),
            estimated_cost: band.estimated,
            running_total: plan.total.mid,
        });
        true
    };

    let moved = super::rebalance::moved_from(inputs.moves, workspace.members.len());
    for breach in inputs
        .breaches
        .iter()
        .filter(|b| b.issue == SpanIssue::Over)
    {
        let Some(role) = workspace
            .roles
            .iter()
            .find(|r| r.id.as_str() == &*breach.role.id)
        else {
            continue;
        };
        // Enough managers of the same role to bring everyone within span,
        // once the rebalancing moves are made.
        let directs = breach.directs - moved[breach.manager.index].min(breach.directs);
        let needed = directs.div_ceil(breach.span_max.max(1)).saturating_sub(1);
        for _ in 0..needed {
            let reason = HireReason::SpanOfControl {
                manager: breach.manager.clone(),
                directs: breach.directs,
                span_max: breach.span_max,
            };
            add_hire(&mut plan, role, None, reason, &mut deficits);
        }
    }

    loop {
        if deficits.iter().all(|(_, open)| *open == 0) {
            break;
        }
        // The suitable role closing the most open deficit per dollar of
        // midpoint; ties go to the one closing more, then library order.
        let best = workspace
            .roles
            .iter()
            .filter_map(|role| {
                let band = role.salary.as_ref()?;
                let closes = deficits
                    .iter()
                    .enumerate()
                    .filter(|(index, (skill, open))| {
                        *open > 0 && suits(role, *index) && brings(role, skill)
                    })
                    .count();
                (closes > 0 && band.midpoint() > 0.0)
                    .then(|| (closes as f64 / band.midpoint(), closes, role))
            })
            .max_by(|a, b| {
                a.0.total_cmp(&b.0)
                    .then(a.1.cmp(&b.1))
                    .then(std::cmp::Ordering::Greater)
            });
        let added = match best {
            Some((_, _, role)) => {
                add_hire(&mut plan, role, None, HireReason::Skills, &mut deficits)
            }
            None => {
                // No suitable library role brings what is left: a specialist
                // for the first open IC deficit.
                let open = deficits
                    .iter()
                    .enumerate()
                    .find(|(index, (_, open))| *open > 0 && !manager_only[*index]);
                match (open, specialist_base(&workspace.roles)) {
                    (Some((_, (skill, _))), Some(base)) => {
                        let skill = skill.clone();
                        add_hire(
                            &mut plan,
                            base,
                            Some(&skill),
                            HireReason::Skills,
                            &mut deficits,
                        )
                    }
                    _ => false,
                }
            }
        };
        if !added {
            break;
        }
    }
    plan.open_deficits = deficits
        .into_iter()
        .filter(|(_, open)| *open > 0)
        .map(|(skill, people)| OpenDeficit { skill, people })
        .collect();
    plan
}
