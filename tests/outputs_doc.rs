//! docs/outputs.md against real outputs: every key of the results JSON, the batch summary and the system roll-up
//! written by runs that between them hold every part (last year's results for a trend, a period warning with its
//! detail, a value mapped and one not recognised, both rolling-average readings, a failed trust in a batch) is
//! documented, and every documented key is written; each CSV's header is the documented columns in order, and
//! its (kind, measure) pairs are the documented ones.

use std::collections::{BTreeMap, BTreeSet};
mod system_common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use system_common::System;

/// A table row of the document: its cells, the first a backticked name.
type Row = Vec<String>;

/// The document's table rows whose first cell is a backticked name, by `## ` section and `### ` subsection.
fn document() -> BTreeMap<(String, String), Vec<Row>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/outputs.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut h2, mut h3) = (String::new(), String::new());
    let mut out: BTreeMap<(String, String), Vec<Row>> = BTreeMap::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            (h2, h3) = (h.to_string(), String::new());
        } else if let Some(h) = line.strip_prefix("### ") {
            h3 = h.to_string();
        } else if line.starts_with("| `") {
            let cells: Row = line.trim().trim_matches('|').split('|').map(|c| c.trim().to_string()).collect();
            out.entry((h2.clone(), h3.clone())).or_default().push(cells);
        }
    }
    out
}

/// The text between the first pair of backticks.
fn ticked(cell: &str) -> String {
    cell.split('`').nth(1).unwrap_or_else(|| panic!("no backticked name in {cell:?}")).to_string()
}

/// The rows of every subsection of the section starting `h2`.
fn rows<'a>(doc: &'a BTreeMap<(String, String), Vec<Row>>, h2: &str) -> Vec<&'a Row> {
    let found: Vec<&Row> = doc.iter().filter(|((a, _), _)| a.starts_with(h2)).flat_map(|(_, r)| r).collect();
    assert!(!found.is_empty(), "docs/outputs.md has a section '{h2}' with a table");
    found
}

/// The rows of the subsection `h3` of the section starting `h2`.
fn sub<'a>(doc: &'a BTreeMap<(String, String), Vec<Row>>, h2: &str, h3: &str) -> &'a [Row] {
    doc.iter()
        .find(|((a, b), _)| a.starts_with(h2) && b == h3)
        .map(|(_, r)| r.as_slice())
        .unwrap_or_else(|| panic!("docs/outputs.md has '{h2}' / '{h3}'"))
}

/// Every key path of a JSON value (`a.b`, `a[].c`; `[].c` under an array at the top).
fn key_paths(value: &Value, at: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
                key_paths(v, &path, out);
                out.insert(path);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| key_paths(v, &format!("{at}[]"), out)),
        _ => {}
    }
}

/// Checks the documented paths of a JSON file against the paths of `values`. A documented key "with the keys of
/// `X`" stands for keys laid out as `X` (for an array: its elements as `X`), and its keys are checked there.
fn check_json(name: &str, documented: &[&Row], values: &[Value]) {
    let paths: BTreeSet<String> = documented.iter().map(|r| ticked(&r[0])).collect();
    let aliases: Vec<(String, String)> = documented
        .iter()
        .filter_map(|r| {
            let target = r.last()?.split("with the keys of `").nth(1)?.split('`').next()?.to_string();
            let path = ticked(&r[0]);
            let from = if r[1].starts_with("array") { format!("{path}[].") } else { format!("{path}.") };
            Some((from, format!("{target}.")))
        })
        .collect();
    let canonical = |mut p: String| loop {
        match aliases.iter().find(|(from, _)| p.starts_with(from.as_str())) {
            Some((from, to)) => p = format!("{to}{}", &p[from.len()..]),
            None => return p,
        }
    };
    let mut seen = BTreeSet::new();
    for v in values {
        key_paths(v, "", &mut seen);
    }
    let seen: BTreeSet<String> = seen.into_iter().map(canonical).collect();
    let undocumented: Vec<&String> = seen.difference(&paths).collect();
    assert!(undocumented.is_empty(), "{name}: keys written but not in docs/outputs.md: {undocumented:#?}");
    let unwritten: Vec<&String> = paths.difference(&seen).collect();
    assert!(unwritten.is_empty(), "{name}: keys in docs/outputs.md that no run wrote: {unwritten:#?}");
}

/// A CSV's header and the distinct pairs of the two named columns.
fn csv_parts(path: &Path, a: &str, b: &str) -> (Vec<String>, BTreeSet<(String, String)>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    let (ia, ib) = (header.iter().position(|h| h == a).unwrap(), header.iter().position(|h| h == b).unwrap());
    let pairs = reader.records().map(|r| r.unwrap()).map(|r| (r[ia].to_string(), r[ib].to_string())).collect();
    (header, pairs)
}

fn check_csv(doc: &BTreeMap<(String, String), Vec<Row>>, h2: &str, path: &Path, a: &str, b: &str) {
    let columns: Vec<String> = sub(doc, h2, "Columns").iter().map(|r| ticked(&r[0])).collect();
    let documented: BTreeSet<(String, String)> =
        sub(doc, h2, "Measures").iter().map(|r| (ticked(&r[0]), ticked(&r[1]))).collect();
    let (header, pairs) = csv_parts(path, a, b);
    assert_eq!(header, columns, "{h2}: the header is the documented columns, in order");
    let undocumented: Vec<_> = pairs.difference(&documented).collect();
    assert!(undocumented.is_empty(), "{h2}: ({a}, {b}) written but not documented: {undocumented:?}");
    let unwritten: Vec<_> = documented.difference(&pairs).collect();
    assert!(unwritten.is_empty(), "{h2}: ({a}, {b}) documented but not written: {unwritten:?}");
}

fn run(dir: &Path, args: &[&str], code: i32) {
    let out = Command::cargo_bin("wres-wdes").unwrap().current_dir(dir).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))).unwrap()
}

fn append(path: &Path, text: &str) {
    let mut all = std::fs::read_to_string(path).unwrap();
    all.push_str(text);
    std::fs::write(path, all).unwrap();
}

#[test]
fn docs_outputs_md_lists_every_key_and_column_the_outputs_hold() {
    let doc = document();
    let root = tempfile::tempdir().unwrap();
    let mut system = System::new("Test ICS");
    for seed in 1..=3u64 {
        system.sample(root.path(), seed, 300);
    }
    // The first trust: both rolling-average readings, one value mapped and one not recognised.
    let t1 = root.path().join("trust1");
    append(
        &t1.join("trust.toml"),
        "\n[statistics]\nprevious_headcount = { White = 150, BME = 60, Disabled = 10, \"Non-disabled\" = 180 }\n\
         \n[mapping.ethnicity]\n\"WBRIT\" = \"A\"\n",
    );
    append(
        &t1.join("recruitment.csv"),
        "VAC-24-09999,WBRIT,No,Yes,Appointed,Band 4,Additional Clinical Services,No\n\
         VAC-24-09999,Klingon,No,Yes,Not Appointed,Band 4,Additional Clinical Services,No\n",
    );
    // A trust that fails, for the roll-up's failed trusts.
    system.broken(root.path());
    system.write_manifest(root.path());

    // Last year (its dates mostly outside the period: a warning with its detail), then this year with a trend.
    run(&t1, &["report", "-q", "--config", "trust.toml", "--year", "2024", "--json", "last.json"], 0);
    run(&t1, &["report", "-q", "--config", "trust.toml", "--previous", "last.json", "--json", "now.json"], 0);
    run(&t1, &["report", "-q", "--config", "trust.toml", "--csv", "now.csv"], 0);
    run(root.path(), &["batch", "-q", "--manifest", "trusts.toml", "--out-dir", "out"], 3);

    let results = [read(&t1.join("last.json")), read(&t1.join("now.json"))];
    check_json("the results JSON", &rows(&doc, "The results JSON"), &results);
    let out = root.path().join("out");
    check_json("batch-summary.json", &rows(&doc, "batch-summary.json"), &[read(&out.join("batch-summary.json"))]);
    check_json("system-rollup.json", &rows(&doc, "system-rollup.json"), &[read(&out.join("system-rollup.json"))]);
    check_csv(&doc, "The results CSV", &t1.join("now.csv"), "kind", "measure");
    check_csv(&doc, "system-rollup.csv", &out.join("system-rollup.csv"), "scope", "measure");
}
