//! The board paragraph of each standard, written from the figures (never from a template that could contradict
//! them): the headline representation, the largest disparities (ratios ranked by significance, then by distance
//! from 1 on the log scale), the largest adverse survey gap, the pay gap, progression and the Model Employer gap,
//! what moved since last year (only when last year's results are given), and which figures rest on small numbers.

use super::definitions::NarrativeDef;
use crate::compute::definitions::{Definition, Rule};
use crate::compute::results::{Figures, IndicatorResult, Results, Status};

/// Last year's value of one figure (a relative likelihood, or a survey gap in points), by indicator id.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousFigure {
    /// `WRES2`, ...
    pub id: String,
    /// The ratio, or the gap in points.
    pub value: f64,
}

/// "WRES 2" from "WRES2".
fn spoken(id: &str) -> String {
    let split = id.find(|c: char| c.is_ascii_digit()).unwrap_or(id.len());
    format!("{} {}", &id[..split], &id[split..])
}

/// A relative likelihood's sentence without its interval, with what the interval and range say.
fn disparity(ind: &IndicatorResult) -> Option<(bool, f64, String)> {
    let Figures::RelativeLikelihood(f) = &ind.figures else { return None };
    let r = f.ratio.as_ref()?;
    let v = r.value.filter(|v| *v > 0.0)?;
    if ind.status != Status::Ok {
        return None;
    }
    let core = ind.summary.split(" (").next().unwrap_or(&ind.summary).trim_end_matches('.').to_string();
    let significant = r.significant == Some(true);
    let range = match f.assessment {
        crate::stats::Assessment::OutsideNonAdverseRange => "outside",
        _ => "within",
    };
    let sig = if significant { "statistically significant" } else { "not statistically significant" };
    let mut title = ind.title.clone();
    if let Some(first) = title.get(..1) {
        title = first.to_lowercase() + &title[1..];
    }
    let text = format!("{title} ({}): {core}, {sig} and {range} the non-adverse range", spoken(&ind.id));
    Some((significant, v.ln().abs(), text))
}

fn small_numbers(inds: &[&IndicatorResult]) -> Vec<String> {
    inds.iter()
        .filter(|i| i.status == Status::Suppressed || i.notes.iter().any(|n| n.starts_with("Rests on small numbers")))
        .map(|i| spoken(&i.id))
        .collect()
}

fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The paragraph of one standard.
pub fn paragraph(
    standard: &str,
    results: &Results,
    defs: &[Definition],
    previous: &[PreviousFigure],
    settings: &NarrativeDef,
) -> String {
    let inds: Vec<&IndicatorResult> = results.indicators.iter().filter(|i| i.standard == standard).collect();
    let ext = &results.extensions;
    let mut s: Vec<String> = Vec::new();
    // Headline representation.
    if standard == "WRES" {
        if let Some(m) = &ext.model_employer {
            // Only when every senior band's counts are shown (a withheld band would bias the share).
            let senior: Option<Vec<(u64, u64)>> =
                m.rows.iter().skip_while(|r| r.band != m.senior_band).map(|r| Some((r.bme?, r.known?))).collect();
            let (b, k) = senior.unwrap_or_default().iter().fold((0, 0), |(b, k), (x, y)| (b + x, k + y));
            if let (Some(all), true) = (m.overall_bme_percent, k > 0) {
                s.push(format!(
                    "BME staff are {all:.1}% of the workforce with a known ethnicity and {:.1}% of staff at {} and above.",
                    b as f64 / k as f64 * 100.0,
                    m.senior_band
                ));
            }
        }
    }
    // Largest disparities.
    let mut ranked: Vec<(bool, f64, String)> = inds.iter().filter_map(|i| disparity(i)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    if ranked.is_empty() {
        s.push(format!("No {standard} relative likelihood could be estimated from the data given."));
    } else {
        let top: Vec<String> = ranked.iter().take(settings.largest.max(1)).map(|r| r.2.clone()).collect();
        s.push(format!("The largest disparity is in {}.", top[0]));
        if top.len() > 1 {
            s.push(format!("Next is {}.", top[1..].join("; then ")));
        }
    }
    // Largest adverse survey gap.
    let mut gaps: Vec<(f64, String)> = inds
        .iter()
        .filter_map(|i| {
            let Figures::Survey(f) = &i.figures else { return None };
            let gap = f.gap_pp?;
            let def = defs.iter().find(|d| d.id == i.id)?;
            let Rule::Survey(rule) = &def.rule else { return None };
            let adverse = if rule.higher_is_better { -gap } else { gap };
            (adverse > 0.0).then(|| {
                let unit = if f.unit == "score" { "points" } else { "percentage points" };
                (
                    adverse,
                    format!("{} ({}), where the gap is {:.1} {unit}", i.title.to_lowercase(), spoken(&i.id), gap.abs()),
                )
            })
        })
        .collect();
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
    if let Some((_, g)) = gaps.first() {
        let protected = if standard == "WRES" { "BME" } else { "Disabled" };
        s.push(format!("In the staff survey, {protected} staff fare worst on {g}."));
    }
    // Pay gap, progression, Model Employer.
    if let Some(p) = ext.pay_gaps.iter().find(|p| p.standard == standard && p.status == Status::Ok) {
        s.push(p.summary.clone());
    }
    if let Some(p) = ext.progression.iter().find(|p| p.standard == standard) {
        if p.blocks.first().and_then(|b| b.headline.ratio.as_ref()).and_then(|r| r.value).is_some() {
            s.push(p.summary.clone());
        }
    }
    if standard == "WRES" {
        if let Some(m) = ext.model_employer.as_ref().filter(|m| m.shortfall_vs_overall.is_some()) {
            s.push(m.summary.clone());
        }
    }
    // Since last year.
    if !previous.is_empty() {
        let mut moved = Vec::new();
        let mut steady = Vec::new();
        for i in &inds {
            let Figures::RelativeLikelihood(f) = &i.figures else { continue };
            let (Some(now), Some(then)) =
                (f.ratio.as_ref().and_then(|r| r.value), previous.iter().find(|p| p.id == i.id).map(|p| p.value))
            else {
                continue;
            };
            if (now - then).abs() >= settings.material_change {
                moved.push(format!("{} from {then:.2} to {now:.2}", spoken(&i.id)));
            } else {
                steady.push(spoken(&i.id));
            }
        }
        if !moved.is_empty() {
            s.push(format!(
                "Since last year {} moved: {}.",
                if moved.len() == 1 { "one ratio" } else { "these ratios" },
                list(&moved)
            ));
        }
        if !steady.is_empty() {
            s.push(format!("{} changed little since last year.", list(&steady)));
        }
    }
    // Small numbers.
    let small = small_numbers(&inds);
    if !small.is_empty() {
        s.push(format!(
            "{} {} on small numbers, so {} interval matters more than {} ratio.",
            list(&small),
            if small.len() == 1 { "rests" } else { "rest" },
            if small.len() == 1 { "its" } else { "their" },
            if small.len() == 1 { "its" } else { "their" },
        ));
    }
    s.join(" ")
}
