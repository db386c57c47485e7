//! The bodies of the fuzz targets, shared by the cargo-fuzz binaries in `fuzz_targets/` and usable on stable (to
//! replay a crash file, or compile-check without nightly). Each must never panic, whatever the bytes; the read
//! layer's own guard turns a panic inside a parser into an error, so the reader targets also fail on that error.

use std::collections::BTreeMap;
use std::io::Write;

use wres_wdes::normalise::codes::{
    band, case_type, disability, ethnicity, grade, staff_group, survey, yes_no, BandValue, Workforce,
};
use wres_wdes::read::{match_header_row, read_table, Cell, FieldSpec, TableRequest};

const FIELDS: &[FieldSpec] = &[
    FieldSpec { name: "person_id", aliases: &["Employee Number", "Assignment Number"], required: true },
    FieldSpec { name: "ethnicity", aliases: &["Ethnic Origin", "Ethnicity"], required: false },
    FieldSpec { name: "pay_band", aliases: &["Pay Band", "Band"], required: true },
    FieldSpec { name: "date", aliases: &["Date", "Start Date"], required: false },
];

fn read_file(data: &[u8], suffix: &str) {
    let Ok(mut file) = tempfile::Builder::new().suffix(suffix).tempfile() else { return };
    if file.write_all(data).and_then(|()| file.flush()).is_err() {
        return;
    }
    let overrides = BTreeMap::new();
    let request = TableRequest { path: file.path(), fields: FIELDS, sheet: None, prefer_sheet: None, overrides: &overrides };
    let result = read_table(&request, &mut |row| {
        for cell in row.cells {
            exercise_cell(cell);
        }
        Ok(())
    });
    if let Err(e) = result {
        assert!(!e.message().contains("the reader failed"), "a parser panicked: {e}");
        assert!(!e.message().is_empty());
    }
}

/// Any bytes as a delimited text file.
pub fn csv_reader(data: &[u8]) {
    read_file(data, ".csv");
}

/// Any bytes as a workbook (detected by content, so zip, OLE and text paths are all reached).
pub fn workbook_reader(data: &[u8]) {
    read_file(data, ".xlsx");
}

/// Header matching: the bytes split into header cells on `|`, the first cell optionally an override.
pub fn header_matching(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('|');
    let mut overrides = BTreeMap::new();
    if let Some(first) = parts.next() {
        if let Some(name) = first.strip_prefix('=') {
            overrides.insert("pay_band".to_string(), name.to_string());
        }
    }
    let headers: Vec<String> = parts.map(str::to_string).collect();
    if let Ok(columns) = match_header_row(&headers, FIELDS, &overrides) {
        assert_eq!(columns.len(), FIELDS.len());
        assert!(columns.iter().flatten().all(|c| *c < headers.len()));
    }
}

/// Every value classifier of `normalise::codes`.
pub fn classifiers(data: &[u8]) {
    let raw = String::from_utf8_lossy(data);
    let _ = ethnicity::classify(&raw);
    let _ = disability::classify(&raw);
    let band = band::classify(&raw);
    let _ = staff_group::classify(&raw).map(staff_group::default_workforce);
    let _ = grade::classify_medical(&raw);
    let _ = grade::is_vsm_grade(&raw);
    for workforce in [Workforce::NonClinical, Workforce::Clinical, Workforce::Medical] {
        let _ = grade::pay_row(workforce, band.unwrap_or(BandValue::Blank), &raw);
    }
    let _ = yes_no::classify(&raw);
    let _ = yes_no::appointed(&raw);
    let _ = yes_no::shortlisted(&raw);
    let _ = case_type::classify(&raw);
    let _ = survey::classify_measure(&raw);
    let _ = survey::classify_measure_in_year(&raw, Some(2024));
    let _ = survey::classify_group(&raw);
    let _ = wres_wdes::normalise::records::classify_aggregate_group(&raw);
    let _ = wres_wdes::normalise::records::person::key(&raw);
    let _ = wres_wdes::normalise::quality::mask_identifiers(&raw);
}

/// The `Cell` helpers on every kind of cell the bytes can make.
pub fn cells(data: &[u8]) {
    let raw = String::from_utf8_lossy(data).into_owned();
    let number = data.get(..8).and_then(|b| b.try_into().ok()).map(f64::from_le_bytes).unwrap_or(0.0);
    for cell in [
        Cell::Text(raw.clone()),
        Cell::Error(raw),
        Cell::Number(number),
        Cell::DateTime(number),
        Cell::Bool(data.first().is_some_and(|b| b % 2 == 1)),
        Cell::Empty,
    ] {
        exercise_cell(&cell);
    }
}

fn exercise_cell(cell: &Cell) {
    let _ = cell.text();
    let _ = cell.is_blank();
    let _ = cell.number();
    let _ = cell.count();
    let _ = cell.date();
}
