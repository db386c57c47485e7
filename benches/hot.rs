//! Micro-benchmarks of the functions called once per row (or per figure) at national scale: the code
//! classifiers, the `Cell` helpers, the person key and the two-group comparison.
//!
//! Run with `cargo bench --bench hot`; `benches/national.sh` is the end-to-end benchmark.

use divan::black_box;
use wres_wdes::normalise::codes::{
    band, case_type, disability, ethnicity, grade, staff_group, yes_no, BandValue, PayBand, Workforce,
};
use wres_wdes::normalise::records::person;
use wres_wdes::read::Cell;
use wres_wdes::stats::{compare, CiMethod, TwoGroups};

fn main() {
    divan::main();
}

/// Raw values as ESR extracts spell them, with a few of the variants other systems write.
const ETHNICITY: &[&str] = &[
    "A White - British",
    "C3 White - Any other white background",
    "H Asian or Asian British - Indian",
    "N Black or Black British - African",
    "Z Not Stated",
    "White British",
    "Asian or Asian British: Pakistani",
    "99",
];
const DISABILITY: &[&str] = &["Yes", "No", "Not Declared", "Prefer Not To Answer", "Unspecified", "N", ""];
const BAND: &[&str] = &["Band 5", "Band 8a", "Band 2", "AfC Band 6", "Non AfC Grade", "Medical and Dental", "VSM"];
const STAFF_GROUP: &[&str] = &[
    "Nursing and Midwifery Registered",
    "Add Prof Scientific and Technic",
    "Administrative and Clerical",
    "Medical and Dental",
    "Estates and Ancillary",
    "Students",
];
const GRADE: &[&str] = &["Consultant", "Specialty Registrar", "Foundation Year 1", "Specialty Doctor", "Staff Nurse"];
const YES_NO: &[&str] = &["Yes", "No", "Y", "N", "TRUE", "1"];
const CASE_TYPE: &[&str] = &["Disciplinary", "Capability - Performance", "Capability - Ill Health", "Grievance"];

#[divan::bench(args = ETHNICITY)]
fn ethnicity_classify(raw: &str) -> Option<wres_wdes::normalise::codes::EthnicityClass> {
    ethnicity::classify(black_box(raw))
}

#[divan::bench(args = DISABILITY)]
fn disability_classify(raw: &str) -> Option<wres_wdes::normalise::codes::Disability> {
    disability::classify(black_box(raw))
}

#[divan::bench(args = BAND)]
fn band_classify(raw: &str) -> Option<BandValue> {
    band::classify(black_box(raw))
}

#[divan::bench(args = STAFF_GROUP)]
fn staff_group_classify(raw: &str) -> Option<wres_wdes::normalise::codes::StaffGroup> {
    staff_group::classify(black_box(raw))
}

#[divan::bench(args = GRADE)]
fn grade_pay_row(raw: &str) -> grade::Placement {
    grade::pay_row(Workforce::Medical, BandValue::Medical, black_box(raw))
}

#[divan::bench]
fn grade_pay_row_afc() -> grade::Placement {
    grade::pay_row(Workforce::Clinical, BandValue::Band(PayBand::Band5), black_box("Staff Nurse"))
}

#[divan::bench(args = YES_NO)]
fn yes_no_classify(raw: &str) -> Option<bool> {
    yes_no::classify(black_box(raw))
}

#[divan::bench(args = CASE_TYPE)]
fn case_type_classify(raw: &str) -> Option<wres_wdes::normalise::codes::case_type::CaseType> {
    case_type::classify(black_box(raw))
}

#[divan::bench(args = ["12345678", " 12345678-2 ", "ab12cd34"])]
fn person_key(raw: &str) -> Option<person::PersonKey> {
    person::key(black_box(raw))
}

mod cell {
    use super::*;

    fn cells() -> Vec<Cell> {
        vec![
            Cell::Text("  Band 5 ".into()),
            Cell::Number(12345678.0),
            Cell::DateTime(45382.0),
            Cell::Text("1,234".into()),
            Cell::Text("31/03/2024".into()),
            Cell::Empty,
        ]
    }

    #[divan::bench]
    fn text(bencher: divan::Bencher) {
        let cells = cells();
        bencher.bench_local(|| black_box(&cells).iter().filter_map(Cell::text).map(|t| t.len()).sum::<usize>());
    }

    #[divan::bench]
    fn is_blank(bencher: divan::Bencher) {
        let cells = cells();
        bencher.bench_local(|| black_box(&cells).iter().filter(|c| c.is_blank()).count());
    }

    #[divan::bench]
    fn number(bencher: divan::Bencher) {
        let cells = cells();
        bencher.bench_local(|| black_box(&cells).iter().filter_map(Cell::number).sum::<f64>());
    }

    #[divan::bench]
    fn date(bencher: divan::Bencher) {
        let cells = cells();
        bencher.bench_local(|| black_box(&cells).iter().filter_map(|c| c.date().ok().flatten()).count());
    }
}

#[divan::bench(args = [(30, 1000, 12, 4000), (0, 50, 3, 400), (500, 20000, 1500, 90000)])]
fn stats_compare(counts: (u64, u64, u64, u64)) -> wres_wdes::stats::Comparison {
    let (a, n1, c, n2) = counts;
    let g = TwoGroups::new(a, n1, c, n2).unwrap_or(TwoGroups { a: 0, n1: 1, c: 0, n2: 1 });
    compare(black_box(&g), CiMethod::Score, 0.95)
}

/// The pay gaps (three comparisons, four blocks each) of a national snapshot: 1.5 million people, sorted by
/// hourly pay once.
#[divan::bench(sample_count = 10)]
fn pay_gaps_national(bencher: divan::Bencher) {
    use wres_wdes::compute::extensions::pay_gap;
    use wres_wdes::normalise::codes::{gender::Gender, Disability, Ethnicity, PayRow};
    use wres_wdes::normalise::records::pay::{PayBasis, PersonPay};
    use wres_wdes::normalise::records::staff::{Person, StaffSnapshot};
    let defs = &wres_wdes::compute::registry::registry().expect("the built-in definitions load").extensions;
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut staff = StaffSnapshot::default();
    staff.extend((0..1_500_000).map(|_| {
        let r = next();
        Person {
            ethnicity: [Ethnicity::White, Ethnicity::Bme, Ethnicity::Unknown][(r % 3) as usize],
            broad: None,
            disability: [Disability::Disabled, Disability::NonDisabled, Disability::Unknown][(r >> 8) as usize % 3],
            workforce: [Workforce::NonClinical, Workforce::Clinical, Workforce::Medical][(r >> 16) as usize % 3],
            row: PayRow::Band(PayBand::Band5),
            gender: [Gender::Female, Gender::Male, Gender::Unknown][(r >> 24) as usize % 3],
            pay: PersonPay::new(18_000.0 + (r >> 32) as f64 % 90_000.0, PayBasis::Annual, Some(1.0)),
        }
    }));
    let pay = wres_wdes::config::PaySettings::default();
    bencher.bench_local(|| pay_gap::pay_gaps(black_box(Some(&staff)), defs, &pay));
}
