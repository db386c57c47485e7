//! Layer 1, **read**: a file (xlsx, xlsm, xlsb, xls, ods or delimited text) to a stream of rows of cells.
//!
//! One entry point, [`read_table`]: it opens the file, picks the sheet, finds the header row among the first 20
//! rows, matches the caller's [`FieldSpec`]s to columns (case-, space- and punctuation-insensitively, or by an
//! explicit override), then streams every non-blank row below the header to a callback, with the cells of the
//! matched fields only. Nothing here knows what a field means; the normalise layer does.

pub mod census;
pub mod previous;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::Result;

mod cell;
mod dates;
mod delimited;
mod detect;
mod header;
mod location;
mod memory;
mod spreadsheet;
mod table;
mod text;

pub use location::locate;
pub use memory::give_back_memory;

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

/// What to read and how.
#[derive(Debug, Clone, Copy)]
pub struct TableRequest<'a> {
    /// The file to read.
    pub path: &'a Path,
    /// The fields wanted, in the order their cells are handed to the row callback.
    pub fields: &'a [FieldSpec],
    /// The sheet to read (spreadsheets only); `None` picks the first sheet holding the required fields.
    pub sheet: Option<&'a str>,
    /// With no `sheet`, a sheet of this name (any case) is tried first when it holds the required fields: each
    /// input kind finds its own sheet in a workbook holding several (the `template` workbook).
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
    guard::catching(request.path, || read_any(request, on_row))
}

fn read_any(request: &TableRequest<'_>, on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>) -> Result<TableInfo> {
    let head = detect::open_head(request.path)?;
    match detect::detect(request.path, &head)? {
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
        detect::Detected::Text => read_delimited(request, &head, on_row),
    }
}

/// Reads a delimited text file (one "sheet", named `""`).
fn read_delimited(
    request: &TableRequest<'_>,
    head: &[u8],
    on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>,
) -> Result<TableInfo> {
    let path = request.path;
    let mut source = delimited::CsvSource::open(path, head)?;
    let where_ = path.display().to_string();
    let found = match table::find_header(&mut source, request.fields, request.overrides, &where_)? {
        table::Scan::Found(h) => h,
        table::Scan::NotFound(Some(c)) => {
            let message = c.matching.missing_message(&c.headers, request.fields, request.overrides);
            let missing = request
                .fields
                .iter()
                .zip(&c.matching.fields)
                .find(|(f, m)| f.required && **m == header::FieldMatch::Missing)
                .map(|(f, _)| f.name);
            return Err(crate::error::Error::data(format!("{where_}, row {}: {message}", c.line))
                .with_hint(header::column_hint(missing)));
        }
        table::Scan::NotFound(None) => {
            return Err(crate::error::Error::data(format!("{where_}: holds no rows (only blank lines)")));
        }
    };
    let mut counts = table::Counts::default();
    table::stream_rows(&mut source, "", &found.columns, found.last_line, &mut counts, on_row)?;
    Ok(TableInfo {
        path: path.to_path_buf(),
        format: Format::Csv,
        sheets: vec![String::new()],
        header_row: found.line,
        columns: found.matches,
        headers: found.headers,
        rows_read: counts.rows_read,
        blank_rows: counts.blank_rows,
    })
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
