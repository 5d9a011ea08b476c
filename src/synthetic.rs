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

/// An organisation kept for a year, for scale: `roster`, then four dated
/// rounds (the first rates every assessed cell, the others move one cell
/// in twenty), self ratings waiting for review, targets and certificates
/// for a tenth of members, two weeks' leave for a tenth, public holidays
/// at every location, a tenth leaving or changing FTE, and `projects`
/// projects over the year ahead.
pub fn organisation(
    catalog: &Catalog,
    members: usize,
    skills: usize,
    projects: usize,
    seed: u64,
) -> Workspace {
    use crate::model::{
        Assessment, AwayReason, Certification, Date, DemandLine, Detail, DetailChange, Holiday,
        MemberHistory, Project, Rater, Target, TimeOff,
    };
    let mut workspace = roster(catalog, members, skills, seed);
    let mut rng = Rng::new(seed ^ 0xA5A5);
    let day = |offset: i64| {
        Date::constant(2026, 1, 1)
            .checked_add(jiff::Span::new().days(offset))
            .unwrap_or(Date::constant(2026, 1, 1))
    };
    let rounds = [day(89), day(180), day(272), day(364)];
    for member in 0..members {
        let mut entries: Vec<Assessment> = Vec::with_capacity(skills + skills / 5);
        let mut current: Vec<Cell> = workspace.levels.row(member).to_vec();
        for (column, cell) in current.iter().enumerate() {
            if !cell.is_blank() {
                entries.push(Assessment {
                    skill: column as u32,
                    as_of: Some(rounds[0]),
                    cell: *cell,
                    rater: Rater::Import,
                });
            }
        }
        for &round in &rounds[1..] {
            for (column, cell) in current.iter_mut().enumerate() {
                if rng.below(20) != 0 {
                    continue;
                }
                let level = Level::new(rng.below(5) as u8);
                *cell = cell.with_level(level);
                entries.push(Assessment {
                    skill: column as u32,
                    as_of: Some(round),
                    cell: *cell,
                    rater: Rater::Manager,
                });
            }
        }
        // A self rating or two waiting for review.
        if member % 7 == 0 {
            let column = rng.below(skills as u64) as u32;
            entries.push(Assessment {
                skill: column,
                as_of: Some(day(300)),
                cell: Cell::assessed(Level::EXPERT),
                rater: Rater::SelfRated,
            });
        }
        workspace.levels.row_mut(member).copy_from_slice(&current);
        workspace.history.set_row(
            member,
            std::sync::Arc::new(MemberHistory::from_parts(entries, Vec::new())),
        );
        let record = &mut workspace.members[member];
        if member % 10 == 3 {
            let skill = workspace.skills[rng.below(skills as u64) as usize]
                .id
                .clone();
            record.development.set_target(Target {
                skill: skill.clone(),
                level: Level::PROFICIENT,
                by: day(400 + rng.below(200) as i64),
                set_on: day(100),
                note: None,
            });
            record.development.add_certification(Certification {
                name: format!("Cert {member}"),
                issuer: Some("Vendor".to_string()),
                skill: Some(skill),
                level: Some(Level::WORKING),
                issued: Some(day(0)),
                expires: Some(day(200 + rng.below(400) as i64)),
            });
        }
        if member % 10 == 5 {
            let start = 150 + rng.below(300) as i64;
            record.time_off.push(TimeOff {
                start: day(start),
                end: day(start + 11),
                fraction: 1.0,
                reason: AwayReason::Leave,
            });
        }
        if member % 20 == 9 {
            record.left = Some(day(200 + rng.below(250) as i64));
        } else if member % 20 == 11 {
            let from = record.fte;
            record.apply_change(DetailChange {
                on: day(272),
                detail: Detail::Fte { from, to: 0.8 },
            });
        }
    }
    for location in ["Berlin", "Lisbon", "Toronto", "Remote"] {
        for offset in [120, 240, 358] {
            workspace.holidays.push(Holiday {
                location: location.to_string(),
                date: day(offset),
                name: format!("Holiday {offset}"),
            });
        }
    }
    let demanded: Vec<crate::model::SkillId> = workspace
        .skills
        .iter()
        .take(12)
        .map(|s| s.id.clone())
        .collect();
    for number in 0..projects {
        let start = 330 + rng.below(200) as i64;
        let mut project = Project::new(
            &format!("Project {number:03}"),
            &day(start).to_string(),
            &day(start + 40 + rng.below(120) as i64).to_string(),
            1 + rng.below(5) as u32,
        );
        for line in 0..3 {
            project.demand.push(DemandLine {
                skill: demanded[(number + line) % demanded.len()].clone(),
                min_level: Level::new(2 + (line % 2) as u8).unwrap_or(Level::WORKING),
                people: 1 + rng.below(3) as u32,
                fte_each: [0.25, 0.5, 1.0][rng.below(3) as usize],
            });
        }
        workspace.projects.push(project);
    }
    workspace
}
