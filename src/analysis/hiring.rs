//! The hiring plan: upskilling first, then manager hires for span breaches,
//! then the hires that close the most bench deficit per dollar.

use super::gaps::SkillGap;
use super::scope::{MemberRef, RoleRef, Scope, SkillRef};
use super::span::{SpanBreach, SpanIssue};
use crate::model::{Level, Role, Settings};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Upskilling {
    pub member: MemberRef,
    pub skill: SkillRef,
    pub has: Level,
    pub needs: Level,
}

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
}

pub fn hiring_plan(
    scope: &Scope,
    gaps: &[SkillGap],
    breaches: &[SpanBreach],
    settings: &Settings,
    budget: Option<f64>,
) -> HiringPlan {
    let workspace = scope.workspace;
    let lead = settings.lead_level;
    let mut deficits: Vec<(SkillRef, u32)> = gaps
        .iter()
        .filter(|gap| gap.bench_deficit > 0 && gap.assessed > 0)
        .map(|gap| (gap.skill.clone(), gap.bench_deficit))
        .collect();

    let mut upskilling = Vec::new();
    for (skill, _) in &deficits {
        let Some(column) = workspace
            .skills
            .iter()
            .position(|s| s.id.as_str() == &*skill.id)
        else {
            continue;
        };
        for &member in &scope.members {
            let cell = workspace.cell(member, column);
            if cell.interest()
                && let Some(has) = cell.level()
                && has.get() + 1 == lead.get()
            {
                upskilling.push(Upskilling {
                    member: scope.member_ref(member),
                    skill: skill.clone(),
                    has,
                    needs: lead,
                });
            }
        }
    }

    let brings = |role: &Role, skill: &SkillRef| {
        role.requirements
            .iter()
            .any(|r| r.skill.as_str() == &*skill.id && r.min_level >= lead)
    };
    let mut plan = HiringPlan {
        upskilling,
        hires: Vec::new(),
        total: Cost::default(),
        budget,
        stopped_by_budget: false,
        open_deficits: Vec::new(),
    };
    let add_hire = |plan: &mut HiringPlan,
                    role: &Role,
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
            if *open > 0 && brings(role, skill) {
                *open -= 1;
                closes.push(skill.clone());
            }
        }
        plan.total = plan.total + cost;
        plan.hires.push(Hire {
            rank: plan.hires.len() as u32 + 1,
            role: RoleRef::new(role),
            reason,
            closes,
            cost,
            currency: band.currency.clone(),
            estimated_cost: band.estimated,
            running_total: plan.total.mid,
        });
        true
    };

    for breach in breaches.iter().filter(|b| b.issue == SpanIssue::Over) {
        let Some(role) = workspace
            .roles
            .iter()
            .find(|r| r.id.as_str() == &*breach.role.id)
        else {
            continue;
        };
        // Enough managers of the same role to bring everyone within span.
        let needed = breach
            .directs
            .div_ceil(breach.span_max.max(1))
            .saturating_sub(1);
        for _ in 0..needed {
            let reason = HireReason::SpanOfControl {
                manager: breach.manager.clone(),
                directs: breach.directs,
                span_max: breach.span_max,
            };
            add_hire(&mut plan, role, reason, &mut deficits);
        }
    }

    loop {
        if deficits.iter().all(|(_, open)| *open == 0) {
            break;
        }
        // The role closing the most open deficit per dollar of midpoint;
        // ties go to the one closing more, then to library order.
        let best = workspace
            .roles
            .iter()
            .filter_map(|role| {
                let band = role.salary.as_ref()?;
                let closes = deficits
                    .iter()
                    .filter(|(skill, open)| *open > 0 && brings(role, skill))
                    .count();
                (closes > 0 && band.midpoint() > 0.0)
                    .then(|| (closes as f64 / band.midpoint(), closes, role))
            })
            .max_by(|a, b| {
                a.0.total_cmp(&b.0)
                    .then(a.1.cmp(&b.1))
                    .then(std::cmp::Ordering::Greater)
            });
        let Some((_, _, role)) = best else {
            break;
        };
        if !add_hire(&mut plan, role, HireReason::Skills, &mut deficits) {
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
