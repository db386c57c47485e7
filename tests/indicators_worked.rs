//! Hand-worked examples from the spec (`domain.md` section 2.2 and 2.4), computed through the engine from
//! records built by hand, so every figure is checked against an independent value.

use chrono::NaiveDate;
use wres_wdes::compute::compute;
use wres_wdes::compute::results::{Figures, IndicatorResult, Results, Status};
use wres_wdes::config::{Organisation, RollingAverage, Settings};
use wres_wdes::normalise::codes::case_type::CaseType;
use wres_wdes::normalise::codes::{Disability, Ethnicity, PayBand, PayRow, Workforce};
use wres_wdes::normalise::records::cases::{Case, Cases};
use wres_wdes::normalise::records::recruitment::Recruitment;
use wres_wdes::normalise::records::staff::{Person, StaffSnapshot};
use wres_wdes::normalise::records::training::Training;
use wres_wdes::normalise::records::{PeriodYear, Records, Tally};
use wres_wdes::stats::{Assessment, CiMethod};

fn settings(method: CiMethod, rolling: RollingAverage) -> Settings {
    Settings {
        organisation: Organisation { name: "Test".into(), code: "RXX".into() },
        snapshot_date: NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
        ci_method: method,
        ci_level: 0.95,
        rolling_average: rolling,
        include_ill_health: false,
        publication: false,
        previous_headcount: [("White".to_string(), 3000), ("BME".to_string(), 1200)].into_iter().collect(),
        wdes9b: None,
        ..Settings::for_year(2025)
    }
}

fn person(ethnicity: Ethnicity, disability: Disability) -> Person {
    Person {
        ethnicity,
        broad: None,
        disability,
        workforce: Workforce::Clinical,
        row: PayRow::Band(PayBand::Band5),
        gender: Default::default(),
        pay: Default::default(),
    }
}

fn staff(white: usize, bme: usize) -> StaffSnapshot {
    let mut s = StaffSnapshot::default();
    s.extend((0..white).map(|_| person(Ethnicity::White, Disability::NonDisabled)));
    s.extend((0..bme).map(|_| person(Ethnicity::Bme, Disability::Disabled)));
    s
}

fn find<'a>(r: &'a Results, id: &str) -> &'a IndicatorResult {
    r.indicators.iter().find(|i| i.id == id).expect("indicator present")
}

fn ratio_of(i: &IndicatorResult) -> (f64, Option<(f64, Option<f64>)>, Assessment) {
    match &i.figures {
        Figures::RelativeLikelihood(f) => {
            let r = f.ratio.as_ref().expect("ratio");
            (r.value.expect("value"), r.ci.as_ref().map(|c| (c.low, c.high)), f.assessment)
        }
        other => panic!("not a relative likelihood: {other:?}"),
    }
}

#[test]
fn christie_wres2_is_3_21() {
    // The Christie 2022/23: White 46.99% vs BME 14.65% appointed from shortlisting -> 3.21.
    let mut rec = Recruitment::default();
    rec.by_ethnicity.insert(Ethnicity::White, Tally { events: 4699, total: 10000 });
    rec.by_ethnicity.insert(Ethnicity::Bme, Tally { events: 1465, total: 10000 });
    let records = Records { recruitment: Some(rec), ..Records::default() };
    let r = compute(&records, &settings(CiMethod::Score, RollingAverage::CurrentHeadcount)).unwrap();
    let (value, _, assessment) = ratio_of(find(&r, "WRES2"));
    assert_eq!(format!("{value:.2}"), "3.21");
    assert_eq!(assessment, Assessment::OutsideNonAdverseRange);
}

#[test]
fn katz_interval_is_1_346_to_1_901() {
    // domain.md 2.2: top 300/1000, bottom 150/800 -> RL 1.600, 95% CI 1.346-1.901 (Katz).
    let mut rec = Recruitment::default();
    rec.by_ethnicity.insert(Ethnicity::White, Tally { events: 300, total: 1000 });
    rec.by_ethnicity.insert(Ethnicity::Bme, Tally { events: 150, total: 800 });
    let records = Records { recruitment: Some(rec), ..Records::default() };
    let r = compute(&records, &settings(CiMethod::Katz, RollingAverage::CurrentHeadcount)).unwrap();
    let (value, ci, _) = ratio_of(find(&r, "WRES2"));
    let (low, high) = ci.expect("interval");
    assert_eq!(format!("{value:.3} {low:.3} {:.3}", high.unwrap()), "1.600 1.346 1.901");
}

fn cases(bme: (u64, u64), white: (u64, u64)) -> Cases {
    let mut c = Cases::default();
    for (eth, (cur, prev)) in [(Ethnicity::Bme, bme), (Ethnicity::White, white)] {
        for (year, n) in [(PeriodYear::Current, cur), (PeriodYear::Previous, prev)].into_iter().filter(|(_, n)| *n > 0)
        {
            c.cases.push(Case {
                year,
                case_type: CaseType::Disciplinary,
                ethnicity: Some(eth),
                disability: None,
                person: None,
                count: n,
            });
        }
    }
    c
}

#[test]
fn kmpt_wres3_is_1_71_for_one_year() {
    // KMPT: BME 1.2% vs White 0.7% entering disciplinary -> 1.71. One year of cases (none the year before).
    let records = Records { staff: Some(staff(1000, 1000)), cases: Some(cases((12, 0), (7, 0))), ..Records::default() };
    let r = compute(&records, &settings(CiMethod::Score, RollingAverage::CurrentHeadcount)).unwrap();
    let ind = find(&r, "WRES3");
    let (value, _, _) = ratio_of(ind);
    assert_eq!(format!("{value:.2}"), "1.71");
    assert!(ind.notes.iter().any(|n| n.contains("one-year")), "one-year note: {:?}", ind.notes);
}

#[test]
fn rolling_average_readings_are_2_56_and_2_76() {
    // domain.md 2.4: BME 10+14 cases, headcount 1200 -> 1500; White 12+8, 3000 -> 3200.
    let records =
        Records { staff: Some(staff(3200, 1500)), cases: Some(cases((10, 14), (12, 8))), ..Records::default() };
    for (reading, expected, other) in
        [(RollingAverage::CurrentHeadcount, "2.56", "2.76"), (RollingAverage::Pooled, "2.76", "2.56")]
    {
        let r = compute(&records, &settings(CiMethod::Score, reading)).unwrap();
        let ind = find(&r, "WRES3");
        let (value, _, _) = ratio_of(ind);
        assert_eq!(format!("{value:.2}"), expected);
        let Figures::RelativeLikelihood(f) = &ind.figures else { unreachable!() };
        let detail = f.rolling_average.as_ref().unwrap();
        assert!(detail.two_years);
        let alt = detail.alternative.as_ref().unwrap().ratio.as_ref().unwrap().value.unwrap();
        assert_eq!(format!("{alt:.2}"), other);
        // events = both years' cases; total = twice the headcount in the default reading
        let bme = f.groups.iter().find(|g| g.group == "BME").unwrap();
        assert_eq!(bme.events, Some(24));
        if reading == RollingAverage::CurrentHeadcount {
            assert_eq!(bme.total, Some(3000));
        } else {
            assert_eq!(bme.total, Some(2700));
        }
    }
}

#[test]
fn training_counts_people_once_against_headcount() {
    // 10 White of 40 and 2 BME of 20 accessed training: (10/40)/(2/20) = 2.5.
    let s = staff(40, 20);
    let people = (0..10u32).chain(40..42).collect();
    let records = Records { staff: Some(s), training: Some(Training::People(people)), ..Records::default() };
    let r = compute(&records, &settings(CiMethod::Score, RollingAverage::CurrentHeadcount)).unwrap();
    let (value, _, _) = ratio_of(find(&r, "WRES4"));
    assert!((value - 2.5).abs() < 1e-12);
}

#[test]
fn every_indicator_is_present_and_says_why_when_empty() {
    let r = compute(&Records::default(), &settings(CiMethod::Score, RollingAverage::CurrentHeadcount)).unwrap();
    assert_eq!(r.indicators.len(), 23);
    for i in &r.indicators {
        assert_eq!(i.status, Status::NoData, "{}", i.id);
        assert!(i.reason.as_deref().is_some_and(|s| !s.is_empty()), "{} has a reason", i.id);
    }
}
