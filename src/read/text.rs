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
    if let Some(encoding) = utf16(head) {
        return Ok(encoding);
    }
    Ok(from_validity(head, is_utf8(File::open(path)?)?))
}

/// UTF-16, when the file starts with its byte-order mark.
pub(crate) fn utf16(head: &[u8]) -> Option<Encoding> {
    if head.starts_with(&[0xFF, 0xFE]) {
        Some(Encoding::Utf16Le)
    } else if head.starts_with(&[0xFE, 0xFF]) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// The encoding of a file without a UTF-16 byte-order mark, from whether it is all valid UTF-8.
pub(crate) fn from_validity(head: &[u8], valid_utf8: bool) -> Encoding {
    if valid_utf8 {
        Encoding::Utf8 { bom: head.starts_with(&[0xEF, 0xBB, 0xBF]) }
    } else {
        Encoding::Windows1252
    }
}

/// Whether an ASCII byte is white space as `char::is_whitespace` has it (tab to carriage return, and space: with
/// the vertical tab, which `u8::is_ascii_whitespace` leaves out), so that trimming ASCII bytes is `str::trim`.
///
/// ```
/// use wres_wdes::read::is_ascii_space;
/// assert!(is_ascii_space(&b'\x0b') && is_ascii_space(&b' ') && !is_ascii_space(&b'a'));
/// ```
pub fn is_ascii_space(byte: &u8) -> bool {
    matches!(byte, b' ' | b'\t'..=b'\r')
}

/// Whether everything `reader` yields is valid UTF-8.
pub(crate) fn is_utf8(mut reader: impl Read) -> io::Result<bool> {
    let mut buf = vec![0u8; 1 << 16];
    let mut check = Utf8Check::default();
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => return Ok(check.finish()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if !check.feed(buf.get(..n).unwrap_or_default()) {
            return Ok(false);
        }
    }
}

/// Whether bytes given block by block are valid UTF-8 together (a character may be split between blocks):
/// `feed(b"caf\xC3")`, `feed(b"\xA9")` and `finish()` are all true.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Utf8Check {
    /// The start of a character the last block ended inside.
    pending: [u8; 4],
    pending_len: usize,
    /// A byte that is not UTF-8 was seen.
    bad: bool,
}

impl Utf8Check {
    /// Checks the next block: `false` once anything given is not UTF-8.
    pub(crate) fn feed(&mut self, mut bytes: &[u8]) -> bool {
        // First the character begun in the block before, byte by byte.
        while self.pending_len > 0 && !self.bad {
            let Some((&byte, rest)) = bytes.split_first() else { return true };
            bytes = rest;
            match self.pending.get_mut(self.pending_len) {
                Some(slot) => *slot = byte,
                None => self.bad = true,
            }
            self.pending_len += 1;
            match std::str::from_utf8(self.pending.get(..self.pending_len).unwrap_or_default()) {
                Ok(_) => self.pending_len = 0,
                Err(e) if e.error_len().is_none() => {}
                Err(_) => self.bad = true,
            }
        }
        if self.bad {
            return false;
        }
        match std::str::from_utf8(bytes) {
            Ok(_) => {}
            Err(e) if e.error_len().is_none() => {
                // An incomplete character at the end (one to three bytes): finished by the next block.
                let rest = bytes.get(e.valid_up_to()..).unwrap_or_default();
                match self.pending.get_mut(..rest.len()) {
                    Some(slot) => slot.copy_from_slice(rest),
                    None => self.bad = true,
                }
                self.pending_len = rest.len();
            }
            Err(_) => self.bad = true,
        }
        !self.bad
    }

    /// Whether everything given was valid UTF-8, with no character left unfinished.
    pub(crate) fn finish(&self) -> bool {
        !self.bad && self.pending_len == 0
    }
}

/// The encoding of a file without a UTF-16 byte-order mark as far as its first bytes tell: `None` when they are
/// UTF-8 (the rest must then be checked), Windows-1252 when they are not.
pub(crate) fn from_head(head: &[u8]) -> Option<Encoding> {
    match std::str::from_utf8(head) {
        Err(e) if e.error_len().is_some() => Some(Encoding::Windows1252),
        _ => None,
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

/// Decodes a file that is not UTF-8 (or is UTF-16) to UTF-8 as it is read, block by block, so a large
/// Windows-1252 extract is never held whole; what it yields is what [`decode_all`] gives.
pub(crate) struct DecodingReader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    /// Bytes read from `inner` not yet decoded: `input[start..end]`.
    input: Vec<u8>,
    start: usize,
    end: usize,
    /// Decoded bytes not yet handed out: `output[out_start..out_end]`.
    output: Vec<u8>,
    out_start: usize,
    out_end: usize,
    eof: bool,
    finished: bool,
}

impl<R: Read> DecodingReader<R> {
    /// A reader decoding `inner` (read from its start) from `encoding`.
    pub(crate) fn new(inner: R, encoding: Encoding) -> Self {
        let decoder = match encoding {
            Encoding::Utf8 { .. } => encoding_rs::UTF_8.new_decoder_with_bom_removal(),
            Encoding::Utf16Le => encoding_rs::UTF_16LE.new_decoder_with_bom_removal(),
            Encoding::Utf16Be => encoding_rs::UTF_16BE.new_decoder_with_bom_removal(),
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252.new_decoder_without_bom_handling(),
        };
        DecodingReader {
            inner,
            decoder,
            input: vec![0; 1 << 16],
            start: 0,
            end: 0,
            output: vec![0; 3 << 16],
            out_start: 0,
            out_end: 0,
            eof: false,
            finished: false,
        }
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_start == self.out_end && !self.finished {
            if self.start == self.end && !self.eof {
                let n = loop {
                    match self.inner.read(&mut self.input) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    }
                };
                self.start = 0;
                self.end = n;
                self.eof = n == 0;
            }
            let src = self.input.get(self.start..self.end).unwrap_or(&[]);
            let (result, read, written, _) = self.decoder.decode_to_utf8(src, &mut self.output, self.eof);
            self.start += read;
            self.out_start = 0;
            self.out_end = written;
            if self.eof && result == encoding_rs::CoderResult::InputEmpty {
                self.finished = true;
            }
        }
        let ready = self.output.get(self.out_start..self.out_end).unwrap_or(&[]);
        let n = ready.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), ready.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.out_start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    const PIECES: &[&[u8]] =
        &[b"a", b"\n", b"\xC3\xA9", b"\xE2\x82\xAC", b"\xF0\x9F\x98\x80", b"\x80", b"\xC3", b"\xE9", b"\xF0\x9F"];

    proptest::proptest! {
        /// Checking block by block is checking the whole, wherever the blocks are cut.
        #[test]
        fn utf8_check_in_blocks_is_a_check_of_the_whole(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
            cuts in proptest::collection::vec(0usize..200, 0..8),
        ) {
            let bytes: Vec<u8> = pieces.concat();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (bytes.len() + 1)).collect();
            cuts.sort_unstable();
            let mut check = Utf8Check::default();
            let mut from = 0;
            let mut ok = true;
            for cut in cuts.into_iter().chain([bytes.len()]) {
                ok &= check.feed(&bytes[from..cut]);
                from = cut;
            }
            let whole = std::str::from_utf8(&bytes).is_ok();
            proptest::prop_assert_eq!(ok && check.finish(), whole);
            // A false answer is final.
            if !ok {
                proptest::prop_assert!(!whole);
            }
        }
    }

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
    fn decodes_as_it_reads() {
        let mut bytes = vec![0xFF, 0xFE];
        for i in 0..100_000u32 {
            let c = char::from_u32(0x41 + i % 40).unwrap_or('a');
            bytes.extend_from_slice(&(c as u16).to_le_bytes());
        }
        bytes.extend_from_slice(&[0xA3, 0x00]);
        for (bytes, encoding) in [
            (bytes.clone(), Encoding::Utf16Le),
            ((0..200_000u32).map(|i| (i % 251) as u8).collect(), Encoding::Windows1252),
        ] {
            let mut out = String::new();
            DecodingReader::new(bytes.as_slice(), encoding).read_to_string(&mut out).unwrap_or_default();
            assert_eq!(out, decode_all(&bytes, encoding));
        }
    }

    #[test]
    fn decodes_1252() {
        assert_eq!(decode_all(&[0xA3, b'5', b' ', 0xE9], Encoding::Windows1252), "£5 é");
        assert_eq!(decode_all(&[0xFF, 0xFE, b'a', 0, b'b', 0], Encoding::Utf16Le), "ab");
    }
}
