//! The Method sheet: the settings in words, the status rules of the Board summary, the formulas, the
//! definitions, the England figures used with their sources, the input files with their SHA-256 digests, the
//! tool version and the licence line.

use super::page::{Cell, Table};
use super::words::id_words;
use super::{date_words, level_words, method_words, Page};
use crate::compute::results::Results;
use crate::config::RollingAverage;
use crate::error::Result;

/// Three columns: a label, and two wide ones.
pub const WIDTHS: [f64; 3] = [30.0, 60.0, 42.0];

/// Writes the Method sheet.
pub fn write(page: &mut Page, results: &Results) -> Result<()> {
    let s = &results.settings;
    page.title("Method: how the figures were made")?;
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
        ("Snapshot date", date_words(&results.snapshot_date)),
        (
            "Reporting period",
            format!("{} to {}", date_words(&results.reporting_period[0]), date_words(&results.reporting_period[1])),
        ),
        ("Interval method", method_words(s.ci_method).to_string()),
        ("Confidence level", level_words(s.ci_level)),
        (
            "Also shown",
            "Katz log interval and p-value, beside every relative likelihood on the detail sheets".to_string(),
        ),
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
        ("Results format", results.schema.to_string()),
    ];
    page.heading("Settings", 80.0)?;
    page.pairs(&settings.iter().map(|(k, v)| (k.to_string(), Cell::text(v.clone()))).collect::<Vec<_>>())?;

    page.heading("Status on the Board summary", 80.0)?;
    let mut rules: Vec<(String, Cell)> =
        results.board_summary.rule_lines.iter().map(|r| (r.kind.to_string(), Cell::text(&r.rule))).collect();
    rules.push((
        "Change since last year".to_string(),
        Cell::text(format!(
            "Better or worse when the change is beyond the intervals: with an interval both years, when it exceeds \
             z times the square root of the sum of the squared standard errors read from them ({} intervals; on \
             the log scale for ratios); with one, when the other year's figure lies outside it; with none (the \
             board), when it is at least half a member's share of the voting board. Better means better for BME \
             or Disabled staff.",
            level_words(s.ci_level)
        )),
    ));
    rules.push((
        "Key messages".to_string(),
        Cell::text(
            "Three to five: every red and amber figure, most adverse first, then the most certain (standard errors \
             from equality), then the one that moved most; topped up with the green figures that improved most.",
        ),
    ));
    page.pairs(&rules)?;

    page.heading("Formulas", 80.0)?;
    let level = level_words(s.ci_level);
    let formulas = [
        (
            "Relative likelihood",
            "(a/n1) / (c/n2): the rate of the group on top (a of n1 with the outcome) over the rate of the group on \
             the bottom (c of n2). Groups are ordered so that above 1 is adverse to BME or Disabled staff; unknowns \
             are left out of both rates."
                .to_string(),
        ),
        ("Non-adverse range", "0.80 to 1.25 inclusive, decided on the exact fraction (a*n2)/(c*n1).".to_string()),
        (
            "Interval",
            format!(
                "{level} {}; the Katz log interval exp(ln(RL) ± z*sqrt(1/a - 1/n1 + 1/c - 1/n2)) is shown alongside. \
                 Significant: the interval excludes 1. The p-value is the two-sided test of RL = 1 matching the method.",
                method_words(s.ci_method)
            ),
        ),
        (
            "Expected count",
            "For the status: the events, and the people without the outcome, that each group would have if both had \
             their pooled rate."
                .to_string(),
        ),
        (
            "Wilson interval",
            format!(
                "{level} interval of a percentage p from n people: (p + z²/2n ± z*sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n); \
                 used for survey results and for the share at band 8a and above."
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
    page.pairs(&formulas.iter().map(|(k, v)| (k.to_string(), Cell::text(v.clone()))).collect::<Vec<_>>())?;

    let mut t = Table::new("Definitions", &["Indicator", "What it measures"]).spans(&[1, 2]);
    for i in &results.indicators {
        t.rows.push(vec![Cell::text(format!("{} {}", id_words(&i.id), i.title)), Cell::text(&i.wording)]);
    }
    page.table(&t)?;

    let mut t = Table::new("England figures shown", &["Indicator", "What was published", "Source"]).note(
        "NHS England's national figures as published or republished; where two sources disagree the NHS England \
         figure is kept. A year without a figure shows the latest earlier one.",
    );
    for l in &results.board_summary.lines {
        if let Some(e) = &l.england {
            let what = if e.note.is_empty() {
                format!("{} ({}): {}", e.measure, e.year, e.value)
            } else {
                format!("{} ({}): {}; {}", e.measure, e.year, e.value, e.note)
            };
            t.rows.push(vec![Cell::text(id_words(&l.id)), Cell::text(what), Cell::text(&e.source_url)]);
        }
    }
    if t.rows.is_empty() {
        t.rows.push(vec![Cell::text("none")]);
    }
    page.table(&t)?;

    let mut t = Table::new("Input files", &["Input", "File", "SHA-256"]);
    for q in &results.data_quality.inputs {
        t.rows.push(vec![
            Cell::text(super::words::input_words(q.kind)),
            Cell::text(&q.path),
            Cell::text(q.sha256.clone().unwrap_or_else(|| "not computed".to_string())),
        ]);
    }
    if t.rows.is_empty() {
        t.rows.push(vec![Cell::text("no input files were read")]);
    }
    page.table(&t)?;
    page.paragraph("Contains public sector information licensed under the Open Government Licence v3.0")
}
