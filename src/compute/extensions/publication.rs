//! Publication mode for the extensions (applied as in `compute::publication`): counts 1-7
//! withheld, others rounded to the nearest 5; rates and percentages recomputed from the published counts; a
//! ratio withheld when a compared group's events are withheld; pay statistics withheld for a group of fewer than
//! `min_members` people; Model Employer gaps recomputed from the published counts.

use super::results::{BreakdownCell, Extensions, Step};
use crate::compute::representation::percent;
use crate::compute::results::{GroupRate, Status};
use crate::stats::disclosure::{disclose_count, Disclosed};
use crate::stats::Assessment;

fn count(n: Option<u64>) -> Option<u64> {
    n.and_then(|v| match disclose_count(v) {
        Disclosed::Shown(x) => Some(x),
        _ => None,
    })
}

const WITHHELD: &str = "withheld for publication: a compared group has between 1 and 7 people or events";

/// Discloses the groups; true when a group's events or total are withheld.
fn groups(gs: &mut [GroupRate]) -> bool {
    let mut withheld = false;
    for g in gs {
        withheld |= g.events.is_some() && count(g.events).is_none();
        withheld |= g.total.is_some() && count(g.total).is_none();
        g.events = count(g.events);
        g.total = count(g.total);
        g.rate = match (g.events, g.total) {
            (Some(e), Some(t)) if t > 0 => Some(e as f64 / t as f64),
            _ => None,
        };
    }
    withheld
}

fn cell(c: &mut BreakdownCell) {
    if groups(&mut c.groups) && c.ratio.is_some() {
        c.ratio = None;
        c.assessment = Assessment::NotEstimable;
        c.status = Status::Suppressed;
        c.reason = Some(WITHHELD.to_string());
    }
}

fn step(s: &mut Step) {
    if groups(&mut s.groups) && s.ratio.is_some() {
        s.ratio = None;
        s.assessment = Assessment::NotEstimable;
        s.status = Status::Suppressed;
        s.reason = Some(WITHHELD.to_string());
        s.compounded = None;
    }
}

/// Rewrites the extensions for publication.
pub fn disclose(ext: &mut Extensions) {
    let min = ext.method.min_members;
    for g in &mut ext.pay_gaps {
        for l in &mut g.left_out {
            l.people = count(l.people);
        }
        for b in &mut g.blocks {
            let small = b.groups.iter().any(|p| p.people.unwrap_or(0) < min);
            for p in &mut b.groups {
                if p.people.unwrap_or(0) < min {
                    p.mean_hourly = None;
                    p.median_hourly = None;
                }
                p.people = count(p.people);
            }
            if small && b.status == Status::Ok {
                b.mean_gap_percent = None;
                b.median_gap_percent = None;
                b.status = Status::Suppressed;
                b.reason = Some(format!("withheld for publication: a group has fewer than {min} people"));
            }
            for q in &mut b.quartiles {
                q.people = count(q.people);
                for s in &mut q.shares {
                    s.count = count(s.count);
                    s.percent = match (s.count, q.people) {
                        (Some(c), Some(t)) => percent(c, t),
                        _ => None,
                    };
                }
            }
        }
        if g.blocks.first().is_some_and(|b| b.status == Status::Suppressed) {
            g.summary = super::pay_gap::summary(g);
        }
    }
    for b in ext.intersections.iter_mut().chain(ext.recruitment_views.iter_mut()) {
        b.cells.iter_mut().for_each(cell);
    }
    for p in &mut ext.progression {
        for b in &mut p.blocks {
            step(&mut b.headline);
            b.steps.iter_mut().for_each(step);
            super::progression::compound(&mut b.steps);
        }
        p.summary = super::progression::summary(p);
    }
    if let Some(m) = &mut ext.model_employer {
        let share = m.overall_bme_percent.map(|p| p / 100.0);
        let (mut below_bme, mut below_known) = (0u64, 0u64);
        let (mut short_o, mut short_b, mut senior_o, mut senior_b) = (0i64, 0i64, 0i64, 0i64);
        let mut senior = false;
        for r in &mut m.rows {
            senior |= r.band == m.senior_band;
            r.bme = count(r.bme);
            r.known = count(r.known);
            r.bme_percent = match (r.bme, r.known) {
                (Some(b), Some(k)) => percent(b, k),
                _ => None,
            };
            // Rounded to the nearest 5 like every published headcount, so no gap of 1-7 people is shown.
            let gap = |s: Option<f64>| match (s, r.bme, r.known) {
                (Some(s), Some(b), Some(k)) => Some(((s * k as f64 - b as f64) / 5.0).round() as i64 * 5),
                _ => None,
            };
            let below = (below_known > 0).then(|| below_bme as f64 / below_known as f64);
            r.below_bme_percent = below.map(|s| s * 100.0);
            r.gap_vs_overall = gap(share);
            r.gap_vs_below = gap(below);
            let pos = |g: Option<i64>| g.unwrap_or(0).max(0);
            short_o += pos(r.gap_vs_overall);
            short_b += pos(r.gap_vs_below);
            if senior {
                senior_o += pos(r.gap_vs_overall);
                senior_b += pos(r.gap_vs_below);
            }
            // The share of the bands below uses the published counts too.
            below_bme += r.bme.unwrap_or(0);
            below_known += r.known.unwrap_or(0);
        }
        if m.status == Status::Ok {
            m.shortfall_vs_overall = Some(short_o);
            m.shortfall_vs_below = Some(short_b);
            m.senior_shortfall_vs_overall = Some(senior_o);
            m.senior_shortfall_vs_below = Some(senior_b);
        }
        m.summary = super::progression::model_employer_summary(m);
    }
}
