//! Turning a file's bytes into text, and the lexical facts of a CSV file
//! that the `csv` crate leaves to us: the delimiter, and spreadsheet formula
//! neutralisation.

use crate::io::diag::Diagnostic;
use std::borrow::Cow;

/// Decodes UTF-8 (with or without a BOM) and UTF-16 with a BOM, as Excel's
/// "Unicode text" export writes it. Anything else gets an error that points
/// at the first byte that is not text.
pub fn decode<'b>(bytes: &'b [u8], file: &str) -> Result<Cow<'b, str>, Diagnostic> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(rest, file);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, file, u16::from_le_bytes).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, file, u16::from_be_bytes).map(Cow::Owned);
    }
    decode_utf8(bytes, file)
}

fn decode_utf8<'b>(bytes: &'b [u8], file: &str) -> Result<Cow<'b, str>, Diagnostic> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let (line, column) = place_after(valid);
            let found = bytes[error.valid_up_to()];
            return Err(Diagnostic::error(
                file,
                Some(line),
                Some(column),
                format!(
                    "byte 0x{found:02X} is not valid UTF-8: expected a UTF-8 text file \
                     (in Excel, save as \"CSV UTF-8\")"
                ),
            ));
        }
    };
    if let Some(position) = text.find('\0') {
        let (line, column) = place_after(&bytes[..position]);
        return Err(Diagnostic::error(
            file,
            Some(line),
            Some(column),
            "found a NUL byte: this looks like a binary file, expected CSV text".to_string(),
        ));
    }
    Ok(Cow::Borrowed(text))
}

fn decode_utf16(bytes: &[u8], file: &str, unit: fn([u8; 2]) -> u16) -> Result<String, Diagnostic> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Diagnostic::error(
            file,
            None,
            None,
            "the file starts with a UTF-16 byte order mark but has an odd number of bytes: \
             it is truncated or not UTF-16"
                .to_string(),
        ));
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(ch) => text.push(ch),
            Err(error) => {
                let (line, column) = place_after(text.as_bytes());
                return Err(Diagnostic::error(
                    file,
                    Some(line),
                    Some(column),
                    format!(
                        "unpaired UTF-16 surrogate 0x{:04X}: the file is not valid UTF-16",
                        error.unpaired_surrogate()
                    ),
                ));
            }
        }
    }
    Ok(text)
}

/// The 1-based line and character column just after `prefix`.
fn place_after(prefix: &[u8]) -> (u64, u64) {
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + prefix.iter().filter(|&&b| b == b'\n').count() as u64;
    let column = 1 + String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count() as u64;
    (line, column)
}

/// The delimiter of the first record: whichever of comma, semicolon and tab
/// occurs most outside quotes. Comma when none does.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut in_quotes = false;
    for byte in text.bytes() {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(entry) = counts.iter_mut().find(|(delimiter, _)| *delimiter == byte) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .filter(|(_, count)| *count > 0)
        .max_by_key(|(_, count)| *count)
        .map_or(b',', |(delimiter, _)| *delimiter)
}

/// Text a spreadsheet would run as a formula (OWASP's CSV injection list).
fn runs_as_formula(text: &str) -> bool {
    matches!(
        text.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n')
    ) || text.strip_prefix('\'').is_some_and(runs_as_formula)
}

/// Prefixes a quote to text a spreadsheet would run as a formula. Text that
/// already starts with a quote before such a character gets one more, so
/// `restore_text` undoes exactly what this did.
pub fn neutralise_text(text: &str) -> Cow<'_, str> {
    if runs_as_formula(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// The inverse of `neutralise_text`, applied to text cells on import.
pub fn restore_text(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_a_utf8_bom_and_reads_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFName\n", "f").as_deref(), Ok("Name\n"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Zoë,2".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16, "f").as_deref(), Ok("Zoë,2"));
    }

    #[test]
    fn points_at_the_first_byte_that_is_not_utf8() {
        let error = decode(b"Name,Role\nJos\xE9,Lead\n", "team.csv").unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(4)));
        assert!(error.message.contains("0xE9"), "{}", error.message);
        let binary = decode(b"PK\x03\x04\0\0", "team.csv").unwrap_err();
        assert!(binary.message.contains("binary"), "{}", binary.message);
    }

    #[test]
    fn detects_the_delimiter_outside_quotes() {
        assert_eq!(detect_delimiter("Name;Role;\"a,b,c,d\"\n"), b';');
        assert_eq!(detect_delimiter("Name\tRole\n"), b'\t');
        assert_eq!(detect_delimiter("Name\n"), b',');
        assert_eq!(detect_delimiter("Name,Role,Team\n1;2;3;4;5"), b',');
    }

    #[test]
    fn neutralising_is_undone_exactly() {
        for text in [
            "=SUM(A1)", "+1", "-x", "@cmd", "'=x", "''=x", "'plain", "plain", "", "'",
        ] {
            let neutral = neutralise_text(text);
            assert!(!matches!(
                neutral.chars().next(),
                Some('=' | '+' | '-' | '@')
            ));
            assert_eq!(restore_text(&neutral), text, "{text:?}");
        }
    }
}
