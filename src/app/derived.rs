//! Data derived from the workspace for the views, recomputed only when the
//! workspace or the view's filter changes, never per frame.

use super::Document;
use crate::analysis::{self, CompiledRole, Scope, ScopeFilter};
use crate::model::{Level, SkillKind, Workspace};

/// What the matrix shows: which rows and columns, in what order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MatrixFilter {
    pub team: Option<String>,
    pub role: Option<String>,
    pub kind: Option<SkillKind>,
    pub category: Option<String>,
    pub search: String,
    pub sort: SortKey,
    pub descending: bool,
    /// Mark the cells whose level moved since this date.
    pub since: Option<crate::model::Date>,
    /// Show only members with cells last rated before this date, and mark
    /// those cells.
    pub stale_before: Option<crate::model::Date>,
    /// Whose ratings the cells show.
    pub ratings: Ratings,
    /// With `since`: show only the members whose levels moved.
    pub changed_only: bool,
    /// Show the members who have left (greyed, counted nowhere).
    pub show_leavers: bool,
}

impl MatrixFilter {
    /// The part of the filter that defines whom the counts are over: a
    /// team and a role. Search, stale and changes-since only pick rows.
    pub fn scope(&self) -> ScopeFilter {
        ScopeFilter {
            team: self.team.clone(),
            role: self.role.clone(),
        }
    }
}

/// The matrix's cells: the current (manager's) levels, the members' own
/// latest self ratings, or how far the self rating is from the current.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Ratings {
    #[default]
    Current,
    SelfRated,
    Difference,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Roster,
    Name,
    Role,
    Team,
    Fit,
    Skill(usize),
}

/// Data derived from the workspace, cached against its generation.
#[derive(Default)]
pub struct Derived {
    /// The document id and generation this was computed from.
    pub generation: Option<(u64, u64)>,
    /// Each cell's latest self rating, row by row, while the matrix shows
    /// self ratings; empty otherwise.
    self_ratings: Vec<Option<Option<Level>>>,
    self_columns: usize,
    /// Per skill column: members who can lead it (the footer counts).
    pub leaders: Vec<u32>,
    /// Per skill column: required by a role present and led by one or nobody.
    pub bus_factor: Vec<bool>,
    /// Per member: fit for their own role, with how much is assessed.
    pub fit: Vec<Option<crate::analysis::Score>>,
    /// Per workspace role, per skill column: the level it requires.
    required_by_role: Vec<Vec<Option<Level>>>,
    /// Per member: the index of their role in the workspace's roles.
    role_of: Vec<Option<usize>>,
    pub teams: Vec<String>,
    pub roles: Vec<(String, String)>,
    /// Per workspace role: how many members hold it.
    pub role_members: Vec<u32>,
    /// The workspace's roles by source, for lists and menus.
    pub role_groups: Vec<(String, Vec<usize>)>,
    pub categories: Vec<String>,
    /// The rows and columns on show, for `filter` at `generation`.
    pub rows: Vec<usize>,
    pub columns: Vec<usize>,
    /// Per skill column: of the members in the team and role filter (not
    /// narrowed by search, stale or changes), who can lead it, and whether
    /// a role among them requires it while one or nobody of them leads it.
    pub shown_leaders: Vec<u32>,
    pub shown_bus_factor: Vec<bool>,
    /// How many members the team and role filter holds.
    pub in_scope: usize,
    /// "in Growth" for the counts' label; empty for everyone.
    pub scope_words: String,
    /// Per member: on the team on the day the view is of (leavers are not).
    pub on_team: Vec<bool>,
    /// Self or peer ratings waiting for review, with their level, sorted:
    /// shown as such and counted nowhere.
    pub waiting: Vec<((usize, usize), Level)>,
    /// Skills the search found by an alias: (what was typed, the skill).
    pub alias_matches: Vec<String>,
    /// The member with the longest name, and the longest team name and
    /// role title (indices into `teams` and `roles`): they size the
    /// matrix's first columns without a pass over them every frame.
    pub longest_name: Option<usize>,
    pub longest_team: Option<usize>,
    pub longest_role: Option<usize>,
    /// The skill with the longest name: it sizes the header band.
    pub longest_skill: Option<usize>,
    /// The dates most of the roster was rated on: the rounds, oldest first.
    pub rounds: Vec<crate::model::Date>,
    /// The cells that moved since `filter.since`.
    pub changed: crate::analysis::ChangedSince,
    /// The cells last rated before `filter.stale_before`, sorted.
    pub stale: Vec<(usize, usize)>,
    /// Cells with a development target, and where it stands, sorted.
    pub targets: Vec<((usize, usize), crate::analysis::TargetState)>,
    /// Held cells whose only evidence is a lapsed certificate, sorted.
    pub lapsed: Vec<(usize, usize)>,
    /// What each cell's commits say, and where they disagree with it.
    pub work: crate::analysis::WorkCells,
    /// The day targets and certificates are judged on (tests pin it).
    pub today: Option<crate::model::Date>,
    filter: Option<(MatrixFilter, (u64, u64))>,
}

impl Derived {
    /// How many members hold workspace role `role`.
    pub fn members_in_role(&self, role: usize) -> u32 {
        self.role_members.get(role).copied().unwrap_or(0)
    }

    /// Recomputes what the workspace or the filter changed, nothing else.
    /// The latest self rating of a cell, once the matrix shows self ratings
    /// (`None` inside: rated, not assessed).
    pub fn self_rating(&self, member: usize, skill: usize) -> Option<Option<Level>> {
        let columns = self.self_columns;
        self.self_ratings
            .get(member * columns + skill)
            .copied()
            .flatten()
    }

    pub fn refresh(&mut self, document: &Document, filter: &MatrixFilter) {
        let workspace = &document.workspace;
        let version = (document.id, document.generation);
        if self.generation != Some(version) {
            self.recompute_workspace(workspace);
            self.generation = Some(version);
            self.filter = None;
            self.self_ratings.clear();
        }
        if filter.ratings != Ratings::Current && self.self_ratings.is_empty() {
            self.recompute_self_ratings(workspace);
        }
        if self.filter.as_ref() != Some(&(filter.clone(), version)) {
            self.recompute_view(workspace, filter);
            self.filter = Some((filter.clone(), version));
        }
    }

    pub fn target_state(
        &self,
        member: usize,
        skill: usize,
    ) -> Option<crate::analysis::TargetState> {
        self.targets
            .binary_search_by_key(&(member, skill), |(cell, _)| *cell)
            .ok()
            .map(|found| self.targets[found].1)
    }

    pub fn is_lapsed(&self, member: usize, skill: usize) -> bool {
        self.lapsed.binary_search(&(member, skill)).is_ok()
    }

    /// The level the member's role requires in a skill column.
    pub fn required(&self, member: usize, column: usize) -> Option<Level> {
        let role = (*self.role_of.get(member)?)?;
        *self.required_by_role.get(role)?.get(column)?
    }

    /// The level a self or peer rating waits to have reviewed in a cell.
    pub fn waiting(&self, member: usize, skill: usize) -> Option<Level> {
        self.waiting
            .binary_search_by_key(&(member, skill), |(cell, _)| *cell)
            .ok()
            .map(|found| self.waiting[found].1)
    }

    /// The day the view is of: today unless a test pins it.
    pub fn day(&self) -> crate::model::Date {
        self.today.unwrap_or_else(crate::model::today)
    }

    /// One pass over the history: each cell's latest self rating.
    fn recompute_self_ratings(&mut self, workspace: &Workspace) {
        let columns = workspace.skills.len();
        self.self_columns = columns;
        self.self_ratings = vec![None; workspace.members.len() * columns];
        for (member, history) in workspace.history.rows() {
            for entry in history.entries() {
                if entry.rater == crate::model::Rater::SelfRated
                    && let Some(slot) = self
                        .self_ratings
                        .get_mut(member * columns + entry.skill as usize)
                {
                    *slot = Some(entry.cell.level());
                }
            }
        }
    }

    fn recompute_workspace(&mut self, workspace: &Workspace) {
        let today = self.day();
        let scope = Scope::new(workspace, today, &ScopeFilter::default());
        let settings = &workspace.settings;
        let coverage = analysis::coverage(&scope, settings);
        self.lapsed = scope.lapsed().to_vec();
        self.work = analysis::work_cells(&scope, settings);
        self.on_team = (0..workspace.members.len())
            .map(|member| scope.on_team(member))
            .collect();
        self.waiting.clear();
        let skills = workspace.skills.len();
        let mut scratch = crate::model::RecordScratch::default();
        for (member, row) in workspace.history.rows() {
            if member >= workspace.members.len() {
                continue;
            }
            row.each_record(skills, None, &mut scratch, |column, record| {
                if let Some((level, _)) = record.waiting_level() {
                    self.waiting.push(((member, column), level));
                }
            });
        }
        // Found in the order rated; looked up by member and skill.
        self.waiting.sort_unstable_by_key(|(key, _)| *key);
        self.targets.clear();
        for (member, record) in workspace.members.iter().enumerate() {
            for target in &record.development.targets {
                if let Some(column) = workspace.skill_index(&target.skill) {
                    let level = scope.level(member, column);
                    let state = analysis::target_state(target, level, today);
                    self.targets.push(((member, column), state));
                }
            }
        }
        self.targets.sort_unstable_by_key(|(cell, _)| *cell);
        self.leaders = coverage.iter().map(|c| c.leaders).collect();
        let (risks, _) = analysis::bus_factor(&scope, settings);
        self.bus_factor = workspace
            .skills
            .iter()
            .map(|skill| {
                risks
                    .iter()
                    .any(|risk| &*risk.skill.id == skill.id.as_str())
            })
            .collect();
        let compiled: Vec<CompiledRole> = (0..workspace.roles.len())
            .map(|index| CompiledRole::new(&scope, index))
            .collect();
        self.fit = (0..workspace.members.len())
            .map(|member| {
                scope
                    .role_index_of(member)
                    .map(|role| compiled[role].score(&scope, member))
            })
            .collect();
        // Kept per role, not per cell: a million members share a few dozen.
        self.required_by_role = scope
            .requirements
            .iter()
            .map(|requirements| {
                let mut levels = vec![None; workspace.skills.len()];
                for requirement in requirements {
                    if let Some(column) = requirement.column {
                        levels[column] = Some(requirement.min_level);
                    }
                }
                levels
            })
            .collect();
        self.role_of = (0..workspace.members.len())
            .map(|member| scope.role_index_of(member))
            .collect();
        self.role_groups = workspace.role_groups();
        self.role_members = vec![0; workspace.roles.len()];
        for member in 0..workspace.members.len() {
            if let Some(role) = scope.role_index_of(member) {
                self.role_members[role] += 1;
            }
        }
        self.longest_name = (0..workspace.members.len())
            .max_by_key(|&member| workspace.members[member].name.chars().count());
        self.longest_skill = (0..workspace.skills.len())
            .max_by_key(|&skill| workspace.skills[skill].name.chars().count());
        let mut teams: Vec<String> = workspace
            .members
            .iter()
            .filter_map(|m| m.team.clone())
            .collect();
        teams.sort_unstable();
        teams.dedup();
        self.longest_team = (0..teams.len()).max_by_key(|&team| teams[team].chars().count());
        self.teams = teams;
        // The roles someone holds, from the counts above.
        let mut roles: Vec<(String, String)> = workspace
            .roles
            .iter()
            .zip(&self.role_members)
            .filter(|(_, held)| **held > 0)
            .map(|(role, _)| (role.id.0.clone(), role.title.clone()))
            .collect();
        roles.sort_by(|a, b| a.1.cmp(&b.1));
        self.longest_role = (0..roles.len()).max_by_key(|&role| roles[role].1.chars().count());
        self.roles = roles;
        let mut categories: Vec<String> = workspace
            .skills
            .iter()
            .map(|s| s.category.clone())
            .collect();
        categories.sort_unstable();
        categories.dedup();
        self.categories = categories;
        self.rounds = workspace
            .history
            .rounds(crate::model::History::round_size(workspace.members.len()));
    }

    /// Whether a cell was last rated before the stale date on show.
    pub fn is_stale(&self, member: usize, skill: usize) -> bool {
        self.stale.binary_search(&(member, skill)).is_ok()
    }

    fn recompute_view(&mut self, workspace: &Workspace, filter: &MatrixFilter) {
        let query = filter.search.trim().to_lowercase();
        let by_name = |column: usize| {
            workspace.skills[column]
                .name
                .to_lowercase()
                .contains(&query)
        };
        // An alias matches whole, as import matches a header: "k8s".
        let by_alias = |column: usize| {
            workspace.skills[column]
                .aliases
                .iter()
                .any(|alias| alias.to_lowercase() == query)
        };
        let skill_matches = |column: usize| by_name(column) || by_alias(column);
        let search_skills = !query.is_empty() && (0..workspace.skills.len()).any(skill_matches);
        let mut columns: Vec<usize> = (0..workspace.skills.len())
            .filter(|&column| {
                let skill = &workspace.skills[column];
                filter.kind.is_none_or(|kind| skill.kind == kind)
                    && filter
                        .category
                        .as_ref()
                        .is_none_or(|c| &skill.category == c)
                    && (!search_skills || skill_matches(column))
            })
            .collect();
        // Hard skills first, then soft, each in the roster's order.
        columns.sort_by_key(|&column| workspace.skills[column].kind == SkillKind::Soft);
        let member_matches = |member: usize| {
            let record = &workspace.members[member];
            record.name.to_lowercase().contains(&query)
                || record
                    .team
                    .as_deref()
                    .is_some_and(|t| t.to_lowercase().contains(&query))
        };
        let search_members = !query.is_empty() && !search_skills;
        // The team and role filter is the scope every count is over;
        // search, stale and changes-since only pick rows to show.
        let everyone = Scope::new(workspace, self.day(), &ScopeFilter::default());
        let scope = everyone.narrowed(&filter.scope());
        self.changed = match filter.since {
            Some(date) => analysis::changed_since(&scope, date),
            None => analysis::ChangedSince::default(),
        };
        self.stale = match filter.stale_before {
            Some(cutoff) => analysis::stale_cells(&scope, cutoff),
            None => Vec::new(),
        };
        let stale_members: Vec<bool> = {
            let mut members = vec![filter.stale_before.is_none(); workspace.members.len()];
            for &(member, _) in &self.stale {
                members[member] = true;
            }
            members
        };
        let scope_filter = filter.scope();
        let mut rows: Vec<usize> = (0..workspace.members.len())
            .filter(|&member| {
                (self.on_team[member] || filter.show_leavers)
                    && scope_filter.admits(workspace, member)
                    && (!search_members || member_matches(member))
                    && stale_members[member]
                    && (!filter.changed_only
                        || filter.since.is_none()
                        || self.changed.changed(member))
            })
            .collect();
        let title = |member: usize| {
            workspace
                .member_role(member)
                .map_or("", |role| role.title.as_str())
        };
        match filter.sort {
            SortKey::Roster => {}
            SortKey::Name => {
                rows.sort_by(|&a, &b| workspace.members[a].name.cmp(&workspace.members[b].name))
            }
            SortKey::Role => rows.sort_by(|&a, &b| title(a).cmp(title(b))),
            SortKey::Team => {
                rows.sort_by(|&a, &b| workspace.members[a].team.cmp(&workspace.members[b].team))
            }
            SortKey::Fit => {
                // Too little assessed to judge sorts below every real score.
                let key = |member: usize| {
                    self.fit[member].map_or(-2.0, |fit| {
                        if fit.coverage.judgeable() {
                            fit.score
                        } else {
                            -1.0
                        }
                    })
                };
                rows.sort_by(|&a, &b| key(a).total_cmp(&key(b)))
            }
            SortKey::Skill(column) => rows.sort_by_key(|&member| {
                scope
                    .level(member, column)
                    .map_or(-1, |level| i16::from(level.get()))
            }),
        }
        if filter.descending {
            rows.reverse();
        }
        self.alias_matches = if query.is_empty() {
            Vec::new()
        } else {
            columns
                .iter()
                .filter(|&&column| by_alias(column) && !by_name(column))
                .map(|&column| workspace.skills[column].name.clone())
                .collect()
        };
        if scope_filter.is_everyone() {
            self.shown_leaders.clone_from(&self.leaders);
            self.shown_bus_factor.clone_from(&self.bus_factor);
        } else {
            let settings = &workspace.settings;
            self.shown_leaders = analysis::coverage(&scope, settings)
                .iter()
                .map(|c| c.leaders)
                .collect();
            let (risks, _) = analysis::bus_factor(&scope, settings);
            let mut risky = vec![false; workspace.skills.len()];
            for risk in &risks {
                if let Some(column) =
                    workspace.skill_index(&crate::model::SkillId::new(&*risk.skill.id))
                {
                    risky[column] = true;
                }
            }
            self.shown_bus_factor = risky;
        }
        self.in_scope = scope.members.len();
        self.scope_words = scope.in_words();
        self.rows = rows;
        self.columns = columns;
    }
}
