//! `batch` on five sample trusts (and one broken one): every good trust gets its outputs, the broken one is
//! reported and sets the exit code, and the system roll-up's pooled counts equal the sums of the trusts' JSON,
//! with the Mantel-Haenszel ratio recomputed here by hand from the trusts' counts.

mod system_common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use system_common::System;

use calamine::Reader;

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))).unwrap()
}

fn group(groups: &Value, label: &str) -> (f64, f64) {
    let g = groups.as_array().unwrap().iter().find(|g| g["group"] == label).unwrap();
    (g["events"].as_f64().unwrap(), g["total"].as_f64().unwrap())
}

#[test]
fn five_trusts_and_a_system_roll_up() {
    let root = tempfile::tempdir().unwrap();
    let mut system = System::new("Test ICS");
    for seed in 1..=5u64 {
        system.sample(root.path(), seed, 300 + 50 * seed as usize);
    }
    // A sixth trust whose staff file has no pay band column: it fails with exit 3, the others carry on.
    system.broken(root.path());
    system.write_manifest(root.path());

    let out_dir = root.path().join("out");
    let out = Command::cargo_bin("wres-wdes")
        .unwrap()
        .args(["batch", "--manifest"])
        .arg(root.path().join("trusts.toml"))
        .arg("--out-dir")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken/trust.toml"));
    // Each trust done says what it computed, and what it left out.
    assert!(
        stderr.contains("trust1/trust.toml: 23 of 23 indicators and metrics computed\n  data quality:"),
        "{stderr}"
    );

    let summary = read(&out_dir.join("batch-summary.json"));
    let summary = summary.as_array().unwrap();
    assert_eq!(summary.len(), 6);
    assert_eq!(summary.iter().filter(|t| t["status"] == "ok").count(), 5);
    let failed = summary.iter().find(|t| t["status"] == "failed").unwrap();
    assert_eq!(failed["exit_code"], 3);
    assert!(failed["error"].as_str().unwrap().contains("pay_band"));

    let trusts: Vec<Value> = summary
        .iter()
        .filter(|t| t["status"] == "ok")
        .map(|t| {
            let json =
                t["outputs"].as_array().unwrap().iter().find(|o| o.as_str().unwrap().ends_with(".json")).unwrap();
            read(Path::new(json.as_str().unwrap()))
        })
        .collect();
    assert_eq!(trusts.len(), 5);
    let rollup = read(&out_dir.join("system-rollup.json"));
    assert_eq!(rollup["name"], "Test ICS");

    // Pooled counts equal the sums of the trusts' JSON, and the pooled ratio is their ratio.
    for rl in rollup["relative_likelihoods"].as_array().unwrap() {
        let id = rl["id"].as_str().unwrap();
        let of = |t: &Value| t["indicators"].as_array().unwrap().iter().find(|i| i["id"] == id).unwrap().clone();
        let num = rl["pooled"]["numerator_group"].as_str().unwrap();
        let den = rl["pooled"]["denominator_group"].as_str().unwrap();
        let mut sums = [(0.0, 0.0); 2];
        let (mut r, mut s) = (0.0, 0.0);
        for t in &trusts {
            let i = of(t);
            let (a, n1) = group(&i["groups"], num);
            let (c, n2) = group(&i["groups"], den);
            sums[0].0 += a;
            sums[0].1 += n1;
            sums[1].0 += c;
            sums[1].1 += n2;
            r += a * n2 / (n1 + n2);
            s += c * n1 / (n1 + n2);
        }
        assert_eq!(group(&rl["groups"], num), sums[0], "{id} {num}");
        assert_eq!(group(&rl["groups"], den), sums[1], "{id} {den}");
        let pooled = (sums[0].0 / sums[0].1) / (sums[1].0 / sums[1].1);
        assert!(
            (rl["pooled"]["value"].as_f64().unwrap() - pooled).abs() <= 1e-12 * pooled,
            "{id} pooled {} vs {pooled}: {}",
            rl["pooled"],
            rl["groups"]
        );
        let mh = rl["mantel_haenszel"]["value"].as_f64().unwrap();
        assert!((mh - r / s).abs() <= 1e-12 * mh, "{id} Mantel-Haenszel {mh} vs {}", r / s);
        assert_eq!(rl["trusts_used"], 5);
    }
    // Representation: the roll-up's overall headcount is the sum of the trusts'.
    let overall = |rows: &Value| -> u64 {
        rows.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["workforce"] == "overall")
            .map(|r| r["count"].as_u64().unwrap())
            .sum()
    };
    let wres1_rows =
        |t: &Value| t["indicators"].as_array().unwrap().iter().find(|i| i["id"] == "WRES1").unwrap()["rows"].clone();
    let total: u64 = trusts.iter().map(|t| overall(&wres1_rows(t))).sum();
    let wres1 = rollup["representation"].as_array().unwrap().iter().find(|r| r["id"] == "WRES1").unwrap();
    assert_eq!(overall(&wres1["rows"]), total);
    assert_eq!(total, (1..=5).map(|s| 300 + 50 * s).sum::<u64>());
}

/// Five sample trusts whose WRES 2 (and WDES 2) counts are planted (an aggregated recruitment file each), one far
/// above the others, and a sixth that fails. Every figure below is worked by hand from the planted counts.
///
/// White appointed of shortlisted (a/n1) against BME (c/n2), ratio = (a/n1)/(c/n2):
///   R01 1000/4000 vs 400/2500 = 1.5625    R02 900/3000 vs 360/2000 = 1.6667   R03 1200/5000 vs 500/3000 = 1.44
///   R04 800/4000 vs 300/2000 = 1.3333     R05 300/600 vs 30/400 = 6.6667 (the outlier)
/// Mantel-Haenszel centre, with N = n1 + n2: R = Σ a·n2/N = 384.6154 + 360 + 450 + 266.6667 + 120 = 1581.2821,
///   S = Σ c·n1/N = 246.1538 + 216 + 312.5 + 200 + 18 = 992.6538, θ = R/S = 1.592984, ln θ = 0.465609.
/// Katz variances s² = 1/a − 1/n1 + 1/c − 1/n2: R01 0.001 − 0.00025 + 0.0025 − 0.0004 = 0.00285;
///   R02 0.0030556; R03 0.0023; R04 0.0038333; R05 1/300 − 1/600 + 1/30 − 1/400 = 0.0325.
/// Weights x = 1/s² = 350.877, 327.273, 434.783, 260.870, 30.769; Σx = 1404.571, Σx² = 488257.8;
///   inverse-variance mean Σx·y/Σx = 0.438377; Q = Σx(y − mean)² = 75.5024 on 4 df, p = e^(−Q/2)(1 + Q/2) ≈ 1.6e-15,
///   so over-dispersed; τ² = (Q − 4)/(Σx − Σx²/Σx) = 71.5024/1056.951 = 0.067650.
/// Limits exp(ln θ ± z·√(s² + τ²)): R05 √(0.0325 + 0.067650) = 0.316464: 99.8% 0.599093 to 4.235738,
///   95% 0.856715 to 2.962010, and 6.6667 > 4.2357: above_99_8. R01 √(0.00285 + 0.067650) = 0.265518:
///   99.8% 0.701242 to 3.618721, 95% 0.946678 to 2.680530, and 1.5625 is within.
#[test]
fn a_planted_outlier_stands_out_on_the_funnel() {
    let root = tempfile::tempdir().unwrap();
    let manifest = system_common::planted_system(root.path());
    let run = |out: &Path| system_common::run_batch(&manifest, out, true);
    let out = root.path().join("out");
    run(&out);
    let rollup = read(&out.join("system-rollup.json"));
    let wres2 = rollup["relative_likelihoods"].as_array().unwrap().iter().find(|r| r["id"] == "WRES2").unwrap();
    let f = &wres2["funnel"];
    let close = |v: &Value, want: f64, tol: f64| {
        let got = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
        assert!((got - want).abs() <= tol * want.abs(), "{got} vs {want}");
    };
    close(&f["centre"], 1.592984, 1e-6);
    close(&wres2["mantel_haenszel"]["value"], 1.592984, 1e-6);
    close(&f["dispersion"]["mean"], 0.438377, 1e-5);
    close(&f["dispersion"]["q"], 75.5024, 1e-5);
    assert_eq!(f["dispersion"]["df"], 4);
    assert!(f["dispersion"]["p_value"].as_f64().unwrap() < 1e-14);
    assert_eq!(f["over_dispersed"], true);
    close(&f["tau2"], 0.067650, 1e-4);
    close(&f["dispersion"]["tau2_dersimonian_laird"], 0.067650, 1e-4);
    assert_eq!(f["trusts_placed"], 5);
    let trusts = f["trusts"].as_array().unwrap();
    let flags: Vec<&str> = trusts.iter().map(|t| t["flag"].as_str().unwrap()).collect();
    assert_eq!(flags, ["within", "within", "within", "within", "above_99_8"]);
    let r05 = &trusts[4];
    assert_eq!((r05["trust"].as_str(), r05["name"].as_str()), (Some("R05"), Some("Trust 5")));
    close(&r05["ratio"], 20.0 / 3.0, 1e-12);
    close(&r05["s"], 0.0325f64.sqrt(), 1e-9);
    close(&r05["information"], 1.0 / 0.0325, 1e-9);
    for (key, want) in [("low_99_8", 0.599093), ("low_95", 0.856715), ("high_95", 2.962010), ("high_99_8", 4.235738)] {
        close(&r05["limits"][key], want, 1e-6);
    }
    for (key, want) in [("low_99_8", 0.701242), ("low_95", 0.946678), ("high_95", 2.680530), ("high_99_8", 3.618721)] {
        close(&trusts[0]["limits"][key], want, 1e-6);
    }
    assert_eq!(f["curve"].as_array().unwrap().len(), 41);
    assert!(f["dispersion_words"].as_str().unwrap().contains("differ more than chance"));

    // WDES 2: every trust at (300/900)/(20/100) = 1.6667 is within; R03, with no Disabled appointment, is off the
    // funnel and says why; the four alike give Q = 0, so no over-dispersion.
    let wdes2 = rollup["relative_likelihoods"].as_array().unwrap().iter().find(|r| r["id"] == "WDES2").unwrap();
    let w = &wdes2["funnel"];
    let flags: Vec<&str> = w["trusts"].as_array().unwrap().iter().map(|t| t["flag"].as_str().unwrap()).collect();
    assert_eq!(flags, ["within", "within", "not_estimable", "within", "within"]);
    let r03 = &w["trusts"][2];
    assert_eq!(r03["not_estimable"], "no_comparison_events");
    assert!(r03["reason"].as_str().unwrap().contains("no Disabled member had the outcome"), "{r03}");
    assert_eq!(
        (w["trusts_placed"].as_u64(), w["over_dispersed"].as_bool(), w["tau2"].as_f64()),
        (Some(4), Some(false), Some(0.0))
    );
    assert!(w["dispersion"]["q"].as_f64().unwrap().abs() < 1e-9, "{}", w["dispersion"]);
    // Its centre is the Mantel-Haenszel ratio over all five, R03 included: R = 5 x 300·100/1000 = 150,
    // S = 4 x 20·900/1000 = 72, so 150/72 = 2.0833, above the four placed trusts' 1.6667.
    close(&w["centre"], 150.0 / 72.0, 1e-12);

    // The key facts: the outlier first, by name; then whether the trusts differ; the trust that failed.
    let facts = rollup["key_facts"].as_array().unwrap();
    assert_eq!(facts[0]["kind"], "above_99_8");
    assert_eq!(facts[0]["indicator"], "WRES2");
    assert_eq!(facts[0]["trusts"], serde_json::json!(["R05"]));
    let text = facts[0]["text"].as_str().unwrap();
    assert!(text.contains("Trust 5 (R05) (6.67)") && text.contains("above the 99.8% limit"), "{text}");
    assert!(facts.iter().any(|f| f["kind"] == "trusts_differ" && f["indicator"] == "WRES2"));
    let failed = facts.iter().find(|f| f["kind"] == "failed_to_run").unwrap();
    assert!(failed["text"].as_str().unwrap().contains("missing/trust.toml"), "{failed}");
    assert_eq!(rollup["failed"][0]["config"], "missing/trust.toml");
    assert_eq!(rollup["failed"][0]["exit_code"], 1);

    // The system summary's other figures are there for every trust.
    assert_eq!(rollup["data_quality"].as_array().unwrap().len(), 5);
    let shares = rollup["shares"].as_array().unwrap();
    assert_eq!(shares.iter().map(|s| s["id"].as_str().unwrap()).collect::<Vec<_>>(), ["WRES1", "WDES1"]);
    let staff: u64 = shares[0]["trusts"].as_array().unwrap().iter().map(|t| t["total"].as_u64().unwrap()).sum();
    assert_eq!(shares[0]["system"]["total"].as_u64(), Some(staff));
    assert_eq!(staff, (1..=5).map(|n| 200 + 20 * n).sum::<u64>());
    let survey: Vec<&str> = rollup["survey"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(survey.len(), 13, "WRES 5-8 and WDES 4a-i to 9a: {survey:?}");
    assert!(rollup["survey"][0]["trusts"].as_array().unwrap().iter().all(|t| t["gap_pp"].is_number()));

    // The system pack's first sheet names the outlier in its key messages, first, on a red status.
    let pack = out.join("system-report.xlsx");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&pack).unwrap();
    let summary = wb.worksheet_range("System summary").unwrap();
    let cells: Vec<String> =
        summary.rows().map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("|")).collect();
    let heading = cells.iter().position(|r| r.starts_with("Key messages")).expect("a Key messages heading");
    let messages: Vec<&String> = cells[heading + 1..]
        .iter()
        .take_while(|r| {
            r.starts_with("Red|") || r.starts_with("Amber|") || r.starts_with("Green|") || r.starts_with("No status|")
        })
        .collect();
    assert!((3..=5).contains(&messages.len()), "{messages:#?}");
    assert!(
        messages[0].starts_with("Red|") && messages[0].contains("Trust 5 (R05) at 6.67 lies above the 99.8% limit"),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("The trusts differ more than chance explains on appointed from shortlisting (WRES 2)")),
        "{messages:#?}"
    );
    assert!(cells.iter().any(|r| r.contains("1 trust failed to run and is in no figure here: missing/trust.toml")));
    let funnel = wb.worksheet_range("WRES 2 funnel plot").unwrap();
    let r05 = funnel.rows().find(|r| r[0] == "Trust 5 (R05)").expect("R05's row");
    assert_eq!(r05.last().unwrap().to_string(), "Above the 99.8% limit");

    // The CSV beside it says the same, and both are byte-identical on a second run.
    let csv = std::fs::read_to_string(out.join("system-rollup.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "standard,indicator,scope,trust,trust_name,workforce,band,group,input,measure,numerator,denominator,\
             value,ci_low,ci_high,p_value,flag"
        )
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let find = |trust: &str, measure: &str| {
        rows.iter().find(|r| r[1] == "WRES2" && r[3] == trust && r[9] == measure).unwrap_or_else(|| panic!("{measure}"))
    };
    assert_eq!(find("R05", "funnel_flag")[16], "above_99_8");
    assert_eq!(find("R01", "funnel_flag")[16], "within");
    let limit = find("R05", "funnel_99_8");
    assert!((limit[14].parse::<f64>().unwrap() - 4.235738).abs() < 1e-5, "{limit:?}");
    assert_eq!(
        rows.iter().find(|r| r[1] == "WRES2" && r[2] == "system" && r[9] == "funnel_q").unwrap()[16],
        "over_dispersed"
    );
    assert!(rows.iter().any(|r| r[1] == "run" && r[3] == "missing/trust.toml" && r[16] == "failed"));
    let again = root.path().join("again");
    run(&again);
    for name in ["system-rollup.json", "system-rollup.csv", "system-report.xlsx"] {
        assert_eq!(std::fs::read(out.join(name)).unwrap(), std::fs::read(again.join(name)).unwrap(), "{name}");
    }
}
