//! NHS Staff Survey results: which WRES/WDES measures a row serves, and which group it describes.
//!
//! **Measures.** A row is named by a measure id in any spacing and punctuation (`WRES 5`, `wres5`,
//! `WDES 4a(i)`, `WDES4a-i`, `WDES 4a i`, `WDES Metric 4b`, `WRES Indicator 7`), by a measure's other names
//! (`Staff engagement score`), or by a Staff Survey question code of its survey year, all from the question map
//! `indicators/survey.toml` ([`super::survey_map`]). A question can serve two measures (Q14a is both WRES 5 and
//! WDES 4a(i); Q15 is WRES 7 and WDES 5), so the classifier returns every measure the row serves. A measure number
//! without `WRES`/`WDES` ("Indicator 5", "Metric 4b") is ambiguous and not recognised, as are `WDES 4a` and
//! `WDES 9` without their sub-part. WRES 6 is "Q14b or Q14c" and is recognised only from a combined code
//! (`Q14b/Q14c`, `Q14b/c`); a plain Q14b row is WDES 4a(ii) only. The adjustments question is Q30b in 2021 and
//! Q31b in 2022-23: [`classify_measure_in_year`] reads the year's numbering, [`classify_measure`] any year's.
//!
//! **Groups.** White; BME (BAME, Black and minority ethnic, Global majority, Ethnic minority); Disabled (Staff
//! with a LTC or illness); Non-disabled (Not disabled, Without LTC); Overall (All, Organisation, Trust).

use super::survey_map::survey_map;
use super::text::{lookup, norm};

/// The measures a survey row serves, from its measure id, name or question code (in any survey year's
/// numbering); `None` when not recognised.
///
/// ```
/// use wres_wdes::normalise::codes::survey::classify_measure;
/// assert_eq!(classify_measure("WDES 4a(ii)"), Some(vec!["WDES4a-ii"]));
/// assert_eq!(classify_measure("Q14a"), Some(vec!["WRES5", "WDES4a-i"]));
/// assert_eq!(classify_measure("Indicator 5"), None);
/// ```
pub fn classify_measure(raw: &str) -> Option<Vec<&'static str>> {
    classify_measure_in_year(raw, None)
}

/// As [`classify_measure`], but a question code is read only in the numbering of survey year `year` (Q30b 2021
/// only, Q31b 2022-2023; no code in a year the question map does not hold); `None` for the year accepts every
/// year's codes where the years agree. Measure ids do not depend on the year. (`None` too if the built-in map
/// could not be loaded, which `cargo test` rules out; [`survey_map`] gives that error.)
///
/// ```
/// use wres_wdes::normalise::codes::survey::classify_measure_in_year;
/// assert_eq!(classify_measure_in_year("Q31b", Some(2023)), Some(vec!["WDES8"]));
/// assert_eq!(classify_measure_in_year("Q30b", Some(2023)), None);
/// assert_eq!(classify_measure_in_year("Q14a", Some(2025)), None);
/// assert_eq!(classify_measure_in_year("WRES 5", Some(2025)), Some(vec!["WRES5"]));
/// ```
pub fn classify_measure_in_year(raw: &str, year: Option<i32>) -> Option<Vec<&'static str>> {
    survey_map().ok()?.classify_measure(raw, year)
}

/// The group a survey result describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum SurveyGroup {
    /// White staff.
    White,
    /// Black and minority ethnic staff.
    Bme,
    /// Disabled staff (staff with a long-term condition or illness).
    Disabled,
    /// Non-disabled staff.
    NonDisabled,
    /// The whole organisation.
    Overall,
}

impl SurveyGroup {
    /// All five.
    pub const ALL: [SurveyGroup; 5] =
        [SurveyGroup::White, SurveyGroup::Bme, SurveyGroup::Disabled, SurveyGroup::NonDisabled, SurveyGroup::Overall];

    /// The output label: `White`, `BME`, `Disabled`, `Non-disabled`, `Overall`.
    ///
    /// ```
    /// use wres_wdes::normalise::codes::survey::SurveyGroup;
    /// assert_eq!(SurveyGroup::NonDisabled.label(), "Non-disabled");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            SurveyGroup::White => "White",
            SurveyGroup::Bme => "BME",
            SurveyGroup::Disabled => "Disabled",
            SurveyGroup::NonDisabled => "Non-disabled",
            SurveyGroup::Overall => "Overall",
        }
    }
}

pub(crate) const GROUPS: &[(&str, SurveyGroup)] = &[
    ("white", SurveyGroup::White),
    ("bme", SurveyGroup::Bme),
    ("bame", SurveyGroup::Bme),
    ("black and minority ethnic", SurveyGroup::Bme),
    ("black and minority ethnic bme", SurveyGroup::Bme),
    ("black asian and minority ethnic", SurveyGroup::Bme),
    ("black asian and minority ethnic bame", SurveyGroup::Bme),
    ("global majority", SurveyGroup::Bme),
    ("ethnic minority", SurveyGroup::Bme),
    ("ethnic minorities", SurveyGroup::Bme),
    ("minority ethnic", SurveyGroup::Bme),
    ("disabled", SurveyGroup::Disabled),
    ("with a ltc or illness", SurveyGroup::Disabled),
    ("with ltc or illness", SurveyGroup::Disabled),
    ("with a long term condition or illness", SurveyGroup::Disabled),
    ("with long term condition or illness", SurveyGroup::Disabled),
    ("with a ltc", SurveyGroup::Disabled),
    ("with ltc", SurveyGroup::Disabled),
    ("with a long term condition", SurveyGroup::Disabled),
    ("ltc or illness", SurveyGroup::Disabled),
    ("ltc", SurveyGroup::Disabled),
    ("non disabled", SurveyGroup::NonDisabled),
    ("nondisabled", SurveyGroup::NonDisabled),
    ("not disabled", SurveyGroup::NonDisabled),
    ("without a ltc or illness", SurveyGroup::NonDisabled),
    ("without ltc or illness", SurveyGroup::NonDisabled),
    ("without a long term condition or illness", SurveyGroup::NonDisabled),
    ("without long term condition or illness", SurveyGroup::NonDisabled),
    ("without a ltc", SurveyGroup::NonDisabled),
    ("without ltc", SurveyGroup::NonDisabled),
    ("without a long term condition", SurveyGroup::NonDisabled),
    ("no ltc", SurveyGroup::NonDisabled),
    ("overall", SurveyGroup::Overall),
    ("all", SurveyGroup::Overall),
    ("all respondents", SurveyGroup::Overall),
    ("organisation", SurveyGroup::Overall),
    ("organisation overall", SurveyGroup::Overall),
    ("whole organisation", SurveyGroup::Overall),
    ("trust", SurveyGroup::Overall),
    ("trust overall", SurveyGroup::Overall),
    ("total", SurveyGroup::Overall),
];

/// Classifies the group of a survey row; `None` when not recognised. A leading or trailing word "staff" is
/// ignored ("BME staff", "Staff with a LTC or illness", "All staff").
///
/// ```
/// use wres_wdes::normalise::codes::survey::{classify_group, SurveyGroup};
/// assert_eq!(classify_group("Global majority"), Some(SurveyGroup::Bme));
/// assert_eq!(classify_group("Staff with a LTC or illness"), Some(SurveyGroup::Disabled));
/// assert_eq!(classify_group("Trust"), Some(SurveyGroup::Overall));
/// assert_eq!(classify_group("Unknown"), None);
/// ```
pub fn classify_group(raw: &str) -> Option<SurveyGroup> {
    let normed = norm(raw);
    let mut key = normed.as_str();
    key = key.strip_prefix("staff ").unwrap_or(key);
    key = key.strip_suffix(" staff").unwrap_or(key);
    lookup(GROUPS, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRES5: &[&str] = &["WRES5"];
    const WRES6: &[&str] = &["WRES6"];
    const WRES7: &[&str] = &["WRES7"];
    const WRES8: &[&str] = &["WRES8"];
    const WDES4AI: &[&str] = &["WDES4a-i"];
    const WDES4AII: &[&str] = &["WDES4a-ii"];
    const WDES4AIII: &[&str] = &["WDES4a-iii"];
    const WDES4B: &[&str] = &["WDES4b"];
    const WDES5: &[&str] = &["WDES5"];
    const WDES6: &[&str] = &["WDES6"];
    const WDES7: &[&str] = &["WDES7"];
    const WDES8: &[&str] = &["WDES8"];
    const WDES9A: &[&str] = &["WDES9a"];
    const WRES5_WDES4AI: &[&str] = &["WRES5", "WDES4a-i"];
    const WRES7_WDES5: &[&str] = &["WRES7", "WDES5"];

    #[test]
    fn measure_ids() {
        for (raw, want) in [
            ("WRES5", WRES5),
            ("WRES 5", WRES5),
            ("wres5", WRES5),
            ("WRES-5", WRES5),
            ("WRES Indicator 5", WRES5),
            ("WRES 6", WRES6),
            ("WRES7", WRES7),
            ("WRES 8", WRES8),
            ("WDES4a-i", WDES4AI),
            ("WDES 4a(i)", WDES4AI),
            ("WDES 4a i", WDES4AI),
            ("WDES 4a-1", WDES4AI),
            ("wdes4ai", WDES4AI),
            ("WDES4a-ii", WDES4AII),
            ("WDES 4a(ii)", WDES4AII),
            ("WDES4a-iii", WDES4AIII),
            ("WDES 4a (iii)", WDES4AIII),
            ("WDES4b", WDES4B),
            ("WDES Metric 4b", WDES4B),
            ("WDES5", WDES5),
            ("WDES 6", WDES6),
            ("WDES7", WDES7),
            ("WDES 8", WDES8),
            ("WDES9a", WDES9A),
            ("WDES 9a", WDES9A),
            ("WRES 5 / WDES 4a(i)", WRES5_WDES4AI),
            ("WRES 7 / WDES 5", WRES7_WDES5),
            ("Staff engagement score", WDES9A),
        ] {
            assert_eq!(classify_measure(raw).as_deref(), Some(want), "{raw:?}");
        }
        // Every canonical id round-trips.
        for id in survey_map().unwrap().measure_ids() {
            assert_eq!(classify_measure(id).as_deref(), Some(&[id][..]), "{id}");
        }
    }

    #[test]
    fn question_codes() {
        for (raw, want) in [
            ("Q14a", WRES5_WDES4AI),
            ("q14a", WRES5_WDES4AI),
            ("Q 14a", WRES5_WDES4AI),
            ("Q14(a)", WRES5_WDES4AI),
            ("Question 14a", WRES5_WDES4AI),
            ("Q14b", WDES4AII),
            ("Q14c", WDES4AIII),
            ("Q14b/Q14c", WRES6),
            ("Q14b/c", WRES6),
            ("Q14b or Q14c", WRES6),
            ("Q14d", WDES4B),
            ("Q15", WRES7_WDES5),
            ("Q16b", WRES8),
            ("Q11e", WDES6),
            ("Q4b", WDES7),
            ("Q31b", WDES8),
            ("Q30b", WDES8),
        ] {
            assert_eq!(classify_measure(raw).as_deref(), Some(want), "{raw:?}");
        }
        let in_year = |raw: &str, year: i32| classify_measure_in_year(raw, Some(year));
        assert_eq!(in_year("Q14a", 2022).as_deref(), Some(WRES5_WDES4AI));
        assert_eq!(in_year("Q30b", 2021).as_deref(), Some(WDES8));
        assert_eq!(in_year("Q30b", 2022), None);
        assert_eq!(in_year("Q31b", 2021), None);
        assert_eq!(in_year("Q31b", 2022).as_deref(), Some(WDES8));
        assert_eq!(in_year("Q15", 2020), None);
        assert_eq!(in_year("Q15", 2024), None);
        assert_eq!(in_year("WDES 8", 2024).as_deref(), Some(WDES8));
    }

    #[test]
    fn measures_not_recognised() {
        for raw in [
            "Indicator 5",
            "Metric 4b",
            "5",
            "4b",
            "WDES 4a",
            "WDES 9",
            "WDES9b",
            "WRES 1",
            "WRES 9",
            "WDES 10",
            "WRES",
            "Q14",
            "Q14e",
            "Q2a",
            "14a",
            "",
            "xyz",
        ] {
            assert_eq!(classify_measure(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn groups() {
        use SurveyGroup::*;
        for (raw, want) in [
            ("White", Some(White)),
            ("white staff", Some(White)),
            ("BME", Some(Bme)),
            ("BAME", Some(Bme)),
            ("Black and minority ethnic", Some(Bme)),
            ("Black and minority ethnic (BME)", Some(Bme)),
            ("Global majority", Some(Bme)),
            ("Ethnic minority", Some(Bme)),
            ("BME staff", Some(Bme)),
            ("Disabled", Some(Disabled)),
            ("Disabled staff", Some(Disabled)),
            ("Staff with a LTC or illness", Some(Disabled)),
            ("Staff with a long-term condition or illness", Some(Disabled)),
            ("Non-disabled", Some(NonDisabled)),
            ("Not disabled", Some(NonDisabled)),
            ("Without LTC", Some(NonDisabled)),
            ("Staff without a LTC or illness", Some(NonDisabled)),
            ("Overall", Some(Overall)),
            ("All", Some(Overall)),
            ("All staff", Some(Overall)),
            ("Organisation", Some(Overall)),
            ("Trust", Some(Overall)),
            ("Unknown", None),
            ("Prefer not to say", None),
            ("", None),
            ("Staff", None),
        ] {
            assert_eq!(classify_group(raw), want, "{raw:?}");
        }
        for g in SurveyGroup::ALL {
            assert_eq!(classify_group(g.label()), Some(g));
        }
    }
}
