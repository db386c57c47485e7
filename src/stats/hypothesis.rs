//! Two-sided tests of "ratio = 1": the score test (Miettinen-Nurminen and Koopman) and the Wald test on
//! `ln(ratio)` (plain Katz and log-adjusted).

use super::katz::katz_se;
use super::log_adjusted::adjusted_log_ratio;
use super::normal::two_sided_p;
use super::ratio::{is_consistent, relative_likelihood};
use super::{TestResult, TwoGroups};

/// The two-sided score test of `RR = 1` (statsmodels 0.15 `test_proportions_2indep(compare='ratio',
/// method='score')`; Miettinen & Nurminen 1985 when `corrected`, Koopman 1984 otherwise). At `θ = 1` the
/// constrained estimate is the pooled `p̃ = (a + c)/N`, so
/// `Z = (a/n1 − c/n2) / √(p̃(1 − p̃)(1/n1 + 1/n2) · N/(N − 1))`, the factor only when `corrected`; `p = 2·(1 − Φ(|Z|))`.
/// Uncorrected, `Z²` is Pearson's chi-square; corrected, `Z² = X²·(N − 1)/N`.
///
/// `None` when the statistic is 0/0: a group is empty, `a + c = 0` or `a + c = N` (no variation), or the counts
/// are inconsistent. A p-value that underflows is 0.
///
/// ```
/// use wres_wdes::stats::{hypothesis::score_test, TwoGroups};
/// let t = score_test(&TwoGroups { a: 150, n1: 600, c: 75, n2: 300 }, true).unwrap();
/// assert_eq!((t.statistic, t.p_value), (Some(0.0), 1.0));
/// ```
pub fn score_test(g: &TwoGroups, corrected: bool) -> Option<TestResult> {
    if g.n1 == 0 || g.n2 == 0 || !is_consistent(g) {
        return None;
    }
    let (a, n1, c, n2) = (g.a as f64, g.n1 as f64, g.c as f64, g.n2 as f64);
    let n = n1 + n2;
    let pooled = (a + c) / n;
    let mut var = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2);
    if corrected {
        var *= n / (n - 1.0);
    }
    if var.is_nan() || var <= 0.0 {
        return None;
    }
    let z = (a / n1 - c / n2) / var.sqrt();
    z.is_finite().then(|| TestResult { statistic: Some(z), p_value: two_sided_p(z) })
}

/// The Wald test of `RR = 1` on the log scale: `Z = ln(RR)/SE`, `SE = √(1/a − 1/n1 + 1/c − 1/n2)` (Katz et al.
/// 1978), `p = 2·(1 − Φ(|Z|))`; the test that matches the Katz interval (it excludes 1 exactly when `p < α`).
/// `None` when `a = 0` or `c = 0`, or when `SE = 0` (`a = n1` and `c = n2`, so `RR = 1` and `Z` is 0/0).
pub fn wald_test(g: &TwoGroups) -> Option<TestResult> {
    let rr = relative_likelihood(g).ok()?;
    let se = katz_se(g)?;
    if !(rr > 0.0 && se > 0.0) {
        return None;
    }
    let z = rr.ln() / se;
    z.is_finite().then(|| TestResult { statistic: Some(z), p_value: two_sided_p(z) })
}

/// The Wald test of `RR = 1` with statsmodels' log-adjusted counts (0.5 added to every count and total):
/// `Z = ln(RR')/SE'` (see [`adjusted_log_ratio`]; Fagerland, Lydersen & Laake 2015), the test that matches the
/// log-adjusted interval. `None` for an empty group or inconsistent counts.
pub fn wald_test_adjusted(g: &TwoGroups) -> Option<TestResult> {
    let (ln_rr, se) = adjusted_log_ratio(g)?;
    if se.is_nan() || se <= 0.0 {
        return None;
    }
    let z = ln_rr / se;
    z.is_finite().then(|| TestResult { statistic: Some(z), p_value: two_sided_p(z) })
}
