//! The `template` workbook, filled in with rows that use only its drop-down values, is accepted by `check` and
//! `report` as it is: each input kind finds the sheet named after it, every header matches, every list value
//! is recognised.

use std::collections::BTreeMap;
use std::io::Cursor;

use assert_cmd::Command;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use rust_xlsxwriter::Workbook;
use serde_json::Value;

const KINDS: [&str; 6] = ["Staff", "Recruitment", "Cases", "Training", "Survey", "Board"];

/// Columns by name (headers by sheet, or values by list).
type Named = BTreeMap<String, Vec<String>>;

fn template() -> (Vec<String>, Named, Named) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inputs.xlsx");
    let out = Command::cargo_bin("wres-wdes").unwrap().args(["template", "--out"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&path).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    let mut headers = BTreeMap::new();
    for kind in KINDS {
        let range = book.worksheet_range(kind).unwrap();
        let row: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
        headers.insert(kind.to_string(), row);
    }
    let lists_range = book.worksheet_range("Lists").unwrap();
    let rows: Vec<&[Data]> = lists_range.rows().collect();
    let mut lists = BTreeMap::new();
    for (col, name) in rows[0].iter().enumerate() {
        let values =
            rows[1..].iter().filter_map(|r| r.get(col)).map(|c| c.to_string()).filter(|v| !v.is_empty()).collect();
        lists.insert(name.to_string(), values);
    }
    (names, headers, lists)
}

#[test]
fn the_template_has_a_sheet_per_input_kind_and_a_notes_sheet() {
    let (names, headers, lists) = template();
    assert_eq!(names, ["Notes", "Staff", "Recruitment", "Cases", "Training", "Survey", "Board", "Lists"]);
    assert_eq!(headers["Staff"][0], "Employee Number");
    assert!(headers["Board"].iter().all(|h| h != "Name"), "names are never asked for");
    assert!(lists["Ethnicity"].len() >= 18);
}

#[test]
fn every_drop_down_value_is_recognised() {
    use wres_wdes::normalise::codes::*;
    let (_, _, lists) = template();
    for v in &lists["Ethnicity"] {
        assert!(ethnicity::classify(v).is_some(), "ethnicity {v}");
    }
    for v in &lists["Disability"] {
        assert!(disability::classify(v).is_some(), "disability {v}");
    }
    for v in &lists["Pay band"] {
        assert!(band::classify(v).is_some(), "band {v}");
    }
    for v in &lists["Staff group"] {
        assert!(staff_group::classify(v).is_some(), "staff group {v}");
    }
    for v in &lists["Case type"] {
        assert!(case_type::classify(v).is_some(), "case type {v}");
    }
    for v in &lists["Measure"] {
        assert!(survey::classify_measure(v).is_some(), "measure {v}");
    }
    for v in &lists["Survey group"] {
        assert!(survey::classify_group(v).is_some(), "survey group {v}");
    }
    for v in &lists["Yes/No"] {
        assert!(yes_no::classify(v).is_some(), "yes/no {v}");
    }
}

/// Cycles through a list.
fn pick(list: &[String], i: usize) -> &str {
    &list[i % list.len()]
}

#[test]
fn the_filled_in_template_passes_check_and_report() {
    let (_, headers, lists) = template();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filled.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("Notes").unwrap().write_string(0, 0, "filled in by a test").unwrap();
    let staff_groups: Vec<String> = lists["Staff group"].iter().filter(|g| !g.contains("Student")).cloned().collect();
    let bands: Vec<String> = (1..=7).map(|b| format!("Band {b}")).collect();
    let eth: Vec<String> = lists["Ethnicity"].clone();
    let dis = &lists["Disability"];
    for kind in KINDS {
        let ws = wb.add_worksheet().set_name(kind).unwrap();
        let cols = &headers[kind];
        for (c, h) in cols.iter().enumerate() {
            ws.write_string(0, c as u16, h).unwrap();
        }
        let rows = match kind {
            "Survey" => 13 * 5,
            "Board" => 12,
            _ => 120,
        };
        for i in 0..rows {
            for (c, h) in cols.iter().enumerate() {
                let value: String = match (kind, h.as_str()) {
                    (_, "Employee Number") => format!("{}", 1000 + i % 100),
                    ("Staff", "Ethnic Origin") => pick(&eth, i).into(),
                    ("Staff", "Disability Flag") => pick(dis, i).into(),
                    ("Staff", "Pay Band") => pick(&bands, i).into(),
                    ("Staff", "Staff Group") => pick(&staff_groups, i + 1).into(),
                    ("Staff", "Assignment Category") => "Permanent".into(),
                    ("Staff", "Primary Assignment") => "Yes".into(),
                    ("Recruitment", "Applicant Ethnicity") => pick(&eth, i * 7).into(),
                    ("Recruitment", "Applicant Disability") => pick(dis, i).into(),
                    ("Recruitment", "Shortlisted") => "Yes".into(),
                    ("Recruitment", "Appointed") => if i % 3 == 0 { "Yes" } else { "No" }.into(),
                    ("Cases", "Case Type") => pick(&lists["Case type"], i).into(),
                    ("Cases", "Date Entered") => format!("{:02}/{:02}/2024", 1 + i % 28, 1 + i % 12),
                    ("Training", "Mandatory") => if i % 4 == 0 { "Yes" } else { "No" }.into(),
                    ("Training", "Date") => "2024-10-01".into(),
                    ("Survey", "Measure") => pick(&lists["Measure"], i / 5).into(),
                    ("Survey", "Group") => pick(&lists["Survey group"], i).into(),
                    ("Survey", "Percent") => {
                        if pick(&lists["Measure"], i / 5) == "WDES9a" { "6.5" } else { "31.5" }.into()
                    }
                    ("Survey", "Respondents") => "120".into(),
                    ("Survey", "Year") => "2024".into(),
                    ("Board", "Ethnicity") | ("Cases", "Ethnicity") => pick(&eth, i * 3).into(),
                    ("Board", "Disability") | ("Cases", "Disability") => pick(dis, i).into(),
                    ("Board", "Voting") => "Yes".into(),
                    ("Board", "Executive") => if i < 6 { "Yes" } else { "No" }.into(),
                    _ => String::new(),
                };
                if !value.is_empty() {
                    ws.write_string(i as u32 + 1, c as u16, value).unwrap();
                }
            }
        }
    }
    wb.save(&path).unwrap();
    let p = path.to_str().unwrap();
    let inputs = ["--staff", p, "--recruitment", p, "--cases", p, "--training", p, "--survey", p, "--board", p];
    let check =
        Command::cargo_bin("wres-wdes").unwrap().arg("check").args(inputs).args(["--year", "2025"]).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let text = String::from_utf8_lossy(&check.stdout);
    for kind in KINDS {
        assert!(text.contains(&format!("sheet: {kind}")), "{kind} found its sheet:\n{text}");
    }
    assert!(!text.contains("not recognised"), "every value recognised:\n{text}");
    let json = dir.path().join("r.json");
    let report = Command::cargo_bin("wres-wdes")
        .unwrap()
        .arg("report")
        .args(inputs)
        .args(["--year", "2025", "--json"])
        .arg(&json)
        .output()
        .unwrap();
    assert!(report.status.success(), "{}", String::from_utf8_lossy(&report.stderr));
    let r: Value = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    assert_eq!(r["data_quality"]["declaration"]["headcount"], 100, "100 people, each on 1.2 rows");
    for i in r["indicators"].as_array().unwrap() {
        if i["id"] != "WDES9b" {
            assert!(
                i["status"] == "ok" || i["status"] == "not_estimable",
                "{} {}: {}",
                i["id"],
                i["status"],
                i["reason"]
            );
        }
    }
}
