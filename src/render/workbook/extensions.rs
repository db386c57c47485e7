//! The extensions block on the Pay and progression sheet: the questions boards ask that the returns do not
//! answer, from `results.extensions`, with plain labels: pay gaps and quartiles, progression up the bands, the
//! Model Employer gap, and the relative likelihoods within groups and by kind of post.

use super::page::{Cell, Table, Unit};
use super::words::{extension_words, humanise, more_needed_format, workforce_words};
use super::Page;
use crate::compute::extensions::results::{Breakdown, PayGap};
use crate::compute::results::{GroupRate, Ratio, Results, Status};
use crate::error::Result;
use crate::stats::Assessment;

/// Twelve columns, as the detail sheets.
pub const WIDTHS: [f64; 12] = [24.0, 13.0, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 10.0];

fn status_words(status: Status, reason: &Option<String>) -> String {
    match (status, reason) {
        (Status::Ok, _) => String::new(),
        (_, Some(r)) => r.clone(),
        (Status::Suppressed, None) => "withheld (small numbers)".into(),
        _ => "no figure".into(),
    }
}

fn assessment_words(a: Assessment) -> &'static str {
    match a {
        Assessment::OutsideNonAdverseRange => "outside 0.80-1.25",
        Assessment::WithinNonAdverseRange => "inside 0.80-1.25",
        Assessment::NotEstimable => "not estimable",
    }
}

fn rate(g: Option<&GroupRate>) -> Vec<Cell> {
    match g {
        Some(g) => {
            vec![Cell::Count(g.events), Cell::Count(g.total), Cell::Num(g.rate.map(|r| r * 100.0), Unit::Percent)]
        }
        None => vec![Cell::Blank, Cell::Blank, Cell::Blank],
    }
}

fn ratio_cells(ratio: &Option<Ratio>) -> Vec<Cell> {
    match ratio {
        Some(r) => vec![
            Cell::Num(r.value, Unit::Ratio),
            Cell::Num(r.ci.as_ref().map(|c| c.low), Unit::Ratio),
            match r.ci.as_ref().map(|c| c.high) {
                Some(Some(h)) => Cell::Num(Some(h), Unit::Ratio),
                Some(None) => Cell::text("no upper limit"),
                None => Cell::Blank,
            },
        ],
        None => vec![Cell::Blank, Cell::Blank, Cell::Blank],
    }
}

/// Why a step or breakdown has no ratio, in two or three words.
fn short_reason(status: Status, reason: &Option<String>) -> &'static str {
    match (status, reason.as_deref()) {
        (Status::Suppressed, _) => "withheld",
        (_, Some(r)) if r.contains("no ") && r.contains("compare") => "no one to compare",
        _ => "no ratio",
    }
}

/// A pay gap said as more or less for the other group: `8.2% less for BME`.
fn pay_gap_format(other: &str) -> String {
    format!("0.0\"% less for {other}\";0.0\"% more for {other}\";\"no gap\"")
}

/// Writes the sheet.
pub fn write(page: &mut Page, results: &Results) -> Result<()> {
    let ext = &results.extensions;
    page.title("Pay and progression: pay gaps, progression, the Model Employer gap, breakdowns")?;
    let m = &ext.method;
    let basis = if format!("{:?}", m.salary_basis).contains("Full") {
        "annual salary (the full-time rate) / (weekly hours x weeks)"
    } else {
        "annual salary / (FTE x weekly hours x weeks)"
    };
    page.note(&format!(
        "Hourly pay = the hourly rate where given, else {basis}, with {} hours a week and {} weeks a year. Pay gap = \
         (reference group's pay - other group's pay) / reference group's pay, as the gender pay gap regulations \
         define it. Breakdowns with a group under {} members, or 1-7 events, are withheld.",
        m.weekly_hours, m.weeks_per_year, m.min_members
    ))?;
    for gap in &ext.pay_gaps {
        pay_gap(page, gap)?;
    }
    progression(page, results)?;
    model_employer(page, results)?;
    let breakdowns: Vec<&Breakdown> = ext.intersections.iter().chain(&ext.recruitment_views).collect();
    breakdown_table(page, &breakdowns)?;
    Ok(())
}

fn pay_gap(page: &mut Page, gap: &PayGap) -> Result<()> {
    let (r, o) = (gap.reference_group, gap.other_group);
    let headers = [
        "Workforce".to_string(),
        format!("{r}: people"),
        format!("{r}: mean £/hour"),
        format!("{r}: median £/hour"),
        format!("{o}: people"),
        format!("{o}: mean £/hour"),
        format!("{o}: median £/hour"),
        "Mean gap".to_string(),
        "Median gap".to_string(),
        "Notes".to_string(),
    ];
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(format!("{}: hourly pay", gap.title), &headers)
        .spans(&[1, 1, 1, 1, 1, 1, 1, 2, 2, 1])
        .note(gap.summary.clone());
    for block in &gap.blocks {
        let g = |label: &str| block.groups.iter().find(|x| x.group == label);
        let (rg, og) = (g(r), g(o));
        let worded = |v: Option<f64>| match v {
            Some(x) => Cell::Worded(x, pay_gap_format(o)),
            None => Cell::Blank,
        };
        t.rows.push(vec![
            Cell::text(workforce_words(block.workforce)),
            Cell::Count(rg.and_then(|x| x.people)),
            Cell::Num(rg.and_then(|x| x.mean_hourly), Unit::Pounds),
            Cell::Num(rg.and_then(|x| x.median_hourly), Unit::Pounds),
            Cell::Count(og.and_then(|x| x.people)),
            Cell::Num(og.and_then(|x| x.mean_hourly), Unit::Pounds),
            Cell::Num(og.and_then(|x| x.median_hourly), Unit::Pounds),
            worded(block.mean_gap_percent),
            worded(block.median_gap_percent),
            Cell::text(status_words(block.status, &block.reason)),
        ]);
    }
    page.table(&t)?;
    let Some(block) = gap.blocks.iter().find(|b| b.workforce == "overall") else { return Ok(()) };
    let groups: Vec<&str> =
        block.quartiles.first().map(|q| q.shares.iter().map(|s| s.group).collect()).unwrap_or_default();
    let mut headers = vec!["Quarter of the workforce by hourly pay".to_string(), "People".to_string()];
    for g in &groups {
        headers.push(format!("{g}: people"));
        headers.push(format!("{g} %"));
    }
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(format!("{}: each group's share of each pay quarter", gap.title), &headers);
    for q in &block.quartiles {
        let mut row = vec![Cell::text(humanise(q.name)), Cell::Count(q.people)];
        for g in &groups {
            let s = q.shares.iter().find(|s| s.group == *g);
            row.push(Cell::Count(s.and_then(|s| s.count)));
            row.push(Cell::Num(s.and_then(|s| s.percent), Unit::Percent));
        }
        t.rows.push(row);
    }
    page.table(&t)
}

fn progression(page: &mut Page, results: &Results) -> Result<()> {
    for p in &results.extensions.progression {
        let (a, b) = (p.numerator_group, p.denominator_group);
        let headers = [
            "Workforce".to_string(),
            "Step".to_string(),
            format!("{a}: at the higher band"),
            format!("{a}: at the lower"),
            format!("{a}: rate %"),
            format!("{b}: at the higher band"),
            format!("{b}: at the lower"),
            format!("{b}: rate %"),
            "Relative likelihood".to_string(),
            "CI low".to_string(),
            "CI high".to_string(),
            "Compounded from the first band".to_string(),
        ];
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut t = Table::new(format!("{}: up the bands", extension_words(&p.id)), &headers).note(format!(
            "{} Each step: staff at or above the higher band, of those at or above the lower.",
            p.summary
        ));
        for block in &p.blocks {
            let workforce = if block.workforce == "all" {
                "All non-medical staff".to_string()
            } else {
                workforce_words(block.workforce)
            };
            for step in std::iter::once(&block.headline).chain(&block.steps) {
                let find = |l: &str| step.groups.iter().find(|g| g.group == l);
                let mut r = vec![Cell::text(workforce.clone()), Cell::text(format!("{} from {}", step.to, step.from))];
                r.extend(rate(find(a)));
                r.extend(rate(find(b)));
                match step.ratio.as_ref().and_then(|x| x.value) {
                    Some(_) => r.extend(ratio_cells(&step.ratio)),
                    None => r.extend([Cell::text(short_reason(step.status, &step.reason)), Cell::Blank, Cell::Blank]),
                }
                r.push(match step.compounded {
                    Some(c) => Cell::Num(Some(c), Unit::Ratio),
                    None => Cell::text("—"),
                });
                t.rows.push(r);
            }
        }
        page.table(&t)?;
    }
    Ok(())
}

fn model_employer(page: &mut Page, results: &Results) -> Result<()> {
    let Some(me) = &results.extensions.model_employer else {
        page.heading("The Model Employer gap", 20.0)?;
        return page.paragraph("No staff snapshot, so no Model Employer gap.");
    };
    let mut t = Table::new(
        "The Model Employer gap: BME staff each band would need to match a BME share",
        &[
            "Band",
            "BME staff",
            "Staff of known ethnicity",
            "BME %",
            "BME % of the bands below",
            "To match the trust's share",
            "To match the bands below",
        ],
    )
    .spans(&[1, 1, 1, 1, 1, 2, 2])
    .note(me.summary.clone());
    for r in &me.rows {
        let gap = |g: Option<i64>| match g {
            Some(x) => Cell::Worded(x as f64, more_needed_format()),
            None => Cell::text("—"),
        };
        t.rows.push(vec![
            Cell::text(&r.band),
            Cell::Count(r.bme),
            Cell::Count(r.known),
            Cell::Num(r.bme_percent, Unit::Percent),
            Cell::Num(r.below_bme_percent, Unit::Percent),
            gap(r.gap_vs_overall),
            gap(r.gap_vs_below),
        ]);
    }
    page.table(&t)
}

fn breakdown_table(page: &mut Page, breakdowns: &[&Breakdown]) -> Result<()> {
    let mut t = Table::new(
        "Relative likelihoods within groups and by kind of post",
        &[
            "Breakdown",
            "Within",
            "First group: with outcome",
            "First group: total",
            "First group: rate %",
            "Second group: with outcome",
            "Second group: total",
            "Second group: rate %",
            "Relative likelihood",
            "CI low",
            "CI high",
            "Range, or why no figure",
        ],
    )
    .note("Each row: the relative likelihood of the first group over the second, within one group of staff or kind of post.");
    for b in breakdowns {
        for c in &b.cells {
            let (num, den) =
                c.ratio.as_ref().map_or((None, None), |r| (Some(r.numerator_group), Some(r.denominator_group)));
            let find = |label: Option<&str>| label.and_then(|l| c.groups.iter().find(|g| g.group == l));
            let name = match (num, den) {
                (Some(n), Some(d)) => format!("{} ({n} over {d})", extension_words(&b.id)),
                _ => extension_words(&b.id),
            };
            let mut row = vec![Cell::text(name), Cell::text(humanise(&c.level))];
            row.extend(rate(find(num)));
            row.extend(rate(find(den)));
            row.extend(ratio_cells(&c.ratio));
            row.push(Cell::text(match c.ratio.as_ref().and_then(|r| r.value) {
                Some(_) => assessment_words(c.assessment),
                None => short_reason(c.status, &c.reason),
            }));
            t.rows.push(row);
        }
    }
    page.table(&t)
}
