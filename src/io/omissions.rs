//! What a file format leaves out of a workspace, in words a person reads
//! before anything is written: a save or export that holds less than the
//! document names each thing it drops.

use crate::catalog::Catalog;
use crate::io::file::FileKind;
use crate::model::Workspace;
use crate::words::count_of;

/// What a roster CSV (members and their levels) cannot carry of
/// `workspace`: empty when the CSV keeps everything.
pub fn roster_csv_leaves_out(workspace: &Workspace, library: &Catalog) -> Vec<String> {
    let mut lost = Vec::new();
    if !workspace.projects.is_empty() {
        lost.push(count_of(workspace.projects.len(), "project", "projects"));
    }
    if !workspace.plan.is_empty() {
        lost.push("the hiring plan".to_string());
    }
    let assessments = workspace.history.assessments();
    if assessments > 0 {
        lost.push(count_of(
            assessments,
            "dated assessment",
            "dated assessments",
        ));
    }
    let targets: usize = workspace
        .members
        .iter()
        .map(|member| member.development.targets.len())
        .sum();
    if targets > 0 {
        lost.push(count_of(
            targets,
            "development target",
            "development targets",
        ));
    }
    let certifications: usize = workspace
        .members
        .iter()
        .map(|member| member.development.certifications.len())
        .sum();
    if certifications > 0 {
        lost.push(count_of(certifications, "certification", "certifications"));
    }
    let away: usize = workspace.members.iter().map(|m| m.time_off.len()).sum();
    if away > 0 {
        lost.push(count_of(away, "period of time off", "periods of time off"));
    }
    if !workspace.holidays.is_empty() {
        lost.push(count_of(
            workspace.holidays.len(),
            "public holiday",
            "public holidays",
        ));
    }
    if !workspace.scenarios.is_empty() {
        lost.push(count_of(workspace.scenarios.len(), "scenario", "scenarios"));
    }
    if !workspace.evidence_sources.is_empty() {
        lost.push(format!(
            "the work evidence read from {}",
            count_of(
                workspace.evidence_sources.len(),
                "repository",
                "repositories"
            )
        ));
    }
    let other_emails: usize = workspace.members.iter().map(|m| m.emails.len()).sum();
    if other_emails > 0 {
        lost.push(count_of(
            other_emails,
            "other email of a member",
            "other emails of members",
        ));
    }
    let edited_roles = workspace
        .roles
        .iter()
        .filter(|role| {
            if role.builtin {
                library.roles.iter().find(|r| r.id == role.id) != Some(*role)
            } else {
                // Roles a roster names but the library lacks come back from
                // the CSV by title; only their requirements and pay do not.
                !role.requirements.is_empty() || role.salary.is_some()
            }
        })
        .count();
    if edited_roles > 0 {
        lost.push(count_of(edited_roles, "edited role", "edited roles"));
    }
    let renamed_skills = workspace
        .skills
        .iter()
        .filter(|skill| {
            skill.builtin && library.skills.iter().find(|s| s.id == skill.id) != Some(*skill)
        })
        .count();
    if renamed_skills > 0 {
        lost.push(count_of(
            renamed_skills,
            "renamed or merged skill",
            "renamed or merged skills",
        ));
    }
    let planned = workspace.members.iter().filter(|m| m.planned).count();
    if planned > 0 {
        lost.push(count_of(
            planned,
            "planned-hire mark on a member",
            "planned-hire marks on members",
        ));
    }
    if workspace.settings != crate::model::Settings::default() {
        lost.push("the workspace settings (levels, bench depth, scale words, remembered column mappings, counting on targets)".to_string());
    }
    lost
}

/// What a projects CSV (one row per line) cannot carry: the roster, and
/// the lead's pins and exclusions, which name members.
pub fn projects_csv_leaves_out(workspace: &Workspace) -> Vec<String> {
    let mut lost = vec!["the roster".to_string()];
    let pinned: usize = workspace
        .projects
        .iter()
        .map(|p| p.assignments.iter().filter(|a| a.pinned).count())
        .sum();
    if pinned > 0 {
        lost.push(count_of(pinned, "pinned assignment", "pinned assignments"));
    }
    let excluded: usize = workspace.projects.iter().map(|p| p.excluded.len()).sum();
    if excluded > 0 {
        lost.push(count_of(
            excluded,
            "member taken off a line",
            "members taken off lines",
        ));
    }
    lost
}

/// One sentence for a status bar or a terminal: what was not written and
/// where it is kept.
pub fn not_written_sentence(lost: &[String], holds: &str) -> String {
    format!(
        "not written: {}; {holds}: a workspace (.skillgrid) keeps everything",
        lost.join(", ")
    )
}

/// What a roster file of `path`'s kind holds, for "not written" sentences.
pub fn roster_file_holds(path: &std::path::Path) -> &'static str {
    if FileKind::of(path) == FileKind::Workbook {
        "a roster workbook holds members and levels"
    } else {
        "a roster CSV holds members and levels"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::model::{Member, PlannedHire, Project, RoleId};

    #[test]
    fn a_roster_csv_names_each_thing_it_cannot_hold() {
        let library = catalog::builtin();
        let mut workspace = Workspace::with_roles(library.roles.clone());
        workspace.push_member(Member::new("Ana"));
        assert!(roster_csv_leaves_out(&workspace, library).is_empty());
        workspace
            .projects
            .push(Project::new("Payments", "2027-01-01", "2027-03-31", 1));
        assert_eq!(roster_csv_leaves_out(&workspace, library), ["1 project"]);
        workspace
            .projects
            .push(Project::new("Search", "2027-01-01", "2027-03-31", 2));
        workspace
            .plan
            .hires
            .push(PlannedHire::new(RoleId::new("tech-lead"), None));
        workspace.settings.bench_depth = 3;
        assert_eq!(
            roster_csv_leaves_out(&workspace, library),
            [
                "2 projects",
                "the hiring plan",
                "the workspace settings (levels, bench depth, scale words, remembered column mappings, counting on targets)"
            ]
        );
    }
}
