//! Helpers for the hostile-input tests: run the binary (asserting it never panics), write small trusts and
//! damaged files, fingerprint inputs, and list what a run left behind.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// What a run of the binary did.
#[derive(Debug)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    /// Asserts the exit code and that stderr holds every fragment (and, for a failure, a hint).
    pub fn expect(&self, code: i32, fragments: &[&str]) -> &Self {
        assert_eq!(self.code, code, "exit code; stderr:\n{}\nstdout:\n{}", self.stderr, self.stdout);
        for f in fragments {
            assert!(self.stderr.contains(f), "stderr lacks {f:?}:\n{}", self.stderr);
        }
        if code != 0 {
            assert!(self.stderr.lines().any(|l| l.starts_with("error: ")), "stderr:\n{}", self.stderr);
        }
        self
    }
    /// What a finished run printed, and its exit code (-1 when killed).
    pub fn of(output: &std::process::Output) -> Out {
        Out {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Asserts stderr gives the user something to do.
    pub fn hints(&self) -> &Self {
        assert!(self.stderr.contains("hint: "), "no hint in stderr:\n{}", self.stderr);
        self
    }
}

/// Runs `wres-wdes` in `dir` with `args`; never a panic (exit 101, or a "panicked" line).
pub fn run<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Out {
    let output = Command::cargo_bin("wres-wdes")
        .expect("binary")
        .current_dir(dir)
        .args(args)
        .timeout(std::time::Duration::from_secs(240))
        .output()
        .expect("run wres-wdes");
    let out = Out::of(&output);
    assert_ne!(out.code, 101, "panicked:\n{}", out.stderr);
    assert_ne!(out.code, -1, "killed or timed out:\n{}", out.stderr);
    assert!(!out.stderr.contains("panicked"), "panicked:\n{}", out.stderr);
    out
}

/// `report --year 2025 --json out.json` with `args` in front (usually `--staff FILE`).
pub fn report(dir: &Path, args: &[&str]) -> Out {
    let mut all: Vec<&str> = vec!["report", "--year", "2025"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--json", "out.json"]);
    run(dir, &all)
}

/// The JSON `report` wrote to `dir/out.json`.
pub fn json(dir: &Path) -> Value {
    let text = std::fs::read_to_string(dir.join("out.json")).expect("out.json written");
    serde_json::from_str(&text).expect("valid JSON")
}

/// The data-quality entry of one input kind.
pub fn quality<'a>(results: &'a Value, kind: &str) -> &'a Value {
    results["data_quality"]["inputs"]
        .as_array()
        .expect("data_quality.inputs")
        .iter()
        .find(|q| q["kind"] == kind)
        .unwrap_or_else(|| panic!("no data-quality entry for {kind}: {}", results["data_quality"]))
}

/// Rows left out for `reason` in a data-quality entry (0 when absent).
pub fn excluded(q: &Value, reason: &str) -> u64 {
    q["excluded"].as_array().unwrap().iter().find(|e| e["reason"] == reason).map_or(0, |e| e["rows"].as_u64().unwrap())
}

/// Rows with `warning` in a data-quality entry (0 when absent).
pub fn warned(q: &Value, warning: &str) -> u64 {
    q["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["warning"] == warning)
        .map_or(0, |w| w["rows"].as_u64().unwrap())
}

/// Asserts a failed run left no output and no temporary file in `dir` (only the `inputs` named remain).
pub fn nothing_written(dir: &Path, inputs: &[&str]) {
    let mut left: Vec<String> = Vec::new();
    for entry in walk(dir) {
        let name = entry.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
        if !inputs.contains(&name.as_str()) {
            left.push(name);
        }
    }
    assert!(left.is_empty(), "left behind in {}: {left:?}", dir.display());
}

/// Every file under `dir`, recursively.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// SHA-256 of a file, hex.
pub fn sha256(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path).unwrap();
    Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The staff header used by the small trusts.
pub const STAFF_HEADER: &str = "Employee Number,Ethnic Origin,Disability Flag,Pay Band,Staff Group";

/// A valid staff CSV of `n` people (ids 1001...), alternately White and BME, nurses at Band 5.
pub fn staff_csv(n: usize) -> String {
    let mut s = format!("{STAFF_HEADER}\n");
    for i in 0..n {
        let eth = if i % 2 == 0 { "A White - British" } else { "H Asian or Asian British - Indian" };
        let dis = if i % 5 == 0 { "Yes" } else { "No" };
        s.push_str(&format!("{},{eth},{dis},Band 5,Nursing and Midwifery Registered\n", 1001 + i));
    }
    s
}

/// Writes `text` to `dir/name`.
pub fn put(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The staff rows of [`staff_csv`] as a workbook (`rust_xlsxwriter`), with `extra` applied to the sheet.
pub fn staff_xlsx(path: &Path, n: usize, extra: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Staff").unwrap();
    for (r, line) in staff_csv(n).lines().enumerate() {
        for (c, v) in line.split(',').enumerate() {
            ws.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    extra(ws);
    wb.save(path).unwrap();
}

/// A minimal OLE compound file (version 3, 512-byte sectors) holding the streams `EncryptionInfo` and
/// `EncryptedPackage`: the shape of a password-protected xlsx.
pub fn encrypted_xlsx() -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    let mut header = vec![0u8; 512];
    header[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    header[24..26].copy_from_slice(&0x003Eu16.to_le_bytes()); // minor version
    header[26..28].copy_from_slice(&3u16.to_le_bytes()); // major version 3
    header[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes()); // byte order
    header[30..32].copy_from_slice(&9u16.to_le_bytes()); // 512-byte sectors
    header[32..34].copy_from_slice(&6u16.to_le_bytes()); // 64-byte mini sectors
    header[44..48].copy_from_slice(&1u32.to_le_bytes()); // one FAT sector
    header[48..52].copy_from_slice(&1u32.to_le_bytes()); // directory at sector 1
    header[56..60].copy_from_slice(&4096u32.to_le_bytes()); // mini stream cutoff
    header[60..64].copy_from_slice(&END.to_le_bytes()); // no mini FAT
    header[68..72].copy_from_slice(&END.to_le_bytes()); // no DIFAT sectors
    for i in 0..109 {
        let v: u32 = if i == 0 { 0 } else { FREE };
        header[76 + i * 4..80 + i * 4].copy_from_slice(&v.to_le_bytes());
    }
    let mut fat = vec![0xFFu8; 512];
    fat[..4].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes()); // sector 0: the FAT
    fat[4..8].copy_from_slice(&END.to_le_bytes()); // sector 1: the directory, one sector
    let mut dir = vec![0u8; 512];
    for (i, (name, kind)) in [("Root Entry", 5u8), ("EncryptionInfo", 2), ("EncryptedPackage", 2)].iter().enumerate() {
        let e = &mut dir[i * 128..(i + 1) * 128];
        let utf16: Vec<u8> = name.encode_utf16().chain([0]).flat_map(u16::to_le_bytes).collect();
        e[..utf16.len()].copy_from_slice(&utf16);
        e[64..66].copy_from_slice(&(utf16.len() as u16).to_le_bytes());
        e[66] = *kind;
        e[68..72].copy_from_slice(&FREE.to_le_bytes());
        e[72..76].copy_from_slice(&FREE.to_le_bytes());
        e[76..80].copy_from_slice(&(if i == 0 { 1u32 } else { FREE }).to_le_bytes());
        e[116..120].copy_from_slice(&END.to_le_bytes());
    }
    // The root's child is entry 1; entry 1's right sibling is entry 2.
    dir[128 + 72..128 + 76].copy_from_slice(&2u32.to_le_bytes());
    [header, fat, dir].concat()
}

/// CRC-32 (IEEE), for [`stored_zip`].
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A zip archive of `files` (name, content), stored without compression: enough to hand-craft an xlsx whose XML
/// no workbook writer would produce.
pub fn stored_zip(files: &[(&str, &str)]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, content) in files {
        let (crc, size, offset) = (crc32(content.as_bytes()), content.len() as u32, out.len() as u32);
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed
            v.extend_from_slice(&[0; 6]); // flags, method (stored), time
            v.extend_from_slice(&0x21u16.to_le_bytes()); // date
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra length
        };
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(content.as_bytes());
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20u16.to_le_bytes()); // version made by
        common(&mut central);
        central.extend_from_slice(&[0; 10]); // comment length, disk, internal and external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (start, len, n) = (out.len() as u32, central.len() as u32, files.len() as u16);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// A one-sheet xlsx whose sheet XML is `sheet_data` (the inside of `<sheetData>`), built by hand.
pub fn raw_xlsx(sheet_data: &str) -> Vec<u8> {
    raw_xlsx_with("", sheet_data)
}

/// As [`raw_xlsx`], with `before` (say, a `<dimension>` element) in the worksheet ahead of `<sheetData>`.
pub fn raw_xlsx_with(before: &str, sheet_data: &str) -> Vec<u8> {
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{before}<sheetData>{sheet_data}</sheetData></worksheet>"
    );
    stored_zip(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>",
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
        ),
        (
            "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Staff\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
        ),
        (
            "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
        ),
        ("xl/worksheets/sheet1.xml", &sheet),
    ])
}

/// An inline-string cell.
pub fn inline(reference: &str, text: &str) -> String {
    format!("<c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c>")
}

/// A one-sheet xlsx whose cells are shared strings, its `<sst>` claiming `count` strings (`count` and
/// `uniqueCount`), with `padding` empty parts added to the archive (thousands make it one the reader does not
/// rebuild).
pub fn shared_strings_xlsx(count: &str, rows: &[&[&str]], padding: usize) -> Vec<u8> {
    let mut strings: Vec<&str> = Vec::new();
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, text) in row.iter().enumerate() {
            let index = strings.iter().position(|s| s == text).unwrap_or_else(|| {
                strings.push(text);
                strings.len() - 1
            });
            let col = char::from(b'A' + c as u8);
            data.push_str(&format!("<c r=\"{col}{}\" t=\"s\"><v>{index}</v></c>", r + 1));
        }
        data.push_str("</row>");
    }
    let sst = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{count}\" uniqueCount=\"{count}\">{}</sst>",
        strings.iter().map(|s| format!("<si><t>{s}</t></si>")).collect::<String>()
    );
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData></worksheet>"
    );
    let mut parts: Vec<(String, String)> = vec![
        (
            "[Content_Types].xml".into(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>".into(),
        ),
        (
            "_rels/.rels".into(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".into(),
        ),
        (
            "xl/workbook.xml".into(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Staff\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".into(),
        ),
        (
            "xl/_rels/workbook.xml.rels".into(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>".into(),
        ),
        ("xl/sharedStrings.xml".into(), sst),
        ("xl/worksheets/sheet1.xml".into(), sheet),
    ];
    parts.extend((0..padding).map(|i| (format!("padding/{i}.txt"), String::new())));
    let refs: Vec<(&str, &str)> = parts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    stored_zip(&refs)
}

/// The SHA-256 of every file under `dir`, by path relative to it.
pub fn fingerprints(dir: &Path) -> std::collections::BTreeMap<String, String> {
    walk(dir).iter().map(|p| (p.strip_prefix(dir).unwrap().to_string_lossy().into_owned(), sha256(p))).collect()
}

/// Asserts that, of the files under `dir`, only those named in `written` differ from `before` (new or changed),
/// and that nothing was removed.
pub fn only_changed(dir: &Path, before: &std::collections::BTreeMap<String, String>, written: &[&str]) {
    let after = fingerprints(dir);
    for (name, digest) in before {
        if !written.contains(&name.as_str()) {
            assert_eq!(after.get(name), Some(digest), "{name} changed or went");
        }
    }
    for name in after.keys() {
        assert!(before.contains_key(name) || written.contains(&name.as_str()), "{name} was written");
    }
}
