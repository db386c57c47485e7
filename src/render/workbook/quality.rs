//! The Data quality sheet: the `data_quality` block, readable: each input file with its digest and row counts,
//! exclusions by reason, unrecognised values, warnings and matched columns; the declaration rates; and the
//! inputs not given.

use super::sheet::{headers, Cell, Sheet};
use super::Unit;
use crate::compute::results::Results;
use crate::error::Result;

/// Writes the Data quality sheet.
pub(crate) fn write(sheet: &mut Sheet, results: &Results) -> Result<()> {
    let f = sheet.f;
    let dq = &results.data_quality;
    sheet.label(0, 0, "Data quality: what was read and what could not be used", &f.title)?;
    sheet.freeze(0, 0)?;
    let mut row = 2;
    sheet.label(row, 0, "Input files", &f.heading)?;
    row += 1;
    let files: Vec<Vec<Cell>> = dq
        .inputs
        .iter()
        .map(|q| {
            vec![
                Cell::text(q.kind),
                Cell::text(&q.path),
                Cell::text(if q.sheet.is_empty() { "(CSV)".to_string() } else { q.sheet.clone() }),
                Cell::Count(Some(q.header_row as u64)),
                Cell::text(q.layout),
                Cell::Count(q.rows_read),
                Cell::Count(q.rows_used),
                Cell::Count(q.blank_rows),
                Cell::text(q.sha256.clone().unwrap_or_else(|| "not computed".to_string())),
            ]
        })
        .collect();
    let files = if files.is_empty() { vec![vec![Cell::text("no input files were read")]] } else { files };
    row = sheet.table(
        row,
        &headers(&[
            "Input",
            "File",
            "Sheet",
            "Header row",
            "Layout",
            "Rows read",
            "Rows used",
            "Blank rows",
            "SHA-256",
        ]),
        &files,
    )?;
    sheet.label(row - 1, 0, "Rows read = rows used + the rows left out, listed by reason below.", &f.note)?;
    row += 1;

    sheet.label(row, 0, "Rows left out, by reason", &f.heading)?;
    let excluded: Vec<Vec<Cell>> = dq
        .inputs
        .iter()
        .flat_map(|q| {
            q.excluded
                .iter()
                .map(move |e| vec![Cell::text(q.kind), Cell::text(&q.path), Cell::text(e.reason), Cell::Count(e.rows)])
        })
        .collect();
    let excluded = if excluded.is_empty() { vec![vec![Cell::text("none")]] } else { excluded };
    row = sheet.table(row + 1, &headers(&["Input", "File", "Reason", "Rows"]), &excluded)?;

    sheet.label(row, 0, "Values not recognised (counted, shown with their raw text)", &f.heading)?;
    let unrecognised: Vec<Vec<Cell>> = dq
        .inputs
        .iter()
        .flat_map(|q| {
            q.unrecognised.iter().map(move |u| {
                vec![
                    Cell::text(q.kind),
                    Cell::text(&q.path),
                    Cell::text(u.field),
                    Cell::text(&u.value),
                    Cell::Count(u.rows),
                ]
            })
        })
        .collect();
    let unrecognised = if unrecognised.is_empty() { vec![vec![Cell::text("none")]] } else { unrecognised };
    row = sheet.table(row + 1, &headers(&["Input", "File", "Field", "Value as found", "Rows"]), &unrecognised)?;

    sheet.label(row, 0, "Warnings (rows kept, but worth a look)", &f.heading)?;
    let warnings: Vec<Vec<Cell>> = dq
        .inputs
        .iter()
        .flat_map(|q| {
            q.warnings.iter().map(move |w| {
                vec![
                    Cell::text(q.kind),
                    Cell::text(&q.path),
                    Cell::text(w.warning),
                    Cell::Count(w.rows),
                    Cell::text(w.detail.clone().unwrap_or_default()),
                ]
            })
        })
        .collect();
    let warnings = if warnings.is_empty() { vec![vec![Cell::text("none")]] } else { warnings };
    row = sheet.table(row + 1, &headers(&["Input", "File", "Warning", "Rows", "What it means"]), &warnings)?;

    sheet.label(row, 0, "Values mapped by the config ([mapping] rules used)", &f.heading)?;
    let mapped: Vec<Vec<Cell>> = dq
        .inputs
        .iter()
        .flat_map(|q| {
            q.mappings.iter().map(move |m| {
                vec![
                    Cell::text(q.kind),
                    Cell::text(&q.path),
                    Cell::text(m.field),
                    Cell::text(&m.from),
                    Cell::text(&m.to),
                    Cell::Count(m.rows),
                ]
            })
        })
        .collect();
    let mapped = if mapped.is_empty() { vec![vec![Cell::text("none")]] } else { mapped };
    row = sheet.table(row + 1, &headers(&["Input", "File", "Field", "Value as found", "Read as", "Rows"]), &mapped)?;

    sheet.label(row, 0, "Date order (how text dates such as 04/03/2024 were read)", &f.heading)?;
    let dates: Vec<Vec<Cell>> = dq
        .inputs
        .iter()
        .filter_map(|q| {
            let note = q.date_order.as_ref()?;
            Some(vec![
                Cell::text(q.kind),
                Cell::text(&q.path),
                Cell::text(crate::normalise::records::describe_date_order(note)),
            ])
        })
        .collect();
    let dates = if dates.is_empty() {
        vec![vec![Cell::text("no text dates whose reading depends on the order")]]
    } else {
        dates
    };
    row = sheet.table(row + 1, &headers(&["Input", "File", "How the dates were read"]), &dates)?;

    sheet.label(row, 0, "Columns matched", &f.heading)?;
    let columns: Vec<Vec<Cell>> = dq
        .inputs
        .iter()
        .flat_map(|q| {
            q.columns.iter().map(move |c| {
                vec![
                    Cell::text(q.kind),
                    Cell::text(&q.path),
                    Cell::text(c.field),
                    Cell::text(&c.header),
                    Cell::text(column_letter(c.column)),
                ]
            })
        })
        .collect();
    let columns = if columns.is_empty() { vec![vec![Cell::text("none")]] } else { columns };
    row = sheet.table(row + 1, &headers(&["Input", "File", "Field", "Header in the file", "Column"]), &columns)?;

    sheet.label(row, 0, "Declaration rates of the workforce", &f.heading)?;
    row += 1;
    let d = &dq.declaration;
    sheet.pair(row, "Headcount", &Cell::Count(Some(d.headcount)))?;
    sheet.pair(row + 1, "Ethnicity unknown %", &Cell::Num(d.ethnicity_unknown_percent, Unit::Percent))?;
    sheet.pair(row + 2, "Disability unknown %", &Cell::Num(d.disability_unknown_percent, Unit::Percent))?;
    if d.ethnicity_unknown_percent.is_none() {
        sheet.label(row + 1, 2, "no staff snapshot", &f.note)?;
        sheet.label(row + 2, 2, "no staff snapshot", &f.note)?;
    }
    row += 4;
    sheet.label(row, 0, "Inputs not given", &f.heading)?;
    let missing = if dq.missing_inputs.is_empty() {
        "none: every input was given".to_string()
    } else {
        dq.missing_inputs.join(", ")
    };
    sheet.label(row + 1, 0, &missing, &f.text)?;
    Ok(())
}

/// A 0-based column index as its spreadsheet letters: 0 -> A, 26 -> AA.
fn column_letter(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}
