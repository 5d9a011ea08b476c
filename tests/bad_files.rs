//! Hand-made bad files: each gets its own clear message naming the line and
//! column, and nothing is imported.

use skillgrid::catalog;
use skillgrid::io::{Diagnostic, ImportFailure, import_roster, workspace_from_json};

fn errors_of(text: &[u8]) -> Vec<Diagnostic> {
    match import_roster(text, "team.csv", catalog::builtin()) {
        Ok(imported) => panic!(
            "expected the import to fail; it gave {} members",
            imported.value.members.len()
        ),
        Err(ImportFailure { errors, .. }) => errors,
    }
}

fn only_error(text: &[u8]) -> Diagnostic {
    let errors = errors_of(text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.into_iter().next().expect("one error")
}

#[test]
fn a_level_out_of_range_names_line_column_and_skill() {
    let file = "Name,Role,Team,Kubernetes\n\
                Ana,Tech Lead,Core,3\n\
                Ben,Tech Lead,Core,7\n";
    let error = only_error(file.as_bytes());
    assert_eq!(
        error.to_string(),
        "team.csv:3:4: level \"7\" for skill \"Kubernetes\" is outside 0-4"
    );
}

#[test]
fn a_word_that_is_not_a_level_says_what_is_expected() {
    let error = only_error(b"Name,API Design\nAna,high\n");
    assert_eq!((error.line, error.column), (Some(2), Some(2)));
    assert!(error.message.contains("\"high\""), "{}", error.message);
    assert!(error.message.contains("expected 0-4"), "{}", error.message);
}

#[test]
fn duplicate_member_names_point_at_both_rows() {
    let error = only_error(b"Name,Team\nAna,Core\nBen,Core\nAna,Edge\n");
    assert_eq!((error.line, error.column), (Some(4), Some(1)));
    assert!(
        error
            .message
            .contains("duplicate member \"Ana\", first on line 2"),
        "{}",
        error.message
    );
    assert!(error.message.contains("Email column"), "{}", error.message);
}

#[test]
fn the_same_name_with_different_emails_is_two_people() {
    let file = "Name,Email\nAlex Kim,alex@example.com\nAlex Kim,alexandra@example.com\n";
    let imported = import_roster(file.as_bytes(), "team.csv", catalog::builtin()).unwrap();
    assert_eq!(imported.value.members.len(), 2);
    let error = only_error(b"Name,Email\nAlex,a@x.com\nAlexander,A@X.com\n");
    assert!(
        error.message.contains("duplicate member \"Alexander\""),
        "{}",
        error.message
    );
}

#[test]
fn a_ragged_row_says_how_many_fields_it_has() {
    let error = only_error(b"Name,Team,Kubernetes\nAna,Core,2\nBen,Core\n");
    assert_eq!((error.line, error.column), (Some(3), Some(3)));
    assert!(
        error
            .message
            .contains("this row has 2 fields but the header has 3"),
        "{}",
        error.message
    );
    let error = only_error(b"Name,Team\nAna,Core,extra\n");
    assert!(
        error.message.contains("has 3 fields but the header has 2"),
        "{}",
        error.message
    );
    assert!(error.message.contains("quote it"), "{}", error.message);
}

#[test]
fn an_empty_file_is_an_error() {
    let error = only_error(b"");
    assert_eq!(error.line, Some(1));
    assert!(
        error.message.contains("the file is empty"),
        "{}",
        error.message
    );
    let error = only_error(b"\xEF\xBB\xBF\r\n  \n");
    assert!(
        error.message.contains("the file is empty"),
        "{}",
        error.message
    );
    let error = only_error(b",,,\n,,\n");
    assert!(error.message.contains("blank"), "{}", error.message);
}

#[test]
fn a_file_with_no_name_column_lists_what_it_found() {
    let error = only_error(b"Person ID,Squad,Kubernetes\n1,Core,2\n");
    assert_eq!((error.line, error.column), (Some(1), Some(1)));
    assert!(
        error.message.starts_with("no name column"),
        "{}",
        error.message
    );
    assert!(error.message.contains("\"Person ID\""), "{}", error.message);
}

#[test]
fn non_utf8_bytes_are_located() {
    let error = only_error(b"Name,Team\nJos\xE9,Core\n");
    assert_eq!((error.line, error.column), (Some(2), Some(4)));
    assert!(
        error.message.contains("not valid UTF-8"),
        "{}",
        error.message
    );
    assert!(error.message.contains("CSV UTF-8"), "{}", error.message);
}

#[test]
fn bad_fte_and_years_are_reported_in_their_columns() {
    let errors = errors_of(b"Name,FTE,Years\nAna,1.5,3\nBen,0.5,lots\n");
    let places: Vec<_> = errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(places, [(Some(2), Some(2)), (Some(3), Some(3))]);
    assert!(errors[0].message.contains("FTE \"1.5\" is outside 0-1"));
    assert!(errors[1].message.contains("years \"lots\""));
}

#[test]
fn every_error_in_the_file_is_listed_not_just_the_first() {
    let errors = errors_of(b"Name,Kubernetes,Observability\nAna,9,2\nBen,1,x\n,2,2\n");
    let places: Vec<_> = errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(
        places,
        [(Some(2), Some(2)), (Some(3), Some(3)), (Some(4), Some(1))]
    );
}

#[test]
fn the_same_skill_twice_is_an_error_but_a_second_alias_is_its_own_skill() {
    let error = only_error(b"Name,Kubernetes,kubernetes\nAna,1,2\n");
    assert_eq!((error.line, error.column), (Some(1), Some(3)));
    assert!(
        error.message.contains("repeats column 2"),
        "{}",
        error.message
    );
    let imported = import_roster(
        b"Name,Kubernetes,K8s\nAna,1,2\n",
        "t.csv",
        catalog::builtin(),
    )
    .unwrap();
    assert!(
        imported
            .value
            .skills
            .iter()
            .any(|s| s.name == "K8s" && !s.builtin)
    );
    assert!(imported.warnings[0].message.contains("already matched"));
}

#[test]
fn values_under_a_blank_header_are_set_aside_with_a_warning() {
    let imported = skillgrid::io::import_roster(
        b"Name,,Team\nAna,oops,Core\n",
        "team.csv",
        skillgrid::catalog::builtin(),
    )
    .expect("a column with no header never blocks the import");
    assert_eq!(imported.value.members[0].team.as_deref(), Some("Core"));
    let warning = &imported.warnings[0];
    assert_eq!((warning.line, warning.column), (Some(1), Some(2)));
    assert!(
        warning.message.contains("column 2 was set aside") && warning.message.contains("no header"),
        "{}",
        warning.message
    );
}

#[test]
fn long_layout_errors_name_their_rows() {
    let file =
        "Member,Skill,Level\nAna,Kubernetes,3\nAna,Kubernetes,2\nBen,,3\nBen,Observability,5\n";
    let errors = errors_of(file.as_bytes());
    let places: Vec<_> = errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(
        places,
        [(Some(3), Some(2)), (Some(4), Some(2)), (Some(5), Some(3))]
    );
    assert!(errors[0].message.contains("the first is on line 2"));
    assert!(errors[1].message.contains("has no skill"));
    let conflict =
        errors_of(b"Member,Team,Skill,Level\nAna,Core,Kubernetes,3\nAna,Edge,Observability,2\n");
    assert!(
        conflict[0]
            .message
            .contains("Team \"Edge\" for \"Ana\" differs from \"Core\" on line 2")
    );
}

#[test]
fn a_workspace_from_a_newer_version_is_refused_clearly() {
    let file = br#"{"format": "skillgrid-workspace", "schema_version": 99, "skills": []}"#;
    let failure = workspace_from_json(file, "team.json").unwrap_err();
    assert!(
        failure.errors[0]
            .message
            .contains("newer Skillgrid (schema version 99")
    );
}

#[test]
fn malformed_json_gives_line_and_column() {
    let file = b"{\n  \"format\": \"skillgrid-workspace\",\n  \"schema_version\": 1,\n  oops\n}";
    let failure = workspace_from_json(file, "team.json").unwrap_err();
    let error = &failure.errors[0];
    assert_eq!((error.line, error.column), (Some(4), Some(3)));
    assert!(
        error
            .to_string()
            .starts_with("team.json:4:3: not a valid workspace file")
    );
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let mut file =
        b"{\"format\": \"skillgrid-workspace\", \"schema_version\": 1, \"skills\": ".to_vec();
    file.extend(std::iter::repeat_n(b'[', 100_000));
    file.extend(std::iter::repeat_n(b']', 100_000));
    file.push(b'}');
    let failure = workspace_from_json(&file, "deep.json").unwrap_err();
    assert!(
        failure.errors[0]
            .message
            .starts_with("not a valid workspace file"),
        "{}",
        failure.errors[0]
    );
}

#[test]
fn a_json_file_that_is_not_a_workspace_says_so() {
    let failure = workspace_from_json(b"{\"name\": \"x\"}", "other.json").unwrap_err();
    assert!(
        failure.errors[0]
            .message
            .starts_with("not a Skillgrid workspace")
    );
}
