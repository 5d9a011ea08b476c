//! The staffing proposal to share: a row per person placed (member or
//! learner), and people by weeks with the project in each cell, as CSV
//! and as an Excel workbook.

use crate::analysis::Staffing;
use crate::io::neutralise_text;
use crate::model::{Workspace, week_label};
use rust_xlsxwriter::{Format, XlsxError};
use std::collections::BTreeMap;

/// A row per person placed on a line: who, where, how much, and on what
/// footing (pinned, a learner, counting on their target).
pub fn proposal_rows(staffing: &Staffing) -> Vec<Vec<String>> {
    let mut rows = vec![
        [
            "project",
            "status",
            "priority",
            "start",
            "end",
            "needs",
            "member",
            "as",
            "fte",
            "level",
            "fit",
            "pinned",
            "counting_on_target",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for project in &staffing.projects {
        let status = if project.tentative {
            "tentative"
        } else {
            "confirmed"
        };
        for line in &project.lines {
            let head = || {
                vec![
                    project.name.clone(),
                    status.to_string(),
                    project.priority.to_string(),
                    project.start.clone(),
                    project.end.clone(),
                    super::need_text(&line.need),
                ]
            };
            for assigned in &line.assigned {
                let mut row = head();
                row.extend([
                    assigned.member.name.to_string(),
                    "member".to_string(),
                    format!("{:.2}", line.fte_each),
                    assigned
                        .level
                        .map_or(String::new(), |level| level.get().to_string()),
                    format!("{:.0}", assigned.fit),
                    yes(assigned.pinned),
                    yes(assigned.on_growth),
                ]);
                rows.push(row);
            }
            if let Some(learner) = &line.learner {
                let mut row = head();
                row.extend([
                    learner.member.name.to_string(),
                    format!("learner with {}", learner.mentor.name),
                    format!("{:.2}", learner.share),
                    String::new(),
                    String::new(),
                    yes(false),
                    yes(false),
                ]);
                rows.push(row);
            }
            for _ in 0..line.unfilled {
                let mut row = head();
                row.extend([
                    String::new(),
                    "open".to_string(),
                    format!("{:.2}", line.fte_each),
                    String::new(),
                    String::new(),
                    yes(false),
                    yes(false),
                ]);
                rows.push(row);
            }
        }
    }
    rows
}

fn yes(value: bool) -> String {
    if value { "yes" } else { "" }.to_string()
}

/// People by weeks: a row per member booked, a column per week the
/// projects span, each cell the projects that week (`Payments 0.5`,
/// tentative and learning marked).
pub fn week_rows(staffing: &Staffing, workspace: &Workspace) -> Vec<Vec<String>> {
    let (first, last) = staffing.weeks;
    let mut header = vec!["member".to_string()];
    header.extend((first..=last).map(week_label));
    let mut cells: BTreeMap<usize, Vec<Vec<String>>> = BTreeMap::new();
    let weeks = (last - first + 1).max(0) as usize;
    for booking in &staffing.bookings {
        let row = cells
            .entry(booking.member)
            .or_insert_with(|| vec![Vec::new(); weeks]);
        let mut said = format!(
            "{} {:.2}",
            workspace.projects[booking.project].name, booking.fte
        );
        if booking.tentative {
            said.push_str(" tentative");
        }
        if booking.learner {
            said.push_str(" learning");
        }
        for week in booking.weeks.first.max(first)..=booking.weeks.last.min(last) {
            row[(week - first) as usize].push(said.clone());
        }
    }
    let mut rows = vec![header];
    for (member, weeks) in cells {
        let mut row = vec![workspace.members[member].name.clone()];
        row.extend(weeks.into_iter().map(|projects| projects.join("; ")));
        rows.push(row);
    }
    rows
}

/// Rows as CSV, every cell formula-safe.
pub fn rows_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer
            .write_record(row.iter().map(|cell| neutralise_text(cell).into_owned()))
            .expect("writing CSV to memory");
    }
    writer.into_inner().expect("flushing CSV to memory")
}

/// The proposal as a workbook: a "Proposal" sheet (a row per person
/// placed) and a "Weeks" sheet (people by weeks).
pub fn staffing_workbook(staffing: &Staffing, workspace: &Workspace) -> Result<Vec<u8>, XlsxError> {
    let mut book = crate::io::new_workbook();
    let bold = Format::new().set_bold();
    for (name, rows) in [
        ("Proposal", proposal_rows(staffing)),
        ("Weeks", week_rows(staffing, workspace)),
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        for (row, cells) in rows.iter().enumerate() {
            for (column, cell) in cells.iter().enumerate() {
                let (row, column) = (row as u32, column as u16);
                if row == 0 {
                    sheet.write_string_with_format(row, column, cell, &bold)?;
                } else if let Ok(number) = cell.parse::<f64>() {
                    sheet.write_number(row, column, number)?;
                } else if !cell.is_empty() {
                    sheet.write_string(row, column, cell)?;
                }
            }
        }
        sheet.set_freeze_panes(1, 1)?;
        sheet.set_column_width(0, 24)?;
    }
    book.save_to_buffer()
}
