//! An intersection ratio by hand, the small-cell rule, and the narrative's "since last year".

use std::collections::BTreeSet;

use wres_wdes::compute::results::Status;
use wres_wdes::config::Settings;
use wres_wdes::normalise::codes::{Disability, Ethnicity, PayBand, PayRow, Workforce};
use wres_wdes::normalise::records::recruitment::Recruitment;
use wres_wdes::normalise::records::staff::{Person, StaffSnapshot};
use wres_wdes::normalise::records::training::Training;
use wres_wdes::normalise::records::{Records, Tally};
use wres_wdes::stats::{compare, CiMethod, TwoGroups};

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

/// Disabled: White 24 of 40 accessed training, BME 8 of 20. Non-disabled: White 3 of 10, BME 10 of 30.
fn records() -> Records {
    use Disability::{Disabled, NonDisabled};
    use Ethnicity::{Bme, White};
    let mut staff = StaffSnapshot::default();
    let mut accessed = BTreeSet::new();
    for (e, d, total, events) in
        [(White, Disabled, 40, 24), (Bme, Disabled, 20, 8), (White, NonDisabled, 10, 3), (Bme, NonDisabled, 30, 10)]
    {
        for k in 0..total {
            if k < events {
                accessed.insert(staff.len() as u32);
            }
            staff.extend([person(e, d)]);
        }
    }
    Records { staff: Some(staff), training: Some(Training::People(accessed)), ..Records::default() }
}

#[test]
fn wres4_among_disabled_staff_by_hand() {
    let ext = wres_wdes::compute::extensions::compute(&records(), &Settings::for_year(2025)).unwrap();
    let b = ext.intersections.iter().find(|b| b.id == "WRES4-by-disability").unwrap();
    assert_eq!(b.status, Status::Ok);
    let disabled = b.cells.iter().find(|c| c.level == "Disabled").unwrap();
    // (24/40) / (8/20) = 0.6 / 0.4 = 1.5, White over BME as WRES 4.
    let r = disabled.ratio.as_ref().unwrap();
    assert_eq!((r.numerator_group, r.denominator_group), ("White", "BME"));
    assert!((r.value.unwrap() - 1.5).abs() < 1e-12);
    let want = compare(&TwoGroups { a: 24, n1: 40, c: 8, n2: 20 }, CiMethod::Score, 0.95);
    let ci = r.ci.as_ref().unwrap();
    assert_eq!((ci.low, ci.high), (want.ci.unwrap().low, want.ci.unwrap().high));
    // Non-disabled: White has 3 events (1-7): withheld, counts kept.
    let nd = b.cells.iter().find(|c| c.level == "Non-disabled").unwrap();
    assert_eq!(nd.status, Status::Suppressed);
    assert!(nd.ratio.is_none());
    assert_eq!(nd.groups[0].events, Some(3));
    // No gender in the records: said so, not guessed.
    let g = ext.intersections.iter().find(|b| b.id == "WRES4-by-gender").unwrap();
    assert_eq!(g.status, Status::NoData);
}

#[test]
fn the_narrative_says_what_moved_only_with_last_years_figures() {
    let mut rec = Recruitment::default();
    rec.by_ethnicity.insert(Ethnicity::White, Tally { events: 300, total: 1000 });
    rec.by_ethnicity.insert(Ethnicity::Bme, Tally { events: 150, total: 800 });
    let records = Records { recruitment: Some(rec), ..Records::default() };
    let settings = Settings::for_year(2025);
    let now = wres_wdes::compute::compute(&records, &settings).unwrap();
    assert!(now.narrative.wres.contains("appointment from shortlisting (WRES 2)"), "{}", now.narrative.wres);
    assert!(now.narrative.wres.contains("1.60 times"), "{}", now.narrative.wres);
    assert!(!now.narrative.wres.contains("last year"));
    // Last year's results, as `--previous` reads them: WRES 2 was 1.90.
    let mut last_year = now.clone();
    last_year.snapshot_date = "2024-03-31".into();
    for ind in last_year.indicators.iter_mut().filter(|i| i.id == "WRES2") {
        ind.headline.as_mut().unwrap().value = 1.9;
    }
    let json = wres_wdes::render::json::to_string(&last_year).unwrap();
    let previous: wres_wdes::read::previous::PreviousRun = serde_json::from_str(&json).unwrap();
    let records = Records { previous: vec![previous], ..records };
    let then = wres_wdes::compute::compute(&records, &settings).unwrap();
    assert!(then.narrative.wres.contains("WRES 2 from 1.90 to 1.60"), "{}", then.narrative.wres);
}
