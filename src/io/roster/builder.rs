//! Assembles a workspace from a roster's rows, in either layout: skills and
//! roles matched to the library, members told apart, managers checked.

use crate::catalog::{Catalog, LabelIndex};
use crate::io::diag::Report;
use crate::io::text::unique_id;
use crate::model::{
    Cell, LevelMatrix, Member, Role, RoleId, Settings, Skill, SkillId, SkillKind, Workspace,
    normalize_label, slugify,
};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum SkillRef {
    Builtin(usize),
    Custom(usize),
}

/// Assembles a workspace from rows, matching skills and roles to the library.
pub(crate) struct RosterBuilder<'a> {
    catalog: &'a Catalog,
    settings: Settings,
    catalog_skills: LabelIndex,
    custom_skills: Vec<Skill>,
    custom_index: LabelIndex,
    /// Library skill -> the normalised label that matched it first.
    claims: HashMap<usize, String>,
    /// Skills in the order the file introduced them: the workspace's order.
    discovered: Vec<SkillRef>,
    roles: Vec<Role>,
    role_index: LabelIndex,
    role_spellings: HashMap<String, RoleId>,
    pub members: Vec<Member>,
    /// The line each member was first read from.
    pub member_lines: Vec<u64>,
    /// Per member, cells indexed by skill ordinal (position in `discovered`).
    rows: Vec<Vec<Cell>>,
    identities: HashMap<String, usize>,
    /// Where the manager cells are, for warnings about them.
    pub manager_column: Option<u64>,
}

pub(crate) struct Resolved {
    pub skill: SkillRef,
    /// The skill's place in the file's order, and so its final column.
    pub ordinal: usize,
    /// A custom skill this call created.
    pub is_new: bool,
    /// The label that had already claimed the library skill this one names.
    pub shadowed_by: Option<String>,
}

pub(crate) enum Added {
    New(usize),
    /// The identity (email, or name without one) is already in the roster.
    Duplicate {
        line: u64,
    },
}

impl<'a> RosterBuilder<'a> {
    pub fn new(catalog: &'a Catalog, settings: Settings) -> Self {
        RosterBuilder {
            catalog,
            settings,
            catalog_skills: LabelIndex::build_lenient(catalog.skills.iter().map(Skill::labels)),
            custom_skills: Vec::new(),
            custom_index: LabelIndex::default(),
            claims: HashMap::new(),
            discovered: Vec::new(),
            roles: catalog.roles.clone(),
            role_index: LabelIndex::build_lenient(catalog.roles.iter().map(Role::labels)),
            role_spellings: HashMap::new(),
            members: Vec::new(),
            member_lines: Vec::new(),
            rows: Vec::new(),
            identities: HashMap::new(),
            manager_column: None,
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// The skill a header names. The first label to name a library skill
    /// claims it; another label for the same skill (an "AWS" column beside a
    /// "Cloud" one) becomes a custom skill of its own rather than merging two
    /// columns. `Name [soft]` makes a soft custom skill.
    pub fn resolve_skill(&mut self, header: &str) -> Resolved {
        let (name, kind) = split_kind_suffix(header);
        let label = normalize_label(name);
        let mut shadowed_by = None;
        if let Some(index) = self.catalog_skills.get(name) {
            match self.claims.get(&index) {
                Some(claimant) if *claimant != label => shadowed_by = Some(claimant.clone()),
                Some(_) => return self.existing(SkillRef::Builtin(index)),
                None => {
                    self.claims.insert(index, label);
                    self.discovered.push(SkillRef::Builtin(index));
                    return self.existing(SkillRef::Builtin(index));
                }
            }
        }
        // A column spelling the library skill's own name, after an alias
        // claimed that skill, is renamed so the two never export under one
        // header (which would not import again).
        let renamed;
        let name = match self.catalog_skills.get(name) {
            Some(index)
                if shadowed_by.is_some()
                    && normalize_label(&self.catalog.skills[index].name) == label =>
            {
                renamed = (2..)
                    .map(|n| format!("{name} ({n})"))
                    .find(|candidate| self.custom_index.get(candidate).is_none())
                    .expect("some number is free");
                renamed.as_str()
            }
            _ => name,
        };
        if let Some(index) = self.custom_index.get(name) {
            return self.existing(SkillRef::Custom(index));
        }
        let index = self.custom_skills.len();
        let id = unique_id(slugify(name, "skill"), |candidate| {
            self.catalog.skill(&SkillId::new(candidate)).is_some()
                || self
                    .custom_skills
                    .iter()
                    .any(|skill| skill.id.0 == candidate)
        });
        self.custom_skills.push(Skill::custom(
            SkillId(id),
            name,
            kind.unwrap_or(SkillKind::Hard),
        ));
        self.custom_index.insert(name, index);
        self.discovered.push(SkillRef::Custom(index));
        Resolved {
            skill: SkillRef::Custom(index),
            ordinal: self.discovered.len() - 1,
            is_new: true,
            shadowed_by,
        }
    }

    fn existing(&self, skill: SkillRef) -> Resolved {
        Resolved {
            skill,
            ordinal: self
                .discovered
                .iter()
                .position(|known| *known == skill)
                .expect("a resolved skill was discovered"),
            is_new: false,
            shadowed_by: None,
        }
    }

    /// The warning for a skill label the library does not know.
    pub fn new_skill_warning(&self, noun: &str, label: &str, resolved: &Resolved) -> String {
        match &resolved.shadowed_by {
            Some(claimant) => format!(
                "{noun} \"{label}\" also names the library skill \"{}\", which \"{claimant}\" \
                 already matched: kept as a custom skill of its own",
                self.skill_name(self.claimed_skill(claimant))
            ),
            None => format!(
                "{noun} \"{label}\" is not in the skill catalog: added as a custom skill (use \
                 a catalog name or alias to match one)"
            ),
        }
    }

    fn claimed_skill(&self, claimant: &str) -> SkillRef {
        self.claims
            .iter()
            .find(|(_, label)| label.as_str() == claimant)
            .map_or(SkillRef::Builtin(0), |(&index, _)| SkillRef::Builtin(index))
    }

    pub fn skill_id(&self, skill: SkillRef) -> SkillId {
        match skill {
            SkillRef::Builtin(index) => self.catalog.skills[index].id.clone(),
            SkillRef::Custom(index) => self.custom_skills[index].id.clone(),
        }
    }

    pub fn skill_name(&self, skill: SkillRef) -> &str {
        match skill {
            SkillRef::Builtin(index) => &self.catalog.skills[index].name,
            SkillRef::Custom(index) => &self.custom_skills[index].name,
        }
    }

    /// The role a title names; a new custom role when the library has none.
    pub fn resolve_role(&mut self, title: &str) -> (RoleId, bool) {
        // Titles repeat on every row: remember each spelling's answer.
        if let Some(id) = self.role_spellings.get(title) {
            return (id.clone(), false);
        }
        if let Some(index) = self.role_index.get(title) {
            let id = self.roles[index].id.clone();
            self.role_spellings.insert(title.to_string(), id.clone());
            return (id, false);
        }
        let id = unique_id(slugify(title, "role"), |candidate| {
            self.roles.iter().any(|role| role.id.0 == candidate)
        });
        let mut role = Role::custom(RoleId(id), title);
        role.summary = "Added from a roster: not in the role library.".to_string();
        self.role_index.insert(title, self.roles.len());
        self.role_spellings
            .insert(title.to_string(), role.id.clone());
        self.roles.push(role);
        (self.roles[self.roles.len() - 1].id.clone(), true)
    }

    /// Members are told apart by email where they have one, else by name.
    pub fn identity(name: &str, email: Option<&str>) -> String {
        match email {
            Some(email) => format!("email:{}", email.trim().to_lowercase()),
            None => format!("name:{}", normalize_label(name)),
        }
    }

    pub fn find(&self, identity: &str) -> Option<usize> {
        self.identities.get(identity).copied()
    }

    pub fn add_member(&mut self, member: Member, line: u64) -> Added {
        let identity = Self::identity(&member.name, member.email.as_deref());
        if let Some(&existing) = self.identities.get(&identity) {
            return Added::Duplicate {
                line: self.member_lines[existing],
            };
        }
        self.identities.insert(identity, self.members.len());
        self.members.push(member);
        self.member_lines.push(line);
        self.rows.push(Vec::new());
        Added::New(self.members.len() - 1)
    }

    pub fn set_cell(&mut self, member: usize, ordinal: usize, cell: Cell) {
        let row = &mut self.rows[member];
        if row.len() <= ordinal {
            row.resize(ordinal + 1, Cell::NOT_ASSESSED);
        }
        row[ordinal] = cell;
    }

    /// The workspace: the skills in the order the file names them, then any
    /// skill its members' roles require that the file lacks, in library order.
    pub fn finish(mut self, report: &mut Report) -> Workspace {
        let mut builtin_used = vec![false; self.catalog.skills.len()];
        for skill in &self.discovered {
            if let SkillRef::Builtin(index) = skill {
                builtin_used[*index] = true;
            }
        }
        let mut required = Vec::new();
        for role_id in self
            .members
            .iter()
            .filter_map(|member| member.role.as_ref())
        {
            let Some(role) = self.roles.iter().find(|role| &role.id == role_id) else {
                continue;
            };
            for requirement in &role.requirements {
                let index = self
                    .catalog
                    .skills
                    .iter()
                    .position(|s| s.id == requirement.skill);
                if let Some(index) = index.filter(|&index| !builtin_used[index]) {
                    builtin_used[index] = true;
                    required.push(index);
                }
            }
        }
        required.sort_unstable();
        self.discovered
            .extend(required.into_iter().map(SkillRef::Builtin));
        let skills: Vec<Skill> = self
            .discovered
            .iter()
            .map(|skill| match skill {
                SkillRef::Builtin(index) => self.catalog.skills[*index].clone(),
                SkillRef::Custom(index) => self.custom_skills[*index].clone(),
            })
            .collect();
        let mut levels = LevelMatrix::new(self.members.len(), skills.len());
        for (member, cells) in self.rows.iter().enumerate() {
            levels.row_mut(member)[..cells.len()].copy_from_slice(cells);
        }
        let workspace = Workspace {
            settings: self.settings,
            skills,
            roles: self.roles,
            members: self.members,
            levels,
            projects: Vec::new(),
            plan: crate::model::Plan::default(),
            history: crate::model::History::default(),
            holidays: Vec::new(),
            scenarios: Vec::new(),
            evidence_sources: Vec::new(),
        };
        check_managers(&workspace, &self.member_lines, self.manager_column, report);
        workspace
    }
}

fn check_managers(workspace: &Workspace, lines: &[u64], column: Option<u64>, report: &mut Report) {
    // Counted once up front: a roster of 10,000 must not compare every pair.
    let mut references: HashMap<String, usize> = HashMap::new();
    for member in &workspace.members {
        *references
            .entry(member.name.trim().to_lowercase())
            .or_default() += 1;
        if let Some(email) = &member.email {
            let key = email.trim().to_lowercase();
            if key != member.name.trim().to_lowercase() {
                *references.entry(key).or_default() += 1;
            }
        }
    }
    for (index, member) in workspace.members.iter().enumerate() {
        let Some(manager) = member.manager.as_deref() else {
            continue;
        };
        let matches = references
            .get(&manager.trim().to_lowercase())
            .copied()
            .unwrap_or(0);
        let message = match matches {
            0 => format!(
                "manager \"{manager}\" of \"{}\" is not in the roster: expected the name or email \
                 of a member",
                member.name
            ),
            1 => continue,
            n => format!(
                "manager \"{manager}\" of \"{}\" matches {n} members: use the manager's email \
                 to say which",
                member.name
            ),
        };
        report.warning(Some(lines[index]), column, message).member = Some(index);
    }
}

/// `Negotiation [soft]` -> (`Negotiation`, Some(Soft)).
fn split_kind_suffix(header: &str) -> (&str, Option<SkillKind>) {
    let trimmed = header.trim();
    for (suffix, kind) in [
        ("[soft]", SkillKind::Soft),
        ("(soft)", SkillKind::Soft),
        ("[hard]", SkillKind::Hard),
        ("(hard)", SkillKind::Hard),
    ] {
        if trimmed.len() > suffix.len()
            && trimmed.is_char_boundary(trimmed.len() - suffix.len())
            && trimmed[trimmed.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        {
            return (
                trimmed[..trimmed.len() - suffix.len()].trim_end(),
                Some(kind),
            );
        }
    }
    (trimmed, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_suffix_marks_soft_custom_skills() {
        assert_eq!(
            split_kind_suffix("Negotiation [soft]"),
            ("Negotiation", Some(SkillKind::Soft))
        );
        assert_eq!(split_kind_suffix("Rust"), ("Rust", None));
        assert_eq!(split_kind_suffix("[soft]"), ("[soft]", None));
    }
}
