//! Workbooks (xlsx, written with rust_xlsxwriter): sheet choice, header detection, column matching, cell values,
//! continuation sheets, and damaged or protected files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Formula, Workbook, Worksheet};
use wres_wdes::error::ErrorKind;
use wres_wdes::read::{read_table, Cell, FieldSpec, Format, TableInfo, TableRequest};

const FIELDS: &[FieldSpec] = &[
    FieldSpec { name: "person_id", aliases: &["Employee Number", "Staff Number"], required: true },
    FieldSpec { name: "ethnicity", aliases: &["Ethnic Origin", "Ethnicity"], required: true },
    FieldSpec { name: "gender", aliases: &["Gender"], required: false },
];

type Rows = Vec<(String, usize, Vec<Cell>)>;

fn read_with(path: &Path, sheet: Option<&str>, overrides: &[(&str, &str)]) -> wres_wdes::Result<(TableInfo, Rows)> {
    let overrides: BTreeMap<String, String> = overrides.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let request = TableRequest { path, fields: FIELDS, sheet, prefer_sheet: None, overrides: &overrides };
    let mut rows = Vec::new();
    let info = read_table(&request, &mut |row| {
        rows.push((row.sheet.to_string(), row.line, row.cells.to_vec()));
        Ok(())
    })?;
    Ok((info, rows))
}

fn ok(path: &Path) -> (TableInfo, Rows) {
    read_with(path, None, &[]).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn err(result: wres_wdes::Result<(TableInfo, Rows)>) -> wres_wdes::Error {
    match result {
        Ok((info, _)) => panic!("expected an error, read {info:?}"),
        Err(e) => e,
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

/// Writes `rows` of strings from A1 (an empty string leaves the cell empty).
fn put(ws: &mut Worksheet, top: u32, rows: &[&[&str]]) {
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                ws.write_string(top + r as u32, c as u16, *value).expect("write");
            }
        }
    }
}

fn save(mut wb: Workbook, dir: &tempfile::TempDir, name: &str) -> PathBuf {
    let path = dir.path().join(name);
    wb.save(&path).expect("save workbook");
    path
}

fn one_sheet(dir: &tempfile::TempDir, name: &str, rows: &[&[&str]]) -> PathBuf {
    let mut wb = Workbook::new();
    put(wb.add_worksheet(), 0, rows);
    save(wb, dir, name)
}

#[test]
fn title_rows_above_the_header_are_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = one_sheet(
        &dir,
        "titles.xlsx",
        &[
            &["NHS Trust workforce extract"],
            &["Run date: 31/03/2025", "", "confidential"],
            &[],
            &["Employee Number", "Ethnic Origin", "Gender", "Band"],
            &["101", "A White - British", "F", "5"],
            &["102", "M Mixed", "", "6"],
        ],
    );
    let (info, rows) = ok(&path);
    assert_eq!(info.format, Format::Xlsx);
    assert_eq!(info.sheets, vec!["Sheet1"]);
    assert_eq!(info.header_row, 4);
    assert_eq!(info.headers, vec!["Employee Number", "Ethnic Origin", "Gender", "Band"]);
    let cols: Vec<(&str, usize)> = info.columns.iter().map(|c| (c.field, c.column)).collect();
    assert_eq!(cols, vec![("person_id", 0), ("ethnicity", 1), ("gender", 2)]);
    assert_eq!(
        rows,
        vec![
            ("Sheet1".to_string(), 5, vec![text("101"), text("A White - British"), text("F")]),
            ("Sheet1".to_string(), 6, vec![text("102"), text("M Mixed"), Cell::Empty]),
        ]
    );
    assert_eq!((info.rows_read, info.blank_rows), (2, 0));
}

#[test]
fn header_spellings_match_case_space_and_punctuation_insensitively() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, (id, eth)) in
        [("EMPLOYEE_NUMBER", "ethnic origin "), ("employee-number", "Ethnic.Origin"), (" Staff  Number", "ETHNICITY")]
            .iter()
            .enumerate()
    {
        let path = one_sheet(&dir, &format!("h{i}.xlsx"), &[&[eth, id], &["A", "9"]]);
        let (info, rows) = ok(&path);
        assert_eq!(info.columns[0].header, id.trim(), "{id}");
        assert_eq!(info.columns[0].column, 1);
        assert_eq!(rows[0].2, vec![text("9"), text("A"), Cell::Empty], "{id} {eth}");
    }
}

#[test]
fn the_earlier_accepted_name_wins_when_two_columns_match() {
    let dir = tempfile::tempdir().expect("tempdir");
    // "Ethnic Origin" is listed before "Ethnicity", so it wins although it is the later column.
    let path = one_sheet(&dir, "two.xlsx", &[&["Employee Number", "Ethnicity", "Ethnic Origin"], &["1", "x", "A"]]);
    let (info, rows) = ok(&path);
    assert_eq!(info.columns[1].header, "Ethnic Origin");
    assert_eq!(rows[0].2[1], text("A"));
}

#[test]
fn override_names_the_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = one_sheet(&dir, "o.xlsx", &[&["Employee Number", "Ethnicity", "EO Code"], &["1", "White", "A"]]);
    let (info, rows) = read_with(&path, None, &[("ethnicity", "eo_code")]).expect("read with override");
    assert_eq!(info.columns[1].header, "EO Code");
    assert_eq!(rows[0].2[1], text("A"));

    // An override naming a header that is not there is an error that says so.
    let e = err(read_with(&path, None, &[("ethnicity", "Ethnic Code")]));
    assert_eq!(e.kind(), ErrorKind::Data);
    assert!(e.message().contains("\"Ethnic Code\"") && e.message().contains("named in the config"), "{e}");
}

#[test]
fn missing_required_column_lists_found_columns_and_names_tried() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = one_sheet(&dir, "m.xlsx", &[&["Employee Number", "Race", "Gender"], &["1", "A", "F"]]);
    let e = err(read_with(&path, None, &[]));
    assert_eq!(e.kind(), ErrorKind::Data);
    assert_eq!(e.exit_code(), 3);
    let m = e.message();
    assert!(m.contains("m.xlsx, sheet 'Sheet1', row 1"), "{m}");
    assert!(m.contains("'ethnicity' (tried: \"Ethnic Origin\", \"Ethnicity\")"), "{m}");
    assert!(m.contains("the columns found are: \"Employee Number\", \"Race\", \"Gender\""), "{m}");
    assert!(!m.contains("person_id"), "{m}");
    let hint = e.hint().unwrap_or_default();
    assert!(hint.contains("[staff.columns] ethnicity = "), "{hint}");
}

#[test]
fn duplicate_headers_are_ambiguous() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = one_sheet(&dir, "d.xlsx", &[&["Employee Number", "Ethnic Origin", "ETHNIC_ORIGIN"], &["1", "A", "B"]]);
    let e = err(read_with(&path, None, &[]));
    assert_eq!(e.kind(), ErrorKind::Data);
    let m = e.message();
    assert!(m.contains("'Ethnic Origin' (column B)") && m.contains("'ETHNIC_ORIGIN' (column C)"), "{m}");
    assert!(e.hint().unwrap_or_default().contains("config"), "{e}");
    // Naming one in the config settles it.
    let (_, rows) = read_with(&path, None, &[("ethnicity", "ETHNIC_ORIGIN")]).expect("override settles it");
    assert_eq!(rows[0].2[1], text("B"));
}

#[test]
fn blank_rows_inside_the_data_are_skipped_and_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    put(ws, 0, &[&["Employee Number", "Ethnic Origin", "Notes"], &["1", "A"], &[], &["", "", "only a note"]]);
    put(ws, 4, &[&["  ", ""], &["2", "B"]]);
    // A styled but empty cell is blank too; trailing blank rows are not counted.
    ws.write_blank(6, 0, &XFormat::new().set_bold()).expect("blank");
    ws.write_blank(9, 1, &XFormat::new().set_bold()).expect("blank");
    let path = save(wb, &dir, "b.xlsx");
    let (info, rows) = ok(&path);
    let lines: Vec<usize> = rows.iter().map(|r| r.1).collect();
    assert_eq!(lines, vec![2, 6]);
    // Rows 3 (absent), 4 (a note in an unrequested column) and 5 (spaces) are blank.
    assert_eq!(info.blank_rows, 3);
    assert_eq!(info.rows_read, 2);
}

#[test]
fn continuation_sheets_with_the_same_header_are_read_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut wb = Workbook::new();
    let header: &[&str] = &["Employee Number", "Ethnic Origin"];
    put(wb.add_worksheet().set_name("Notes").expect("name"), 0, &[&["Read me"], &["ESR extract in two parts"]]);
    put(wb.add_worksheet().set_name("Part 1").expect("name"), 0, &[header, &["1", "A"], &["2", "B"]]);
    put(wb.add_worksheet().set_name("Lookups").expect("name"), 0, &[&["Code", "Meaning"], &["A", "White British"]]);
    put(wb.add_worksheet().set_name("Part 2").expect("name"), 0, &[&["continued"], header, &["3", "C"]]);
    put(wb.add_worksheet().set_name("Other").expect("name"), 0, &[&["Employee Number", "Ethnic Origin", "Extra"]]);
    let path = save(wb, &dir, "cont.xlsx");
    let (info, rows) = ok(&path);
    assert_eq!(info.sheets, vec!["Part 1", "Part 2"]);
    assert_eq!(info.header_row, 1);
    let got: Vec<(&str, usize, Cell)> = rows.iter().map(|r| (r.0.as_str(), r.1, r.2[0].clone())).collect();
    assert_eq!(got, vec![("Part 1", 2, text("1")), ("Part 1", 3, text("2")), ("Part 2", 3, text("3"))]);
    assert_eq!(info.rows_read, 3);
}

#[test]
fn sheet_is_chosen_by_its_columns_or_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut wb = Workbook::new();
    put(
        wb.add_worksheet().set_name("Notes").expect("name"),
        0,
        &[&["About this file"], &["Employee Number is the ESR number"]],
    );
    put(wb.add_worksheet().set_name("Staff").expect("name"), 0, &[&["Employee Number", "Ethnicity"], &["1", "A"]]);
    put(
        wb.add_worksheet().set_name("Leavers").expect("name"),
        0,
        &[&["Employee Number", "Ethnicity"], &["9", "Z"], &["8", "Z"]],
    );
    let path = save(wb, &dir, "pick.xlsx");

    let (info, rows) = ok(&path);
    // Leavers has the same header, so it counts as a continuation sheet.
    assert_eq!(info.sheets, vec!["Staff", "Leavers"]);
    assert_eq!(rows.len(), 3);

    let (info, rows) = read_with(&path, Some("Leavers"), &[]).expect("named sheet");
    assert_eq!(info.sheets, vec!["Leavers"]);
    assert_eq!(rows.len(), 2);
    // Case and surrounding spaces in the name do not matter.
    assert!(read_with(&path, Some(" leavers"), &[]).is_ok());

    // A sheet named in the config that is not there is a wrong setting (exit 2), with the sheets listed.
    let e = err(read_with(&path, Some("Workforce"), &[]));
    assert_eq!(e.kind(), ErrorKind::Usage);
    assert!(e.message().contains("no sheet named 'Workforce'"), "{e}");
    assert!(e.message().contains("'Notes', 'Staff', 'Leavers'"), "{e}");

    // The named sheet lacks the columns: the error is about that sheet.
    let e = err(read_with(&path, Some("Notes"), &[]));
    assert!(e.message().contains("sheet 'Notes'") && e.message().contains("'ethnicity'"), "{e}");
}

#[test]
fn no_sheet_with_the_columns_and_empty_workbooks_are_data_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut wb = Workbook::new();
    put(wb.add_worksheet().set_name("A").expect("name"), 0, &[&["Name", "Ethnicity"]]);
    put(wb.add_worksheet().set_name("B").expect("name"), 0, &[&["Employee Number", "Ethnic"]]);
    let path = save(wb, &dir, "none.xlsx");
    let e = err(read_with(&path, None, &[]));
    assert_eq!(e.kind(), ErrorKind::Data);
    assert!(e.message().contains("no sheet holds them") && e.message().contains("'A', 'B'"), "{e}");

    let mut wb = Workbook::new();
    wb.add_worksheet();
    wb.add_worksheet();
    let path = save(wb, &dir, "empty.xlsx");
    let e = err(read_with(&path, None, &[]));
    assert_eq!(e.kind(), ErrorKind::Data);
    assert!(e.message().contains("every sheet is empty"), "{e}");
}

#[test]
fn xlsx_renamed_csv_is_read_as_xlsx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = one_sheet(&dir, "x.xlsx", &[&["Employee Number", "Ethnic Origin"], &["1", "A"]]);
    let renamed = dir.path().join("staff.csv");
    std::fs::rename(&path, &renamed).expect("rename");
    let (info, rows) = ok(&renamed);
    assert_eq!(info.format, Format::Xlsx);
    assert_eq!(rows[0].2[1], text("A"));
}

#[test]
fn damaged_zip_is_a_file_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let garbage = dir.path().join("bad.xlsx");
    std::fs::write(&garbage, b"PK\x03\x04\x14\x00\x00\x00garbage garbage garbage").expect("write");
    let e = err(read_with(&garbage, None, &[]));
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(e.message().contains("bad.xlsx"), "{e}");

    // A real workbook cut in half: the part names are gone from the end.
    let good = one_sheet(&dir, "good.xlsx", &[&["Employee Number", "Ethnic Origin"], &["1", "A"]]);
    let bytes = std::fs::read(&good).expect("read");
    for cut in [bytes.len() / 2, bytes.len() - 30, 40] {
        let truncated = dir.path().join(format!("cut{cut}.xlsx"));
        std::fs::write(&truncated, bytes.get(..cut).unwrap_or_default()).expect("write");
        let e = err(read_with(&truncated, None, &[]));
        assert_eq!(e.kind(), ErrorKind::Io, "cut at {cut}: {e}");
    }

    // A zip that is not a workbook.
    let mut not_book = b"PK\x03\x04".to_vec();
    not_book.extend_from_slice(&[0; 26]);
    not_book.extend_from_slice(b"word/document.xml");
    let docx = dir.path().join("letter.xlsx");
    std::fs::write(&docx, &not_book).expect("write");
    let e = err(read_with(&docx, None, &[]));
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(e.message().contains("not a workbook"), "{e}");
}

/// A minimal OLE compound file holding the streams of an encrypted Office document (what Excel writes when a
/// workbook has a password to open).
fn encrypted_ooxml() -> Vec<u8> {
    let mut file = vec![0u8; 512 * 3];
    let put_u16 = |f: &mut Vec<u8>, at: usize, v: u16| f[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put_u32 = |f: &mut Vec<u8>, at: usize, v: u32| f[at..at + 4].copy_from_slice(&v.to_le_bytes());
    file[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    put_u16(&mut file, 24, 0x003E);
    put_u16(&mut file, 26, 3); // version 3
    put_u16(&mut file, 28, 0xFFFE);
    put_u16(&mut file, 30, 9); // 512-byte sectors
    put_u16(&mut file, 32, 6); // 64-byte mini sectors
    put_u32(&mut file, 44, 1); // one FAT sector
    put_u32(&mut file, 48, 1); // directory in sector 1
    put_u32(&mut file, 56, 4096);
    put_u32(&mut file, 60, 0xFFFF_FFFE); // no mini FAT
    put_u32(&mut file, 68, 0xFFFF_FFFE); // no DIFAT sectors
    for i in 0..109 {
        put_u32(&mut file, 76 + 4 * i, if i == 0 { 0 } else { 0xFFFF_FFFF });
    }
    // FAT (sector 0): itself, then the one-sector directory chain.
    for i in 0..128 {
        put_u32(&mut file, 512 + 4 * i, 0xFFFF_FFFF);
    }
    put_u32(&mut file, 512, 0xFFFF_FFFD);
    put_u32(&mut file, 516, 0xFFFF_FFFE);
    // Directory (sector 1).
    for (i, (name, kind)) in [("Root Entry", 5u8), ("EncryptionInfo", 2), ("EncryptedPackage", 2)].iter().enumerate() {
        let at = 1024 + 128 * i;
        let units: Vec<u16> = name.encode_utf16().collect();
        for (j, u) in units.iter().enumerate() {
            put_u16(&mut file, at + 2 * j, *u);
        }
        put_u16(&mut file, at + 64, (2 * units.len() + 2) as u16);
        file[at + 66] = *kind;
        // No left or right sibling, no child (an entry of zeros would point at the root).
        for link in [68, 72, 76] {
            put_u32(&mut file, at + link, 0xFFFF_FFFF);
        }
        put_u32(&mut file, at + 116, 0xFFFF_FFFE);
    }
    // The root's child is the first stream; the second is its right sibling.
    put_u32(&mut file, 1024 + 76, 1);
    put_u32(&mut file, 1024 + 128 + 72, 2);
    file
}

#[test]
fn password_protected_workbook_says_how_to_fix_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["locked.xlsx", "locked.csv"] {
        let path = dir.path().join(name);
        std::fs::write(&path, encrypted_ooxml()).expect("write");
        let e = err(read_with(&path, None, &[]));
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.message().contains(name), "{e}");
        assert!(e.message().contains("is password-protected: remove the password in Excel"), "{e}");
    }
    // An OLE file that is neither an encrypted workbook nor an xls.
    let path = dir.path().join("junk.xls");
    let mut bytes = encrypted_ooxml();
    bytes.truncate(700);
    std::fs::write(&path, bytes).expect("write");
    assert_eq!(err(read_with(&path, None, &[])).kind(), ErrorKind::Io);
}

#[test]
fn stray_cell_at_the_last_cell_of_the_sheet_costs_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    put(ws, 0, &[&["Employee Number", "Ethnic Origin"], &["1", "A"], &["2", "B"]]);
    ws.write_string(1_048_575, 16_383, "stray").expect("stray cell");
    let path = save(wb, &dir, "stray.xlsx");
    let start = std::time::Instant::now();
    let (info, rows) = ok(&path);
    // A full grid would be 17 billion cells; streaming reads three rows and one cell.
    assert!(start.elapsed() < std::time::Duration::from_secs(5), "took {:?}", start.elapsed());
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].2, vec![text("2"), text("B"), Cell::Empty]);
    // The stray row has nothing in the requested columns, and trailing blank rows are not counted.
    assert_eq!(info.blank_rows, 0);
}

#[test]
fn cell_values_numbers_text_dates_errors_and_formulas() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    put(ws, 0, &[&["Employee Number", "Ethnic Origin", "Gender"]]);
    let date_format = XFormat::new().set_num_format("dd/mm/yyyy");
    let march_31 = ExcelDateTime::from_ymd(2024, 3, 31).expect("date");
    // Row 2: numbers, and a number stored as text.
    ws.write_number(1, 0, 101.0).expect("w");
    ws.write_string(1, 1, " 0042 ").expect("w");
    ws.write_number(1, 2, 2.5).expect("w");
    // Row 3: a date, a boolean, an error value.
    ws.write_datetime_with_format(2, 0, &march_31, &date_format).expect("w");
    ws.write_boolean(2, 1, true).expect("w");
    ws.write_formula(2, 2, Formula::new("=NA()").set_result("#N/A")).expect("w");
    // Row 4: formulas as rust_xlsxwriter writes them by default (cached result "0"; an empty result is written as
    // "0" too), and with a text result. (A formula with no cached value at all, `<f>` without `<v>`, is read by
    // calamine as Empty; rust_xlsxwriter cannot write one.)
    ws.write_formula(3, 0, "=1+1").expect("w");
    ws.write_formula(3, 1, Formula::new("=A1").set_result("")).expect("w");
    ws.write_formula(3, 2, Formula::new("=\"F\"").set_result("F")).expect("w");
    let path = save(wb, &dir, "values.xlsx");
    let (_, rows) = ok(&path);
    let cells: Vec<Vec<Cell>> = rows.into_iter().map(|r| r.2).collect();
    assert_eq!(cells[0], vec![Cell::Number(101.0), text(" 0042 "), Cell::Number(2.5)]);
    assert_eq!(cells[0][1].number(), Some(42.0));
    assert_eq!(cells[1], vec![Cell::DateTime(45382.0), Cell::Bool(true), Cell::Error("#N/A".into())]);
    // calamine hands over the cached value, never the formula.
    assert_eq!(cells[2], vec![Cell::Number(0.0), Cell::Number(0.0), text("F")]);
}
