//! The board pack (xlsx): a one-page Board summary, then appendices that print legibly, written with
//! `rust_xlsxwriter` from the computed [`Results`]. Rendering never recomputes a figure: every number is a field
//! of the results (rates, stored as fractions, are shown as percentages, i.e. times 100); statuses, directions
//! and key messages come from the results' board summary. The only arithmetic is for drawing (error-bar lengths)
//! and the Return sheet's check cells.
//!
//! Sheets, in order: Board summary, Trend, WRES detail, WDES detail, Pay and progression, Population, Return,
//! Data quality, Method; the charts' data on a hidden sheet. Every sheet prints A4 landscape at 100% with its
//! blocks kept on one page (see [`page`]); numbers are stored as numbers with number formats; no cell a reader
//! sees holds a code. The document creation date is the snapshot date, so the same results give a
//! byte-identical file.

mod board_page;
mod chart_data;
mod charts;
mod extensions;
mod method;
pub mod page;
pub mod palette;
mod population;
mod quality;
mod return_sheet;
mod standard;
pub mod system;
mod trend;
pub mod words;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use crate::compute::results::{IndicatorResult, Results};
use crate::error::{Error, Result};
use crate::stats::{CiMethod, NotEstimable};

pub use chart_data::ChartData;
pub use page::{Cell, Page, Table, Unit};

/// The visible sheets, in order.
pub const SHEETS: [&str; 9] = [
    "Board summary",
    "Trend",
    "WRES detail",
    "WDES detail",
    "Pay and progression",
    "Population",
    "Return",
    "Data quality",
    "Method",
];

/// The hidden sheet that holds the charts' data.
pub const CHART_DATA: &str = chart_data::SHEET;

/// Renders `results` as an xlsx workbook, in memory.
///
/// The same `results` always give the same bytes: the only date written is the snapshot date.
pub fn to_bytes(results: &Results) -> Result<Vec<u8>> {
    let mut workbook = Workbook::new();
    let created = creation_date(&results.snapshot_date)?;
    let org = organisation(results);
    let properties = DocProperties::new()
        .set_title(format!("WRES and WDES board pack: {org}, snapshot {}", results.snapshot_date))
        .set_author(format!("wres-wdes {}", results.tool_version))
        .set_company(results.organisation.name.clone())
        .set_creation_datetime(&created);
    workbook.set_properties(&properties);
    let mut data = ChartData::default();
    let publication = results.settings.publication;
    for name in SHEETS {
        // A standard not asked for has no detail sheet (the Board summary says so).
        if name.ends_with(" detail") && !results.settings.standards.includes(&name[..4]) {
            continue;
        }
        let ws = workbook.add_worksheet();
        ws.set_name(name).map_err(xl)?;
        match name {
            "Board summary" => {
                let mut page = Page::new(ws, name, &mut data, &board_page::WIDTHS, board_page::SIZE, publication);
                board_page::write(&mut page, &results.board_summary, &board_header(results))?;
                page.finish(&org)?;
            }
            "Trend" => sheet(ws, name, &mut data, publication, &org, &trend::WIDTHS, |p| trend::write(p, results))?,
            "WRES detail" | "WDES detail" => {
                let standard = &name[..4];
                sheet(ws, name, &mut data, publication, &org, &standard::WIDTHS, |p| {
                    standard::write(p, results, standard)
                })?
            }
            "Pay and progression" => {
                sheet(ws, name, &mut data, publication, &org, &extensions::WIDTHS, |p| extensions::write(p, results))?
            }
            "Population" => {
                sheet(ws, name, &mut data, publication, &org, &population::WIDTHS, |p| population::write(p, results))?
            }
            "Return" => sheet(ws, name, &mut data, publication, &org, &return_sheet::WIDTHS, |p| {
                return_sheet::write(p, results)
            })?,
            "Data quality" => {
                sheet(ws, name, &mut data, publication, &org, &quality::WIDTHS, |p| quality::write(p, results))?
            }
            _ => sheet(ws, name, &mut data, publication, &org, &method::WIDTHS, |p| method::write(p, results))?,
        }
    }
    data.write(&mut workbook)?;
    workbook.save_to_buffer().map_err(xl)
}

/// Writes one appendix sheet with `body` and finishes it.
fn sheet(
    ws: &mut rust_xlsxwriter::Worksheet,
    name: &'static str,
    data: &mut ChartData,
    publication: bool,
    org: &str,
    widths: &[f64],
    body: impl FnOnce(&mut Page) -> Result<()>,
) -> Result<()> {
    let mut page = Page::new(ws, name, data, widths, page::BODY_SIZE, publication);
    body(&mut page)?;
    page.finish(org)
}

/// The Board summary's header strip and footer, in words, from the results.
fn board_header(results: &Results) -> board_page::Header {
    let b = &results.board_summary;
    let standards = match b.standards.as_slice() {
        [one] => one.clone(),
        _ => "WRES and WDES".to_string(),
    };
    let d = &results.data_quality.declaration;
    let known = |unknown: Option<f64>| unknown.map(|u| format!("{:.1}%", 100.0 - u));
    let mut footer = Vec::new();
    match (known(d.ethnicity_unknown_percent), known(d.disability_unknown_percent)) {
        (Some(e), Some(dis)) => footer.push(format!("ESR records ethnicity for {e} of staff, disability for {dis}.")),
        _ => footer.push("No staff snapshot was given, so no declaration rates.".to_string()),
    }
    let left = &results.data_quality.rows_left_out;
    let n = |x: Option<u64>| x.map_or_else(|| "*".to_string(), page_count);
    footer.push(format!(
        "Rows left out: {} by the rules (bank, students...), {} unusable: see Data quality.",
        n(left.by_rule),
        n(left.unusable)
    ));
    let protected = match b.standards.as_slice() {
        [one] if one == "WDES" => "% Disabled",
        [one] if one == "WRES" => "% BME",
        _ => "% BME and % Disabled",
    };
    board_page::Header {
        title: format!("{standards} {}: summary for the board", b.year),
        strip: format!(
            "{} · {standards} {} · snapshot {} · period {} to {}",
            organisation(results),
            b.year,
            date_words(&results.snapshot_date),
            date_words(&results.reporting_period[0]),
            date_words(&results.reporting_period[1]),
        ),
        publication: results.settings.publication,
        not_asked: results
            .settings
            .standards
            .left_out()
            .into_iter()
            .map(|s| {
                format!(
                    "{s} not asked for in this run (--standards {}): none of its figures is in this workbook.",
                    results.settings.standards.names().join(",").to_ascii_lowercase()
                )
            })
            .collect(),
        warning: Some(crate::normalise::quality::period_warnings(&results.data_quality.inputs))
            .filter(|w| !w.is_empty())
            .map(|w| format!("Check the period: {}", w.join(" "))),
        middle: None,
        rules_set_in: "the config file",
        footer: footer.join(" "),
        definitions: format!(
            "{protected}: of all staff, unknowns in the total. Ratio rows: % of each group with the outcome. \
             Change: real = beyond the {} intervals; better or worse for BME (Disabled) staff.",
            level_words(results.settings.ci_level)
        ),
    }
}

/// A count with thousands separators.
pub(crate) fn page_count(c: u64) -> String {
    let s = c.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `2025-03-31` as `31 March 2025`.
pub(crate) fn date_words(date: &str) -> String {
    match chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => d.format("%-d %B %Y").to_string(),
        Err(_) => date.to_string(),
    }
}

/// Maps a `rust_xlsxwriter` error to the tool's error.
pub(crate) fn xl(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::internal(format!("building the workbook: {e}"))
}

pub(crate) fn creation_date(snapshot: &str) -> Result<ExcelDateTime> {
    use chrono::Datelike;
    let date = chrono::NaiveDate::parse_from_str(snapshot, "%Y-%m-%d")
        .map_err(|e| Error::internal(format!("building the workbook: snapshot date {snapshot:?}: {e}")))?;
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

/// What stands in the figure column when there is no figure.
pub(crate) fn no_figure(ind: &IndicatorResult) -> String {
    use crate::compute::results::{Figures, Status};
    match ind.status {
        Status::NoData => "no data".to_string(),
        Status::Suppressed => "withheld (small numbers)".to_string(),
        _ => match &ind.figures {
            Figures::RelativeLikelihood(f) => {
                not_estimable_words(f.ratio.as_ref().and_then(|r| r.not_estimable)).to_string()
            }
            _ => "not available".to_string(),
        },
    }
}

/// The notes of an indicator in one text: its reason, then its notes.
pub(crate) fn notes_text(ind: &IndicatorResult) -> String {
    let mut notes: Vec<String> = ind.reason.iter().cloned().collect();
    notes.extend(ind.notes.iter().cloned());
    notes.join(" ")
}

#[cfg(test)]
mod tests {
    use super::page::{printed_width_pt, PAGE_WIDTH_PT};

    #[test]
    fn every_sheet_s_columns_fit_the_printed_page() {
        for (name, widths) in [
            ("Board summary", &super::board_page::WIDTHS[..]),
            ("Trend", &super::trend::WIDTHS[..]),
            ("detail", &super::standard::WIDTHS[..]),
            ("Pay and progression", &super::extensions::WIDTHS[..]),
            ("Population", &super::population::WIDTHS[..]),
            ("Return", &super::return_sheet::WIDTHS[..]),
            ("Data quality", &super::quality::WIDTHS[..]),
            ("Method", &super::method::WIDTHS[..]),
        ] {
            let w = printed_width_pt(widths);
            assert!(w <= PAGE_WIDTH_PT - 8.0, "{name}: {w:.1} points of {PAGE_WIDTH_PT}");
        }
    }
}
