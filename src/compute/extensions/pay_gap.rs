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

use super::definitions::{Definitions, GapBlock, GapDimension, PayGapDef};
use super::results::{LeftOut, PayGap, PayGapBlock, PayGroup, Quartile, Share};
use crate::compute::representation::percent;
use crate::compute::results::Status;
use crate::config::{PaySettings, SalaryBasis};
use crate::normalise::codes::gender::Gender;
use crate::normalise::codes::{Disability, Ethnicity, Workforce};
use crate::normalise::records::pay::{PayBasis, PersonPay};
use crate::normalise::records::staff::{Person, StaffSnapshot};

/// A person's hourly pay in pounds, when it can be worked out.
pub fn hourly(p: &PersonPay, pay: &PaySettings, weeks_per_year: f64) -> Option<f64> {
    let amount = p.pounds();
    let h = match p.basis {
        PayBasis::None => return None,
        PayBasis::Hourly => amount,
        PayBasis::Annual => match pay.salary_basis {
            SalaryBasis::FullTime => amount / (pay.weekly_hours * weeks_per_year),
            SalaryBasis::Actual => amount / (p.fte()? * pay.weekly_hours * weeks_per_year),
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
        start += place_run(&mut out, start, n, &counts);
    }
    out
}

/// Adds a run of equal pay (`counts[g]` people of each group) that starts at rank `start` of `n` to the quartile
/// counts; returns its length. A run inside one quartile adds its counts; a run across a boundary is interleaved
/// in proportion to its groups.
fn place_run(out: &mut [Vec<u64>; 4], start: usize, n: usize, counts: &[usize]) -> usize {
    // The quartile of rank p: boundaries at floor(k x n / 4).
    let quartile = |p: usize| (1..4).filter(|k| p >= k * n / 4).count();
    let len: usize = counts.iter().sum();
    if len == 0 {
        return 0;
    }
    let (first, last) = (quartile(start), quartile(start + len - 1));
    if first == last {
        for (slot, c) in out[first].iter_mut().zip(counts) {
            *slot += *c as u64;
        }
    } else {
        for (i, g) in interleave(counts).into_iter().enumerate() {
            if let Some(slot) = out[quartile(start + i)].get_mut(g) {
                *slot += 1;
            }
        }
    }
    len
}

/// The groups of a run of equal pay (`counts[g]` people of each group) in the order the run is ranked in: each
/// group spread evenly through the run, so that any cut of it splits the groups in proportion.
fn interleave(counts: &[usize]) -> Vec<usize> {
    let mut keyed: Vec<(f64, usize)> = Vec::with_capacity(counts.iter().sum());
    for (g, &c) in counts.iter().enumerate() {
        for r in 0..c {
            keyed.push(((r as f64 + 0.5) / c as f64, g));
        }
    }
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    keyed.into_iter().map(|(_, g)| g).collect()
}

const QUARTILE_NAMES: [&str; 4] = ["lower", "lower_middle", "upper_middle", "upper"];

/// The group index (0 reference, 1 other, 2 unknown) of each value of a comparison's dimension, by the
/// value's index in its `ALL` list.
fn group_table(def: &PayGapDef) -> [u8; 3] {
    let labels: [&str; 3] = match def.dimension {
        GapDimension::Ethnicity => Ethnicity::ALL.map(|e| e.label()),
        GapDimension::Disability => Disability::ALL.map(|d| d.label()),
        GapDimension::Gender => Gender::ALL.map(|g| g.label()),
    };
    labels.map(|label| {
        if label == def.reference.label() {
            0
        } else if label == def.other.label() {
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

// Two bits hold an index only while each list has at most four values (the build fails here otherwise).
const _: () = assert!(
    Ethnicity::ALL.len() <= 4 && Disability::ALL.len() <= 4 && Gender::ALL.len() <= 4 && Workforce::ALL.len() <= 4,
    "a Paid's codes hold each index in two bits"
);

impl Paid {
    /// The [`Paid::codes`] of a person.
    fn codes_of(p: &Person) -> u8 {
        let index = |found: Option<usize>| found.unwrap_or(2) as u8;
        index(Ethnicity::ALL.iter().position(|e| *e == p.ethnicity))
            | index(Disability::ALL.iter().position(|d| *d == p.disability)) << 2
            | index(Gender::ALL.iter().position(|g| *g == p.gender)) << 4
            | index(Workforce::ALL.iter().position(|w| *w == p.workforce)) << 6
    }
    /// The value index of dimension `shift` (0 ethnicity, 2 disability, 4 gender, 6 workforce).
    fn code(self, shift: u8) -> usize {
        usize::from((self.codes >> shift) & 3)
    }
}

/// What the pass over everyone in pay order reads of a person: [`Paid`], or the same packed in a [`Word`].
trait InPayOrder: Copy + Send + Sync {
    /// Hourly pay in pounds.
    fn hourly(self) -> f64;
    /// As [`Paid::codes`].
    fn codes(self) -> u8;
}

impl InPayOrder for Paid {
    #[inline]
    fn hourly(self) -> f64 {
        self.hourly
    }
    #[inline]
    fn codes(self) -> u8 {
        self.codes
    }
}

/// A person with a known hourly pay in one 64-bit word that sorts as `(hourly, codes)` does, for an hourly pay
/// of at least 2^-4 and below 2^11 pounds (6.25p to £2,048, [`Word::new`] says when a pay is outside): the pay's
/// binade above the lowest (4 bits), its 52 mantissa bits, then the codes (8 bits). Half the bytes of a [`Paid`] to
/// collect, sort and walk, and one integer comparison: the sort is the largest step of the pay gaps at national
/// scale (figures in docs/performance.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Word(u64);

impl Word {
    /// The biased exponent of the lowest binade packed, 2^-4.
    const LOWEST: u64 = 1023 - 4;
    /// How many binades are packed (up to 2^11); 15 leaves the top values of the word free for the two below.
    const BINADES: u64 = 15;
    /// Someone without a known hourly pay.
    const NO_PAY: Word = Word(u64::MAX);
    /// Someone whose hourly pay is known but outside the binades packed.
    const OUTSIDE: Word = Word(u64::MAX - 1);
    const MANTISSA: u64 = (1 << 52) - 1;
}

// The binade has 4 bits above the mantissa's 52 and the codes' 8, its top value left to NO_PAY and OUTSIDE.
const _: () = assert!(Word::BINADES < 1 << 4, "a Word's binade fits 4 bits, its top value free");

impl Word {
    /// The word of a person's hourly pay (if known) and codes: [`Word::NO_PAY`] without a pay and
    /// [`Word::OUTSIDE`] for a pay the word cannot hold.
    fn new(hourly: Option<f64>, codes: u8) -> Word {
        let Some(h) = hourly else { return Word::NO_PAY };
        // Positive and finite (from `hourly`): the sign bit is 0.
        let bits = h.to_bits();
        let binade = (bits >> 52).wrapping_sub(Word::LOWEST);
        if binade >= Word::BINADES {
            return Word::OUTSIDE;
        }
        Word(binade << 60 | (bits & Word::MANTISSA) << 8 | u64::from(codes))
    }
}

impl InPayOrder for Word {
    #[inline]
    fn hourly(self) -> f64 {
        f64::from_bits(((self.0 >> 60) + Word::LOWEST) << 52 | (self.0 >> 8) & Word::MANTISSA)
    }
    #[inline]
    fn codes(self) -> u8 {
        self.0 as u8
    }
}

/// The labels of a comparison: reference, other, unknown.
fn labels(def: &PayGapDef) -> [&'static str; 3] {
    [def.reference.label(), def.other.label(), "Unknown"]
}

/// The figures of one block from `(hourly, group)` pairs.
pub fn block(workforce: &'static str, labels: [&'static str; 3], people: &[(f64, usize)]) -> PayGapBlock {
    let mut sorted: Vec<(f64, usize)> = people.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    block_sorted(workforce, labels, sorted.iter().copied())
}

/// What a block's figures are made from, gathered from its people in pay order: how many of each group (0
/// reference, 1 other, 2 unknown), their pay summed in pay order (so a mean does not depend on the order of the
/// file), the middle one or two pays of each group, and the quartile counts.
#[derive(Debug, Clone, PartialEq)]
struct Gathered {
    n: [usize; 3],
    sum: [f64; 3],
    middle: [(Option<f64>, Option<f64>); 3],
    quartiles: [Vec<u64>; 4],
}

/// [`block`] from pairs sorted by pay, in three passes and no copy: means, medians, quartiles. The reference
/// for [`gather_blocks`], which gathers many blocks at once.
fn block_sorted(
    workforce: &'static str,
    labels: [&'static str; 3],
    people: impl Iterator<Item = (f64, usize)> + Clone,
) -> PayGapBlock {
    figures(workforce, labels, &gather_one(people))
}

/// The [`Gathered`] of one block, one pass for each figure.
fn gather_one(people: impl Iterator<Item = (f64, usize)> + Clone) -> Gathered {
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
    let quartiles = quartile_counts_sorted(people, n.iter().sum(), 3);
    Gathered { n, sum, middle, quartiles }
}

/// The [`Gathered`] of many blocks of the same people sorted by pay, in one pass over them whatever the number
/// of blocks: `blocks[k]` says whether a person is in block k and in which group (0 reference, 1 other, 2
/// unknown). The figures are those of [`gather_one`] on each block's people.
///
/// The group sizes come first, from a count by [`Paid::codes`]; they set the ranks that matter: each group's
/// middle one or two, and the quartile boundaries. The pass then adds up pay and, person by person, notes the pay
/// at a middle rank; at a quartile boundary it looks at the run of equal pay around it (as [`place_run`] would
/// interleave it) for how many of each group lie below the boundary. The quartile counts are the differences.
fn gather_blocks<P: InPayOrder>(paid: &[P], by_codes: &[usize; 256], blocks: &[Member]) -> Vec<Gathered> {
    let mut walks: Vec<Walk> = blocks.iter().map(|member| Walk::new(member, by_codes)).collect();
    for (i, &p) in paid.iter().enumerate() {
        let (hourly, codes) = (p.hourly(), p.codes());
        for (member, walk) in blocks.iter().zip(walks.iter_mut()) {
            let Some(g) = member.group(codes) else { continue };
            if walk.ranked == walk.next_boundary() {
                walk.cut_run(paid, i, member);
            }
            walk.step(g, hourly);
        }
    }
    walks.into_iter().map(Walk::finish).collect()
}

/// How many people have each [`Paid::codes`], on every core.
fn count_codes<P: InPayOrder>(paid: &[P]) -> [usize; 256] {
    use rayon::prelude::*;
    let count = |chunk: &[P]| {
        let mut counts = [0usize; 256];
        for p in chunk {
            if let Some(n) = counts.get_mut(usize::from(p.codes())) {
                *n += 1;
            }
        }
        counts
    };
    let add = |mut a: [usize; 256], b: [usize; 256]| {
        for (x, y) in a.iter_mut().zip(b) {
            *x += y;
        }
        a
    };
    paid.par_chunks(1 << 16).map(count).reduce(|| [0usize; 256], add)
}

/// Every block of `members`, gathered from everyone in pay order; the blocks split between the cores.
///
/// A block of one workforce is gathered from that workforce's people alone, copied out in pay order: the pass
/// over everyone would have to skip the others one by one, a branch the processor cannot guess, in every block
/// of a workforce (the copies and shorter passes made a national CSV report 0.98x the wall time). The blocks of
/// each list of people (everyone, or one workforce) are gathered together, the lists shared between the cores.
fn gather_all<P: InPayOrder>(paid: &[P], members: &[Member]) -> ([usize; 256], Vec<Gathered>) {
    use rayon::prelude::*;
    let by_codes = count_codes(paid);
    let mut kept: Vec<Option<u8>> = members.iter().map(|m| m.keep).collect();
    kept.sort_unstable();
    kept.dedup();
    // Each block gathered with its place in `members`.
    let lists: Vec<Vec<(usize, Gathered)>> = kept
        .par_iter()
        .map(|&keep| {
            let (at, of_list): (Vec<usize>, Vec<Member>) =
                members.iter().enumerate().filter(|(_, m)| m.keep == keep).map(|(i, m)| (i, *m)).unzip();
            let gathered = match keep {
                None => gather_blocks(paid, &by_codes, &of_list),
                Some(w) => gather_blocks(&workforce_list(paid, &by_codes, w), &by_codes, &of_list),
            };
            at.into_iter().zip(gathered).collect()
        })
        .collect();
    let mut gathered: Vec<(usize, Gathered)> = lists.into_iter().flatten().collect();
    gathered.sort_by_key(|(at, _)| *at);
    (by_codes, gathered.into_iter().map(|(_, g)| g).collect())
}

/// The people of workforce `w` (its index in `Workforce::ALL`) among `paid`, in the same order, copied without
/// a branch on whether each is in it (the number of them known from `by_codes`).
fn workforce_list<P: InPayOrder>(paid: &[P], by_codes: &[usize; 256], w: u8) -> Vec<P> {
    let Some(&filler) = paid.first() else { return Vec::new() };
    let count: usize =
        by_codes.iter().enumerate().filter(|(codes, _)| *codes >> 6 == usize::from(w)).map(|(_, n)| n).sum();
    // One slot more than the list needs: each person is written at the end, and kept by moving the end on.
    let mut list = vec![filler; count + 1];
    let mut len = 0;
    for &p in paid {
        if let Some(slot) = list.get_mut(len) {
            *slot = p;
        }
        len += usize::from(p.codes() >> 6 == w);
    }
    list.truncate(len);
    list
}

/// One block's state in [`gather_blocks`]'s pass.
struct Walk {
    n: [usize; 3],
    sum: [f64; 3],
    middle: [(Option<f64>, Option<f64>); 3],
    /// The middle ranks of each group (`usize::MAX` for an empty group).
    mids: [(usize, usize); 3],
    /// The block's people passed so far, and of each group.
    ranked: usize,
    seen: [usize; 3],
    /// The quartile boundaries (ranks 1/4, 1/2 and 3/4 of the way), and how many of each group rank below each.
    bounds: [usize; 3],
    below: [[usize; 3]; 3],
    /// The boundaries dealt with.
    cut: usize,
}

impl Walk {
    fn new(member: &Member, by_codes: &[usize; 256]) -> Walk {
        let mut n = [0usize; 3];
        for (codes, &count) in by_codes.iter().enumerate() {
            if let Some(slot) = member.lookup.get(codes).and_then(|&g| n.get_mut(usize::from(g))) {
                *slot += count;
            }
        }
        let total: usize = n.iter().sum();
        let mids = n.map(|c| if c == 0 { (usize::MAX, usize::MAX) } else { ((c - 1) / 2, c / 2) });
        let bounds = [total / 4, total / 2, 3 * total / 4];
        // A boundary at rank 0 has nobody below it.
        let cut = bounds.iter().take_while(|&&b| b == 0).count();
        Walk {
            n,
            sum: [0.0; 3],
            middle: [(None, None); 3],
            mids,
            ranked: 0,
            seen: [0; 3],
            bounds,
            below: [[0; 3]; 3],
            cut,
        }
    }

    /// The rank of the next boundary to deal with (`usize::MAX` when none is left).
    #[inline]
    fn next_boundary(&self) -> usize {
        self.bounds.get(self.cut).copied().unwrap_or(usize::MAX)
    }

    /// Passes one person of group `g` with pay `hourly`.
    #[inline]
    fn step(&mut self, g: usize, hourly: f64) {
        let (Some(seen), Some(sum), Some(mids), Some(middle)) =
            (self.seen.get_mut(g), self.sum.get_mut(g), self.mids.get(g), self.middle.get_mut(g))
        else {
            return;
        };
        if *seen == mids.0 {
            middle.0 = Some(hourly);
        }
        if *seen == mids.1 {
            middle.1 = Some(hourly);
        }
        *seen += 1;
        *sum += hourly;
        self.ranked += 1;
    }

    /// At the person `paid[i]`, who is at the next boundary's rank: how many of each group rank below it (and
    /// below any later boundary at the same rank), the run of equal pay around the person ranked as
    /// [`place_run`] ranks it.
    fn cut_run<P: InPayOrder>(&mut self, paid: &[P], i: usize, member: &Member) {
        let pay = paid.get(i).map_or(0.0, |p| p.hourly());
        let mut before = [0usize; 3];
        for p in paid.get(..i).unwrap_or_default().iter().rev().take_while(|p| p.hourly() == pay) {
            if let Some(c) = member.group(p.codes()).and_then(|g| before.get_mut(g)) {
                *c += 1;
            }
        }
        let mut counts = before;
        for p in paid.get(i..).unwrap_or_default().iter().take_while(|p| p.hourly() == pay) {
            if let Some(c) = member.group(p.codes()).and_then(|g| counts.get_mut(g)) {
                *c += 1;
            }
        }
        // The first of the run's people (in its ranked order) below the boundary: as many as passed already.
        let mut part = [0usize; 3];
        for g in interleave(&counts).into_iter().take(before.iter().sum()) {
            if let Some(c) = part.get_mut(g) {
                *c += 1;
            }
        }
        let below: [usize; 3] = std::array::from_fn(|g| self.seen[g] - before[g] + part[g]);
        while self.next_boundary() == self.ranked {
            if let Some(slot) = self.below.get_mut(self.cut) {
                *slot = below;
            }
            self.cut += 1;
        }
    }

    fn finish(self) -> Gathered {
        // Below each boundary, from rank 0 (nobody) to the end (everyone).
        let mut edges = vec![[0usize; 3]];
        edges.extend(self.below);
        edges.push(self.n);
        let quartiles = std::array::from_fn(|q| (0..3).map(|g| (edges[q + 1][g] - edges[q][g]) as u64).collect());
        Gathered { n: self.n, sum: self.sum, middle: self.middle, quartiles }
    }
}

/// A block's figures from what was gathered.
fn figures(workforce: &'static str, labels: [&'static str; 3], gathered: &Gathered) -> PayGapBlock {
    let Gathered { n, sum, middle, quartiles: counts } = gathered;
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
    let comparisons = &defs.pay_gap.comparison;
    let Some(staff) = staff.filter(|s| !s.is_empty()) else {
        return comparisons.iter().map(|def| comparison(def, None)).collect();
    };
    // Everyone with a known hourly pay, sorted by it once for every comparison and block: 8 bytes a person
    // packed in a `Word`, or 16 as a `Paid` when someone's pay is outside what a word holds.
    let weeks = defs.pay_gap.weeks_per_year;
    use rayon::prelude::*;
    // The codes worked out once for each kind of person.
    let codes: Vec<u8> = staff.kinds().iter().map(Paid::codes_of).collect();
    let code = |kind: usize| codes.get(kind).copied().unwrap_or_default();
    let names = &defs.pay_gap.blocks;
    let members: Vec<Member> =
        comparisons.iter().flat_map(|def| names.iter().map(move |block| Member::new(def, *block))).collect();
    let mut words: Vec<Word> = Vec::new();
    staff.par_pay().map(|(kind, p)| Word::new(hourly(&p, pay, weeks), code(kind))).collect_into_vec(&mut words);
    let (by_codes, gathered) = if words.par_iter().any(|w| *w == Word::OUTSIDE) {
        drop(words);
        let mut paid: Vec<Paid> = Vec::new();
        staff
            .par_pay()
            .map(|(kind, p)| Paid { hourly: hourly(&p, pay, weeks).unwrap_or(f64::NAN), codes: code(kind) })
            .collect_into_vec(&mut paid);
        paid.retain(|p| !p.hourly.is_nan());
        // Hourly pay is finite and above 0, where the bits of an f64 sort as the number does.
        paid.par_sort_unstable_by_key(|p| (p.hourly.to_bits(), p.codes));
        gather_all(&paid, &members)
    } else {
        words.retain(|w| *w != Word::NO_PAY);
        words.par_sort_unstable();
        gather_all(&words, &members)
    };
    let paid: usize = by_codes.iter().sum();
    comparisons
        .iter()
        .enumerate()
        .map(|(c, def)| {
            let of_this = gathered.iter().skip(c * names.len()).take(names.len());
            let blocks = of_this.zip(names).map(|(g, block)| figures(block.workforce().0, labels(def), g)).collect();
            // Everyone paid but outside the comparison's two groups.
            let member = Member::new(def, GapBlock::Overall);
            let unknown = by_codes.iter().enumerate().filter(|(codes, _)| member.group_of(*codes as u8) == 2);
            let unknown: usize = unknown.map(|(_, n)| n).sum();
            let counts = Counts { no_pay: staff.len() - paid, unknown };
            comparison(def, Some((counts, blocks)))
        })
        .collect()
}

/// Who is in one block of one comparison, and in which group.
#[derive(Debug, Clone, Copy)]
struct Member {
    /// The group (0 reference, 1 other, 2 unknown) of each value of the comparison's dimension.
    table: [u8; 3],
    /// Where the dimension's value index sits in [`Paid::codes`].
    shift: u8,
    /// By [`Paid::codes`]: the group of a person with those codes, [`OUTSIDE`] when not in the block (the
    /// answer of [`Member::group`], worked out once for each of the 256 codes).
    lookup: [u8; 256],
    /// The workforce the block keeps (its index in `Workforce::ALL`; `None` for everyone).
    keep: Option<u8>,
}

/// In [`Member::lookup`]: not in the block.
const OUTSIDE: u8 = 3;

impl Member {
    fn new(def: &PayGapDef, block: GapBlock) -> Member {
        let shift = match def.dimension {
            GapDimension::Ethnicity => 0,
            GapDimension::Disability => 2,
            GapDimension::Gender => 4,
        };
        // The workforce the block keeps, by its index in `Workforce::ALL` (as in `Paid::codes`).
        let keep = block.workforce().1.and_then(|w| Workforce::ALL.iter().position(|x| *x == w)).map(|i| i as u8);
        Member::of(group_table(def), shift, keep)
    }

    /// The member of a dimension's group table, at `shift`, keeping workforce `keep`.
    fn of(table: [u8; 3], shift: u8, keep: Option<u8>) -> Member {
        let rule = Member { table, shift, lookup: [OUTSIDE; 256], keep };
        let mut lookup = [OUTSIDE; 256];
        for (codes, slot) in lookup.iter_mut().enumerate() {
            let p = Paid { hourly: 0.0, codes: codes as u8 };
            if keep.is_none_or(|w| p.code(6) == usize::from(w)) {
                *slot = rule.group_of(p.codes) as u8;
            }
        }
        Member { lookup, ..rule }
    }

    /// The group of a paid person in the comparison (0 reference, 1 other, 2 unknown), whatever the block.
    #[inline]
    fn group_of(self, codes: u8) -> usize {
        usize::from(self.table.get(usize::from((codes >> self.shift) & 3)).copied().unwrap_or(2))
    }

    /// The group of a paid person, when the person is in the block.
    #[inline]
    fn group(&self, codes: u8) -> Option<usize> {
        let g = self.lookup[usize::from(codes)];
        (g != OUTSIDE).then_some(usize::from(g))
    }
}

/// How many people a comparison leaves out: without a known hourly pay, and paid but in neither group.
struct Counts {
    no_pay: usize,
    unknown: usize,
}

/// A comparison from who it leaves out and its blocks (`None` without a staff snapshot).
fn comparison(def: &PayGapDef, found: Option<(Counts, Vec<PayGapBlock>)>) -> PayGap {
    let labels = labels(def);
    let mut out = PayGap {
        id: def.id.clone(),
        standard: def.standard.label().to_string(),
        title: def.title.clone(),
        reference_group: labels[0],
        other_group: labels[1],
        status: Status::NoData,
        reason: None,
        left_out: Vec::new(),
        blocks: Vec::new(),
        summary: String::new(),
    };
    let Some((counts, blocks)) = found else {
        out.reason = Some("no staff snapshot was given, or it holds nobody in the workforce".to_string());
        out.summary = format!("No figure: {}.", out.reason.as_deref().unwrap_or_default());
        return out;
    };
    out.left_out = vec![
        LeftOut { reason: "no_pay", people: Some(counts.no_pay as u64) },
        LeftOut { reason: "unknown_group", people: Some(counts.unknown as u64) },
    ];
    out.blocks = blocks;
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A member's group table, shift and workforce kept.
    fn rule() -> impl Strategy<Value = ([u8; 3], u8, Option<u8>)> {
        (prop::array::uniform3(0u8..3), prop::sample::select(vec![0u8, 2, 4]), prop::option::of(0u8..3))
    }

    #[test]
    fn the_words_edges() {
        let below = 0.0625f64.next_down();
        assert_eq!(Word::new(Some(below), 0), Word::OUTSIDE);
        assert_eq!(Word::new(Some(0.0625), 7).hourly(), 0.0625);
        assert_eq!(Word::new(Some(2048f64.next_down()), 7).hourly(), 2048f64.next_down());
        assert_eq!(Word::new(Some(2048.0), 0), Word::OUTSIDE);
        assert_eq!(Word::new(None, 0), Word::NO_PAY);
    }

    fn member() -> impl Strategy<Value = Member> {
        rule().prop_map(|(table, shift, keep)| Member::of(table, shift, keep))
    }

    proptest! {
        /// The lookup by codes answers as the rule does.
        #[test]
        fn the_lookup_is_the_rule((table, shift, keep) in rule(), codes in any::<u8>()) {
            let p = Paid { hourly: 1.0, codes };
            let group = usize::from(table.get((usize::from(codes) >> shift) & 3).copied().unwrap_or(2));
            let expected = match keep {
                Some(w) if (usize::from(codes) >> 6) & 3 != usize::from(w) => None,
                _ => Some(group),
            };
            prop_assert_eq!(Member::of(table, shift, keep).group(p.codes), expected);
        }

        /// Gathering every block at once gives each block exactly what gathering it alone, figure by figure, gives:
        /// counts, sums (added in the same order), middle pays and quartiles, runs of equal pay across quartile
        /// boundaries included.
        #[test]
        fn every_block_at_once_matches_each_block_alone(
            people in prop::collection::vec((0u8..40, any::<u8>()), 0..400),
            members in prop::collection::vec(member(), 1..7),
        ) {
            let mut paid: Vec<Paid> =
                people.iter().map(|&(level, codes)| Paid { hourly: 9.0 + f64::from(level) / 4.0, codes }).collect();
            paid.sort_by_key(|p| (p.hourly.to_bits(), p.codes));
            let (by_codes, at_once) = gather_all(&paid, &members);
            prop_assert_eq!(by_codes.iter().sum::<usize>(), paid.len());
            prop_assert_eq!(at_once.len(), members.len());
            for (m, got) in members.iter().zip(&at_once) {
                let alone = gather_one(paid.iter().filter_map(|p| m.group(p.codes).map(|g| (p.hourly, g))));
                prop_assert_eq!(got, &alone);
            }
            // The same people packed in words and sorted as words: the same figures.
            let mut words: Vec<Word> = paid.iter().map(|p| Word::new(Some(p.hourly), p.codes)).collect();
            words.sort_unstable();
            prop_assert_eq!(gather_all(&words, &members), (by_codes, at_once));
        }

        /// A workforce's list is its people, in order.
        #[test]
        fn a_workforce_list_is_its_people_in_order(codes in prop::collection::vec(any::<u8>(), 0..300), w in 0u8..4) {
            let paid: Vec<Word> = codes.iter().enumerate().map(|(i, &c)| Word::new(Some(1.0 + i as f64), c)).collect();
            let expected: Vec<Word> = paid.iter().filter(|p| p.codes() >> 6 == w).copied().collect();
            prop_assert_eq!(workforce_list(&paid, &count_codes(&paid), w), expected);
        }

        /// A pay the word holds reads back exactly, with its codes, and words sort as (pay, codes) do.
        #[test]
        fn a_word_reads_back_and_sorts_as_its_pay(
            a in (0.0625f64..2048.0, any::<u8>()),
            b in (0.0625f64..2048.0, any::<u8>()),
        ) {
            let (wa, wb) = (Word::new(Some(a.0), a.1), Word::new(Some(b.0), b.1));
            prop_assert_eq!((wa.hourly().to_bits(), wa.codes()), (a.0.to_bits(), a.1));
            prop_assert_eq!(wa.cmp(&wb), a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            prop_assert!(wa < Word::OUTSIDE && wb < Word::OUTSIDE);
        }

        /// A pay outside the binades a word holds is marked, never folded into another pay.
        #[test]
        fn a_pay_outside_the_word_is_marked(
            h in prop_oneof![f64::MIN_POSITIVE..0.0625, 2048.0..f64::MAX],
            codes in any::<u8>(),
        ) {
            prop_assert_eq!(Word::new(Some(h), codes), Word::OUTSIDE);
        }
    }
}
