//! The system roll-up (an ICS or region) across trusts' results: representation from summed counts, each
//! relative likelihood from pooled counts, and the Mantel-Haenszel common ratio across trusts with its interval
//! and a test of homogeneity, so a system sees both its pooled figure and whether its trusts differ.
//!
//! Built only from the trusts' results (their counts), never from their records.

use std::collections::BTreeMap;

use serde::Serialize;

use super::relative_likelihood::ratio;
use super::representation::percent;
use super::results::{Figures, GroupRate, Ratio, Results};
use crate::normalise::records::Tally;
use crate::stats::mantel_haenszel::{mantel_haenszel, MantelHaenszel};
use crate::stats::{Assessment, CiMethod, TwoGroups};

/// The roll-up of a system.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rollup {
    /// The system's name.
    pub name: String,
    /// The trusts included, by organisation code (or name).
    pub trusts: Vec<String>,
    /// Summed representation rows, by indicator (`WRES1`, `WDES1`).
    pub representation: Vec<RollupRepresentation>,
    /// Pooled relative likelihoods and the Mantel-Haenszel ratio, by indicator.
    pub relative_likelihoods: Vec<RollupRatio>,
}

/// Summed representation of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollupRepresentation {
    /// `WRES1` or `WDES1`.
    pub id: String,
    /// Summed rows: workforce, band, group, count, total, percent.
    pub rows: Vec<RollupRow>,
}

/// One summed representation row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollupRow {
    /// Workforce block.
    pub workforce: String,
    /// Band or cluster.
    pub band: String,
    /// Group.
    pub group: String,
    /// Summed count.
    pub count: u64,
    /// Summed total.
    pub total: u64,
    /// count / total in percent.
    pub percent: Option<f64>,
}

/// The pooled and the stratified view of one relative likelihood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollupRatio {
    /// The indicator.
    pub id: String,
    /// Events and totals summed over the trusts.
    pub groups: Vec<GroupRate>,
    /// The ratio of the pooled counts.
    pub pooled: Option<Ratio>,
    /// Its assessment.
    pub assessment: Assessment,
    /// The Mantel-Haenszel common ratio across trusts, with Cochran's Q.
    pub mantel_haenszel: MantelHaenszel,
    /// Trusts contributing (with both groups present).
    pub trusts_used: usize,
}

/// Summed cells of one representation indicator: (workforce, band, group) to (count, total, first seen).
type SummedCells = BTreeMap<(String, String, String), (u64, u64, usize)>;

/// One relative likelihood across trusts: its two groups, each trust's counts, and the summed tallies.
struct Pooled {
    numerator: &'static str,
    denominator: &'static str,
    strata: Vec<TwoGroups>,
    sums: BTreeMap<&'static str, Tally>,
}

/// Rolls up the results of several trusts.
pub fn rollup(name: &str, trusts: &[Results], method: CiMethod, level: f64) -> Rollup {
    let mut representation: BTreeMap<String, SummedCells> = BTreeMap::new();
    let mut rl: BTreeMap<String, Pooled> = BTreeMap::new();
    let mut order = 0usize;
    for results in trusts {
        for ind in &results.indicators {
            match &ind.figures {
                Figures::Representation(f) => {
                    let table = representation.entry(ind.id.clone()).or_default();
                    for r in &f.rows {
                        let key = (r.workforce.to_string(), r.band.clone(), r.group.to_string());
                        order += 1;
                        let cell = table.entry(key).or_insert((0, 0, order));
                        cell.0 += r.count.unwrap_or(0);
                        cell.1 += r.total.unwrap_or(0);
                    }
                }
                Figures::RelativeLikelihood(f) => {
                    let Some(r) = &f.ratio else { continue };
                    let entry = rl.entry(ind.id.clone()).or_insert(Pooled {
                        numerator: r.numerator_group,
                        denominator: r.denominator_group,
                        strata: Vec::new(),
                        sums: BTreeMap::new(),
                    });
                    let get = |label: &str| {
                        f.groups
                            .iter()
                            .find(|g| g.group == label)
                            .map(|g| (g.events.unwrap_or(0), g.total.unwrap_or(0)))
                    };
                    for g in &f.groups {
                        let t = entry.sums.entry(g.group).or_default();
                        t.events += g.events.unwrap_or(0);
                        t.total += g.total.unwrap_or(0);
                    }
                    if let (Some((a, n1)), Some((c, n2))) = (get(r.numerator_group), get(r.denominator_group)) {
                        if let Ok(g) = TwoGroups::new(a, n1, c, n2) {
                            entry.strata.push(g);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let representation = representation
        .into_iter()
        .map(|(id, cells)| {
            let mut rows: Vec<_> = cells.into_iter().collect();
            rows.sort_by_key(|(_, (_, _, o))| *o);
            RollupRepresentation {
                id,
                rows: rows
                    .into_iter()
                    .map(|((workforce, band, group), (count, total, _))| RollupRow {
                        workforce,
                        band,
                        group,
                        count,
                        total,
                        percent: percent(count, total),
                    })
                    .collect(),
            }
        })
        .collect();
    let relative_likelihoods = rl
        .into_iter()
        .map(|(id, Pooled { numerator: num, denominator: den, strata, sums })| {
            let a = sums.get(num).copied().unwrap_or_default();
            let c = sums.get(den).copied().unwrap_or_default();
            let (pooled, assessment) = ratio(num, den, a, c, method, level);
            let groups = sums.iter().map(|(g, t)| GroupRate::of(g, *t)).collect();
            RollupRatio {
                id,
                groups,
                pooled: Some(pooled),
                assessment,
                mantel_haenszel: mantel_haenszel(&strata, level),
                trusts_used: strata.len(),
            }
        })
        .collect();
    Rollup {
        name: name.to_string(),
        trusts: trusts
            .iter()
            .map(
                |r| {
                    if r.organisation.code.is_empty() {
                        r.organisation.name.clone()
                    } else {
                        r.organisation.code.clone()
                    }
                },
            )
            .collect(),
        representation,
        relative_likelihoods,
    }
}
