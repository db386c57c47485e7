//! The roll-up's figures on small hand-made systems, each worked by hand.

use super::digest::{TrustDigest, TrustQuality};
use super::*;
use crate::compute::results::{
    BoardDifference, BoardFigures, BoardRow, IndicatorResult, RelativeLikelihoodFigures, RepresentationFigures,
    RepresentationRow, Status, SurveyFigures, SurveyRow,
};
use crate::compute::status::Level;
use crate::stats::funnel::Flag;

fn indicator(id: &str, kind: &'static str, figures: Figures) -> IndicatorResult {
    IndicatorResult {
        id: id.into(),
        standard: id[..4].into(),
        title: String::new(),
        wording: String::new(),
        kind,
        status: Status::Ok,
        reason: None,
        notes: Vec::new(),
        summary: String::new(),
        headline: None,
        figures,
    }
}

fn digest(trust: &str, indicators: Vec<IndicatorResult>) -> TrustDigest {
    TrustDigest {
        trust: trust.into(),
        name: format!("Trust {trust}"),
        snapshot_date: "2025-03-31".into(),
        publication: false,
        indicators,
        population: None,
        quality: TrustQuality {
            trust: trust.into(),
            name: format!("Trust {trust}"),
            headcount: 0,
            ethnicity_declared_percent: None,
            disability_declared_percent: None,
            all_inputs: Default::default(),
            inputs: Vec::new(),
            missing_inputs: Vec::new(),
        },
    }
}

/// WRES 2 from counts (White appointed of shortlisted, BME appointed of shortlisted), as a trust's results hold it.
fn wres2(a: u64, n1: u64, c: u64, n2: u64) -> IndicatorResult {
    let (num, den) = (Tally { events: a, total: n1 }, Tally { events: c, total: n2 });
    let (ratio, assessment) = ratio("White", "BME", num, den, CiMethod::Score, 0.95);
    let figures = RelativeLikelihoodFigures {
        groups: vec![GroupRate::of("White", num), GroupRate::of("BME", den)],
        ratio: Some(ratio),
        assessment,
        rolling_average: None,
    };
    indicator("WRES2", "relative_likelihood", Figures::RelativeLikelihood(Box::new(figures)))
}

/// WRES 9 from counts: `bme` of `members` voting members BME, `staff_bme` of `staff` staff.
fn board(bme: u64, members: u64, staff_bme: u64, staff: u64) -> IndicatorResult {
    let row = |membership, group, count, total| BoardRow {
        membership,
        group,
        count: Some(count),
        total: Some(total),
        percent: percent(count, total),
    };
    let rows = vec![
        row("voting", "BME", bme, members),
        row("voting", "White", members - bme, members),
        row("workforce", "BME", staff_bme, staff),
        row("workforce", "White", staff - staff_bme, staff),
    ];
    let none = BoardDifference { voting: None, executive: None, all: None };
    indicator("WRES9", "board", Figures::Board(BoardFigures { rows, difference_pp: none }))
}

fn wres5(rows: &[(&'static str, Option<f64>, u64)]) -> IndicatorResult {
    let rows = rows
        .iter()
        .map(|&(group, value, respondents)| SurveyRow {
            group,
            value,
            respondents: Some(respondents),
            ci_low: None,
            ci_high: None,
            status: if value.is_some() { Status::Ok } else { Status::Suppressed },
        })
        .collect();
    let figures = SurveyFigures {
        measure: "q13a".into(),
        unit: "percent",
        rows,
        gap_pp: None,
        gap_ci_low: None,
        gap_ci_high: None,
    };
    indicator("WRES5", "survey", Figures::Survey(figures))
}

fn close(x: Option<f64>, want: f64) {
    let x = x.expect("a number");
    assert!((x - want).abs() < 1e-9, "{x} vs {want}");
}

#[test]
fn survey_pooled_by_respondents_over_trusts_reporting_both_groups() {
    // A: BME 20% of 100, White 10% of 200. B: BME 40% of 50, White 30% of 100. C: BME suppressed (left out of the
    // pool). D: no survey. Pooled over A and B: BME (20 + 20)/150 = 26.667%, White (20 + 30)/300 = 16.667%,
    // gap 10 points.
    let trusts = [
        digest("A", vec![wres5(&[("BME", Some(20.0), 100), ("White", Some(10.0), 200)])]),
        digest("B", vec![wres5(&[("BME", Some(40.0), 50), ("White", Some(30.0), 100)])]),
        digest("C", vec![wres5(&[("BME", None, 8), ("White", Some(50.0), 400)])]),
        digest("D", Vec::new()),
    ];
    let r = rollup("S", &trusts, &[], CiMethod::Score, 0.95, &StatusRules::default()).unwrap();
    let s = &r.survey[0];
    assert_eq!((s.id.as_str(), s.system.trusts_used), ("WRES5", 2));
    assert_eq!(s.system.rows[0].group, "BME");
    close(s.system.rows[0].value, 40.0 / 150.0 * 100.0);
    assert_eq!(s.system.rows[0].respondents, 150);
    close(s.system.rows[1].value, 50.0 / 300.0 * 100.0);
    close(s.system.gap_pp, 10.0);
    // The intervals are Wilson's and Newcombe's on the pooled counts: 40 of 150 and 50 of 300.
    let w = crate::stats::proportion::wilson(40.0, 150.0, 0.95).unwrap();
    close(s.system.rows[0].ci_low, w.low * 100.0);
    let n = crate::stats::proportion::newcombe_difference(40.0, 150.0, 50.0, 300.0, 0.95).unwrap();
    close(s.system.gap_ci_high, n.high.unwrap() * 100.0);
    assert_eq!(s.trusts.len(), 4);
    assert_eq!(s.trusts[3].status, None);
    assert_eq!(s.trusts[3].reason.as_deref(), Some("the trust's results hold no WRES5"));
}

#[test]
fn boards_and_shares_summed_over_trusts() {
    let wres1 = |bme: u64, staff: u64| {
        let rows = vec![RepresentationRow {
            workforce: "overall",
            band: "All".into(),
            group: "BME",
            count: Some(bme),
            total: Some(staff),
            percent: percent(bme, staff),
        }];
        indicator("WRES1", "representation", Figures::Representation(RepresentationFigures { rows }))
    };
    // Boards: 2 of 10 and 1 of 10 BME voting members: 3/20 = 15%; staff 300 of 1000 and 100 of 1000: 20%;
    // difference 15 − 20 = −5 points.
    let trusts = [
        digest("A", vec![board(2, 10, 300, 1000), wres1(300, 1000)]),
        digest("B", vec![board(1, 10, 100, 1000), wres1(100, 1000)]),
    ];
    let r = rollup("S", &trusts, &[], CiMethod::Score, 0.95, &StatusRules::default()).unwrap();
    let b = &r.board[0];
    assert_eq!(b.trusts_used, 2);
    assert_eq!((b.rows[0].membership, b.rows[0].group, b.rows[0].count, b.rows[0].total), ("voting", "BME", 3, 20));
    close(b.difference_pp.voting, -5.0);
    assert_eq!(b.difference_pp.executive, None);
    // Shares: 400 of 2000 = 20%, with the Wilson interval of 400/2000.
    let s = &r.shares[0];
    assert_eq!((s.group, s.system.count, s.system.total), ("BME", Some(400), Some(2000)));
    close(s.system.percent, 20.0);
    close(s.system.ci_low, crate::stats::proportion::wilson(400.0, 2000.0, 0.95).unwrap().low * 100.0);
    close(s.trusts[1].share.percent, 10.0);
}

#[test]
fn funnel_below_the_limit_and_trusts_off_the_funnel() {
    // Four large trusts at about 1.5 and a small one at (30/400)/(300/600) = 0.15: below the lower 99.8% limit
    // (the planted-outlier system of the batch test, mirrored). A sixth has counts withheld, a seventh no WRES 2.
    let mut trusts: Vec<TrustDigest> = [
        (1000, 4000, 400, 2500),
        (900, 3000, 360, 2000),
        (1200, 5000, 500, 3000),
        (800, 4000, 300, 2000),
        (30, 400, 300, 600),
    ]
    .iter()
    .enumerate()
    .map(|(i, &(a, n1, c, n2))| digest(&format!("R{i}"), vec![wres2(a, n1, c, n2)]))
    .collect();
    let mut withheld = wres2(10, 100, 5, 100);
    if let Figures::RelativeLikelihood(f) = &mut withheld.figures {
        f.groups[1].events = None;
    }
    trusts.push(digest("W", vec![withheld]));
    trusts.push(digest("N", Vec::new()));
    let r = rollup("S", &trusts, &[], CiMethod::Score, 0.95, &StatusRules::default()).unwrap();
    let f = &r.relative_likelihoods[0].funnel;
    let flags: Vec<Flag> = f.trusts.iter().map(|t| t.flag).collect();
    use Flag::*;
    assert_eq!(flags, [Within, Within, Within, Within, Below99_8, NotEstimable, NotEstimable]);
    assert_eq!(f.trusts[5].not_estimable, Some("withheld"));
    assert_eq!(f.trusts[6].not_estimable, Some("not_reported"));
    assert_eq!(f.trusts_placed, 5);
    assert!(f.over_dispersed && f.tau2 > 0.0);
    // The limits are around the centre at the trust's own standard error: symmetric on the log scale.
    let l = f.trusts[4].limits.unwrap();
    let centre = f.centre.unwrap();
    assert!(((l.high_99_8 * l.low_99_8).sqrt() - centre).abs() < 1e-9 * centre);
    let facts = &r.key_facts;
    assert_eq!((facts[0].kind, facts[0].trusts.as_slice()), ("below_99_8", ["R4".to_string()].as_slice()));
    assert!(facts[0].text.contains("Trust R4 (R4) (0.15) lies below the 99.8% limit"), "{}", facts[0].text);
    assert_eq!(facts[1].kind, "trusts_differ");
}

#[test]
fn the_system_and_each_trust_judged_by_the_board_rules() {
    // WRES 2: A 300/1000 White against 100/1000 BME, ratio 3 (outside 0.80-1.25, significant, expected counts
    // far above 5): red. B 200/1000 against 190/1000, 1.05: green. The system, counts together: 500/2000 against
    // 290/2000 = 1.7241: red.
    // Boards: A has 1 BME voting member of 10 with 40% BME staff, 0.4 x 10 - 1 = 3 members short: red; B has 4 of
    // 10 with 30%, 3 - 4 = 1 above: green. The system on average, (3 + (-1)) / 2 = 1 member short: amber (the
    // boards summed, 35% of 20 = 7 against 5, would be 2 short, red).
    let mut a = digest("A", vec![wres2(300, 1000, 100, 1000), board(1, 10, 400, 1000)]);
    let mut b = digest("B", vec![wres2(200, 1000, 190, 1000), board(4, 10, 300, 1000)]);
    // Recorded ethnicity: 90% of 1,000 staff and 70% of 3,000: (900 + 2100) / 4000 = 75%.
    (a.quality.headcount, a.quality.ethnicity_declared_percent) = (1000, Some(90.0));
    (b.quality.headcount, b.quality.ethnicity_declared_percent) = (3000, Some(70.0));
    b.snapshot_date = "2024-03-31".into();
    let failed = [FailedTrust { config: "c/trust.toml".into(), exit_code: 3, error: "no pay band".into() }];
    let r = rollup("S", &[a, b], &failed, CiMethod::Score, 0.95, &StatusRules::default()).unwrap();
    let s = &r.board_summary;
    let line = |id: &str| s.board.lines.iter().find(|l| l.id == id).unwrap();
    close(line("WRES2").difference, 500.0 / 290.0);
    assert_eq!(line("WRES2").status, Level::Red);
    assert_eq!(line("WRES9").status, Level::Amber);
    assert!(line("WRES9").why.starts_with("on average over 2 boards: 1.0 members short"), "{}", line("WRES9").why);
    let levels = |id: &str| s.trusts.iter().map(|t| t.line(id).unwrap().status).collect::<Vec<_>>();
    assert_eq!(levels("WRES2"), [Level::Red, Level::Green]);
    assert_eq!(levels("WRES9"), [Level::Red, Level::Green]);
    let tally = s.tallies.iter().find(|t| t.id == "WRES2").unwrap();
    assert_eq!((tally.red, tally.amber, tally.green, tally.judged()), (1, 0, 1, 2));
    close(s.ethnicity_declared_percent, 75.0);
    assert_eq!(s.headcount, 4000);
    assert_eq!((s.board.year, s.snapshot_dates.len()), (2025, 2));
    // What to read first: the trust that failed, and the snapshot dates that differ.
    assert!(s.warnings[0].contains("c/trust.toml") && s.warnings[1].contains("31 March 2024 and 31 March 2025"));
    // The key messages: the trusts differ on WRES 2 (3 against 1.05, Q far above its 1 degree of freedom), then
    // the system's own figures, the most adverse first.
    let texts: Vec<&str> = s.board.messages.iter().map(|m| m.text.as_str()).collect();
    assert!((3..=5).contains(&texts.len()), "{texts:#?}");
    assert!(texts[0].starts_with("The trusts differ more than chance explains on appointed from shortlisting"));
    assert!(
        texts.contains(&"Across the system: White shortlisted applicants were 1.72 times as likely to be appointed as BME applicants."),
        "{texts:#?}"
    );
    // The JSON holds each trust's statuses, not its figures again.
    let json = serde_json::to_value(s).unwrap();
    assert_eq!(json["trusts"][0]["statuses"][0]["status"], "red");
    assert!(json["trusts"][0]["statuses"][0].get("difference").is_none());
}
