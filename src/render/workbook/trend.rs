//! The Trend sheet: each indicator's headline figure across the years given (`--previous`), one column per
//! year, by indicator id.

use super::sheet::{Cell, Sheet};
use super::{headline, WorkbookOptions};
use crate::compute::results::Results;
use crate::error::Result;

/// Writes the Trend sheet.
pub(crate) fn write(sheet: &mut Sheet, results: &Results, options: &WorkbookOptions) -> Result<()> {
    let f = sheet.f;
    sheet.label(0, 0, "Trend: each headline figure over the years", &f.title)?;
    sheet.freeze(0, 0)?;
    if options.previous.is_empty() {
        sheet.label(2, 0, "Give --previous with earlier results JSON to fill this sheet.", &f.text)?;
        return Ok(());
    }
    let mut years: Vec<&Results> = options.previous.iter().collect();
    years.sort_by(|a, b| a.snapshot_date.cmp(&b.snapshot_date));
    years.push(results);
    sheet.label(
        1,
        0,
        "Relative likelihoods as ratios; survey gaps and board differences in points; representation in %.",
        &f.note,
    )?;
    let mut head = vec!["Id".to_string(), "Title".to_string(), "Figure".to_string()];
    head.extend(years.iter().map(|r| format!("Snapshot {}", r.snapshot_date)));
    let rows: Vec<Vec<Cell>> = results
        .indicators
        .iter()
        .map(|ind| {
            let h = headline(ind);
            let mut c = vec![Cell::text(&ind.id), Cell::text(&ind.title), Cell::text(h.what.clone())];
            for r in &years {
                c.push(match r.indicators.iter().find(|p| p.id == ind.id) {
                    Some(p) => {
                        let hp = headline(p);
                        match (hp.words, hp.value) {
                            (Some(w), _) => Cell::text(w),
                            (None, Some(v)) => Cell::Num(Some(v), hp.unit),
                            (None, None) => Cell::text("—"),
                        }
                    }
                    None => Cell::text("—"),
                });
            }
            c
        })
        .collect();
    sheet.table(3, &head, &rows)?;
    sheet.freeze(3, 3)?;
    Ok(())
}
