//! The Data quality sheet: the `data_quality` block, readable: each input file with its row counts, the rows left
//! out by reason, values not recognised, warnings and matched columns (every reason and field in words), the
//! declaration rates, and the inputs not given. The files' SHA-256 digests are on the Method sheet.

use super::page::{Cell, Table, Unit};
use super::words::{humanise, input_words, unsnake};
use super::Page;
use crate::compute::results::Results;
use crate::error::Result;

/// Seven columns.
pub const WIDTHS: [f64; 7] = [22.0, 34.0, 20.0, 22.0, 11.0, 11.0, 11.0];

fn layout_words(layout: &str) -> &'static str {
    match layout {
        "row" => "one row per record",
        "aggregated" => "counts by group",
        _ => "other",
    }
}

/// Writes the Data quality sheet.
pub fn write(page: &mut Page, results: &Results) -> Result<()> {
    let dq = &results.data_quality;
    page.title("Data quality: what was read and what could not be used")?;
    let mut t = Table::new(
        "Input files",
        &["Input", "File", "Sheet", "Layout", "Rows read", "Rows used", "Blank rows"],
    )
    .note("Rows read = rows used + the rows left out, listed by reason below. The header row is the row of the column names.");
    for q in &dq.inputs {
        let sheet = if q.sheet.is_empty() {
            "(CSV)".to_string()
        } else {
            format!("{} (header on row {})", q.sheet, q.header_row)
        };
        t.rows.push(vec![
            Cell::text(input_words(q.kind)),
            Cell::text(&q.path),
            Cell::text(sheet),
            Cell::text(layout_words(q.layout)),
            Cell::Count(q.rows_read),
            Cell::Count(q.rows_used),
            Cell::Count(q.blank_rows),
        ]);
    }
    if t.rows.is_empty() {
        t.rows.push(vec![Cell::text("no input files were read")]);
    }
    page.table(&t)?;

    let mut t = Table::new("Rows left out, by reason", &["Input", "File", "Reason", "Rows"]).spans(&[1, 1, 2, 1]);
    for q in &dq.inputs {
        for e in &q.excluded {
            t.rows.push(vec![
                Cell::text(input_words(q.kind)),
                Cell::text(&q.path),
                Cell::text(humanise(e.reason)),
                Cell::Count(e.rows),
            ]);
        }
    }
    if t.rows.is_empty() {
        t.rows.push(vec![Cell::text("none")]);
    }
    page.table(&t)?;

    let mut t = Table::new(
        "Values not recognised (counted, shown with their text as found)",
        &["Input", "File", "Field", "Value as found", "Rows"],
    );
    for q in &dq.inputs {
        for u in &q.unrecognised {
            t.rows.push(vec![
                Cell::text(input_words(q.kind)),
                Cell::text(&q.path),
                Cell::text(humanise(u.field)),
                Cell::text(&u.value),
                Cell::Count(u.rows),
            ]);
        }
    }
    if t.rows.is_empty() {
        t.rows.push(vec![Cell::text("none")]);
    }
    page.table(&t)?;

    let mut t =
        Table::new("Warnings (rows kept, but worth a look)", &["Input", "File", "Warning", "Rows", "What it means"])
            .spans(&[1, 1, 1, 1, 3]);
    for q in &dq.inputs {
        for w in &q.warnings {
            t.rows.push(vec![
                Cell::text(input_words(q.kind)),
                Cell::text(&q.path),
                Cell::text(humanise(w.warning)),
                Cell::Count(w.rows),
                Cell::text(unsnake(w.detail.as_deref().unwrap_or_default())),
            ]);
        }
    }
    if t.rows.is_empty() {
        t.rows.push(vec![Cell::text("none")]);
    }
    page.table(&t)?;

    let mut t = Table::new(
        "Values mapped by the config ([mapping] rules used)",
        &["Input", "File", "Field", "Value as found", "Read as", "Rows"],
    )
    .spans(&[1, 1, 1, 1, 2, 1]);
    for q in &dq.inputs {
        for m in &q.mappings {
            t.rows.push(vec![
                Cell::text(input_words(q.kind)),
                Cell::text(&q.path),
                Cell::text(humanise(m.field)),
                Cell::text(&m.from),
                Cell::text(&m.to),
                Cell::Count(m.rows),
            ]);
        }
    }
    if t.rows.is_empty() {
        t.rows.push(vec![Cell::text("none")]);
    }
    page.table(&t)?;

    let mut t = Table::new(
        "Date order (how text dates such as 04/03/2024 were read)",
        &["Input", "File", "How the dates were read"],
    )
    .spans(&[1, 1, 5]);
    for q in &dq.inputs {
        if let Some(note) = &q.date_order {
            t.rows.push(vec![
                Cell::text(input_words(q.kind)),
                Cell::text(&q.path),
                Cell::text(unsnake(&crate::normalise::records::describe_date_order(note))),
            ]);
        }
    }
    if t.rows.is_empty() {
        t.rows.push(vec![Cell::text("no text dates whose reading depends on the order")]);
    }
    page.table(&t)?;

    let mut t = Table::new("Columns matched", &["Input", "File", "Field", "Header in the file", "Column"]);
    for q in &dq.inputs {
        for c in &q.columns {
            t.rows.push(vec![
                Cell::text(input_words(q.kind)),
                Cell::text(&q.path),
                Cell::text(humanise(c.field)),
                Cell::text(&c.header),
                Cell::text(column_letter(c.column)),
            ]);
        }
    }
    if t.rows.is_empty() {
        t.rows.push(vec![Cell::text("none")]);
    }
    page.table(&t)?;

    page.heading("Declaration rates of the workforce", 60.0)?;
    let d = &dq.declaration;
    let rate = |v: Option<f64>| match v {
        Some(x) => Cell::Num(Some(x), Unit::PercentSign),
        None => Cell::text("no staff snapshot"),
    };
    page.pairs(&[
        ("Headcount".to_string(), Cell::Count(Some(d.headcount))),
        ("Ethnicity not known".to_string(), rate(d.ethnicity_unknown_percent)),
        ("Disability not known".to_string(), rate(d.disability_unknown_percent)),
    ])?;
    let missing = if dq.missing_inputs.is_empty() {
        "none: every input was given".to_string()
    } else {
        dq.missing_inputs.iter().map(|k| input_words(k)).collect::<Vec<_>>().join(", ")
    };
    page.pairs(&[("Inputs not given".to_string(), Cell::text(missing))])
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
