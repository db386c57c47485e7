//! The board-ready comparison workbook (xlsx): eight sheets written with `rust_xlsxwriter` from the computed
//! [`Results`]. Rendering never recomputes a figure: every number in a table is a field of the results (rates,
//! stored as fractions in the results, are shown as percentages, i.e. times 100, like every other percentage).
//! The only arithmetic is for drawing (error-bar lengths of the chart) and the change from an earlier year.
//!
//! Conventions on every sheet: numbers are stored as numbers with a number format (ratios `0.00`, percentages as
//! numbers from 0 to 100 with `0.0` and a `%` header, counts `#,##0`); tables are Excel tables with filter
//! buttons; the top rows are frozen and repeated when printed; every sheet prints landscape, one page wide, with
//! the organisation and page number in the footer. The document creation date is the snapshot date, so the same
//! results give a byte-identical file.

mod beyond;
mod charts;
pub mod formats;
mod method;
mod population;
mod quality;
mod return_sheet;
mod sheet;
mod standard;
mod summary;
mod trend;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use crate::compute::results::{Figures, IndicatorResult, Results, Status};
use crate::error::{Error, Result};
use crate::stats::{Assessment, CiMethod, NotEstimable};

pub use formats::Formats;

/// The sheet names, in order.
pub const SHEETS: [&str; 9] =
    ["Summary", "WRES", "WDES", "Population", "Return", "Trend", "Data quality", "Method", "Beyond the returns"];

/// Renders `results` as an xlsx workbook, in memory.
///
/// The same `results` always give the same bytes: the only date written is the snapshot date.
pub fn to_bytes(results: &Results) -> Result<Vec<u8>> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let created = creation_date(&results.snapshot_date)?;
    let org = organisation(results);
    let properties = DocProperties::new()
        .set_title(format!("WRES and WDES figures: {org}, snapshot {}", results.snapshot_date))
        .set_author(format!("wres-wdes {}", results.tool_version))
        .set_company(results.organisation.name.clone())
        .set_creation_datetime(&created);
    workbook.set_properties(&properties);
    for (index, name) in SHEETS.iter().enumerate() {
        // A standard not asked for has no sheet (the Summary says so).
        if (index == 1 || index == 2) && !results.settings.standards.includes(name) {
            continue;
        }
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(*name).map_err(xl)?;
        let mut sheet = sheet::Sheet::new(worksheet, name, &formats, results.settings.publication);
        match index {
            0 => summary::write(&mut sheet, results)?,
            1 => standard::write(&mut sheet, results, "WRES")?,
            2 => standard::write(&mut sheet, results, "WDES")?,
            3 => population::write(&mut sheet, results)?,
            4 => return_sheet::write(&mut sheet, results)?,
            5 => trend::write(&mut sheet, results)?,
            6 => quality::write(&mut sheet, results)?,
            7 => method::write(&mut sheet, results)?,
            _ => beyond::write(&mut sheet, results)?,
        }
        sheet.finish(&org)?;
    }
    workbook.save_to_buffer().map_err(xl)
}

/// Maps a `rust_xlsxwriter` error to the tool's error.
pub(crate) fn xl(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::io(format!("cannot build the workbook: {e}"))
}

fn creation_date(snapshot: &str) -> Result<ExcelDateTime> {
    use chrono::Datelike;
    let date = chrono::NaiveDate::parse_from_str(snapshot, "%Y-%m-%d")
        .map_err(|e| Error::io(format!("cannot build the workbook: snapshot date {snapshot:?}: {e}")))?;
    let year = u16::try_from(date.year()).unwrap_or(2000);
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).map_err(xl)
}

/// "Name (code)", or whichever of them is given.
pub(crate) fn organisation(results: &Results) -> String {
    let o = &results.organisation;
    match (o.name.trim(), o.code.trim()) {
        ("", "") => "organisation not named".to_string(),
        (name, "") => name.to_string(),
        ("", code) => code.to_string(),
        (name, code) => format!("{name} ({code})"),
    }
}

/// The groups of a standard, in the column order of its tables.
pub(crate) fn groups_of(standard: &str) -> [&'static str; 3] {
    if standard == "WDES" {
        ["Disabled", "Non-disabled", "Unknown"]
    } else {
        ["White", "BME", "Unknown"]
    }
}

/// The protected group of a standard.
pub(crate) fn protected_of(standard: &str) -> &'static str {
    if standard == "WDES" {
        "Disabled"
    } else {
        "BME"
    }
}

/// The confidence level as words: `95%`.
pub(crate) fn level_words(level: f64) -> String {
    let p = level * 100.0;
    if (p - p.round()).abs() < 1e-9 {
        format!("{:.0}%", p)
    } else {
        format!("{p}%")
    }
}

/// An interval method in words.
pub(crate) fn method_words(method: CiMethod) -> &'static str {
    match method {
        CiMethod::Score => "Miettinen-Nurminen score interval",
        CiMethod::ScoreUncorrected => "Koopman score interval (uncorrected)",
        CiMethod::Katz => "Katz log interval",
        CiMethod::LogAdjusted => "log interval with 0.5 added to every count (statsmodels log-adjusted)",
    }
}

/// Why a ratio cannot be estimated, in words.
pub(crate) fn not_estimable_words(reason: Option<NotEstimable>) -> &'static str {
    match reason {
        Some(NotEstimable::EmptyGroup) => "not estimable: a group has no members",
        Some(NotEstimable::BothRatesZero) => "not estimable: both rates are 0",
        Some(NotEstimable::ComparisonRateZero) => "not estimable: the comparison group's rate is 0",
        None => "not estimable",
    }
}

/// A workforce block in words.
pub(crate) fn workforce_words(workforce: &str) -> &'static str {
    match workforce {
        "non_clinical" => "Non-clinical",
        "clinical" => "Clinical",
        "medical" => "Medical and dental",
        "overall" => "Whole workforce",
        _ => "Other",
    }
}

/// A board membership in words.
pub(crate) fn membership_words(membership: &str) -> &'static str {
    match membership {
        "all" => "All board members",
        "voting" => "Voting members",
        "executive" => "Executive members",
        "workforce" => "Overall workforce",
        _ => "Other",
    }
}

/// How an indicator is assessed, in words, and which fill shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Outside 0.80-1.25.
    Outside,
    /// Within 0.80-1.25.
    Within,
    /// No ratio.
    NotEstimable,
    /// Nothing to assess: no data, suppressed, or not a ratio.
    Neutral,
}

/// The assessment of an indicator: words and fill.
pub(crate) fn verdict(ind: &IndicatorResult) -> (Verdict, &'static str) {
    match ind.status {
        Status::NoData => return (Verdict::Neutral, "No data"),
        Status::Suppressed => return (Verdict::Neutral, "Suppressed (small numbers)"),
        _ => {}
    }
    match &ind.figures {
        Figures::RelativeLikelihood(f) => assessment_verdict(f.assessment),
        _ => (Verdict::Neutral, "No range applies (not a ratio)"),
    }
}

/// An assessment in words and fill.
pub(crate) fn assessment_verdict(a: Assessment) -> (Verdict, &'static str) {
    match a {
        Assessment::OutsideNonAdverseRange => (Verdict::Outside, "Outside the non-adverse range"),
        Assessment::WithinNonAdverseRange => (Verdict::Within, "Within the non-adverse range"),
        Assessment::NotEstimable => (Verdict::NotEstimable, "Not estimable"),
    }
}

/// How a headline figure is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// A relative likelihood.
    Ratio,
    /// A percentage 0-100.
    Percent,
    /// A signed difference in points.
    Points,
    /// A 0-10 score.
    Score,
    /// A p-value.
    PValue,
}

/// One indicator's headline figure: the number the Summary and Trend sheets show.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Headline {
    /// The figure.
    pub value: Option<f64>,
    /// How it is shown.
    pub unit: Unit,
    /// What it is, in words.
    pub what: String,
    /// Its interval, when it has one: low, and high (`None`: no finite upper limit).
    pub interval: Option<(f64, Option<f64>)>,
    /// A figure that is words (WDES 9b).
    pub words: Option<String>,
}

/// The headline figure of an indicator: the computed [`crate::compute::results::Headline`] (its value and
/// unit), described for a reader, with the interval that goes with it.
pub(crate) fn headline(ind: &IndicatorResult) -> Headline {
    let protected = protected_of(&ind.standard);
    let other = if ind.standard == "WDES" { "Non-disabled" } else { "White" };
    let computed = ind.headline.as_ref();
    let unit = match computed.map(|h| h.unit.as_str()) {
        Some("percent") => Unit::Percent,
        Some("percentage_points") | Some("points") => Unit::Points,
        Some("score") => Unit::Score,
        _ => Unit::Ratio,
    };
    let mut h = Headline { value: computed.map(|h| h.value), unit, what: String::new(), interval: None, words: None };
    match &ind.figures {
        Figures::RelativeLikelihood(f) => {
            h.what = "relative likelihood".to_string();
            if let Some(r) = &f.ratio {
                h.what = format!("relative likelihood, {} vs {}", r.numerator_group, r.denominator_group);
                h.interval = r.ci.as_ref().map(|c| (c.low, c.high));
            }
        }
        Figures::Representation(_) => h.what = format!("% {protected}, whole workforce"),
        Figures::Survey(f) if f.rows.iter().any(|r| r.group == other) => {
            let points = if f.unit == "score" { "score points" } else { "percentage points" };
            h.unit = Unit::Points;
            h.what = format!("gap, {points} ({protected} minus {other})");
            h.interval = f.gap_ci_low.map(|low| (low, f.gap_ci_high));
        }
        Figures::Survey(f) => {
            h.what = format!("% of {protected} staff");
            h.unit = Unit::Percent;
            let row = f.rows.iter().find(|r| r.group == protected);
            h.interval = row.and_then(|r| r.ci_low.map(|low| (low, r.ci_high)));
        }
        Figures::Board(_) => h.what = format!("voting board minus workforce, % {protected}, percentage points"),
        Figures::Declaration(f) => {
            h.what = "answer".to_string();
            h.words = Some(f.answer.clone().unwrap_or_else(|| "no answer".to_string()));
        }
    }
    h
}

/// The change of the headline figure from the latest earlier year, and that year's snapshot date, as computed in
/// the results' trend (`--previous`).
pub(crate) fn change(ind: &IndicatorResult, results: &Results) -> Option<(f64, String)> {
    let row = results.trend.iter().find(|t| t.id == ind.id)?;
    let before = row.points.len().checked_sub(2).and_then(|i| row.points.get(i))?;
    Some((row.change?, before.snapshot_date.clone()))
}
