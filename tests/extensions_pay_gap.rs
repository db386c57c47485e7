//! Pay gaps worked by hand, in the style of the gender pay gap guidance.

use wres_wdes::compute::extensions::pay_gap::hourly;
use wres_wdes::compute::results::Status;
use wres_wdes::config::{PaySettings, SalaryBasis, Settings};
use wres_wdes::normalise::codes::gender::Gender;
use wres_wdes::normalise::codes::{Disability, Ethnicity, PayBand, PayRow, Workforce};
use wres_wdes::normalise::records::pay::{PayBasis, PersonPay};
use wres_wdes::normalise::records::staff::{Person, StaffSnapshot};
use wres_wdes::normalise::records::Records;

fn person(gender: Gender, pay: PersonPay) -> Person {
    Person {
        ethnicity: Ethnicity::White,
        broad: None,
        disability: Disability::NonDisabled,
        workforce: Workforce::Clinical,
        row: PayRow::Band(PayBand::Band5),
        gender,
        pay,
    }
}

fn records() -> Records {
    let mut staff = StaffSnapshot::default();
    for h in [10.0, 12.0, 14.0, 16.0] {
        staff.extend([person(Gender::Male, PersonPay::new(h, PayBasis::Hourly, None))]);
    }
    for h in [9.0, 11.0, 13.0] {
        staff.extend([person(Gender::Female, PersonPay::new(h, PayBasis::Hourly, None))]);
    }
    staff.extend([person(Gender::Unknown, PersonPay::default())]);
    Records { staff: Some(staff), ..Records::default() }
}

#[test]
fn men_10_12_14_16_women_9_11_13() {
    let results = wres_wdes::compute::compute(&records(), &Settings::for_year(2025)).unwrap();
    let gap = results.extensions.pay_gaps.iter().find(|g| g.id == "PAYGAP-GENDER").unwrap();
    assert_eq!(gap.status, Status::Ok);
    assert_eq!((gap.reference_group, gap.other_group), ("Men", "Women"));
    let overall = &gap.blocks[0];
    assert_eq!(overall.workforce, "overall");
    // Men: mean (10+12+14+16)/4 = 13, median (12+14)/2 = 13; women: mean 11, median 11.
    assert_eq!(overall.groups[0].mean_hourly, Some(13.0));
    assert_eq!(overall.groups[0].median_hourly, Some(13.0));
    assert_eq!(overall.groups[1].mean_hourly, Some(11.0));
    assert_eq!(overall.groups[1].median_hourly, Some(11.0));
    // (13 - 11) / 13 = 15.38%
    let want = 2.0 / 13.0 * 100.0;
    assert!((overall.mean_gap_percent.unwrap() - want).abs() < 1e-9);
    assert!((overall.median_gap_percent.unwrap() - want).abs() < 1e-9);
    assert!((want - 15.38).abs() < 0.01);
    // Ranked: 9W 10M | 11W 12M | 13W 14M | 16M ... seven people: quartile sizes 1, 2, 2, 2 (floor(k x 7 / 4)):
    // Q1 = {9W}, Q2 = {10M, 11W}, Q3 = {12M, 13W}, Q4 = {14M, 16M}.
    let shares: Vec<(u64, u64)> =
        overall.quartiles.iter().map(|q| (q.shares[0].count.unwrap(), q.shares[1].count.unwrap())).collect();
    assert_eq!(shares, vec![(0, 1), (1, 1), (1, 1), (2, 0)]);
    let women_percent: Vec<f64> = overall.quartiles.iter().map(|q| q.shares[1].percent.unwrap()).collect();
    assert_eq!(women_percent, vec![100.0, 50.0, 50.0, 0.0]);
    // The person without pay is counted, never dropped silently.
    let no_pay = gap.left_out.iter().find(|l| l.reason == "no_pay").unwrap();
    assert_eq!(no_pay.people, Some(1));
    assert!(gap.summary.contains("15.4% less"), "{}", gap.summary);
}

#[test]
fn hourly_pay_from_annual_salary() {
    let weeks = 52.143;
    // 37.5 x 52.143 = 1955.3625 hours a year.
    let actual = PaySettings { weekly_hours: 37.5, salary_basis: SalaryBasis::Actual };
    let full_time = PaySettings { weekly_hours: 37.5, salary_basis: SalaryBasis::FullTime };
    let part = person(Gender::Female, PersonPay::new(9776.81, PayBasis::Annual, Some(0.5)));
    assert!((hourly(&part.pay, &actual, weeks).unwrap() - 10.0).abs() < 1e-4);
    let point = person(Gender::Female, PersonPay::new(19553.63, PayBasis::Annual, Some(0.5)));
    assert!((hourly(&point.pay, &full_time, weeks).unwrap() - 10.0).abs() < 1e-4);
    // No FTE: no hourly pay from an actual salary.
    let no_fte = person(Gender::Female, PersonPay::new(19553.63, PayBasis::Annual, None));
    assert_eq!(hourly(&no_fte.pay, &actual, weeks), None);
    // An hourly rate wins, whatever the basis.
    let rate = person(Gender::Male, PersonPay::new(12.5, PayBasis::Hourly, Some(0.5)));
    assert_eq!(hourly(&rate.pay, &actual, weeks), Some(12.5));
    // 30 weekly hours.
    let thirty = PaySettings { weekly_hours: 30.0, salary_basis: SalaryBasis::FullTime };
    assert!((hourly(&point.pay, &thirty, weeks).unwrap() - 19553.63 / (30.0 * weeks)).abs() < 1e-9);
}

#[test]
fn publication_withholds_the_pay_of_small_groups() {
    let mut settings = Settings::for_year(2025);
    settings.publication = true;
    let results = wres_wdes::compute::compute(&records(), &settings).unwrap();
    let gap = results.extensions.pay_gaps.iter().find(|g| g.id == "PAYGAP-GENDER").unwrap();
    let overall = &gap.blocks[0];
    assert_eq!(overall.status, Status::Suppressed);
    assert_eq!(overall.mean_gap_percent, None);
    assert!(overall.groups.iter().all(|g| g.mean_hourly.is_none() && g.people.is_none()));
}

#[test]
fn person_stays_small() {
    assert!(std::mem::size_of::<Person>() <= 16, "{}", std::mem::size_of::<Person>());
}

/// The gender pay gap of the trust `records()` with its pays replaced: men's, women's.
fn gender_gap(men: [f64; 4], women: [f64; 3]) -> wres_wdes::compute::extensions::results::PayGap {
    let mut staff = StaffSnapshot::default();
    for h in men {
        staff.extend([person(Gender::Male, PersonPay::new(h, PayBasis::Hourly, None))]);
    }
    for h in women {
        staff.extend([person(Gender::Female, PersonPay::new(h, PayBasis::Hourly, None))]);
    }
    staff.extend([person(Gender::Unknown, PersonPay::default())]);
    let records = Records { staff: Some(staff), ..Records::default() };
    let results = wres_wdes::compute::compute(&records, &Settings::for_year(2025)).unwrap();
    results.extensions.pay_gaps.into_iter().find(|g| g.id == "PAYGAP-GENDER").unwrap()
}

/// Pays far above and far below those most trusts have, ranked as in `men_10_12_14_16_women_9_11_13` (women
/// and men alternating from the lowest, the top two men): the same quartiles and people left out, and means,
/// medians and gaps worked by hand.
#[test]
fn extreme_pays_are_ranked_and_averaged_as_any_other() {
    let base = gender_gap([10.0, 12.0, 14.0, 16.0], [9.0, 11.0, 13.0]);
    // 1,024 times the pays above (£9,216 to £16,384 an hour): every figure scales exactly, the gaps stay.
    let high = gender_gap([10240.0, 12288.0, 14336.0, 16384.0], [9216.0, 11264.0, 13312.0]);
    // A penny to 7p an hour: men 2, 4, 6, 7p (mean 4.75p, median 5p), women 1, 3, 5p (mean and median 3p).
    let low = gender_gap([0.02, 0.04, 0.06, 0.07], [0.01, 0.03, 0.05]);
    let (b, h, l) = (&base.blocks[0], &high.blocks[0], &low.blocks[0]);
    for (bg, hg) in b.groups.iter().zip(&h.groups) {
        assert_eq!(hg.people, bg.people);
        assert_eq!(hg.mean_hourly, bg.mean_hourly.map(|m| m * 1024.0));
        assert_eq!(hg.median_hourly, bg.median_hourly.map(|m| m * 1024.0));
    }
    assert_eq!((h.mean_gap_percent, h.median_gap_percent), (b.mean_gap_percent, b.median_gap_percent));
    let close = |got: Option<f64>, want: f64| assert!((got.unwrap() - want).abs() < 1e-12, "{got:?} vs {want}");
    close(l.groups[0].mean_hourly, 0.0475);
    close(l.groups[0].median_hourly, 0.05);
    close(l.groups[1].mean_hourly, 0.03);
    close(l.groups[1].median_hourly, 0.03);
    close(l.mean_gap_percent, (4.75 - 3.0) / 4.75 * 100.0);
    close(l.median_gap_percent, (5.0 - 3.0) / 5.0 * 100.0);
    for gap in [&high, &low] {
        assert_eq!(gap.blocks[0].quartiles, b.quartiles);
        assert_eq!(gap.left_out, base.left_out);
    }
}
