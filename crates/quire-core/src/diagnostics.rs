//! Problems found in the input, as values: the build tool prints them, `check` counts them, tests
//! assert on them. Each names the file, the line where known, the field and value, and the reason.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Questionable input that was handled with a documented fallback; `check --strict` fails on it.
    Warning,
    /// Input that is wrong; `check` fails on it. The message says whether the post was still published.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path of the source file as the author knows it, e.g. `public/posts/hello.md`.
    pub file: String,
    /// 1-based line in the file, where known.
    pub line: Option<usize>,
    /// The front-matter field concerned, if any.
    pub field: Option<String>,
    /// The offending value as written, if any.
    pub value: Option<String>,
    /// Why it is wrong, and what the build did about it.
    pub reason: String,
}

impl Diagnostic {
    pub fn new(severity: Severity, file: impl Into<String>, reason: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: file.into(),
            line: None,
            field: None,
            value: None,
            reason: reason.into(),
        }
    }
    pub fn warning(file: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, reason)
    }
    pub fn error(file: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, reason)
    }
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }
    pub fn field(mut self, field: &str, value: Option<&str>) -> Self {
        self.field = Some(field.to_string());
        self.value = value.map(str::to_string);
        self
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// One line, compiler style: `warning: public/posts/a.md:3: date "2022-15-03": month 15 …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{sev}: {}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        match (&self.field, &self.value) {
            (Some(field), Some(value)) => write!(f, "{field} {value:?}: ")?,
            (Some(field), None) => write!(f, "{field}: ")?,
            _ => {}
        }
        write!(f, "{}", self.reason)
    }
}

/// Counts for the summary line.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}
