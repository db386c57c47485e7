//! Pure statistics: relative likelihoods, their confidence intervals and tests, proportions, the non-adverse
//! range, and disclosure control. No I/O, no knowledge of indicators: counts in, numbers out.
//!
//! Nothing here returns NaN or infinity: an estimate or limit that does not exist is `None`.

use serde::Serialize;

pub mod assessment;
pub mod chi_square;
pub mod comparison;
pub mod disclosure;
pub mod fisher;
pub mod funnel;
pub mod hypothesis;
pub mod katz;
pub mod log_adjusted;
pub mod mantel_haenszel;
pub mod normal;
pub mod proportion;
pub mod ratio;
pub mod score;

pub use comparison::{compare, Comparison};

#[cfg(test)]
mod tests;

/// The confidence interval of the relative likelihood by `method` at `level` (e.g. 0.95):
///
/// * [`CiMethod::Score`]: Miettinen & Nurminen (1985) score interval by root-finding ([`score::score_interval`]);
/// * [`CiMethod::ScoreUncorrected`]: Koopman (1984) score interval ([`score::score_interval`]);
/// * [`CiMethod::Katz`]: Katz et al. (1978) log interval ([`katz::katz_interval`]);
/// * [`CiMethod::LogAdjusted`]: statsmodels' log-adjusted interval ([`log_adjusted::log_adjusted_interval`]).
///
/// `None` when the method gives no interval (an empty group; `a = c = 0` for the score methods; `a = 0` or `c = 0`
/// for Katz) or the level is outside (0, 1). A score interval has `low = 0` when `a = 0` and `high = None` when
/// `c = 0`.
///
/// ```
/// use wres_wdes::stats::{interval, CiMethod, TwoGroups};
/// let g = TwoGroups { a: 0, n1: 14, c: 6, n2: 31 };
/// assert_eq!(interval(&g, CiMethod::Score, 0.95).unwrap().low, 0.0);
/// assert!(interval(&g, CiMethod::Katz, 0.95).is_none());
/// ```
pub fn interval(g: &TwoGroups, method: CiMethod, level: f64) -> Option<Interval> {
    match method {
        CiMethod::Score => score::score_interval(g, level, true),
        CiMethod::ScoreUncorrected => score::score_interval(g, level, false),
        CiMethod::Katz => katz::katz_interval(g, level),
        CiMethod::LogAdjusted => log_adjusted::log_adjusted_interval(g, level),
    }
}

impl CiMethod {
    /// Every method, in the order reports list them.
    pub const ALL: [CiMethod; 4] = [CiMethod::Score, CiMethod::ScoreUncorrected, CiMethod::Katz, CiMethod::LogAdjusted];

    /// The method's name on the command line and in JSON (`score`, `score-uncorrected`, `katz`, `log-adjusted`).
    pub fn name(self) -> &'static str {
        match self {
            CiMethod::Score => "score",
            CiMethod::ScoreUncorrected => "score-uncorrected",
            CiMethod::Katz => "katz",
            CiMethod::LogAdjusted => "log-adjusted",
        }
    }
}

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

/// The non-adverse range assessment (0.80 to 1.25, decided on the exact fraction).
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
