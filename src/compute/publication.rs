//! Publication mode (`--publication`): the results rewritten so that they can be published.
//!
//! Applied once, in compute, so the workbook, the JSON and the CSV show the same published figures:
//! - counts 1-7 are withheld (`None`, shown as `*`), other counts rounded to the nearest 5;
//! - each representation block (bands x groups) is one table with secondary suppression, so no band or group
//!   total gives a withheld cell away; percentages are recomputed from the published counts, and withheld where
//!   their count is;
//! - a relative likelihood whose events in either compared group are withheld is withheld too (status
//!   `suppressed`); otherwise the ratio and its interval, computed on the exact counts, are kept;
//! - survey groups under 11 respondents are already suppressed; respondent bases are rounded;
//! - board tables show percentages only (counts concern identifiable people);
//! - data-quality counts are disclosed like any other count;
//! - the population comparison's workforce counts are disclosed, and its percentages follow them (the interval
//!   and ratio are withheld with a withheld count).

use std::collections::BTreeMap;

use super::representation::percent;
use super::results::{Figures, GroupRate, Results, Status};
use crate::stats::disclosure::{disclose_count, disclose_table, Disclosed};
use crate::stats::Assessment;

fn published(d: Disclosed) -> Option<u64> {
    match d {
        Disclosed::Shown(v) => Some(v),
        _ => None,
    }
}

fn count(n: Option<u64>) -> Option<u64> {
    n.and_then(|v| published(disclose_count(v)))
}

/// Rewrites `results` for publication.
pub fn disclose(results: &mut Results) {
    for ind in &mut results.indicators {
        let mut suppressed = None;
        match &mut ind.figures {
            Figures::Representation(f) => disclose_representation(&mut f.rows),
            Figures::RelativeLikelihood(f) => {
                let withheld = |groups: &[GroupRate], label: &str| {
                    groups.iter().find(|g| g.group == label).is_some_and(|g| count(g.events).is_none())
                };
                if let Some(r) = &f.ratio {
                    if withheld(&f.groups, r.numerator_group) || withheld(&f.groups, r.denominator_group) {
                        f.ratio = None;
                        f.assessment = Assessment::NotEstimable;
                        suppressed = Some("a compared group has between 1 and 7 events".to_string());
                    }
                }
                disclose_rates(&mut f.groups);
                if let Some(rolling) = &mut f.rolling_average {
                    for y in &mut rolling.cases_by_year {
                        y.cases = count(Some(y.cases)).unwrap_or(0);
                    }
                    for h in &mut rolling.headcount {
                        h.headcount = count(h.headcount);
                    }
                    if let Some(alt) = &mut rolling.alternative {
                        disclose_rates(&mut alt.groups);
                        if suppressed.is_some() {
                            alt.ratio = None;
                            alt.assessment = Assessment::NotEstimable;
                        }
                    }
                }
            }
            Figures::Survey(f) => {
                for r in &mut f.rows {
                    r.respondents = count(r.respondents);
                }
            }
            Figures::Board(f) => {
                for r in &mut f.rows {
                    r.count = None;
                    r.total = None;
                }
            }
            Figures::Declaration(_) => {}
        }
        if let Some(reason) = suppressed {
            ind.status = Status::Suppressed;
            ind.reason = Some(reason);
            ind.summary = "Withheld for publication: it rests on between 1 and 7 people in a group.".to_string();
        }
    }
    for q in &mut results.data_quality.inputs {
        q.rows_read = count(q.rows_read);
        q.rows_used = count(q.rows_used);
        q.blank_rows = count(q.blank_rows);
        for e in &mut q.excluded {
            e.rows = count(e.rows);
        }
        for u in &mut q.unrecognised {
            u.rows = count(u.rows);
        }
        for w in &mut q.warnings {
            w.rows = count(w.rows);
        }
        for m in &mut q.mappings {
            m.rows = count(m.rows);
        }
        if let Some(d) = &mut q.date_order {
            d.either_way = count(d.either_way);
        }
    }
    results.data_quality.declaration.headcount = count(Some(results.data_quality.declaration.headcount)).unwrap_or(0);
    results.data_quality.other_band_staff = count(results.data_quality.other_band_staff);
    let left = &mut results.data_quality.rows_left_out;
    left.by_rule = count(left.by_rule);
    left.unusable = count(left.unusable);
    super::extensions::publication::disclose(&mut results.extensions);
    if let Some(p) = &mut results.population {
        for r in &mut p.rows {
            r.workforce_count = count(r.workforce_count);
            r.workforce_total = count(r.workforce_total);
            r.workforce_percent = match (r.workforce_count, r.workforce_total) {
                (Some(c), Some(t)) => percent(c, t),
                _ => None,
            };
            if let (Some(w), Some(pop)) = (r.workforce_percent, r.population_percent) {
                r.difference_pp = Some(w - pop);
                r.representation_ratio = (pop > 0.0).then(|| w / pop);
            }
            if r.workforce_percent.is_none() {
                r.difference_pp = None;
                r.representation_ratio = None;
                r.ci_low = None;
                r.ci_high = None;
                r.outside_interval = None;
            }
        }
    }
}

fn disclose_rates(groups: &mut [GroupRate]) {
    for g in groups {
        g.events = count(g.events);
        g.total = count(g.total);
        g.rate = match (g.events, g.total) {
            (Some(e), Some(t)) if t > 0 => Some(e as f64 / t as f64),
            _ => None,
        };
    }
}

/// One table per workforce block: its band rows x groups, with the block's `All` row as the column totals.
fn disclose_representation(rows: &mut [super::results::RepresentationRow]) {
    let mut blocks: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        blocks.entry(r.workforce).or_default().push(i);
    }
    for (_, idx) in blocks {
        // bands in order, with the row indices of their groups
        let mut bands: Vec<(String, Vec<usize>)> = Vec::new();
        let mut all: Vec<usize> = Vec::new();
        for i in idx {
            if rows[i].band == "All" {
                all.push(i);
                continue;
            }
            match bands.iter_mut().find(|(b, _)| *b == rows[i].band) {
                Some((_, v)) => v.push(i),
                None => bands.push((rows[i].band.clone(), vec![i])),
            }
        }
        let table: Vec<Vec<u64>> =
            bands.iter().map(|(_, v)| v.iter().map(|&i| rows[i].count.unwrap_or(0)).collect()).collect();
        match disclose_table(&table) {
            Some(t) if !table.is_empty() => {
                for ((_, v), (cells, total)) in bands.iter().zip(t.cells.iter().zip(&t.row_totals)) {
                    for (&i, &c) in v.iter().zip(cells) {
                        set(&mut rows[i], published(c), published(*total));
                    }
                }
                for (&i, &c) in all.iter().zip(&t.column_totals) {
                    set(&mut rows[i], published(c), published(t.grand_total));
                }
            }
            _ => {
                // no band rows (the overall block): primary control only
                let total = all.first().and_then(|&i| rows[i].total);
                for &i in &all {
                    let c = count(rows[i].count);
                    set(&mut rows[i], c, count(total));
                }
            }
        }
    }
}

fn set(row: &mut super::results::RepresentationRow, count: Option<u64>, total: Option<u64>) {
    row.count = count;
    row.total = total;
    row.percent = match (count, total) {
        (Some(c), Some(t)) => percent(c, t),
        _ => None,
    };
}
