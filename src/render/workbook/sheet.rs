//! A worksheet being written: cells with their formats, Excel tables, column widths from content, and the print
//! set-up every sheet shares.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Format, Table, TableColumn, TableStyle, Worksheet};

use super::formats::Formats;
use super::{xl, Unit, Verdict};
use crate::error::Result;

/// The widest a column grows to fit its content (characters); longer text wraps.
const MAX_WIDTH: usize = 48;
/// The most a table header widens its column; longer headers wrap.
const HEADER_WIDTH: usize = 11;
/// The narrowest column.
const MIN_WIDTH: usize = 6;

/// One cell's content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Text (wraps when wider than the column).
    Text(String),
    /// A number shown with the format of its unit; `None` is a blank cell.
    Num(Option<f64>, Unit),
    /// A count; `None` is `*` in a publication workbook (suppressed), else blank.
    Count(Option<u64>),
    /// An assessment: words on a fill.
    Verdict(Verdict, String),
    /// Nothing.
    Blank,
}

impl Cell {
    /// Text from anything printable.
    pub(crate) fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// A worksheet being written.
pub(crate) struct Sheet<'a> {
    /// The worksheet.
    pub ws: &'a mut Worksheet,
    /// Its name.
    pub name: &'static str,
    /// The formats.
    pub f: &'a Formats,
    publication: bool,
    widths: BTreeMap<u16, usize>,
    caps: BTreeMap<u16, usize>,
    default_cap: usize,
    repeat: Option<(u32, u32)>,
    labels: Vec<(u32, u16, String, Format)>,
    wrapped: Vec<(u32, u16, usize)>,
}

impl<'a> Sheet<'a> {
    /// Wraps a worksheet.
    pub(crate) fn new(ws: &'a mut Worksheet, name: &'static str, f: &'a Formats, publication: bool) -> Sheet<'a> {
        Sheet {
            ws,
            name,
            f,
            publication,
            widths: BTreeMap::new(),
            caps: BTreeMap::new(),
            default_cap: MAX_WIDTH,
            repeat: None,
            labels: Vec::new(),
            wrapped: Vec::new(),
        }
    }

    fn fit(&mut self, col: u16, len: usize) {
        let cap = self.caps.get(&col).copied().unwrap_or(self.default_cap);
        let w = self.widths.entry(col).or_insert(MIN_WIDTH);
        *w = (*w).max(len.min(cap));
    }

    /// Caps the width of every column not capped by [`Sheet::cap`].
    pub(crate) fn cap_all(&mut self, width: usize) {
        self.default_cap = width;
    }

    /// Caps the width of column `col` at `width` characters (its text wraps beyond).
    pub(crate) fn cap(&mut self, col: u16, width: usize) {
        self.caps.insert(col, width);
    }

    /// Writes one cell and counts its width.
    pub(crate) fn put(&mut self, row: u32, col: u16, cell: &Cell) -> Result<()> {
        let f = self.f;
        match cell {
            Cell::Text(s) => {
                self.ws.write_string_with_format(row, col, s, &f.wrap).map_err(xl)?;
                let len = s.lines().map(|l| l.chars().count()).max().unwrap_or(0) + 1;
                self.fit(col, len);
                self.wrapped.push((row, col, len));
            }
            Cell::Num(Some(v), unit) if v.is_finite() => {
                let format = match unit {
                    Unit::Ratio => &f.ratio,
                    Unit::Percent => &f.percent,
                    Unit::Points => &f.points,
                    Unit::Score => &f.score,
                    Unit::PValue => &f.p_value,
                };
                self.ws.write_number_with_format(row, col, *v, format).map_err(xl)?;
                self.fit(col, 8);
            }
            Cell::Num(_, _) | Cell::Blank => {}
            Cell::Count(Some(n)) => {
                self.ws.write_number_with_format(row, col, *n as f64, &f.count).map_err(xl)?;
                self.fit(col, n.to_string().len() + n.to_string().len() / 3 + 1);
            }
            Cell::Count(None) => {
                if self.publication {
                    self.ws.write_string_with_format(row, col, "*", &f.count).map_err(xl)?;
                }
            }
            Cell::Verdict(v, words) => {
                let format = match v {
                    Verdict::Outside => &f.outside,
                    Verdict::Within => &f.within,
                    Verdict::NotEstimable => &f.not_estimable,
                    Verdict::Neutral => &f.neutral,
                };
                self.ws.write_string_with_format(row, col, words, format).map_err(xl)?;
                self.fit(col, words.chars().count() + 1);
                self.wrapped.push((row, col, words.chars().count() + 1));
            }
        }
        Ok(())
    }

    /// Writes text in `format` without widening the column (titles, headings, notes). It is written when the
    /// sheet is finished: text wider than the columns from `col` to the last used one wraps in a merged cell
    /// across them, so nothing spills past the printed width.
    pub(crate) fn label(&mut self, row: u32, col: u16, text: &str, format: &Format) -> Result<()> {
        self.labels.push((row, col, text.to_string(), format.clone()));
        Ok(())
    }

    fn write_labels(&mut self) -> Result<()> {
        let last = self.widths.keys().max().copied().unwrap_or(0);
        let labels = std::mem::take(&mut self.labels);
        for (row, col, text, format) in labels {
            let scale = if format == self.f.title {
                1.35
            } else if format == self.f.heading {
                1.15
            } else {
                1.0
            };
            let span: usize =
                (col..=last.max(col)).map(|c| self.widths.get(&c).copied().unwrap_or(MIN_WIDTH) + 1).sum();
            let need = (text.chars().count() as f64 * scale).ceil() as usize;
            if need <= span || last <= col {
                self.ws.write_string_with_format(row, col, &text, &format).map_err(xl)?;
            } else {
                let wrapped = format.clone().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
                self.ws.merge_range(row, col, row, last, &text, &wrapped).map_err(xl)?;
                let lines = need.div_ceil(span.saturating_sub(2).max(1));
                self.ws.set_row_height(row, 15.0 * scale * lines as f64 + 2.0).map_err(xl)?;
            }
        }
        Ok(())
    }

    /// Writes a bold label and its value beside it (title blocks, key-value lists); counts both widths.
    pub(crate) fn pair(&mut self, row: u32, label: &str, value: &Cell) -> Result<()> {
        let f = self.f;
        self.ws.write_string_with_format(row, 0, label, &f.bold).map_err(xl)?;
        self.fit(0, label.chars().count() + 1);
        self.put(row, 1, value)
    }

    /// Writes an Excel table (bold header with filter buttons, banded rows) at `row`, and returns the first row
    /// after it plus one blank row. A table with no rows gets one row saying so.
    pub(crate) fn table(&mut self, row: u32, headers: &[String], rows: &[Vec<Cell>]) -> Result<u32> {
        let empty = [vec![Cell::text("nothing to show")]];
        let rows = if rows.is_empty() { &empty[..] } else { rows };
        let mut seen = Vec::<String>::new();
        let mut columns = Vec::new();
        for h in headers {
            let mut name = h.clone();
            let mut n = 2;
            while seen.iter().any(|s| s.eq_ignore_ascii_case(&name)) {
                name = format!("{h} ({n})");
                n += 1;
            }
            seen.push(name.clone());
            self.fit(columns.len() as u16, (name.chars().count() + 3).min(HEADER_WIDTH));
            self.wrapped.push((row, columns.len() as u16, name.chars().count() + 3));
            columns.push(TableColumn::new().set_header(name).set_header_format(&self.f.header));
        }
        for (r, cells) in rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate().take(headers.len()) {
                self.put(row + 1 + r as u32, c as u16, cell)?;
            }
        }
        let last_row = row + rows.len() as u32;
        let last_col = headers.len().max(1) as u16 - 1;
        let table = Table::new().set_columns(&columns).set_style(TableStyle::Medium2);
        self.ws.add_table(row, 0, last_row, last_col, &table).map_err(xl)?;
        Ok(last_row + 2)
    }

    /// Rows `first..=last` are frozen at the top and repeated on every printed page.
    pub(crate) fn freeze(&mut self, first: u32, last: u32) -> Result<()> {
        self.ws.set_freeze_panes(last + 1, 0).map_err(xl)?;
        self.repeat = Some((first, last));
        Ok(())
    }

    /// Sets the column widths from content and the print set-up: landscape A4, one page wide, the frozen rows
    /// repeated, and a footer with the organisation and the page number.
    pub(crate) fn finish(&mut self, organisation: &str) -> Result<()> {
        self.write_labels()?;
        // Wrapped text: each row as tall as its most wrapped cell (LibreOffice does not grow rows on opening).
        let mut lines: BTreeMap<u32, usize> = BTreeMap::new();
        for &(row, col, len) in &self.wrapped {
            let width = self.widths.get(&col).copied().unwrap_or(MIN_WIDTH).max(1);
            let n = (len * 11 / 10).div_ceil(width);
            let e = lines.entry(row).or_insert(1);
            *e = (*e).max(n);
        }
        for (row, n) in lines {
            if n > 1 {
                self.ws.set_row_height(row, (15.0 * n as f64).min(400.0)).map_err(xl)?;
            }
        }
        for (&col, &w) in &self.widths {
            self.ws.set_column_width(col, w as f64 + 1.0).map_err(xl)?;
        }
        self.ws.set_landscape();
        self.ws.set_paper_size(9);
        self.ws.set_print_fit_to_pages(1, 0);
        self.ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
        if let Some((first, last)) = self.repeat {
            self.ws.set_repeat_rows(first, last).map_err(xl)?;
        }
        let org: String = organisation.chars().take(80).collect::<String>().replace('&', "&&");
        let name = self.name.replace('&', "&&");
        self.ws.set_footer(format!("&L{org}&C{name}&RPage &P of &N"));
        Ok(())
    }
}

/// Table headers from string slices.
pub(crate) fn headers(h: &[&str]) -> Vec<String> {
    h.iter().map(|s| s.to_string()).collect()
}
