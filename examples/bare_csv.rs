//! The baseline of `benches/national.sh`: a bare csv-crate pass over a delimited file.
//!
//! Reads every record with the csv crate into one reused `ByteRecord` (no UTF-8 check, no allocation per
//! record), counting fields and bytes so nothing is optimised away. This is the floor a real read of the same file
//! cannot go below.
//!
//! Usage: `cargo run --release --example bare_csv -- FILE.csv`

use std::fs::File;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: bare_csv FILE.csv")?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(File::open(&path)?);
    let mut record = csv::ByteRecord::new();
    let (mut rows, mut fields, mut bytes) = (0u64, 0u64, 0u64);
    while reader.read_byte_record(&mut record)? {
        rows += 1;
        fields += record.len() as u64;
        bytes += record.as_slice().len() as u64;
    }
    println!("{rows} rows, {fields} fields, {bytes} bytes");
    Ok(())
}
