//! The relative likelihood `(a/n1)/(c/n2)`, computed as the exact fraction `(a·n2)/(c·n1)` rounded once.

use super::{NotEstimable, TwoGroups};

/// Why a relative likelihood is or is not estimable, in this order:
/// an empty group first, then both rates 0, then the comparison rate 0.
///
/// ```
/// use wres_wdes::stats::{ratio::estimability, NotEstimable, TwoGroups};
/// assert_eq!(estimability(&TwoGroups { a: 0, n1: 14, c: 6, n2: 31 }), Ok(()));
/// assert_eq!(estimability(&TwoGroups { a: 9, n1: 52, c: 0, n2: 7 }), Err(NotEstimable::ComparisonRateZero));
/// ```
pub fn estimability(g: &TwoGroups) -> Result<(), NotEstimable> {
    if g.n1 == 0 || g.n2 == 0 {
        Err(NotEstimable::EmptyGroup)
    } else if g.a == 0 && g.c == 0 {
        Err(NotEstimable::BothRatesZero)
    } else if g.c == 0 {
        Err(NotEstimable::ComparisonRateZero)
    } else {
        Ok(())
    }
}

/// The relative likelihood `RR = (a/n1)/(c/n2)`, evaluated as `(a·n2)/(c·n1)` with exact 128-bit integer products
/// and a single correctly rounded division (so an exact 5/4 is exactly 1.25, unlike the float expression, which can
/// give 1.2500000000000002). 0 when `a = 0 < c`. Matches SciPy's `relative_risk(a, n1, c, n2).relative_risk`
/// (Katz et al. 1978) wherever that is finite.
///
/// ```
/// use wres_wdes::stats::{ratio::relative_likelihood, TwoGroups};
/// assert_eq!(relative_likelihood(&TwoGroups { a: 25, n1: 178, c: 20, n2: 178 }), Ok(1.25));
/// ```
pub fn relative_likelihood(g: &TwoGroups) -> Result<f64, NotEstimable> {
    estimability(g)?;
    let (num, den) = exact_fraction(g);
    Ok(div_round(num, den))
}

/// The exact products `(a·n2, c·n1)` whose quotient is the relative likelihood (not reduced).
pub fn exact_fraction(g: &TwoGroups) -> (u128, u128) {
    (u128::from(g.a) * u128::from(g.n2), u128::from(g.c) * u128::from(g.n1))
}

/// `num/den` correctly rounded to the nearest `f64` (ties to even), for any 128-bit integers. Never infinite or
/// NaN: `den = 0` returns 0, so callers decide what a zero denominator means before calling.
///
/// Long division: integer part, then fraction bits until the quotient has at least 64 significant bits, with the
/// remainder folded into a sticky bit so the final `u128 → f64` conversion rounds exactly once.
pub fn div_round(num: u128, den: u128) -> f64 {
    if den == 0 || num == 0 {
        return 0.0;
    }
    let mut m = num / den;
    let mut r = num % den;
    let mut e: i32 = 0;
    while m < (1u128 << 64) {
        // r < den; next bit of the quotient is 1 when 2r >= den, written without overflow.
        let bit = r >= den - r;
        r = if bit { r - (den - r) } else { r + r };
        m = (m << 1) | u128::from(bit);
        e -= 1;
    }
    if r != 0 {
        m |= 1;
    }
    (m as f64) * 2f64.powi(e)
}

/// Whether the counts are consistent (`a <= n1`, `c <= n2`). [`TwoGroups::new`] enforces this, but the fields are
/// public, so every function here checks it and returns `None` for inconsistent counts rather than panicking.
pub fn is_consistent(g: &TwoGroups) -> bool {
    g.a <= g.n1 && g.c <= g.n2
}
