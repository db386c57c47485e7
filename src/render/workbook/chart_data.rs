//! The charts' data, kept on a hidden sheet so that the printed sheets show only figures a reader needs: each
//! series is a column under a label saying what it is, written when the workbook is finished.

use rust_xlsxwriter::{ChartRange, Workbook};

use super::xl;
use crate::error::Result;

/// The name of the hidden sheet.
pub const SHEET: &str = "Chart data";

/// A value in a chart's data column.
#[derive(Debug, Clone, PartialEq)]
pub enum Datum {
    /// A number.
    Num(f64),
    /// Text (a category name).
    Text(String),
    /// An empty cell (no point drawn).
    Empty,
}

impl From<f64> for Datum {
    fn from(v: f64) -> Datum {
        if v.is_finite() {
            Datum::Num(v)
        } else {
            Datum::Empty
        }
    }
}

impl From<Option<f64>> for Datum {
    fn from(v: Option<f64>) -> Datum {
        v.map_or(Datum::Empty, Datum::from)
    }
}

impl From<&str> for Datum {
    fn from(v: &str) -> Datum {
        Datum::Text(v.to_string())
    }
}

impl From<String> for Datum {
    fn from(v: String) -> Datum {
        Datum::Text(v)
    }
}

/// The columns of the hidden sheet.
#[derive(Debug, Default)]
pub struct ChartData {
    columns: Vec<(String, Vec<Datum>)>,
}

impl ChartData {
    /// Adds a column labelled `label` and returns its range (the values, under the label).
    pub fn column(&mut self, label: &str, values: Vec<Datum>) -> ChartRange {
        let col = self.columns.len() as u16;
        let n = values.len().max(1) as u32;
        self.columns.push((label.to_string(), values));
        ChartRange::new_from_range(SHEET, 1, col, n, col)
    }

    /// True when no chart stored data.
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// Writes the hidden sheet (after every other sheet).
    pub fn write(&self, workbook: &mut Workbook) -> Result<()> {
        let ws = workbook.add_worksheet();
        ws.set_name(SHEET).map_err(xl)?;
        ws.set_hidden(true);
        for (c, (label, values)) in self.columns.iter().enumerate() {
            let c = c as u16;
            ws.write_string(0, c, label).map_err(xl)?;
            for (r, v) in values.iter().enumerate() {
                let r = r as u32 + 1;
                match v {
                    Datum::Num(x) => {
                        ws.write_number(r, c, *x).map_err(xl)?;
                    }
                    Datum::Text(t) => {
                        ws.write_string(r, c, t).map_err(xl)?;
                    }
                    Datum::Empty => {}
                }
            }
        }
        Ok(())
    }
}
