//! The built-in Census 2021 constants equal the sums of the local-authority files in `../shared/data`
//! (counts exactly, percentages to 0.1 percentage point), recomputed here with plain CSV reading.

mod needs;

use std::collections::BTreeMap;
use std::path::PathBuf;

use wres_wdes::compute::population::builtin::{self, BuiltinArea};

fn data_dir() -> PathBuf {
    needs::shared("data")
}

/// White, Asian, Black, Mixed, Other, total.
type Eth = [u64; 6];
/// Total, disabled, not disabled.
type Dis = [u64; 3];

fn sums(dir: &std::path::Path) -> (BTreeMap<String, Eth>, BTreeMap<String, Dis>) {
    let mut region = BTreeMap::new();
    let mut rdr = csv::Reader::from_path(dir.join("ons_lookup_lad21_region21.csv")).unwrap();
    for r in rdr.deserialize::<BTreeMap<String, String>>() {
        let r = r.unwrap();
        region.insert(r["ltla21_code"].clone(), r["region21_code"].clone());
    }
    let keys = |code: &str| -> Vec<String> {
        let mut k = vec!["K04000001".to_string()];
        if code.starts_with('E') {
            k.push("E92000001".into());
            k.push(region[code].clone());
        } else {
            k.push("W92000004".into());
        }
        k
    };
    let mut eth: BTreeMap<String, Eth> = BTreeMap::new();
    let mut rdr = csv::Reader::from_path(dir.join("ons_census2021_ts021_ltla_bulkformat_reconstructed.csv")).unwrap();
    let h = rdr.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap_or_else(|| panic!("{name}"));
    let cols = [
        col("Ethnic group: White"),
        col("Ethnic group: Asian, Asian British or Asian Welsh"),
        col("Ethnic group: Black, Black British, Black Welsh, Caribbean or African"),
        col("Ethnic group: Mixed or Multiple ethnic groups"),
        col("Ethnic group: Other ethnic group"),
        col("Ethnic group: Total: All usual residents"),
    ];
    let code_col = col("geography code");
    let mut n = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        n += 1;
        for k in keys(&rec[code_col]) {
            let e = eth.entry(k).or_default();
            for (acc, &c) in e.iter_mut().zip(&cols) {
                *acc += rec[c].parse::<u64>().unwrap();
            }
        }
    }
    assert_eq!(n, 331);
    let mut dis: BTreeMap<String, Dis> = BTreeMap::new();
    let mut rdr = csv::Reader::from_path(dir.join("ons_census2021_ts038_disability_ltla_from_lsoa.csv")).unwrap();
    for r in rdr.deserialize::<BTreeMap<String, String>>() {
        let r = r.unwrap();
        let v = [&r["total_usual_residents"], &r["disabled_equality_act"], &r["not_disabled_equality_act"]]
            .map(|s| s.parse::<u64>().unwrap());
        for k in keys(&r["ltla22_code"]) {
            let d = dis.entry(k).or_default();
            for (acc, x) in d.iter_mut().zip(v) {
                *acc += x;
            }
        }
    }
    (eth, dis)
}

fn check(a: &BuiltinArea, eth: &Eth, dis: &Dis) {
    assert_eq!(a.ethnicity.groups, [eth[0], eth[1], eth[2], eth[3], eth[4]], "{}", a.name);
    assert_eq!(a.ethnicity.total, eth[5], "{}", a.name);
    assert_eq!([a.disability.total, a.disability.disabled, a.disability.not_disabled], *dis, "{}", a.name);
    let shares = a.ethnicity.shares().unwrap();
    for (s, c) in shares.iter().zip(eth) {
        assert!((100.0 * s - 100.0 * *c as f64 / eth[5] as f64).abs() < 0.1, "{}", a.name);
    }
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn builtin_constants_equal_local_authority_sums() {
    let dir = data_dir();
    let (eth, dis) = sums(&dir);
    let mut checked = 0;
    for a in builtin::all() {
        check(a, &eth[a.code], &dis[a.code]);
        checked += 1;
    }
    assert_eq!(checked, 12);
    // Every region in the lookup has a built-in, with the lookup's name.
    let regions: Vec<&String> = eth.keys().filter(|k| k.starts_with("E12")).collect();
    assert_eq!(regions.len(), 9);
    for r in regions {
        assert!(builtin::find(r).is_some(), "{r}");
    }
}

#[test]
fn england_headline_percentages() {
    let e = builtin::ENGLAND.ethnicity.shares().unwrap();
    let expected = [81.05, 9.61, 4.22, 2.96, 2.18];
    for (s, x) in e.iter().zip(expected) {
        assert!((100.0 * s - x).abs() < 0.01, "{} vs {x}", 100.0 * s);
    }
    assert!((100.0 * builtin::ENGLAND.disability.share_disabled().unwrap() - 17.30).abs() < 0.01);
    // ONS/GOV.UK published England and Wales: White 81.7, Asian 9.3, Black 4.0, Mixed 2.9, Other 2.1.
    let ew = builtin::ENGLAND_AND_WALES.ethnicity.shares().unwrap();
    for (s, x) in ew.iter().zip([81.7, 9.3, 4.0, 2.9, 2.1]) {
        assert!((100.0 * s - x).abs() < 0.06, "{} vs {x}", 100.0 * s);
    }
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn builtin_matches_national_reference_file() {
    let dir = data_dir();
    let mut rdr = csv::Reader::from_path(dir.join("derived_national_reference_census2021.csv")).unwrap();
    let mut n = 0;
    for r in rdr.deserialize::<BTreeMap<String, String>>() {
        let r = r.unwrap();
        let Some(a) = builtin::find(&r["area_code"]) else { continue };
        let got = match (r["measure"].as_str(), r["category"].as_str()) {
            ("ethnic_group", "White") => a.ethnicity.groups[0],
            ("ethnic_group", "Asian, Asian British or Asian Welsh") => a.ethnicity.groups[1],
            ("ethnic_group", "Black, Black British, Black Welsh, Caribbean or African") => a.ethnicity.groups[2],
            ("ethnic_group", "Mixed or Multiple ethnic groups") => a.ethnicity.groups[3],
            ("ethnic_group", "Other ethnic group") => a.ethnicity.groups[4],
            ("disability_crude", "Disabled under the Equality Act") => a.disability.disabled,
            _ => continue,
        };
        let count = r["count"].parse::<f64>().unwrap() as u64;
        assert_eq!(got, count, "{} {}", r["area_name"], r["category"]);
        n += 1;
    }
    assert!(n >= 18, "{n} rows compared");
}
