//! [`Fields`]: one data row as [`super::read_table_parts`] hands it over, each field taken from the file only when
//! it is asked for. A delimited file's fields are borrowed from the read buffer, so a row costs no copy of its text.

use std::borrow::Cow;

use super::cell::{parse_number_text, plain_decimal};
use super::delimited::Record;
use super::text::is_ascii_space;
use super::{Cell, Row};

/// One data row of [`read_table_parts`](super::read_table_parts): the requested fields, in the order of
/// [`TableRequest::fields`](super::TableRequest::fields), each read only when asked for. A delimited file's fields
/// are borrowed from its read buffer (decoded only when Windows-1252 and not ASCII); a workbook's come from its
/// cells. The answers are those of the [`Cell`] the field would be: [`Fields::cell`].
///
/// ```
/// use wres_wdes::read::{Cell, Fields};
/// let cells = [Cell::Text(" Band 5 ".into()), Cell::Empty, Cell::Text("1,234".into()), Cell::Number(2.0)];
/// let row = Fields::from_cells("Staff", 7, &cells);
/// assert_eq!((row.sheet(), row.line()), ("Staff", 7));
/// assert_eq!(row.text(0).as_deref(), Some("Band 5"));
/// assert!(row.is_blank(1) && !row.is_blank(3));
/// assert_eq!(row.number(2), Some(1234.0));
/// assert_eq!(row.text(3).as_deref(), Some("2"));
/// assert_eq!(row.cell(0), Cell::Text(" Band 5 ".into()));
/// assert_eq!(row.cell(9), Cell::Empty);
/// ```
#[derive(Clone, Copy)]
pub struct Fields<'a> {
    sheet: &'a str,
    line: usize,
    source: Source<'a>,
}

/// Where the fields are.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// A cell per field.
    Cells(&'a [Cell]),
    /// A delimited file's record, and the column of each field.
    Record { record: &'a Record<'a>, columns: &'a [Option<usize>] },
}

impl<'a> Fields<'a> {
    /// The fields of a row of cells (one per field).
    pub fn from_cells(sheet: &'a str, line: usize, cells: &'a [Cell]) -> Fields<'a> {
        Fields { sheet, line, source: Source::Cells(cells) }
    }

    /// The fields of a [`Row`].
    pub fn of_row(row: &Row<'a>) -> Fields<'a> {
        Fields::from_cells(row.sheet, row.line, row.cells)
    }

    /// The fields of a delimited file's record.
    pub(crate) fn from_record(line: usize, record: &'a Record<'a>, columns: &'a [Option<usize>]) -> Fields<'a> {
        Fields { sheet: "", line, source: Source::Record { record, columns } }
    }

    /// The sheet the row is on (`""` for a delimited file).
    pub fn sheet(&self) -> &'a str {
        self.sheet
    }

    /// The 1-based row number in the sheet or file where the row starts (header and title rows counted); 0 for a
    /// row of a later part of a file read in parts, whose lines are not known ([`read_table_parts`]).
    ///
    /// [`read_table_parts`]: super::read_table_parts
    pub fn line(&self) -> usize {
        self.line
    }

    /// The field's text as the file holds it (untrimmed; a workbook's numbers, dates and booleans as
    /// [`Cell::text`] gives them), `None` when the field is empty or was not found.
    fn raw(&self, field: usize) -> Option<Cow<'a, str>> {
        match self.source {
            Source::Cells(cells) => match cells.get(field)? {
                Cell::Text(s) | Cell::Error(s) => (!s.is_empty()).then_some(Cow::Borrowed(s.as_str())),
                other => other.text(),
            },
            Source::Record { record, columns } => record.text((*columns.get(field)?)?),
        }
    }

    /// The field's value as trimmed text, `None` when blank: [`Cell::text`] of [`Fields::cell`].
    #[inline]
    pub fn text(&self, field: usize) -> Option<Cow<'a, str>> {
        if let Source::Cells(cells) = self.source {
            return cells.get(field).and_then(Cell::text);
        }
        match self.raw(field)? {
            Cow::Borrowed(s) => Some(Cow::Borrowed(trim(s))).filter(|t| !t.is_empty()),
            Cow::Owned(s) => {
                let t = trim(&s);
                (!t.is_empty()).then(|| Cow::Owned(t.to_string()))
            }
        }
    }

    /// Whether the field holds nothing (empty, absent, or only spaces): [`Cell::is_blank`] of [`Fields::cell`].
    pub fn is_blank(&self, field: usize) -> bool {
        match self.source {
            Source::Cells(cells) => cells.get(field).is_none_or(Cell::is_blank),
            // ASCII bytes are blank when all are white space (as `char::is_whitespace` has it); others are looked at
            // as text (a no-break space, say).
            Source::Record { .. } => match self.file_bytes(field) {
                Some(bytes) if bytes.is_ascii() => bytes.iter().all(is_ascii_space),
                _ => self.raw(field).is_none_or(|t| trim(&t).is_empty()),
            },
        }
    }

    /// The field's number: [`Cell::number`] of [`Fields::cell`].
    pub fn number(&self, field: usize) -> Option<f64> {
        match self.source {
            Source::Cells(cells) => cells.get(field).and_then(Cell::number),
            // The usual plain number straight from the bytes (its digits and point are ASCII in any encoding).
            Source::Record { .. } => {
                plain_decimal(self.file_bytes(field)?).or_else(|| parse_number_text(&self.raw(field)?))
            }
        }
    }

    /// The field's bytes as a delimited file holds them: untrimmed, undecoded, empty when the field is empty or
    /// was not found. `None` for a row of cells. Within one file equal bytes are equal text, so they can key what
    /// a value was found to mean, without making its text.
    ///
    /// ```
    /// use wres_wdes::read::{Cell, Fields};
    /// let cells = [Cell::Text("A".into())];
    /// assert_eq!(Fields::from_cells("Staff", 2, &cells).file_bytes(0), None);
    /// ```
    #[inline]
    pub fn file_bytes(&self, field: usize) -> Option<&'a [u8]> {
        match self.source {
            Source::Cells(_) => None,
            Source::Record { record, columns } => {
                Some(columns.get(field).copied().flatten().map_or(&[][..], |column| record.bytes(column)))
            }
        }
    }

    /// The field as a [`Cell`] (a copy): [`Cell::Empty`] when empty or not found; a delimited file's field is
    /// always text.
    pub fn cell(&self, field: usize) -> Cell {
        match self.source {
            Source::Cells(cells) => cells.get(field).cloned().unwrap_or(Cell::Empty),
            Source::Record { .. } => self.raw(field).map_or(Cell::Empty, |t| Cell::Text(t.into_owned())),
        }
    }

    /// Whether every field is blank (a blank row).
    pub(crate) fn all_blank(&self, count: usize) -> bool {
        (0..count).all(|field| self.is_blank(field))
    }
}

/// `str::trim`, without its work for the usual field that starts and ends with a visible ASCII character (no
/// ASCII byte above the space is white space).
#[inline]
fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| (b'!'..0x80).contains(b));
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The fast trim is `str::trim`.
        #[test]
        fn trim_is_str_trim(s in "[ \t\r\n\u{0b}\u{0c}\u{a0}\u{85}\u{2003}a~!é]{0,8}") {
            prop_assert_eq!(trim(&s), s.trim());
        }

        /// The fields of cells answer as the cells do.
        #[test]
        fn fields_of_cells_are_the_cells(text in "[ a1,.£é]{0,6}", n in -1e6f64..1e6) {
            let cells = [Cell::Text(text.clone()), Cell::Number(n), Cell::Empty];
            let row = Fields::from_cells("", 2, &cells);
            for (i, cell) in cells.iter().enumerate() {
                prop_assert_eq!(row.text(i), cell.text());
                prop_assert_eq!(row.is_blank(i), cell.is_blank());
                prop_assert_eq!(row.number(i), cell.number());
                prop_assert_eq!(&row.cell(i), cell);
            }
        }
    }
}
