//! The system board pack (xlsx), written by `batch --workbooks` beside the roll-up: an integrated care board's or
//! region's view of its trusts, printed A4 landscape like a trust's board pack and written with the same page
//! writer, palette and status rules. Rendering never recomputes a figure: every number, status and sentence is a
//! field of the [`Rollup`] (its `board_summary` judges the system's figures and each trust's).
//!
//! Sheets, in order: System summary (one page: the system's figures with their status, the key messages, the
//! forest plot, the rules); one sheet per relative likelihood with its funnel plot and a table of the trusts;
//! Survey and representation (each trust's survey gaps and workforce side by side); Data quality (each trust's);
//! Method. The charts' data on a hidden sheet. The document's date is the latest snapshot date, so the same
//! roll-up gives a byte-identical file.

mod funnel;
mod method;
mod quality;
mod summary;
mod survey;

use rust_xlsxwriter::{DocProperties, Workbook};

use super::chart_data::ChartData;
use super::page::{self, Page};
use super::{creation_date, xl};
use crate::compute::definitions::{self, id_words};
use crate::compute::rollup::Rollup;
use crate::error::Result;

/// The name of the first sheet.
pub const SUMMARY: &str = "System summary";
/// The sheets after the funnel plots, in order.
pub const LATER_SHEETS: [&str; 3] = ["Survey and representation", "Data quality", "Method"];

/// The name of the funnel-plot sheet of indicator `id` (`WRES 2 funnel plot`).
pub fn funnel_sheet(id: &str) -> String {
    format!("{} funnel plot", id_words(id))
}

/// The visible sheets of the pack of `rollup`, in order.
pub fn sheets(rollup: &Rollup) -> Vec<String> {
    let mut out = vec![SUMMARY.to_string()];
    out.extend(rollup.relative_likelihoods.iter().map(|r| funnel_sheet(&r.id)));
    out.extend(LATER_SHEETS.iter().map(|s| s.to_string()));
    out
}

/// The system's name as the pack shows it.
pub(crate) fn system_name(rollup: &Rollup) -> String {
    if rollup.name.trim().is_empty() {
        "System not named".to_string()
    } else {
        rollup.name.trim().to_string()
    }
}

/// Renders the system pack of `rollup` as an xlsx workbook, in memory.
///
/// ```
/// use wres_wdes::compute::rollup::rollup;
/// use wres_wdes::compute::status::StatusRules;
/// use wres_wdes::stats::CiMethod;
/// let empty = rollup("North ICS", &[], &[], CiMethod::Score, 0.95, &StatusRules::default()).unwrap();
/// let bytes = wres_wdes::render::workbook::system::to_bytes(&empty).unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn to_bytes(rollup: &Rollup) -> Result<Vec<u8>> {
    let defs = definitions::all()?;
    let summary = &rollup.board_summary;
    let mut workbook = Workbook::new();
    let latest = summary.snapshot_dates.last().map_or("2000-01-01", String::as_str);
    let name = system_name(rollup);
    let properties = DocProperties::new()
        .set_title(format!("WRES and WDES system board pack: {name}"))
        .set_author(format!("wres-wdes {}", env!("CARGO_PKG_VERSION")))
        .set_company(name.clone())
        .set_creation_datetime(&creation_date(latest)?);
    workbook.set_properties(&properties);
    let mut data = ChartData::default();
    let publication = summary.publication;
    {
        let ws = workbook.add_worksheet();
        ws.set_name(SUMMARY).map_err(xl)?;
        let mut page = Page::new(ws, SUMMARY, &mut data, &summary::WIDTHS, summary::SIZE, publication);
        summary::write(&mut page, rollup)?;
        page.finish(&name)?;
    }
    for ratio in &rollup.relative_likelihoods {
        let Some(def) = defs.iter().find(|d| d.id == ratio.id) else { continue };
        let sheet = funnel_sheet(&ratio.id);
        let ws = workbook.add_worksheet();
        ws.set_name(&sheet).map_err(xl)?;
        let mut page = Page::new(ws, sheet, &mut data, &funnel::WIDTHS, page::BODY_SIZE, publication);
        funnel::write(&mut page, rollup, ratio, def)?;
        page.finish(&name)?;
    }
    for sheet in LATER_SHEETS {
        let ws = workbook.add_worksheet();
        ws.set_name(sheet).map_err(xl)?;
        let widths: &[f64] = match sheet {
            "Survey and representation" => &survey::WIDTHS,
            "Data quality" => &quality::WIDTHS,
            _ => &method::WIDTHS,
        };
        let mut page = Page::new(ws, sheet, &mut data, widths, page::BODY_SIZE, publication);
        match sheet {
            "Survey and representation" => survey::write(&mut page, rollup, defs)?,
            "Data quality" => quality::write(&mut page, rollup)?,
            _ => method::write(&mut page, rollup)?,
        }
        page.finish(&name)?;
    }
    data.write(&mut workbook)?;
    workbook.save_to_buffer().map_err(xl)
}

#[cfg(test)]
mod tests {
    use super::super::page::{printed_width_pt, PAGE_WIDTH_PT};

    #[test]
    fn every_sheet_s_columns_fit_the_printed_page() {
        for (name, widths) in [
            ("System summary", &super::summary::WIDTHS[..]),
            ("funnel", &super::funnel::WIDTHS[..]),
            ("Survey and representation", &super::survey::WIDTHS[..]),
            ("Data quality", &super::quality::WIDTHS[..]),
            ("Method", &super::method::WIDTHS[..]),
        ] {
            let w = printed_width_pt(widths);
            assert!(w <= PAGE_WIDTH_PT - 8.0, "{name}: {w:.1} points of {PAGE_WIDTH_PT}");
        }
    }
}
