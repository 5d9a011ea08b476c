//! The one door every analysis goes through: who is on the team on a date
//! (and in a team or role filter), the level each holds by the record of
//! that date, and the lookups every part shares, resolved once so the hot
//! loops compare indices, not strings. No section reads the workspace's
//! matrix or its assessments directly.

use crate::model::{
    CapacityCalendar, Cell, Date, Importance, Level, Record, Role, Skill, SkillId, SkillKind,
    Workspace,
};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

/// Which members a scope holds besides the date: a team, a role (by id).
/// Search, stale and changes-since marks are views and never narrow it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ScopeFilter {
    pub team: Option<String>,
    pub role: Option<String>,
}

impl ScopeFilter {
    pub fn team(team: Option<&str>) -> ScopeFilter {
        ScopeFilter {
            team: team.map(str::to_string),
            role: None,
        }
    }

    pub fn is_everyone(&self) -> bool {
        self.team.is_none() && self.role.is_none()
    }

    /// Whether the member's own details put them in it.
    pub fn admits(&self, workspace: &Workspace, member: usize) -> bool {
        let record = &workspace.members[member];
        let team = self.team.as_deref().is_none_or(|team| {
            record
                .team
                .as_deref()
                .is_some_and(|own| own.trim().eq_ignore_ascii_case(team.trim()))
        });
        let role = self
            .role
            .as_deref()
            .is_none_or(|role| record.role.as_ref().is_some_and(|own| own.as_str() == role));
        team && role
    }
}

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

/// The members in view on a date (all, or a team's or a role's), each
/// one's role, and their levels of record that day.
pub struct Scope<'w> {
    pub workspace: &'w Workspace,
    /// The day the scope is taken on: membership, levels and lapsed
    /// evidence are of this day.
    pub date: Date,
    pub filter: ScopeFilter,
    /// Members on the team that day, in the filter, in roster order.
    pub members: Vec<usize>,
    /// Per workspace member: on the team that day (whatever the filter).
    on_team: Arc<Vec<bool>>,
    record: Arc<Record<'w>>,
    /// Per workspace member, the index of their role in `workspace.roles`.
    role_index: Arc<Vec<Option<usize>>>,
    columns: Arc<HashMap<&'w str, usize>>,
    skill_refs: Arc<Vec<SkillRef>>,
    role_refs: Arc<Vec<RoleRef>>,
    /// Per workspace member, their name and email to hand out, made once.
    member_refs: Arc<Vec<MemberRef>>,
    /// Per workspace member, their manager's row (`managers::resolve_managers`),
    /// found the first time it is asked.
    managers: Arc<std::sync::OnceLock<Vec<Result<usize, u32>>>>,
    /// Per workspace role, its requirements resolved to columns.
    pub requirements: Arc<Vec<Vec<ResolvedRequirement<'w>>>>,
    /// Every member's weekly capacity, built the first time it is asked.
    calendar: Arc<std::sync::OnceLock<CapacityCalendar>>,
    /// Per workspace role, whether it requires each column.
    required_columns: Arc<Vec<Vec<bool>>>,
}

impl<'w> Scope<'w> {
    /// The whole team on `date`, narrowed by `filter`.
    pub fn new(workspace: &'w Workspace, date: Date, filter: &ScopeFilter) -> Scope<'w> {
        let on_team: Vec<bool> = (0..workspace.members.len())
            .map(|member| workspace.is_member_on(member, date))
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
        let requirements: Vec<Vec<ResolvedRequirement<'w>>> = workspace
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
        let required_columns = requirements
            .iter()
            .map(|requirements| {
                let mut columns = vec![false; workspace.skills.len()];
                for requirement in requirements {
                    if let Some(column) = requirement.column {
                        columns[column] = true;
                    }
                }
                columns
            })
            .collect();
        let everyone = Scope {
            workspace,
            date,
            filter: ScopeFilter::default(),
            members: Vec::new(),
            on_team: Arc::new(on_team),
            record: Arc::new(workspace.record_on(date)),
            role_index: Arc::new(role_index),
            columns: Arc::new(columns),
            skill_refs: Arc::new(skill_refs),
            role_refs: Arc::new(workspace.roles.iter().map(RoleRef::new).collect()),
            member_refs: Arc::new(
                workspace
                    .members
                    .iter()
                    .enumerate()
                    .map(|(index, record)| MemberRef {
                        index,
                        name: record.name.as_str().into(),
                        email: record.email.as_deref().map(Arc::from),
                    })
                    .collect(),
            ),
            managers: Arc::default(),
            requirements: Arc::new(requirements),
            calendar: Arc::default(),
            required_columns: Arc::new(required_columns),
        };
        everyone.narrowed(filter)
    }

    /// The team today, everyone in it.
    pub fn today(workspace: &'w Workspace) -> Scope<'w> {
        Scope::new(workspace, crate::model::today(), &ScopeFilter::default())
    }

    /// The same day and record, with other members in view.
    pub fn narrowed(&self, filter: &ScopeFilter) -> Scope<'w> {
        let workspace = self.workspace;
        let members: Vec<usize> = (0..workspace.members.len())
            .filter(|&member| self.on_team[member] && filter.admits(workspace, member))
            .collect();
        Scope {
            workspace,
            date: self.date,
            filter: filter.clone(),
            members,
            on_team: Arc::clone(&self.on_team),
            record: Arc::clone(&self.record),
            role_index: Arc::clone(&self.role_index),
            columns: Arc::clone(&self.columns),
            skill_refs: Arc::clone(&self.skill_refs),
            role_refs: Arc::clone(&self.role_refs),
            member_refs: Arc::clone(&self.member_refs),
            managers: Arc::clone(&self.managers),
            requirements: Arc::clone(&self.requirements),
            calendar: Arc::clone(&self.calendar),
            required_columns: Arc::clone(&self.required_columns),
        }
    }

    /// Whether the member's own role requires the skill.
    pub fn role_requires(&self, member: usize, column: usize) -> bool {
        self.role_index[member].is_some_and(|role| self.required_columns[role][column])
    }

    /// Every member's capacity week by week (`Workspace::capacity_in_week`
    /// for many weeks at once).
    pub fn calendar(&self) -> &CapacityCalendar {
        self.calendar
            .get_or_init(|| CapacityCalendar::new(self.workspace))
    }

    /// The same day, record and filter over other members (sorted): those
    /// on the team at some point of a plan's weeks, say.
    pub fn with_members(&self, members: Vec<usize>) -> Scope<'w> {
        let mut scope = self.narrowed(&self.filter);
        scope.members = members;
        scope
    }

    /// Everyone on the team that day, whatever the filter.
    pub fn everyone(&self) -> Scope<'w> {
        self.narrowed(&ScopeFilter::default())
    }

    /// Whether the member is in view: on the team that day and in the filter.
    pub fn contains(&self, member: usize) -> bool {
        self.members.binary_search(&member).is_ok()
    }

    /// Whether the member is on the team on the scope's day.
    pub fn on_team(&self, member: usize) -> bool {
        self.on_team.get(member).copied().unwrap_or(false)
    }

    /// The member's cell by the record of the day: the level they hold
    /// (not assessed where the only evidence lapsed), and their interest.
    pub fn cell(&self, member: usize, column: usize) -> Cell {
        self.record.cell(member, column)
    }

    pub fn level(&self, member: usize, column: usize) -> Option<Level> {
        self.record.cell(member, column).level()
    }

    /// One member's cells by the record of the day, in column order.
    pub fn row(&self, member: usize) -> &[Cell] {
        self.record.row(member)
    }

    /// Whether the member can lead the skill that day.
    pub fn leads(&self, member: usize, column: usize) -> bool {
        self.cell(member, column)
            .at_least(self.workspace.settings.lead_level)
    }

    /// Whether the member holds `min` in the skill in `week`: at that level
    /// by the record of the scope's day, and not lapsing by the week's
    /// Monday (a certificate that runs out takes its level with it).
    pub fn holds_in_week(&self, member: usize, column: usize, min: Level, week: i32) -> bool {
        self.cell(member, column).at_least(min)
            && self
                .workspace
                .lapses_on(member, column, self.date)
                .is_none_or(|lapse| lapse > crate::model::week_start(week))
    }

    /// Whether anything is known of the member in the skill: a level, or
    /// one whose evidence lapsed (known not to be held any more).
    pub fn known(&self, member: usize, column: usize) -> bool {
        self.level(member, column).is_some() || self.is_lapsed(member, column)
    }

    /// Held cells whose only evidence lapsed by the scope's day, sorted.
    pub fn lapsed(&self) -> &[(usize, usize)] {
        self.record.lapsed()
    }

    pub fn is_lapsed(&self, member: usize, column: usize) -> bool {
        self.record.is_lapsed(member, column)
    }

    /// "in Growth", "in Growth's Tech Leads", or "" for everyone.
    pub fn in_words(&self) -> String {
        let role = self.filter.role.as_deref().map(|id| {
            self.workspace
                .roles
                .iter()
                .find(|role| role.id.as_str() == id)
                .map_or(id.to_string(), |role| role.title.clone())
        });
        match (&self.filter.team, role) {
            (None, None) => String::new(),
            (Some(team), None) => format!("in {team}"),
            (None, Some(role)) => format!("among {role}s"),
            (Some(team), Some(role)) => format!("among {team}'s {role}s"),
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
        self.member_refs[member].clone()
    }

    /// Each member's manager, as `managers::resolve_managers` finds them.
    pub fn managers(&self) -> &[Result<usize, u32>] {
        self.managers
            .get_or_init(|| super::managers::resolve_managers(self.workspace))
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
