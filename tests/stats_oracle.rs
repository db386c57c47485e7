//! Every case and every field of the shared oracle (`../shared/oracle/rr_vectors.json`, SciPy 1.17.1 and
//! statsmodels 0.15.0) against the statistics module, at relative tolerance 1e-9 (absolute 1e-11 near 0).

mod needs;

use serde_json::Value;
use wres_wdes::stats::assessment::assess;
use wres_wdes::stats::chi_square::chi_square;
use wres_wdes::stats::fisher::fisher_exact;
use wres_wdes::stats::hypothesis::{score_test, wald_test};
use wres_wdes::stats::katz::katz_interval;
use wres_wdes::stats::log_adjusted::log_adjusted_interval;
use wres_wdes::stats::normal::z_for_level;
use wres_wdes::stats::ratio::relative_likelihood;
use wres_wdes::stats::score::{score_interval, score_statistic};
use wres_wdes::stats::{compare, interval, Assessment, CiMethod, Interval, NotEstimable, TwoGroups};

const REL: f64 = 1e-9;
const ABS: f64 = 1e-11;

fn oracle() -> Value {
    serde_json::from_str(&needs::shared_text("oracle/rr_vectors.json")).expect("oracle JSON parses")
}

/// A finite number, or `None` for the strings "inf", "-inf", "nan".
fn finite(v: &Value) -> Option<f64> {
    v.as_f64().filter(|x| x.is_finite())
}

fn close(what: &str, got: f64, want: f64) {
    assert!(got.is_finite(), "{what}: got non-finite {got}");
    let ok = (got - want).abs() <= REL * want.abs() || (want.abs() < ABS && got.abs() < ABS);
    assert!(ok, "{what}: got {got:e}, want {want:e} (rel diff {:e})", (got - want).abs() / want.abs());
}

/// p-values: relative tolerance only (so tiny p-values are really checked), except underflow to 0.
fn close_p(what: &str, got: f64, want: f64) {
    assert!(got.is_finite(), "{what}: got non-finite {got}");
    let ok = (got - want).abs() <= REL * want.abs() || (want < 1e-290 && got < 1e-290);
    assert!(ok, "{what}: got {got:e}, want {want:e}");
}

fn interval_close(what: &str, got: Option<Interval>, low: f64, high: Option<f64>) {
    let got = got.unwrap_or_else(|| panic!("{what}: got no interval, want [{low}, {high:?}]"));
    close(&format!("{what} low"), got.low, low);
    match (got.high, high) {
        (Some(g), Some(w)) => close(&format!("{what} high"), g, w),
        (None, None) => {}
        (g, w) => panic!("{what} high: got {g:?}, want {w:?}"),
    }
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn every_oracle_case_matches() {
    let oracle = oracle();
    let cases = oracle["cases"].as_array().expect("cases");
    let mut compared = 0;
    let mut fields = 0;
    for case in cases {
        let id = case["id"].as_str().expect("id");
        let inp = &case["inputs"];
        let get = |k: &str| inp[k].as_u64().expect("count");
        let (a, n1, c, n2) = (get("a"), get("n1"), get("c"), get("n2"));
        let out = &case["outputs"];
        let value = |f: &str| -> Option<&Value> { out[f].get("value") };

        let g = match TwoGroups::new(a, n1, c, n2) {
            Ok(g) => g,
            Err(_) => {
                // S41: a > n1. SciPy refuses (relative_risk, fisher_exact, chi2_contingency raise ValueError);
                // the type refuses too, and the functions, given such counts directly, return no numbers.
                assert_eq!(case["category"], "invalid", "{id}");
                for f in ["ratio_scipy", "fisher_exact_scipy", "chi2_scipy", "ci95_katz_scipy"] {
                    assert!(out[f].get("error").is_some(), "{id} {f}");
                }
                let raw = TwoGroups { a, n1, c, n2 };
                assert!(katz_interval(&raw, 0.95).is_none());
                assert!(log_adjusted_interval(&raw, 0.95).is_none());
                assert!(score_interval(&raw, 0.95, true).is_none());
                assert!(fisher_exact(&raw).is_none());
                assert!(chi_square(&raw, false).is_none());
                assert!(score_test(&raw, true).is_none());
                compared += 1;
                continue;
            }
        };

        // Ratio: bit-exact against the exact fraction, close to SciPy, explicit states otherwise.
        let rr = relative_likelihood(&g);
        match value("ratio_exact") {
            Some(fr) => {
                let (num, den) = (fr["numerator"].as_u64().expect("num"), fr["denominator"].as_u64().expect("den"));
                assert!(num < 1 << 53 && den < 1 << 53);
                let want = num as f64 / den as f64; // correctly rounded: both exact in f64
                assert_eq!(rr, Ok(want), "{id} ratio");
                close(&format!("{id} ratio_scipy"), want, finite(value("ratio_scipy").expect("scipy")).expect("f"));
                // Assessment on the oracle's exact fraction.
                let within = 5 * u128::from(num) >= 4 * u128::from(den) && 4 * u128::from(num) <= 5 * u128::from(den);
                let want_a =
                    if within { Assessment::WithinNonAdverseRange } else { Assessment::OutsideNonAdverseRange };
                assert_eq!(assess(&g), want_a, "{id} assessment");
            }
            None => {
                let scipy = &out["ratio_scipy"];
                let want = if scipy.get("error").is_some() {
                    NotEstimable::EmptyGroup
                } else if scipy["value"] == "nan" {
                    NotEstimable::BothRatesZero
                } else {
                    assert_eq!(scipy["value"], "inf", "{id}");
                    NotEstimable::ComparisonRateZero
                };
                assert_eq!(rr, Err(want), "{id} ratio state");
                assert_eq!(assess(&g), Assessment::NotEstimable, "{id} assessment");
            }
        }
        fields += 2;
        let inner = 0 < a && a < n1 && 0 < c && c < n2;

        for level_pct in [90, 95, 99] {
            let level = f64::from(level_pct) / 100.0;
            let z = z_for_level(level).expect("z");
            let zs = oracle["methods"]["z_values"][level_pct.to_string()]
                .as_object()
                .expect("z values")
                .iter()
                .filter(|(k, _)| *k != "alpha")
                .map(|(_, v)| v.as_f64().expect("z"))
                .collect::<Vec<_>>();
            for zw in zs {
                assert!((z - zw).abs() <= 4e-15 * zw, "z at {level}: {z} vs {zw}");
            }
            let f = |name: &str| format!("ci{level_pct}_{name}");

            // Katz (SciPy), and statsmodels' 'log' where it has a value.
            let katz = katz_interval(&g, level);
            let kv = value(&f("katz_scipy")).cloned().unwrap_or(Value::Null); // error: SciPy refuses
            match (finite(&kv["low"]), finite(&kv["high"])) {
                (Some(lo), Some(hi)) => {
                    interval_close(&format!("{id} {} katz", level_pct), katz, lo, Some(hi));
                    if let Some(lv) = value(&f("log_statsmodels")) {
                        let (lo, hi) = (finite(&lv["low"]).expect("f"), finite(&lv["high"]).expect("f"));
                        interval_close(&format!("{id} {} log", level_pct), katz, lo, Some(hi));
                    }
                }
                _ => assert_eq!(katz, None, "{id} {level_pct} katz should be absent"),
            }
            assert_eq!(interval(&g, CiMethod::Katz, level), katz);

            // Log-adjusted.
            let la = log_adjusted_interval(&g, level);
            match value(&f("log_adjusted_statsmodels")) {
                Some(v) => interval_close(
                    &format!("{id} {level_pct} log-adjusted"),
                    la,
                    finite(&v["low"]).expect("f"),
                    finite(&v["high"]),
                ),
                None => assert_eq!(la, None, "{id} {level_pct} log-adjusted"),
            }
            assert_eq!(interval(&g, CiMethod::LogAdjusted, level), la);

            // Score, corrected: against the inverted reference everywhere it exists, the closed form inside.
            let sc = score_interval(&g, level, true);
            match value(&f("score_inverted")) {
                Some(v) => {
                    let lo = finite(&v["low"]).expect("score low finite");
                    interval_close(&format!("{id} {level_pct} score"), sc, lo, finite(&v["high"]));
                    if a == 0 {
                        assert_eq!(sc.map(|i| i.low), Some(0.0), "{id} score low is exactly 0 when a = 0");
                    }
                }
                None => assert_eq!(sc, None, "{id} {level_pct} score"),
            }
            if inner {
                let v = value(&f("score_statsmodels")).expect("closed form");
                let (lo, hi) = (finite(&v["low"]).expect("f"), finite(&v["high"]));
                interval_close(&format!("{id} {level_pct} score closed form"), sc, lo, hi);
            }
            assert_eq!(interval(&g, CiMethod::Score, level), sc);

            // Score, uncorrected: statsmodels inside; root consistency everywhere.
            let su = score_interval(&g, level, false);
            if inner {
                let v = value(&f("score_uncorrected_statsmodels")).expect("closed form");
                let (lo, hi) = (finite(&v["low"]).expect("f"), finite(&v["high"]));
                interval_close(&format!("{id} {level_pct} score uncorrected"), su, lo, hi);
            }
            for (corrected, ci) in [(true, sc), (false, su)] {
                match ci {
                    None => assert!(g.n1 == 0 || g.n2 == 0 || a + c == 0, "{id} score interval missing"),
                    Some(ci) => {
                        if a == 0 {
                            assert_eq!(ci.low, 0.0);
                        } else {
                            let zl = score_statistic(&g, ci.low, corrected).expect("Z at low");
                            assert!((zl - z).abs() < 1e-9, "{id} Z(low) = {zl}, z = {z}");
                        }
                        match ci.high {
                            None => assert_eq!(c, 0, "{id} unbounded only when c = 0"),
                            Some(h) => {
                                let zh = score_statistic(&g, h, corrected).expect("Z at high");
                                assert!((zh + z).abs() < 1e-9, "{id} Z(high) = {zh}, z = {z}");
                            }
                        }
                    }
                }
            }
            assert_eq!(interval(&g, CiMethod::ScoreUncorrected, level), su);

            // The comparison the engine uses agrees with the pieces.
            let cmp = compare(&g, CiMethod::Score, level);
            assert_eq!(cmp.ci, sc);
            assert_eq!(cmp.katz_ci, katz);
            assert_eq!(cmp.value, rr.ok());
            fields += 5;
        }

        // Score tests.
        for (field, corrected) in [("score_test_statsmodels", true), ("score_test_uncorrected_statsmodels", false)] {
            let v = value(field).expect("score test value");
            let got = score_test(&g, corrected);
            match finite(&v["statistic"]) {
                Some(stat) => {
                    let got = got.unwrap_or_else(|| panic!("{id} {field} missing"));
                    close(&format!("{id} {field} statistic"), got.statistic.expect("stat"), stat);
                    close_p(&format!("{id} {field} p"), got.p_value, finite(&v["pvalue"]).expect("p"));
                }
                None => assert_eq!(got, None, "{id} {field}"),
            }
            fields += 1;
        }

        // Fisher.
        let v = value("fisher_exact_scipy").expect("fisher");
        let got = fisher_exact(&g).expect("fisher result");
        match finite(&v["statistic"]) {
            Some(s) => close(&format!("{id} fisher OR"), got.statistic.expect("OR"), s),
            None => assert_eq!(got.statistic, None, "{id} fisher OR"),
        }
        close_p(&format!("{id} fisher p"), got.p_value, finite(&v["pvalue"]).expect("p"));
        fields += 1;

        // Chi-square, plain and Yates.
        for (field, yates) in [("chi2_scipy", false), ("chi2_yates_scipy", true)] {
            let got = chi_square(&g, yates);
            match value(field) {
                Some(v) => {
                    let got = got.unwrap_or_else(|| panic!("{id} {field} missing"));
                    close(&format!("{id} {field} X2"), got.statistic.expect("X2"), v["statistic"].as_f64().expect("f"));
                    close_p(&format!("{id} {field} p"), got.p_value, v["pvalue"].as_f64().expect("f"));
                }
                None => assert_eq!(got, None, "{id} {field}"),
            }
            fields += 1;
        }

        // Wald test: Z = ln RR / SE with SE read back from the Katz interval.
        match (wald_test(&g), katz_interval(&g, 0.95), rr) {
            (Some(t), Some(k), Ok(r)) => {
                let se = (k.high.expect("h") / k.low).ln() / (2.0 * z_for_level(0.95).expect("z"));
                close(&format!("{id} wald"), t.statistic.expect("Z"), r.ln() / se);
            }
            (None, k, _) => assert!(k.is_none() || (a == n1 && c == n2), "{id} wald missing"),
            (t, k, r) => panic!("{id} wald {t:?} katz {k:?} rr {r:?}"),
        }
        compared += 1;
    }
    println!("compared {compared} cases, {fields} field groups");
    assert_eq!(compared, 41);
}

/// The worked Katz example of the domain notes: 300/1000 vs 150/800 gives RL 1.600, SE 0.0880,
/// 95% CI 1.346-1.901.
#[test]
fn spec_katz_example() {
    let g = TwoGroups::new(300, 1000, 150, 800).expect("valid");
    assert_eq!(relative_likelihood(&g), Ok(1.6));
    let se = wres_wdes::stats::katz::katz_se(&g).expect("se");
    assert_eq!(format!("{se:.4}"), "0.0880");
    let ci = katz_interval(&g, 0.95).expect("ci");
    assert_eq!(format!("{:.3} {:.3}", ci.low, ci.high.expect("high")), "1.346 1.901");
}
