//! Delimited text (CSV): delimiter detection (comma, semicolon or tab) and a row source over the csv reader.
//!
//! UTF-8 files are streamed straight from disk; other encodings are decoded whole first (they are rare, and
//! encoding_rs decodes at memory speed).

use std::collections::VecDeque;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::table::{RawRow, RowSource};
use super::text::{self, Encoding};
use crate::error::{Error, Result};

/// How much of the start of the file is looked at to choose the delimiter.
const SNIFF_BYTES: usize = 64 * 1024;
/// How many lines are looked at to choose the delimiter.
const SNIFF_LINES: usize = 50;

/// Chooses the delimiter from the first lines: for each of comma, semicolon and tab, the count per line outside
/// quotes; the winner has the most lines agreeing on the same non-zero count (then the larger count; then comma,
/// semicolon, tab). Lines with none of them (titles) are ignored. Comma when nothing is found.
pub(crate) fn detect_delimiter(sample: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    let mut per_line: Vec<[usize; 3]> = Vec::new();
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for b in sample.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                per_line.push(counts);
                counts = [0; 3];
                if per_line.len() >= SNIFF_LINES {
                    break;
                }
            }
            _ if !in_quotes => {
                if let Some(i) = CANDIDATES.iter().position(|c| *c == b) {
                    if let Some(slot) = counts.get_mut(i) {
                        *slot += 1;
                    }
                }
            }
            _ => {}
        }
    }
    if counts.iter().any(|c| *c > 0) && per_line.len() < SNIFF_LINES {
        per_line.push(counts);
    }
    let mut best: Option<((usize, usize), u8)> = None;
    for (i, delimiter) in CANDIDATES.iter().enumerate() {
        // The most frequent non-zero count and how many lines have it.
        let mut tally: Vec<(usize, usize)> = Vec::new();
        for line in &per_line {
            let n = line.get(i).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            match tally.iter_mut().find(|(count, _)| *count == n) {
                Some((_, lines)) => *lines += 1,
                None => tally.push((n, 1)),
            }
        }
        let Some(&(count, lines)) = tally.iter().max_by_key(|(count, lines)| (*lines, *count)) else { continue };
        let score = (lines, count);
        let better = match &best {
            Some((s, _)) => score > *s,
            None => true,
        };
        if better {
            best = Some((score, *delimiter));
        }
    }
    best.map(|(_, d)| d).unwrap_or(b',')
}

/// A reader that notes where the line breaks are, so that rows get their line numbers right (the csv crate's
/// own line count is thrown off by skipped blank lines and CRLF endings).
pub(crate) struct LineCounter {
    inner: Box<dyn Read>,
    /// Bytes read so far.
    offset: u64,
    /// Offsets of `\n` bytes read but not yet counted.
    pending: VecDeque<u64>,
    /// `\n` bytes counted (all before the last offset asked about).
    counted: u64,
}

impl LineCounter {
    fn new(inner: Box<dyn Read>) -> LineCounter {
        LineCounter { inner, offset: 0, pending: VecDeque::new(), counted: 0 }
    }

    /// How many `\n` bytes come before byte `at`. `at` must not decrease between calls.
    fn newlines_before(&mut self, at: u64) -> u64 {
        while self.pending.front().is_some_and(|&o| o < at) {
            self.pending.pop_front();
            self.counted += 1;
        }
        self.counted
    }
}

impl Read for LineCounter {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let offset = self.offset;
        self.pending.extend(memchr::memchr_iter(b'\n', buf.get(..n).unwrap_or(&[])).map(|i| offset + i as u64));
        self.offset += n as u64;
        Ok(n)
    }
}

/// A row source over a csv reader.
pub(crate) struct CsvSource {
    reader: csv::Reader<LineCounter>,
    record: csv::StringRecord,
    display: String,
}

impl CsvSource {
    /// Opens a delimited file: finds the encoding and delimiter; `head` is the start of the file.
    pub(crate) fn open(path: &Path, head: &[u8]) -> Result<CsvSource> {
        let display = path.display().to_string();
        let io_err = |e: std::io::Error| Error::io(format!("{display}: could not be read: {e}"));
        let encoding = text::sniff(path, head).map_err(io_err)?;
        let (input, delimiter): (Box<dyn Read>, u8) = match encoding {
            Encoding::Utf8 { bom } => {
                let mut file = File::open(path).map_err(io_err)?;
                let mut sample = Vec::with_capacity(SNIFF_BYTES);
                (&mut file).take(SNIFF_BYTES as u64).read_to_end(&mut sample).map_err(io_err)?;
                let skip = if bom { 3 } else { 0 };
                let delimiter = detect_delimiter(&String::from_utf8_lossy(sample.get(skip..).unwrap_or(&[])));
                file.seek(SeekFrom::Start(skip as u64)).map_err(io_err)?;
                (Box::new(file), delimiter)
            }
            other => {
                // The delimiter from the first characters; then the file decoded as it is read.
                let mut file = File::open(path).map_err(io_err)?;
                let mut sample = Vec::with_capacity(2 * SNIFF_BYTES + 4);
                (&mut file).take(2 * SNIFF_BYTES as u64 + 4).read_to_end(&mut sample).map_err(io_err)?;
                let decoded = text::decode_all(&sample, other);
                let end = decoded.char_indices().nth(SNIFF_BYTES).map(|(i, _)| i).unwrap_or(decoded.len());
                let delimiter = detect_delimiter(decoded.get(..end).unwrap_or(""));
                file.seek(SeekFrom::Start(0)).map_err(io_err)?;
                (Box::new(text::DecodingReader::new(file, other)), delimiter)
            }
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(1 << 16)
            .from_reader(LineCounter::new(input));
        Ok(CsvSource { reader, record: csv::StringRecord::new(), display })
    }
}

impl RowSource for CsvSource {
    fn next_row(&mut self, keep: &dyn Fn(usize) -> bool, row: &mut RawRow) -> Result<bool> {
        row.clear();
        let more = self.reader.read_record(&mut self.record).map_err(|e| {
            let line = e.position().map(|p| format!(", line {}", p.line())).unwrap_or_default();
            Error::io(format!("{}{line}: could not be read as delimited text: {e}", self.display))
        })?;
        if !more {
            return Ok(false);
        }
        // The record ends at the reader's position (after its line break, or before a CRLF's LF): its last line
        // is one more than the line breaks before its last byte; its first line is that less the line breaks
        // inside quoted fields.
        let end = self.reader.position().byte();
        let last_line = self.reader.get_mut().newlines_before(end.saturating_sub(1)) as usize + 1;
        let inside = memchr::memchr_iter(b'\n', self.record.as_byte_record().as_slice()).count();
        row.last_line = last_line;
        row.line = last_line.saturating_sub(inside).max(1);
        for (i, field) in self.record.iter().enumerate() {
            if !field.is_empty() && keep(i) {
                row.push_text(i, field);
            }
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(detect_delimiter("a;b;c\n1;2;3\n"), b';');
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
        // Decimal commas inside a semicolon file.
        assert_eq!(detect_delimiter("name;value\nx;1,5\ny;22,75\nz;3\n"), b';');
        // Commas inside quotes do not count.
        assert_eq!(detect_delimiter("\"a,b\";c\n\"d,e\";f\n"), b';');
        // A title line above is ignored.
        assert_eq!(detect_delimiter("Staff list, March 2025\n\na;b;c\n1;2;3\n4;5;6\n"), b';');
        assert_eq!(detect_delimiter("one column\n"), b',');
        assert_eq!(detect_delimiter(""), b',');
    }
}
