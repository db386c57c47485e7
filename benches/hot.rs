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
