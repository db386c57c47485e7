//! Layer 1, **read**: a file (xlsx, xlsm, xlsb, xls, ods or delimited text) to a stream of rows of cells.
//!
//! One entry point, [`read_table`]: it opens the file, picks the sheet, finds the header row among the first 20
//! rows, matches the caller's [`FieldSpec`]s to columns (case-, space- and punctuation-insensitively, or by an
//! explicit override), then streams every non-blank row below the header to a callback, with the cells of the
//! matched fields only. Nothing here knows what a field means; the normalise layer does.
//!
//! [`read_table_parts`] does the same, reading a large delimited file in parallel parts.

pub mod census;
pub mod previous;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::Result;

mod budget;
mod cell;
mod dates;
mod delimited;
mod detect;
mod fields;
mod header;
mod inflated;
mod location;
mod memory;
mod ods_guard;
mod parts;
mod spreadsheet;
mod table;
mod text;
mod xls_guard;
mod xlsb_guard;

pub use dates::{order_evidence, DateOrder, OrderEvidence};
pub use fields::Fields;
pub use header::closest;
pub(crate) use header::names_tried;
pub use inflated::Inflated;
pub use location::locate;
pub use memory::give_back_memory;
pub use text::is_ascii_space;

/// One field the caller wants from a table, with the header names it may appear under.
///
/// ```
/// use wres_wdes::read::FieldSpec;
/// const ETHNICITY: FieldSpec = FieldSpec { name: "ethnicity", aliases: &["Ethnic Origin", "Ethnicity"], required: true };
/// assert!(ETHNICITY.required);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field's stable name (`person_id`, `ethnicity`, ...), as used in config overrides.
    pub name: &'static str,
    /// Accepted header names, matched case-, space- and punctuation-insensitively.
    pub aliases: &'static [&'static str],
    /// A table without this field is not the table asked for (and is an error if no sheet has it).
    pub required: bool,
}

impl FieldSpec {
    /// Every header name the field is read under without an override: its accepted names, then the field's own
    /// name when no accepted name already stands for it (matched ignoring case, spaces and punctuation).
    ///
    /// ```
    /// use wres_wdes::read::FieldSpec;
    /// let fte = FieldSpec { name: "fte", aliases: &["FTE", "WTE"], required: false };
    /// assert_eq!(fte.names(), ["FTE", "WTE"]);
    /// let group = FieldSpec { name: "staff_group", aliases: &["Occupational Group"], required: true };
    /// assert_eq!(group.names(), ["Occupational Group", "staff_group"]);
    /// ```
    pub fn names(&self) -> Vec<String> {
        header::names_tried(self, &BTreeMap::new())
    }
}

/// What to read and how.
#[derive(Debug, Clone, Copy)]
pub struct TableRequest<'a> {
    /// The file to read.
    pub path: &'a Path,
    /// The fields wanted, in the order their cells are handed to the row callback.
    pub fields: &'a [FieldSpec],
    /// The sheet to read (spreadsheets only); `None` picks the first sheet holding the required fields.
    pub sheet: Option<&'a str>,
    /// The input kind (`Staff`, `Recruitment`, ...). With no `sheet`, a sheet of this name (any case) is tried
    /// first when it holds the required fields: each input kind finds its own sheet in a workbook holding several
    /// (the `template` workbook). Messages name its config section (`[recruitment.columns]`).
    pub prefer_sheet: Option<&'a str>,
    /// Explicit header names for fields, by field name (`{"ethnicity": "EO Code"}`), from the config file.
    pub overrides: &'a BTreeMap<String, String>,
}

/// The file format, found from the file's content (not only its extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Office Open XML workbook (xlsx, xlsm).
    Xlsx,
    /// Excel binary workbook.
    Xlsb,
    /// Excel 97-2003 workbook.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
    /// Delimited text (comma, semicolon or tab).
    Csv,
}

/// How a field was matched to a column.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ColumnMatch {
    /// The field name.
    pub field: &'static str,
    /// The header text as found in the file.
    pub header: String,
    /// The 0-based column index.
    pub column: usize,
}

/// What was found in the file: where the data are and how the columns matched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TableInfo {
    /// The path as given.
    pub path: PathBuf,
    /// The format detected.
    pub format: Format,
    /// The sheets read: the one chosen, plus continuation sheets with the same header (a multi-sheet extract).
    /// For CSV, one entry `""`.
    pub sheets: Vec<String>,
    /// The 1-based header row in the (first) sheet.
    pub header_row: usize,
    /// The column each matched field was found in; unmatched optional fields are absent.
    pub columns: Vec<ColumnMatch>,
    /// Every header found in the header row, for messages.
    pub headers: Vec<String>,
    /// Non-blank rows below the header (in all sheets read).
    pub rows_read: u64,
    /// Blank rows below the header, skipped.
    pub blank_rows: u64,
}

impl TableInfo {
    /// What a CSV `path` with a header in row 1 and `rows_read` rows would give, for unit tests.
    #[cfg(test)]
    pub(crate) fn csv_for_test(path: &str, rows_read: u64) -> TableInfo {
        TableInfo {
            path: path.into(),
            format: Format::Csv,
            sheets: vec![String::new()],
            header_row: 1,
            columns: Vec::new(),
            headers: Vec::new(),
            rows_read,
            blank_rows: 0,
        }
    }
}

/// One cell's value, as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value (also an absent optional field).
    Empty,
    /// Text, untrimmed.
    Text(String),
    /// A number (integers included).
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A date or date-time, as an Excel serial day number (1900 date system).
    DateTime(f64),
    /// An error value such as `#N/A` or `#REF!`.
    Error(String),
}

/// One data row handed to the callback.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The sheet the row is on (`""` for CSV).
    pub sheet: &'a str,
    /// The 1-based row number in the sheet or file (header rows and title rows counted).
    pub line: usize,
    /// One cell per requested field, in the order of [`TableRequest::fields`]; [`Cell::Empty`] for an
    /// optional field that was not found.
    pub cells: &'a [Cell],
}

/// Reads a table, calling `on_row` for every non-blank row below the header, and returns what was found.
///
/// Errors name the file (and sheet, row, column where they apply) and say what to do: a file that cannot be
/// opened or is not a spreadsheet (exit 1), or no sheet holding the required fields (exit 3, listing the columns
/// found and the names tried). An error returned by `on_row` stops the read and is passed through.
pub fn read_table(request: &TableRequest<'_>, on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>) -> Result<TableInfo> {
    guard::catching(request.path, || {
        let head = detect::open_head(request.path)?;
        let detected = detect::detect(request.path, &head)?;
        read_detected(request, &head, detected, on_row)
    })
}

/// Like [`read_table`], but a delimited file in an ASCII-compatible encoding (UTF-8 or Windows-1252) larger than
/// a threshold is split into contiguous parts at record boundaries and the parts are read in parallel on rayon's
/// pool; each part gets its own state from `init`, and its rows (in file order within the part) are handed to
/// `on_row` with that state, as [`Fields`] (a delimited file's text is borrowed from the read buffer, not copied).
/// Returns what was found and the states in file order. Workbooks, UTF-16 and small files are read as one part
/// (through the same code as `read_table`).
///
/// The rows of the parts, one after the other, are exactly the rows [`read_table`] hands over, with the same cells
/// ([`Fields::cell`]); the [`TableInfo`] is the same too. The rows of the first part have the same
/// [`Fields::line`]s; those of later parts have line 0, as nothing reads the file before the parts do (a part
/// counts its own lines, which serve for counting blank rows). Parts are at least 4 MiB, up to 16 per thread of
/// rayon's pool (one part on a single thread). A file whose first bytes are UTF-8 is checked as the parts read
/// it; if it is not UTF-8 after all, it is read again sequentially as Windows-1252, with fresh states.
///
/// A part's cut may fall inside a quoted field spanning lines; that is found when the part before it ends, and
/// then every part's state is dropped and the data are read again as one part, with a fresh state from `init`.
/// So `on_row` may see rows whose state is later dropped: it must change nothing but its state. Each state only
/// sees its part's rows: anything that depends on rows in other parts (duplicates, say) belongs in the merge of
/// the states.
///
/// Errors are those of [`read_table`]. An error from `on_row` stops its part (and the parts after it); it is
/// returned once the parts before it are known to be right, so it is the error a sequential read would meet
/// first. A panic in `on_row` or the parser becomes an error naming the file, as in [`read_table`].
///
/// ```
/// use std::collections::BTreeMap;
/// use wres_wdes::read::{read_table_parts, FieldSpec, TableRequest};
///
/// const FIELDS: &[FieldSpec] = &[FieldSpec { name: "person_id", aliases: &["Staff Number"], required: true }];
/// let path = std::env::temp_dir().join(format!("read_table_parts_doc_{}.csv", std::process::id()));
/// std::fs::write(&path, "Staff Number,Band\n101,5\n\n102,6\n").unwrap();
/// let overrides = BTreeMap::new();
/// let request = TableRequest { path: &path, fields: FIELDS, sheet: None, prefer_sheet: None, overrides: &overrides };
/// // Each part's state: the lines of its rows.
/// let (info, parts) = read_table_parts(&request, &Vec::new, &|lines: &mut Vec<usize>, row| {
///     lines.push(row.line());
///     Ok(())
/// })
/// .unwrap();
/// std::fs::remove_file(&path).unwrap();
/// assert_eq!((info.rows_read, info.blank_rows), (2, 1));
/// assert_eq!(parts.concat(), vec![2, 4]);
/// ```
pub fn read_table_parts<S: Send>(
    request: &TableRequest<'_>,
    init: &(dyn Fn() -> S + Sync),
    on_row: &(dyn Fn(&mut S, &Fields<'_>) -> Result<()> + Sync),
) -> Result<(TableInfo, Vec<S>)> {
    read_parts(request, None, init, on_row)
}

/// [`read_table_parts`] with parts of about `part_bytes` bytes (at most 256 parts), however small the file or
/// few the threads: for tests.
#[doc(hidden)]
pub fn read_table_parts_sized<S: Send>(
    request: &TableRequest<'_>,
    part_bytes: u64,
    init: &(dyn Fn() -> S + Sync),
    on_row: &(dyn Fn(&mut S, &Fields<'_>) -> Result<()> + Sync),
) -> Result<(TableInfo, Vec<S>)> {
    read_parts(request, Some(part_bytes), init, on_row)
}

fn read_parts<S: Send>(
    request: &TableRequest<'_>,
    part_bytes: Option<u64>,
    init: &(dyn Fn() -> S + Sync),
    on_row: &(dyn Fn(&mut S, &Fields<'_>) -> Result<()> + Sync),
) -> Result<(TableInfo, Vec<S>)> {
    guard::catching(request.path, || {
        let head = detect::open_head(request.path)?;
        match detect::detect(request.path, &head)? {
            detect::Detected::Text => parts::read_delimited_parts(request, &head, part_bytes, init, on_row),
            detected => {
                let mut state = init();
                let info =
                    read_detected(request, &head, detected, &mut |row| on_row(&mut state, &Fields::of_row(row)))?;
                Ok((info, vec![state]))
            }
        }
    })
}

fn read_detected(
    request: &TableRequest<'_>,
    head: &[u8],
    detected: detect::Detected,
    on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>,
) -> Result<TableInfo> {
    match detected {
        detect::Detected::Zip(format) => {
            let mut book = spreadsheet::Book::open_zip(request.path, format)?;
            let info = spreadsheet::read_book(&mut book, request, on_row);
            drop(book);
            give_back_memory();
            info
        }
        detect::Detected::Ole => {
            let mut book = spreadsheet::Book::open_ole(request.path)?;
            let info = spreadsheet::read_book(&mut book, request, on_row);
            drop(book);
            give_back_memory();
            info
        }
        detect::Detected::Text => {
            // A delimited file (one "sheet", named `""`).
            let (_, mut source, found) = parts::open_header(request, delimited::CsvFile::open(request.path, head)?)?;
            let counts = parts::stream(&mut source, &found.columns, found.last_line, on_row)?;
            Ok(parts::info(request.path, found, counts))
        }
    }
}

/// Header matching on its own, for the fuzz targets: the column of each field in a header row, or the message a
/// user would get (a missing required field, an ambiguous column, an override naming no header).
#[doc(hidden)]
pub fn match_header_row(
    headers: &[String],
    fields: &[FieldSpec],
    overrides: &BTreeMap<String, String>,
) -> std::result::Result<Vec<Option<usize>>, String> {
    let matching = header::match_fields(headers, fields, overrides);
    if !matching.holds_required(fields) {
        return Err(matching.missing_message(headers, fields, overrides));
    }
    matching.resolve(headers, fields, overrides).map(|(columns, _)| columns)
}

/// A damaged or hostile file must never crash the program: a panic while reading one (in a parsing library, say)
/// becomes an error naming the file, exit code 1, with the panic's own message kept for a bug report.
mod guard {
    use std::cell::{Cell, RefCell};
    use std::panic::{self, AssertUnwindSafe};
    use std::path::Path;
    use std::sync::Once;

    use crate::error::{Error, Result};

    thread_local! {
        /// True while this thread reads a file under the guard: its panics are caught and reported as errors.
        static GUARDED: Cell<bool> = const { Cell::new(false) };
        /// The message of the last panic caught on this thread.
        static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    static HOOK: Once = Once::new();

    /// Runs `read` on `path`, turning a panic into an error.
    pub(super) fn catching<T>(path: &Path, read: impl FnOnce() -> Result<T>) -> Result<T> {
        HOOK.call_once(|| {
            let previous = panic::take_hook();
            panic::set_hook(Box::new(move |info| {
                if GUARDED.with(Cell::get) {
                    let message = info
                        .payload()
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| info.payload().downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown".to_string());
                    let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
                    CAUGHT.with(|c| *c.borrow_mut() = Some(format!("{message}{at}")));
                } else {
                    previous(info);
                }
            }));
        });
        let was = GUARDED.with(|g| g.replace(true));
        let outcome = panic::catch_unwind(AssertUnwindSafe(read));
        GUARDED.with(|g| g.set(was));
        outcome.unwrap_or_else(|_| {
            let detail = CAUGHT.with(|c| c.borrow_mut().take()).unwrap_or_else(|| "unknown".to_string());
            Err(Error::io(format!(
                "{}: could not be read: the reader failed ({detail}); the file may be damaged",
                path.display()
            ))
            .with_hint(
                "open it in Excel and save it again, or export the data as CSV; if it opens normally, please report \
                 this with the message above",
            ))
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_panic_becomes_an_error_naming_the_file() {
            let e = catching(Path::new("staff.xlsx"), || -> Result<()> { panic!("boom") }).unwrap_err();
            assert_eq!(e.exit_code(), 1);
            assert!(e.message().starts_with("staff.xlsx: could not be read"), "{e}");
            assert!(e.message().contains("boom"), "{e}");
            // Outside the guard nothing changed, and the guard is reusable.
            assert!(catching(Path::new("x"), || Ok(1)).is_ok());
        }
    }
}
