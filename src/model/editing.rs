//! Structural edits of a workspace: adding, renaming and merging skills,
//! and the custom roles a team derives from the library. Each returns a
//! clear reason when it cannot be done and leaves the workspace unchanged.
//! The window and the command line make their edits through these.

use super::{
    Importance, Level, Requirement, Role, RoleId, Skill, SkillId, SkillKind, Workspace,
    normalize_label, slugify,
};

/// Why an edit was refused, in words for the person who asked for it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("a {0} needs a name")]
    NoName(&'static str),
    #[error("\"{name}\" is already the skill {existing}")]
    SkillTaken { name: String, existing: String },
    #[error("\"{name}\" is already the skill {existing}; merge them instead")]
    RenameTaken { name: String, existing: String },
    #[error("a skill cannot be merged into itself")]
    MergeIntoItself,
    #[error("there is already a role called \"{0}\"")]
    RoleTaken(String),
    #[error("{0} is built in and read-only: duplicate it to customise")]
    BuiltIn(String),
    #[error("that {0} is no longer there")]
    Gone(&'static str),
    #[error("\"{email}\" is {holder}'s email already")]
    EmailTaken { email: String, holder: String },
    #[error("{field} \"{found}\" {expected}")]
    Invalid {
        field: &'static str,
        found: String,
        expected: &'static str,
    },
}

/// A name as the library and the roster compare names: trimmed, and not
/// empty. Skills and roles are checked the same way.
pub fn checked_name(name: &str, what: &'static str) -> Result<String, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::NoName(what));
    }
    Ok(name.to_string())
}

impl Workspace {
    /// Adds a team's own skill; fails on an empty name or one already used
    /// (by name or alias) so a merge is never needed by accident.
    pub fn add_custom_skill(&mut self, name: &str, kind: SkillKind) -> Result<usize, EditError> {
        let name = checked_name(name, "skill")?;
        if let Some(existing) = self.skill_named(&name) {
            return Err(EditError::SkillTaken {
                name,
                existing: self.skills[existing].name.clone(),
            });
        }
        let id = self.unused_skill_id(&slugify(&name, "skill"));
        Ok(self.push_skill(Skill::custom(id, &name, kind)))
    }

    /// The skill column whose name or alias reads as `label`.
    pub fn skill_named(&self, label: &str) -> Option<usize> {
        let wanted = normalize_label(label);
        self.skills
            .iter()
            .position(|skill| skill.labels().any(|l| normalize_label(l) == wanted))
    }

    /// Renames a skill; the old name stays as an alias so rosters that use
    /// it still import into this column.
    pub fn rename_skill(&mut self, column: usize, name: &str) -> Result<(), EditError> {
        let name = checked_name(name, "skill")?;
        if column >= self.skills.len() {
            return Err(EditError::Gone("skill"));
        }
        if let Some(other) = self.skill_named(&name).filter(|&other| other != column) {
            return Err(EditError::RenameTaken {
                name,
                existing: self.skills[other].name.clone(),
            });
        }
        let skill = &mut self.skills[column];
        if skill.name != name {
            let old = std::mem::replace(&mut skill.name, name);
            if !skill.aliases.contains(&old) {
                skill.aliases.push(old);
            }
        }
        Ok(())
    }

    /// Merges skill `from` into skill `into`: every member keeps the higher
    /// of the two levels (and any interest), roles and project demand that
    /// named `from` name `into`, and `from`'s names become aliases of `into`.
    pub fn merge_skills(&mut self, from: usize, into: usize) -> Result<(), EditError> {
        if from == into {
            return Err(EditError::MergeIntoItself);
        }
        if from.max(into) >= self.skills.len() {
            return Err(EditError::Gone("skill"));
        }
        for member in 0..self.members.len() {
            let a = self.levels.get(member, from);
            let b = self.levels.get(member, into);
            let level = a.level().max(b.level());
            self.levels.set(
                member,
                into,
                b.with_level(level)
                    .with_interest(a.interest() || b.interest()),
            );
        }
        let from_id = self.skills[from].id.clone();
        let into_id = self.skills[into].id.clone();
        for role in &mut self.roles {
            merge_requirements(role, &from_id, &into_id);
        }
        for member in &mut self.members {
            member.development.merge_skill(&from_id, &into_id);
        }
        for project in &mut self.projects {
            for line in &mut project.demand {
                if line.skill == from_id {
                    line.skill = into_id.clone();
                }
            }
        }
        let merged = self.skills.remove(from);
        self.levels.remove_skill(from);
        self.history.remove_skill(from, Some(into));
        let into = if into > from { into - 1 } else { into };
        // The record agrees with the merged level: where the latest rating
        // says otherwise, the merge is recorded on that rating's date.
        for member in 0..self.members.len() {
            let row = self.history.row(member);
            let Some(current) = row.current(into as u32) else {
                continue;
            };
            let merged = self.levels.get(member, into);
            if current != merged {
                let as_of = row.last_dated(into as u32);
                let assessment = super::Assessment {
                    skill: into as u32,
                    as_of,
                    cell: merged,
                    rater: super::Rater::Import,
                };
                self.history
                    .row_mut(member)
                    .record(assessment, None, merged);
            }
        }
        let target = &mut self.skills[into];
        for label in merged.labels() {
            if label != target.name && !target.aliases.iter().any(|a| a == label) {
                target.aliases.push(label.to_string());
            }
        }
        Ok(())
    }

    /// A copy of role `index` the team can edit, placed right after it.
    pub fn duplicate_role(&mut self, index: usize) -> usize {
        let source = &self.roles[index];
        let mut copy = source.clone();
        copy.id = self.unused_role_id(&format!("{}-custom", source.id));
        copy.title = self.unused_role_title(&format!("{} (custom)", source.title));
        copy.aliases.clear();
        copy.builtin = false;
        // A copy is the team's own, not a level a re-import would update.
        copy.framework = None;
        self.roles.insert(index + 1, copy);
        index + 1
    }

    /// Gives one member a role (or none).
    pub fn set_member_role(
        &mut self,
        member: usize,
        role: Option<&RoleId>,
    ) -> Result<(), EditError> {
        if role.is_some_and(|id| self.role(id).is_none()) {
            return Err(EditError::Gone("role"));
        }
        let member = self
            .members
            .get_mut(member)
            .ok_or(EditError::Gone("member"))?;
        member.role = role.cloned();
        Ok(())
    }

    /// Points every member of role `from` at role `to`.
    pub fn reassign_role(&mut self, from: &RoleId, to: &RoleId) -> usize {
        let mut moved = 0;
        for member in &mut self.members {
            if member.role.as_ref() == Some(from) {
                member.role = Some(to.clone());
                moved += 1;
            }
        }
        moved
    }

    /// Retitles a custom role; titles are unique, compared as skill names are.
    pub fn rename_role(&mut self, index: usize, title: &str) -> Result<(), EditError> {
        let title = checked_name(title, "role")?;
        let role = self.roles.get(index).ok_or(EditError::Gone("role"))?;
        if role.builtin {
            return Err(EditError::BuiltIn(role.title.clone()));
        }
        let wanted = normalize_label(&title);
        if self
            .roles
            .iter()
            .enumerate()
            .any(|(i, r)| i != index && normalize_label(&r.title) == wanted)
        {
            return Err(EditError::RoleTaken(title));
        }
        self.roles[index].title = title;
        Ok(())
    }

    /// Sets a custom role's requirement `row`, or removes it with `None`.
    pub fn set_requirement(
        &mut self,
        role: usize,
        row: usize,
        change: Option<(Level, Importance)>,
    ) -> Result<(), EditError> {
        let editable = self.custom_role(role)?;
        if row >= editable.requirements.len() {
            return Err(EditError::Gone("requirement"));
        }
        match change {
            Some((level, importance)) => {
                let requirement = &mut editable.requirements[row];
                requirement.min_level = level;
                requirement.importance = importance;
                requirement.basis = "set in Skillgrid".to_string();
            }
            None => {
                editable.requirements.remove(row);
            }
        }
        Ok(())
    }

    /// Adds a requirement on skill `column` to a custom role, at working
    /// level and required, to be adjusted.
    pub fn add_requirement(&mut self, role: usize, column: usize) -> Result<(), EditError> {
        let skill = self
            .skills
            .get(column)
            .ok_or(EditError::Gone("skill"))?
            .id
            .clone();
        let editable = self.custom_role(role)?;
        if editable.requirement(&skill).is_none() {
            editable.requirements.push(Requirement {
                skill,
                min_level: Level::WORKING,
                importance: Importance::Required,
                basis: "set in Skillgrid".to_string(),
            });
        }
        Ok(())
    }

    fn custom_role(&mut self, index: usize) -> Result<&mut Role, EditError> {
        let role = self.roles.get_mut(index).ok_or(EditError::Gone("role"))?;
        if role.builtin {
            return Err(EditError::BuiltIn(role.title.clone()));
        }
        Ok(role)
    }

    fn unused_skill_id(&self, base: &str) -> SkillId {
        let taken = |id: &str| self.skills.iter().any(|s| s.id.as_str() == id);
        SkillId::new(first_free(base, taken))
    }

    fn unused_role_id(&self, base: &str) -> RoleId {
        let taken = |id: &str| self.roles.iter().any(|r| r.id.as_str() == id);
        RoleId::new(first_free(base, taken))
    }

    fn unused_role_title(&self, base: &str) -> String {
        let taken = |title: &str| self.roles.iter().any(|r| r.title == title);
        first_free(base, taken)
    }
}

fn first_free(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|candidate| !taken(candidate))
        .expect("some number is free")
}

/// Moves a role's requirement on `from` to `into`, keeping the stricter
/// level and importance when it already asks for both.
fn merge_requirements(role: &mut Role, from: &SkillId, into: &SkillId) {
    let Some(at) = role.requirements.iter().position(|r| &r.skill == from) else {
        return;
    };
    let moved = role.requirements.remove(at);
    match role.requirements.iter_mut().find(|r| &r.skill == into) {
        Some(existing) => {
            existing.min_level = existing.min_level.max(moved.min_level);
            if moved.importance == Importance::Required {
                existing.importance = Importance::Required;
            }
        }
        None => role.requirements.insert(
            at,
            super::Requirement {
                skill: into.clone(),
                ..moved
            },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Level, Member, Requirement};

    fn workspace() -> Workspace {
        let mut role = Role::custom(RoleId::new("dev"), "Developer");
        role.requirements = vec![
            Requirement {
                skill: SkillId::new("k8s"),
                min_level: Level::PROFICIENT,
                importance: Importance::Preferred,
                basis: String::new(),
            },
            Requirement {
                skill: SkillId::new("kubernetes"),
                min_level: Level::WORKING,
                importance: Importance::Required,
                basis: String::new(),
            },
        ];
        let mut workspace = Workspace::with_roles(vec![role]);
        workspace.push_skill(Skill::custom(SkillId::new("k8s"), "K8s", SkillKind::Hard));
        workspace.push_skill(Skill::custom(
            SkillId::new("kubernetes"),
            "Kubernetes",
            SkillKind::Hard,
        ));
        for (name, a, b) in [("Ana", 4, 1), ("Ben", 1, 3)] {
            let row = workspace.push_member(Member::new(name));
            workspace
                .levels
                .set(row, 0, Cell::new(Level::new(a), name == "Ben"));
            workspace
                .levels
                .set(row, 1, Cell::assessed(Level::new(b).expect("level")));
        }
        workspace
    }

    #[test]
    fn merging_keeps_each_members_higher_level_and_the_stricter_requirement() {
        let mut workspace = workspace();
        workspace.merge_skills(0, 1).expect("merges");
        assert_eq!(workspace.skills.len(), 1);
        assert_eq!(workspace.skills[0].name, "Kubernetes");
        assert!(workspace.skills[0].aliases.contains(&"K8s".to_string()));
        assert_eq!(workspace.cell(0, 0).level(), Level::new(4));
        assert_eq!(workspace.cell(1, 0).level(), Level::new(3));
        assert!(workspace.cell(1, 0).interest());
        let requirements = &workspace.roles[0].requirements;
        assert_eq!(requirements.len(), 1);
        assert_eq!(requirements[0].min_level, Level::PROFICIENT);
        assert_eq!(requirements[0].importance, Importance::Required);
    }

    #[test]
    fn a_name_already_taken_is_refused_and_renaming_keeps_the_old_name() {
        let mut workspace = workspace();
        assert!(
            workspace
                .add_custom_skill("kubernetes", SkillKind::Hard)
                .is_err()
        );
        assert!(workspace.rename_skill(0, "Kubernetes").is_err());
        workspace.rename_skill(0, "Containers").expect("renames");
        assert_eq!(workspace.skill_named("k8s"), Some(0));
        let added = workspace
            .add_custom_skill("Rust", SkillKind::Hard)
            .expect("adds");
        assert_eq!(workspace.skills[added].id.as_str(), "rust");
        assert_eq!(workspace.levels.skills(), 3);
    }

    #[test]
    fn a_duplicated_role_is_editable_and_takes_members_over() {
        let mut workspace = workspace();
        workspace.members[0].role = Some(RoleId::new("dev"));
        let copy = workspace.duplicate_role(0);
        assert!(!workspace.roles[copy].builtin);
        assert_eq!(workspace.roles[copy].title, "Developer (custom)");
        let id = workspace.roles[copy].id.clone();
        assert_eq!(workspace.reassign_role(&RoleId::new("dev"), &id), 1);
        assert_eq!(workspace.duplicate_role(0), 1);
        assert_eq!(workspace.roles[1].title, "Developer (custom) 2");
    }
}
