//! A delimited file read in parallel parts gives exactly what the sequential read gives: the same rows (cells, and
//! lines in the first part; a later part's rows have line 0) in the same order, the same counts, the same errors. Parts are made tiny here so that small files are
//! cut in many places, at line breaks inside and outside quoted fields.

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use wres_wdes::read::{read_table, read_table_parts, read_table_parts_sized, Cell, FieldSpec, TableInfo, TableRequest};
use wres_wdes::Error;

const FIELDS: &[FieldSpec] = &[
    FieldSpec { name: "person_id", aliases: &["Employee Number"], required: true },
    FieldSpec { name: "ethnicity", aliases: &["Ethnic Origin"], required: true },
    FieldSpec { name: "gender", aliases: &["Gender"], required: false },
    FieldSpec { name: "comment", aliases: &["Comment"], required: false },
    // Not in any file: always empty.
    FieldSpec { name: "band", aliases: &["Band"], required: false },
];

type Rows = Vec<(usize, Vec<Cell>)>;

fn request<'a>(path: &'a Path, overrides: &'a BTreeMap<String, String>) -> TableRequest<'a> {
    TableRequest { path, fields: FIELDS, sheet: None, prefer_sheet: None, overrides }
}

/// The sequential read, or its error message.
fn sequential(path: &Path) -> Result<(TableInfo, Rows), String> {
    let overrides = BTreeMap::new();
    let mut rows = Vec::new();
    let info = read_table(&request(path, &overrides), &mut |row| {
        check(row.cells)?;
        rows.push((row.line, row.cells.to_vec()));
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    Ok((info, rows))
}

/// The read in parts of about `part_bytes` (`None`: the default sizes), or its error message; how many parts, and
/// how many rows the first had.
/// The rows of parts after the first have line 0 (checked here): those of the sequential read are given with
/// [`lines_of_first_part`].
fn in_parts(path: &Path, part_bytes: Option<u64>) -> Result<(TableInfo, Rows, usize, usize), String> {
    let overrides = BTreeMap::new();
    let on_row = |rows: &mut Rows, row: &wres_wdes::read::Fields<'_>| {
        let cells: Vec<Cell> = (0..FIELDS.len()).map(|i| row.cell(i)).collect();
        // Each field answers as its cell does.
        for (i, cell) in cells.iter().enumerate() {
            assert_eq!(row.text(i), cell.text(), "line {}, field {i}", row.line());
            assert_eq!(row.is_blank(i), cell.is_blank(), "line {}, field {i}", row.line());
            assert_eq!(row.number(i), cell.number(), "line {}, field {i}", row.line());
        }
        check(&cells)?;
        rows.push((row.line(), cells));
        Ok(())
    };
    let request = request(path, &overrides);
    let (info, parts) = match part_bytes {
        Some(bytes) => read_table_parts_sized(&request, bytes, &Vec::new, &on_row),
        None => read_table_parts(&request, &Vec::new, &on_row),
    }
    .map_err(|e| e.to_string())?;
    let count = parts.len();
    for rows in parts.iter().skip(1) {
        assert!(rows.iter().all(|(line, _)| *line == 0), "a later part's rows have no line");
    }
    let first = parts.first().map_or(0, Vec::len);
    Ok((info, lines_of_first_part(parts.concat(), first), count, first))
}

/// Rows with the lines of all but the first `first` set to 0.
fn lines_of_first_part(rows: Rows, first: usize) -> Rows {
    rows.into_iter().enumerate().map(|(i, (line, cells))| (if i < first { line } else { 0 }, cells)).collect()
}

/// The callback's own errors: a person id `ERR...` is refused, `PANIC` panics.
fn check(cells: &[Cell]) -> wres_wdes::Result<()> {
    match cells.first().and_then(Cell::text).as_deref() {
        Some(id) if id.starts_with("ERR") => Err(Error::data(format!("refused {id}"))),
        Some("PANIC") => panic!("asked to"),
        _ => Ok(()),
    }
}

/// Reads `bytes` sequentially and in parts of each size; asserts they agree. Returns the part counts.
fn agree(bytes: &[u8], sizes: &[u64]) -> Vec<usize> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("staff.csv");
    std::fs::write(&path, bytes).expect("write");
    let expected = sequential(&path);
    sizes
        .iter()
        .map(|&size| {
            let got = in_parts(&path, Some(size));
            let count = got.as_ref().map_or(0, |g| g.2);
            let first = got.as_ref().map_or(0, |g| g.3);
            let expected = expected.clone().map(|(info, rows)| (info, lines_of_first_part(rows, first)));
            assert_eq!(got.map(|(i, r, _, _)| (i, r)), expected, "parts of {size} bytes");
            count
        })
        .collect()
}

/// How a generated file is written.
#[derive(Debug, Clone, Copy)]
struct Style {
    windows_1252: bool,
    bom: bool,
    crlf: bool,
    /// Quoted fields may hold line breaks.
    multiline: bool,
}

/// A staff-like file: a title row, the header, then rows with quoted fields (commas, `""`, line breaks), blank
/// lines, rows blank in the kept columns, and accented text.
fn generate(rng: &mut ChaCha8Rng, rows: usize, style: Style) -> Vec<u8> {
    let eol = if style.crlf { "\r\n" } else { "\n" };
    let mut text = String::new();
    text.push_str(&format!("Staff list, March 2025{eol}{eol}"));
    text.push_str(&format!("Employee Number,Employee Name,Ethnic Origin,Gender,Comment{eol}"));
    let names = ["Chloé Hernández", "Ewa Owusu", "O'Neil, Pat", "Zoë \"Z\" Smith", "£ sign", "Ann"];
    let ethnicities = ["A White - British", "M Black, African", "Z Not stated", "", "  "];
    for i in 0..rows {
        match rng.random_range(0..20) {
            0 => text.push_str(eol),
            1 => text.push_str(&format!(",,,,{eol}")),
            2 => text.push_str(&format!(",someone,,,not kept{eol}")),
            _ => {
                let name = names[rng.random_range(0..names.len())];
                let ethnicity = ethnicities[rng.random_range(0..ethnicities.len())];
                let comment = match rng.random_range(0..6) {
                    0 if style.multiline => format!("\"two{eol}lines, é\""),
                    1 if style.multiline => format!("\"{eol}{eol}\""),
                    2 => "\"said \"\"hello\"\", twice\"".to_string(),
                    3 => "Café".to_string(),
                    _ => String::new(),
                };
                let gender = if rng.random_bool(0.5) { "F" } else { "M" };
                text.push_str(&format!(
                    "{},\"{}\",\"{}\",{gender},{comment}{eol}",
                    100_000 + i,
                    name.replace('"', "\"\""),
                    ethnicity
                ));
            }
        }
    }
    let mut bytes = Vec::new();
    if style.windows_1252 {
        let (encoded, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        assert!(!unmappable);
        bytes.extend_from_slice(&encoded);
    } else {
        if style.bom {
            bytes.extend_from_slice(b"\xEF\xBB\xBF");
        }
        bytes.extend_from_slice(text.as_bytes());
    }
    bytes
}

const SIZES: &[u64] = &[1, 13, 64, 97, 500, 4096, 1 << 20];

#[test]
fn generated_files_agree() {
    let mut rng = ChaCha8Rng::seed_from_u64(8);
    for windows_1252 in [false, true] {
        for crlf in [false, true] {
            for multiline in [false, true] {
                let style = Style { windows_1252, bom: !windows_1252 && !crlf, crlf, multiline };
                let bytes = generate(&mut rng, 400, style);
                let counts = agree(&bytes, SIZES);
                if !multiline {
                    // Without line breaks in quotes every cut is right: the file really was read in parts.
                    assert!(counts[1] > 100, "{style:?}: {counts:?}");
                }
            }
        }
    }
}

#[test]
fn a_cut_inside_a_quoted_field_reads_the_file_as_one_part() {
    let mut text = String::from("Employee Number,Ethnic Origin,Comment\n1,A,\"");
    for i in 0..200 {
        text.push_str(&format!("line {i}, still quoted\n"));
    }
    text.push_str("\"\n2,B,x\n3,C,\"\"\"\n\"\n");
    let counts = agree(text.as_bytes(), &[10, 100]);
    assert_eq!(counts, vec![1, 1]);
}

#[test]
fn blank_lines_at_the_cuts_are_counted_as_sequentially() {
    // Runs of blank lines (LF, CRLF, CR) and rows blank in the kept columns, ending with blank ones.
    let mut text = String::from("Employee Number,Ethnic Origin\n");
    for i in 0..60 {
        text.push_str(&format!("{i},A\n"));
        text.push_str(["\n", "\r\n\r\n", "\n\n\n", ",\n", " , \n", "\r", ""][i % 7]);
    }
    text.push_str("\n,\n\n");
    agree(text.as_bytes(), &[1, 2, 3, 5, 8, 40]);
    agree(text.replace('\n', "\r\n").as_bytes(), &[1, 2, 3, 5, 8, 40]);
}

#[test]
fn rows_starting_with_a_byte_order_mark_keep_it() {
    // A cut just before a row whose first cell starts with U+FEFF (UTF-8), or with the bytes EF BB BF (a
    // Windows-1252 file): the parser must not take them for a file's byte-order mark.
    let mut utf8 = String::from("Employee Number,Ethnic Origin\n");
    for i in 0..50 {
        utf8.push_str(&format!("\u{FEFF}{i},A\n"));
    }
    agree(utf8.as_bytes(), &[1, 7, 30]);
    // "ï»¿" is EF BB BF in Windows-1252: a file starting with them (on a title row) and rows starting with them.
    let mut text = String::from("\u{EF}\u{BB}\u{BF}Staff\nEmployee Number,Ethnic Origin\n");
    for i in 0..50 {
        text.push_str(&format!("\u{EF}\u{BB}\u{BF}{i},\u{A3}\n"));
    }
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(cp1252.starts_with(b"\xEF\xBB\xBFStaff"));
    let counts = agree(&cp1252, &[1, 7, 30]);
    assert!(counts[0] > 1, "{counts:?}");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("staff.csv");
    std::fs::write(&path, &cp1252).expect("write");
    let (info, rows) = sequential(&path).expect("reads");
    assert_eq!(info.header_row, 2);
    assert_eq!(
        rows[0],
        (
            3,
            vec![
                Cell::Text("\u{EF}\u{BB}\u{BF}0".into()),
                Cell::Text("£".into()),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty
            ]
        )
    );
}

#[test]
fn other_delimiters_line_endings_and_encodings() {
    let mut rng = ChaCha8Rng::seed_from_u64(10);
    let style = Style { windows_1252: false, bom: false, crlf: false, multiline: false };
    let text = String::from_utf8(generate(&mut rng, 300, style)).expect("UTF-8");
    // Semicolons and tabs (the generated text has no semicolon or tab of its own).
    for delimiter in [";", "\t"] {
        let counts = agree(text.replace(',', delimiter).as_bytes(), &[1, 50, 700]);
        assert!(counts[1] > 1, "{counts:?}");
    }
    // Old Mac line endings (CR only): no line feed to cut at, one part.
    let counts = agree(text.replace('\n', "\r").as_bytes(), &[1, 50]);
    assert_eq!(counts, vec![1, 1]);
    // UTF-16 is decoded as it is read: one part.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let counts = agree(&utf16, &[1, 50]);
    assert_eq!(counts, vec![1, 1]);
}

#[test]
fn the_first_error_is_the_sequential_one() {
    let mut text = String::from("Employee Number,Ethnic Origin\n");
    for i in 0..300 {
        let id = if i == 120 || i == 250 { format!("ERR{i}") } else { i.to_string() };
        text.push_str(&format!("{id},A\n"));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("staff.csv");
    std::fs::write(&path, &text).expect("write");
    let expected = sequential(&path).expect_err("refused");
    assert_eq!(expected, "refused ERR120");
    for size in [1, 10, 100, 1000, 100_000] {
        assert_eq!(in_parts(&path, Some(size)).map(|_| ()).expect_err("refused"), expected);
    }
}

#[test]
fn a_panic_in_a_part_is_an_error_naming_the_file() {
    let mut text = String::from("Employee Number,Ethnic Origin\n");
    for i in 0..300 {
        text.push_str(&format!("{},A\n", if i == 200 { "PANIC".to_string() } else { i.to_string() }));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("staff.csv");
    std::fs::write(&path, &text).expect("write");
    let message = in_parts(&path, Some(50)).map(|_| ()).expect_err("panicked");
    assert!(message.contains("staff.csv: could not be read: the reader failed (asked to"), "{message}");
}

#[test]
fn a_file_utf8_only_in_its_first_bytes_is_read_as_windows_1252() {
    // Past the first bytes a part meets a Windows-1252 byte: the file is read again as Windows-1252.
    let mut bytes = b"Employee Number,Ethnic Origin\n".to_vec();
    for i in 0..3000 {
        bytes.extend_from_slice(format!("{i},A\n").as_bytes());
    }
    bytes.extend_from_slice(b"3000,Caf\xE9\n3001,B\n");
    agree(&bytes, &[1, 100, 5000, 20_000]);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("staff.csv");
    std::fs::write(&path, &bytes).expect("write");
    let (_, rows, _, _) = in_parts(&path, Some(100)).expect("reads");
    assert_eq!(rows[3000].1[1], Cell::Text("Café".into()));
}

#[test]
fn errors_before_the_data_are_the_same() {
    for bytes in [&b"Name,Band\nx,5\n"[..], b"\n\n\n", b"Employee Number,Ethnic Origin\n"] {
        agree(bytes, &[1, 5]);
    }
}

#[test]
fn default_parts_agree_on_a_file_of_several_mebibytes() {
    // Big enough for two default parts when rayon has two threads or more.
    let mut rng = ChaCha8Rng::seed_from_u64(9);
    let style = Style { windows_1252: true, bom: false, crlf: true, multiline: false };
    let bytes = generate(&mut rng, 300_000, style);
    assert!(bytes.len() > 9 << 20, "{}", bytes.len());
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("staff.csv");
    std::fs::write(&path, &bytes).expect("write");
    let expected = sequential(&path).expect("reads");
    let (info, rows, parts, first) = in_parts(&path, None).expect("reads");
    assert_eq!((info, rows), (expected.0, lines_of_first_part(expected.1, first)));
    if rayon::current_num_threads() >= 2 {
        assert!(parts >= 2, "{parts}");
    }
}

/// What random files are made of.
const PIECES: &[&[u8]] =
    &[b"a", b"b", b",", b"\"", b"\n", b"\r", b"\r\n", b" ", b"\xC3\xA9", b"\xF0\x9F\x98\x80", b"\xEF\xBB\xBF", b"ERR"];
/// Bytes that make a file Windows-1252 (not UTF-8).
const NOT_UTF8: &[&[u8]] = &[b"\xE9", b"\x80", b"\xC3"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Random bytes from the characters that matter to a CSV parser, below a header: any file and any part size
    /// give what the sequential read gives (rows, counts or error).
    #[test]
    fn random_files_agree(
        title in proptest::bool::ANY,
        body in proptest::collection::vec(
            proptest::sample::select(PIECES),
            0..300,
        ),
        not_utf8 in proptest::option::of((proptest::sample::select(NOT_UTF8), 0usize..1000)),
        sizes in proptest::collection::vec(1u64..64, 1..4),
        padded in proptest::bool::weighted(0.2),
    ) {
        let mut bytes = Vec::new();
        if title {
            bytes.extend_from_slice(b"A title, with a comma\n");
        }
        bytes.extend_from_slice(b"Employee Number,Ethnic Origin,Comment,Gender\n");
        // Plain rows past the first bytes the encoding is first judged from, so that what follows (a byte that
        // is not UTF-8, say) is only met by the parts.
        if padded {
            bytes.extend(b"1,a,b,F\n".repeat(1200));
        }
        let body_start = bytes.len();
        for piece in body {
            bytes.extend_from_slice(piece);
        }
        if let Some((piece, at)) = not_utf8 {
            let at = body_start + at % (bytes.len() - body_start + 1);
            bytes.splice(at..at, piece.iter().copied());
        }
        let sizes: Vec<u64> = if padded { sizes.iter().map(|s| s * 50).collect() } else { sizes };
        agree(&bytes, &sizes);
    }
}
