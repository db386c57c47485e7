//! The plain-English sentence for each indicator, written from its figures (never from a template that could
//! contradict them), so the JSON, the CSV and the workbook say the same thing.

use super::definitions::{Definition, Rule};
use super::results::{Figures, IndicatorResult, Status};
use crate::stats::Assessment;

/// Two decimals, as relative likelihoods are published.
fn two(x: f64) -> String {
    format!("{x:.2}")
}

/// One decimal, for percentages.
fn one(x: f64) -> String {
    format!("{x:.1}")
}

/// The sentence for one computed indicator.
///
/// ```
/// # use wres_wdes::compute::summary::fill;
/// assert_eq!(fill("{numerator} were {value} times as likely as {denominator}", "White", "BME", "1.50"),
///            "White were 1.50 times as likely as BME");
/// ```
pub fn fill(template: &str, numerator: &str, denominator: &str, value: &str) -> String {
    template.replace("{numerator}", numerator).replace("{denominator}", denominator).replace("{value}", value)
}

/// Writes the summary sentence of an indicator result.
pub fn sentence(def: &Definition, result: &IndicatorResult) -> String {
    if result.status == Status::NoData {
        return format!("No figure: {}.", result.reason.as_deref().unwrap_or("no data"));
    }
    match &result.figures {
        Figures::RelativeLikelihood(f) => {
            let Some(r) = &f.ratio else { return "No figure.".to_string() };
            let Some(value) = r.value else {
                return format!("No ratio can be estimated: {}.", result.reason.as_deref().unwrap_or("no data"));
            };
            let template = match &def.rule {
                Rule::RelativeLikelihood(rule) => rule.sentence.as_str(),
                _ => "{numerator} were {value} times as likely as {denominator}",
            };
            let mut s = fill(template, r.numerator_group, r.denominator_group, &two(value));
            if let Some(ci) = &r.ci {
                let high = ci.high.map_or_else(|| "no finite upper limit".to_string(), two);
                s.push_str(&format!(" ({:.0}% CI {} to {})", ci.level * 100.0, two(ci.low), high));
            }
            s.push_str(match f.assessment {
                Assessment::WithinNonAdverseRange => "; this is within the non-adverse range of 0.80 to 1.25",
                Assessment::OutsideNonAdverseRange => "; this is outside the non-adverse range of 0.80 to 1.25",
                Assessment::NotEstimable => "",
            });
            match r.significant {
                Some(true) => s.push_str(", and the difference is statistically significant."),
                Some(false) => s.push_str(", and the difference is not statistically significant."),
                None => s.push('.'),
            }
            s
        }
        Figures::Representation(f) => {
            let overall: Vec<_> = f.rows.iter().filter(|r| r.workforce == "overall").collect();
            let parts: Vec<String> =
                overall.iter().filter_map(|r| Some(format!("{}% {}", one(r.percent?), r.group))).collect();
            let total = overall.first().and_then(|r| r.total).unwrap_or(0);
            format!("Of {total} staff, {}.", parts.join(", "))
        }
        Figures::Survey(f) => {
            let unit = if f.unit == "score" { "" } else { "%" };
            let parts: Vec<String> = f
                .rows
                .iter()
                .map(|r| match r.value {
                    Some(v) => format!("{} {}{unit}", r.group, one(v)),
                    None => format!("{} suppressed (fewer than 11 respondents)", r.group),
                })
                .collect();
            let mut s = parts.join(", ");
            if let Some(gap) = f.gap_pp {
                let points = if f.unit == "score" { "points" } else { "percentage points" };
                let better = match &def.rule {
                    Rule::Survey(rule) => rule.higher_is_better,
                    _ => true,
                };
                let worse = if better { gap < 0.0 } else { gap > 0.0 };
                let who = def.protected_group().map_or("the protected group", |g| g.label());
                if gap == 0.0 {
                    s.push_str("; no gap");
                } else {
                    let way = if worse { "worse" } else { "better" };
                    s.push_str(&format!("; a gap of {} {points}, {way} for {who} staff", one(gap.abs())));
                }
            }
            s.push('.');
            s
        }
        Figures::Board(f) => {
            let who = def.protected_group().map_or("", |g| g.label());
            let pct = |m: &str| f.rows.iter().find(|r| r.membership == m && r.group == who).and_then(|r| r.percent);
            let mut s = match pct("voting") {
                Some(v) => format!("{}% of voting board members are {who}", one(v)),
                None => "The board has no voting members listed".to_string(),
            };
            if let Some(w) = pct("workforce") {
                s.push_str(&format!(", against {}% of the workforce", one(w)));
            }
            if let Some(d) = f.difference_pp.voting {
                let way = if d < 0.0 { "below" } else { "above" };
                s.push_str(&format!(" ({} percentage points {way} it)", one(d.abs())));
            }
            s.push('.');
            s
        }
        Figures::Declaration(f) => match f.answer.as_deref() {
            Some("yes") => "Yes: the trust has taken action to hear the voices of Disabled staff.".to_string(),
            Some(_) => "No: the trust has not taken action to hear the voices of Disabled staff.".to_string(),
            None => "No answer given.".to_string(),
        },
    }
}
