//! The non-adverse range (0.80 to 1.25) and significance (the interval excludes 1).

use super::{Assessment, Interval, TwoGroups};

/// Whether the relative likelihood lies in the non-adverse range 0.80–1.25 inclusive, decided on the exact fraction
/// `(a·n2)/(c·n1)` in 128-bit integers: within when `5·a·n2 ≥ 4·c·n1` and `4·a·n2 ≤ 5·c·n1` (NHS England, *A fair
/// experience for all*, 2019: the four-fifths rule). So an exact 5/4 whose float is 1.2500000000000002 is within.
/// `NotEstimable` when there is no ratio (`c·n1 = 0`: an empty group or a comparison rate of 0).
///
/// ```
/// use wres_wdes::stats::{assessment::assess, Assessment, TwoGroups};
/// assert_eq!(assess(&TwoGroups { a: 25, n1: 178, c: 20, n2: 178 }), Assessment::WithinNonAdverseRange);
/// assert_eq!(assess(&TwoGroups { a: 251, n1: 1000, c: 200, n2: 1000 }), Assessment::OutsideNonAdverseRange);
/// assert_eq!(assess(&TwoGroups { a: 9, n1: 52, c: 0, n2: 7 }), Assessment::NotEstimable);
/// ```
pub fn assess(g: &TwoGroups) -> Assessment {
    if g.n1 == 0 || g.n2 == 0 || g.c == 0 {
        return Assessment::NotEstimable;
    }
    // Products of two u64 fit in u128 with room for a factor of 5.
    let num = u128::from(g.a) * u128::from(g.n2);
    let den = u128::from(g.c) * u128::from(g.n1);
    let (num4, num5) = (num.saturating_mul(4), num.saturating_mul(5));
    let (den4, den5) = (den.saturating_mul(4), den.saturating_mul(5));
    if num5 >= den4 && num4 <= den5 {
        Assessment::WithinNonAdverseRange
    } else {
        Assessment::OutsideNonAdverseRange
    }
}

/// *Significant*: the interval excludes 1, i.e. `low > 1` or `high < 1`. An unbounded upper
/// limit only excludes 1 from above when `low > 1`.
///
/// ```
/// use wres_wdes::stats::{assessment::excludes_one, Interval};
/// assert!(excludes_one(&Interval { low: 1.2, high: None }));
/// assert!(!excludes_one(&Interval { low: 0.8, high: Some(1.0) }));
/// ```
pub fn excludes_one(ci: &Interval) -> bool {
    ci.low > 1.0 || ci.high.is_some_and(|h| h < 1.0)
}
