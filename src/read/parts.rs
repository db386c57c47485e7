//! A large delimited file read in parallel parts ([`super::read_table_parts`]).
//!
//! First the whole file is scanned in parallel ranges: the `\n` bytes in each (so that each part knows the line
//! number it starts at), the first one in each (where the parts are cut), and whether the file is valid UTF-8
//! (its encoding, which a sequential pass would otherwise find). Then the header is found sequentially, and the
//! rest of the file is cut into contiguous parts, each starting just after a `\n`, each parsed on rayon's pool
//! from its own file handle. A cut may fall inside a quoted field
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
use super::{guard, header, text, Fields, Format, Row, TableInfo, TableRequest};
use crate::error::{Error, Result};

/// Parts are at least this big: below it, the work of a part does not pay for starting it.
const MIN_PART_BYTES: u64 = 4 << 20;
/// Parts per thread of rayon's pool, so that a slow part does not leave the other threads idle.
const PARTS_PER_THREAD: usize = 4;
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
    let found = match table::find_header(&mut source, request.fields, request.overrides, &where_)? {
        table::Scan::Found(h) => h,
        table::Scan::NotFound(Some(c)) => {
            let message = c.matching.missing_message(&c.headers, request.fields, request.overrides);
            let missing = c.matching.first_missing_required(request.fields);
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
    // The whole file is scanned in parallel ranges: line breaks (for the parts' line numbers), where to cut, and
    // whether it is UTF-8 (which the encoding's sniff would otherwise find in a sequential pass).
    let scan = if count > 1 { Some(scan(path, len, count).map_err(io_err)?) } else { None };
    let file = match scan.as_ref().and_then(|s| s.utf8) {
        Some(valid) => CsvFile::open_as(path, text::from_validity(head, valid))?,
        None => CsvFile::open(path, head)?,
    };
    let (file, mut source, found) = open_header(request, file)?;
    let data_start = source.end();
    let parts = match &scan {
        Some(scan) if file.splittable() => cut(scan, data_start, source.newlines(), len),
        _ => Vec::new(),
    };
    if parts.is_empty() {
        // One part, the sequential read.
        let mut state = init();
        let counts = stream_fields(&mut source, &found.columns, found.last_line, &mut |row| on_row(&mut state, row))?;
        return Ok((info(path, found, counts), vec![state]));
    }
    let lines_before_data = source.newlines();

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
    let counts = stream_fields(&mut source, &found.columns, found.last_line, &mut |row| on_row(&mut state, row))?;
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

/// What a scan of the file in ranges found.
#[derive(Debug)]
struct Scan {
    /// Each range's start, `\n` bytes, and first `\n`.
    ranges: Vec<(u64, Range)>,
    /// Whether the file is valid UTF-8; `None` when the ranges are too short to tell (fewer than 4 bytes: a range
    /// could then be all continuation bytes of one character).
    utf8: Option<bool>,
}

/// What a scan of one range found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Range {
    newlines: u64,
    first_newline: Option<u64>,
    utf8: bool,
}

/// Scans the file (of `len` bytes) in `count` ranges in parallel.
fn scan(path: &Path, len: u64, count: u64) -> std::io::Result<Scan> {
    let bounds: Vec<u64> = (0..=count).map(|i| (u128::from(len) * u128::from(i) / u128::from(count)) as u64).collect();
    let ranges: Vec<(u64, u64)> = bounds.windows(2).filter_map(|w| Some((*w.first()?, *w.get(1)?))).collect();
    let scans: Vec<std::io::Result<Range>> = ranges.par_iter().map(|&(from, to)| scan_range(path, from, to)).collect();
    let mut out = Vec::with_capacity(scans.len());
    for (&(from, _), scan) in ranges.iter().zip(scans) {
        out.push((from, scan?));
    }
    let checkable = ranges.iter().all(|(from, to)| to - from >= 4);
    let utf8 = checkable.then(|| out.iter().all(|(_, r)| r.utf8));
    Ok(Scan { ranges: out, utf8 })
}

/// Scans the bytes from `from` to `to`: their `\n` bytes, the offset of the first, and whether they are valid
/// UTF-8 as a range of a valid file: a character begun before `from` is left to the range before (up to three
/// continuation bytes are skipped at the start), and one begun before `to` is finished with the bytes after it.
fn scan_range(path: &Path, from: u64, to: u64) -> std::io::Result<Range> {
    let is_continuation = |b: &u8| (0x80..0xC0).contains(b);
    let mut file = File::open(path)?;
    file.seek(SeekFrom::Start(from))?;
    let mut reader = file.take(to - from);
    let mut buf = vec![0u8; 1 << 16];
    let (mut newlines, mut first_newline, mut offset) = (0u64, None, from);
    // Bytes of an incomplete character carried to the front of `buf`.
    let (mut carry, mut utf8, mut started) = (0usize, true, from == 0);
    while let Some(space) = buf.get_mut(carry..) {
        let n = match reader.read(space) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let fresh = buf.get(carry..carry + n).unwrap_or(&[]);
        if first_newline.is_none() {
            first_newline = memchr::memchr(b'\n', fresh).map(|i| offset + i as u64);
        }
        newlines += count_newlines(fresh);
        offset += n as u64;
        if utf8 {
            let mut chunk = buf.get(..carry + n).unwrap_or(&[]);
            if !started {
                let skip = chunk.iter().take(3).take_while(|b| is_continuation(b)).count();
                chunk = chunk.get(skip..).unwrap_or(&[]);
                started = true;
            }
            let (end, length, valid) = (carry + n, chunk.len(), std::str::from_utf8(chunk));
            carry = 0;
            match valid {
                Ok(_) => {}
                Err(e) if e.error_len().is_none() => {
                    // An incomplete character at the end: to the front, finished by the next block.
                    let start = end - (length - e.valid_up_to());
                    buf.copy_within(start..end, 0);
                    carry = end - start;
                }
                Err(_) => utf8 = false,
            }
        }
    }
    // The bytes after the range: continuation bytes there finish this range's last character (the next range
    // skips them); with none begun here, they are stray.
    if utf8 {
        let mut next = [0u8; 3];
        let mut got = 0;
        let mut file = reader.into_inner();
        while got < next.len() {
            match file.read(next.get_mut(got..).unwrap_or(&mut [])) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        let following = next.get(..got).unwrap_or(&[]).iter().take_while(|b| is_continuation(b)).count();
        utf8 = if carry == 0 {
            following == 0
        } else {
            let mut tail = buf.get(..carry).unwrap_or(&[]).to_vec();
            tail.extend_from_slice(next.get(..following).unwrap_or(&[]));
            std::str::from_utf8(&tail).is_ok()
        };
    }
    Ok(Range { newlines, first_newline, utf8 })
}

/// Where the parts start: the first just after the header (`data_start`, with `lines_before` `\n` bytes before
/// it), the others each just after the first `\n` of a range of the scan (a range holding none joins the part
/// before). No parts (an empty list) when there is only the first.
fn cut(scan: &Scan, data_start: u64, lines_before: u64, len: u64) -> Vec<Cut> {
    let mut cuts = vec![Cut { start: data_start, lines_before }];
    let mut lines = 0;
    for (from, range) in &scan.ranges {
        if let Some(at) = range.first_newline.filter(|_| *from > 0) {
            let start = at + 1;
            if start > cuts.last().map_or(data_start, |c| c.start) && start < len {
                cuts.push(Cut { start, lines_before: lines + 1 });
            }
        }
        lines += range.newlines;
    }
    if cuts.len() > 1 {
        cuts
    } else {
        Vec::new()
    }
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
    let mut on_part_row = |row: &Fields<'_>| on_row(&mut state, row);
    while let Some((line, last_line)) = source.next_record()? {
        let end = source.end();
        if limit.is_some_and(|limit| end > limit) {
            // This record belongs to the next part (if the cut is right).
            overshot = true;
            break;
        }
        streamer.push_fields(line, last_line, &source.record()?, &mut on_part_row)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the file is made of: characters of one to four bytes, line breaks, and bytes that are not UTF-8 (a
    /// stray continuation byte, a lead byte alone, Windows-1252 "é").
    const PIECES: &[&[u8]] = &[
        b"a",
        b"\n",
        b"\xC3\xA9",
        b"\xE2\x82\xAC",
        b"\xF0\x9F\x98\x80",
        b"\xEF\xBB\xBF",
        b"\x80",
        b"\xC3",
        b"\xE9",
        b"\xF0\x9F",
    ];

    proptest! {
        /// The scan in ranges finds what one pass over the whole file finds: line breaks, the first in each
        /// range, and (ranges of 4 bytes or more) whether the file is UTF-8.
        #[test]
        fn a_scan_in_ranges_is_a_scan_of_the_whole(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..120),
            good in proptest::bool::weighted(0.5),
            bad in proptest::sample::select(&PIECES[6..]),
            at in 0usize..1000,
            count in 2u64..40,
        ) {
            // Valid UTF-8 (the first six pieces) with one bad piece somewhere, or anything.
            let mut bytes: Vec<u8> = pieces.iter().filter(|p| !good || PIECES[..6].contains(p)).flat_map(|p| p.iter().copied()).collect();
            if good {
                // Between characters.
                let starts: Vec<usize> = (0..=bytes.len()).filter(|i| !matches!(bytes.get(*i), Some(b) if (0x80..0xC0).contains(b))).collect();
                let i = starts[at % starts.len()];
                bytes.splice(i..i, bad.iter().copied());
            }
            prop_assume!(!bytes.is_empty());
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("t.csv");
            std::fs::write(&path, &bytes).expect("write");
            let len = bytes.len() as u64;
            let scan = scan(&path, len, count).expect("scan");
            let newlines: u64 = scan.ranges.iter().map(|(_, r)| r.newlines).sum();
            prop_assert_eq!(newlines, bytes.iter().filter(|b| **b == b'\n').count() as u64);
            for (i, (from, range)) in scan.ranges.iter().enumerate() {
                let to = scan.ranges.get(i + 1).map_or(len, |(next, _)| *next);
                let first = bytes[*from as usize..to as usize].iter().position(|b| *b == b'\n').map(|p| from + p as u64);
                prop_assert_eq!(range.first_newline, first);
            }
            let whole = text::is_utf8(bytes.as_slice()).expect("check");
            if len >= 4 * count {
                prop_assert_eq!(scan.utf8, Some(whole), "{:?}", bytes);
            }
        }
    }
}
