//! The terminal report: the findings that need a decision first, then the
//! tables behind them.

use super::text_table::{TextTable, heading};
use super::{gap_text, hire_reason};
use crate::analysis::{Analysis, SpanIssue};
use crate::words::thousands;
use std::fmt::Write as _;

fn join<T>(items: &[T], name: impl Fn(&T) -> &str) -> String {
    items.iter().map(name).collect::<Vec<_>>().join(", ")
}

pub fn text_report(analysis: &Analysis, source: &str) -> String {
    let mut out = String::new();
    let scope = analysis
        .team
        .as_deref()
        .map_or("all teams".to_string(), |team| format!("team {team}"));
    let _ = writeln!(
        out,
        "Skillgrid report: {source} ({scope}, {} members, {} skills)",
        analysis.members, analysis.skills
    );
    let thresholds = &analysis.thresholds;
    let _ = writeln!(
        out,
        "\"holds\" = level {}+, \"can lead\" = level {}+, bench depth = {} people who can lead each required skill",
        thresholds.hold_level, thresholds.lead_level, thresholds.bench_depth
    );

    heading(&mut out, "Single points of failure");
    if analysis.bus_factor.is_empty() {
        let _ = writeln!(
            out,
            "  none: every skill the roles require has two or more people who can lead it"
        );
    } else {
        let _ = writeln!(out, "  Required skills that one person or nobody can lead:");
        let mut table =
            TextTable::new(&[("Skill", false), ("Can lead", false), ("Needed by", false)]);
        for risk in &analysis.bus_factor {
            table.row(vec![
                risk.skill.name.to_string(),
                risk.leaders
                    .first()
                    .map_or("nobody".to_string(), |m| m.name.to_string()),
                join(&risk.roles_needing, |r| &r.title),
            ]);
        }
        table.render(&mut out);
    }

    if !analysis.unassessed_requirements.is_empty() {
        let _ = writeln!(
            out,
            "\n  Required, but nobody is assessed in them (add them to the roster to know):"
        );
        for skill in &analysis.unassessed_requirements {
            let _ = writeln!(
                out,
                "    {} (needed by {})",
                skill.skill.name,
                join(&skill.roles_needing, |r| &r.title)
            );
        }
    }

    heading(&mut out, "Span of control");
    let span = &analysis.span_of_control;
    if span.breaches.is_empty() {
        let _ = writeln!(out, "  every manager is within their role's span");
    }
    for breach in &span.breaches {
        let _ = writeln!(
            out,
            "  {} ({}): {} direct reports, {} the seeds' {}-{}",
            breach.manager.name,
            breach.role.title,
            breach.directs,
            if breach.issue == SpanIssue::Over {
                "over"
            } else {
                "under"
            },
            breach.span_min,
            breach.span_max
        );
    }
    for missing in &span.missing_managers {
        let why = if missing.matches == 0 {
            "is not in the roster".to_string()
        } else {
            format!("matches {} members", missing.matches)
        };
        let _ = writeln!(
            out,
            "  {}'s manager \"{}\" {why}",
            missing.member.name, missing.manager
        );
    }

    heading(&mut out, "Ready to step up");
    let ready = analysis.promotions.iter().filter(|p| p.ready).count();
    if analysis.promotions.is_empty() {
        let _ = writeln!(
            out,
            "  nobody scores {}+ for a next step on their career path",
            crate::analysis::PROMOTION_SCORE
        );
    } else {
        let _ = writeln!(
            out,
            "  {ready} of {} next steps scoring {}+ are ready",
            analysis.promotions.len(),
            crate::analysis::PROMOTION_SCORE
        );
        let mut table = TextTable::new(&[
            ("Member", false),
            ("From", false),
            ("To", false),
            ("Fit", true),
            ("Required met", false),
            ("Ready", false),
            ("Short of", false),
            ("Assess next", false),
        ]);
        for promotion in &analysis.promotions {
            table.row(vec![
                promotion.member.name.to_string(),
                promotion.from.title.to_string(),
                promotion.to.title.to_string(),
                format!("{:.0}", promotion.score),
                super::met_text(&promotion.coverage),
                super::readiness(promotion.ready, &promotion.coverage).to_string(),
                first_few(super::short_of(&promotion.gaps)),
                first_few(super::to_assess(&promotion.gaps)),
            ]);
        }
        table.render(&mut out);
    }

    heading(&mut out, "Hiring plan");
    let plan = &analysis.hiring;
    let rebalance = super::rebalance_lines(analysis);
    if !rebalance.is_empty() {
        let _ = writeln!(out, "  Rebalance first, at no cost:");
        for line in rebalance {
            let _ = writeln!(out, "    {line}");
        }
        let _ = writeln!(out);
    }
    if !plan.upskilling.is_empty() {
        let _ = writeln!(
            out,
            "  Ask first: people one level short of a thin skill who want to grow in it"
        );
        let mut table = TextTable::new(&[
            ("Member", false),
            ("Skill", false),
            ("Now", true),
            ("Needs", true),
            ("Mentor", false),
        ]);
        for option in &plan.upskilling {
            table.row(vec![
                option.member.name.to_string(),
                option.skill.name.to_string(),
                option.has.to_string(),
                option.needs.to_string(),
                super::mentor_text(option),
            ]);
        }
        table.render(&mut out);
        if let Some(sentence) = super::upskilling_sentence(plan) {
            let _ = writeln!(out, "  The plan counts on them: {sentence}.");
        }
        if !plan.no_mentor.is_empty() {
            let skills: Vec<&str> = plan.no_mentor.iter().map(|s| &*s.name).collect();
            let _ = writeln!(
                out,
                "  No mentor on the team for {}: hired for instead.",
                skills.join(", ")
            );
        }
        let _ = writeln!(out);
    }
    if plan.hires.is_empty() {
        let _ = writeln!(out, "  no hires needed: every bench is deep enough");
    } else {
        let mut table = TextTable::new(&[
            ("#", true),
            ("Role", false),
            ("Why", false),
            ("Low", true),
            ("Mid", true),
            ("High", true),
            ("Running total", true),
        ]);
        for hire in &plan.hires {
            let why = hire_reason(hire);
            let estimate = if hire.estimated_cost { "*" } else { "" };
            table.row(vec![
                hire.rank.to_string(),
                format!("{}{estimate}", super::hire_title(hire)),
                why,
                thousands(hire.cost.low),
                thousands(hire.cost.mid),
                thousands(hire.cost.high),
                thousands(hire.running_total),
            ]);
        }
        table.render(&mut out);
        let _ = writeln!(
            out,
            "  Total: {} (low {} / high {}) USD a year{}",
            thousands(plan.total.mid),
            thousands(plan.total.low),
            thousands(plan.total.high),
            plan.budget
                .map_or(String::new(), |b| format!("; budget {}", thousands(b)))
        );
        if plan.hires.iter().any(|hire| hire.estimated_cost) {
            let _ = writeln!(out, "  * salary band not given by the seeds: an estimate");
        }
    }
    if plan.stopped_by_budget {
        let _ = writeln!(out, "  The budget ran out before every deficit was closed.");
    }
    if !plan.open_deficits.is_empty() {
        let open = plan
            .open_deficits
            .iter()
            .map(|d| format!("{} ({})", d.skill.name, d.people))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(out, "  Still open after the plan: {open}");
    }

    heading(&mut out, "Team gaps");
    for team in &analysis.team_gaps {
        let _ = writeln!(out, "\n  {} ({} members)", team.team, team.members);
        if team.gaps.is_empty() {
            let _ = writeln!(out, "  no gaps");
            continue;
        }
        let mut table = TextTable::new(&[
            ("Skill", false),
            ("Level", true),
            ("Assessed", true),
            ("Can lead", true),
            ("Short", true),
            ("Below role min", true),
        ]);
        for gap in &team.gaps {
            table.row(vec![
                gap.skill.name.to_string(),
                gap.required_level.to_string(),
                gap.assessed.to_string(),
                gap.leaders.to_string(),
                gap.bench_deficit.to_string(),
                gap.members_below.to_string(),
            ]);
        }
        table.render(&mut out);
    }

    heading(&mut out, "Role fit (lowest first)");
    let _ = writeln!(out, "  {}", crate::analysis::FIT_FORMULA);
    let mut fits: Vec<_> = analysis
        .fit
        .iter()
        .filter_map(|fit| fit.own_role.as_ref().map(|own| (fit, own)))
        .collect();
    fits.sort_by(|a, b| {
        super::lowest_fit_first(a.1, b.1).then_with(|| a.0.member.name.cmp(&b.0.member.name))
    });
    let mut table = TextTable::new(&[
        ("Member", false),
        ("Role", false),
        ("Fit", true),
        ("Gaps (has -> needs)", false),
    ]);
    for (fit, own) in fits {
        let gaps = own
            .gaps
            .iter()
            .take(4)
            .map(gap_text)
            .collect::<Vec<_>>()
            .join(", ");
        let more = own.gaps.len().saturating_sub(4);
        table.row(vec![
            fit.member.name.to_string(),
            own.role.title.to_string(),
            super::fit_cell(own),
            if more > 0 {
                format!("{gaps}, +{more} more")
            } else {
                gaps
            },
        ]);
    }
    table.render(&mut out);

    heading(&mut out, "Succession: most ready for each role");
    for role in &analysis.succession {
        let names = role
            .candidates
            .iter()
            .take(3)
            .map(|c| {
                let mut marks = String::new();
                if c.ready {
                    marks.push_str(", ");
                    marks.push_str(super::readiness(c.ready, &c.coverage));
                }
                if c.natural_step {
                    marks.push_str(", next step");
                }
                if c.coverage.judgeable() {
                    format!(
                        "{} ({:.0}, {}{marks})",
                        c.member.name,
                        c.score,
                        super::met_text(&c.coverage)
                    )
                } else {
                    format!("{} (too little assessed{marks})", c.member.name)
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        let _ = writeln!(
            out,
            "  {:<32} {}",
            role.role.title,
            if names.is_empty() { "nobody" } else { &names }
        );
    }

    heading(&mut out, "Time split (FTE)");
    let time = &analysis.time_split;
    let _ = writeln!(
        out,
        "  strategy {:.1}  people {:.1}  building {:.1}  of {:.1} FTE{}",
        time.strategy_fte,
        time.people_fte,
        time.building_fte,
        time.total_fte,
        if time.unknown_fte > 0.0 {
            format!(" ({:.1} FTE with no stated split)", time.unknown_fte)
        } else {
            String::new()
        }
    );
    let _ = writeln!(
        out,
        "  people management: {:.1} FTE for {} reports; the seeds' Engineering Manager norm calls for {:.1}",
        time.people_fte, time.reports, time.people_fte_needed
    );
    if time.assumed_building_fte > 0.0 {
        let _ = writeln!(
            out,
            "  ({:.1} FTE of individual contributors whose role gives no split counted as building)",
            time.assumed_building_fte
        );
    }

    heading(&mut out, "Coverage per skill");
    let mut table = TextTable::new(&[
        ("Skill", false),
        ("0", true),
        ("1", true),
        ("2", true),
        ("3", true),
        ("4", true),
        ("n/a", true),
        ("Holds", true),
        ("Can lead", true),
        ("Avg", true),
    ]);
    // Coverage is the reference table: every skill is shown.
    table.show_all();
    for skill in &analysis.coverage {
        let mut row = vec![skill.skill.name.to_string()];
        row.extend(skill.at_level.iter().map(u32::to_string));
        row.push(skill.not_assessed.to_string());
        row.push(skill.holders.to_string());
        row.push(skill.leaders.to_string());
        row.push(skill.average.map_or("-".into(), |avg| format!("{avg:.1}")));
        table.row(row);
    }
    table.render(&mut out);
    super::development::development_text(analysis, &mut out);
    super::development::record_text(analysis, &mut out);
    super::work::work_text(analysis, &mut out);
    if let Some(staffing) = &analysis.staffing {
        out.push('\n');
        out.push_str(&super::staffing::staffing_text(staffing, source, None));
        heading(&mut out, "Skill cover week by week, the next 26 weeks");
        if analysis.thin_weeks.is_empty() {
            let _ = writeln!(
                out,
                "  every skill the projects or roles need has two or more free to lead it every week"
            );
        }
        for run in &analysis.thin_weeks {
            let _ = writeln!(out, "  {}", run.sentence());
        }
        for away in &analysis.work.owners_away {
            let _ = writeln!(out, "  {}", away.sentence());
        }
        if !analysis.tentative_risks.is_empty() {
            let _ = writeln!(out, "  Counting confirmed work; tentative work would add:");
            for risk in &analysis.tentative_risks {
                let _ = writeln!(out, "  {}", risk.sentence());
            }
        }
    }
    out
}

/// The first three of a list, then how many more: a table cell stays
/// readable, and `--format json` has them all.
fn first_few(items: Vec<String>) -> String {
    let more = items.len().saturating_sub(3);
    let mut text = items.into_iter().take(3).collect::<Vec<_>>().join(", ");
    if more > 0 {
        text.push_str(&format!(", +{more} more"));
    }
    text
}
