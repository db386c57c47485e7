//! An Excel 97-2003 workbook as calamine is given it: its workbook stream, read from the compound file by a
//! checked reader, its records inspected (and where needed rewritten), in a compound file of its own in memory.
//!
//! calamine reads an xls whole when it opens it, and believes what the file says. Its own compound-file reader
//! follows a chain of sectors for as long as the directory says the stream runs, so a chain that loops back on
//! itself is read round and round (a directory chain for ever, a stream up to 4 GB). It reserves room for every
//! cell a sheet's DIMENSIONS record claims (four billion rows by 256 columns is 44 TB), builds each sheet as a grid
//! from its first to its last cell (a stray number at the 65,536th column of the 65,536th row is a grid of 137 GB),
//! copies a shared string into every cell that names it (a 200 KB string named by 60,000 cells is 12 GB), keeps a
//! text cell's stated length as reserved room whatever the record holds, and writes out each formula's text (a name
//! of 255 characters joined to itself a thousand times in each formula).
//!
//! So the stream is read here with the `cfb` crate, which checks the chains; a file whose container does not hold
//! together is refused as damaged. Its records are then walked once, as calamine will walk them, and:
//! - a DIMENSIONS record claiming more cells than the sheet's own cells span is zeroed (calamine only reserves room
//!   from it: the figures are the same);
//! - each formula's tokens are cut to none (calamine keeps a formula's cached value, which is all that is read
//!   here; the text it would write out of the tokens is never used);
//! - what calamine would then allocate (each sheet's grid, its copy of every shared string, the room it keeps for
//!   text) is added up, and a workbook that would take more than its allowance (`read::budget`) is refused as
//!   damaged, naming the sheet that takes most. Every real workbook fits: the allowance holds a whole sheet as large
//!   as the format allows.
//!
//! calamine then reads a compound file holding that one stream, written here (version 3, as Excel writes it). A
//! password-protected file (an encrypted xlsx or xlsb travels in a compound file too, and an xls has a FILEPASS
//! record) is reported as such.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufReader, Cursor, Read, Write};
use std::mem::size_of;
use std::path::Path;

use calamine::{Cell, Data};

use super::budget;
use super::header::column_letter;

/// The compound file calamine reads: the workbook stream, checked and where needed rewritten, in memory.
pub(crate) type Checked = Cursor<Vec<u8>>;

/// What an OLE compound file holds.
pub(crate) enum Outcome {
    /// An xls workbook, ready for calamine.
    Workbook(Checked),
    /// A password-protected workbook.
    Encrypted,
}

/// Why a compound file is not handed to calamine.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// The file could not be opened or read.
    NotOpened(io::Error),
    /// The file is not a workbook that can be read safely; the reason, in words for the user.
    Damaged(String),
}

/// Record types.
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const CONTINUE: u16 = 0x003C;
const FILEPASS: u16 = 0x002F;
const BOUNDSHEET: u16 = 0x0085;
const SST: u16 = 0x00FC;
const DIMENSIONS: u16 = 0x0200;
const NUMBER: u16 = 0x0203;
const LABEL: u16 = 0x0204;
const RSTRING: u16 = 0x00D6;
const BOOLERR: u16 = 0x0205;
const STRING: u16 = 0x0207;
const RK: u16 = 0x027E;
const LABELSST: u16 = 0x00FD;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;

const CODEPAGE: u16 = 0x0042;

/// The most UTF-8 bytes calamine makes of one character unit of a string: three in the usual code page (UTF-16,
/// 1200); in a legacy one a two-byte unit may be decoded byte by byte, each byte three bytes of UTF-8.
const UTF8_PER_UNIT: u64 = 3;
const UTF8_PER_UNIT_LEGACY: u64 = 6;
/// What calamine keeps for a formula once its tokens are cut: a short note naming the cell.
const FORMULA_NOTE: u64 = 96;

/// Opens the compound file at `path` and returns the workbook calamine may read, or why it may not.
pub(crate) fn check(path: &Path) -> Result<Outcome, Refusal> {
    let file = File::open(path).map_err(Refusal::NotOpened)?;
    let size = file.metadata().map_err(Refusal::NotOpened)?.len();
    let mut container = cfb::CompoundFile::open(BufReader::new(file))
        .map_err(|e| damaged(format!("its compound-file container does not hold together: {e}")))?;
    let entries: Vec<(std::path::PathBuf, String, bool, u64)> =
        container.walk().map(|e| (e.path().to_path_buf(), e.name().to_string(), e.is_stream(), e.len())).collect();
    // An encrypted xlsx or xlsb: the package travels as one stream of a compound file.
    if entries.iter().any(|(_, name, _, _)| name.eq_ignore_ascii_case("EncryptedPackage")) {
        return Ok(Outcome::Encrypted);
    }
    // The stream calamine reads: `Workbook` (BIFF8), else `Book` (BIFF5).
    let (stream_path, len) = ["Workbook", "Book"]
        .iter()
        .find_map(|want| {
            entries.iter().find(|(_, name, stream, _)| *stream && name.eq_ignore_ascii_case(want)).map(|e| (&e.0, e.3))
        })
        .ok_or_else(|| {
            damaged("it holds no Excel workbook; it may be another kind of Office file, such as a Word document")
        })?;
    if len > size {
        return Err(damaged(format!(
            "its workbook stream claims {}, more than the whole file ({})",
            budget::shown(len),
            budget::shown(size)
        )));
    }
    let mut stream = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    container
        .open_stream(stream_path)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(|e| damaged(format!("its workbook stream could not be read: {e}")))?;
    match inspect(&mut stream, size) {
        Inspected::Encrypted => Ok(Outcome::Encrypted),
        Inspected::TooLarge(why) => Err(Refusal::Damaged(why)),
        Inspected::Fine => container_of(&stream)
            .map(|bytes| Outcome::Workbook(Cursor::new(bytes)))
            .map_err(|e| damaged(format!("its workbook could not be copied: {e}"))),
    }
}

fn damaged(why: impl Into<String>) -> Refusal {
    Refusal::Damaged(why.into())
}

/// A compound file (version 3) holding `stream` as its `Workbook` stream.
fn container_of(stream: &[u8]) -> io::Result<Vec<u8>> {
    let room = stream.len() + stream.len() / 64 + 4096;
    let mut out = cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::with_capacity(room)))?;
    out.create_stream("/Workbook")?.write_all(stream)?;
    out.flush()?;
    Ok(out.into_inner().into_inner())
}

/// What the walk found.
#[derive(Debug, PartialEq, Eq)]
enum Inspected {
    /// calamine may read the stream (as rewritten).
    Fine,
    /// A FILEPASS record: the workbook is password-protected.
    Encrypted,
    /// Reading it would take more memory than the file could need: why, in words for the user.
    TooLarge(String),
}

/// One record: its type and where its data are in the stream.
#[derive(Debug, Clone, Copy)]
struct Record {
    typ: u16,
    start: usize,
    len: usize,
}

/// The records of `stream` from `from`, as calamine steps through them (type, length, data), up to the first one
/// cut short (where calamine stops with an error).
fn records(stream: &[u8], from: usize) -> impl Iterator<Item = Record> + '_ {
    let mut at = from;
    std::iter::from_fn(move || {
        let head = stream.get(at..at.checked_add(4)?)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let start = at + 4;
        stream.get(start..start + len)?;
        at = start + len;
        Some(Record { typ, start, len })
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The rows and columns a set of cells spans.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    first: Option<(u32, u32)>,
    last: (u32, u32),
}

impl Span {
    fn add(&mut self, row: u32, col: u32) {
        match &mut self.first {
            None => {
                self.first = Some((row, col));
                self.last = (row, col);
            }
            Some(first) => {
                first.0 = first.0.min(row);
                first.1 = first.1.min(col);
                self.last.0 = self.last.0.max(row);
                self.last.1 = self.last.1.max(col);
            }
        }
    }

    /// The cells of the grid from the first to the last.
    fn area(&self) -> u64 {
        self.first.map_or(0, |first| {
            let rows = u64::from(self.last.0) - u64::from(first.0) + 1;
            rows.saturating_mul(u64::from(self.last.1) - u64::from(first.1) + 1)
        })
    }

    /// `A1 to IV65536`.
    fn shown(&self) -> String {
        let at = |(row, col): (u32, u32)| format!("{}{}", column_letter(col as usize), u64::from(row) + 1);
        self.first.map_or_else(String::new, |first| format!("{} to {}", at(first), at(self.last)))
    }
}

/// What calamine builds for one sheet.
#[derive(Debug, Clone, Default)]
struct Sheet {
    /// Cells pushed (each a position and a value), and the grid they make.
    cells: u64,
    span: Span,
    /// Formulas pushed (each a note, once their tokens are cut), and their grid.
    formulas: u64,
    formula_span: Span,
    /// Bytes of text the cells own.
    text: u64,
    /// Where a DIMENSIONS record claims more than the cells span: its data (offset, length), to be zeroed.
    claims: Vec<(usize, usize, u64)>,
    /// Where each formula's token count is, to be cut to zero.
    formula_counts: Vec<usize>,
}

impl Sheet {
    /// Adds a cell holding `text` bytes of text.
    fn cell(&mut self, (row, col): (u32, u32), text: u64) {
        self.cells += 1;
        self.span.add(row, col);
        self.text = self.text.saturating_add(text);
    }

    /// Bytes calamine allocates for the sheet: the cells as pushed (a growing vector, up to twice their size),
    /// the grid, the text, and the same for formulas.
    fn cost(&self) -> u64 {
        let cell = size_of::<Cell<Data>>() as u64;
        let formula = size_of::<Cell<String>>() as u64;
        (2 * self.cells)
            .saturating_mul(cell)
            .saturating_add(self.grid())
            .saturating_add(self.text)
            .saturating_add((2 * self.formulas).saturating_mul(formula))
            .saturating_add(self.formula_span.area().saturating_mul(size_of::<String>() as u64))
            .saturating_add(self.formulas.saturating_mul(FORMULA_NOTE))
    }

    /// Bytes of the grid of values alone (what a copy of the sheet takes, with its text).
    fn grid(&self) -> u64 {
        self.span.area().saturating_mul(size_of::<Data>() as u64)
    }

    /// What takes most of the sheet's memory, in words.
    fn what(&self) -> String {
        if self.text > self.grid() {
            format!("copies {} of text into its cells", budget::shown(self.text))
        } else {
            format!("spreads its cells from {}", self.span.shown())
        }
    }
}

/// A shared string as calamine holds it: the bytes of its own copy (reserved room included), and of each copy made
/// for a cell that names it.
#[derive(Debug, Clone, Copy)]
struct Shared {
    owned: u64,
    copy: u64,
}

/// Walks the workbook stream as calamine will, rewriting what it would misread (see the module), and says whether
/// calamine may read it.
fn inspect(stream: &mut [u8], file_size: u64) -> Inspected {
    let mut sheets: Vec<(u32, String)> = Vec::new();
    let mut strings: Vec<Shared> = Vec::new();
    let mut text = Text { biff8: true, utf8_per_unit: UTF8_PER_UNIT };
    for r in records(stream, 0) {
        let data = &stream[r.start..r.start + r.len];
        match r.typ {
            FILEPASS if u16_at(data, 0).is_some_and(|v| v != 0) => return Inspected::Encrypted,
            BOF => text.biff8 = is_biff8(data),
            CODEPAGE if u16_at(data, 0) != Some(1200) => text.utf8_per_unit = UTF8_PER_UNIT_LEGACY,
            BOUNDSHEET => {
                if let Some(pos) = u32_at(data, 0) {
                    sheets.push((pos, sheet_name(data, text.biff8)));
                }
            }
            SST => {
                let continues: Vec<&[u8]> = records(stream, r.start + r.len)
                    .take_while(|c| c.typ == CONTINUE)
                    .map(|c| &stream[c.start..c.start + c.len])
                    .collect();
                strings = shared_strings(data, &continues, text.utf8_per_unit);
            }
            EOF => break,
            _ => {}
        }
    }

    let allowed = budget::allowed(file_size);
    let mut total: u64 = strings.iter().map(|s| s.owned + size_of::<String>() as u64).sum();
    let mut largest: Option<(u64, usize)> = None;
    let mut largest_copy = 0u64;
    let mut walked: HashMap<u32, Sheet> = HashMap::new();
    for (index, (pos, _)) in sheets.iter().enumerate() {
        let Ok(from) = usize::try_from(*pos) else { continue };
        if from > stream.len() {
            return Inspected::TooLarge(format!(
                "sheet '{}' is said to start beyond the end of the workbook",
                sheets[index].1
            ));
        }
        let sheet = walked.entry(*pos).or_insert_with(|| walk_sheet(stream, from, &strings, text));
        let cost = sheet.cost();
        total = total.saturating_add(cost);
        largest_copy = largest_copy.max(sheet.grid().saturating_add(sheet.text));
        if largest.is_none_or(|(c, _)| cost > c) {
            largest = Some((cost, index));
        }
        if total.saturating_add(largest_copy) > allowed {
            let (_, worst) = largest.unwrap_or((cost, index));
            let what = walked.get(&sheets[worst].0).map(Sheet::what).unwrap_or_default();
            let more =
                if sheets.len() > 1 { format!("; the workbook lists {} sheets", sheets.len()) } else { String::new() };
            return Inspected::TooLarge(format!(
                "reading it could take {} of memory, far more than a file of {} needs: sheet '{}' {what}{more}",
                budget::shown(total.saturating_add(largest_copy)),
                budget::shown(file_size),
                sheets[worst].1
            ));
        }
    }
    for sheet in walked.values() {
        for (start, len, _) in &sheet.claims {
            stream[*start..*start + *len].fill(0);
        }
        for at in &sheet.formula_counts {
            stream[*at..*at + 2].fill(0);
        }
    }
    Inspected::Fine
}

/// How text is stored: BIFF8 strings carry a flags byte; the code page bounds what a character decodes to.
#[derive(Debug, Clone, Copy)]
struct Text {
    biff8: bool,
    utf8_per_unit: u64,
}

/// Whether a BOF record starts a BIFF8 stream (as calamine decides; earlier versions store text differently).
fn is_biff8(data: &[u8]) -> bool {
    let version = u16_at(data, 0).unwrap_or(0x0600);
    let dt = u16_at(data, 2).unwrap_or(0);
    let earlier = matches!(version, 0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500);
    !(earlier || (version == 0 && dt == 0x1000))
}

/// A BOUNDSHEET record's sheet name, for messages.
fn sheet_name(data: &[u8], biff8: bool) -> String {
    let Some(&cch) = data.get(6) else { return String::new() };
    let cch = usize::from(cch);
    if biff8 {
        let wide = data.get(7).is_some_and(|f| f & 1 != 0);
        let chars = data.get(8..).unwrap_or(&[]);
        if wide {
            let units: Vec<u16> = chars.chunks_exact(2).take(cch).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
            String::from_utf16_lossy(&units)
        } else {
            chars.iter().take(cch).map(|b| char::from(*b)).collect()
        }
    } else {
        data.get(7..).unwrap_or(&[]).iter().take(cch).map(|b| char::from(*b)).collect()
    }
}

/// The shared strings as calamine reads them from an SST record and the CONTINUE records after it: stepping through
/// the same bytes the same way, counting instead of decoding. Where calamine would fail (it then reads nothing
/// more), the strings so far.
fn shared_strings(first: &[u8], continues: &[&[u8]], utf8_per_unit: u64) -> Vec<Shared> {
    let mut out = Vec::new();
    let Some(data) = first.get(8..) else { return out };
    let mut chunks = Chunks { data, rest: continues.iter() };
    while !chunks.data.is_empty() || chunks.next() {
        if chunks.data.is_empty() {
            out.push(Shared { owned: 0, copy: 0 });
            continue;
        }
        let Some(string) = shared_string(&mut chunks, utf8_per_unit) else { break };
        out.push(string);
    }
    out
}

/// One `XLUnicodeRichExtendedString`, or `None` where calamine would fail.
fn shared_string(chunks: &mut Chunks<'_>, utf8_per_unit: u64) -> Option<Shared> {
    let cch = u64::from(u16_at(chunks.data, 0)?);
    let flags = *chunks.data.get(2)?;
    chunks.data = &chunks.data[3..];
    let mut runs = 0usize;
    let mut extra = 0usize;
    if flags & 0x8 != 0 {
        runs = usize::from(u16_at(chunks.data, 0)?);
        chunks.data = &chunks.data[2..];
    }
    if flags & 0x4 != 0 {
        // calamine reads a signed count as unsigned: a negative one skips past the end and fails.
        extra = u32_at(chunks.data, 0)? as i32 as usize;
        chunks.data = &chunks.data[4..];
    }
    let mut wide = flags & 0x1 != 0;
    let mut left = cch;
    let mut units = 0u64;
    while left > 0 {
        let available = if wide { chunks.data.len() / 2 } else { chunks.data.len() } as u64;
        let taken = available.min(left);
        let used = if wide { 2 * taken } else { taken };
        chunks.data = &chunks.data[usize::try_from(used).ok()?..];
        left -= taken;
        units += taken;
        if left > 0 {
            if !chunks.next() {
                return None;
            }
            wide = *chunks.data.first()? & 0x1 != 0;
            chunks.data = &chunks.data[1..];
        }
    }
    chunks.skip(runs.checked_mul(4)?)?;
    chunks.skip(extra)?;
    Some(Shared { owned: cch + 2 * utf8_per_unit * units, copy: utf8_per_unit * units })
}

/// A record's data followed by its CONTINUE records', read in order.
struct Chunks<'a> {
    data: &'a [u8],
    rest: std::slice::Iter<'a, &'a [u8]>,
}

impl Chunks<'_> {
    /// Moves to the next CONTINUE record's data.
    fn next(&mut self) -> bool {
        match self.rest.next() {
            Some(data) => {
                self.data = data;
                true
            }
            None => false,
        }
    }

    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            if self.data.is_empty() && !self.next() {
                return None;
            }
            let step = n.min(self.data.len());
            self.data = &self.data[step..];
            n -= step;
        }
        Some(())
    }
}

/// What calamine builds for the sheet whose substream starts at `from`: it reads from there to the sheet's EOF,
/// skipping substreams nested in it (charts).
fn walk_sheet(stream: &[u8], from: usize, strings: &[Shared], text: Text) -> Sheet {
    let mut sheet = Sheet::default();
    let mut claims = Vec::new();
    let mut seen_bof = false;
    let mut depth = 0usize;
    let mut formula_at = (0u32, 0u32);
    for r in records(stream, from) {
        let data = &stream[r.start..r.start + r.len];
        if depth > 0 {
            match r.typ {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match r.typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            DIMENSIONS => claims.push((r.start, r.len, claimed_cells(data))),
            NUMBER | BOOLERR | RK => {
                if let Some(p) = position(data) {
                    sheet.cell(p, 0);
                }
            }
            LABEL | RSTRING => {
                if let Some(p) = position(data) {
                    sheet.cell(p, owned_text(data.get(6..).unwrap_or(&[]), text));
                }
            }
            STRING => sheet.cell(formula_at, owned_text(data, text)),
            LABELSST => {
                let string = u32_at(data, 6).and_then(|i| strings.get(usize::try_from(i).ok()?));
                if let (Some(p), Some(string)) = (position(data), string) {
                    sheet.cell(p, string.copy);
                }
            }
            MULRK => {
                let last = data.len().checked_sub(2).and_then(|end| u16_at(data, end));
                if let (Some((row, first)), Some(last)) = (position(data), last) {
                    let last = u32::from(last);
                    let n = u64::from(last.saturating_sub(first)) + 1;
                    if last >= first && data.len() as u64 == 6 + 6 * n {
                        sheet.cells += n;
                        sheet.span.add(row, first);
                        sheet.span.add(row, last);
                    }
                }
            }
            FORMULA => {
                if let Some(p) = position(data) {
                    formula_at = p;
                    if data.len() >= 20 {
                        sheet.cell(p, 0);
                        sheet.formulas += 1;
                        sheet.formula_span.add(p.0, p.1);
                    }
                    if data.len() >= 22 {
                        sheet.formula_counts.push(r.start + 20);
                    }
                }
            }
            _ => {}
        }
    }
    // A claim is kept when it is no larger than the grid the cells make (then it is what calamine needs).
    let needed = sheet.span.area().max(sheet.cells);
    sheet.claims = claims.into_iter().filter(|(_, _, cells)| *cells == u64::MAX || *cells > needed).collect();
    sheet
}

/// A cell record's row and column.
fn position(data: &[u8]) -> Option<(u32, u32)> {
    Some((u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?)))
}

/// The bytes calamine keeps for the string of a text cell (`XLUnicodeString`): the room its stated length reserves,
/// whatever the record holds, and what the characters it holds can decode to.
fn owned_text(data: &[u8], text: Text) -> u64 {
    let header = if text.biff8 { 3 } else { 2 };
    let cch = u64::from(u16_at(data, 0).unwrap_or(0));
    let units = data.len().saturating_sub(header) as u64;
    cch + 2 * text.utf8_per_unit * units.min(cch)
}

/// The cells calamine reserves room for from a DIMENSIONS record, or `u64::MAX` where its corners are the wrong way
/// round (calamine's subtraction then overflows) or the record is not one it reads.
fn claimed_cells(data: &[u8]) -> u64 {
    let (first_row, rows_end, mut first_col, cols_end) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0).unwrap_or(0)),
            u32::from(u16_at(data, 2).unwrap_or(0)),
            u32::from(u16_at(data, 4).unwrap_or(0)),
            u32::from(u16_at(data, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(data, 0).unwrap_or(0),
            u32_at(data, 4).unwrap_or(0),
            u32::from(u16_at(data, 8).unwrap_or(0)),
            u32::from(u16_at(data, 10).unwrap_or(0)),
        ),
        _ => return 0,
    };
    if first_col > 0xFF || cols_end < first_col {
        first_col = 0;
    }
    if rows_end < 1 || cols_end < 1 {
        return 1;
    }
    let (last_row, last_col) = (rows_end - 1, cols_end - 1);
    if last_row < first_row || last_col < first_col {
        return u64::MAX;
    }
    u64::from(last_row - first_row + 1) * u64::from(last_col - first_col + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
        out.extend(typ.to_le_bytes());
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
    }

    #[test]
    fn records_stop_at_one_cut_short() {
        let mut stream = Vec::new();
        record(&mut stream, 0x0809, &[0u8; 16]);
        record(&mut stream, 0x000A, &[]);
        stream.extend([0x03, 0x02, 0xFF]);
        let found: Vec<(u16, usize)> = records(&stream, 0).map(|r| (r.typ, r.len)).collect();
        assert_eq!(found, [(0x0809, 16), (0x000A, 0)]);
    }

    #[test]
    fn a_dimensions_claim_is_counted_as_calamine_counts_it() {
        let biff8 = |rf: u32, rl: u32, cf: u16, cl: u16| {
            let mut d = Vec::new();
            d.extend(rf.to_le_bytes());
            d.extend(rl.to_le_bytes());
            d.extend(cf.to_le_bytes());
            d.extend(cl.to_le_bytes());
            d.extend([0, 0]);
            d
        };
        assert_eq!(claimed_cells(&biff8(0, 4, 0, 5)), 20);
        assert_eq!(claimed_cells(&biff8(0, u32::MAX, 0, 256)), (u64::from(u32::MAX)) * 256);
        assert_eq!(claimed_cells(&biff8(0, 0, 0, 0)), 1, "an empty sheet");
        assert_eq!(claimed_cells(&biff8(9, 2, 0, 5)), u64::MAX, "the wrong way round");
        assert_eq!(claimed_cells(&biff8(0, 4, 300, 5)), 20, "a first column past IV counts from A, as calamine does");
        assert_eq!(claimed_cells(&[0u8; 12]), 0, "not a length calamine reads");
    }

    /// An SST record of `strings` split over a CONTINUE record in the middle of the second string's characters, the
    /// continuation in UTF-16.
    #[test]
    fn shared_strings_are_counted_across_continue_records() {
        let mut first = Vec::new();
        first.extend(2u32.to_le_bytes());
        first.extend(2u32.to_le_bytes());
        first.extend(3u16.to_le_bytes());
        first.push(0);
        first.extend(b"abc");
        first.extend(5u16.to_le_bytes());
        first.push(0x8); // rich text: two formatting runs
        first.extend(2u16.to_le_bytes());
        first.extend(b"de");
        let mut next = vec![1u8];
        next.extend("fgh".encode_utf16().flat_map(u16::to_le_bytes));
        next.extend([0u8; 8]);
        let strings = shared_strings(&first, &[&next], UTF8_PER_UNIT);
        assert_eq!(strings.len(), 2);
        assert_eq!(strings[0].copy, 3 * UTF8_PER_UNIT);
        assert_eq!(strings[1].copy, 5 * UTF8_PER_UNIT);
        assert_eq!(strings[1].owned, 5 + 10 * UTF8_PER_UNIT);
        // The runs cut short: calamine fails there, and reads nothing more.
        assert_eq!(shared_strings(&first, &[&next[..10]], UTF8_PER_UNIT).len(), 1);
    }

    #[test]
    fn a_span_names_its_corners() {
        let mut span = Span::default();
        assert_eq!(span.area(), 0);
        span.add(3, 2);
        span.add(0, 255);
        span.add(65_535, 0);
        assert_eq!(span.area(), 65_536 * 256);
        assert_eq!(span.shown(), "A1 to IV65536");
    }
}
