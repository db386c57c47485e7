//! The "Beyond the returns" sheet: the questions boards ask that the returns do not answer, from
//! `results.extensions`: pay gaps with quartiles, progression up the bands, the Model Employer gap, and the
//! intersections and recruitment views of the relative likelihoods.

use super::sheet::{headers, Cell, Sheet};
use super::{assessment_verdict, Unit};
use crate::compute::extensions::types::{Breakdown, BreakdownCell};
use crate::compute::results::{GroupRate, Results, Status};
use crate::error::Result;

fn status_words(status: Status, reason: &Option<String>) -> String {
    match (status, reason) {
        (Status::Ok, _) => String::new(),
        (_, Some(r)) => r.clone(),
        (Status::Suppressed, None) => "withheld (small numbers)".into(),
        _ => "no figure".into(),
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

fn ratio_cells(cell_ratio: &Option<crate::compute::results::Ratio>) -> Vec<Cell> {
    match cell_ratio {
        Some(r) => vec![
            Cell::Num(r.value, Unit::Ratio),
            Cell::Num(r.ci.as_ref().map(|c| c.low), Unit::Ratio),
            match r.ci.as_ref().map(|c| c.high) {
                Some(Some(h)) => Cell::Num(Some(h), Unit::Ratio),
                Some(None) => Cell::text("no finite upper limit"),
                None => Cell::Blank,
            },
        ],
        None => vec![Cell::Blank, Cell::Blank, Cell::Blank],
    }
}

fn breakdown_rows(b: &Breakdown) -> Vec<Vec<Cell>> {
    b.cells
        .iter()
        .map(|c: &BreakdownCell| {
            let (num, den) =
                c.ratio.as_ref().map_or((None, None), |r| (Some(r.numerator_group), Some(r.denominator_group)));
            let find = |label: Option<&str>| label.and_then(|l| c.groups.iter().find(|g| g.group == l));
            let (v, words) = assessment_verdict(c.assessment);
            let mut row = vec![Cell::text(&b.id), Cell::text(b.by), Cell::text(&c.level)];
            row.extend(rate(find(num)));
            row.extend(rate(find(den)));
            row.extend(ratio_cells(&c.ratio));
            row.push(Cell::Verdict(v, words.to_string()));
            row.push(Cell::text(status_words(c.status, &c.reason)));
            row
        })
        .collect()
}

/// Writes the sheet.
pub(crate) fn write(sheet: &mut Sheet, results: &Results) -> Result<()> {
    let f = sheet.f;
    let ext = &results.extensions;
    sheet.label(0, 0, "Beyond the returns: pay gaps, progression, the Model Employer gap, intersections", &f.title)?;
    sheet.freeze(0, 0)?;
    let m = &ext.method;
    sheet.label(
        1,
        0,
        &format!(
            "Hourly pay = hourly rate where given, else annual salary / ({} hours x {} weeks{}). Pay gap = (reference \
             group's pay - other group's pay) / reference group's pay, as the gender pay gap regulations define it. \
             Breakdowns with a group under {} members, or 1-7 events, are withheld.",
            m.weekly_hours,
            m.weeks_per_year,
            if format!("{:?}", m.salary_basis).contains("Full") {
                ", salary as the full-time rate times FTE"
            } else {
                " x FTE"
            },
            m.min_members
        ),
        &f.note,
    )?;
    let mut row = 3;

    sheet.label(row, 0, "Pay gaps (hourly pay)", &f.heading)?;
    row += 1;
    let mut cells = Vec::new();
    for gap in &ext.pay_gaps {
        for block in &gap.blocks {
            let group = |label: &str| block.groups.iter().find(|g| g.group == label);
            let (r, o) = (group(gap.reference_group), group(gap.other_group));
            cells.push(vec![
                Cell::text(&gap.title),
                Cell::text(block.workforce),
                Cell::text(gap.reference_group),
                Cell::Count(r.and_then(|g| g.people)),
                Cell::Num(r.and_then(|g| g.mean_hourly), Unit::Ratio),
                Cell::Num(r.and_then(|g| g.median_hourly), Unit::Ratio),
                Cell::text(gap.other_group),
                Cell::Count(o.and_then(|g| g.people)),
                Cell::Num(o.and_then(|g| g.mean_hourly), Unit::Ratio),
                Cell::Num(o.and_then(|g| g.median_hourly), Unit::Ratio),
                Cell::Num(block.mean_gap_percent, Unit::Percent),
                Cell::Num(block.median_gap_percent, Unit::Percent),
                Cell::text(status_words(block.status, &block.reason)),
            ]);
        }
    }
    let head = headers(&[
        "Comparison",
        "Workforce",
        "Reference group",
        "People",
        "Mean £/hour",
        "Median £/hour",
        "Other group",
        "People ",
        "Mean £/hour ",
        "Median £/hour ",
        "Mean gap %",
        "Median gap %",
        "Notes",
    ]);
    row = sheet.table(row, &head, &cells)? + 1;
    for gap in &ext.pay_gaps {
        sheet.label(row, 0, &gap.summary, &f.text)?;
        row += 1;
    }
    row += 1;

    sheet.label(
        row,
        0,
        "Pay quartiles: each group's share of each quarter of the workforce ranked by hourly pay",
        &f.heading,
    )?;
    row += 1;
    let mut cells = Vec::new();
    for gap in &ext.pay_gaps {
        if let Some(block) = gap.blocks.iter().find(|b| b.workforce == "overall") {
            for q in &block.quartiles {
                for s in &q.shares {
                    cells.push(vec![
                        Cell::text(&gap.title),
                        Cell::text(q.name),
                        Cell::text(s.group),
                        Cell::Count(s.count),
                        Cell::Num(s.percent, Unit::Percent),
                    ]);
                }
            }
        }
    }
    row = sheet.table(row, &headers(&["Comparison", "Quartile", "Group", "People", "Share %"]), &cells)? + 1;

    sheet.label(row, 0, "Progression up the bands", &f.heading)?;
    row += 1;
    let mut cells = Vec::new();
    for p in &ext.progression {
        for block in &p.blocks {
            for step in std::iter::once(&block.headline).chain(&block.steps) {
                let find = |l: &str| step.groups.iter().find(|g| g.group == l);
                let (v, words) = assessment_verdict(step.assessment);
                let mut r = vec![
                    Cell::text(&p.id),
                    Cell::text(block.workforce),
                    Cell::text(format!("{} from {}", step.to, step.from)),
                ];
                r.extend(rate(find(p.numerator_group)));
                r.extend(rate(find(p.denominator_group)));
                r.extend(ratio_cells(&step.ratio));
                r.push(Cell::Num(step.compounded, Unit::Ratio));
                r.push(Cell::Verdict(v, words.to_string()));
                r.push(Cell::text(status_words(step.status, &step.reason)));
                cells.push(r);
            }
        }
    }
    let head = headers(&[
        "Comparison",
        "Workforce",
        "Step",
        "Group 1 reaching",
        "Group 1 at start",
        "Group 1 rate %",
        "Group 2 reaching",
        "Group 2 at start",
        "Group 2 rate %",
        "Relative likelihood",
        "CI low",
        "CI high",
        "Compounded",
        "Assessment",
        "Notes",
    ]);
    row = sheet.table(row, &head, &cells)? + 1;
    for p in &ext.progression {
        sheet.label(
            row,
            0,
            &format!("{} (group 1: {}; group 2: {})", p.summary, p.numerator_group, p.denominator_group),
            &f.text,
        )?;
        row += 1;
    }
    row += 1;

    sheet.label(row, 0, "The Model Employer gap: BME staff each band would need to match a BME share", &f.heading)?;
    row += 1;
    if let Some(me) = &ext.model_employer {
        let cells: Vec<Vec<Cell>> = me
            .rows
            .iter()
            .map(|r| {
                let gap = |g: Option<i64>| Cell::Num(g.map(|x| x as f64), Unit::Points);
                vec![
                    Cell::text(&r.band),
                    Cell::Count(r.bme),
                    Cell::Count(r.known),
                    Cell::Num(r.bme_percent, Unit::Percent),
                    Cell::Num(r.below_bme_percent, Unit::Percent),
                    gap(r.gap_vs_overall),
                    gap(r.gap_vs_below),
                ]
            })
            .collect();
        let head = headers(&[
            "Band",
            "BME staff",
            "Staff of known ethnicity",
            "BME %",
            "BME % of the bands below",
            "More BME staff to match the trust's share",
            "More BME staff to match the bands below",
        ]);
        row = sheet.table(row, &head, &cells)? + 1;
        sheet.label(row, 0, &me.summary, &f.text)?;
        row += 2;
    } else {
        sheet.label(row, 0, "No staff snapshot, so no Model Employer gap.", &f.text)?;
        row += 2;
    }

    sheet.label(row, 0, "Intersections and recruitment views", &f.heading)?;
    row += 1;
    let cells: Vec<Vec<Cell>> =
        ext.intersections.iter().chain(&ext.recruitment_views).flat_map(breakdown_rows).collect();
    let head = headers(&[
        "Breakdown",
        "By",
        "Level",
        "Group 1 events",
        "Group 1 total",
        "Group 1 rate %",
        "Group 2 events",
        "Group 2 total",
        "Group 2 rate %",
        "Relative likelihood",
        "CI low",
        "CI high",
        "Assessment",
        "Notes",
    ]);
    sheet.table(row, &head, &cells)?;
    Ok(())
}
