//! Trends (`--previous`): figures matched by id across years, the change from the latest earlier year, and
//! flags where the years are not comparable.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use wres_wdes::synthetic::{generate, write, SampleOptions};

fn report(dir: &Path, extra: &[&str], json: &str) -> std::process::Output {
    Command::cargo_bin("wres-wdes")
        .unwrap()
        .current_dir(dir)
        .args(["report", "-q", "--config", "trust.toml", "--json", json])
        .args(extra)
        .output()
        .unwrap()
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn headline(r: &Value, id: &str) -> f64 {
    r["indicators"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap()["headline"]["value"].as_f64().unwrap()
}

fn trend<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["trend"].as_array().unwrap().iter().find(|t| t["id"] == id).unwrap()
}

#[test]
fn two_years_are_matched_by_id_with_the_change() {
    let (last, this) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write(&generate(&SampleOptions { staff: 400, seed: 4, ..SampleOptions::default() }), last.path()).unwrap();
    write(&generate(&SampleOptions { staff: 450, seed: 5, ..SampleOptions::default() }), this.path()).unwrap();
    assert!(report(last.path(), &[], "a.json").status.success());
    let mut a = read(&last.path().join("a.json"));
    assert_eq!(a["trend"].as_array().unwrap().len(), 0, "no trend without --previous");
    // Last year's results, as they would have been written a year ago.
    a["snapshot_date"] = Value::from("2024-03-31");
    let prev = last.path().join("a-2024.json");
    std::fs::write(&prev, serde_json::to_string(&a).unwrap()).unwrap();
    let out = report(this.path(), &["--previous", prev.to_str().unwrap()], "b.json");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let b = read(&this.path().join("b.json"));
    for id in ["WRES1", "WRES2", "WDES3", "WRES7", "WDES10"] {
        let t = trend(&b, id);
        assert_eq!(t["points"].as_array().unwrap().len(), 2, "{id}");
        let expected = headline(&b, id) - headline(&a, id);
        assert!((t["change"].as_f64().unwrap() - expected).abs() < 1e-12, "{id}");
        assert_eq!(t["flags"].as_array().unwrap().len(), 0, "{id} comparable");
    }
    // WDES9b has no headline, so no change.
    assert!(trend(&b, "WDES9b")["change"].is_null());
}

#[test]
fn changed_settings_and_definitions_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    write(&generate(&SampleOptions { staff: 300, seed: 6, ..SampleOptions::default() }), dir.path()).unwrap();
    assert!(report(dir.path(), &[], "a.json").status.success());
    let mut a = read(&dir.path().join("a.json"));
    a["indicators"][1]["title"] = Value::from("An older wording of WRES 2");
    a["snapshot_date"] = Value::from("2024-03-31");
    std::fs::write(dir.path().join("old.json"), serde_json::to_string(&a).unwrap()).unwrap();
    let out = report(dir.path(), &["--previous", "old.json", "--ci-method", "katz"], "b.json");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let b = read(&dir.path().join("b.json"));
    let flags = trend(&b, "WRES2")["flags"].to_string();
    assert!(flags.contains("definition changed") && flags.contains("ci_method"), "{flags}");
    assert!(trend(&b, "WRES3")["flags"].to_string().contains("ci_method"));
    assert!(!trend(&b, "WRES3")["flags"].to_string().contains("definition"));
}

#[test]
fn a_file_that_is_not_results_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(&generate(&SampleOptions { staff: 200, seed: 7, ..SampleOptions::default() }), dir.path()).unwrap();
    std::fs::write(dir.path().join("notes.json"), "{\"hello\": 1}").unwrap();
    let out = report(dir.path(), &["--previous", "notes.json"], "b.json");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("notes.json: is a JSON file, but not the results JSON of a run"), "{err}");
    assert!(!dir.path().join("b.json").exists());
}

/// The `--previous` cases seen: this year's own JSON (a trend of two identical points), another trust's JSON, and
/// last year's workbook (which gave "stream did not contain valid UTF-8"): each a usage error (exit 2) saying why
/// and what to give, with nothing written.
#[test]
fn previous_results_must_be_an_earlier_years_json_of_the_same_trust() {
    let dir = tempfile::tempdir().unwrap();
    write(&generate(&SampleOptions { staff: 200, seed: 8, ..SampleOptions::default() }), dir.path()).unwrap();
    let out = Command::cargo_bin("wres-wdes")
        .unwrap()
        .current_dir(dir.path())
        .args(["report", "-q", "--config", "trust.toml", "--json", "now.json", "--out", "now.xlsx", "--csv", "now.csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut other = read(&dir.path().join("now.json"));
    other["organisation"]["code"] = Value::from("RYY");
    other["snapshot_date"] = Value::from("2024-03-31");
    std::fs::write(dir.path().join("other.json"), serde_json::to_string(&other).unwrap()).unwrap();
    let cases = [
        ("now.json", "now.json: is for the snapshot 2025-03-31, the same as this run's: a trend needs earlier years"),
        ("other.json", "other.json: is for organisation RYY, not RXX, the organisation of this run"),
        ("now.xlsx", "now.xlsx: is a workbook, not the results JSON of an earlier run"),
        ("now.csv", "now.csv: is the CSV table of a run, not the results JSON of an earlier run"),
    ];
    for (file, message) in cases {
        let out = report(dir.path(), &["--previous", file], "b.json");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {err}");
        assert!(err.contains(message), "{file}: {err}");
        assert!(err.contains("hint: give"), "{file}: {err}");
        assert!(!dir.path().join("b.json").exists(), "{file}");
    }
}
