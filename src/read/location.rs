//! Where a value is, in words a user can follow to the cell: file, sheet, row and column.

use std::path::Path;

/// Formats a place in an input file for messages: `FILE, sheet 'S', row N, column 'C'`. The sheet is left out
/// when it is `""` (a CSV file), the column when it is `None`.
///
/// ```
/// use std::path::Path;
/// use wres_wdes::read::locate;
/// assert_eq!(
///     locate(Path::new("staff.xlsx"), "ESR", 12, Some("Ethnic Origin")),
///     "staff.xlsx, sheet 'ESR', row 12, column 'Ethnic Origin'"
/// );
/// assert_eq!(locate(Path::new("staff.csv"), "", 3, None), "staff.csv, row 3");
/// ```
pub fn locate(path: &Path, sheet: &str, line: usize, column: Option<&str>) -> String {
    let mut out = path.display().to_string();
    if !sheet.is_empty() {
        out.push_str(&format!(", sheet '{sheet}'"));
    }
    out.push_str(&format!(", row {line}"));
    if let Some(column) = column {
        out.push_str(&format!(", column '{column}'"));
    }
    out
}
