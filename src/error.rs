//! The one error type, carrying what a user needs to act: where, what was expected, what was found, what to do.
//!
//! Every error maps to an exit code of the spec: 1 a file could not be read or written, 2 a usage error,
//! 3 the input data are not usable.

use std::fmt;

/// What kind of failure, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file could not be read or written (exit code 1).
    Io,
    /// The command line or config file is wrong (exit code 2).
    Usage,
    /// The input data are not usable: a required column is missing, or `--strict` found problems (exit code 3).
    Data,
}

/// An error with a message that names the file, sheet, row and column where they apply, and a hint.
///
/// ```
/// use wres_wdes::error::{Error, ErrorKind};
/// let e = Error::data("staff.csv: no column for 'pay_band'").with_hint("name it in the config file");
/// assert_eq!(e.kind(), ErrorKind::Data);
/// assert_eq!(e.exit_code(), 3);
/// assert!(e.to_string().contains("hint: name it"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    hint: Option<String>,
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A new error of the given kind.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), hint: None }
    }
    /// A file could not be read or written.
    pub fn io(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Io, message)
    }
    /// The command line or config is wrong.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Usage, message)
    }
    /// The input data are not usable.
    pub fn data(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Data, message)
    }
    /// Adds what the user should do about it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    /// Prefixes the message with more context, such as the file name.
    pub fn context(mut self, context: impl fmt::Display) -> Self {
        self.message = format!("{context}: {}", self.message);
        self
    }
    /// The kind of failure.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// The message, without the hint.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// The hint, if any.
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }
    /// The process exit code for this error: 1 (file), 2 (usage) or 3 (data).
    pub fn exit_code(&self) -> i32 {
        match self.kind {
            ErrorKind::Io => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Data => 3,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}
