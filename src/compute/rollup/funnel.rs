//! The funnel of one relative likelihood across a system's trusts: each trust's place (ln ratio, Katz standard
//! error, information), its 95% and 99.8% limits around the system's Mantel-Haenszel ratio at its own standard
//! error, its flag, the over-dispersion test and `τ²` (see [`crate::stats::funnel`]), and the limit lines to draw.

use serde::Serialize;

use super::digest::TrustDigest;
use crate::compute::results::{Ci, Figures, IndicatorResult, Status};
use crate::stats::funnel::{self, curve, dispersion, flag, limits, point, Dispersion, Flag, Limits, Unplaced};
use crate::stats::{Assessment, TwoGroups};

/// Points on each limit line: the informations from half the smallest trust's to one and a half times the
/// largest's, evenly spaced on a log scale.
const CURVE_STEPS: usize = 40;

/// The funnel of one relative likelihood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funnel {
    /// The centre line: the Mantel-Haenszel common ratio θ (`None` when it is not defined or is 0).
    pub centre: Option<f64>,
    /// `ln θ`.
    pub centre_ln: Option<f64>,
    /// The normal deviate of the 95% limits.
    pub z_95: f64,
    /// The normal deviate of the 99.8% limits.
    pub z_99_8: f64,
    /// Trusts placed on the funnel (events in both groups).
    pub trusts_placed: usize,
    /// Cochran's Q about the inverse-variance mean of ln(ratio) over the trusts placed, its p-value and the
    /// DerSimonian-Laird `τ²`; `None` with fewer than two trusts placed.
    pub dispersion: Option<Dispersion>,
    /// Whether Q showed over-dispersion (p < 0.05); false when it could not be tested.
    pub over_dispersed: bool,
    /// The `τ²` the limits use: the DerSimonian-Laird estimate when over-dispersed, else 0.
    pub tau2: f64,
    /// Whether the trusts differ, in words (Cochran's Q, its degrees of freedom and p-value).
    pub dispersion_words: String,
    /// One entry per trust, in manifest order.
    pub trusts: Vec<FunnelTrust>,
    /// The limit lines to draw: at each information, the four limits as ratios.
    pub curve: Vec<CurvePoint>,
}

/// One trust on (or off) the funnel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunnelTrust {
    /// The trust's label (organisation code, else name).
    pub trust: String,
    /// Its name.
    pub name: String,
    /// Events in the numerator group.
    pub numerator_events: Option<u64>,
    /// Members of the numerator group.
    pub numerator_total: Option<u64>,
    /// Events in the comparison group.
    pub denominator_events: Option<u64>,
    /// Members of the comparison group.
    pub denominator_total: Option<u64>,
    /// The trust's relative likelihood, as its own results give it.
    pub ratio: Option<f64>,
    /// Its interval, as its own results give it.
    pub ci: Option<Ci>,
    /// Whether that interval excludes 1.
    pub significant: Option<bool>,
    /// Within or outside the non-adverse range.
    pub assessment: Assessment,
    /// `ln(ratio)`.
    pub y: Option<f64>,
    /// The Katz standard error of `y`.
    pub s: Option<f64>,
    /// `1/s²`.
    pub information: Option<f64>,
    /// The limits at this trust's standard error, as ratios: `exp(ln θ ± z·√(s² + τ²))`.
    pub limits: Option<Limits>,
    /// Where it lies: `above_99_8`, `above_95`, `within`, `below_95`, `below_99_8` or `not_estimable`.
    pub flag: Flag,
    /// Why it is not on the funnel, as a stable word: `not_reported`, `no_data`, `withheld`, `empty_group`,
    /// `no_events`, `no_numerator_events`, `no_comparison_events`, `no_variation`, `invalid_counts`,
    /// `no_centre`.
    pub not_estimable: Option<&'static str>,
    /// The same in words.
    pub reason: Option<String>,
}

/// The limits (as ratios) at one information.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CurvePoint {
    /// The information `1/s²`.
    pub information: f64,
    /// The limits there, as ratios.
    #[serde(flatten)]
    pub limits: Limits,
}

fn exp(l: Limits) -> Limits {
    Limits {
        low_99_8: l.low_99_8.exp(),
        low_95: l.low_95.exp(),
        high_95: l.high_95.exp(),
        high_99_8: l.high_99_8.exp(),
    }
}

fn code(u: Unplaced) -> &'static str {
    match u {
        Unplaced::EmptyGroup => "empty_group",
        Unplaced::NoEvents => "no_events",
        Unplaced::NoNumeratorEvents => "no_numerator_events",
        Unplaced::NoComparisonEvents => "no_comparison_events",
        Unplaced::NoVariation => "no_variation",
        Unplaced::InvalidCounts => "invalid_counts",
    }
}

/// A trust's entry before the limits: its counts and ratio, and its point or why it has none.
fn entry(t: &TrustDigest, id: &str, num: &str, den: &str) -> (FunnelTrust, Option<funnel::FunnelPoint>) {
    let mut e = FunnelTrust {
        trust: t.trust.clone(),
        name: t.name.clone(),
        numerator_events: None,
        numerator_total: None,
        denominator_events: None,
        denominator_total: None,
        ratio: None,
        ci: None,
        significant: None,
        assessment: Assessment::NotEstimable,
        y: None,
        s: None,
        information: None,
        limits: None,
        flag: Flag::NotEstimable,
        not_estimable: None,
        reason: None,
    };
    let unplaced = |mut e: FunnelTrust, code: &'static str, reason: String| {
        e.not_estimable = Some(code);
        e.reason = Some(reason);
        (e, None)
    };
    let Some(IndicatorResult { figures: Figures::RelativeLikelihood(f), status, reason, .. }) = t.indicator(id) else {
        return unplaced(e, "not_reported", format!("the trust's results hold no {id}"));
    };
    let group = |label: &str| f.groups.iter().find(|g| g.group == label);
    (e.numerator_events, e.numerator_total) = group(num).map_or((None, None), |g| (g.events, g.total));
    (e.denominator_events, e.denominator_total) = group(den).map_or((None, None), |g| (g.events, g.total));
    e.assessment = f.assessment;
    if let Some(r) = &f.ratio {
        e.ratio = r.value;
        e.ci = r.ci.clone();
        e.significant = r.significant;
    }
    if f.ratio.is_none() || *status == Status::NoData {
        let why = reason.clone().unwrap_or_else(|| format!("the trust has no {id} figures"));
        return unplaced(e, "no_data", why);
    }
    let (Some(a), Some(n1), Some(c), Some(n2)) =
        (e.numerator_events, e.numerator_total, e.denominator_events, e.denominator_total)
    else {
        return unplaced(e, "withheld", "its counts are withheld by disclosure control".to_string());
    };
    match point(&TwoGroups { a, n1, c, n2 }) {
        Ok(p) => {
            (e.y, e.s, e.information) = (Some(p.y), Some(p.s), Some(p.information));
            (e, Some(p))
        }
        Err(u) => unplaced(e, code(u), u.describe(num, den)),
    }
}

/// Cochran's Q in words, for the system summary.
fn words(d: Option<&Dispersion>) -> String {
    let Some(d) = d else {
        return "Fewer than two trusts have people with the outcome in both groups, so whether the trusts differ \
                cannot be tested."
            .to_string();
    };
    let p = if d.p_value < 0.001 { "p < 0.001".to_string() } else { format!("p = {:.3}", d.p_value) };
    let test = format!("Cochran's Q = {:.2} on {} degrees of freedom, {p}", d.q, d.df);
    if d.over_dispersed() {
        format!(
            "The trusts differ more than chance alone would explain ({test}), so the funnel limits are widened by \
             the spread between trusts (tau\u{b2} = {:.4}).",
            d.tau2()
        )
    } else {
        format!("The trusts differ no more than chance would explain ({test}).")
    }
}

/// The funnel of indicator `id` (numerator group `num` over `den`) across `trusts`, centred on the
/// Mantel-Haenszel ratio `centre`.
pub fn funnel(id: &str, num: &str, den: &str, trusts: &[TrustDigest], centre: Option<f64>) -> Funnel {
    let (mut entries, points): (Vec<FunnelTrust>, Vec<Option<funnel::FunnelPoint>>) =
        trusts.iter().map(|t| entry(t, id, num, den)).unzip();
    let placed: Vec<funnel::FunnelPoint> = points.iter().flatten().copied().collect();
    let dispersion = dispersion(&placed);
    let tau2 = dispersion.as_ref().map_or(0.0, Dispersion::tau2);
    let centre_ln = centre.filter(|c| *c > 0.0 && c.is_finite()).map(f64::ln);
    let mut curve_points = Vec::new();
    if let Some(ln) = centre_ln {
        for (e, p) in entries.iter_mut().zip(&points) {
            if let Some(p) = p {
                let l = limits(ln, p.s, tau2);
                e.flag = flag(p.y, &l);
                e.limits = Some(exp(l));
            }
        }
        let (lo, hi) =
            placed.iter().fold((f64::MAX, 0.0f64), |(lo, hi), p| (lo.min(p.information), hi.max(p.information)));
        if !placed.is_empty() {
            curve_points = curve(ln, tau2, lo / 2.0, hi * 1.5, CURVE_STEPS)
                .into_iter()
                .map(|c| CurvePoint { information: c.information, limits: exp(c.limits) })
                .collect();
        }
    } else {
        for (e, p) in entries.iter_mut().zip(&points) {
            if p.is_some() {
                e.not_estimable = Some("no_centre");
                e.reason = Some("the system has no common ratio to centre the funnel on".to_string());
            }
        }
    }
    Funnel {
        centre: centre_ln.and(centre),
        centre_ln,
        z_95: funnel::Z_95,
        z_99_8: funnel::Z_99_8,
        trusts_placed: placed.len(),
        over_dispersed: dispersion.as_ref().is_some_and(Dispersion::over_dispersed),
        tau2,
        dispersion_words: words(dispersion.as_ref()),
        dispersion,
        trusts: entries,
        curve: curve_points,
    }
}
