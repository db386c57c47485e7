//! `wres-wdes rl`: every oracle case through `--json` against the oracle, and invalid counts refused with exit 2.

mod needs;

use assert_cmd::Command;
use serde_json::Value;

const REL: f64 = 1e-9;
const ABS: f64 = 1e-11;

fn oracle() -> Value {
    serde_json::from_str(&needs::shared_text("oracle/rr_vectors.json")).expect("oracle parses")
}

fn rl(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("wres-wdes").expect("binary").arg("rl").args(args).output().expect("runs")
}

fn close(what: &str, got: &Value, want: f64) {
    let g = got.as_f64().unwrap_or_else(|| panic!("{what}: got {got}, want {want}"));
    let ok = (g - want).abs() <= REL * want.abs() || (want.abs() < ABS && g.abs() < ABS);
    assert!(ok, "{what}: got {g:e}, want {want:e}");
}

/// A finite oracle number, or `None` for "inf"/"nan" strings.
fn finite(v: &Value) -> Option<f64> {
    v.as_f64().filter(|x| x.is_finite())
}

/// Either a finite match, or JSON null where the oracle has no finite value.
fn close_or_null(what: &str, got: &Value, want: Option<f64>) {
    match want {
        Some(w) => close(what, got, w),
        None => assert!(got.is_null(), "{what}: got {got}, want null"),
    }
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn json_matches_oracle_for_every_case() {
    let oracle = oracle();
    let mut compared = 0;
    for case in oracle["cases"].as_array().expect("cases") {
        let id = case["id"].as_str().expect("id");
        let inp = &case["inputs"];
        let counts: Vec<String> = ["a", "n1", "c", "n2"].iter().map(|k| inp[*k].to_string()).collect();
        let (a, n1, c, n2) = (inp["a"].as_u64(), inp["n1"].as_u64(), inp["c"].as_u64(), inp["n2"].as_u64());
        let out = &case["outputs"];
        let args: Vec<&str> = counts.iter().map(String::as_str).collect();
        let level_runs = [("90", "0.9"), ("95", "0.95"), ("99", "0.99")];
        if case["category"] == "invalid" {
            // S40 (a group of 0) and S41 (more events than members): usage errors.
            let o = rl(&args);
            assert_eq!(o.status.code(), Some(2), "{id}");
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains("N2 is 0") || err.contains("more than N1"), "{id}: {err}");
            compared += 1;
            continue;
        }
        for (pct, level) in level_runs {
            let mut full = args.clone();
            full.extend(["--json", "--ci-level", level]);
            let o = rl(&full);
            assert_eq!(o.status.code(), Some(0), "{id}: {}", String::from_utf8_lossy(&o.stderr));
            let text = String::from_utf8(o.stdout).expect("utf8");
            assert!(!text.contains("inf") && !text.contains("NaN"), "{id}: non-finite in JSON");
            let j: Value = serde_json::from_str(&text).expect("JSON");
            let v = |f: &str| out[f].get("value").cloned().unwrap_or(Value::Null);

            assert_eq!(j["groups"][0]["group"], "Numerator");
            assert_eq!(j["groups"][0]["events"].as_u64(), a);
            assert_eq!(j["groups"][1]["total"].as_u64(), n2);
            assert_eq!(j["groups"][1]["events"].as_u64(), c);
            assert_eq!(j["groups"][0]["total"].as_u64(), n1);
            close_or_null(&format!("{id} ratio"), &j["ratio"]["value"], finite(&v("ratio_scipy")));
            // Headline interval: score (the default), against the inverted reference.
            let si = v(&format!("ci{pct}_score_inverted"));
            assert_eq!(j["ratio"]["ci"]["method"], "score");
            close(&format!("{id} level"), &j["ratio"]["ci"]["level"], level.parse().expect("level"));
            close_or_null(&format!("{id} {pct} ci low"), &j["ratio"]["ci"]["low"], finite(&si["low"]));
            close_or_null(&format!("{id} {pct} ci high"), &j["ratio"]["ci"]["high"], finite(&si["high"]));
            close_or_null(&format!("{id} {pct} score low"), &j["intervals"]["score"]["low"], finite(&si["low"]));
            let k = v(&format!("ci{pct}_katz_scipy"));
            let (kl, kh) = match (finite(&k["low"]), finite(&k["high"])) {
                (Some(l), Some(h)) => (Some(l), Some(h)),
                _ => (None, None),
            };
            close_or_null(&format!("{id} {pct} katz low"), &j["ratio"]["katz_ci"]["low"], kl);
            close_or_null(&format!("{id} {pct} katz high"), &j["ratio"]["katz_ci"]["high"], kh);
            close_or_null(&format!("{id} {pct} katz"), &j["intervals"]["katz"]["high"], kh);
            let la = v(&format!("ci{pct}_log_adjusted_statsmodels"));
            close_or_null(&format!("{id} {pct} la low"), &j["intervals"]["log-adjusted"]["low"], finite(&la["low"]));
            close_or_null(&format!("{id} {pct} la high"), &j["intervals"]["log-adjusted"]["high"], finite(&la["high"]));
            let inner = a > Some(0) && a < n1 && c > Some(0) && c < n2;
            if inner {
                let su = v(&format!("ci{pct}_score_uncorrected_statsmodels"));
                let got = &j["intervals"]["score-uncorrected"];
                close(&format!("{id} {pct} su low"), &got["low"], finite(&su["low"]).expect("f"));
                close(&format!("{id} {pct} su high"), &got["high"], finite(&su["high"]).expect("f"));
            }
            // Tests.
            let st = v("score_test_statsmodels");
            close_or_null(&format!("{id} score p"), &j["ratio"]["p_value"], finite(&st["pvalue"]));
            close_or_null(&format!("{id} score p"), &j["tests"]["score"]["p_value"], finite(&st["pvalue"]));
            close_or_null(&format!("{id} score Z"), &j["tests"]["score"]["statistic"], finite(&st["statistic"]));
            let su = v("score_test_uncorrected_statsmodels");
            close_or_null(&format!("{id} su p"), &j["tests"]["score_uncorrected"]["p_value"], finite(&su["pvalue"]));
            let f = v("fisher_exact_scipy");
            close_or_null(&format!("{id} fisher p"), &j["tests"]["fisher"]["p_value"], finite(&f["pvalue"]));
            close_or_null(&format!("{id} fisher OR"), &j["tests"]["fisher"]["statistic"], finite(&f["statistic"]));
            for (key, field) in [("chi2", "chi2_scipy"), ("chi2_yates", "chi2_yates_scipy")] {
                let x = v(field);
                close_or_null(&format!("{id} {key}"), &j["tests"][key]["statistic"], finite(&x["statistic"]));
                close_or_null(&format!("{id} {key} p"), &j["tests"][key]["p_value"], finite(&x["pvalue"]));
            }
            // Assessment on the exact fraction; significance from the interval.
            let want = match out["ratio_exact"].get("value") {
                None => "not_estimable",
                Some(fr) => {
                    let (p, q) = (fr["numerator"].as_u64().expect("n"), fr["denominator"].as_u64().expect("d"));
                    if 5 * p >= 4 * q && 4 * p <= 5 * q {
                        "within_non_adverse_range"
                    } else {
                        "outside_non_adverse_range"
                    }
                }
            };
            assert_eq!(j["assessment"], want, "{id}");
            let low = j["ratio"]["ci"]["low"].as_f64();
            let high = j["ratio"]["ci"]["high"].as_f64();
            let sig = low.map(|l| l > 1.0 || high.is_some_and(|h| h < 1.0));
            assert_eq!(j["ratio"]["significant"].as_bool(), sig, "{id} significant");
        }
        compared += 1;
    }
    assert_eq!(compared, 41);
}

#[test]
fn katz_method_uses_wald_p_value() {
    let o = rl(&["300", "1000", "150", "800", "--ci-method", "katz", "--json"]);
    assert!(o.status.success());
    let j: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(j["ratio"]["ci"]["method"], "katz");
    assert_eq!(format!("{:.3}", j["ratio"]["ci"]["low"].as_f64().expect("low")), "1.346");
    assert_eq!(format!("{:.3}", j["ratio"]["ci"]["high"].as_f64().expect("high")), "1.901");
    assert_eq!(j["ratio"]["p_value"], j["tests"]["wald"]["p_value"]);
}

#[test]
fn words_name_ratio_interval_and_assessment() {
    let o = rl(&["300", "1500", "120", "900"]);
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    for want in ["Relative likelihood: 1.500", "Miettinen-Nurminen", "outside the non-adverse range", "Fisher"] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    let o = rl(&["9", "52", "0", "7"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("not estimable") && text.contains("no upper limit"), "{text}");
    assert!(!text.contains("inf") && !text.contains("NaN"), "{text}");
}

#[test]
fn invalid_counts_exit_2_with_a_reason() {
    let cases: &[(&[&str], &str)] = &[
        (&["-3", "10", "2", "10"], "A (events in the numerator group) is negative"),
        (&["3", "10", "-2", "10"], "C (events in the comparison group) is negative"),
        (&["2.5", "10", "2", "10"], "is not a whole number"),
        (&["3", "ten", "2", "10"], "N1 (members of the numerator group) is not a number"),
        (&["3", "10", "2", "0"], "N2 is 0"),
        (&["0", "0", "2", "10"], "N1 is 0"),
        (&["13", "12", "3", "10"], "more than N1"),
        (&["3", "12", "11", "10"], "more than N2"),
        (&["3", "12", "1", "10", "--ci-level", "95"], "--ci-level"),
        (&["3", "12", "1", "10", "--ci-level", "1"], "--ci-level"),
    ];
    for (args, want) in cases {
        let o = rl(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    // A method that does not exist is clap's usage error (also exit 2).
    assert_eq!(rl(&["3", "12", "1", "10", "--ci-method", "wilson"]).status.code(), Some(2));
}
