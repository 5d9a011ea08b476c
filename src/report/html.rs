//! A single self-contained HTML page a manager can email: inline CSS and
//! SVG charts, no scripts, nothing fetched from a network.

use super::hire_reason;
use super::markup::escape;
use crate::analysis::{Analysis, SpanIssue};
use crate::model::{SkillKind, Workspace};
use crate::words::thousands;
use std::fmt::Write as _;

use crate::palette::{ALERT_RGB, OK_RGB, hex};
/// Rows drawn in the heatmap; the tables and JSON cover everyone.
const HEATMAP_ROWS: usize = 120;

const STYLE: &str = r#"
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2433; margin: 0; background: #f6f7f9; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 34px 0 10px; border-bottom: 1px solid #d8dce3; padding-bottom: 6px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.sub { color: #5b6478; margin: 0 0 20px; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; }
.card { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: 12px 14px; }
.card b { display: block; font-size: 24px; }
.card.alert b { color: #b8420b; }
.card span { color: #5b6478; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #dde1e8; border-radius: 8px; overflow: hidden; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #eef0f4; vertical-align: top; }
th { background: #f0f2f6; font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: #4a5368; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.over td { color: #d95f02; font-weight: 600; }
.tag { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; background: #eef0f4; }
.tag.bad { background: #fde3d3; color: #8f3308; }
.tag.good { background: #d9efe5; color: #1d6b45; }
.legend span { display: inline-block; margin-right: 14px; font-size: 12px; }
.legend i { display: inline-block; width: 14px; height: 14px; vertical-align: -2px; margin-right: 4px; border: 1px solid #c9ced8; }
svg text { font: 11px system-ui, sans-serif; fill: #1d2433; }
.note { color: #5b6478; font-size: 12px; }
.chart { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: 12px; overflow-x: auto; }
"#;

pub fn html_report(analysis: &Analysis, workspace: &Workspace, source: &str) -> String {
    let mut out = String::new();
    let title = format!("Skillgrid report: {}", escape(source));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STYLE}</style></head><body><main>\n<h1>{title}</h1>\n"
    );
    let scope = analysis
        .team
        .as_deref()
        .map_or("All teams".to_string(), escape);
    let _ = writeln!(
        out,
        "<p class=\"sub\">{scope} · {} members · {} skills · \"can lead\" means level {}+; bench depth {}</p>",
        analysis.members,
        analysis.skills,
        analysis.thresholds.lead_level,
        analysis.thresholds.bench_depth
    );
    summary_cards(&mut out, analysis);
    bus_factor(&mut out, analysis);
    coverage_chart(&mut out, analysis);
    span(&mut out, analysis);
    promotions(&mut out, analysis);
    hiring(&mut out, analysis);
    if let Some(staffing) = &analysis.staffing {
        super::staffing::staffing_html(&mut out, staffing);
        out.push_str("<h2>Skill cover week by week, the next 26 weeks</h2>\n");
        if analysis.thin_weeks.is_empty() {
            out.push_str(
                "<p>Every skill the projects or roles need has two or more free to lead it \
                 every week.</p>\n",
            );
        } else {
            out.push_str("<ul>\n");
            for run in &analysis.thin_weeks {
                let _ = writeln!(out, "<li>{}</li>", escape(&run.sentence()));
            }
            out.push_str("</ul>\n");
        }
        if !analysis.work.owners_away.is_empty() {
            out.push_str("<ul>\n");
            for away in &analysis.work.owners_away {
                let _ = writeln!(out, "<li>{}</li>", escape(&away.sentence()));
            }
            out.push_str("</ul>\n");
        }
        if !analysis.tentative_risks.is_empty() {
            out.push_str("<p>Counting confirmed work; tentative work would add:</p>\n<ul>\n");
            for risk in &analysis.tentative_risks {
                let _ = writeln!(out, "<li>{}</li>", escape(&risk.sentence()));
            }
            out.push_str("</ul>\n");
        }
    }
    if !workspace.scenarios.is_empty() {
        // The first three scenarios, beside the team as it is, on the
        // report's day and team.
        let names: Vec<&str> = workspace
            .scenarios
            .iter()
            .take(3)
            .map(|scenario| scenario.name.as_str())
            .collect();
        let options = crate::analysis::AnalysisOptions {
            team: analysis.team.clone(),
            budget: None,
            today: Some(analysis.as_of),
        };
        if let Ok(figures) = crate::analysis::compare_scenarios(
            workspace,
            &names,
            &options,
            &crate::catalog::builtin().skills,
        ) {
            super::scenarios::scenario_comparison_html(&mut out, &figures);
        }
    }
    heatmap(&mut out, analysis, workspace);
    time_split(&mut out, analysis);
    // The team's past and what is due: one section.
    out.push_str("<h2>History</h2>\n");
    super::development::record_html(analysis, &mut out);
    super::development::development_html(analysis, &mut out);
    super::work::work_html(analysis, &mut out);
    fit_table(&mut out, analysis);
    out.push_str("<p class=\"note\">Made by Skillgrid. Salary bands marked * are estimates where the source role definitions give none.</p>\n</main></body></html>\n");
    out
}

fn summary_cards(out: &mut String, analysis: &Analysis) {
    let over = analysis
        .span_of_control
        .breaches
        .iter()
        .filter(|b| b.issue == SpanIssue::Over)
        .count();
    let gaps = analysis.team_gaps.first().map_or(0, |all| {
        all.gaps.iter().filter(|g| g.bench_deficit > 0).count()
    });
    let cards = [
        (
            "Single points of failure",
            analysis.bus_factor.len().to_string(),
            !analysis.bus_factor.is_empty(),
        ),
        ("Thin skills", gaps.to_string(), gaps > 0),
        ("Managers over span", over.to_string(), over > 0),
        (
            "Ready to step up",
            analysis
                .promotions
                .iter()
                .filter(|p| p.ready)
                .count()
                .to_string(),
            false,
        ),
        (
            "Hiring plan (mid, USD)",
            thousands(analysis.hiring.total.mid),
            false,
        ),
    ];
    out.push_str("<div class=\"cards\">");
    for (label, value, alert) in cards {
        let class = if alert { "card alert" } else { "card" };
        let _ = write!(
            out,
            "<div class=\"{class}\"><b>{value}</b><span>{label}</span></div>"
        );
    }
    out.push_str("</div>\n");
}

fn bus_factor(out: &mut String, analysis: &Analysis) {
    out.push_str("<h2>Single points of failure</h2>\n");
    if analysis.bus_factor.is_empty() {
        out.push_str(
            "<p>Every skill the roles require has two or more people who can lead it.</p>\n",
        );
        return;
    }
    out.push_str("<table><tr><th>Skill</th><th>Can lead</th><th>Needed by</th></tr>\n");
    for risk in &analysis.bus_factor {
        let who = risk
            .leaders
            .first()
            .map_or("<span class=\"tag bad\">nobody</span>".to_string(), |m| {
                escape(&m.name)
            });
        let roles: Vec<String> = risk
            .roles_needing
            .iter()
            .map(|r| escape(&r.title))
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{who}</td><td>{}</td></tr>",
            escape(&risk.skill.name),
            roles.join(", ")
        );
    }
    out.push_str("</table>\n");
    if !analysis.unassessed_requirements.is_empty() {
        let skills: Vec<String> = analysis
            .unassessed_requirements
            .iter()
            .map(|s| escape(&s.skill.name))
            .collect();
        let _ = writeln!(
            out,
            "<p class=\"note\">Required, but nobody is assessed in them: {}. Add them to the roster to know.</p>",
            skills.join(", ")
        );
    }
}

/// Horizontal bars: people who can lead each skill, against the bench
/// target; short bars in the contrasting colour; hard skills, then soft.
fn coverage_chart(out: &mut String, analysis: &Analysis) {
    out.push_str("<h2>Coverage against the bench target</h2>\n");
    let target = analysis.thresholds.bench_depth;
    let required: std::collections::HashSet<&str> = analysis
        .team_gaps
        .first()
        .map(|all| all.gaps.iter().map(|g| &*g.skill.id).collect())
        .unwrap_or_default();
    let mut skills: Vec<_> = analysis.coverage.iter().collect();
    skills.sort_by_key(|c| c.skill.kind == SkillKind::Soft);
    let max = skills
        .iter()
        .map(|c| c.leaders)
        .max()
        .unwrap_or(0)
        .max(target)
        .max(1);
    let (label_width, bar_width, row) = (290.0, 600.0, 18.0);
    let height = row * skills.len() as f64 + 40.0;
    let _ = write!(
        out,
        "<div class=\"chart\"><svg width=\"{}\" height=\"{height}\" role=\"img\" aria-label=\"People who can lead each skill\">",
        label_width + bar_width + 60.0
    );
    let scale = bar_width / f64::from(max);
    let (ok, deficit) = (hex(OK_RGB), hex(ALERT_RGB));
    for (index, skill) in skills.iter().enumerate() {
        let y = 10.0 + row * index as f64;
        let short = skill.leaders < target && required.contains(&*skill.skill.id);
        let colour = if short { &deficit } else { &ok };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}{}</text>\
             <rect x=\"{label_width}\" y=\"{}\" width=\"{:.1}\" height=\"{}\" fill=\"{colour}\"/>\
             <text x=\"{:.1}\" y=\"{}\">{}</text>",
            label_width - 8.0,
            y + 12.0,
            escape(&skill.skill.name),
            if skill.skill.kind == SkillKind::Soft {
                " (soft)"
            } else {
                ""
            },
            y + 2.0,
            f64::from(skill.leaders) * scale,
            row - 5.0,
            label_width + f64::from(skill.leaders) * scale + 4.0,
            y + 12.0,
            skill.leaders
        );
    }
    let x = label_width + f64::from(target) * scale;
    let _ = write!(
        out,
        "<line x1=\"{x:.1}\" y1=\"6\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#1d2433\" stroke-dasharray=\"4 3\"/>\
         <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">bench target {target}</text></svg>",
        height - 24.0,
        height - 10.0
    );
    let _ = writeln!(
        out,
        "<p class=\"legend\"><span><i style=\"background:{ok}\"></i>deep enough or not required</span>\
         <span><i style=\"background:{deficit}\"></i>required, below the bench target</span></p></div>"
    );
}

fn span(out: &mut String, analysis: &Analysis) {
    let report = &analysis.span_of_control;
    out.push_str("<h2>Span of control</h2>\n");
    if report.breaches.is_empty() && report.missing_managers.is_empty() {
        out.push_str("<p>Every manager is within their role's span, and every manager is in the roster.</p>\n");
        return;
    }
    out.push_str("<table><tr><th>Manager</th><th>Role</th><th class=\"num\">Direct reports</th><th>Span (seeds)</th><th></th></tr>\n");
    for breach in &report.breaches {
        let (class, label) = match breach.issue {
            SpanIssue::Over => ("tag bad", "over"),
            SpanIssue::Under => ("tag", "under"),
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}-{}</td><td><span class=\"{class}\">{label}</span></td></tr>",
            escape(&breach.manager.name),
            escape(&breach.role.title),
            breach.directs,
            breach.span_min,
            breach.span_max
        );
    }
    out.push_str("</table>\n");
    for missing in &report.missing_managers {
        let _ = writeln!(
            out,
            "<p>{}'s manager \"{}\" is {}.</p>",
            escape(&missing.member.name),
            escape(&missing.manager),
            if missing.matches == 0 {
                "not in the roster".to_string()
            } else {
                format!("ambiguous ({} matches)", missing.matches)
            }
        );
    }
}

fn promotions(out: &mut String, analysis: &Analysis) {
    out.push_str("<h2>Ready to step up</h2>\n");
    if analysis.promotions.is_empty() {
        out.push_str("<p>Nobody scores 70+ for a next step on their career path.</p>\n");
        return;
    }
    let _ = writeln!(
        out,
        "<p class=\"note\">Next steps on the career paths scoring 70+. {}</p>",
        escape(crate::analysis::FIT_FORMULA)
    );
    out.push_str("<table><tr><th>Member</th><th>From</th><th>To</th><th class=\"num\">Fit</th><th>Required met</th><th>Status</th><th>Assess next</th></tr>\n");
    for p in &analysis.promotions {
        let word = super::readiness(p.ready, &p.coverage);
        let status = if p.ready {
            format!("<span class=\"tag good\">{word}</span>")
        } else {
            format!(
                "<span class=\"tag\">short of {}</span>",
                escape(&super::short_of(&p.gaps).join(", "))
            )
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{:.0}</td><td>{}</td><td>{status}</td><td>{}</td></tr>",
            escape(&p.member.name),
            escape(&p.from.title),
            escape(&p.to.title),
            p.score,
            escape(&super::met_text(&p.coverage)),
            escape(&super::to_assess(&p.gaps).join(", "))
        );
    }
    out.push_str("</table>\n");
}

fn hiring(out: &mut String, analysis: &Analysis) {
    let plan = &analysis.hiring;
    out.push_str("<h2>Hiring plan</h2>\n");
    let rebalance = super::rebalance_lines(analysis);
    if !rebalance.is_empty() {
        out.push_str("<p>Rebalance first, at no cost:</p>\n<ul>");
        for line in rebalance {
            let _ = write!(out, "<li>{}</li>", escape(&line));
        }
        out.push_str("</ul>\n");
    }
    if !plan.upskilling.is_empty() {
        out.push_str("<p>Ask first: people one level short of a thin skill who want to grow in it.</p>\n<table><tr><th>Member</th><th>Skill</th><th class=\"num\">Now</th><th class=\"num\">Needs</th><th>Mentor</th></tr>\n");
        for option in &plan.upskilling {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&option.member.name),
                escape(&option.skill.name),
                option.has,
                option.needs,
                escape(&super::mentor_text(option))
            );
        }
        out.push_str("</table>\n");
        if let Some(sentence) = super::upskilling_sentence(plan) {
            let _ = writeln!(
                out,
                "<p>The plan counts on them: {}.</p>",
                escape(&sentence)
            );
        }
        if !plan.no_mentor.is_empty() {
            let skills: Vec<String> = plan.no_mentor.iter().map(|s| escape(&s.name)).collect();
            let _ = writeln!(
                out,
                "<p>No mentor on the team for {}: hired for instead.</p>",
                skills.join(", ")
            );
        }
    }
    if plan.hires.is_empty() {
        out.push_str("<p>No hires needed.</p>\n");
        return;
    }
    out.push_str("<table><tr><th class=\"num\">#</th><th>Role</th><th>Why</th><th class=\"num\">Low</th><th class=\"num\">Mid</th><th class=\"num\">High</th><th class=\"num\">Running total</th></tr>\n");
    for hire in &plan.hires {
        let why = escape(&hire_reason(hire));
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}{}</td><td>{why}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            hire.rank,
            escape(&super::hire_title(hire)),
            if hire.estimated_cost { "*" } else { "" },
            thousands(hire.cost.low),
            thousands(hire.cost.mid),
            thousands(hire.cost.high),
            thousands(hire.running_total)
        );
    }
    let _ = writeln!(
        out,
        "<tr><th colspan=\"3\">Total (USD a year)</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th></th></tr></table>",
        thousands(plan.total.low),
        thousands(plan.total.mid),
        thousands(plan.total.high)
    );
    if !plan.open_deficits.is_empty() {
        let open: Vec<String> = plan
            .open_deficits
            .iter()
            .map(|d| format!("{} ({})", escape(&d.skill.name), d.people))
            .collect();
        let _ = writeln!(
            out,
            "<p>Still open after the plan: {}.</p>",
            open.join(", ")
        );
    }
}

fn heatmap(out: &mut String, analysis: &Analysis, workspace: &Workspace) {
    out.push_str("<h2>Skills matrix</h2>\n");
    let members: Vec<usize> = analysis
        .fit
        .iter()
        .map(|fit| fit.member.index)
        .take(HEATMAP_ROWS)
        .collect();
    let skills: Vec<usize> = (0..workspace.skills.len()).collect();
    let note = (analysis.fit.len() > HEATMAP_ROWS).then(|| {
        format!(
            "The first {HEATMAP_ROWS} of {} members are drawn.",
            analysis.fit.len()
        )
    });
    let svg = super::svg::heatmap_svg(
        &super::svg::Heatmap {
            workspace,
            members: &members,
            skills: &skills,
            note,
            title: None,
            leads: &super::svg::leads_by_column(analysis, workspace),
        },
        false,
    );
    let _ = writeln!(out, "<div class=\"chart\">{svg}</div>");
}

fn time_split(out: &mut String, analysis: &Analysis) {
    let time = &analysis.time_split;
    out.push_str("<h2>Time split</h2>\n");
    let known = time.strategy_fte + time.people_fte + time.building_fte;
    if known <= 0.0 {
        out.push_str("<p>No role in view states a time split.</p>\n");
        return;
    }
    let width = 760.0;
    let parts = [
        ("Strategy & alignment", time.strategy_fte, "#7570b3"),
        ("People management", time.people_fte, "#1b9e77"),
        ("Building software", time.building_fte, "#4292c6"),
    ];
    let _ = write!(
        out,
        "<div class=\"chart\"><svg width=\"{}\" height=\"36\" role=\"img\" aria-label=\"Time split\">",
        width + 20.0
    );
    let mut x = 0.0;
    for (_, fte, colour) in parts {
        let w = width * fte / known;
        let _ = write!(
            out,
            "<rect x=\"{x:.1}\" y=\"4\" width=\"{w:.1}\" height=\"28\" fill=\"{colour}\"/>"
        );
        x += w;
    }
    out.push_str("</svg><p class=\"legend\">");
    for (label, fte, colour) in parts {
        let _ = write!(
            out,
            "<span><i style=\"background:{colour}\"></i>{label}: {fte:.1} FTE ({:.0}%)</span>",
            100.0 * fte / known
        );
    }
    out.push_str("</p>");
    let _ = writeln!(
        out,
        "<p class=\"note\">People management: {:.1} FTE for {} reports; the seeds' Engineering Manager norm (50% of one person for 6-8 reports) calls for {:.1}.{}</p></div>",
        time.people_fte,
        time.reports,
        time.people_fte_needed,
        if time.assumed_building_fte > 0.0 {
            format!(
                " {:.1} FTE of individual contributors whose role gives no split is counted as building.",
                time.assumed_building_fte
            )
        } else {
            String::new()
        }
    );
}

fn fit_table(out: &mut String, analysis: &Analysis) {
    out.push_str("<h2>Role fit, lowest first</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"note\">{} ? is too little assessed to judge (under a third of the required \
         skills).</p>",
        escape(crate::analysis::FIT_FORMULA)
    );
    out.push_str("<table><tr><th>Member</th><th>Role</th><th class=\"num\">Fit</th><th>Gaps (has → needs)</th></tr>\n");
    let mut fits: Vec<_> = analysis
        .fit
        .iter()
        .filter_map(|f| f.own_role.as_ref().map(|own| (f, own)))
        .collect();
    fits.sort_by(|a, b| super::lowest_fit_first(a.1, b.1));
    for (fit, own) in fits.iter().take(25) {
        let gaps: Vec<String> = own
            .gaps
            .iter()
            .map(|g| {
                format!(
                    "{} {}→{}",
                    escape(&g.skill.name),
                    g.has.map_or("–".into(), |l| l.to_string()),
                    g.needs
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(&fit.member.name),
            escape(&own.role.title),
            super::fit_cell(own),
            gaps.join(", ")
        );
    }
    out.push_str("</table>\n");
}
