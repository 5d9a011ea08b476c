//! Generated rosters of any size, for benchmarks and scale tests. Seeded
//! and deterministic, so a figure measured today can be measured again.

use crate::catalog::Catalog;
use crate::model::{Cell, Level, Member, Skill, SkillId, SkillKind, Workspace};

/// A small xorshift generator: enough spread for test data, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// Uniform in `0..bound` (bound > 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }
}

/// A roster of `members` x `skills`: the library's skills first, then
/// numbered custom ones; teams of eight, each with a manager; levels spread
/// like a real assessment, with some cells not assessed and some interest.
pub fn roster(catalog: &Catalog, members: usize, skills: usize, seed: u64) -> Workspace {
    let mut rng = Rng::new(seed);
    let mut workspace = Workspace::with_roles(catalog.roles.clone());
    for index in 0..skills {
        let skill = match catalog.skills.get(index) {
            Some(skill) => skill.clone(),
            None => {
                let kind = if index % 3 == 0 {
                    SkillKind::Soft
                } else {
                    SkillKind::Hard
                };
                Skill::custom(
                    SkillId(format!("skill-{index}")),
                    &format!("Skill {index}"),
                    kind,
                )
            }
        };
        workspace.skills.push(skill);
    }
    workspace.levels = crate::model::LevelMatrix::new(0, skills);
    let roles = &catalog.roles;
    for index in 0..members {
        let team = index / 8;
        let lead = team * 8;
        let mut member = Member::new(&format!("Member {index:06}"));
        member.email = Some(format!("member.{index}@example.com"));
        member.team = Some(format!("Team {team}"));
        member.role = Some(roles[rng.below(roles.len() as u64) as usize].id.clone());
        if index != lead {
            member.manager = Some(format!("Member {lead:06}"));
        }
        member.fte = [1.0, 1.0, 1.0, 0.8, 0.5][rng.below(5) as usize];
        member.location =
            Some(["Berlin", "Lisbon", "Toronto", "Remote"][rng.below(4) as usize].to_string());
        member.years = Some(rng.below(25) as f64);
        let row = workspace.push_member(member);
        for (skill, cell) in workspace.levels.row_mut(row).iter_mut().enumerate() {
            let roll = rng.below(100);
            let level = match roll {
                0..=7 => None,
                8..=27 => Some(Level::NONE),
                28..=49 => Some(Level::AWARENESS),
                50..=74 => Some(Level::WORKING),
                75..=92 => Some(Level::PROFICIENT),
                _ => Some(Level::EXPERT),
            };
            let interest = rng.next_u64().wrapping_add(skill as u64).is_multiple_of(20);
            *cell = Cell::new(level, interest);
        }
    }
    workspace
}
