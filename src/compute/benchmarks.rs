//! The England figures: NHS England's published national WRES and WDES figures, read from
//! `indicators/national-benchmarks.csv` (embedded at build time), each with the address it was taken from.
//!
//! The file holds one number a row: `indicator` (an id such as `WRES2`), `data_year` (the WRES or WDES year: the
//! snapshot of 31 March that year; survey figures come from the autumn before), `figure` (`ratio`, or the group the
//! number is of: `BME`, `White`, `Disabled`, `Non-disabled`, `Trusts`), `value`, `unit` (`ratio`, `percent`,
//! `score`, `percent_of_trusts`), `measure` (what was published), `source_url` and `note` (which figure was kept
//! where sources disagree). A run uses the figure of its own year, or else the latest earlier one, and names
//! that year.

use serde::Serialize;

use crate::error::{Error, Result};

const FILE: &str = include_str!("../../indicators/national-benchmarks.csv");

/// One published national figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct England {
    /// The indicator id.
    pub indicator: String,
    /// The WRES or WDES year the figure is for.
    pub year: i32,
    /// `ratio`, or the group the number is of.
    pub figure: String,
    /// The number.
    pub value: f64,
    /// `ratio`, `percent`, `score` or `percent_of_trusts`.
    pub unit: String,
    /// What was published, in words.
    pub measure: String,
    /// Where it was published.
    pub source_url: String,
    /// Which figure was kept where sources disagree, and other caveats.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(serde::Deserialize)]
struct Row {
    indicator: String,
    data_year: i32,
    figure: String,
    value: f64,
    unit: String,
    measure: String,
    source_url: String,
    #[serde(default)]
    note: String,
}

/// Every figure in the file, in file order.
///
/// ```
/// let all = wres_wdes::compute::benchmarks::all().unwrap();
/// assert!(all.iter().all(|f| f.source_url.starts_with("http")));
/// ```
pub fn all() -> Result<Vec<England>> {
    let mut reader = csv::Reader::from_reader(FILE.as_bytes());
    let mut out = Vec::new();
    for (i, row) in reader.deserialize::<Row>().enumerate() {
        let r = row.map_err(|e| {
            Error::internal(format!("the built-in indicators/national-benchmarks.csv, row {}: {e}", i + 2))
        })?;
        out.push(England {
            indicator: r.indicator,
            year: r.data_year,
            figure: r.figure,
            value: r.value,
            unit: r.unit,
            measure: r.measure,
            source_url: r.source_url,
            note: r.note,
        });
    }
    Ok(out)
}

/// The England figure of `indicator` for `figure` (`ratio` or a group) that a run of `year` shows: that year's,
/// or else the latest earlier one; `None` when nothing was published up to that year.
///
/// ```
/// use wres_wdes::compute::benchmarks::{all, for_year};
/// let all = all().unwrap();
/// // WRES 2 was published for 2023 but not 2024 or 2025: a 2025 run shows the 2023 figure.
/// let f = for_year(&all, "WRES2", "ratio", 2025).unwrap();
/// assert_eq!((f.year, f.value), (2023, 1.59));
/// assert!(for_year(&all, "WRES2", "ratio", 2017).is_none());
/// ```
pub fn for_year<'a>(all: &'a [England], indicator: &str, figure: &str, year: i32) -> Option<&'a England> {
    all.iter().filter(|f| f.indicator == indicator && f.figure == figure && f.year <= year).max_by_key(|f| f.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_loads_with_a_source_for_every_number_and_one_figure_a_year() {
        let all = all().unwrap();
        assert!(all.len() >= 80, "{} figures", all.len());
        let defs = crate::compute::definitions::all().unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for f in &all {
            assert!(f.source_url.starts_with("https://") || f.source_url.starts_with("http://"), "{f:?}");
            assert!(f.value.is_finite() && f.value >= 0.0, "{f:?}");
            assert!(!f.measure.is_empty(), "{f:?}");
            assert!(defs.iter().any(|d| d.id == f.indicator), "{} is not an indicator id", f.indicator);
            assert!(["ratio", "percent", "score", "percent_of_trusts"].contains(&f.unit.as_str()), "{f:?}");
            assert_eq!(f.unit == "ratio", f.figure == "ratio", "{f:?}");
            assert!((2018..=2024).contains(&f.year), "{f:?}");
            // One number per indicator, year and figure: conflicts were settled when the file was made.
            assert!(seen.insert((f.indicator.clone(), f.year, f.figure.clone())), "two figures for {f:?}");
        }
    }

    #[test]
    fn conflicts_keep_the_nhs_england_figure() {
        let all = all().unwrap();
        let wdes2 = for_year(&all, "WDES2", "ratio", 2022).unwrap();
        assert_eq!(wdes2.value, 1.08);
        assert!(wdes2.source_url.contains("england.nhs.uk"));
        let wdes10 = for_year(&all, "WDES10", "Disabled", 2021).unwrap();
        assert_eq!(wdes10.value, 3.8);
        assert!(wdes10.source_url.contains("england.nhs.uk"));
    }

    #[test]
    fn a_year_without_a_figure_takes_the_latest_earlier_one() {
        let all = all().unwrap();
        // WRES 3: 2018, 2019, 2020, 2022, 2023 published.
        assert_eq!(for_year(&all, "WRES3", "ratio", 2021).map(|f| (f.year, f.value)), Some((2020, 1.16)));
        assert_eq!(for_year(&all, "WRES3", "ratio", 2022).map(|f| f.year), Some(2022));
        assert_eq!(for_year(&all, "WRES3", "ratio", 2030).map(|f| f.year), Some(2023));
        assert!(for_year(&all, "WRES3", "ratio", 2017).is_none());
        assert!(for_year(&all, "WRES3", "BME", 2023).is_none(), "a figure of another kind is not used");
        assert!(for_year(&all, "WDES4b", "Disabled", 2025).is_none(), "not published");
    }
}
