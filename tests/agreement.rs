//! Every surface answers a question the same way, on random workspaces:
//! rounds, self ratings and their review, certificates that lapse, leave,
//! holidays, leavers, FTE changes, projects and a team filter, asked on
//! random dates. The lead count of coverage, team gaps, bus factor, the
//! matrix's Can-lead row and `who`; weekly cover against `who --free-in`;
//! bookings against demand; and the report as of a date against the report
//! of the workspace as it was cut on that date.

use proptest::prelude::*;
use skillgrid::analysis::{
    self, AnalysisOptions, Scope, ScopeFilter, WeeklyQuery, Weeks, WhoQuery, analyze,
};
use skillgrid::app::{Derived, Document, MatrixFilter};
use skillgrid::catalog;
use skillgrid::model::{
    Assessment, AwayReason, Cell, Certification, Date, Detail, DetailChange, Holiday, Level,
    Member, Rater, RoleId, SkillId, TimeOff, Workspace, week_of,
};

const SKILLS: [&str; 4] = [
    "kubernetes",
    "observability",
    "programming",
    "communication",
];
const ROLES: [&str; 3] = [
    "senior-software-engineer",
    "software-engineer",
    "engineering-manager",
];
const TEAMS: [&str; 2] = ["Core", "Growth"];
const PLACES: [&str; 2] = ["Oslo", "Madrid"];

fn day(offset: u32) -> Date {
    Date::constant(2026, 1, 5)
        .checked_add(jiff::Span::new().days(i64::from(offset)))
        .expect("a date")
}

/// One dated fact of the year, applied in date order.
#[derive(Clone, Debug)]
enum Event {
    Rating {
        member: usize,
        skill: usize,
        level: u8,
        by: Rater,
    },
    Certificate {
        member: usize,
        skill: usize,
        level: u8,
        lasts: u32,
    },
    Leaves {
        member: usize,
    },
    Fte {
        member: usize,
        fte: f64,
    },
}

#[derive(Clone, Debug)]
struct Person {
    role: usize,
    team: usize,
    place: usize,
    /// Joins on this day; `None`: there from the start.
    joins: Option<u32>,
    levels: [Option<u8>; 4],
}

#[derive(Clone, Debug)]
struct Year {
    people: Vec<Person>,
    events: Vec<(u32, Event)>,
    /// (member, first day, weeks away)
    away: Vec<(usize, u32, u32)>,
    holidays: Vec<(usize, u32)>,
    /// (start day, weeks, skill, level, people, fte)
    projects: Vec<(u32, u32, usize, u8, u32, f64)>,
    asked: Vec<u32>,
    team: Option<usize>,
}

fn person() -> impl Strategy<Value = Person> {
    (
        0..ROLES.len(),
        0..TEAMS.len(),
        0..PLACES.len(),
        prop::option::weighted(0.25, 30u32..300),
        prop::array::uniform4(prop::option::of(0u8..=4)),
    )
        .prop_map(|(role, team, place, joins, levels)| Person {
            role,
            team,
            place,
            joins,
            levels,
        })
}

fn event(members: usize) -> impl Strategy<Value = (u32, Event)> {
    let rater = prop_oneof![
        3 => Just(Rater::Manager),
        2 => Just(Rater::SelfRated),
        1 => Just(Rater::Peer),
    ];
    (
        0u32..330,
        prop_oneof![
            6 => (0..members, 0..4usize, 0u8..=4, rater).prop_map(|(member, skill, level, by)| {
                Event::Rating { member, skill, level, by }
            }),
            2 => (0..members, 0..4usize, 2u8..=4, 20u32..250).prop_map(
                |(member, skill, level, lasts)| Event::Certificate { member, skill, level, lasts }
            ),
            1 => (0..members).prop_map(|member| Event::Leaves { member }),
            1 => (0..members, prop_oneof![Just(0.5), Just(0.8), Just(1.0)])
                .prop_map(|(member, fte)| Event::Fte { member, fte }),
        ],
    )
}

fn year() -> impl Strategy<Value = Year> {
    prop::collection::vec(person(), 2..7).prop_flat_map(|people| {
        let members = people.len();
        (
            Just(people),
            prop::collection::vec(event(members), 0..24),
            prop::collection::vec((0..members, 0u32..330, 1u32..4), 0..4),
            prop::collection::vec((0..PLACES.len(), 0u32..330), 0..3),
            prop::collection::vec(
                (
                    0u32..300,
                    2u32..12,
                    0..4usize,
                    1u8..=4,
                    1u32..3,
                    0.25f64..1.0,
                ),
                0..3,
            ),
            prop::collection::vec(0u32..360, 1..3),
            prop::option::of(0..TEAMS.len()),
        )
            .prop_map(
                |(people, mut events, away, holidays, projects, asked, team)| {
                    events.sort_by_key(|(on, _)| *on);
                    Year {
                        people,
                        events,
                        away,
                        holidays,
                        projects,
                        asked,
                        team,
                    }
                },
            )
    })
}

/// The workspace with what was known by `cut` (all of it with `None`):
/// members who joined by then, dated facts given by then; plans (leave,
/// holidays, projects) as they stand.
fn build(year: &Year, cut: Option<u32>) -> Workspace {
    let library = catalog::builtin();
    let mut workspace = Workspace::with_roles(library.roles.clone());
    for id in SKILLS {
        let skill = library.skill(&SkillId::new(id)).expect("a library skill");
        workspace.push_skill(skill.clone());
    }
    let known = |on: u32| cut.is_none_or(|cut| on <= cut);
    // Row of each person in this workspace: later joiners come last, in
    // the order they join, so a cut keeps a prefix.
    let mut order: Vec<usize> = (0..year.people.len()).collect();
    order.sort_by_key(|&p| year.people[p].joins.unwrap_or(0));
    let mut row_of = vec![None; year.people.len()];
    for &index in &order {
        let person = &year.people[index];
        if person.joins.is_some_and(|joins| !known(joins)) {
            continue;
        }
        let mut member = Member::new(&format!("Person {index}"));
        member.role = Some(RoleId::new(ROLES[person.role]));
        member.team = Some(TEAMS[person.team].to_string());
        member.location = Some(PLACES[person.place].to_string());
        member.joined = person.joins.map(day);
        let row = workspace.push_member(member);
        for (column, level) in person.levels.iter().enumerate() {
            if let Some(level) = level {
                workspace.levels.set(
                    row,
                    column,
                    Cell::assessed(Level::new(*level).expect("a level")),
                );
            }
        }
        row_of[index] = Some(row);
    }
    for (on, event) in &year.events {
        if !known(*on) {
            continue;
        }
        let date = day(*on);
        let row = |member: &usize| row_of[*member];
        match event {
            Event::Rating {
                member,
                skill,
                level,
                by,
            } => {
                let Some(row) = row(member) else { continue };
                workspace.record_assessment(
                    row,
                    Assessment {
                        skill: *skill as u32,
                        as_of: Some(date),
                        cell: Cell::assessed(Level::new(*level).expect("a level")),
                        rater: *by,
                    },
                    None,
                );
            }
            Event::Certificate {
                member,
                skill,
                level,
                lasts,
            } => {
                let Some(row) = row(member) else { continue };
                workspace.members[row]
                    .development
                    .add_certification(Certification {
                        name: format!("Cert {skill} {on}"),
                        issuer: None,
                        skill: Some(SkillId::new(SKILLS[*skill])),
                        level: Level::new(*level),
                        issued: Some(date),
                        expires: Some(day(on + lasts)),
                    });
            }
            Event::Leaves { member } => {
                // One leaving date a person: a second would rewrite the first.
                let Some(row) = row(member).filter(|&row| workspace.members[row].left.is_none())
                else {
                    continue;
                };
                let _ = workspace.record_leaver(row, date);
            }
            Event::Fte { member, fte } => {
                let Some(row) = row(member) else { continue };
                let record = &mut workspace.members[row];
                if (record.fte - fte).abs() > 1e-9 {
                    record.apply_change(DetailChange {
                        on: date,
                        detail: Detail::Fte {
                            from: record.fte,
                            to: *fte,
                        },
                    });
                }
            }
        }
    }
    for &(member, first, weeks) in &year.away {
        if let Some(row) = row_of[member] {
            workspace.members[row].time_off.push(TimeOff {
                start: day(first),
                end: day(first + weeks * 7 - 3),
                fraction: 1.0,
                reason: AwayReason::Leave,
            });
        }
    }
    workspace.apply_holidays(
        year.holidays
            .iter()
            .map(|&(place, on)| Holiday {
                location: PLACES[place].to_string(),
                date: day(on),
                name: format!("Holiday {on}"),
            })
            .collect(),
    );
    for (number, &(start, weeks, skill, level, people, fte)) in year.projects.iter().enumerate() {
        let mut project = skillgrid::model::Project::new(
            &format!("Project {number}"),
            &day(start).to_string(),
            &day(start + weeks * 7 - 3).to_string(),
            number as u32 + 1,
        );
        project.demand.push(skillgrid::model::DemandLine {
            skill: SkillId::new(SKILLS[skill]),
            min_level: Level::new(level).expect("a level"),
            people,
            fte_each: (fte * 4.0).round() / 4.0,
        });
        workspace.projects.push(project);
    }
    workspace
}

fn check_counts(workspace: &Workspace, on: Date, team: Option<&str>) -> Result<(), TestCaseError> {
    let options = AnalysisOptions {
        team: team.map(str::to_string),
        today: Some(on),
        ..AnalysisOptions::default()
    };
    let report = analyze(workspace, &options);
    let everyone = Scope::new(workspace, on, &ScopeFilter::default());
    let scope = everyone.narrowed(&ScopeFilter::team(team));
    let staffing = (!workspace.projects.is_empty()).then(|| analysis::staff(&everyone));
    // The matrix's Can-lead row, with the same team filter.
    let mut derived = Derived::default();
    derived.today = Some(on);
    let document = Document::new(workspace.clone(), "random", None);
    let filter = MatrixFilter {
        team: team.map(str::to_string),
        ..MatrixFilter::default()
    };
    derived.refresh(&document, &filter);
    let lead = workspace.settings.lead_level;
    for (column, coverage) in report.coverage.iter().enumerate() {
        let leaders = coverage.leaders;
        prop_assert_eq!(derived.shown_leaders[column], leaders, "matrix row");
        let query = WhoQuery {
            skills: vec![(column, lead)],
            team: team.map(str::to_string),
            ..WhoQuery::default()
        };
        let who = analysis::who(&everyone, staffing.as_ref(), &query);
        prop_assert_eq!(
            who.len() as u32,
            leaders,
            "who --skill {}",
            coverage.skill.name
        );
        if let Some(gap) = report.team_gaps[0]
            .gaps
            .iter()
            .find(|gap| gap.skill.id == coverage.skill.id)
        {
            prop_assert_eq!(gap.leaders, leaders, "team gaps");
        }
        if let Some(risk) = report
            .bus_factor
            .iter()
            .find(|risk| risk.skill.id == coverage.skill.id)
        {
            prop_assert_eq!(risk.leaders.len() as u32, leaders, "bus factor");
        }
    }
    prop_assert_eq!(report.members as usize, scope.members.len());
    // Weekly cover's free leads are those `who --free-in` finds that week.
    let first = week_of(on);
    let cover = analysis::weekly_coverage(
        &scope,
        staffing.as_ref(),
        &WeeklyQuery {
            from_week: first,
            to_week: first + 8,
            skill: None,
        },
    );
    for skill in &cover {
        let column = workspace
            .skill_index(&SkillId::new(&*skill.skill.id))
            .expect("tracked");
        for week in &skill.weeks {
            let query = WhoQuery {
                skills: vec![(column, lead)],
                team: team.map(str::to_string),
                free_in: Some(Weeks::one(week_of(week.starts))),
                ..WhoQuery::default()
            };
            let mut who: Vec<usize> = analysis::who(&everyone, staffing.as_ref(), &query)
                .iter()
                .map(|m| m.member.index)
                .collect();
            let mut free: Vec<usize> = week.free.iter().map(|m| m.index).collect();
            who.sort_unstable();
            free.sort_unstable();
            prop_assert_eq!(who, free, "{} {}", skill.skill.name, week.week);
        }
    }
    // Booked never exceeds demanded unless someone is named over-booked.
    if let Some(staffing) = &staffing {
        let rows = staffing
            .quarters
            .iter()
            .chain(staffing.skill_quarters.iter().flat_map(|(_, loads)| loads));
        for load in rows {
            prop_assert!(
                load.assigned_fte <= load.demanded_fte + 1e-9 || !load.over_booked.is_empty(),
                "{}: booked {} of {}",
                load.quarter,
                load.assigned_fte,
                load.demanded_fte
            );
        }
    }
    Ok(())
}

/// The bench trend's count at each round is the count of leads on that
/// day, as every other surface finds it.
fn check_trend(workspace: &Workspace, team: Option<&str>) -> Result<(), TestCaseError> {
    let trend = analysis::bench_trend(workspace, team);
    for (round, &date) in trend.rounds.iter().enumerate() {
        let scope = Scope::new(workspace, date, &ScopeFilter::team(team));
        for column in 0..workspace.skills.len() {
            let leads = scope
                .members
                .iter()
                .filter(|&&member| scope.leads(member, column))
                .count() as u32;
            prop_assert_eq!(
                trend.leaders[column][round],
                leads,
                "bench trend of {} on {}",
                workspace.skills[column].name,
                date
            );
        }
    }
    Ok(())
}

/// Where two reports first differ, as a path and the two values.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> String {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (key, value) in x {
                let other = y.get(key).unwrap_or(&Value::Null);
                if value != other {
                    return first_difference(value, other, &format!("{path}.{key}"));
                }
            }
            format!("{path}: keys {:?} against {:?}", x.keys(), y.keys())
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (index, (value, other)) in x.iter().zip(y).enumerate() {
                if value != other {
                    return first_difference(value, other, &format!("{path}[{index}]"));
                }
            }
            String::new()
        }
        _ => format!("{path}: {a} against {b}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_surface_agrees_on_every_date(year in year()) {
        let workspace = build(&year, None);
        check_trend(&workspace, None)?;
        check_trend(&workspace, year.team.map(|team| TEAMS[team]))?;
        for &asked in &year.asked {
            let on = day(asked);
            let team = year.team.map(|team| TEAMS[team]);
            check_counts(&workspace, on, None)?;
            check_counts(&workspace, on, team)?;
            // The report as of a date is the report of the workspace cut
            // on that date.
            let options = AnalysisOptions {
                team: team.map(str::to_string),
                today: Some(on),
                ..AnalysisOptions::default()
            };
            let as_of = analyze(&analysis::workspace_as_of(&workspace, on), &options);
            let cut = analyze(&build(&year, Some(asked)), &options);
            let (as_of, cut) = (
                serde_json::to_value(&as_of).expect("JSON"),
                serde_json::to_value(&cut).expect("JSON"),
            );
            prop_assert!(
                as_of == cut,
                "as of {}: {}",
                on,
                first_difference(&as_of, &cut, "report")
            );
        }
    }
}
