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

use std::io::{BufReader, Read};
use std::mem::size_of;

use calamine::Data;
use quick_xml::events::{BytesStart, Event};

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

/// How much the part is read ahead of calamine before a stretch is handed over.
const STRETCH: u64 = 1 << 16;

/// Reads the part `content` (a `content.xml`), handing each checked stretch to `send` (which says `false` when
/// the reader has hung up). An error is why the part may not be read, in words for the user.
pub(crate) fn vet(content: impl Read, send: &mut dyn FnMut(Vec<u8>) -> bool) -> Result<(), String> {
    let tee = Tee { inner: content, seen: Vec::new() };
    let mut xml = quick_xml::Reader::from_reader(BufReader::with_capacity(STRETCH as usize, tee));
    // As calamine sets up its reader (ods.rs, `parse_content`), so the two read the same events.
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut sheets = Sheets::default();
    let mut buf = Vec::new();
    let mut handed: u64 = 0;
    loop {
        let before = xml.buffer_position();
        let event = xml.read_event_into(&mut buf).map_err(|e| format!("its content.xml is not well-formed ({e})"))?;
        let end = matches!(event, Event::Eof);
        let span = xml.buffer_position() - before;
        sheets.event(&event, span)?;
        let checked = xml.buffer_position();
        if checked - handed >= STRETCH || end {
            let seen = &mut xml.get_mut().get_mut().seen;
            // At the end, everything read (bytes after the document too: calamine reads them as it ends).
            let n =
                if end { seen.len() } else { usize::try_from(checked - handed).unwrap_or(usize::MAX).min(seen.len()) };
            let stretch: Vec<u8> = seen.drain(..n).collect();
            handed += n as u64;
            if !send(stretch) {
                return Ok(());
            }
        }
        if end {
            return Ok(());
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
    /// Follows one event of `span` bytes; an error when what calamine will build no longer fits.
    fn event(&mut self, event: &Event<'_>, span: u64) -> Result<(), String> {
        self.read += span;
        let Some(sheet) = self.sheet.as_mut() else {
            if let Event::Start(e) = event {
                if e.name().as_ref() == "table:table" {
                    if let Some(name) = attribute(e, "table:name") {
                        self.sheet = Some(Sheet { name: name.to_string(), ..Sheet::default() });
                    }
                }
            }
            return Ok(());
        };
        if let Some(cell) = sheet.cell.as_mut() {
            cell.text = cell.text.saturating_add(span);
            match event {
                Event::Start(e) => {
                    cell.depth += 1;
                    if e.name().as_ref() == "text:s" {
                        // calamine counts the spaces as an `i32`, decoded first.
                        let spaces = attribute(e, "text:c").map_or(Some(1), decoded_number).unwrap_or(0);
                        cell.text = cell.text.saturating_add(spaces.min(i32::MAX as u64));
                    }
                }
                Event::End(_) if cell.depth > 0 => cell.depth -= 1,
                Event::End(_) => {
                    let (repeats, text) = (cell.repeats, cell.text);
                    sheet.cell = None;
                    if let Some(row) = sheet.row.as_mut() {
                        let copies = repeats.saturating_mul(text);
                        row.text = row.text.saturating_add(copies);
                        sheet.pushed = sheet.pushed.saturating_add(copies);
                    }
                }
                _ => {}
            }
            return self.check();
        }
        match event {
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                // calamine decodes this count before reading it as a number (and stops at one it cannot read).
                let asked = attribute(e, "table:number-rows-repeated").map_or(Some(1), decoded_number);
                let repeats = asked.unwrap_or(1).min(MAX_ROWS.saturating_sub(sheet.rows));
                let first = sheet.rows + 1;
                sheet.rows += repeats;
                sheet.pushed = sheet.pushed.saturating_add(2 * ROW);
                sheet.row = Some(Row { repeats, first, ..Row::default() });
            }
            Event::Start(e) if is_cell(e) => {
                let Some(row) = sheet.row.as_mut() else { return Ok(()) };
                // calamine reads this count as it stands (and stops at one it cannot read).
                let asked = attribute(e, "table:number-columns-repeated").map_or(1, |v| v.parse().unwrap_or(1));
                let holds = holds_something(e);
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
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
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
            Event::End(e) if e.name().as_ref() == "table:table" => {
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

fn is_cell(e: &BytesStart<'_>) -> bool {
    matches!(e.name().as_ref(), "table:table-cell" | "table:covered-table-cell")
}

/// Whether calamine gives a cell a value or a formula: a value attribute, text content (a string cell), or a
/// formula. Counted generously: a cell counted here may still be empty to calamine, never the other way round.
fn holds_something(e: &BytesStart<'_>) -> bool {
    attributes(e).any(|(key, value)| match key {
        "office:value"
        | "office:string-value"
        | "office:date-value"
        | "office:time-value"
        | "office:boolean-value"
        | "table:formula" => true,
        "office:value-type" => value == "string",
        "calcext:value-type" => value == "error",
        _ => false,
    })
}

/// A whole number of 0 or more written in an attribute, its character references decoded (`None` when it is not
/// one; a negative number is 0).
fn decoded_number(value: &str) -> Option<u64> {
    let decoded = quick_xml::escape::unescape(value).ok()?;
    match decoded.parse::<i64>() {
        Ok(n) => Some(n.max(0) as u64),
        Err(_) => decoded.parse::<u64>().ok(),
    }
}

/// The first value of attribute `name`, undecoded (as calamine's `raw_attr` finds it).
fn attribute<'a>(e: &'a BytesStart<'_>, name: &str) -> Option<&'a str> {
    attributes(e).find(|(key, _)| *key == name).map(|(_, value)| value)
}

/// A tag's attributes as calamine reads them (`attrs.rs`, `RawAttrIter`): a key up to `=`, a quoted value; it
/// stops at the first malformed one (where calamine reports an error).
fn attributes<'a>(e: &'a BytesStart<'_>) -> impl Iterator<Item = (&'a str, &'a str)> {
    let raw = e.attributes_raw();
    let mut rest = raw;
    std::iter::from_fn(move || {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            return None;
        }
        let eq = trimmed.find('=')?;
        let key = trimmed[..eq].trim_end();
        let after = trimmed[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let body = &after[1..];
        let close = body.find(quote).unwrap_or(body.len());
        let value = &body[..close];
        rest = body.get(close + 1..).unwrap_or("");
        Some((key, value))
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

    #[test]
    fn malformed_xml_is_refused() {
        let e = through("<a><b attr=\"x").expect_err("refused");
        assert!(e.starts_with("its content.xml is not well-formed"), "{e}");
    }

    #[test]
    fn attributes_are_read_as_calamine_reads_them() {
        let mut xml = quick_xml::Reader::from_str("<c a = '1' b=\"x>y\" table:number-columns-repeated=\"7\"/>");
        let Ok(Event::Empty(e)) = xml.read_event() else { panic!("a tag") };
        let found: Vec<(&str, &str)> = attributes(&e).collect();
        assert_eq!(found, [("a", "1"), ("b", "x>y"), ("table:number-columns-repeated", "7")]);
        assert_eq!(attribute(&e, "table:number-columns-repeated"), Some("7"));
    }
}
