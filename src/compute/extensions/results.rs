//! The results of the extensions (the `extensions` block of the JSON): what the JSON, the CSV and the workbook
//! show beyond the 23 return indicators. Absent values are `None` (JSON `null`), never NaN.

use serde::Serialize;

use crate::compute::results::{GroupRate, Ratio, Status};
use crate::config::SalaryBasis;
use crate::stats::Assessment;

/// Everything beyond the returns.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extensions {
    /// How hourly pay was worked out, and the disclosure rule.
    pub method: Method,
    /// Pay gaps: ethnicity, disability, gender.
    pub pay_gaps: Vec<PayGap>,
    /// Return indicators within each level of a second characteristic.
    pub intersections: Vec<Breakdown>,
    /// Appointment from shortlisting by band group, workforce block and international recruitment.
    pub recruitment_views: Vec<Breakdown>,
    /// Progression up the bands: ethnicity, disability.
    pub progression: Vec<Progression>,
    /// The Model Employer gap (`None` without a staff snapshot).
    pub model_employer: Option<ModelEmployer>,
}

/// The method settings of the extensions.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Method {
    /// Full-time weekly hours.
    pub weekly_hours: f64,
    /// Weeks in a year.
    pub weeks_per_year: f64,
    /// What the annual salary column holds.
    pub salary_basis: SalaryBasis,
    /// Fewer members, or 1 to this minus 1 events, withholds a breakdown figure.
    pub min_members: u64,
    /// The rolling-average reading the case intersections use.
    pub case_reading: &'static str,
}

/// People left out of a figure, by reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    /// `no_pay`, `unknown_group`, ...
    pub reason: &'static str,
    /// How many people (`None` when withheld).
    pub people: Option<u64>,
}

/// One pay gap comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayGap {
    /// `PAYGAP-ETHNICITY`, `PAYGAP-DISABILITY`, `PAYGAP-GENDER`.
    pub id: String,
    /// `WRES`, `WDES` or `GPG`.
    pub standard: String,
    /// Title.
    pub title: String,
    /// The reference group.
    pub reference_group: &'static str,
    /// The other group.
    pub other_group: &'static str,
    /// `ok`, or `no_data` with the reason.
    pub status: Status,
    /// Why there is no figure.
    pub reason: Option<String>,
    /// Workforce people not in the figure, by reason.
    pub left_out: Vec<LeftOut>,
    /// Overall, then each workforce block.
    pub blocks: Vec<PayGapBlock>,
    /// One sentence from the overall figures.
    pub summary: String,
}

/// A pay gap within one workforce block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayGapBlock {
    /// `overall`, `non_clinical`, `clinical`, `medical`.
    pub workforce: &'static str,
    /// `ok`, `no_data` or `suppressed`.
    pub status: Status,
    /// Why.
    pub reason: Option<String>,
    /// Reference group, then the other group.
    pub groups: Vec<PayGroup>,
    /// (reference mean - other mean) / reference mean x 100.
    pub mean_gap_percent: Option<f64>,
    /// (reference median - other median) / reference median x 100.
    pub median_gap_percent: Option<f64>,
    /// The four pay quartiles, lowest first.
    pub quartiles: Vec<Quartile>,
}

/// A group's hourly pay.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PayGroup {
    /// The group.
    pub group: &'static str,
    /// People with a known hourly pay.
    pub people: Option<u64>,
    /// Mean hourly pay, pounds.
    pub mean_hourly: Option<f64>,
    /// Median hourly pay, pounds.
    pub median_hourly: Option<f64>,
}

/// One pay quartile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quartile {
    /// 1 (lower) to 4 (upper).
    pub quartile: u8,
    /// `lower`, `lower_middle`, `upper_middle`, `upper`.
    pub name: &'static str,
    /// People in the quartile.
    pub people: Option<u64>,
    /// Each group's count and share of the quartile (reference, other, unknown).
    pub shares: Vec<Share>,
}

/// A group's share of a quartile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    /// The group.
    pub group: &'static str,
    /// People of the group in the quartile.
    pub count: Option<u64>,
    /// Percent of the quartile.
    pub percent: Option<f64>,
}

/// A return indicator broken down by a second characteristic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// `WRES3-by-disability`, ...
    pub id: String,
    /// The return indicator.
    pub indicator: String,
    /// `WRES` or `WDES`.
    pub standard: String,
    /// The second characteristic: `ethnicity`, `disability`, `gender`, `workforce`, `band_group`,
    /// `international`.
    pub by: &'static str,
    /// `ok` or `no_data` with the reason.
    pub status: Status,
    /// Why there is no figure.
    pub reason: Option<String>,
    /// Notes (reading used, ...).
    pub notes: Vec<String>,
    /// One per level of the characteristic.
    pub cells: Vec<BreakdownCell>,
}

/// The indicator within one level of the second characteristic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakdownCell {
    /// The level (`Disabled`, `Women`, `clinical`, `Bands 5-7`, `excluding_international`, ...).
    pub level: String,
    /// `ok`, `not_estimable` or `suppressed`.
    pub status: Status,
    /// Why.
    pub reason: Option<String>,
    /// The two compared groups within the level.
    pub groups: Vec<GroupRate>,
    /// The ratio in the indicator's orientation (`None` when withheld).
    pub ratio: Option<Ratio>,
    /// Within or outside the non-adverse range.
    pub assessment: Assessment,
}

/// Progression up the bands for one comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progression {
    /// `PROGRESSION-ETHNICITY`, `PROGRESSION-DISABILITY`.
    pub id: String,
    /// `WRES` or `WDES`.
    pub standard: String,
    /// The group on top.
    pub numerator_group: &'static str,
    /// The group on the bottom.
    pub denominator_group: &'static str,
    /// The band the headline starts from.
    pub from_band: String,
    /// The senior band.
    pub senior_band: String,
    /// All non-medical staff, then each block.
    pub blocks: Vec<ProgressionBlock>,
    /// One sentence from the `all` block.
    pub summary: String,
}

/// Progression within one workforce block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressionBlock {
    /// `all` (non-medical), `non_clinical`, `clinical`.
    pub workforce: &'static str,
    /// At or above the senior band given at or above the starting band.
    pub headline: Step,
    /// Each step up the ladder.
    pub steps: Vec<Step>,
}

/// One step: at or above `to` given at or above `from`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The lower band.
    pub from: String,
    /// The higher band.
    pub to: String,
    /// `ok`, `not_estimable` or `suppressed`.
    pub status: Status,
    /// Why.
    pub reason: Option<String>,
    /// events = at or above `to`, total = at or above `from`, per group.
    pub groups: Vec<GroupRate>,
    /// The ratio (numerator group's rate over the denominator group's).
    pub ratio: Option<Ratio>,
    /// Within or outside the non-adverse range.
    pub assessment: Assessment,
    /// The product of the step ratios from the first step through this one (equal to the ratio of being at or
    /// above `to` given at or above the ladder's first band); `None` once a step has no ratio.
    pub compounded: Option<f64>,
}

/// The Model Employer gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelEmployer {
    /// `ok` or `no_data`.
    pub status: Status,
    /// Why.
    pub reason: Option<String>,
    /// BME percent of the whole workforce with a known ethnicity.
    pub overall_bme_percent: Option<f64>,
    /// One row per band of the ladder with staff.
    pub rows: Vec<ModelEmployerRow>,
    /// BME staff needed to bring every band below the overall share up to it (sum of the positive gaps).
    pub shortfall_vs_overall: Option<i64>,
    /// The same, at the senior band and above.
    pub senior_shortfall_vs_overall: Option<i64>,
    /// BME staff needed to bring every band up to the share of the bands below it.
    pub shortfall_vs_below: Option<i64>,
    /// The same, at the senior band and above.
    pub senior_shortfall_vs_below: Option<i64>,
    /// The senior band.
    pub senior_band: String,
    /// One sentence.
    pub summary: String,
}

/// One band of the Model Employer gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelEmployerRow {
    /// The band.
    pub band: String,
    /// BME staff in the band.
    pub bme: Option<u64>,
    /// Staff in the band with a known ethnicity.
    pub known: Option<u64>,
    /// BME percent of `known`.
    pub bme_percent: Option<f64>,
    /// BME percent of the known-ethnicity staff in all bands below (`None` for the lowest band).
    pub below_bme_percent: Option<f64>,
    /// More BME staff the band would hold at the overall share (negative: it holds more), whole people.
    pub gap_vs_overall: Option<i64>,
    /// More BME staff the band would hold at the share of the bands below, whole people.
    pub gap_vs_below: Option<i64>,
}

/// The board-ready paragraphs (a standard not asked for has none, and no key in the JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Narrative {
    /// The WRES paragraph.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub wres: String,
    /// The WDES paragraph.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub wdes: String,
}
