//! What `report` and `batch` say on stderr at the default verbosity, besides the files written: each figure not
//! computed with its one-line reason, a line per input that had rows left out, values not recognised or warnings,
//! and one `warning:` line per condition worth acting on (dates outside the period, ...). Plain lines a person
//! can read and a log can keep; everything comes from the results, nothing is recomputed.

use crate::compute::results::{Results, Status};
use crate::normalise::quality::{shown, InputQuality};

/// How many raw values of one field a line names before it says how many more there are.
const VALUES_SHOWN: usize = 3;

/// The lines about `results`: the figures not computed, then the data quality, then the warnings. Empty when
/// every figure was computed and every row used.
///
/// ```
/// use wres_wdes::commands::console::lines;
/// use wres_wdes::compute::{compute, results::Status};
/// use wres_wdes::config::Settings;
/// use wres_wdes::normalise::records::Records;
/// let results = compute(&Records::default(), &Settings::for_year(2025))?;
/// let lines = lines(&results);
/// assert!(lines.iter().any(|l| l == "  WRES2, WDES2 not computed: no recruitment file was given"));
/// # Ok::<(), wres_wdes::Error>(())
/// ```
pub fn lines(results: &Results) -> Vec<String> {
    let mut out = Vec::new();
    // One line per status and reason, naming every figure it holds for, in the order of the first.
    let mut missing: Vec<(&str, &str, Vec<&str>)> = Vec::new();
    for i in results.indicators.iter().filter(|i| i.status != Status::Ok) {
        let what = match i.status {
            Status::NoData => "not computed",
            Status::NotEstimable => "no figure",
            _ => "withheld",
        };
        let reason = i.reason.as_deref().unwrap_or("no reason given");
        match missing.iter_mut().find(|(w, r, _)| *w == what && *r == reason) {
            Some((_, _, ids)) => ids.push(&i.id),
            None => missing.push((what, reason, vec![&i.id])),
        }
    }
    let missing: Vec<String> =
        missing.iter().map(|(what, reason, ids)| format!("  {} {what}: {reason}", ids.join(", "))).collect();
    if !missing.is_empty() {
        out.push("figures not computed:".to_string());
        out.extend(missing);
    }
    let dq = &results.data_quality;
    let mut quality: Vec<String> = dq.inputs.iter().filter_map(input_line).collect();
    if let (Some(other), Some(staff)) =
        (dq.other_band_staff.filter(|n| *n > 0), dq.inputs.iter().find(|q| q.kind == "staff"))
    {
        quality.push(format!(
            "  {}: {other} of {} staff in the workforce have no Agenda for Change band and are shown in band 'Other'",
            staff.path, dq.declaration.headcount
        ));
    }
    if !quality.is_empty() {
        out.push("data quality:".to_string());
        out.extend(quality);
    }
    for q in &dq.inputs {
        for w in &q.warnings {
            let detail = w.detail.clone().unwrap_or_else(|| format!("{} with {}", rows(w.rows), w.warning));
            out.push(format!("warning: {}: {detail}", q.path));
        }
    }
    out
}

/// One input's rows left out and values not recognised, on one line; `None` when there are none.
fn input_line(q: &InputQuality) -> Option<String> {
    let mut parts = Vec::new();
    if !q.excluded.is_empty() {
        let reasons: Vec<String> = q.excluded.iter().map(|e| format!("{} {}", shown(e.rows), e.reason)).collect();
        parts.push(format!("{}, {} used; left out: {}", rows(q.rows_read), shown(q.rows_used), reasons.join(", ")));
    }
    let mut fields: Vec<&str> = q.unrecognised.iter().map(|u| u.field).collect();
    fields.dedup();
    let unknown: Vec<String> = fields
        .iter()
        .map(|field| {
            let values: Vec<_> = q.unrecognised.iter().filter(|u| u.field == *field).collect();
            let rows: Option<u64> = values.iter().map(|u| u.rows).sum();
            let mut named: Vec<String> = values.iter().take(VALUES_SHOWN).map(|u| format!("'{}'", u.value)).collect();
            if values.len() > VALUES_SHOWN {
                named.push(format!("{} more", values.len() - VALUES_SHOWN));
            }
            format!("{field} in {} ({})", self::rows(rows), named.join(", "))
        })
        .collect();
    if !unknown.is_empty() {
        parts.push(format!("not recognised: {}", unknown.join("; ")));
    }
    (!parts.is_empty()).then(|| format!("  {}: {}", q.path, parts.join("; ")))
}

/// A count of rows in words: `1 row`, `12 rows`, `* rows` when withheld.
fn rows(n: Option<u64>) -> String {
    match n {
        Some(1) => "1 row".to_string(),
        _ => format!("{} rows", shown(n)),
    }
}
