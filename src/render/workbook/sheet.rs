//! A worksheet being written: cells with their formats, Excel tables, column widths from content, and the print
//! set-up every sheet shares.

use std::collections::BTreeMap;

use rust_xlsxwriter::{Format, Table, TableColumn, TableStyle, Worksheet};

use super::formats::Formats;
use super::{xl, Unit, Verdict};
use crate::error::Result;

/// The widest a column grows to fit its content (characters); longer text wraps.
const MAX_WIDTH: usize = 48;
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
    repeat: Option<(u32, u32)>,
}

impl<'a> Sheet<'a> {
    /// Wraps a worksheet.
    pub(crate) fn new(ws: &'a mut Worksheet, name: &'static str, f: &'a Formats, publication: bool) -> Sheet<'a> {
        Sheet { ws, name, f, publication, widths: BTreeMap::new(), repeat: None }
    }

    fn fit(&mut self, col: u16, len: usize) {
        let w = self.widths.entry(col).or_insert(MIN_WIDTH);
        *w = (*w).max(len.min(MAX_WIDTH));
    }

    /// Writes one cell and counts its width.
    pub(crate) fn put(&mut self, row: u32, col: u16, cell: &Cell) -> Result<()> {
        let f = self.f;
        match cell {
            Cell::Text(s) => {
                self.ws.write_string_with_format(row, col, s, &f.wrap).map_err(xl)?;
                self.fit(col, s.lines().map(|l| l.chars().count()).max().unwrap_or(0) + 1);
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
            }
        }
        Ok(())
    }

    /// Writes text in `format` without widening the column (titles, headings and notes that may spill over).
    pub(crate) fn label(&mut self, row: u32, col: u16, text: &str, format: &Format) -> Result<()> {
        self.ws.write_string_with_format(row, col, text, format).map_err(xl)?;
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
            self.fit(columns.len() as u16, name.chars().count() + 3);
            columns.push(TableColumn::new().set_header(name));
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
        let org = organisation.replace('&', "&&");
        let name = self.name.replace('&', "&&");
        self.ws.set_footer(format!("&L{org}&C{name}&RPage &P of &N"));
        Ok(())
    }
}

/// Table headers from string slices.
pub(crate) fn headers(h: &[&str]) -> Vec<String> {
    h.iter().map(|s| s.to_string()).collect()
}
