//! import(export(x)) == x for every roster, in both layouts and as JSON.

use proptest::prelude::*;
use skillgrid::catalog;
use skillgrid::io::{
    ExportOptions, Layout, export_roster, import_roster, workspace_from_json, workspace_to_json,
};
use skillgrid::model::{
    Cell, Level, Member, Role, RoleId, Skill, SkillId, SkillKind, Workspace, normalize_label,
};

/// What a roster holds, compared without the ids an import assigns.
#[derive(Debug, PartialEq)]
struct RosterView {
    skills: Vec<(String, SkillKind, bool)>,
    members: Vec<(Member, Option<String>)>,
    cells: Vec<Vec<Cell>>,
}

fn view(workspace: &Workspace) -> RosterView {
    RosterView {
        skills: workspace
            .skills
            .iter()
            .map(|skill| (skill.name.clone(), skill.kind, skill.builtin))
            .collect(),
        members: (0..workspace.members.len())
            .map(|index| {
                let mut member = workspace.members[index].clone();
                let title = workspace.member_role(index).map(|role| role.title.clone());
                member.role = None;
                (member, title)
            })
            .collect(),
        cells: workspace.levels.iter_rows().map(<[Cell]>::to_vec).collect(),
    }
}

fn text() -> impl Strategy<Value = String> {
    // Delimiters, quotes, newlines, accents and formula triggers included.
    "[=+@'-]?[A-Za-zÀ-ÿ0-9 ,;\"\\n\\t']{1,10}"
        .prop_map(|text| text.trim().to_string())
        .prop_filter("a value", |text| !text.is_empty())
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn custom_skill_name() -> impl Strategy<Value = String> {
    "[=@]?[A-Za-z][A-Za-z0-9 #+.]{0,12}"
        .prop_map(|name| name.trim().to_string())
        .prop_filter("not a library skill", |name| {
            catalog::builtin().find_skill(name).is_none()
        })
}

fn cell() -> impl Strategy<Value = Cell> {
    (proptest::option::of(0u8..=4), any::<bool>())
        .prop_map(|(level, interest)| Cell::new(level.and_then(Level::new), interest))
}

prop_compose! {
    fn roster()(
        library_picks in proptest::sample::subsequence((0..catalog::builtin().skills.len()).collect::<Vec<_>>(), 0..8),
        order_seed in any::<u64>(),
        customs in proptest::collection::vec((custom_skill_name(), any::<bool>()), 0..4),
        people in proptest::collection::vec(
            (text(), proptest::option::of("[a-z]{1,6}@[a-z]{1,5}\\.com"), 0usize..12, optional_text(),
             optional_text(), 0.0f64..=1.0, optional_text(), proptest::option::of(0.0f64..80.0)),
            0..12),
        custom_roles in proptest::collection::vec(custom_skill_name(), 0..2),
        cells in proptest::collection::vec(cell(), 0..400),
    ) -> Workspace {
        let library = catalog::builtin();
        let mut workspace = Workspace::with_roles(library.roles.clone());
        for (index, title) in custom_roles.iter().enumerate() {
            if library.find_role(title).is_none() && workspace.roles.iter().all(|r| normalize_label(&r.title) != normalize_label(title)) {
                let mut role = Role::custom(RoleId::new(format!("custom-{index}")), title);
                role.summary = "Added from a roster: not in the role library.".into();
                workspace.roles.push(role);
            }
        }
        let mut picks = library_picks;
        // A spreadsheet's columns come in any order, not the library's.
        picks.sort_by_key(|&index| (index as u64).wrapping_mul(order_seed | 1).rotate_left(7));
        for index in picks {
            workspace.push_skill(library.skills[index].clone());
        }
        for (name, soft) in customs {
            let taken = workspace.skills.iter().any(|s| s.labels().any(|l| normalize_label(l) == normalize_label(&name)));
            if !taken && !normalize_label(&name).is_empty() {
                let kind = if soft { SkillKind::Soft } else { SkillKind::Hard };
                workspace.push_skill(Skill::custom(SkillId::new(format!("c-{}", workspace.skills.len())), &name, kind));
            }
        }
        let mut identities = std::collections::HashSet::new();
        for (name, email, role, team, manager, fte, location, years) in people {
            let identity = email.clone().unwrap_or_else(|| normalize_label(&name));
            if normalize_label(&name).is_empty() || !identities.insert(identity) {
                continue;
            }
            let roles = workspace.roles.len();
            let member = Member {
                name,
                email,
                emails: Vec::new(),
                role: (role < roles).then(|| workspace.roles[role].id.clone()),
                team,
                manager,
                fte,
                location,
                years,
                planned: false,
                development: Default::default(),
                time_off: Vec::new(),
                joined: None,
                left: None,
                changes: Vec::new(),
                work: Default::default(),
                fte_stated: true,
            };
            workspace.push_member(member);
        }
        workspace.track_required_skills(&library.skills);
        let width = workspace.skills.len();
        for (index, cell) in cells.into_iter().enumerate() {
            if width > 0 && index / width < workspace.members.len() {
                workspace.levels.set(index / width, index % width, cell);
            }
        }
        workspace
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn wide_and_long_csv_round_trip(workspace in roster(), delimiter in prop::sample::select(vec![b',', b';', b'\t'])) {
        for layout in [Layout::Wide, Layout::Long] {
            if layout == Layout::Long && workspace.members.is_empty() {
                continue;
            }
            let bytes = export_roster(&workspace, ExportOptions { layout, delimiter });
            let back = import_roster(&bytes, "x.csv", catalog::builtin())
                .map_err(|failure| TestCaseError::fail(format!("{layout:?}: {failure}\n{}", String::from_utf8_lossy(&bytes))))?;
            prop_assert_eq!(view(&back.value), view(&workspace), "{:?}", layout);
        }
    }

    #[test]
    fn json_round_trips_exactly(workspace in roster()) {
        let back = workspace_from_json(&workspace_to_json(&workspace), "x.json")
            .map_err(|failure| TestCaseError::fail(failure.to_string()))?;
        prop_assert_eq!(back.value, workspace);
    }

    #[test]
    fn exported_text_never_starts_a_formula(workspace in roster()) {
        let bytes = export_roster(&workspace, ExportOptions::default());
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(&bytes[..]);
        for record in reader.records() {
            for field in record.expect("our own CSV parses").iter() {
                let risky = matches!(field.chars().next(), Some('=' | '@' | '\t' | '\r'))
                    || (field.starts_with(['+', '-']) && field.parse::<f64>().is_err() && field != "+");
                prop_assert!(!risky, "{:?}", field);
            }
        }
    }
}
