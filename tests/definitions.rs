//! The definitions in `indicators/` as a checked contract: the built-in files load into the registry and hold
//! together, and a misspelt name of any kind, in any file, is refused with a message naming the file, the key and
//! the value (and what is accepted), as a usage error (exit code 2). The files are built into the program, so the
//! loader is tested on edited copies of their text.

mod needs;

use wres_wdes::compute::definitions::{all, Group, Kind, Rule, Source};
use wres_wdes::compute::registry::{registry, Registry, EXTENSIONS_FILE, WDES_FILE, WRES_FILE};
use wres_wdes::definitions::DefinitionFile;
use wres_wdes::error::Error;
use wres_wdes::normalise::codes::survey_map::{survey_map, SurveyMap, SURVEY_FILE};

#[test]
fn the_built_in_definitions_load_and_every_id_is_once() {
    let r = registry().unwrap();
    let mut ids: Vec<&str> = r.ids().collect();
    assert!(!ids.is_empty());
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), r.indicators.len(), "no id twice");
    // WRES first, then WDES, each in its file's order.
    let standards: Vec<&str> = r.indicators.iter().map(|d| d.standard.label()).collect();
    let first_wdes = standards.iter().position(|s| *s == "WDES").unwrap();
    assert!(
        standards[..first_wdes].iter().all(|s| *s == "WRES") && standards[first_wdes..].iter().all(|s| *s == "WDES")
    );
}

/// Whether outputs.md names an id: spelt out (`WDES9a`), or in a range (`WRES1` .. `WRES9`).
fn named(text: &str, id: &str) -> bool {
    let number = |w: &str| w.trim_start_matches(char::is_alphabetic).parse::<u32>().ok();
    let prefix = |w: &str| w.trim_end_matches(|c: char| c.is_ascii_digit()).to_string();
    text.contains(&format!("`{id}`"))
        || text.split("` .. `").zip(text.split("` .. `").skip(1)).any(|(before, after)| {
            let low = before.rsplit('`').next().unwrap_or_default();
            let high = after.split('`').next().unwrap_or_default();
            match (number(low), number(high), number(id)) {
                (Some(a), Some(b), Some(n)) => {
                    prefix(low) == prefix(id) && prefix(high) == prefix(id) && (a..=b).contains(&n)
                }
                _ => false,
            }
        })
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn the_spec_names_every_id() {
    let text = needs::shared_text("spec/outputs.md");
    for id in registry().unwrap().ids() {
        assert!(named(&text, id), "outputs.md names {id}");
    }
    assert!(!named(&text, "WRES10") && !named(&text, "WDES4c"));
}

#[test]
fn each_kind_has_what_it_needs() {
    for d in all().unwrap() {
        assert!(!d.title.is_empty() && !d.wording.is_empty(), "{} has a title and wording", d.id);
        assert!(d.id.starts_with(d.standard.label()), "{} is in its standard", d.id);
        match &d.rule {
            Rule::RelativeLikelihood(r) => {
                assert_eq!(r.numerator_group.dimension(), d.dimension, "{}", d.id);
                assert_ne!(r.numerator_group, r.denominator_group, "{}", d.id);
                assert!(r.sentence.contains("{value}"), "{} has a summary sentence", d.id);
                if r.source == Source::Cases {
                    assert!(r.rolling_average && !r.case_types.is_empty(), "{} cases rules", d.id);
                }
            }
            Rule::Survey(s) => {
                assert_eq!(s.measure, d.id, "{} measure", d.id);
                assert!(survey_map().unwrap().measure(&s.measure).is_some(), "{} is in the question map", d.id);
            }
            Rule::Board(b) => assert_eq!(b.protected_group.dimension(), d.dimension, "{}", d.id),
            Rule::Representation(_) | Rule::Declaration(_) => {}
        }
        assert_eq!(d.kind().label(), serde_json::to_value(d.kind()).unwrap(), "{}", d.id);
    }
    assert!(all().unwrap().iter().any(|d| d.kind() == Kind::Declaration));
}

#[test]
fn relative_likelihoods_are_oriented_as_the_spec_says() {
    // WRES 2 and 4 White over BME; WRES 3 BME over White; WDES 2 non-disabled over Disabled; WDES 3 Disabled over
    // non-disabled.
    let expected = [
        ("WRES2", Group::White, Group::Bme),
        ("WRES3", Group::Bme, Group::White),
        ("WRES4", Group::White, Group::Bme),
        ("WDES2", Group::NonDisabled, Group::Disabled),
        ("WDES3", Group::Disabled, Group::NonDisabled),
    ];
    let r = registry().unwrap();
    for (id, num, den) in expected {
        let rule = r.indicator(id).and_then(|d| d.relative_likelihood()).unwrap();
        assert_eq!((rule.numerator_group, rule.denominator_group), (num, den), "{id}");
    }
}

// ---- Misspellings ----

/// The built-in files with `from` replaced by `to` (once, where it first occurs) in the file named `file`.
fn load_edited(file: &str, from: &str, to: &str) -> Result<Registry, Error> {
    let files = [WRES_FILE, WDES_FILE, EXTENSIONS_FILE, SURVEY_FILE];
    let texts: Vec<String> = files
        .iter()
        .map(|f| {
            if f.name == file {
                assert!(f.text.contains(from), "{file} holds {from:?}");
                f.text.replacen(from, to, 1)
            } else {
                f.text.to_string()
            }
        })
        .collect();
    let edited = |i: usize| DefinitionFile { name: files[i].name, text: &texts[i] };
    let survey = SurveyMap::from_file(edited(3))?;
    Registry::from_files(edited(0), edited(1), edited(2), &survey)
}

/// The misspelling is refused as a usage error whose message names the file, the key and the value.
fn refused(file: &str, from: &str, to: &str, key: &str, value: &str) -> String {
    let e = match load_edited(file, from, to) {
        Ok(_) => panic!("{file}: {to:?} was accepted"),
        Err(e) => e,
    };
    let m = e.message();
    assert_eq!(e.exit_code(), 2, "{m}");
    assert!(m.starts_with(file), "names the file: {m}");
    assert!(m.contains(&format!("`{key}`")), "names the key `{key}`: {m}");
    assert!(m.contains(value), "names the value {value}: {m}");
    assert!(e.hint().is_some_and(|h| h.contains("build")), "says what to do: {e}");
    m.to_string()
}

const EXT: &str = "indicators/extensions.toml";
const WRES: &str = "indicators/wres.toml";
const WDES: &str = "indicators/wdes.toml";
const SURVEY: &str = "indicators/survey.toml";

/// Observed: `dimension = "etnicity"` made the ethnicity pay gap say "no White or no BME staff".
#[test]
fn a_misspelt_pay_gap_dimension_is_refused() {
    let m = refused(
        EXT,
        "dimension = \"ethnicity\"\nreference",
        "dimension = \"etnicity\"\nreference",
        "dimension",
        "`etnicity`",
    );
    assert!(m.contains("`ethnicity`, `disability`, `gender`"), "lists what is accepted: {m}");
    assert!(m.contains("[[pay_gap.comparison]]"), "names the table: {m}");
}

/// Observed: block `"non-clinical"` gave a second block labelled "overall".
#[test]
fn a_misspelt_pay_gap_block_is_refused() {
    let m = refused(EXT, "\"overall\", \"non_clinical\"", "\"overall\", \"non-clinical\"", "blocks", "`non-clinical`");
    assert!(m.contains("`non_clinical`"), "lists what is accepted: {m}");
}

/// Observed: `by = ["disabilty"]` made the WRES 2 intersection vanish.
#[test]
fn a_misspelt_breakdown_is_refused() {
    let m = refused(EXT, "by = [\"disability\"]", "by = [\"disabilty\"]", "by", "`disabilty`");
    assert!(m.contains("`band_group`"), "lists what is accepted: {m}");
}

/// Every other kind of name, in every file.
#[test]
fn a_misspelling_of_any_kind_is_refused() {
    let cases: &[(&str, &str, &str, &str, &str)] = &[
        // Extensions: each enum, band, cross-reference and key.
        (EXT, "standard = \"GPG\"", "standard = \"GBG\"", "standard", "`GBG`"),
        (EXT, "reference = \"White\"", "reference = \"Whyte\"", "reference", "`Whyte`"),
        (EXT, "other = \"BME\"", "other = \"BAME\"", "other", "`BAME`"),
        (EXT, "reference = \"White\"", "reference = \"Disabled\"", "reference", "`Disabled`"),
        (EXT, "\"Band 3\", \"Band 4\"]", "\"Band 3\", \"Band4\"]", "bands", "`Band4`"),
        (EXT, "\nmedical = true", "\nmedical = \"yes\"", "medical", "\"yes\""),
        (
            EXT,
            "indicator = \"WRES2\"\nby = [\"disability\"]",
            "indicator = \"WRES22\"\nby = [\"disability\"]",
            "indicator",
            "`WRES22`",
        ),
        (EXT, "indicator = \"WRES4\"", "indicator = \"WRES5\"", "indicator", "`WRES5`"),
        (EXT, "\"workforce\", \"international\"", "\"workforce\", \"internationl\"", "by", "`internationl`"),
        (
            EXT,
            "indicator = \"WDES2\"\nby = [\"ethnicity\"]",
            "indicator = \"WDES2\"\nby = [\"disability\"]",
            "by",
            "`disability`",
        ),
        (EXT, "from = \"Band 5\"", "from = \"Band 55\"", "from", "`Band 55`"),
        (EXT, "ladder = [\"Band 5\", \"Band 6\"", "ladder = [\"Band 5\", \"Bnad 6\"", "ladder", "`Bnad 6`"),
        (EXT, "[\"all\", \"non_clinical\"", "[\"al\", \"non_clinical\"", "blocks", "`al`"),
        (
            EXT,
            "dimension = \"disability\"\nnumerator",
            "dimension = \"disabled\"\nnumerator",
            "dimension",
            "`disabled`",
        ),
        (EXT, "numerator = \"White\"", "numerator = \"Whit\"", "numerator", "`Whit`"),
        (EXT, "denominator = \"BME\"", "denominator = \"Disabled\"", "denominator", "`Disabled`"),
        (EXT, "senior = \"Band 8a\"\n\n[narrative]", "senior = \"band 8a\"\n\n[narrative]", "senior", "`band 8a`"),
        (EXT, "min_members = 8", "min_member = 8", "min_member", "`min_member`"),
        (EXT, "largest = 2", "larges = 2", "larges", "`larges`"),
        (EXT, "[[intersection]]", "[[intersections]]", "intersections", "`intersections`"),
        // Return indicators: each kind's names and keys, and the cross-references.
        (WRES, "\nkind = \"relative_likelihood\"", "\nkind = \"relative_likelyhood\"", "kind", "`relative_likelyhood`"),
        (WRES, "dimension = \"ethnicity\"", "dimension = \"etnicity\"", "dimension", "`etnicity`"),
        (WRES, "standard = \"WRES\"", "standard = \"WRSE\"", "standard", "`WRSE`"),
        (WRES, "source = \"recruitment\"", "source = \"recruitmnet\"", "source", "`recruitmnet`"),
        (WRES, "numerator_group = \"White\"", "numerator_group = \"white\"", "numerator_group", "`white`"),
        (WRES, "case_types = [\"disciplinary\"]", "case_types = [\"disciplinery\"]", "case_types", "`disciplinery`"),
        (WRES, "value = \"percent\"", "value = \"percentage\"", "value", "`percentage`"),
        (WRES, "measure = \"WRES5\"", "measure = \"WRES05\"", "measure", "`WRES05`"),
        (WRES, "protected_group = \"BME\"", "protected_group = \"BEM\"", "protected_group", "`BEM`"),
        (WRES, "higher_is_better = false", "higher_is_beter = false", "higher_is_beter", "`higher_is_beter`"),
        (WRES, "\nrolling_average = true", "\nrolling_averages = true", "rolling_averages", "`rolling_averages`"),
        (WRES, "measure = \"WRES5\"", "measure = \"WRES6\"", "measure", "WRES6"),
        (WDES, "numerator_group = \"Non-disabled\"", "numerator_group = \"White\"", "numerator_group", "`White`"),
        (WDES, "id = \"WDES2\"", "id = \"WDES1\"", "id", "WDES1"),
        (
            WDES,
            "comparison_group = \"Non-disabled\"",
            "comparison_group = \"Nondisabled\"",
            "comparison_group",
            "`Nondisabled`",
        ),
        (WDES, "kind = \"declaration\"", "kind = \"declaraton\"", "kind", "`declaraton`"),
        (WDES, "kind = \"declaration\"\n", "kind = \"declaration\"\nsource = \"config\"\n", "source", "`source`"),
        (WRES, "kind = \"representation\"\n", "kind = \"representation\"\nsource = \"staff\"\n", "source", "`source`"),
        (
            WRES,
            "kind = \"board\"\n",
            "kind = \"board\"\nprotected_groups = \"BME\"\n",
            "protected_groups",
            "`protected_groups`",
        ),
        (WDES, "kind = \"board\"", "kind = \"boards\"", "kind", "`boards`"),
        (
            WDES,
            "case_types_with_ill_health = [\"capability_performance\", \"capability_ill_health\"]",
            "case_types_with_ill_health = [\"capability_performance\", \"capability_illhealth\"]",
            "case_types_with_ill_health",
            "`capability_illhealth`",
        ),
        // The survey question map.
        (SURVEY, "scale = \"percent\"", "scale = \"percents\"", "scale", "`percents`"),
        (
            SURVEY,
            "measures = [\"WRES5\", \"WDES4a-i\"]",
            "measures = [\"WRES5\", \"WDES4a-1\"]",
            "measures",
            "`WDES4a-1`",
        ),
        (SURVEY, "code = \"Q14a\"", "code = \"14a\"", "code", "`14a`"),
        (SURVEY, "year = 2021", "yaer = 2021", "yaer", "`yaer`"),
        (SURVEY, "measure = \"WDES9a\"", "measure = \"WDES9\"", "measure", "`WDES9`"),
        (SURVEY, "wording = \"The last time", "wordnig = \"The last time", "wordnig", "`wordnig`"),
    ];
    for &(file, from, to, key, value) in cases {
        refused(file, from, to, key, value);
    }
}

/// A missing key is named, in its indicator.
#[test]
fn a_missing_key_is_named_with_its_indicator() {
    let m = refused(
        WRES,
        "sentence = \"{numerator} shortlisted applicants were {value} times as likely to be appointed as {denominator} applicants\"\n",
        "",
        "sentence",
        "WRES2",
    );
    assert!(m.contains("missing key"), "{m}");
}

/// The newcomer's path: a new relative likelihood is an [[indicator]] block, and every output lists it.
#[test]
fn a_new_relative_likelihood_is_a_data_only_change() {
    let block = "\n[[indicator]]\nid = \"WRES4b\"\nstandard = \"WRES\"\ntitle = \"Accessing CPD\"\nshort = \"Access to CPD\"\nkind = \"relative_likelihood\"\n\
                 source = \"training\"\ndimension = \"ethnicity\"\nnumerator_group = \"White\"\ndenominator_group = \"BME\"\n\
                 outcome = \"accessed CPD\"\npopulation = \"staff\"\nwording = \"A new ratio.\"\n\
                 sentence = \"{numerator} staff were {value} times as likely to access CPD as {denominator} staff\"\n";
    let text = format!("{}{block}", WRES_FILE.text);
    let wres = DefinitionFile { name: WRES_FILE.name, text: &text };
    let r = Registry::from_files(wres, WDES_FILE, EXTENSIONS_FILE, survey_map().unwrap()).unwrap();
    let def = r.indicator("WRES4b").unwrap();
    assert_eq!(def.kind(), Kind::RelativeLikelihood);
    assert_eq!(r.ids().position(|id| id == "WRES4b"), Some(9), "after WRES9, before WDES1");
}
