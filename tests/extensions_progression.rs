//! Progression and the Model Employer gap on a small hand-built workforce.

use wres_wdes::compute::extensions::Extensions;
use wres_wdes::config::Settings;
use wres_wdes::normalise::codes::{Disability, Ethnicity, PayBand, PayRow, Workforce};
use wres_wdes::normalise::records::staff::{Person, StaffSnapshot};
use wres_wdes::normalise::records::Records;

fn person(ethnicity: Ethnicity, band: PayBand) -> Person {
    Person {
        ethnicity,
        broad: None,
        disability: Disability::NonDisabled,
        workforce: Workforce::Clinical,
        row: PayRow::Band(band),
        gender: Default::default(),
        pay: Default::default(),
    }
}

/// White: band 3 x2, 5 x4, 6 x3, 7 x2, 8a x2. BME: band 3 x6, 5 x6, 6 x2, 7 x1, 8a x1. One Unknown at band 5.
fn extensions() -> Extensions {
    use Ethnicity::{Bme, Unknown, White};
    use PayBand::*;
    let mut staff = StaffSnapshot::default();
    for (e, b, n) in [
        (White, Band3, 2),
        (White, Band5, 4),
        (White, Band6, 3),
        (White, Band7, 2),
        (White, Band8a, 2),
        (Bme, Band3, 6),
        (Bme, Band5, 6),
        (Bme, Band6, 2),
        (Bme, Band7, 1),
        (Bme, Band8a, 1),
        (Unknown, Band5, 1),
    ] {
        for _ in 0..n {
            staff.extend([person(e, b)]);
        }
    }
    let records = Records { staff: Some(staff), ..Records::default() };
    wres_wdes::compute::extensions::compute(&records, &Settings::for_year(2025)).unwrap()
}

#[test]
fn progression_by_hand() {
    let ext = extensions();
    let p = ext.progression.iter().find(|p| p.id == "PROGRESSION-ETHNICITY").unwrap();
    assert_eq!((p.numerator_group, p.denominator_group), ("White", "BME"));
    let all = &p.blocks[0];
    assert_eq!(all.workforce, "all");
    // At or above 8a given at or above 5: White 2 of 11, BME 1 of 10 -> (2/11)/(1/10) = 20/11.
    let h = &all.headline;
    assert_eq!(h.groups[0].events, Some(2));
    assert_eq!(h.groups[0].total, Some(11));
    assert_eq!(h.groups[1].events, Some(1));
    assert_eq!(h.groups[1].total, Some(10));
    let headline = h.ratio.as_ref().unwrap().value.unwrap();
    assert!((headline - 20.0 / 11.0).abs() < 1e-12);
    // Steps: 5->6 (7/11)/(4/10) = 70/44; 6->7 (4/7)/(2/4) = 8/7; 7->8a (2/4)/(1/2) = 1.
    let want = [70.0 / 44.0, 8.0 / 7.0, 1.0];
    for (s, w) in all.steps.iter().zip(want) {
        assert!((s.ratio.as_ref().unwrap().value.unwrap() - w).abs() < 1e-12, "{} -> {}", s.from, s.to);
    }
    assert_eq!((all.steps[0].from.as_str(), all.steps[0].to.as_str()), ("Band 5", "Band 6"));
    // The steps compound to the headline.
    assert!((all.steps[2].compounded.unwrap() - headline).abs() < 1e-12);
    // 8a -> 8b: nobody above 8a, neither rate above 0: not estimable, and compounding stops.
    assert_eq!(all.steps[3].compounded, None);
}

#[test]
fn model_employer_gap_by_hand() {
    let ext = extensions();
    let m = ext.model_employer.as_ref().unwrap();
    // Known ethnicity: White 13, BME 16 -> 16/29.
    assert!((m.overall_bme_percent.unwrap() - 16.0 / 29.0 * 100.0).abs() < 1e-9);
    let row = |b: &str| m.rows.iter().find(|r| r.band == b).unwrap();
    // Band 3: 16/29 x 8 - 6 = -1.59 -> -2; nothing below.
    assert_eq!((row("Band 3").gap_vs_overall, row("Band 3").gap_vs_below), (Some(-2), None));
    // Band 5 (the unknown is not in `known`): 16/29 x 10 - 6 = -0.48 -> 0; below 6/8 x 10 - 6 = 1.5 -> 2.
    assert_eq!(row("Band 5").known, Some(10));
    assert_eq!((row("Band 5").gap_vs_overall, row("Band 5").gap_vs_below), (Some(0), Some(2)));
    // Band 6: 16/29 x 5 - 2 = 0.76 -> 1; below 12/18 x 5 - 2 = 1.33 -> 1.
    assert_eq!((row("Band 6").gap_vs_overall, row("Band 6").gap_vs_below), (Some(1), Some(1)));
    // Band 7: 16/29 x 3 - 1 = 0.66 -> 1; below 14/23 x 3 - 1 = 0.83 -> 1.
    assert_eq!((row("Band 7").gap_vs_overall, row("Band 7").gap_vs_below), (Some(1), Some(1)));
    // Band 8a: 16/29 x 3 - 1 -> 1; below 15/26 x 3 - 1 = 0.73 -> 1.
    assert_eq!((row("Band 8a").gap_vs_overall, row("Band 8a").gap_vs_below), (Some(1), Some(1)));
    // Shortfalls add the positive gaps: 0 + 1 + 1 + 1 = 3 (1 at 8a+); 2 + 1 + 1 + 1 = 5 (1 at 8a+).
    assert_eq!(m.shortfall_vs_overall, Some(3));
    assert_eq!(m.senior_shortfall_vs_overall, Some(1));
    assert_eq!(m.shortfall_vs_below, Some(5));
    assert_eq!(m.senior_shortfall_vs_below, Some(1));
}
