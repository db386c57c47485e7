//! The read layer alone: a staff file through `read_table_parts` (or `read_table` with `--sequential`)
//! with the staff fields, a trivial state per part counting rows, kept cells and their text bytes. Compare with
//! `examples/bare_csv.rs` on the same file.
//!
//! Usage: `cargo run --release --example read_parts -- FILE [--sequential]`

use std::collections::BTreeMap;
use std::path::Path;

use wres_wdes::normalise::records::header_names::staff::FIELDS;
use wres_wdes::read::{read_table, read_table_parts, Cell, Fields, Row, TableRequest};

/// Rows, non-empty cells and text bytes.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    rows: u64,
    cells: u64,
    bytes: u64,
}

impl Tally {
    fn add(&mut self, row: &Row<'_>) {
        self.rows += 1;
        for cell in row.cells {
            if let Cell::Text(text) = cell {
                self.cells += 1;
                self.bytes += text.len() as u64;
            }
        }
    }

    /// The same for a row in parts: each field's text, as the staff normaliser asks for it (trimmed).
    fn add_fields(&mut self, row: &Fields<'_>) {
        self.rows += 1;
        for field in 0..FIELDS.len() {
            if let Some(text) = row.text(field) {
                self.cells += 1;
                self.bytes += text.len() as u64;
            }
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: read_parts FILE [--sequential]")?;
    let sequential = args.next().as_deref() == Some("--sequential");
    let overrides = BTreeMap::new();
    let request =
        TableRequest { path: Path::new(&path), fields: FIELDS, sheet: None, prefer_sheet: None, overrides: &overrides };
    let start = std::time::Instant::now();
    let (info, parts) = if sequential {
        let mut tally = Tally::default();
        let info = read_table(&request, &mut |row| {
            tally.add(row);
            Ok(())
        })?;
        (info, vec![tally])
    } else {
        read_table_parts(&request, &Tally::default, &|tally: &mut Tally, row| {
            tally.add_fields(row);
            Ok(())
        })?
    };
    let total = parts.iter().fold(Tally::default(), |a, t| Tally {
        rows: a.rows + t.rows,
        cells: a.cells + t.cells,
        bytes: a.bytes + t.bytes,
    });
    println!(
        "{} rows ({} read, {} blank), {} cells, {} bytes of text, {} part(s), {:.3} s",
        total.rows,
        info.rows_read,
        info.blank_rows,
        total.cells,
        total.bytes,
        parts.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
