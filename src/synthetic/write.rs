//! Writing a sample trust: one table per input, to xlsx (constant-memory mode) or delimited text, each file written
//! to a temporary file in the output folder and then renamed over the target.

use std::borrow::Cow;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use tempfile::NamedTempFile;

use super::model::*;
use super::names::{FORENAMES, SURNAMES};
use super::{Presentation, SampleTrust, ORGANISATION};
use crate::error::{Error, Result};
use crate::normalise::codes::{Ethnicity, MedicalGrade, PayBand, PayRow, StaffGroup};

/// Most data rows on one sheet (Excel holds 1,048,576); beyond it a further sheet with the same title rows and
/// header follows, which the reader reads on as a continuation.
pub(crate) const SHEET_LIMIT: usize = 1_000_000;

/// A cell of an output table.
enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    /// A number and the decimals to show in text files.
    Num(f64, usize),
    /// A date: a real date in xlsx, the sink's text form in delimited files.
    Date(NaiveDate),
    /// A date always written as `dd/mm/yyyy` text.
    DateText(NaiveDate),
    Blank,
}

fn text(s: &str) -> Cell<'_> {
    if s.is_empty() {
        Cell::Blank
    } else {
        Cell::Text(s)
    }
}

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::io(format!("{}: could not write: {e}", path.display()))
}

/// A temporary file next to `path`, readable like an ordinary file (tempfile creates them owner-only).
fn temp_in(path: &Path) -> Result<NamedTempFile> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let tmp = NamedTempFile::new_in(dir).map_err(|e| io_error(path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644)).map_err(|e| io_error(path, e))?;
    }
    Ok(tmp)
}

/// How a delimited file is encoded.
#[derive(Clone, Copy)]
struct CsvStyle {
    delimiter: u8,
    bom: bool,
    /// Windows-1252 (Latin-1 range) instead of UTF-8.
    latin1: bool,
    /// Dates as ISO `yyyy-mm-dd` (else `dd/mm/yyyy`).
    iso_dates: bool,
}

const CSV: CsvStyle = CsvStyle { delimiter: b',', bom: false, latin1: false, iso_dates: true };

enum Sink {
    Xlsx {
        wb: Box<Workbook>,
        sheet_name: &'static str,
        titles: Vec<String>,
        header: Vec<&'static str>,
        sheet: usize,
        row: u32,
        in_sheet: usize,
        limit: usize,
        date: Box<Format>,
    },
    Csv {
        w: Box<csv::Writer<NamedTempFile>>,
        style: CsvStyle,
        buf: Vec<Vec<u8>>,
    },
}

impl Sink {
    fn xlsx(
        path: &Path,
        sheet_name: &'static str,
        titles: &[&str],
        header: &[&'static str],
        limit: usize,
    ) -> Result<Sink> {
        let mut sink = Sink::Xlsx {
            wb: Box::new(Workbook::new()),
            sheet_name,
            titles: titles.iter().map(|s| s.to_string()).collect(),
            header: header.to_vec(),
            sheet: 0,
            row: 0,
            in_sheet: 0,
            limit,
            date: Box::new(Format::new().set_num_format("dd/mm/yyyy")),
        };
        sink.new_sheet().map_err(|e| io_error(path, e))?;
        Ok(sink)
    }

    fn csv(path: &Path, header: &[&str], style: CsvStyle) -> Result<Sink> {
        let mut tmp = temp_in(path)?;
        if style.bom {
            tmp.write_all(b"\xEF\xBB\xBF").map_err(|e| io_error(path, e))?;
        }
        let w = csv::WriterBuilder::new().delimiter(style.delimiter).from_writer(tmp);
        let mut sink = Sink::Csv { w: Box::new(w), style, buf: Vec::new() };
        let cells: Vec<Cell> = header.iter().map(|h| Cell::Text(h)).collect();
        sink.row(&cells).map_err(|e| io_error(path, e))?;
        Ok(sink)
    }

    fn new_sheet(&mut self) -> std::result::Result<(), XlsxError> {
        if let Sink::Xlsx { wb, sheet_name, titles, header, sheet, row, in_sheet, .. } = self {
            let count = wb.worksheets().len();
            let ws = wb.add_worksheet_with_constant_memory()?;
            let name = if count == 0 { sheet_name.to_string() } else { format!("{sheet_name} ({})", count + 1) };
            ws.set_name(name)?;
            for (c, h) in header.iter().enumerate() {
                ws.set_column_width(c as u16, (h.len() as f64 + 4.0).max(12.0))?;
            }
            let mut r = 0u32;
            for t in titles.iter() {
                ws.write_string(r, 0, t)?;
                r += 1;
            }
            for (c, h) in header.iter().enumerate() {
                ws.write_string(r, c as u16, *h)?;
            }
            *sheet = count;
            *row = r + 1;
            *in_sheet = 0;
        }
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> std::result::Result<(), String> {
        match self {
            Sink::Xlsx { in_sheet, limit, .. } if *in_sheet >= *limit => {
                self.new_sheet().map_err(|e| e.to_string())?;
                self.row(cells)
            }
            Sink::Xlsx { wb, sheet, row, in_sheet, date, .. } => {
                let ws = wb.worksheet_from_index(*sheet).map_err(|e| e.to_string())?;
                let r = *row;
                for (c, cell) in cells.iter().enumerate() {
                    let c = c as u16;
                    match cell {
                        Cell::Text(s) => ws.write_string(r, c, *s).map(|_| ()),
                        Cell::Owned(s) => ws.write_string(r, c, s).map(|_| ()),
                        Cell::Num(x, _) => ws.write_number(r, c, *x).map(|_| ()),
                        Cell::Date(d) => ws.write_number_with_format(r, c, excel_serial(*d), date).map(|_| ()),
                        Cell::DateText(d) => ws.write_string(r, c, dmy(*d)).map(|_| ()),
                        Cell::Blank => Ok(()),
                    }
                    .map_err(|e| e.to_string())?;
                }
                *row += 1;
                *in_sheet += 1;
                Ok(())
            }
            Sink::Csv { w, style, buf } => {
                buf.resize(cells.len(), Vec::new());
                for (b, cell) in buf.iter_mut().zip(cells) {
                    b.clear();
                    let s: Cow<str> = match cell {
                        Cell::Text(s) => Cow::Borrowed(s),
                        Cell::Owned(s) => Cow::Borrowed(s.as_str()),
                        Cell::Num(x, dp) => Cow::Owned(format!("{x:.dp$}")),
                        Cell::Date(d) if style.iso_dates => Cow::Owned(d.format("%Y-%m-%d").to_string()),
                        Cell::Date(d) | Cell::DateText(d) => Cow::Owned(dmy(*d)),
                        Cell::Blank => Cow::Borrowed(""),
                    };
                    if style.latin1 {
                        b.extend(s.chars().map(|c| if (c as u32) < 256 { c as u32 as u8 } else { b'?' }));
                    } else {
                        b.extend_from_slice(s.as_bytes());
                    }
                }
                w.write_record(buf.iter()).map_err(|e| e.to_string())
            }
        }
    }

    fn finish(self, path: &Path) -> Result<()> {
        match self {
            Sink::Xlsx { mut wb, .. } => {
                let created = ExcelDateTime::from_ymd(2025, 3, 31).map_err(|e| io_error(path, e))?;
                let props = DocProperties::new()
                    .set_title("Synthetic sample trust (not real data)")
                    .set_author("wres-wdes sample")
                    .set_creation_datetime(&created);
                wb.set_properties(&props);
                let mut tmp = temp_in(path)?;
                {
                    let mut out = BufWriter::new(tmp.as_file_mut());
                    wb.save_to_writer(&mut out).map_err(|e| io_error(path, e))?;
                    out.flush().map_err(|e| io_error(path, e))?;
                }
                tmp.persist(path).map_err(|e| io_error(path, e.error))?;
            }
            Sink::Csv { w, .. } => {
                let tmp = w.into_inner().map_err(|e| io_error(path, e.error()))?;
                tmp.persist(path).map_err(|e| io_error(path, e.error))?;
            }
        }
        Ok(())
    }
}

fn excel_serial(d: NaiveDate) -> f64 {
    (d - NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date")).num_days() as f64
}

fn band_digits(b: PayBand) -> &'static str {
    match b {
        PayBand::UnderBand1 => "0",
        PayBand::Band1 => "1",
        PayBand::Band2 => "2",
        PayBand::Band3 => "3",
        PayBand::Band4 => "4",
        PayBand::Band5 => "5",
        PayBand::Band6 => "6",
        PayBand::Band7 => "7",
        PayBand::Band8a => "8a",
        PayBand::Band8b => "8b",
        PayBand::Band8c => "8c",
        PayBand::Band8d => "8d",
        PayBand::Band9 => "9",
        PayBand::Vsm => "VSM",
    }
}

/// Pay band cell, standard presentation: `NHS|XR05|Review Body Band 5` or `Band 5`; `Band 8a`/`Band 8A`; `VSM`;
/// medical rows `Medical and Dental` or blank (the grade decides).
fn band_standard(pay: Pay, style: u8) -> Cow<'static, str> {
    match pay {
        Pay::Medical(_) => Cow::Borrowed(if style & 1 == 1 { "Medical and Dental" } else { "" }),
        Pay::Band(PayBand::Vsm) => Cow::Borrowed("VSM"),
        Pay::Band(b) if (PayBand::Band2..=PayBand::Band7).contains(&b) && style & 1 == 1 => {
            let n = band_digits(b);
            Cow::Owned(format!("NHS|XR0{n}|Review Body Band {n}"))
        }
        Pay::Band(b) if b >= PayBand::Band8a && b <= PayBand::Band8d && style & 2 == 2 => {
            Cow::Owned(format!("Band {}", band_digits(b).to_uppercase()))
        }
        Pay::Band(b) => Cow::Owned(format!("Band {}", band_digits(b))),
    }
}

/// Pay band cell, alternative presentation: `Band 8 - Range A`, `AfC Band 6`, `Agenda for Change Band 7`, `Band 5`,
/// `Very Senior Manager`; medical rows `Non AfC`.
fn band_alternative(pay: Pay, style: u8) -> Cow<'static, str> {
    match pay {
        Pay::Medical(_) => Cow::Borrowed("Non AfC"),
        Pay::Band(PayBand::Vsm) => Cow::Borrowed("Very Senior Manager"),
        Pay::Band(b) if b >= PayBand::Band8a && b <= PayBand::Band8d => {
            let letter = band_digits(b)[1..].to_uppercase();
            Cow::Owned(format!("Band 8 - Range {letter}"))
        }
        Pay::Band(b) => {
            let n = band_digits(b);
            Cow::Owned(match style % 3 {
                0 => format!("AfC Band {n}"),
                1 => format!("Agenda for Change Band {n}"),
                _ => format!("Band {n}"),
            })
        }
    }
}

/// Pay band cell, messy presentation (as ESR reports write them): the number padded with a zero (`Band 05`,
/// `Band 08A`) or a bare pay-scale code (`XR05` for the clinical groups, `XN05` for the others; bands 8a-8d
/// always padded); `VSM`; medical rows as in the standard presentation.
fn band_messy(pay: Pay, group: StaffGroup, style: u8) -> Cow<'static, str> {
    match pay {
        Pay::Band(b) if b != PayBand::Vsm && b != PayBand::UnderBand1 => {
            let digits = band_digits(b).to_uppercase();
            let review_body = !matches!(group, StaffGroup::AdministrativeAndClerical | StaffGroup::EstatesAndAncillary);
            Cow::Owned(match (style % 3, digits.len()) {
                (0, 1) => format!("{}0{digits}", if review_body { "XR" } else { "XN" }),
                _ => format!("Band 0{digits}"),
            })
        }
        other => band_standard(other, style),
    }
}

/// A report's footer and total lines, `width` cells each: the label in the first cell and, for a total line, the
/// given `(column, value)` cells.
fn footer_rows(width: usize, lines: &[(&str, &[(usize, String)])]) -> Vec<Vec<Cell<'static>>> {
    lines
        .iter()
        .map(|(label, values)| {
            let mut row: Vec<Cell> = (0..width).map(|_| Cell::Blank).collect();
            if !label.is_empty() {
                row[0] = Cell::Owned(label.to_string());
            }
            for (column, value) in values.iter() {
                row[*column] = Cell::Owned(value.clone());
            }
            row
        })
        .collect()
}

/// A date written month-first, as US-configured report tools do (`04/15/2024`).
fn mdy(d: NaiveDate) -> String {
    d.format("%m/%d/%Y").to_string()
}

/// Pay band in recruitment, standard presentation: `Band 5`, `VSM`, blank for medical posts.
fn band_plain(pay: Pay) -> Cow<'static, str> {
    match pay {
        Pay::Medical(_) => Cow::Borrowed(""),
        Pay::Band(PayBand::Vsm) => Cow::Borrowed("VSM"),
        Pay::Band(b) => Cow::Owned(format!("Band {}", band_digits(b))),
    }
}

fn grade_name(row: &StaffRow) -> &'static str {
    match row.pay {
        Pay::Medical(g) => MED_GRADES[g as usize].name,
        Pay::Band(b) => role_name(row.group, b),
    }
}

fn dis_standard(d: DisAnswer) -> &'static str {
    match d {
        DisAnswer::Yes => "Yes",
        DisAnswer::No => "No",
        DisAnswer::NotDeclared => "Not Declared",
        DisAnswer::PreferNot => "Prefer Not To Answer",
        DisAnswer::Blank => "",
    }
}

fn dis_short(d: DisAnswer) -> &'static str {
    match d {
        DisAnswer::Yes => "Y",
        DisAnswer::No => "N",
        DisAnswer::NotDeclared => "Unspecified",
        DisAnswer::PreferNot => "Prefer Not To Answer",
        DisAnswer::Blank => "",
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

fn y_n(b: bool) -> &'static str {
    if b {
        "Y"
    } else {
        "N"
    }
}

/// Short ethnic code; the `99` value is written `99` or blank by row.
fn eth_short(eth: u8, style: u8) -> &'static str {
    if eth == ETH_BLANK && style & 4 == 0 {
        ""
    } else {
        ETH[eth as usize].short
    }
}

fn person_id(id: u32, suffix: u8) -> String {
    if suffix <= 1 {
        id.to_string()
    } else {
        format!("{id}-{suffix}")
    }
}

/// The output file names, in the order `write` returns them.
pub(crate) fn file_names(p: Presentation) -> [&'static str; 7] {
    match p {
        Presentation::Standard => {
            ["staff.xlsx", "recruitment.csv", "cases.xlsx", "training.csv", "survey.csv", "board.xlsx", "trust.toml"]
        }
        Presentation::Alternative => {
            ["staff.csv", "recruitment.xlsx", "cases.csv", "training.xlsx", "survey.xlsx", "board.csv", "trust.toml"]
        }
        Presentation::Messy => {
            ["staff.csv", "recruitment.csv", "cases.xlsx", "training.csv", "survey.csv", "board.xlsx", "trust.toml"]
        }
    }
}

/// Writes every file into `dir` (created if missing); returns the paths written.
pub(crate) fn write_all(trust: &SampleTrust, dir: &Path, sheet_limit: usize) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(format!("{}: could not create folder: {e}", dir.display())))?;
    let p = trust.options.presentation;
    let names = file_names(p);
    let paths: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    write_staff(trust, &paths[0], sheet_limit)?;
    write_recruitment(trust, &paths[1])?;
    write_cases(trust, &paths[2])?;
    write_training(trust, &paths[3])?;
    write_survey(trust, &paths[4])?;
    write_board(trust, &paths[5])?;
    write_config(&names, p, &paths[6])?;
    Ok(paths)
}

/// The staff file's ESR headers (standard and messy presentations).
const STAFF_ESR_HEADERS: [&str; 15] = [
    "Assignment Number",
    "Full Name",
    "Ethnic Origin",
    "Disability Flag",
    "Pay Band",
    "Grade",
    "Staff Group",
    "Assignment Category",
    "Primary Assignment",
    "Gender",
    "Age Band",
    "FTE",
    "Annual Salary",
    "Start Date",
    "International Recruit",
];

fn write_staff(trust: &SampleTrust, path: &Path, limit: usize) -> Result<()> {
    let d = &trust.drawn;
    let presentation = trust.options.presentation;
    let standard = presentation != Presentation::Alternative;
    let messy = presentation == Presentation::Messy;
    let mut sink = if presentation == Presentation::Standard {
        Sink::xlsx(path, "ESR Extract", &[ORGANISATION, "ESR extract 31/03/2025"], &STAFF_ESR_HEADERS, limit)?
    } else if messy {
        Sink::csv(path, &STAFF_ESR_HEADERS, CsvStyle { bom: true, ..CSV })?
    } else {
        Sink::csv(
            path,
            &[
                "Employee Number",
                "Employee Name",
                "Ethnicity",
                "Disability",
                "Band",
                "Grade Name",
                "Occupational Group",
                "Contract Type",
                "Primary Flag",
                "Gender",
                "Age Band",
                "FTE",
                "Annual Salary",
                "Start Date",
                "International Recruit",
            ],
            CsvStyle { latin1: true, iso_dates: false, ..CSV },
        )?
    };
    for r in &d.staff {
        let p = &d.people[r.person as usize];
        let (fore, sur) = (FORENAMES[p.name.0 as usize], SURNAMES[p.name.1 as usize]);
        let fte = match (messy, r.style & 8) {
            // ESR reports that write FTE as a percentage, some with a space before the sign.
            (true, 0) => Cell::Owned(format!("{}%", r.fte)),
            (true, _) => Cell::Owned(format!("{} %", r.fte)),
            (false, _) => Cell::Num(f64::from(r.fte) / 100.0, 2),
        };
        let salary = if r.salary == 0 { Cell::Blank } else { Cell::Num(f64::from(r.salary), 0) };
        let cells = if standard {
            [
                Cell::Owned(person_id(p.id, r.suffix)),
                Cell::Owned(format!("{sur}, {fore}")),
                text(ETH[p.eth as usize].esr),
                text(dis_standard(p.dis)),
                match if messy { band_messy(r.pay, r.group, r.style) } else { band_standard(r.pay, r.style) } {
                    Cow::Borrowed(s) => text(s),
                    Cow::Owned(s) => Cell::Owned(s),
                },
                Cell::Text(grade_name(r)),
                Cell::Text(staff_group_esr(r.group)),
                Cell::Text(r.category.label()),
                text(r.primary.map_or("", y_n)),
                Cell::Text(if p.female { "Female" } else { "Male" }),
                Cell::Text(AGE_BANDS[p.age as usize]),
                fte,
                salary,
                Cell::Date(p.start),
                text(p.intl.map_or("", yes_no)),
            ]
        } else {
            let grade = match r.pay {
                Pay::Medical(_) => Cell::Owned(grade_name(r).to_uppercase()),
                Pay::Band(_) => Cell::Text(grade_name(r)),
            };
            [
                Cell::Owned(p.id.to_string()),
                Cell::Owned(format!("{fore} {sur}")),
                text(eth_short(p.eth, r.style)),
                text(dis_short(p.dis)),
                Cell::Owned(band_alternative(r.pay, r.style).into_owned()),
                grade,
                Cell::Text(staff_group_full(r.group)),
                Cell::Text(r.category.label()),
                text(r.primary.map_or("", yes_no)),
                Cell::Text(if p.female { "F" } else { "M" }),
                Cell::Text(AGE_BANDS[p.age as usize]),
                fte,
                salary,
                Cell::Date(p.start),
                text(p.intl.map_or("", y_n)),
            ]
        };
        sink.row(&cells).map_err(|e| io_error(path, e))?;
    }
    if messy {
        let fte: u64 = d.staff.iter().map(|r| u64::from(r.fte)).sum();
        let fte = format!("{}.{:02}", fte / 100, fte % 100);
        let count = d.staff.len().to_string();
        for row in footer_rows(
            STAFF_ESR_HEADERS.len(),
            &[
                ("Grand Total", &[(11, fte.clone())]),
                ("", &[(11, fte)]),
                (&format!("Count of Assignment Number: {count}"), &[]),
                ("Report run by: ESR Business Intelligence on 01/04/2025 09:30", &[]),
            ],
        ) {
            sink.row(&row).map_err(|e| io_error(path, e))?;
        }
    }
    sink.finish(path)
}

fn write_recruitment(trust: &SampleTrust, path: &Path) -> Result<()> {
    let d = &trust.drawn;
    let standard = trust.options.presentation != Presentation::Alternative;
    let mut sink = if standard {
        Sink::csv(
            path,
            &[
                "Vacancy Reference",
                "Applicant Ethnicity",
                "Applicant Disability",
                "Shortlisted?",
                "Outcome",
                "Pay Band",
                "Staff Group",
                "International Recruit",
            ],
            CSV,
        )?
    } else {
        Sink::xlsx(
            path,
            "Shortlisting",
            &["Shortlisting and appointments, 1 April 2024 to 31 March 2025"],
            &[
                "Job Reference",
                "Ethnicity",
                "Disability",
                "Shortlisted",
                "Appointed?",
                "AfC Band",
                "Occupational Group",
                "International Recruit",
            ],
            SHEET_LIMIT,
        )?
    };
    let first = d.vacancies.first().map_or(0, |v| v.number);
    for a in &d.applications {
        let v = &d.vacancies[(a.vacancy - first) as usize];
        let reference = Cell::Owned(format!("VAC-24-{:05}", v.number));
        let cells = if standard {
            [
                reference,
                text(ETH[a.eth as usize].census),
                text(dis_standard(a.dis)),
                Cell::Text(yes_no(a.shortlisted)),
                Cell::Text(a.outcome.label()),
                Cell::Owned(band_plain(v.pay).into_owned()),
                Cell::Text(staff_group_full(v.group)),
                Cell::Text(yes_no(international(v, a))),
            ]
        } else {
            [
                reference,
                text(ETH[a.eth as usize].esr),
                text(dis_short(a.dis)),
                Cell::Text(y_n(a.shortlisted)),
                Cell::Text(yes_no(a.outcome.appointed())),
                Cell::Owned(band_alternative(v.pay, a.style).into_owned()),
                Cell::Text(staff_group_full(v.group)),
                Cell::Text(y_n(international(v, a))),
            ]
        };
        sink.row(&cells).map_err(|e| io_error(path, e))?;
    }
    if trust.options.presentation == Presentation::Messy {
        let shortlisted = d.applications.iter().filter(|a| a.shortlisted).count().to_string();
        let appointed = d.applications.iter().filter(|a| a.outcome.appointed()).count().to_string();
        for row in footer_rows(
            8,
            &[("Total", &[(3, shortlisted), (4, appointed)]), ("Report run by: TRAC on 01/04/2025", &[])],
        ) {
            sink.row(&row).map_err(|e| io_error(path, e))?;
        }
    }
    sink.finish(path)
}

/// Whether an applicant is an international recruit: only for the posts trusts recruit to internationally
/// (registered nursing at bands 5-6, medical posts below consultant), with the staff file's rates (45% of BME,
/// 4% of White, 10% of unknown-ethnicity applicants), drawn from the application's style byte so that the other
/// draws (and every other file) are unchanged.
fn international(v: &Vacancy, a: &Application) -> bool {
    let eligible = match (v.group, v.pay.row()) {
        (StaffGroup::NursingAndMidwiferyRegistered, PayRow::Band(PayBand::Band5 | PayBand::Band6)) => true,
        (StaffGroup::MedicalAndDental, PayRow::Medical(m)) => m != MedicalGrade::Consultant,
        _ => false,
    };
    let below = match ETH[a.eth as usize].group {
        Ethnicity::Bme => 115,
        Ethnicity::White => 10,
        Ethnicity::Unknown => 26,
    };
    eligible && a.style < below
}

fn write_cases(trust: &SampleTrust, path: &Path) -> Result<()> {
    let d = &trust.drawn;
    let standard = trust.options.presentation != Presentation::Alternative;
    let messy = trust.options.presentation == Presentation::Messy;
    let mut sink = if standard {
        Sink::xlsx(
            path,
            "Cases",
            &[],
            &[
                "Case Reference",
                "Employee Number",
                "Ethnicity",
                "Disability",
                "Case Type",
                "Date Formal Process Started",
            ],
            SHEET_LIMIT,
        )?
    } else {
        Sink::csv(path, &["Person Number", "Ethnic Group", "Disability Status", "Process", "Date Entered"], CSV)?
    };
    for c in &d.cases {
        let cells: Vec<Cell> = if standard {
            vec![
                Cell::Owned(format!("ER{:05}", c.reference)),
                Cell::Owned(c.person_id.to_string()),
                if c.row_eth { text(ETH[c.eth as usize].census) } else { Cell::Blank },
                if c.row_dis { text(dis_standard(c.dis)) } else { Cell::Blank },
                Cell::Text(c.kind.label()),
                match (c.style & 1 == 1, messy) {
                    (true, true) => Cell::Owned(mdy(c.date)),
                    (true, false) => Cell::DateText(c.date),
                    (false, _) => Cell::Date(c.date),
                },
            ]
        } else {
            vec![
                Cell::Owned(c.person_id.to_string()),
                if c.row_eth { text(eth_short(c.eth, c.style)) } else { Cell::Blank },
                if c.row_dis { text(dis_short(c.dis)) } else { Cell::Blank },
                Cell::Owned(c.kind.label().to_uppercase()),
                Cell::Date(c.date),
            ]
        };
        sink.row(&cells).map_err(|e| io_error(path, e))?;
    }
    if messy {
        let count = d.cases.len().to_string();
        for row in footer_rows(6, &[("Total", &[(4, count)]), ("Report run by: HR case management on 01/04/2025", &[])])
        {
            sink.row(&row).map_err(|e| io_error(path, e))?;
        }
    }
    sink.finish(path)
}

fn write_training(trust: &SampleTrust, path: &Path) -> Result<()> {
    let d = &trust.drawn;
    let standard = trust.options.presentation != Presentation::Alternative;
    let messy = trust.options.presentation == Presentation::Messy;
    let mut sink = if standard {
        Sink::csv(
            path,
            &["Staff Number", "Course", "Mandatory?", "Completion Date"],
            CsvStyle { delimiter: b';', ..CSV },
        )?
    } else {
        Sink::xlsx(path, "Training", &[], &["Employee ID", "Course Title", "Statutory/Mandatory", "Date"], SHEET_LIMIT)?
    };
    for r in &d.training {
        let id = if r.suffix == 1 { format!("{}-1", r.person_id) } else { r.person_id.to_string() };
        let flag = if standard { r.mandatory.map_or("", y_n) } else { r.mandatory.map_or("", yes_no) };
        let date = if messy { Cell::Owned(mdy(r.date)) } else { Cell::Date(r.date) };
        let cells = [Cell::Owned(id), Cell::Text(r.course), text(flag), date];
        sink.row(&cells).map_err(|e| io_error(path, e))?;
    }
    if messy {
        for row in footer_rows(4, &[("Total", &[]), ("Report run by: OLM on 01/04/2025", &[])]) {
            sink.row(&row).map_err(|e| io_error(path, e))?;
        }
    }
    sink.finish(path)
}

fn write_survey(trust: &SampleTrust, path: &Path) -> Result<()> {
    let d = &trust.drawn;
    let mut sink = match trust.options.presentation {
        Presentation::Standard | Presentation::Messy => {
            Sink::csv(path, &["Measure", "Group", "Percent", "Respondents", "Year"], CsvStyle { bom: true, ..CSV })?
        }
        Presentation::Alternative => Sink::xlsx(
            path,
            "Survey",
            &["NHS Staff Survey 2024: WRES and WDES breakdowns"],
            &["Indicator", "Breakdown", "Percentage", "Base", "Survey Year"],
            usize::MAX,
        )?,
    };
    for r in &d.survey {
        let dp = if r.measure == "WDES9a" { 2 } else { 1 };
        let cells = [
            Cell::Text(r.measure),
            Cell::Text(r.group),
            Cell::Num(r.value, dp),
            Cell::Num(f64::from(r.respondents), 0),
            Cell::Num(2024.0, 0),
        ];
        sink.row(&cells).map_err(|e| io_error(path, e))?;
    }
    sink.finish(path)
}

fn write_board(trust: &SampleTrust, path: &Path) -> Result<()> {
    let d = &trust.drawn;
    let standard = trust.options.presentation != Presentation::Alternative;
    let mut sink = if standard {
        Sink::xlsx(
            path,
            "Board",
            &[],
            &["Name", "Role", "Ethnicity", "Disability", "Voting Member", "Executive"],
            usize::MAX,
        )?
    } else {
        Sink::csv(
            path,
            &["Name", "Role", "Ethnic Category", "Disability", "Voting", "Exec"],
            CsvStyle { delimiter: b'\t', ..CSV },
        )?
    };
    for m in &d.board {
        let name = Cell::Owned(format!("{} {}", FORENAMES[m.name.0 as usize], SURNAMES[m.name.1 as usize]));
        let cells = if standard {
            let dis = match m.dis {
                DisAnswer::Yes => "Y",
                DisAnswer::No => "N",
                _ => "",
            };
            [
                name,
                Cell::Text(m.role),
                text(ETH[m.eth as usize].bare),
                text(dis),
                Cell::Text(yes_no(m.voting)),
                Cell::Text(y_n(m.executive)),
            ]
        } else {
            let dis = match m.dis {
                DisAnswer::Yes => "Yes",
                DisAnswer::No => "No",
                _ => "Not Declared",
            };
            [
                name,
                Cell::Text(m.role),
                text(ETH[m.eth as usize].esr),
                Cell::Text(dis),
                Cell::Text(y_n(m.voting)),
                Cell::Text(yes_no(m.executive)),
            ]
        };
        sink.row(&cells).map_err(|e| io_error(path, e))?;
    }
    sink.finish(path)
}

/// The `trust.toml` text for the given file names; the messy presentation's config says its case dates are
/// month-first (the training dates are left for the tool to find out).
pub(crate) fn config_text(names: &[&str; 7], presentation: Presentation) -> String {
    let cases = if presentation == Presentation::Messy {
        "[cases]\n# The case management system writes dates month-first (04/15/2024).\ndate_order = \"mdy\"\n\n"
    } else {
        ""
    };
    format!(
        "[organisation]\nname = \"{ORGANISATION}\"\ncode = \"RXX\"\n\n[period]\nyear = 2025\n\n[inputs]\n\
         staff = \"{}\"\nrecruitment = \"{}\"\ncases = \"{}\"\ntraining = \"{}\"\nsurvey = \"{}\"\nboard = \"{}\"\n\n\
         {cases}[pay]\n# The Annual Salary column holds full-time pay points.\nsalary_basis = \"full_time\"\n\n\
         [wdes9b]\nanswer = \"yes\"\n\
         text = \"Disabled Staff Network meets monthly and reports to the board twice a year.\"\n",
        names[0], names[1], names[2], names[3], names[4], names[5]
    )
}

fn write_config(names: &[&str; 7], presentation: Presentation, path: &Path) -> Result<()> {
    let mut tmp = temp_in(path)?;
    tmp.write_all(config_text(names, presentation).as_bytes()).map_err(|e| io_error(path, e))?;
    tmp.persist(path).map_err(|e| io_error(path, e.error))?;
    Ok(())
}
