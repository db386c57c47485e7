//! Helpers shared by the sample tests: reading the written files back with calamine and the csv crate.
#![allow(dead_code)]

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

/// Every sheet of a workbook as rows of text (numbers formatted plainly, dates as serial numbers).
pub fn xlsx_sheets(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut wb = open_workbook_auto(path).expect("open workbook");
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).expect("sheet");
            let rows = range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|c| match c {
                            Data::Empty => String::new(),
                            Data::String(s) => s.clone(),
                            Data::Float(f) => f.to_string(),
                            Data::Int(i) => i.to_string(),
                            Data::DateTime(d) => format!("date:{}", d.as_f64()),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

/// The data rows of a sheet below the row whose first cell is `first_header`; also returns that header.
pub fn table(rows: &[Vec<String>], first_header: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let at = rows.iter().position(|r| r.first().map(String::as_str) == Some(first_header)).expect("header row");
    (rows[at].clone(), rows[at + 1..].to_vec())
}

/// A delimited file's header and records (bytes decoded as UTF-8, or Latin-1 when `latin1`).
pub fn delimited(path: &Path, delimiter: u8, latin1: bool) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).expect("read");
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text: String = if latin1 {
        bytes.iter().map(|&b| b as char).collect()
    } else {
        String::from_utf8(bytes.to_vec()).expect("utf-8")
    };
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(text.as_bytes());
    let header = rdr.headers().expect("header").iter().map(str::to_string).collect();
    let rows = rdr.records().map(|r| r.expect("record").iter().map(str::to_string).collect()).collect();
    (header, rows)
}

/// Index of a column by exact name.
pub fn col(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}
