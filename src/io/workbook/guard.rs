//! A workbook's sheets checked before they are parsed, with memory that
//! does not grow with them: each sheet's XML is inflated a piece at a time
//! and counted, so a file whose sheets unpack to gigabytes (a zip bomb, or
//! a directory that lies about sizes) is refused by name, as is a cell of
//! megabytes or a row of more cells than a roster has columns, naming the
//! real row and cell. The CSV reader holds the same limits.

use crate::io::diag::{Diagnostic, ImportFailure};
use crate::io::file::MAX_COLUMNS;
use std::collections::HashMap;
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

/// Whether a zip entry tells which part is which sheet, or where its
/// tables are: small parts, read whole.
fn is_map_part(name: &str) -> bool {
    name == "xl/workbook.xml"
        || name == "xl/_rels/workbook.xml.rels"
        || (name.starts_with("xl/worksheets/_rels/") && name.ends_with(".rels"))
        || (name.starts_with("xl/tables/") && name.ends_with(".xml"))
}

/// A cell range by its corners, rows and columns from 0, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellRange {
    pub first: (u32, u32),
    pub last: (u32, u32),
}

/// What Excel shows of a sheet that calamine's values leave out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetFacts {
    /// Merged ranges: each cell shows the first's value.
    pub merged: Vec<CellRange>,
    /// Cells holding a formula with no saved result (row, column from 0).
    pub unsaved_formulas: Vec<(u32, u32)>,
    /// Rows that are an Excel table's totals row (from 0).
    pub totals_rows: Vec<u32>,
}

/// The facts of each sheet of a workbook, by sheet name.
#[derive(Debug, Default)]
pub struct WorkbookFacts {
    sheets: HashMap<String, SheetFacts>,
}

impl WorkbookFacts {
    pub fn sheet(&self, name: &str) -> Option<&SheetFacts> {
        self.sheets.get(name)
    }
}

/// What the scan of the map parts found, joined at the end.
#[derive(Default)]
struct Parts {
    /// Per worksheet part (`xl/worksheets/sheet1.xml`): its facts.
    sheets: HashMap<String, SheetFacts>,
    /// Sheet name and relationship id, from the workbook.
    names: Vec<(String, String)>,
    /// Relationship id to target, per rels part.
    relations: HashMap<String, Vec<(String, String)>>,
    /// Table part to its range and whether it ends in a totals row.
    tables: HashMap<String, (CellRange, bool)>,
    /// An OpenDocument file's sheets, named in its one content part.
    ods: Vec<(String, SheetFacts)>,
}

/// `A1`-style reference to (row, column) from 0.
pub fn parse_cell(reference: &str) -> Option<(u32, u32)> {
    let reference = reference.trim().trim_start_matches('$');
    let split = reference.find(|ch: char| ch.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut column: u32 = 0;
    for ch in letters.trim_end_matches('$').chars() {
        let ch = ch.to_ascii_uppercase();
        if !ch.is_ascii_uppercase() {
            return None;
        }
        column = column * 26 + (ch as u32 - 'A' as u32 + 1);
    }
    let row: u32 = digits.parse().ok()?;
    (row >= 1 && column >= 1).then(|| (row - 1, column - 1))
}

fn parse_range(reference: &str) -> Option<CellRange> {
    let (first, last) = reference.split_once(':').unwrap_or((reference, reference));
    Some(CellRange {
        first: parse_cell(first)?,
        last: parse_cell(last)?,
    })
}

/// `worksheets/sheet1.xml` against `xl/`, `../tables/table1.xml` against
/// `xl/worksheets/`: the part's full name.
fn resolve(base: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    }
    let mut parts: Vec<&str> = base.split('/').filter(|part| !part.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

impl Parts {
    fn join(mut self) -> WorkbookFacts {
        let workbook_relations = self
            .relations
            .remove("xl/_rels/workbook.xml.rels")
            .unwrap_or_default();
        let mut facts = WorkbookFacts::default();
        for (name, id) in &self.names {
            let Some((_, target)) = workbook_relations.iter().find(|(rel, _)| rel == id) else {
                continue;
            };
            let part = resolve("xl", target);
            let mut sheet = self.sheets.remove(&part).unwrap_or_default();
            let (folder, file) = part.rsplit_once('/').unwrap_or(("", &part));
            let rels = format!("{folder}/_rels/{file}.rels");
            for (_, target) in self.relations.get(&rels).into_iter().flatten() {
                let table = resolve(folder, target);
                if let Some(&(range, true)) = self.tables.get(&table) {
                    sheet.totals_rows.push(range.last.0);
                }
            }
            facts.sheets.insert(name.clone(), sheet);
        }
        facts.sheets.extend(self.ods);
        facts
    }
}

/// Checks every sheet part of an `.xlsx`/`.ods` in `bytes`, and notes what
/// Excel shows that the values leave out; other files (an old `.xls`) pass
/// untouched, with no facts.
pub fn check_workbook(bytes: &[u8], file: &str) -> Result<WorkbookFacts, ImportFailure> {
    let Ok(mut archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Ok(WorkbookFacts::default());
    };
    let mut parts = Parts::default();
    for index in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(index) else {
            continue;
        };
        let Ok(name) = entry.name().map(|name| name.to_string()) else {
            continue;
        };
        if is_map_part(&name) {
            // Small parts, but still bounded.
            let mut text = String::new();
            if (&mut entry)
                .take(16 * 1024 * 1024)
                .read_to_string(&mut text)
                .is_ok()
            {
                read_map_part(&name, &text, &mut parts);
            }
            continue;
        }
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
        let (facts, ods) = scan(&mut entry, &part, MAX_SHEET_XML_BYTES)
            .map_err(|message| refuse(file, message))?;
        parts.sheets.insert(name, facts);
        parts.ods.extend(ods);
    }
    Ok(parts.join())
}

/// Each tag of a small XML part, as the bytes between `<` and `>`.
fn tags(text: &str) -> impl Iterator<Item = &[u8]> {
    text.split('<')
        .skip(1)
        .filter_map(|piece| piece.split_once('>').map(|(tag, _)| tag.as_bytes()))
}

fn text_attribute(tag: &[u8], name: &[u8]) -> Option<String> {
    attribute(tag, name).map(|value| String::from_utf8_lossy(value).into_owned())
}

fn read_map_part(name: &str, text: &str, parts: &mut Parts) {
    for tag in tags(text) {
        match local_name(tag) {
            b"sheet" if name == "xl/workbook.xml" => {
                if let (Some(sheet), Some(id)) =
                    (text_attribute(tag, b"name"), text_attribute(tag, b"r:id"))
                {
                    parts.names.push((unescape(&sheet), id));
                }
            }
            b"Relationship" => {
                if let (Some(id), Some(target)) =
                    (text_attribute(tag, b"Id"), text_attribute(tag, b"Target"))
                {
                    parts
                        .relations
                        .entry(name.to_string())
                        .or_default()
                        .push((id, target));
                }
            }
            b"table" if name.starts_with("xl/tables/") => {
                let totals = text_attribute(tag, b"totalsRowCount")
                    .and_then(|count| count.parse::<u32>().ok())
                    .is_some_and(|count| count > 0);
                if let Some(range) = text_attribute(tag, b"ref").and_then(|r| parse_range(&r)) {
                    parts.tables.insert(name.to_string(), (range, totals));
                }
            }
            _ => {}
        }
    }
}

/// The few entities a sheet name can hold in the workbook's XML.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// A count attribute of an OpenDocument tag: 1 when not given.
fn number(tag: &[u8], name: &[u8]) -> u32 {
    attribute(tag, name)
        .and_then(|value| std::str::from_utf8(value).ok())
        .and_then(|value| value.parse().ok())
        .filter(|&count| count >= 1)
        .unwrap_or(1)
}

/// Notes an OpenDocument cell's span as a merged range, and moves past it.
fn ods_cell(state: &mut Scan, tag: &[u8]) {
    let rows = number(tag, b"table:number-rows-spanned");
    let columns = number(tag, b"table:number-columns-spanned");
    if (rows > 1 || columns > 1)
        && let Some((_, facts)) = state.ods.last_mut()
    {
        facts.merged.push(CellRange {
            first: (state.ods_row, state.ods_column),
            last: (state.ods_row + rows - 1, state.ods_column + columns - 1),
        });
    }
    state.ods_column = state
        .ods_column
        .saturating_add(number(tag, b"table:number-columns-repeated"));
}

/// A tag's name without its namespace or a closing slash: `c` of `x:c`.
fn local_name(tag: &[u8]) -> &[u8] {
    let tag = tag.strip_prefix(b"/").unwrap_or(tag);
    let end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/')
        .unwrap_or(tag.len());
    let name = &tag[..end];
    name.rsplit(|b| *b == b':').next().unwrap_or(name)
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

/// How much of a tag is kept: its name and the attributes read here.
const TAG_BYTES: usize = 512;

/// Where the scan is in the XML.
#[derive(Default)]
struct Scan {
    /// Bytes of XML read so far.
    read: u64,
    /// Inside a tag: its bytes so far (the first `TAG_BYTES`).
    tag: Option<Vec<u8>>,
    /// Bytes of text since the last tag.
    text: usize,
    row: Option<u64>,
    cells_in_row: usize,
    cell: Option<String>,
    /// Inside a cell: whether it has a formula, and a saved value.
    formula: bool,
    value: bool,
    /// A formula whose result is text: `<v/>` is its saved empty text.
    text_result: bool,
    /// Bytes of text before the tag being read: a `<v></v>` holds none.
    last_text: usize,
    facts: SheetFacts,
    /// An OpenDocument file's sheets, by name, and where the scan is in
    /// the current one (rows and columns from 0, repeats counted).
    ods: Vec<(String, SheetFacts)>,
    ods_row: u32,
    ods_row_repeat: u32,
    ods_column: u32,
}

/// Reads `reader` to its end in pieces, refusing past `limit` bytes
/// whatever the directory said.
/// A sheet part's facts, and an OpenDocument file's, sheet by sheet.
type Scanned = (SheetFacts, Vec<(String, SheetFacts)>);

fn scan(reader: &mut impl Read, part: &str, limit: u64) -> Result<Scanned, String> {
    let mut state = Scan::default();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let read = reader
            .read(&mut buffer)
            .map_err(|error| format!("{part} cannot be unpacked ({error})"))?;
        if read == 0 {
            return Ok((state.facts, state.ods));
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
                        state.last_text = state.text;
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
                        let room = TAG_BYTES.saturating_sub(tag.len());
                        tag.extend_from_slice(&rest[..at.min(room)]);
                        let tag = state.tag.take().unwrap_or_default();
                        end_tag(&mut state, &tag, part)?;
                        rest = &rest[at + 1..];
                    }
                    None => {
                        let room = TAG_BYTES.saturating_sub(tag.len());
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
    let closing = tag.starts_with(b"/");
    let self_closing = tag.ends_with(b"/");
    // `x:row` in files that spell the namespace.
    match (local_name(tag), closing) {
        (b"table", false) => {
            if let Some(name) = attribute(tag, b"table:name") {
                let name = unescape(&String::from_utf8_lossy(name));
                state.ods.push((name, SheetFacts::default()));
                state.ods_row = 0;
            }
        }
        (b"table-row", true) => state.ods_row += state.ods_row_repeat,
        (b"row" | b"table-row", false) => {
            state.ods_column = 0;
            state.ods_row_repeat = number(tag, b"table:number-rows-repeated");
            if self_closing {
                state.ods_row += state.ods_row_repeat;
            }
            state.row = match attribute(tag, b"r").and_then(|r| std::str::from_utf8(r).ok()) {
                Some(number) => number.parse().ok(),
                None => Some(state.row.map_or(1, |row| row + 1)),
            };
            state.cells_in_row = 0;
            state.cell = None;
        }
        (b"covered-table-cell", false) => {
            state.ods_column += number(tag, b"table:number-columns-repeated");
        }
        (b"c" | b"table-cell", false) => {
            if local_name(tag) == b"table-cell" {
                ods_cell(state, tag);
            }
            state.cells_in_row += 1;
            state.cell = attribute(tag, b"r")
                .and_then(|r| std::str::from_utf8(r).ok())
                .map(str::to_string);
            state.formula = false;
            state.value = false;
            state.text_result = attribute(tag, b"t") == Some(b"str".as_slice());
            if state.cells_in_row > MAX_COLUMNS {
                return Err(format!(
                    "{part} has more than {MAX_COLUMNS} cells in row {}; Skillgrid reads up to \
                     {MAX_COLUMNS} columns (member details and skills): the file was not read",
                    state.row.unwrap_or(1)
                ));
            }
            if self_closing {
                state.cell = None;
            }
        }
        (b"f", false) if state.cell.is_some() => state.formula = true,
        (b"is", false) if state.cell.is_some() => state.value = true,
        (b"v", true) if state.cell.is_some() && state.last_text > 0 => state.value = true,
        (b"c", true) => {
            if state.formula
                && !state.value
                && !state.text_result
                && let Some(cell) = state.cell.as_deref().and_then(parse_cell)
            {
                state.facts.unsaved_formulas.push(cell);
            }
            state.cell = None;
        }
        (b"mergeCell", false) => {
            if let Some(range) = attribute(tag, b"ref")
                .and_then(|r| std::str::from_utf8(r).ok())
                .and_then(parse_range)
            {
                state.facts.merged.push(range);
            }
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(xml: &str) -> Result<Scanned, String> {
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
    fn a_formula_saved_as_empty_text_has_its_result() {
        let xml = "<row r=\"2\"><c r=\"B2\" t=\"str\"><f>IF(A2=\"\",\"\",A2)</f><v/></c>\
                   <c r=\"C2\"><f>A2*2</f></c></row>";
        let (facts, _) = scanned(xml).expect("scans");
        assert_eq!(facts.unsaved_formulas, [(1, 2)], "only C2 lacks a result");
    }

    #[test]
    fn an_ordinary_sheet_passes() {
        let xml = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData>";
        assert_eq!(scanned(xml), Ok((SheetFacts::default(), Vec::new())));
    }
}
