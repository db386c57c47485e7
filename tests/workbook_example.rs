//! The example trust's workbook, end to end: two runs give identical bytes, the Board summary's figures equal the
//! JSON of the same run, and a `--publication` workbook holds no count from 1 to 7.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;

fn run(dir: &Path, extra: &[&str]) {
    let out = Command::cargo_bin("wres-wdes")
        .unwrap()
        .current_dir(dir)
        .args(["report", "-q", "--example", "--out", "r.xlsx", "--json", "r.json"])
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn sheets(path: &Path) -> BTreeMap<String, calamine::Range<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.sheet_names().into_iter().map(|n| (n.clone(), book.worksheet_range(&n).unwrap())).collect()
}

#[test]
fn two_runs_give_identical_workbooks() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    run(a.path(), &[]);
    run(b.path(), &[]);
    assert_eq!(std::fs::read(a.path().join("r.xlsx")).unwrap(), std::fs::read(b.path().join("r.xlsx")).unwrap());
}

#[test]
fn board_summary_figures_equal_the_json() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), &[]);
    let json: Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    let s = sheets(&dir.path().join("r.xlsx"));
    let board = &s["Board summary"];
    let lines = json["board_summary"]["lines"].as_array().unwrap();
    let mut checked = 0;
    for row in board.rows() {
        let name = row.first().map(|c| c.to_string()).unwrap_or_default();
        let Some(line) = lines.iter().find(|l| l["name"] == name.as_str()) else { continue };
        let standard = line["standard"].as_str().unwrap();
        // Two lines share a name across the standards ("Appointed from shortlisting"): each table holds its own.
        let same: Vec<&Value> = lines.iter().filter(|l| l["name"] == name.as_str()).collect();
        for (col, key) in [(1, "protected_value"), (2, "comparison_value"), (3, "difference")] {
            if let Data::Float(got) = &row[col] {
                assert!(
                    same.iter()
                        .any(|l| l[key].as_f64().is_some_and(|want| (want - got).abs() <= 1e-12 * want.abs().max(1.0))),
                    "{standard} {name} {key}: {got}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 50, "checked {checked} figures");
}

/// Counts looked at, and those from 1 to 7 (sheet, header, value).
fn small_counts(path: &Path) -> (usize, Vec<(String, String, f64)>) {
    let count_header = |h: &str| {
        let h = h.to_lowercase();
        [
            "count",
            "total",
            "staff",
            "with outcome",
            "events",
            "respondents",
            "rows",
            "cases",
            "entering",
            "members",
            "headcount",
        ]
        .iter()
        .any(|w| h.contains(w))
            && !h.contains('%')
            && !h.contains("rate")
    };
    let (mut seen, mut small) = (0, Vec::new());
    for (name, range) in sheets(path) {
        let mut header: Vec<String> = Vec::new();
        for row in range.rows() {
            if row.iter().all(|c| matches!(c, Data::String(_) | Data::Empty))
                && row.iter().filter(|c| !matches!(c, Data::Empty)).count() >= 2
            {
                header = row.iter().map(|c| c.to_string()).collect();
                continue;
            }
            for (i, cell) in row.iter().enumerate() {
                let Some(h) = header.get(i) else { continue };
                if let Data::Float(v) = cell {
                    if count_header(h) {
                        seen += 1;
                        if (1.0..=7.0).contains(v) {
                            small.push((name.clone(), h.clone(), *v));
                        }
                    }
                }
            }
        }
    }
    (seen, small)
}

#[test]
fn a_publication_workbook_holds_no_count_from_1_to_7() {
    let exact = tempfile::tempdir().unwrap();
    run(exact.path(), &[]);
    let (seen, small) = small_counts(&exact.path().join("r.xlsx"));
    assert!(seen > 100 && !small.is_empty(), "the exact workbook does show small counts ({seen} looked at)");
    let published = tempfile::tempdir().unwrap();
    run(published.path(), &["--publication"]);
    let (seen, small) = small_counts(&published.path().join("r.xlsx"));
    assert!(seen > 100, "looked at {seen} counts");
    assert!(small.is_empty(), "counts from 1 to 7 in the publication workbook: {small:?}");
}
