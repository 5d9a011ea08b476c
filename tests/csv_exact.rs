//! CSV files as Windows, old Macs and Excel write them: every message names
//! the physical line an editor shows, quote problems are said as such, and
//! Excel's `sep=` line sets the delimiter.

use skillgrid::catalog;
use skillgrid::io::{Diagnostic, ImportFailure, import_roles_csv, import_roster};

fn errors_of(text: &str) -> Vec<Diagnostic> {
    match import_roster(text.as_bytes(), "team.csv", catalog::builtin()) {
        Ok(imported) => panic!(
            "expected the import to fail; it gave {} members",
            imported.value.members.len()
        ),
        Err(ImportFailure { errors, .. }) => errors,
    }
}

fn only_error(text: &str) -> String {
    let errors = errors_of(text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors[0].to_string()
}

#[test]
fn crlf_files_name_the_line_an_editor_shows() {
    let text = "Name,Kubernetes\r\nAna,3\r\nBen,2\r\nCleo,7\r\n";
    assert_eq!(
        only_error(text),
        "team.csv:4:2: level \"7\" for skill \"Kubernetes\" is outside 0-4"
    );
}

#[test]
fn cr_only_files_count_every_line() {
    let text = "Name,Kubernetes\rAna,3\rBen,9\r";
    assert_eq!(
        only_error(text),
        "team.csv:3:2: level \"9\" for skill \"Kubernetes\" is outside 0-4"
    );
}

#[test]
fn blank_lines_between_rows_are_counted() {
    let text = "Name,Kubernetes\n\nAna,3\n\r\n\nBen,5\n";
    assert_eq!(
        only_error(text),
        "team.csv:6:2: level \"5\" for skill \"Kubernetes\" is outside 0-4"
    );
}

#[test]
fn a_quote_never_closed_is_reported_where_it_opened() {
    let text = "Name,Team,Kubernetes\nAna,Core,3\nBen,\"Platform,2\nCleo,Core,1\n";
    let error = only_error(text);
    assert!(
        error.starts_with("team.csv:3: a quoted value opens here and is never closed"),
        "{error}"
    );
}

#[test]
fn text_after_a_closing_quote_is_an_error_not_dropped() {
    let text = "Name,Team,Kubernetes\r\nAna,\"Core\"x,3\r\n";
    let error = only_error(text);
    assert!(
        error.starts_with("team.csv:2: a quoted value is followed by \"x\""),
        "{error}"
    );
}

#[test]
fn spaces_after_a_closing_quote_are_dropped_as_excel_does_and_said() {
    let text = "Name,Team,Kubernetes\r\nAna,\"Core\" ,3\r\nBen,\"Platform\"\t,\"4\"  \r\n";
    let imported = import_roster(text.as_bytes(), "team.csv", catalog::builtin()).expect("imports");
    let teams: Vec<Option<&str>> = imported
        .value
        .members
        .iter()
        .map(|member| member.team.as_deref())
        .collect();
    assert_eq!(teams, [Some("Core"), Some("Platform")]);
    assert_eq!(
        imported.value.levels.row(1)[0].level(),
        skillgrid::model::Level::new(4)
    );
    let said: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert!(
        said.iter().any(|w| w.starts_with(
            "team.csv:2: warning: spaces after a closing quote were dropped (3 values"
        )),
        "{said:?}"
    );
}

#[test]
fn a_quote_over_lines_is_told_by_the_line_it_opened_on() {
    let text = "Name,Team,Kubernetes\nAna,\"Core\nand more\"tail,3\n";
    let error = only_error(text);
    assert!(
        error.starts_with("team.csv:2: a quoted value is followed by \"tail\""),
        "{error}"
    );
}

#[test]
fn quoted_values_with_doubled_quotes_and_line_breaks_still_read() {
    let text =
        "Name,Team,Kubernetes\r\n\"Ana \"\"AJ\"\" Ruiz\",\"Core\r\nPlatform\",3\r\nBen,Core,4\r\n";
    let imported = import_roster(text.as_bytes(), "team.csv", catalog::builtin()).expect("imports");
    assert_eq!(imported.value.members[0].name, "Ana \"AJ\" Ruiz");
    assert_eq!(imported.value.members.len(), 2);
}

#[test]
fn excel_sep_line_sets_the_delimiter_and_is_not_the_header() {
    let text = "sep=;\r\nName;Kubernetes;FTE\r\nAna;3;0,5\r\nBen;7;1\r\n";
    assert_eq!(
        only_error(text),
        "team.csv:4:2: level \"7\" for skill \"Kubernetes\" is outside 0-4"
    );
    let fine = "sep=,\nName,Kubernetes\nAna,3\n";
    let imported = import_roster(fine.as_bytes(), "team.csv", catalog::builtin()).expect("imports");
    assert_eq!(imported.value.members.len(), 1);
    assert_eq!(imported.value.members[0].name, "Ana");
}

#[test]
fn role_minimum_levels_take_the_scale_words() {
    let text = "Role,Skill,Min level,Importance\nPlatform Lead,Kubernetes,proficient,required\nPlatform Lead,Terraform,Working,preferred\n";
    let imported = import_roles_csv(text.as_bytes(), "roles.csv").expect("imports");
    let levels: Vec<u8> = imported.value.roles[0]
        .requirements
        .iter()
        .map(|(_, level, _)| level.get())
        .collect();
    assert_eq!(levels, [3, 2]);
    let bad = "Role,Skill,Min level\nPlatform Lead,Kubernetes,high\n";
    let failure = import_roles_csv(bad.as_bytes(), "roles.csv").expect_err("refused");
    let message = failure.errors[0].to_string();
    assert!(
        message.starts_with("roles.csv:2:3: minimum level \"high\""),
        "{message}"
    );
    assert!(message.contains("a word of the scale"), "{message}");
}

#[test]
fn many_columns_not_in_the_catalog_make_one_warning() {
    let mut text = String::from("Name");
    for index in 0..287 {
        text.push_str(&format!(",Skill {index:04}"));
    }
    text.push_str("\nAna");
    for _ in 0..287 {
        text.push_str(",2");
    }
    text.push('\n');
    let imported = import_roster(text.as_bytes(), "wide.csv", catalog::builtin()).expect("imports");
    assert_eq!(imported.value.skills.len(), 287);
    let grouped: Vec<_> = imported
        .warnings
        .iter()
        .filter(|warning| warning.message.contains("not in the skill catalog"))
        .collect();
    assert_eq!(grouped.len(), 1, "{grouped:#?}");
    assert_eq!(
        grouped[0].to_string(),
        "wide.csv:1:2: warning: 287 columns are not in the skill catalog: added as custom skills: \
         Skill 0000, Skill 0001, Skill 0002, ... (see --verbose)"
    );
    assert_eq!(grouped[0].details.len(), 287);
    assert_eq!(grouped[0].details[286], "column 288: \"Skill 0286\"");
    let folder = tempfile::tempdir().expect("folder");
    let path = folder.path().join("wide.csv");
    std::fs::write(&path, &text).expect("written");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_skillgrid"))
        .args(["validate", "--verbose"])
        .arg(&path)
        .output()
        .expect("runs");
    let listed = String::from_utf8_lossy(&output.stdout);
    assert!(
        listed.contains("    column 100: \"Skill 0098\""),
        "{listed}"
    );
}
