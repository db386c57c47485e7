//! An xlsx file as calamine is given it: the same zip archive, except that its large deflated parts (the sheets,
//! the shared strings) appear stored, their bytes inflated on a thread of their own as calamine reads them.
//!
//! Inflating is about a tenth of calamine's work on a large sheet, and calamine does it on the thread that parses
//! the XML, the one every other thread waits for. Here it runs beside it. The archive is rebuilt on the fly, in
//! memory only for its headers (a few kilobytes): a local header, the data and a central directory entry for each
//! part, in the original order. Small parts are copied from the file as they are. When the file is not a plain
//! zip this can rebuild (zip64, encryption, unusual methods, thousands of parts), calamine reads the file itself.
//!
//! The one number calamine trusts to size memory, the shared-strings table's `uniqueCount` (it reserves that many
//! strings before reading one), is checked against what the part could hold: at least 5 bytes a string (`<si/>`),
//! in a part no larger than it says, nor than its compressed bytes could inflate to. A count beyond that (say
//! 4,294,967,295 in a small file, which would ask for about 100 GB) is rewritten to zeros in the stream calamine
//! reads, with the part's checksum adjusted, so the table grows with the strings actually there and the figures
//! are those of the same file with an honest count. The check reads the first 4 KiB of the part, nothing more.
//!
//! ```no_run
//! # fn main() -> std::io::Result<()> {
//! use std::io::Read;
//! let mut zip = wres_wdes::read::Inflated::open(std::path::Path::new("staff.xlsx"))?;
//! let mut start = [0u8; 4];
//! zip.read_exact(&mut start)?;
//! assert_eq!(&start, b"PK\x03\x04");
//! # Ok(())
//! # }
//! ```

use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use zip::CompressionMethod;

/// Parts this size or larger (uncompressed) are inflated on their own thread.
const INFLATE_FROM: u64 = 1 << 20;
/// The pieces an inflating thread hands over.
const CHUNK: usize = 1 << 16;
/// The largest archive rebuilt: offsets and sizes stay below zip64's.
const LARGEST: u64 = u32::MAX as u64 - 1;
/// Zeros before the central directory of a rebuilt archive (more than the kilobyte a zip reader reads from the end
/// to find it).
const GAP: u64 = 4096;
/// How much of the shared-strings part is read for its `<sst>` tag.
const SST_HEAD: u64 = 4096;
/// The fewest bytes a shared string takes (`<si/>`).
const SMALLEST_STRING: u64 = 5;
/// The most deflate can inflate one byte to (about 1032:1), bounding a part's true size by its compressed size.
const DEFLATE_RATIO: u64 = 1032;

/// Bytes of a part replaced in the stream calamine reads, and the part's checksum with them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Patch {
    /// Why (for the message when the archive cannot be rewritten).
    reason: &'static str,
    /// The part (its index in the archive).
    index: usize,
    /// Where in the part's inflated bytes each replacement starts, and the bytes (as long as those replaced).
    edits: Vec<(u64, Vec<u8>)>,
    /// The part's CRC-32 with the replacements.
    crc: u32,
}

/// Where a stretch of the rebuilt archive comes from.
#[derive(Debug, Clone)]
enum Source {
    /// Headers written here.
    Bytes(Vec<u8>),
    /// The same bytes of the original file, from this offset.
    Raw(u64),
    /// A part's inflated bytes: its index in the original archive.
    Inflate(usize),
}

/// A stretch of the rebuilt archive.
#[derive(Debug, Clone)]
struct Segment {
    start: u64,
    len: u64,
    source: Source,
}

/// A part being inflated: what its thread sends, and how far into it the reader is.
struct Stream {
    index: usize,
    /// The offset (in the part) of the first byte of `chunk`.
    chunk_start: u64,
    chunk: Vec<u8>,
    from_thread: Receiver<io::Result<Vec<u8>>>,
    /// Chunks read go back to be filled again (a new one each time costs its pages' faults).
    to_thread: SyncSender<Vec<u8>>,
}

/// A check made on a part's bytes as they are inflated for calamine, before calamine sees them.
#[derive(Debug, Clone)]
enum Watch {
    /// An ods's content.xml: what calamine will build from it must fit the file's allowance (`read::ods_guard`).
    Content,
    /// A part of xlsb records: none may claim more bytes than the part holds (`read::xlsb_guard`).
    Records { holds: u64 },
}

/// The rebuilt archive, readable and seekable as a file (see the module).
pub struct Inflated {
    path: PathBuf,
    file: File,
    segments: Vec<Segment>,
    pos: u64,
    stream: Option<Stream>,
    patches: Vec<Patch>,
    watches: Vec<(usize, Watch)>,
    refusal: Refusal,
}

/// Why a part was stopped as calamine read it (a check refused it), for the message: calamine reports the error it
/// met reading the part in its own words, wrapped in its own.
#[derive(Debug, Clone, Default)]
pub(crate) struct Refusal(Arc<Mutex<Option<String>>>);

impl Refusal {
    /// The reason, once.
    pub(crate) fn take(&self) -> Option<String> {
        self.0.lock().ok()?.take()
    }

    fn set(&self, why: &str) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(why.to_string());
        }
    }
}

impl Inflated {
    /// Opens `path`; the archive is rebuilt when it can be, else the file is read as it is. What calamine would
    /// misread is rewritten or checked as it is read (see the module); an archive holding something to rewrite
    /// that cannot be rebuilt is an error of kind `InvalidData`, and so is an ods whose content would take more
    /// memory than the file could need.
    pub fn open(path: &Path) -> io::Result<Inflated> {
        let file = File::open(path)?;
        let original = file.metadata()?.len();
        let (patches, watches) = checks(&file);
        let segments = match (layout(&file, &patches, &watches), patches.first()) {
            (Some(segments), _) => segments,
            (None, None) => {
                check_now(path, &watches)?;
                vec![Segment { start: 0, len: original, source: Source::Raw(0) }]
            }
            (None, Some(patch)) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}, and the archive is not one that can be rewritten", patch.reason),
                ))
            }
        };
        let refusal = Refusal::default();
        Ok(Inflated { path: path.to_path_buf(), file, segments, pos: 0, stream: None, patches, watches, refusal })
    }

    /// Where the reason goes when a part is stopped as calamine reads it (see [`Refusal`]).
    pub(crate) fn refusal(&self) -> Refusal {
        self.refusal.clone()
    }

    /// Whether any part is inflated on its own thread (else this reads the file as it is).
    pub fn rebuilt(&self) -> bool {
        self.segments.iter().any(|s| matches!(s.source, Source::Inflate(_)))
    }

    /// Reads from the part `index`, at `offset` into it.
    fn read_inflated(&mut self, index: usize, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let restart = match &self.stream {
            Some(s) => s.index != index || offset < s.chunk_start,
            None => true,
        };
        if restart {
            let patch = self.patches.iter().find(|p| p.index == index).cloned();
            let watch = self.watches.iter().find(|(i, _)| *i == index).map(|(_, w)| w.clone());
            self.stream = Some(start_inflating(&self.path, index, patch, watch, self.refusal.clone()));
        }
        let Some(stream) = self.stream.as_mut() else { return Ok(0) };
        // Forward to the chunk holding `offset` (a seek ahead skips; a seek back started again above).
        while offset >= stream.chunk_start + stream.chunk.len() as u64 {
            stream.chunk_start += stream.chunk.len() as u64;
            let next = match stream.from_thread.recv() {
                Ok(Ok(chunk)) => chunk,
                Ok(Err(e)) => return Err(e),
                // The part ended (its length is known from the archive: a short part is reported by the zip reader).
                Err(_) => return Ok(0),
            };
            let _ = stream.to_thread.try_send(std::mem::replace(&mut stream.chunk, next));
            if stream.chunk.is_empty() {
                return Ok(0);
            }
        }
        let at = usize::try_from(offset - stream.chunk_start).unwrap_or(usize::MAX);
        let available = stream.chunk.get(at..).unwrap_or(&[]);
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        Ok(n)
    }
}

impl Read for Inflated {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let pos = self.pos;
        // The stretch holding `pos` (they are in order and end to end).
        let i = self.segments.partition_point(|s| s.start + s.len <= pos);
        let Some(segment) = self.segments.get(i) else { return Ok(0) };
        let within = pos - segment.start;
        let room = usize::try_from(segment.len - within).unwrap_or(usize::MAX).min(buf.len());
        let buf = &mut buf[..room];
        let n = match &segment.source {
            Source::Bytes(bytes) => {
                let from = bytes.get(usize::try_from(within).unwrap_or(usize::MAX)..).unwrap_or(&[]);
                let n = from.len().min(buf.len());
                buf[..n].copy_from_slice(&from[..n]);
                n
            }
            Source::Raw(offset) => {
                self.file.seek(SeekFrom::Start(offset + within))?;
                self.file.read(buf)?
            }
            Source::Inflate(index) => {
                let index = *index;
                self.read_inflated(index, within, buf)?
            }
        };
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Inflated {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(p) => Some(p),
            SeekFrom::End(d) => self.segments.last().map_or(0, |s| s.start + s.len).checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        let Some(target) = target else {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "a seek before the start of the archive"));
        };
        self.pos = target;
        Ok(target)
    }
}

/// Starts a thread inflating the part `index` of the archive at `path`, with `patch` applied and `watch` made.
fn start_inflating(path: &Path, index: usize, patch: Option<Patch>, watch: Option<Watch>, refusal: Refusal) -> Stream {
    let (to_reader, from_thread) = sync_channel(2);
    let (to_thread, spent) = sync_channel::<Vec<u8>>(4);
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let sent = super::guard::catching(&path, || {
            let fail = |e: &dyn std::fmt::Display| crate::error::Error::io(format!("{e}"));
            let file = File::open(&path).map_err(|e| fail(&e))?;
            let mut archive = zip::ZipArchive::new(BufReader::with_capacity(CHUNK, file)).map_err(|e| fail(&e))?;
            let mut part = archive.by_index(index).map_err(|e| fail(&e))?;
            if let Some(Watch::Content) = watch {
                let mut send = |stretch: Vec<u8>| to_reader.send(Ok(stretch)).is_ok();
                return super::ods_guard::vet(&mut part, &mut send).map_err(|why| refused(&why));
            }
            let mut records = match watch {
                Some(Watch::Records { holds }) => Some(super::xlsb_guard::RecordCheck::new(holds)),
                _ => None,
            };
            let name = String::from_utf8_lossy(part.name_raw()).into_owned();
            let mut offset = 0u64;
            loop {
                let mut chunk = spent.try_recv().unwrap_or_default();
                chunk.clear();
                (&mut part).take(CHUNK as u64).read_to_end(&mut chunk).map_err(|e| fail(&e))?;
                if let Some(patch) = &patch {
                    apply(patch, offset, &mut chunk);
                }
                if let Some(records) = records.as_mut() {
                    records.feed(&chunk).map_err(|why| refused(&format!("{name}: {why}")))?;
                }
                offset += chunk.len() as u64;
                let last = chunk.len() < CHUNK;
                // The reader hung up: it wants no more of this part.
                if to_reader.send(Ok(chunk)).is_err() || last {
                    return Ok(());
                }
            }
        });
        if let Err(e) = sent {
            let kind = match e.message().strip_prefix(REFUSED) {
                Some(why) => {
                    refusal.set(why);
                    io::ErrorKind::InvalidData
                }
                None => io::ErrorKind::Other,
            };
            let message = e.message().trim_start_matches(REFUSED).to_string();
            let _ = to_reader.send(Err(io::Error::new(kind, message)));
        }
    });
    Stream { index, chunk_start: 0, chunk: Vec::new(), from_thread, to_thread }
}

/// Marks a refusal (a part that would make calamine take more than the file could need) among the thread's errors.
const REFUSED: &str = "refused: ";

fn refused(why: &str) -> crate::error::Error {
    crate::error::Error::io(format!("{REFUSED}{why}"))
}

/// Makes now the checks of parts of an archive calamine reads as it is (not rebuilt): an ods's content is read
/// through once first. (A part of xlsb records is not: the most calamine can be asked for there is 256 MB.)
fn check_now(path: &Path, watches: &[(usize, Watch)]) -> io::Result<()> {
    for (index, watch) in watches {
        if let Watch::Content = watch {
            let mut archive = zip::ZipArchive::new(BufReader::new(File::open(path)?)).map_err(io::Error::other)?;
            let mut part = archive.by_index(*index).map_err(io::Error::other)?;
            super::ods_guard::vet(&mut part, &mut |_| true)
                .map_err(|why| io::Error::new(io::ErrorKind::InvalidData, why))?;
        }
    }
    Ok(())
}

/// Writes the edits of `patch` that fall in `chunk` (the part's bytes from `offset`) over it.
fn apply(patch: &Patch, offset: u64, chunk: &mut [u8]) {
    for (at, bytes) in &patch.edits {
        for (i, byte) in bytes.iter().enumerate() {
            let slot = (at + i as u64)
                .checked_sub(offset)
                .and_then(|k| usize::try_from(k).ok())
                .and_then(|k| chunk.get_mut(k));
            if let Some(slot) = slot {
                *slot = *byte;
            }
        }
    }
}

/// What a workbook needs rewritten or checked as calamine reads it: each shared-strings part whose `<sst>` tag
/// claims more strings (`uniqueCount` or `count`) than the part could hold gets those numbers rewritten to zeros;
/// an xlsb's workbook part loses its defined names' formulas and its references to sheets (`read::xlsb_guard`);
/// an xlsb's parts of records and an ods's content are checked as they are read.
fn checks(file: &File) -> (Vec<Patch>, Vec<(usize, Watch)>) {
    let Ok(mut archive) = zip::ZipArchive::new(BufReader::new(file)) else { return (Vec::new(), Vec::new()) };
    let mut patches = Vec::new();
    let mut watches = Vec::new();
    let names: Vec<Vec<u8>> = archive.file_names_raw().map(|n| n.to_ascii_lowercase()).collect();
    let xlsb = names.iter().any(|n| n == b"xl/workbook.bin");
    let ods = !names.iter().any(|n| n == b"xl/workbook.xml") && names.iter().any(|n| n == b"content.xml");
    for (index, name) in names.iter().enumerate() {
        if name.ends_with(b"sharedstrings.xml") {
            patches.extend(shared_strings_patch(&mut archive, index));
        } else if ods && name == b"content.xml" {
            watches.push((index, Watch::Content));
        } else if xlsb && name.starts_with(b"xl/") && name.ends_with(b".bin") && !name.ends_with(b"vbaproject.bin") {
            let Ok(part) = archive.by_index_raw(index) else { continue };
            let holds =
                part.size().min(part.compressed_size().saturating_mul(DEFLATE_RATIO).saturating_add(CHUNK as u64));
            drop(part);
            watches.push((index, Watch::Records { holds }));
            if name == b"xl/workbook.bin" {
                patches.extend(workbook_patch(&mut archive, index));
            }
        }
    }
    (patches, watches)
}

/// The patch of a shared-strings part whose `<sst>` tag claims more strings than the part could hold.
fn shared_strings_patch(archive: &mut zip::ZipArchive<BufReader<&File>>, index: usize) -> Option<Patch> {
    let mut part = archive.by_index(index).ok()?;
    let (size, compressed, mut crc) = (part.size(), part.compressed_size(), part.crc32());
    let holds = size.min(compressed.saturating_mul(DEFLATE_RATIO).saturating_add(SST_HEAD));
    let mut head = Vec::new();
    (&mut part).take(SST_HEAD).read_to_end(&mut head).ok()?;
    let mut edits = Vec::new();
    for (at, len) in implausible_counts(&head, holds / SMALLEST_STRING) {
        let Some(old) = head.get(at..at + len) else { continue };
        let zeros = vec![b'0'; len];
        crc = patched_crc(crc, size, at as u64, old, &zeros);
        edits.push((at as u64, zeros));
    }
    let reason = "its shared-strings table claims more strings than it could hold";
    (!edits.is_empty()).then_some(Patch { reason, index, edits, crc })
}

/// The patch of an xlsb's workbook part: its defined names' formulas cut, its references to sheets emptied.
fn workbook_patch(archive: &mut zip::ZipArchive<BufReader<&File>>, index: usize) -> Option<Patch> {
    let mut part = archive.by_index(index).ok()?;
    let mut bytes = Vec::new();
    part.read_to_end(&mut bytes).ok()?;
    let edits = super::xlsb_guard::workbook_edits(&bytes);
    for (at, new) in &edits {
        let at = usize::try_from(*at).ok()?;
        bytes.get_mut(at..at + new.len())?.copy_from_slice(new);
    }
    let reason = "its defined names hold formulas whose text would have to be written out";
    (!edits.is_empty()).then(|| Patch { reason, index, edits, crc: crc32fast::hash(&bytes) })
}

/// Where the digits of the `<sst>` tag's `uniqueCount` and `count` are (offset, length) when they exceed `most`.
fn implausible_counts(head: &[u8], most: u64) -> Vec<(usize, usize)> {
    let Some(tag) = sst_tag(head) else { return Vec::new() };
    let mut out = Vec::new();
    for name in [&b"uniqueCount"[..], b"count"] {
        let Some((at, digits)) = attribute(head, tag.clone(), name) else { continue };
        // Digits only (as calamine parses them); too many for a number is too many strings.
        let value = std::str::from_utf8(digits).ok().and_then(|d| d.parse::<u64>().ok()).unwrap_or(u64::MAX);
        if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) && value > most {
            out.push((at, digits.len()));
        }
    }
    out.sort_unstable();
    out
}

/// The bytes of the first `<sst ...>` start tag (any namespace prefix), without the `<` and `>`.
fn sst_tag(head: &[u8]) -> Option<std::ops::Range<usize>> {
    let mut from = 0;
    while let Some(lt) = memchr::memchr(b'<', head.get(from..)?) {
        let start = from + lt + 1;
        let rest = head.get(start..)?;
        let name_len = rest.iter().position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')?;
        let name = rest.get(..name_len)?;
        let local = name.rsplit(|b| *b == b':').next().unwrap_or(name);
        if local == b"sst" {
            let end = start + memchr::memchr(b'>', rest)?;
            return Some(start..end);
        }
        from = start;
    }
    None
}

/// The offset and bytes of the value of attribute `name` within the tag `tag` of `head`.
fn attribute<'h>(head: &'h [u8], tag: std::ops::Range<usize>, name: &[u8]) -> Option<(usize, &'h [u8])> {
    let bytes = head.get(tag.clone())?;
    let mut i = 0;
    while i < bytes.len() {
        // An attribute starts after white space.
        let starts = i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_whitespace);
        if starts && bytes.get(i..i + name.len()) == Some(name) {
            let mut j = i + name.len();
            while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                let quote = *bytes.get(j).filter(|q| **q == b'"' || **q == b'\'')?;
                let value = bytes.get(j + 1..)?;
                let len = memchr::memchr(quote, value)?;
                return Some((tag.start + j + 1, value.get(..len)?));
            }
        }
        i += 1;
    }
    None
}

/// The CRC-32 of a part of `size` bytes whose CRC is `crc`, once the bytes `old` at `at` are replaced by `new` (of
/// the same length), without reading the rest of the part: CRC-32 is linear, so replacing a head changes the CRC
/// of the whole by the difference of the heads' CRCs carried over the length after them.
fn patched_crc(crc: u32, size: u64, at: u64, old: &[u8], new: &[u8]) -> u32 {
    let head_len = at + old.len() as u64;
    let after = size.saturating_sub(head_len);
    let carried = |replaced: &[u8]| {
        let mut head = crc32fast::Hasher::new();
        head.update(&vec![0u8; usize::try_from(at).unwrap_or(0)]);
        head.update(replaced);
        let mut whole = crc32fast::Hasher::new_with_initial_len(head.finalize(), head_len);
        whole.combine(&crc32fast::Hasher::new_with_initial_len(0, after));
        whole.finalize()
    };
    crc ^ carried(old) ^ carried(new)
}

/// The rebuilt archive's stretches, or `None` when it is better read as it is.
fn layout(file: &File, patches: &[Patch], watches: &[(usize, Watch)]) -> Option<Vec<Segment>> {
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).ok()?;
    let count = u16::try_from(archive.len()).ok().filter(|n| *n <= 10_000)?;
    let mut segments = Vec::new();
    let mut central = Vec::new();
    let mut at = 0u64;
    let mut any = false;
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).ok()?;
        let method = part.compression();
        if part.encrypted() || !matches!(method, CompressionMethod::Stored | CompressionMethod::Deflated) {
            return None;
        }
        let name = part.name_raw().to_vec();
        let (mut crc, size, compressed) = (part.crc32(), part.size(), part.compressed_size());
        let patch = patches.iter().find(|p| p.index == index);
        // A patched or watched part is served through the inflating thread, which applies the patch and makes the
        // check (stored or not).
        let watched = watches.iter().any(|(i, _)| *i == index);
        let inflate = (method == CompressionMethod::Deflated && size >= INFLATE_FROM) || patch.is_some() || watched;
        if let Some(patch) = patch {
            crc = patch.crc;
        }
        any |= inflate;
        let (method, stored) = if inflate { (0u16, size) } else { (method_code(method), compressed) };
        let header = local_header(&name, method, crc, stored, size)?;
        let header_at = at;
        at += header.len() as u64;
        segments.push(Segment { start: header_at, len: header.len() as u64, source: Source::Bytes(header) });
        let data = if inflate { Source::Inflate(index) } else { Source::Raw(part.data_start()?) };
        segments.push(Segment { start: at, len: stored, source: data });
        at = at.checked_add(stored)?;
        central.extend(central_entry(&name, method, crc, stored, size, u32::try_from(header_at).ok()?)?);
        if at > LARGEST {
            return None;
        }
    }
    if !any {
        return None;
    }
    // Zeros between the last part and the central directory: a zip reader finds the end of the archive by reading
    // its last kilobyte, which must not start a part inflating (nor, for a part refused, fail there).
    segments.push(Segment { start: at, len: GAP, source: Source::Bytes(vec![0; GAP as usize]) });
    at += GAP;
    let mut end = Vec::with_capacity(22);
    end.extend(0x0605_4b50u32.to_le_bytes());
    end.extend([0u8; 4]);
    end.extend(count.to_le_bytes());
    end.extend(count.to_le_bytes());
    end.extend(u32::try_from(central.len()).ok()?.to_le_bytes());
    end.extend(u32::try_from(at).ok()?.to_le_bytes());
    end.extend([0u8; 2]);
    central.extend(end);
    segments.push(Segment { start: at, len: central.len() as u64, source: Source::Bytes(central) });
    (at + segments.last().map_or(0, |s| s.len) <= LARGEST).then_some(segments)
}

fn method_code(method: CompressionMethod) -> u16 {
    if method == CompressionMethod::Deflated {
        8
    } else {
        0
    }
}

/// General purpose flags: names in UTF-8 when they are not plain ASCII.
fn flags(name: &[u8]) -> u16 {
    if name.is_ascii() {
        0
    } else {
        1 << 11
    }
}

/// The fields a local header and a central directory entry share, from the flags to the name's length: 1 January
/// 1980 as the date.
fn shared_fields(out: &mut Vec<u8>, name: &[u8], method: u16, crc: u32, stored: u64, size: u64) -> Option<()> {
    out.extend(flags(name).to_le_bytes());
    out.extend(method.to_le_bytes());
    out.extend([0u8, 0, 0x21, 0]);
    out.extend(crc.to_le_bytes());
    out.extend(u32::try_from(stored).ok()?.to_le_bytes());
    out.extend(u32::try_from(size).ok()?.to_le_bytes());
    out.extend(u16::try_from(name.len()).ok()?.to_le_bytes());
    Some(())
}

/// A local file header (no extra field).
fn local_header(name: &[u8], method: u16, crc: u32, stored: u64, size: u64) -> Option<Vec<u8>> {
    let mut h = Vec::with_capacity(30 + name.len());
    h.extend(0x0403_4b50u32.to_le_bytes());
    h.extend(20u16.to_le_bytes());
    shared_fields(&mut h, name, method, crc, stored, size)?;
    h.extend(0u16.to_le_bytes());
    h.extend(name);
    Some(h)
}

/// A central directory entry (no extra field, no comment, no attributes).
fn central_entry(name: &[u8], method: u16, crc: u32, stored: u64, size: u64, header_at: u32) -> Option<Vec<u8>> {
    let mut c = Vec::with_capacity(46 + name.len());
    c.extend(0x0201_4b50u32.to_le_bytes());
    c.extend(20u16.to_le_bytes());
    c.extend(20u16.to_le_bytes());
    shared_fields(&mut c, name, method, crc, stored, size)?;
    c.extend([0u8; 12]);
    c.extend(header_at.to_le_bytes());
    c.extend(name);
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    /// A workbook whose sheet is well over the size inflated on its own thread, and a small second sheet.
    fn workbook(dir: &Path) -> PathBuf {
        let path = dir.join("big.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for row in 0..30_000u32 {
            sheet.write(row, 0, format!("person {row}")).expect("write");
            sheet.write(row, 1, f64::from(row) / 4.0).expect("write");
        }
        book.add_worksheet().write(0, 0, "small").expect("write");
        book.save(&path).expect("save");
        path
    }

    fn cells<RS: Read + Seek>(book: &mut Xlsx<RS>) -> Vec<Vec<(u32, u32, Data)>> {
        let names = book.sheet_names().to_vec();
        names
            .iter()
            .map(|name| {
                let range = book.worksheet_range(name).expect("the sheet reads");
                range.cells().map(|(r, c, v)| (r as u32, c as u32, v.clone())).collect()
            })
            .collect()
    }

    #[test]
    fn calamine_reads_the_rebuilt_archive_as_it_reads_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = workbook(dir.path());
        let rebuilt = Inflated::open(&path).expect("opens");
        assert!(rebuilt.rebuilt(), "the big sheet is inflated on its own thread");
        let mut through = Xlsx::new(rebuilt).expect("calamine opens the rebuilt archive");
        let mut direct: Xlsx<_> = calamine::open_workbook(&path).expect("calamine opens the file");
        let (got, want) = (cells(&mut through), cells(&mut direct));
        assert_eq!(got.first().map(Vec::len), Some(60_000));
        assert_eq!(got, want);
        // A sheet read a second time starts its inflating again.
        assert_eq!(cells(&mut through), want);
    }

    #[test]
    fn a_seek_back_into_an_inflated_part_starts_it_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = workbook(dir.path());
        let mut zip = Inflated::open(&path).expect("opens");
        let (start, len) = zip
            .segments
            .iter()
            .find(|s| matches!(s.source, Source::Inflate(_)))
            .map(|s| (s.start, s.len))
            .expect("an inflated part");
        let read_at = |zip: &mut Inflated, at: u64| {
            zip.seek(SeekFrom::Start(at)).expect("seeks");
            let mut four = [0u8; 4];
            zip.read_exact(&mut four).expect("reads");
            four
        };
        let late = read_at(&mut zip, start + len - 4);
        let early = read_at(&mut zip, start);
        assert_eq!(&early, b"<?xm");
        assert_eq!(read_at(&mut zip, start + len - 4), late);
        assert_eq!(&late, b"eet>", "the sheet ends with </worksheet>");
    }

    #[test]
    fn a_patched_crc_is_the_crc_of_the_patched_bytes() {
        let mut bytes: Vec<u8> = (0..100_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        let crc = crc32fast::hash(&bytes);
        let (at, new) = (37usize, b"0000000000");
        let old = bytes[at..at + new.len()].to_vec();
        let patched = patched_crc(crc, bytes.len() as u64, at as u64, &old, new);
        bytes[at..at + new.len()].copy_from_slice(new);
        assert_eq!(patched, crc32fast::hash(&bytes));
    }

    #[test]
    fn only_counts_beyond_what_the_part_could_hold_are_found() {
        let head = br#"<?xml version="1.0"?><x:sst xmlns:x="urn" count = '4294967295' uniqueCount="12"><x:si>"#;
        let found = implausible_counts(head, 1000);
        assert_eq!(found.len(), 1);
        let (at, len) = found[0];
        assert_eq!(&head[at..at + len], b"4294967295");
        assert!(implausible_counts(head, u64::MAX).is_empty());
        let both = br#"<sst uniqueCount="99999999999999999999999" count="7000">"#;
        assert_eq!(implausible_counts(both, 10).len(), 2);
        assert!(implausible_counts(b"<sheetData count=\"99999\">", 1).is_empty(), "another tag");
    }

    /// A workbook whose shared-strings table (deflated, and large enough to be inflated on its own thread, or
    /// small and stored) claims `count` strings.
    fn with_count(dir: &Path, name: &str, count: &str, strings: usize) -> PathBuf {
        let path = dir.join(name);
        let file = File::create(&path).expect("create");
        let mut zip = zip::ZipWriter::new(file);
        let deflated = zip::write::SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let parts = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>".to_string()),
            ("_rels/.rels", format!("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")),
            ("xl/workbook.xml", format!("<workbook xmlns=\"{ns}\" xmlns:r=\"{rel}\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
            ("xl/_rels/workbook.xml.rels", format!("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"{rel}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>")),
            ("xl/sharedStrings.xml", format!("<sst xmlns=\"{ns}\" count=\"{count}\" uniqueCount=\"{count}\">{}</sst>", (0..strings).map(|i| format!("<si><t>text {i}</t></si>")).collect::<String>())),
            ("xl/worksheets/sheet1.xml", format!("<worksheet xmlns=\"{ns}\"><sheetData>{}</sheetData></worksheet>", (0..strings.min(50)).map(|i| format!("<row r=\"{}\"><c r=\"A{}\" t=\"s\"><v>{}</v></c></row>", i + 1, i + 1, strings - 1 - i)).collect::<String>())),
        ];
        for (name, text) in parts {
            let options =
                if strings > 1000 { deflated } else { deflated.compression_method(CompressionMethod::Stored) };
            zip.start_file(name, options).expect("start");
            std::io::Write::write_all(&mut zip, text.as_bytes()).expect("write");
        }
        zip.finish().expect("finish");
        path
    }

    #[test]
    fn a_shared_strings_count_bomb_reads_as_the_honest_count() {
        let dir = tempfile::tempdir().expect("temp dir");
        for strings in [6, 60_000] {
            let honest = with_count(dir.path(), "honest.xlsx", &strings.to_string(), strings);
            let bomb = with_count(dir.path(), "bomb.xlsx", "4294967295", strings);
            let rebuilt = Inflated::open(&bomb).expect("opens");
            assert_eq!(rebuilt.patches.len(), 1, "{strings} strings");
            assert!(Inflated::open(&honest).expect("opens").patches.is_empty());
            let mut through = Xlsx::new(rebuilt).expect("calamine opens the rewritten archive");
            let mut direct: Xlsx<_> = calamine::open_workbook(&honest).expect("calamine opens the honest one");
            let got = cells(&mut through);
            assert_eq!(got, cells(&mut direct), "{strings} strings");
            assert_eq!(got[0][0].2, Data::String(format!("text {}", strings - 1)));
        }
    }

    #[test]
    fn a_file_that_is_not_a_zip_is_read_as_it_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("not.xlsx");
        std::fs::write(&path, b"name,ethnicity\n").expect("write");
        let mut zip = Inflated::open(&path).expect("opens");
        assert!(!zip.rebuilt());
        let mut all = String::new();
        zip.read_to_string(&mut all).expect("reads");
        assert_eq!(all, "name,ethnicity\n");
    }

    #[test]
    fn a_damaged_part_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = workbook(dir.path());
        let mut bytes = std::fs::read(&path).expect("read");
        let sheet = {
            let zip = Inflated::open(&path).expect("opens");
            let inflated = zip.segments.iter().position(|s| matches!(s.source, Source::Inflate(_)));
            let index = inflated.and_then(|i| match zip.segments[i].source {
                Source::Inflate(index) => Some(index),
                _ => None,
            });
            let mut archive = zip::ZipArchive::new(File::open(&path).expect("open")).expect("a zip");
            let part = archive.by_index_raw(index.expect("an inflated part")).expect("the part");
            (part.data_start().expect("its data"), part.compressed_size())
        };
        let middle = usize::try_from(sheet.0 + sheet.1 / 2).expect("small");
        bytes[middle..middle + 64].iter_mut().for_each(|b| *b ^= 0x5A);
        let damaged = dir.path().join("damaged.xlsx");
        std::fs::write(&damaged, &bytes).expect("write");
        let mut book = Xlsx::new(Inflated::open(&damaged).expect("opens")).expect("the headers are intact");
        let name = book.sheet_names()[0].clone();
        assert!(book.worksheet_range(&name).is_err(), "the damaged sheet is reported");
    }
}
