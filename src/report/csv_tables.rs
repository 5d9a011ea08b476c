//! One analysis table as rows of text: written as CSV, or as a sheet of
//! the report workbook.

use crate::analysis::{Analysis, HireReason};
use crate::io::neutralise_text;
use crate::model::Workspace;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Coverage,
    Gaps,
    Fit,
    Hiring,
    /// Each project line: who is assigned, what stays unfilled and why.
    Staffing,
    /// Ratings of record older than the stale limit, one a row.
    Stale,
    /// What the last round changed in who can lead each skill.
    Bench,
    /// Ratings the team's commits contradict, and code one member alone
    /// changed lately.
    Work,
}

impl Table {
    pub const ALL: [Table; 8] = [
        Table::Coverage,
        Table::Gaps,
        Table::Fit,
        Table::Hiring,
        Table::Staffing,
        Table::Stale,
        Table::Bench,
        Table::Work,
    ];

    /// The sheet a report workbook gives the table.
    pub fn title(self) -> &'static str {
        match self {
            Table::Coverage => "Coverage",
            Table::Gaps => "Team gaps",
            Table::Fit => "Role fit",
            Table::Hiring => "Hiring plan",
            Table::Staffing => "Staffing",
            Table::Stale => "Stale ratings",
            Table::Bench => "Bench changes",
            Table::Work => "Work evidence",
        }
    }
}

/// Columns that hold numbers, by header: a workbook writes them as numbers.
pub const NUMBER_COLUMNS: &[&str] = &[
    "level_0",
    "level_1",
    "level_2",
    "level_3",
    "level_4",
    "not_assessed",
    "holders",
    "leaders",
    "average",
    "interested",
    "required_level",
    "assessed",
    "bench_target",
    "bench_deficit",
    "members_below",
    "fit",
    "assessed",
    "requirements",
    "required_gaps",
    "required_met",
    "required",
    "rank",
    "cost_low",
    "cost_mid",
    "cost_high",
    "running_total",
    "priority",
    "people",
    "fte_each",
    "unfilled",
    "before",
    "after",
];

pub fn csv_table(analysis: &Analysis, table: Table) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in table_rows(analysis, table) {
        let row: Vec<std::borrow::Cow<str>> =
            row.iter().map(|cell| neutralise_text(cell)).collect();
        writer
            .write_record(row.iter().map(|cell| cell.as_bytes()))
            .expect("writing CSV to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing CSV to memory"))
        .expect("CSV of UTF-8 text is UTF-8")
}

/// The table's header, then a row of plain text a line, as a person reads
/// it (a CSV writer makes text formula-safe).
pub fn table_rows(analysis: &Analysis, table: Table) -> Vec<Vec<String>> {
    let text = |value: &str| value.to_string();
    let mut rows: Vec<Vec<String>> = Vec::new();
    match table {
        Table::Coverage => {
            rows.push(
                [
                    "skill_id",
                    "skill",
                    "kind",
                    "level_0",
                    "level_1",
                    "level_2",
                    "level_3",
                    "level_4",
                    "not_assessed",
                    "holders",
                    "leaders",
                    "average",
                    "interested",
                ]
                .map(String::from)
                .to_vec(),
            );
            for c in &analysis.coverage {
                let mut row = vec![
                    text(&c.skill.id),
                    text(&c.skill.name),
                    c.skill.kind.label().to_string(),
                ];
                row.extend(c.at_level.iter().map(u32::to_string));
                row.extend([
                    c.not_assessed.to_string(),
                    c.holders.to_string(),
                    c.leaders.to_string(),
                    c.average.map_or(String::new(), |avg| format!("{avg:.2}")),
                    c.interested.to_string(),
                ]);
                rows.push(row);
            }
        }
        Table::Gaps => {
            rows.push(
                [
                    "team",
                    "skill_id",
                    "skill",
                    "required_level",
                    "assessed",
                    "leaders",
                    "bench_target",
                    "bench_deficit",
                    "members_below",
                    "required_by",
                ]
                .map(String::from)
                .to_vec(),
            );
            for team in &analysis.team_gaps {
                for gap in &team.gaps {
                    rows.push(vec![
                        text(&team.team),
                        text(&gap.skill.id),
                        text(&gap.skill.name),
                        gap.required_level.to_string(),
                        gap.assessed.to_string(),
                        gap.leaders.to_string(),
                        gap.bench_target.to_string(),
                        gap.bench_deficit.to_string(),
                        gap.members_below.to_string(),
                        text(
                            &gap.required_by
                                .iter()
                                .map(|r| &*r.title)
                                .collect::<Vec<_>>()
                                .join("; "),
                        ),
                    ]);
                }
            }
        }
        Table::Fit => {
            rows.push(
                [
                    "member",
                    "email",
                    "role",
                    "fit",
                    "assessed",
                    "requirements",
                    "judgeable",
                    "required_gaps",
                    "required_met",
                    "required",
                    "gaps",
                ]
                .map(String::from)
                .to_vec(),
            );
            for fit in &analysis.fit {
                let Some(own) = &fit.own_role else {
                    continue;
                };
                let gaps = own
                    .gaps
                    .iter()
                    .map(super::gap_text)
                    .collect::<Vec<_>>()
                    .join("; ");
                rows.push(vec![
                    text(&fit.member.name),
                    text(fit.member.email.as_deref().unwrap_or("")),
                    text(&own.role.title),
                    format!("{:.1}", own.score),
                    own.coverage.assessed.to_string(),
                    own.coverage.requirements.to_string(),
                    own.coverage.judgeable().to_string(),
                    own.required_gaps.to_string(),
                    own.coverage.required_met.to_string(),
                    own.coverage.required.to_string(),
                    text(&gaps),
                ]);
            }
        }
        Table::Hiring => {
            rows.push(
                [
                    "rank",
                    "role",
                    "reason",
                    "closes",
                    "cost_low",
                    "cost_mid",
                    "cost_high",
                    "currency",
                    "estimated",
                    "running_total",
                ]
                .map(String::from)
                .to_vec(),
            );
            for hire in &analysis.hiring.hires {
                let reason = match &hire.reason {
                    HireReason::SpanOfControl { manager, .. } => {
                        format!("span of control: {}", manager.name)
                    }
                    HireReason::Skills => "skills".to_string(),
                };
                rows.push(vec![
                    hire.rank.to_string(),
                    text(&super::hire_title(hire)),
                    text(&reason),
                    text(
                        &hire
                            .closes
                            .iter()
                            .map(|s| &*s.name)
                            .collect::<Vec<_>>()
                            .join("; "),
                    ),
                    format!("{:.0}", hire.cost.low),
                    format!("{:.0}", hire.cost.mid),
                    format!("{:.0}", hire.cost.high),
                    hire.currency.clone(),
                    hire.estimated_cost.to_string(),
                    format!("{:.0}", hire.running_total),
                ]);
            }
        }
        Table::Staffing => {
            rows.push(
                [
                    "project",
                    "priority",
                    "start",
                    "end",
                    "needs",
                    "people",
                    "fte_each",
                    "assigned",
                    "unfilled",
                    "why_unfilled",
                ]
                .map(String::from)
                .to_vec(),
            );
            for project in analysis.staffing.iter().flat_map(|s| &s.projects) {
                for line in &project.lines {
                    let assigned: Vec<&str> =
                        line.assigned.iter().map(|a| &*a.member.name).collect();
                    rows.push(vec![
                        text(&project.name),
                        project.priority.to_string(),
                        text(&project.start),
                        text(&project.end),
                        text(&super::need_text(&line.need)),
                        line.people.to_string(),
                        format!("{:.2}", line.fte_each),
                        text(&assigned.join("; ")),
                        line.unfilled.to_string(),
                        text(line.reason.as_deref().unwrap_or("")),
                    ]);
                }
            }
        }
        Table::Stale => {
            rows.push(
                ["member", "email", "skill", "oldest_rating", "stale_before"]
                    .map(String::from)
                    .to_vec(),
            );
            let before = analysis
                .stale
                .before
                .map_or(String::new(), |date| date.to_string());
            for member in &analysis.stale.members {
                for skill in &member.skills {
                    rows.push(vec![
                        text(&member.member.name),
                        text(member.member.email.as_deref().unwrap_or("")),
                        text(&skill.name),
                        member.oldest.to_string(),
                        before.clone(),
                    ]);
                }
            }
        }
        Table::Bench => {
            rows.push(
                ["skill", "before", "after", "from_round", "to_round"]
                    .map(String::from)
                    .to_vec(),
            );
            let changes = &analysis.bench_changes;
            let date =
                |date: Option<crate::model::Date>| date.map_or(String::new(), |d| d.to_string());
            for change in &changes.skills {
                rows.push(vec![
                    text(&change.skill.name),
                    change.before.to_string(),
                    change.after.to_string(),
                    date(changes.from),
                    date(changes.to),
                ]);
            }
        }
        Table::Work => {
            rows.push(
                [
                    "finding",
                    "member",
                    "email",
                    "skill",
                    "level",
                    "recent_commits",
                    "detail",
                ]
                .map(String::from)
                .to_vec(),
            );
            let work = &analysis.work;
            let email = |member: &crate::analysis::MemberRef| {
                member.email.as_deref().map_or(String::new(), text)
            };
            for contradiction in &work.contradictions {
                rows.push(vec![
                    match contradiction.kind {
                        crate::analysis::Disagreement::ActiveButRatedLow => "active_rated_low",
                        crate::analysis::Disagreement::RatedButIdle => "rated_high_no_work",
                    }
                    .to_string(),
                    text(&contradiction.member.name),
                    email(&contradiction.member),
                    text(&contradiction.skill.name),
                    contradiction
                        .level
                        .map_or(String::new(), |level| level.to_string()),
                    contradiction.recent_commits.to_string(),
                    text(&contradiction.sentence()),
                ]);
            }
            for owner in &work.sole_owners {
                rows.push(vec![
                    "sole_owner".to_string(),
                    text(&owner.member.name),
                    email(&owner.member),
                    text(&owner.skill.name),
                    String::new(),
                    owner.commits.to_string(),
                    text(&owner.sentence()),
                ]);
            }
            for away in &work.owners_away {
                rows.push(vec![
                    "sole_owner_away".to_string(),
                    text(&away.member.name),
                    email(&away.member),
                    text(&away.skill.name),
                    String::new(),
                    String::new(),
                    text(&away.sentence()),
                ]);
            }
        }
    }
    rows
}

/// The what-if plan as CSV: planned hires first, then planned departures,
/// then the staffing placeholders (unfilled project lines), then the hires
/// the analysis still recommends once the plan is in place
/// (`after`), with one running total of midpoint costs.
pub fn plan_csv(workspace: &Workspace, after: &Analysis) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let text = |value: &str| neutralise_text(value).into_owned();
    writer
        .write_record([
            "status",
            "role",
            "team_or_member",
            "reason",
            "cost_low",
            "cost_mid",
            "cost_high",
            "currency",
            "estimated",
            "running_total",
        ])
        .expect("writing CSV to memory");
    let mut running = 0.0;
    for hire in &workspace.plan.hires {
        let role = workspace.role(&hire.role);
        let band = role.and_then(|role| role.salary.as_ref());
        running += band.map_or(0.0, |band| band.midpoint());
        let cost = |value: Option<f64>| value.map_or(String::new(), |v| format!("{v:.0}"));
        writer
            .write_record([
                "planned".to_string(),
                text(role.map_or(hire.role.as_str(), |role| role.title.as_str())),
                text(hire.team.as_deref().unwrap_or("")),
                "planned hire".to_string(),
                cost(band.map(|b| b.min)),
                cost(band.map(|b| b.midpoint())),
                cost(band.map(|b| b.max)),
                band.map_or(String::new(), |b| b.currency.clone()),
                band.is_some_and(|b| b.estimated).to_string(),
                format!("{running:.0}"),
            ])
            .expect("writing CSV to memory");
    }
    for name in &workspace.plan.departures {
        writer
            .write_record([
                "departure",
                "",
                &text(name),
                "planned departure",
                "",
                "",
                "",
                "",
                "",
                &format!("{running:.0}"),
            ])
            .expect("writing CSV to memory");
    }
    for placeholder in after.staffing.iter().flat_map(|s| &s.placeholders) {
        let cost = |value: fn(&crate::analysis::Cost) -> f64| {
            placeholder
                .cost
                .as_ref()
                .map_or(String::new(), |c| format!("{:.0}", value(c)))
        };
        running += placeholder.cost.map_or(0.0, |c| c.mid);
        writer
            .write_record([
                "placeholder".to_string(),
                text(placeholder.hire_as.as_ref().map_or("", |r| &*r.title)),
                text(&placeholder.project),
                text(&format!(
                    "{} x {} from {}",
                    placeholder.people,
                    super::need_text(&placeholder.need),
                    placeholder.from
                )),
                cost(|c| c.low),
                cost(|c| c.mid),
                cost(|c| c.high),
                "USD".to_string(),
                String::new(),
                format!("{running:.0}"),
            ])
            .expect("writing CSV to memory");
    }
    for hire in &after.hiring.hires {
        running += hire.cost.mid;
        writer
            .write_record([
                "recommended".to_string(),
                text(&hire.role.title),
                String::new(),
                text(&super::hire_reason(hire)),
                format!("{:.0}", hire.cost.low),
                format!("{:.0}", hire.cost.mid),
                format!("{:.0}", hire.cost.high),
                hire.currency.clone(),
                hire.estimated_cost.to_string(),
                format!("{running:.0}"),
            ])
            .expect("writing CSV to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing CSV to memory"))
        .expect("CSV of UTF-8 text is UTF-8")
}
