//! The home view's headlines: for each question a manager asks first (who
//! is the only one who can lead what, which weeks run thin, what moved
//! since the last round, who is ready, what stays unstaffed, what is stale
//! or late, whose span is off), a count and the few items that matter,
//! each saying where it is explained. Read from one `Analysis`, so the
//! home view agrees with every other view and the report.

use super::{Analysis, CertificationState, ChangedSince, Movement, TargetState};
use crate::words::{count_of, plural};
use std::sync::Arc;

/// How many items a headline names; the view it opens lists the rest.
pub const ITEMS_NAMED: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadlineKind {
    SinglePoints,
    /// Only with work evidence: ratings the commits contradict.
    WorkContradicts,
    /// Only with work evidence: code one member alone changes.
    SoleOwners,
    Changes,
    ThinWeeks,
    TentativeWork,
    BenchChanges,
    Ready,
    OpenLines,
    Stale,
    Development,
    Span,
}

/// Where an item is explained.
#[derive(Clone, Debug, PartialEq)]
pub enum Opens {
    /// The skill's column in the matrix.
    Skill(Arc<str>),
    /// The member's fit for their role and every other.
    Member(usize),
    /// The project, by name, in the staffing view.
    Project(String),
    /// The matrix with stale ratings marked.
    StaleRatings,
    /// The weeks, project by project.
    Timeline,
    /// Who can lead each required skill, against the bench wanted.
    Gaps,
    /// Who is most ready for each role.
    Succession,
    /// Every project's proposal.
    Staffing,
    /// Spans of control and the reports to move.
    Hiring,
    /// The matrix with the cells that moved since a date marked.
    ChangesSince(crate::model::Date),
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineItem {
    pub text: String,
    pub opens: Opens,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub kind: HeadlineKind,
    pub title: &'static str,
    /// How many there are in all.
    pub count: usize,
    /// What the count counts, for people: `skills`, `members`.
    pub unit: String,
    /// Whether a manager should act on it.
    pub alert: bool,
    /// The first few, most pressing first.
    pub items: Vec<HeadlineItem>,
    /// Where all of them are listed.
    pub all: Opens,
}

/// Every headline of `analysis`, in the order the home view shows them;
/// `changes` are the cells moved since the round before the last.
pub fn headlines(analysis: &Analysis, changes: Option<&ChangedSince>) -> Vec<Headline> {
    let tentative = analysis
        .staffing
        .as_ref()
        .is_some_and(|staffing| staffing.has_tentative());
    let mut all = vec![single_points(analysis)];
    if !analysis.work.is_empty() {
        all.extend([work_contradicts(analysis), sole_owners(analysis)]);
    }
    all.push(thin_weeks(analysis));
    // Only a plan with tentative work has a card for what it would add.
    if tentative {
        all.push(tentative_work(analysis));
    }
    all.extend([
        changed(analysis, changes),
        bench_changes(analysis),
        ready(analysis),
        open_lines(analysis),
        stale(analysis),
        development(analysis),
        span(analysis),
    ]);
    all
}

fn tentative_work(analysis: &Analysis) -> Headline {
    let risks = &analysis.tentative_risks;
    Headline {
        kind: HeadlineKind::TentativeWork,
        title: "If tentative work is confirmed",
        count: risks.len(),
        unit: format!(
            "more {} (counted above: confirmed work only)",
            plural(risks.len(), "thin run", "thin runs")
        ),
        alert: !risks.is_empty(),
        items: named(risks.iter().map(|risk| HeadlineItem {
            text: risk.sentence(),
            opens: Opens::Timeline,
        })),
        all: Opens::Timeline,
    }
}

fn work_contradicts(analysis: &Analysis) -> Headline {
    let contradictions = &analysis.work.contradictions;
    Headline {
        kind: HeadlineKind::WorkContradicts,
        title: "Ratings the work contradicts",
        count: contradictions.len(),
        unit: format!(
            "{} (from {})",
            plural(contradictions.len(), "rating", "ratings"),
            analysis.work.sources.join(", ")
        ),
        alert: !contradictions.is_empty(),
        items: named(contradictions.iter().map(|contradiction| HeadlineItem {
            text: contradiction.sentence(),
            opens: Opens::Skill(Arc::clone(&contradiction.skill.id)),
        })),
        all: Opens::Gaps,
    }
}

fn sole_owners(analysis: &Analysis) -> Headline {
    let owners = &analysis.work.sole_owners;
    Headline {
        kind: HeadlineKind::SoleOwners,
        title: "Code one member alone changes",
        count: owners.len(),
        unit: plural(owners.len(), "skill or folder", "skills or folders").to_string(),
        alert: owners.iter().any(|owner| owner.whole_skill),
        items: named(
            analysis
                .work
                .owners_away
                .iter()
                .map(|away| HeadlineItem {
                    text: away.sentence(),
                    opens: Opens::Gaps,
                })
                .chain(owners.iter().map(|owner| HeadlineItem {
                    text: owner.sentence(),
                    opens: Opens::Skill(Arc::clone(&owner.skill.id)),
                })),
        ),
        all: Opens::Gaps,
    }
}

fn named(items: impl Iterator<Item = HeadlineItem>) -> Vec<HeadlineItem> {
    items.take(ITEMS_NAMED).collect()
}

fn single_points(analysis: &Analysis) -> Headline {
    let risks = &analysis.bus_factor;
    // Nobody first: a skill no one can lead is the larger risk.
    let mut order: Vec<_> = risks.iter().collect();
    order.sort_by_key(|risk| risk.leaders.len());
    Headline {
        kind: HeadlineKind::SinglePoints,
        title: "One lead or none",
        count: risks.len(),
        unit: plural(risks.len(), "required skill", "required skills").to_string(),
        alert: !risks.is_empty(),
        items: named(order.into_iter().map(|risk| HeadlineItem {
            text: match risk.leaders.first() {
                Some(lead) => format!("{}: only {}", risk.skill.name, lead.name),
                None => format!("{}: nobody", risk.skill.name),
            },
            opens: Opens::Skill(Arc::clone(&risk.skill.id)),
        })),
        all: Opens::Gaps,
    }
}

fn changed(analysis: &Analysis, changes: Option<&ChangedSince>) -> Headline {
    let empty = ChangedSince::default();
    let rounds = changes.is_some();
    let changes = changes.unwrap_or(&empty);
    let moves = changes.up + changes.down + changes.newly_rated;
    // Per member: (up, down, new), for the members with most movement.
    let mut per_member: Vec<(usize, [usize; 3])> = Vec::new();
    for &(member, _, movement) in &changes.cells {
        if per_member.last().is_none_or(|(last, _)| *last != member) {
            per_member.push((member, [0; 3]));
        }
        if let Some((_, counts)) = per_member.last_mut() {
            counts[match movement {
                Movement::Up => 0,
                Movement::Down => 1,
                Movement::New => 2,
            }] += 1;
        }
    }
    per_member.sort_by_key(|(_, counts)| std::cmp::Reverse(counts[0] + counts[1]));
    let names = &analysis.fit;
    let name_of = |member: usize| {
        names
            .iter()
            .find(|fit| fit.member.index == member)
            .map_or_else(
                || format!("member {member}"),
                |fit| fit.member.name.to_string(),
            )
    };
    let since = changes.date;
    Headline {
        kind: HeadlineKind::Changes,
        title: "Since the last round",
        count: moves,
        unit: if rounds {
            format!(
                "{} up, {} down, {} newly rated",
                changes.up, changes.down, changes.newly_rated
            )
        } else {
            "moves: needs two dated rounds".to_string()
        },
        alert: changes.down > 0,
        items: named(
            per_member
                .iter()
                .map(|(member, [up, down, new])| HeadlineItem {
                    text: format!("{}: {up} up, {down} down, {new} new", name_of(*member)),
                    opens: Opens::Member(*member),
                }),
        ),
        all: since.map_or(Opens::Gaps, Opens::ChangesSince),
    }
}

fn thin_weeks(analysis: &Analysis) -> Headline {
    let runs = &analysis.thin_weeks;
    Headline {
        kind: HeadlineKind::ThinWeeks,
        title: "Thin weeks ahead",
        count: runs.len(),
        unit: plural(runs.len(), "run of weeks", "runs of weeks").to_string(),
        alert: !runs.is_empty(),
        items: named(runs.iter().map(|run| HeadlineItem {
            text: match run.free.as_slice() {
                [] => format!(
                    "{}: nobody free to lead, {}",
                    run.skill.name,
                    run.weeks_text()
                ),
                [only] => format!(
                    "{}: only {} free, {}",
                    run.skill.name,
                    only.name,
                    run.weeks_text()
                ),
                several => format!(
                    "{}: {} free, {}",
                    run.skill.name,
                    several.len(),
                    run.weeks_text()
                ),
            },
            opens: Opens::Timeline,
        })),
        all: Opens::Timeline,
    }
}

fn bench_changes(analysis: &Analysis) -> Headline {
    let changes = &analysis.bench_changes;
    let mut fell: Vec<_> = changes
        .skills
        .iter()
        .filter(|change| change.after < change.before)
        .collect();
    fell.sort_by_key(|change| std::cmp::Reverse(change.before - change.after));
    let since = changes
        .from
        .map_or(String::new(), |from| format!(" since {from}"));
    Headline {
        kind: HeadlineKind::BenchChanges,
        title: "Benches that fell",
        count: fell.len(),
        unit: format!(
            "{}{since}",
            plural(fell.len(), "skill fewer can lead", "skills fewer can lead")
        ),
        alert: !fell.is_empty(),
        items: named(fell.iter().map(|change| HeadlineItem {
            text: format!(
                "{}: {} -> {}",
                change.skill.name,
                count_of(change.before as usize, "lead", "leads"),
                change.after
            ),
            opens: Opens::Skill(Arc::clone(&change.skill.id)),
        })),
        all: Opens::Gaps,
    }
}

fn ready(analysis: &Analysis) -> Headline {
    let mut ready: Vec<_> = analysis
        .promotions
        .iter()
        .filter(|promotion| promotion.ready)
        .collect();
    ready.sort_by(|a, b| b.score.total_cmp(&a.score));
    Headline {
        kind: HeadlineKind::Ready,
        title: "Ready to step up",
        count: ready.len(),
        unit: plural(ready.len(), "member", "members").to_string(),
        alert: false,
        items: named(ready.iter().map(|promotion| HeadlineItem {
            text: format!(
                "{}: {} (fit {:.0})",
                promotion.member.name, promotion.to.title, promotion.score
            ),
            opens: Opens::Member(promotion.member.index),
        })),
        all: Opens::Succession,
    }
}

fn open_lines(analysis: &Analysis) -> Headline {
    let projects = analysis
        .staffing
        .as_ref()
        .map_or(&[][..], |s| &s.projects[..]);
    let open: Vec<(&str, &str, u32)> = projects
        .iter()
        .map(|project| {
            let places: u32 = project.lines.iter().map(|line| line.unfilled).sum();
            (project.name.as_str(), project.start.as_str(), places)
        })
        .filter(|(_, _, places)| *places > 0)
        .collect();
    let places: u32 = open.iter().map(|(_, _, places)| places).sum();
    Headline {
        kind: HeadlineKind::OpenLines,
        title: "Open staffing places",
        count: places as usize,
        unit: format!(
            "{} on {}",
            plural(places as usize, "place", "places"),
            count_of(open.len(), "project", "projects")
        ),
        alert: places > 0,
        items: named(open.iter().map(|(name, start, places)| HeadlineItem {
            text: format!(
                "{name}: {} open, from {start}",
                count_of(*places as usize, "place", "places")
            ),
            opens: Opens::Project(name.to_string()),
        })),
        all: Opens::Staffing,
    }
}

fn stale(analysis: &Analysis) -> Headline {
    let stale = &analysis.stale;
    let mut members: Vec<_> = stale.members.iter().collect();
    members.sort_by_key(|member| member.oldest);
    Headline {
        kind: HeadlineKind::Stale,
        title: "Stale ratings",
        count: stale.cells as usize,
        unit: format!(
            "{} older than {} months",
            plural(stale.cells as usize, "rating", "ratings"),
            stale.months
        ),
        alert: stale.cells > 0,
        items: named(members.iter().map(|member| HeadlineItem {
            text: format!(
                "{}: {} since {}",
                member.member.name,
                count_of(member.skills.len(), "skill", "skills"),
                member.oldest
            ),
            opens: Opens::Member(member.member.index),
        })),
        all: Opens::StaleRatings,
    }
}

fn development(analysis: &Analysis) -> Headline {
    let report = &analysis.development;
    let late = report
        .targets
        .iter()
        .filter(|target| target.state == TargetState::Late)
        .map(|target| {
            (
                0,
                target.member.index,
                format!(
                    "{}: {} {} late since {}",
                    target.member.name, target.skill.name, target.target, target.by
                ),
            )
        });
    let lapsing = report
        .certifications
        .iter()
        .filter(|certificate| certificate.state == CertificationState::Expiring)
        .map(|certificate| {
            (
                1,
                certificate.member.index,
                format!(
                    "{}: {} lapses {}",
                    certificate.member.name,
                    certificate.name,
                    certificate
                        .expires
                        .map_or("soon".to_string(), |day| format!("on {day}"))
                ),
            )
        });
    let items: Vec<(u8, usize, String)> = late.chain(lapsing).collect();
    // Open targets, and how many have a project to practise on.
    let open: Vec<_> = report
        .targets
        .iter()
        .filter(|target| target.state != TargetState::Reached)
        .collect();
    let practising = analysis.staffing.as_ref().map_or(0, |staffing| {
        open.iter()
            .filter(|target| {
                super::practice_of(staffing, target.member.index, &target.skill.id).is_some()
            })
            .count()
    });
    let mut unit = plural(items.len(), "to follow up", "to follow up").to_string();
    if !open.is_empty() {
        unit.push_str(&format!(
            "; of {}, {practising} with a project to practise on",
            count_of(open.len(), "open target", "open targets")
        ));
    }
    Headline {
        kind: HeadlineKind::Development,
        title: "Late targets, lapsing certificates",
        count: items.len(),
        unit,
        alert: !items.is_empty(),
        items: named(items.iter().map(|(_, member, text)| HeadlineItem {
            text: text.clone(),
            opens: Opens::Member(*member),
        })),
        all: items
            .first()
            .map_or(Opens::Succession, |(_, member, _)| Opens::Member(*member)),
    }
}

fn span(analysis: &Analysis) -> Headline {
    let breaches = &analysis.span_of_control.breaches;
    Headline {
        kind: HeadlineKind::Span,
        title: "Spans of control off",
        count: breaches.len(),
        unit: plural(breaches.len(), "manager", "managers").to_string(),
        alert: !breaches.is_empty(),
        items: named(breaches.iter().map(|breach| HeadlineItem {
            text: format!(
                "{}: {} (norm {}-{})",
                breach.manager.name,
                count_of(breach.directs as usize, "report", "reports"),
                breach.span_min,
                breach.span_max
            ),
            opens: Opens::Hiring,
        })),
        all: Opens::Hiring,
    }
}
