//! A large delimited file read in parallel parts ([`super::read_table_parts`]).
//!
//! The header is found sequentially; the rest of the file is cut into contiguous parts, each starting just after
//! a `\n`, and each part is parsed on rayon's pool from its own file handle. A cut may fall inside a quoted field
//! spanning lines, where a part's parse would go wrong: so each part reads records until it reaches the next
//! part's start, and the cut is accepted only if a record of the part ends exactly there, or only line breaks lie
//! between the last record that ends before it and it (the parser skips those as empty lines, so the next part
//! starts at a record boundary too). As the first part starts at a record boundary (after the header), every part
//! accepted reads exactly the records a sequential read sees in its range. If any cut is wrong, the parts are
//! thrown away and the data are read again as one part.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::delimited::{count_newlines, CsvFile, CsvSource};
use super::table::{self, Counts, Streamer};
use super::{guard, header, Format, Row, TableInfo, TableRequest};
use crate::error::{Error, Result};

/// Parts are at least this big: below it, the work of a part does not pay for starting it.
const MIN_PART_BYTES: u64 = 4 << 20;
/// Parts per thread of rayon's pool, so that a slow part does not leave the other threads idle.
const PARTS_PER_THREAD: usize = 4;
/// At most this many parts when the part size is given (tests).
const MAX_PARTS: u64 = 256;

/// The callback of [`super::read_table_parts`].
pub(crate) type OnRow<'a, S> = &'a (dyn Fn(&mut S, &Row<'_>) -> Result<()> + Sync);

/// Opens a delimited file and finds its header row: the file, the source positioned just after the header, and
/// the header. Errors as [`super::read_table`] gives them.
pub(crate) fn open_header(request: &TableRequest<'_>, head: &[u8]) -> Result<(CsvFile, CsvSource, table::Header)> {
    let path = request.path;
    let file = CsvFile::open(path, head)?;
    let mut source = file.source()?;
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
            return Err(
                Error::data(format!("{where_}, row {}: {message}", c.line)).with_hint(header::column_hint(missing))
            );
        }
        table::Scan::NotFound(None) => {
            return Err(Error::data(format!("{where_}: holds no rows (only blank lines)")));
        }
    };
    Ok((file, source, found))
}

/// What was found in a delimited file.
pub(crate) fn info(path: &Path, found: table::Header, counts: Counts) -> TableInfo {
    TableInfo {
        path: path.to_path_buf(),
        format: Format::Csv,
        sheets: vec![String::new()],
        header_row: found.line,
        columns: found.matches,
        headers: found.headers,
        rows_read: counts.rows_read,
        blank_rows: counts.blank_rows,
    }
}

/// Streams every row of a delimited file after `after_line` (the source being just after the header) to `on_row`,
/// as [`table::stream_rows`] does, taking the kept fields' text straight from the records.
pub(crate) fn stream(
    source: &mut CsvSource,
    columns: &[Option<usize>],
    after_line: usize,
    on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>,
) -> Result<Counts> {
    let mut streamer = Streamer::new(columns, after_line);
    while let Some((line, last_line)) = source.next_record()? {
        let record = source.record();
        streamer.push_record(line, last_line, |columns, cells, spare| record.fill(columns, cells, spare), on_row)?;
    }
    Ok(streamer.counts)
}

/// Reads a delimited file in parts. `part_bytes` sets the part size (tests); `None` chooses it from the file's
/// size and rayon's threads.
pub(crate) fn read_delimited_parts<S: Send>(
    request: &TableRequest<'_>,
    head: &[u8],
    part_bytes: Option<u64>,
    init: &(dyn Fn() -> S + Sync),
    on_row: OnRow<'_, S>,
) -> Result<(TableInfo, Vec<S>)> {
    let path = request.path;
    let (file, mut source, found) = open_header(request, head)?;
    let data_start = source.end();
    let lines_before_data = source.newlines();
    let len =
        std::fs::metadata(path).map_err(|e| Error::io(format!("{}: could not be read: {e}", path.display())))?.len();
    let region = len.saturating_sub(data_start);
    let count = match part_bytes {
        _ if !file.splittable() || region == 0 => 1,
        Some(bytes) => region.div_ceil(bytes.max(1)).min(MAX_PARTS),
        None if rayon::current_num_threads() < 2 => 1,
        None => (region / MIN_PART_BYTES).min((rayon::current_num_threads() * PARTS_PER_THREAD) as u64),
    };
    let parts = if count > 1 { cut(path, data_start, len, lines_before_data, count)? } else { Vec::new() };
    if parts.is_empty() {
        // One part, the sequential read.
        let mut state = init();
        let counts = stream(&mut source, &found.columns, found.last_line, &mut |row| on_row(&mut state, row))?;
        return Ok((info(path, found, counts), vec![state]));
    }

    let mut first = Some(source);
    let tasks: Vec<Task> = parts
        .iter()
        .enumerate()
        .map(|(index, cut)| Task {
            index,
            start: cut.start,
            lines_before: cut.lines_before,
            next: parts.get(index + 1).map(|next| (next.start, next.lines_before)),
            // The first part goes on from the header's source.
            source: if index == 0 { first.take() } else { None },
            after_line: if index == 0 { found.last_line } else { cut.lines_before as usize },
        })
        .collect();
    // Parts after this one need not finish: an earlier one failed or was cut wrongly.
    let stop_after = AtomicUsize::new(usize::MAX);
    let columns = &found.columns;
    let outcomes: Vec<Result<Outcome<S>>> = tasks
        .into_par_iter()
        .map(|task| {
            let index = task.index;
            let outcome = guard::catching(path, || read_part(&file, task, columns, init, on_row, &stop_after));
            if !matches!(outcome, Ok(Outcome::Done { valid: true, .. })) {
                stop_after.fetch_min(index, Ordering::Relaxed);
            }
            outcome
        })
        .collect();

    // In file order: the first error is the one a sequential read meets first (every part before it being right).
    let mut states = Vec::with_capacity(outcomes.len());
    let mut counts = Counts::default();
    let mut pending_blank = 0;
    let mut all_valid = true;
    for outcome in outcomes {
        match outcome? {
            Outcome::Done { state, counts: part, trailing_blank, valid: true } => {
                if part.rows_read > 0 {
                    counts.rows_read += part.rows_read;
                    counts.blank_rows += pending_blank + part.blank_rows;
                    pending_blank = trailing_blank;
                } else {
                    pending_blank += trailing_blank;
                }
                states.push(state);
            }
            Outcome::Done { valid: false, .. } | Outcome::Stopped => {
                all_valid = false;
                break;
            }
        }
    }
    if all_valid {
        return Ok((info(path, found, counts), states));
    }
    // A cut fell inside a quoted field: everything again, as one part.
    drop(states);
    let mut source = file.source_at(data_start, lines_before_data)?;
    let mut state = init();
    let counts = stream(&mut source, &found.columns, found.last_line, &mut |row| on_row(&mut state, row))?;
    Ok((info(path, found, counts), vec![state]))
}

/// Where a part starts.
#[derive(Debug, Clone, Copy)]
struct Cut {
    /// Its first byte.
    start: u64,
    /// The `\n` bytes before it.
    lines_before: u64,
}

/// Cuts the data (from `data_start` to `len`) into about `count` parts, each after the first starting just after
/// a `\n`: the file is scanned in `count` ranges in parallel, counting line breaks (for the parts' line numbers)
/// and finding the first in each range. A range holding none joins the part before.
fn cut(path: &Path, data_start: u64, len: u64, lines_before_data: u64, count: u64) -> Result<Vec<Cut>> {
    let region = len - data_start;
    let bounds: Vec<u64> =
        (0..=count).map(|i| data_start + (u128::from(region) * u128::from(i) / u128::from(count)) as u64).collect();
    let ranges: Vec<(u64, u64)> = bounds.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))).collect();
    let scans: Vec<std::io::Result<(u64, Option<u64>)>> =
        ranges.par_iter().map(|&(from, to)| scan_range(path, from, to)).collect();
    let mut cuts = vec![Cut { start: data_start, lines_before: lines_before_data }];
    let mut lines = lines_before_data;
    for (index, scan) in scans.into_iter().enumerate() {
        let (newlines, first) = scan.map_err(|e| Error::io(format!("{}: could not be read: {e}", path.display())))?;
        if let Some(at) = first.filter(|_| index > 0) {
            let start = at + 1;
            if start < len {
                cuts.push(Cut { start, lines_before: lines + 1 });
            }
        }
        lines += newlines;
    }
    Ok(if cuts.len() > 1 { cuts } else { Vec::new() })
}

/// The `\n` bytes from `from` to `to`, and the offset of the first.
fn scan_range(path: &Path, from: u64, to: u64) -> std::io::Result<(u64, Option<u64>)> {
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(from))?;
    let mut reader = file.take(to - from);
    let mut buf = vec![0u8; 1 << 18];
    let (mut newlines, mut first, mut offset) = (0u64, None, from);
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let chunk = buf.get(..n).unwrap_or(&[]);
        if first.is_none() {
            first = memchr::memchr(b'\n', chunk).map(|i| offset + i as u64);
        }
        newlines += count_newlines(chunk);
        offset += n as u64;
    }
    Ok((newlines, first))
}

/// One part to read.
struct Task {
    index: usize,
    start: u64,
    lines_before: u64,
    /// The next part's start and the `\n` bytes before it; `None` for the last part (read to the end).
    next: Option<(u64, u64)>,
    /// The source, when it is already open at `start` (the first part).
    source: Option<CsvSource>,
    /// The line before the part's first row.
    after_line: usize,
}

/// What reading a part gave.
enum Outcome<S> {
    /// The part was read: its state, counts, blank rows after its last non-blank row (to its end), and whether
    /// it ended where the next part starts.
    Done { state: S, counts: Counts, trailing_blank: u64, valid: bool },
    /// Stopped early: an earlier part failed.
    Stopped,
}

fn read_part<S>(
    file: &CsvFile,
    task: Task,
    columns: &[Option<usize>],
    init: &(dyn Fn() -> S + Sync),
    on_row: OnRow<'_, S>,
    stop_after: &AtomicUsize,
) -> Result<Outcome<S>> {
    let mut source = match task.source {
        Some(source) => source,
        None => file.source_at(task.start, task.lines_before)?,
    };
    let limit = task.next.map(|(start, _)| start);
    let mut state = init();
    let mut streamer = Streamer::new(columns, task.after_line);
    let mut last_end = task.start;
    let mut overshot = false;
    let mut on_part_row = |row: &Row<'_>| on_row(&mut state, row);
    while let Some((line, last_line)) = source.next_record()? {
        let end = source.end();
        if limit.is_some_and(|limit| end > limit) {
            // This record belongs to the next part (if the cut is right).
            overshot = true;
            break;
        }
        let record = source.record();
        streamer.push_record(
            line,
            last_line,
            |columns, cells, spare| record.fill(columns, cells, spare),
            &mut on_part_row,
        )?;
        last_end = end;
        if limit == Some(end) {
            break;
        }
        if stop_after.load(Ordering::Relaxed) < task.index {
            return Ok(Outcome::Stopped);
        }
    }
    let (valid, trailing_blank) = match task.next {
        None => (true, 0),
        Some((next, lines)) => {
            let valid = last_end == next || (overshot && file.only_line_breaks(last_end, next)?);
            (valid, streamer.trailing_blank(lines as usize))
        }
    };
    Ok(Outcome::Done { state, counts: streamer.counts, trailing_blank, valid })
}
