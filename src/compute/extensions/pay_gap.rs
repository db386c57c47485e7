//! Pay gaps (ethnicity, disability, gender) from the staff snapshot's pay, as the UK gender pay gap regulations
//! define them: mean and median hourly pay gap = (reference group's pay - other group's pay) / reference group's
//! pay x 100, and the share of each group in each quartile of hourly pay.
//!
//! Hourly pay is the hourly rate where given, else the annual salary / (FTE x weekly hours x weeks per year)
//! (`salary_basis = "actual"`, the default) or annual salary / (weekly hours x weeks per year) when the salary is
//! the full-time pay point (`salary_basis = "full_time"`). Weekly hours default to 37.5 (Agenda for Change).
//!
//! Quartiles as the regulations form them: everyone with a known hourly pay (whatever their group) ranked from
//! lowest to highest pay and split into four groups of equal size; when the number is not a multiple of four the
//! sizes differ by at most one and the larger quartiles are the higher ones (boundaries at floor(k x n / 4)).
//! People with the same hourly pay are interleaved in proportion to their groups, so a boundary inside a run of
//! equal pay splits the groups evenly, as the guidance asks.

use super::definitions::{Definitions, PayGapDef};
use super::types::{LeftOut, PayGap, PayGapBlock, PayGroup, Quartile, Share};
use crate::compute::representation::percent;
use crate::compute::results::Status;
use crate::config::{PaySettings, SalaryBasis};
use crate::normalise::codes::gender::Gender;
use crate::normalise::codes::{Disability, Ethnicity, Workforce};
use crate::normalise::records::pay::PayBasis;
use crate::normalise::records::staff::{Person, StaffSnapshot};

/// A person's hourly pay in pounds, when it can be worked out.
pub fn hourly(p: &Person, pay: &PaySettings, weeks_per_year: f64) -> Option<f64> {
    let amount = p.pay.pounds();
    let h = match p.pay.basis {
        PayBasis::None => return None,
        PayBasis::Hourly => amount,
        PayBasis::Annual => match pay.salary_basis {
            SalaryBasis::FullTime => amount / (pay.weekly_hours * weeks_per_year),
            SalaryBasis::Actual => amount / (p.pay.fte()? * pay.weekly_hours * weeks_per_year),
        },
    };
    (h.is_finite() && h > 0.0).then_some(h)
}

/// The pay gap in percent: (reference - other) / reference x 100; `None` when the reference is not above 0.
///
/// ```
/// use wres_wdes::compute::extensions::pay_gap::gap;
/// assert!((gap(13.0, 11.0).unwrap() - 15.384615).abs() < 1e-5);
/// assert_eq!(gap(0.0, 1.0), None);
/// ```
pub fn gap(reference: f64, other: f64) -> Option<f64> {
    (reference > 0.0).then(|| (reference - other) / reference * 100.0)
}

/// The median of values (sorted in place); `None` when empty.
pub fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

/// The mean; `None` when empty.
pub fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// Counts of each group (0..groups) in each quartile of `(hourly pay, group)`, lowest quartile first.
///
/// ```
/// use wres_wdes::compute::extensions::pay_gap::quartile_counts;
/// // men (0) 10, 12, 14, 16; women (1) 9, 11, 13
/// let q = quartile_counts(&[(10.0, 0), (12.0, 0), (14.0, 0), (16.0, 0), (9.0, 1), (11.0, 1), (13.0, 1)], 2);
/// assert_eq!(q, [vec![0, 1], vec![1, 1], vec![1, 1], vec![2, 0]]);
/// ```
pub fn quartile_counts(people: &[(f64, usize)], groups: usize) -> [Vec<u64>; 4] {
    let mut sorted: Vec<(f64, usize)> = people.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    quartile_counts_sorted(sorted.iter().copied(), sorted.len(), groups)
}

/// [`quartile_counts`] of `n` pairs already sorted by pay, in one pass: a run of equal pay inside one quartile
/// adds its counts; only a run across a boundary is interleaved.
fn quartile_counts_sorted(people: impl Iterator<Item = (f64, usize)>, n: usize, groups: usize) -> [Vec<u64>; 4] {
    let mut out: [Vec<u64>; 4] = std::array::from_fn(|_| vec![0u64; groups]);
    // The quartile of position p: boundaries at floor(k x n / 4).
    let quartile = |p: usize| (1..4).filter(|k| p >= k * n / 4).count();
    let mut people = people.peekable();
    let mut start = 0usize;
    let mut counts = vec![0usize; groups];
    while let Some((pay, g)) = people.next() {
        counts.iter_mut().for_each(|c| *c = 0);
        if let Some(c) = counts.get_mut(g) {
            *c += 1;
        }
        while let Some((_, g)) = people.next_if(|(h, _)| *h == pay) {
            if let Some(c) = counts.get_mut(g) {
                *c += 1;
            }
        }
        let len: usize = counts.iter().sum();
        let (first, last) = (quartile(start), quartile(start + len - 1));
        if first == last {
            for (slot, c) in out[first].iter_mut().zip(&counts) {
                *slot += *c as u64;
            }
        } else {
            // Interleave the run in proportion to its groups.
            let mut keyed: Vec<(f64, usize)> = Vec::with_capacity(len);
            for (g, &c) in counts.iter().enumerate() {
                for r in 0..c {
                    keyed.push(((r as f64 + 0.5) / c as f64, g));
                }
            }
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            for (i, (_, g)) in keyed.into_iter().enumerate() {
                if let Some(slot) = out[quartile(start + i)].get_mut(g) {
                    *slot += 1;
                }
            }
        }
        start += len;
    }
    out
}

const QUARTILE_NAMES: [&str; 4] = ["lower", "lower_middle", "upper_middle", "upper"];

/// The group index (0 reference, 1 other, 2 unknown) of each value of a comparison's dimension, by the
/// value's index in its `ALL` list.
fn group_table(def: &PayGapDef) -> [u8; 3] {
    let labels: [&str; 3] = match def.dimension.as_str() {
        "ethnicity" => Ethnicity::ALL.map(|e| e.label()),
        "disability" => Disability::ALL.map(|d| d.label()),
        _ => Gender::ALL.map(|g| g.label()),
    };
    labels.map(|label| {
        if label == def.reference {
            0
        } else if label == def.other {
            1
        } else {
            2
        }
    })
}

/// A person with a known hourly pay, compactly: the pay, and the indexes in their `ALL` lists of ethnicity,
/// disability, gender and workforce, two bits each.
#[derive(Debug, Clone, Copy)]
struct Paid {
    hourly: f64,
    codes: u8,
}

impl Paid {
    fn new(hourly: f64, p: &Person) -> Paid {
        let index = |found: Option<usize>| found.unwrap_or(2) as u8;
        let codes = index(Ethnicity::ALL.iter().position(|e| *e == p.ethnicity))
            | index(Disability::ALL.iter().position(|d| *d == p.disability)) << 2
            | index(Gender::ALL.iter().position(|g| *g == p.gender)) << 4
            | index(Workforce::ALL.iter().position(|w| *w == p.workforce)) << 6;
        Paid { hourly, codes }
    }
    /// The value index of dimension `shift` (0 ethnicity, 2 disability, 4 gender, 6 workforce).
    fn code(self, shift: u8) -> usize {
        usize::from((self.codes >> shift) & 3)
    }
}

/// The static labels of a comparison: reference, other, unknown.
fn labels(def: &PayGapDef) -> [&'static str; 3] {
    let find = |name: &str| -> &'static str {
        Ethnicity::ALL
            .iter()
            .map(|e| e.label())
            .chain(Disability::ALL.iter().map(|d| d.label()))
            .chain(Gender::ALL.iter().map(|g| g.label()))
            .find(|l| *l == name)
            .unwrap_or("Unknown")
    };
    [find(&def.reference), find(&def.other), "Unknown"]
}

/// The figures of one block from `(hourly, group)` pairs.
pub fn block(workforce: &'static str, labels: [&'static str; 3], people: &[(f64, usize)]) -> PayGapBlock {
    let mut sorted: Vec<(f64, usize)> = people.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    block_sorted(workforce, labels, sorted.iter().copied())
}

/// [`block`] from pairs sorted by pay, in three passes and no copy: means (summed in pay order, so the result
/// does not depend on the order of the file), medians, quartiles.
fn block_sorted(
    workforce: &'static str,
    labels: [&'static str; 3],
    people: impl Iterator<Item = (f64, usize)> + Clone,
) -> PayGapBlock {
    let mut n = [0usize; 3];
    let mut sum = [0f64; 3];
    for (h, g) in people.clone() {
        if let (Some(c), Some(s)) = (n.get_mut(g), sum.get_mut(g)) {
            *c += 1;
            *s += h;
        }
    }
    // The middle one or two of each group.
    let mut middle: [(Option<f64>, Option<f64>); 3] = [(None, None); 3];
    let mut seen = [0usize; 3];
    for (h, g) in people.clone() {
        let (Some(k), Some(total), Some(m)) = (seen.get_mut(g), n.get(g), middle.get_mut(g)) else { continue };
        if *k == (total - 1) / 2 {
            m.0 = Some(h);
        }
        if *k == total / 2 {
            m.1 = Some(h);
        }
        *k += 1;
    }
    let stats: Vec<(Option<f64>, Option<f64>)> = (0..2)
        .map(|g| {
            let mean = (n[g] > 0).then(|| sum[g] / n[g] as f64);
            let median = match middle[g] {
                (Some(a), Some(b)) if n[g] % 2 == 0 => Some((a + b) / 2.0),
                (Some(a), _) => Some(a),
                _ => None,
            };
            (mean, median)
        })
        .collect();
    let groups = (0..2)
        .map(|g| PayGroup {
            group: labels[g],
            people: Some(n[g] as u64),
            mean_hourly: stats[g].0,
            median_hourly: stats[g].1,
        })
        .collect();
    let both = |r: Option<f64>, o: Option<f64>| match (r, o) {
        (Some(r), Some(o)) => gap(r, o),
        _ => None,
    };
    let mean_gap_percent = both(stats[0].0, stats[1].0);
    let median_gap_percent = both(stats[0].1, stats[1].1);
    let counts = quartile_counts_sorted(people, n.iter().sum(), 3);
    let quartiles = counts
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let total: u64 = c.iter().sum();
            Quartile {
                quartile: k as u8 + 1,
                name: QUARTILE_NAMES[k],
                people: Some(total),
                shares: (0..3)
                    .map(|g| Share { group: labels[g], count: Some(c[g]), percent: percent(c[g], total) })
                    .collect(),
            }
        })
        .collect();
    let (status, reason) = if mean_gap_percent.is_some() {
        (Status::Ok, None)
    } else {
        (Status::NoData, Some(format!("no {} or no {} staff with a known hourly pay", labels[0], labels[1])))
    };
    PayGapBlock { workforce, status, reason, groups, mean_gap_percent, median_gap_percent, quartiles }
}

/// Every pay gap comparison.
pub fn pay_gaps(staff: Option<&StaffSnapshot>, defs: &Definitions, pay: &PaySettings) -> Vec<PayGap> {
    let staff = staff.filter(|s| !s.is_empty());
    // Everyone with a known hourly pay, sorted by it once for every comparison and block (16 bytes a person).
    let weeks = defs.pay_gap.weeks_per_year;
    let mut paid: Vec<Paid> = staff
        .map(|s| s.people().filter_map(|p| hourly(&p, pay, weeks).map(|h| Paid::new(h, &p))).collect())
        .unwrap_or_default();
    {
        use rayon::slice::ParallelSliceMut;
        paid.par_sort_unstable_by(|a, b| a.hourly.total_cmp(&b.hourly).then(a.codes.cmp(&b.codes)));
    }
    // The comparisons are independent: one a core.
    use rayon::prelude::*;
    defs.pay_gap.comparison.par_iter().map(|def| comparison(staff.map(|s| (s, paid.as_slice())), defs, def)).collect()
}

fn comparison(staff: Option<(&StaffSnapshot, &[Paid])>, defs: &Definitions, def: &PayGapDef) -> PayGap {
    let labels = labels(def);
    let mut out = PayGap {
        id: def.id.clone(),
        standard: def.standard.clone(),
        title: def.title.clone(),
        reference_group: labels[0],
        other_group: labels[1],
        status: Status::NoData,
        reason: None,
        left_out: Vec::new(),
        blocks: Vec::new(),
        summary: String::new(),
    };
    let Some((staff, paid)) = staff else {
        out.reason = Some("no staff snapshot was given, or it holds nobody in the workforce".to_string());
        out.summary = format!("No figure: {}.", out.reason.as_deref().unwrap_or_default());
        return out;
    };
    let table = group_table(def);
    let shift = match def.dimension.as_str() {
        "ethnicity" => 0,
        "disability" => 2,
        _ => 4,
    };
    let group = |p: &Paid| usize::from(table.get(p.code(shift)).copied().unwrap_or(2));
    let no_pay = (staff.len() - paid.len()) as u64;
    let unknown = paid.iter().filter(|p| group(p) == 2).count() as u64;
    out.left_out = vec![
        LeftOut { reason: "no_pay", people: Some(no_pay) },
        LeftOut { reason: "unknown_group", people: Some(unknown) },
    ];
    for name in &defs.pay_gap.blocks {
        let (label, keep): (&'static str, Option<usize>) = match name.as_str() {
            "non_clinical" => ("non_clinical", Some(0)),
            "clinical" => ("clinical", Some(1)),
            "medical" => ("medical", Some(2)),
            _ => ("overall", None),
        };
        let people = paid.iter().filter(move |p| keep.map_or(true, |w| p.code(6) == w)).map(|p| (p.hourly, group(p)));
        out.blocks.push(block_sorted(label, labels, people));
    }
    match out.blocks.first() {
        Some(b) if b.status == Status::Ok => out.status = Status::Ok,
        Some(b) => out.reason = b.reason.clone(),
        None => out.reason = Some("no blocks are defined".to_string()),
    }
    out.summary = summary(&out);
    out
}

/// The sentence for a pay gap, from its overall block.
pub fn summary(g: &PayGap) -> String {
    let Some(b) = g.blocks.first() else { return "No figure.".to_string() };
    match (b.mean_gap_percent, b.median_gap_percent) {
        (Some(mean), Some(median)) => {
            let side = |x: f64| if x >= 0.0 { "less" } else { "more" };
            let who = |l: &str| if l == "Women" || l == "Men" { l.to_string() } else { format!("{l} staff") };
            format!(
                "{} were paid {:.1}% {} than {} on average (mean hourly pay) and {:.1}% {} at the median.",
                who(g.other_group),
                mean.abs(),
                side(mean),
                who(g.reference_group),
                median.abs(),
                side(median)
            )
        }
        _ => match b.status {
            Status::Suppressed => "Withheld for publication: a group has fewer than 8 people.".to_string(),
            _ => format!("No figure: {}.", b.reason.as_deref().or(g.reason.as_deref()).unwrap_or("no data")),
        },
    }
}
