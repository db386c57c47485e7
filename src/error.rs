//! The one error type, carrying what a user needs to act: where, what was expected, what was found, what to do.
//!
//! Every error maps to an exit code: 1 a file could not be read or written, 2 a usage error, 3 the input data are
//! not usable, and 70 a state the program should never reach (a bug to report, whatever the inputs).

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
    /// A state the program should never reach, such as its own built-in table failing to parse or an in-memory
    /// output failing to serialise: a bug in wres-wdes, not a problem with the files (exit code 70, as sysexits'
    /// `EX_SOFTWARE`).
    Internal,
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
    /// A state that cannot happen unless wres-wdes has a bug: the message says what was being done, and the hint
    /// asks for a report.
    ///
    /// ```
    /// use wres_wdes::error::{Error, ErrorKind};
    /// let e = Error::internal("writing the CSV: invalid UTF-8");
    /// assert_eq!((e.kind(), e.exit_code()), (ErrorKind::Internal, 70));
    /// assert!(e.to_string().starts_with("internal error (a bug in wres-wdes): writing the CSV"));
    /// assert!(e.hint().unwrap().contains("please report it"));
    /// ```
    pub fn internal(what: impl fmt::Display) -> Self {
        Self::new(ErrorKind::Internal, format!("internal error (a bug in wres-wdes): {what}")).with_hint(
            "this is not a problem with the input files: please report it to the maintainers, with this message and \
             the command that was run",
        )
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
    /// The process exit code for this error: 1 (file), 2 (usage), 3 (data) or 70 (internal).
    pub fn exit_code(&self) -> i32 {
        match self.kind {
            ErrorKind::Io => 1,
            ErrorKind::Usage => 2,
            ErrorKind::Data => 3,
            ErrorKind::Internal => 70,
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
