//! statsmodels' `log-adjusted` interval for a relative likelihood (the adjusted log interval of Fagerland,
//! Lydersen & Laake 2015): 0.5 added to every count and every total.

use super::normal::z_for_level;
use super::ratio::is_consistent;
use super::{Interval, TwoGroups};

/// The adjusted ratio and the standard error of its logarithm: with `a' = a + ½`, `n1' = n1 + ½`, `c' = c + ½`,
/// `n2' = n2 + ½`, `RR' = (a'/n1')/(c'/n2')` and `SE' = √(1/a' − 1/n1' + 1/c' − 1/n2')` (statsmodels 0.15
/// `confint_proportions_2indep(method='log-adjusted', compare='ratio')`). `None` for an empty group or inconsistent
/// counts.
pub fn adjusted_log_ratio(g: &TwoGroups) -> Option<(f64, f64)> {
    if g.n1 == 0 || g.n2 == 0 || !is_consistent(g) {
        return None;
    }
    let (a, n1, c, n2) = (g.a as f64 + 0.5, g.n1 as f64 + 0.5, g.c as f64 + 0.5, g.n2 as f64 + 0.5);
    let ln_rr = ((a / n1) / (c / n2)).ln();
    let se = (1.0 / a - 1.0 / n1 + 1.0 / c - 1.0 / n2).max(0.0).sqrt();
    Some((ln_rr, se))
}

/// The log-adjusted interval `[exp(ln RR' − z·SE'), exp(ln RR' + z·SE')]` (statsmodels 0.15, `method='log-adjusted'`;
/// Fagerland, Lydersen & Laake 2015). Finite for every valid table with members in both groups, including zero
/// cells; it need not contain the unadjusted ratio (`a = n1`, `c = n2` gives `[1, 1]`). `None` for an empty group,
/// inconsistent counts, or a level outside (0, 1).
///
/// ```
/// use wres_wdes::stats::{log_adjusted::log_adjusted_interval, TwoGroups};
/// let ci = log_adjusted_interval(&TwoGroups { a: 0, n1: 18, c: 0, n2: 6 }, 0.95).unwrap();
/// assert!(ci.low > 0.0 && ci.high.unwrap() > 1.0);
/// ```
pub fn log_adjusted_interval(g: &TwoGroups, level: f64) -> Option<Interval> {
    let z = z_for_level(level)?;
    let (ln_rr, se) = adjusted_log_ratio(g)?;
    Some(Interval { low: (ln_rr - z * se).exp(), high: Some((ln_rr + z * se).exp()) })
}
