//! A member's dated history packed into one blob of the `.skillgrid`
//! file: small enough that five rounds of 100,000 x 300 stay under 300 MB.

use crate::model::{Assessment, Cell, Date, MemberHistory, Note, Rater};

/// A member's history as stored: a format byte, then runs of assessments
/// sharing a date and rater (date, rater, count, then skill and cell for
/// each), then the notes. Runs make a round's thousands of ratings cost
/// two or three bytes each.
pub fn encode_history(history: &MemberHistory) -> Vec<u8> {
    let entries = history.entries();
    if entries.is_empty() && history.notes().is_empty() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(8 + entries.len() * 3);
    out.push(1);
    let runs: Vec<&[Assessment]> = entries
        .chunk_by(|a, b| a.as_of == b.as_of && a.rater == b.rater)
        .collect();
    put_varint(&mut out, runs.len() as u64);
    for run in runs {
        put_varint(&mut out, date_code(run[0].as_of));
        out.push(run[0].rater.code());
        put_varint(&mut out, run.len() as u64);
        for entry in run {
            put_varint(&mut out, u64::from(entry.skill));
            out.push(entry.cell.to_byte());
        }
    }
    put_varint(&mut out, history.notes().len() as u64);
    for note in history.notes() {
        put_varint(&mut out, u64::from(note.skill));
        put_varint(&mut out, date_code(note.as_of));
        out.push(note.rater.code());
        put_varint(&mut out, note.text.len() as u64);
        out.extend_from_slice(note.text.as_bytes());
    }
    out
}

/// The inverse of `encode_history`; `None` for bytes it never writes.
pub fn decode_history(bytes: &[u8], skills: usize) -> Option<MemberHistory> {
    if bytes.is_empty() {
        return Some(MemberHistory::default());
    }
    let mut reader = Reader { bytes, at: 1 };
    if bytes[0] != 1 {
        return None;
    }
    let skill_of = |value: u64| (value < skills as u64).then_some(value as u32);
    let runs = reader.varint()?;
    let mut entries = Vec::with_capacity(bytes.len() / 2);
    let mut last_date = None;
    for _ in 0..runs {
        let as_of = date_of(reader.varint()?)?;
        if as_of < last_date {
            return None;
        }
        last_date = as_of;
        let rater = Rater::from_code(reader.byte()?)?;
        let count = reader.varint()?;
        for _ in 0..count {
            let skill = skill_of(reader.varint()?)?;
            let cell = Cell::try_from_byte(reader.byte()?)?;
            entries.push(Assessment {
                skill,
                as_of,
                cell,
                rater,
            });
        }
    }
    let note_count = reader.varint()?;
    let mut notes = Vec::new();
    for _ in 0..note_count {
        let skill = skill_of(reader.varint()?)?;
        let as_of = date_of(reader.varint()?)?;
        let rater = Rater::from_code(reader.byte()?)?;
        let length = usize::try_from(reader.varint()?).ok()?;
        let text = std::str::from_utf8(reader.take(length)?).ok()?.to_string();
        notes.push(Note {
            skill,
            as_of,
            rater,
            text,
        });
    }
    (reader.at == bytes.len()).then(|| MemberHistory::from_parts(entries, notes))
}

const EPOCH: Date = Date::constant(1970, 1, 1);

/// 0 for undated, else the day number after 1970-01-01, zigzagged, plus one.
fn date_code(date: Option<Date>) -> u64 {
    let Some(date) = date else {
        return 0;
    };
    let days = i64::from(date.since(EPOCH).map_or(0, |span| span.get_days()));
    (((days << 1) ^ (days >> 63)) as u64) + 1
}

/// The inverse of `date_code`: `Some(None)` for undated, `None` for bad.
fn date_of(code: u64) -> Option<Option<Date>> {
    if code == 0 {
        return Some(None);
    }
    let zigzag = code - 1;
    let days = ((zigzag >> 1) as i64) ^ -((zigzag & 1) as i64);
    let days = i32::try_from(days).ok()?;
    EPOCH
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
        .map(Some)
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    fn take(&mut self, length: usize) -> Option<&'b [u8]> {
        let end = self.at.checked_add(length)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    #[test]
    fn a_history_reads_back_as_written() {
        let mut row = MemberHistory::default();
        let date = |text: &str| Some(text.parse::<Date>().expect("date"));
        for (skill, as_of, level, rater) in [
            (0, date("2026-03-31"), Level::WORKING, Rater::Import),
            (4, date("2026-03-31"), Level::EXPERT, Rater::Import),
            (0, date("2026-06-30"), Level::PROFICIENT, Rater::SelfRated),
            (300, date("1969-12-31"), Level::NONE, Rater::Manager),
        ] {
            let assessment = Assessment {
                skill,
                as_of,
                cell: Cell::assessed(level),
                rater,
            };
            row.record(
                assessment,
                Some(format!("note {skill}")),
                Cell::NOT_ASSESSED,
            );
        }
        let bytes = encode_history(&row);
        assert_eq!(decode_history(&bytes, 301), Some(row));
        assert_eq!(
            decode_history(&bytes, 300),
            None,
            "a skill past the columns"
        );
        assert_eq!(decode_history(&bytes[..bytes.len() - 1], 301), None);
    }
}
