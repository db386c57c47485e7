//! The standard normal distribution: the critical value `z` for a confidence level and two-sided p-values.

use statrs::function::erf::{erfc, erfc_inv};

/// The critical value `z = Φ⁻¹(1 − α/2)` for a two-sided confidence level `level = 1 − α`, or `None` unless
/// `0 < level < 1`.
///
/// Computed as `√2 · erfc⁻¹(α)` with statrs' `erfc_inv` (a port of Boost's), which agrees with SciPy's
/// `ndtri(1 − α/2)` and `norm.isf(α/2)` to a few ulps (e.g. 1.959963984540054 at 95%).
///
/// ```
/// let z = wres_wdes::stats::normal::z_for_level(0.95).unwrap();
/// assert!((z - 1.959963984540054).abs() < 1e-14);
/// ```
pub fn z_for_level(level: f64) -> Option<f64> {
    if !(level > 0.0 && level < 1.0) {
        return None;
    }
    let alpha = 1.0 - level;
    let z = std::f64::consts::SQRT_2 * erfc_inv(alpha);
    z.is_finite().then_some(z)
}

/// Upper tail `P(Z > x) = ½·erfc(x/√2)` of the standard normal distribution (accurate far into the tail; SciPy
/// `norm.sf`).
pub fn upper_tail(x: f64) -> f64 {
    0.5 * erfc(x / std::f64::consts::SQRT_2)
}

/// Two-sided p-value `2·P(Z > |z|)` for a standard-normal statistic, capped at 1 (statsmodels' `2*norm.sf(|z|)`).
/// Underflows to 0 for `|z|` beyond about 38; never NaN for a finite or infinite `z` (NaN input gives 1).
pub fn two_sided_p(z: f64) -> f64 {
    if z.is_nan() {
        return 1.0;
    }
    (2.0 * upper_tail(z.abs())).min(1.0)
}
