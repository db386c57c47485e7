//! WRES 9 and WDES 10 across trusts: each trust's board against its workforce, and the system's boards together
//! against its workforce together (members and staff summed over the trusts that report a board).

use std::collections::BTreeMap;

use serde::Serialize;

use super::digest::TrustDigest;
use crate::compute::definitions::Definition;
use crate::compute::representation::percent;
use crate::compute::results::{BoardDifference, BoardFigures, Figures, Status};

/// One board indicator across the system.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollupBoard {
    /// `WRES9` or `WDES10`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The protected group (`BME`, `Disabled`).
    pub protected_group: String,
    /// Trusts summed: those reporting a board.
    pub trusts_used: usize,
    /// Summed members (and staff, membership `workforce`) by membership and group.
    pub rows: Vec<BoardSum>,
    /// The protected group's share of each membership minus its share of the workforce, in percentage points.
    pub difference_pp: BoardDifference,
    /// One entry per trust, in manifest order.
    pub trusts: Vec<TrustBoard>,
}

/// Summed members of one membership and group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardSum {
    /// `all`, `voting`, `executive` or `workforce`.
    pub membership: &'static str,
    /// The group.
    pub group: &'static str,
    /// Members in the group.
    pub count: u64,
    /// Members (unknowns included).
    pub total: u64,
    /// count / total in percent.
    pub percent: Option<f64>,
}

/// One trust's board differences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrustBoard {
    /// The trust's label.
    pub trust: String,
    /// Its name.
    pub name: String,
    /// Its status for this indicator (`None` when the trust did not report it).
    pub status: Option<Status>,
    /// Its differences from its workforce, in percentage points.
    pub difference_pp: Option<BoardDifference>,
}

/// The board indicator `def` across `trusts`.
pub fn board(def: &Definition, trusts: &[TrustDigest]) -> RollupBoard {
    let protected = def.protected_group().map(|g| g.label().to_string()).unwrap_or_default();
    let mut sums: BTreeMap<(&'static str, &'static str), (u64, u64, usize)> = BTreeMap::new();
    let mut used = 0;
    let mut order = 0;
    let entries = trusts
        .iter()
        .map(|t| {
            let ind = t.indicator(&def.id);
            let figures: Option<&BoardFigures> = ind.and_then(|i| match &i.figures {
                Figures::Board(f) => Some(f),
                _ => None,
            });
            let complete = |f: &BoardFigures| f.rows.iter().all(|r| r.count.is_some() && r.total.is_some());
            if let Some(f) = figures.filter(|f| ind.is_some_and(|i| i.status == Status::Ok) && complete(f)) {
                used += 1;
                for r in &f.rows {
                    order += 1;
                    let cell = sums.entry((r.membership, r.group)).or_insert((0, 0, order));
                    cell.0 += r.count.unwrap_or(0);
                    cell.1 += r.total.unwrap_or(0);
                }
            }
            TrustBoard {
                trust: t.trust.clone(),
                name: t.name.clone(),
                status: ind.map(|i| i.status),
                difference_pp: figures.map(|f| f.difference_pp.clone()),
            }
        })
        .collect();
    let mut rows: Vec<_> = sums.into_iter().collect();
    rows.sort_by_key(|(_, (_, _, o))| *o);
    let rows: Vec<BoardSum> = rows
        .into_iter()
        .map(|((membership, group), (count, total, _))| BoardSum {
            membership,
            group,
            count,
            total,
            percent: percent(count, total),
        })
        .collect();
    let share = |m: &str| rows.iter().find(|r| r.membership == m && r.group == protected).and_then(|r| r.percent);
    let minus = |m: &str| share(m).zip(share("workforce")).map(|(b, w)| b - w);
    RollupBoard {
        id: def.id.clone(),
        title: def.title.clone(),
        protected_group: protected.clone(),
        trusts_used: used,
        difference_pp: BoardDifference { voting: minus("voting"), executive: minus("executive"), all: minus("all") },
        rows,
        trusts: entries,
    }
}
