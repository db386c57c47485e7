//! The Katz log interval for a relative likelihood (Katz, Baptista, Azen & Pike 1978), as SciPy's
//! `relative_risk(a, n1, c, n2).confidence_interval()` and statsmodels' `method='log'`.

use super::normal::z_for_level;
use super::ratio::{is_consistent, relative_likelihood};
use super::{Interval, TwoGroups};

/// Standard error of `ln RR`: `SE = √(1/a − 1/n1 + 1/c − 1/n2)` (Katz et al. 1978). `None` when `a = 0` or
/// `c = 0` (or a group is empty, or the counts are inconsistent).
pub fn katz_se(g: &TwoGroups) -> Option<f64> {
    if g.a == 0 || g.c == 0 || !is_consistent(g) {
        return None;
    }
    let (a, n1, c, n2) = (g.a as f64, g.n1 as f64, g.c as f64, g.n2 as f64);
    let v = 1.0 / a - 1.0 / n1 + 1.0 / c - 1.0 / n2;
    Some(v.max(0.0).sqrt())
}

/// Katz log interval `[RR·exp(−z·SE), RR·exp(+z·SE)]` with `SE` from [`katz_se`] and `z = Φ⁻¹(1 − α/2)`, written
/// as SciPy writes it (SciPy 1.17 `relative_risk(...).confidence_interval`; Katz et al. 1978). No continuity
/// correction. `None` when `a = 0` or `c = 0` (a numerator rate of 0 gives no Katz interval),
/// for an empty group, or a level outside (0, 1). `a = n1` and `c = n2` gives `SE = 0` and `[RR, RR]`.
///
/// A worked example: 300/1000 vs 150/800 gives RR 1.600 and 95% CI 1.346–1.901.
///
/// ```
/// use wres_wdes::stats::{katz::katz_interval, TwoGroups};
/// let ci = katz_interval(&TwoGroups { a: 300, n1: 1000, c: 150, n2: 800 }, 0.95).unwrap();
/// assert_eq!(format!("{:.3}-{:.3}", ci.low, ci.high.unwrap()), "1.346-1.901");
/// ```
pub fn katz_interval(g: &TwoGroups, level: f64) -> Option<Interval> {
    let z = z_for_level(level)?;
    let rr = relative_likelihood(g).ok()?;
    let se = katz_se(g)?;
    Some(Interval { low: rr * (-z * se).exp(), high: Some(rr * (z * se).exp()) })
}
