//! Areas built from the real files in `../shared/data`: every file's layout is detected, an ICB's population equals
//! the sum of its LSOAs (and the population-weighted sum of its local authorities), and a trust catchment equals a
//! hand computation from the catchment table. Expected values are computed here with plain CSV reading.

mod needs;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use wres_wdes::compute::population::area::{resolve, AreaChoice, AreaKind};
use wres_wdes::compute::population::comparison::{compare, BandCounts, WorkforceCounts};
use wres_wdes::read::census::{read_population_file, CensusFormat, LookupKind, PopulationFile, PopulationFiles};

fn data_dir() -> PathBuf {
    needs::shared("data")
}

const LTLA_ETH: &str = "ons_census2021_ts021_ltla_bulkformat_reconstructed.csv";
const LTLA_DIS: &str = "ons_census2021_ts038_disability_ltla_from_lsoa.csv";
const LSOA_ETH: &str = "ons_census2021_ts021_broad_ethnic_group_lsoa21.csv";
const LSOA_DIS: &str = "ons_census2021_ts038_disability_lsoa21.csv";
const LSOA_ICB: &str = "ons_lookup_lsoa21_sicbl24_icb24_apr2024.csv";
const LAD_ICB24: &str = "derived_lookup_lad22_icb24_population_weighted.csv";
const LAD_ICB22: &str = "ons_lookup_lad22_sicbl22_icb22_jul2022.csv";
const CATCHMENT: &str = "ohid_trust_catchment_share_by_ltla21.csv";

fn rows(path: &Path) -> Vec<BTreeMap<String, String>> {
    csv::Reader::from_path(path).unwrap().deserialize().map(Result::unwrap).collect()
}

fn files(dir: &Path, names: &[&str]) -> PopulationFiles {
    PopulationFiles::read(&names.iter().map(|n| dir.join(n)).collect::<Vec<_>>()).unwrap()
}

/// White, Asian, Black, Mixed, Other per LTLA from the bulk file, read by header.
fn ltla_eth(dir: &Path) -> BTreeMap<String, [f64; 5]> {
    let names = [
        "Ethnic group: White",
        "Ethnic group: Asian, Asian British or Asian Welsh",
        "Ethnic group: Black, Black British, Black Welsh, Caribbean or African",
        "Ethnic group: Mixed or Multiple ethnic groups",
        "Ethnic group: Other ethnic group",
    ];
    rows(&dir.join(LTLA_ETH))
        .into_iter()
        .map(|r| (r["geography code"].clone(), names.map(|n| r[n].parse::<f64>().unwrap())))
        .collect()
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn every_shared_file_is_detected() {
    let dir = data_dir();
    let census = |name: &str, format: CensusFormat, n: usize, eth: bool, dis: bool| {
        let PopulationFile::Census(t) = read_population_file(&dir.join(name)).unwrap() else { panic!("{name}") };
        assert_eq!((t.format, t.areas.len()), (format, n), "{name}");
        assert!(t.areas.values().all(|a| a.ethnicity.is_some() == eth && a.disability.is_some() == dis), "{name}");
        t
    };
    let t = census(LTLA_ETH, CensusFormat::NomisBulk, 331, true, false);
    let h = &t.areas["E06000001"];
    assert_eq!(h.name.as_deref(), Some("Hartlepool"));
    assert_eq!(h.ethnicity.unwrap().groups, [89068, 1600, 445, 671, 554]);
    census(LTLA_DIS, CensusFormat::Simplified, 331, false, true);
    let t = census(LSOA_ETH, CensusFormat::Simplified, 35672, true, false);
    assert_eq!(t.areas["E01000001"].parent.as_deref(), Some("E09000001"));
    census(LSOA_DIS, CensusFormat::Simplified, 35672, false, true);
    let t = census("ons_census2021_ethnic_group_ltla21_long.csv", CensusFormat::OnsMapLong, 331, true, false);
    assert_eq!(t.areas["E06000001"].ethnicity.unwrap().groups, [89068, 1600, 445, 671, 554]);

    for (name, kind, n) in [
        (LSOA_ICB, LookupKind::LsoaToIcb, 33755),
        (LAD_ICB24, LookupKind::LadToIcb, 320),
        (LAD_ICB22, LookupKind::LadToIcb, 340),
        ("ons_lookup_lad21_region21.csv", LookupKind::LadToRegion, 309),
    ] {
        let PopulationFile::Lookup(l) = read_population_file(&dir.join(name)).unwrap() else { panic!("{name}") };
        assert_eq!((l.kind, l.rows.len()), (kind, n), "{name}");
    }
    let PopulationFile::Catchment(c) = read_population_file(&dir.join(CATCHMENT)).unwrap() else { panic!() };
    assert_eq!(c.rows.len(), 5670);
    // Not a population file: a clear error naming it and its headers.
    let e = read_population_file(&dir.join("nhs_ods_trusts_etr_apr2022_with_nhs_region21.csv")).unwrap_err();
    let m = e.to_string();
    assert!(
        m.contains("nhs_ods_trusts_etr_apr2022_with_nhs_region21.csv") && m.contains("\"nhs_trust22_code\""),
        "{m}"
    );
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn icb_from_lsoas_equals_plain_sum_and_lad_weighted_sum() {
    let dir = data_dir();
    // Plain arithmetic: sum the LSOA rows whose lookup ICB is QMF.
    let icb: BTreeMap<String, String> = rows(&dir.join(LSOA_ICB))
        .into_iter()
        .map(|r| (r["lsoa21_code"].clone(), r["icb24_code_nhs"].clone()))
        .collect();
    let mut eth = [0u64; 5];
    for r in rows(&dir.join(LSOA_ETH)) {
        if icb.get(&r["lsoa21_code"]).map(String::as_str) == Some("QMF") {
            for (acc, k) in eth.iter_mut().zip(["white", "asian", "black", "mixed", "other"]) {
                *acc += r[k].parse::<u64>().unwrap();
            }
        }
    }
    let (mut dis, mut known) = (0u64, 0u64);
    for r in rows(&dir.join(LSOA_DIS)) {
        if icb.get(&r["lsoa21_code"]).map(String::as_str) == Some("QMF") {
            let d: u64 = r["disabled_equality_act"].parse().unwrap();
            dis += d;
            known += d + r["not_disabled_equality_act"].parse::<u64>().unwrap();
        }
    }
    let total: u64 = eth.iter().sum();
    let expected: Vec<f64> = eth.iter().map(|&c| c as f64 / total as f64).collect();

    let f = files(&dir, &[LSOA_ETH, LSOA_DIS, LSOA_ICB]);
    for code in ["QMF", "E54000029"] {
        let m = resolve(&AreaChoice::Icb(code.into()), &f).unwrap();
        assert_eq!(m.area.kind, AreaKind::Icb);
        assert_eq!(m.area.codes, vec!["E54000029".to_string(), "QMF".to_string()]);
        let got = m.ethnicity.unwrap();
        for (g, e) in got.iter().zip(&expected) {
            assert!((g - e).abs() < 1e-12, "{g} vs {e}");
        }
        assert!((m.disabled.unwrap() - dis as f64 / known as f64).abs() < 1e-12);
    }
    // census-formats.md §2: QMF Asian 30.1 %, Black 13.8 %, White 46.3 %.
    let m = resolve(&AreaChoice::Icb("QMF".into()), &f).unwrap();
    let pct = m.ethnicity.unwrap().map(|s| 100.0 * s);
    assert!((pct[1] - 30.1).abs() < 0.05 && (pct[2] - 13.8).abs() < 0.05 && (pct[0] - 46.3).abs() < 0.05, "{pct:?}");

    // Via local authorities and the population-weighted lookup: the same to 0.1 pp.
    let f = files(&dir, &[LTLA_ETH, LTLA_DIS, LAD_ICB24]);
    let lad = resolve(&AreaChoice::Icb("QMF".into()), &f).unwrap();
    assert_eq!(lad.area.name.as_deref(), Some("NHS North East London Integrated Care Board"));
    for (a, b) in lad.ethnicity.unwrap().iter().zip(m.ethnicity.unwrap()) {
        assert!((a - b).abs() < 0.001, "{a} vs {b}");
    }
    assert!((lad.disabled.unwrap() - m.disabled.unwrap()).abs() < 0.001);
    // ...and equal to the plain weighted sum Σ share_of_lad × LA counts.
    let la = ltla_eth(&dir);
    let mut w = [0.0f64; 5];
    for r in rows(&dir.join(LAD_ICB24)).iter().filter(|r| r["icb24_code_nhs"] == "QMF") {
        let s: f64 = r["share_of_lad_population"].parse().unwrap();
        for (acc, c) in w.iter_mut().zip(la[&r["ltla22_code"]]) {
            *acc += s * c;
        }
    }
    let wt: f64 = w.iter().sum();
    for (a, b) in lad.ethnicity.unwrap().iter().zip(w) {
        assert!((a - b / wt).abs() < 1e-12);
    }
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn split_local_authority_icb_via_2022_lookup() {
    let dir = data_dir();
    // East Suffolk (E07000244) is split between Norfolk and Waveney (QMM) and Suffolk and North East Essex (QJG):
    // the LSOA route is exact; the 2022 LAD lookup (weights = share of the LAD's 2011 LSOAs) approximates it.
    let exact = files(&dir, &[LSOA_ETH, LSOA_ICB]);
    let approx = files(&dir, &[LTLA_ETH, LAD_ICB22]);
    for icb in ["QJG", "QMM"] {
        let a = resolve(&AreaChoice::Icb(icb.into()), &exact).unwrap();
        let b = resolve(&AreaChoice::Icb(icb.into()), &approx).unwrap();
        assert!(a.caveats[0].contains("LSOAs") && b.caveats[0].contains("local authorities"));
        assert_eq!(a.disabled, None, "no disability file given");
        for (x, y) in a.ethnicity.unwrap().iter().zip(b.ethnicity.unwrap()) {
            assert!((x - y).abs() < 0.005, "{icb}: {x} vs {y}");
        }
    }
    let PopulationFile::Lookup(l) = read_population_file(&dir.join(LAD_ICB22)).unwrap() else { panic!() };
    let es: Vec<_> = l.rows.iter().filter(|r| r.from == "E07000244").collect();
    assert!(es.len() >= 2 && es.iter().all(|r| r.weight.unwrap() < 1.0));
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn catchment_equals_hand_computation() {
    let dir = data_dir();
    let la = ltla_eth(&dir);
    let la_dis: BTreeMap<String, f64> = rows(&dir.join(LTLA_DIS))
        .into_iter()
        .map(|r| {
            let d: f64 = r["disabled_equality_act"].parse().unwrap();
            let n: f64 = r["not_disabled_equality_act"].parse().unwrap();
            (r["ltla22_code"].clone(), d / (d + n))
        })
        .collect();
    // Σ p × share / Σ p over the R0A rows.
    let (mut num, mut dnum, mut den) = ([0.0f64; 5], 0.0, 0.0);
    for r in rows(&dir.join(CATCHMENT)).iter().filter(|r| r["nhs_trust22_code"] == "R0A") {
        let p: f64 = r["proportion_trust_came_from_ltla"].parse().unwrap();
        let c = la[&r["ltla21_code"]];
        let t: f64 = c.iter().sum();
        for (acc, x) in num.iter_mut().zip(c) {
            *acc += p * x / t;
        }
        dnum += p * la_dis[&r["ltla21_code"]];
        den += p;
    }
    assert!(den > 0.99);
    let f = files(&dir, &[LTLA_ETH, LTLA_DIS, CATCHMENT]);
    let m = resolve(&AreaChoice::Catchment { trust_ods: "R0A".into() }, &f).unwrap();
    assert_eq!(m.area.kind, AreaKind::Catchment);
    for (g, n) in m.ethnicity.unwrap().iter().zip(num) {
        assert!((g - n / den).abs() < 1e-12, "{g} vs {}", n / den);
    }
    assert!((m.disabled.unwrap() - dnum / den).abs() < 1e-12);
    // Manchester's catchment is far more diverse than England: White about 72%, Asian about 15.5%.
    assert!((100.0 * m.ethnicity.unwrap()[0] - 71.98).abs() < 0.05);
    assert_eq!(m.licence.len(), 2);
    assert!(m.sources.iter().any(|s| s.contains(CATCHMENT)));
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn local_authorities_from_real_files_and_end_to_end_json() {
    let dir = data_dir();
    let f = files(&dir, &[LTLA_ETH, LTLA_DIS]);
    let la = ltla_eth(&dir);
    let choice = wres_wdes::compute::population::parse_area("E09000030,E09000025").unwrap();
    let m = resolve(&choice, &f).unwrap();
    let (a, b) = (la["E09000030"], la["E09000025"]);
    let tot: f64 = a.iter().chain(b.iter()).sum();
    assert!((m.ethnicity.unwrap()[1] - (a[1] + b[1]) / tot).abs() < 1e-12);
    assert_eq!(m.area.name.as_deref(), Some("Tower Hamlets, Newham"));

    let wf = WorkforceCounts {
        rows: vec![
            BandCounts {
                band: "All".into(),
                ethnicity: [400, 600, 50],
                broad: [400, 350, 200, 30, 20],
                disability: [30, 700, 320],
            },
            BandCounts {
                band: "Band 5".into(),
                ethnicity: [100, 200, 5],
                broad: [100, 120, 60, 10, 10],
                disability: [5, 200, 100],
            },
        ],
    };
    let r = compare(&wf, &m, 0.95).unwrap();
    assert_eq!(r.rows.len(), 16);
    let json = serde_json::to_string_pretty(&r).unwrap();
    assert!(!json.contains("NaN") && !json.contains("inf"));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["area"]["kind"], "local_authorities");
    assert_eq!(v["area"]["codes"], serde_json::json!(["E09000030", "E09000025"]));
    assert_eq!(v["rows"][9]["band"], "Band 5");
    assert!((v["declaration_rate_percent"].as_f64().unwrap() - 730.0 / 1050.0 * 100.0).abs() < 1e-9);
}
