//! The Mantel-Haenszel common relative likelihood across strata (trusts of a system), its interval, and a test of
//! whether the strata differ, for system roll-ups.
//!
//! With stratum `i` holding `a_i` events of `n1_i` and `c_i` of `n2_i`, `N_i = n1_i + n2_i`:
//! - estimate (Mantel & Haenszel 1959, for the risk ratio as in Rothman & Greenland, *Modern Epidemiology*):
//!   `RR_MH = Σ (a_i·n2_i/N_i) / Σ (c_i·n1_i/N_i)`;
//! - variance of `ln RR_MH` (Greenland & Robins 1985):
//!   `Σ ((n1_i·n2_i·(a_i + c_i) − a_i·c_i·N_i) / N_i²) / (Σ a_i·n2_i/N_i · Σ c_i·n1_i/N_i)`;
//! - homogeneity: Cochran's Q on the strata's `ln RR_i` with inverse-variance (Katz) weights around
//!   `ln RR_MH`, chi-square with `k − 1` degrees of freedom, over the strata where `ln RR_i` is defined
//!   (no zero event count).

use statrs::distribution::{ChiSquared, ContinuousCDF};

use super::katz::katz_se;
use super::normal::z_for_level;
use super::{Interval, TwoGroups};

/// The common ratio across strata.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct MantelHaenszel {
    /// `RR_MH`; `None` when no stratum has events in the comparison group.
    pub value: Option<f64>,
    /// Log-normal interval from the Greenland-Robins variance.
    pub ci: Option<Interval>,
    /// Cochran's Q of homogeneity.
    pub q: Option<f64>,
    /// Its degrees of freedom (strata used, minus 1).
    pub df: u64,
    /// The p-value of Q (small: the strata differ).
    pub p_homogeneity: Option<f64>,
}

/// Computes the Mantel-Haenszel common ratio of `strata` at confidence `level`.
///
/// Worked example: strata 10/100 vs 5/100 and 20/100 vs 10/200 give
/// `RR_MH = (10·100/200 + 20·200/300) / (5·100/200 + 10·100/300) = 18.333/5.833 = 3.1429`.
///
/// ```
/// use wres_wdes::stats::mantel_haenszel::mantel_haenszel;
/// use wres_wdes::stats::TwoGroups;
/// let s = [TwoGroups { a: 10, n1: 100, c: 5, n2: 100 }, TwoGroups { a: 20, n1: 100, c: 10, n2: 200 }];
/// let mh = mantel_haenszel(&s, 0.95);
/// assert!((mh.value.unwrap() - 22.0 / 7.0).abs() < 1e-12);
/// ```
pub fn mantel_haenszel(strata: &[TwoGroups], level: f64) -> MantelHaenszel {
    let (mut r, mut s, mut p) = (0.0, 0.0, 0.0);
    for g in strata.iter().filter(|g| g.n1 > 0 && g.n2 > 0) {
        let (a, n1, c, n2) = (g.a as f64, g.n1 as f64, g.c as f64, g.n2 as f64);
        let n = n1 + n2;
        r += a * n2 / n;
        s += c * n1 / n;
        p += (n1 * n2 * (a + c) - a * c * n) / (n * n);
    }
    let value = (s > 0.0).then(|| r / s);
    let ci = match (value, z_for_level(level)) {
        (Some(v), Some(z)) if r > 0.0 && p > 0.0 => {
            let se = (p / (r * s)).sqrt();
            Some(Interval { low: (v.ln() - z * se).exp(), high: Some((v.ln() + z * se).exp()) })
        }
        (Some(_), Some(_)) if r == 0.0 => Some(Interval { low: 0.0, high: None }),
        _ => None,
    };
    let (q, df, p_homogeneity) = match value.filter(|v| *v > 0.0) {
        Some(v) => {
            let terms: Vec<(f64, f64)> = strata
                .iter()
                .filter(|g| g.a > 0 && g.c > 0)
                .filter_map(|g| {
                    let se = katz_se(g)?;
                    let ln_rr = ((g.a as f64 * g.n2 as f64) / (g.c as f64 * g.n1 as f64)).ln();
                    (se > 0.0).then_some((ln_rr, 1.0 / (se * se)))
                })
                .collect();
            if terms.len() < 2 {
                (None, 0, None)
            } else {
                let q: f64 = terms.iter().map(|(l, w)| w * (l - v.ln()).powi(2)).sum();
                let df = terms.len() as u64 - 1;
                let p = ChiSquared::new(df as f64).ok().map(|d| d.sf(q));
                (Some(q), df, p)
            }
        }
        None => (None, 0, None),
    };
    MantelHaenszel { value, ci, q, df, p_homogeneity }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strata_are_homogeneous_and_give_the_common_ratio() {
        let g = TwoGroups { a: 30, n1: 100, c: 15, n2: 100 };
        let mh = mantel_haenszel(&[g, g, g], 0.95);
        assert!((mh.value.unwrap() - 2.0).abs() < 1e-12);
        assert!(mh.q.unwrap().abs() < 1e-12);
        assert_eq!(mh.df, 2);
        assert!((mh.p_homogeneity.unwrap() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn greenland_robins_variance_by_hand() {
        // One stratum: the Greenland-Robins variance is (n1 n2 (a+c) - a c N) / N^2 / (a n2/N * c n1/N);
        // for a=10, n1=100, c=5, n2=100: N=200,
        // P = (10000*15 - 50*200)/40000 = 3.5; R = 5; S = 2.5; var = 3.5/12.5 = 0.28.
        let mh = mantel_haenszel(&[TwoGroups { a: 10, n1: 100, c: 5, n2: 100 }], 0.95);
        let ci = mh.ci.unwrap();
        let se = 0.28f64.sqrt();
        let z = 1.959963984540054;
        assert!((ci.low - (2f64.ln() - z * se).exp()).abs() < 1e-9);
        assert!((ci.high.unwrap() - (2f64.ln() + z * se).exp()).abs() < 1e-9);
        assert_eq!(mh.q, None, "one stratum: no homogeneity test");
    }

    #[test]
    fn different_strata_are_flagged() {
        let s = [TwoGroups { a: 300, n1: 1000, c: 100, n2: 1000 }, TwoGroups { a: 100, n1: 1000, c: 300, n2: 1000 }];
        let mh = mantel_haenszel(&s, 0.95);
        assert!((mh.value.unwrap() - 1.0).abs() < 1e-12);
        assert!(mh.p_homogeneity.unwrap() < 1e-6);
    }
}
