//! Text encodings of delimited files: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark,
//! and Windows-1252 (what Excel writes for "CSV" on a UK Windows machine) when the bytes are not valid UTF-8.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The encoding of a text file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8; `bom` when the file starts with EF BB BF.
    Utf8 { bom: bool },
    /// UTF-16 little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian, with a byte-order mark.
    Utf16Be,
    /// Windows-1252 (the bytes are not valid UTF-8).
    Windows1252,
}

/// Finds the encoding from the start of the file (`head`) and, when there is no byte-order mark, by checking that
/// the whole file is valid UTF-8 (reading it in blocks, never holding it all).
pub(crate) fn sniff(path: &Path, head: &[u8]) -> io::Result<Encoding> {
    if head.starts_with(&[0xFF, 0xFE]) {
        return Ok(Encoding::Utf16Le);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return Ok(Encoding::Utf16Be);
    }
    let bom = head.starts_with(&[0xEF, 0xBB, 0xBF]);
    if is_utf8(File::open(path)?)? {
        Ok(Encoding::Utf8 { bom })
    } else {
        Ok(Encoding::Windows1252)
    }
}

/// Whether everything `reader` yields is valid UTF-8.
fn is_utf8(mut reader: impl Read) -> io::Result<bool> {
    let mut buf = vec![0u8; 1 << 16];
    let mut carry = 0usize;
    loop {
        let Some(space) = buf.get_mut(carry..) else { return Ok(false) };
        let n = match reader.read(space) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let filled = carry + n;
        let Some(chunk) = buf.get(..filled) else { return Ok(false) };
        if n == 0 {
            // End: any carried bytes are an incomplete sequence.
            return Ok(carry == 0);
        }
        match std::str::from_utf8(chunk) {
            Ok(_) => carry = 0,
            Err(e) if e.error_len().is_none() => {
                // An incomplete sequence at the end of the block: carry it into the next block.
                let valid = e.valid_up_to();
                buf.copy_within(valid..filled, 0);
                carry = filled - valid;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// Decodes a whole file that is not UTF-8 (or is UTF-16) into a string.
pub(crate) fn decode_all(bytes: &[u8], encoding: Encoding) -> String {
    match encoding {
        Encoding::Utf8 { .. } => encoding_rs::UTF_8.decode_with_bom_removal(bytes).0.into_owned(),
        Encoding::Utf16Le => encoding_rs::UTF_16LE.decode_with_bom_removal(bytes).0.into_owned(),
        Encoding::Utf16Be => encoding_rs::UTF_16BE.decode_with_bom_removal(bytes).0.into_owned(),
        Encoding::Windows1252 => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_across_blocks() {
        // A two-byte character straddling the 64 KiB block boundary is still valid.
        let mut bytes = vec![b'a'; (1 << 16) - 1];
        bytes.extend_from_slice("é".as_bytes());
        bytes.extend_from_slice(b"tail");
        assert!(is_utf8(bytes.as_slice()).unwrap_or(false));
        // A lone continuation byte is not.
        bytes.push(0xA3);
        assert!(!is_utf8(bytes.as_slice()).unwrap_or(true));
        // A truncated sequence at the very end is not.
        assert!(!is_utf8(&[b'a', 0xC3][..]).unwrap_or(true));
    }

    #[test]
    fn decodes_1252() {
        assert_eq!(decode_all(&[0xA3, b'5', b' ', 0xE9], Encoding::Windows1252), "£5 é");
        assert_eq!(decode_all(&[0xFF, 0xFE, b'a', 0, b'b', 0], Encoding::Utf16Le), "ab");
    }
}
