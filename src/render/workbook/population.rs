//! The Population sheet: the workforce against the Census 2021 local population, overall and by band: each
//! group's workforce share with its Wilson interval, the population share, the difference and the representation
//! ratio, a flag where the population share lies outside the interval, and a chart of workforce against
//! population for the whole workforce.

use rust_xlsxwriter::{Chart, ChartLegendPosition, ChartRange, ChartType};

use super::sheet::{Cell, Sheet};
use super::{xl, Unit};
use crate::compute::population::comparison::PopulationResult;
use crate::compute::results::Results;
use crate::error::Result;

/// Writes the Population sheet.
pub(crate) fn write(sheet: &mut Sheet, results: &Results) -> Result<()> {
    let f = sheet.f;
    sheet.label(0, 0, "Workforce against the local population (Census 2021)", &f.title)?;
    sheet.freeze(0, 0)?;
    let Some(p) = &results.population else {
        sheet.label(
            2,
            0,
            "No staff snapshot was given, so the workforce cannot be compared with the population.",
            &f.text,
        )?;
        return Ok(());
    };
    write_comparison(sheet, p)
}

fn write_comparison(sheet: &mut Sheet, p: &PopulationResult) -> Result<()> {
    let f = sheet.f;
    let area = match &p.area.name {
        Some(name) => format!("{name} ({})", p.area.codes.join(", ")),
        None => p.area.codes.join(", "),
    };
    sheet.pair(2, "Area", &Cell::text(area))?;
    sheet.pair(3, "Population data", &Cell::text(p.sources.join("; ")))?;
    sheet.pair(4, "Ethnicity known, % of staff", &Cell::Num(p.ethnicity_known_percent, Unit::Percent))?;
    sheet.pair(5, "Disability declared, % of staff", &Cell::Num(p.declaration_rate_percent, Unit::Percent))?;
    let mut row = 7;
    for c in p.caveats.iter().chain(&p.licence) {
        sheet.label(row, 0, c, &f.note)?;
        row += 1;
    }
    row += 1;
    let head: Vec<String> = [
        "Band",
        "Groups",
        "Group",
        "Workforce count",
        "Workforce total",
        "Workforce %",
        "CI low %",
        "CI high %",
        "Population %",
        "Difference (pp)",
        "Representation ratio",
        "Population outside the interval?",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let set_words = |set: &str| match set {
        "wres" => "White / BME",
        "broad" => "Census broad groups",
        _ => "Disability",
    };
    let cells: Vec<Vec<Cell>> = p
        .rows
        .iter()
        .map(|r| {
            let set = serde_json::to_value(r.set).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            vec![
                Cell::text(&r.band),
                Cell::text(set_words(&set)),
                Cell::text(r.group),
                Cell::Count(r.workforce_count),
                Cell::Count(r.workforce_total),
                Cell::Num(r.workforce_percent, Unit::Percent),
                Cell::Num(r.ci_low, Unit::Percent),
                Cell::Num(r.ci_high, Unit::Percent),
                Cell::Num(r.population_percent, Unit::Percent),
                Cell::Num(r.difference_pp, Unit::Points),
                Cell::Num(r.representation_ratio, Unit::Ratio),
                match r.outside_interval {
                    Some(true) => Cell::text("yes"),
                    Some(false) => Cell::text("no"),
                    None => Cell::Blank,
                },
            ]
        })
        .collect();
    let first = row + 1;
    let last = sheet.table(row, &head, &cells)?;
    // The chart: workforce against population, whole workforce, the broad groups and Disabled.
    let overall: Vec<u32> = p
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.band == "All" && r.group != "BME")
        .map(|(i, _)| first + i as u32)
        .collect();
    if let (Some(&lo), Some(&hi)) = (overall.first(), overall.last()) {
        let mut chart = Chart::new(ChartType::Bar);
        for (name, col) in [("Workforce %", 5u16), ("Population %", 8u16)] {
            chart
                .add_series()
                .set_name(name)
                .set_categories(&ChartRange::new_from_range(sheet.name, lo, 2, hi, 2))
                .set_values(&ChartRange::new_from_range(sheet.name, lo, col, hi, col));
        }
        chart.title().set_name("Whole workforce against the population, % by group");
        chart.x_axis().set_name("%").set_min(0);
        chart.legend().set_position(ChartLegendPosition::Bottom);
        chart.set_width(620).set_height(360);
        sheet.ws.insert_chart(last + 2, 0, &chart).map_err(xl)?;
    }
    Ok(())
}
