//! Import diagnostics: every warning and error names the file, line and
//! column, what was found and what was expected.

use crate::model::SkillId;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based line in the file, when the problem has a place.
    pub line: Option<u64>,
    /// 1-based column: the CSV field for tables, the character for text.
    pub column: Option<u64>,
    pub message: String,
    /// The member (row of the imported workspace) involved, for warnings.
    pub member: Option<usize>,
    /// The skill involved, for warnings.
    pub skill: Option<SkillId>,
    /// One line per case a grouped message stands for (`validate
    /// --verbose` and the window list them on request).
    pub details: Vec<String>,
    /// In a workbook, the cell as Excel names it (`F14`), or the row (`3:3`).
    pub cell: Option<String>,
}

impl Diagnostic {
    pub fn error(
        file: &str,
        line: Option<u64>,
        column: Option<u64>,
        message: impl Into<String>,
    ) -> Self {
        let message = message.into();
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            column,
            message,
            member: None,
            skill: None,
            details: Vec::new(),
            cell: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `FILE:LINE:COL: message`, warnings marked as such, as compilers print.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(cell) = &self.cell {
            write!(f, "!{cell}")?;
        } else if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        f.write_str(": ")?;
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A successful import and what it had to say.
#[derive(Clone, Debug)]
pub struct Imported<T> {
    pub value: T,
    pub warnings: Vec<Diagnostic>,
}

/// A failed import: nothing was changed.
#[derive(Clone, Debug, thiserror::Error)]
pub struct ImportFailure {
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

impl ImportFailure {
    pub fn single(diagnostic: Diagnostic) -> ImportFailure {
        ImportFailure {
            errors: vec![diagnostic],
            warnings: Vec::new(),
        }
    }
}

impl fmt::Display for ImportFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.errors.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

/// Stops listing errors past this many; one more line says how many were cut.
const MAX_ERRORS: usize = 100;

/// Collects diagnostics while an import runs.
pub(crate) struct Report {
    file: String,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    errors_not_listed: usize,
}

impl Report {
    pub fn new(file: &str) -> Report {
        Report {
            file: file.to_string(),
            errors: Vec::new(),
            warnings: Vec::new(),
            errors_not_listed: 0,
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn error(&mut self, line: u64, column: Option<u64>, message: String) {
        if self.errors.len() < MAX_ERRORS {
            self.errors
                .push(Diagnostic::error(&self.file, Some(line), column, message));
        } else {
            self.errors_not_listed += 1;
        }
    }

    pub fn error_without_place(&mut self, message: String) {
        self.errors
            .push(Diagnostic::error(&self.file, None, None, message));
    }

    pub fn warning(
        &mut self,
        line: Option<u64>,
        column: Option<u64>,
        message: String,
    ) -> &mut Diagnostic {
        self.warnings.push(Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(&self.file, line, column, message)
        });
        let last = self.warnings.len() - 1;
        &mut self.warnings[last]
    }

    /// Takes `other`'s errors, and its warnings when `keep_warnings`.
    pub fn absorb(&mut self, other: Report, keep_warnings: bool) {
        for error in other.errors {
            if self.errors.len() < MAX_ERRORS {
                self.errors.push(error);
            } else {
                self.errors_not_listed += 1;
            }
        }
        self.errors_not_listed += other.errors_not_listed;
        if keep_warnings {
            self.warnings.extend(other.warnings);
        }
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    pub fn fail(mut self) -> ImportFailure {
        if self.errors_not_listed > 0 {
            let message = format!(
                "{} more errors not listed; fix the ones above and validate again",
                self.errors_not_listed
            );
            self.errors
                .push(Diagnostic::error(&self.file, None, None, message));
        }
        ImportFailure {
            errors: self.errors,
            warnings: self.warnings,
        }
    }

    pub fn finish<T>(self, value: T) -> Result<Imported<T>, ImportFailure> {
        if self.has_errors() {
            Err(self.fail())
        } else {
            Ok(Imported {
                value,
                warnings: self.warnings,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_a_compiler() {
        let error = Diagnostic::error("team.csv", Some(14), Some(7), "level \"7\" is outside 0-4");
        assert_eq!(
            error.to_string(),
            "team.csv:14:7: level \"7\" is outside 0-4"
        );
        let mut report = Report::new("team.csv");
        report.warning(Some(1), Some(3), "column \"Rust\" is new".into());
        assert_eq!(
            report.warnings[0].to_string(),
            "team.csv:1:3: warning: column \"Rust\" is new"
        );
    }

    #[test]
    fn caps_the_error_list() {
        let mut report = Report::new("big.csv");
        for line in 0..150 {
            report.error(line, None, "bad".into());
        }
        let failure = report.fail();
        assert_eq!(failure.errors.len(), MAX_ERRORS + 1);
        assert!(
            failure.errors[MAX_ERRORS]
                .message
                .starts_with("50 more errors")
        );
    }
}
