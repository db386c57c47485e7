//! Publication mode: after disclosure control no count from 1 to 7 remains anywhere in the results, other counts
//! are multiples of 5, and a ratio resting on a withheld count is withheld.

use chrono::NaiveDate;
use wres_wdes::compute::compute;
use wres_wdes::compute::results::{Figures, Status};
use wres_wdes::config::{Organisation, RollingAverage, Settings};
use wres_wdes::normalise::codes::{Disability, Ethnicity, MedicalGrade, PayBand, PayRow, Workforce};
use wres_wdes::normalise::records::recruitment::Recruitment;
use wres_wdes::normalise::records::staff::{Person, StaffSnapshot};
use wres_wdes::normalise::records::{Records, Tally};
use wres_wdes::stats::CiMethod;

fn settings(publication: bool) -> Settings {
    Settings {
        organisation: Organisation::default(),
        snapshot_date: NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
        ci_method: CiMethod::Score,
        ci_level: 0.95,
        rolling_average: RollingAverage::CurrentHeadcount,
        include_ill_health: false,
        publication,
        previous_headcount: Default::default(),
        wdes9b: None,
        ..Settings::for_year(2025)
    }
}

fn records(recruit_bme: Tally) -> Records {
    let mut staff = StaffSnapshot::default();
    let rows = [
        (PayRow::Band(PayBand::Band5), Workforce::Clinical, 40, 3),
        (PayRow::Band(PayBand::Band8a), Workforce::NonClinical, 12, 9),
        (PayRow::Medical(MedicalGrade::Consultant), Workforce::Medical, 6, 21),
    ];
    for (row, workforce, white, bme) in rows {
        for (eth, n) in [(Ethnicity::White, white), (Ethnicity::Bme, bme)] {
            for k in 0..n {
                let disability = if k % 9 == 0 { Disability::Disabled } else { Disability::NonDisabled };
                staff.extend([Person {
                    ethnicity: eth,
                    broad: None,
                    disability,
                    workforce,
                    row,
                    gender: Default::default(),
                    pay: Default::default(),
                }]);
            }
        }
    }
    let mut rec = Recruitment::default();
    rec.by_ethnicity.insert(Ethnicity::White, Tally { events: 120, total: 400 });
    rec.by_ethnicity.insert(Ethnicity::Bme, recruit_bme);
    Records { staff: Some(staff), recruitment: Some(rec), ..Records::default() }
}

/// Every count-like number in the JSON (keys naming counts).
fn counts(v: &serde_json::Value, out: &mut Vec<(String, u64)>) {
    const COUNT_KEYS: [&str; 9] =
        ["count", "total", "events", "cases", "rows", "rows_read", "rows_used", "blank_rows", "respondents"];
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                if let (true, Some(n)) = (COUNT_KEYS.contains(&k.as_str()), x.as_u64()) {
                    out.push((k.clone(), n));
                }
                counts(x, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| counts(x, out)),
        _ => {}
    }
}

#[test]
fn no_count_from_1_to_7_and_the_rest_rounded_to_5() {
    let exact = compute(&records(Tally { events: 30, total: 200 }), &settings(false)).unwrap();
    let mut before = Vec::new();
    counts(&serde_json::to_value(&exact).unwrap(), &mut before);
    assert!(before.iter().any(|(_, n)| (1..=7).contains(n)), "the exact results do hold small counts");

    let published = compute(&records(Tally { events: 30, total: 200 }), &settings(true)).unwrap();
    let mut after = Vec::new();
    counts(&serde_json::to_value(&published).unwrap(), &mut after);
    assert!(!after.is_empty());
    for (key, n) in &after {
        assert!(!(1..=7).contains(n), "{key} = {n} survives publication");
        assert_eq!(n % 5, 0, "{key} = {n} is not rounded to 5");
    }
}

#[test]
fn percentages_follow_the_published_counts() {
    let published = compute(&records(Tally { events: 30, total: 200 }), &settings(true)).unwrap();
    let wres1 = published.indicators.iter().find(|i| i.id == "WRES1").unwrap();
    let Figures::Representation(f) = &wres1.figures else { panic!() };
    for r in &f.rows {
        match (r.count, r.total) {
            (Some(c), Some(t)) if t > 0 => {
                assert!((r.percent.unwrap() - c as f64 * 100.0 / t as f64).abs() < 1e-12)
            }
            _ => assert_eq!(r.percent, None, "{:?}", r),
        }
    }
    // Band 5 clinical has 3 BME staff: withheld, and so is a second cell of its row.
    let band5: Vec<_> = f.rows.iter().filter(|r| r.band == "Band 5").collect();
    assert!(band5.iter().filter(|r| r.count.is_none()).count() >= 2, "{band5:?}");
}

#[test]
fn a_ratio_resting_on_a_withheld_count_is_withheld() {
    let published = compute(&records(Tally { events: 4, total: 200 }), &settings(true)).unwrap();
    let wres2 = published.indicators.iter().find(|i| i.id == "WRES2").unwrap();
    assert_eq!(wres2.status, Status::Suppressed);
    let Figures::RelativeLikelihood(f) = &wres2.figures else { panic!() };
    assert!(f.ratio.is_none());
    let exact = compute(&records(Tally { events: 4, total: 200 }), &settings(false)).unwrap();
    assert_eq!(exact.indicators.iter().find(|i| i.id == "WRES2").unwrap().status, Status::Ok);
}
