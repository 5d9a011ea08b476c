//! A roster imported as a dated round of assessments into a workspace.

use super::{Assessment, Date, Member, Rater, Workspace};

/// One member's new ratings of a round, with their notes.
type Batch = Vec<(Assessment, Option<String>)>;

/// What a round import did, for the status bar and the command line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundSummary {
    /// Cells whose rating differed from the current level and was recorded.
    pub recorded: usize,
    /// Cells the round gave at the level the workspace already held.
    pub unchanged: usize,
    /// Members of the round the workspace did not have, now added.
    pub added: Vec<String>,
    /// Members of the workspace the round does not list: kept as they were
    /// (unless the importer records them as leavers), with their rows.
    pub missing: Vec<String>,
    pub missing_rows: Vec<usize>,
    /// Each change of a member's details the round made, one line each:
    /// `Kwame Mensah: FTE 1.0 -> 0.8`.
    pub detail_changes: Vec<String>,
    /// Skills the round rates that the workspace did not track, now added.
    pub new_skills: Vec<String>,
    /// Self or peer ratings of people the workspace does not have: not
    /// added, as a form cannot bring a new member.
    pub unknown: Vec<String>,
}

/// Records every assessed cell of `round` (a roster read on its own) in
/// `workspace` as an assessment by `rater` dated `as_of`. Members are
/// matched by email, then by name; skills by id.
pub fn import_round(
    workspace: &mut Workspace,
    round: &Workspace,
    as_of: Date,
    rater: Rater,
) -> RoundSummary {
    import_round_noted(workspace, round, as_of, rater, &[])
}

/// `import_round`, with a note (evidence) on the assessment of a round
/// row's skill: `(row, skill, text)` by the round's rows and columns.
pub fn import_round_noted(
    workspace: &mut Workspace,
    round: &Workspace,
    as_of: Date,
    rater: Rater,
    notes: &[(usize, usize, String)],
) -> RoundSummary {
    let mut summary = RoundSummary::default();
    // A skill new to the workspace comes in only with a level to record.
    let rated =
        |skill: usize| (0..round.members.len()).any(|row| !round.levels.get(row, skill).is_blank());
    let columns: Vec<Option<usize>> = round
        .skills
        .iter()
        .enumerate()
        .map(|(index, skill)| match workspace.skill_index(&skill.id) {
            Some(index) => Some(index),
            None if !rated(index) => None,
            None => Some({
                summary.new_skills.push(skill.name.clone());
                workspace.push_skill(skill.clone())
            }),
        })
        .collect();
    let mut seen = vec![false; workspace.members.len()];
    let mut index = super::MemberIndex::new(workspace);
    let notes: std::collections::HashMap<(usize, usize), &String> = notes
        .iter()
        .map(|(row, skill, text)| ((*row, *skill), text))
        .collect();
    // Each member's new ratings, recorded in one pass over their record.
    let mut batches: Vec<(usize, Batch)> = Vec::new();
    for (row, incoming) in round.members.iter().enumerate() {
        let target = match index.matching(incoming) {
            Some(index) if !rater.sets_current() => index,
            Some(index) => {
                let record = &mut workspace.members[index];
                if record.left.is_some_and(|left| left <= as_of) {
                    // In the round again: back on the team from its date.
                    record.left = None;
                    record.joined = Some(as_of);
                    summary
                        .detail_changes
                        .push(format!("{}: back on the team", record.name));
                }
                for change in record.take_details(incoming, as_of) {
                    summary.detail_changes.push(format!(
                        "{}: {}",
                        record.name,
                        change.detail.describe()
                    ));
                }
                index
            }
            None if !rater.sets_current() => {
                summary.unknown.push(incoming.name.clone());
                continue;
            }
            None => {
                summary.added.push(incoming.name.clone());
                seen.push(false);
                let mut joining = incoming.clone();
                joining.joined = Some(as_of);
                joining.fte_stated = true;
                let added = workspace.push_member(joining);
                index.add(added, &workspace.members[added]);
                added
            }
        };
        seen[target] = true;
        // A self or peer round compares with that rater's latest, so the
        // same form imported twice adds nothing.
        let own_latest: Vec<Option<crate::model::Cell>> = if rater.sets_current() {
            Vec::new()
        } else {
            let mut latest = vec![None; workspace.skills.len()];
            for entry in workspace.history.row(target).entries() {
                if entry.rater == rater
                    && let Some(slot) = latest.get_mut(entry.skill as usize)
                {
                    *slot = Some(entry.cell);
                }
            }
            latest
        };
        let mut batch = Vec::new();
        for (skill, &column) in columns.iter().enumerate() {
            let cell = round.levels.get(row, skill);
            let Some(column) = column.filter(|_| !cell.is_blank()) else {
                continue;
            };
            // A manager's round records what moved the level of record.
            let known = if rater.sets_current() {
                Some(workspace.levels.get(target, column))
            } else {
                own_latest[column]
            };
            if known == Some(cell) {
                summary.unchanged += 1;
                continue;
            }
            let assessment = Assessment {
                skill: column as u32,
                as_of: Some(as_of),
                cell,
                rater,
            };
            let note = notes.get(&(row, skill)).map(|text| (*text).clone());
            batch.push((assessment, note));
            summary.recorded += 1;
        }
        batches.push((target, batch));
    }
    for (member, batch) in batches {
        workspace.record_assessments(member, batch);
    }
    if !rater.sets_current() {
        // A self-assessment form is one person's: the others are not missing.
        return summary;
    }
    // Someone who already left is not missing from the round.
    summary.missing_rows = (0..workspace.members.len())
        .filter(|&member| {
            let record = &workspace.members[member];
            !seen[member] && !record.planned && record.left.is_none_or(|left| left > as_of)
        })
        .collect();
    summary.missing = summary
        .missing_rows
        .iter()
        .map(|&member| workspace.members[member].name.clone())
        .collect();
    summary
}

/// The workspace member a round's row is: by email, then by name.
pub fn matching_member(workspace: &Workspace, incoming: &Member) -> Option<usize> {
    if let Some(email) = incoming
        .email
        .as_deref()
        .filter(|email| !email.trim().is_empty())
    {
        let by_email = workspace.members.iter().position(|member| {
            member
                .email
                .as_deref()
                .is_some_and(|known| known.trim().eq_ignore_ascii_case(email.trim()))
        });
        if by_email.is_some() {
            return by_email;
        }
    }
    workspace.members.iter().position(|member| {
        member
            .name
            .trim()
            .eq_ignore_ascii_case(incoming.name.trim())
    })
}

/// What came back of a round of self-assessment forms: how many were read,
/// how many came back blank, and who on the team sent none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormsReturned {
    pub read: usize,
    pub blank: usize,
    pub not_returned: Vec<String>,
}

impl FormsReturned {
    /// `forms` are the forms read, each as the roster it is. Expected back
    /// are the members of the teams the forms came from (forms go out a
    /// team at a time) on `today`, planned seats left out.
    pub fn of(workspace: &Workspace, forms: &[&Workspace], today: super::Date) -> FormsReturned {
        let mut returned = vec![false; workspace.members.len()];
        let mut blank = 0;
        for form in forms {
            if form.assessed_cells() == 0 {
                blank += 1;
            }
            for member in &form.members {
                if let Some(row) = matching_member(workspace, member) {
                    returned[row] = true;
                }
            }
        }
        let teams: std::collections::HashSet<Option<&str>> = workspace
            .members
            .iter()
            .zip(&returned)
            .filter(|(_, back)| **back)
            .map(|(member, _)| member.team.as_deref())
            .collect();
        let not_returned = workspace
            .members
            .iter()
            .enumerate()
            .filter(|(row, member)| {
                !returned[*row]
                    && !member.planned
                    && teams.contains(&member.team.as_deref())
                    && workspace.is_member_on(*row, today)
            })
            .map(|(_, member)| member.name.clone())
            .collect();
        FormsReturned {
            read: forms.len(),
            blank,
            not_returned,
        }
    }

    /// `49 forms back, 3 blank; not returned: Ana Lima, Kwame Mensah`.
    pub fn describe(&self) -> String {
        let mut said = format!(
            "{} back, {} blank",
            crate::words::count_of(self.read, "form", "forms"),
            self.blank
        );
        match self.not_returned.as_slice() {
            [] => said.push_str("; every member's form is back"),
            names if names.len() <= 8 => {
                said.push_str(&format!("; not returned: {}", names.join(", ")))
            }
            names => said.push_str(&format!(
                "; not returned: {} and {} more",
                names[..8].join(", "),
                names.len() - 8
            )),
        }
        said
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cell, Level, Skill, SkillId, SkillKind};

    fn team(names: &[(&str, Option<Level>)]) -> Workspace {
        let mut workspace = Workspace::default();
        workspace.push_skill(Skill::custom(SkillId::new("rust"), "Rust", SkillKind::Hard));
        for (name, level) in names {
            let row = workspace.push_member(Member::new(name));
            if let Some(level) = level {
                workspace.levels.set(row, 0, Cell::assessed(*level));
            }
        }
        workspace
    }

    #[test]
    fn a_round_records_what_moved_adds_newcomers_and_lists_the_absent() {
        let mut workspace = team(&[("Ana", Some(Level::WORKING)), ("Ben", Some(Level::EXPERT))]);
        let round = team(&[
            ("ana", Some(Level::PROFICIENT)),
            ("Cleo", Some(Level::AWARENESS)),
        ]);
        let june = "2026-06-30".parse().expect("date");
        let summary = import_round(&mut workspace, &round, june, Rater::Manager);
        assert_eq!(summary.recorded, 2);
        assert_eq!(summary.added, vec!["Cleo".to_string()]);
        assert_eq!(summary.missing, vec!["Ben".to_string()]);
        assert_eq!(workspace.cell(0, 0), Cell::assessed(Level::PROFICIENT));
        assert_eq!(workspace.cell(1, 0), Cell::assessed(Level::EXPERT));
        // Ana's undated level is kept before the round's.
        assert_eq!(workspace.history.row(0).entries().len(), 2);
        let again = import_round(&mut workspace, &round, june, Rater::Manager);
        assert_eq!((again.recorded, again.unchanged), (0, 2));
    }
}
