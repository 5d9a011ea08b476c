//! `skillgrid catalog`: the built-in skills and roles, for people and scripts.

use crate::catalog::Catalog;
use crate::model::Importance;
use crate::words::thousands;
use std::fmt::Write as _;

pub fn catalog_json(catalog: &Catalog) -> serde_json::Value {
    serde_json::json!({
        "skills": catalog.skills,
        "roles": catalog.roles,
    })
}

pub fn catalog_text(catalog: &Catalog) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "SKILLS ({})", catalog.skills.len());
    let mut last_group = None;
    for skill in &catalog.skills {
        let group = (skill.kind, skill.category.as_str());
        if last_group != Some(group) {
            let _ = writeln!(text, "\n  {} / {}", skill.kind.label(), skill.category);
            last_group = Some(group);
        }
        let _ = writeln!(text, "    {:<34} {}", skill.name, skill.id);
        if !skill.aliases.is_empty() {
            let _ = writeln!(text, "      aliases: {}", skill.aliases.join(", "));
        }
        let sources: Vec<String> = skill
            .sources
            .iter()
            .map(|source| format!("{} \"{}\"", source.seed, source.label))
            .collect();
        if !sources.is_empty() {
            let _ = writeln!(text, "      seeds:   {}", sources.join("; "));
        }
    }
    let _ = writeln!(text, "\nROLES ({})", catalog.roles.len());
    for role in &catalog.roles {
        let _ = writeln!(
            text,
            "\n  {} ({}, {:?} track)",
            role.title, role.id, role.track
        );
        if !role.aliases.is_empty() {
            let _ = writeln!(text, "    aliases:     {}", role.aliases.join(", "));
        }
        let seeds = if role.seeds.is_empty() {
            "none (an assumption)".to_string()
        } else {
            role.seeds.join(", ")
        };
        let _ = writeln!(text, "    seeds:       {seeds}");
        if let Some(salary) = &role.salary {
            let _ = writeln!(
                text,
                "    salary:      {} {}-{}{}",
                salary.currency,
                thousands(salary.min),
                thousands(salary.max),
                if salary.estimated {
                    " (estimate: not in the seeds)"
                } else {
                    ""
                }
            );
        }
        if let Some(years) = &role.years {
            let _ = writeln!(text, "    years:       {years}");
        }
        if let Some(span) = &role.span {
            let _ = writeln!(
                text,
                "    span:        {}-{} direct reports",
                span.min, span.max
            );
        }
        if let Some(split) = &role.time_split {
            let _ = writeln!(
                text,
                "    time split:  strategy {}% / people {}% / building {}%",
                split.strategy, split.people, split.building
            );
        }
        for (label, links) in [
            ("entry from", &role.career.entry_from),
            ("advances to", &role.career.advancement_to),
            ("lateral", &role.career.lateral),
        ] {
            if !links.is_empty() {
                let titles: Vec<&str> = links.iter().map(|link| link.title.as_str()).collect();
                let _ = writeln!(text, "    {label:<12} {}", titles.join("; "));
            }
        }
        let _ = writeln!(text, "    requirements:");
        for requirement in &role.requirements {
            let name = catalog
                .skill(&requirement.skill)
                .map_or(requirement.skill.as_str(), |skill| skill.name.as_str());
            let marker = match requirement.importance {
                Importance::Required => "required",
                Importance::Preferred => "preferred",
            };
            let _ = writeln!(
                text,
                "      {:<34} >= {}  {marker}",
                name, requirement.min_level
            );
        }
    }
    text
}
