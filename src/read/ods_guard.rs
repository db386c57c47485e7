//! An OpenDocument spreadsheet's `content.xml` as calamine is given it: each stretch read here first, with the XML
//! reader calamine uses set up as calamine sets it up, and handed over only once what calamine will build from it
//! is known to fit the file's allowance (`read::budget`).
//!
//! calamine reads an ods whole when it opens it, and an ods says how often things repeat: a cell repeated across
//! 16,384 columns (`table:number-columns-repeated`), a row repeated down a million rows
//! (`table:number-rows-repeated`), two billion spaces in one `<text:s text:c="2000000000"/>`. calamine writes every
//! copy out: a cell of a number repeated across a row, in 10,000 rows, is 9 GB from a 10 KB file. Real files use
//! repeats too (runs of empty cells, identical neighbours), so nothing is rewritten: the copies calamine will make
//! are counted as it will make them (capped where calamine caps them: 16,384 columns, 1,048,576 rows, 100 million
//! cells a sheet) and a file whose copies would take more than its allowance is stopped where they start, with the
//! sheet and the cell named. The check runs on the thread that inflates the part (`read::Inflated`), beside
//! calamine's parsing, and costs no time on the thread calamine parses on.

use std::io::{BufReader, Cursor, Read};
use std::mem::size_of;

use calamine::Data;
use quick_xml::events::Event;

use super::budget;
use super::header::column_letter;

/// calamine's caps (its ods reader's `MAX_ROWS`, `MAX_COLUMNS`, `MAX_CELLS`).
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;
const MAX_CELLS: u64 = 100_000_000;

/// A cell as calamine holds it while reading a sheet: its value and its formula.
const CELL: u64 = (size_of::<Data>() + size_of::<String>()) as u64;
/// A row as calamine holds it while reading a sheet: where its cells start, and its repeat count.
const ROW: u64 = 2 * size_of::<usize>() as u64;

/// How much of the part is read and checked before a stretch is handed over.
const STRETCH: usize = 1 << 16;

/// Reads the part `content` (a `content.xml`), handing each checked stretch to `send` (which says `false` when
/// the reader has hung up). An error is why the part may not be read, in words for the user.
///
/// The markup is split into tags as calamine's XML reader splits it (`quick-xml`, set up as calamine sets it up:
/// a tag ends at the first `>` outside quotes, an end tag's name is what precedes its `>`, a processing instruction
/// ends at `?>`), with a few lines of code rather than the reader itself, which would double the time calamine
/// takes. From the first comment, CDATA section or document type declaration on (no spreadsheet writer puts one in
/// `content.xml`), the reader itself takes over.
pub(crate) fn vet(mut content: impl Read, send: &mut dyn FnMut(Vec<u8>) -> bool) -> Result<(), String> {
    let mut sheets = Sheets::default();
    let mut buf: Vec<u8> = Vec::with_capacity(2 * STRETCH);
    let mut at = 0;
    let mut eof = false;
    loop {
        loop {
            match lex(&buf[at..], eof) {
                Lexed::Token(token, len) => {
                    sheets.event(&token, len as u64)?;
                    if let Token::Start { empty: true, name, .. } = token {
                        sheets.event(&Token::End { name }, 0)?;
                    }
                    at += len;
                }
                Lexed::More => break,
                Lexed::Bang => {
                    let rest = buf.split_off(at);
                    if !buf.is_empty() && !send(buf) {
                        return Ok(());
                    }
                    return with_xml_reader(Cursor::new(rest).chain(content), sheets, send);
                }
                Lexed::Broken(why) => return Err(format!("its content.xml is not well-formed ({why})")),
            }
        }
        if at >= STRETCH || (eof && at > 0) {
            let rest = buf.split_off(at);
            let stretch = std::mem::replace(&mut buf, rest);
            at = 0;
            if !send(stretch) {
                return Ok(());
            }
        }
        if eof {
            return Ok(());
        }
        let before = buf.len();
        buf.resize(before + STRETCH, 0);
        let n = loop {
            match content.read(&mut buf[before..]) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                other => break other.map_err(|e| format!("its content.xml could not be read ({e})"))?,
            }
        };
        buf.truncate(before + n);
        eof = n == 0;
    }
}

/// The rest of the part read with calamine's XML reader itself (after markup the quick split does not follow).
fn with_xml_reader(
    content: impl Read,
    mut sheets: Sheets,
    send: &mut dyn FnMut(Vec<u8>) -> bool,
) -> Result<(), String> {
    let tee = Tee { inner: content, seen: Vec::new() };
    let mut xml = quick_xml::Reader::from_reader(BufReader::with_capacity(STRETCH, tee));
    // As calamine sets up its reader (ods.rs, `parse_content`), so the two read the same events; starting inside
    // the document, end tags of elements opened before are not errors.
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    config.allow_unmatched_ends = true;
    let mut buf = Vec::new();
    let mut handed: u64 = 0;
    loop {
        let before = xml.buffer_position();
        let event = xml.read_event_into(&mut buf).map_err(|e| format!("its content.xml is not well-formed ({e})"))?;
        let span = xml.buffer_position() - before;
        let end = matches!(event, Event::Eof);
        let token = match &event {
            Event::Start(e) => {
                Token::Start { name: e.name().0.as_bytes(), attrs: e.attributes_raw().as_bytes(), empty: false }
            }
            Event::End(e) => Token::End { name: e.name().0.as_bytes() },
            _ => Token::Other,
        };
        sheets.event(&token, span)?;
        let checked = xml.buffer_position();
        if checked - handed >= STRETCH as u64 || end {
            let seen = &mut xml.get_mut().get_mut().seen;
            // At the end, everything read.
            let n =
                if end { seen.len() } else { usize::try_from(checked - handed).unwrap_or(usize::MAX).min(seen.len()) };
            let rest = seen.split_off(n);
            let stretch = std::mem::replace(seen, rest);
            handed += n as u64;
            if !send(stretch) || end {
                return Ok(());
            }
        }
        buf.clear();
    }
}

/// Reads through, keeping what it read until it is handed over.
struct Tee<R> {
    inner: R,
    seen: Vec<u8>,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(out)?;
        self.seen.extend_from_slice(&out[..n]);
        Ok(n)
    }
}

/// One piece of the markup, as calamine's reader reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    /// A start tag: its name, the rest of it (the attributes), and whether it closes itself (`<a/>`, which calamine
    /// reads as a start and an end).
    Start { name: &'a [u8], attrs: &'a [u8], empty: bool },
    /// An end tag.
    End { name: &'a [u8] },
    /// Text, a processing instruction.
    Other,
}

/// What the quick split found at the start of the bytes.
#[derive(Debug, PartialEq, Eq)]
enum Lexed<'a> {
    /// A token of this many bytes.
    Token(Token<'a>, usize),
    /// More bytes are needed to finish the token.
    More,
    /// `<!`: a comment, CDATA section or document type declaration.
    Bang,
    /// Markup calamine's reader stops at.
    Broken(&'static str),
}

/// Splits off the first token of `bytes` (`eof`: nothing follows them).
fn lex(bytes: &[u8], eof: bool) -> Lexed<'_> {
    let Some(&first) = bytes.first() else { return Lexed::More };
    if first != b'<' {
        // Text, up to the next tag (text may be split anywhere).
        let len = memchr::memchr(b'<', bytes).unwrap_or(bytes.len());
        return Lexed::Token(Token::Other, len);
    }
    let unfinished = if eof { Lexed::Broken("it ends inside a tag") } else { Lexed::More };
    let Some(&second) = bytes.get(1) else { return unfinished };
    match second {
        b'!' => Lexed::Bang,
        b'?' => {
            // The first `>` after a `?` (`<?>` included).
            let end = memchr::memchr_iter(b'>', &bytes[1..]).find(|&i| i > 0 && bytes[i] == b'?');
            match end {
                Some(i) => Lexed::Token(Token::Other, i + 2),
                None => unfinished,
            }
        }
        _ => {
            let Some(gt) = tag_end(&bytes[1..]).map(|i| i + 1) else { return unfinished };
            let len = gt + 1;
            if second == b'/' {
                let content = &bytes[2..gt];
                let kept = content.iter().rposition(|b| !is_xml_space(*b)).map_or(content.len(), |i| i + 1);
                return Lexed::Token(Token::End { name: &content[..kept] }, len);
            }
            let (content, empty) = match bytes[1..gt].strip_suffix(b"/") {
                Some(content) => (content, true),
                None => (&bytes[1..gt], false),
            };
            let name_len = content.iter().position(|b| is_xml_space(*b)).unwrap_or(content.len());
            Lexed::Token(Token::Start { name: &content[..name_len], attrs: &content[name_len..], empty }, len)
        }
    }
}

/// Where a tag ends: the first `>` outside quotes (quick-xml's `ElementParser`).
fn tag_end(bytes: &[u8]) -> Option<usize> {
    let mut quote = None;
    for i in memchr::memchr3_iter(b'>', b'\'', b'"', bytes) {
        match (quote, bytes[i]) {
            (None, b'>') => return Some(i),
            (None, q) => quote = Some(q),
            (Some(q), b) if q == b => quote = None,
            _ => {}
        }
    }
    None
}

fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\r' | b'\n' | b'\t')
}

/// What calamine builds from the part so far, sheet by sheet, as it follows the same events (ods.rs: `parse_content`,
/// `read_table`, `read_row`, `get_datatype`, `get_range`).
#[derive(Default)]
struct Sheets {
    /// Bytes of the part read.
    read: u64,
    /// Bytes calamine holds for the sheets read whole.
    done: u64,
    /// The largest copy of one sheet (calamine hands over a copy of the sheet asked for).
    largest_copy: u64,
    /// The sheet being read.
    sheet: Option<Sheet>,
}

/// One `<table:table>`.
#[derive(Default)]
struct Sheet {
    name: String,
    /// Rows so far (repeats counted, capped as calamine caps them).
    rows: u64,
    /// Bytes of the cells calamine has pushed for the sheet (a growing vector: up to twice their size), their text
    /// and its rows.
    pushed: u64,
    /// The grid calamine will make: rows from the first with a value to the last (repeats counted), and the widest
    /// of them; text copied into it.
    grid_rows: u64,
    empty_rows_since: u64,
    width: u64,
    grid_text: u64,
    row: Option<Row>,
    /// Depth of elements inside the cell being read, and what it holds.
    cell: Option<CellRead>,
}

/// One `<table:table-row>`.
#[derive(Default)]
struct Row {
    repeats: u64,
    /// Its first row number (1-based, repeats counted).
    first: u64,
    /// Cells pushed, empty cells waiting for a value to follow them, and whether any cell holds something.
    cells: u64,
    pending: u64,
    used: bool,
    /// Bytes of text in the row's cells (each copy counted).
    text: u64,
}

struct CellRead {
    depth: u32,
    repeats: u64,
    /// Bytes of the cell's content and of the spaces its `<text:s>` elements expand to.
    text: u64,
}

impl Sheets {
    /// Follows one token of `span` bytes; an error when what calamine will build no longer fits.
    fn event(&mut self, token: &Token<'_>, span: u64) -> Result<(), String> {
        self.read += span;
        let Some(sheet) = self.sheet.as_mut() else {
            if let Token::Start { name: b"table:table", attrs, .. } = token {
                if let Some(name) = attribute(attrs, b"table:name") {
                    self.sheet = Some(Sheet { name: String::from_utf8_lossy(name).into_owned(), ..Sheet::default() });
                }
            }
            return Ok(());
        };
        if let Some(cell) = sheet.cell.as_mut() {
            cell.text = cell.text.saturating_add(span);
            match token {
                Token::Start { name, attrs, .. } => {
                    cell.depth += 1;
                    if *name == b"text:s" {
                        // calamine counts the spaces as an `i32`, decoded first.
                        let spaces = attribute(attrs, b"text:c").map_or(Some(1), decoded_number).unwrap_or(0);
                        cell.text = cell.text.saturating_add(spaces.min(i32::MAX as u64));
                    }
                }
                Token::End { .. } if cell.depth > 0 => cell.depth -= 1,
                Token::End { .. } => {
                    let (repeats, text) = (cell.repeats, cell.text);
                    sheet.cell = None;
                    if let Some(row) = sheet.row.as_mut() {
                        let copies = repeats.saturating_mul(text);
                        row.text = row.text.saturating_add(copies);
                        sheet.pushed = sheet.pushed.saturating_add(copies);
                    }
                }
                Token::Other => {}
            }
            return self.check();
        }
        match token {
            Token::Start { name: b"table:table-row", attrs, .. } => {
                // calamine decodes this count before reading it as a number (and stops at one it cannot read).
                let asked = attribute(attrs, b"table:number-rows-repeated").map_or(Some(1), decoded_number);
                let repeats = asked.unwrap_or(1).min(MAX_ROWS.saturating_sub(sheet.rows));
                let first = sheet.rows + 1;
                sheet.rows += repeats;
                sheet.pushed = sheet.pushed.saturating_add(2 * ROW);
                sheet.row = Some(Row { repeats, first, ..Row::default() });
            }
            Token::Start { name: b"table:table-cell" | b"table:covered-table-cell", attrs, .. } => {
                let Some(row) = sheet.row.as_mut() else { return Ok(()) };
                // calamine reads this count as it stands (and stops at one it cannot read).
                let asked = attribute(attrs, b"table:number-columns-repeated")
                    .map_or(1, |v| std::str::from_utf8(v).ok().and_then(|v| v.parse().ok()).unwrap_or(1));
                let holds = holds_something(attrs);
                let mut cells = 0u64;
                if holds {
                    // The empty cells before this one are written out now.
                    cells = row.pending.min(MAX_COLUMNS.saturating_sub(row.cells));
                    row.cells += cells;
                    row.pending = 0;
                }
                let repeats = asked.min(MAX_COLUMNS.saturating_sub(row.cells));
                let mut text = 0;
                if holds {
                    row.cells += repeats;
                    row.used = true;
                    cells += repeats;
                    // Each copy holds the value and formula written in the tag.
                    text = repeats.saturating_mul(span);
                    row.text = row.text.saturating_add(text);
                } else {
                    row.pending = repeats;
                }
                sheet.pushed = sheet.pushed.saturating_add(cells.saturating_mul(2 * CELL)).saturating_add(text);
                sheet.cell = Some(CellRead { depth: 0, repeats: if holds { repeats } else { 0 }, text: 0 });
            }
            Token::End { name: b"table:table-row" } => {
                if let Some(row) = sheet.row.take() {
                    if row.used {
                        sheet.grid_rows =
                            sheet.grid_rows.saturating_add(sheet.empty_rows_since).saturating_add(row.repeats);
                        sheet.empty_rows_since = 0;
                        sheet.width = sheet.width.max(row.cells);
                        sheet.grid_text = sheet.grid_text.saturating_add(row.text.saturating_mul(row.repeats));
                    } else if sheet.grid_rows > 0 {
                        sheet.empty_rows_since = sheet.empty_rows_since.saturating_add(row.repeats);
                    }
                }
            }
            Token::End { name: b"table:table" } => {
                let (cost, copy) = sheet.cost();
                self.done = self.done.saturating_add(cost);
                self.largest_copy = self.largest_copy.max(copy);
                let result = self.check();
                self.sheet = None;
                return result;
            }
            _ => {}
        }
        self.check()
    }

    /// An error when the sheets read, the sheet being read and the copy calamine hands over would take more than
    /// the allowance for the bytes read so far.
    fn check(&self) -> Result<(), String> {
        let (current, copy) = self.sheet.as_ref().map_or((0, 0), Sheet::cost);
        let total = self.done.saturating_add(current).saturating_add(self.largest_copy.max(copy));
        if total <= budget::allowed(self.read) {
            return Ok(());
        }
        let what = self.sheet.as_ref().map_or_else(String::new, |sheet| {
            let at = match &sheet.row {
                Some(row) => {
                    let col = usize::try_from(row.cells.saturating_sub(1)).unwrap_or(usize::MAX);
                    format!("at {}{}", column_letter(col), row.first)
                }
                None => format!("by row {}", sheet.rows),
            };
            format!(": sheet '{}' repeats cells ({at}) into far more than the file holds", sheet.name)
        });
        Err(format!(
            "reading it could take {} of memory, far more than its {} of content needs{what}",
            budget::shown(total),
            budget::shown(self.read)
        ))
    }
}

impl Sheet {
    /// Bytes calamine holds for the sheet as read so far (its pushed cells, and the grid it makes of them at the
    /// sheet's end), and the bytes of the copy of the grid it hands over.
    fn cost(&self) -> (u64, u64) {
        let cells = self.grid_rows.saturating_mul(self.width).min(MAX_CELLS);
        let grid = cells.saturating_mul(CELL).saturating_add(self.grid_text);
        let copy = cells.saturating_mul(size_of::<Data>() as u64).saturating_add(self.grid_text);
        (self.pushed.saturating_add(grid), copy)
    }
}

/// Whether calamine gives a cell a value or a formula: a value attribute, text content (a string cell), or a
/// formula. Counted generously: a cell counted here may still be empty to calamine, never the other way round.
fn holds_something(attrs: &[u8]) -> bool {
    attributes(attrs).any(|(key, value)| match key {
        b"office:value"
        | b"office:string-value"
        | b"office:date-value"
        | b"office:time-value"
        | b"office:boolean-value"
        | b"table:formula" => true,
        b"office:value-type" => value == b"string",
        b"calcext:value-type" => value == b"error",
        _ => false,
    })
}

/// A whole number of 0 or more written in an attribute, its character references decoded (`None` when it is not
/// one; a negative number is 0).
fn decoded_number(value: &[u8]) -> Option<u64> {
    let decoded = quick_xml::escape::unescape(std::str::from_utf8(value).ok()?).ok()?;
    match decoded.parse::<i64>() {
        Ok(n) => Some(n.max(0) as u64),
        Err(_) => decoded.parse::<u64>().ok(),
    }
}

/// The first value of attribute `name`, undecoded (as calamine's `raw_attr` finds it).
fn attribute<'a>(attrs: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    attributes(attrs).find(|(key, _)| *key == name).map(|(_, value)| value)
}

/// A tag's attributes as calamine reads them (`attrs.rs`, `RawAttrIter`): a key up to `=`, a quoted value; it
/// stops at the first malformed one (where calamine reports an error).
fn attributes(attrs: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut rest = attrs;
    std::iter::from_fn(move || {
        let trimmed = rest.trim_ascii_start();
        if trimmed.is_empty() {
            return None;
        }
        let eq = memchr::memchr(b'=', trimmed)?;
        let key = trimmed[..eq].trim_ascii_end();
        let after = trimmed[eq + 1..].trim_ascii_start();
        let quote = *after.first().filter(|q| **q == b'"' || **q == b'\'')?;
        let body = &after[1..];
        let close = memchr::memchr(quote, body).unwrap_or(body.len());
        rest = body.get(close + 1..).unwrap_or(&[]);
        Some((key, &body[..close]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stretches `vet` hands over for `content`, joined, or its error.
    fn through(content: &str) -> Result<String, String> {
        let mut out = Vec::new();
        vet(content.as_bytes(), &mut |stretch| {
            out.extend(stretch);
            true
        })?;
        Ok(String::from_utf8(out).expect("UTF-8"))
    }

    fn document(tables: &str) -> String {
        format!("<?xml version=\"1.0\"?><office:document-content><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>\n")
    }

    #[test]
    fn an_honest_document_is_handed_over_byte_for_byte() {
        let row = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Band 5</text:p></table:table-cell><table:table-cell table:number-columns-repeated=\"3\"/><table:table-cell office:value-type=\"float\" office:value=\"4\" table:number-columns-repeated=\"2\"/><table:table-cell table:number-columns-repeated=\"16370\"/></table:table-row>";
        let content = document(&format!(
            "<table:table table:name=\"Staff\">{}<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row></table:table>",
            row.repeat(5_000)
        ));
        assert_eq!(through(&content).expect("honest"), content);
    }

    #[test]
    fn a_value_repeated_beyond_the_allowance_is_stopped_naming_the_sheet() {
        let row = "<table:table-row><table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"float\" office:value=\"1\"/></table:table-row>";
        let content = document(&format!("<table:table table:name=\"Staff\">{}</table:table>", row.repeat(2_000)));
        let e = through(&content).expect_err("refused");
        assert!(e.starts_with("reading it could take"), "{e}");
        assert!(e.contains("sheet 'Staff' repeats cells (by row 1"), "{e}");
    }

    #[test]
    fn spaces_and_repeated_rows_are_counted() {
        let spaces = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p><text:s text:c=\"2000000000\"/></text:p></table:table-cell></table:table-row>";
        assert!(through(&document(&format!("<table:table table:name=\"S\">{spaces}</table:table>"))).is_err());
        let rows = "<table:table-row table:number-rows-repeated=\"6000\"><table:table-cell table:number-columns-repeated=\"16384\" office:value=\"1\"/></table:table-row>";
        assert!(through(&document(&format!("<table:table table:name=\"S\">{rows}</table:table>"))).is_err());
        // Empty rows after the last value are not written out: LibreOffice ends every sheet so.
        let tail = "<table:table-row><table:table-cell office:value=\"1\"/></table:table-row><table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>";
        assert!(through(&document(&format!("<table:table table:name=\"S\">{tail}</table:table>"))).is_ok());
    }

    /// The start and end tags calamine's reader reports for `text`, up to its first error.
    fn reader_tags(text: &str) -> Vec<(bool, String, String)> {
        let mut xml = quick_xml::Reader::from_str(text);
        let config = xml.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        config.expand_empty_elements = true;
        let mut out = Vec::new();
        loop {
            match xml.read_event() {
                Ok(Event::Start(e)) => out.push((true, e.name().0.to_string(), e.attributes_raw().to_string())),
                Ok(Event::End(e)) => out.push((false, e.name().0.to_string(), String::new())),
                Ok(Event::Eof) | Err(_) => return out,
                Ok(_) => {}
            }
        }
    }

    /// The start and end tags the quick split reports for `text`.
    fn split_tags(text: &str) -> Vec<(bool, String, String)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        let shown = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        while let Lexed::Token(token, len) = lex(&bytes[at..], true) {
            match token {
                Token::Start { name, attrs, empty } => {
                    out.push((true, shown(name), shown(attrs)));
                    if empty {
                        out.push((false, shown(name), String::new()));
                    }
                }
                Token::End { name } => out.push((false, shown(name), String::new())),
                Token::Other => {}
            }
            at += len;
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, failure_persistence: None, ..Default::default() })]

        /// Wherever calamine's reader reports a tag, the quick split reports the same one, in the same order.
        #[test]
        fn the_quick_split_sees_every_tag_calamines_reader_sees(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "<", ">", "/", "/>", "</", "\"", "'", "?", "<?", "?>", " ", "\n", "=", "a", "table:table-row",
                "table:table-cell", " b=\"1\"", " c='>'", "&amp;", "text", "\t", "x y",
            ]), 0..40)
        ) {
            let text: String = pieces.concat();
            let theirs = reader_tags(&text);
            let ours = split_tags(&text);
            proptest::prop_assert!(ours.len() >= theirs.len(), "{text:?}: {ours:?} / {theirs:?}");
            proptest::prop_assert_eq!(&ours[..theirs.len()], &theirs[..], "{:?}", text);
        }
    }

    #[test]
    fn the_quick_split_follows_quotes_instructions_and_end_tags_as_calamines_reader_does() {
        for text in [
            "<?xml version=\"1.0\"?><a b=\">\" c='/'>x</a ><d/><e f=\"/\"></e><?>?><g></g h=\">\" >",
            "<table:table-row\ttable:number-rows-repeated='2'><table:table-cell/></table:table-row>",
        ] {
            let theirs = reader_tags(text);
            assert!(theirs.len() >= 2, "{theirs:?}");
            // calamine's reader stops at `<?>` (a processing instruction without a target); the split reads on.
            assert_eq!(split_tags(text)[..theirs.len()], theirs[..], "{text}");
        }
    }

    #[test]
    fn a_part_read_a_byte_at_a_time_is_handed_over_whole() {
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let Some((first, rest)) = self.0.split_first() else { return Ok(0) };
                let Some(slot) = out.first_mut() else { return Ok(0) };
                *slot = *first;
                self.0 = rest;
                Ok(1)
            }
        }
        let row = "<table:table-row><table:table-cell office:value-type=\"string\" office:string-value=\"a>b\"/><table:table-cell/></table:table-row>";
        let content = document(&format!("<table:table table:name=\"S\">{}</table:table><!-- a comment --><table:table table:name=\"T\">{row}</table:table>", row.repeat(3)));
        let mut out = Vec::new();
        vet(Trickle(content.as_bytes()), &mut |s| {
            out.extend(s);
            true
        })
        .expect("honest");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), content);
        // A repeat hidden after a comment is still counted (calamine's reader reads the rest).
        let bomb = "<table:table-row><table:table-cell table:number-columns-repeated=\"16384\" office:value=\"1\"/></table:table-row>";
        let hidden = document(&format!("<!-- x --><table:table table:name=\"S\">{}</table:table>", bomb.repeat(2_000)));
        assert!(vet(Trickle(hidden.as_bytes()), &mut |_| true).is_err());
    }

    #[test]
    fn malformed_xml_is_refused() {
        let e = through("<a><b attr=\"x").expect_err("refused");
        assert!(e.starts_with("its content.xml is not well-formed"), "{e}");
    }

    #[test]
    fn attributes_are_read_as_calamine_reads_them() {
        let attrs = b" a = '1' b=\"x>y\" table:number-columns-repeated=\"7\"";
        let found: Vec<(&[u8], &[u8])> = attributes(attrs).collect();
        assert_eq!(found, [(&b"a"[..], &b"1"[..]), (b"b", b"x>y"), (b"table:number-columns-repeated", b"7")]);
        assert_eq!(attribute(attrs, b"table:number-columns-repeated"), Some(&b"7"[..]));
        assert_eq!(decoded_number(b"&#54;000"), Some(6000));
        assert_eq!(decoded_number(b"-5"), Some(0));
    }
}
