//! Properties of the relative-likelihood statistics that hold for any counts.

use proptest::prelude::*;
use wres_wdes::stats::assessment::assess;
use wres_wdes::stats::disclosure::disclose_table;
use wres_wdes::stats::fisher::fisher_exact;
use wres_wdes::stats::funnel::{dispersion, flag, limits, point, Flag, FunnelPoint, Z_95, Z_99_8};
use wres_wdes::stats::katz::katz_se;
use wres_wdes::stats::normal::z_for_level;
use wres_wdes::stats::ratio::relative_likelihood;
use wres_wdes::stats::score::score_statistic;
use wres_wdes::stats::{compare, interval, Assessment, CiMethod, Interval, TwoGroups};

/// Valid counts: groups of 1 to `max` members, events 0 to members.
fn groups(max: u64) -> impl Strategy<Value = TwoGroups> {
    (1..=max, 1..=max)
        .prop_flat_map(|(n1, n2)| (0..=n1, Just(n1), 0..=n2, Just(n2)))
        .prop_map(|(a, n1, c, n2)| TwoGroups { a, n1, c, n2 })
}

fn any_groups() -> impl Strategy<Value = TwoGroups> {
    prop_oneof![groups(12), groups(400), groups(200_000)]
}

fn level() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.8), Just(0.9), Just(0.95), Just(0.99), 0.5f64..0.999]
}

fn swap(g: &TwoGroups) -> TwoGroups {
    TwoGroups { a: g.c, n1: g.n2, c: g.a, n2: g.n1 }
}

fn rel_close(x: f64, y: f64, tol: f64) -> bool {
    (x - y).abs() <= tol * x.abs().max(y.abs()) || (x.abs() < 1e-300 && y.abs() < 1e-300)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn swapping_groups_inverts_ratio_and_interval(g in any_groups(), level in level()) {
        let s = swap(&g);
        if g.a > 0 && g.c > 0 {
            let (r, rs) = (relative_likelihood(&g).unwrap(), relative_likelihood(&s).unwrap());
            prop_assert!(rel_close(r * rs, 1.0, 1e-15), "{r} * {rs}");
        }
        for m in CiMethod::ALL {
            match (interval(&g, m, level), interval(&s, m, level)) {
                (None, None) => {}
                (Some(ci), Some(cs)) => {
                    // low <-> 1/high, with 0 <-> unbounded.
                    match cs.high {
                        None => prop_assert_eq!(ci.low, 0.0, "{:?} {:?}", m, g),
                        Some(h) => prop_assert!(rel_close(ci.low, 1.0 / h, 1e-9), "{:?} {:?} {} vs 1/{}", m, g, ci.low, h),
                    }
                    match ci.high {
                        None => prop_assert_eq!(cs.low, 0.0, "{:?} {:?}", m, g),
                        Some(h) => prop_assert!(rel_close(cs.low, 1.0 / h, 1e-9), "{:?} {:?}", m, g),
                    }
                }
                (x, y) => prop_assert!(false, "{:?} {:?}: {:?} vs swapped {:?}", m, g, x, y),
            }
        }
    }

    #[test]
    fn interval_contains_estimate(g in any_groups(), level in level()) {
        let Ok(r) = relative_likelihood(&g) else { return Ok(()) };
        for m in [CiMethod::Score, CiMethod::ScoreUncorrected, CiMethod::Katz] {
            if let Some(Interval { low, high }) = interval(&g, m, level) {
                prop_assert!(low <= r * (1.0 + 1e-12), "{:?} {:?}: low {} > {}", m, g, low, r);
                prop_assert!(high.is_none_or(|h| h >= r * (1.0 - 1e-12)), "{:?} {:?}: high {:?} < {}", m, g, high, r);
            }
        }
    }

    #[test]
    fn higher_level_gives_wider_interval(g in any_groups(), l1 in 0.5f64..0.99, dl in 0.001f64..0.009) {
        let l2 = l1 + dl;
        for m in CiMethod::ALL {
            if let (Some(n), Some(w)) = (interval(&g, m, l1), interval(&g, m, l2)) {
                prop_assert!(w.low <= n.low * (1.0 + 1e-12), "{:?} {:?}", m, g);
                match (n.high, w.high) {
                    (Some(hn), Some(hw)) => prop_assert!(hw >= hn * (1.0 - 1e-12), "{:?} {:?}", m, g),
                    (_, None) => {}
                    (None, Some(_)) => prop_assert!(false, "{:?} {:?}: narrower is unbounded", m, g),
                }
            }
        }
    }

    #[test]
    fn score_limits_solve_the_score_equation(g in any_groups(), level in level(), corrected in any::<bool>()) {
        let z = z_for_level(level).unwrap();
        let m = if corrected { CiMethod::Score } else { CiMethod::ScoreUncorrected };
        let Some(ci) = interval(&g, m, level) else {
            prop_assert!(g.a + g.c == 0);
            return Ok(());
        };
        if g.a == 0 {
            prop_assert_eq!(ci.low, 0.0);
        } else {
            let zl = score_statistic(&g, ci.low, corrected).unwrap();
            prop_assert!((zl - z).abs() < 1e-9, "{:?}: Z(low) = {}, z = {}", g, zl, z);
        }
        match ci.high {
            None => prop_assert_eq!(g.c, 0),
            Some(h) => {
                let zh = score_statistic(&g, h, corrected).unwrap();
                prop_assert!((zh + z).abs() < 1e-9, "{:?}: Z(high) = {}, z = {}", g, zh, z);
            }
        }
    }

    #[test]
    fn comparison_is_never_nan_or_infinite(g in any_groups(), level in level(), m in 0usize..4) {
        let r = compare(&g, CiMethod::ALL[m], level);
        for x in [r.value, r.p_value, r.ci.map(|c| c.low), r.ci.and_then(|c| c.high), r.katz_ci.map(|c| c.low)].into_iter().flatten() {
            prop_assert!(x.is_finite() && x >= 0.0);
        }
        if let Some(p) = r.p_value { prop_assert!(p <= 1.0); }
        prop_assert_eq!(r.value.is_some(), r.assessment != Assessment::NotEstimable);
    }

    #[test]
    fn assessment_agrees_with_the_float_away_from_the_bounds(g in any_groups()) {
        if let Ok(r) = relative_likelihood(&g) {
            let a = assess(&g);
            if (0.8 + 1e-9..1.25 - 1e-9).contains(&r) {
                prop_assert_eq!(a, Assessment::WithinNonAdverseRange);
            } else if !(0.8 - 1e-9..=1.25 + 1e-9).contains(&r) {
                prop_assert_eq!(a, Assessment::OutsideNonAdverseRange);
            }
        }
    }

    #[test]
    fn fisher_p_is_a_probability(g in prop_oneof![groups(12), groups(400)]) {
        let t = fisher_exact(&g).unwrap();
        prop_assert!((0.0..=1.0).contains(&t.p_value));
    }

    #[test]
    fn secondary_suppression_leaves_no_line_with_one_hidden_cell(
        cells in prop::collection::vec(prop::collection::vec(0u64..40, 3), 1..5)
    ) {
        let t = disclose_table(&cells).unwrap();
        let rows: Vec<Vec<bool>> = t.cells.iter().zip(&t.row_totals)
            .map(|(r, tot)| r.iter().chain([tot]).map(|d| d.is_suppressed()).collect())
            .chain([t.column_totals.iter().chain([&t.grand_total]).map(|d| d.is_suppressed()).collect()])
            .collect();
        for r in &rows {
            prop_assert!(r.iter().filter(|&&h| h).count() != 1, "row {:?} of {:?}", r, cells);
        }
        for j in 0..rows[0].len() {
            prop_assert!(rows.iter().filter(|r| r[j]).count() != 1, "column {} of {:?}", j, cells);
        }
        for (i, row) in cells.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                if (1..=7).contains(&v) { prop_assert!(t.cells[i][j].is_suppressed()); }
            }
        }
    }
}

#[test]
fn ratio_is_correctly_rounded_at_the_thresholds() {
    // 25/178 vs 20/178 is exactly 5/4; the float expression gives 1.2500000000000002.
    let g = TwoGroups::new(25, 178, 20, 178).unwrap();
    assert_eq!(relative_likelihood(&g), Ok(1.25));
    assert_eq!(assess(&g), Assessment::WithinNonAdverseRange);
    let g = TwoGroups::new(24, 150, 18, 90).unwrap();
    assert_eq!(relative_likelihood(&g), Ok(0.8));
    // Huge counts: products beyond 2^53 still round once.
    let g = TwoGroups::new(u64::MAX / 3, u64::MAX, u64::MAX / 7, u64::MAX - 1).unwrap();
    let r = relative_likelihood(&g).unwrap();
    assert!((r - 7.0 / 3.0).abs() < 1e-15);
}

/// Funnel points: 1 to 30 trusts with ln ratios in (−3, 3) and standard errors in (0.01, 2).
fn funnel_points() -> impl Strategy<Value = Vec<FunnelPoint>> {
    prop::collection::vec((-3.0f64..3.0, 0.01f64..2.0), 1..30)
        .prop_map(|v| v.into_iter().filter_map(|(y, s)| FunnelPoint::new(y, s)).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn funnel_tau2_is_never_negative_and_zero_without_excess_dispersion(points in funnel_points()) {
        let Some(d) = dispersion(&points) else {
            prop_assert!(points.len() < 2);
            return Ok(());
        };
        prop_assert_eq!(d.df as usize, points.len() - 1);
        prop_assert!(d.q >= 0.0 && (0.0..=1.0).contains(&d.p_value), "{:?}", d);
        prop_assert!(d.tau2_dersimonian_laird >= 0.0 && d.tau2() >= 0.0, "{:?}", d);
        if d.q <= d.df as f64 {
            prop_assert_eq!(d.tau2_dersimonian_laird, 0.0);
        }
        if !d.over_dispersed() {
            prop_assert_eq!(d.tau2(), 0.0);
        }
        // The mean lies among the points.
        let (lo, hi) = points.iter().fold((f64::MAX, f64::MIN), |(l, h), p| (l.min(p.y), h.max(p.y)));
        prop_assert!(d.mean >= lo - 1e-12 && d.mean <= hi + 1e-12);
    }

    #[test]
    fn funnel_dispersion_does_not_move_with_the_centre(points in funnel_points(), shift in -2.0f64..2.0) {
        let moved: Vec<FunnelPoint> = points.iter().map(|p| FunnelPoint::new(p.y + shift, p.s).unwrap()).collect();
        if let (Some(a), Some(b)) = (dispersion(&points), dispersion(&moved)) {
            prop_assert!((a.q - b.q).abs() <= 1e-9 * a.q.max(1.0), "{} vs {}", a.q, b.q);
            prop_assert!((a.mean + shift - b.mean).abs() <= 1e-9);
            prop_assert!(
                (a.tau2_dersimonian_laird - b.tau2_dersimonian_laird).abs() <= 1e-9 * a.tau2_dersimonian_laird.max(1.0)
            );
        }
    }

    #[test]
    fn funnel_limits_widen_with_z_tau2_and_s(
        centre in -2.0f64..2.0, s in 0.01f64..2.0, ds in 0.0f64..1.0, tau2 in 0.0f64..1.0, dt in 0.0f64..1.0
    ) {
        let l = limits(centre, s, tau2);
        prop_assert!(l.low_99_8 < l.low_95 && l.low_95 < centre && centre < l.high_95 && l.high_95 < l.high_99_8);
        prop_assert!(((l.high_95 - centre) - (centre - l.low_95)).abs() < 1e-12, "symmetric on the log scale");
        prop_assert!(((l.high_99_8 - centre) / (l.high_95 - centre) - Z_99_8 / Z_95).abs() < 1e-9);
        for wider in [limits(centre, s, tau2 + dt), limits(centre, s + ds, tau2)] {
            prop_assert!(wider.high_95 >= l.high_95 && wider.low_95 <= l.low_95);
            prop_assert!(wider.high_99_8 >= l.high_99_8 && wider.low_99_8 <= l.low_99_8);
        }
    }

    #[test]
    fn funnel_flags_are_monotone_in_y(
        centre in -2.0f64..2.0, s in 0.01f64..2.0, tau2 in 0.0f64..1.0, y1 in -6.0f64..6.0, y2 in -6.0f64..6.0
    ) {
        let l = limits(centre, s, tau2);
        let (lo, hi) = if y1 <= y2 { (y1, y2) } else { (y2, y1) };
        prop_assert!(flag(lo, &l) <= flag(hi, &l), "{} -> {:?}, {} -> {:?}", lo, flag(lo, &l), hi, flag(hi, &l));
        prop_assert_eq!(flag(centre, &l), Flag::Within);
        prop_assert_ne!(flag(y1, &l), Flag::NotEstimable);
    }

    #[test]
    fn funnel_point_is_the_log_ratio_and_katz_se(g in any_groups()) {
        match point(&g) {
            Ok(p) => {
                prop_assert!((p.y - relative_likelihood(&g).unwrap().ln()).abs() < 1e-12);
                prop_assert!((p.s - katz_se(&g).unwrap()).abs() < 1e-15 && p.s > 0.0);
                // Swapping the groups negates y and keeps s.
                let q = point(&swap(&g)).unwrap();
                prop_assert!((p.y + q.y).abs() < 1e-12 && (p.s - q.s).abs() < 1e-12);
            }
            Err(_) => prop_assert!(g.a == 0 || g.c == 0 || (g.a == g.n1 && g.c == g.n2)),
        }
    }
}
