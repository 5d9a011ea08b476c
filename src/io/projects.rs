//! Projects as CSV, one row per demand line: Project, Start, End, Priority,
//! then either Skill, Level, People and FTE (a skill the project needs) or
//! Role, People and FTE (a role slot); an optional Status column says
//! whether a project is confirmed (blank) or tentative, and an optional
//! Learner column the share of time a skill line's learner takes. Errors name the file, line and column
//! like a roster's; a failed import changes nothing.

use crate::catalog::{Catalog, LabelIndex};
use crate::io::diag::{ImportFailure, Imported, Report};
use crate::io::text;
use crate::io::text::{Table, line_of};
use crate::io::text::{parse_fte, text_cell};
use crate::io::workbook::{SheetFormat, read_sheet_with, read_table_file, untitled};
use crate::model::quarter_of;
use crate::model::{
    DEFAULT_LEARNER_SHARE, DemandLine, LearnerSeat, Level, Project, ProjectStatus, Role, RoleSlot,
    Workspace, normalize_label,
};
use std::collections::HashMap;
use std::path::Path;

const PROJECT: &[&str] = &["project", "project name", "name"];
const START: &[&str] = &["start", "start date", "from"];
const END: &[&str] = &["end", "end date", "to", "until"];
const PRIORITY: &[&str] = &["priority", "prio"];
const SKILL: &[&str] = &["skill", "competency"];
const LEVEL: &[&str] = &["level", "min level", "minimum level"];
const PEOPLE: &[&str] = &["people", "count", "headcount", "number"];
const FTE: &[&str] = &["fte", "share", "allocation", "fte each"];
const ROLE: &[&str] = &["role", "role slot"];
const STATUS: &[&str] = &["status", "confirmed", "state"];
const LEARNER: &[&str] = &["learner", "learner share", "take a learner"];

/// The most people one line asks for: beyond this it is a typo.
const MAX_PEOPLE: u32 = 1_000;

fn column(table: &Table, names: &[&str]) -> Option<usize> {
    table
        .header
        .iter()
        .position(|header| names.contains(&normalize_label(header).as_str()))
}

/// True when a CSV header looks like a projects file.
pub fn looks_like_projects_csv(bytes: &[u8]) -> bool {
    let Ok(text) = text::decode(bytes, "") else {
        return false;
    };
    let mut report = Report::new("");
    let Some(table) = Table::read_finding(&text, &mut report, is_projects_header) else {
        return false;
    };
    is_projects_header(&table.header)
}

/// Whether a header row names a projects file's columns.
pub(crate) fn is_projects_header(header: &[String]) -> bool {
    [PROJECT, START, END, PRIORITY].iter().all(|names| {
        header
            .iter()
            .any(|cell| names.contains(&normalize_label(cell).as_str()))
    })
}

/// Reads projects; skills are matched to the workspace's, then the
/// library's, by name or alias, and roles to the workspace's.
pub fn import_projects_csv(
    bytes: &[u8],
    file: &str,
    workspace: &Workspace,
    catalog: &Catalog,
) -> Result<Imported<Vec<Project>>, ImportFailure> {
    let mut report = Report::new(file);
    let text = text::decode(bytes, file).map_err(ImportFailure::single)?;
    let Some(table) = Table::read_finding(&text, &mut report, is_projects_header) else {
        return Err(report.fail());
    };
    let columns = [PROJECT, START, END, PRIORITY].map(|names| column(&table, names));
    let [
        Some(project_at),
        Some(start_at),
        Some(end_at),
        Some(priority_at),
    ] = columns
    else {
        report.error(
            table.header_line,
            Some(1),
            format!(
                "expected columns Project, Start, End, Priority, then Skill, Level, People, FTE \
                 or Role, People, FTE; found {}",
                table.header.join(", ")
            ),
        );
        return Err(report.fail());
    };
    let skill_at = column(&table, SKILL);
    let level_at = column(&table, LEVEL);
    let people_at = column(&table, PEOPLE);
    let fte_at = column(&table, FTE);
    let role_at = column(&table, ROLE);
    let status_at = column(&table, STATUS);
    let learner_at = column(&table, LEARNER);
    let workspace_skills =
        LabelIndex::build_lenient(workspace.skills.iter().map(crate::model::Skill::labels));
    let library_skills =
        LabelIndex::build_lenient(catalog.skills.iter().map(crate::model::Skill::labels));
    let roles = LabelIndex::build_lenient(workspace.roles.iter().map(Role::labels));

    let mut projects: Vec<Project> = Vec::new();
    let mut by_name: HashMap<String, (usize, u64)> = HashMap::new();
    table.for_each_row(&mut report, |record, report| {
        let line = line_of(record);
        let place = |column: usize| Some(column as u64 + 1);
        let cell = |column: Option<usize>| column.map_or("", |c| record[c].trim());
        let Some(name) = text_cell(&record[project_at]) else {
            report.error(line, place(project_at), "the project name is blank".to_string());
            return;
        };
        let mut date = |at: usize, what: &str| {
            let value = record[at].trim();
            match quarter_of(value) {
                Some(_) => Some(value.to_string()),
                None => {
                    report.error(
                        line,
                        place(at),
                        format!("{what} \"{value}\" of \"{name}\" is not a date: expected YYYY-MM-DD"),
                    );
                    None
                }
            }
        };
        let (Some(start), Some(end)) = (date(start_at, "start"), date(end_at, "end")) else {
            return;
        };
        if end < start {
            report.error(
                line,
                place(end_at),
                format!("\"{name}\" ends ({end}) before it starts ({start})"),
            );
            return;
        }
        let priority_text = record[priority_at].trim();
        let Some(priority) = priority_text.parse::<u32>().ok().filter(|p| *p >= 1) else {
            report.error(
                line,
                place(priority_at),
                format!("priority \"{priority_text}\" of \"{name}\" is not a whole number from 1 (highest)"),
            );
            return;
        };
        let people_text = cell(people_at);
        let people = if people_text.is_empty() {
            1
        } else {
            match people_text.parse::<u32>().ok().filter(|n| (1..=MAX_PEOPLE).contains(n)) {
                Some(people) => people,
                None => {
                    report.error(
                        line,
                        people_at.and_then(place),
                        format!("people \"{people_text}\" is not a whole number from 1 to {MAX_PEOPLE}"),
                    );
                    return;
                }
            }
        };
        let fte_text = cell(fte_at);
        let fte = if fte_text.is_empty() {
            1.0
        } else {
            match parse_fte(fte_text) {
                Ok(fte) if fte > 0.0 => fte,
                Ok(_) => {
                    report.error(line, fte_at.and_then(place), "an FTE share of 0 asks for nobody".to_string());
                    return;
                }
                Err(message) => {
                    report.error(line, fte_at.and_then(place), message.to_string());
                    return;
                }
            }
        };
        let status_text = cell(status_at);
        let Some(status) = ProjectStatus::parse(status_text) else {
            report.error(
                line,
                status_at.and_then(place),
                format!("status \"{status_text}\" of \"{name}\" is not confirmed or tentative (blank is confirmed)"),
            );
            return;
        };
        let index = match by_name.get(&normalize_label(&name)) {
            Some(&(index, first)) => {
                let known = &projects[index];
                if known.status != status && !status_text.is_empty() {
                    report.error(
                        line,
                        status_at.and_then(place),
                        format!(
                            "\"{name}\" is {} here but {} on line {first}: a project has one status",
                            status.word(),
                            known.status.word()
                        ),
                    );
                    return;
                }
                if known.start != start || known.end != end || known.priority != priority {
                    report.error(
                        line,
                        place(start_at),
                        format!(
                            "\"{name}\" has other dates or priority than on line {first} \
                             ({} to {}, priority {})",
                            known.start, known.end, known.priority
                        ),
                    );
                    return;
                }
                index
            }
            None => {
                projects.push(Project {
                    name: name.clone(),
                    start,
                    end,
                    priority,
                    demand: Vec::new(),
                    role_slots: Vec::new(),
                    assignments: Vec::new(),
                    excluded: Vec::new(),
                    status,
                    learners: Vec::new(),
                });
                by_name.insert(normalize_label(&name), (projects.len() - 1, line));
                projects.len() - 1
            }
        };
        let skill = cell(skill_at);
        let role = cell(role_at);
        match (skill.is_empty(), role.is_empty()) {
            (false, true) => {
                let id = match workspace_skills.get(skill) {
                    Some(column) => workspace.skills[column].id.clone(),
                    None => match library_skills.get(skill) {
                        Some(index) => catalog.skills[index].id.clone(),
                        None => {
                            report.error(
                                line,
                                skill_at.and_then(place),
                                format!("skill \"{skill}\" is not a skill of this team or the library"),
                            );
                            return;
                        }
                    },
                };
                let level_text = cell(level_at);
                let Some(min_level) = level_text.parse::<u8>().ok().and_then(Level::new) else {
                    report.error(
                        line,
                        level_at.and_then(place),
                        format!("level \"{level_text}\" for \"{skill}\" is not 0-4"),
                    );
                    return;
                };
                let learner_text = cell(learner_at);
                let learner = match normalize_label(learner_text).as_str() {
                    "" | "no" | "n" | "false" | "0" => None,
                    "yes" | "y" | "x" | "true" => Some(DEFAULT_LEARNER_SHARE),
                    _ => match text::parse_share(learner_text) {
                        Ok(share) if share > 0.0 && share <= 1.0 => Some(share),
                        _ => {
                            report.error(
                                line,
                                learner_at.and_then(place),
                                format!(
                                    "learner \"{learner_text}\" is not a share of time (0.2 or 20%), yes, or blank for none"
                                ),
                            );
                            return;
                        }
                    },
                };
                projects[index].demand.push(DemandLine {
                    skill: id,
                    min_level,
                    people,
                    fte_each: fte,
                });
                if let Some(share) = learner {
                    let line = projects[index].demand.len() - 1;
                    projects[index].learners.push(LearnerSeat { line, share });
                }
            }
            (true, false) if !cell(learner_at).is_empty() => report.error(
                line,
                learner_at.and_then(place),
                "a learner joins a skill line, not a role slot: leave Learner blank here".to_string(),
            ),
            (true, false) => match roles.get(role) {
                Some(role_index) => projects[index].role_slots.push(RoleSlot {
                    role: workspace.roles[role_index].id.clone(),
                    count: people,
                    fte,
                }),
                None => report.error(
                    line,
                    role_at.and_then(place),
                    format!("role \"{role}\" is not a role of this workspace"),
                ),
            },
            (false, false) => report.error(
                line,
                skill_at.and_then(place),
                "a row is a skill the project needs or a role slot, not both: put the role on a row of its own".to_string(),
            ),
            (true, true) => report.error(
                line,
                skill_at.or(role_at).and_then(place),
                format!("\"{name}\": the skill (or role) is blank"),
            ),
        }
    });
    if projects.is_empty() && !report.has_errors() {
        report.error(
            table.header_line,
            None,
            "the file lists no projects: expected one row per skill a project needs".to_string(),
        );
    }
    report.finish(projects)
}

/// The workspace's projects as CSV, one row per demand line and role slot,
/// in the form `import_projects_csv` reads.
pub fn export_projects_csv(workspace: &Workspace) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let text = |value: &str| text::neutralise_text(value).into_owned();
    // A Status column only when some project is tentative: confirmed is
    // what a file without one means.
    let with_status = workspace.projects.iter().any(Project::is_tentative);
    let with_learners = workspace.projects.iter().any(|p| !p.learners.is_empty());
    let write =
        |writer: &mut csv::Writer<Vec<u8>>, mut row: Vec<String>, status: &str, learner: &str| {
            if with_status {
                row.push(status.to_string());
            }
            if with_learners {
                row.push(learner.to_string());
            }
            writer.write_record(row).expect("writing CSV to memory");
        };
    write(
        &mut writer,
        [
            "Project", "Start", "End", "Priority", "Skill", "Level", "People", "FTE", "Role",
        ]
        .map(String::from)
        .to_vec(),
        "Status",
        "Learner",
    );
    for project in &workspace.projects {
        let head = || {
            vec![
                text(&project.name),
                project.start.clone(),
                project.end.clone(),
                project.priority.to_string(),
            ]
        };
        let status = project.status.word();
        for (index, line) in project.demand.iter().enumerate() {
            let learner = project
                .learner_share(index)
                .map_or(String::new(), |share| share.to_string());
            let skill = workspace
                .skill(&line.skill)
                .map_or(line.skill.to_string(), |s| s.name.clone());
            let mut row = head();
            row.extend([
                text(&skill),
                line.min_level.get().to_string(),
                line.people.to_string(),
                line.fte_each.to_string(),
                String::new(),
            ]);
            write(&mut writer, row, status, &learner);
        }
        for slot in &project.role_slots {
            let role = workspace
                .role(&slot.role)
                .map_or(slot.role.to_string(), |r| r.title.clone());
            let mut row = head();
            row.extend([
                String::new(),
                String::new(),
                slot.count.to_string(),
                slot.fte.to_string(),
                text(&role),
            ]);
            write(&mut writer, row, status, "");
        }
    }
    writer.into_inner().expect("flushing CSV to memory")
}

/// A projects sheet, as the workbook reader looks for it.
pub const PROJECTS_SHEET: SheetFormat = SheetFormat {
    noun: "projects",
    expected: "a header row with Project, Start, End and Priority",
    is_header: is_projects_header,
    titled: untitled,
    continues: crate::io::workbook::never_continues,
};

/// Projects from a CSV file or a workbook's sheet, matched against
/// `workspace`'s skills and roles; dates may be real Excel dates or text.
pub fn read_projects(
    path: &Path,
    workspace: &Workspace,
    catalog: &Catalog,
    sheet: Option<&str>,
) -> Result<Imported<Vec<Project>>, ImportFailure> {
    read_table_file(path, &PROJECTS_SHEET, sheet, |csv, file| {
        import_projects_csv(csv, file, workspace, catalog)
    })
}

/// Projects from a workbook's bytes, as from a CSV file.
pub fn import_projects_workbook(
    bytes: &[u8],
    file: &str,
    workspace: &Workspace,
    catalog: &Catalog,
    sheet: Option<&str>,
) -> Result<Imported<Vec<Project>>, ImportFailure> {
    read_sheet_with(bytes, file, &PROJECTS_SHEET, sheet, |csv| {
        import_projects_csv(csv, file, workspace, catalog)
    })
}
