//! The asymptotic score interval for a relative likelihood: Koopman (1984), and with the variance factor
//! `N/(N−1)` the Miettinen & Nurminen (1985) interval that statsmodels calls `method='score'` (its default).
//!
//! The interval is found by root-finding on the score statistic `Z(θ)` (bisection on `ln θ` to full double
//! precision), not by Nam's (1995) closed-form cubic, which picks the wrong root at 100% cells.

use super::normal::z_for_level;
use super::ratio::{is_consistent, relative_likelihood};
use super::{Interval, TwoGroups};

/// The score statistic for `H0: RR = θ` (statsmodels 0.15 `test_proportions_2indep(value=θ, compare='ratio',
/// method='score')`; Koopman 1984; Miettinen & Nurminen 1985).
///
/// With `N = n1 + n2`, the constrained maximum-likelihood estimates under `p1 = θ·p2` are the smaller root of
/// `A·p² + B·p + C = 0`, `A = N·θ`, `B = −(n1·θ + a + n2 + c·θ)`, `C = a + c`, evaluated as
/// `p̃2 = 2C / (−B + √(B² − 4AC))` (the cancellation-free form of `(−B − √(B² − 4AC)) / 2A`), and `p̃1 = θ·p̃2`. Then
/// `Z(θ) = (a/n1 − θ·c/n2) / √V`, `V = [p̃1(1 − p̃1)/n1 + θ²·p̃2(1 − p̃2)/n2]·N/(N − 1)`, the factor `N/(N − 1)` only
/// when `corrected` (Miettinen-Nurminen). `Z` decreases in `θ`.
///
/// `None` when `θ` is not positive and finite, a group is empty, the counts are inconsistent, or `Z` is 0/0
/// (`a = c = 0`) or infinite.
///
/// ```
/// use wres_wdes::stats::{score::score_statistic, TwoGroups};
/// let g = TwoGroups { a: 300, n1: 1500, c: 120, n2: 900 };
/// assert!(score_statistic(&g, 1.5, true).unwrap().abs() < 1e-12); // Z is 0 at the estimate
/// ```
pub fn score_statistic(g: &TwoGroups, theta: f64, corrected: bool) -> Option<f64> {
    if !(theta > 0.0 && theta.is_finite()) || g.n1 == 0 || g.n2 == 0 || !is_consistent(g) || (g.a == 0 && g.c == 0) {
        return None;
    }
    let z = z_raw(g, theta, corrected);
    z.is_finite().then_some(z)
}

/// `Z(θ)` for valid, non-empty counts with `a + c > 0`; ±∞ (never NaN) when the variance is 0.
fn z_raw(g: &TwoGroups, theta: f64, corrected: bool) -> f64 {
    let (a, n1, c, n2) = (g.a as f64, g.n1 as f64, g.c as f64, g.n2 as f64);
    let n = n1 + n2;
    let qa = n * theta;
    let qb = -(n1 * theta + a + n2 + c * theta);
    let qc = a + c;
    let disc = (qb * qb - 4.0 * qa * qc).max(0.0);
    let denom = -qb + disc.sqrt();
    let p2 = if qc == 0.0 || denom <= 0.0 { 0.0 } else { (2.0 * qc / denom).clamp(0.0, 1.0) };
    let p1 = (theta * p2).clamp(0.0, 1.0);
    let mut var = p1 * (1.0 - p1) / n1 + theta * theta * p2 * (1.0 - p2) / n2;
    if corrected {
        var *= n / (n - 1.0);
    }
    let diff = a / n1 - theta * (c / n2);
    if var > 0.0 && var.is_finite() {
        diff / var.sqrt()
    } else if diff > 0.0 {
        f64::INFINITY
    } else if diff < 0.0 {
        f64::NEG_INFINITY
    } else {
        0.0
    }
}

/// Where a decreasing function of `t = ln θ` crosses 0 within `[-T_MAX, T_MAX]`.
enum Crossing {
    At(f64),
    /// Positive everywhere searched: the crossing is beyond `θ = e^T_MAX`.
    AbovePositive,
    /// Negative everywhere searched: the crossing is below `θ = e^-T_MAX`.
    BelowNegative,
}

/// `ln θ` is searched in `[-60, 60]` (θ from about 1e-26 to 1e26).
const T_MAX: f64 = 60.0;

/// Finds the root of a decreasing `f` by expanding a bracket from `t0` and bisecting to full precision.
fn crossing(f: impl Fn(f64) -> f64, t0: f64) -> Crossing {
    let t0 = t0.clamp(-T_MAX, T_MAX);
    let f0 = f(t0);
    if f0 == 0.0 {
        return Crossing::At(t0);
    }
    // Expand: (lo, hi) with f(lo) > 0 >= f(hi).
    let (mut lo, mut hi);
    let mut step = 0.5;
    if f0 > 0.0 {
        lo = t0;
        loop {
            let t = (lo + step).min(T_MAX);
            if f(t) <= 0.0 {
                hi = t;
                break;
            }
            if t >= T_MAX {
                return Crossing::AbovePositive;
            }
            lo = t;
            step *= 2.0;
        }
    } else {
        hi = t0;
        loop {
            let t = (hi - step).max(-T_MAX);
            if f(t) > 0.0 {
                lo = t;
                break;
            }
            if t <= -T_MAX {
                return Crossing::BelowNegative;
            }
            hi = t;
            step *= 2.0;
        }
    }
    for _ in 0..300 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if f(mid) > 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Crossing::At(0.5 * (lo + hi))
}

/// The score interval `{θ : |Z(θ)| ≤ z}` for the relative likelihood, `z = Φ⁻¹(1 − α/2)`: the lower limit solves
/// `Z(θ) = +z`, the upper `Z(θ) = −z` ([`score_statistic`]). With `corrected` this is the Miettinen & Nurminen
/// (1985) interval (statsmodels 0.15 `confint_proportions_2indep(method='score', compare='ratio')`, default
/// `correction=True`); without, Koopman's (1984) interval (`correction=False`).
///
/// Lower limit 0 when `a = 0` (no crossing); upper limit `None` (unbounded) when `c = 0`. `None` when a group is
/// empty, `a = c = 0` (Z is 0/0 for every θ), the counts are inconsistent, or the level is outside (0, 1).
///
/// ```
/// use wres_wdes::stats::{score::score_interval, TwoGroups};
/// // 1/1 vs 40/120: RR 3; statsmodels' closed form gets the lower limit wrong (2.95); the true interval:
/// let ci = score_interval(&TwoGroups { a: 1, n1: 1, c: 40, n2: 120 }, 0.95, true).unwrap();
/// assert!((ci.low - 0.608).abs() < 1e-3 && (ci.high.unwrap() - 3.92).abs() < 1e-2);
/// ```
pub fn score_interval(g: &TwoGroups, level: f64, corrected: bool) -> Option<Interval> {
    let z = z_for_level(level)?;
    if g.n1 == 0 || g.n2 == 0 || !is_consistent(g) || (g.a == 0 && g.c == 0) {
        return None;
    }
    let t0 = match relative_likelihood(g) {
        Ok(rr) if rr > 0.0 => rr.ln(),
        _ => 0.0,
    };
    let zf = |t: f64| z_raw(g, t.exp(), corrected);
    let low = if g.a == 0 {
        0.0
    } else {
        match crossing(|t| zf(t) - z, t0) {
            Crossing::At(t) => t.exp(),
            Crossing::BelowNegative => 0.0,
            Crossing::AbovePositive => return None,
        }
    };
    let high = if g.c == 0 {
        None
    } else {
        match crossing(|t| zf(t) + z, t0) {
            Crossing::At(t) => Some(t.exp()),
            Crossing::AbovePositive => None,
            Crossing::BelowNegative => return None,
        }
    };
    Some(Interval { low, high })
}
