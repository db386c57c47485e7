//! The baseline of `benches/national.sh`: a bare calamine streaming pass over a workbook.
//!
//! Opens the file, and reads every worksheet cell by cell with `worksheet_cells_reader` (the same streaming reader
//! `wres-wdes` uses), counting the non-empty cells and touching each string's length, so nothing is optimised
//! away. Nothing is converted or kept: this is the floor a real read of the same file cannot go below.
//!
//! Usage: `cargo run --release --example bare_calamine -- FILE.xlsx`

use std::fs::File;
use std::io::BufReader;

use calamine::{DataRef, Reader, Xlsx};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: bare_calamine FILE.xlsx")?;
    let mut book: Xlsx<_> = Xlsx::new(BufReader::with_capacity(1 << 16, File::open(&path)?))?;
    let names: Vec<String> = book.sheet_names().to_vec();
    let (mut cells, mut text_bytes, mut rows) = (0u64, 0u64, 0u64);
    for name in names {
        let mut reader = book.worksheet_cells_reader(&name)?;
        let mut last_row = u32::MAX;
        while let Some(cell) = reader.next_cell()? {
            let (r, _) = cell.get_position();
            if r != last_row {
                rows += 1;
                last_row = r;
            }
            match cell.get_value() {
                DataRef::Empty => continue,
                DataRef::SharedString(s) => text_bytes += s.len() as u64,
                DataRef::String(s) => text_bytes += s.len() as u64,
                _ => {}
            }
            cells += 1;
        }
    }
    println!("{rows} rows, {cells} cells, {text_bytes} bytes of text");
    Ok(())
}
