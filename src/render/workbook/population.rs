//! The Population sheet: the workforce against the Census 2021 local population. Until that comparison is
//! computed it says what the sheet will hold; when `results.population` is given, its `rows` are written as a
//! table with the keys as headers.

use super::sheet::{Cell, Sheet};
use super::Unit;
use crate::compute::results::Results;
use crate::error::Result;

/// Writes the Population sheet.
pub(crate) fn write(sheet: &mut Sheet, results: &Results) -> Result<()> {
    let f = sheet.f;
    sheet.label(0, 0, "Workforce against the local population (Census 2021)", &f.title)?;
    sheet.freeze(0, 0)?;
    let Some(population) = &results.population else {
        let lines = [
            "This sheet will compare the workforce with the local population of the Census 2021: the share of White, \
             BME (and the broad groups Asian, Black, Mixed, Other) and Disabled people, overall and by pay band, with \
             a chart.",
            "No population comparison was computed for this report: give the population files (--population, --area \
             or --catchment) to fill it.",
        ];
        for (i, l) in lines.iter().enumerate() {
            sheet.label(2 + i as u32, 0, l, &f.text)?;
        }
        return Ok(());
    };
    let mut row = 2;
    if let Some(area) = population.get("area") {
        sheet.pair(row, "Area", &Cell::text(compact(area)))?;
        row += 1;
    }
    if let Some(sources) = population.get("sources") {
        sheet.pair(row, "Sources", &Cell::text(compact(sources)))?;
        row += 1;
    }
    row += 1;
    let rows = population.get("rows").and_then(|r| r.as_array()).cloned().unwrap_or_default();
    let mut keys: Vec<String> = Vec::new();
    for r in &rows {
        if let Some(o) = r.as_object() {
            for k in o.keys() {
                if !keys.contains(k) {
                    keys.push(k.clone());
                }
            }
        }
    }
    if keys.is_empty() {
        sheet.label(row, 0, "The population comparison holds no rows.", &f.note)?;
        return Ok(());
    }
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            keys.iter()
                .map(|k| match r.get(k) {
                    Some(serde_json::Value::Number(n)) => match (n.as_u64(), n.as_f64()) {
                        (Some(c), _) if k.contains("count") || k.contains("total") => Cell::Count(Some(c)),
                        (_, Some(v)) if k.contains("ratio") || k.starts_with("ci_") => Cell::Num(Some(v), Unit::Ratio),
                        (_, Some(v)) if k.contains("difference") => Cell::Num(Some(v), Unit::Points),
                        (_, Some(v)) => Cell::Num(Some(v), Unit::Percent),
                        _ => Cell::Blank,
                    },
                    Some(serde_json::Value::String(s)) => Cell::text(s.clone()),
                    Some(serde_json::Value::Null) | None => Cell::Blank,
                    Some(other) => Cell::text(compact(other)),
                })
                .collect()
        })
        .collect();
    let head: Vec<String> =
        keys.iter().map(|k| if k.ends_with("percent") { format!("{k} %") } else { k.clone() }).collect();
    sheet.table(row, &head, &cells)?;
    Ok(())
}

fn compact(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
