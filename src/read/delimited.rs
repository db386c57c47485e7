//! Delimited text (CSV): delimiter detection (comma, semicolon or tab) and a row source over the csv reader.
//!
//! UTF-8 and Windows-1252 files are parsed as bytes straight from disk, and only the fields kept are turned into
//! text; UTF-16 is decoded to UTF-8 as it is read.

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::table::{RawRow, RowSource};
use super::text::{self, Encoding, Utf8Check};
use super::Cell;
use crate::error::{Error, Result};

/// How much of the start of the file is looked at to choose the delimiter.
const SNIFF_BYTES: usize = 64 * 1024;
/// The read buffer of a source.
const BUFFER_BYTES: usize = 1 << 17;
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

/// How the bytes of a field become text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldText {
    /// The bytes are UTF-8: the file was checked whole, or is decoded to UTF-8 as it is read (UTF-16).
    Utf8,
    /// Windows-1252, read undecoded: a field is decoded only when it is not ASCII. The bytes the csv parser acts
    /// on (quote, delimiter, CR, LF) are ASCII and mean the same either way, so this splits the file exactly as
    /// decoding it first would.
    Windows1252,
}

/// A delimited file, opened: its encoding and delimiter, and where its text starts.
#[derive(Debug)]
pub(crate) struct CsvFile {
    path: PathBuf,
    display: String,
    encoding: Encoding,
    delimiter: u8,
    /// The offset where the text starts: 3 after a UTF-8 byte-order mark, else 0.
    start: u64,
    /// Whether its sources check that what they read is UTF-8 ([`CsvFile::checking_utf8`]).
    check_utf8: bool,
}

impl CsvFile {
    /// Opens a delimited file: finds the encoding and delimiter; `head` is the start of the file.
    pub(crate) fn open(path: &Path, head: &[u8]) -> Result<CsvFile> {
        let encoding =
            text::sniff(path, head).map_err(|e| Error::io(format!("{}: could not be read: {e}", path.display())))?;
        CsvFile::open_as(path, encoding)
    }

    /// Opens a delimited file whose encoding is known: finds the delimiter.
    pub(crate) fn open_as(path: &Path, encoding: Encoding) -> Result<CsvFile> {
        let display = path.display().to_string();
        let io_err = |e: std::io::Error| Error::io(format!("{display}: could not be read: {e}"));
        let mut file = File::open(path).map_err(io_err)?;
        let (delimiter, start) = match encoding {
            Encoding::Utf8 { bom } => {
                let mut sample = Vec::with_capacity(SNIFF_BYTES);
                (&mut file).take(SNIFF_BYTES as u64).read_to_end(&mut sample).map_err(io_err)?;
                let skip = if bom { 3 } else { 0 };
                (detect_delimiter(&String::from_utf8_lossy(sample.get(skip..).unwrap_or(&[]))), skip as u64)
            }
            other => {
                // The delimiter from the first characters.
                let mut sample = Vec::with_capacity(2 * SNIFF_BYTES + 4);
                (&mut file).take(2 * SNIFF_BYTES as u64 + 4).read_to_end(&mut sample).map_err(io_err)?;
                let decoded = text::decode_all(&sample, other);
                let end = decoded.char_indices().nth(SNIFF_BYTES).map(|(i, _)| i).unwrap_or(decoded.len());
                (detect_delimiter(decoded.get(..end).unwrap_or("")), 0)
            }
        };
        Ok(CsvFile { path: path.to_path_buf(), display, encoding, delimiter, start, check_utf8: false })
    }

    /// The file, its sources checking that the bytes they read are UTF-8, when it was opened as UTF-8 on the
    /// strength of its first bytes only: a source that meets bytes that are not ends there, as at the end of the
    /// file, and says so ([`CsvSource::not_utf8`]).
    pub(crate) fn checking_utf8(self) -> CsvFile {
        CsvFile { check_utf8: matches!(self.encoding, Encoding::Utf8 { .. }), ..self }
    }

    /// A row source from the start of the text.
    pub(crate) fn source(&self) -> Result<CsvSource> {
        self.source_at(self.start, 0)
    }

    /// A row source from byte `offset`, which must be the start of the text or (for a UTF-8 or Windows-1252 file,
    /// whose offsets are offsets in the file, not UTF-16 decoded as it is read) a record boundary, with
    /// `lines_before` `\n` bytes before it (or counting lines from there, with 0).
    pub(crate) fn source_at(&self, offset: u64, lines_before: u64) -> Result<CsvSource> {
        let io_err = |e: std::io::Error| Error::io(format!("{}: could not be read: {e}", self.display));
        let mut file = File::open(&self.path).map_err(io_err)?;
        file.seek(SeekFrom::Start(offset)).map_err(io_err)?;
        let (input, text): (Box<dyn Read + Send>, FieldText) = match self.encoding {
            Encoding::Utf8 { .. } => (Box::new(file), FieldText::Utf8),
            Encoding::Windows1252 => (Box::new(file), FieldText::Windows1252),
            other => (Box::new(text::DecodingReader::new(file, other)), FieldText::Utf8),
        };
        // The csv parser drops a UTF-8 byte-order mark at the start of its input. That is right at the start of
        // UTF-8 (or UTF-16) text, as it always was; but not where the bytes EF BB BF are the start of a Windows-1252
        // file's first cell (which decoded as "ï»¿" when the whole file was decoded before parsing), nor where a
        // part of the file starts with a row whose first cell starts with U+FEFF. There, a line break goes first.
        let mut core = csv_core::ReaderBuilder::new().delimiter(self.delimiter).build();
        let keeps_bom = offset != self.start || self.encoding == Encoding::Windows1252;
        if keeps_bom {
            // The parser then skips a line break as an empty line, and its input no longer starts with the mark.
            let _ = core.read_record(b"\n", &mut [0; 1], &mut [0; 1]);
        }
        Ok(CsvSource {
            input,
            core,
            buf: vec![0; BUFFER_BYTES],
            pos: 0,
            filled: 0,
            eof: false,
            done: false,
            fields: vec![0; 1024],
            ends: vec![0; 64],
            spans: Vec::with_capacity(64),
            line_bytes: None,
            delimiter: self.delimiter,
            // (Not before the parser has started: it would then drop a byte-order mark further on.)
            plain_lines: keeps_bom,
            allow_plain: true,
            offset,
            newlines: lines_before,
            last_byte: 0,
            text,
            display: self.display.clone(),
            line: 0,
            ascii: true,
            utf8: self.check_utf8.then(Utf8Check::default),
            not_utf8: false,
        })
    }

    /// How many `\n` bytes lie from `from` to `to` when they are all line breaks (CR or LF), which the csv parser,
    /// between records, skips as empty lines; `None` when they are not.
    pub(crate) fn only_line_breaks(&self, from: u64, to: u64) -> Result<Option<u64>> {
        if to <= from {
            return Ok((from == to).then_some(0));
        }
        let io_err = |e: std::io::Error| Error::io(format!("{}: could not be read: {e}", self.display));
        let mut file = File::open(&self.path).map_err(io_err)?;
        file.seek(SeekFrom::Start(from)).map_err(io_err)?;
        let mut left = to - from;
        let mut buf = vec![0u8; left.min(1 << 16) as usize];
        let mut newlines = 0;
        while left > 0 {
            let Some(chunk) = buf.get_mut(..left.min(1 << 16) as usize) else { return Ok(None) };
            match file.read_exact(chunk) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
                Err(e) => return Err(io_err(e)),
            }
            if !chunk.iter().all(|b| matches!(b, b'\r' | b'\n')) {
                return Ok(None);
            }
            newlines += count_newlines(chunk);
            left -= chunk.len() as u64;
        }
        Ok(Some(newlines))
    }
}

/// A row source over the csv parser: every record is a row; fields are turned into text only when kept.
///
/// It drives `csv_core` over its own buffer (as the `csv` crate's reader does), so that it sees the bytes each
/// record takes: their line breaks give the rows' line numbers (blank lines and CRLF endings included).
pub(crate) struct CsvSource {
    input: Box<dyn Read + Send>,
    core: csv_core::Reader,
    /// Bytes read: `buf[pos..filled]` are not parsed yet.
    buf: Vec<u8>,
    pos: usize,
    filled: usize,
    /// The input is exhausted.
    eof: bool,
    /// The parser has seen the end.
    done: bool,
    /// The parser's output: the last record's fields, one after the other, and where each ends.
    fields: Vec<u8>,
    ends: Vec<usize>,
    /// Where each field of the last record lies in its bytes: in `fields`, or in `buf[line_bytes]` for a line
    /// split without the parser.
    spans: Vec<(usize, usize)>,
    line_bytes: Option<(usize, usize)>,
    delimiter: u8,
    /// Whether plain lines are split without the parser (see [`split_plain`]): once the parser has started.
    plain_lines: bool,
    /// Whether they may be at all (tests compare with the parser alone).
    allow_plain: bool,
    /// The offset of the next byte to parse (in the file, or in the decoded text for UTF-16).
    offset: u64,
    /// `\n` bytes before `offset`.
    newlines: u64,
    /// The last byte parsed.
    last_byte: u8,
    text: FieldText,
    display: String,
    /// The first line of the last record read.
    line: usize,
    /// Whether the last record is all ASCII.
    ascii: bool,
    /// The check that the bytes read are UTF-8, when the file is UTF-8 only as far as its first bytes tell.
    utf8: Option<Utf8Check>,
    /// Bytes that are not UTF-8 were read (with `utf8`): the source ended there.
    not_utf8: bool,
}

impl CsvSource {
    /// The offset just after the last record read (after its line break, or between the CR and LF of a CRLF).
    pub(crate) fn end(&self) -> u64 {
        self.offset
    }

    /// How many `\n` bytes come before [`CsvSource::end`].
    pub(crate) fn newlines(&self) -> u64 {
        self.newlines
    }

    /// Whether the source ended early at bytes that are not UTF-8 (only when its file is
    /// [`CsvFile::checking_utf8`]).
    pub(crate) fn not_utf8(&self) -> bool {
        self.not_utf8
    }

    /// Reads the next record: its first and last line, `None` at the end. Its fields are then had from
    /// [`CsvSource::record`].
    pub(crate) fn next_record(&mut self) -> Result<Option<(usize, usize)>> {
        loop {
            if self.done {
                return Ok(None);
            }
            if self.pos == self.filled && !self.eof {
                self.fill()?;
                if self.done {
                    return Ok(None);
                }
            }
            if !self.plain_lines {
                return self.parse_record();
            }
            // A whole line in the buffer that is plain: split it where it lies. Else (a quote, a CR inside, the
            // buffer's last line, the end) the parser reads the record.
            let rest = self.buf.get(self.pos..self.filled).unwrap_or(&[]);
            let Some(length) = memchr::memchr(b'\n', rest) else { return self.parse_record() };
            let Some(plain) = split_plain(rest.get(..length).unwrap_or(&[]), self.delimiter, &mut self.spans) else {
                return self.parse_record();
            };
            let start = self.pos;
            self.pos += length + 1;
            self.offset += length as u64 + 1;
            self.newlines += 1;
            self.last_byte = b'\n';
            if let Some(text) = plain.text {
                self.line_bytes = Some((start, start + text));
                self.ascii = plain.ascii;
                self.line = self.newlines as usize;
                return Ok(Some((self.line, self.line)));
            }
            // An empty line, which the parser skips too.
        }
    }

    /// Reads the next record with the parser.
    fn parse_record(&mut self) -> Result<Option<(usize, usize)>> {
        use csv_core::ReadRecordResult as R;
        let (mut out, mut ends) = (0, 0);
        // Whether the record was ended by the end of the input, not by a line break.
        let mut ended_by_end;
        loop {
            if self.pos == self.filled && !self.eof {
                self.fill()?;
                if self.done {
                    return Ok(None);
                }
            }
            let input = self.buf.get(self.pos..self.filled).unwrap_or(&[]);
            ended_by_end = self.eof && input.is_empty();
            let (result, read, wrote, ended) = self.core.read_record(
                input,
                self.fields.get_mut(out..).unwrap_or(&mut []),
                self.ends.get_mut(ends..).unwrap_or(&mut []),
            );
            let parsed = input.get(..read).unwrap_or(&[]);
            self.newlines += count_newlines(parsed);
            if let Some(&last) = parsed.last() {
                self.last_byte = last;
            }
            self.pos += read;
            self.offset += read as u64;
            out += wrote;
            ends += ended;
            match result {
                // (At the end of the input the parser gives a record or the end, never this.)
                R::InputEmpty if self.eof && read == 0 => {
                    self.done = true;
                    return Ok(None);
                }
                R::InputEmpty => {}
                R::OutputFull => self.fields.resize(self.fields.len() * 2, 0),
                R::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                R::Record => break,
                R::End => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
        self.plain_lines = self.allow_plain;
        self.line_bytes = None;
        self.spans.clear();
        let mut start = 0;
        for &end in self.ends.get(..ends).unwrap_or(&[]) {
            self.spans.push((start, end));
            start = end;
        }
        // One pass over the record's text: is it ASCII, and does it hold a line break (rare)?
        let bytes = self.fields.get(..out).unwrap_or(&[]);
        let (mut high, mut newline) = (0u8, 0u8);
        for &b in bytes {
            high |= b & 0x80;
            newline |= u8::from(b == b'\n');
        }
        self.ascii = high == 0;
        // The record's last line is one more than the line breaks before its last byte (its own line break, or
        // the CR of a CRLF, or its last character at the end of the file); its first line is that less the line
        // breaks inside quoted fields.
        // (A record ended by the end of the file inside a quoted field may end with a line break of that field:
        // then its last byte, already left out.)
        let last_line = (self.newlines - u64::from(self.last_byte == b'\n')) as usize + 1;
        let last_inside = ended_by_end && self.last_byte == b'\n' && bytes.last() == Some(&b'\n');
        let inside = if newline == 0 { 0 } else { count_newlines(bytes) as usize - usize::from(last_inside) };
        self.line = last_line.saturating_sub(inside).max(1);
        Ok(Some((self.line, last_line)))
    }

    /// Reads the next block of input (checked as UTF-8 when the file asks: bytes that are not end the source).
    fn fill(&mut self) -> Result<()> {
        loop {
            match self.input.read(&mut self.buf) {
                Ok(n) => {
                    self.pos = 0;
                    self.filled = n;
                    self.eof = n == 0;
                    if let Some(check) = &mut self.utf8 {
                        let valid = if n == 0 { check.finish() } else { check.feed(self.buf.get(..n).unwrap_or(&[])) };
                        if !valid {
                            (self.not_utf8, self.done, self.eof, self.filled) = (true, true, true, 0);
                        }
                    }
                    return Ok(());
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::io(format!("{}: could not be read as delimited text: {e}", self.display))),
            }
        }
    }

    /// The fields of the last record read.
    ///
    /// A UTF-8 file's record must be UTF-8: the file was checked whole before it was read, so a record that is not
    /// means the file changed while it was being read (an error).
    pub(crate) fn record(&self) -> Result<Record<'_>> {
        let bytes = match self.line_bytes {
            Some((start, end)) => self.buf.get(start..end),
            None => self.fields.get(..self.spans.last().map_or(0, |(_, end)| *end)),
        }
        .unwrap_or(&[]);
        // A UTF-8 record's text in one piece, checked once, to slice fields from. An ASCII record's fields are
        // each their own text, checked only when asked for as text (most are only looked up by their bytes).
        let whole = match self.text {
            _ if self.ascii => None,
            FieldText::Utf8 => match std::str::from_utf8(bytes) {
                Ok(text) => Some(text),
                Err(e) => {
                    return Err(Error::io(format!(
                        "{}, line {}: could not be read as delimited text: invalid UTF-8 ({e})",
                        self.display, self.line
                    ))
                    .with_hint("the file changed while it was being read: run again once it is complete"))
                }
            },
            FieldText::Windows1252 => None,
        };
        Ok(Record { bytes, spans: &self.spans, whole })
    }
}

/// A line (without its `\n`) split without the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plain {
    /// The length of its text (without a final CR); `None` for an empty line.
    text: Option<usize>,
    /// Whether it is all ASCII.
    ascii: bool,
}

/// Splits a line (without its `\n`) at the delimiter into `spans`, when the parser would give the same fields:
/// no quote, and no CR but a final one (the parser ends a record at a CR). `None` otherwise.
///
/// This is the parser's work for most lines of a large extract, eight bytes at a time, and no copy of the fields.
fn split_plain(line: &[u8], delimiter: u8, spans: &mut Vec<(usize, usize)>) -> Option<Plain> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `word` equal to `byte` (exactly: no carry crosses bytes).
    let equal = |word: u64, byte: u8| {
        let x = word ^ (ONES * u64::from(byte));
        !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7)
    };
    let text = line.strip_suffix(b"\r").unwrap_or(line);
    spans.clear();
    if text.is_empty() {
        return Some(Plain { text: None, ascii: true });
    }
    // A quote or a CR: the parser's (found by memchr's vector search, before any splitting).
    if memchr::memchr2(b'"', b'\r', text).is_some() {
        return None;
    }
    // The high bits of a word's bytes, gathered into one byte (byte i to bit i).
    let gather = |mask: u64| (mask >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    let (mut start, mut high) = (0, 0u64);
    // By blocks of 64 bytes: a bit per delimiter, then a span per bit (few branches taken wrongly).
    for (index, block) in text.chunks(64).enumerate() {
        let mut bits = 0u64;
        let mut words = block.chunks_exact(8);
        for (w, chunk) in (&mut words).enumerate() {
            let Ok(bytes) = chunk.try_into() else { return None };
            let word = u64::from_le_bytes(bytes);
            high |= word;
            bits |= gather(equal(word, delimiter)) << (8 * w);
        }
        let whole_words = block.len() - words.remainder().len();
        for (i, &b) in words.remainder().iter().enumerate() {
            high |= u64::from(b);
            bits |= u64::from(b == delimiter) << (whole_words + i);
        }
        while bits != 0 {
            let i = index * 64 + bits.trailing_zeros() as usize;
            spans.push((start, i));
            start = i + 1;
            bits &= bits - 1;
        }
    }
    spans.push((start, text.len()));
    Some(Plain { text: Some(text.len()), ascii: high & HIGH == 0 })
}

/// How many `\n` bytes `bytes` holds (a loop the compiler vectorises).
pub(crate) fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.chunks(255).map(|chunk| u64::from(chunk.iter().fold(0u8, |n, &b| n.wrapping_add(u8::from(b == b'\n'))))).sum()
}

/// The fields of a record, as text.
pub(crate) struct Record<'a> {
    bytes: &'a [u8],
    spans: &'a [(usize, usize)],
    /// The record's text in one piece, for a UTF-8 record that is not ASCII. `None` for an ASCII record (each
    /// field is its own text) and for a Windows-1252 one (its fields are decoded one by one).
    whole: Option<&'a str>,
}

impl<'a> Record<'a> {
    /// The bytes of the field in `column` as the file holds them (empty when it is empty or absent).
    #[inline]
    pub(crate) fn bytes(&self, column: usize) -> &'a [u8] {
        self.spans.get(column).and_then(|&(start, end)| self.bytes.get(start..end)).unwrap_or(&[])
    }

    /// Sets each field's cell to the text in its column (`columns`), or [`Cell::Empty`] when that is empty or
    /// absent, reusing the cells' text buffers (a cell set empty puts its buffer in `spare`).
    pub(crate) fn fill(&self, columns: &[Option<usize>], cells: &mut [Cell], spare: &mut [String]) {
        for ((column, cell), spare) in columns.iter().zip(cells).zip(spare) {
            match column.and_then(|c| self.text(c)) {
                Some(text) => set_text(cell, spare, &text),
                None => {
                    if let Cell::Text(buffer) = std::mem::replace(cell, Cell::Empty) {
                        *spare = buffer;
                    }
                }
            }
        }
    }

    /// The text of the field in `column`, untrimmed, borrowed from the read buffer unless it must be decoded
    /// (Windows-1252 that is not ASCII); `None` when it is empty or absent.
    #[inline]
    pub(crate) fn text(&self, column: usize) -> Option<Cow<'a, str>> {
        let &(start, end) = self.spans.get(column)?;
        if start >= end {
            return None;
        }
        if let Some(text) = self.whole.and_then(|w| w.get(start..end)) {
            return Some(Cow::Borrowed(text));
        }
        // An ASCII record's field, or Windows-1252 (for a UTF-8 record that is not ASCII, never: its fields lie
        // between ASCII bytes, on characters): an ASCII field is the same text either way.
        let field = self.bytes.get(start..end).unwrap_or(&[]);
        match field.is_ascii().then(|| std::str::from_utf8(field).ok()).flatten() {
            Some(text) => Some(Cow::Borrowed(text)),
            None => Some(encoding_rs::WINDOWS_1252.decode_without_bom_handling(field).0),
        }
    }
}

/// Sets a cell to a text, reusing its buffer (or the spare one).
fn set_text(cell: &mut Cell, spare: &mut String, text: &str) {
    match cell {
        Cell::Text(buffer) => {
            buffer.clear();
            buffer.push_str(text);
        }
        other => {
            let mut buffer = std::mem::take(spare);
            buffer.clear();
            buffer.push_str(text);
            *other = Cell::Text(buffer);
        }
    }
}

impl RowSource for CsvSource {
    fn next_row(&mut self, keep: &dyn Fn(usize) -> bool, row: &mut RawRow) -> Result<bool> {
        row.clear();
        let Some((line, last_line)) = self.next_record()? else { return Ok(false) };
        row.line = line;
        row.last_line = last_line;
        let record = self.record()?;
        for column in 0..self.spans.len() {
            if keep(column) {
                if let Some(text) = record.text(column) {
                    row.push_text(column, &text);
                }
            }
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every record of `bytes` (written to a file) as a source reads it: lines, end offset and fields.
    fn records(bytes: &[u8], plain: bool, cp1252: bool) -> Vec<(usize, usize, u64, Vec<Option<String>>)> {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.csv");
        std::fs::write(&path, bytes).expect("write");
        let encoding = if cp1252 { Encoding::Windows1252 } else { Encoding::Utf8 { bom: false } };
        let file = CsvFile {
            path: path.clone(),
            display: String::new(),
            encoding,
            delimiter: b',',
            start: 0,
            check_utf8: false,
        };
        let mut source = file.source().expect("source");
        source.allow_plain = plain;
        source.plain_lines &= plain;
        let mut out = Vec::new();
        while let Some((line, last_line)) = source.next_record().expect("record") {
            let record = source.record().expect("record");
            let fields = (0..source.spans.len()).map(|c| record.text(c).map(|t| t.into_owned())).collect();
            out.push((line, last_line, source.end(), fields));
        }
        out
    }

    /// The fields of every record as the csv crate reads them.
    fn oracle(bytes: &[u8]) -> Vec<Vec<Vec<u8>>> {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
        let mut record = csv::ByteRecord::new();
        let mut out = Vec::new();
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            out.push(record.iter().map(<[u8]>::to_vec).collect());
        }
        out
    }

    const PIECES: &[&[u8]] =
        &[b"a", b"bc", b",", b"\"", b"\n", b"\r", b"\r\n", b" ", b"\xC3\xA9", b"\xEF\xBB\xBF", b"12345678"];

    proptest! {
        /// Lines split without the parser give what the parser gives: the same records, fields and lines (the
        /// end offset may differ by the LF of a CRLF, which the parser leaves for the next record).
        #[test]
        fn plain_lines_agree_with_the_parser(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..200)) {
            let bytes = pieces.concat();
            let fast = records(&bytes, true, false);
            let slow = records(&bytes, false, false);
            let strip = |r: &[(usize, usize, u64, Vec<Option<String>>)]| -> Vec<(usize, usize, Vec<Option<String>>)> {
                r.iter().map(|(a, b, _, f)| (*a, *b, f.clone())).collect()
            };
            prop_assert_eq!(strip(&fast), strip(&slow));
            for ((_, _, fast_end, _), (_, _, slow_end, _)) in fast.iter().zip(&slow) {
                prop_assert!(*fast_end == *slow_end || *fast_end == *slow_end + 1);
            }
            // And both give the csv crate's fields (text of UTF-8 bytes; as Windows-1252 when not UTF-8).
            let expected: Vec<Vec<Option<String>>> = oracle(&bytes)
                .into_iter()
                .map(|r| r.into_iter().map(|f| (!f.is_empty()).then(|| String::from_utf8_lossy(&f).into_owned())).collect())
                .collect();
            if std::str::from_utf8(&bytes).is_ok() {
                prop_assert_eq!(fast.iter().map(|r| r.3.clone()).collect::<Vec<_>>(), expected);
            }
            let fast_1252 = records(&bytes, true, true);
            let slow_1252 = records(&bytes, false, true);
            prop_assert_eq!(strip(&fast_1252), strip(&slow_1252));
        }

        /// The word-at-a-time split finds every delimiter, quote and CR, wherever it lies in a word.
        #[test]
        fn plain_split(line in proptest::collection::vec(proptest::sample::select(&b"a,;\"\r\x80 "[..]), 0..40)) {
            let mut spans = Vec::new();
            let got = split_plain(&line, b',', &mut spans);
            let text = line.strip_suffix(b"\r").unwrap_or(&line);
            if text.contains(&b'"') || text.contains(&b'\r') {
                prop_assert_eq!(got, None);
            } else if text.is_empty() {
                prop_assert_eq!(got, Some(Plain { text: None, ascii: true }));
            } else {
                prop_assert_eq!(got, Some(Plain { text: Some(text.len()), ascii: text.is_ascii() }));
                let fields: Vec<&[u8]> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
                prop_assert_eq!(fields, text.split(|b| *b == b',').collect::<Vec<_>>());
            }
        }
    }

    /// Reads every record of `bytes` as a UTF-8 file checked as it is read: the records read, and whether the
    /// source found bytes that are not UTF-8.
    fn read_checking(bytes: &[u8]) -> (usize, bool) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.csv");
        std::fs::write(&path, bytes).expect("write");
        let file = CsvFile::open_as(&path, Encoding::Utf8 { bom: false }).expect("opens").checking_utf8();
        let mut source = file.source().expect("source");
        let mut records = 0;
        while source.next_record().expect("reads").is_some() {
            records += 1;
        }
        (records, source.not_utf8())
    }

    #[test]
    fn a_source_checking_utf8_ends_at_bytes_that_are_not() {
        // A character split between two blocks of the read buffer is UTF-8; a lone Windows-1252 byte is not,
        // wherever it is (the source then ends at that block).
        let mut text = "id,name\n".to_string();
        while text.len() < BUFFER_BYTES - 1 {
            text.push_str("1,a\n");
        }
        text.truncate(BUFFER_BYTES - 1);
        text.push_str("é\n2,b\n");
        let rows = text.lines().count();
        assert_eq!(read_checking(text.as_bytes()), (rows, false));
        let mut bytes = text.into_bytes();
        bytes.extend_from_slice(b"3,\xE9\n4,d\n");
        let (records, not_utf8) = read_checking(&bytes);
        assert!(not_utf8 && records < rows + 2, "{records}");
        // A character left unfinished at the end.
        assert!(read_checking(b"id\n1\n\xC3").1);
        assert!(!read_checking(b"id\n1\n\xC3\xA9").1);
    }

    #[test]
    fn newlines_counted() {
        let bytes: Vec<u8> = (0..10_000u32).map(|i| if i % 7 == 0 { b'\n' } else { b'x' }).collect();
        assert_eq!(count_newlines(&bytes), bytes.iter().filter(|b| **b == b'\n').count() as u64);
        assert_eq!(count_newlines(&[b'\n'; 600]), 600);
    }

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
