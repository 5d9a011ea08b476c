//! Time off (`member, start, end, fraction, reason`) and public holidays
//! (`location, date, name`) from CSV; any error fails the whole file.

use crate::io::development::{ForMembers, Lookup, MEMBER, Place, column};
use crate::io::diag::{ImportFailure, Imported, Report};
use crate::io::text;
use crate::io::text::{Table, line_of};
use crate::io::text::{parse_fte, text_cell};
use crate::io::workbook::{SheetFormat, read_table_file, untitled};
use crate::model::{AwayReason, Holiday, TimeOff, Workspace};
use std::path::Path;

const START: &[&str] = &["start", "from", "first day", "start date"];
const END: &[&str] = &["end", "to", "until", "last day", "end date"];
const FRACTION: &[&str] = &["fraction", "share", "fte", "portion"];
const REASON: &[&str] = &["reason", "type", "kind"];
const LOCATION: &[&str] = &["location", "office", "country", "region"];
const DATE: &[&str] = &["date", "day"];
const NAME: &[&str] = &["name", "holiday", "occasion"];

pub(crate) fn is_time_off_header(header: &[String]) -> bool {
    [MEMBER, START, END]
        .iter()
        .all(|names| column(header, names).is_some())
}

pub(crate) fn is_holidays_header(header: &[String]) -> bool {
    [LOCATION, DATE]
        .iter()
        .all(|names| column(header, names).is_some())
}

/// Reads periods away; a blank fraction is a whole day off, a blank reason
/// leave.
pub fn import_time_off_csv(
    bytes: &[u8],
    file: &str,
    workspace: &Workspace,
) -> Result<Imported<ForMembers<TimeOff>>, ImportFailure> {
    let mut report = Report::new(file);
    let text = text::decode(bytes, file).map_err(ImportFailure::single)?;
    let Some(table) = Table::read_finding(&text, &mut report, is_time_off_header) else {
        return Err(report.fail());
    };
    let [Some(member_at), Some(start_at), Some(end_at)] =
        [MEMBER, START, END].map(|names| column(&table.header, names))
    else {
        report.error(
            table.header_line,
            Some(1),
            format!(
                "expected columns Member, Start, End (and Fraction, Reason); found {}",
                table.header.join(", ")
            ),
        );
        return Err(report.fail());
    };
    let fraction_at = column(&table.header, FRACTION);
    let reason_at = column(&table.header, REASON);
    let lookup = Lookup::new(workspace);
    let mut periods = Vec::new();
    table.for_each_row(&mut report, |record, report| {
        let line = line_of(record);
        let mut place = Place { report, line };
        let Some(member) = lookup.member(&mut place, member_at, &record[member_at]) else {
            return;
        };
        let start = place.date(start_at, &record[start_at], "start");
        let end = place.date(end_at, &record[end_at], "end");
        let fraction = match fraction_at.map(|at| (at, record[at].trim())) {
            Some((at, text)) if !text.is_empty() => match parse_fte(text) {
                Ok(value) if value > 0.0 && value <= 1.0 => Some(value),
                _ => {
                    place.error(
                        at,
                        format!(
                            "fraction \"{text}\" is outside 0-1: expected 1 for a whole day \
                             off, 0.5 for half-time"
                        ),
                    );
                    None
                }
            },
            _ => Some(1.0),
        };
        let reason = match reason_at.map(|at| (at, record[at].trim())) {
            Some((at, text)) => match AwayReason::parse(text) {
                Some(reason) => Some(reason),
                None => {
                    place.error(
                        at,
                        format!(
                            "reason \"{text}\" is not one Skillgrid knows: expected leave, \
                             parental leave, part-time, training, sickness or other"
                        ),
                    );
                    None
                }
            },
            None => Some(AwayReason::Leave),
        };
        let (Some(start), Some(end), Some(fraction), Some(reason)) = (start, end, fraction, reason)
        else {
            return;
        };
        if end < start {
            place.error(
                end_at,
                format!("end {end} is before start {start}: expected the last day away"),
            );
            return;
        }
        periods.push((
            member,
            TimeOff {
                start,
                end,
                fraction,
                reason,
            },
        ));
    });
    report.finish(periods)
}

/// Reads a holiday calendar.
pub fn import_holidays_csv(
    bytes: &[u8],
    file: &str,
) -> Result<Imported<Vec<Holiday>>, ImportFailure> {
    let mut report = Report::new(file);
    let text = text::decode(bytes, file).map_err(ImportFailure::single)?;
    let Some(table) = Table::read_finding(&text, &mut report, is_holidays_header) else {
        return Err(report.fail());
    };
    let (Some(location_at), Some(date_at)) =
        (column(&table.header, LOCATION), column(&table.header, DATE))
    else {
        report.error(
            table.header_line,
            Some(1),
            format!(
                "expected columns Location, Date, Name; found {}",
                table.header.join(", ")
            ),
        );
        return Err(report.fail());
    };
    let name_at = column(&table.header, NAME);
    let mut holidays = Vec::new();
    table.for_each_row(&mut report, |record, report| {
        let line = line_of(record);
        let mut place = Place { report, line };
        let Some(location) = text_cell(&record[location_at]) else {
            place.error(location_at, "the location is blank".to_string());
            return;
        };
        let Some(date) = place.date(date_at, &record[date_at], "date") else {
            return;
        };
        holidays.push(Holiday {
            location,
            date,
            name: name_at
                .and_then(|at| text_cell(&record[at]))
                .unwrap_or_else(|| "holiday".to_string()),
        });
    });
    report.finish(holidays)
}

/// A time off sheet, as the workbook reader looks for it.
pub const TIME_OFF_SHEET: SheetFormat = SheetFormat {
    noun: "time off",
    expected: "a header row with Member, Start and End",
    is_header: is_time_off_header,
    titled: untitled,
    continues: crate::io::workbook::never_continues,
};

/// A holiday calendar sheet, as the workbook reader looks for it.
pub const HOLIDAYS_SHEET: SheetFormat = SheetFormat {
    noun: "a holiday calendar",
    expected: "a header row with Location and Date",
    is_header: is_holidays_header,
    titled: untitled,
    continues: crate::io::workbook::never_continues,
};

/// Time off from a CSV or a workbook's time off sheet.
pub fn read_time_off(
    path: &Path,
    workspace: &Workspace,
    sheet: Option<&str>,
) -> Result<Imported<ForMembers<TimeOff>>, ImportFailure> {
    read_table_file(path, &TIME_OFF_SHEET, sheet, |csv, file| {
        import_time_off_csv(csv, file, workspace)
    })
}

/// A holiday calendar from a CSV or a workbook's holidays sheet.
pub fn read_holidays(
    path: &Path,
    sheet: Option<&str>,
) -> Result<Imported<Vec<Holiday>>, ImportFailure> {
    read_table_file(path, &HOLIDAYS_SHEET, sheet, import_holidays_csv)
}
