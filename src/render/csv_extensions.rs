//! The CSV rows of the extensions block, after the 23 indicators' rows, in the same 14 columns:
//! `standard,indicator,kind,workforce,band,group,measure,numerator,denominator,value,ci_low,ci_high,p_value,status`.
//!
//! - kind `pay_gap` (indicator `PAYGAP-ETHNICITY`, `PAYGAP-DISABILITY`, `PAYGAP-GENDER`; standard `WRES`, `WDES`,
//!   `GPG`): per workforce block, each group's `mean_hourly` and `median_hourly` (denominator = people), the
//!   `mean_gap_percent` and `median_gap_percent` (group `reference/other`), and each quartile's `quartile_share`
//!   per group (band `Quartile 1` .. `Quartile 4`, numerator = people of the group, denominator = people in the
//!   quartile, value = percent); then `left_out` rows (group = reason, numerator = people);
//! - kind `intersection` and `recruitment_view` (indicator `WRES3-by-disability`, ...): per level of the second
//!   characteristic, in the `workforce` column for `-by-workforce` and the `band` column otherwise: each group's
//!   `rate` and the `relative_likelihood` row, as for the indicators;
//! - kind `progression` (indicator `PROGRESSION-ETHNICITY`, `PROGRESSION-DISABILITY`): per block, band
//!   `Band 8a+ given Band 5+` (headline) and one per step (`Band 6+ given Band 5+`, ...): `rate` rows, the
//!   `relative_likelihood` row, and for steps a `compounded` row;
//! - kind `model_employer` (indicator `MODEL-EMPLOYER`): per band, group BME, `percent` (numerator = BME, denominator =
//!   known ethnicity), `below_percent`, `gap_vs_overall`, `gap_vs_below`; band `All`: `overall_percent` and the four
//!   shortfall totals;
//! - kind `narrative` (indicator `NARRATIVE`): one row per standard, measure `paragraph`, value = the text.

use crate::compute::extensions::results::{Breakdown, Step};
use crate::compute::results::{GroupRate, Ratio, Results, Status};

/// One CSV record (14 columns).
pub type Record = [String; 14];

fn num(x: Option<f64>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

fn int<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

fn status(s: Status) -> String {
    match s {
        Status::Ok => "ok",
        Status::NoData => "no_data",
        Status::NotEstimable => "not_estimable",
        Status::Suppressed => "suppressed",
    }
    .to_string()
}

#[derive(Default)]
struct Row {
    workforce: String,
    band: String,
    group: String,
    measure: String,
    numerator: String,
    denominator: String,
    value: String,
    ci_low: String,
    ci_high: String,
    p_value: String,
}

fn record(standard: &str, indicator: &str, kind: &str, r: Row, st: Status) -> Record {
    [
        standard.to_string(),
        indicator.to_string(),
        kind.to_string(),
        r.workforce,
        r.band,
        r.group,
        r.measure,
        r.numerator,
        r.denominator,
        r.value,
        r.ci_low,
        r.ci_high,
        r.p_value,
        status(st),
    ]
}

/// Rate rows and the ratio row of a comparison.
fn comparison(workforce: &str, band: &str, groups: &[GroupRate], ratio: Option<&Ratio>) -> Vec<Row> {
    let mut out: Vec<Row> = groups
        .iter()
        .map(|g| Row {
            workforce: workforce.into(),
            band: band.into(),
            group: g.group.into(),
            measure: "rate".into(),
            numerator: int(g.events),
            denominator: int(g.total),
            value: num(g.rate),
            ..Row::default()
        })
        .collect();
    if let Some(r) = ratio {
        let events = |l: &str| groups.iter().find(|g| g.group == l).and_then(|g| g.events);
        out.push(Row {
            workforce: workforce.into(),
            band: band.into(),
            group: format!("{}/{}", r.numerator_group, r.denominator_group),
            measure: "relative_likelihood".into(),
            numerator: int(events(r.numerator_group)),
            denominator: int(events(r.denominator_group)),
            value: num(r.value),
            ci_low: num(r.ci.as_ref().map(|c| c.low)),
            ci_high: num(r.ci.as_ref().and_then(|c| c.high)),
            p_value: num(r.p_value),
        });
    }
    out
}

fn breakdown(b: &Breakdown, kind: &str, out: &mut Vec<Record>) {
    if b.cells.is_empty() {
        out.push(record(&b.standard, &b.id, kind, Row::default(), b.status));
    }
    for c in &b.cells {
        let (w, band) = if b.by == "workforce" { (c.level.as_str(), "") } else { ("", c.level.as_str()) };
        for r in comparison(w, band, &c.groups, c.ratio.as_ref()) {
            out.push(record(&b.standard, &b.id, kind, r, c.status));
        }
    }
}

fn step(standard: &str, id: &str, workforce: &str, band: &str, s: &Step, compounded: bool, out: &mut Vec<Record>) {
    for r in comparison(workforce, band, &s.groups, s.ratio.as_ref()) {
        out.push(record(standard, id, "progression", r, s.status));
    }
    if compounded {
        let r = Row {
            workforce: workforce.into(),
            band: band.into(),
            measure: "compounded".into(),
            value: num(s.compounded),
            ..Row::default()
        };
        out.push(record(
            standard,
            id,
            "progression",
            r,
            if s.compounded.is_some() { Status::Ok } else { Status::NotEstimable },
        ));
    }
}

/// The extension rows.
pub fn records(results: &Results) -> Vec<Record> {
    let ext = &results.extensions;
    let mut out = Vec::new();
    for g in &ext.pay_gaps {
        let (sd, id) = (g.standard.as_str(), g.id.as_str());
        if g.blocks.is_empty() {
            out.push(record(sd, id, "pay_gap", Row::default(), g.status));
        }
        for b in &g.blocks {
            let w = b.workforce;
            for p in &b.groups {
                for (measure, value) in [("mean_hourly", p.mean_hourly), ("median_hourly", p.median_hourly)] {
                    let r = Row {
                        workforce: w.into(),
                        group: p.group.into(),
                        measure: measure.into(),
                        denominator: int(p.people),
                        value: num(value),
                        ..Row::default()
                    };
                    out.push(record(sd, id, "pay_gap", r, b.status));
                }
            }
            for (measure, value) in
                [("mean_gap_percent", b.mean_gap_percent), ("median_gap_percent", b.median_gap_percent)]
            {
                let r = Row {
                    workforce: w.into(),
                    group: format!("{}/{}", g.reference_group, g.other_group),
                    measure: measure.into(),
                    value: num(value),
                    ..Row::default()
                };
                out.push(record(sd, id, "pay_gap", r, b.status));
            }
            for q in &b.quartiles {
                for s in &q.shares {
                    let r = Row {
                        workforce: w.into(),
                        band: format!("Quartile {}", q.quartile),
                        group: s.group.into(),
                        measure: "quartile_share".into(),
                        numerator: int(s.count),
                        denominator: int(q.people),
                        value: num(s.percent),
                        ..Row::default()
                    };
                    out.push(record(sd, id, "pay_gap", r, b.status));
                }
            }
        }
        for l in &g.left_out {
            let r = Row {
                workforce: "overall".into(),
                group: l.reason.into(),
                measure: "left_out".into(),
                numerator: int(l.people),
                ..Row::default()
            };
            out.push(record(sd, id, "pay_gap", r, Status::Ok));
        }
    }
    for b in &ext.intersections {
        breakdown(b, "intersection", &mut out);
    }
    for b in &ext.recruitment_views {
        breakdown(b, "recruitment_view", &mut out);
    }
    for p in &ext.progression {
        for b in &p.blocks {
            let h = &b.headline;
            step(&p.standard, &p.id, b.workforce, &format!("{}+ given {}+", h.to, h.from), h, false, &mut out);
            for s in &b.steps {
                step(&p.standard, &p.id, b.workforce, &format!("{}+ given {}+", s.to, s.from), s, true, &mut out);
            }
        }
    }
    if let Some(m) = &ext.model_employer {
        let (sd, id, kind) = ("WRES", "MODEL-EMPLOYER", "model_employer");
        for r in &m.rows {
            let base =
                || Row { workforce: "overall".into(), band: r.band.clone(), group: "BME".into(), ..Row::default() };
            out.push(record(
                sd,
                id,
                kind,
                Row {
                    measure: "percent".into(),
                    numerator: int(r.bme),
                    denominator: int(r.known),
                    value: num(r.bme_percent),
                    ..base()
                },
                m.status,
            ));
            out.push(record(
                sd,
                id,
                kind,
                Row { measure: "below_percent".into(), value: num(r.below_bme_percent), ..base() },
                m.status,
            ));
            out.push(record(
                sd,
                id,
                kind,
                Row { measure: "gap_vs_overall".into(), value: int(r.gap_vs_overall), ..base() },
                m.status,
            ));
            out.push(record(
                sd,
                id,
                kind,
                Row { measure: "gap_vs_below".into(), value: int(r.gap_vs_below), ..base() },
                m.status,
            ));
        }
        let all = |measure: &str, value: String| Row {
            workforce: "overall".into(),
            band: "All".into(),
            group: "BME".into(),
            measure: measure.into(),
            value,
            ..Row::default()
        };
        out.push(record(sd, id, kind, all("overall_percent", num(m.overall_bme_percent)), m.status));
        out.push(record(sd, id, kind, all("shortfall_vs_overall", int(m.shortfall_vs_overall)), m.status));
        out.push(record(
            sd,
            id,
            kind,
            all("senior_shortfall_vs_overall", int(m.senior_shortfall_vs_overall)),
            m.status,
        ));
        out.push(record(sd, id, kind, all("shortfall_vs_below", int(m.shortfall_vs_below)), m.status));
        out.push(record(sd, id, kind, all("senior_shortfall_vs_below", int(m.senior_shortfall_vs_below)), m.status));
    }
    for (sd, text) in [("WRES", &results.narrative.wres), ("WDES", &results.narrative.wdes)] {
        if !results.settings.standards.includes(sd) {
            continue;
        }
        let r = Row { measure: "paragraph".into(), value: text.clone(), ..Row::default() };
        out.push(record(sd, "NARRATIVE", "narrative", r, Status::Ok));
    }
    out
}
