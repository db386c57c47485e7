//! Pearson's chi-square test of the 2×2 table, with and without Yates' continuity correction.

use super::ratio::is_consistent;
use super::{TestResult, TwoGroups};
use statrs::function::erf::erfc;

/// Pearson's chi-square test of independence for `[[a, n1 − a], [c, n2 − c]]`, 1 degree of freedom (SciPy 1.17
/// `chi2_contingency(table, correction=yates)`; Pearson 1900, Yates 1934).
///
/// Expected counts `E_ij = row_i·col_j/N`; every `|O − E|` equals `|a(n2 − c) − (n1 − a)c|/N`, computed exactly in
/// integers; with `yates` it is reduced by `min(0.5, |O − E|)`. `X² = Σ (|O − E|)²/E_ij`,
/// `p = P(χ²₁ > X²) = erfc(√(X²/2))`.
///
/// `None` when an expected count is 0 (a group is empty, `a + c = 0` or `a + c = N`), as SciPy raises, or the
/// counts are inconsistent.
///
/// ```
/// use wres_wdes::stats::{chi_square::chi_square, TwoGroups};
/// let t = chi_square(&TwoGroups { a: 300, n1: 1500, c: 120, n2: 900 }, false).unwrap();
/// assert!((t.statistic.unwrap() - 17.316017316017316).abs() < 1e-9);
/// ```
pub fn chi_square(g: &TwoGroups, yates: bool) -> Option<TestResult> {
    if !is_consistent(g) {
        return None;
    }
    let (a, n1, c, n2) = (g.a, g.n1, g.c, g.n2);
    let (Some(m), Some(n)) = (a.checked_add(c), n1.checked_add(n2)) else {
        return None;
    };
    if n1 == 0 || n2 == 0 || m == 0 || m == n {
        return None;
    }
    let ad = i128::from(a) * i128::from(n2 - c);
    let bc = i128::from(n1 - a) * i128::from(c);
    let nf = n as f64;
    let mut dev = (ad - bc).unsigned_abs() as f64 / nf;
    if yates {
        dev -= dev.min(0.5);
    }
    let rows = [n1 as f64, n2 as f64];
    let cols = [m as f64, (n - m) as f64];
    let mut x2 = 0.0;
    for r in rows {
        for col in cols {
            let e = r * col / nf;
            x2 += dev * dev / e;
        }
    }
    let p_value = erfc((x2 / 2.0).sqrt());
    x2.is_finite().then_some(TestResult { statistic: Some(x2), p_value })
}
