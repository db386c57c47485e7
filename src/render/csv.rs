//! The CSV results (`--csv`): one tidy table, one row per figure, so it pivots straight into Excel or Power BI.
//!
//! Columns: `standard,indicator,kind,workforce,band,group,measure,numerator,denominator,value,ci_low,ci_high,
//! p_value,status`. Each kind's rows:
//! - representation: one row per (workforce, band, group): numerator = count, denominator = total,
//!   value = percent;
//! - relative likelihood: one row per group (measure `rate`: events, total, rate), then one row with measure
//!   `relative_likelihood` (group `White/BME`: numerator = the numerator group's events, denominator = the
//!   comparison group's events; value = ratio, interval, p-value);
//! - survey: one row per group (measure `percent` or `score`, denominator = respondents), then `gap_pp`;
//! - board: one row per (membership, group) (measure `percent`), then `difference_pp` rows per membership;
//! - declaration: one row, value `yes`/`no`.

use crate::compute::results::{Figures, IndicatorResult, Results, Status};
use crate::error::{Error, Result};

/// The CSV header.
pub const HEADER: [&str; 14] = [
    "standard",
    "indicator",
    "kind",
    "workforce",
    "band",
    "group",
    "measure",
    "numerator",
    "denominator",
    "value",
    "ci_low",
    "ci_high",
    "p_value",
    "status",
];

#[derive(Default)]
struct Line {
    workforce: String,
    band: String,
    group: String,
    measure: String,
    numerator: Option<u64>,
    denominator: Option<u64>,
    value: String,
    ci_low: Option<f64>,
    ci_high: Option<f64>,
    p_value: Option<f64>,
    status: Option<&'static str>,
}

/// A number as the CSVs write it (empty when absent).
pub(crate) fn num(x: Option<f64>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

/// A status as the CSVs write it.
pub(crate) fn status_word(s: Status) -> &'static str {
    match s {
        Status::Ok => "ok",
        Status::NoData => "no_data",
        Status::NotEstimable => "not_estimable",
        Status::Suppressed => "suppressed",
    }
}

fn lines(ind: &IndicatorResult) -> Vec<Line> {
    let mut out = Vec::new();
    match &ind.figures {
        Figures::Representation(f) => {
            for r in &f.rows {
                out.push(Line {
                    workforce: r.workforce.into(),
                    band: r.band.clone(),
                    group: r.group.into(),
                    measure: "percent".into(),
                    numerator: r.count,
                    denominator: r.total,
                    value: num(r.percent),
                    ..Line::default()
                });
            }
        }
        Figures::RelativeLikelihood(f) => {
            for g in &f.groups {
                out.push(Line {
                    group: g.group.into(),
                    measure: "rate".into(),
                    numerator: g.events,
                    denominator: g.total,
                    value: num(g.rate),
                    ..Line::default()
                });
            }
            if let Some(r) = &f.ratio {
                let events = |label: &str| f.groups.iter().find(|g| g.group == label).and_then(|g| g.events);
                out.push(Line {
                    group: format!("{}/{}", r.numerator_group, r.denominator_group),
                    measure: "relative_likelihood".into(),
                    numerator: events(r.numerator_group),
                    denominator: events(r.denominator_group),
                    value: num(r.value),
                    ci_low: r.ci.as_ref().map(|c| c.low),
                    ci_high: r.ci.as_ref().and_then(|c| c.high),
                    p_value: r.p_value,
                    ..Line::default()
                });
            }
        }
        Figures::Survey(f) => {
            for r in &f.rows {
                out.push(Line {
                    group: r.group.into(),
                    measure: f.unit.into(),
                    denominator: r.respondents,
                    value: num(r.value),
                    ci_low: r.ci_low,
                    ci_high: r.ci_high,
                    status: Some(status_word(r.status)),
                    ..Line::default()
                });
            }
            out.push(Line {
                measure: "gap_pp".into(),
                value: num(f.gap_pp),
                ci_low: f.gap_ci_low,
                ci_high: f.gap_ci_high,
                ..Line::default()
            });
        }
        Figures::Board(f) => {
            for r in &f.rows {
                out.push(Line {
                    workforce: r.membership.into(),
                    group: r.group.into(),
                    measure: "percent".into(),
                    numerator: r.count,
                    denominator: r.total,
                    value: num(r.percent),
                    ..Line::default()
                });
            }
            for (membership, d) in [
                ("voting", f.difference_pp.voting),
                ("executive", f.difference_pp.executive),
                ("all", f.difference_pp.all),
            ] {
                out.push(Line {
                    workforce: membership.into(),
                    measure: "difference_pp".into(),
                    value: num(d),
                    ..Line::default()
                });
            }
        }
        Figures::Declaration(f) => {
            out.push(Line { measure: "answer".into(), value: f.answer.clone().unwrap_or_default(), ..Line::default() })
        }
    }
    if out.is_empty() {
        out.push(Line::default());
    }
    out
}

/// The results as CSV text.
pub fn to_string(results: &Results) -> Result<String> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    let err = |e: ::csv::Error| Error::internal(format!("writing the CSV: {e}"));
    w.write_record(HEADER).map_err(err)?;
    for ind in &results.indicators {
        for l in lines(ind) {
            let record = [
                ind.standard.clone(),
                ind.id.clone(),
                ind.kind.to_string(),
                l.workforce,
                l.band,
                l.group,
                l.measure,
                l.numerator.map(|n| n.to_string()).unwrap_or_default(),
                l.denominator.map(|n| n.to_string()).unwrap_or_default(),
                l.value,
                num(l.ci_low),
                num(l.ci_high),
                num(l.p_value),
                l.status.unwrap_or(status_word(ind.status)).to_string(),
            ];
            w.write_record(&record).map_err(err)?;
        }
    }
    for record in super::csv_extensions::records(results) {
        w.write_record(&record).map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::internal(format!("writing the CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::internal(format!("writing the CSV: {e}")))
}
