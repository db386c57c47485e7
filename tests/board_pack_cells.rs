//! Every cell of every visible sheet of the board pack, read back, for several trusts (the example trust exact
//! and for publication, a trust built in memory with and without medical staff, a run with no inputs, a run of
//! one standard): no internal code (snake_case words, upper-case ids other than indicator ids), no number set
//! apart from its sign in text, no two different figures under one label, and a Return sheet whose rows are the
//! same fixed list whatever the input.

mod cells_common;
mod trust_common;

use std::collections::BTreeMap;
use std::io::Cursor;

use assert_cmd::Command;
use calamine::{open_workbook_from_rs, Data, Range, Reader, SheetVisible, Xlsx};
use cells_common::problem;
use wres_wdes::compute::compute;
use wres_wdes::compute::results::Results;
use wres_wdes::normalise::records::Records;
use wres_wdes::render::workbook::to_bytes;

/// The visible sheets of a workbook, by name, in order.
fn visible(bytes: &[u8]) -> Vec<(String, Range<Data>)> {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("opens as xlsx");
    let shown: Vec<String> =
        wb.sheets_metadata().iter().filter(|m| m.visible == SheetVisible::Visible).map(|m| m.name.clone()).collect();
    shown.into_iter().map(|n| (n.clone(), wb.worksheet_range(&n).expect("sheet reads"))).collect()
}

fn text(r: &Range<Data>, row: usize, col: usize) -> String {
    match r.get((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn example(args: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("wres-wdes")
        .unwrap()
        .current_dir(dir.path())
        .args(["report", "-q", "--example", "--out", "pack.xlsx"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(dir.path().join("pack.xlsx")).unwrap()
}

fn in_memory(records: &Records, publication: bool) -> Results {
    compute(records, &trust_common::settings(publication)).unwrap()
}

/// The workbooks every check reads: (what, bytes).
fn packs() -> Vec<(&'static str, Vec<u8>)> {
    let mut settings = trust_common::settings(false);
    settings.standards = wres_wdes::config::Standards::parse("wdes").unwrap();
    let one_standard = compute(&trust_common::records(), &settings).unwrap();
    vec![
        ("the example trust", example(&[])),
        ("the example trust for publication", example(&["--publication"])),
        ("a trust in memory", to_bytes(&in_memory(&trust_common::records(), false)).unwrap()),
        ("a trust with no medical staff", to_bytes(&in_memory(&trust_common::records_with(false), false)).unwrap()),
        ("a run with no inputs", to_bytes(&in_memory(&Records::default(), false)).unwrap()),
        ("a run of WDES only", to_bytes(&one_standard).unwrap()),
    ]
}

/// Columns whose cells hold what the user gave, as given (file names, raw values, headers, addresses).
fn as_given(sheet: &str, header: &str) -> bool {
    matches!(
        (sheet, header),
        ("Data quality", "File" | "Value as found" | "Header in the file") | ("Method", "File" | "Source" | "SHA-256")
    )
}

#[test]
fn no_cell_a_reader_sees_holds_a_code_or_a_bare_sign() {
    let mut found = Vec::new();
    for (what, bytes) in packs() {
        for (sheet, range) in visible(&bytes) {
            // The header of each column, for the columns that hold what the user gave.
            let mut headers: BTreeMap<usize, String> = BTreeMap::new();
            for (row, cells) in range.rows().enumerate() {
                let strings = cells.iter().filter(|c| matches!(c, Data::String(_))).count();
                if strings >= 2 && cells.iter().all(|c| matches!(c, Data::String(_) | Data::Empty)) {
                    headers = cells.iter().enumerate().map(|(c, v)| (c, v.to_string())).collect();
                }
                for (col, cell) in cells.iter().enumerate() {
                    let Data::String(s) = cell else { continue };
                    if headers.get(&col).is_some_and(|h| as_given(&sheet, h)) && s != headers.get(&col).unwrap() {
                        continue;
                    }
                    if let Some(p) = problem(s) {
                        found.push(format!("{what}, {sheet} row {} column {}: {p}", row + 1, col + 1));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "{} cells:\n{}", found.len(), found[..found.len().min(25)].join("\n"));
}

#[test]
fn the_checks_catch_what_they_are_for() {
    for bad in ["non_clinical", "PROGRESSION-ETHNICITY", "PAYGAP-GENDER", "a gap of -3.1 points", "(-2.0)", "ABC123"] {
        assert!(problem(bad).is_some(), "{bad} should be caught");
    }
    for good in [
        "WRES2",
        "WDES 4a-iii Harassment",
        "England (E92000001)",
        "0.80-1.25",
        "Bands 1-4",
        "statistics.previous_headcount in the config file",
        "8.2 pts worse for BME",
        "Non-clinical",
        "sqrt(1/a - 1/n1)",
    ] {
        assert_eq!(problem(good), None, "{good}");
    }
}

#[test]
fn no_two_different_figures_share_a_label() {
    for (what, bytes) in packs() {
        let mut labelled: BTreeMap<String, (String, String)> = BTreeMap::new();
        for (sheet, range) in visible(&bytes) {
            let mut above = 0;
            for (row, cells) in range.rows().enumerate() {
                // A table's header row: under a heading, a note or nothing (one cell at most), every filled cell
                // text, and no two alike.
                let filled: Vec<String> =
                    cells.iter().filter(|c| !matches!(c, Data::Empty)).map(|c| c.to_string()).collect();
                let under_a_heading = std::mem::replace(&mut above, filled.len()) <= 1;
                if under_a_heading
                    && filled.len() >= 3
                    && cells.iter().all(|c| matches!(c, Data::String(_) | Data::Empty))
                {
                    let mut seen = filled.clone();
                    seen.retain(|s| s != "—" && s != "yes" && s != "no");
                    seen.sort();
                    let n = seen.len();
                    seen.dedup();
                    assert_eq!(seen.len(), n, "{what}, {sheet} row {}: a label twice in {filled:?}", row + 1);
                }
                // A label beside one number (the key-value lists): one label, one figure, across the workbook.
                if let [Data::String(label), value, rest @ ..] = cells {
                    if matches!(value, Data::Float(_)) && rest.iter().all(|c| matches!(c, Data::Empty)) {
                        let v = value.to_string();
                        let place = format!("{sheet} row {}", row + 1);
                        if let Some((before, at)) = labelled.insert(label.clone(), (v.clone(), place.clone())) {
                            assert_eq!(before, v, "{what}: {label:?} is {before} at {at} but {v} at {place}");
                        }
                    }
                }
            }
        }
        // The board page defines "% BME" once.
        let board = &visible(&bytes)[0].1;
        let definitions =
            board.used_cells().filter(|(_, _, c)| c.to_string().contains("of all staff, unknowns")).count();
        assert!(definitions <= 1, "{what}: one definition of the share");
    }
}

/// The Return sheet's row names (first column) from the first WRES 1 or WDES 1 table to the last, as printed.
fn return_rows(range: &Range<Data>) -> Vec<String> {
    let (height, _) = range.get_size();
    let names: Vec<String> = (0..height).map(|r| text(range, r, 0)).collect();
    let first = names.iter().position(|n| n.starts_with("WRES 1") || n.starts_with("WDES 1")).unwrap();
    names[first..].iter().filter(|n| !n.is_empty()).cloned().collect()
}

#[test]
fn the_return_rows_are_the_same_fixed_list_for_any_input() {
    let full = to_bytes(&in_memory(&trust_common::records(), false)).unwrap();
    let no_medical = to_bytes(&in_memory(&trust_common::records_with(false), false)).unwrap();
    let nothing = to_bytes(&in_memory(&Records::default(), false)).unwrap();
    let sheet = |b: &[u8]| visible(b).into_iter().find(|(n, _)| n == "Return").unwrap().1;
    let (full, no_medical, nothing) = (sheet(&full), sheet(&no_medical), sheet(&nothing));
    let rows = return_rows(&full);
    assert_eq!(rows, return_rows(&no_medical), "the same rows without medical staff");
    // With no inputs the figures are words ("no data"), but every row of the collection is still there.
    let empty = return_rows(&nothing);
    for name in ["Under Band 1", "Band 1", "Band 8d", "VSM", "Consultants", "Trainee grades", "Cluster 7"] {
        assert!(rows.contains(&name.to_string()), "{name}");
        assert!(empty.contains(&name.to_string()), "{name} with no inputs");
    }
    // WRES 1: 15 rows each for non-clinical and clinical staff, 4 medical, then the block's total.
    let wres1: Vec<&String> = rows
        .iter()
        .take_while(|r| !r.starts_with("WRES 2"))
        .filter(|r| !r.starts_with("WRES 1") && *r != "Band" && !r.starts_with("Total,") && *r != "Whole workforce")
        .collect();
    let bands = [
        "Under Band 1",
        "Band 1",
        "Band 2",
        "Band 3",
        "Band 4",
        "Band 5",
        "Band 6",
        "Band 7",
        "Band 8a",
        "Band 8b",
        "Band 8c",
        "Band 8d",
        "Band 9",
        "VSM",
        "Other",
    ];
    let medical = ["Consultants", "Non-consultant career grade", "Trainee grades", "Other"];
    let expected: Vec<&str> = bands.iter().chain(&bands).chain(&medical).copied().collect();
    assert_eq!(wres1.iter().map(|s| s.as_str()).collect::<Vec<_>>(), expected);
    // Zero-filled medical rows, and every check cell says the rows add up.
    let (height, _) = no_medical.get_size();
    for r in 0..height {
        if text(&no_medical, r, 0) == "Consultants" {
            assert_eq!(no_medical.get((r, 1)), Some(&Data::Float(0.0)), "0, not blank");
        }
    }
    for sheet in [&full, &no_medical] {
        let checks: Vec<String> = sheet
            .used_cells()
            .map(|(_, _, c)| c.to_string())
            .filter(|t| t == "adds up" || t == "does not add up")
            .collect();
        assert!(checks.len() >= 8, "a check cell per block: {checks:?}");
        assert!(checks.iter().all(|c| c == "adds up"), "{checks:?}");
    }
    // Measures of one group say so; the board rows the collection asks for are there.
    let all: Vec<String> = full.used_cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(all.iter().any(|t| t == "n/a (Disabled only)"));
    for row in [
        "All board members",
        "of which voting members",
        "of which non-voting members",
        "of which executive members",
        "of which non-executive members",
        "Approved by (name and role)",
        "Date approved",
    ] {
        assert!(all.iter().any(|t| t == row), "{row}");
    }
    let cases = all.iter().filter(|t| t.contains("year to 31 March")).count();
    assert_eq!(cases, 4, "cases per year for WRES 3 and WDES 3");
    assert!(all.iter().any(|t| t == "Staff (headcount at the snapshot)"));
}
