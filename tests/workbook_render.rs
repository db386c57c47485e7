//! The workbook read back with calamine: every figure on the WRES detail, WDES detail and Board summary sheets
//! equals the JSON of the same results; sheet names and order; byte-identical renders; no NaN or inf;
//! publication stars; the trend hook.

mod trust_common;

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use serde_json::Value;
use wres_wdes::compute::compute;
use wres_wdes::compute::results::{Figures, Results};
use wres_wdes::config::Settings;
use wres_wdes::normalise::records::Records;
use wres_wdes::render::workbook::{to_bytes, SHEETS};

fn settings(publication: bool) -> Settings {
    trust_common::settings(publication)
}

fn records() -> Records {
    trust_common::records()
}

fn results() -> Results {
    compute(&records(), &settings(false)).unwrap()
}

fn sheets(bytes: &[u8]) -> (Vec<String>, BTreeMap<String, Range<Data>>) {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("opens as xlsx");
    let names = wb.sheet_names().to_vec();
    let mut out = BTreeMap::new();
    for n in &names {
        out.insert(n.clone(), wb.worksheet_range(n).expect("sheet reads"));
    }
    (names, out)
}

/// The indicator id at the start of a cell: `WRES 2 Appointment ...` -> `WRES2`.
fn id_of(text: &str) -> String {
    let mut words = text.split_whitespace();
    match (words.next(), words.next()) {
        (Some(s @ ("WRES" | "WDES")), Some(n)) => format!("{s}{}", n.trim_end_matches(':')),
        (Some(first), _) => first.to_string(),
        _ => String::new(),
    }
}

fn text(r: &Range<Data>, row: usize, col: usize) -> String {
    match r.get((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn num(r: &Range<Data>, row: usize, col: usize) -> Option<f64> {
    match r.get((row, col)) {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

/// The tables on a sheet whose first header is `first`: each a map header -> column, and its data rows.
fn tables(r: &Range<Data>, first: &str) -> Vec<(BTreeMap<String, usize>, Vec<usize>)> {
    let (height, width) = r.get_size();
    let mut out = Vec::new();
    let mut read_to = 0;
    for row in 0..height {
        // A header repeated after a page break is inside the table read before.
        if row < read_to || text(r, row, 0) != first {
            continue;
        }
        let mut cols = BTreeMap::new();
        for c in 0..width {
            let h = text(r, row, c);
            if !h.is_empty() {
                cols.insert(h, c);
            }
        }
        let mut rows = Vec::new();
        let mut i = row + 1;
        while i < height && !text(r, i, 0).is_empty() {
            if text(r, i, 0) != first {
                rows.push(i);
            }
            i += 1;
        }
        read_to = i;
        out.push((cols, rows));
    }
    out
}

fn close(cell: Option<f64>, json: &Value, what: &str) {
    match json.as_f64() {
        Some(expected) => {
            let got = cell.unwrap_or_else(|| panic!("{what}: expected the number {expected}, found no number"));
            assert!((got - expected).abs() <= 1e-12 * expected.abs().max(1.0), "{what}: {got} != {expected}");
        }
        None => assert!(cell.is_none(), "{what}: expected no number, found {cell:?}"),
    }
}

fn json(results: &Results) -> Value {
    serde_json::to_value(results).unwrap()
}

fn indicator<'a>(j: &'a Value, id: &str) -> &'a Value {
    j["indicators"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap()
}

fn bytes(r: &Results) -> Vec<u8> {
    to_bytes(r).unwrap()
}

#[test]
fn sheet_names_and_order() {
    let (names, _) = sheets(&bytes(&results()));
    // The board page, then the appendices in the order the board pack prints them; the charts' data last.
    assert_eq!(
        names,
        [
            "Board summary",
            "Trend",
            "WRES detail",
            "WDES detail",
            "Pay and progression",
            "Population",
            "Return",
            "Data quality",
            "Method",
            "Chart data"
        ]
    );
    assert_eq!(names[..9], SHEETS);
}

#[test]
fn two_renders_are_byte_identical() {
    let r = results();
    assert_eq!(bytes(&r), bytes(&r));
    let mut other = r.clone();
    other.snapshot_date = "2024-03-31".into();
    assert_ne!(bytes(&r), bytes(&other), "the snapshot date is the creation date");
}

#[test]
fn relative_likelihoods_equal_the_json() {
    let r = results();
    let j = json(&r);
    let (_, s) = sheets(&bytes(&r));
    let mut checked = 0;
    for standard in ["WRES", "WDES"] {
        let sheet = &s[&format!("{standard} detail")];
        let t = tables(sheet, "Indicator");
        assert_eq!(t.len(), 3, "{standard}: the ratio table, the counts table, every indicator's notes");
        let t = &t[..2];
        let expected: Vec<&str> = j["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["standard"] == standard && i["kind"] == "relative_likelihood")
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        for (_, rows) in t {
            let ids: Vec<String> = rows.iter().map(|&row| id_of(&text(sheet, row, 0))).collect();
            assert_eq!(ids, expected);
        }
        // The cell of `header` in the row of `id`, whichever of the two tables has that column.
        let at = |id: &str, header: &str| -> (usize, usize) {
            for (cols, rows) in t {
                if let Some(&c) = cols.get(header) {
                    let row = rows.iter().copied().find(|&r| id_of(&text(sheet, r, 0)) == id).unwrap();
                    return (row, c);
                }
            }
            panic!("{standard}: no column {header:?}");
        };
        let get = |id: &str, header: &str| {
            let (r, c) = at(id, header);
            num(sheet, r, c)
        };
        let words = |id: &str, header: &str| {
            let (r, c) = at(id, header);
            text(sheet, r, c)
        };
        for id in expected {
            let ind = indicator(&j, id);
            let ratio = &ind["ratio"];
            if ratio["value"].is_number() {
                close(get(id, "Relative likelihood"), &ratio["value"], &format!("{id} ratio"));
                checked += 1;
            }
            if ratio["ci"].is_object() {
                close(get(id, "95% CI low"), &ratio["ci"]["low"], &format!("{id} ci low"));
                if ratio["ci"]["high"].is_null() {
                    assert_eq!(words(id, "95% CI high"), "no upper limit");
                } else {
                    close(get(id, "95% CI high"), &ratio["ci"]["high"], &format!("{id} ci high"));
                }
                checked += 2;
            }
            if ratio["katz_ci"].is_object() {
                close(get(id, "Katz 95% CI low"), &ratio["katz_ci"]["low"], &format!("{id} katz low"));
                close(get(id, "Katz 95% CI high"), &ratio["katz_ci"]["high"], &format!("{id} katz hi"));
                checked += 2;
            }
            if ratio["p_value"].is_number() {
                close(get(id, "p-value"), &ratio["p_value"], &format!("{id} p"));
            }
            for g in ind["groups"].as_array().unwrap() {
                let label = g["group"].as_str().unwrap();
                close(get(id, &format!("{label} with outcome")), &g["events"], &format!("{id} {label} events"));
                close(get(id, &format!("{label} total")), &g["total"], &format!("{id} {label} total"));
                let rate = g["rate"].as_f64().map(|x| x * 100.0).map(Value::from).unwrap_or(Value::Null);
                close(get(id, &format!("{label} rate %")), &rate, &format!("{id} {label} rate"));
                checked += 3;
            }
        }
    }
    assert!(checked > 30, "only {checked} figures checked");
}

/// The workforce block a table's heading names (`WRES 1 ...: clinical`).
fn workforce_label(heading: &str) -> &'static str {
    match heading.rsplit(": ").next().unwrap_or("") {
        "non-clinical" => "non_clinical",
        "clinical" => "clinical",
        "medical and dental" => "medical",
        "whole workforce" => "overall",
        other => panic!("unexpected block label {other:?} in {heading:?}"),
    }
}

/// The heading above a table's header row (the nearest row above it that starts with an indicator id).
fn heading_above(r: &Range<Data>, header: usize) -> String {
    (0..header).rev().map(|row| text(r, row, 0)).find(|t| t.starts_with("WRES") || t.starts_with("WDES")).unwrap()
}

#[test]
fn representation_equals_the_json() {
    let r = results();
    let j = json(&r);
    let (_, s) = sheets(&bytes(&r));
    for (standard, id, by, groups) in [
        ("WRES", "WRES1", "Band", ["White", "BME", "Unknown"]),
        ("WDES", "WDES1", "Cluster", ["Disabled", "Non-disabled", "Unknown"]),
    ] {
        let sheet = &s[&format!("{standard} detail")];
        let rows_json = indicator(&j, id)["rows"].as_array().unwrap();
        let mut seen = 0;
        for (cols, rows) in tables(sheet, by) {
            let block = workforce_label(&heading_above(sheet, rows[0] - 1));
            for row in rows {
                let band = text(sheet, row, 0);
                for g in groups {
                    let want = rows_json
                        .iter()
                        .find(|x| x["workforce"] == block && x["band"] == band && x["group"] == g)
                        .unwrap_or_else(|| panic!("{id} {block} {band} {g} in the JSON"));
                    close(num(sheet, row, cols[&format!("{g} staff")]), &want["count"], &format!("{id} {band} {g}"));
                    close(num(sheet, row, cols[&format!("{g} %")]), &want["percent"], &format!("{id} {band} {g} %"));
                    close(num(sheet, row, cols["Total staff"]), &want["total"], &format!("{id} {band} total"));
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, rows_json.len(), "{id}: every JSON row is on the sheet once");
    }
}

#[test]
fn survey_and_board_equal_the_json() {
    let r = results();
    let j = json(&r);
    let (_, s) = sheets(&bytes(&r));
    let mut values = 0;
    for standard in ["WRES", "WDES"] {
        let sheet = &s[&format!("{standard} detail")];
        let t = tables(sheet, "Survey measure");
        let (cols, rows) = &t[0];
        for &row in rows {
            let id = id_of(&text(sheet, row, 0));
            let group = text(sheet, row, cols["Group"]);
            let Some(want) = indicator(&j, &id)["rows"].as_array().unwrap().iter().find(|x| x["group"] == group) else {
                continue;
            };
            if want["status"] == "suppressed" {
                assert_eq!(text(sheet, row, cols["Value (% or score)"]), "suppressed (under 11)");
            } else {
                close(num(sheet, row, cols["Value (% or score)"]), &want["value"], &format!("{id} {group}"));
                values += 1;
            }
            close(num(sheet, row, cols["95% CI low"]), &want["ci_low"], &format!("{id} {group} low"));
            close(num(sheet, row, cols["95% CI high"]), &want["ci_high"], &format!("{id} {group} high"));
            close(num(sheet, row, cols["Respondents"]), &want["respondents"], &format!("{id} {group} n"));
        }
        let t = tables(sheet, "Survey gap");
        let (cols, rows) = &t[0];
        for &row in rows {
            let id = id_of(&text(sheet, row, 0));
            let ind = indicator(&j, &id);
            if ind["gap_pp"].is_number() {
                close(num(sheet, row, cols["Gap"]), &ind["gap_pp"], &format!("{id} gap"));
            } else {
                assert!(!text(sheet, row, cols["Gap"]).is_empty(), "{id}: why there is no gap, in words");
            }
            close(num(sheet, row, cols["Gap 95% CI low"]), &ind["gap_ci_low"], &format!("{id} gap low"));
            close(num(sheet, row, cols["Gap 95% CI high"]), &ind["gap_ci_high"], &format!("{id} gap high"));
        }
        let id = if standard == "WRES" { "WRES9" } else { "WDES10" };
        let ind = indicator(&j, id);
        let t = tables(sheet, "Board membership");
        let (cols, rows) = &t[0];
        let memberships = ["all", "voting", "non_voting", "executive", "non_executive", "workforce"];
        assert_eq!(rows.len(), memberships.len());
        let words = [
            "All board members",
            "Voting members",
            "Non-voting members",
            "Executive members",
            "Non-executive members",
            "Whole workforce",
        ];
        for ((&row, membership), label) in rows.iter().zip(memberships).zip(words) {
            assert_eq!(text(sheet, row, 0), label);
            for x in ind["rows"].as_array().unwrap().iter().filter(|x| x["membership"] == membership) {
                let g = x["group"].as_str().unwrap();
                close(num(sheet, row, cols[&format!("{g} members")]), &x["count"], &format!("{id} {membership} {g}"));
                close(num(sheet, row, cols[&format!("{g} %")]), &x["percent"], &format!("{id} {membership} {g} %"));
                close(num(sheet, row, cols["Total"]), &x["total"], &format!("{id} {membership} total"));
            }
        }
        let protected = if standard == "WRES" { "BME" } else { "Disabled" };
        let t = tables(sheet, &format!("Board difference, % {protected}"));
        let (cols, rows) = &t[0];
        for (&row, key) in rows.iter().zip(["voting", "executive", "all"]) {
            let c = cols["Percentage points"];
            close(num(sheet, row, c), &ind["difference_pp"][key], &format!("{id} difference {key}"));
        }
    }
    assert!(values >= 12, "{values} survey values checked");
}

/// The rows of the Board summary's table of `standard` (headed `WRES: race` or `WDES: disability`), by name.
fn board_rows(sheet: &Range<Data>, standard: &str) -> Vec<usize> {
    let first = if standard == "WRES" { "WRES: race" } else { "WDES: disability" };
    let t = tables(sheet, first);
    assert_eq!(t.len(), 1, "{standard}: one table");
    t[0].1.clone()
}

#[test]
fn board_summary_figures_equal_the_json() {
    let r = results();
    let j = json(&r);
    let (_, s) = sheets(&bytes(&r));
    let sheet = &s["Board summary"];
    let lines = j["board_summary"]["lines"].as_array().unwrap();
    let mut checked = 0;
    for standard in ["WRES", "WDES"] {
        let rows = board_rows(sheet, standard);
        let mine: Vec<&Value> = lines.iter().filter(|l| l["standard"] == standard).collect();
        assert_eq!(rows.len(), mine.len(), "{standard}: one row per figure");
        for (&row, line) in rows.iter().zip(&mine) {
            let id = line["id"].as_str().unwrap();
            assert_eq!(text(sheet, row, 0), line["name"].as_str().unwrap(), "{id}");
            for (col, key) in [(1, "protected_value"), (2, "comparison_value"), (3, "difference")] {
                if line[key].is_number() {
                    close(num(sheet, row, col), &line[key], &format!("{id} {key}"));
                    checked += 1;
                } else {
                    assert!(!text(sheet, row, col).is_empty(), "{id} {key}: words when there is no figure");
                }
            }
            match line["england"]["value"].as_f64() {
                Some(_) => close(num(sheet, row, 6), &line["england"]["value"], &format!("{id} England")),
                None => assert_eq!(text(sheet, row, 6), "not published", "{id}"),
            }
            let status = match line["status"].as_str().unwrap() {
                "red" => "Red",
                "amber" => "Amber",
                "green" => "Green",
                _ => "No status",
            };
            assert_eq!(text(sheet, row, 7), status, "{id}");
            assert_eq!(text(sheet, row, 4), "—", "{id}: no last year without --previous");
            assert_eq!(text(sheet, row, 5), "—", "{id}: no change without --previous");
        }
    }
    assert!(checked >= 40, "{checked} figures checked");
    // WRES 2 of the trust: White 300 of 1,500 (20%) against BME 120 of 900 (13.3%): 1.50, red.
    let rows = board_rows(sheet, "WRES");
    let wres2 = rows.iter().copied().find(|&r| text(sheet, r, 0) == "Appointed from shortlisting").unwrap();
    assert!((num(sheet, wres2, 3).unwrap() - 1.5).abs() < 1e-12);
    assert!((num(sheet, wres2, 1).unwrap() - 100.0 * 120.0 / 900.0).abs() < 1e-9, "BME's rate first");
    assert_eq!(text(sheet, wres2, 7), "Red");
    // The key messages: three to five, each one sentence of at most 25 words.
    let messages = j["board_summary"]["messages"].as_array().unwrap();
    assert!((3..=5).contains(&messages.len()), "{} messages", messages.len());
    for m in messages {
        let t = m["text"].as_str().unwrap();
        assert!(t.split_whitespace().count() <= 25, "{t}");
        assert!((0..40).any(|row| text(sheet, row, 1) == t), "message on the page: {t}");
    }
}

#[test]
fn a_run_of_one_standard_says_the_other_was_not_asked_for() {
    let mut settings = settings(false);
    settings.standards = wres_wdes::config::Standards::parse("wres").unwrap();
    let r = compute(&records(), &settings).unwrap();
    let (names, s) = sheets(&bytes(&r));
    assert!(!names.iter().any(|n| n == "WDES detail"), "{names:?}");
    let sheet = &s["Board summary"];
    let all: Vec<String> = sheet.used_cells().map(|(_, _, c)| c.to_string()).collect();
    let said = "WDES not asked for in this run (--standards wres): none of its figures is in this workbook.";
    assert!(all.iter().any(|t| t == said), "the board page says so instead of an empty table");
    assert!(all.iter().any(|t| t == "WRES 2025: summary for the board"), "{:?}", &all[..3]);
    assert_eq!(board_rows(sheet, "WRES").len(), 9);
    let ret: Vec<String> = s["Return"].used_cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(ret.iter().any(|t| t == "WDES not asked for in this run (--standards wres)."));
    assert!(r.board_summary.messages.iter().all(|m| !m.id.starts_with("WDES")));
    assert_eq!(r.board_summary.standards, ["WRES"]);
}

#[test]
fn no_cell_holds_nan_or_inf() {
    let mut r = results();
    // A ratio with no finite upper limit and an empty run alongside.
    let empty = compute(&Records::default(), &settings(false)).unwrap();
    r.indicators.extend(empty.indicators.into_iter().take(0));
    for b in [bytes(&r), bytes(&compute(&Records::default(), &settings(false)).unwrap())] {
        let (_, s) = sheets(&b);
        for (name, range) in &s {
            for (row, col, cell) in range.used_cells() {
                match cell {
                    Data::Float(f) => assert!(f.is_finite(), "{name} {row},{col}"),
                    Data::String(t) => {
                        let l = t.trim().to_ascii_lowercase();
                        assert!(
                            !t.contains("NaN") && l != "inf" && l != "-inf" && !l.contains("infinity"),
                            "{name} {row},{col}: {t}"
                        );
                    }
                    _ => {}
                }
            }
        }
    }
}

#[test]
fn no_data_says_why_in_words() {
    let r = compute(&Records::default(), &settings(false)).unwrap();
    let (_, s) = sheets(&bytes(&r));
    let sheet = &s["WRES detail"];
    let t = tables(sheet, "Indicator");
    let (cols, rows) = &t[0];
    for &row in rows {
        assert_eq!(text(sheet, row, cols["Relative likelihood"]), "no data");
        assert!(text(sheet, row, cols["Status on the board page"]).starts_with("No status: "), "a reason in words");
    }
    let board = &s["Board summary"];
    for standard in ["WRES", "WDES"] {
        for row in board_rows(board, standard) {
            assert!(!text(board, row, 3).is_empty(), "words where the ratio or gap would be");
            if text(board, row, 0) == "Acted to hear Disabled staff" {
                continue; // answered in the settings
            }
            assert_eq!(text(board, row, 7), "No status");
        }
    }
}

#[test]
fn publication_counts_show_a_star_and_the_method_says_so() {
    let mut r = compute(&records(), &settings(true)).unwrap();
    for ind in &mut r.indicators {
        if let Figures::RelativeLikelihood(f) = &mut ind.figures {
            for g in &mut f.groups {
                if g.group == "Unknown" {
                    g.events = None;
                    g.total = None;
                    g.rate = None;
                }
            }
        }
    }
    let (_, s) = sheets(&bytes(&r));
    let sheet = &s["WRES detail"];
    let t = tables(sheet, "Indicator");
    let (cols, rows) = &t[1];
    for &row in rows {
        assert_eq!(text(sheet, row, cols["Unknown with outcome"]), "*");
        assert_eq!(text(sheet, row, cols["Unknown rate %"]), "");
    }
    let method = &s["Method"];
    let all: Vec<String> = method.used_cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(all.iter().any(|t| t.contains("counts 1-7 suppressed")), "the disclosure rule in words");
    assert!(all.iter().any(|t| t.contains("Open Government Licence v3.0")));
}

#[test]
fn previous_years_fill_the_trend_and_the_change() {
    let r = results();
    let mut before = r.clone();
    before.snapshot_date = "2024-03-31".into();
    for ind in &mut before.indicators {
        if let Some(h) = &mut ind.headline {
            if h.unit == "ratio" {
                h.value -= 0.25;
            }
        }
    }
    // Last year's WRES 2 well below this year's, with a tight interval: a real change, worse.
    for l in &mut before.board_summary.lines {
        if l.id == "WRES2" {
            let f = l.figure.as_mut().unwrap();
            (f.value, f.low, f.high) = (1.0, Some(0.95), Some(1.05));
        }
    }
    let json = wres_wdes::render::json::to_string(&before).unwrap();
    let previous: wres_wdes::read::previous::PreviousRun = serde_json::from_str(&json).unwrap();
    let mut records = records();
    records.previous = vec![previous];
    let r = compute(&records, &settings(false)).unwrap();
    let b = to_bytes(&r).unwrap();
    let (_, s) = sheets(&b);
    let board = &s["Board summary"];
    let rows = board_rows(board, "WRES");
    let wres2 = rows.iter().copied().find(|&row| text(board, row, 0) == "Appointed from shortlisting").unwrap();
    assert_eq!(num(board, wres2, 4), Some(1.0), "last year's figure");
    assert_eq!(text(board, wres2, 5), "worse");
    let trend = &s["Trend"];
    let t = tables(trend, "Figure");
    let (cols, rows) = &t[0];
    assert!(cols.contains_key("Snapshot 31 March 2024") && cols.contains_key("Snapshot 31 March 2025"));
    assert_eq!(rows.len(), 23);
    let row = rows.iter().copied().find(|&row| id_of(&text(trend, row, 0)) == "WRES2").unwrap();
    let then = num(trend, row, cols["Snapshot 31 March 2024"]).unwrap();
    let now = num(trend, row, cols["Snapshot 31 March 2025"]).unwrap();
    assert!((now - then - 0.25).abs() < 1e-9);
    assert_eq!(text(trend, row, cols["Change since last year"]), "worse");
    let empty = sheets(&bytes(&results())).1;
    assert_eq!(text(&empty["Trend"], 1, 0), "Give --previous with earlier years' results (JSON) to fill this sheet.");
}
