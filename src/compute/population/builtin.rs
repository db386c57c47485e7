//! The built-in Census 2021 figures: England, the nine English regions, Wales, and England and Wales, so that a
//! run with no population file still compares against England.
//!
//! Every figure is a sum of local-authority counts published by the Office for National Statistics (Census 2021,
//! usual residents, all ages), licensed under the Open Government Licence v3.0:
//!
//! * ethnic group: ONS TS021 "Ethnic group" by lower-tier local authority (ONS ethnic group map download
//!   `dvc2203/map/datadownload.xlsx`, 29 Nov 2022), the five high-level groups summed (the total is their sum);
//! * disability: ONS TS038 "Disability" (Equality Act definition, crude, all ages) by LSOA (Nomis bulk
//!   `census2021-ts038-lsoa.csv`), summed to local authorities and then to each area here;
//! * regions: local authorities grouped by ONS "Local Authority District to Region (April 2021) Lookup in England".
//!
//! ONS perturbs each cell of each geography independently, so these sums differ from ONS's published national and
//! regional totals by a few people (England and Wales: 59,597,578 summed vs 59,597,542 published); percentages agree
//! to 0.1 percentage point. The test `tests/population_builtin.rs` recomputes every constant from the files.

use crate::read::census::{DisabilityCounts, EthnicCounts};

/// One area's built-in Census 2021 counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuiltinArea {
    /// The ONS GSS code (E92000001 England, E12000001-E12000009 regions, W92000004 Wales, K04000001 England and
    /// Wales).
    pub code: &'static str,
    /// The ONS name.
    pub name: &'static str,
    /// Usual residents by the five broad ethnic groups (TS021).
    pub ethnicity: EthnicCounts,
    /// Usual residents by disability under the Equality Act (TS038, crude).
    pub disability: DisabilityCounts,
}

/// England (E92000001): sums of the 309 English local authorities.
pub const ENGLAND: BuiltinArea = BuiltinArea {
    code: "E92000001",
    name: "England",
    // White 81.05%, Asian 9.61%, Black 4.22%, Mixed 2.96%, Other 2.18%; disabled 17.30%
    ethnicity: EthnicCounts { total: 56_490_065, groups: [45_783_379, 5_426_423, 2_381_722, 1_669_375, 1_229_166] },
    disability: DisabilityCounts { total: 56_490_046, disabled: 9_774_486, not_disabled: 46_715_560 },
};

/// The nine English regions (ONS E12 codes), in code order: sums of their local authorities.
pub const REGIONS: [BuiltinArea; 9] = [
    BuiltinArea {
        code: "E12000001",
        name: "North East",
        // White 93.04%, Asian 3.70%, Black 1.01%, Mixed 1.26%, Other 1.00%; disabled 21.43%
        ethnicity: EthnicCounts { total: 2_647_006, groups: [2_462_720, 98_046, 26_635, 33_264, 26_341] },
        disability: DisabilityCounts { total: 2_647_084, disabled: 567_337, not_disabled: 2_079_747 },
    },
    BuiltinArea {
        code: "E12000002",
        name: "North West",
        // White 85.57%, Asian 8.40%, Black 2.34%, Mixed 2.20%, Other 1.49%; disabled 19.42%
        ethnicity: EthnicCounts { total: 7_417_407, groups: [6_347_383, 622_692, 173_922, 163_254, 110_156] },
        disability: DisabilityCounts { total: 7_417_305, disabled: 1_440_698, not_disabled: 5_976_607 },
    },
    BuiltinArea {
        code: "E12000003",
        name: "Yorkshire and The Humber",
        // White 85.39%, Asian 8.89%, Black 2.15%, Mixed 2.13%, Other 1.44%; disabled 18.64%
        ethnicity: EthnicCounts { total: 5_480_783, groups: [4_679_966, 487_061, 117_649, 117_011, 79_096] },
        disability: DisabilityCounts { total: 5_480_715, disabled: 1_021_338, not_disabled: 4_459_377 },
    },
    BuiltinArea {
        code: "E12000004",
        name: "East Midlands",
        // White 85.65%, Asian 8.01%, Black 2.66%, Mixed 2.40%, Other 1.27%; disabled 18.34%
        ethnicity: EthnicCounts { total: 4_880_049, groups: [4_179_766, 391_111, 129_979, 117_247, 61_946] },
        disability: DisabilityCounts { total: 4_880_010, disabled: 894_876, not_disabled: 3_985_134 },
    },
    BuiltinArea {
        code: "E12000005",
        name: "West Midlands",
        // White 77.05%, Asian 13.35%, Black 4.52%, Mixed 2.99%, Other 2.09%; disabled 18.11%
        ethnicity: EthnicCounts { total: 5_950_768, groups: [4_585_030, 794_268, 269_023, 178_218, 124_229] },
        disability: DisabilityCounts { total: 5_950_744, disabled: 1_077_439, not_disabled: 4_873_305 },
    },
    BuiltinArea {
        code: "E12000006",
        name: "East of England",
        // White 86.48%, Asian 6.41%, Black 2.92%, Mixed 2.84%, Other 1.36%; disabled 16.63%
        ethnicity: EthnicCounts { total: 6_335_075, groups: [5_478_363, 405_866, 184_956, 179_658, 86_232] },
        disability: DisabilityCounts { total: 6_335_162, disabled: 1_053_846, not_disabled: 5_281_316 },
    },
    BuiltinArea {
        code: "E12000007",
        name: "London",
        // White 53.76%, Asian 20.66%, Black 13.50%, Mixed 5.75%, Other 6.33%; disabled 13.23%
        ethnicity: EthnicCounts { total: 8_799_736, groups: [4_731_172, 1_817_647, 1_188_369, 505_776, 556_772] },
        disability: DisabilityCounts { total: 8_799_813, disabled: 1_164_460, not_disabled: 7_635_353 },
    },
    BuiltinArea {
        code: "E12000008",
        name: "South East",
        // White 86.33%, Asian 7.01%, Black 2.39%, Mixed 2.81%, Other 1.46%; disabled 16.13%
        ethnicity: EthnicCounts { total: 9_278_064, groups: [8_009_377, 650_549, 221_579, 260_866, 135_693] },
        disability: DisabilityCounts { total: 9_278_017, disabled: 1_496_337, not_disabled: 7_781_680 },
    },
    BuiltinArea {
        code: "E12000009",
        name: "South West",
        // White 93.13%, Asian 2.79%, Black 1.22%, Mixed 2.00%, Other 0.85%; disabled 18.56%
        ethnicity: EthnicCounts { total: 5_701_177, groups: [5_309_602, 159_183, 69_610, 114_081, 48_701] },
        disability: DisabilityCounts { total: 5_701_196, disabled: 1_058_155, not_disabled: 4_643_041 },
    },
];

/// Wales (W92000004): sums of the 22 Welsh local authorities.
pub const WALES: BuiltinArea = BuiltinArea {
    code: "W92000004",
    name: "Wales",
    // White 93.83%, Asian 2.87%, Black 0.89%, Mixed 1.56%, Other 0.85%; disabled 21.57%
    ethnicity: EthnicCounts { total: 3_107_513, groups: [2_915_852, 89_032, 27_561, 48_602, 26_466] },
    disability: DisabilityCounts { total: 3_107_497, disabled: 670_264, not_disabled: 2_437_233 },
};

/// England and Wales (K04000001): sums of all 331 local authorities.
pub const ENGLAND_AND_WALES: BuiltinArea = BuiltinArea {
    code: "K04000001",
    name: "England and Wales",
    // White 81.71%, Asian 9.25%, Black 4.04%, Mixed 2.88%, Other 2.11%; disabled 17.53%
    ethnicity: EthnicCounts { total: 59_597_578, groups: [48_699_231, 5_515_455, 2_409_283, 1_717_977, 1_255_632] },
    disability: DisabilityCounts { total: 59_597_543, disabled: 10_444_750, not_disabled: 49_152_793 },
};

/// Every built-in area: England, the nine regions, Wales, England and Wales.
pub fn all() -> impl Iterator<Item = &'static BuiltinArea> {
    std::iter::once(&ENGLAND).chain(REGIONS.iter()).chain([&WALES, &ENGLAND_AND_WALES])
}

/// Finds a built-in area by GSS code or name (case-insensitive, `and`/`&` and spaces ignored).
///
/// ```
/// use wres_wdes::compute::population::builtin;
/// assert_eq!(builtin::find("e12000007").unwrap().name, "London");
/// assert_eq!(builtin::find("Yorkshire & the Humber").unwrap().code, "E12000003");
/// assert!(builtin::find("Atlantis").is_none());
/// ```
pub fn find(code_or_name: &str) -> Option<&'static BuiltinArea> {
    let key = squash(code_or_name);
    all().find(|a| a.code.eq_ignore_ascii_case(code_or_name.trim()) || squash(a.name) == key)
}

fn squash(s: &str) -> String {
    s.to_lowercase().replace('&', "and").chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn england_shares() {
        let s = ENGLAND.ethnicity.shares().unwrap();
        let pct: Vec<f64> = s.iter().map(|x| (x * 10000.0).round() / 100.0).collect();
        assert_eq!(pct, vec![81.05, 9.61, 4.22, 2.96, 2.18]);
        let d = ENGLAND.disability.share_disabled().unwrap();
        assert_eq!((d * 10000.0).round() / 100.0, 17.30);
    }

    #[test]
    fn regions_sum_to_england() {
        let mut e = EthnicCounts::default();
        let mut d = DisabilityCounts::default();
        for r in &REGIONS {
            e.add(&r.ethnicity);
            d.add(&r.disability);
        }
        assert_eq!(e, ENGLAND.ethnicity);
        assert_eq!(d, ENGLAND.disability);
        e.add(&WALES.ethnicity);
        d.add(&WALES.disability);
        assert_eq!(e, ENGLAND_AND_WALES.ethnicity);
        assert_eq!(d, ENGLAND_AND_WALES.disability);
    }

    #[test]
    fn totals_are_group_sums() {
        for a in all() {
            assert_eq!(a.ethnicity.total, a.ethnicity.known(), "{}", a.name);
            assert_eq!(a.disability.total, a.disability.disabled + a.disability.not_disabled, "{}", a.name);
        }
    }
}
