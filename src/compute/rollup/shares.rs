//! WRES 1 and WDES 1 across trusts: each trust's BME (or Disabled) share of its whole workforce with a Wilson
//! interval, and the system's from the summed counts; beside each trust's share, its workforce against the
//! local population its config names (its catchment, ICB, local authorities, region, or England by default),
//! as its own results give it.

use serde::Serialize;

use super::digest::TrustDigest;
use crate::compute::definitions::{Definition, Dimension};
use crate::compute::population::area::AreaInfo;
use crate::compute::population::comparison::GroupSet;
use crate::compute::representation::percent;
use crate::compute::results::Figures;
use crate::stats::proportion::wilson;

/// One representation indicator's protected-group share across the system.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollupShare {
    /// `WRES1` or `WDES1`.
    pub id: String,
    /// `BME` or `Disabled`.
    pub group: &'static str,
    /// The system's share, from the trusts' summed counts.
    pub system: Share,
    /// One entry per trust, in manifest order.
    pub trusts: Vec<TrustShare>,
}

/// A share of the whole workforce (unknowns in the denominator), in percent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    /// People in the group.
    pub count: Option<u64>,
    /// The whole workforce.
    pub total: Option<u64>,
    /// count / total in percent.
    pub percent: Option<f64>,
    /// Wilson interval lower limit, in percent.
    pub ci_low: Option<f64>,
    /// Upper limit, in percent.
    pub ci_high: Option<f64>,
}

/// One trust's share and its comparison with its local population.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustShare {
    /// The trust's label.
    pub trust: String,
    /// Its name.
    pub name: String,
    /// Its share of the whole workforce.
    #[serde(flatten)]
    pub share: Share,
    /// Its workforce against its local population (`None` without a staff snapshot).
    pub population: Option<AreaComparison>,
}

/// A trust's workforce against the population of its area: shares of those with a recorded value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaComparison {
    /// The area compared with (kind `england` unless the trust's config names another).
    pub area: AreaInfo,
    /// The group's share of the workforce with a recorded value, in percent.
    pub workforce_percent: Option<f64>,
    /// Its Wilson interval, lower limit.
    pub ci_low: Option<f64>,
    /// Upper limit.
    pub ci_high: Option<f64>,
    /// The group's share of the area's population, in percent.
    pub population_percent: Option<f64>,
    /// Workforce minus population, in percentage points.
    pub difference_pp: Option<f64>,
    /// Whether the population share lies outside the workforce share's interval.
    pub outside_interval: Option<bool>,
}

fn share(count: Option<u64>, total: Option<u64>, level: f64) -> Share {
    let ci = match (count, total) {
        (Some(c), Some(t)) => wilson(c as f64, t as f64, level),
        _ => None,
    };
    Share {
        count,
        total,
        percent: count.zip(total).and_then(|(c, t)| percent(c, t)),
        ci_low: ci.map(|c| c.low * 100.0),
        ci_high: ci.and_then(|c| c.high).map(|h| h * 100.0),
    }
}

/// The share of `def` (WRES 1 or WDES 1) across `trusts` at confidence `level`.
pub fn shares(def: &Definition, trusts: &[TrustDigest], level: f64) -> RollupShare {
    let (group, set) = match def.dimension {
        Dimension::Ethnicity => ("BME", GroupSet::Wres),
        Dimension::Disability => ("Disabled", GroupSet::Disability),
    };
    let (mut count, mut total) = (Some(0u64), Some(0u64));
    let mut any = false;
    let entries = trusts
        .iter()
        .map(|t| {
            let row = t.indicator(&def.id).and_then(|i| match &i.figures {
                Figures::Representation(f) => f.rows.iter().find(|r| r.workforce == "overall" && r.group == group),
                _ => None,
            });
            if let Some(r) = row {
                any = true;
                count = count.zip(r.count).map(|(a, b)| a + b);
                total = total.zip(r.total).map(|(a, b)| a + b);
            }
            let population = t.population.as_ref().and_then(|p| {
                let r = p.rows.iter().find(|r| r.set == set && r.group == group)?;
                Some(AreaComparison {
                    area: p.area.clone(),
                    workforce_percent: r.workforce_percent,
                    ci_low: r.ci_low,
                    ci_high: r.ci_high,
                    population_percent: r.population_percent,
                    difference_pp: r.difference_pp,
                    outside_interval: r.outside_interval,
                })
            });
            TrustShare {
                trust: t.trust.clone(),
                name: t.name.clone(),
                share: share(row.and_then(|r| r.count), row.and_then(|r| r.total), level),
                population,
            }
        })
        .collect();
    let (count, total) = if any { (count, total) } else { (None, None) };
    RollupShare { id: def.id.clone(), group, system: share(count, total, level), trusts: entries }
}
