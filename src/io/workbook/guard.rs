//! A workbook's sheets checked before they are parsed, with memory that
//! does not grow with them: each sheet's XML is inflated a piece at a time
//! and counted, so a file whose sheets unpack to gigabytes (a zip bomb, or
//! a directory that lies about sizes) is refused by name, as is a cell of
//! megabytes or a row of more cells than a roster has columns, naming the
//! real row and cell. The CSV reader holds the same limits.

use crate::io::diag::{Diagnostic, ImportFailure};
use crate::io::file::MAX_COLUMNS;
use std::io::Read;

/// How much XML a sheet (or the shared strings) may unpack to: a
/// 100,000 x 300 roster is about 1 GB of it.
pub const MAX_SHEET_XML_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The longest text a cell may hold in the XML, escapes included: far
/// past the cell limit, far short of what would fill memory.
pub const MAX_CELL_XML_BYTES: usize = 1024 * 1024;

fn refuse(file: &str, message: String) -> ImportFailure {
    ImportFailure::single(Diagnostic::error(file, None, None, message))
}

/// Whether a zip entry is a part the sheets are read from.
fn is_sheet_part(name: &str) -> bool {
    (name.starts_with("xl/worksheets/") && name.ends_with(".xml"))
        || name == "xl/sharedStrings.xml"
        || name == "content.xml"
}

/// Checks every sheet part of an `.xlsx`/`.ods` in `bytes`; other files
/// (an old `.xls`) pass untouched.
pub fn check_workbook(bytes: &[u8], file: &str) -> Result<(), ImportFailure> {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(());
    };
    for index in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(index) else {
            continue;
        };
        let Ok(name) = entry.name().map(|name| name.to_string()) else {
            continue;
        };
        if !is_sheet_part(&name) {
            continue;
        }
        let part = part_name(&name);
        if entry.size() > MAX_SHEET_XML_BYTES {
            return Err(refuse(
                file,
                format!(
                    "{part} unpacks to {} MB; Skillgrid reads sheets up to {} MB (about a \
                     100,000-member roster): the file was not read",
                    entry.size() / (1024 * 1024),
                    MAX_SHEET_XML_BYTES / (1024 * 1024)
                ),
            ));
        }
        scan(&mut entry, &part, MAX_SHEET_XML_BYTES).map_err(|message| refuse(file, message))?;
    }
    Ok(())
}

/// `sheet2`, `the shared strings` or `the sheets`, for messages.
fn part_name(name: &str) -> String {
    match name {
        "xl/sharedStrings.xml" => "the shared strings".to_string(),
        "content.xml" => "the sheets".to_string(),
        other => format!(
            "the sheet {}",
            other
                .trim_start_matches("xl/worksheets/")
                .trim_end_matches(".xml")
        ),
    }
}

/// Where the scan is in the XML.
#[derive(Default)]
struct Scan {
    /// Bytes of XML read so far.
    read: u64,
    /// Inside a tag: its bytes so far (the first 256).
    tag: Option<Vec<u8>>,
    /// Bytes of text since the last tag.
    text: usize,
    row: Option<u64>,
    cells_in_row: usize,
    cell: Option<String>,
}

/// Reads `reader` to its end in pieces, refusing past `limit` bytes
/// whatever the directory said.
fn scan(reader: &mut impl Read, part: &str, limit: u64) -> Result<(), String> {
    let mut state = Scan::default();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = reader
            .read(&mut buffer)
            .map_err(|error| format!("{part} cannot be unpacked ({error})"))?;
        if read == 0 {
            return Ok(());
        }
        state.read += read as u64;
        if state.read > limit {
            return Err(format!(
                "{part} unpacks past {} MB (more than its directory says); Skillgrid reads \
                 sheets up to that: the file was not read",
                limit / (1024 * 1024)
            ));
        }
        let mut rest = &buffer[..read];
        while !rest.is_empty() {
            match &mut state.tag {
                None => match memchr::memchr(b'<', rest) {
                    Some(at) => {
                        state.text += at;
                        check_text(&state, part)?;
                        state.text = 0;
                        state.tag = Some(Vec::new());
                        rest = &rest[at + 1..];
                    }
                    None => {
                        state.text += rest.len();
                        check_text(&state, part)?;
                        rest = &[];
                    }
                },
                Some(tag) => match memchr::memchr(b'>', rest) {
                    Some(at) => {
                        let room = 256usize.saturating_sub(tag.len());
                        tag.extend_from_slice(&rest[..at.min(room)]);
                        let tag = state.tag.take().unwrap_or_default();
                        end_tag(&mut state, &tag, part)?;
                        rest = &rest[at + 1..];
                    }
                    None => {
                        let room = 256usize.saturating_sub(tag.len());
                        tag.extend_from_slice(&rest[..rest.len().min(room)]);
                        rest = &[];
                    }
                },
            }
        }
    }
}

fn check_text(state: &Scan, part: &str) -> Result<(), String> {
    if state.text <= MAX_CELL_XML_BYTES {
        return Ok(());
    }
    let place = match (&state.cell, state.row) {
        (Some(cell), _) => format!(" at {cell}"),
        (None, Some(row)) => format!(" in row {row}"),
        _ => String::new(),
    };
    Err(format!(
        "{part} holds a cell of over {} MB{place}; a cell holds up to {} characters: the \
         file was not read",
        MAX_CELL_XML_BYTES / (1024 * 1024),
        crate::io::file::MAX_CELL_CHARS
    ))
}

/// The value of attribute `name` in a tag's bytes.
fn attribute<'t>(tag: &'t [u8], name: &[u8]) -> Option<&'t [u8]> {
    let mut search = tag;
    while let Some(at) = memchr::memmem::find(search, name) {
        let before_ok = at == 0 || search[at - 1].is_ascii_whitespace();
        let after = &search[at + name.len()..];
        if before_ok && after.first() == Some(&b'=') {
            let quoted = after.get(1).copied()?;
            let value = &after[2..];
            let end = memchr::memchr(quoted, value)?;
            return Some(&value[..end]);
        }
        search = &search[at + name.len()..];
    }
    None
}

fn end_tag(state: &mut Scan, tag: &[u8], part: &str) -> Result<(), String> {
    let name_end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/')
        .unwrap_or(tag.len());
    let name = &tag[..name_end];
    // `x:row` in files that spell the namespace.
    let local = name.rsplit(|b| *b == b':').next().unwrap_or(name);
    match local {
        b"row" | b"table-row" => {
            state.row = match attribute(tag, b"r").and_then(|r| std::str::from_utf8(r).ok()) {
                Some(number) => number.parse().ok(),
                None => Some(state.row.map_or(1, |row| row + 1)),
            };
            state.cells_in_row = 0;
            state.cell = None;
        }
        b"c" | b"table-cell" => {
            state.cells_in_row += 1;
            state.cell = attribute(tag, b"r")
                .and_then(|r| std::str::from_utf8(r).ok())
                .map(str::to_string);
            if state.cells_in_row > MAX_COLUMNS {
                return Err(format!(
                    "{part} has more than {MAX_COLUMNS} cells in row {}; Skillgrid reads up to \
                     {MAX_COLUMNS} columns (member details and skills): the file was not read",
                    state.row.unwrap_or(1)
                ));
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(xml: &str) -> Result<(), String> {
        scan(&mut xml.as_bytes(), "the sheet sheet1", MAX_SHEET_XML_BYTES)
    }

    #[test]
    fn unpacking_stops_at_the_limit_whatever_the_directory_said() {
        let xml = "<row>".repeat(1024 * 1024);
        let said = scan(&mut xml.as_bytes(), "the sheet sheet1", 1024 * 1024).expect_err("past");
        assert!(said.contains("more than its directory says"), "{said}");
    }

    #[test]
    fn a_row_past_the_column_limit_is_named_by_its_row() {
        let mut xml = String::from("<sheetData><row r=\"4\">");
        for _ in 0..=MAX_COLUMNS {
            xml.push_str("<c t=\"n\"><v>1</v></c>");
        }
        xml.push_str("</row></sheetData>");
        let said = scanned(&xml).expect_err("too wide");
        assert!(said.contains("in row 4"), "{said}");
    }

    #[test]
    fn a_huge_cell_is_named_by_its_reference() {
        let xml = format!(
            "<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>{}</t></is></c></row>",
            "x".repeat(MAX_CELL_XML_BYTES + 10)
        );
        let said = scanned(&xml).expect_err("too long");
        assert!(said.contains("at C2"), "{said}");
    }

    #[test]
    fn an_ordinary_sheet_passes() {
        let xml = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>";
        assert_eq!(scanned(xml), Ok(()));
    }
}
