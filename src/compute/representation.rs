//! Kind `representation` (WRES 1, WDES 1): headcount by workforce block and band (or cluster) and group.
//!
//! WRES 1 rows: each band or medical subgroup with staff, in each block (non-clinical, clinical, medical), by
//! White / BME / Unknown, then each block's `All`, then `overall` x `All`. WDES 1 rows: clusters 1-4 in the
//! non-clinical and clinical blocks, clusters 5-7 in the medical block, and `Other` for grades outside the
//! clusters, by Disabled / Non-disabled / Unknown, then the block and overall `All` rows. Percent is of the row's total, unknowns included.

use std::collections::BTreeMap;

use super::definitions::Dimension;
use super::results::{RepresentationFigures, RepresentationRow};
use crate::normalise::codes::{Disability, Ethnicity, PayRow, Workforce};
use crate::normalise::records::staff::{Person, StaffSnapshot};

/// The group labels of a dimension, in report order, and a person's group.
pub(crate) fn groups(dimension: Dimension) -> [&'static str; 3] {
    match dimension {
        Dimension::Ethnicity => Ethnicity::ALL.map(Ethnicity::label),
        Dimension::Disability => Disability::ALL.map(Disability::label),
    }
}

/// A person's group label in a dimension.
pub(crate) fn group_of(person: &Person, dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Ethnicity => person.ethnicity.label(),
        Dimension::Disability => person.disability.label(),
    }
}

/// A percentage, `None` when the total is 0.
pub(crate) fn percent(count: u64, total: u64) -> Option<f64> {
    (total > 0).then(|| count as f64 * 100.0 / total as f64)
}

/// Where a person is counted: a band or medical subgroup (WRES), or a cluster (WDES; `Other` for grades outside
/// the clusters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum RowKey {
    Band(PayRow),
    Cluster(u8),
    OutsideClusters,
}

impl RowKey {
    fn of(person: &Person, dimension: Dimension) -> RowKey {
        match dimension {
            Dimension::Ethnicity => RowKey::Band(person.row),
            Dimension::Disability => person.row.cluster().map_or(RowKey::OutsideClusters, RowKey::Cluster),
        }
    }
    fn label(self) -> String {
        match self {
            RowKey::Band(row) => row.label().to_string(),
            RowKey::Cluster(c) => format!("Cluster {c}"),
            RowKey::OutsideClusters => "Other".to_string(),
        }
    }
}

/// Computes the representation rows of a dimension, and notes for the reader.
///
/// ```
/// use wres_wdes::compute::definitions::Dimension;
/// use wres_wdes::compute::representation::representation;
/// use wres_wdes::normalise::records::staff::StaffSnapshot;
/// let (figures, _) = representation(&StaffSnapshot::default(), Dimension::Ethnicity);
/// assert_eq!(figures.rows.len(), 3); // overall x All, one row per group
/// ```
pub fn representation(staff: &StaffSnapshot, dimension: Dimension) -> (RepresentationFigures, Vec<String>) {
    let labels = groups(dimension);
    let mut cells: BTreeMap<(Workforce, RowKey), [u64; 3]> = BTreeMap::new();
    let mut blocks: BTreeMap<Workforce, [u64; 3]> = BTreeMap::new();
    let mut overall = [0u64; 3];
    let mut outside_clusters = 0u64;
    for &(person, n) in staff.tally() {
        let g = labels.iter().position(|l| *l == group_of(&person, dimension)).unwrap_or(2);
        overall[g] += n;
        blocks.entry(person.workforce).or_default()[g] += n;
        let key = RowKey::of(&person, dimension);
        if key == RowKey::OutsideClusters {
            outside_clusters += n;
        }
        cells.entry((person.workforce, key)).or_default()[g] += n;
    }
    let mut rows = Vec::new();
    let mut push = |workforce: &'static str, band: String, counts: &[u64; 3]| {
        let total: u64 = counts.iter().sum();
        for (label, &count) in labels.iter().zip(counts) {
            rows.push(RepresentationRow {
                workforce,
                band: band.clone(),
                group: label,
                count: Some(count),
                total: Some(total),
                percent: percent(count, total),
            });
        }
    };
    for block in Workforce::ALL {
        for ((_, key), counts) in cells.iter().filter(|((w, _), _)| *w == block) {
            push(block.label(), key.label(), counts);
        }
        if let Some(counts) = blocks.get(&block) {
            push(block.label(), "All".to_string(), counts);
        }
    }
    push("overall", "All".to_string(), &overall);
    let mut notes = Vec::new();
    if outside_clusters > 0 {
        notes.push(format!(
            "{outside_clusters} staff on grades outside the pay clusters are shown as Other; the WDES collection has \
             no row for them, so they count in its totals only."
        ));
    }
    (RepresentationFigures { rows }, notes)
}
