//! Workbooks assembled byte by byte for the hostile-input tests: Excel 97-2003 (BIFF8 records in a compound file),
//! Excel binary (xlsb records in a zip) and OpenDocument (content.xml in a zip). Each builder writes only what
//! calamine needs, so a test can change exactly the one field it is about.
#![allow(dead_code)]

use std::io::{Cursor, Write};

// ---- xls ---------------------------------------------------------------------------------------------------------

/// Appends one BIFF record (type, length, data).
pub fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    out.extend(typ.to_le_bytes());
    out.extend(u16::try_from(data.len()).expect("a record holds at most 8,224 bytes").to_le_bytes());
    out.extend(data);
}

/// A BOF record: `dt` 0x0005 for the workbook globals, 0x0010 for a worksheet.
pub fn bof(dt: u16) -> Vec<u8> {
    let mut out = Vec::new();
    let mut data = vec![0u8; 16];
    data[..2].copy_from_slice(&0x0600u16.to_le_bytes());
    data[2..4].copy_from_slice(&dt.to_le_bytes());
    record(&mut out, 0x0809, &data);
    out
}

/// The EOF record.
pub fn eof() -> Vec<u8> {
    let mut out = Vec::new();
    record(&mut out, 0x000A, &[]);
    out
}

/// A DIMENSIONS record (BIFF8): first row, one past the last row, first column, one past the last column.
pub fn dimensions(first_row: u32, rows_end: u32, first_col: u16, cols_end: u16) -> Vec<u8> {
    let mut data = Vec::new();
    data.extend(first_row.to_le_bytes());
    data.extend(rows_end.to_le_bytes());
    data.extend(first_col.to_le_bytes());
    data.extend(cols_end.to_le_bytes());
    data.extend([0u8; 2]);
    let mut out = Vec::new();
    record(&mut out, 0x0200, &data);
    out
}

/// A LABELSST cell: shared string `index` at (row, col), 0-based.
pub fn label_sst(row: u16, col: u16, index: u32) -> Vec<u8> {
    let mut data = Vec::new();
    data.extend(row.to_le_bytes());
    data.extend(col.to_le_bytes());
    data.extend(0u16.to_le_bytes());
    data.extend(index.to_le_bytes());
    let mut out = Vec::new();
    record(&mut out, 0x00FD, &data);
    out
}

/// A NUMBER cell.
pub fn number(row: u16, col: u16, value: f64) -> Vec<u8> {
    let mut data = Vec::new();
    data.extend(row.to_le_bytes());
    data.extend(col.to_le_bytes());
    data.extend(0u16.to_le_bytes());
    data.extend(value.to_le_bytes());
    let mut out = Vec::new();
    record(&mut out, 0x0203, &data);
    out
}

/// A LABEL cell holding Latin-1 text.
pub fn label(row: u16, col: u16, text: &str) -> Vec<u8> {
    let mut data = Vec::new();
    data.extend(row.to_le_bytes());
    data.extend(col.to_le_bytes());
    data.extend(0u16.to_le_bytes());
    data.extend(u16::try_from(text.len()).expect("short").to_le_bytes());
    data.push(0);
    data.extend(text.bytes());
    let mut out = Vec::new();
    record(&mut out, 0x0204, &data);
    out
}

/// A FORMULA cell with a cached number and the formula's tokens `rgce`.
pub fn formula(row: u16, col: u16, value: f64, rgce: &[u8]) -> Vec<u8> {
    let mut data = Vec::new();
    data.extend(row.to_le_bytes());
    data.extend(col.to_le_bytes());
    data.extend(0u16.to_le_bytes());
    data.extend(value.to_le_bytes());
    data.extend(0u16.to_le_bytes());
    data.extend(0u32.to_le_bytes());
    data.extend(u16::try_from(rgce.len()).expect("short").to_le_bytes());
    data.extend(rgce);
    let mut out = Vec::new();
    record(&mut out, 0x0006, &data);
    out
}

/// A defined name (LBL) of Latin-1 text standing for the formula `rgce`.
pub fn defined_name(name: &str, rgce: &[u8]) -> Vec<u8> {
    let mut data = vec![0u8; 14];
    data[3] = u8::try_from(name.len()).expect("at most 255 characters");
    data[4..6].copy_from_slice(&u16::try_from(rgce.len()).expect("short").to_le_bytes());
    data.push(0);
    data.extend(name.bytes());
    data.extend(rgce);
    let mut out = Vec::new();
    record(&mut out, 0x0018, &data);
    out
}

/// The shared-string table (SST, with CONTINUE records where a string does not fit), strings stored as UTF-16 when
/// any character is beyond Latin-1.
pub fn sst(strings: &[String]) -> Vec<u8> {
    const MOST: usize = 8224;
    let mut records: Vec<(u16, Vec<u8>)> = Vec::new();
    let mut current = Vec::new();
    let n = u32::try_from(strings.len()).expect("few");
    current.extend(n.to_le_bytes());
    current.extend(n.to_le_bytes());
    let mut typ = 0x00FCu16;
    for s in strings {
        let wide = s.chars().any(|c| u32::from(c) > 0xFF);
        let units: Vec<u16> = s.encode_utf16().collect();
        if current.len() + 4 > MOST {
            records.push((typ, std::mem::take(&mut current)));
            typ = 0x003C;
        }
        current.extend(u16::try_from(units.len()).expect("at most 65,535 characters").to_le_bytes());
        current.push(u8::from(wide));
        let width = if wide { 2 } else { 1 };
        let mut rest = &units[..];
        while !rest.is_empty() {
            let room = (MOST - current.len()) / width;
            if room == 0 {
                records.push((typ, std::mem::take(&mut current)));
                typ = 0x003C;
                current.push(u8::from(wide));
                continue;
            }
            let (now, later) = rest.split_at(room.min(rest.len()));
            for u in now {
                if wide {
                    current.extend(u.to_le_bytes());
                } else {
                    current.push(*u as u8);
                }
            }
            rest = later;
        }
    }
    records.push((typ, current));
    let mut out = Vec::new();
    for (typ, data) in records {
        record(&mut out, typ, &data);
    }
    out
}

/// An Excel 97-2003 workbook stream: the globals (BOF, `globals`, the shared strings, a BOUNDSHEET per entry of
/// `bound`, EOF), then each sheet's substream (BOF, its records, EOF). `bound` names a sheet and the substream it
/// points at (several entries may point at one).
pub fn workbook_stream(globals: &[u8], strings: &[String], sheets: &[Vec<u8>], bound: &[(&str, usize)]) -> Vec<u8> {
    let boundsheet = |pos: u32, name: &str| {
        let mut data = Vec::new();
        data.extend(pos.to_le_bytes());
        data.extend([0u8, 0]);
        data.push(u8::try_from(name.len()).expect("short"));
        data.push(0);
        data.extend(name.bytes());
        let mut out = Vec::new();
        record(&mut out, 0x0085, &data);
        out
    };
    let mut head = bof(0x0005);
    head.extend(globals);
    if !strings.is_empty() {
        head.extend(sst(strings));
    }
    let bound_len: usize = bound.iter().map(|(name, _)| boundsheet(0, name).len()).sum();
    let mut at = head.len() + bound_len + eof().len();
    let mut starts = Vec::new();
    let mut bodies = Vec::new();
    for sheet in sheets {
        let mut body = bof(0x0010);
        body.extend(sheet);
        body.extend(eof());
        starts.push(u32::try_from(at).expect("small"));
        at += body.len();
        bodies.push(body);
    }
    let mut out = head;
    for (name, sheet) in bound {
        out.extend(boundsheet(starts[*sheet], name));
    }
    out.extend(eof());
    for body in bodies {
        out.extend(body);
    }
    out
}

/// A compound file holding the workbook stream, as Excel writes it (version 3, 512-byte sectors).
pub fn compound_file(stream: &[u8]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).expect("create");
    file.create_stream("/Workbook").expect("stream").write_all(stream).expect("write");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

/// An xls of one sheet named `name` holding `rows` (numbers as NUMBER cells, text as shared strings), with
/// `extra` records appended to the sheet.
pub fn xls_table(name: &str, rows: &[&[&str]], extra: &[u8]) -> Vec<u8> {
    let mut strings: Vec<String> = Vec::new();
    let mut cells = xls_cells(rows, &mut strings);
    cells.extend(extra);
    compound_file(&workbook_stream(&[], &strings, &[cells], &[(name, 0)]))
}

/// The cell records of `rows` (a DIMENSIONS record, then a NUMBER or an LABELSST record a cell), each text added
/// once to `strings`.
pub fn xls_cells(rows: &[&[&str]], strings: &mut Vec<String>) -> Vec<u8> {
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let mut cells = dimensions(0, rows.len() as u32, 0, width as u16);
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let (r, c) = (r as u16, c as u16);
            match text.parse::<f64>() {
                Ok(v) => cells.extend(number(r, c, v)),
                Err(_) => {
                    let index = strings.iter().position(|s| s == text).unwrap_or_else(|| {
                        strings.push(text.to_string());
                        strings.len() - 1
                    });
                    cells.extend(label_sst(r, c, index as u32));
                }
            }
        }
    }
    cells
}

// ---- zip parts ---------------------------------------------------------------------------------------------------

/// A zip of `parts` (name, bytes), each deflated unless it is `mimetype`.
pub fn zip(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        let method =
            if *name == "mimetype" { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file(*name, options).expect("start");
        zip.write_all(bytes).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

// ---- xlsb --------------------------------------------------------------------------------------------------------

/// Appends one xlsb record: its type and length as 7-bit groups, then the data.
pub fn brt(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    if typ < 0x80 {
        out.push(typ as u8);
    } else {
        out.push((typ & 0x7F) as u8 | 0x80);
        out.push((typ >> 7) as u8);
    }
    length(out, data.len());
    out.extend(data);
}

/// A record length as 7-bit groups (up to four bytes).
pub fn length(out: &mut Vec<u8>, mut len: usize) {
    loop {
        let byte = (len & 0x7F) as u8;
        len >>= 7;
        if len == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// An xlsb wide string: a count of UTF-16 units, then the units.
pub fn wide(s: &str) -> Vec<u8> {
    let units: Vec<u16> = s.encode_utf16().collect();
    let mut out = Vec::new();
    out.extend(u32::try_from(units.len()).expect("short").to_le_bytes());
    for u in units {
        out.extend(u.to_le_bytes());
    }
    out
}

/// xl/workbook.bin: one sheet named `sheet` (relationship `rId1`), then `names` (records between the sheet list and
/// the end of the names: BrtExternSheet, BrtName).
pub fn xlsb_workbook(sheet: &str, names: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brt(&mut out, 0x0083, &[]);
    let mut bundle = Vec::new();
    bundle.extend(0u32.to_le_bytes());
    bundle.extend(1u32.to_le_bytes());
    bundle.extend(wide("rId1"));
    bundle.extend(wide(sheet));
    brt(&mut out, 0x009C, &bundle);
    brt(&mut out, 0x0090, &[]);
    out.extend(names);
    brt(&mut out, 0x009D, &[0u8; 4]);
    out
}

/// A BrtName record named `name` standing for the formula `rgce`.
pub fn xlsb_name(name: &str, rgce: &[u8]) -> Vec<u8> {
    let mut data = vec![0u8; 9];
    data.extend(wide(name));
    data.extend(u32::try_from(rgce.len()).expect("short").to_le_bytes());
    data.extend(rgce);
    data.extend(0u32.to_le_bytes());
    let mut out = Vec::new();
    brt(&mut out, 0x0027, &data);
    out
}

/// A BrtExternSheet record of `n` references to the first sheet.
pub fn xlsb_extern_sheets(n: u32) -> Vec<u8> {
    let mut data = Vec::new();
    data.extend(n.to_le_bytes());
    for _ in 0..n {
        data.extend([0u8; 12]);
    }
    let mut out = Vec::new();
    brt(&mut out, 0x016A, &data);
    out
}

/// xl/worksheets/sheet1.bin of `rows` (numbers as BrtCellReal, text as shared strings into `strings`), with
/// `extra` records before the end of the sheet data.
pub fn xlsb_sheet(rows: &[&[&str]], strings: &mut Vec<String>, extra: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brt(&mut out, 0x0081, &[]);
    let mut dim = Vec::new();
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(1);
    for v in [0u32, rows.len().saturating_sub(1) as u32, 0, width as u32 - 1] {
        dim.extend(v.to_le_bytes());
    }
    brt(&mut out, 0x0094, &dim);
    brt(&mut out, 0x0091, &[]);
    for (r, row) in rows.iter().enumerate() {
        let mut header = (r as u32).to_le_bytes().to_vec();
        header.extend([0u8; 13]);
        brt(&mut out, 0x0000, &header);
        for (c, text) in row.iter().enumerate() {
            let mut cell = Vec::new();
            cell.extend((c as u32).to_le_bytes());
            cell.extend(0u32.to_le_bytes());
            match text.parse::<f64>() {
                Ok(v) => {
                    cell.extend(v.to_le_bytes());
                    brt(&mut out, 0x0005, &cell);
                }
                Err(_) => {
                    let index = strings.iter().position(|s| s == text).unwrap_or_else(|| {
                        strings.push(text.to_string());
                        strings.len() - 1
                    });
                    cell.extend((index as u32).to_le_bytes());
                    brt(&mut out, 0x0007, &cell);
                }
            }
        }
    }
    out.extend(extra);
    brt(&mut out, 0x0092, &[]);
    brt(&mut out, 0x0082, &[]);
    out
}

/// xl/sharedStrings.bin.
pub fn xlsb_strings(strings: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    let n = u32::try_from(strings.len()).expect("few");
    let mut begin = n.to_le_bytes().to_vec();
    begin.extend(n.to_le_bytes());
    brt(&mut out, 0x009F, &begin);
    for s in strings {
        let mut item = vec![0u8];
        item.extend(wide(s));
        brt(&mut out, 0x0013, &item);
    }
    brt(&mut out, 0x00A0, &[]);
    out
}

/// An xlsb of one sheet named `name` holding `rows`, with `names` in the workbook part and `extra` records in the
/// sheet.
pub fn xlsb_table(name: &str, rows: &[&[&str]], names: &[u8], extra: &[u8]) -> Vec<u8> {
    let mut strings = Vec::new();
    let sheet = xlsb_sheet(rows, &mut strings, extra);
    let rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.bin\"/></Relationships>";
    zip(&[
        ("xl/workbook.bin", xlsb_workbook(name, names)),
        ("xl/_rels/workbook.bin.rels", rels.as_bytes().to_vec()),
        ("xl/worksheets/sheet1.bin", sheet),
        ("xl/sharedStrings.bin", xlsb_strings(&strings)),
    ])
}

// ---- ods ---------------------------------------------------------------------------------------------------------

/// An OpenDocument spreadsheet whose content.xml holds `tables` (each `<table:table>` element written out).
pub fn ods(tables: &str) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\"><office:body>\
         <office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest \
         xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\
         <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
         <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet".to_vec()),
        ("META-INF/manifest.xml", manifest.as_bytes().to_vec()),
        ("content.xml", content.into_bytes()),
    ])
}

/// One cell: a number, or text.
pub fn ods_cell(text: &str) -> String {
    match text.parse::<f64>() {
        Ok(_) => format!("<table:table-cell office:value-type=\"float\" office:value=\"{text}\"><text:p>{text}</text:p></table:table-cell>"),
        Err(_) => format!("<table:table-cell office:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>"),
    }
}

/// A `<table:table>` named `name` holding `rows`, then `extra` (more rows).
pub fn ods_table(name: &str, rows: &[&[&str]], extra: &str) -> String {
    let body: String = rows
        .iter()
        .map(|row| {
            format!("<table:table-row>{}</table:table-row>", row.iter().map(|t| ods_cell(t)).collect::<String>())
        })
        .collect();
    format!("<table:table table:name=\"{name}\">{body}{extra}</table:table>")
}

// ---- compound-file surgery ---------------------------------------------------------------------------------------

/// Where the FAT entry of `sector` is in a version-3 compound file (512-byte sectors, FAT sectors listed in the
/// header).
fn fat_entry(file: &[u8], sector: u32) -> usize {
    let per_sector = 128;
    let fat_sector = u32::from_le_bytes(file[76 + 4 * (sector / per_sector) as usize..][..4].try_into().unwrap());
    512 + 512 * fat_sector as usize + 4 * (sector % per_sector) as usize
}

/// Points the FAT entry of `sector` at `next`.
pub fn set_fat(file: &mut [u8], sector: u32, next: u32) {
    let at = fat_entry(file, sector);
    file[at..at + 4].copy_from_slice(&next.to_le_bytes());
}

/// The first sector of the directory.
pub fn directory_start(file: &[u8]) -> u32 {
    u32::from_le_bytes(file[48..52].try_into().unwrap())
}

/// Where the directory entry named `name` is (searched in the first directory sector).
pub fn directory_entry(file: &[u8], name: &str) -> usize {
    let dir = 512 + 512 * directory_start(file) as usize;
    let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    (0..4).map(|i| dir + 128 * i).find(|at| file[*at..].starts_with(&utf16)).expect("the entry")
}
