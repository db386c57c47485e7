//! Which files a run may write. Every output is claimed before anything is read or written, and a claim is
//! refused (exit 2) when it names a file the run reads (a data input, the config file, the manifest, a previous
//! year's results, a population file or the catchment table) or another output of the same run, however the path
//! is spelt: `./` and `..`, a symbolic link, a hard link (the same file on disk), or another case of the same name
//! (one file on Windows and macOS). An output's name must fit what is written into it (`.xlsx`, `.json`, `.csv`),
//! and `template` and `sample` write over nothing that exists unless told to (`--force`).
//!
//! ```
//! use std::path::Path;
//! use wres_wdes::render::claim::{Claims, Kind};
//! let mut claims = Claims::new();
//! claims.reads(Path::new("Cargo.toml"), "the config file");
//! assert!(claims.claim(Path::new("./Cargo.toml"), "--json", Some(Kind::Json)).is_err(), "an input");
//! assert!(claims.claim(Path::new("results.csv"), "--json", Some(Kind::Json)).is_err(), "not a .json name");
//! assert!(claims.claim(Path::new("results.json"), "--json", Some(Kind::Json)).is_ok());
//! assert!(claims.claim(Path::new("results.JSON"), "--csv", None).is_err(), "the same name in another case");
//! ```

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// What an output holds, which its name must say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An Excel workbook: `.xlsx`.
    Workbook,
    /// JSON: `.json`.
    Json,
    /// A CSV table: `.csv`.
    Csv,
}

impl Kind {
    /// The extension its file name must end in (any case).
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Workbook => "xlsx",
            Kind::Json => "json",
            Kind::Csv => "csv",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Kind::Workbook => "an Excel workbook",
            Kind::Json => "JSON",
            Kind::Csv => "a CSV table",
        }
    }

    fn flag(self) -> &'static str {
        match self {
            Kind::Workbook => "--out",
            Kind::Json => "--json",
            Kind::Csv => "--csv",
        }
    }
}

/// One file, as the user named it and as it is on disk.
#[derive(Debug, Clone)]
struct Entry {
    /// As given.
    shown: PathBuf,
    /// Absolute, with links and `..` resolved as far as the file or its folder exists.
    resolved: PathBuf,
    /// The file on disk (device and inode), when it exists.
    file: Option<(u64, u64)>,
    /// What it is to the run (`the config file`, `--json`).
    what: String,
}

impl Entry {
    fn of(path: &Path, what: &str) -> Entry {
        let resolved = std::fs::canonicalize(path).unwrap_or_else(|_| {
            // Not there yet: its folder resolved, then its name.
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            match (std::fs::canonicalize(parent), path.file_name()) {
                (Ok(dir), Some(name)) => dir.join(name),
                _ => lexical(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())),
            }
        });
        Entry { shown: path.to_path_buf(), resolved, file: file_id(path), what: what.to_string() }
    }

    /// The same file: one file on disk (when both exist), else one resolved path, or names differing only in case
    /// in one folder (one file on Windows and macOS, where the other may be about to be created).
    fn same_as(&self, other: &Entry) -> bool {
        if let (Some(a), Some(b)) = (self.file, other.file) {
            return a == b;
        }
        if self.resolved == other.resolved {
            return true;
        }
        let lower = |p: &Path| p.to_string_lossy().to_lowercase();
        self.resolved.parent() == other.resolved.parent() && lower(&self.resolved) == lower(&other.resolved)
    }

    /// The file as named, and as named by the other spelling when it differs.
    fn named(&self, other: &Entry) -> String {
        if self.shown == other.shown {
            String::new()
        } else {
            format!(" ({})", self.shown.display())
        }
    }
}

/// A path with `.` and `..` taken out by their names alone (for a folder that does not exist, whose links cannot
/// be followed).
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &Path) -> Option<(u64, u64)> {
    None
}

/// The files a run reads and the outputs it has claimed (see the module).
#[derive(Debug, Clone, Default)]
pub struct Claims {
    reads: Vec<Entry>,
    writes: Vec<Entry>,
}

impl Claims {
    /// No files yet.
    pub fn new() -> Claims {
        Claims::default()
    }

    /// Adds a file the run reads: `what` says what it is (`the staff input`, `the config file`).
    pub fn reads(&mut self, path: &Path, what: &str) {
        self.reads.push(Entry::of(path, what));
    }

    /// Adds every file another set of claims reads (the trusts of a batch).
    pub fn extend(&mut self, other: Claims) {
        self.reads.extend(other.reads);
    }

    /// Claims `path` as an output named by `flag` (`--json`, `[output] csv`), holding `kind` when given: refused
    /// when its name does not end in the kind's extension, or when it is a file the run reads or another output.
    pub fn claim(&mut self, path: &Path, flag: &str, kind: Option<Kind>) -> Result<()> {
        let entry = Entry::of(path, flag);
        if let Some(read) = self.reads.iter().find(|r| r.same_as(&entry)) {
            return Err(Error::usage(format!(
                "{}: {flag} names {}{}, which this run reads; refusing to overwrite it",
                path.display(),
                read.what,
                read.named(&entry)
            ))
            .with_hint("write the outputs to another file name"));
        }
        if let Some(other) = self.writes.iter().find(|w| w.same_as(&entry)) {
            return Err(Error::usage(format!(
                "{}: {flag} names the same file as {}{}; one output would replace the other",
                path.display(),
                other.what,
                other.named(&entry)
            ))
            .with_hint("give each output a file name of its own"));
        }
        if let Some(kind) = kind {
            check_extension(path, flag, kind)?;
        }
        self.writes.push(entry);
        Ok(())
    }
}

/// Refuses an output name that does not end in `.xlsx`, `.json` or `.csv` as its kind needs (any case).
///
/// ```
/// use std::path::Path;
/// use wres_wdes::render::claim::{check_extension, Kind};
/// assert!(check_extension(Path::new("Report.XLSX"), "--out", Kind::Workbook).is_ok());
/// let e = check_extension(Path::new("report.xls"), "--out", Kind::Workbook).unwrap_err();
/// assert_eq!(e.exit_code(), 2);
/// assert!(e.to_string().contains("must end in .xlsx"), "{e}");
/// ```
pub fn check_extension(path: &Path, flag: &str, kind: Kind) -> Result<()> {
    let wanted = kind.extension();
    let fits = path.extension().is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(wanted));
    if fits {
        return Ok(());
    }
    let suggested = path.with_extension(wanted);
    let other = match path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).as_deref() {
        Some("xlsx") => Some(Kind::Workbook),
        Some("json") => Some(Kind::Json),
        Some("csv") => Some(Kind::Csv),
        _ => None,
    }
    .filter(|k| *k != kind)
    .map(|k| format!(" ({} is {} for {})", path.display(), k.what(), k.flag()))
    .unwrap_or_default();
    Err(Error::usage(format!("{}: {flag} writes {}, so its name must end in .{wanted}", path.display(), kind.what()))
        .with_hint(format!("for example {}{other}", suggested.display())))
}

/// Refuses to replace an existing file unless `force` (`template --out`).
pub fn refuse_existing(path: &Path, force: bool) -> Result<()> {
    if force || std::fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    Err(Error::usage(format!("{}: already exists; refusing to replace it", path.display()))
        .with_hint("give a new file name, or add --force to replace it"))
}

/// Refuses to write into a folder that holds anything unless `force` (`sample --out-dir`); a folder that does not
/// exist is fine (it is created).
pub fn refuse_non_empty_folder(dir: &Path, force: bool) -> Result<()> {
    if force {
        return Ok(());
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        if dir.exists() {
            return Err(Error::usage(format!("{}: is not a folder", dir.display()))
                .with_hint("give the name of a new or empty folder"));
        }
        return Ok(());
    };
    let mut names: Vec<String> = entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let count = names.len();
    names.truncate(3);
    let more = if count > names.len() { format!(" and {} more", count - names.len()) } else { String::new() };
    Err(Error::usage(format!(
        "{}: the folder is not empty (it holds {}{more}); refusing to write into it",
        dir.display(),
        names.join(", ")
    ))
    .with_hint(
        "give a new or empty folder, or add --force to write the files into this one (replacing any of the same name)",
    ))
}
