//! Unit tests of the statistics module against hand-worked and published values.

use super::disclosure::{disclose_count, disclose_table, survey_suppressed, Disclosed};
use super::fisher::fisher_exact;
use super::proportion::{newcombe_difference, wilson, wilson_percent};
use super::ratio::div_round;
use super::*;

#[test]
fn div_round_is_correctly_rounded() {
    assert_eq!(div_round(1, 3), 1.0 / 3.0);
    assert_eq!(div_round(5, 4), 1.25);
    assert_eq!(div_round(0, 7), 0.0);
    assert_eq!(div_round(7, 0), 0.0);
    // 2^53 + 1 is not a double; (2^53 + 1)/1 rounds to even (2^53), and (2^54 + 3)/2 = 2^53 + 1.5 rounds up.
    assert_eq!(div_round((1 << 53) + 1, 1), 9007199254740992.0);
    assert_eq!(div_round((1 << 54) + 3, 2), 9007199254740994.0);
    assert_eq!(div_round(u128::MAX, u128::MAX), 1.0);
    assert_eq!(div_round(u128::MAX, 1), 2f64.powi(128));
}

#[test]
fn wilson_published_values() {
    // Newcombe (1998a), Table I: 81/263 -> 0.2553, 0.3662; 15/148 -> 0.0624, 0.1605; 0/20 -> 0, 0.1611;
    // 1/29 -> 0.0061, 0.1718.
    for (x, n, lo, hi) in [
        (81.0, 263.0, 0.2553, 0.3662),
        (15.0, 148.0, 0.0624, 0.1605),
        (0.0, 20.0, 0.0, 0.1611),
        (1.0, 29.0, 0.0061, 0.1718),
    ] {
        let ci = wilson(x, n, 0.95).expect("interval");
        assert!((ci.low - lo).abs() < 5e-5 && (ci.high.expect("high") - hi).abs() < 5e-5, "{x}/{n}: {ci:?}");
    }
    assert_eq!(wilson(0.0, 20.0, 0.95).map(|c| c.low), Some(0.0));
    assert_eq!(wilson(20.0, 20.0, 0.95).and_then(|c| c.high), Some(1.0));
    assert!(wilson(21.0, 20.0, 0.95).is_none());
    assert!(wilson(1.0, 0.0, 0.95).is_none());
    assert!(wilson(1.0, 10.0, 1.0).is_none());
    // A survey percentage with a fractional count of successes.
    let ci = wilson_percent(37.5, 123.0, 0.95).expect("interval");
    assert!(ci.low < 37.5 && ci.high.expect("high") > 37.5);
    assert!(wilson_percent(101.0, 10.0, 0.95).is_none());
}

#[test]
fn newcombe_published_values() {
    // Newcombe (1998b), Table II, method 10: 56/70-48/80 -> 0.0524, 0.3339; 9/10-3/10 -> 0.1705, 0.8090;
    // 6/7-2/7 -> 0.0582, 0.8062.
    for (x1, n1, x2, n2, lo, hi) in [
        (56.0, 70.0, 48.0, 80.0, 0.0524, 0.3339),
        (9.0, 10.0, 3.0, 10.0, 0.1705, 0.8090),
        (6.0, 7.0, 2.0, 7.0, 0.0582, 0.8062),
    ] {
        let ci = newcombe_difference(x1, n1, x2, n2, 0.95).expect("interval");
        assert!(
            (ci.low - lo).abs() < 5e-5 && (ci.high.expect("high") - hi).abs() < 5e-5,
            "{x1}/{n1}-{x2}/{n2}: {ci:?}"
        );
    }
}

#[test]
fn fisher_ties_and_margins() {
    // Symmetric table: the mirror-image table ties and is included (p = 0.4857 = 34/70).
    let t = fisher_exact(&TwoGroups { a: 3, n1: 4, c: 1, n2: 4 }).expect("test");
    assert!((t.p_value - 34.0 / 70.0).abs() < 1e-15);
    // A table at the mode: p = 1.
    assert_eq!(fisher_exact(&TwoGroups { a: 2, n1: 4, c: 2, n2: 4 }).map(|t| t.p_value), Some(1.0));
    // Empty margins: p = 1, no statistic.
    for g in [TwoGroups { a: 0, n1: 5, c: 0, n2: 5 }, TwoGroups { a: 3, n1: 3, c: 4, n2: 4 }] {
        assert_eq!(fisher_exact(&g), Some(TestResult { statistic: None, p_value: 1.0 }));
    }
}

#[test]
fn not_estimable_states() {
    let rl = |a, n1, c, n2| ratio::relative_likelihood(&TwoGroups { a, n1, c, n2 });
    assert_eq!(rl(0, 14, 6, 31), Ok(0.0));
    assert_eq!(rl(9, 52, 0, 7), Err(NotEstimable::ComparisonRateZero));
    assert_eq!(rl(0, 18, 0, 6), Err(NotEstimable::BothRatesZero));
    assert_eq!(rl(4, 20, 0, 0), Err(NotEstimable::EmptyGroup));
    assert_eq!(rl(0, 0, 3, 9), Err(NotEstimable::EmptyGroup));
    let g = TwoGroups { a: 4, n1: 20, c: 0, n2: 0 };
    for m in CiMethod::ALL {
        assert_eq!(interval(&g, m, 0.95), None);
    }
    let c = compare(&g, CiMethod::Score, 0.95);
    assert_eq!((c.value, c.ci, c.p_value, c.significant), (None, None, None, None));
    assert_eq!(c.assessment, Assessment::NotEstimable);
    // c = 0 < a: a finite lower score limit that can be significant on its own.
    let c = compare(&TwoGroups { a: 40, n1: 50, c: 0, n2: 30 }, CiMethod::Score, 0.95);
    assert_eq!(c.not_estimable, Some(NotEstimable::ComparisonRateZero));
    assert!(c.ci.is_some_and(|ci| ci.low > 1.0 && ci.high.is_none()));
    assert_eq!(c.significant, Some(true));
}

#[test]
fn disclosure_rules() {
    assert_eq!(disclose_count(0), Disclosed::Shown(0));
    for n in 1..=7 {
        assert_eq!(disclose_count(n), Disclosed::Suppressed);
    }
    assert_eq!(disclose_count(10), Disclosed::Shown(10));
    assert_eq!(disclose_count(17), Disclosed::Shown(15));
    assert_eq!(disclose_count(18), Disclosed::Shown(20));
    assert_eq!(disclose_count(u64::MAX), Disclosed::Shown(u64::MAX / 5 * 5));
    assert_eq!(Disclosed::Suppressed.text(), "*");
    assert!(survey_suppressed(0) && survey_suppressed(10) && !survey_suppressed(11));
    assert!(disclose_table(&[vec![1, 2], vec![3]]).is_none());
    // No small cells: nothing hidden, totals rounded.
    let t = disclose_table(&[vec![12, 40], vec![20, 33]]).expect("table");
    assert_eq!(t.row_totals, vec![Disclosed::Shown(50), Disclosed::Shown(55)]);
    assert_eq!(t.grand_total, Disclosed::Shown(105));
    assert!(t.cells.iter().flatten().all(|d| !d.is_suppressed()));
    // A single row whose only other cell is 0: the total must go too.
    let t = disclose_table(&[vec![5, 0]]).expect("table");
    assert_eq!(t.cells[0][0], Disclosed::Suppressed);
    assert!(t.cells[0][1].is_suppressed() || t.row_totals[0].is_suppressed());
}

#[test]
fn huge_counts_do_not_panic() {
    let max = u64::MAX;
    for g in [
        TwoGroups { a: max / 2, n1: max, c: 3, n2: max },
        TwoGroups { a: max, n1: max, c: max, n2: max },
        TwoGroups { a: 1, n1: max, c: max - 1, n2: max },
        TwoGroups { a: 5, n1: 3, c: 1, n2: 1 },
    ] {
        for m in CiMethod::ALL {
            let c = compare(&g, m, 0.95);
            for x in [c.value, c.p_value, c.ci.map(|i| i.low), c.ci.and_then(|i| i.high)].into_iter().flatten() {
                assert!(x.is_finite(), "{g:?} {m:?} {c:?}");
            }
        }
        let _ = fisher_exact(&g);
        let _ = chi_square::chi_square(&g, true);
        let _ = hypothesis::score_test(&g, true);
        let _ = disclose_table(&[vec![g.a, g.n1], vec![g.c, g.n2]]);
    }
}
