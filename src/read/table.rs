//! The row pipeline shared by every format: a [`RowSource`] yields sparse rows; this finds the header row among the
//! first rows, matches the columns, and streams the data rows below it to the caller, counting blank rows.

use super::delimited::Record;
use super::header::{self, Matching};
use super::{Cell, ColumnMatch, Fields, Row, TableRequest};
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

/// Searches the first [`HEADER_SEARCH_ROWS`] non-blank rows for the first that holds every required field and
/// names no fewer fields than an earlier row (else that earlier row is the header, a required column missing).
/// An ambiguous column, or an override naming a missing header, in that row is an error (`where_` prefixes it;
/// the hint names the config section of `request`'s input kind).
pub(crate) fn find_header(source: &mut dyn RowSource, request: &TableRequest<'_>, where_: &str) -> Result<Scan> {
    let (fields, overrides) = (request.fields, request.overrides);
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
        // An earlier row that names more of the fields is the header, lacking a required column: this row only
        // holds a value that reads like a header name (an outcome column's "Appointed").
        if best.as_ref().is_some_and(|(_, any, _)| *any > matching.any_found()) && matching.holds_required(fields) {
            break;
        }
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
                        .with_hint(header::column_hint(field, request.prefer_sheet)))
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
    let mut streamer = Streamer::new(columns, after_line);
    let mut row = RawRow::default();
    while source.next_row(&|c| streamer.keeps(c), &mut row)? {
        streamer.push(&mut row, sheet, on_row)?;
    }
    counts.rows_read += streamer.counts.rows_read;
    counts.blank_rows += streamer.counts.blank_rows;
    Ok(())
}

/// Turns a source's rows into the rows handed to the caller: the cells of the requested fields, in field order,
/// skipping and counting blank rows.
pub(crate) struct Streamer {
    /// The column of each field.
    columns: Vec<Option<usize>>,
    /// For each column up to the last kept one: the fields it feeds, as a range of `fields`.
    by_column: Vec<(usize, usize)>,
    /// Field indexes, grouped by column (a column may feed two fields).
    fields: Vec<usize>,
    cells: Vec<Cell>,
    filled: Vec<bool>,
    /// A text buffer per field, kept while its cell is empty.
    spare: Vec<String>,
    /// The last line of the last row seen.
    previous_last: usize,
    /// Blank rows since the last non-blank row.
    pending_blank: u64,
    /// Rows handed on, and blank rows between them (and before the first).
    pub counts: Counts,
}

impl Streamer {
    /// A streamer for rows below line `after_line`, with the column of each field (`None`: not found).
    pub(crate) fn new(columns: &[Option<usize>], after_line: usize) -> Streamer {
        let mut wanted: Vec<(usize, usize)> =
            columns.iter().enumerate().filter_map(|(field, col)| col.map(|c| (c, field))).collect();
        wanted.sort_unstable();
        let mut by_column = vec![(0, 0); wanted.last().map_or(0, |(c, _)| c + 1)];
        for (i, (c, _)) in wanted.iter().enumerate() {
            if let Some(range) = by_column.get_mut(*c) {
                *range = if range.0 == range.1 { (i, i + 1) } else { (range.0, i + 1) };
            }
        }
        Streamer {
            columns: columns.to_vec(),
            by_column,
            fields: wanted.iter().map(|(_, f)| *f).collect(),
            cells: vec![Cell::Empty; columns.len()],
            filled: vec![false; columns.len()],
            spare: vec![String::new(); columns.len()],
            previous_last: after_line,
            pending_blank: 0,
            counts: Counts::default(),
        }
    }

    /// Whether column `column` feeds a field.
    pub(crate) fn keeps(&self, column: usize) -> bool {
        self.by_column.get(column).is_some_and(|(start, end)| start < end)
    }

    /// Takes the next row from the source: hands it to `on_row` unless it is blank.
    pub(crate) fn push(
        &mut self,
        row: &mut RawRow,
        sheet: &str,
        on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        // Each field's cell is swapped in from the row (its old buffer goes back to the row's pool); a column
        // feeding a second field is copied.
        self.filled.iter_mut().for_each(|f| *f = false);
        for (col, cell) in row.pool.iter_mut().take(row.len) {
            let Some(&(start, end)) = self.by_column.get(*col) else { continue };
            let Some((&first, others)) = self.fields.get(start..end).and_then(<[usize]>::split_first) else {
                continue;
            };
            for &field in others {
                if let (Some(slot), Some(flag)) = (self.cells.get_mut(field), self.filled.get_mut(field)) {
                    slot.clone_from(cell);
                    *flag = true;
                }
            }
            if let (Some(slot), Some(flag)) = (self.cells.get_mut(first), self.filled.get_mut(first)) {
                std::mem::swap(slot, cell);
                *flag = true;
            }
        }
        for (slot, _) in self.cells.iter_mut().zip(&self.filled).filter(|(_, f)| !**f) {
            *slot = Cell::Empty;
        }
        self.hand_on(row.line, row.last_line, sheet, on_row)
    }

    /// Like [`Streamer::push`], for a row on lines `line` to `last_line` whose cells `fill` sets in place (given
    /// the column of each field, the cells and a spare text buffer per field): a delimited file's record, with no
    /// copy in between.
    pub(crate) fn push_record(
        &mut self,
        line: usize,
        last_line: usize,
        fill: impl FnOnce(&[Option<usize>], &mut [Cell], &mut [String]),
        on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        fill(&self.columns, &mut self.cells, &mut self.spare);
        self.hand_on(line, last_line, "", on_row)
    }

    /// Like [`Streamer::push_record`], handing the record on as [`Fields`] borrowed from it: no text is copied.
    pub(crate) fn push_fields(
        &mut self,
        line: usize,
        last_line: usize,
        record: &Record<'_>,
        on_row: &mut dyn FnMut(&Fields<'_>) -> Result<()>,
    ) -> Result<()> {
        self.push_fields_lines(line, last_line, true, record, on_row)
    }

    /// [`Streamer::push_fields`] for a record whose lines are counted from some point (the start of a part of the
    /// file): they serve for counting blank rows, and the row is handed on with its line only when `known`
    /// (else 0).
    pub(crate) fn push_fields_lines(
        &mut self,
        line: usize,
        last_line: usize,
        known: bool,
        record: &Record<'_>,
        on_row: &mut dyn FnMut(&Fields<'_>) -> Result<()>,
    ) -> Result<()> {
        let shown = if known { line } else { 0 };
        let blank = Fields::from_record(shown, record, &self.columns).all_blank(self.columns.len());
        if self.counts_in(line, last_line, blank) {
            on_row(&Fields::from_record(shown, record, &self.columns))?;
        }
        Ok(())
    }

    /// Counts the row (on lines `line` to `last_line`) whose cells are in `self.cells`, and hands it to `on_row`
    /// unless it is blank.
    fn hand_on(
        &mut self,
        line: usize,
        last_line: usize,
        sheet: &str,
        on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>,
    ) -> Result<()> {
        let blank = self.cells.iter().all(Cell::is_blank);
        if self.counts_in(line, last_line, blank) {
            on_row(&Row { sheet, line, cells: &self.cells })?;
        }
        Ok(())
    }

    /// Counts a row on lines `line` to `last_line`, and the blank lines before it: whether it is handed on (it is
    /// not `blank`).
    fn counts_in(&mut self, line: usize, last_line: usize, blank: bool) -> bool {
        self.pending_blank += line.saturating_sub(self.previous_last.saturating_add(1)) as u64;
        self.previous_last = self.previous_last.max(last_line);
        if blank {
            self.pending_blank += 1;
            return false;
        }
        self.counts.blank_rows += self.pending_blank;
        self.pending_blank = 0;
        self.counts.rows_read += 1;
        true
    }

    /// The blank rows after the last non-blank row, through line `through`: not counted in [`Streamer::counts`],
    /// as they are trailing unless a non-blank row comes later (in a later part of the file).
    pub(crate) fn trailing_blank(&self, through: usize) -> u64 {
        self.pending_blank + through.saturating_sub(self.previous_last) as u64
    }
}
