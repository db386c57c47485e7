//! The system roll-up as CSV (`system-rollup.csv`, beside `system-rollup.json`): one tidy row per (indicator,
//! trust or system, measure), so a system's figures pivot straight into Excel or Power BI.
//!
//! Columns: `standard,indicator,scope,trust,trust_name,workforce,band,group,input,measure,numerator,denominator,
//! value,ci_low,ci_high,p_value,flag`. `scope` is `system` or `trust`; `trust` is the trust's label (organisation
//! code, else name; a failed trust's config file). The rows, in this order:
//! - representation (`WRES1`, `WDES1`), system: one row per (workforce, band, group), measure `percent`
//!   (numerator = count, denominator = total);
//! - shares, system then each trust: measure `share` (the protected group's share of the whole workforce, with
//!   its Wilson interval); for each trust with a population comparison, `share_of_recorded` (its share of staff
//!   with a recorded value, interval), `population_percent`, and `difference_pp` (flag `outside_interval` or
//!   `inside_interval`);
//! - each relative likelihood, system: measure `rate` per group, `relative_likelihood` (pooled; flag the
//!   non-adverse range assessment), `mantel_haenszel` (value, interval), `homogeneity_q` (about the
//!   Mantel-Haenszel ratio; numerator = degrees of freedom), `funnel_q` (about the inverse-variance mean;
//!   numerator = degrees of freedom; flag `over_dispersed` or `not_over_dispersed`), `funnel_tau2` (the tau^2 the
//!   limits use); then each trust: `rate` for the two groups, `relative_likelihood` (its own ratio and interval),
//!   `ln_ratio`, `standard_error`, `information`, `funnel_95` and `funnel_99_8` (ci_low/ci_high = the limits as
//!   ratios at its standard error) and `funnel_flag` (flag `above_99_8` ... `not_estimable`);
//! - each survey measure, system then each trust: `percent` or `score` per group (denominator = respondents),
//!   `gap_pp` (flag the trust's status when it is not `ok`);
//! - each board indicator, system: `percent` per (membership in `workforce`, group), `difference_pp` per
//!   membership; each trust: `difference_pp` per membership;
//! - data quality, each trust (indicator `data_quality`): `headcount`, `ethnicity_declared_percent`,
//!   `disability_declared_percent`, and per input file (`input`) `rows_read`, `rows_used`, `rows_left_out`
//!   (value = percent of rows read) and `unrecognised_rows`;
//! - each trust that failed to run (indicator `run`): measure `status`, value the exit code, flag `failed`.

use super::csv::{num, status_word};
use crate::compute::results::{BoardDifference, Status};
use crate::compute::rollup::Rollup;
use crate::error::{Error, Result};
use crate::stats::funnel::Limits;
use crate::stats::Assessment;

/// The CSV header.
pub const HEADER: [&str; 17] = [
    "standard",
    "indicator",
    "scope",
    "trust",
    "trust_name",
    "workforce",
    "band",
    "group",
    "input",
    "measure",
    "numerator",
    "denominator",
    "value",
    "ci_low",
    "ci_high",
    "p_value",
    "flag",
];

#[derive(Default)]
struct Line {
    indicator: String,
    trust: Option<(String, String)>,
    workforce: String,
    band: String,
    group: String,
    input: String,
    measure: &'static str,
    numerator: Option<u64>,
    denominator: Option<u64>,
    value: Option<f64>,
    ci_low: Option<f64>,
    ci_high: Option<f64>,
    p_value: Option<f64>,
    flag: String,
}

/// A system row of counts: `count` of `total` in one (workforce or membership, band, group), as a percentage.
fn percent_line(
    indicator: &str,
    workforce: &str,
    band: &str,
    group: &str,
    count: u64,
    total: u64,
    percent: Option<f64>,
) -> Line {
    Line {
        indicator: indicator.to_string(),
        workforce: workforce.to_string(),
        band: band.to_string(),
        group: group.to_string(),
        measure: "percent",
        numerator: Some(count),
        denominator: Some(total),
        value: percent,
        ..Line::default()
    }
}

fn assessment_word(a: Assessment) -> &'static str {
    match a {
        Assessment::WithinNonAdverseRange => "within_non_adverse_range",
        Assessment::OutsideNonAdverseRange => "outside_non_adverse_range",
        Assessment::NotEstimable => "not_estimable",
    }
}

fn differences(d: &BoardDifference) -> [(&'static str, Option<f64>); 3] {
    [("voting", d.voting), ("executive", d.executive), ("all", d.all)]
}

fn limit_lines(l: Option<&Limits>) -> [(&'static str, Option<f64>, Option<f64>); 2] {
    [
        ("funnel_95", l.map(|l| l.low_95), l.map(|l| l.high_95)),
        ("funnel_99_8", l.map(|l| l.low_99_8), l.map(|l| l.high_99_8)),
    ]
}

fn lines(r: &Rollup) -> Vec<Line> {
    let mut out = Vec::new();
    let of = |t: &str, n: &str| Some((t.to_string(), n.to_string()));
    for rep in &r.representation {
        for row in &rep.rows {
            out.push(percent_line(&rep.id, row.workforce, &row.band, row.group, row.count, row.total, row.percent));
        }
    }
    for s in &r.shares {
        let share = |trust, sh: &crate::compute::rollup::shares::Share| Line {
            indicator: s.id.clone(),
            trust,
            group: s.group.to_string(),
            measure: "share",
            numerator: sh.count,
            denominator: sh.total,
            value: sh.percent,
            ci_low: sh.ci_low,
            ci_high: sh.ci_high,
            ..Line::default()
        };
        out.push(share(None, &s.system));
        for t in &s.trusts {
            out.push(share(of(&t.trust, &t.name), &t.share));
            if let Some(p) = &t.population {
                let line = |measure, value| Line {
                    indicator: s.id.clone(),
                    trust: of(&t.trust, &t.name),
                    group: s.group.to_string(),
                    measure,
                    value,
                    ..Line::default()
                };
                out.push(Line {
                    ci_low: p.ci_low,
                    ci_high: p.ci_high,
                    ..line("share_of_recorded", p.workforce_percent)
                });
                out.push(line("population_percent", p.population_percent));
                let flag = match p.outside_interval {
                    Some(true) => "outside_interval",
                    Some(false) => "inside_interval",
                    None => "",
                };
                out.push(Line { flag: flag.to_string(), ..line("difference_pp", p.difference_pp) });
            }
        }
    }
    for rl in &r.relative_likelihoods {
        let id = || rl.id.clone();
        for g in &rl.groups {
            out.push(Line {
                indicator: id(),
                group: g.group.to_string(),
                measure: "rate",
                numerator: g.events,
                denominator: g.total,
                value: g.rate,
                ..Line::default()
            });
        }
        if let Some(p) = &rl.pooled {
            out.push(Line {
                indicator: id(),
                group: format!("{}/{}", p.numerator_group, p.denominator_group),
                measure: "relative_likelihood",
                value: p.value,
                ci_low: p.ci.as_ref().map(|c| c.low),
                ci_high: p.ci.as_ref().and_then(|c| c.high),
                p_value: p.p_value,
                flag: assessment_word(rl.assessment).to_string(),
                ..Line::default()
            });
        }
        let mh = &rl.mantel_haenszel;
        out.push(Line {
            indicator: id(),
            measure: "mantel_haenszel",
            value: mh.value,
            ci_low: mh.ci.map(|c| c.low),
            ci_high: mh.ci.and_then(|c| c.high),
            ..Line::default()
        });
        out.push(Line {
            indicator: id(),
            measure: "homogeneity_q",
            numerator: Some(mh.df),
            value: mh.q,
            p_value: mh.p_homogeneity,
            ..Line::default()
        });
        let f = &rl.funnel;
        out.push(Line {
            indicator: id(),
            measure: "funnel_q",
            numerator: f.dispersion.map(|d| d.df),
            value: f.dispersion.map(|d| d.q),
            p_value: f.dispersion.map(|d| d.p_value),
            flag: if f.dispersion.is_none() {
                String::new()
            } else if f.over_dispersed {
                "over_dispersed".into()
            } else {
                "not_over_dispersed".into()
            },
            ..Line::default()
        });
        out.push(Line { indicator: id(), measure: "funnel_tau2", value: Some(f.tau2), ..Line::default() });
        let (num_group, den_group) = rl.pooled.as_ref().map_or(("", ""), |p| (p.numerator_group, p.denominator_group));
        for t in &f.trusts {
            let line = |measure| Line { indicator: id(), trust: of(&t.trust, &t.name), measure, ..Line::default() };
            for (group, events, total) in [
                (num_group, t.numerator_events, t.numerator_total),
                (den_group, t.denominator_events, t.denominator_total),
            ] {
                let rate = events.zip(total).filter(|(_, n)| *n > 0).map(|(e, n)| e as f64 / n as f64);
                out.push(Line {
                    group: group.to_string(),
                    numerator: events,
                    denominator: total,
                    value: rate,
                    ..line("rate")
                });
            }
            out.push(Line {
                group: format!("{num_group}/{den_group}"),
                value: t.ratio,
                ci_low: t.ci.as_ref().map(|c| c.low),
                ci_high: t.ci.as_ref().and_then(|c| c.high),
                flag: assessment_word(t.assessment).to_string(),
                ..line("relative_likelihood")
            });
            out.push(Line { value: t.y, ..line("ln_ratio") });
            out.push(Line { value: t.s, ..line("standard_error") });
            out.push(Line { value: t.information, ..line("information") });
            for (measure, low, high) in limit_lines(t.limits.as_ref()) {
                out.push(Line { ci_low: low, ci_high: high, ..line(measure) });
            }
            out.push(Line { flag: t.flag.name().to_string(), ..line("funnel_flag") });
        }
    }
    for s in &r.survey {
        let unit = if s.unit == "score" { "score" } else { "percent" };
        for row in &s.system.rows {
            out.push(Line {
                indicator: s.id.clone(),
                group: row.group.clone(),
                measure: unit,
                denominator: Some(row.respondents),
                value: row.value,
                ci_low: row.ci_low,
                ci_high: row.ci_high,
                ..Line::default()
            });
        }
        out.push(Line {
            indicator: s.id.clone(),
            measure: "gap_pp",
            value: s.system.gap_pp,
            ci_low: s.system.gap_ci_low,
            ci_high: s.system.gap_ci_high,
            ..Line::default()
        });
        for t in &s.trusts {
            let flag = t.status.filter(|s| *s != Status::Ok).map(status_word).unwrap_or_default().to_string();
            for row in &t.rows {
                out.push(Line {
                    indicator: s.id.clone(),
                    trust: of(&t.trust, &t.name),
                    group: row.group.to_string(),
                    measure: unit,
                    denominator: row.respondents,
                    value: row.value,
                    ci_low: row.ci_low,
                    ci_high: row.ci_high,
                    flag: if row.status == Status::Ok { String::new() } else { status_word(row.status).to_string() },
                    ..Line::default()
                });
            }
            out.push(Line {
                indicator: s.id.clone(),
                trust: of(&t.trust, &t.name),
                measure: "gap_pp",
                value: t.gap_pp,
                ci_low: t.gap_ci_low,
                ci_high: t.gap_ci_high,
                flag: if t.status.is_none() { "not_reported".into() } else { flag },
                ..Line::default()
            });
        }
    }
    for b in &r.board {
        for row in &b.rows {
            out.push(percent_line(&b.id, row.membership, "", row.group, row.count, row.total, row.percent));
        }
        for (membership, d) in differences(&b.difference_pp) {
            out.push(Line {
                indicator: b.id.clone(),
                workforce: membership.into(),
                group: b.protected_group.clone(),
                measure: "difference_pp",
                value: d,
                ..Line::default()
            });
        }
        for t in &b.trusts {
            let flag = match t.status {
                None => "not_reported",
                Some(s) if s != Status::Ok => status_word(s),
                _ => "",
            };
            let none = BoardDifference { voting: None, executive: None, all: None };
            for (membership, d) in differences(t.difference_pp.as_ref().unwrap_or(&none)) {
                out.push(Line {
                    indicator: b.id.clone(),
                    trust: of(&t.trust, &t.name),
                    workforce: membership.into(),
                    group: b.protected_group.clone(),
                    measure: "difference_pp",
                    value: d,
                    flag: flag.to_string(),
                    ..Line::default()
                });
            }
        }
    }
    for q in &r.data_quality {
        let line = |measure, value| Line {
            indicator: "data_quality".into(),
            trust: of(&q.trust, &q.name),
            measure,
            value,
            ..Line::default()
        };
        out.push(Line { numerator: Some(q.headcount), ..line("headcount", None) });
        out.push(line("ethnicity_declared_percent", q.ethnicity_declared_percent));
        out.push(line("disability_declared_percent", q.disability_declared_percent));
        for i in &q.inputs {
            let input = |measure, n: Option<u64>| Line { input: i.kind.into(), numerator: n, ..line(measure, None) };
            out.push(input("rows_read", i.rows_read));
            out.push(input("rows_used", i.rows_used));
            out.push(Line { value: i.left_out_percent, ..input("rows_left_out", i.rows_left_out) });
            out.push(input("unrecognised_rows", i.unrecognised_rows));
        }
    }
    for f in &r.failed {
        out.push(Line {
            indicator: "run".into(),
            trust: Some((f.config.clone(), String::new())),
            measure: "status",
            value: Some(f64::from(f.exit_code)),
            flag: "failed".into(),
            ..Line::default()
        });
    }
    out
}

/// The standard an indicator belongs to (`WRES`, `WDES`, or empty for the data-quality and run rows).
fn standard(indicator: &str) -> &'static str {
    if indicator.starts_with("WRES") {
        "WRES"
    } else if indicator.starts_with("WDES") {
        "WDES"
    } else {
        ""
    }
}

/// The roll-up as CSV text.
///
/// ```
/// use wres_wdes::compute::rollup::rollup;
/// use wres_wdes::compute::status::StatusRules;
/// use wres_wdes::render::rollup_csv::to_string;
/// let empty = rollup("Empty", &[], &[], wres_wdes::stats::CiMethod::Score, 0.95, &StatusRules::default()).unwrap();
/// let csv = to_string(&empty).unwrap();
/// assert!(csv.starts_with("standard,indicator,scope,trust,"));
/// ```
pub fn to_string(r: &Rollup) -> Result<String> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    let err = |e: ::csv::Error| Error::internal(format!("writing the CSV: {e}"));
    w.write_record(HEADER).map_err(err)?;
    for l in lines(r) {
        let (scope, trust, name) = match l.trust {
            Some((t, n)) => ("trust", t, n),
            None => ("system", String::new(), String::new()),
        };
        let record = [
            standard(&l.indicator).to_string(),
            l.indicator,
            scope.to_string(),
            trust,
            name,
            l.workforce,
            l.band,
            l.group,
            l.input,
            l.measure.to_string(),
            l.numerator.map(|n| n.to_string()).unwrap_or_default(),
            l.denominator.map(|n| n.to_string()).unwrap_or_default(),
            num(l.value),
            num(l.ci_low),
            num(l.ci_high),
            num(l.p_value),
            l.flag,
        ];
        w.write_record(&record).map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| Error::internal(format!("writing the CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| Error::internal(format!("writing the CSV: {e}")))
}
