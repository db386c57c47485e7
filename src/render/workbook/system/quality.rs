//! Data quality per trust, so a system sees whose data is weakest: each trust's staff, how much of its workforce
//! has a recorded ethnicity and disability status, and the rows of its inputs read, used and left out; then the
//! share of each input's rows left out.

use super::super::page::{Cell, Page, Table, Unit};
use super::super::words::input_words;
use super::funnel::trust_words;
use crate::compute::rollup::Rollup;
use crate::error::Result;

/// Ten columns: the trust, the inputs not given, eight numbers.
pub const WIDTHS: [f64; 10] = [30.0, 22.0, 9.0, 9.5, 9.5, 9.0, 9.0, 9.0, 9.5, 10.0];

/// The inputs, in the order of the second table.
const INPUTS: [&str; 6] = ["staff", "recruitment", "cases", "training", "survey", "board"];

/// Writes the sheet.
pub fn write(page: &mut Page, rollup: &Rollup) -> Result<()> {
    page.title("Data quality: each trust's inputs")?;
    page.paragraph(
        "A low recording rate or a large share of rows left out weakens a trust's figures: read its figures on the \
         other sheets with that in mind, and see its own workbook's Data quality sheet for the reasons.",
    )?;
    let mut t = Table::new(
        "Recording and rows left out, by trust",
        &[
            "Trust",
            "Inputs not given",
            "Staff",
            "Ethnicity recorded, % of staff",
            "Disability recorded, % of staff",
            "Rows read (every input)",
            "Rows used",
            "Rows left out",
            "Left out, % of rows read",
            "Rows with a value not recognised",
        ],
    )
    .note("Rows read = rows used + rows left out (by the rules of the returns, or unusable).");
    for q in &rollup.data_quality {
        let a = &q.all_inputs;
        let missing: Vec<&str> = q.missing_inputs.iter().map(|k| input_words(k)).collect();
        t.rows.push(vec![
            Cell::text(trust_words(&q.trust, &q.name)),
            Cell::text(if missing.is_empty() { "none".to_string() } else { missing.join(", ") }),
            Cell::Count(Some(q.headcount)),
            Cell::Num(q.ethnicity_declared_percent, Unit::Percent),
            Cell::Num(q.disability_declared_percent, Unit::Percent),
            Cell::Count(a.rows_read),
            Cell::Count(a.rows_used),
            Cell::Count(a.rows_left_out),
            Cell::Num(a.left_out_percent, Unit::Percent),
            Cell::Count(a.unrecognised_rows),
        ]);
    }
    page.table(&t)?;
    let mut headers = vec!["Trust"];
    headers.extend(INPUTS.iter().map(|k| input_words(k)));
    let mut t = Table::new("Rows left out of each input, % of its rows read", &headers)
        .note("Blank: the input was not given, or its counts are withheld.")
        .spans(&[2, 1, 1, 1, 1, 1, 1]);
    for q in &rollup.data_quality {
        let mut row = vec![Cell::text(trust_words(&q.trust, &q.name))];
        row.extend(INPUTS.iter().map(|k| {
            Cell::Num(q.inputs.iter().find(|i| i.kind == *k).and_then(|i| i.left_out_percent), Unit::Percent)
        }));
        t.rows.push(row);
    }
    page.table(&t)?;
    if !rollup.failed.is_empty() {
        let mut t = Table::new("Trusts that failed to run (in no figure of this workbook)", &["Config file", "Why"])
            .spans(&[2, 8]);
        for f in &rollup.failed {
            t.rows.push(vec![Cell::text(&f.config), Cell::text(&f.error)]);
        }
        page.table(&t)?;
    }
    Ok(())
}
