//! The Method sheet: the definitions, the settings in words, the formulas, the input files with their SHA-256
//! digests, the tool version and the licence line.

use super::sheet::{headers, Cell, Sheet};
use super::{level_words, method_words};
use crate::compute::results::Results;
use crate::config::RollingAverage;
use crate::error::Result;

/// Writes the Method sheet.
pub(crate) fn write(sheet: &mut Sheet, results: &Results) -> Result<()> {
    let f = sheet.f;
    let s = &results.settings;
    sheet.label(0, 0, "Method: how the figures were made", &f.title)?;
    sheet.cap(1, 70);
    sheet.cap(2, 70);
    sheet.freeze(0, 0)?;
    let mut row = 2;
    sheet.label(row, 0, "Settings", &f.heading)?;
    row += 1;
    let rolling = match s.rolling_average {
        RollingAverage::CurrentHeadcount => {
            "cases over the current and previous year divided by twice the current headcount, per group (the \
             average yearly count over the current headcount)"
        }
        RollingAverage::Pooled => "cases over the current and previous year divided by both years' headcounts (pooled)",
    };
    let disclosure = if s.publication {
        "publication: counts 1-7 suppressed (shown as *), others rounded to 5, survey groups under 11 suppressed. \
         Every * in this workbook is a count withheld by this rule; percentages from suppressed counts are blank."
    } else {
        "exact figures (for NHS England and the board; not for publication as they stand). Survey groups under 11 \
         respondents are suppressed, as the NHS Staff Survey does."
    };
    let settings = [
        ("Organisation", super::organisation(results)),
        ("Snapshot date", results.snapshot_date.clone()),
        ("Reporting period", format!("{} to {}", results.reporting_period[0], results.reporting_period[1])),
        ("Interval method", method_words(s.ci_method).to_string()),
        ("Confidence level", level_words(s.ci_level)),
        ("Also shown", "Katz log interval, beside every relative likelihood".to_string()),
        ("Rolling average (WRES 3, WDES 3)", rolling.to_string()),
        (
            "WDES 3 ill-health capability",
            if s.include_ill_health {
                "included (capability on grounds of performance and of ill health)"
            } else {
                "not included (capability on grounds of performance only)"
            }
            .to_string(),
        ),
        ("Disclosure rule", disclosure.to_string()),
        ("Tool version", format!("wres-wdes {}", results.tool_version)),
        ("Results schema", results.schema.to_string()),
    ];
    for (k, v) in settings {
        sheet.pair(row, k, &Cell::text(v))?;
        row += 1;
    }
    row += 1;
    sheet.label(row, 0, "Formulas", &f.heading)?;
    row += 1;
    let level = level_words(s.ci_level);
    let formulas = [
        (
            "Relative likelihood",
            "(a/n1) / (c/n2): the rate of the group on top (a of n1 with the outcome) over the rate of the group on \
             the bottom (c of n2). Groups are ordered so that above 1 is adverse to BME or Disabled staff; unknowns \
             are left out of both rates."
                .to_string(),
        ),
        (
            "Non-adverse range",
            "0.80 to 1.25 inclusive, decided on the exact fraction (a*n2)/(c*n1).".to_string(),
        ),
        (
            "Interval",
            format!(
                "{level} {}; the Katz log interval exp(ln(RL) ± z*sqrt(1/a - 1/n1 + 1/c - 1/n2)) is shown alongside. \
                 Significant: the interval excludes 1. The p-value is the two-sided test of RL = 1 matching the method.",
                method_words(s.ci_method)
            ),
        ),
        (
            "Rolling average: current headcount",
            "(cases in both years / (2 x current headcount)) per group; the interval uses events = both years' \
             cases and total = twice the headcount. When the file holds no case in the previous year, one year is used."
                .to_string(),
        ),
        ("Rolling average: pooled", "(cases in both years / both years' headcounts) per group.".to_string()),
        (
            "Wilson interval",
            format!(
                "{level} interval of a survey percentage p from n respondents: (p + z²/2n ± z*sqrt(p(1-p)/n + \
                 z²/4n²)) / (1 + z²/n)."
            ),
        ),
        (
            "Newcombe interval",
            "Interval of the gap between two survey percentages, built from the two Wilson intervals (Newcombe's \
             hybrid score method)."
                .to_string(),
        ),
        (
            "Board difference",
            "% of the protected group among board members minus % in the overall workforce, in percentage points; \
             unknowns stay in both denominators."
                .to_string(),
        ),
    ];
    for (k, v) in formulas {
        sheet.pair(row, k, &Cell::text(v))?;
        row += 1;
    }
    row += 1;
    sheet.label(row, 0, "Definitions", &f.heading)?;
    let defs: Vec<Vec<Cell>> = results
        .indicators
        .iter()
        .map(|i| vec![Cell::text(&i.id), Cell::text(&i.title), Cell::text(&i.wording)])
        .collect();
    row = sheet.table(row + 1, &headers(&["Indicator", "Title", "What it measures"]), &defs)?;
    sheet.label(row, 0, "Input files", &f.heading)?;
    let inputs: Vec<Vec<Cell>> = results
        .data_quality
        .inputs
        .iter()
        .map(|q| {
            vec![
                Cell::text(q.kind),
                Cell::text(&q.path),
                Cell::text(q.sha256.clone().unwrap_or_else(|| "not computed".to_string())),
            ]
        })
        .collect();
    let inputs = if inputs.is_empty() { vec![vec![Cell::text("no input files were read")]] } else { inputs };
    row = sheet.table(row + 1, &headers(&["Input", "File", "SHA-256"]), &inputs)?;
    sheet.label(
        row,
        0,
        "Contains public sector information licensed under the Open Government Licence v3.0",
        &f.text,
    )?;
    Ok(())
}
