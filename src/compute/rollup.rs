//! The system roll-up (an ICS or region) across trusts' results: representation from summed counts, each
//! relative likelihood from pooled counts, and the Mantel-Haenszel common ratio across trusts with its interval
//! and a test of homogeneity, so a system sees both its pooled figure and whether its trusts differ; each
//! relative likelihood's funnel (every trust against the system's ratio, with 95% and 99.8% limits); and what a
//! system's summary needs beside: the survey gaps and workforce shares of every trust and of the system, the
//! boards, each trust's data quality, the trusts that failed to run, and the key facts.
//!
//! Built only from the trusts' results (their counts), never from their records.

pub mod board;
pub mod digest;
pub mod facts;
pub mod funnel;
pub mod shares;
pub mod summary;
pub mod survey;

use std::collections::BTreeMap;

use serde::Serialize;

use super::definitions::{self, Kind};
use super::relative_likelihood::ratio;
use super::representation::percent;
use super::results::{Figures, GroupRate, Ratio};
use crate::compute::status::StatusRules;
use crate::error::Result;
use crate::normalise::records::Tally;
use crate::stats::mantel_haenszel::{mantel_haenszel, MantelHaenszel};
use crate::stats::{Assessment, CiMethod, TwoGroups};
use digest::{TrustDigest, TrustQuality};

/// The roll-up of a system.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rollup {
    /// The system's name.
    pub name: String,
    /// The interval method of the system's figures (the first trust's).
    pub ci_method: CiMethod,
    /// Their confidence level.
    pub ci_level: f64,
    /// The trusts included, by organisation code (or name), in manifest order.
    pub trusts: Vec<String>,
    /// The trusts that failed to run (not in any figure).
    pub failed: Vec<FailedTrust>,
    /// Summed representation rows, by indicator (`WRES1`, `WDES1`).
    pub representation: Vec<RollupRepresentation>,
    /// Pooled relative likelihoods, the Mantel-Haenszel ratio and the funnel, by indicator.
    pub relative_likelihoods: Vec<RollupRatio>,
    /// The protected group's share of each trust's workforce and of the system's (`WRES1`, `WDES1`).
    pub shares: Vec<shares::RollupShare>,
    /// Survey measures per trust and pooled (WRES 5-8, WDES 4-9a).
    pub survey: Vec<survey::RollupSurvey>,
    /// Boards per trust and summed (WRES 9, WDES 10).
    pub board: Vec<board::RollupBoard>,
    /// Each trust's data quality in brief.
    pub data_quality: Vec<TrustQuality>,
    /// The key facts, most important first.
    pub key_facts: Vec<facts::KeyFact>,
    /// The system's figures and each trust's, judged by the board page's status rules, and the key messages.
    pub board_summary: summary::SystemSummary,
}

/// A trust that failed to run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FailedTrust {
    /// Its config file, as the manifest gives it.
    pub config: String,
    /// The exit code its run would have had (1 a file, 3 the data).
    pub exit_code: i32,
    /// What went wrong.
    pub error: String,
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
    pub workforce: &'static str,
    /// Band or cluster.
    pub band: String,
    /// Group.
    pub group: &'static str,
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
    /// Its title.
    pub title: String,
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
    /// Every trust against the system's ratio: the funnel plot's figures.
    pub funnel: funnel::Funnel,
}

/// Summed cells of one representation indicator: (workforce, band, group) to (count, total, first seen).
type SummedCells = BTreeMap<(&'static str, String, &'static str), (u64, u64, usize)>;

/// One relative likelihood across trusts: its two groups, each trust's counts, and the summed tallies.
struct Pooled {
    numerator: &'static str,
    denominator: &'static str,
    strata: Vec<TwoGroups>,
    sums: BTreeMap<&'static str, Tally>,
}

/// Rolls up `trusts` (and lists `failed`), with intervals by `method` at `level`, judging the system's figures
/// and each trust's by `rules`.
///
/// ```
/// use wres_wdes::compute::rollup::rollup;
/// use wres_wdes::compute::status::StatusRules;
/// use wres_wdes::stats::CiMethod;
/// let r = rollup("Empty system", &[], &[], CiMethod::Score, 0.95, &StatusRules::default()).unwrap();
/// assert!(r.relative_likelihoods.is_empty() && r.key_facts.is_empty());
/// ```
pub fn rollup(
    name: &str,
    trusts: &[TrustDigest],
    failed: &[FailedTrust],
    method: CiMethod,
    level: f64,
    rules: &StatusRules,
) -> Result<Rollup> {
    let defs = definitions::all()?;
    let mut representation: BTreeMap<String, SummedCells> = BTreeMap::new();
    let mut rl: BTreeMap<String, Pooled> = BTreeMap::new();
    let mut order = 0usize;
    for digest in trusts {
        for ind in &digest.indicators {
            match &ind.figures {
                Figures::Representation(f) => {
                    let table = representation.entry(ind.id.clone()).or_default();
                    for r in &f.rows {
                        let key = (r.workforce, r.band.clone(), r.group);
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
    let reported = |id: &str| trusts.iter().any(|t| t.indicator(id).is_some());
    let representation = defs
        .iter()
        .filter_map(|d| Some((d.id.clone(), representation.remove(&d.id)?)))
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
    let relative_likelihoods: Vec<RollupRatio> = defs
        .iter()
        .filter_map(|d| Some((d, rl.remove(&d.id)?)))
        .map(|(def, Pooled { numerator: num, denominator: den, strata, sums })| {
            let a = sums.get(num).copied().unwrap_or_default();
            let c = sums.get(den).copied().unwrap_or_default();
            let (pooled, assessment) = ratio(num, den, a, c, method, level);
            let groups = sums.iter().map(|(g, t)| GroupRate::of(g, *t)).collect();
            let mantel_haenszel = mantel_haenszel(&strata, level);
            RollupRatio {
                id: def.id.clone(),
                title: def.title.clone(),
                groups,
                pooled: Some(pooled),
                assessment,
                funnel: funnel::funnel(&def.id, num, den, trusts, mantel_haenszel.value),
                mantel_haenszel,
                trusts_used: strata.len(),
            }
        })
        .collect();
    let of_kind = |kind: Kind| defs.iter().filter(move |d| d.kind() == kind && reported(&d.id));
    let shares = of_kind(Kind::Representation).map(|d| shares::shares(d, trusts, level)).collect();
    let survey = of_kind(Kind::Survey).map(|d| survey::survey(d, trusts, level)).collect();
    let board = of_kind(Kind::Board).map(|d| board::board(d, trusts)).collect();
    let key_facts = facts::facts(&relative_likelihoods, failed);
    let mut rollup = Rollup {
        name: name.to_string(),
        ci_method: method,
        ci_level: level,
        trusts: trusts.iter().map(|t| t.trust.clone()).collect(),
        failed: failed.to_vec(),
        representation,
        relative_likelihoods,
        shares,
        survey,
        board,
        data_quality: trusts.iter().map(|t| t.quality.clone()).collect(),
        key_facts,
        board_summary: summary::SystemSummary::default(),
    };
    rollup.board_summary = summary::build(&rollup, trusts, defs, rules, level);
    Ok(rollup)
}

#[cfg(test)]
mod tests;
