//! Staff Survey measures (WRES 5-8, WDES 4-9a) across trusts: each trust's values and gap with its interval, and
//! the system's figure pooled over the trusts that report every group compared: each group's percentage (or
//! score) weighted by its respondents, which is the share of all the system's respondents in that group, with a
//! Wilson interval on the pooled respondents and Newcombe's interval of the gap.

use serde::Serialize;

use super::digest::TrustDigest;
use crate::compute::definitions::{Definition, Rule};
use crate::compute::results::{Figures, Status, SurveyFigures, SurveyRow};
use crate::stats::proportion::{newcombe_difference, wilson_percent};

/// One survey measure across the system.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollupSurvey {
    /// The indicator (`WRES5` .. `WDES9a`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// `percent` or `score`.
    pub unit: &'static str,
    /// The protected group (`BME`, `Disabled`).
    pub protected_group: Option<String>,
    /// The group compared with (`White`, `Non-disabled`; none for a measure of one group).
    pub comparison_group: Option<String>,
    /// The system's pooled figure.
    pub system: PooledSurvey,
    /// One entry per trust, in manifest order.
    pub trusts: Vec<TrustSurvey>,
}

/// The pooled figure of one measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PooledSurvey {
    /// Trusts pooled: those reporting a value (not suppressed) for every group compared.
    pub trusts_used: usize,
    /// The protected group, then the comparison group.
    pub rows: Vec<PooledRow>,
    /// Protected minus comparison, in percentage points (score points for a score).
    pub gap_pp: Option<f64>,
    /// Newcombe interval of the gap (percentages only).
    pub gap_ci_low: Option<f64>,
    /// Upper limit of the gap's interval.
    pub gap_ci_high: Option<f64>,
}

/// One group's pooled value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PooledRow {
    /// The group.
    pub group: String,
    /// The respondent-weighted percentage or score (`None` when no trust is pooled).
    pub value: Option<f64>,
    /// Respondents summed over the trusts pooled.
    pub respondents: u64,
    /// Wilson interval lower limit (percentages only).
    pub ci_low: Option<f64>,
    /// Upper limit.
    pub ci_high: Option<f64>,
}

/// One trust's result for one measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustSurvey {
    /// The trust's label.
    pub trust: String,
    /// Its name.
    pub name: String,
    /// Its status for this measure (`None` when the trust did not report it).
    pub status: Option<Status>,
    /// Why it has no figures, when it has none.
    pub reason: Option<String>,
    /// Its rows, as its own results give them.
    pub rows: Vec<SurveyRow>,
    /// Protected minus comparison group.
    pub gap_pp: Option<f64>,
    /// Lower limit of the gap's interval.
    pub gap_ci_low: Option<f64>,
    /// Upper limit of the gap's interval.
    pub gap_ci_high: Option<f64>,
}

/// The measure `def` across `trusts`, pooled at confidence `level`.
pub fn survey(def: &Definition, trusts: &[TrustDigest], level: f64) -> RollupSurvey {
    let (protected, comparison) = match &def.rule {
        Rule::Survey(m) => (Some(m.protected_group.label()), m.comparison_group.map(|g| g.label())),
        _ => (None, None),
    };
    let wanted: Vec<&str> = [protected, comparison].into_iter().flatten().collect();
    let mut unit = "percent";
    let mut sums = vec![(0.0f64, 0u64); wanted.len()];
    let mut used = 0;
    let mut entries = Vec::new();
    for t in trusts {
        let ind = t.indicator(&def.id);
        let figures = ind.and_then(|i| match &i.figures {
            Figures::Survey(f) => Some(f),
            _ => None,
        });
        if let Some(f) = figures {
            unit = f.unit;
            if let Some(values) = values_of(f, &wanted) {
                used += 1;
                for (sum, (v, n)) in sums.iter_mut().zip(values) {
                    sum.0 += v * n as f64;
                    sum.1 += n;
                }
            }
        }
        entries.push(TrustSurvey {
            trust: t.trust.clone(),
            name: t.name.clone(),
            status: ind.map(|i| i.status),
            reason: match ind {
                Some(i) => i.reason.clone(),
                None => Some(format!("the trust's results hold no {}", def.id)),
            },
            rows: figures.map(|f| f.rows.clone()).unwrap_or_default(),
            gap_pp: figures.and_then(|f| f.gap_pp),
            gap_ci_low: figures.and_then(|f| f.gap_ci_low),
            gap_ci_high: figures.and_then(|f| f.gap_ci_high),
        });
    }
    let rows: Vec<PooledRow> = wanted
        .iter()
        .zip(&sums)
        .map(|(group, &(weighted, n))| {
            let value = (n > 0).then(|| weighted / n as f64);
            let ci = value.filter(|_| unit == "percent").and_then(|v| wilson_percent(v, n as f64, level));
            PooledRow {
                group: group.to_string(),
                value,
                respondents: n,
                ci_low: ci.map(|c| c.low),
                ci_high: ci.and_then(|c| c.high),
            }
        })
        .collect();
    let (gap_pp, gap_ci) = match rows.as_slice() {
        [p, c] => match (p.value, c.value) {
            (Some(pv), Some(cv)) => {
                let (n1, n2) = (p.respondents as f64, c.respondents as f64);
                let ci = (unit == "percent")
                    .then(|| newcombe_difference(pv / 100.0 * n1, n1, cv / 100.0 * n2, n2, level))
                    .flatten();
                (Some(pv - cv), ci)
            }
            _ => (None, None),
        },
        _ => (None, None),
    };
    RollupSurvey {
        id: def.id.clone(),
        title: def.title.clone(),
        unit,
        protected_group: protected.map(str::to_string),
        comparison_group: comparison.map(str::to_string),
        system: PooledSurvey {
            trusts_used: used,
            rows,
            gap_pp,
            gap_ci_low: gap_ci.map(|c| c.low * 100.0),
            gap_ci_high: gap_ci.and_then(|c| c.high).map(|h| h * 100.0),
        },
        trusts: entries,
    }
}

/// Each wanted group's (value, respondents), when the trust reports every one of them unsuppressed.
fn values_of(f: &SurveyFigures, wanted: &[&str]) -> Option<Vec<(f64, u64)>> {
    wanted
        .iter()
        .map(|g| {
            let row = f.rows.iter().find(|r| r.group == *g && r.status == Status::Ok)?;
            Some((row.value?, row.respondents.filter(|n| *n > 0)?))
        })
        .collect()
}
