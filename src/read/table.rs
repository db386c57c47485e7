//! The row pipeline shared by every format: a [`RowSource`] yields sparse rows; this finds the header row among the
//! first rows, matches the columns, and streams the data rows below it to the caller, counting blank rows.

use std::collections::BTreeMap;

use super::header::{self, Matching};
use super::{Cell, ColumnMatch, FieldSpec, Row};
use crate::error::Result;

/// How many rows holding anything are searched for the header row.
pub(crate) const HEADER_SEARCH_ROWS: usize = 20;

/// One row as a source yields it: the cells that hold something (or were kept), by 0-based column.
///
/// The cells live in a pool reused from row to row: a text cell pushed where an earlier row had one reuses that
/// string's buffer, so streaming a sheet allocates per row only while the buffers grow.
#[derive(Debug, Default)]
pub(crate) struct RawRow {
    /// The 1-based row (line) number where the row starts.
    pub line: usize,
    /// The 1-based row (line) number where it ends (a quoted CSV field can span lines).
    pub last_line: usize,
    /// `(column, cell)`, in column order: the first `len` are this row's, the rest are spare buffers.
    pool: Vec<(usize, Cell)>,
    len: usize,
}

impl RawRow {
    /// Empties the row (keeping the buffers).
    pub(crate) fn clear(&mut self) {
        self.len = 0;
    }

    /// This row's `(column, cell)` pairs, in column order.
    pub(crate) fn cells(&self) -> &[(usize, Cell)] {
        self.pool.get(..self.len).unwrap_or(&[])
    }

    /// Adds a cell.
    pub(crate) fn push(&mut self, column: usize, cell: Cell) {
        match self.pool.get_mut(self.len) {
            Some(slot) => *slot = (column, cell),
            None => self.pool.push((column, cell)),
        }
        self.len += 1;
    }

    /// Adds a text cell, reusing a spare string buffer when there is one.
    pub(crate) fn push_text(&mut self, column: usize, text: &str) {
        match self.pool.get_mut(self.len) {
            Some((c, Cell::Text(s))) => {
                *c = column;
                s.clear();
                s.push_str(text);
                self.len += 1;
            }
            _ => self.push(column, Cell::Text(text.to_owned())),
        }
    }

    fn is_blank(&self) -> bool {
        self.cells().iter().all(|(_, c)| c.is_blank())
    }

    /// The header texts by column (trimmed; empty for empty cells), without trailing empty ones.
    fn header_texts(&self) -> Vec<String> {
        let width = self.cells().iter().filter(|(_, c)| !c.is_blank()).map(|(i, _)| i + 1).max().unwrap_or(0);
        let mut headers = vec![String::new(); width];
        for (i, cell) in self.cells() {
            if let (Some(slot), Some(text)) = (headers.get_mut(*i), cell.text()) {
                *slot = text.into_owned();
            }
        }
        headers
    }
}

/// A sheet or file, row by row.
pub(crate) trait RowSource {
    /// Reads the next row into `row`, keeping only the cells of columns `keep` accepts. Rows with no cells at all
    /// may be skipped (their numbers then jump). Returns false at the end.
    fn next_row(&mut self, keep: &dyn Fn(usize) -> bool, row: &mut RawRow) -> Result<bool>;
}

/// The header row found, and the column of each field.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// The 1-based row of the header.
    pub line: usize,
    /// Its last line (the same unless a CSV header spans lines).
    pub last_line: usize,
    /// Every header text by column.
    pub headers: Vec<String>,
    /// The column of each requested field.
    pub columns: Vec<Option<usize>>,
    /// The matches, for [`super::TableInfo::columns`].
    pub matches: Vec<ColumnMatch>,
}

/// The row that came closest to being a header, for the "missing column" message.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Its 1-based row.
    pub line: usize,
    /// Its headers.
    pub headers: Vec<String>,
    /// How the fields matched it.
    pub matching: Matching,
}

/// What the header search found.
#[derive(Debug)]
pub(crate) enum Scan {
    /// A header row with every required field.
    Found(Header),
    /// None: the closest row, or `None` when nothing at all was in the first rows.
    NotFound(Option<Candidate>),
}

/// Where a message is about: the file, and the sheet for spreadsheets.
pub(crate) fn place(path: &std::path::Path, sheet: &str) -> String {
    if sheet.is_empty() {
        path.display().to_string()
    } else {
        format!("{}, sheet '{sheet}'", path.display())
    }
}

/// Searches the first [`HEADER_SEARCH_ROWS`] non-blank rows for the first that holds every required field.
/// An ambiguous column, or an override naming a missing header, in that row is an error (`where_` prefixes it).
pub(crate) fn find_header(
    source: &mut dyn RowSource,
    fields: &[FieldSpec],
    overrides: &BTreeMap<String, String>,
    where_: &str,
) -> Result<Scan> {
    let mut row = RawRow::default();
    let mut seen = 0;
    let mut best: Option<(usize, usize, Candidate)> = None;
    while seen < HEADER_SEARCH_ROWS && source.next_row(&|_| true, &mut row)? {
        if row.is_blank() {
            continue;
        }
        seen += 1;
        let headers = row.header_texts();
        let matching = header::match_fields(&headers, fields, overrides);
        if matching.holds_required(fields) {
            return match matching.resolve(&headers, fields, overrides) {
                Ok((columns, matches)) => {
                    Ok(Scan::Found(Header { line: row.line, last_line: row.last_line, headers, columns, matches }))
                }
                Err(problem) => {
                    let field = matching
                        .fields
                        .iter()
                        .zip(fields)
                        .find(|(m, _)| !matches!(m, header::FieldMatch::Found(_)))
                        .map(|(_, f)| f.name);
                    Err(crate::error::Error::data(format!("{where_}, row {}: {problem}", row.line))
                        .with_hint(header::column_hint(field)))
                }
            };
        }
        let score = (matching.required_found(fields), matching.any_found());
        let better = match &best {
            Some((r, a, _)) => score > (*r, *a),
            None => true,
        };
        if better {
            best = Some((score.0, score.1, Candidate { line: row.line, headers, matching }));
        }
    }
    Ok(Scan::NotFound(best.map(|(_, _, c)| c)))
}

/// Searches the first rows of a later sheet for a header row identical to `headers` (a continuation sheet).
/// Returns its last line.
pub(crate) fn find_same_header(source: &mut dyn RowSource, headers: &[String]) -> Result<Option<usize>> {
    let mut row = RawRow::default();
    let mut seen = 0;
    while seen < HEADER_SEARCH_ROWS && source.next_row(&|_| true, &mut row)? {
        if row.is_blank() {
            continue;
        }
        seen += 1;
        if row.header_texts() == headers {
            return Ok(Some(row.last_line));
        }
    }
    Ok(None)
}

/// Counts of rows streamed.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Counts {
    /// Non-blank rows handed to the callback.
    pub rows_read: u64,
    /// Blank rows between the header and the last non-blank row.
    pub blank_rows: u64,
}

/// Streams every row after `after_line` to `on_row` with the cells of the requested fields; blank rows (and
/// missing row numbers) between non-blank rows are counted, trailing ones are not.
pub(crate) fn stream_rows(
    source: &mut dyn RowSource,
    sheet: &str,
    columns: &[Option<usize>],
    after_line: usize,
    counts: &mut Counts,
    on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>,
) -> Result<()> {
    // (column, field) pairs, sorted by column: a column may feed two fields.
    let mut wanted: Vec<(usize, usize)> =
        columns.iter().enumerate().filter_map(|(field, col)| col.map(|c| (c, field))).collect();
    wanted.sort_unstable();
    let mut kept_columns = vec![false; wanted.last().map_or(0, |(c, _)| c + 1)];
    for (c, _) in &wanted {
        if let Some(k) = kept_columns.get_mut(*c) {
            *k = true;
        }
    }
    let keep = |c: usize| kept_columns.get(c).copied().unwrap_or(false);
    let mut row = RawRow::default();
    let mut cells = vec![Cell::Empty; columns.len()];
    let mut filled = vec![false; columns.len()];
    let mut previous_last = after_line;
    let mut pending_blank: u64 = 0;
    while source.next_row(&keep, &mut row)? {
        pending_blank += row.line.saturating_sub(previous_last.saturating_add(1)) as u64;
        previous_last = previous_last.max(row.last_line);
        // Each field's cell is swapped in from the row (its old buffer goes back to the row's pool); a column
        // feeding a second field is copied.
        filled.iter_mut().for_each(|f| *f = false);
        for (col, cell) in row.pool.iter_mut().take(row.len) {
            let mut fields = wanted.iter().filter(|(c, _)| *c == *col).map(|(_, f)| *f);
            let Some(first) = fields.next() else { continue };
            for field in fields {
                if let (Some(slot), Some(flag)) = (cells.get_mut(field), filled.get_mut(field)) {
                    slot.clone_from(cell);
                    *flag = true;
                }
            }
            if let (Some(slot), Some(flag)) = (cells.get_mut(first), filled.get_mut(first)) {
                std::mem::swap(slot, cell);
                *flag = true;
            }
        }
        for (slot, _) in cells.iter_mut().zip(&filled).filter(|(_, f)| !**f) {
            *slot = Cell::Empty;
        }
        if cells.iter().all(Cell::is_blank) {
            pending_blank += 1;
            continue;
        }
        counts.blank_rows += pending_blank;
        pending_blank = 0;
        counts.rows_read += 1;
        on_row(&Row { sheet, line: row.line, cells: &cells })?;
    }
    Ok(())
}
