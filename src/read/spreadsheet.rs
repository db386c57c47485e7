//! Workbooks, through calamine: opening (with password-protected files told apart), row sources per sheet, and the
//! choice of sheet (the named one, else the first holding the required fields) plus continuation sheets.
//!
//! xlsx and xlsb sheets are streamed cell by cell (a sheet whose used range reaches XFD1048576 because of one
//! stray cell costs nothing); xls and ods sheets are read whole with `worksheet_range`, calamine's only way.

use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use calamine::{
    DataRef, ExcelDateTime, ExcelDateTimeType, Ods, Range, Reader, SheetType, Xls, XlsError, Xlsb, XlsbError, Xlsx,
    XlsxError,
};

use super::cell::{from_data, from_data_ref};
use super::detect::ENCRYPTED;
use super::inflated::Inflated;
use super::table::{self, place, Candidate, Counts, RawRow, RowSource, Scan};
use super::xls_guard;
use super::{header, Format, Row, TableInfo, TableRequest};
use crate::error::{Error, Result};

/// An open workbook.
pub(crate) enum Book {
    Xlsx(Xlsx<Inflated>),
    Xlsb(Xlsb<Inflated>),
    Xls(Xls<xls_guard::Checked>),
    Ods(Ods<Inflated>),
}

/// What to do with a workbook that could not be read.
const RESAVE: &str = "open it in Excel and save it again, or export the data as CSV";

/// A workbook or sheet calamine could not read: `place` is the file, or the file and sheet; `read_as` what it was
/// read as (`"an xlsx workbook"`), empty for a sheet of a workbook already open.
fn damaged(place: impl std::fmt::Display, read_as: &str, e: impl std::fmt::Display) -> Error {
    let read_as = if read_as.is_empty() { String::new() } else { format!(" as {read_as}") };
    Error::io(format!("{place}: could not be read{read_as} ({e}); the file may be damaged")).with_hint(RESAVE)
}

fn encrypted(path: &Path) -> Error {
    Error::io(format!("{}: {ENCRYPTED}", path.display()))
}

fn not_opened(path: &Path, e: std::io::Error) -> Error {
    Error::io(format!("{}: could not be opened: {e}", path.display()))
}

impl Book {
    /// Opens a zip workbook of a known format, through `read::Inflated` (which rewrites or checks what calamine
    /// would misread).
    pub(crate) fn open_zip(path: &Path, format: Format) -> Result<Book> {
        let what = match format {
            Format::Xlsb => "an xlsb workbook",
            Format::Ods => "an OpenDocument spreadsheet",
            _ => "an xlsx workbook",
        };
        let zip = Inflated::open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::InvalidData => damaged(path.display(), what, e),
            _ => not_opened(path, e),
        })?;
        // A part stopped as calamine read it: its reason, not calamine's wrapping of it.
        let refusal = zip.refusal();
        let fail =
            |e: &dyn std::fmt::Display| damaged(path.display(), what, refusal.take().unwrap_or_else(|| e.to_string()));
        match format {
            Format::Xlsb => match Xlsb::new(zip) {
                Ok(b) => Ok(Book::Xlsb(b)),
                Err(XlsbError::Password) => Err(encrypted(path)),
                Err(e) => Err(fail(&e)),
            },
            Format::Ods => match Ods::new(zip) {
                Ok(b) => Ok(Book::Ods(b)),
                Err(calamine::OdsError::Password) => Err(encrypted(path)),
                Err(e) => Err(fail(&e)),
            },
            _ => match Xlsx::new(zip) {
                Ok(b) => Ok(Book::Xlsx(b)),
                Err(XlsxError::Password) => Err(encrypted(path)),
                Err(e) => Err(fail(&e)),
            },
        }
    }

    /// Opens an OLE compound file: a password-protected xlsx/xlsb (an `EncryptedPackage` inside), else an xls,
    /// checked before calamine reads it (`read::xls_guard`).
    pub(crate) fn open_ole(path: &Path) -> Result<Book> {
        let what = "an Excel 97-2003 (.xls) workbook";
        let checked = match xls_guard::check(path) {
            Ok(xls_guard::Outcome::Workbook(checked)) => checked,
            Ok(xls_guard::Outcome::Encrypted) => return Err(encrypted(path)),
            Err(xls_guard::Refusal::NotOpened(e)) => return Err(not_opened(path, e)),
            Err(xls_guard::Refusal::Damaged(why)) => return Err(damaged(path.display(), what, why)),
        };
        match Xls::new(checked) {
            Ok(b) => Ok(Book::Xls(b)),
            Err(XlsError::Password) => Err(encrypted(path)),
            Err(e) => Err(damaged(path.display(), what, e)),
        }
    }

    /// The format.
    pub(crate) fn format(&self) -> Format {
        match self {
            Book::Xlsx(_) => Format::Xlsx,
            Book::Xlsb(_) => Format::Xlsb,
            Book::Xls(_) => Format::Xls,
            Book::Ods(_) => Format::Ods,
        }
    }

    fn sheets(&self) -> &[calamine::Sheet] {
        match self {
            Book::Xlsx(b) => b.sheets_metadata(),
            Book::Xlsb(b) => b.sheets_metadata(),
            Book::Xls(b) => b.sheets_metadata(),
            Book::Ods(b) => b.sheets_metadata(),
        }
    }

    /// The worksheets' names, in workbook order (chart and macro sheets left out).
    pub(crate) fn worksheet_names(&self) -> Vec<String> {
        self.sheets().iter().filter(|s| s.typ == SheetType::WorkSheet).map(|s| s.name.clone()).collect()
    }

    /// Runs `work` on a row source over one sheet. An xlsx sheet is parsed on a second thread for the length of
    /// `work`.
    pub(crate) fn with_sheet<T>(
        &mut self,
        path: &Path,
        name: &str,
        work: impl FnOnce(&mut dyn RowSource) -> Result<T>,
    ) -> Result<T> {
        let Book::Xlsx(b) = self else {
            let mut source = self.open_sheet(path, name)?;
            return work(source.as_mut());
        };
        let place = place(path, name);
        let is_1904 = b.has_1904_epoch();
        let reader = b.worksheet_cells_reader(name).map_err(|e| damaged(&place, "", e))?;
        std::thread::scope(|scope| {
            let (to_rows, from_reader) = sync_channel(4);
            let (to_reader, spent) = sync_channel(8);
            let reader_place = place.clone();
            scope.spawn(move || read_cells(path, &reader_place, reader, is_1904, &to_rows, &spent));
            let handover = Handover { from_reader, to_reader, batch: Batch::default(), next: 0, ended: false };
            let mut source =
                StreamSource { cells: Cells::Threaded(handover), pending: None, done: false, is_1904, place };
            // Dropping the source when `work` is done hangs up on the reader thread, which then stops.
            work(&mut source)
        })
    }

    /// A row source over one sheet (not xlsx: see [`Book::with_sheet`]).
    fn open_sheet<'a>(&'a mut self, path: &Path, name: &str) -> Result<Box<dyn RowSource + 'a>> {
        let where_ = place(path, name);
        let fail = |e: &dyn std::fmt::Display| damaged(&where_, "", e);
        match self {
            Book::Xlsx(_) => Err(Error::internal(format!("{where_}: an xlsx sheet is read through `with_sheet`"))),
            Book::Xlsb(b) => {
                let is_1904 = b.has_1904_epoch();
                let mut reader = b.worksheet_cells_reader(name).map_err(|e| fail(&e))?;
                let cells = Box::new(move |keep: &dyn Fn(usize) -> bool| match reader.next_cell() {
                    Ok(Some(c)) => Ok(Some(kept(c.get_position(), c.get_value(), keep))),
                    Ok(None) => Ok(None),
                    Err(e) => Err(e.to_string()),
                });
                let cells = Cells::Stream(cells);
                Ok(Box::new(StreamSource { cells, pending: None, done: false, is_1904, place: where_ }))
            }
            Book::Xls(b) => {
                let is_1904 = b.has_1904_epoch();
                let range = b.worksheet_range(name).map_err(|e| fail(&e))?;
                Ok(Box::new(RangeSource::new(range, is_1904)))
            }
            Book::Ods(b) => {
                let range = b.worksheet_range(name).map_err(|e| fail(&e))?;
                Ok(Box::new(RangeSource::new(range, false)))
            }
        }
    }
}

/// The next cell of a streamed sheet: position and value, or calamine's error as text.
type NextCell<'a> = std::result::Result<Option<((u32, u32), DataRef<'a>)>, String>;

/// Yields a sheet's next cell, its value kept only when the column passes the filter.
type CellStream<'a> = Box<dyn FnMut(&dyn Fn(usize) -> bool) -> NextCell<'a> + 'a>;

/// A cell's position and value, the value only when its column is kept (else `Empty`): an inline string is then
/// copied only when it is wanted, and a shared string is only borrowed.
fn kept<'a>(position: (u32, u32), value: &DataRef<'a>, keep: &dyn Fn(usize) -> bool) -> ((u32, u32), DataRef<'a>) {
    match value {
        DataRef::Empty => (position, DataRef::Empty),
        _ if !keep(position.1 as usize) => (position, DataRef::Empty),
        other => (position, other.clone()),
    }
}

/// A sheet's cells: xlsx (the usual case, parsed on a thread of its own and handed over in batches), or another
/// stream.
enum Cells<'a> {
    Threaded(Handover<'a>),
    Stream(CellStream<'a>),
}

impl<'a> Cells<'a> {
    #[inline]
    fn next(&mut self, keep: &dyn Fn(usize) -> bool) -> Result<Option<((u32, u32), DataRef<'a>)>> {
        match self {
            Cells::Threaded(handover) => handover.next(keep),
            Cells::Stream(next) => next(keep).map_err(Error::io),
        }
    }
}

/// How many cells a batch from the reader thread holds (48 KB: under glibc's threshold for mapping a block of its
/// own, so batches are recycled on the heap).
const BATCH: usize = 2048;

/// A cell as the reader thread hands it over: 24 bytes, where calamine's position and value take 40. Nearly every
/// cell of an extract is a shared string or a number; the bytes written on one core and read on the other are
/// what the handover costs (see docs/performance.md).
#[derive(Debug, Clone, Copy)]
enum Handed<'a> {
    /// A shared string.
    Text { row: u32, col: u16, text: &'a str },
    /// A number.
    Number { row: u32, col: u16, value: f64 },
    /// A date or date-time (an Excel serial number, in the workbook's date system).
    Date { row: u32, col: u16, serial: f64 },
    /// Any other value, or a cell past column 65,536: the index of its position and value in [`Batch::others`].
    Other(u32),
}

/// The cells of a batch in sheet order, the few that cannot be handed over inline ([`Handed::Other`]) aside.
#[derive(Default)]
struct Batch<'a> {
    cells: Vec<Handed<'a>>,
    others: Vec<((u32, u32), DataRef<'a>)>,
    /// The workbook counts dates from 1904 (a [`Handed::Date`] is made a calamine date again with it).
    is_1904: bool,
}

impl<'a> Batch<'a> {
    fn with_capacity(n: usize, is_1904: bool) -> Batch<'a> {
        Batch { cells: Vec::with_capacity(n), others: Vec::new(), is_1904 }
    }

    /// Adds a cell that holds something.
    #[inline]
    fn push(&mut self, (row, col): (u32, u32), value: &DataRef<'a>) {
        let handed = match (u16::try_from(col), value) {
            (Ok(col), DataRef::SharedString(text)) => Handed::Text { row, col, text },
            (Ok(col), DataRef::Float(value)) => Handed::Number { row, col, value: *value },
            (Ok(col), DataRef::DateTime(date)) if date.is_datetime() => {
                Handed::Date { row, col, serial: date.as_f64() }
            }
            _ => {
                let index = u32::try_from(self.others.len()).unwrap_or(u32::MAX);
                self.others.push(((row, col), value.clone()));
                Handed::Other(index)
            }
        };
        self.cells.push(handed);
    }

    /// The cell at `i`, its value taken out (an `Other` can be taken once).
    #[inline]
    fn take(&mut self, i: usize) -> Option<((u32, u32), DataRef<'a>)> {
        Some(match *self.cells.get(i)? {
            Handed::Text { row, col, text } => ((row, u32::from(col)), DataRef::SharedString(text)),
            Handed::Number { row, col, value } => ((row, u32::from(col)), DataRef::Float(value)),
            Handed::Date { row, col, serial } => {
                let date = ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, self.is_1904);
                ((row, u32::from(col)), DataRef::DateTime(date))
            }
            Handed::Other(index) => {
                let slot = self.others.get_mut(index as usize)?;
                (slot.0, std::mem::replace(&mut slot.1, DataRef::Empty))
            }
        })
    }

    fn clear(&mut self) {
        self.cells.clear();
        self.others.clear();
    }
}

/// What the reader thread sends.
enum Message<'a> {
    /// The next cells that hold something, in sheet order.
    Cells(Batch<'a>),
    /// The end of the sheet.
    End,
    /// The sheet could not be read.
    Failed(Error),
}

/// The receiving end of an xlsx sheet parsed on another thread: calamine's XML parsing (most of the time of a
/// large read) runs beside the classification of the rows instead of before it. Emptied batches go back to the
/// reader to be refilled, so nothing is allocated per batch.
struct Handover<'a> {
    from_reader: Receiver<Message<'a>>,
    to_reader: SyncSender<Batch<'a>>,
    batch: Batch<'a>,
    next: usize,
    ended: bool,
}

impl<'a> Handover<'a> {
    #[inline]
    fn next(&mut self, keep: &dyn Fn(usize) -> bool) -> Result<Option<((u32, u32), DataRef<'a>)>> {
        loop {
            if let Some((position, value)) = self.batch.take(self.next) {
                self.next += 1;
                return Ok(Some(if keep(position.1 as usize) {
                    (position, value)
                } else {
                    (position, DataRef::Empty)
                }));
            }
            if self.ended {
                return Ok(None);
            }
            let spent = std::mem::take(&mut self.batch);
            match self.from_reader.recv() {
                Ok(Message::Cells(batch)) => {
                    self.batch = batch;
                    self.next = 0;
                    // The reader may have gone (only after an error, which comes next): the buffer is then dropped.
                    let mut spent = spent;
                    spent.clear();
                    if spent.cells.capacity() > 0 {
                        let _ = self.to_reader.try_send(spent);
                    }
                }
                Ok(Message::End) => self.ended = true,
                Ok(Message::Failed(e)) => return Err(e),
                Err(_) => {
                    return Err(Error::internal(
                        "the xlsx sheet reader ended without reporting the end of the sheet or an error",
                    ))
                }
            }
        }
    }
}

/// The reader thread: parses the sheet with calamine and sends its non-empty cells in batches until the end, an
/// error, or the receiver hanging up (the rows wanted were found).
fn read_cells<'a, RS: std::io::Read + std::io::Seek>(
    path: &Path,
    place: &str,
    mut reader: calamine::XlsxCellReader<'a, RS>,
    is_1904: bool,
    to_rows: &SyncSender<Message<'a>>,
    spent: &Receiver<Batch<'a>>,
) {
    let outcome = super::guard::catching(path, || loop {
        let mut batch = spent.try_recv().unwrap_or_else(|_| Batch::with_capacity(BATCH, is_1904));
        while batch.cells.len() < BATCH {
            match reader.next_cell() {
                Ok(Some(cell)) => {
                    if !matches!(cell.get_value(), DataRef::Empty) {
                        batch.push(cell.get_position(), cell.get_value());
                    }
                }
                Ok(None) => {
                    if to_rows.send(Message::Cells(batch)).is_ok() {
                        let _ = to_rows.send(Message::End);
                    }
                    return Ok(());
                }
                Err(e) => return Err(damaged(place, "", e)),
            }
        }
        if to_rows.send(Message::Cells(batch)).is_err() {
            return Ok(());
        }
    });
    if let Err(e) = outcome {
        let _ = to_rows.send(Message::Failed(e));
    }
}

/// Rows assembled from a stream of cells in sheet order.
struct StreamSource<'a> {
    /// The cells, their values kept only when the column passes the filter.
    cells: Cells<'a>,
    pending: Option<((u32, u32), DataRef<'a>)>,
    /// The end of the sheet data was reached (calamine must not be asked again: it would read past it).
    done: bool,
    is_1904: bool,
    place: String,
}

impl<'a> StreamSource<'a> {
    fn next_cell(&mut self, keep: &dyn Fn(usize) -> bool) -> Result<Option<((u32, u32), DataRef<'a>)>> {
        if let Some(cell) = self.pending.take() {
            return Ok(Some(cell));
        }
        if self.done {
            return Ok(None);
        }
        let place = &self.place;
        let next = self.cells.next(keep).map_err(|e| match &self.cells {
            Cells::Threaded(_) => e,
            Cells::Stream(_) => damaged(place, "", e.message()),
        })?;
        self.done = next.is_none();
        if let Some(((row, col), _)) = &next {
            beyond_a_sheet(*row, *col, place)?;
        }
        Ok(next)
    }
}

/// The last row and column a sheet can have (Excel's 1,048,576 rows and 16,384 columns, to XFD).
const SHEET_ROWS: u32 = 1 << 20;
const SHEET_COLUMNS: u32 = 1 << 14;

/// Refuses a cell beyond the last row or column a sheet can have: only a damaged or hand-made file holds one, and
/// its position would size the header row (a cell at column ZZZZZZ asked for 7.7 GB).
#[inline]
fn beyond_a_sheet(row: u32, col: u32, place: &str) -> Result<()> {
    if row < SHEET_ROWS && col < SHEET_COLUMNS {
        return Ok(());
    }
    Err(Error::io(format!(
        "{place}: holds a cell at {}{}, beyond the last row (1,048,576) or column (XFD) a sheet can have; the file \
         is damaged",
        header::column_letter(col as usize),
        u64::from(row) + 1
    ))
    .with_hint(RESAVE))
}

impl RowSource for StreamSource<'_> {
    fn next_row(&mut self, keep: &dyn Fn(usize) -> bool, row: &mut RawRow) -> Result<bool> {
        row.clear();
        let Some(((r, c), value)) = self.next_cell(keep)? else { return Ok(false) };
        row.line = r as usize + 1;
        row.last_line = row.line;
        let is_1904 = self.is_1904;
        let push = |c: u32, value: DataRef<'_>, row: &mut RawRow| match value {
            DataRef::Empty => {}
            DataRef::SharedString(s) => row.push_text(c as usize, s),
            DataRef::String(s) => row.push_text(c as usize, &s),
            other => row.push(c as usize, from_data_ref(&other, is_1904)),
        };
        push(c, value, row);
        while let Some(((r2, c2), value)) = self.next_cell(keep)? {
            if r2 != r {
                self.pending = Some(((r2, c2), value));
                break;
            }
            push(c2, value, row);
        }
        Ok(true)
    }
}

/// Rows of a sheet read whole (xls, ods).
struct RangeSource {
    range: Range<calamine::Data>,
    next: usize,
    is_1904: bool,
}

impl RangeSource {
    fn new(range: Range<calamine::Data>, is_1904: bool) -> RangeSource {
        RangeSource { range, next: 0, is_1904 }
    }
}

impl RowSource for RangeSource {
    fn next_row(&mut self, keep: &dyn Fn(usize) -> bool, row: &mut RawRow) -> Result<bool> {
        row.clear();
        let Some((top, left)) = self.range.start() else { return Ok(false) };
        if self.next >= self.range.height() {
            return Ok(false);
        }
        row.line = top as usize + self.next + 1;
        row.last_line = row.line;
        for i in 0..self.range.width() {
            let col = left as usize + i;
            match self.range.get((self.next, i)) {
                Some(value) if *value != calamine::Data::Empty && keep(col) => {
                    row.push(col, from_data(value, self.is_1904));
                }
                _ => {}
            }
        }
        self.next += 1;
        Ok(true)
    }
}

/// Reads the table from a workbook: picks the sheet, finds the header, streams the rows of it and of any
/// continuation sheets.
pub(crate) fn read_book(
    book: &mut Book,
    request: &TableRequest<'_>,
    on_row: &mut dyn FnMut(&Row<'_>) -> Result<()>,
) -> Result<TableInfo> {
    let path = request.path;
    let names = book.worksheet_names();
    if names.is_empty() {
        return Err(Error::data(format!("{}: the workbook has no worksheets", path.display())));
    }
    let list = names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
    let candidates: Vec<usize> = match request.sheet {
        Some(wanted) => {
            let exact = names.iter().position(|n| n == wanted);
            let loose = || names.iter().position(|n| n.trim().eq_ignore_ascii_case(wanted.trim()));
            match exact.or_else(loose) {
                Some(i) => vec![i],
                None => {
                    // The sheet is named in the config file: a wrong name there is a usage error.
                    let key =
                        request.prefer_sheet.map_or("sheet".to_string(), |k| format!("[{}] sheet", k.to_lowercase()));
                    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                    let guess =
                        header::closest(wanted, &refs).map(|n| format!("did you mean '{n}'? ")).unwrap_or_default();
                    return Err(Error::usage(format!(
                        "{}: has no sheet named '{wanted}' (named by {key} in the config file); its sheets are: {list}",
                        path.display()
                    ))
                    .with_hint(format!(
                        "{guess}set {key} to one of these, or remove it to let the tool find the sheet"
                    )));
                }
            }
        }
        None => {
            // A sheet named after the input kind first, then every sheet in workbook order.
            let preferred =
                request.prefer_sheet.and_then(|p| names.iter().position(|n| n.trim().eq_ignore_ascii_case(p.trim())));
            preferred.into_iter().chain((0..names.len()).filter(|i| Some(*i) != preferred)).collect()
        }
    };

    let mut best: Option<(String, Candidate)> = None;
    for index in candidates {
        let Some(name) = names.get(index) else { continue };
        let where_ = place(path, name);
        let mut counts = Counts::default();
        let scan = book.with_sheet(path, name, |source| {
            let scan = table::find_header(source, request, &where_)?;
            if let Scan::Found(found) = &scan {
                table::stream_rows(source, name, &found.columns, found.last_line, &mut counts, on_row)?;
            }
            Ok(scan)
        })?;
        let found = match scan {
            Scan::Found(h) => h,
            Scan::NotFound(candidate) => {
                if let Some(c) = candidate {
                    let score = |c: &Candidate| (c.matching.required_found(request.fields), c.matching.any_found());
                    let better = match &best {
                        Some((_, b)) => score(&c) > score(b),
                        None => true,
                    };
                    if better {
                        best = Some((name.clone(), c));
                    }
                }
                continue;
            }
        };
        let mut sheets = vec![name.clone()];
        for later in names.iter().skip(index + 1) {
            let continued = book.with_sheet(path, later, |source| {
                let Some(last_line) = table::find_same_header(source, &found.headers)? else { return Ok(false) };
                table::stream_rows(source, later, &found.columns, last_line, &mut counts, on_row)?;
                Ok(true)
            })?;
            if continued {
                sheets.push(later.clone());
            }
        }
        return Ok(TableInfo {
            path: path.to_path_buf(),
            format: book.format(),
            sheets,
            header_row: found.line,
            columns: found.matches,
            headers: found.headers,
            rows_read: counts.rows_read,
            blank_rows: counts.blank_rows,
        });
    }

    match best {
        Some((sheet, c)) => {
            let message = c.matching.missing_message(&c.headers, request.fields, request.overrides);
            let which = if request.sheet.is_some() || names.len() == 1 {
                String::new()
            } else {
                format!(" (no sheet holds them; the sheets are: {list})")
            };
            let missing = c.matching.first_missing_required(request.fields);
            Err(Error::data(format!("{}, row {}: {message}{which}", place(path, &sheet), c.line))
                .with_hint(header::column_hint(missing, request.prefer_sheet)))
        }
        None => {
            let what = match request.sheet {
                Some(s) => format!("sheet '{s}' is empty"),
                None if names.len() == 1 => format!("sheet {list} is empty"),
                None => format!("every sheet is empty ({list})"),
            };
            Err(Error::data(format!("{}: {what}", path.display())))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handed_cell_takes_24_bytes() {
        assert_eq!(std::mem::size_of::<Handed<'_>>(), 24);
    }

    #[test]
    fn every_value_comes_out_of_a_batch_as_it_went_in() {
        let owned = DataRef::String("inline".to_string());
        let cells = [
            ((3, 0), DataRef::SharedString("10000005")),
            ((3, 1), DataRef::Float(0.6)),
            ((3, 2), DataRef::Int(-4)),
            ((3, 3), owned.clone()),
            ((3, 4), DataRef::Bool(true)),
            ((3, 70_000), DataRef::SharedString("far right")),
            ((4, 0), DataRef::Float(45_186.0)),
            ((4, 1), DataRef::DateTime(ExcelDateTime::new(45_186.5, ExcelDateTimeType::DateTime, true))),
            ((4, 2), DataRef::DateTime(ExcelDateTime::new(1.25, ExcelDateTimeType::TimeDelta, true))),
        ];
        let mut batch = Batch::with_capacity(4, true);
        for (position, value) in &cells {
            batch.push(*position, value);
        }
        assert_eq!(batch.others.len(), 5, "Int, String, Bool, the duration and the cell past column 65,536 go aside");
        for (i, expected) in cells.iter().enumerate() {
            assert_eq!(batch.take(i).as_ref(), Some(expected));
        }
        assert_eq!(batch.take(cells.len()), None);
        batch.clear();
        assert!(batch.cells.is_empty() && batch.others.is_empty());
    }
}
