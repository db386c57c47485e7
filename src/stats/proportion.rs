//! Intervals for a single proportion (Wilson) and for a difference of two proportions (Newcombe's hybrid score),
//! used for staff-survey percentages, where a group is a percentage and a respondent base.

use super::normal::z_for_level;
use super::Interval;

/// The Wilson (1927) score interval for a proportion `p̂ = x/n` (Newcombe 1998a, "Two-sided confidence intervals
/// for the single proportion", method 3):
/// `(p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)`, `z = Φ⁻¹(1 − α/2)`. `successes` may be fractional
/// (a survey percentage times its base). Both limits are proportions in [0, 1] (`high` always `Some`).
///
/// `None` unless `n > 0`, `0 ≤ successes ≤ n` and `0 < level < 1`.
///
/// Worked example (Newcombe 1998a, Table I): 81/263 at 95% gives 0.2553 to 0.3662.
///
/// ```
/// use wres_wdes::stats::proportion::wilson;
/// let ci = wilson(81.0, 263.0, 0.95).unwrap();
/// assert_eq!(format!("{:.4} {:.4}", ci.low, ci.high.unwrap()), "0.2553 0.3662");
/// ```
pub fn wilson(successes: f64, n: f64, level: f64) -> Option<Interval> {
    let z = z_for_level(level)?;
    if !(n > 0.0 && n.is_finite() && successes >= 0.0 && successes <= n) {
        return None;
    }
    let p = successes / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).max(0.0).sqrt() / denom;
    let low = (centre - half).clamp(0.0, 1.0);
    let high = (centre + half).clamp(0.0, 1.0);
    // At p = 0 (or 1) the limit is exactly 0 (or 1); avoid round-off just above or below it.
    let low = if successes == 0.0 { 0.0 } else { low };
    let high = if successes == n { 1.0 } else { high };
    Some(Interval { low, high: Some(high) })
}

/// The Wilson interval for a survey result given as a percentage (0–100) of `respondents`, returned in percent.
/// `successes = percent/100 · respondents` ([`wilson`]). `None` for a percentage outside 0–100, no respondents, or
/// a level outside (0, 1).
///
/// ```
/// use wres_wdes::stats::proportion::wilson_percent;
/// let ci = wilson_percent(30.798479087452474, 263.0, 0.95).unwrap(); // 81 of 263
/// assert!((ci.low - 25.53).abs() < 0.01);
/// ```
pub fn wilson_percent(percent: f64, respondents: f64, level: f64) -> Option<Interval> {
    if !(0.0..=100.0).contains(&percent) {
        return None;
    }
    let ci = wilson(percent / 100.0 * respondents, respondents, level)?;
    Some(Interval { low: ci.low * 100.0, high: ci.high.map(|h| h * 100.0) })
}

/// Newcombe's hybrid score interval for a difference of proportions `d = p1 − p2` (Newcombe 1998b, "Interval
/// estimation for the difference between independent proportions", method 10): with Wilson limits `(l1, u1)` for
/// `p1` and `(l2, u2)` for `p2`, `L = d − √((p1 − l1)² + (u2 − p2)²)`, `U = d + √((u1 − p1)² + (p2 − l2)²)`.
/// Counts may be fractional. `None` when either proportion is invalid (see [`wilson`]).
///
/// Worked example (Newcombe 1998b, Table II): 56/70 − 48/80 at 95% gives 0.0524 to 0.3339.
///
/// ```
/// use wres_wdes::stats::proportion::newcombe_difference;
/// let ci = newcombe_difference(56.0, 70.0, 48.0, 80.0, 0.95).unwrap();
/// assert_eq!(format!("{:.4} {:.4}", ci.low, ci.high.unwrap()), "0.0524 0.3339");
/// ```
pub fn newcombe_difference(x1: f64, n1: f64, x2: f64, n2: f64, level: f64) -> Option<Interval> {
    let w1 = wilson(x1, n1, level)?;
    let w2 = wilson(x2, n2, level)?;
    let (p1, p2) = (x1 / n1, x2 / n2);
    let (u1, u2) = (w1.high.unwrap_or(1.0), w2.high.unwrap_or(1.0));
    let d = p1 - p2;
    let low = d - ((p1 - w1.low).powi(2) + (u2 - p2).powi(2)).sqrt();
    let high = d + ((u1 - p1).powi(2) + (p2 - w2.low).powi(2)).sqrt();
    Some(Interval { low, high: Some(high) })
}
