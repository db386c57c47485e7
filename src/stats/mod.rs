//! Pure statistics: relative likelihoods, their confidence intervals and tests, proportions, the non-adverse
//! range, and disclosure control. No I/O, no knowledge of indicators: counts in, numbers out.
//!
//! Nothing here returns NaN or infinity: an estimate or limit that does not exist is `None`.

use serde::Serialize;

/// Four counts: `a` events of `n1` in the numerator group, `c` events of `n2` in the comparison group.
///
/// ```
/// use wres_wdes::stats::TwoGroups;
/// assert!(TwoGroups::new(300, 1500, 120, 900).is_ok());
/// assert!(TwoGroups::new(13, 12, 3, 10).is_err()); // more events than members
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct TwoGroups {
    /// Events in the numerator group.
    pub a: u64,
    /// Members of the numerator group.
    pub n1: u64,
    /// Events in the comparison group.
    pub c: u64,
    /// Members of the comparison group.
    pub n2: u64,
}

/// Why four counts cannot be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidCounts {
    /// More events than members in a group (`a > n1` or `c > n2`).
    EventsExceedTotal,
}

impl TwoGroups {
    /// Checks the counts: events never exceed members. Empty groups are valid (the ratio is then not estimable).
    pub fn new(a: u64, n1: u64, c: u64, n2: u64) -> Result<Self, InvalidCounts> {
        if a > n1 || c > n2 {
            return Err(InvalidCounts::EventsExceedTotal);
        }
        Ok(TwoGroups { a, n1, c, n2 })
    }
}

/// Confidence-interval methods for a relative likelihood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CiMethod {
    /// Miettinen-Nurminen score interval (statsmodels `score`, corrected); the default.
    Score,
    /// Koopman's uncorrected score interval.
    ScoreUncorrected,
    /// Katz log interval.
    Katz,
    /// statsmodels' `log-adjusted`: 0.5 added to every count and total.
    LogAdjusted,
}

/// A confidence interval; `high` is `None` when there is no finite upper limit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// Lower limit.
    pub low: f64,
    /// Upper limit, `None` when unbounded.
    pub high: Option<f64>,
}

/// Why a relative likelihood cannot be estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotEstimable {
    /// A group has no members.
    EmptyGroup,
    /// Both rates are 0.
    BothRatesZero,
    /// The comparison group's rate is 0 (the numerator's is not): no finite ratio.
    ComparisonRateZero,
}

/// The non-adverse range assessment (spec decision 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assessment {
    /// 0.80 <= ratio <= 1.25, decided on the exact fraction.
    WithinNonAdverseRange,
    /// Below 0.80 or above 1.25.
    OutsideNonAdverseRange,
    /// No ratio.
    NotEstimable,
}

/// A test statistic and its two-sided p-value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TestResult {
    /// The statistic (Z for score and Wald tests, X^2 for chi-square, the sample odds ratio for Fisher).
    pub statistic: Option<f64>,
    /// Two-sided p-value.
    pub p_value: f64,
}
