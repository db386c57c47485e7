//! Progression up the Agenda for Change bands and the Model Employer gap, from the staff snapshot.
//!
//! Progression: the relative likelihood of being at or above the senior band (8a) given being at or above the
//! starting band (5), numerator group's rate over the denominator group's (White over BME, non-disabled over
//! Disabled, as WRES 2), so above 1 is adverse to the protected group; and the same ratio at each step of the
//! ladder (at or above the next band given at or above this one). The step rates multiply to the headline rate
//! (P(>= 8a | >= 5) = P(>= 6 | >= 5) x P(>= 7 | >= 6) x P(>= 8a | >= 7)), so the step ratios compound to the
//! headline ratio: `compounded` shows the running product. Staff on the ladder are those with an AfC band or VSM
//! (medical grades are not on it). Unknowns are left out of both groups.
//!
//! Model Employer gap: at each band, BME staff the band would hold at (a) the trust's overall BME share (all staff,
//! medical included, with a known ethnicity) and (b) the BME share of all the ladder's bands below it, minus the BME
//! staff it holds, rounded to whole people (half away from zero). The shortfall totals add the positive gaps.

use super::definitions::{Definitions, ProgressionDef};
use super::results::{ModelEmployer, ModelEmployerRow, Progression, ProgressionBlock, Step};
use crate::compute::definitions::Dimension;
use crate::compute::relative_likelihood::{not_estimable_reason, ratio};
use crate::compute::representation::percent;
use crate::compute::results::{GroupRate, Status};
use crate::config::Settings;
use crate::normalise::codes::{Ethnicity, PayBand, PayRow};
use crate::normalise::records::staff::{Person, StaffSnapshot};
use crate::normalise::records::Tally;

fn group_of(p: &Person, dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Ethnicity => p.ethnicity.label(),
        Dimension::Disability => p.disability.label(),
    }
}

/// How many people of each group are in each AfC band (by the band's place in [`PayBand::ALL`]).
type BandCounts = Vec<(&'static str, [u64; PayBand::ALL.len()])>;

/// Counts people by group and band, in one pass.
fn band_counts(people: impl Iterator<Item = (PayBand, &'static str, u64)>) -> BandCounts {
    let mut out: BandCounts = Vec::new();
    for (band, group, n) in people {
        let Some(i) = PayBand::ALL.iter().position(|b| *b == band) else { continue };
        let slot = match out.iter().position(|(g, _)| *g == group) {
            Some(k) => k,
            None => {
                out.push((group, [0; PayBand::ALL.len()]));
                out.len() - 1
            }
        };
        if let Some(c) = out.get_mut(slot).and_then(|(_, counts)| counts.get_mut(i)) {
            *c += n;
        }
    }
    out
}

/// One step from the people on the ladder: events = at or above `to`, total = at or above `from`.
fn step(
    people: &BandCounts,
    from: PayBand,
    to: PayBand,
    num: &'static str,
    den: &'static str,
    settings: &Settings,
) -> Step {
    let tally = |g: &str| {
        let mut t = Tally::default();
        for (_, counts) in people.iter().filter(|(pg, _)| *pg == g) {
            for (b, n) in PayBand::ALL.iter().zip(counts) {
                if *b >= from {
                    t.total += n;
                    if *b >= to {
                        t.events += n;
                    }
                }
            }
        }
        t
    };
    let (a, c) = (tally(num), tally(den));
    let groups = [(num, a), (den, c)].into_iter().map(|(g, t)| GroupRate::of(g, t)).collect();
    let (r, assessment) = ratio(num, den, a, c, settings.ci_method, settings.ci_level);
    let (status, reason) = match r.not_estimable {
        Some(why) => (Status::NotEstimable, Some(not_estimable_reason(why, num, den))),
        None => (Status::Ok, None),
    };
    Step {
        from: from.label().to_string(),
        to: to.label().to_string(),
        status,
        reason,
        groups,
        ratio: Some(r),
        assessment,
        compounded: None,
    }
}

/// Fills `compounded`: the running product of the step ratios, `None` from the first step without one.
pub fn compound(steps: &mut [Step]) {
    let mut product = Some(1.0);
    for s in steps {
        product = match (product, s.ratio.as_ref().and_then(|r| r.value)) {
            (Some(p), Some(v)) => Some(p * v),
            _ => None,
        };
        s.compounded = product;
    }
}

/// Every progression comparison.
pub fn progression(staff: Option<&StaffSnapshot>, defs: &Definitions, settings: &Settings) -> Vec<Progression> {
    defs.progression.comparison.iter().map(|def| one(staff, defs, def, settings)).collect()
}

fn one(staff: Option<&StaffSnapshot>, defs: &Definitions, def: &ProgressionDef, settings: &Settings) -> Progression {
    let (num, den) = (def.numerator.label(), def.denominator.label());
    let p = &defs.progression;
    let (from, senior) = (p.from.0, p.senior.0);
    let ladder: Vec<PayBand> = p.ladder.iter().map(|b| b.0).collect();
    let mut out = Progression {
        id: def.id.clone(),
        standard: def.standard.label().to_string(),
        numerator_group: num,
        denominator_group: den,
        from_band: from.label().to_string(),
        senior_band: senior.label().to_string(),
        blocks: Vec::new(),
        summary: String::new(),
    };
    let Some(staff) = staff.filter(|s| !s.is_empty()) else {
        out.summary = "No figure: no staff snapshot was given.".to_string();
        return out;
    };
    let tally = staff.tally();
    for block in &p.blocks {
        let (workforce, keep) = block.workforce();
        let people =
            band_counts(tally.iter().filter(|(q, _)| keep.is_none_or(|w| q.workforce == w)).filter_map(|(q, n)| {
                match q.row {
                    PayRow::Band(b) => Some((b, group_of(q, def.dimension), *n)),
                    _ => None,
                }
            }));
        let headline = step(&people, from, senior, num, den, settings);
        let mut steps: Vec<Step> = ladder.windows(2).map(|w| step(&people, w[0], w[1], num, den, settings)).collect();
        compound(&mut steps);
        out.blocks.push(ProgressionBlock { workforce, headline, steps });
    }
    out.summary = summary(&out);
    out
}

/// The sentence of a progression comparison, from its first block.
pub fn summary(p: &Progression) -> String {
    let Some(b) = p.blocks.first() else { return "No figure.".to_string() };
    let h = &b.headline;
    match (h.status, h.ratio.as_ref().and_then(|r| r.value)) {
        (Status::Suppressed, _) => "Withheld for publication: it rests on between 1 and 7 people in a group.".into(),
        (_, Some(v)) => {
            let mut s = format!(
                "Among staff at {} and above, {} staff were {v:.2} times as likely as {} staff to be at {} or above",
                p.from_band, p.numerator_group, p.denominator_group, p.senior_band
            );
            if let Some(ci) = h.ratio.as_ref().and_then(|r| r.ci.as_ref()) {
                let high = ci.high.map_or_else(|| "no finite upper limit".to_string(), |x| format!("{x:.2}"));
                s.push_str(&format!(" ({:.0}% CI {:.2} to {high})", ci.level * 100.0, ci.low));
            }
            s.push('.');
            s
        }
        _ => format!("No ratio can be estimated: {}.", h.reason.as_deref().unwrap_or("no data")),
    }
}

/// Rounds half away from zero to a whole number.
fn whole(x: f64) -> i64 {
    x.round() as i64
}

/// The Model Employer gap.
pub fn model_employer(staff: Option<&StaffSnapshot>, defs: &Definitions) -> Option<ModelEmployer> {
    let staff = staff?;
    let d = &defs.model_employer;
    let senior = d.senior.0;
    // (BME, known ethnicity, everyone) by pay row, in one pass.
    let mut by_row: std::collections::BTreeMap<PayRow, (u64, u64, u64)> = std::collections::BTreeMap::new();
    for &(p, n) in staff.tally() {
        let t = by_row.entry(p.row).or_default();
        t.2 += n;
        match p.ethnicity {
            Ethnicity::Bme => {
                t.0 += n;
                t.1 += n;
            }
            Ethnicity::White => t.1 += n,
            Ethnicity::Unknown => {}
        }
    }
    let count = |row: PayRow| by_row.get(&row).copied().unwrap_or_default();
    let (bme_all, known_all) = by_row.values().fold((0, 0), |(b, k), t| (b + t.0, k + t.1));
    let overall = (known_all > 0).then(|| bme_all as f64 / known_all as f64);
    let mut rows = Vec::new();
    let (mut below_bme, mut below_known) = (0u64, 0u64);
    let (mut short_o, mut short_b, mut senior_o, mut senior_b) = (0i64, 0i64, 0i64, 0i64);
    for b in d.bands.iter().map(|b| b.0) {
        let (bme, known, all) = count(PayRow::Band(b));
        if all > 0 {
            let gap_o = overall.filter(|_| known > 0).map(|s| whole(s * known as f64 - bme as f64));
            let below = (below_known > 0).then(|| below_bme as f64 / below_known as f64);
            let gap_b = below.filter(|_| known > 0).map(|s| whole(s * known as f64 - bme as f64));
            let add = |total: &mut i64, g: Option<i64>| *total += g.unwrap_or(0).max(0);
            add(&mut short_o, gap_o);
            add(&mut short_b, gap_b);
            if b >= senior {
                add(&mut senior_o, gap_o);
                add(&mut senior_b, gap_b);
            }
            rows.push(ModelEmployerRow {
                band: b.label().to_string(),
                bme: Some(bme),
                known: Some(known),
                bme_percent: percent(bme, known),
                below_bme_percent: below.map(|s| s * 100.0),
                gap_vs_overall: gap_o,
                gap_vs_below: gap_b,
            });
        }
        below_bme += bme;
        below_known += known;
    }
    let ok = overall.is_some() && !rows.is_empty();
    let mut out = ModelEmployer {
        status: if ok { Status::Ok } else { Status::NoData },
        reason: (!ok).then(|| "no staff on the Agenda for Change bands with a known ethnicity".to_string()),
        overall_bme_percent: overall.map(|s| s * 100.0),
        rows,
        shortfall_vs_overall: ok.then_some(short_o),
        senior_shortfall_vs_overall: ok.then_some(senior_o),
        shortfall_vs_below: ok.then_some(short_b),
        senior_shortfall_vs_below: ok.then_some(senior_b),
        senior_band: senior.label().to_string(),
        summary: String::new(),
    };
    out.summary = model_employer_summary(&out);
    Some(out)
}

/// The sentence of the Model Employer gap.
pub fn model_employer_summary(m: &ModelEmployer) -> String {
    match (m.overall_bme_percent, m.shortfall_vs_overall, m.senior_shortfall_vs_overall) {
        (Some(share), Some(total), Some(senior)) => format!(
            "Bringing every band's BME share up to the workforce's {share:.1}% would take {total} more BME staff \
             in all, {senior} of them at {} and above.",
            m.senior_band
        ),
        _ => format!("No figure: {}.", m.reason.as_deref().unwrap_or("withheld or no data")),
    }
}
