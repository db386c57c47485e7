//! Fisher's exact test, two-sided, exactly as SciPy 1.17 `scipy.stats.fisher_exact(table)` decides it.

use super::ratio::{div_round, is_consistent};
use super::{TestResult, TwoGroups};

/// Below this relative log-probability (about e^-780) a table's probability no longer matters to a p-value
/// that does not underflow.
const NEGLIGIBLE: f64 = -780.0;
/// At most this many tables are visited on each side of the mode.
const MAX_STEPS: usize = 2_000_000;

/// Compensated (Neumaier) summation.
#[derive(Default)]
struct Sum {
    sum: f64,
    comp: f64,
}

impl Sum {
    fn add(&mut self, x: f64) {
        let t = self.sum + x;
        if self.sum.abs() >= x.abs() {
            self.comp += (self.sum - t) + x;
        } else {
            self.comp += (x - t) + self.sum;
        }
        self.sum = t;
    }
    fn value(&self) -> f64 {
        self.sum + self.comp
    }
}

/// Fisher's exact test of the 2×2 table `[[a, n1 − a], [c, n2 − c]]`, two-sided (Fisher 1935; SciPy 1.17
/// `fisher_exact(table, alternative='two-sided')`).
///
/// With row totals `n1`, `n2` and first-column total `m = a + c`, the top-left count is hypergeometric:
/// `P(X = k) = C(n1, k)·C(n2, m − k)/C(N, m)`. The p-value sums `P(X = k)` over every `k` with
/// `P(X = k) ≤ P(X = a)·(1 + 1e-14)`, capped at 1; it is exactly 1 when `P(X = a)` is within 1e-14 (relative) of
/// the probability at the mode `⌊(m + 1)(n1 + 1)/(N + 2)⌋`. If a row or column total is 0 the p-value is 1 and
/// there is no statistic.
///
/// Probabilities are computed relative to the mode, in log space, from the exact ratio of successive terms
/// `P(k+1)/P(k) = (n1 − k)(m − k)/((k + 1)(n2 − m + k + 1))` with compensated sums, so national-size tables
/// (hundreds of thousands per group) keep full precision; the tie tolerance grows by 1e-15 per step walked to
/// absorb that rounding. A p-value below about 1e-300 is reported as 0.
///
/// `statistic` is the sample odds ratio `a(n2 − c)/((n1 − a)c)` (not the risk ratio), `None` where SciPy gives
/// inf or nan. Returns `None` only for inconsistent counts (SciPy raises on a negative cell) or a table too large
/// to walk (more than 2 million tables on a side).
///
/// ```
/// use wres_wdes::stats::{fisher::fisher_exact, TwoGroups};
/// // Lady tasting tea: [[3, 1], [1, 3]] gives p = 0.4857...
/// let t = fisher_exact(&TwoGroups { a: 3, n1: 4, c: 1, n2: 4 }).unwrap();
/// assert!((t.p_value - 0.4857142857142857).abs() < 1e-12);
/// assert_eq!(t.statistic, Some(9.0));
/// ```
pub fn fisher_exact(g: &TwoGroups) -> Option<TestResult> {
    if !is_consistent(g) {
        return None;
    }
    let (a, n1, c, n2) = (g.a, g.n1, g.c, g.n2);
    let num = u128::from(a) * u128::from(n2 - c);
    let den = u128::from(n1 - a) * u128::from(c);
    let statistic = (den > 0).then(|| div_round(num, den));
    let (Some(m), Some(n)) = (a.checked_add(c), n1.checked_add(n2)) else {
        return None;
    };
    if n1 == 0 || n2 == 0 || m == 0 || m == n {
        return Some(TestResult { statistic: None, p_value: 1.0 });
    }
    let kmin = m.saturating_sub(n2);
    let kmax = n1.min(m);
    let mode = ((u128::from(m) + 1) * (u128::from(n1) + 1) / (u128::from(n) + 2)) as u64;
    let mode = mode.clamp(kmin, kmax);
    // ln P(k+1)/P(k)
    let step = |k: u64| -> f64 {
        let num = (n1 - k) as f64 * (m - k) as f64;
        let den = (k as f64 + 1.0) * ((n2 - (m - k)) as f64 + 1.0);
        (num / den).ln()
    };
    // Log-probabilities relative to the mode, upward (mode, mode+1, ...) and downward (mode, mode-1, ...),
    // until negligible.
    let mut up = vec![0.0];
    let mut acc = Sum::default();
    let mut k = mode;
    while k < kmax && up.len() < MAX_STEPS {
        acc.add(step(k));
        k += 1;
        up.push(acc.value());
        if acc.value() < NEGLIGIBLE {
            break;
        }
    }
    let mut down = vec![0.0];
    let mut acc = Sum::default();
    let mut k = mode;
    while k > kmin && down.len() < MAX_STEPS {
        acc.add(-step(k - 1));
        k -= 1;
        down.push(acc.value());
        if acc.value() < NEGLIGIBLE {
            break;
        }
    }
    let lr_a = if a >= mode {
        let i = (a - mode) as usize;
        match up.get(i) {
            Some(&v) => v,
            None if up.len() < MAX_STEPS => return Some(TestResult { statistic, p_value: 0.0 }),
            None => return None,
        }
    } else {
        let i = (mode - a) as usize;
        match down.get(i) {
            Some(&v) => v,
            None if down.len() < MAX_STEPS => return Some(TestResult { statistic, p_value: 0.0 }),
            None => return None,
        }
    };
    let a_steps = a.abs_diff(mode) as f64;
    if -lr_a <= 1e-14 + 1e-15 * a_steps {
        return Some(TestResult { statistic, p_value: 1.0 });
    }
    let mut total = Sum::default();
    let mut tail = Sum::default();
    for (i, &lr) in up.iter().enumerate().chain(down.iter().enumerate().skip(1)) {
        let p = lr.exp();
        total.add(p);
        let tol = 1e-14 + 1e-15 * (a_steps + i as f64);
        if lr <= lr_a + tol {
            tail.add(p);
        }
    }
    let p_value = (tail.value() / total.value()).min(1.0);
    Some(TestResult { statistic, p_value: if p_value.is_finite() { p_value } else { 0.0 } })
}
