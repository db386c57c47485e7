//! The Population sheet: the workforce against the local population (Census 2021): the whole workforce group by
//! group (White and BME once, the Census broad groups, Disabled with the declaration caveat), a chart of
//! workforce against population, and BME and Disabled staff band by band.

use super::charts;
use super::page::{Cell, Table, Unit};
use super::words::over_under_format;
use super::Page;
use crate::compute::population::comparison::{GroupSet, PopulationResult, PopulationRow};
use crate::compute::results::Results;
use crate::error::Result;

/// Ten columns.
pub const WIDTHS: [f64; 10] = [24.0, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 19.0, 12.0, 11.0];

/// Writes the Population sheet.
pub fn write(page: &mut Page, results: &Results) -> Result<()> {
    page.title("Workforce against the local population (Census 2021)")?;
    let Some(p) = &results.population else {
        return page.paragraph("No staff snapshot was given, so the workforce cannot be compared with the population.");
    };
    let area = match &p.area.name {
        Some(name) => format!("{name} ({})", p.area.codes.join(", ")),
        None => p.area.codes.join(", "),
    };
    page.pairs(&[
        ("Area".to_string(), Cell::text(area)),
        ("Population data".to_string(), Cell::text(p.sources.join("; "))),
        ("Ethnicity known, % of staff".to_string(), Cell::Num(p.ethnicity_known_percent, Unit::PercentSign)),
        ("Disability declared, % of staff".to_string(), Cell::Num(p.declaration_rate_percent, Unit::PercentSign)),
    ])?;
    for c in p.caveats.iter().chain(&p.licence) {
        page.note(c)?;
    }
    whole(page, p)?;
    by_band(page, p)?;
    Ok(())
}

/// The rows of the whole workforce, each group once: White and BME, the Census groups other than White, Disabled.
fn whole_rows(p: &PopulationResult) -> Vec<(String, &PopulationRow)> {
    let all: Vec<&PopulationRow> = p.rows.iter().filter(|r| r.band == "All").collect();
    let mut out = Vec::new();
    for r in &all {
        let label = match (r.set, r.group) {
            (GroupSet::Wres, g) => g.to_string(),
            (GroupSet::Broad, "White") => continue,
            (GroupSet::Broad, g) => format!("{g} (Census broad group)"),
            (GroupSet::Disability, g) => format!("{g} (declared on ESR)"),
        };
        out.push((label, *r));
    }
    out
}

fn whole(page: &mut Page, p: &PopulationResult) -> Result<()> {
    let rows = whole_rows(p);
    let mut t = Table::new(
        "Whole workforce against the population",
        &[
            "Group",
            "Workforce count",
            "Workforce total",
            "Workforce %",
            "CI low %",
            "CI high %",
            "Population %",
            "Difference",
            "Representation ratio",
            "Population outside the interval?",
        ],
    )
    .note(
        "Workforce % is of staff with a known value (ethnicity, or a Census group, or disability); the interval is \
         Wilson's. Representation ratio: workforce share over population share.",
    );
    for (label, r) in &rows {
        t.rows.push(row(label, r));
    }
    page.table(&t)?;
    let groups: Vec<String> = rows.iter().map(|(l, _)| l.replace(" (Census broad group)", "")).collect();
    let workforce: Vec<Option<f64>> = rows.iter().map(|(_, r)| r.workforce_percent).collect();
    let population: Vec<Option<f64>> = rows.iter().map(|(_, r)| r.population_percent).collect();
    let mut chart = charts::against_population(
        page.data,
        "Whole workforce against the local population, % by group",
        &groups,
        &workforce,
        &population,
    );
    page.chart(&mut chart, 0, 620, 300)?;
    if let Some(d) = rows.iter().find(|(_, r)| r.set == GroupSet::Disability) {
        page.note(&format!(
            "Disabled: {} of staff who declared on ESR, against {} of residents in the Census (all ages, Equality \
             Act definition). ESR declaration rates are far below Census prevalence, so this gap says more about \
             declaration than about the workforce.",
            d.1.workforce_percent.map_or("no figure".to_string(), |v| format!("{v:.1}%")),
            d.1.population_percent.map_or("no figure".to_string(), |v| format!("{v:.1}%")),
        ))?;
    }
    Ok(())
}

fn row(label: &str, r: &PopulationRow) -> Vec<Cell> {
    vec![
        Cell::text(label),
        Cell::Count(r.workforce_count),
        Cell::Count(r.workforce_total),
        Cell::Num(r.workforce_percent, Unit::Percent),
        Cell::Num(r.ci_low, Unit::Percent),
        Cell::Num(r.ci_high, Unit::Percent),
        Cell::Num(r.population_percent, Unit::Percent),
        match r.difference_pp {
            Some(d) => Cell::Worded(d, over_under_format("population")),
            None => Cell::Blank,
        },
        Cell::Num(r.representation_ratio, Unit::Ratio),
        Cell::text(match r.outside_interval {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        }),
    ]
}

fn by_band(page: &mut Page, p: &PopulationResult) -> Result<()> {
    let mut bands: Vec<&str> = Vec::new();
    for r in p.rows.iter().filter(|r| r.band != "All") {
        if !bands.contains(&r.band.as_str()) {
            bands.push(&r.band);
        }
    }
    if bands.is_empty() {
        return Ok(());
    }
    let mut t = Table::new(
        "BME and Disabled staff band by band against the population",
        &[
            "Band",
            "BME: workforce %",
            "BME: CI low %",
            "BME: CI high %",
            "BME: population %",
            "Disabled: workforce %",
            "Disabled: population %",
            "BME: difference",
            "BME: population outside the interval?",
        ],
    )
    .spans(&[1, 1, 1, 1, 1, 1, 1, 1, 2]);
    for band in bands {
        let find = |set: GroupSet, g: &str| p.rows.iter().find(|r| r.band == band && r.set == set && r.group == g);
        let bme = find(GroupSet::Wres, "BME");
        let dis = find(GroupSet::Disability, "Disabled");
        t.rows.push(vec![
            Cell::text(band),
            Cell::Num(bme.and_then(|r| r.workforce_percent), Unit::Percent),
            Cell::Num(bme.and_then(|r| r.ci_low), Unit::Percent),
            Cell::Num(bme.and_then(|r| r.ci_high), Unit::Percent),
            Cell::Num(bme.and_then(|r| r.population_percent), Unit::Percent),
            Cell::Num(dis.and_then(|r| r.workforce_percent), Unit::Percent),
            Cell::Num(dis.and_then(|r| r.population_percent), Unit::Percent),
            match bme.and_then(|r| r.difference_pp) {
                Some(d) => Cell::Worded(d, over_under_format("population")),
                None => Cell::Blank,
            },
            Cell::text(match bme.and_then(|r| r.outside_interval) {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            }),
        ]);
    }
    page.table(&t)
}
