//! Proficiency levels, the one-byte matrix cell, and the words of the scale.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A proficiency level from 0 (none) to 4 (expert, can teach).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const NONE: Level = Level(0);
    pub const AWARENESS: Level = Level(1);
    pub const WORKING: Level = Level(2);
    pub const PROFICIENT: Level = Level(3);
    pub const EXPERT: Level = Level(4);
    pub const MAX: u8 = 4;
    pub const ALL: [Level; 5] = [
        Level::NONE,
        Level::AWARENESS,
        Level::WORKING,
        Level::PROFICIENT,
        Level::EXPERT,
    ];

    pub fn new(value: u8) -> Option<Level> {
        (value <= Self::MAX).then_some(Level(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Level {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::new(value).ok_or_else(|| format!("level {value} is outside 0-4"))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One member's standing in one skill, packed into a byte so the members x
/// skills matrix stays small: the low seven bits hold the level (or the
/// not-assessed sentinel), the high bit the interest flag.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cell(u8);

impl Cell {
    const INTEREST_BIT: u8 = 0x80;
    const NOT_ASSESSED_BITS: u8 = 0x7F;
    pub const NOT_ASSESSED: Cell = Cell(Self::NOT_ASSESSED_BITS);

    pub fn new(level: Option<Level>, interest: bool) -> Cell {
        let bits = level.map_or(Self::NOT_ASSESSED_BITS, Level::get);
        Cell(bits | if interest { Self::INTEREST_BIT } else { 0 })
    }

    /// The packed byte, for tallies and compact storage.
    pub fn to_byte(self) -> u8 {
        self.0
    }

    /// The inverse of `to_byte`; a byte no cell packs to reads as not assessed.
    pub fn from_byte(byte: u8) -> Cell {
        let interest = byte & Self::INTEREST_BIT != 0;
        Cell::new(Level::new(byte & !Self::INTEREST_BIT), interest)
    }

    /// The inverse of `to_byte`, refusing a byte no cell packs to.
    pub fn try_from_byte(byte: u8) -> Option<Cell> {
        let bits = byte & !Self::INTEREST_BIT;
        (bits == Self::NOT_ASSESSED_BITS || Level::new(bits).is_some()).then_some(Cell(byte))
    }

    pub fn assessed(level: Level) -> Cell {
        Cell::new(Some(level), false)
    }

    /// The level, or `None` when not assessed (which is not the same as 0).
    pub fn level(self) -> Option<Level> {
        Level::new(self.0 & !Self::INTEREST_BIT)
    }

    pub fn interest(self) -> bool {
        self.0 & Self::INTEREST_BIT != 0
    }

    pub fn with_level(self, level: Option<Level>) -> Cell {
        Cell::new(level, self.interest())
    }

    pub fn with_interest(self, interest: bool) -> Cell {
        Cell::new(self.level(), interest)
    }

    /// True when the cell carries no information at all.
    pub fn is_blank(self) -> bool {
        self == Cell::NOT_ASSESSED
    }

    /// At or above `threshold`; never true for "not assessed".
    pub fn at_least(self, threshold: Level) -> bool {
        self.level().is_some_and(|level| level >= threshold)
    }
}

impl Default for Cell {
    fn default() -> Self {
        Cell::NOT_ASSESSED
    }
}

impl fmt::Debug for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cell({self})")
    }
}

impl Cell {
    /// The spreadsheet spelling: `3`, `2+` (interested), `+` (interested,
    /// not assessed) or nothing; static, so exports allocate nothing per cell.
    pub fn spreadsheet_text(self) -> &'static str {
        const PLAIN: [&str; 5] = ["0", "1", "2", "3", "4"];
        const INTERESTED: [&str; 5] = ["0+", "1+", "2+", "3+", "4+"];
        match (self.level(), self.interest()) {
            (Some(level), false) => PLAIN[usize::from(level.get())],
            (Some(level), true) => INTERESTED[usize::from(level.get())],
            (None, true) => "+",
            (None, false) => "",
        }
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.spreadsheet_text())
    }
}

/// Why a cell's text is not a level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellParseError {
    OutOfRange(String),
    NotWhole(String),
    Unrecognised(String),
}

impl fmt::Display for CellParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellParseError::OutOfRange(found) => write!(f, "level \"{found}\" is outside 0-4"),
            CellParseError::NotWhole(found) => {
                write!(
                    f,
                    "level \"{found}\" is not a whole level: expected 0, 1, 2, 3 or 4"
                )
            }
            CellParseError::Unrecognised(found) => write!(
                f,
                "level \"{found}\" is not a level: expected 0-4, a word of the scale, \
                 or blank for not assessed (a trailing + marks interest)"
            ),
        }
    }
}

/// The names of the five levels. A workspace setting: teams that call their
/// levels something else rename them, and imports accept either spelling.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleWords(pub [String; 5]);

impl Default for ScaleWords {
    fn default() -> Self {
        ScaleWords(DEFAULT_WORDS.map(String::from))
    }
}

const DEFAULT_WORDS: [&str; 5] = ["none", "awareness", "working", "proficient", "expert"];

impl ScaleWords {
    pub fn word(&self, level: Level) -> &str {
        &self.0[usize::from(level.get())]
    }

    fn level_of_word(&self, word: &str) -> Option<Level> {
        let position = |words: &[&str]| {
            words
                .iter()
                .position(|candidate| candidate.eq_ignore_ascii_case(word))
                .and_then(|index| Level::new(index as u8))
        };
        self.0
            .iter()
            .position(|candidate| candidate.eq_ignore_ascii_case(word))
            .and_then(|index| Level::new(index as u8))
            .or_else(|| position(&DEFAULT_WORDS))
    }

    /// Parses a spreadsheet cell: blank, `0`-`4`, `3.0`, a scale word, each
    /// optionally followed by `+` for interest.
    ///
    /// ```
    /// use skillgrid::model::{Level, ScaleWords};
    /// let scale = ScaleWords::default();
    /// let cell = scale.parse_cell("2+").unwrap();
    /// assert_eq!((cell.level(), cell.interest()), (Some(Level::WORKING), true));
    /// assert_eq!(scale.parse_cell("").unwrap().level(), None); // not assessed, not 0
    /// assert!(scale.parse_cell("7").is_err());
    /// ```
    pub fn parse_cell(&self, text: &str) -> Result<Cell, CellParseError> {
        let trimmed = text.trim();
        let (body, interest) = match trimmed.strip_suffix('+') {
            Some(body) => (body.trim_end(), true),
            None => (trimmed, false),
        };
        if body.is_empty() {
            return Ok(Cell::new(None, interest));
        }
        // The common case, a single digit, without allocating.
        if let [digit @ b'0'..=b'4'] = body.as_bytes() {
            return Ok(Cell::new(Level::new(digit - b'0'), interest));
        }
        if let Some(level) = self.level_of_word(body) {
            return Ok(Cell::new(Some(level), interest));
        }
        let numeric = body.replace(',', ".");
        if let Ok(value) = numeric.parse::<i64>() {
            return u8::try_from(value)
                .ok()
                .and_then(Level::new)
                .map(|level| Cell::new(Some(level), interest))
                .ok_or_else(|| CellParseError::OutOfRange(trimmed.to_string()));
        }
        match numeric.parse::<f64>() {
            Ok(value) if value.is_finite() && value.fract() == 0.0 => {
                if (0.0..=f64::from(Level::MAX)).contains(&value) {
                    Ok(Cell::new(Level::new(value as u8), interest))
                } else {
                    Err(CellParseError::OutOfRange(trimmed.to_string()))
                }
            }
            Ok(value) if value.is_finite() => {
                if (0.0..=f64::from(Level::MAX)).contains(&value) {
                    Err(CellParseError::NotWhole(trimmed.to_string()))
                } else {
                    Err(CellParseError::OutOfRange(trimmed.to_string()))
                }
            }
            _ => Err(CellParseError::Unrecognised(trimmed.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_packs_level_and_interest_in_one_byte() {
        assert_eq!(std::mem::size_of::<Cell>(), 1);
        let cell = Cell::new(Some(Level::WORKING), true);
        assert_eq!(cell.level(), Some(Level::WORKING));
        assert!(cell.interest());
        assert_eq!(Cell::NOT_ASSESSED.level(), None);
        assert_ne!(Cell::assessed(Level::NONE), Cell::NOT_ASSESSED);
        assert!(!Cell::NOT_ASSESSED.at_least(Level::NONE));
        assert!(Cell::assessed(Level::NONE).at_least(Level::NONE));
    }

    #[test]
    fn parses_numbers_words_and_interest() {
        let scale = ScaleWords::default();
        assert_eq!(
            scale.parse_cell(" 3 "),
            Ok(Cell::assessed(Level::PROFICIENT))
        );
        assert_eq!(
            scale.parse_cell("2+"),
            Ok(Cell::new(Some(Level::WORKING), true))
        );
        assert_eq!(scale.parse_cell("+"), Ok(Cell::new(None, true)));
        assert_eq!(scale.parse_cell(""), Ok(Cell::NOT_ASSESSED));
        assert_eq!(
            scale.parse_cell("Expert"),
            Ok(Cell::assessed(Level::EXPERT))
        );
        assert_eq!(scale.parse_cell("4.0"), Ok(Cell::assessed(Level::EXPERT)));
        assert_eq!(scale.parse_cell("0"), Ok(Cell::assessed(Level::NONE)));
    }

    #[test]
    fn rejects_what_is_not_a_level() {
        let scale = ScaleWords::default();
        assert_eq!(
            scale.parse_cell("7"),
            Err(CellParseError::OutOfRange("7".into()))
        );
        assert_eq!(
            scale.parse_cell("-1"),
            Err(CellParseError::OutOfRange("-1".into()))
        );
        assert_eq!(
            scale.parse_cell("2.5"),
            Err(CellParseError::NotWhole("2.5".into()))
        );
        assert!(matches!(
            scale.parse_cell("high"),
            Err(CellParseError::Unrecognised(_))
        ));
        assert!(matches!(
            scale.parse_cell("NaN"),
            Err(CellParseError::Unrecognised(_))
        ));
    }

    #[test]
    fn renamed_scale_words_are_accepted_beside_the_defaults() {
        let mut scale = ScaleWords::default();
        scale.0[3] = "Advanced".into();
        assert_eq!(
            scale.parse_cell("advanced"),
            Ok(Cell::assessed(Level::PROFICIENT))
        );
        assert_eq!(
            scale.parse_cell("proficient"),
            Ok(Cell::assessed(Level::PROFICIENT))
        );
        assert_eq!(scale.word(Level::PROFICIENT), "Advanced");
    }

    #[test]
    fn display_round_trips_through_parse() {
        let scale = ScaleWords::default();
        for level in [None, Some(Level::NONE), Some(Level::EXPERT)] {
            for interest in [false, true] {
                let cell = Cell::new(level, interest);
                assert_eq!(scale.parse_cell(&cell.to_string()), Ok(cell));
            }
        }
    }
}
