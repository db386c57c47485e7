//! End to end: the embedded example trust, and sample trusts recounted independently.
//!
//! The recount uses the generator's own ground truth (counted from the people and events it drew, never from the
//! files or the engine) and checks the JSON the `report` command writes: representation counts, the events and
//! totals of every ratio, and the board. A second presentation of the same trust (other header spellings, code
//! formats, xlsx/CSV swapped, another encoding) must give identical figures.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use wres_wdes::normalise::codes::{Disability, Ethnicity, PayRow, Workforce};
use wres_wdes::synthetic::truth::{BoardScope, Truth};
use wres_wdes::synthetic::{generate, write, Presentation, SampleOptions};

/// Every indicator id, from the registry the engine computes from.
fn ids() -> Vec<&'static str> {
    wres_wdes::compute::registry::registry().expect("the built-in definitions load").ids().collect()
}

fn report_json(args: &[&str], dir: &Path) -> Value {
    let json = dir.join("results.json");
    let out = Command::cargo_bin("wres-wdes")
        .unwrap()
        .arg("report")
        .args(args)
        .arg("--json")
        .arg(&json)
        .arg("--csv")
        .arg(dir.join("results.csv"))
        .output()
        .unwrap();
    assert!(out.status.success(), "report failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap()
}

fn indicator<'a>(results: &'a Value, id: &str) -> &'a Value {
    results["indicators"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn the_example_report_has_every_indicator_ok_or_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let r = report_json(&["--example"], dir.path());
    assert_eq!(r["schema"], "wres-wdes/results/1");
    for key in ["tool_version", "organisation", "snapshot_date", "settings", "indicators", "population", "data_quality"]
    {
        assert!(r.get(key).is_some(), "top-level key {key}");
    }
    let listed: Vec<&str> = r["indicators"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(listed, ids(), "every indicator of the registry, in its order");
    for id in ids() {
        let i = indicator(&r, id);
        assert_eq!(i["status"], "ok", "{id} is not ok: {}", i["reason"]);
    }
    let csv = std::fs::read_to_string(dir.path().join("results.csv")).unwrap();
    assert!(csv.starts_with(
        "standard,indicator,kind,workforce,band,group,measure,numerator,denominator,value,ci_low,ci_high,p_value,status\n"
    ));
    for id in ids() {
        assert!(csv.contains(&format!(",{id},")), "CSV has {id}");
    }
}

#[test]
fn every_ratio_in_the_example_is_its_own_events_over_totals() {
    let dir = tempfile::tempdir().unwrap();
    let r = report_json(&["--example"], dir.path());
    let mut checked = 0;
    for i in r["indicators"].as_array().unwrap().iter().filter(|i| i["kind"] == "relative_likelihood") {
        let ratio = &i["ratio"];
        let group = |label: &Value| {
            let g = i["groups"].as_array().unwrap().iter().find(|g| &g["group"] == label).unwrap();
            (g["events"].as_f64().unwrap(), g["total"].as_f64().unwrap())
        };
        let (a, n1) = group(&ratio["numerator_group"]);
        let (c, n2) = group(&ratio["denominator_group"]);
        let expected = (a / n1) / (c / n2);
        let value = ratio["value"].as_f64().unwrap();
        assert!((value - expected).abs() <= 1e-12 * expected, "{}: {value} vs {expected}", i["id"]);
        let (low, high) = (ratio["ci"]["low"].as_f64().unwrap(), ratio["ci"]["high"].as_f64().unwrap());
        assert!(low < value && value < high, "{}: interval holds the ratio", i["id"]);
        let outside = !(0.8..=1.25).contains(&expected);
        assert_eq!(i["assessment"] == "outside_non_adverse_range", outside, "{}", i["id"]);
        checked += 1;
    }
    assert_eq!(checked, 5);
}

fn group_count(rows: &Value, pred: impl Fn(&Value) -> bool) -> u64 {
    rows.as_array().unwrap().iter().filter(|r| pred(r)).map(|r| r["count"].as_u64().unwrap()).sum()
}

fn rl_group(results: &Value, id: &str, group: &str) -> (u64, u64) {
    let g = indicator(results, id)["groups"].as_array().unwrap().iter().find(|g| g["group"] == group).cloned();
    let g = g.unwrap_or_else(|| panic!("{id} {group}"));
    (g["events"].as_u64().unwrap(), g["total"].as_u64().unwrap())
}

fn check_against_truth(r: &Value, t: &Truth) {
    // WRES 1: every (block, row, group) count
    let rows = &indicator(r, "WRES1")["rows"];
    for ((block, row, eth), n) in &t.headcount_by_ethnicity {
        let label = row.label();
        let got =
            group_count(rows, |x| x["workforce"] == block.label() && x["band"] == label && x["group"] == eth.label());
        assert_eq!(got, *n, "WRES1 {block:?} {label} {eth:?}");
    }
    let overall = group_count(rows, |x| x["workforce"] == "overall");
    assert_eq!(overall, t.headcount, "WRES1 overall headcount");
    // WDES 1: clusters
    let mut clusters: BTreeMap<(Workforce, u8, Disability), u64> = BTreeMap::new();
    for ((block, row, dis), n) in &t.headcount_by_disability {
        if let Some(c) = PayRow::cluster(*row) {
            *clusters.entry((*block, c, *dis)).or_default() += n;
        }
    }
    let rows = &indicator(r, "WDES1")["rows"];
    for ((block, c, dis), n) in &clusters {
        let got = group_count(rows, |x| {
            x["workforce"] == block.label() && x["band"] == format!("Cluster {c}") && x["group"] == dis.label()
        });
        assert_eq!(got, *n, "WDES1 {block:?} cluster {c} {dis:?}");
    }
    // WRES 2 / WDES 2
    for e in [Ethnicity::White, Ethnicity::Bme] {
        let want = (t.appointed_by_ethnicity.get(&e).copied().unwrap_or(0), t.shortlisted_by_ethnicity[&e]);
        assert_eq!(rl_group(r, "WRES2", e.label()), want, "WRES2 {e:?}");
    }
    for d in [Disability::Disabled, Disability::NonDisabled] {
        let want = (t.appointed_by_disability.get(&d).copied().unwrap_or(0), t.shortlisted_by_disability[&d]);
        assert_eq!(rl_group(r, "WDES2", d.label()), want, "WDES2 {d:?}");
    }
    // WRES 3 / WDES 3: both years' people over twice the headcount
    for e in [Ethnicity::White, Ethnicity::Bme] {
        let cases = t.disciplinary_in(2025, e) + t.disciplinary_in(2024, e);
        assert_eq!(rl_group(r, "WRES3", e.label()), (cases, 2 * t.headcount_of_ethnicity(e)), "WRES3 {e:?}");
    }
    for d in [Disability::Disabled, Disability::NonDisabled] {
        let cases: u64 =
            [2024, 2025].iter().map(|y| t.capability_performance.get(&(*y, d)).copied().unwrap_or(0)).sum();
        assert_eq!(rl_group(r, "WDES3", d.label()), (cases, 2 * t.headcount_of_disability(d)), "WDES3 {d:?}");
    }
    // WRES 4
    for e in [Ethnicity::White, Ethnicity::Bme] {
        let want = (t.training_accessed.get(&e).copied().unwrap_or(0), t.headcount_of_ethnicity(e));
        assert_eq!(rl_group(r, "WRES4", e.label()), want, "WRES4 {e:?}");
    }
    // WRES 9 / WDES 10
    for (scope, membership) in
        [(BoardScope::All, "all"), (BoardScope::Voting, "voting"), (BoardScope::Executive, "executive")]
    {
        for e in Ethnicity::ALL {
            let got = group_count(&indicator(r, "WRES9")["rows"], |x| {
                x["membership"] == membership && x["group"] == e.label()
            });
            assert_eq!(got, t.board_by_ethnicity.get(&(scope, e)).copied().unwrap_or(0), "WRES9 {membership} {e:?}");
        }
        for d in Disability::ALL {
            let got = group_count(&indicator(r, "WDES10")["rows"], |x| {
                x["membership"] == membership && x["group"] == d.label()
            });
            assert_eq!(got, t.board_by_disability.get(&(scope, d)).copied().unwrap_or(0), "WDES10 {membership} {d:?}");
        }
    }
    // Data quality: the staff exclusions by reason
    let staff = r["data_quality"]["inputs"].as_array().unwrap().iter().find(|q| q["kind"] == "staff").unwrap();
    let excluded = |reason: &str| {
        staff["excluded"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["reason"] == reason)
            .map_or(0, |e| e["rows"].as_u64().unwrap())
    };
    assert_eq!(excluded("bank"), t.staff_rows.bank);
    assert_eq!(excluded("honorary"), t.staff_rows.honorary);
    assert_eq!(excluded("agency"), t.staff_rows.agency);
    assert_eq!(excluded("student"), t.staff_rows.students);
    assert_eq!(excluded("duplicate_person"), t.staff_rows.duplicates);
    assert_eq!(staff["rows_read"].as_u64(), Some(t.staff_rows.rows));
}

#[test]
fn sample_trusts_recount_to_the_generators_truth() {
    for seed in [1, 2, 3] {
        let trust = generate(&SampleOptions { staff: 800, seed, presentation: Presentation::Standard });
        let dir = tempfile::tempdir().unwrap();
        write(&trust, dir.path()).unwrap();
        let config = dir.path().join("trust.toml");
        let r = report_json(&["--config", config.to_str().unwrap()], dir.path());
        check_against_truth(&r, trust.truth());
    }
}

#[test]
fn the_figures_do_not_depend_on_the_presentation() {
    let options = SampleOptions { staff: 800, seed: 11, presentation: Presentation::Standard };
    let mut figures = Vec::new();
    for presentation in [Presentation::Standard, Presentation::Alternative] {
        let trust = generate(&options).with_presentation(presentation);
        let dir = tempfile::tempdir().unwrap();
        write(&trust, dir.path()).unwrap();
        let config = dir.path().join("trust.toml");
        let r = report_json(&["--config", config.to_str().unwrap()], dir.path());
        check_against_truth(&r, trust.truth());
        figures.push(r["indicators"].clone());
    }
    assert_eq!(figures[0], figures[1]);
}
