//! Format detection from a file's content: zip (xlsx, xlsm, xlsb, ods, told apart by the parts inside), OLE
//! compound file (xls, or a password-protected Office file), else text. The extension is not trusted: an xlsx
//! renamed `.csv` is read as xlsx and a CSV renamed `.xlsx` as CSV. Markup (an HTML table or an XML file saved
//! with an `.xls` name, as reporting tools export) is told apart from text and refused with what to do.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use super::Format;
use crate::error::{Error, Result};

/// Zip local file header (every OOXML and ODS file starts with one).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// An empty zip archive (end of central directory only).
const ZIP_EMPTY: &[u8] = b"PK\x05\x06";
/// OLE2 compound file (xls, and encrypted xlsx/xlsb).
pub(crate) const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// How much of the start of the file is kept for sniffing.
const HEAD_BYTES: usize = 8 * 1024;
/// How much of the end of a zip is searched for part names (the central directory lives there).
const TAIL_BYTES: u64 = 4 * 1024 * 1024;

/// The message for a password-protected workbook.
pub(crate) const ENCRYPTED: &str =
    "is password-protected: remove the password in Excel (File > Info > Protect Workbook) and save again";

/// What the content says the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Detected {
    /// A zip holding a workbook of this format.
    Zip(Format),
    /// An OLE compound file: an xls, or an encrypted OOXML workbook (calamine tells which on opening).
    Ole,
    /// Text (a delimited file).
    Text,
}

/// Checks the path names a readable, non-empty file and returns its first bytes.
pub(crate) fn open_head(path: &Path) -> Result<Vec<u8>> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Error::io(format!("{shown}: file not found"))
            .with_hint("check the path (relative paths in a config file are relative to the config file)"),
        io::ErrorKind::PermissionDenied => Error::io(format!("{shown}: permission denied")),
        _ => match path.ancestors().skip(1).find(|a| a.is_file()) {
            // A path through a file (`staff.xlsx/staff.csv`): the system says only "not a directory".
            Some(file) => Error::io(format!("{shown}: {} is a file, not a folder", file.display()))
                .with_hint("check the path (relative paths in a config file are relative to the config file)"),
            None => Error::io(format!("{shown}: could not be opened: {e}")),
        },
    })?;
    if meta.is_dir() {
        return Err(
            Error::io(format!("{shown}: is a folder, not a file")).with_hint("give the path of the file itself")
        );
    }
    if meta.len() == 0 {
        return Err(Error::io(format!("{shown}: is empty (0 bytes)"))
            .with_hint("export the data again; the file may not have been saved completely"));
    }
    let file = File::open(path).map_err(|e| Error::io(format!("{shown}: could not be opened: {e}")))?;
    let mut head = Vec::with_capacity(HEAD_BYTES);
    file.take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(format!("{shown}: could not be read: {e}")))?;
    Ok(head)
}

/// Finds the format from the file's first bytes (and, for a zip, the part names near its end).
pub(crate) fn detect(path: &Path, head: &[u8]) -> Result<Detected> {
    let shown = path.display();
    if head.starts_with(OLE_MAGIC) {
        return Ok(Detected::Ole);
    }
    if head.starts_with(ZIP_MAGIC) || head.starts_with(ZIP_EMPTY) {
        let tail = read_tail(path).map_err(|e| Error::io(format!("{shown}: could not be read: {e}")))?;
        let holds = |name: &[u8]| contains(&tail, name) || contains(head, name);
        return if holds(b"xl/workbook.bin") {
            Ok(Detected::Zip(Format::Xlsb))
        } else if holds(b"xl/workbook.xml") {
            Ok(Detected::Zip(Format::Xlsx))
        } else if contains(head, b"application/vnd.oasis.opendocument.spreadsheet") || holds(b"content.xml") {
            Ok(Detected::Zip(Format::Ods))
        } else {
            Err(Error::io(format!("{shown}: is a zip file but not a workbook (xlsx, xlsb or ods), or is damaged"))
                .with_hint("open it in Excel and save it again as .xlsx, or export the data as CSV"))
        };
    }
    if let Some(what) = markup(head) {
        return Err(Error::io(format!("{shown}: is {what}, not a spreadsheet or a CSV file")).with_hint(
            "reporting tools often save a web page with an .xls name: open it in Excel and save it as an Excel \
             Workbook (.xlsx) with File > Save As, or export the report from the tool as CSV",
        ));
    }
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    if !utf16 && head.contains(&0) {
        if looks_like_utf16(head) {
            return Err(Error::io(format!(
                "{shown}: looks like UTF-16 text without a byte-order mark, which cannot be read reliably"
            ))
            .with_hint("save it again as UTF-8 CSV (in Excel: File > Save As > CSV UTF-8), or as .xlsx"));
        }
        return Err(Error::io(format!("{shown}: is not a spreadsheet or a text file (CSV)"))
            .with_hint("save the data from Excel as .xlsx or .csv"));
    }
    Ok(Detected::Text)
}

/// What a file that is markup is (a web page, an Excel 2003 XML spreadsheet, other XML), from its first bytes:
/// `None` for anything else. Only the start is looked at: a byte-order mark and white space, then `<`.
fn markup(head: &[u8]) -> Option<&'static str> {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = text.iter().position(|b| !b.is_ascii_whitespace())?;
    let text = text.get(start..)?;
    if text.first() != Some(&b'<') {
        return None;
    }
    let lower = text.get(..text.len().min(2048))?.to_ascii_lowercase();
    let holds = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if holds(b"urn:schemas-microsoft-com:office:spreadsheet") {
        Some("an Excel 2003 XML spreadsheet (SpreadsheetML)")
    } else if holds(b"<html") || holds(b"<!doctype html") || holds(b"<table") {
        Some("a web page (HTML)")
    } else if lower.starts_with(b"<?xml") {
        Some("an XML file")
    } else {
        None
    }
}

/// Whether bytes look like UTF-16 text: most bytes at even (big-endian) or odd (little-endian) offsets are zero
/// and the others are not (ASCII text in UTF-16).
fn looks_like_utf16(head: &[u8]) -> bool {
    let sample = head.get(..head.len().min(4096) & !1).unwrap_or(&[]);
    let pairs = sample.len() / 2;
    if pairs < 4 {
        return false;
    }
    let zero_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zero_at(0), zero_at(1));
    (odd * 10 >= pairs * 9 && even * 10 <= pairs) || (even * 10 >= pairs * 9 && odd * 10 <= pairs)
}

fn read_tail(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = File::open(path)?;
    let len = file.seek(SeekFrom::End(0))?;
    let start = len.saturating_sub(TAIL_BYTES);
    file.seek(SeekFrom::Start(start))?;
    let mut tail = Vec::new();
    file.take(TAIL_BYTES).read_to_end(&mut tail)?;
    Ok(tail)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_needles() {
        assert!(contains(b"..xl/workbook.xml..", b"xl/workbook.xml"));
        assert!(!contains(b"xl/work", b"xl/workbook.xml"));
        assert!(!contains(b"abc", b""));
    }

    #[test]
    fn markup_is_told_apart_from_text() {
        assert_eq!(markup(b"\xEF\xBB\xBF\r\n <html><body><table>"), Some("a web page (HTML)"));
        assert_eq!(markup(b"<table border=1><tr><td>Employee Number</td>"), Some("a web page (HTML)"));
        assert_eq!(
            markup(b"<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"),
            Some("an Excel 2003 XML spreadsheet (SpreadsheetML)")
        );
        assert_eq!(markup(b"<?xml version=\"1.0\"?><rows/>"), Some("an XML file"));
        assert_eq!(markup(b"Employee Number,Band\n<1>,5\n"), None);
        assert_eq!(markup(b"<Employee Number>,Band\n1,5\n"), None);
    }

    #[test]
    fn utf16_without_bom() {
        let le: Vec<u8> = "Staff Number,Band\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "Staff Number,Band\r\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(looks_like_utf16(&le));
        assert!(looks_like_utf16(&be));
        assert!(!looks_like_utf16(b"a,b\n\0\0\0\0\x01\x02\x03"));
        assert!(!looks_like_utf16(&[0, 0]));
    }
}
