//! Direction against last year: better, worse, or no real change, where "real" means beyond the interval.
//!
//! A figure and last year's are compared on the figure's scale (logarithm of a ratio; points otherwise):
//! - with an interval both years: the change is real when it exceeds `z x sqrt(se_now² + se_then²)`, each
//!   standard error read from its interval as `(high - low) / (2z)` (a test of the difference of two estimates);
//! - with an interval one year only: when the other year's value lies outside it;
//! - with none (the board, the engagement score gap): when it is at least the figure's resolution (half a
//!   member's share of the voting board; 0.1 score points).
//!
//! "Better" is better for the protected group: a lower relative likelihood (each is oriented so that above 1 is
//! adverse), a gap or share that moved in its favour.

use serde::Serialize;

/// A figure on the board page with its interval: what its status was judged on and what its change is read
/// from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Judged {
    /// The value.
    pub value: f64,
    /// Lower end of its interval.
    pub low: Option<f64>,
    /// Upper end (`None`: no interval, or no finite upper limit when `low` is given).
    pub high: Option<f64>,
    /// `log` (relative likelihoods) or `linear`.
    pub scale: Scale,
    /// Which way is better for the protected group.
    pub better: Better,
    /// The smallest change that counts as real when neither year has an interval.
    pub resolution: Option<f64>,
}

/// The scale a figure's changes are read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Logarithm (ratios).
    Log,
    /// As it is.
    Linear,
}

/// Which way is better for the protected group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// Lower values.
    Lower,
    /// Higher values.
    Higher,
}

/// The direction of a change from last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A real change, better for the protected group.
    Better,
    /// A real change, worse for it.
    Worse,
    /// Within the intervals.
    NoRealChange,
    /// Last year's figure was made with other settings or another definition.
    NotComparable,
}

impl Direction {
    /// The direction in words.
    pub fn words(self) -> &'static str {
        match self {
            Direction::Better => "better",
            Direction::Worse => "worse",
            Direction::NoRealChange => "no real change",
            Direction::NotComparable => "not comparable",
        }
    }
}

/// Last year's value of a figure, with its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Then {
    /// The value.
    pub value: f64,
    /// Lower end.
    pub low: Option<f64>,
    /// Upper end.
    pub high: Option<f64>,
}

fn on(scale: Scale, x: f64) -> Option<f64> {
    match scale {
        Scale::Log if x > 0.0 && x.is_finite() => Some(x.ln()),
        Scale::Log => None,
        Scale::Linear => x.is_finite().then_some(x),
    }
}

/// The standard error behind an interval on `scale`, `None` without both finite ends.
fn se(scale: Scale, low: Option<f64>, high: Option<f64>, z: f64) -> Option<f64> {
    let (l, h) = (on(scale, low?)?, on(scale, high?)?);
    (h >= l && z > 0.0).then(|| (h - l) / (2.0 * z))
}

fn outside(x: f64, low: Option<f64>, high: Option<f64>) -> bool {
    match low {
        Some(l) => x < l || x > high.unwrap_or(f64::INFINITY),
        None => false,
    }
}

/// The direction of `now` against `then`, at the interval's `z` (1.96 for 95%).
///
/// ```
/// use wres_wdes::compute::direction::{direction, Better, Direction, Judged, Scale, Then};
/// // WRES 2 fell from 1.53 (1.30 to 1.80) to 1.41 (1.20 to 1.64): within the intervals.
/// let now = Judged { value: 1.41, low: Some(1.20), high: Some(1.64), scale: Scale::Log, better: Better::Lower,
///                    resolution: None };
/// let then = Then { value: 1.53, low: Some(1.30), high: Some(1.80) };
/// assert_eq!(direction(&now, &then, 1.959964), Direction::NoRealChange);
/// ```
pub fn direction(now: &Judged, then: &Then, z: f64) -> Direction {
    let (Some(a), Some(b)) = (on(now.scale, now.value), on(now.scale, then.value)) else {
        return Direction::NoRealChange;
    };
    let delta = a - b;
    let real = match (se(now.scale, now.low, now.high, z), se(now.scale, then.low, then.high, z)) {
        (Some(s1), Some(s0)) => delta.abs() > z * (s1 * s1 + s0 * s0).sqrt(),
        _ if now.low.is_some() || then.low.is_some() => {
            outside(then.value, now.low, now.high) || outside(now.value, then.low, then.high)
        }
        _ => (now.value - then.value).abs() >= now.resolution.unwrap_or(1e-9),
    };
    if !real {
        Direction::NoRealChange
    } else if (delta < 0.0) == (now.better == Better::Lower) {
        Direction::Better
    } else {
        Direction::Worse
    }
}

/// How far a figure lies from `neutral` in standard errors of its interval (0 without an interval): how certain
/// it is, for ranking the key messages.
///
/// ```
/// use wres_wdes::compute::direction::{certainty, Better, Judged, Scale};
/// let gap = Judged { value: 8.2, low: Some(3.6), high: Some(13.5), scale: Scale::Linear, better: Better::Lower,
///                    resolution: None };
/// assert!((certainty(&gap, 0.0, 1.959964) - 8.2 / (9.9 / (2.0 * 1.959964))).abs() < 1e-9);
/// ```
pub fn certainty(f: &Judged, neutral: f64, z: f64) -> f64 {
    match (se(f.scale, f.low, f.high, z), on(f.scale, f.value), on(f.scale, neutral)) {
        (Some(s), Some(v), Some(n)) if s > 0.0 => (v - n).abs() / s,
        _ => 0.0,
    }
}

/// How far a figure moved from last year in standard errors of the change (its absolute change over the
/// resolution without intervals); 0 without last year.
pub fn movement(now: &Judged, then: &Then, z: f64) -> f64 {
    let (Some(a), Some(b)) = (on(now.scale, now.value), on(now.scale, then.value)) else { return 0.0 };
    match (se(now.scale, now.low, now.high, z), se(now.scale, then.low, then.high, z)) {
        (Some(s1), Some(s0)) if s1 + s0 > 0.0 => (a - b).abs() / (s1 * s1 + s0 * s0).sqrt(),
        _ => (now.value - then.value).abs() / now.resolution.unwrap_or(1.0).max(1e-9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const Z: f64 = 1.959963984540054;

    fn ratio(value: f64, low: f64, high: f64) -> Judged {
        Judged { value, low: Some(low), high: Some(high), scale: Scale::Log, better: Better::Lower, resolution: None }
    }

    #[test]
    fn a_ratio_that_halved_with_tight_intervals_is_better() {
        // ln 2.0 - ln 1.0 = 0.693; each se = ln(1.1/0.9) / 3.92 = 0.0512: the change is 9.6 se of the difference.
        let now = ratio(1.0, 0.9, 1.1);
        let then = Then { value: 2.0, low: Some(1.8), high: Some(2.2) };
        assert_eq!(direction(&now, &then, Z), Direction::Better);
        let worse = direction(&ratio(2.0, 1.8, 2.2), &Then { value: 1.0, low: Some(0.9), high: Some(1.1) }, Z);
        assert_eq!(worse, Direction::Worse);
    }

    #[test]
    fn the_two_interval_rule_by_hand() {
        // Gaps: now 8.0 (4.0 to 12.0), then 2.0 (-2.0 to 6.0): se = 8/3.92 = 2.041 each; the change 6.0 against
        // 1.96 x 2.886 = 5.657: real, and a higher gap where lower is better is worse.
        let now = Judged {
            value: 8.0,
            low: Some(4.0),
            high: Some(12.0),
            scale: Scale::Linear,
            better: Better::Lower,
            resolution: None,
        };
        assert_eq!(direction(&now, &Then { value: 2.0, low: Some(-2.0), high: Some(6.0) }, Z), Direction::Worse);
        // 5.5 points apart: 5.5 < 5.657, no real change.
        assert_eq!(direction(&now, &Then { value: 2.5, low: Some(-1.5), high: Some(6.5) }, Z), Direction::NoRealChange);
    }

    #[test]
    fn with_one_interval_the_other_value_must_lie_outside_it() {
        let now = ratio(1.41, 1.20, 1.64);
        assert_eq!(direction(&now, &Then { value: 1.7, low: None, high: None }, Z), Direction::Better);
        assert_eq!(direction(&now, &Then { value: 1.6, low: None, high: None }, Z), Direction::NoRealChange);
    }

    #[test]
    fn without_intervals_the_resolution_decides() {
        // A board of 10 voting members: half a member's share is 5 points.
        let now = Judged {
            value: -2.0,
            low: None,
            high: None,
            scale: Scale::Linear,
            better: Better::Higher,
            resolution: Some(5.0),
        };
        assert_eq!(direction(&now, &Then { value: -12.0, low: None, high: None }, Z), Direction::Better);
        assert_eq!(direction(&now, &Then { value: -4.0, low: None, high: None }, Z), Direction::NoRealChange);
    }

    #[test]
    fn an_open_interval_counts_as_one_interval() {
        // No finite upper limit this year: last year's 0.5 lies below 0.9, so the rise is real.
        let now = Judged { high: None, ..ratio(3.0, 0.9, 1.0) };
        assert_eq!(direction(&now, &Then { value: 0.5, low: Some(0.3), high: Some(0.8) }, Z), Direction::Worse);
    }
}
