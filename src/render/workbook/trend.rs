//! The Trend sheet: each indicator's headline figure across the years given (`--previous`), one column per
//! snapshot, with the change from the latest earlier year and why years may not be comparable, all from the
//! results' trend (computed, never recomputed here).

use super::headline;
use super::sheet::{Cell, Sheet};
use super::Unit;
use crate::compute::results::Results;
use crate::error::Result;

/// Writes the Trend sheet.
pub(crate) fn write(sheet: &mut Sheet, results: &Results) -> Result<()> {
    let f = sheet.f;
    sheet.label(0, 0, "Trend: each headline figure over the years", &f.title)?;
    sheet.freeze(0, 0)?;
    if results.trend.is_empty() {
        sheet.label(2, 0, "Give --previous with earlier results JSON to fill this sheet.", &f.text)?;
        return Ok(());
    }
    sheet.label(
        1,
        0,
        "Relative likelihoods as ratios; survey gaps and board differences in points; representation in %.",
        &f.note,
    )?;
    let mut dates: Vec<String> =
        results.trend.iter().flat_map(|t| t.points.iter().map(|p| p.snapshot_date.clone())).collect();
    dates.sort();
    dates.dedup();
    let mut head = vec!["Id".to_string(), "Title".to_string(), "Figure".to_string()];
    head.extend(dates.iter().map(|d| format!("Snapshot {d}")));
    head.push("Change from last year".to_string());
    head.push("Comparable?".to_string());
    let rows: Vec<Vec<Cell>> = results
        .indicators
        .iter()
        .map(|ind| {
            let h = headline(ind);
            let unit = h.unit;
            let mut c = vec![Cell::text(&ind.id), Cell::text(&ind.title), Cell::text(h.what.clone())];
            let row = results.trend.iter().find(|t| t.id == ind.id);
            for d in &dates {
                let value = row.and_then(|t| t.points.iter().find(|p| &p.snapshot_date == d)).and_then(|p| p.value);
                c.push(match (value, &h.words) {
                    (_, Some(w)) if d == &results.snapshot_date => Cell::text(w.clone()),
                    (Some(v), _) => Cell::Num(Some(v), unit),
                    (None, _) => Cell::text("—"),
                });
            }
            let change_unit = if unit == Unit::Ratio { Unit::Ratio } else { Unit::Points };
            c.push(match row.and_then(|t| t.change) {
                Some(v) => Cell::Num(Some(v), change_unit),
                None => Cell::text("—"),
            });
            c.push(match row.map(|t| &t.flags) {
                Some(flags) if !flags.is_empty() => Cell::text(format!("no: {}", flags.join("; "))),
                _ => Cell::text("yes"),
            });
            c
        })
        .collect();
    sheet.table(3, &head, &rows)?;
    sheet.freeze(3, 3)?;
    Ok(())
}
