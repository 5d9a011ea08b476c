//! The role library matches the seed documents it was authored from.

use skillgrid::catalog::{self, Catalog};
use skillgrid::model::{Importance, Level, RoleId, SkillId, SkillKind, Track};

const SEED_000_HARD: [&str; 10] = [
    "Software Architecture",
    "Cloud Computing",
    "Agile & Project Management",
    "DevOps & CI/CD",
    "Programming Proficiency",
    "Database Technologies",
    "System Design",
    "Observability",
    "API Design",
    "Information Security",
];
const SEED_000_SOFT: [&str; 9] = [
    "Inspirational Leadership",
    "Strategic Thinking",
    "Exceptional Communication",
    "Empathy & Emotional Intelligence",
    "Problem-Solving & Decision Making",
    "Mentorship & Coaching",
    "Conflict Resolution",
    "Stakeholder Management",
    "Adaptability",
];
const SEED_001_HARD: [&str; 14] = [
    "People management",
    "Software architecture and system design",
    "Programming languages",
    "Cloud-native",
    "Containerization and orchestration",
    "CI/CD tooling",
    "Observability and monitoring",
    "Datastore experience",
    "Security and compliance",
    "Performance optimization",
    "API design and developer experience",
    "Event streaming and messaging",
    "Automation and infrastructure as code",
    "Agile and lean software development",
];
const SEED_001_SOFT: [&str; 10] = [
    "Verbal and written communication",
    "Stakeholder management",
    "Strategic thinking",
    "Empathy and active listening",
    "Data-driven decision making",
    "Time management and prioritization",
    "Coaching and mentoring",
    "Resilience and bias for action",
    "Cross-functional collaboration",
    "Change management",
];

fn library() -> &'static Catalog {
    catalog::builtin()
}

fn role(id: &str) -> &'static skillgrid::model::Role {
    library()
        .role(&RoleId::new(id))
        .unwrap_or_else(|| panic!("role {id} is in the library"))
}

#[test]
fn every_seed_skill_maps_to_one_catalog_skill_of_its_kind() {
    for (labels, kind) in [
        (&SEED_000_HARD[..], SkillKind::Hard),
        (&SEED_000_SOFT[..], SkillKind::Soft),
        (&SEED_001_HARD[..], SkillKind::Hard),
        (&SEED_001_SOFT[..], SkillKind::Soft),
    ] {
        for label in labels {
            let skill = library()
                .find_skill(label)
                .unwrap_or_else(|| panic!("seed skill {label:?} is not in the catalog"));
            assert_eq!(skill.kind, kind, "{label:?} maps to {}", skill.name);
            assert!(
                skill.sources.iter().any(|source| source.label == *label),
                "{} does not cite {label:?} as a source",
                skill.name
            );
        }
    }
}

#[test]
fn near_duplicates_across_seeds_are_merged() {
    let same = |a: &str, b: &str| {
        assert_eq!(
            library().find_skill(a).map(|s| &s.id),
            library().find_skill(b).map(|s| &s.id),
            "{a:?} and {b:?}"
        );
    };
    same(
        "Exceptional Communication",
        "Verbal and written communication",
    );
    same("Mentorship & Coaching", "Coaching and mentoring");
    same(
        "Problem-Solving & Decision Making",
        "Data-driven decision making",
    );
    same("Database Technologies", "Datastore experience");
    same("Kubernetes", "K8s");
    let count = library().skills.len();
    assert!((25..=40).contains(&count), "{count} skills");
}

#[test]
fn salary_bands_are_the_seeds() {
    let band = |id: &str| {
        let salary = role(id).salary.clone().expect("a salary band");
        (salary.min, salary.max, salary.currency, salary.estimated)
    };
    assert_eq!(
        band("technical-manager"),
        (140_000.0, 195_000.0, "USD".into(), false)
    );
    assert_eq!(
        band("manager-software-engineering"),
        (140_000.0, 220_000.0, "USD".into(), false)
    );
    for role in &library().roles {
        let salary = role.salary.as_ref().expect("every role can be costed");
        assert!(salary.min < salary.max, "{}", role.id);
        assert_eq!(
            salary.estimated,
            !["technical-manager", "manager-software-engineering"].contains(&role.id.as_str()),
            "{} must say whether its band is the seed's",
            role.id
        );
    }
}

#[test]
fn spans_years_and_time_splits_are_the_seeds() {
    let span = |id: &str| role(id).span.as_ref().map(|s| (s.min, s.max));
    assert_eq!(span("technical-lead-manager"), Some((3, 4)));
    assert_eq!(span("engineering-manager"), Some((6, 8)));
    assert_eq!(span("technical-manager"), None);

    let years = |id: &str| {
        let years = role(id).years.clone().expect("years");
        (years.min, years.max, years.open_ended)
    };
    assert_eq!(years("technical-manager"), (8.0, Some(12.0), true));
    assert_eq!(
        years("manager-software-engineering"),
        (6.0, Some(12.0), true)
    );
    assert_eq!(years("senior-software-engineer"), (5.0, Some(8.0), false));
    assert_eq!(years("technical-lead-manager"), (8.0, None, true));
    assert_eq!(years("engineering-manager"), (10.0, None, true));

    let split = |id: &str| {
        let split = role(id).time_split.clone().expect("time split");
        (split.strategy, split.people, split.building)
    };
    assert_eq!(split("engineering-manager"), (30.0, 50.0, 20.0));
    assert_eq!(split("product-manager"), (80.0, 10.0, 10.0));
    assert_eq!(split("tech-lead"), (30.0, 10.0, 60.0));
}

#[test]
fn career_links_follow_the_seeds() {
    let targets = |links: &[skillgrid::model::CareerLink]| {
        links
            .iter()
            .filter_map(|link| link.role.as_ref().map(|id| id.as_str().to_string()))
            .collect::<Vec<_>>()
    };
    let tm = &role("technical-manager").career;
    assert!(targets(&tm.entry_from).contains(&"senior-software-engineer".to_string()));
    assert!(targets(&tm.entry_from).contains(&"tech-lead".to_string()));
    assert!(
        tm.advancement_to
            .iter()
            .any(|l| l.title.contains("Director of Engineering"))
    );
    assert!(
        targets(&role("technical-lead-manager").career.entry_from)
            .contains(&"tech-lead".to_string())
    );
    assert!(
        targets(&role("tech-lead").career.advancement_to)
            .contains(&"engineering-manager".to_string())
    );
}

#[test]
fn the_eight_seeded_roles_are_there_with_requirements_that_cite_their_basis() {
    for id in [
        "technical-manager",
        "manager-software-engineering",
        "technical-lead-manager",
        "senior-software-engineer",
        "engineering-manager",
        "tech-lead",
        "product-manager",
        "technical-leader",
    ] {
        let role = role(id);
        assert!(!role.seeds.is_empty(), "{id} names its seed");
        assert!(role.requirements.len() >= 6, "{id}");
        for requirement in &role.requirements {
            assert!(!requirement.basis.is_empty(), "{id} {}", requirement.skill);
        }
    }
    assert_eq!(role("engineering-manager").track, Track::Manager);
    assert_eq!(role("tech-lead").track, Track::Ic);
}

#[test]
fn every_hard_and_soft_skill_of_seed_000_is_a_requirement_of_technical_manager() {
    let tm = role("technical-manager");
    for label in SEED_000_HARD.iter().chain(&SEED_000_SOFT) {
        let skill = library().find_skill(label).expect("in the catalog");
        assert!(
            tm.requirement(&skill.id).is_some(),
            "Technical Manager lacks {label}"
        );
    }
    let architecture = tm
        .requirement(&SkillId::new("software-architecture"))
        .expect("architecture");
    assert_eq!(
        architecture.min_level,
        Level::EXPERT,
        "'Deep expertise' is expert"
    );
    assert_eq!(architecture.importance, Importance::Required);
}

#[test]
fn every_hard_and_soft_skill_of_seed_001_is_a_requirement_of_its_role() {
    let manager = role("manager-software-engineering");
    for label in SEED_001_HARD.iter().chain(&SEED_001_SOFT) {
        let skill = library().find_skill(label).expect("in the catalog");
        assert!(
            manager.requirement(&skill.id).is_some(),
            "Manager - SE lacks {label}"
        );
    }
}
