//! Rewrites a workbook with a shared-strings table, as Excel saves one (`wres-wdes sample` writes inline strings:
//! its writer runs in constant-memory mode). `benches/national.sh` uses it to make the extract it times.
//!
//! Every worksheet is streamed cell by cell and written in rust_xlsxwriter's low-memory mode (rows flushed as they
//! are done, strings kept in the shared table); dates keep a date format, numbers and booleans their type.
//!
//! Usage: `cargo run --release --example shared_strings -- IN.xlsx OUT.xlsx`

use std::fs::File;
use std::io::BufReader;

use calamine::{DataRef, Reader, Xlsx};
use rust_xlsxwriter::{Format, Workbook};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        return Err("usage: shared_strings IN.xlsx OUT.xlsx".into());
    };
    let mut book: Xlsx<_> = Xlsx::new(BufReader::with_capacity(1 << 16, File::open(&input)?))?;
    let names: Vec<String> = book.sheet_names().to_vec();
    let mut out = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for name in names {
        let ws = out.add_worksheet_with_low_memory()?;
        ws.set_name(&name)?;
        let mut reader = book.worksheet_cells_reader(&name)?;
        while let Some(cell) = reader.next_cell()? {
            let (r, c) = cell.get_position();
            let c = u16::try_from(c)?;
            match cell.get_value() {
                DataRef::SharedString(s) => ws.write_string(r, c, *s).map(|_| ())?,
                DataRef::String(s) => ws.write_string(r, c, s).map(|_| ())?,
                DataRef::Int(i) => ws.write_number(r, c, *i as f64).map(|_| ())?,
                DataRef::Float(f) => ws.write_number(r, c, *f).map(|_| ())?,
                DataRef::Bool(b) => ws.write_boolean(r, c, *b).map(|_| ())?,
                DataRef::DateTime(d) => ws.write_number_with_format(r, c, d.as_f64(), &date).map(|_| ())?,
                DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => ws.write_string(r, c, s).map(|_| ())?,
                DataRef::Error(_) | DataRef::Empty => {}
            }
        }
    }
    out.save(&output)?;
    Ok(())
}
