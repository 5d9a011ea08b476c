//! The whole document: catalog, members, their levels, projects, settings.

use super::{
    Assessment, Cell, History, Level, LevelMatrix, Member, Plan, Project, Role, RoleId, ScaleWords,
    Skill, SkillId,
};
use serde::{Deserialize, Serialize};

/// The version of the workspace file format this build writes.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub scale: ScaleWords,
    /// A member "holds" a skill at or above this level.
    pub hold_level: Level,
    /// A member "can lead" a skill at or above this level.
    pub lead_level: Level,
    /// People at `lead_level` wanted for every required skill.
    pub bench_depth: u32,
    /// A cell last rated longer ago than this many months is stale.
    pub stale_months: u32,
    /// A certification expiring within this many days is listed as due.
    pub expiry_warning_days: u32,
    /// How the columns of roster files were mapped, by their header.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub column_maps: Vec<super::ColumnMap>,
    /// Staffing counts on growth: a target due by a project's start counts
    /// at its level, marked wherever it is used. Off unless asked.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub count_targets: bool,
    /// Work evidence halves in weight over this many days.
    #[serde(default = "half_life")]
    pub evidence_half_life_days: u32,
}

fn half_life() -> u32 {
    180
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scale: ScaleWords::default(),
            hold_level: Level::WORKING,
            lead_level: Level::PROFICIENT,
            bench_depth: 2,
            stale_months: 12,
            expiry_warning_days: 90,
            column_maps: Vec::new(),
            count_targets: false,
            evidence_half_life_days: half_life(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workspace {
    pub settings: Settings,
    /// The matrix's columns, in display order.
    pub skills: Vec<Skill>,
    /// The role library of this workspace. A role may require a skill the
    /// workspace does not track (no member has the role yet): nobody holds it.
    pub roles: Vec<Role>,
    /// The matrix's rows.
    pub members: Vec<Member>,
    pub levels: LevelMatrix,
    pub projects: Vec<Project>,
    /// What-if hires and departures, not yet applied to the roster.
    pub plan: Plan,
    /// Every dated assessment; `levels` holds the current level of each.
    pub history: History,
    /// Public holidays by location, for weekly capacity.
    pub holidays: Vec<super::Holiday>,
    /// Named sets of changes to the plan, to compare and apply.
    pub scenarios: Vec<super::Scenario>,
    /// The repositories work evidence was read from.
    pub evidence_sources: Vec<super::EvidenceSource>,
}

impl Workspace {
    /// An empty roster that knows `roles` (usually the built-in library).
    pub fn with_roles(roles: Vec<Role>) -> Workspace {
        Workspace {
            roles,
            ..Workspace::default()
        }
    }

    pub fn skill_index(&self, id: &SkillId) -> Option<usize> {
        self.skills.iter().position(|skill| &skill.id == id)
    }

    pub fn skill(&self, id: &SkillId) -> Option<&Skill> {
        self.skills.iter().find(|skill| &skill.id == id)
    }

    pub fn role(&self, id: &RoleId) -> Option<&Role> {
        self.roles.iter().find(|role| &role.id == id)
    }

    /// The roles by where they come from: the built-in library, each
    /// imported framework (by name), then the team's own; workspace order
    /// within each.
    pub fn role_groups(&self) -> Vec<(String, Vec<usize>)> {
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        let mut custom = Vec::new();
        let mut library = Vec::new();
        for (index, role) in self.roles.iter().enumerate() {
            match (&role.framework, role.builtin) {
                (Some(source), _) => match groups.iter_mut().find(|(name, _)| *name == source.name)
                {
                    Some((_, roles)) => roles.push(index),
                    None => groups.push((source.name.clone(), vec![index])),
                },
                (None, true) => library.push(index),
                (None, false) => custom.push(index),
            }
        }
        let mut all = Vec::new();
        if !library.is_empty() {
            all.push(("Built-in library".to_string(), library));
        }
        all.extend(groups);
        if !custom.is_empty() {
            all.push(("Your roles".to_string(), custom));
        }
        all
    }

    pub fn member_role(&self, member: usize) -> Option<&Role> {
        self.members[member]
            .role
            .as_ref()
            .and_then(|id| self.role(id))
    }

    /// The member a manager cell refers to.
    pub fn find_member(&self, reference: &str) -> Option<usize> {
        self.members
            .iter()
            .position(|member| member.is_named_by(reference))
    }

    pub fn cell(&self, member: usize, skill: usize) -> Cell {
        self.levels.get(member, skill)
    }

    pub fn assessed_cells(&self) -> usize {
        self.levels
            .iter_rows()
            .flatten()
            .filter(|cell| cell.level().is_some())
            .count()
    }

    /// Appends a skill column, empty for every member.
    pub fn push_skill(&mut self, skill: Skill) -> usize {
        self.levels.insert_skill(self.skills.len());
        self.skills.push(skill);
        self.skills.len() - 1
    }

    /// Adds a column, from `library`, for every skill a member's role
    /// requires that the workspace does not track yet, so gaps always show.
    /// Returns how many were added.
    pub fn track_required_skills(&mut self, library: &[Skill]) -> usize {
        let mut missing: Vec<SkillId> = Vec::new();
        for member in 0..self.members.len() {
            let Some(role) = self.member_role(member) else {
                continue;
            };
            for requirement in &role.requirements {
                if self.skill_index(&requirement.skill).is_none()
                    && !missing.contains(&requirement.skill)
                {
                    missing.push(requirement.skill.clone());
                }
            }
        }
        let mut added = 0;
        for skill in library.iter().filter(|skill| missing.contains(&skill.id)) {
            self.push_skill(skill.clone());
            added += 1;
        }
        added
    }

    /// Records a dated assessment of `member` and sets the cell to the
    /// current level the history now gives; returns that cell.
    pub fn record_assessment(
        &mut self,
        member: usize,
        assessment: Assessment,
        note: Option<String>,
    ) -> Cell {
        let skill = assessment.skill as usize;
        let baseline = self.levels.get(member, skill);
        let row = self.history.row_mut(member);
        row.record(assessment, note, baseline);
        let current = row.current(assessment.skill).unwrap_or(baseline);
        self.levels.set(member, skill, current);
        current
    }

    /// Records many assessments of one member at once, as many calls to
    /// `record_assessment` in this order would, in one pass over their
    /// record: a round of hundreds of ratings does not rewrite the row
    /// once per rating.
    pub fn record_assessments(&mut self, member: usize, batch: Vec<(Assessment, Option<String>)>) {
        if batch.is_empty() {
            return;
        }
        let skills = self.skills.len();
        let baseline: Vec<Cell> = self.levels.row(member).to_vec();
        let row = self.history.row(member);
        let mut has_skill = vec![false; skills];
        for entry in row.entries() {
            if let Some(slot) = has_skill.get_mut(entry.skill as usize) {
                *slot = true;
            }
        }
        type Key = (u32, Option<super::Date>, super::Rater);
        let key = |a: &Assessment| -> Key { (a.skill, a.as_of, a.rater) };
        let mut added: Vec<Assessment> = Vec::new();
        let mut undated: Vec<Assessment> = Vec::new();
        let mut batch_keys: std::collections::HashMap<Key, (Cell, Option<String>)> =
            std::collections::HashMap::with_capacity(batch.len());
        let mut order: Vec<Key> = Vec::with_capacity(batch.len());
        for (assessment, note) in batch {
            let skill = assessment.skill as usize;
            let Some(&seen) = has_skill.get(skill) else {
                continue;
            };
            if assessment.as_of.is_some() && !baseline[skill].is_blank() && !seen {
                undated.push(Assessment {
                    skill: assessment.skill,
                    as_of: None,
                    cell: baseline[skill],
                    rater: super::Rater::Import,
                });
            }
            has_skill[skill] = true;
            let k = key(&assessment);
            if batch_keys
                .insert(k, (assessment.cell, note.filter(|t| !t.trim().is_empty())))
                .is_none()
            {
                order.push(k);
            }
        }
        // The same skill, date and rater again replaces the entry in place.
        let mut entries: Vec<Assessment> = row.entries().to_vec();
        let mut replaced: std::collections::HashSet<Key> = std::collections::HashSet::new();
        for entry in &mut entries {
            if let Some((cell, _)) = batch_keys.get(&key(entry)) {
                entry.cell = *cell;
                replaced.insert(key(entry));
            }
        }
        for k in &order {
            if !replaced.contains(k) {
                let (cell, _) = batch_keys[k];
                added.push(Assessment {
                    skill: k.0,
                    as_of: k.1,
                    cell,
                    rater: k.2,
                });
            }
        }
        entries.extend(undated);
        entries.extend(added);
        let mut notes: Vec<super::Note> = row
            .notes()
            .iter()
            .filter(|note| !batch_keys.contains_key(&(note.skill, note.as_of, note.rater)))
            .cloned()
            .collect();
        for k in &order {
            if let Some((_, Some(text))) = batch_keys.get(k) {
                notes.push(super::Note {
                    skill: k.0,
                    as_of: k.1,
                    rater: k.2,
                    text: text.clone(),
                });
            }
        }
        let history = super::MemberHistory::from_parts(entries, notes);
        let records = history.records(skills, None);
        let cells = self.levels.row_mut(member);
        for k in &order {
            let skill = k.0 as usize;
            cells[skill] = records[skill].cell().unwrap_or(baseline[skill]);
        }
        self.history.set_row(member, std::sync::Arc::new(history));
    }

    /// Notes evidence on the cell's latest assessment; a cell with no
    /// record gets one first, undated at its level, so the note neither
    /// dates the cell nor makes a round.
    pub fn note_cell(&mut self, member: usize, skill: usize, text: &str) {
        let row = self.history.row(member);
        if row.of_skill(skill as u32).next().is_none() {
            let assessment = Assessment {
                skill: skill as u32,
                as_of: None,
                cell: self.levels.get(member, skill),
                rater: super::Rater::Import,
            };
            self.record_assessment(member, assessment, None);
        }
        self.history
            .row_mut(member)
            .set_latest_note(skill as u32, text);
    }

    /// Records every assessed cell that has no record yet as an assessment
    /// by `rater` dated `as_of`: a roster's levels become its first round.
    pub fn date_levels(&mut self, as_of: super::Date, rater: super::Rater) {
        let skills = self.skills.len();
        for member in 0..self.members.len() {
            let row = self.history.row(member);
            let mut recorded = vec![false; skills];
            for entry in row.entries() {
                if let Some(slot) = recorded.get_mut(entry.skill as usize) {
                    *slot = true;
                }
            }
            let cells = self.levels.row(member);
            let mut entries: Vec<Assessment> = (0..skills)
                .filter(|&skill| !recorded[skill] && !cells[skill].is_blank())
                .map(|skill| Assessment {
                    skill: skill as u32,
                    as_of: Some(as_of),
                    cell: cells[skill],
                    rater,
                })
                .collect();
            if entries.is_empty() {
                continue;
            }
            entries.extend_from_slice(row.entries());
            let notes = row.notes().to_vec();
            self.history.set_row(
                member,
                std::sync::Arc::new(super::MemberHistory::from_parts(entries, notes)),
            );
        }
    }

    /// Appends a member with no assessments.
    pub fn push_member(&mut self, member: Member) -> usize {
        self.levels.push_member();
        self.members.push(member);
        self.members.len() - 1
    }
}
