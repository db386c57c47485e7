//! The indicator definitions in `indicators/` are well formed, and every id of `outputs.md` is defined once.

use std::collections::BTreeMap;

use wres_wdes::compute::definitions::{all, Kind, Source};

const OUTPUT_IDS: [&str; 23] = [
    "WRES1",
    "WRES2",
    "WRES3",
    "WRES4",
    "WRES5",
    "WRES6",
    "WRES7",
    "WRES8",
    "WRES9",
    "WDES1",
    "WDES2",
    "WDES3",
    "WDES4a-i",
    "WDES4a-ii",
    "WDES4a-iii",
    "WDES4b",
    "WDES5",
    "WDES6",
    "WDES7",
    "WDES8",
    "WDES9a",
    "WDES9b",
    "WDES10",
];

#[test]
fn every_output_id_is_defined_exactly_once() {
    let defs = all().unwrap();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &defs {
        *counts.entry(d.id.as_str()).or_default() += 1;
    }
    for id in OUTPUT_IDS {
        assert_eq!(counts.get(id), Some(&1), "{id} defined once");
    }
    assert_eq!(defs.len(), OUTPUT_IDS.len(), "no extra definitions");
}

#[test]
fn the_spec_lists_the_same_ids() {
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec/outputs.md");
    let Ok(text) = std::fs::read_to_string(&spec) else {
        eprintln!("skipped: ../shared/spec/outputs.md not found (it is beside the project in CI)");
        return;
    };
    // outputs.md names the ids as ranges (`WRES1` .. `WRES9`) plus the WDES 4a parts: check the explicit ones.
    for id in [
        "WRES1",
        "WRES9",
        "WDES1",
        "WDES2",
        "WDES3",
        "WDES4a-i",
        "WDES4a-ii",
        "WDES4a-iii",
        "WDES4b",
        "WDES9a",
        "WDES9b",
        "WDES10",
    ] {
        assert!(text.contains(&format!("`{id}`")), "outputs.md names {id}");
    }
}

#[test]
fn each_kind_has_what_it_needs() {
    for d in all().unwrap() {
        assert!(!d.title.is_empty() && !d.wording.is_empty(), "{} has a title and wording", d.id);
        assert!(d.standard == "WRES" || d.standard == "WDES", "{}", d.id);
        assert!(d.id.starts_with(&d.standard), "{} is in its standard", d.id);
        match d.kind {
            Kind::RelativeLikelihood => {
                assert!(d.numerator_group.is_some() && d.denominator_group.is_some(), "{} groups", d.id);
                assert_ne!(d.numerator_group, d.denominator_group, "{}", d.id);
                assert!(d.sentence.is_some(), "{} has a summary sentence", d.id);
                if d.source == Source::Cases {
                    assert!(d.rolling_average && !d.case_types.is_empty(), "{} cases rules", d.id);
                }
            }
            Kind::Survey => {
                assert_eq!(d.measure.as_deref(), Some(d.id.as_str()), "{} measure", d.id);
                assert!(d.protected_group.is_some() && d.value.is_some() && d.higher_is_better.is_some(), "{}", d.id);
            }
            Kind::Board => assert!(d.protected_group.is_some(), "{}", d.id),
            Kind::Representation => assert_eq!(d.source, Source::Staff, "{}", d.id),
            Kind::Declaration => assert_eq!(d.source, Source::Config, "{}", d.id),
        }
    }
}

#[test]
fn relative_likelihoods_are_oriented_as_the_spec_says() {
    // spec decision 3: WRES 2 and 4 White over BME; WRES 3 BME over White; WDES 2 non-disabled over Disabled;
    // WDES 3 Disabled over non-disabled.
    let expected = [
        ("WRES2", "White", "BME"),
        ("WRES3", "BME", "White"),
        ("WRES4", "White", "BME"),
        ("WDES2", "Non-disabled", "Disabled"),
        ("WDES3", "Disabled", "Non-disabled"),
    ];
    let defs = all().unwrap();
    for (id, num, den) in expected {
        let d = defs.iter().find(|d| d.id == id).unwrap();
        assert_eq!(d.kind, Kind::RelativeLikelihood);
        assert_eq!((d.numerator_group.as_deref(), d.denominator_group.as_deref()), (Some(num), Some(den)), "{id}");
    }
}
