//! The bundled samples, dated so what they show lies around today: a
//! sample opened a year from now still has projects ahead and a last
//! round a quarter ago.

use crate::app::AppState;
use crate::app::Document;
use crate::catalog;
use crate::io;
use crate::model::{Date, Rater, Workspace, import_round};

/// The sample team a new user sees first, built into the binary.
pub const SAMPLE_NAME: &str = "product-org.csv";
const SAMPLE_CSV: &[u8] = include_bytes!("../../../sample-teams/product-org.csv");
const STAFFING: &[u8] = include_bytes!("../../../sample-teams/product-org-staffing.json");

/// A round's file name, its bytes, and the year, month and day it is of.
type SampleRound = (&'static str, &'static [u8], (i16, i8, i8));

/// The rounds `sample-teams/rounds/build.sh` imports, in its order, with
/// the dates it gives them.
const ROUNDS: [SampleRound; 4] = [
    (
        "product-org-2026-q1.csv",
        include_bytes!("../../../sample-teams/rounds/product-org-2026-q1.csv"),
        (2026, 3, 31),
    ),
    (
        "product-org-2025-review.csv",
        include_bytes!("../../../sample-teams/rounds/product-org-2025-review.csv"),
        (2025, 10, 15),
    ),
    (
        "product-org-2026-q2.csv",
        include_bytes!("../../../sample-teams/rounds/product-org-2026-q2.csv"),
        (2026, 6, 30),
    ),
    (
        "product-org-2026-q3.csv",
        include_bytes!("../../../sample-teams/rounds/product-org-2026-q3.csv"),
        (2026, 9, 30),
    ),
];

impl AppState {
    /// The bundled sample team.
    pub fn sample_document() -> Document {
        let imported = io::import_roster(SAMPLE_CSV, SAMPLE_NAME, catalog::builtin())
            .expect("the bundled sample imports");
        let mut document = Document::new(imported.value, &format!("{SAMPLE_NAME} (sample)"), None);
        document.warnings = imported.warnings;
        document
    }

    /// The sample team with three projects, its projects moved so the
    /// earliest starts this week: a timeline and staffing to try that lie
    /// ahead, whatever the date.
    pub fn sample_with_projects(today: Date) -> Document {
        let imported = io::workspace_from_json(STAFFING, "product-org-staffing.json")
            .expect("the bundled staffing sample reads");
        let mut workspace = imported.value;
        let weeks = workspace.weeks_to_bring_projects_to(today);
        workspace.shift_projects(weeks);
        Document::new(workspace, "product-org-staffing.json (sample)", None)
    }

    /// The sample team with four rounds of ratings, moved by whole quarters
    /// so the last round is the quarter before today's: a history, bench
    /// trend and changes since the last round to try.
    pub fn sample_with_history(today: Date) -> Document {
        let last = ROUNDS.iter().map(|(_, _, date)| *date).max();
        let quarters = last.map_or(0, |(year, month, _)| {
            quarters_between((year, month), previous_quarter_end(today))
        });
        let mut workspace: Option<Workspace> = None;
        for (name, bytes, (year, month, day)) in ROUNDS {
            let round = io::import_roster(bytes, name, catalog::builtin())
                .expect("the bundled rounds import")
                .value;
            let as_of = by_quarters(jiff::civil::date(year, month, day), quarters);
            let target =
                workspace.get_or_insert_with(|| Workspace::with_roles(round.roles.clone()));
            import_round(target, &round, as_of, Rater::Manager);
        }
        let workspace = workspace.unwrap_or_default();
        Document::new(workspace, "product-org-history (sample)", None)
    }
}

/// The year and month of the last quarter end strictly before `today`.
fn previous_quarter_end(today: Date) -> (i16, i8) {
    let quarter_start = (today.month() - 1) / 3 * 3 + 1;
    if quarter_start == 1 {
        (today.year() - 1, 12)
    } else {
        (today.year(), quarter_start - 1)
    }
}

fn quarters_between(from: (i16, i8), to: (i16, i8)) -> i32 {
    let months = (i32::from(to.0) - i32::from(from.0)) * 12 + i32::from(to.1) - i32::from(from.1);
    months.div_euclid(3)
}

/// `date` moved by whole quarters; a month's last day stays its month's
/// last day, so quarter ends stay quarter ends.
fn by_quarters(date: Date, quarters: i32) -> Date {
    let span = jiff::Span::new().months(i64::from(quarters) * 3);
    let Ok(moved) = date.checked_add(span) else {
        return date;
    };
    if date == date.last_of_month() {
        moved.last_of_month()
    } else {
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::History;

    #[test]
    fn the_last_round_is_the_quarter_before_today() {
        let now = AppState::sample_with_history(jiff::civil::date(2026, 12, 7));
        let later = AppState::sample_with_history(jiff::civil::date(2028, 2, 10));
        let rounds = |document: &Document| {
            let size = History::round_size(document.workspace.members.len());
            document.workspace.history.rounds(size)
        };
        assert_eq!(
            rounds(&later).last(),
            Some(&jiff::civil::date(2027, 12, 31))
        );
        // Every round moves by the same five quarters; quarter ends stay ends.
        let moved: Vec<Date> = rounds(&now)
            .into_iter()
            .map(|date| by_quarters(date, 5))
            .collect();
        assert_eq!(rounds(&later), moved);
        assert!(moved.contains(&jiff::civil::date(2027, 9, 30)));
        assert_eq!(now.workspace.levels, later.workspace.levels);
    }

    #[test]
    fn today_the_sample_keeps_the_dates_of_the_saved_one() {
        let document = AppState::sample_with_history(jiff::civil::date(2026, 12, 7));
        let saved = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-teams/product-org-history.skillgrid");
        let saved = io::read_database(&saved).expect("the saved sample reads");
        let workspace = &document.workspace;
        let members = History::round_size(workspace.members.len());
        assert_eq!(
            workspace.history.rounds(members),
            saved.value.workspace.history.rounds(members)
        );
        assert_eq!(workspace.levels, saved.value.workspace.levels);
    }
}
