//! An Excel binary workbook (xlsb) as calamine is given it: the few records it trusts rewritten, and every record
//! checked against the bytes its part holds as calamine reads it (`read::Inflated` serves the parts).
//!
//! calamine streams an xlsb's sheets cell by cell, so a sheet's dimensions cost nothing; but when it opens the file
//! it writes out the text of every defined name's formula, and copies a sheet's name for every reference to it.
//! A sheet may be named with a million characters (two megabytes that deflate to two kilobytes), so a formula
//! naming it 50,000 times is 50 GB of text, and a formula of functions nested 20,000 deep overflows the stack of
//! calamine's recursive reader (an abort). Nothing here reads defined names or formulas, so in the stream calamine
//! reads each defined name's formula is cut to no tokens (`BrtName`) and the list of references to sheets is
//! emptied (`BrtExternSheet`): the figures are those of the same file.
//!
//! calamine also makes room for a record as long as its header says (up to 256 MB) before reading it. Each record
//! is checked as its part is inflated for calamine: one claiming more bytes than the part holds (a damaged or
//! hand-made file) stops the read there, with the part named.

/// Record types.
const NAME: u16 = 0x0027;
const EXTERN_SHEET: u16 = 0x016A;

/// A record's type and where its data are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Record {
    typ: u16,
    start: usize,
    len: usize,
}

/// The records of a part read whole, as calamine reads them (a type of one or two bytes, a length of up to four,
/// seven bits each), up to the first one cut short.
fn records(part: &[u8]) -> impl Iterator<Item = Record> + '_ {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let mut walk = Walk::default();
        loop {
            let byte = *part.get(at)?;
            at += 1;
            if let Some(len) = walk.header(byte) {
                let start = at;
                let len = usize::try_from(len).ok()?;
                part.get(start..start.checked_add(len)?)?;
                at = start + len;
                return Some(Record { typ: walk.typ, start, len });
            }
        }
    })
}

/// The edits that make xl/workbook.bin safe for calamine (offset in the part, bytes written over it): each defined
/// name's formula cut to no tokens, each list of references to sheets emptied.
pub(crate) fn workbook_edits(part: &[u8]) -> Vec<(u64, Vec<u8>)> {
    let mut edits = Vec::new();
    for r in records(part) {
        let data = &part[r.start..r.start + r.len];
        let field = match r.typ {
            // flags (4), key (1), sheet (4), the name (a count of UTF-16 units, then the units), the formula's length.
            NAME => data
                .get(9..13)
                .map(|n| u32::from_le_bytes([n[0], n[1], n[2], n[3]]) as usize)
                .and_then(|units| units.checked_mul(2)?.checked_add(13))
                .filter(|at| at + 4 <= data.len()),
            EXTERN_SHEET => Some(0).filter(|_| data.len() >= 4),
            _ => None,
        };
        if let Some(at) = field {
            let bytes = &data[at..at + 4];
            if bytes != [0, 0, 0, 0] {
                edits.push(((r.start + at) as u64, vec![0u8; 4]));
            }
        }
    }
    edits
}

/// Follows a part's records as its bytes go by (they may be split anywhere), so none may claim more bytes than the
/// part holds.
#[derive(Debug, Clone)]
pub(crate) struct RecordCheck {
    /// The bytes the part holds (its size, as far as its compressed bytes could inflate to).
    holds: u64,
    /// Bytes seen.
    at: u64,
    walk: Walk,
    /// Bytes of the current record's data still to come.
    skip: u64,
}

impl RecordCheck {
    /// A check of a part holding `holds` bytes.
    pub(crate) fn new(holds: u64) -> RecordCheck {
        RecordCheck { holds, at: 0, walk: Walk::default(), skip: 0 }
    }

    /// Follows the next bytes of the part; an error (for the user) at a record claiming more than is left.
    pub(crate) fn feed(&mut self, mut bytes: &[u8]) -> Result<(), String> {
        while !bytes.is_empty() {
            if self.skip > 0 {
                let step = usize::try_from(self.skip).unwrap_or(usize::MAX).min(bytes.len());
                bytes = &bytes[step..];
                self.at += step as u64;
                self.skip -= step as u64;
                continue;
            }
            let byte = bytes[0];
            bytes = &bytes[1..];
            self.at += 1;
            if let Some(len) = self.walk.header(byte) {
                let left = self.holds.saturating_sub(self.at);
                if len > left {
                    return Err(format!(
                        "a record claims {} where only {} of the part are left",
                        super::budget::shown(len),
                        super::budget::shown(left)
                    ));
                }
                self.walk = Walk::default();
                self.skip = len;
            }
        }
        Ok(())
    }
}

/// A record header being read: its type (one or two bytes), then its length (one to four bytes).
#[derive(Debug, Clone, Copy, Default)]
struct Walk {
    typ: u16,
    type_bytes: u8,
    type_done: bool,
    len: u64,
    len_bytes: u8,
}

impl Walk {
    /// Takes the header's next byte; the record's length once the header is complete.
    fn header(&mut self, byte: u8) -> Option<u64> {
        if !self.type_done {
            if self.type_bytes == 0 {
                self.typ = u16::from(byte & 0x7F);
                self.type_bytes = 1;
                self.type_done = byte & 0x80 == 0;
            } else {
                self.typ += u16::from(byte & 0x7F) << 7;
                self.type_done = true;
            }
            return None;
        }
        self.len += u64::from(byte & 0x7F) << (7 * u32::from(self.len_bytes));
        self.len_bytes += 1;
        (byte & 0x80 == 0 || self.len_bytes == 4).then_some(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One record: type, length (seven bits a byte), data.
    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        if typ < 0x80 {
            out.push(typ as u8);
        } else {
            out.push((typ & 0x7F) as u8 | 0x80);
            out.push((typ >> 7) as u8);
        }
        let mut len = data.len();
        loop {
            let b = (len & 0x7F) as u8;
            len >>= 7;
            if len == 0 {
                out.push(b);
                break;
            }
            out.push(b | 0x80);
        }
        out.extend(data);
        out
    }

    #[test]
    fn records_are_read_as_calamine_reads_them() {
        let part = [record(0x0083, &[]), record(0x009C, &[7u8; 200]), record(0x0027, &[1, 2, 3])].concat();
        let found: Vec<(u16, usize)> = records(&part).map(|r| (r.typ, r.len)).collect();
        assert_eq!(found, [(0x0083, 0), (0x009C, 200), (0x0027, 3)]);
        assert_eq!(records(&part[..part.len() - 1]).count(), 2, "a record cut short ends the walk");
    }

    #[test]
    fn names_lose_their_formulas_and_sheet_references_their_list() {
        let mut name = vec![0u8; 9];
        name.extend(2u32.to_le_bytes());
        name.extend("Ab".encode_utf16().flat_map(u16::to_le_bytes));
        name.extend(3u32.to_le_bytes());
        name.extend([0x1E, 1, 0]);
        let mut externs = 1u32.to_le_bytes().to_vec();
        externs.extend([0u8; 12]);
        let part = [record(0x0083, &[]), record(NAME, &name), record(EXTERN_SHEET, &externs)].concat();
        let edits = workbook_edits(&part);
        assert_eq!(edits.len(), 2);
        let mut patched = part.clone();
        for (at, bytes) in &edits {
            patched[*at as usize..*at as usize + bytes.len()].copy_from_slice(bytes);
        }
        let names: Vec<Record> = records(&patched).collect();
        let name = &patched[names[1].start..names[1].start + names[1].len];
        assert_eq!(&name[17..21], &[0, 0, 0, 0], "no tokens");
        assert_eq!(&name[9..17], &part[names[1].start + 9..names[1].start + 17], "the name kept");
        let externs = &patched[names[2].start..names[2].start + 4];
        assert_eq!(externs, &[0, 0, 0, 0]);
        assert!(workbook_edits(&patched).is_empty(), "nothing left to cut");
    }

    #[test]
    fn a_record_longer_than_its_part_is_caught_however_the_bytes_are_split() {
        let mut part = record(0x0081, &[]);
        part.extend([0x01, 0xFF, 0xFF, 0xFF, 0x7F]);
        part.extend([0u8; 40]);
        for split in 0..part.len() {
            let mut check = RecordCheck::new(part.len() as u64);
            let first = check.feed(&part[..split]);
            let outcome = first.and_then(|()| check.feed(&part[split..]));
            let e = outcome.expect_err("caught");
            assert!(e.starts_with("a record claims 268 MB where only 40 bytes of the part are left"), "{e}");
        }
        let honest = [record(0x0081, &[]), record(0x0094, &[0u8; 16]), record(0x0092, &[])].concat();
        let mut check = RecordCheck::new(honest.len() as u64);
        for byte in &honest {
            check.feed(std::slice::from_ref(byte)).expect("honest");
        }
    }
}
