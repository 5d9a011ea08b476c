//! The report's sentences about gaps, fit, hires and mentors, shared by
//! every format: the text, the HTML page and the CSV tables say the same.

use crate::analysis::{Gap, Hire, HireReason};

/// A gap as reports print it: `Kubernetes 1->3` (`?` when not assessed).
pub fn gap_text(gap: &Gap) -> String {
    format!(
        "{} {}->{}",
        gap.skill.name,
        gap.has.map_or("?".to_string(), |level| level.to_string()),
        gap.needs
    )
}

/// The gaps assessed below their minimum, as `gap_text`s.
pub fn short_of(gaps: &[Gap]) -> Vec<String> {
    gaps.iter()
        .filter(|gap| gap.has.is_some())
        .map(gap_text)
        .collect()
}

/// The requirements not assessed: what to assess next.
pub fn to_assess(gaps: &[Gap]) -> Vec<String> {
    gaps.iter()
        .filter(|gap| gap.has.is_none())
        .map(|gap| format!("{} {}+", gap.skill.name, gap.needs))
        .collect()
}

/// A readiness in words: `ready`, `ready on what is assessed`, `nothing
/// short: assess the rest`, `not yet`.
pub fn readiness(ready: bool, coverage: &crate::analysis::FitCoverage) -> &'static str {
    match (ready, coverage.not_assessed()) {
        (true, 0) => "ready",
        (true, _) => "ready on what is assessed",
        (false, _) if !coverage.judgeable() => "too little assessed to judge",
        (false, unassessed) if unassessed > 0 && coverage.required_short() == 0 => {
            "nothing short: assess the rest"
        }
        (false, _) => "not yet",
    }
}

/// A hire's role as a manager reads it: `Senior Software Engineer,
/// specialist in Security & Compliance 3+` for a specialist.
pub fn hire_title(hire: &Hire) -> String {
    match &hire.specialist {
        Some((skill, level)) => format!(
            "{}, specialist in {} {}+",
            hire.role.title,
            skill.name,
            level.get()
        ),
        None => hire.role.title.to_string(),
    }
}

/// A planned hire's role as the what-if lists it, a specialist's skill
/// included.
pub fn planned_hire_title(
    workspace: &crate::model::Workspace,
    hire: &crate::model::PlannedHire,
) -> String {
    let title = workspace
        .role(&hire.role)
        .map_or(hire.role.to_string(), |role| role.title.clone());
    match &hire.specialty {
        Some((skill, level)) => {
            let name = workspace
                .skill_index(skill)
                .map_or(skill.to_string(), |column| {
                    workspace.skills[column].name.clone()
                });
            format!("{title}, specialist in {name} {}+", level.get())
        }
        None => title,
    }
}

/// What the plan counts on people growing: `1 hire if Lena Park grows into
/// Security & Compliance, 2 if not`. `None` when nobody is counted on.
pub fn upskilling_sentence(plan: &crate::analysis::HiringPlan) -> Option<String> {
    let counted: Vec<&crate::analysis::Upskilling> = plan
        .upskilling
        .iter()
        .filter(|option| option.counted)
        .collect();
    if counted.is_empty() {
        return None;
    }
    let hires = |count: usize| {
        if count == 1 {
            "1 hire".to_string()
        } else {
            format!("{count} hires")
        }
    };
    let who = match counted.as_slice() {
        [only] => format!("{} grows into {}", only.member.name, only.skill.name),
        [first @ .., last] => {
            let names: Vec<&str> = first.iter().map(|option| &*option.member.name).collect();
            format!(
                "{} and {} grow as above",
                names.join(", "),
                last.member.name
            )
        }
        [] => String::new(),
    };
    Some(format!(
        "{} if {who}, {} if not",
        hires(plan.hires.len()),
        plan.hires_without_upskilling
    ))
}

/// An upskilling option's mentor in words, and the target already set.
pub fn mentor_text(option: &crate::analysis::Upskilling) -> String {
    let mentor = match &option.mentor {
        Some(mentor) => mentor.name.to_string(),
        None if option.mentored_by_hire => "the new hire".to_string(),
        None => "no mentor on the team".to_string(),
    };
    let mut said = match option.targeted {
        Some((level, by)) => format!("{mentor}; already targeted at {level} by {by}"),
        None => mentor,
    };
    if let Some(project) = &option.practice {
        said.push_str(&format!("; practises on {project} as a learner"));
    }
    said
}

/// The rebalancing moves in words, then what each does to a span:
/// `Marcus Webb: 10 -> 8 reports (6-8)`.
pub fn rebalance_lines(analysis: &crate::analysis::Analysis) -> Vec<String> {
    let moves = &analysis.hiring.rebalance;
    let mut lines: Vec<String> = moves
        .iter()
        .map(|report| {
            format!(
                "move {} from {} to {}",
                report.member.name, report.from.name, report.to.name
            )
        })
        .collect();
    for breach in &analysis.span_of_control.breaches {
        let out = moves
            .iter()
            .filter(|m| m.from.index == breach.manager.index)
            .count() as u32;
        let into = moves
            .iter()
            .filter(|m| m.to.index == breach.manager.index)
            .count() as u32;
        if out + into == 0 {
            continue;
        }
        let after = breach.directs + into - out.min(breach.directs);
        let fixed = (breach.span_min..=breach.span_max).contains(&after);
        lines.push(format!(
            "{}: {} -> {after} reports ({}-{}){}",
            breach.manager.name,
            breach.directs,
            breach.span_min,
            breach.span_max,
            if fixed { ", within span" } else { "" }
        ));
    }
    lines
}

/// Why a hire is in the plan, in words: the span breach it relieves and the
/// skills it brings.
pub fn hire_reason(hire: &Hire) -> String {
    let skills: Vec<&str> = hire.closes.iter().map(|skill| &*skill.name).collect();
    match &hire.reason {
        HireReason::SpanOfControl {
            manager,
            directs,
            span_max,
        } => {
            let also = if skills.is_empty() {
                String::new()
            } else {
                format!("; brings {}", skills.join(", "))
            };
            format!(
                "span: {} has {directs} reports (max {span_max}){also}",
                manager.name
            )
        }
        HireReason::Skills if hire.specialist.is_some() => format!(
            "brings {}; no library IC role requires it, so a specialist",
            skills.join(", ")
        ),
        HireReason::Skills => format!("brings {}", skills.join(", ")),
    }
}

/// A span breach in words: who, in what role (unless their name says it
/// already, as a planned hire's does), how many reports against the range.
pub fn breach_text(breach: &crate::analysis::SpanBreach) -> String {
    let title = &*breach.role.title;
    let who = if breach.manager.name.ends_with(&format!("({title})")) {
        breach.manager.name.to_string()
    } else {
        format!("{} ({title})", breach.manager.name)
    };
    format!(
        "{who}: {}, the role calls for {}-{}",
        crate::words::count_of(breach.directs as usize, "direct report", "direct reports"),
        breach.span_min,
        breach.span_max
    )
}

/// How many required skills are met: `meets 9 of 12 required`, or over
/// all requirements for a role with none required.
pub fn met_text(coverage: &crate::analysis::FitCoverage) -> String {
    if coverage.required > 0 {
        format!(
            "meets {} of {} required",
            coverage.required_met, coverage.required
        )
    } else {
        format!(
            "on {} of {} requirements",
            coverage.assessed, coverage.requirements
        )
    }
}

/// A fit as a table cell: `46, meets 10 of 24 required`, or `?` when too
/// little is assessed to judge.
pub(crate) fn fit_cell(fit: &crate::analysis::RoleFit) -> String {
    if fit.coverage.judgeable() {
        format!("{:.0}, {}", fit.score, met_text(&fit.coverage))
    } else {
        format!("?, {}", met_text(&fit.coverage))
    }
}

/// Judged fits lowest first, then those with too little assessed.
pub(crate) fn lowest_fit_first(
    a: &crate::analysis::RoleFit,
    b: &crate::analysis::RoleFit,
) -> std::cmp::Ordering {
    b.coverage
        .judgeable()
        .cmp(&a.coverage.judgeable())
        .then(a.score.total_cmp(&b.score))
}
