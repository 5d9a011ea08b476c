//! Reading one cell of a table: text, a share of full time, years, a
//! level, and ids made unique.

use super::decode;
use crate::model::CellParseError;

/// Why a number cell does not read, in words for the message about it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum NumberError {
    #[error("{field} \"{found}\" is not a number: expected {expected}")]
    NotANumber {
        field: &'static str,
        found: String,
        expected: &'static str,
    },
    #[error("{field} \"{found}\" is outside {range}")]
    OutOfRange {
        field: &'static str,
        found: String,
        range: &'static str,
    },
}

/// A text cell: trimmed, formula neutralisation undone, blank as `None`.
pub(crate) fn text_cell(value: &str) -> Option<String> {
    let value = decode::restore_text(value.trim());
    (!value.is_empty()).then(|| value.to_string())
}

/// FTE as `1`, `0.8`, `0,8` (decimal comma) or `80%`.
pub(crate) fn parse_fte(value: &str) -> Result<f64, NumberError> {
    let trimmed = value.trim();
    let (number, scale) = match trimmed.strip_suffix('%') {
        Some(percent) => (percent.trim(), 100.0),
        None => (trimmed, 1.0),
    };
    let fte = number
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|fte| fte.is_finite())
        .map(|fte| fte / scale)
        .ok_or_else(|| NumberError::NotANumber {
            field: "FTE",
            found: trimmed.to_string(),
            expected: "a share from 0 to 1, such as 0.8 or 80%",
        })?;
    if (0.0..=1.0).contains(&fte) {
        Ok(fte)
    } else {
        Err(NumberError::OutOfRange {
            field: "FTE",
            found: trimmed.to_string(),
            range: "0-1",
        })
    }
}

/// Years of experience, `8` or `8.5`; a trailing `+` (as in `8+`) is read as 8.
pub(crate) fn parse_years(value: &str) -> Result<f64, NumberError> {
    let trimmed = value.trim();
    let number = trimmed
        .strip_suffix('+')
        .unwrap_or(trimmed)
        .replace(',', ".");
    match number.parse::<f64>() {
        Ok(years) if years.is_finite() && (0.0..=80.0).contains(&years) => Ok(years),
        Ok(_) => Err(NumberError::OutOfRange {
            field: "years",
            found: trimmed.to_string(),
            range: "0-80",
        }),
        Err(_) => Err(NumberError::NotANumber {
            field: "years",
            found: trimmed.to_string(),
            expected: "a number of years",
        }),
    }
}

/// `base`, or `base-2`, `base-3`... whichever is not `taken`.
pub(crate) fn unique_id(base: String, taken: impl Fn(&str) -> bool) -> String {
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}

/// The message for a level cell that does not parse, naming the skill as
/// the file names it: `level "7" for skill "Kubernetes" is outside 0-4`.
pub(crate) fn cell_error_message(error: &CellParseError, skill: &str) -> String {
    match error {
        CellParseError::OutOfRange(found) => {
            format!("level \"{found}\" for skill \"{skill}\" is outside 0-4")
        }
        CellParseError::NotWhole(found) => format!(
            "level \"{found}\" for skill \"{skill}\" is not a whole level: expected 0, 1, 2, 3 or 4"
        ),
        CellParseError::Unrecognised(found) => format!(
            "level \"{found}\" for skill \"{skill}\" is not a level: expected 0-4, a word of the \
             scale (none, awareness, working, proficient, expert) or blank for not assessed"
        ),
    }
}

/// Whether a cell holds an error as Excel spells it (`#N/A`, `#REF!`).
pub fn is_excel_error(text: &str) -> bool {
    matches!(
        text.trim(),
        "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!" | "#GETTING_DATA"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fte_accepts_spreadsheet_spellings() {
        assert_eq!(parse_fte("0,8"), Ok(0.8));
        assert_eq!(parse_fte("80%"), Ok(0.8));
        assert_eq!(parse_fte(" 1 "), Ok(1.0));
        let said = |text: &str| parse_fte(text).unwrap_err().to_string();
        assert!(said("1.5").contains("outside 0-1"));
        assert!(said("full").contains("not a number"));
        assert!(parse_fte("NaN").is_err());
    }
}
