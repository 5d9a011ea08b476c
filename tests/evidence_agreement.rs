//! Every surface says the same of the work, on random rosters with random
//! evidence asked on random days: the matrix's marks and tooltips (the
//! window's derived data), the analysis behind the report and the
//! overview, and the report's Work table find the same cells' work and the
//! same ratings it contradicts (`evidence` lists what `work_cells` finds).

use proptest::prelude::*;
use skillgrid::analysis::{
    AnalysisOptions, HeadlineKind, Scope, ScopeFilter, analyze, headlines, work_cells,
};
use skillgrid::app::{Derived, Document, MatrixFilter};
use skillgrid::catalog;
use skillgrid::model::{
    Cell, Date, EvidenceSource, Level, Member, SkillId, WorkArea, WorkEvidence, WorkMonth,
    Workspace,
};
use skillgrid::report::{Table, table_rows};

const SKILLS: [&str; 4] = ["kubernetes", "databases", "programming", "communication"];

/// A member: levels per skill (None: not assessed), and commits per
/// (skill, months before the last day, commits).
#[derive(Clone, Debug)]
struct Person {
    levels: Vec<Option<u8>>,
    work: Vec<(usize, u32, u32)>,
}

fn person() -> impl Strategy<Value = Person> {
    (
        prop::collection::vec(prop::option::of(0u8..=4), SKILLS.len()),
        prop::collection::vec((0..3usize, 0u32..30, 1u32..8), 0..10),
    )
        .prop_map(|(levels, work)| Person { levels, work })
}

fn last_day() -> Date {
    Date::constant(2026, 11, 30)
}

fn month_before(months: u32) -> Date {
    let index = 2026 * 12 + 10 - i32::try_from(months).expect("small");
    Date::new(
        i16::try_from(index / 12).expect("a year"),
        i8::try_from(index % 12 + 1).expect("a month"),
        1,
    )
    .expect("a month")
}

fn build(people: &[Person]) -> Workspace {
    let library = catalog::builtin();
    let mut workspace = Workspace::with_roles(library.roles.clone());
    for id in SKILLS {
        let skill = library.skill(&SkillId::new(id)).expect("a library skill");
        workspace.push_skill(skill.clone());
    }
    for (index, person) in people.iter().enumerate() {
        let mut member = Member::new(&format!("Person {index}"));
        member.team = Some(if index % 2 == 0 { "Core" } else { "Apps" }.into());
        let mut work = WorkEvidence::default();
        for &(skill, months, commits) in &person.work {
            let month = month_before(months);
            let last = month
                .checked_add(jiff::Span::new().days(i64::from(commits)))
                .expect("a day");
            let found = work
                .months
                .iter_mut()
                .find(|known| known.skill.as_str() == SKILLS[skill] && known.month == month);
            match found {
                Some(known) => {
                    known.commits += commits;
                    known.last = known.last.max(last);
                }
                None => work.months.push(WorkMonth {
                    source: "repo".into(),
                    skill: SkillId::new(SKILLS[skill]),
                    month,
                    commits,
                    lines: u64::from(commits) * 7,
                    last,
                }),
            }
            work.areas.push(WorkArea {
                source: "repo".into(),
                skill: SkillId::new(SKILLS[skill]),
                area: format!("{}/", SKILLS[skill]),
                month,
                commits,
                last,
            });
        }
        member.work = work;
        let row = workspace.push_member(member);
        for (column, level) in person.levels.iter().enumerate() {
            if let Some(level) = level {
                let cell = Cell::assessed(Level::new(*level).expect("a level"));
                workspace.levels.set(row, column, cell);
            }
        }
    }
    workspace.evidence_sources.push(EvidenceSource {
        name: "repo".into(),
        path: "/nowhere/repo".into(),
        read_on: last_day(),
        tips: Vec::new(),
        commits: 0,
        first: Some(month_before(29)),
        last: Some(last_day()),
        since: None,
        map: None,
        skills: SKILLS[..3].iter().map(|id| SkillId::new(*id)).collect(),
        unmatched: Vec::new(),
    });
    workspace
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_surface_says_the_same_of_the_work(
        people in prop::collection::vec(person(), 1..12),
        days_after in 0u32..400,
    ) {
        let workspace = build(&people);
        let on = last_day()
            .checked_add(jiff::Span::new().days(i64::from(days_after)))
            .expect("a day");
        let scope = Scope::new(&workspace, on, &ScopeFilter::default());
        let cells = work_cells(&scope, &workspace.settings);

        // The window's marks and tooltips.
        let mut derived = Derived::default();
        derived.today = Some(on);
        let document = Document::new(workspace.clone(), "random", None);
        derived.refresh(&document, &MatrixFilter::default());
        prop_assert_eq!(&derived.work, &cells, "the matrix");

        // The analysis behind the report and the overview.
        let report = analyze(&workspace, &AnalysisOptions {
            today: Some(on),
            ..AnalysisOptions::default()
        });
        let found: Vec<((usize, usize), _)> = report
            .work
            .contradictions
            .iter()
            .map(|c| ((c.member.index, workspace.skill_index(&SkillId::new(&*c.skill.id)).expect("a column")), c.kind))
            .collect();
        prop_assert_eq!(&found, &cells.disagreements, "the report");
        let card = headlines(&report, None)
            .into_iter()
            .find(|h| h.kind == HeadlineKind::WorkContradicts)
            .expect("a card");
        prop_assert_eq!(card.count, cells.disagreements.len(), "the overview");
        let rows = table_rows(&report, Table::Work);
        prop_assert_eq!(
            rows.len() - 1,
            report.work.contradictions.len()
                + report.work.sole_owners.len()
                + report.work.owners_away.len(),
            "the Work table"
        );
        // A disagreement is always about a skill the map reads, and never
        // sets the level it disagrees with.
        for &((member, column), _) in &cells.disagreements {
            prop_assert!(column < 3, "communication has no evidence");
            prop_assert_eq!(
                workspace.cell(member, column).level().map(|l| l.get()),
                people[member].levels[column],
            );
        }
    }
}

/// The generator makes the cases the property is about: recent work in a
/// skill rated 0, and a 4 whose work stopped two years ago.
#[test]
fn the_random_rosters_hold_disagreements() {
    let people = vec![Person {
        levels: vec![Some(0), Some(4), Some(2), None],
        work: vec![(0, 0, 5), (1, 24, 3), (2, 0, 1)],
    }];
    let workspace = build(&people);
    let scope = Scope::new(&workspace, last_day(), &ScopeFilter::default());
    let cells = work_cells(&scope, &workspace.settings);
    assert_eq!(
        cells.disagreements,
        [
            ((0, 0), skillgrid::analysis::Disagreement::ActiveButRatedLow),
            ((0, 1), skillgrid::analysis::Disagreement::RatedButIdle),
        ]
    );
}
