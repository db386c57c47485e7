//! A sheet written as printed pages: column widths set by the sheet, every row's height worked out from what it
//! holds (wrapped text included), and blocks (a heading with its table, a chart) kept on one page: a block that
//! does not fit in what is left of a page starts the next one, and a table longer than a page repeats its header
//! row after each break. Plain tables (a shaded header row, thin rules), no filter buttons. A4 landscape at 100%:
//! the columns a sheet declares fit the page width, so nothing is shrunk.
//!
//! Any workbook can use it: a sheet declares its columns, then writes titles, paragraphs, tables and charts in
//! order; [`Page::finish`] sets the widths, the page breaks and the print set-up.

use rust_xlsxwriter::{Chart, Format, FormatAlign, FormatBorder, Worksheet};

use super::chart_data::ChartData;
use super::palette;
use super::xl;
use crate::compute::status::Level;
use crate::error::Result;

/// Width of the printable area of an A4 landscape page with this module's margins (11.69 less 1 inch), in
/// points. LibreOffice draws a column `w` wide (as stored: Excel adds 0.71 for padding) as `w` widths of Carlito's
/// `0` at 11 points (5.58 points), wider than Excel's whole 7 pixels: the columns of a sheet must add up to no
/// more than this in LibreOffice's measure.
pub const PAGE_WIDTH_PT: f64 = 770.0;

/// The printed width of columns of these widths, in points, as LibreOffice draws them (the wider of the two).
pub fn printed_width_pt(widths: &[f64]) -> f64 {
    widths.iter().map(|w| (w + 0.71) * 11.0 * 0.507).sum()
}
/// Height of the printable area, in points, less a little.
pub const PAGE_HEIGHT_PT: f64 = 500.0;
/// The smallest text on an appendix sheet (points).
pub const BODY_SIZE: f64 = 9.0;
/// Size of a sheet's title.
pub const TITLE_SIZE: f64 = 13.0;
/// Size of a heading above a table.
pub const HEADING_SIZE: f64 = 11.0;

/// Number format of a relative likelihood.
pub const RATIO: &str = "0.00";
/// Number format of a percentage stored as 0-100, under a header that says %.
pub const PERCENT: &str = "0.0";
/// Number format of a percentage stored as 0-100, with its sign.
pub const PERCENT_SIGN: &str = "0.0\"%\"";
/// Number format of a count.
pub const COUNT: &str = "#,##0";
/// Number format of a p-value.
pub const P_VALUE: &str = "[<0.0001]\"<0.0001\";0.0000";
/// Number format of a 0-10 score.
pub const SCORE: &str = "0.00";
/// Number format of pounds an hour.
pub const POUNDS: &str = "\"£\"0.00";

/// How a number is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A ratio, two decimals.
    Ratio,
    /// A percentage 0-100 under a % header.
    Percent,
    /// A percentage 0-100 with a % sign.
    PercentSign,
    /// A 0-10 score.
    Score,
    /// A p-value.
    PValue,
    /// Pounds an hour.
    Pounds,
}

impl Unit {
    fn format(self) -> &'static str {
        match self {
            Unit::Ratio => RATIO,
            Unit::Percent => PERCENT,
            Unit::PercentSign => PERCENT_SIGN,
            Unit::Score => SCORE,
            Unit::PValue => P_VALUE,
            Unit::Pounds => POUNDS,
        }
    }
}

/// One cell's content.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text, wrapped within the column.
    Text(String),
    /// Bold text.
    Strong(String),
    /// A number; `None` is a blank cell.
    Num(Option<f64>, Unit),
    /// A number shown with its own number format (a number in words: `8.2 pts worse for BME`).
    Worded(f64, String),
    /// A count; `None` is `*` in a publication workbook (withheld), else blank.
    Count(Option<u64>),
    /// A status: its words on its colour.
    Status(Level, String),
    /// Nothing.
    Blank,
}

impl Cell {
    /// Text from anything printable.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// A table: an optional heading and note above it, a header row, and its rows, from column `first_col`.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The heading above it.
    pub heading: Option<String>,
    /// A note between the heading and the table.
    pub note: Option<String>,
    /// Column headers.
    pub headers: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
    /// How many sheet columns each table column takes (1 where not given).
    pub spans: Vec<u16>,
}

impl Table {
    /// A table with a heading.
    pub fn new(heading: impl Into<String>, headers: &[&str]) -> Table {
        Table {
            heading: Some(heading.into()),
            headers: headers.iter().map(|s| s.to_string()).collect(),
            ..Table::default()
        }
    }

    /// Adds a note under the heading.
    pub fn note(mut self, note: impl Into<String>) -> Table {
        self.note = Some(note.into());
        self
    }

    /// Sets how many sheet columns each column takes.
    pub fn spans(mut self, spans: &[u16]) -> Table {
        self.spans = spans.to_vec();
        self
    }

    /// The first sheet column and the span of each table column.
    fn placement(&self) -> Vec<(u16, u16)> {
        let mut at = 0u16;
        (0..self.headers.len())
            .map(|i| {
                let span = self.spans.get(i).copied().unwrap_or(1).max(1);
                let p = (at, span);
                at += span;
                p
            })
            .collect()
    }
}

/// The width in pixels of a column `units` wide (Excel's rule for an 11-point Calibri default font).
pub fn column_px(units: f64) -> f64 {
    (units * 7.0 + 5.0).floor()
}

/// Advance widths of the printable ASCII characters (space to `~`) in thousandths of an em, of Calibri as its
/// metric-compatible Carlito draws them: regular, then bold.
const REGULAR: [u16; 95] = [
    226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507, 507,
    507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855,
    646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479, 525, 423, 525,
    498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 314,
    460, 314, 498,
];
const BOLD: [u16; 95] = [
    226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507, 507,
    507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459, 637, 631, 267, 331, 547, 423, 874,
    659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498, 498, 300, 494, 537, 418, 537,
    503, 316, 474, 537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745, 459, 474, 397, 344,
    475, 344, 498,
];

/// The width of a character in ems (Calibri metrics; other characters as a wide letter).
fn em(c: char, bold: bool) -> f64 {
    let table = if bold { &BOLD } else { &REGULAR };
    match c as u32 {
        code @ 32..=126 => table[(code - 32) as usize] as f64 / 1000.0,
        _ => 0.6,
    }
}

/// The width of `text` in pixels at `size` points.
pub fn text_px(text: &str, size: f64, bold: bool) -> f64 {
    let ems: f64 = text.chars().map(|c| em(c, bold)).sum();
    ems * size * 96.0 / 72.0
}

/// How many lines `text` takes wrapped in `width_px` at `size` points (each line break in the text starts one).
pub fn text_lines(text: &str, width_px: f64, size: f64, bold: bool) -> usize {
    // A little slack: renderers break lines at hyphens and round widths their own way.
    let room = ((width_px - 6.0) * 0.97).max(10.0);
    let space = text_px(" ", size, bold);
    let mut lines = 0;
    for paragraph in text.split('\n') {
        let mut used = 0.0;
        lines += 1;
        for word in paragraph.split(' ') {
            let w = text_px(word, size, bold);
            if used > 0.0 && used + space + w > room {
                lines += 1;
                used = w;
            } else {
                used += if used > 0.0 { space + w } else { w };
            }
            // A word wider than the line wraps inside itself.
            while used > room {
                lines += 1;
                used -= room;
            }
        }
    }
    lines.max(1)
}

/// The height of a row of `lines` lines of text at `size` points (Carlito's line is 1.22 of its size).
pub fn row_height(lines: usize, size: f64) -> f64 {
    lines as f64 * size * 1.22 + 0.5
}

/// A sheet being written as pages.
pub struct Page<'a> {
    /// The worksheet.
    pub ws: &'a mut Worksheet,
    /// Its name.
    pub name: String,
    /// The hidden sheet with the charts' data.
    pub data: &'a mut ChartData,
    widths: Vec<f64>,
    size: f64,
    row: u32,
    y: f64,
    page_top: u32,
    breaks: Vec<u32>,
    repeat: Option<f64>,
    publication: bool,
    fit_one_page: bool,
}

impl<'a> Page<'a> {
    /// A page writer over `ws` with the column widths `widths` (Excel units) and body text of `size` points.
    pub fn new(
        ws: &'a mut Worksheet,
        name: impl Into<String>,
        data: &'a mut ChartData,
        widths: &[f64],
        size: f64,
        publication: bool,
    ) -> Page<'a> {
        Page {
            ws,
            name: name.into(),
            data,
            widths: widths.to_vec(),
            size,
            row: 0,
            y: 0.0,
            page_top: 0,
            breaks: Vec::new(),
            repeat: None,
            publication,
            fit_one_page: false,
        }
    }

    /// The next row to be written.
    pub fn row(&self) -> u32 {
        self.row
    }

    /// The body text size.
    pub fn size(&self) -> f64 {
        self.size
    }

    /// The number of columns declared.
    pub fn columns(&self) -> u16 {
        self.widths.len() as u16
    }

    /// The width in pixels of columns `first..=last`.
    pub fn span_px(&self, first: u16, last: u16) -> f64 {
        (first..=last).map(|c| column_px(self.widths.get(c as usize).copied().unwrap_or(8.43))).sum()
    }

    /// Prints the sheet on exactly one page (the Board summary).
    pub fn one_page(&mut self) {
        self.fit_one_page = true;
    }

    /// A format of `size` points.
    pub fn format(&self, size: f64) -> Format {
        Format::new().set_font_size(size).set_align(FormatAlign::Top)
    }

    fn text_format(&self, size: f64) -> Format {
        self.format(size).set_text_wrap()
    }

    /// Starts a new printed page before the next row.
    pub fn page_break(&mut self) {
        if self.row > self.page_top {
            self.breaks.push(self.row);
            self.page_top = self.row;
            self.y = self.repeat.unwrap_or(0.0);
        }
    }

    /// Makes room for a block `height` points tall: a new page when it does not fit in what is left of this one
    /// (and would fit on an empty one, or this one is already half used).
    pub fn keep(&mut self, height: f64) {
        let room = PAGE_HEIGHT_PT - self.y;
        let fresh = PAGE_HEIGHT_PT - self.repeat.unwrap_or(0.0);
        if height > room && (height <= fresh || self.y > PAGE_HEIGHT_PT / 2.0) {
            self.page_break();
        }
    }

    /// Sets the next row's height and moves past it. Heights are whole pixels (0.75 points), as the file stores
    /// them.
    pub fn advance(&mut self, height: f64) -> Result<u32> {
        let height = (height / 0.75).round().max(1.0) * 0.75;
        let row = self.row;
        self.ws.set_row_height(row, height).map_err(xl)?;
        self.y += height;
        self.row += 1;
        Ok(row)
    }

    /// Leaves `points` of blank space.
    pub fn gap(&mut self, points: f64) -> Result<()> {
        if self.y > self.repeat.unwrap_or(0.0) + 0.1 {
            self.advance(points)?;
        }
        Ok(())
    }

    /// The sheet's title, on row 0, repeated at the top of every printed page.
    pub fn title(&mut self, text: &str) -> Result<()> {
        let f = self.format(TITLE_SIZE).set_bold();
        let last = self.columns().saturating_sub(1);
        let height = row_height(1, TITLE_SIZE) + 4.0;
        self.across(last, text, &f)?;
        let row = self.advance(height)?;
        self.ws.set_repeat_rows(row, row).map_err(xl)?;
        self.ws.set_freeze_panes(row + 1, 0).map_err(xl)?;
        self.repeat = Some(height);
        Ok(())
    }

    /// Text across every column, wrapped, in `format` at `size` points (a heading, a note, a paragraph).
    pub fn paragraph_with(&mut self, text: &str, size: f64, format: &Format, bold: bool) -> Result<()> {
        let last = self.columns().saturating_sub(1);
        let lines = text_lines(text, self.span_px(0, last), size, bold);
        let height = row_height(lines, size);
        self.keep(height);
        let f = format.clone().set_text_wrap().set_align(FormatAlign::Top);
        self.across(last, text, &f)?;
        self.advance(height)?;
        Ok(())
    }

    /// `text` in `format` on this row across the columns up to `last` (merged when there are several).
    fn across(&mut self, last: u16, text: &str, format: &Format) -> Result<()> {
        if last > 0 {
            self.ws.merge_range(self.row, 0, self.row, last, text, format).map_err(xl)?;
        } else {
            self.ws.write_string_with_format(self.row, 0, text, format).map_err(xl)?;
        }
        Ok(())
    }

    /// A paragraph of body text.
    pub fn paragraph(&mut self, text: &str) -> Result<()> {
        let f = self.format(self.size);
        self.paragraph_with(text, self.size, &f, false)
    }

    /// A note: body text in italics.
    pub fn note(&mut self, text: &str) -> Result<()> {
        let f = self.format(self.size).set_italic();
        self.paragraph_with(text, self.size, &f, false)
    }

    /// A heading, kept with the `following` points of what comes after it.
    pub fn heading(&mut self, text: &str, following: f64) -> Result<()> {
        let height = row_height(1, HEADING_SIZE) + 4.0;
        self.keep(height + following);
        let f = self.format(HEADING_SIZE).set_bold().set_align(FormatAlign::Bottom);
        let last = self.columns().saturating_sub(1);
        self.across(last, text, &f)?;
        self.advance(height)?;
        Ok(())
    }

    /// The lines a cell takes in column `col` (spanning `span` columns).
    pub fn cell_lines(&self, cell: &Cell, col: u16, span: u16, size: f64) -> usize {
        let width = self.span_px(col, col + span.saturating_sub(1));
        match cell {
            Cell::Text(s) | Cell::Status(_, s) => text_lines(s, width, size, false),
            Cell::Strong(s) => text_lines(s, width, size, true),
            _ => 1,
        }
    }

    /// Writes one cell at (`row`, `col`) at `size` points, over `span` columns, with `extra` formatting (a fill,
    /// a rule) applied to every kind of cell.
    pub fn put(
        &mut self,
        row: u32,
        col: u16,
        span: u16,
        cell: &Cell,
        size: f64,
        extra: &dyn Fn(Format) -> Format,
    ) -> Result<()> {
        let last = col + span.saturating_sub(1);
        let write = |ws: &mut Worksheet, text: &str, f: &Format| -> Result<()> {
            if last > col {
                ws.merge_range(row, col, row, last, text, f).map_err(xl)?;
            } else {
                ws.write_string_with_format(row, col, text, f).map_err(xl)?;
            }
            Ok(())
        };
        let number = |ws: &mut Worksheet, v: f64, f: &Format| -> Result<()> {
            if last > col {
                ws.merge_range(row, col, row, last, "", f).map_err(xl)?;
            }
            ws.write_number_with_format(row, col, v, f).map_err(xl)?;
            Ok(())
        };
        let num_format = |code: &str| extra(self.format(size).set_num_format(code).set_align(FormatAlign::Right));
        match cell {
            Cell::Text(s) => write(self.ws, s, &extra(self.text_format(size)))?,
            Cell::Strong(s) => write(self.ws, s, &extra(self.text_format(size).set_bold()))?,
            Cell::Num(Some(v), unit) if v.is_finite() => number(self.ws, *v, &num_format(unit.format()))?,
            Cell::Worded(v, code) if v.is_finite() => number(self.ws, *v, &num_format(code))?,
            Cell::Count(Some(n)) => number(self.ws, *n as f64, &num_format(COUNT))?,
            Cell::Count(None) if self.publication => write(self.ws, "*", &num_format(COUNT))?,
            Cell::Status(level, words) => {
                let mut f = self.text_format(size).set_background_color(palette::status_fill(*level));
                if *level == Level::Red {
                    f = f.set_bold();
                }
                write(self.ws, words, &extra(f).set_border(FormatBorder::Thin).set_border_color("#FFFFFF"))?
            }
            _ => {
                let f = extra(self.format(size));
                if last > col {
                    self.ws.merge_range(row, col, row, last, "", &f).map_err(xl)?;
                } else {
                    self.ws.write_blank(row, col, &f).map_err(xl)?;
                }
            }
        }
        Ok(())
    }

    /// Writes a table: its heading and note kept with the header and the first rows, the header repeated after a
    /// page break, each row as tall as its most wrapped cell.
    pub fn table(&mut self, t: &Table) -> Result<()> {
        self.table_from(t, 0.0).map(|_| ())
    }

    /// Writes a table and returns the row of its header: its rows follow it directly when it fits on a page
    /// (a table that does not is split, with its header repeated).
    pub fn table_at(&mut self, t: &Table) -> Result<u32> {
        self.table_from(t, 0.0).map(|(row, _)| row)
    }

    /// Writes a table with a chart to its right from column `col` (`width` x `height` pixels), both kept on one
    /// page.
    pub fn table_beside(&mut self, t: &Table, chart: &mut Chart, col: u16, width: u32, height: u32) -> Result<()> {
        let points = height as f64 * 0.75 + 4.0;
        let (row, y) = self.table_from(t, points)?;
        chart.set_width(width).set_height(height);
        self.ws.insert_chart_with_offset(row, col, chart, 2, 2).map_err(xl)?;
        let used = if self.page_top > row { 0.0 } else { self.y - y };
        if points > used {
            self.cover(points - used)?;
        }
        Ok(())
    }

    /// [`Page::table`], keeping at least `at_least` points together; returns the header's row and height used on
    /// the page above it.
    fn table_from(&mut self, t: &Table, at_least: f64) -> Result<(u32, f64)> {
        let size = self.size;
        let place = t.placement();
        let header_lines = t
            .headers
            .iter()
            .zip(&place)
            .map(|(h, &(c, span))| self.cell_lines(&Cell::Strong(h.clone()), c, span, size))
            .max()
            .unwrap_or(1);
        let header_height = row_height(header_lines, size);
        let heights: Vec<f64> = t
            .rows
            .iter()
            .map(|r| {
                let lines = r.iter().zip(&place).map(|(cell, &(c, span))| self.cell_lines(cell, c, span, size)).max();
                row_height(lines.unwrap_or(1), size)
            })
            .collect();
        let empty = [row_height(1, size)];
        let heights = if heights.is_empty() { &empty[..] } else { &heights[..] };
        let body: f64 = heights.iter().sum();
        let note_height = t.note.as_ref().map_or(0.0, |n| {
            row_height(text_lines(n, self.span_px(0, self.columns().saturating_sub(1)), size, false), size)
        });
        // Keep the whole table together when it fits on a page, else its heading with the first rows.
        let together = header_height + body + note_height;
        let first_rows: f64 = header_height + heights.iter().take(3).sum::<f64>() + note_height;
        let keep = if together <= PAGE_HEIGHT_PT - 40.0 { together.max(at_least + note_height) } else { first_rows };
        match &t.heading {
            Some(h) => self.heading(h, keep)?,
            None => self.keep(keep),
        }
        if let Some(n) = &t.note {
            self.note(n)?;
        }
        let start = (self.row, self.y);
        let numeric: Vec<bool> = (0..t.headers.len())
            .map(|c| t.rows.iter().any(|r| matches!(r.get(c), Some(Cell::Num(..) | Cell::Count(_) | Cell::Worded(..)))))
            .collect();
        let place: Vec<(u16, u16, bool)> = place.iter().zip(&numeric).map(|(&(c, s), &n)| (c, s, n)).collect();
        self.header_row(&t.headers, &place, header_height)?;
        if t.rows.is_empty() {
            let row = self.advance(empty[0])?;
            let f = self.format(size).set_italic();
            self.ws.write_string_with_format(row, 0, "nothing to show", &f).map_err(xl)?;
        }
        for (cells, &height) in t.rows.iter().zip(heights) {
            if self.y + height > PAGE_HEIGHT_PT {
                self.page_break();
                self.header_row(&t.headers, &place, header_height)?;
            }
            let row = self.row;
            let rule = |f: Format| f.set_border_bottom(FormatBorder::Thin).set_border_bottom_color("#D9D9D9");
            for (cell, &(c, span, _)) in cells.iter().zip(&place) {
                self.put(row, c, span, cell, size, &rule)?;
            }
            self.advance(height)?;
        }
        self.gap(size)?;
        Ok(start)
    }

    fn header_row(&mut self, headers: &[String], place: &[(u16, u16, bool)], height: f64) -> Result<()> {
        let row = self.row;
        let size = self.size;
        for (h, &(c, span, numeric)) in headers.iter().zip(place) {
            let shade = |f: Format| {
                let f = f.set_background_color(palette::HEADER_FILL).set_border_bottom(FormatBorder::Thin).set_bold();
                if numeric {
                    f.set_align(FormatAlign::Right)
                } else {
                    f
                }
            };
            self.put(row, c, span, &Cell::Strong(h.clone()), size, &shade)?;
        }
        self.advance(height)?;
        Ok(())
    }

    /// Label-and-value rows: the label bold in the first column, the value across the rest.
    pub fn pairs(&mut self, pairs: &[(String, Cell)]) -> Result<()> {
        let size = self.size;
        let last = self.columns().saturating_sub(1);
        let heights: Vec<f64> = pairs
            .iter()
            .map(|(k, v)| {
                let lines =
                    self.cell_lines(&Cell::Strong(k.clone()), 0, 1, size).max(self.cell_lines(v, 1, last, size));
                row_height(lines, size)
            })
            .collect();
        self.keep(heights.iter().sum());
        for ((k, v), h) in pairs.iter().zip(heights) {
            if self.y + h > PAGE_HEIGHT_PT {
                self.page_break();
            }
            let row = self.row;
            self.put(row, 0, 1, &Cell::Strong(k.clone()), size, &|f| f)?;
            let left = |f: Format| f.set_align(FormatAlign::Left);
            self.put(row, 1, last.max(1), v, size, &left)?;
            self.advance(h)?;
        }
        self.gap(size)?;
        Ok(())
    }

    /// Inserts `chart` (`width` x `height` pixels) at column `col` of the next row, on one page, and moves past it.
    pub fn chart(&mut self, chart: &mut Chart, col: u16, width: u32, height: u32) -> Result<()> {
        let points = height as f64 * 0.75;
        self.keep(points + 4.0);
        chart.set_width(width).set_height(height);
        self.ws.insert_chart_with_offset(self.row, col, chart, 2, 2).map_err(xl)?;
        self.cover(points + 4.0)
    }

    /// Charts side by side (`width` x `height` pixels each, one per `cols` entry), on one page.
    pub fn charts(&mut self, charts: &mut [(Chart, u16)], width: u32, height: u32) -> Result<()> {
        let points = height as f64 * 0.75;
        self.keep(points + 4.0);
        for (chart, col) in charts.iter_mut() {
            chart.set_width(width).set_height(height);
            self.ws.insert_chart_with_offset(self.row, *col, chart, 2, 2).map_err(xl)?;
        }
        self.cover(points + 4.0)
    }

    /// Blank rows covering `points` of height (under a chart).
    fn cover(&mut self, points: f64) -> Result<()> {
        let step = 15.0;
        let n = (points / step).ceil() as usize;
        for _ in 0..n {
            self.advance(step)?;
        }
        Ok(())
    }

    /// Column widths, page breaks and the print set-up: A4 landscape, the declared columns at 100% (fitted to the
    /// page width only as a safeguard), the footer with the organisation, the sheet and the page number.
    pub fn finish(self, organisation: &str) -> Result<()> {
        for (c, w) in self.widths.iter().enumerate() {
            self.ws.set_column_width(c as u16, *w).map_err(xl)?;
        }
        if !self.breaks.is_empty() {
            self.ws.set_page_breaks(&self.breaks).map_err(xl)?;
        }
        self.ws.set_landscape();
        self.ws.set_paper_size(9);
        self.ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
        if self.fit_one_page {
            self.ws.set_margins(0.5, 0.5, 0.4, 0.45, 0.2, 0.2);
            self.ws.set_print_fit_to_pages(1, 1);
        } else {
            self.ws.set_print_fit_to_pages(1, 0);
        }
        let org: String = organisation.chars().take(80).collect::<String>().replace('&', "&&");
        let name = self.name.replace('&', "&&");
        self.ws.set_footer(format!("&L&9{org}&C&9{name}&R&9Page &P of &N"));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_lines() {
        assert_eq!(text_lines("short", 200.0, 9.0, false), 1);
        let long = "word ".repeat(60);
        let one = text_lines(&long, 200.0, 9.0, false);
        assert!(one >= 6, "{one}");
        assert!(text_lines(&long, 400.0, 9.0, false) < one);
        assert_eq!(text_lines("a\nb\nc", 200.0, 9.0, false), 3);
    }

    #[test]
    fn a_column_is_as_wide_as_excel_draws_it() {
        assert_eq!(column_px(8.43), 64.0);
        assert_eq!(column_px(10.0), 75.0);
    }
}
