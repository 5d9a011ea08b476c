//! Advice a manager can sign off on a roster that tracks only part of the
//! library: a skill not assessed is not a zero, every fit says how much it
//! rests on, and the report's counts agree with its tables.

mod common;
use common::skillgrid;

use skillgrid::analysis::{AnalysisOptions, analyze};
use skillgrid::catalog;
use skillgrid::io;

/// Ten of the library's skills, as a team's spreadsheet would track them.
/// Ana meets everything assessed of Tech Lead; Ben has one level on record.
const ROSTER: &str = "Name,Role,Team,Programming,Software Architecture,System Design,CI/CD,\
Kubernetes,Observability,Agile,Communication,Mentoring,Collaboration\r\n\
Ana Ruiz,Senior Software Engineer,Core,4,3,3,3,3,3,3,3,3,3\r\n\
Ben Okafor,Senior Software Engineer,Core,4,,,,,,,,,\r\n\
Chen Li,Senior Software Engineer,Core,2,2,2,2,2,2,2,2,2,2\r\n";

fn analysis() -> skillgrid::analysis::Analysis {
    let workspace = io::import_roster(ROSTER.as_bytes(), "core.csv", catalog::builtin())
        .expect("the roster reads")
        .value;
    analyze(&workspace, &AnalysisOptions::default())
}

#[test]
fn a_member_who_meets_everything_assessed_is_ready_only_once_the_rest_is_assessed() {
    let analysis = analysis();
    let tech_lead = analysis
        .succession
        .iter()
        .find(|role| &*role.role.title == "Tech Lead")
        .expect("a succession list");
    let ana = &tech_lead.candidates[0];
    assert_eq!(&*ana.member.name, "Ana Ruiz");
    assert_eq!(ana.required_gaps, 0, "nothing assessed is short");
    assert!(!ana.ready, "three required skills are not on record");
    let text = skillgrid::analysis::fit_text(ana.score, &ana.coverage);
    assert_eq!(
        text,
        format!(
            "fit {:.0}, meets 8 of 11 required (3 not assessed)",
            ana.score
        )
    );
    assert!(ana.score < skillgrid::analysis::GOOD_FIT, "{text}");
    assert_eq!(
        skillgrid::report::readiness(ana.ready, &ana.coverage),
        "nothing short: assess the rest"
    );
    // Her own fit says the same: full marks on what is assessed would hide
    // the two required skills nobody has rated.
    let own = analysis
        .fit
        .iter()
        .find(|fit| &*fit.member.name == "Ana Ruiz")
        .and_then(|fit| fit.own_role.clone())
        .expect("a role");
    assert_eq!(own.required_gaps, 0);
    assert_eq!(
        own.coverage.text(),
        "meets 10 of 12 required (2 not assessed)"
    );
    let assess: Vec<String> = skillgrid::report::to_assess(&own.gaps);
    assert_eq!(assess.len(), 3, "{assess:?}");

    // Assessed at the level in the rest, she is ready and listed to step up.
    let mut workspace = io::import_roster(ROSTER.as_bytes(), "core.csv", catalog::builtin())
        .expect("the roster reads")
        .value;
    let role = catalog::builtin()
        .roles
        .iter()
        .find(|role| role.title == "Tech Lead")
        .expect("in the library");
    for requirement in &role.requirements {
        let column = match workspace.skill_index(&requirement.skill) {
            Some(column) => column,
            None => {
                let skill = catalog::builtin()
                    .skill(&requirement.skill)
                    .expect("a library skill")
                    .clone();
                workspace.push_skill(skill)
            }
        };
        if workspace.cell(0, column).level().is_none() {
            workspace.levels.set(
                0,
                column,
                skillgrid::model::Cell::assessed(requirement.min_level),
            );
        }
    }
    let assessed = analyze(&workspace, &AnalysisOptions::default());
    let step = assessed
        .promotions
        .iter()
        .find(|p| &*p.member.name == "Ana Ruiz" && &*p.to.title == "Tech Lead")
        .expect("Ana's next step is listed once she is assessed");
    assert!(step.ready);
    assert_eq!(step.score, 100.0);
    assert_eq!(
        skillgrid::report::readiness(step.ready, &step.coverage),
        "ready"
    );
}

#[test]
fn a_score_on_under_a_third_of_the_required_skills_is_too_little_to_judge() {
    let analysis = analysis();
    assert!(
        !analysis
            .promotions
            .iter()
            .any(|p| &*p.member.name == "Ben Okafor"),
        "one level on record proposes nobody for a step"
    );
    let tech_lead = analysis
        .succession
        .iter()
        .find(|role| &*role.role.title == "Tech Lead")
        .expect("a succession list");
    let names: Vec<&str> = tech_lead
        .candidates
        .iter()
        .map(|c| &*c.member.name)
        .collect();
    assert_eq!(
        names,
        ["Ana Ruiz", "Chen Li", "Ben Okafor"],
        "judged scores first, too little assessed last"
    );
    let ben = &tech_lead.candidates[2];
    assert!(!ben.coverage.judgeable());
    assert!(!ben.ready);
    assert_eq!(
        skillgrid::analysis::fit_text(ben.score, &ben.coverage),
        "too little assessed to judge (1 of 11 required skills)"
    );
    // Chen is assessed below the minimums: short, and said so.
    let chen = &tech_lead.candidates[1];
    assert!(chen.coverage.judgeable() && !chen.ready);
    assert_eq!(
        skillgrid::report::readiness(chen.ready, &chen.coverage),
        "not yet"
    );
}

#[test]
fn the_reports_say_how_much_each_judgement_rests_on_and_their_counts_agree() {
    let folder = tempfile::tempdir().expect("folder");
    let roster = folder.path().join("core.csv");
    std::fs::write(&roster, ROSTER).expect("written");
    let roster = roster.to_str().expect("utf-8");

    let text = skillgrid(&["report", roster]);
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    // Nobody meets enough of a next step on record to step up, and the
    // report says how the fit is made beside every score.
    assert!(text.contains("nobody scores 70+"), "{text}");
    assert!(text.contains(skillgrid::analysis::FIT_FORMULA), "{text}");
    assert!(
        text.contains("Ana Ruiz (62, meets 8 of 11 required, next step)"),
        "{text}"
    );

    let json = skillgrid(&["report", roster, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let ana = json["fit"]
        .as_array()
        .and_then(|fits| fits.iter().find(|fit| fit["member"]["name"] == "Ana Ruiz"))
        .expect("Ana's fit");
    let coverage = &ana["own_role"]["coverage"];
    assert_eq!(coverage["judgeable"], true);
    assert_eq!(
        (
            coverage["required_met"].as_u64(),
            coverage["required"].as_u64()
        ),
        (Some(10), Some(12))
    );

    let csv = skillgrid(&["report", roster, "--format", "csv", "--table", "fit"]);
    let csv = String::from_utf8_lossy(&csv.stdout).to_string();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "member,email,role,fit,assessed,requirements,judgeable,required_gaps,required_met,\
             required,gaps"
        )
    );
    let ben = lines
        .find(|line| line.starts_with("Ben Okafor"))
        .expect("Ben's row");
    assert!(ben.contains(",1,13,false,0,1,12,"), "{ben}");
}

fn plan_of(roster: &str) -> skillgrid::analysis::HiringPlan {
    let workspace = io::import_roster(roster.as_bytes(), "team.csv", catalog::builtin())
        .expect("the roster reads")
        .value;
    analyze(&workspace, &AnalysisOptions::default()).hiring
}

#[test]
fn one_hire_closes_every_deficit_it_brings() {
    // Programming and CI/CD are both thin; a Senior Software Engineer
    // brings both, so two hires fill a bench of two, not four.
    let plan = plan_of(
        "Name,Role,Programming,CI/CD\n\
         Ana Ruiz,Senior Software Engineer,2,2\n\
         Ben Okafor,Senior Software Engineer,2,2\n",
    );
    assert_eq!(plan.hires.len(), 2, "{:?}", plan.hires);
    for hire in &plan.hires {
        let closes: Vec<&str> = hire.closes.iter().map(|skill| &*skill.name).collect();
        assert_eq!(closes, ["CI/CD & DevOps", "Programming"]);
        assert_eq!(hire.specialist, None);
    }
}

#[test]
fn a_mentor_takes_three_mentees_and_never_their_own_manager() {
    // Ana leads Kubernetes and reports to Ben; four want to grow into it.
    let plan = plan_of(
        "Name,Email,Role,Manager,Kubernetes,Programming\n\
         Ana Ruiz,ana@x.org,Senior Software Engineer,ben@x.org,4,4\n\
         Ben Okafor,ben@x.org,Senior Software Engineer,,2+,4\n\
         Chen Li,chen@x.org,Senior Software Engineer,,2+,4\n\
         Dara Patel,dara@x.org,Senior Software Engineer,,2+,4\n\
         Eli Cohen,eli@x.org,Senior Software Engineer,,2+,4\n",
    );
    let mentors: Vec<(&str, Option<&str>)> = plan
        .upskilling
        .iter()
        .map(|option| {
            (
                &*option.member.name,
                option.mentor.as_ref().map(|mentor| &*mentor.name),
            )
        })
        .collect();
    assert_eq!(
        mentors,
        [
            ("Ben Okafor", None),
            ("Chen Li", Some("Ana Ruiz")),
            ("Dara Patel", Some("Ana Ruiz")),
            ("Eli Cohen", Some("Ana Ruiz")),
        ],
        "Ana does not mentor her own manager, and takes three at most"
    );
    // A bench of two with one leader: one learner is counted, no hire.
    assert_eq!(plan.upskilling.iter().filter(|o| o.counted).count(), 1);
    assert!(plan.hires.is_empty(), "{:?}", plan.hires);
    assert_eq!(plan.hires_without_upskilling, 1);
    assert_eq!(
        skillgrid::report::upskilling_sentence(&plan).as_deref(),
        Some("0 hires if Chen Li grows into Containers & Kubernetes, 1 if not")
    );
}

#[test]
fn a_skill_no_library_ic_role_brings_is_a_specialist_hire() {
    // Nobody leads Security, which only a manager role requires.
    let plan = plan_of(
        "Name,Role,Security\n\
         Ana Ruiz,Senior Software Engineer,1\n\
         Ben Okafor,Senior Software Engineer,1\n\
         Chen Li,Technical Manager,1\n",
    );
    let security: Vec<_> = plan
        .hires
        .iter()
        .filter(|hire| hire.closes.iter().any(|skill| &*skill.id == "security"))
        .collect();
    assert_eq!(security.len(), 2, "{:?}", plan.hires);
    let hire = security[0];
    assert_eq!(
        skillgrid::report::hire_title(hire),
        "Senior Software Engineer, specialist in Security & Compliance 3+"
    );
    assert_eq!(
        hire.cost.mid, 155_000.0,
        "the Senior Software Engineer band"
    );
    assert!(skillgrid::report::hire_reason(hire).contains("so a specialist"));
}

#[test]
fn every_manager_role_has_a_time_split_and_says_when_it_is_inferred() {
    for role in &catalog::builtin().roles {
        if role.track != skillgrid::model::Track::Manager {
            continue;
        }
        let split = role
            .time_split
            .as_ref()
            .unwrap_or_else(|| panic!("{} states no split", role.title));
        assert_eq!(
            split.strategy + split.people + split.building,
            100.0,
            "{}",
            role.title
        );
        assert!(
            split.basis.starts_with("seed") || split.basis.starts_with("inferred: seed"),
            "{}: the basis names its seed: {}",
            role.title,
            split.basis
        );
    }
}

#[test]
fn a_planned_specialist_closes_the_gap_and_mentors_the_learner() {
    let workspace = io::open_path(
        std::path::Path::new("sample-teams/product-org.csv"),
        catalog::builtin(),
    )
    .expect("the sample opens")
    .value;
    let before = analyze(&workspace, &AnalysisOptions::default()).hiring;
    let specialist = before
        .hires
        .iter()
        .find(|hire| hire.specialist.is_some())
        .expect("the plan proposes a specialist");
    let (skill, level) = specialist.specialist.clone().expect("a specialty");
    let mut hire = skillgrid::model::PlannedHire::new(
        skillgrid::model::RoleId::new(&*specialist.role.id),
        None,
    );
    hire.specialty = Some((skillgrid::model::SkillId::new(&*skill.id), level));
    assert_eq!(
        skillgrid::report::planned_hire_title(&workspace, &hire),
        "Senior Software Engineer, specialist in Security & Compliance 3+"
    );
    let mut plan = skillgrid::model::Plan::default();
    plan.hires.push(hire);
    let with = skillgrid::analysis::apply_plan(&workspace, &plan, &catalog::builtin().skills);
    let after = analyze(&with, &AnalysisOptions::default()).hiring;
    assert!(
        after
            .hires
            .iter()
            .all(|hire| !hire.closes.iter().any(|s| s.id == skill.id)),
        "nothing more to hire for the skill: {:?}",
        after.hires
    );
    let noah = after
        .upskilling
        .iter()
        .find(|option| &*option.member.name == "Noah Fischer")
        .expect("still asked to grow");
    assert!(noah.counted);
    assert!(
        noah.mentor
            .as_ref()
            .is_some_and(|mentor| mentor.name.contains("Senior Software Engineer")),
        "the planned hire mentors him: {:?}",
        noah.mentor
    );
}
