//! The workforce against the population mix: per band and group, the workforce share with its Wilson interval,
//! the population share, their difference and their ratio.
//!
//! Definitions (shares of people with a known value; percentages 0-100):
//!
//! * `workforce_percent` = 100 × `workforce_count` / `workforce_total`;
//! * `population_percent` = the population mix share × 100 (Census BME = 100 − White);
//! * `difference_pp` = `workforce_percent` − `population_percent`;
//! * `representation_ratio` = workforce share / population share;
//! * `ci_low`, `ci_high` = the Wilson score interval of the workforce share, in percent;
//! * `outside_interval` = the population share lies outside that interval.
//!
//! A figure that cannot be computed (a total of 0, a population share of 0, no population figures) is `None`,
//! written as JSON `null`: never NaN or infinity.

use serde::Serialize;

use super::area::{AreaInfo, PopulationMix};
use crate::error::{Error, Result};
use crate::normalise::codes::{BroadGroup, Disability, Ethnicity};

/// The workforce counts to compare, one row per band (`All` for the whole workforce).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkforceCounts {
    /// One row per band, in output order.
    pub rows: Vec<BandCounts>,
}

/// The workforce counts of one band.
///
/// ```
/// use wres_wdes::compute::population::comparison::BandCounts;
/// let all = BandCounts { band: "All".into(), ethnicity: [700, 300, 20], broad: [700, 150, 100, 30, 20], disability: [40, 800, 180] };
/// assert_eq!(all.ethnicity_known(), 1000);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BandCounts {
    /// `All`, or a WRES 1 band label such as `Band 5`.
    pub band: String,
    /// Headcount by WRES group, in [`Ethnicity::ALL`] order: White, BME, Unknown.
    pub ethnicity: [u64; 3],
    /// Headcount by Census broad group, in [`BroadGroup::ALL`] order: White, Asian, Black, Mixed, Other (known
    /// ethnicity only).
    pub broad: [u64; 5],
    /// Headcount by disability, in [`Disability::ALL`] order: Disabled, Non-disabled, Unknown.
    pub disability: [u64; 3],
}

impl BandCounts {
    /// Staff with a known WRES ethnicity (White + BME).
    pub fn ethnicity_known(&self) -> u64 {
        self.ethnicity[0] + self.ethnicity[1]
    }
    /// Staff with a known disability status (Disabled + Non-disabled).
    pub fn disability_known(&self) -> u64 {
        self.disability[0] + self.disability[1]
    }
}

/// Which set of groups a row belongs to (White appears in both `wres` and `broad`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupSet {
    /// White / BME (the WRES split).
    Wres,
    /// The five Census broad ethnic groups.
    Broad,
    /// Disabled (WDES).
    Disability,
}

/// One comparison row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PopulationRow {
    /// `All` or the band label.
    pub band: String,
    /// Which set of groups.
    pub set: GroupSet,
    /// `White`, `BME`, `Asian`, `Black`, `Mixed`, `Other` or `Disabled`.
    pub group: &'static str,
    /// Staff in the group.
    pub workforce_count: Option<u64>,
    /// Staff with a known value for the set (the denominator).
    pub workforce_total: Option<u64>,
    /// 100 × count / total; `None` when the total is 0.
    pub workforce_percent: Option<f64>,
    /// The population share in percent; `None` without population figures.
    pub population_percent: Option<f64>,
    /// Workforce percent − population percent.
    pub difference_pp: Option<f64>,
    /// Workforce share / population share; `None` when the population share is 0.
    pub representation_ratio: Option<f64>,
    /// Lower end of the Wilson interval of the workforce share, in percent.
    pub ci_low: Option<f64>,
    /// Upper end of the Wilson interval of the workforce share, in percent.
    pub ci_high: Option<f64>,
    /// True when the population share lies outside the interval.
    pub outside_interval: Option<bool>,
}

/// The `population` block of the results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PopulationResult {
    /// The area used.
    pub area: AreaInfo,
    /// The data used (files as given, or the built-in figures).
    pub sources: Vec<String>,
    /// Licence and attribution lines.
    pub licence: Vec<String>,
    /// The confidence level of the intervals (e.g. 0.95).
    pub ci_level: f64,
    /// The rows: per band (`All` first when given), White and BME, the five broad groups, Disabled.
    pub rows: Vec<PopulationRow>,
    /// The share (percent) of the workforce with a known disability status (the `All` row, else all rows).
    pub declaration_rate_percent: Option<f64>,
    /// The share (percent) of the workforce with a known ethnicity (the `All` row, else all rows).
    pub ethnicity_known_percent: Option<f64>,
    /// Notes for the reader.
    pub caveats: Vec<String>,
}

/// The comparison with only the groups of the standards asked for: without WRES no ethnic group rows (White/BME
/// and the broad groups) and no ethnicity share; without WDES no disability rows and no declaration rate.
///
/// ```
/// use wres_wdes::compute::population::{area::{resolve, AreaChoice}, comparison::*};
/// use wres_wdes::config::Standards;
/// use wres_wdes::read::census::PopulationFiles;
/// let mix = resolve(&AreaChoice::England, &PopulationFiles::default())?;
/// let wf = WorkforceCounts { rows: vec![BandCounts {
///     band: "All".into(), ethnicity: [700, 300, 0], broad: [700, 150, 100, 30, 20], disability: [40, 800, 160] }] };
/// let r = asked_for(compare(&wf, &mix, 0.95)?, Standards::parse("wdes")?);
/// assert!(r.rows.iter().all(|r| r.set == GroupSet::Disability));
/// assert_eq!(r.ethnicity_known_percent, None);
/// # Ok::<(), wres_wdes::Error>(())
/// ```
pub fn asked_for(mut p: PopulationResult, standards: crate::config::Standards) -> PopulationResult {
    p.rows.retain(|r| match r.set {
        GroupSet::Wres | GroupSet::Broad => standards.wres,
        GroupSet::Disability => standards.wdes,
    });
    if !standards.wres {
        p.ethnicity_known_percent = None;
    }
    if !standards.wdes {
        p.declaration_rate_percent = None;
    }
    p
}

/// Compares the workforce with the population mix at the given confidence level (0 < level < 1).
///
/// ```
/// use wres_wdes::compute::population::{area::{resolve, AreaChoice}, comparison::*};
/// use wres_wdes::read::census::PopulationFiles;
/// let mix = resolve(&AreaChoice::England, &PopulationFiles::default())?;
/// let wf = WorkforceCounts { rows: vec![BandCounts {
///     band: "All".into(), ethnicity: [700, 300, 0], broad: [700, 150, 100, 30, 20], disability: [40, 800, 160] }] };
/// let r = compare(&wf, &mix, 0.95)?;
/// let bme = r.rows.iter().find(|r| r.group == "BME").unwrap();
/// assert_eq!(bme.workforce_percent, Some(30.0));
/// assert_eq!(r.declaration_rate_percent, Some(84.0));
/// # Ok::<(), wres_wdes::Error>(())
/// ```
pub fn compare(workforce: &WorkforceCounts, mix: &PopulationMix, level: f64) -> Result<PopulationResult> {
    if !(level > 0.0 && level < 1.0) {
        return Err(Error::usage(format!("--ci-level {level} is not between 0 and 1")).with_hint("for example 0.95"));
    }
    let mut rows = Vec::new();
    for b in &workforce.rows {
        let eth_known = b.ethnicity_known();
        let white = mix.ethnicity.map(|s| s[BroadGroup::White as usize]);
        rows.push(row(b, GroupSet::Wres, Ethnicity::White.label(), b.ethnicity[0], eth_known, white, level));
        rows.push(row(
            b,
            GroupSet::Wres,
            Ethnicity::Bme.label(),
            b.ethnicity[1],
            eth_known,
            white.map(|w| 1.0 - w),
            level,
        ));
        let broad_known: u64 = b.broad.iter().sum();
        for g in BroadGroup::ALL {
            let pop = mix.ethnicity.map(|s| s[g as usize]);
            rows.push(row(b, GroupSet::Broad, g.label(), b.broad[g as usize], broad_known, pop, level));
        }
        let dis_known = b.disability_known();
        rows.push(row(
            b,
            GroupSet::Disability,
            Disability::Disabled.label(),
            b.disability[0],
            dis_known,
            mix.disabled,
            level,
        ));
    }

    let overall = workforce.rows.iter().find(|r| r.band.eq_ignore_ascii_case("all")).cloned().unwrap_or_else(|| {
        workforce.rows.iter().fold(BandCounts::default(), |mut acc, r| {
            acc.ethnicity.iter_mut().zip(r.ethnicity).for_each(|(a, b)| *a += b);
            acc.disability.iter_mut().zip(r.disability).for_each(|(a, b)| *a += b);
            acc
        })
    });
    let pct = |part: u64, whole: u64| (whole > 0).then(|| 100.0 * part as f64 / whole as f64);
    let declaration = pct(overall.disability_known(), overall.disability.iter().sum());
    let eth_known = pct(overall.ethnicity_known(), overall.ethnicity.iter().sum());

    let mut caveats = vec![
        "Census 2021 figures are for usual residents of all ages; the workforce is of working age and the age \
         structure differs between ethnic groups, so the population shares are a benchmark, not a target."
            .to_string(),
        format!(
            "Workforce percentages are of staff with a known value (ethnicity known for {} of staff). The Census BME \
             share is 100 − White, where White includes White minorities (Irish, Gypsy or Irish Traveller, Roma, \
             Other White), as in WRES; NHS code R (Chinese) counts as Asian and Arab as Other, as in Census 2021.",
            fmt_pct(eth_known)
        ),
        format!(
            "ESR disability declaration rates are far below Census prevalence: the Census counts {} of residents of \
             this area as disabled under the Equality Act, while disability status is recorded for {} of this \
             workforce (declaration rate). A workforce share below the population share mostly reflects \
             non-declaration, not under-representation.",
            fmt_pct(mix.disabled.map(|d| 100.0 * d)),
            fmt_pct(declaration)
        ),
        format!(
            "Intervals are {}% Wilson score intervals for the workforce share; \"outside the interval\" means the \
             population share lies outside it.",
            fmt_level(level)
        ),
    ];
    caveats.extend(mix.caveats.iter().cloned());

    Ok(PopulationResult {
        area: mix.area.clone(),
        sources: mix.sources.clone(),
        licence: mix.licence.clone(),
        ci_level: level,
        rows,
        declaration_rate_percent: declaration,
        ethnicity_known_percent: eth_known,
        caveats,
    })
}

fn fmt_pct(p: Option<f64>) -> String {
    p.map_or_else(|| "an unknown share".to_string(), |p| format!("{p:.1}%"))
}

fn fmt_level(level: f64) -> String {
    let s = format!("{:.4}", level * 100.0);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn row(
    b: &BandCounts,
    set: GroupSet,
    group: &'static str,
    count: u64,
    total: u64,
    pop: Option<f64>,
    level: f64,
) -> PopulationRow {
    let share = (total > 0).then(|| count as f64 / total as f64);
    let ci = wilson(count, total, level);
    PopulationRow {
        band: b.band.clone(),
        set,
        group,
        workforce_count: Some(count),
        workforce_total: Some(total),
        workforce_percent: share.map(|s| 100.0 * s),
        population_percent: pop.map(|p| 100.0 * p),
        difference_pp: share.zip(pop).map(|(s, p)| 100.0 * s - 100.0 * p),
        representation_ratio: share.zip(pop.filter(|p| *p > 0.0)).map(|(s, p)| s / p),
        ci_low: ci.map(|c| 100.0 * c.0),
        ci_high: ci.map(|c| 100.0 * c.1),
        outside_interval: ci.zip(pop).map(|((lo, hi), p)| p < lo || p > hi),
    }
}

/// The Wilson score interval (proportions 0-1) for `x` of `n`, from [`crate::stats::proportion::wilson`];
/// `None` when `n` is 0.
fn wilson(x: u64, n: u64, level: f64) -> Option<(f64, f64)> {
    let ci = crate::stats::proportion::wilson(x as f64, n as f64, level)?;
    Some((ci.low, ci.high?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::population::area::{AreaKind, PopulationMix};

    fn mix(white: f64, disabled: Option<f64>) -> PopulationMix {
        PopulationMix {
            area: AreaInfo { kind: AreaKind::England, codes: vec!["E92000001".into()], name: None },
            ethnicity: Some([white, (1.0 - white) / 2.0, (1.0 - white) / 2.0, 0.0, 0.0]),
            disabled,
            sources: vec![],
            licence: vec![],
            caveats: vec![],
        }
    }

    #[test]
    fn wilson_matches_newcombe() {
        // Newcombe (1998), Statistics in Medicine 17:857, example 81/263: 0.2553 to 0.3662.
        let (lo, hi) = wilson(81, 263, 0.95).unwrap();
        assert!((lo - 0.2553).abs() < 5e-5 && (hi - 0.3662).abs() < 5e-5, "{lo} {hi}");
        // Boundaries are exact.
        let (lo, hi) = wilson(0, 10, 0.95).unwrap();
        assert_eq!(lo, 0.0);
        assert!((hi - 0.2775).abs() < 5e-5);
        assert_eq!(wilson(10, 10, 0.95).unwrap().1, 1.0);
        assert_eq!(wilson(0, 0, 0.95), None);
    }

    /// Hand-worked: 300 BME of 1000 known against a population 20% BME.
    /// p = 0.3, z = 1.959964, z² = 3.841459; denominator 1 + z²/n = 1.003841;
    /// centre = (0.3 + 0.001921) / 1.003841 = 0.300770;
    /// half = 1.959964 / 1.003841 × √(0.3 × 0.7 / 1000 + 3.841459 / 4,000,000) = 1.952464 × 0.014524 = 0.028358;
    /// interval 0.272412 to 0.329128. Ratio 0.3 / 0.2 = 1.5; difference 30 − 20 = +10 pp; 20% is outside.
    #[test]
    fn hand_worked_example() {
        let wf = WorkforceCounts {
            rows: vec![BandCounts {
                band: "All".into(),
                ethnicity: [700, 300, 25],
                broad: [700, 150, 150, 0, 0],
                disability: [30, 470, 500],
            }],
        };
        let r = compare(&wf, &mix(0.8, Some(0.2)), 0.95).unwrap();
        let bme = r.rows.iter().find(|r| r.set == GroupSet::Wres && r.group == "BME").unwrap();
        assert_eq!((bme.workforce_count, bme.workforce_total), (Some(300), Some(1000)));
        assert!((bme.workforce_percent.unwrap() - 30.0).abs() < 1e-9);
        assert!((bme.population_percent.unwrap() - 20.0).abs() < 1e-9);
        assert!((bme.representation_ratio.unwrap() - 1.5).abs() < 1e-9);
        assert!((bme.difference_pp.unwrap() - 10.0).abs() < 1e-9);
        assert!((bme.ci_low.unwrap() - 27.2412).abs() < 1e-3, "{:?}", bme.ci_low);
        assert!((bme.ci_high.unwrap() - 32.9128).abs() < 1e-3, "{:?}", bme.ci_high);
        assert_eq!(bme.outside_interval, Some(true));

        let white_wres = r.rows.iter().find(|r| r.set == GroupSet::Wres && r.group == "White").unwrap();
        assert!((white_wres.workforce_percent.unwrap() - 70.0).abs() < 1e-9);
        let white_broad = r.rows.iter().find(|r| r.set == GroupSet::Broad && r.group == "White").unwrap();
        assert_eq!(white_broad.workforce_total, Some(1000));
        let asian = r.rows.iter().find(|r| r.group == "Asian").unwrap();
        assert!((asian.population_percent.unwrap() - 10.0).abs() < 1e-9);
        // Population share 0: no ratio, but a difference.
        let mixed = r.rows.iter().find(|r| r.group == "Mixed").unwrap();
        assert_eq!(mixed.representation_ratio, None);
        assert_eq!(mixed.difference_pp, Some(0.0));

        let dis = r.rows.iter().find(|r| r.group == "Disabled").unwrap();
        assert_eq!((dis.workforce_count, dis.workforce_total), (Some(30), Some(500)));
        assert_eq!(r.declaration_rate_percent, Some(50.0));
        assert!(r.caveats.iter().any(|c| c.contains("declaration rate") && c.contains("50.0%") && c.contains("20.0%")));
        assert_eq!(r.rows.len(), 8);
    }

    #[test]
    fn empty_totals_give_nulls_not_nan() {
        let wf = WorkforceCounts {
            rows: vec![BandCounts {
                band: "Band 9".into(),
                ethnicity: [0, 0, 3],
                broad: [0; 5],
                disability: [0, 0, 3],
            }],
        };
        let r = compare(&wf, &mix(0.8, None), 0.95).unwrap();
        for row in &r.rows {
            assert_eq!(row.workforce_percent, None);
            assert_eq!(row.ci_low, None);
            assert_eq!(row.representation_ratio, None);
            assert_eq!(row.outside_interval, None);
        }
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("NaN") && !json.contains("inf"));
        assert!(json.contains("\"population_percent\":null"));
        // No "All" row: declaration comes from all rows.
        assert_eq!(r.declaration_rate_percent, Some(0.0));
    }

    #[test]
    fn level_is_checked_and_used() {
        let wf = WorkforceCounts {
            rows: vec![BandCounts {
                band: "All".into(),
                ethnicity: [70, 30, 0],
                broad: [70, 30, 0, 0, 0],
                disability: [1, 9, 0],
            }],
        };
        assert_eq!(compare(&wf, &mix(0.8, Some(0.2)), 1.0).unwrap_err().kind(), crate::error::ErrorKind::Usage);
        let r95 = compare(&wf, &mix(0.8, Some(0.2)), 0.95).unwrap();
        let r99 = compare(&wf, &mix(0.8, Some(0.2)), 0.99).unwrap();
        let w = |r: &PopulationResult| {
            let b = &r.rows[1];
            b.ci_high.unwrap() - b.ci_low.unwrap()
        };
        assert!(w(&r99) > w(&r95));
        assert!(r99.caveats.iter().any(|c| c.contains("99% Wilson")));
    }

    #[test]
    fn json_shape() {
        let wf = WorkforceCounts {
            rows: vec![BandCounts {
                band: "All".into(),
                ethnicity: [70, 30, 0],
                broad: [70, 30, 0, 0, 0],
                disability: [1, 9, 0],
            }],
        };
        let r = compare(&wf, &mix(0.8, Some(0.2)), 0.95).unwrap();
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["area"]["kind"], "england");
        assert_eq!(v["area"]["codes"][0], "E92000001");
        let row = &v["rows"][0];
        for key in [
            "band",
            "set",
            "group",
            "workforce_count",
            "workforce_total",
            "workforce_percent",
            "population_percent",
            "difference_pp",
            "representation_ratio",
            "ci_low",
            "ci_high",
            "outside_interval",
        ] {
            assert!(row.get(key).is_some(), "{key}");
        }
        assert_eq!(row["set"], "wres");
        assert!(
            v.get("declaration_rate_percent").is_some() && v.get("caveats").is_some() && v.get("sources").is_some()
        );
    }
}
