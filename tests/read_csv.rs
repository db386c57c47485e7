//! Delimited text: delimiters, encodings, blank lines, misnamed files, and files that are not there.

use std::collections::BTreeMap;
use std::path::Path;

use wres_wdes::error::ErrorKind;
use wres_wdes::read::{read_table, Cell, FieldSpec, Format, TableInfo, TableRequest};

const FIELDS: &[FieldSpec] = &[
    FieldSpec { name: "person_id", aliases: &["Employee Number", "Staff Number"], required: true },
    FieldSpec { name: "ethnicity", aliases: &["Ethnic Origin", "Ethnicity"], required: true },
    FieldSpec { name: "gender", aliases: &["Gender"], required: false },
];

type Rows = Vec<(String, usize, Vec<Cell>)>;

fn read(path: &Path) -> wres_wdes::Result<(TableInfo, Rows)> {
    let overrides = BTreeMap::new();
    let request = TableRequest { path, fields: FIELDS, sheet: None, prefer_sheet: None, overrides: &overrides };
    let mut rows = Vec::new();
    let info = read_table(&request, &mut |row| {
        rows.push((row.sheet.to_string(), row.line, row.cells.to_vec()));
        Ok(())
    })?;
    Ok((info, rows))
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn ok(path: &Path) -> (TableInfo, Rows) {
    match read(path) {
        Ok(r) => r,
        Err(e) => panic!("reading {}: {e}", path.display()),
    }
}

#[test]
fn comma_semicolon_and_tab() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, d) in [("comma.csv", ","), ("semi.csv", ";"), ("tab.tsv", "\t")] {
        let body = format!("Employee Number{d}Ethnic Origin{d}Band\n101{d}A White - British{d}5\n102{d} M {d}6\n");
        let (info, rows) = ok(&write(&dir, name, body.as_bytes()));
        assert_eq!(info.format, Format::Csv, "{name}");
        assert_eq!(info.sheets, vec![String::new()]);
        assert_eq!(info.header_row, 1);
        assert_eq!(info.headers, vec!["Employee Number", "Ethnic Origin", "Band"], "{name}");
        assert_eq!(info.rows_read, 2);
        assert_eq!(
            rows,
            vec![
                (String::new(), 2, vec![text("101"), text("A White - British"), Cell::Empty]),
                // CSV cells are untrimmed text.
                (String::new(), 3, vec![text("102"), text(" M "), Cell::Empty]),
            ],
            "{name}"
        );
    }
}

#[test]
fn semicolon_file_with_decimal_commas() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(&dir, "s.csv", b"Staff Number;Ethnicity;FTE\n1;A;0,8\n2;B;1\n3;C;0,53\n");
    let (info, rows) = ok(&path);
    assert_eq!(info.headers.len(), 3);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].2, vec![text("1"), text("A"), Cell::Empty]);
}

#[test]
fn utf8_bom_is_not_part_of_the_first_header() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(&dir, "bom.csv", b"\xEF\xBB\xBFEmployee Number,Ethnic Origin\n1,A\n");
    let (info, rows) = ok(&path);
    assert_eq!(info.headers[0], "Employee Number");
    assert_eq!(info.columns[0].header, "Employee Number");
    assert_eq!(rows[0].2[0], text("1"));
}

#[test]
fn windows_1252_is_decoded() {
    let dir = tempfile::tempdir().expect("tempdir");
    // "Ren\xe9e" is Renée, "\xa3" is the pound sign, in Windows-1252 (not valid UTF-8).
    let path = write(&dir, "w.csv", b"Employee Number,Ethnic Origin,Gender\n1,Ren\xe9e,\xa3 5\n");
    let (_, rows) = ok(&path);
    assert_eq!(rows[0].2, vec![text("1"), text("Renée"), text("£ 5")]);
}

#[test]
fn utf16_le_with_bom_is_decoded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body = "Employee Number\tEthnic Origin\r\n7\tRenée £\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in body.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let (info, rows) = ok(&write(&dir, "u16.txt", &bytes));
    assert_eq!(info.headers, vec!["Employee Number", "Ethnic Origin"]);
    assert_eq!(rows, vec![(String::new(), 2, vec![text("7"), text("Renée £"), Cell::Empty])]);
}

#[test]
fn title_lines_blank_lines_and_quoted_newlines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body = "Staff list, March 2025\n\nEmployee Number,Ethnic Origin\n1,A\n\n,\n2,\"B\nsecond line\"\n3,C\n\n\n";
    let (info, rows) = ok(&write(&dir, "t.csv", body.as_bytes()));
    assert_eq!(info.header_row, 3);
    let lines: Vec<usize> = rows.iter().map(|r| r.1).collect();
    assert_eq!(lines, vec![4, 7, 9]);
    assert_eq!(rows[1].2[1], text("B\nsecond line"));
    // Line 5 (empty) and line 6 (only a comma) are blank; the trailing empty lines are not counted.
    assert_eq!(info.blank_rows, 2);
    assert_eq!(info.rows_read, 3);
}

#[test]
fn short_and_long_rows_are_fine() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, rows) = ok(&write(&dir, "f.csv", b"Employee Number,Ethnic Origin,Gender\n1\n2,B,F,extra,more\n"));
    assert_eq!(rows[0].2, vec![text("1"), Cell::Empty, Cell::Empty]);
    assert_eq!(rows[1].2, vec![text("2"), text("B"), text("F")]);
}

#[test]
fn csv_renamed_xlsx_is_read_as_csv() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (info, rows) = ok(&write(&dir, "really-a.xlsx", b"Employee Number,Ethnic Origin\n1,A\n"));
    assert_eq!(info.format, Format::Csv);
    assert_eq!(rows.len(), 1);
}

#[test]
fn missing_column_in_csv_lists_found_and_tried() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Err(e) = read(&write(&dir, "m.csv", b"Employee Number,Race\n1,A\n")) else { panic!("expected an error") };
    assert_eq!(e.kind(), ErrorKind::Data);
    let m = e.message();
    assert!(m.contains("m.csv, row 1"), "{m}");
    assert!(m.contains("'ethnicity'") && m.contains("\"Ethnic Origin\", \"Ethnicity\""), "{m}");
    assert!(m.contains("\"Employee Number\", \"Race\""), "{m}");
    assert!(!m.contains("sheet"), "{m}");
}

#[test]
fn empty_file_folder_and_missing_file_are_file_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = write(&dir, "empty.csv", b"");
    let Err(e) = read(&empty) else { panic!("empty file read") };
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(e.message().contains("empty.csv") && e.message().contains("is empty"), "{e}");

    let Err(e) = read(dir.path()) else { panic!("folder read") };
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(e.message().contains("is a folder"), "{e}");

    let missing = dir.path().join("nope.xlsx");
    let Err(e) = read(&missing) else { panic!("missing file read") };
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(e.message().contains("nope.xlsx") && e.message().contains("not found"), "{e}");
}

#[test]
fn blank_lines_only_and_binary_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let Err(e) = read(&write(&dir, "blank.csv", b"\n\n  \n")) else { panic!("blank file read") };
    assert_eq!(e.kind(), ErrorKind::Data, "{e}");

    let Err(e) = read(&write(&dir, "pic.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")) else { panic!("png read") };
    assert_eq!(e.kind(), ErrorKind::Io, "{e}");
    assert!(e.message().contains("not a spreadsheet"), "{e}");
}
