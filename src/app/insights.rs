//! The analysis behind the insight views, cached against the document's
//! generation and the views' options. Small rosters are analysed at once;
//! large ones on a worker thread, so no frame waits for it: the views show
//! the last results, marked as updating, until the new ones arrive.

use super::Document;
use crate::analysis::{self, Analysis, AnalysisOptions, Cost, Scope, TimeSplitReport};
use crate::catalog;
use crate::model::{SkillKind, Workspace};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// Rosters up to this many cells are analysed on the UI thread (a few
/// milliseconds); larger ones on a worker.
pub const INLINE_CELLS: usize = 250_000;

/// What the insight views ask of the analysis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InsightOptions {
    pub team: Option<String>,
    pub budget: Option<f64>,
    /// The day targets and certificates are judged on (tests pin it).
    pub today: Option<crate::model::Date>,
    /// How far a self rating must differ to wait for review (0 reads as 1).
    pub review_threshold: u8,
}

/// The analysis of the roster and, when there is a plan, of the roster as
/// the plan would leave it.
pub struct InsightResults {
    pub analysis: Analysis,
    pub what_if: Option<Analysis>,
    /// The plan's hires at their bands (low/mid/high) and how many have none.
    pub planned_cost: (Cost, usize),
    /// Each team's time split, by team name.
    pub team_time: Vec<(String, TimeSplitReport)>,
    /// The orders and lookups the views draw in, sorted here once.
    pub lists: ViewLists,
    /// Who could lead each skill at each round, in the team filter.
    pub bench_trend: analysis::BenchTrend,
    /// Each skill whose leads the plan changes (empty without a plan).
    pub lead_changes: Vec<analysis::LeadChange>,
    /// The home view's headlines, of the roster as it is.
    pub headlines: Vec<analysis::Headline>,
    /// Self ratings waiting for the manager's word, counted here so the
    /// overview never walks the history on the UI thread.
    pub review_waiting: usize,
}

/// The gaps chart shows at most this many skills, the thinnest.
pub const CHARTED_GAPS: usize = 40;
/// The capacity chart shows at most this many teams, furthest short first.
pub const CHARTED_TEAMS: usize = 24;

/// What the views would otherwise sort and search every frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewLists {
    /// The gaps chart, top to bottom: (y, index into the first team gaps'
    /// `gaps`), hard skills then soft with a blank row between.
    pub gap_rows: Vec<(f64, usize)>,
    /// How many required skills there were to chart.
    pub gaps_total: usize,
    /// Indices into `team_time` for the capacity chart, in the team filter.
    pub capacity_teams: Vec<usize>,
    pub capacity_total: usize,
    /// The workspace's projects in list order: priority, then start.
    pub project_order: Vec<usize>,
    /// Per workspace project, its place in the staffing's `projects`.
    pub project_staffing: Vec<Option<usize>>,
    /// Per planned departure, the member's name (the key when not found).
    pub departure_names: Vec<String>,
    /// Per planned hire, the reports the plan moves to them.
    pub planned_reports: Vec<PlannedReports>,
}

/// Whom a planned manager takes on, and from whom.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlannedReports {
    /// Rows of the members the plan moves.
    pub moved: Vec<usize>,
    /// The managers they come from, as named in their manager cells, and
    /// those managers' names.
    pub from: Vec<String>,
    pub from_names: Vec<String>,
    /// Everyone who could be moved: those moved and the others of the
    /// managers they come from, in roster order.
    pub candidates: Vec<usize>,
}

impl ViewLists {
    fn compute(
        workspace: &Workspace,
        analysis: &Analysis,
        team_time: &[(String, TimeSplitReport)],
        team: Option<&str>,
    ) -> ViewLists {
        let gaps = analysis
            .team_gaps
            .first()
            .map_or(&[][..], |team| team.gaps.as_slice());
        let mut ordered: Vec<usize> = (0..gaps.len()).collect();
        ordered.sort_by(|&a, &b| {
            let (a, b) = (&gaps[a], &gaps[b]);
            b.bench_deficit
                .cmp(&a.bench_deficit)
                .then(a.leaders.cmp(&b.leaders))
        });
        ordered.truncate(CHARTED_GAPS);
        ordered.sort_by(|&a, &b| {
            let (a, b) = (&gaps[a], &gaps[b]);
            (a.skill.kind == SkillKind::Soft)
                .cmp(&(b.skill.kind == SkillKind::Soft))
                .then(b.bench_deficit.cmp(&a.bench_deficit))
                .then(a.leaders.cmp(&b.leaders))
        });
        let mut gap_rows = Vec::with_capacity(ordered.len());
        let mut y = ordered.len() as f64 + 1.0;
        let mut previous_kind = None;
        for index in ordered {
            let kind = gaps[index].skill.kind;
            if previous_kind.is_some_and(|previous| previous != kind) {
                y -= 1.0;
            }
            previous_kind = Some(kind);
            gap_rows.push((y, index));
            y -= 1.0;
        }

        let mut capacity_teams: Vec<usize> = (0..team_time.len())
            .filter(|&index| team.is_none_or(|wanted| wanted == team_time[index].0))
            .collect();
        let capacity_total = capacity_teams.len();
        if capacity_total > CHARTED_TEAMS {
            let shortfall = |index: usize| {
                let time = &team_time[index].1;
                time.people_fte_needed - time.people_fte
            };
            capacity_teams.sort_by(|&a, &b| shortfall(b).total_cmp(&shortfall(a)));
            capacity_teams.truncate(CHARTED_TEAMS);
        }

        let mut project_order: Vec<usize> = (0..workspace.projects.len()).collect();
        project_order.sort_by(|&a, &b| {
            let (pa, pb) = (&workspace.projects[a], &workspace.projects[b]);
            pa.priority.cmp(&pb.priority).then(pa.start.cmp(&pb.start))
        });
        let project_staffing = workspace
            .projects
            .iter()
            .map(|project| {
                analysis
                    .staffing
                    .as_ref()?
                    .projects
                    .iter()
                    .position(|staffed| staffed.name == project.name)
            })
            .collect();
        let plan = &workspace.plan;
        let departure_names = plan
            .departures
            .iter()
            .map(|key| {
                workspace
                    .find_member(key)
                    .map_or(key.clone(), |member| workspace.members[member].name.clone())
            })
            .collect();
        let planned_reports = plan
            .hires
            .iter()
            .map(|hire| {
                let moved: Vec<usize> = hire
                    .reports
                    .iter()
                    .filter_map(|key| workspace.find_member(key))
                    .collect();
                let mut from: Vec<String> = moved
                    .iter()
                    .filter_map(|&m| workspace.members[m].manager.clone())
                    .collect();
                from.sort();
                from.dedup();
                let from_names = from
                    .iter()
                    .map(|key| {
                        workspace
                            .find_member(key)
                            .map_or(key.clone(), |m| workspace.members[m].name.clone())
                    })
                    .collect();
                let candidates = (0..workspace.members.len())
                    .filter(|&m| {
                        moved.contains(&m)
                            || workspace.members[m]
                                .manager
                                .as_ref()
                                .is_some_and(|manager| from.contains(manager))
                    })
                    .collect();
                PlannedReports {
                    moved,
                    from,
                    from_names,
                    candidates,
                }
            })
            .collect();
        ViewLists {
            departure_names,
            planned_reports,
            gap_rows,
            gaps_total: gaps.len(),
            capacity_teams,
            capacity_total,
            project_order,
            project_staffing,
        }
    }
}

impl InsightResults {
    pub fn compute(workspace: &Workspace, options: &InsightOptions) -> InsightResults {
        let review_threshold = options.review_threshold.max(1);
        let options = AnalysisOptions {
            team: options.team.clone(),
            budget: options.budget,
            today: options.today,
        };
        let analysis = analysis::analyze(workspace, &options);
        let what_if = (!workspace.plan.is_empty()).then(|| {
            let planned =
                analysis::apply_plan(workspace, &workspace.plan, &catalog::builtin().skills);
            analysis::analyze(&planned, &options)
        });
        let day = options.today.unwrap_or_else(crate::model::today);
        let team_time = analysis::time_split_by_team(&Scope::new(
            workspace,
            day,
            &analysis::ScopeFilter::default(),
        ));
        // What moved since the round before the last, for the overview.
        let changes = analysis.bench_changes.from.map(|from| {
            let filter = analysis::ScopeFilter::team(options.team.as_deref());
            analysis::changed_since(&Scope::new(workspace, day, &filter), from)
        });
        let lists = ViewLists::compute(workspace, &analysis, &team_time, options.team.as_deref());
        let bench_trend = analysis::bench_trend(workspace, options.team.as_deref());
        let lead_changes = what_if.as_ref().map_or_else(Vec::new, |planned| {
            analysis::lead_changes(&analysis, planned)
        });
        let review_waiting = analysis::review_differences(
            &Scope::new(workspace, day, &analysis::ScopeFilter::default()),
            review_threshold,
        )
        .iter()
        .filter(|difference| difference.decided.is_none())
        .count();
        InsightResults {
            headlines: analysis::headlines(&analysis, changes.as_ref()),
            review_waiting,
            lead_changes,
            bench_trend,
            analysis,
            what_if,
            planned_cost: analysis::planned_cost(workspace, &workspace.plan),
            team_time,
            lists,
        }
    }

    /// The analysis the views show: the plan's when there is one.
    pub fn shown(&self) -> &Analysis {
        self.what_if.as_ref().unwrap_or(&self.analysis)
    }
}

type Key = (u64, u64, InsightOptions);

#[derive(Default)]
pub struct Insights {
    results: Option<Arc<InsightResults>>,
    key: Option<Key>,
    pending: Option<(Key, Receiver<InsightResults>)>,
}

impl Insights {
    /// Starts (or does at once) the analysis the views need, unless it is
    /// done or under way. `repaint` wakes the window when a worker finishes.
    pub fn refresh(
        &mut self,
        document: &Document,
        options: &InsightOptions,
        repaint: impl Fn() + Send + 'static,
    ) {
        self.poll();
        let wanted: Key = (document.id, document.generation, options.clone());
        if self.key.as_ref() == Some(&wanted)
            || self.pending.as_ref().is_some_and(|(key, _)| key == &wanted)
        {
            return;
        }
        let workspace = Arc::clone(&document.workspace);
        if workspace.members.len() * workspace.skills.len() <= INLINE_CELLS {
            self.results = Some(Arc::new(InsightResults::compute(&workspace, options)));
            self.key = Some(wanted);
            self.pending = None;
            return;
        }
        let (sender, receiver) = channel();
        let options = options.clone();
        let spawned = std::thread::Builder::new()
            .name("skillgrid-analysis".into())
            .spawn(move || {
                let _ = sender.send(InsightResults::compute(&workspace, &options));
                repaint();
            });
        if spawned.is_ok() {
            self.pending = Some((wanted, receiver));
        }
    }

    /// Takes a worker's result when it has arrived.
    pub fn poll(&mut self) {
        if let Some((key, receiver)) = &self.pending
            && let Ok(results) = receiver.try_recv()
        {
            self.results = Some(Arc::new(results));
            self.key = Some(key.clone());
            self.pending = None;
        }
    }

    pub fn results(&self) -> Option<&InsightResults> {
        self.results.as_deref()
    }

    /// The results as shared, to tell one analysis from the next.
    pub fn shared(&self) -> Option<&Arc<InsightResults>> {
        self.results.as_ref()
    }

    /// Whether the results shown are of this document as it is now, with
    /// these options.
    pub fn is_current(&self, document: &Document, options: &InsightOptions) -> bool {
        self.results.is_some()
            && self.key.as_ref() == Some(&(document.id, document.generation, options.clone()))
    }

    /// An analysis is running for newer data than the results shown.
    pub fn updating(&self) -> bool {
        self.pending.is_some()
    }

    /// Blocks until a worker's analysis arrives (benchmarks and tests).
    pub fn wait(&mut self) {
        if let Some((key, receiver)) = self.pending.take()
            && let Ok(results) = receiver.recv()
        {
            self.results = Some(Arc::new(results));
            self.key = Some(key);
        }
    }
}
