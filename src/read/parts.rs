//! A large delimited file read in parallel parts ([`super::read_table_parts`]).
//!
//! The header is found sequentially; then the rest of the file is cut into contiguous parts, each starting just
//! after the first `\n` at or after an even share of the file (found by a small read there), each parsed on
//! rayon's pool from its own file handle. Nothing reads the whole file first: each part counts its own lines (so
//! only the first part knows the lines of its rows), and the encoding is taken from the file's first bytes, a file
//! that looks UTF-8 there being checked by every part as it reads.
//!
//! A cut may fall inside a quoted field spanning lines, where a part's parse would go wrong: so each part reads
//! records until it reaches the next part's start, and the cut is accepted only if a record of the part ends
//! exactly there, or only line breaks lie between the last record that ends before it and it (the parser skips
//! those as empty lines, so the next part starts at a record boundary too). As the first part starts at a record
//! boundary (after the header), every part accepted reads exactly the records a sequential read sees in its range.
//! If any cut is wrong, or a part meets bytes that are not UTF-8 in a file taken for UTF-8, or a part fails in such
//! a file, the parts are thrown away and the file is read again sequentially (its encoding found from all of it).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::delimited::{CsvFile, CsvSource};
use super::table::{self, Counts, Streamer};
use super::{guard, header, text, Fields, Format, Row, TableInfo, TableRequest};
use crate::error::{Error, Result};

/// Parts are at least this big: below it, the work of a part does not pay for starting it.
const MIN_PART_BYTES: u64 = 4 << 20;
/// Parts per thread of rayon's pool, so that the last parts are short and a thread that was busy elsewhere (with the
/// digest, say) does not leave the others idle at the end (16 rather than 4: 0.95x the wall time of a national CSV).
const PARTS_PER_THREAD: usize = 16;
/// At most this many parts when the part size is given (tests).
const MAX_PARTS: u64 = 256;

/// The callback of [`super::read_table_parts`].
pub(crate) type OnRow<'a, S> = &'a (dyn Fn(&mut S, &Fields<'_>) -> Result<()> + Sync);

/// Finds the header row of a delimited file: the file, the source positioned just after the header, and the
/// header. Errors as [`super::read_table`] gives them.
pub(crate) fn open_header(request: &TableRequest<'_>, file: CsvFile) -> Result<(CsvFile, CsvSource, table::Header)> {
    let path = request.path;
    let mut source = file.source()?;
    let where_ = path.display().to_string();
    let found = match table::find_header(&mut source, request, &where_)? {
        table::Scan::Found(h) => h,
        table::Scan::NotFound(Some(c)) => {
            let message = c.matching.missing_message(&c.headers, request.fields, request.overrides);
            let missing = c.matching.first_missing_required(request.fields);
            return Err(Error::data(format!("{where_}, row {}: {message}", c.line))
                .with_hint(header::column_hint(missing, request.prefer_sheet)));
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
        let record = source.record()?;
        streamer.push_record(line, last_line, |columns, cells, spare| record.fill(columns, cells, spare), on_row)?;
    }
    Ok(streamer.counts)
}

/// [`stream`], handing each row on as [`Fields`] borrowed from the record.
fn stream_fields(
    source: &mut CsvSource,
    columns: &[Option<usize>],
    after_line: usize,
    on_row: &mut dyn FnMut(&Fields<'_>) -> Result<()>,
) -> Result<Counts> {
    let mut streamer = Streamer::new(columns, after_line);
    while let Some((line, last_line)) = source.next_record()? {
        streamer.push_fields(line, last_line, &source.record()?, on_row)?;
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
    let io_err = |e: std::io::Error| Error::io(format!("{}: could not be read: {e}", path.display()));
    let len = std::fs::metadata(path).map_err(io_err)?.len();
    let count = match part_bytes {
        // UTF-16 is decoded as it is read: no offset in the file is known for a row.
        _ if text::utf16(head).is_some() => 1,
        Some(bytes) => len.div_ceil(bytes.max(1)).min(MAX_PARTS),
        None if rayon::current_num_threads() < 2 => 1,
        None => (len / MIN_PART_BYTES).min((rayon::current_num_threads() * PARTS_PER_THREAD) as u64),
    };
    if count < 2 {
        return sequential(request, head, init, on_row);
    }
    // The encoding from the first bytes: Windows-1252 when they are not UTF-8, else UTF-8 as far as they tell,
    // the parts checking the rest as they read it (so nothing reads the whole file before the parts start).
    let (file, checked) = match text::from_head(head) {
        Some(encoding) => (CsvFile::open_as(path, encoding)?, false),
        None => (CsvFile::open_as(path, text::from_validity(head, true))?.checking_utf8(), true),
    };
    let (file, source, found) = match open_header(request, file) {
        Ok(opened) if !opened.1.not_utf8() => opened,
        // Not UTF-8 after all, or an error the file's true encoding might not give.
        _ if checked => return sequential(request, head, init, on_row),
        other => other?,
    };
    let data_start = source.end();
    let starts = cut_points(path, data_start, len, count).map_err(io_err)?;

    let mut first = Some(source);
    let tasks: Vec<Task> = std::iter::once(data_start)
        .chain(starts.iter().copied())
        .enumerate()
        .map(|(index, start)| Task {
            index,
            start,
            next: starts.get(index).copied(),
            // The first part goes on from the header's source, its lines known.
            source: if index == 0 { first.take() } else { None },
            after_line: if index == 0 { found.last_line } else { 0 },
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
    let not_utf8 = outcomes.iter().any(|o| matches!(o, Ok(Outcome::Done { not_utf8: true, .. })));
    if not_utf8 || (checked && outcomes.iter().any(|o| o.is_err())) {
        drop(outcomes);
        return sequential(request, head, init, on_row);
    }

    // In file order: the first error is the one a sequential read meets first (every part before it being right).
    let mut states = Vec::with_capacity(outcomes.len());
    let mut counts = Counts::default();
    let mut pending_blank = 0;
    for outcome in outcomes {
        match outcome? {
            Outcome::Done { state, counts: part, trailing_blank, valid: true, .. } => {
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
                // A cut fell inside a quoted field: everything again, as one part.
                drop(states);
                return sequential(request, head, init, on_row);
            }
        }
    }
    Ok((info(path, found, counts), states))
}

/// The file read as one part, from its start: its encoding found from all of it, every row's line known.
fn sequential<S>(
    request: &TableRequest<'_>,
    head: &[u8],
    init: &(dyn Fn() -> S + Sync),
    on_row: OnRow<'_, S>,
) -> Result<(TableInfo, Vec<S>)> {
    let (_, mut source, found) = open_header(request, CsvFile::open(request.path, head)?)?;
    let mut state = init();
    let counts = stream_fields(&mut source, &found.columns, found.last_line, &mut |row| on_row(&mut state, row))?;
    Ok((info(request.path, found, counts), vec![state]))
}

/// Where the parts after the first start: just after the first `\n` at or after each of `count - 1` even shares
/// of the file's `len` bytes (and after `data_start`, where the first starts), in increasing order, each before the
/// end. Found by reading a little at each share (more only while no `\n` comes).
fn cut_points(path: &Path, data_start: u64, len: u64, count: u64) -> std::io::Result<Vec<u64>> {
    let mut starts: Vec<u64> = Vec::new();
    let mut file = File::open(path)?;
    let mut buf = vec![0u8; 1 << 14];
    for i in 1..count {
        let share = (u128::from(len) * u128::from(i) / u128::from(count)) as u64;
        let mut at = share.max(data_start).max(starts.last().copied().unwrap_or(0));
        file.seek(SeekFrom::Start(at))?;
        let found = loop {
            let n = match file.read(&mut buf) {
                Ok(0) => break None,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if let Some(i) = memchr::memchr(b'\n', buf.get(..n).unwrap_or(&[])) {
                break Some(at + i as u64 + 1);
            }
            at += n as u64;
        };
        match found {
            Some(start) if start < len && start > starts.last().copied().unwrap_or(data_start) => starts.push(start),
            Some(_) => {}
            None => break,
        }
    }
    Ok(starts)
}

/// One part to read.
struct Task {
    index: usize,
    start: u64,
    /// The next part's start; `None` for the last part (read to the end).
    next: Option<u64>,
    /// The source, when it is already open at `start` (the first part, its lines counted from the file's start).
    source: Option<CsvSource>,
    /// The line before the part's first row (0 for a part whose lines are counted from its own start).
    after_line: usize,
}

/// What reading a part gave.
enum Outcome<S> {
    /// The part was read: its state, counts, blank rows after its last non-blank row (to its end), whether it
    /// ended where the next part starts, and whether it met bytes that are not UTF-8 (in a file taken for UTF-8).
    Done { state: S, counts: Counts, trailing_blank: u64, valid: bool, not_utf8: bool },
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
    // A part after the first counts lines from its own start: its rows' lines are not known (0).
    let (mut source, lines_known) = match task.source {
        Some(source) => (source, true),
        None => (file.source_at(task.start, 0)?, false),
    };
    let mut state = init();
    let mut streamer = Streamer::new(columns, task.after_line);
    let mut last_end = task.start;
    let mut newlines_at_last_end = source.newlines();
    let mut overshot = false;
    let mut on_part_row = |row: &Fields<'_>| on_row(&mut state, row);
    while let Some((line, last_line)) = source.next_record()? {
        let end = source.end();
        if task.next.is_some_and(|next| end > next) {
            // This record belongs to the next part (if the cut is right).
            overshot = true;
            break;
        }
        let record = source.record()?;
        streamer.push_fields_lines(line, last_line, lines_known, &record, &mut on_part_row)?;
        last_end = end;
        newlines_at_last_end = source.newlines();
        if task.next == Some(end) {
            break;
        }
        if stop_after.load(Ordering::Relaxed) < task.index {
            return Ok(Outcome::Stopped);
        }
    }
    let not_utf8 = source.not_utf8();
    let (valid, trailing_blank) = match task.next {
        _ if not_utf8 => (false, 0),
        None => (true, 0),
        Some(next) => {
            // The line breaks between the last record and the next part's start, skipped by the parser.
            let between = if last_end == next {
                Some(0)
            } else if overshot {
                file.only_line_breaks(last_end, next)?
            } else {
                None
            };
            match between {
                Some(newlines) => (true, streamer.trailing_blank((newlines_at_last_end + newlines) as usize)),
                None => (false, 0),
            }
        }
    };
    Ok(Outcome::Done { state, counts: streamer.counts, trailing_blank, valid, not_utf8 })
}
