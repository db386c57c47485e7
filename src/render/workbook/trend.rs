//! The Trend sheet: each figure's headline across the years given (`--previous`), one column per snapshot, the
//! direction since last year as on the Board summary, whether the years compare, and a small line chart per
//! relative likelihood. All from the results' trend and board summary.

use super::charts;
use super::page::{Cell, Table, Unit};
use super::words::{gap_format_short, id_words, over_under_short};
use super::{date_words, Page};
use crate::compute::board_summary::DifferenceKind;
use crate::compute::direction::Better;
use crate::compute::results::Results;
use crate::error::Result;

/// Columns: figure, up to six snapshots, change, comparable.
pub const WIDTHS: [f64; 9] = [28.0, 9.5, 9.5, 9.5, 9.5, 9.5, 9.5, 12.0, 28.0];
const YEARS: usize = 6;

/// Writes the Trend sheet.
pub fn write(page: &mut Page, results: &Results) -> Result<()> {
    page.title("Trend: each figure over the years")?;
    if results.trend.is_empty() {
        page.paragraph("Give --previous with earlier years' results (JSON) to fill this sheet.")?;
        return Ok(());
    }
    let mut dates: Vec<String> =
        results.trend.iter().flat_map(|t| t.points.iter().map(|p| p.snapshot_date.clone())).collect();
    dates.sort();
    dates.dedup();
    let skipped = dates.len().saturating_sub(YEARS);
    let dates: Vec<String> = dates.into_iter().skip(skipped).collect();
    let mut headers = vec!["Figure".to_string()];
    headers.extend(dates.iter().map(|d| format!("Snapshot {}", date_words(d))));
    headers.resize(YEARS + 1, String::new());
    headers.push("Change since last year".to_string());
    headers.push("Comparable with earlier years?".to_string());
    let mut rows = Vec::new();
    for ind in &results.indicators {
        let line = results.board_summary.lines.iter().find(|l| l.id == ind.id);
        let unit = ind.headline.as_ref().map(|h| h.unit.as_str()).unwrap_or("");
        let better = line.and_then(|l| l.figure).map_or(Better::Lower, |f| f.better);
        let cell = |v: f64| match unit {
            "ratio" => Cell::Num(Some(v), Unit::Ratio),
            "percent" => Cell::Num(Some(v), Unit::PercentSign),
            "percentage_points" if line.is_some_and(|l| l.difference_kind == DifferenceKind::BoardPoints) => {
                Cell::Worded(v, over_under_short())
            }
            "points" => Cell::Worded(v, gap_format_short(better, 2)),
            _ => Cell::Worded(v, gap_format_short(better, 1)),
        };
        let measure = ind.headline.as_ref().map(|h| h.measure.clone()).unwrap_or_else(|| "answer".to_string());
        let mut r = vec![Cell::text(format!("{} {}: {}", id_words(&ind.id), ind.title, measure))];
        let trend = results.trend.iter().find(|t| t.id == ind.id);
        for d in &dates {
            let value = trend.and_then(|t| t.points.iter().find(|p| &p.snapshot_date == d)).and_then(|p| p.value);
            r.push(match value {
                Some(v) => cell(v),
                None => Cell::text("—"),
            });
        }
        r.resize(YEARS + 1, Cell::Blank);
        r.push(Cell::text(super::board_page::direction_words(line.and_then(|l| l.direction))));
        r.push(match trend.map(|t| &t.flags) {
            Some(flags) if !flags.is_empty() => Cell::text(format!("no: {}", flags.join("; "))),
            _ => Cell::text("yes"),
        });
        rows.push(r);
    }
    let note = format!(
        "Each figure's headline: relative likelihoods as ratios, shares as %, survey gaps and board differences in \
         points for BME or Disabled staff. The change is that of the Board summary's figure (for WRES 1 and WDES 1 \
         the share at band 8a and above).{}",
        if skipped > 0 { format!(" The {skipped} earliest snapshots given are not shown.") } else { String::new() }
    );
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut table = Table::new("Headline figures by snapshot", &headers).note(note);
    table.rows = rows;
    page.table(&table)?;
    // A small chart per relative likelihood.
    let mut small = Vec::new();
    for line in results.board_summary.lines.iter().filter(|l| l.difference_kind == DifferenceKind::Ratio) {
        let Some(t) = results.trend.iter().find(|t| t.id == line.id) else { continue };
        let points: Vec<(String, Option<f64>)> =
            t.points.iter().map(|p| (p.snapshot_date.get(..4).unwrap_or("").to_string(), p.value)).collect();
        small.push(charts::trend(page.data, &charts::ratio_label(line), &points, true));
    }
    if !small.is_empty() {
        page.heading("Relative likelihoods over the years (green lines: 0.80 and 1.25)", 170.0)?;
    }
    for chunk in small.chunks_mut(3) {
        let mut placed: Vec<(rust_xlsxwriter::Chart, u16)> = chunk
            .iter_mut()
            .zip([0u16, 3, 7])
            .map(|(c, col)| (std::mem::replace(c, rust_xlsxwriter::Chart::new_line()), col))
            .collect();
        page.charts(&mut placed, 280, 200)?;
    }
    Ok(())
}
