//! One comparison of two groups, as the indicator engine reports it: the ratio, its interval, the matching test,
//! significance and the non-adverse range assessment.

use serde::Serialize;

use super::assessment::{assess, excludes_one};
use super::hypothesis::{score_test, wald_test, wald_test_adjusted};
use super::katz::katz_interval;
use super::ratio::relative_likelihood;
use super::{interval, Assessment, CiMethod, Interval, NotEstimable, TestResult, TwoGroups};

/// The result of comparing two groups (the JSON kind `relative_likelihood`, docs/outputs.md).
///
/// Nothing here is ever NaN or infinite: what does not exist is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Comparison {
    /// The counts compared.
    pub groups: TwoGroups,
    /// The interval method used for `ci`, `p_value` and `significant`.
    pub method: CiMethod,
    /// The confidence level, e.g. 0.95.
    pub level: f64,
    /// The relative likelihood `(a/n1)/(c/n2)`, exact fraction rounded once; 0 when `a = 0 < c`; `None` when not
    /// estimable.
    pub value: Option<f64>,
    /// Why there is no ratio; `None` when there is one.
    pub not_estimable: Option<NotEstimable>,
    /// The interval of `method` at `level` (see [`interval`]). It can exist without a ratio: with `c = 0 < a` the
    /// score interval has a finite lower limit and no upper limit.
    pub ci: Option<Interval>,
    /// The Katz log interval at `level`, reported alongside; `None` when `a = 0` or `c = 0`.
    pub katz_ci: Option<Interval>,
    /// Two-sided p-value of "ratio = 1" by the test matching `method`: the corrected score test for `score`, the
    /// uncorrected one for `score-uncorrected`, the Wald test on ln(ratio) for `katz` and on the adjusted
    /// ln(ratio) for `log-adjusted`. `None` when that test is undefined (e.g. no events at all).
    pub p_value: Option<f64>,
    /// Whether `ci` excludes 1; `None` when there is no interval.
    pub significant: Option<bool>,
    /// Within or outside 0.80–1.25 on the exact fraction, or not estimable.
    pub assessment: Assessment,
}

/// The test whose p-value goes with an interval method (see [`Comparison::p_value`]).
pub fn matching_test(g: &TwoGroups, method: CiMethod) -> Option<TestResult> {
    match method {
        CiMethod::Score => score_test(g, true),
        CiMethod::ScoreUncorrected => score_test(g, false),
        CiMethod::Katz => wald_test(g),
        CiMethod::LogAdjusted => wald_test_adjusted(g),
    }
}

/// Compares two groups: ratio, interval by `method` at `level`, the Katz interval, the matching p-value,
/// significance (interval excludes 1) and the non-adverse range assessment. Formulas and sources are on the
/// functions it calls: [`relative_likelihood`], [`interval`], [`katz_interval`], [`matching_test`], [`assess`].
///
/// A `level` outside (0, 1) gives no intervals (all else is computed).
///
/// ```
/// use wres_wdes::stats::{compare, Assessment, CiMethod, TwoGroups};
/// let r = compare(&TwoGroups { a: 300, n1: 1500, c: 120, n2: 900 }, CiMethod::Score, 0.95);
/// assert_eq!(r.value, Some(1.5));
/// assert_eq!(r.significant, Some(true));
/// assert_eq!(r.assessment, Assessment::OutsideNonAdverseRange);
/// ```
pub fn compare(g: &TwoGroups, method: CiMethod, level: f64) -> Comparison {
    let ratio = relative_likelihood(g);
    let ci = interval(g, method, level);
    Comparison {
        groups: *g,
        method,
        level,
        value: ratio.ok(),
        not_estimable: ratio.err(),
        ci,
        katz_ci: katz_interval(g, level),
        p_value: matching_test(g, method).map(|t| t.p_value),
        significant: ci.as_ref().map(excludes_one),
        assessment: assess(g),
    }
}
