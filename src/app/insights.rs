//! The analysis behind the insight views, cached against the document's
//! generation and the views' options. Small rosters are analysed at once;
//! large ones on a worker thread, so no frame waits for it: the views show
//! the last results, marked as updating, until the new ones arrive.

use super::Document;
use crate::analysis::{self, Analysis, AnalysisOptions, Cost, Scope, TimeSplitReport};
use crate::catalog;
use crate::model::Workspace;
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
}

impl InsightResults {
    pub fn compute(workspace: &Workspace, options: &InsightOptions) -> InsightResults {
        let options = AnalysisOptions {
            team: options.team.clone(),
            budget: options.budget,
        };
        let analysis = analysis::analyze(workspace, &options);
        let what_if = (!workspace.plan.is_empty()).then(|| {
            let planned =
                analysis::apply_plan(workspace, &workspace.plan, &catalog::builtin().skills);
            analysis::analyze(&planned, &options)
        });
        InsightResults {
            analysis,
            what_if,
            planned_cost: analysis::planned_cost(workspace, &workspace.plan),
            team_time: analysis::time_split_by_team(&Scope::new(workspace, None)),
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
