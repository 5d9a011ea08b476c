//! A CSV file as a header and a stream of rows, with the checks every
//! table import shares: width, blank headers, unreadable rows.

use super::decode;
use crate::io::diag::Report;
use crate::io::file::{MAX_CELL_CHARS, MAX_COLUMNS, Progress};
use std::collections::HashMap;

/// A CSV file: its header, read up front, and its rows, streamed so that a
/// large file is never held as millions of records.
pub(crate) struct Table<'t> {
    pub delimiter: u8,
    pub header: Vec<String>,
    pub header_line: u64,
    /// The rows, after an Excel `sep=` line when there is one.
    text: &'t str,
    /// Where `text` starts in the file: the byte and the line.
    start: (usize, u64),
    /// Told of the rows read; reading stops once it is cancelled.
    pub progress: Option<&'t Progress>,
    /// Non-blank rows above the header (a title): skipped.
    above_header: usize,
    /// Columns the format's reader set aside: their values are not checked.
    pub set_aside: Vec<usize>,
}

/// How far down a title may push the header.
const MAX_ROWS_ABOVE_HEADER: usize = 10;

impl<'t> Table<'t> {
    /// Reads the header; `None` (with an error) when the file has none.
    pub fn read(text: &'t str, report: &mut Report) -> Option<Table<'t>> {
        if text.trim().is_empty() {
            report.error(
                1,
                None,
                "the file is empty: expected a header row (such as Name,Role,Team,Kubernetes) \
                 and one row per member"
                    .to_string(),
            );
            return None;
        }
        let (delimiter, start) = match excel_separator(text) {
            Some((delimiter, skip)) => (delimiter, (skip, 2)),
            None => (decode::detect_delimiter(text), (0, 1)),
        };
        let rows = &text[start.0..];
        match quote_problem(rows, delimiter, start.1) {
            Err((line, message)) => {
                report.error(line, None, message);
                return None;
            }
            Ok(spaced) => {
                if let Some(&first) = spaced.first() {
                    report.warning(
                        Some(first),
                        None,
                        format!(
                            "spaces after a closing quote were dropped ({}, as Excel reads them)",
                            crate::words::count_of(spaced.len(), "value", "values")
                        ),
                    );
                }
            }
        }
        let table = Table {
            delimiter,
            header: Vec::new(),
            header_line: 0,
            text: rows,
            start,
            progress: None,
            above_header: 0,
            set_aside: Vec::new(),
        };
        let mut header = None;
        table.scan(report, true, |record, _| {
            header = Some(record.clone());
            false
        });
        table.set_header(header, report)
    }

    /// Like `read`, but the header is the first of the top rows that
    /// `is_header` accepts: a title or notes above it are skipped, with a
    /// warning. With none accepted, the first row is the header, so the
    /// error says what it lacks.
    pub fn read_finding(
        text: &'t str,
        report: &mut Report,
        is_header: impl Fn(&[String]) -> bool,
    ) -> Option<Table<'t>> {
        let mut table = Table::read(text, report)?;
        if is_header(&table.header) {
            return Some(table);
        }
        let mut found = None;
        let mut skipped = Vec::new();
        table.scan(report, true, |record, _| {
            let cells: Vec<String> = record
                .iter()
                .map(|cell| decode::restore_text(cell.trim()).to_string())
                .collect();
            if is_header(&cells) {
                found = Some(record.clone());
                return false;
            }
            skipped.push(line_of(record));
            skipped.len() < MAX_ROWS_ABOVE_HEADER
        });
        if found.is_none() {
            return Some(table);
        }
        table.above_header = skipped.len();
        let lines = skipped
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let table = table.set_header(found, report)?;
        report.warning(
            Some(skipped[0]),
            None,
            format!(
                "{} above the header (line {}) skipped: a title or notes (line {lines})",
                if skipped.len() == 1 { "1 row" } else { "rows" },
                table.header_line
            ),
        );
        Some(table)
    }

    /// Takes `header` as the header row, checking its width.
    fn set_header(
        self,
        header: Option<csv::StringRecord>,
        report: &mut Report,
    ) -> Option<Table<'t>> {
        let mut table = self;
        let Some(header) = header else {
            if !report.has_errors() {
                report.error(
                    1,
                    None,
                    "every row is blank: expected a header row and one row per member".to_string(),
                );
            }
            return None;
        };
        table.header_line = line_of(&header);
        if header.len() > MAX_COLUMNS {
            report.error(
                table.header_line,
                None,
                format!(
                    "the header has {} columns; Skillgrid reads up to {MAX_COLUMNS} (member details and skills)",
                    header.len()
                ),
            );
            return None;
        }
        table.header = header
            .iter()
            .map(|cell| decode::restore_text(cell.trim()).to_string())
            .collect();
        Some(table)
    }

    /// Calls `each` for every non-blank record (the header too, when
    /// `with_header`) until it returns false. One record buffer is reused.
    fn scan(
        &self,
        report: &mut Report,
        with_header: bool,
        mut each: impl FnMut(&csv::StringRecord, &mut Report) -> bool,
    ) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(self.text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut non_blank = 0usize;
        let mut records = 0u64;
        let mut lines = LineCounter::new(self.text.as_bytes(), self.start.1);
        loop {
            records += 1;
            if let Some(progress) = self.progress
                && records.is_multiple_of(1024)
            {
                if progress.is_cancelled() {
                    return;
                }
                progress.set(reader.position().byte(), self.text.len() as u64);
            }
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => {
                    if let Some(progress) = self.progress {
                        progress.set(1, 1);
                    }
                    return;
                }
                Err(error) => {
                    let line = error
                        .position()
                        .map_or(self.start.1, |p| lines.line_at(p.byte() as usize));
                    report.error(line, None, format!("cannot read this row: {error}"));
                    return;
                }
            }
            // The csv crate counts lines its own way (a CR alone is none, a
            // blank line is skipped); messages name the line an editor shows.
            if let Some(position) = record.position() {
                let mut physical = position.clone();
                physical.set_line(lines.line_at(position.byte() as usize));
                record.set_position(Some(physical));
            }
            if let Some((index, field)) = record.iter().enumerate().find(|(_, field)| {
                field.len() > MAX_CELL_CHARS && field.chars().count() > MAX_CELL_CHARS
            }) {
                let line = record.position().map_or(1, |p| p.line());
                report.error(
                    line,
                    Some(index as u64 + 1),
                    format!(
                        "this cell is {} characters long; a cell holds up to {MAX_CELL_CHARS} \
                         (is this the right file?)",
                        field.chars().count()
                    ),
                );
                return;
            }
            if record.iter().all(|field| field.trim().is_empty()) {
                continue;
            }
            non_blank += 1;
            if non_blank <= self.above_header
                || (!with_header && non_blank == self.above_header + 1)
            {
                continue;
            }
            if !each(&record, report) {
                return;
            }
        }
    }

    /// The first `limit` data rows whose width matches the header, for a
    /// look at what the columns hold before reading them; says nothing.
    pub fn first_rows(&self, limit: usize) -> Vec<csv::StringRecord> {
        let mut scratch = Report::new("");
        let mut rows = Vec::new();
        self.scan(&mut scratch, false, |record, _| {
            if record.len() == self.header.len() {
                rows.push(record.clone());
            }
            rows.len() < limit
        });
        rows
    }

    /// Calls `each` for every data row whose width matches the header;
    /// reports the others, and values under a blank header. Returns how
    /// many data rows there were.
    pub fn for_each_row(
        &self,
        report: &mut Report,
        mut each: impl FnMut(&csv::StringRecord, &mut Report),
    ) -> usize {
        let unnamed: Vec<usize> = (0..self.header.len())
            .filter(|&index| self.header[index].is_empty() && !self.set_aside.contains(&index))
            .collect();
        let mut unnamed_reported = vec![false; unnamed.len()];
        let mut rows = 0;
        self.scan(report, false, |record, report| {
            rows += 1;
            if !self.check_width(record, report) {
                return true;
            }
            for (slot, &index) in unnamed.iter().enumerate() {
                if !unnamed_reported[slot] && !record[index].trim().is_empty() {
                    unnamed_reported[slot] = true;
                    report.error(
                        line_of(record),
                        Some(index as u64 + 1),
                        format!(
                            "column {} holds values but has no header: expected a skill or field \
                             name in the header row",
                            index + 1,
                        ),
                    );
                }
            }
            each(record, report);
            true
        });
        rows
    }

    /// Where each field the format knows sits in the header, first
    /// column first: `field_of` names a header's field, if any.
    pub fn columns_by<F: std::hash::Hash + Eq>(
        &self,
        field_of: impl Fn(&str) -> Option<F>,
    ) -> HashMap<F, usize> {
        let mut columns = HashMap::new();
        for (index, header) in self.header.iter().enumerate() {
            if let Some(field) = field_of(header) {
                columns.entry(field).or_insert(index);
            }
        }
        columns
    }

    /// Reports a row whose field count differs from the header's.
    pub fn check_width(&self, record: &csv::StringRecord, report: &mut Report) -> bool {
        if record.len() == self.header.len() {
            return true;
        }
        let line = line_of(record);
        let (found, expected) = (record.len(), self.header.len());
        let column = (found.min(expected) + 1) as u64;
        let hint = if found > expected {
            "an unquoted delimiter inside a value? quote it"
        } else {
            "a missing value? leave the cell empty rather than removing it"
        };
        report.error(
            line,
            Some(column),
            format!("this row has {found} fields but the header has {expected} ({hint})"),
        );
        false
    }
}

/// Excel's first line `sep=;` names the delimiter: that, and the byte
/// where the header line starts.
fn excel_separator(text: &str) -> Option<(u8, usize)> {
    let first = text.lines().next()?;
    let rest = first
        .trim_end_matches('\r')
        .strip_prefix("sep=")
        .or_else(|| {
            first
                .get(..4)
                .filter(|head| head.eq_ignore_ascii_case("sep="))
                .map(|_| &first[4..])
        })?;
    let rest = rest.trim_end_matches('\r');
    let delimiter = match rest.as_bytes() {
        [byte] if byte.is_ascii() && !byte.is_ascii_alphanumeric() && *byte != b'"' => *byte,
        _ => return None,
    };
    let mut skip = first.len();
    let bytes = text.as_bytes();
    if bytes.get(skip) == Some(&b'\r') {
        skip += 1;
    }
    if bytes.get(skip) == Some(&b'\n') {
        skip += 1;
    }
    Some((delimiter, skip))
}

/// Physical line numbers as an editor shows them: `\n`, `\r\n` and a
/// lone `\r` each end a line. Asked for bytes in increasing order, it
/// reads each byte once.
struct LineCounter<'t> {
    bytes: &'t [u8],
    first_line: u64,
    at: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(bytes: &'t [u8], first_line: u64) -> LineCounter<'t> {
        LineCounter {
            bytes,
            first_line,
            at: 0,
            line: first_line,
        }
    }

    /// The line of the record starting at `byte`. The csv crate puts a
    /// record's start before the blank lines it skipped: the record is on
    /// the first line after them.
    fn line_at(&mut self, byte: usize) -> u64 {
        let mut byte = byte.min(self.bytes.len());
        while matches!(self.bytes.get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        if byte < self.at {
            self.at = 0;
            self.line = self.first_line;
        }
        let mut previous = if self.at > 0 {
            self.bytes[self.at - 1]
        } else {
            0
        };
        for &current in &self.bytes[self.at..byte] {
            if current == b'\r' || (current == b'\n' && previous != b'\r') {
                self.line += 1;
            }
            previous = current;
        }
        self.at = byte;
        self.line
    }
}

/// A quote the csv crate would read past: a quoted value never closed, or
/// one whose closing quote is followed by more text (`"b"c`): the line the
/// quote opened on and what is wrong. Spaces alone after a closing quote
/// (`"b" ,c`) are what Excel takes: the lines they are on are returned.
fn quote_problem(text: &str, delimiter: u8, first_line: u64) -> Result<Vec<u64>, (u64, String)> {
    let mut spaced = Vec::new();
    let bytes = text.as_bytes();
    let mut line = first_line;
    let mut at = 0;
    let mut field_start = true;
    while at < bytes.len() {
        let byte = bytes[at];
        if field_start && byte == b'"' {
            let opened = line;
            at += 1;
            loop {
                match bytes.get(at) {
                    None => {
                        return Err((
                            opened,
                            "a quoted value opens here and is never closed: expected a closing \
                             \" before the end of the file"
                                .to_string(),
                        ));
                    }
                    Some(b'"') if bytes.get(at + 1) == Some(&b'"') => at += 2,
                    Some(b'"') => {
                        at += 1;
                        break;
                    }
                    Some(b'\r') => {
                        line += 1;
                        at += 1;
                        if bytes.get(at) == Some(&b'\n') {
                            at += 1;
                        }
                    }
                    Some(b'\n') => {
                        line += 1;
                        at += 1;
                    }
                    Some(_) => at += 1,
                }
            }
            let spaces = bytes[at..]
                .iter()
                .take_while(|&&byte| (byte == b' ' || byte == b'\t') && byte != delimiter)
                .count();
            match bytes.get(at + spaces) {
                None | Some(b'\r' | b'\n') if spaces > 0 => spaced.push(line),
                Some(&next) if spaces > 0 && next == delimiter => spaced.push(line),
                None | Some(b'\r' | b'\n') => {}
                Some(&next) if next == delimiter => {}
                Some(_) => {
                    let after: String = text[at..]
                        .chars()
                        .take_while(|&c| c != '\r' && c != '\n' && c as u32 != u32::from(delimiter))
                        .take(20)
                        .collect();
                    return Err((
                        opened,
                        format!(
                            "a quoted value is followed by \"{after}\" before the next delimiter: \
                             expected the closing quote to end the value (write a quote inside \
                             a value as \"\")"
                        ),
                    ));
                }
            }
            field_start = false;
            continue;
        }
        match byte {
            b'\r' => {
                line += 1;
                if bytes.get(at + 1) == Some(&b'\n') {
                    at += 1;
                }
                field_start = true;
            }
            b'\n' => {
                line += 1;
                field_start = true;
            }
            _ if byte == delimiter => field_start = true,
            _ => field_start = false,
        }
        at += 1;
    }
    Ok(spaced)
}

pub(crate) fn line_of(record: &csv::StringRecord) -> u64 {
    record.position().map_or(1, |position| position.line())
}
