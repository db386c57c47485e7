//! Workbooks in the formats calamine reads whole or trusts in part (xls, xlsb, ods) whose few bytes claim more
//! than a file could hold: each must give the figures of its honest twin or a clear error (exit 1, naming the file
//! and saying what to do), never an abort or gigabytes of memory. Every hostile run is made under an address-space
//! limit, so a reader that believes the claim fails the test quickly instead of exhausting the machine.

mod hostile_common;
mod workbook_bytes;

use std::path::Path;

use hostile_common::*;
use serde_json::Value;
use workbook_bytes::*;

/// A staff table of three people, as rows of text.
const STAFF: [&[&str]; 4] = [
    &["Employee Number", "Ethnic Origin", "Disability Flag", "Pay Band", "Staff Group"],
    &["1001", "A White - British", "No", "Band 5", "Nursing and Midwifery Registered"],
    &["1002", "H Asian or Asian British - Indian", "Yes", "Band 6", "Nursing and Midwifery Registered"],
    &["1003", "A White - British", "No", "Band 5", "Administrative and Clerical"],
];

// ---- The hostile files -------------------------------------------------------------------------------------------

/// xls: a DIMENSIONS record claiming 4,294,967,295 rows by 256 columns (calamine reserves that many cells).
fn xls_dimensions_claim() -> Vec<u8> {
    xls_table("Staff", &STAFF, &dimensions(0, u32::MAX, 0, 256))
}

/// xls: a stray number at the last row and column a cell record can name (calamine builds the grid between).
fn xls_far_cell() -> Vec<u8> {
    xls_table("Staff", &STAFF, &number(65_535, 65_535, 1.0))
}

/// xls: 64 sheets listed in the workbook, all pointing at one substream whose cells are at A1 and IV65536 (each
/// within the format's limits, each a grid of 16.8 million cells).
fn xls_many_sheets() -> Vec<u8> {
    let corners = [number(0, 0, 1.0), number(65_535, 255, 1.0)].concat();
    let mut strings = Vec::new();
    let staff = staff_cells(&mut strings);
    let names: Vec<String> = (0..64).map(|i| format!("Copy {i}")).collect();
    let mut bound: Vec<(&str, usize)> = vec![("Staff", 0)];
    bound.extend(names.iter().map(|n| (n.as_str(), 1)));
    compound_file(&workbook_stream(&[], &strings, &[staff, corners], &bound))
}

/// xls: one shared string of 65,535 three-byte characters, referenced by 60,000 cells of a second sheet (each cell
/// a copy: 11.8 GB).
fn xls_shared_string_copies() -> Vec<u8> {
    let mut strings = Vec::new();
    let staff = staff_cells(&mut strings);
    strings.push("\u{4E00}".repeat(65_535));
    let long = (strings.len() - 1) as u32;
    let copies: Vec<u8> = (0..60_000u16).flat_map(|r| label_sst(r, 0, long)).collect();
    compound_file(&workbook_stream(&[], &strings, &[staff, copies], &[("Staff", 0), ("Notes", 1)]))
}

/// The staff table's cell records, its text added to `strings`.
fn staff_cells(strings: &mut Vec<String>) -> Vec<u8> {
    xls_cells(&STAFF, strings)
}

/// xls: a defined name of 255 three-byte characters, and a second sheet of 2,000 formula cells each joining it to
/// itself 1,333 times (calamine writes out every formula's text: 2 GB from a 16 MB file).
fn xls_formula_text() -> Vec<u8> {
    xls_with_formulas(&"\u{4E00}".repeat(255), 1_333)
}

/// The staff table, a defined name `name` (UTF-16), and a sheet "Sums" of 2,000 formula cells each holding the
/// number 1 and joining the name to itself `joins` times.
fn xls_with_formulas(name: &str, joins: usize) -> Vec<u8> {
    let units: Vec<u16> = name.encode_utf16().collect();
    let mut lbl = vec![0u8; 14];
    lbl[3] = units.len() as u8;
    let rgce_name = [0x17u8, 0, 0]; // an empty string constant
    lbl[4..6].copy_from_slice(&(rgce_name.len() as u16).to_le_bytes());
    lbl.push(1);
    lbl.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    lbl.extend(rgce_name);
    let mut globals = Vec::new();
    record(&mut globals, 0x0018, &lbl);
    let name_token = [0x23u8, 1, 0, 0, 0];
    let mut rgce = name_token.to_vec();
    for _ in 0..joins {
        rgce.extend(name_token);
        rgce.push(0x08); // &
    }
    let sums: Vec<u8> = (0..2_000u16).flat_map(|r| formula(r, 0, 1.0, &rgce)).collect();
    let mut strings = Vec::new();
    let staff = staff_cells(&mut strings);
    compound_file(&workbook_stream(&globals, &strings, &[staff, sums], &[("Staff", 0), ("Sums", 1)]))
}

/// xls: a compound file whose directory's chain of sectors loops back on itself (calamine follows it for ever).
fn xls_directory_loop() -> Vec<u8> {
    let mut file = xls_table("Staff", &STAFF, &[]);
    let dir = directory_start(&file);
    set_fat(&mut file, dir, dir);
    file
}

/// xls: a workbook stream claiming 4,294,967,280 bytes whose chain of sectors loops back on itself (calamine reads
/// round the loop until it has that many).
fn xls_stream_loop() -> Vec<u8> {
    let padding: Vec<u8> = (0..400u16).flat_map(|r| number(10 + r, 7, 1.0)).collect();
    let mut file = xls_table("Staff", &STAFF, &padding);
    let entry = directory_entry(&file, "Workbook");
    let start = u32::from_le_bytes(file[entry + 116..entry + 120].try_into().unwrap());
    file[entry + 120..entry + 124].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    set_fat(&mut file, start + 1, start);
    file
}

/// xlsb: a sheet named with a million characters, and a defined name whose formula refers to it 50,000 times
/// (calamine writes out the formula's text when it opens the file: 50 GB).
fn xlsb_name_text() -> Vec<u8> {
    let long = "x".repeat(1_000_000);
    let refs: Vec<u8> = (0..50_000).flat_map(|_| [0x3Au8, 0, 0, 0, 0, 0, 0, 0, 0]).collect();
    let names = [xlsb_extern_sheets(1), xlsb_name("Everything", &refs)].concat();
    xlsb_table(&long, &STAFF, &names, &[])
}

/// xlsb: a defined name whose formula nests 21,000 function calls (calamine parses it recursively: the stack
/// overflows).
fn xlsb_nested_name() -> Vec<u8> {
    let mut rgce = vec![0x1Eu8, 1, 0]; // the number 1
    for _ in 0..21_000 {
        let mut outer = vec![0x29u8];
        outer.extend((rgce.len() as u16).to_le_bytes());
        outer.extend(rgce);
        rgce = outer;
        if rgce.len() > 65_000 {
            break;
        }
    }
    xlsb_table("Staff", &STAFF, &xlsb_name("Deep", &rgce), &[])
}

/// xlsb: a record in the sheet claiming 268,435,455 bytes (calamine makes room for them before reading one).
fn xlsb_record_length() -> Vec<u8> {
    let mut claim = vec![0x01u8];
    length(&mut claim, (1 << 28) - 1);
    claim.extend([0u8; 16]);
    xlsb_table("Staff", &STAFF, &[], &claim)
}

/// ods: 10,000 rows each of one number repeated across 16,384 columns (calamine writes every copy out: 9 GB).
fn ods_repeated_columns() -> Vec<u8> {
    let row = "<table:table-row><table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"float\" \
               office:value=\"1\"/></table:table-row>";
    ods(&ods_table("Staff", &STAFF, &row.repeat(10_000)))
}

/// ods: four sheets each holding one row of 16,384 numbers repeated down 6,000 rows (98 million cells a sheet).
fn ods_repeated_rows() -> Vec<u8> {
    let row = "<table:table-row table:number-rows-repeated=\"6000\"><table:table-cell \
               table:number-columns-repeated=\"16384\" office:value-type=\"float\" office:value=\"1\"/></table:table-row>";
    let mut tables = ods_table("Staff", &STAFF, "");
    for i in 0..4 {
        tables.push_str(&format!("<table:table table:name=\"Copy {i}\">{row}</table:table>"));
    }
    ods(&tables)
}

/// ods: a text cell of two billion spaces, written as one `<text:s>` element.
fn ods_spaces() -> Vec<u8> {
    let row = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p><text:s text:c=\"2000000000\"/>\
               </text:p></table:table-cell></table:table-row>";
    ods(&ods_table("Staff", &STAFF, row))
}

/// Writes every hostile file into the folder named by `HOSTILE_DIR`, to measure a build against them by hand.
#[test]
#[ignore = "writes the hostile files for measuring by hand: HOSTILE_DIR=... cargo test --test hostile_workbooks -- --ignored write"]
fn write_the_hostile_files() {
    let Some(dir) = std::env::var_os("HOSTILE_DIR") else { return };
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).unwrap();
    type Build = fn() -> Vec<u8>;
    let files: &[(&str, Build)] = &[
        ("xls_directory_loop.xls", xls_directory_loop),
        ("xls_stream_loop.xls", xls_stream_loop),
        ("xls_dimensions_claim.xls", xls_dimensions_claim),
        ("xls_far_cell.xls", xls_far_cell),
        ("xls_many_sheets.xls", xls_many_sheets),
        ("xls_shared_string_copies.xls", xls_shared_string_copies),
        ("xls_formula_text.xls", xls_formula_text),
        ("xlsb_name_text.xlsb", xlsb_name_text),
        ("xlsb_nested_name.xlsb", xlsb_nested_name),
        ("xlsb_record_length.xlsb", xlsb_record_length),
        ("ods_repeated_columns.ods", ods_repeated_columns),
        ("ods_repeated_rows.ods", ods_repeated_rows),
        ("ods_spaces.ods", ods_spaces),
    ];
    for (name, build) in files {
        std::fs::write(dir.join(name), build()).unwrap();
    }
    std::fs::write(dir.join("honest.xls"), xls_table("Staff", &STAFF, &[])).unwrap();
    std::fs::write(dir.join("honest.xlsb"), xlsb_table("Staff", &STAFF, &[], &[])).unwrap();
    std::fs::write(dir.join("honest.ods"), ods(&ods_table("Staff", &STAFF, ""))).unwrap();
}

/// The figures of `out.json`.
fn figures(dir: &Path) -> Value {
    json(dir)["indicators"].clone()
}

/// The most address space a run may take: far more than any of these files needs when read as it should be, far
/// less than what believing one of them asks for.
const LIMIT: u64 = 1 << 30;

/// `report --year 2025 --staff FILE --json out.json` in `dir` under [`LIMIT`] (and two threads, so the limit is
/// the same on any machine); never a panic, an abort or a kill.
fn report_limited(dir: &Path, staff: &str) -> Out {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("wres-wdes"));
    command
        .current_dir(dir)
        .args(["report", "--year", "2025", "--staff", staff, "--json", "out.json"])
        .env("RAYON_NUM_THREADS", "2")
        .env("MALLOC_ARENA_MAX", "2");
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: between fork and exec the closure only calls setrlimit, which is async-signal-safe, and reads
        // the error number.
        unsafe {
            command.pre_exec(|| {
                let limit = libc::rlimit { rlim_cur: LIMIT, rlim_max: LIMIT };
                if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            });
        }
    }
    let output = assert_cmd::Command::from_std(command)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .expect("run wres-wdes");
    let out = Out::of(&output);
    assert_ne!(out.code, -1, "aborted, killed or timed out (a reader believed the file):\n{}", out.stderr);
    assert_ne!(out.code, 101, "panicked:\n{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "panicked:\n{}", out.stderr);
    out
}

/// Writes `honest` and `hostile` into a fresh folder, reads the honest one, then the hostile one under [`LIMIT`]:
/// the same figures, and nothing but `out.json` written.
fn same_figures(name: &str, honest: &[u8], hostile: &[u8]) {
    let d = tempfile::tempdir().unwrap();
    let extension = name.rsplit('.').next().unwrap();
    let twin = format!("honest.{extension}");
    put(d.path(), &twin, honest);
    put(d.path(), name, hostile);
    report_limited(d.path(), &twin).expect(0, &[]);
    let expected = figures(d.path());
    assert_eq!(quality(&json(d.path()), "staff")["rows_used"], 3);
    let before = fingerprints(d.path());
    report_limited(d.path(), name).expect(0, &[]);
    assert_eq!(figures(d.path()), expected, "{name}");
    assert_eq!(quality(&json(d.path()), "staff")["rows_used"], 3, "{name}");
    only_changed(d.path(), &before, &["out.json"]);
}

/// Writes `hostile` into a fresh folder and reads it under [`LIMIT`]: exit 1, stderr naming the file and holding
/// every fragment, a hint, and nothing written.
fn refused(name: &str, hostile: &[u8], fragments: &[&str]) {
    let d = tempfile::tempdir().unwrap();
    put(d.path(), name, hostile);
    let before = fingerprints(d.path());
    let mut all = vec![name];
    all.extend_from_slice(fragments);
    all.push("the file may be damaged");
    report_limited(d.path(), name).expect(1, &all).hints();
    only_changed(d.path(), &before, &[]);
}

// ---- Honest files ------------------------------------------------------------------------------------------------

/// The same three people as CSV, xls, xlsb and ods (each built here) give the same figures.
#[test]
fn the_same_table_in_every_format_gives_the_same_figures() {
    let d = tempfile::tempdir().unwrap();
    let csv: String = STAFF.iter().map(|row| row.join(",") + "\n").collect();
    put(d.path(), "staff.csv", csv);
    report_limited(d.path(), "staff.csv").expect(0, &[]);
    let expected = figures(d.path());
    put(d.path(), "staff.xls", xls_table("Staff", &STAFF, &[]));
    put(d.path(), "staff.xlsb", xlsb_table("Staff", &STAFF, &[], &[]));
    put(d.path(), "staff.ods", ods(&ods_table("Staff", &STAFF, "")));
    for name in ["staff.xls", "staff.xlsb", "staff.ods"] {
        report_limited(d.path(), name).expect(0, &[]);
        assert_eq!(figures(d.path()), expected, "{name}");
        assert_eq!(quality(&json(d.path()), "staff")["rows_used"], 3, "{name}");
    }
}

// ---- xls -------------------------------------------------------------------------------------------------------

/// A compound file whose chains loop: calamine's own reader followed the directory's for ever and a 4 GB stream's
/// round and round (an abort). The container is read by a checked reader, and refused.
#[test]
fn an_xls_whose_container_loops_is_refused() {
    refused(
        "loop.xls",
        &xls_directory_loop(),
        &["could not be read as an Excel 97-2003 (.xls) workbook (its compound-file container does not hold together"],
    );
    refused(
        "stream.xls",
        &xls_stream_loop(),
        &["(its workbook stream claims 4.3 GB, more than the whole file (9.7 KB))"],
    );
}

/// DIMENSIONS claiming 4,294,967,295 rows: calamine reserved room for them all (44 TB, an abort). The claim is
/// zeroed in the stream calamine reads: the figures of the same file without it.
#[test]
fn an_xls_dimensions_claim_gives_the_figures_of_its_honest_twin() {
    same_figures("claim.xls", &xls_table("Staff", &STAFF, &[]), &xls_dimensions_claim());
}

/// 2,000 formulas whose text calamine wrote out in full (2 GB from 16 MB): formulas are read by their cached
/// values, so their tokens are cut in the stream calamine reads, and the figures are those of the same file with
/// short formulas.
#[test]
fn xls_formulas_whose_text_would_take_gigabytes_give_the_figures_of_their_honest_twin() {
    same_figures("sums.xls", &xls_with_formulas("Total", 1), &xls_formula_text());
}

/// A stray cell at the 65,536th column (a 137 GB grid), or one sheet listed 65 times whose corners are A1 and
/// IV65536 (each within the format, 36 GB together), or a 200 KB string copied into 60,000 cells (12 GB): calamine
/// aborted. Each is refused, naming the sheet and what it would take.
#[test]
fn xls_sheets_that_would_take_far_more_memory_than_the_file_are_refused() {
    refused(
        "far.xls",
        &xls_far_cell(),
        &["of memory, far more than a file of 3.1 KB needs: sheet 'Staff' spreads its cells from A1 to CRXP65536"],
    );
    refused(
        "copies.xls",
        &xls_many_sheets(),
        &["sheet 'Copy 0' spreads its cells from A1 to IV65536; the workbook lists 65 sheets"],
    );
    refused("text.xls", &xls_shared_string_copies(), &["sheet 'Notes' copies", "of text into its cells"]);
}

// ---- xlsb ------------------------------------------------------------------------------------------------------

/// A defined name whose formula names a sheet of a million characters 50,000 times (50 GB of formula text when
/// calamine opens the file), or nests 21,000 function calls (calamine's recursive reader overflowed the stack: an
/// abort). Nothing reads defined names: their formulas are cut in the stream calamine reads, and the figures are
/// those of the same file without them.
#[test]
fn xlsb_defined_names_that_would_exhaust_memory_or_the_stack_give_the_figures_of_their_honest_twin() {
    let honest = xlsb_table("Staff", &STAFF, &[], &[]);
    same_figures("names.xlsb", &honest, &xlsb_name_text());
    same_figures("nested.xlsb", &honest, &xlsb_nested_name());
}

/// A record claiming 268,435,455 bytes: calamine made room for them all before reading one (256 MB from a 1 KB
/// file). The record is caught as the part is read, naming the part.
#[test]
fn an_xlsb_record_longer_than_its_part_is_refused() {
    refused(
        "long.xlsb",
        &xlsb_record_length(),
        &[
            "long.xlsb, sheet 'Staff': could not be read (",
            "xl/worksheets/sheet1.bin: a record claims 268 MB where only",
        ],
    );
}

// ---- ods -------------------------------------------------------------------------------------------------------

/// A number repeated across 16,384 columns in 10,000 rows (9 GB), one row of them repeated down 6,000 rows in
/// four sheets (28 GB), two billion spaces in one element (2 GB): calamine aborted. Each is stopped as content.xml
/// is read, naming the sheet and where.
#[test]
fn ods_repeats_that_would_take_far_more_memory_than_the_file_are_refused() {
    let what = "could not be read as an OpenDocument spreadsheet (reading it could take";
    refused("columns.ods", &ods_repeated_columns(), &[what, "sheet 'Staff' repeats cells (by row"]);
    refused("rows.ods", &ods_repeated_rows(), &[what, "sheet 'Copy 0' repeats cells (by row 6000)"]);
    refused("spaces.ods", &ods_spaces(), &[what, "sheet 'Staff' repeats cells (at A5)"]);
}

/// Repeats as real files use them (runs of empty cells, a value repeated across a few neighbours, a million empty
/// rows to end the sheet) read as before: the figures of the same table written out cell by cell.
#[test]
fn ods_repeats_as_real_files_use_them_give_the_same_figures() {
    // The staff table with two notes columns holding the same text side by side.
    let rows: Vec<Vec<&str>> = STAFF
        .iter()
        .enumerate()
        .map(|(i, r)| r.iter().copied().chain(if i == 0 { ["Note", "Remark"] } else { ["see HR", "see HR"] }).collect())
        .collect();
    let refs: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let written = ods(&ods_table("Staff", &refs, ""));
    let row = |r: &[&str]| -> String {
        let mut cells = String::new();
        let mut i = 0;
        while i < r.len() {
            let n = r[i..].iter().take_while(|t| **t == r[i]).count();
            let repeated = format!("<table:table-cell table:number-columns-repeated=\"{n}\"");
            cells.push_str(&ods_cell(r[i]).replacen("<table:table-cell", &repeated, 1));
            i += n;
        }
        let width = r.len();
        format!(
            "<table:table-row>{cells}<table:table-cell table:number-columns-repeated=\"{}\"/></table:table-row>",
            16_384 - width
        )
    };
    let body: String = refs.iter().map(|r| row(r)).collect();
    let end = "<table:table-row table:number-rows-repeated=\"1048572\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>";
    let repeated = ods(&format!("<table:table table:name=\"Staff\">{body}{end}</table:table>"));
    same_figures("repeats.ods", &written, &repeated);
}

// ---- Damaged files -----------------------------------------------------------------------------------------------

/// Bytes changed at random: in the xls and the xlsb as they are, in the ods's content before it is zipped (so the
/// damage reaches the XML the guard follows, not just the zip's checksums). Each damaged file gives figures or a
/// clear error (exit 0 to 3), never a panic, an abort or more memory than [`LIMIT`]: the guards walk records and
/// tags calamine walks after them, and must stop where they end, whatever their lengths and counts say.
#[test]
fn damaged_xls_xlsb_and_ods_files_give_figures_or_an_error_never_a_crash() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(20);
    let d = tempfile::tempdir().unwrap();
    let xls = xls_table("Staff", &STAFF, &[]);
    let xlsb = xlsb_table("Staff", &STAFF, &[], &[]);
    let table = ods_table("Staff", &STAFF, "");
    let mut seen = std::collections::BTreeSet::new();
    let inserts: [&[u8]; 5] =
        [b"99999999", b" table:number-columns-repeated=\"70000\"", b"<table:table-cell/>", b"\"", b"<"];
    for case in 0..40 {
        for (name, honest) in [("damaged.xls", &xls), ("damaged.xlsb", &xlsb)] {
            let mut bytes = honest.clone();
            for _ in 0..rng.random_range(1..=8) {
                let at = rng.random_range(0..bytes.len());
                bytes[at] = rng.random();
            }
            put(d.path(), name, &bytes);
            let out = report_limited(d.path(), name);
            assert!((0..=3).contains(&out.code), "case {case}, {name}: exit {}\n{}", out.code, out.stderr);
            seen.insert((name, out.code));
        }
        let mut text = table.clone().into_bytes();
        for _ in 0..rng.random_range(1..=4) {
            let at = rng.random_range(0..text.len());
            match rng.random_range(0..3) {
                0 => text[at] = rng.random_range(b' '..=b'~'),
                1 => {
                    let insert = inserts[rng.random_range(0..inserts.len())];
                    text.splice(at..at, insert.iter().copied());
                }
                _ => {
                    let end = (at + rng.random_range(1..40)).min(text.len());
                    text.drain(at..end);
                }
            }
        }
        put(d.path(), "damaged.ods", ods(&String::from_utf8_lossy(&text)));
        let out = report_limited(d.path(), "damaged.ods");
        assert!((0..=3).contains(&out.code), "case {case}, damaged.ods: exit {}\n{}", out.code, out.stderr);
        seen.insert(("damaged.ods", out.code));
    }
    // The damage reached both ways out of each reader: some files still read, some refused.
    for name in ["damaged.xls", "damaged.xlsb", "damaged.ods"] {
        assert!(seen.contains(&(name, 0)) && seen.contains(&(name, 1)), "{name}: exits seen {seen:?}");
    }
}
