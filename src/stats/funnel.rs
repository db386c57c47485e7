//! Funnel plots across trusts (Spiegelhalter 2005): each trust's relative likelihood against how precisely it is
//! known, with control limits around the system's common ratio, so a trust is singled out only when it lies
//! further from the centre than chance (and, when the trusts differ more than chance would explain, that spread
//! too) would put a trust of its size.
//!
//! For a trust with `a` events of `n1` in the numerator group and `c` of `n2` in the comparison group:
//! - `y = ln RR`, `s = √(1/a − 1/n1 + 1/c − 1/n2)` (the Katz standard error), information `x = 1/s²`;
//! - the centre `ln θ`, θ the Mantel-Haenszel common ratio of the system (passed in);
//! - over-dispersion: Cochran's `Q = Σ x_i (y_i − ȳ)²` about the inverse-variance mean `ȳ = Σ x_i y_i / Σ x_i`,
//!   chi-square with `k − 1` degrees of freedom over the `k` trusts placed on the funnel;
//! - `τ²`: the DerSimonian & Laird (1986) estimate `max(0, (Q − (k − 1)) / (Σx − Σx²/Σx))` when `Q`'s p-value is
//!   below 0.05, else 0;
//! - limits `ln θ ± z·√(s² + τ²)` at the trust's own `s`, with `z = 1.959964` (95%) and `3.090232` (99.8%);
//! - a flag: above the upper 99.8% limit, above the upper 95% limit, within, below the lower 95% limit, below the
//!   lower 99.8% limit (a value exactly on a limit is inside it), or not estimable.
//!
//! References: D. J. Spiegelhalter, "Funnel plots for comparing institutional performance", *Statistics in
//! Medicine* 24 (2005) 1185-1202; R. DerSimonian and N. Laird, "Meta-analysis in clinical trials", *Controlled
//! Clinical Trials* 7 (1986) 177-188.

use serde::Serialize;
use statrs::distribution::{ChiSquared, ContinuousCDF};

use super::katz::katz_se;
use super::ratio::{is_consistent, relative_likelihood};
use super::TwoGroups;

/// The normal deviate of the 95% limits (two-sided), as the funnel-plot literature rounds it.
pub const Z_95: f64 = 1.959964;
/// The normal deviate of the 99.8% limits (two-sided).
pub const Z_99_8: f64 = 3.090232;
/// Below this p-value Cochran's Q counts as over-dispersion, and the limits are widened by `τ²`.
pub const OVER_DISPERSION_P: f64 = 0.05;

/// A trust's place on the funnel: `y = ln RR`, its standard error `s` and its information `1/s²`.
///
/// ```
/// use wres_wdes::stats::funnel::point;
/// use wres_wdes::stats::TwoGroups;
/// // 30/100 vs 15/100: RR 2, s² = 1/30 − 1/100 + 1/15 − 1/100 = 0.08.
/// let p = point(&TwoGroups { a: 30, n1: 100, c: 15, n2: 100 }).unwrap();
/// assert!((p.y - 2f64.ln()).abs() < 1e-15);
/// assert!((p.information - 12.5).abs() < 1e-9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FunnelPoint {
    /// The natural logarithm of the relative likelihood.
    pub y: f64,
    /// Its Katz standard error (> 0).
    pub s: f64,
    /// `1/s²`.
    pub information: f64,
}

impl FunnelPoint {
    /// A point from `y` and its standard error; `None` unless both are finite and `s > 0`.
    ///
    /// ```
    /// use wres_wdes::stats::funnel::FunnelPoint;
    /// assert_eq!(FunnelPoint::new(0.5, 0.25).unwrap().information, 16.0);
    /// assert!(FunnelPoint::new(0.5, 0.0).is_none());
    /// ```
    pub fn new(y: f64, s: f64) -> Option<FunnelPoint> {
        (y.is_finite() && s.is_finite() && s > 0.0).then(|| FunnelPoint { y, s, information: 1.0 / (s * s) })
    }
}

/// Why a trust has no place on the funnel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unplaced {
    /// A group has no members.
    EmptyGroup,
    /// Neither group had the outcome.
    NoEvents,
    /// The numerator group had no one with the outcome: the ratio is 0 and has no logarithm.
    NoNumeratorEvents,
    /// The comparison group had no one with the outcome: the ratio is not finite.
    NoComparisonEvents,
    /// Everyone in both groups had the outcome: the standard error is 0.
    NoVariation,
    /// More events than members in a group.
    InvalidCounts,
}

impl Unplaced {
    /// The reason in words, naming the two groups.
    ///
    /// ```
    /// use wres_wdes::stats::funnel::Unplaced;
    /// assert_eq!(
    ///     Unplaced::NoNumeratorEvents.describe("White", "BME"),
    ///     "no White member had the outcome, so the ratio is 0 and has no logarithm or standard error"
    /// );
    /// ```
    pub fn describe(self, numerator: &str, denominator: &str) -> String {
        match self {
            Unplaced::EmptyGroup => format!("the {numerator} or the {denominator} group has no members"),
            Unplaced::NoEvents => format!("no {numerator} or {denominator} member had the outcome"),
            Unplaced::NoNumeratorEvents => format!(
                "no {numerator} member had the outcome, so the ratio is 0 and has no logarithm or standard error"
            ),
            Unplaced::NoComparisonEvents => {
                format!("no {denominator} member had the outcome, so the ratio is not finite")
            }
            Unplaced::NoVariation => {
                format!("every {numerator} and {denominator} member had the outcome, so the standard error is 0")
            }
            Unplaced::InvalidCounts => "a group has more events than members".to_string(),
        }
    }
}

/// The trust's point from its counts, or why it has none (a group empty, no events in a group, or everyone with
/// the outcome, so that `ln RR` or `s` is undefined or zero).
///
/// ```
/// use wres_wdes::stats::funnel::{point, Unplaced};
/// use wres_wdes::stats::TwoGroups;
/// assert_eq!(point(&TwoGroups { a: 0, n1: 40, c: 3, n2: 60 }), Err(Unplaced::NoNumeratorEvents));
/// ```
pub fn point(g: &TwoGroups) -> Result<FunnelPoint, Unplaced> {
    if !is_consistent(g) {
        return Err(Unplaced::InvalidCounts);
    }
    match (g.n1 == 0 || g.n2 == 0, g.a == 0, g.c == 0) {
        (true, _, _) => return Err(Unplaced::EmptyGroup),
        (false, true, true) => return Err(Unplaced::NoEvents),
        (false, true, false) => return Err(Unplaced::NoNumeratorEvents),
        (false, false, true) => return Err(Unplaced::NoComparisonEvents),
        _ => {}
    }
    let ratio = relative_likelihood(g).map_err(|_| Unplaced::EmptyGroup)?;
    let s = katz_se(g).ok_or(Unplaced::InvalidCounts)?;
    FunnelPoint::new(ratio.ln(), s).ok_or(Unplaced::NoVariation)
}

/// Cochran's Q about the inverse-variance mean, and the DerSimonian-Laird `τ²` (over at least two points).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Dispersion {
    /// Points used (`k`).
    pub trusts: usize,
    /// The inverse-variance (Katz-weight) mean of `y`, `Σ x y / Σ x`.
    pub mean: f64,
    /// Cochran's `Q = Σ x (y − mean)²`.
    pub q: f64,
    /// Its degrees of freedom, `k − 1`.
    pub df: u64,
    /// `P(χ²_{k−1} > Q)`.
    pub p_value: f64,
    /// The DerSimonian-Laird estimate `max(0, (Q − (k − 1)) / (Σx − Σx²/Σx))`, whatever the p-value.
    pub tau2_dersimonian_laird: f64,
}

impl Dispersion {
    /// Whether the points are over-dispersed: Q's p-value below [`OVER_DISPERSION_P`].
    pub fn over_dispersed(&self) -> bool {
        self.p_value < OVER_DISPERSION_P
    }

    /// The `τ²` the limits use: the DerSimonian-Laird estimate when over-dispersed, else 0.
    pub fn tau2(&self) -> f64 {
        if self.over_dispersed() {
            self.tau2_dersimonian_laird
        } else {
            0.0
        }
    }
}

/// Cochran's Q of `points` about their inverse-variance mean, its chi-square p-value and the DerSimonian-Laird
/// `τ²`; `None` with fewer than two points.
///
/// Worked example (y, s²): (0, 0.04), (0.5, 0.04), (1, 0.01) have weights 25, 25, 100, mean 112.5/150 = 0.75,
/// `Q = 25·0.75² + 25·0.25² + 100·0.25² = 21.875` on 2 df (p = e^(−21.875/2)), `Σx − Σx²/Σx = 150 − 75 = 75`,
/// `τ² = (21.875 − 2)/75 = 0.265`.
///
/// ```
/// use wres_wdes::stats::funnel::{dispersion, FunnelPoint};
/// let p = [FunnelPoint::new(0.0, 0.2).unwrap(), FunnelPoint::new(0.5, 0.2).unwrap(), FunnelPoint::new(1.0, 0.1).unwrap()];
/// let d = dispersion(&p).unwrap();
/// assert!((d.q - 21.875).abs() < 1e-9 && (d.tau2_dersimonian_laird - 0.265).abs() < 1e-9);
/// ```
pub fn dispersion(points: &[FunnelPoint]) -> Option<Dispersion> {
    if points.len() < 2 {
        return None;
    }
    let sum_x: f64 = points.iter().map(|p| p.information).sum();
    let sum_x2: f64 = points.iter().map(|p| p.information * p.information).sum();
    let mean = points.iter().map(|p| p.information * p.y).sum::<f64>() / sum_x;
    let q: f64 = points.iter().map(|p| p.information * (p.y - mean).powi(2)).sum();
    let df = points.len() as u64 - 1;
    let p_value = ChiSquared::new(df as f64).ok()?.sf(q);
    let scale = sum_x - sum_x2 / sum_x;
    let tau2 = if scale > 0.0 { ((q - df as f64) / scale).max(0.0) } else { 0.0 };
    Some(Dispersion { trusts: points.len(), mean, q, df, p_value, tau2_dersimonian_laird: tau2 })
}

/// The four control limits at one standard error, on the log scale: `centre ± z·√(s² + τ²)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Limits {
    /// Lower 99.8% limit.
    pub low_99_8: f64,
    /// Lower 95% limit.
    pub low_95: f64,
    /// Upper 95% limit.
    pub high_95: f64,
    /// Upper 99.8% limit.
    pub high_99_8: f64,
}

/// The limits around `centre` (= ln θ) for a trust with standard error `s`, widened by `tau2`.
///
/// ```
/// use wres_wdes::stats::funnel::limits;
/// // s = 0.3, τ² = 0.07: √(0.09 + 0.07) = 0.4; 1.959964 × 0.4 = 0.7839856.
/// let l = limits(0.0, 0.3, 0.07);
/// assert!((l.high_95 - 0.7839856).abs() < 1e-12 && (l.low_95 + 0.7839856).abs() < 1e-12);
/// ```
pub fn limits(centre: f64, s: f64, tau2: f64) -> Limits {
    let sd = (s * s + tau2).sqrt();
    Limits {
        low_99_8: centre - Z_99_8 * sd,
        low_95: centre - Z_95 * sd,
        high_95: centre + Z_95 * sd,
        high_99_8: centre + Z_99_8 * sd,
    }
}

/// Where a trust lies against its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Flag {
    /// Below the lower 99.8% limit.
    #[serde(rename = "below_99_8")]
    Below99_8,
    /// Below the lower 95% limit (inside the 99.8% limits).
    #[serde(rename = "below_95")]
    Below95,
    /// Inside the 95% limits (a value on a limit is inside).
    #[serde(rename = "within")]
    Within,
    /// Above the upper 95% limit (inside the 99.8% limits).
    #[serde(rename = "above_95")]
    Above95,
    /// Above the upper 99.8% limit.
    #[serde(rename = "above_99_8")]
    Above99_8,
    /// No place on the funnel.
    #[serde(rename = "not_estimable")]
    NotEstimable,
}

impl Flag {
    /// The flag as written in JSON and CSV (`above_99_8`, ..., `not_estimable`).
    pub fn name(self) -> &'static str {
        match self {
            Flag::Below99_8 => "below_99_8",
            Flag::Below95 => "below_95",
            Flag::Within => "within",
            Flag::Above95 => "above_95",
            Flag::Above99_8 => "above_99_8",
            Flag::NotEstimable => "not_estimable",
        }
    }
}

impl Flag {
    /// Where the trust lies, in words, for a reader.
    ///
    /// ```
    /// use wres_wdes::stats::funnel::Flag;
    /// assert_eq!(Flag::Above99_8.words(), "Above the 99.8% limit");
    /// ```
    pub fn words(self) -> &'static str {
        match self {
            Flag::Below99_8 => "Below the 99.8% limit",
            Flag::Below95 => "Below the 95% limit",
            Flag::Within => "Within the limits",
            Flag::Above95 => "Above the 95% limit",
            Flag::Above99_8 => "Above the 99.8% limit",
            Flag::NotEstimable => "Not on the plot",
        }
    }

    /// True beyond a 95% limit (so beyond a 99.8% one too).
    pub fn outside(self) -> bool {
        matches!(self, Flag::Below99_8 | Flag::Below95 | Flag::Above95 | Flag::Above99_8)
    }
}

/// The flag of `y` against `limits` (both on the log scale).
///
/// ```
/// use wres_wdes::stats::funnel::{flag, limits, Flag};
/// let l = limits(0.0, 0.1, 0.0); // 95%: ±0.196; 99.8%: ±0.309
/// assert_eq!(flag(0.25, &l), Flag::Above95);
/// assert_eq!(flag(-0.4, &l), Flag::Below99_8);
/// assert_eq!(flag(0.1, &l), Flag::Within);
/// ```
pub fn flag(y: f64, limits: &Limits) -> Flag {
    if y > limits.high_99_8 {
        Flag::Above99_8
    } else if y > limits.high_95 {
        Flag::Above95
    } else if y < limits.low_99_8 {
        Flag::Below99_8
    } else if y < limits.low_95 {
        Flag::Below95
    } else {
        Flag::Within
    }
}

/// One point of the funnel's limit lines, for drawing them: the limits (log scale) at an information.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CurvePoint {
    /// The information `1/s²` at which the limits are taken.
    pub information: f64,
    /// The limits there.
    #[serde(flatten)]
    pub limits: Limits,
}

/// The limit lines at `steps + 1` informations spaced evenly on a log scale from `from` to `to` (both > 0).
/// Empty when the range is not positive and finite or `steps` is 0.
///
/// ```
/// use wres_wdes::stats::funnel::curve;
/// let c = curve(0.0, 0.0, 1.0, 100.0, 2);
/// assert_eq!(c.len(), 3);
/// assert!((c[1].information - 10.0).abs() < 1e-12);
/// ```
pub fn curve(centre: f64, tau2: f64, from: f64, to: f64, steps: usize) -> Vec<CurvePoint> {
    if !(from > 0.0 && to >= from && to.is_finite()) || steps == 0 {
        return Vec::new();
    }
    let (lo, hi) = (from.ln(), to.ln());
    (0..=steps)
        .map(|i| {
            let information = if i == steps { to } else { (lo + (hi - lo) * i as f64 / steps as f64).exp() };
            CurvePoint { information, limits: limits(centre, 1.0 / information.sqrt(), tau2) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64, tol: f64) -> bool {
        (x - y).abs() <= tol
    }

    #[test]
    fn point_by_hand() {
        // 12/200 vs 30/150: RR = (12·150)/(30·200) = 0.3;
        // s² = 1/12 − 1/200 + 1/30 − 1/150 = (50 − 3 + 20 − 4)/600 = 63/600 = 0.105.
        let p = point(&TwoGroups { a: 12, n1: 200, c: 30, n2: 150 }).unwrap();
        let s2 = 0.105f64;
        assert!(close(p.y, 0.3f64.ln(), 1e-15));
        assert!(close(p.s, s2.sqrt(), 1e-15));
        assert!(close(p.information, 1.0 / s2, 1e-9));
    }

    #[test]
    fn unplaced_reasons() {
        let g = |a, n1, c, n2| point(&TwoGroups { a, n1, c, n2 });
        assert_eq!(g(0, 0, 3, 10), Err(Unplaced::EmptyGroup));
        assert_eq!(g(0, 10, 0, 10), Err(Unplaced::NoEvents));
        assert_eq!(g(0, 10, 3, 10), Err(Unplaced::NoNumeratorEvents));
        assert_eq!(g(3, 10, 0, 10), Err(Unplaced::NoComparisonEvents));
        assert_eq!(g(10, 10, 7, 7), Err(Unplaced::NoVariation));
        assert_eq!(g(11, 10, 7, 7), Err(Unplaced::InvalidCounts));
        // Everyone in one group only still has a standard error (from the other group).
        assert!(g(10, 10, 3, 7).is_ok());
    }

    #[test]
    fn limits_by_hand() {
        // Centre ln 1.5 = 0.405465108; s = 0.2, τ² = 0.01: √(0.04 + 0.01) = √0.05 = 0.223606798.
        // 95%:   ±1.959964 × 0.223606798 = ±0.438261274 -> 0.405465108 ± 0.438261274 = −0.032796166, 0.843726382.
        // 99.8%: ±3.090232 × 0.223606798 = ±0.690996882 -> −0.285531774, 1.096461990.
        let l = limits(1.5f64.ln(), 0.2, 0.01);
        assert!(close(l.low_95, -0.032_796_166, 1e-8), "{l:?}");
        assert!(close(l.high_95, 0.843_726_382, 1e-8), "{l:?}");
        assert!(close(l.low_99_8, -0.285_531_774, 1e-8), "{l:?}");
        assert!(close(l.high_99_8, 1.096_461_990, 1e-8), "{l:?}");
        // As ratios: e^0.843726382 = 2.325015, the upper 95% limit of a trust at s = 0.2 around 1.5.
        assert!(close(l.high_95.exp(), 2.325_015, 1e-6), "{}", l.high_95.exp());
    }

    #[test]
    fn dersimonian_laird_by_hand() {
        // Three trusts (y, s²): (0, 0.04), (0.5, 0.04), (1.0, 0.01); weights x = 1/s² = 25, 25, 100.
        //   Σx = 150, Σxy = 0 + 12.5 + 100 = 112.5, mean = 0.75;
        //   Q = 25·(0 − 0.75)² + 25·(0.5 − 0.75)² + 100·(1 − 0.75)² = 14.0625 + 1.5625 + 6.25 = 21.875, df 2;
        //   p = P(χ²₂ > 21.875) = e^(−21.875/2) = 1.7794e-5 < 0.05, so over-dispersed;
        //   Σx² = 625 + 625 + 10000 = 11250, Σx − Σx²/Σx = 150 − 75 = 75;
        //   τ² = (21.875 − 2)/75 = 0.265.
        let p = [
            FunnelPoint::new(0.0, 0.2).unwrap(),
            FunnelPoint::new(0.5, 0.2).unwrap(),
            FunnelPoint::new(1.0, 0.1).unwrap(),
        ];
        let d = dispersion(&p).unwrap();
        assert_eq!((d.trusts, d.df), (3, 2));
        assert!(close(d.mean, 0.75, 1e-12));
        assert!(close(d.q, 21.875, 1e-9));
        assert!(close(d.p_value, (-21.875f64 / 2.0).exp(), 1e-12), "{}", d.p_value);
        assert!(close(d.tau2_dersimonian_laird, 0.265, 1e-9));
        assert!(d.over_dispersed());
        assert_eq!(d.tau2(), d.tau2_dersimonian_laird);
    }

    #[test]
    fn dersimonian_laird_published_bcg_trials() {
        // The 13 BCG vaccine trials (Colditz et al. 1994, JAMA 271:698-702; metafor's `dat.bcg`): TB cases and
        // totals in the vaccinated and the control arm. On the log risk ratio with these (Katz) variances,
        // metafor's `rma(yi, vi, method = "DL")` (Viechtbauer 2010, J Stat Softw 36(3); the metafor project's
        // replication of Borenstein et al. 2009) reports Q(df = 12) = 152.2330, tau^2 = 0.3088 and the random-
        // effects estimate -0.7141 (se 0.1787); the fixed-effect (inverse-variance) estimate is -0.4303.
        let trials: [(u64, u64, u64, u64); 13] = [
            (4, 119, 11, 128),
            (6, 300, 29, 274),
            (3, 228, 11, 209),
            (62, 13536, 248, 12619),
            (33, 5036, 47, 5761),
            (180, 1361, 372, 1079),
            (8, 2537, 10, 619),
            (505, 87886, 499, 87892),
            (29, 7470, 45, 7232),
            (17, 1699, 65, 1600),
            (186, 50448, 141, 27197),
            (5, 2493, 3, 2338),
            (27, 16886, 29, 17825),
        ];
        let points: Vec<FunnelPoint> = trials
            .iter()
            .map(|&(tp, tn, cp, cn)| point(&TwoGroups { a: tp, n1: tp + tn, c: cp, n2: cp + cn }).unwrap())
            .collect();
        let d = dispersion(&points).unwrap();
        assert_eq!(d.df, 12);
        assert!(close(d.q, 152.2330, 5e-5), "Q {}", d.q);
        assert!(close(d.mean, -0.4303, 5e-5), "mean {}", d.mean);
        assert!(close(d.tau2_dersimonian_laird, 0.3088, 5e-5), "tau2 {}", d.tau2_dersimonian_laird);
        assert!(d.p_value < 1e-4 && d.over_dispersed());
        // The random-effects estimate with weights 1/(s² + τ²), as a check that τ² enters as metafor uses it.
        let w: Vec<f64> = points.iter().map(|p| 1.0 / (p.s * p.s + d.tau2())).collect();
        let est = points.iter().zip(&w).map(|(p, w)| w * p.y).sum::<f64>() / w.iter().sum::<f64>();
        assert!(close(est, -0.7141, 5e-5), "estimate {est}");
        assert!(close((1.0 / w.iter().sum::<f64>()).sqrt(), 0.1787, 5e-5));
    }

    #[test]
    fn no_over_dispersion_gives_no_tau2() {
        // Two trusts close together: Q small, p large; the DerSimonian-Laird estimate is 0 anyway (Q < df), and
        // tau2() is 0.
        let p = [FunnelPoint::new(0.10, 0.2).unwrap(), FunnelPoint::new(0.12, 0.2).unwrap()];
        let d = dispersion(&p).unwrap();
        assert!(!d.over_dispersed());
        assert_eq!(d.tau2(), 0.0);
        assert!(dispersion(&p[..1]).is_none());
    }

    #[test]
    fn flags_at_the_limits() {
        let l = limits(0.0, 0.1, 0.0);
        assert_eq!(flag(l.high_95, &l), Flag::Within, "on the limit is inside");
        assert_eq!(flag(l.high_99_8, &l), Flag::Above95);
        assert_eq!(flag(l.low_95, &l), Flag::Within);
        assert_eq!(flag(l.low_99_8, &l), Flag::Below95);
        assert_eq!(Flag::Above99_8.name(), "above_99_8");
        assert_eq!(serde_json::to_string(&Flag::Below99_8).unwrap(), "\"below_99_8\"");
    }
}
