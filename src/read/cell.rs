//! Cell helpers: the text, number, count and date a [`Cell`] holds, and conversion from calamine's values.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::dates;
use super::Cell;

impl Cell {
    /// The cell's value as trimmed text, `None` when blank. Whole numbers have no `.0` (`5.0` is `"5"`), booleans
    /// are `TRUE`/`FALSE`, dates are ISO (`2024-03-31`, with ` HH:MM:SS` when there is a time), errors as Excel
    /// shows them (`#N/A`).
    ///
    /// ```
    /// use wres_wdes::read::Cell;
    /// assert_eq!(Cell::Text("  Band 5 ".into()).text().as_deref(), Some("Band 5"));
    /// assert_eq!(Cell::Number(5.0).text().as_deref(), Some("5"));
    /// assert_eq!(Cell::Number(0.5).text().as_deref(), Some("0.5"));
    /// assert_eq!(Cell::Bool(true).text().as_deref(), Some("TRUE"));
    /// assert_eq!(Cell::DateTime(45382.0).text().as_deref(), Some("2024-03-31"));
    /// assert_eq!(Cell::Text("   ".into()).text(), None);
    /// assert_eq!(Cell::Empty.text(), None);
    /// ```
    pub fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Cell::Empty => None,
            Cell::Text(s) | Cell::Error(s) => {
                let t = s.trim();
                (!t.is_empty()).then_some(Cow::Borrowed(t))
            }
            Cell::Number(n) => Some(Cow::Owned(dates::fmt_number(*n))),
            Cell::Bool(b) => Some(Cow::Borrowed(if *b { "TRUE" } else { "FALSE" })),
            Cell::DateTime(serial) => Some(Cow::Owned(match dates::serial_to_date(*serial) {
                Ok(date) => {
                    let seconds = (serial.fract() * 86400.0).round() as u32;
                    if seconds == 0 || seconds >= 86400 {
                        dates::iso(date)
                    } else {
                        format!(
                            "{} {:02}:{:02}:{:02}",
                            dates::iso(date),
                            seconds / 3600,
                            seconds / 60 % 60,
                            seconds % 60
                        )
                    }
                }
                Err(_) => dates::fmt_number(*serial),
            })),
        }
    }

    /// Whether the cell holds nothing: empty, or text of only spaces.
    ///
    /// ```
    /// use wres_wdes::read::Cell;
    /// assert!(Cell::Empty.is_blank());
    /// assert!(Cell::Text(" \t".into()).is_blank());
    /// assert!(!Cell::Number(0.0).is_blank());
    /// ```
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell's number: a number (or date serial) cell, or text that is a number (`" 12 "`, `"1,234"`,
    /// `"£25,000.50"`, `"-3"`). `None` otherwise (blank, other text, booleans, errors).
    ///
    /// ```
    /// use wres_wdes::read::Cell;
    /// assert_eq!(Cell::Number(3.5).number(), Some(3.5));
    /// assert_eq!(Cell::Text(" 12 ".into()).number(), Some(12.0));
    /// assert_eq!(Cell::Text("1,234".into()).number(), Some(1234.0));
    /// assert_eq!(Cell::Text("1,5".into()).number(), None);
    /// assert_eq!(Cell::Text("twelve".into()).number(), None);
    /// ```
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(n) | Cell::DateTime(n) => n.is_finite().then_some(*n),
            Cell::Text(s) => parse_number_text(s),
            _ => None,
        }
    }

    /// The cell as a count: a whole number of 0 or more. The error says what was found.
    ///
    /// ```
    /// use wres_wdes::read::Cell;
    /// assert_eq!(Cell::Number(12.0).count(), Ok(12));
    /// assert_eq!(Cell::Text("1,204".into()).count(), Ok(1204));
    /// assert!(Cell::Number(-1.0).count().unwrap_err().contains("-1"));
    /// assert!(Cell::Number(2.5).count().unwrap_err().contains("2.5"));
    /// assert!(Cell::Text("n/a".into()).count().unwrap_err().contains("'n/a'"));
    /// assert!(Cell::Empty.count().unwrap_err().contains("blank"));
    /// ```
    pub fn count(&self) -> Result<u64, String> {
        const EXPECTED: &str = "expected a whole number of 0 or more";
        match self.number() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 9.0e15 => Ok(n as u64),
            Some(n) => Err(format!("{EXPECTED}, found {}", dates::fmt_number(n))),
            None => Err(format!("{EXPECTED}, found {}", self.describe())),
        }
    }

    /// The cell as a date: `Ok(None)` when blank. Accepts date cells, Excel serial numbers (1900 system, with its
    /// 29 February 1900 bug: serial 60 is an error), ISO text (`2024-03-31`, with or without a time), UK-order
    /// text (`31/03/2024`, `31/3/2024`, `31-03-2024`), and month names (`31 Mar 2024`, `31-Mar-2024`). The error
    /// says what was found.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wres_wdes::read::Cell;
    /// let d = NaiveDate::from_ymd_opt(2024, 3, 31);
    /// assert_eq!(Cell::Number(45382.0).date(), Ok(d));
    /// assert_eq!(Cell::DateTime(45382.5).date(), Ok(d));
    /// assert_eq!(Cell::Text("31/03/2024".into()).date(), Ok(d));
    /// assert_eq!(Cell::Text("2024-03-31".into()).date(), Ok(d));
    /// assert_eq!(Cell::Text("31-Mar-2024".into()).date(), Ok(d));
    /// assert_eq!(Cell::Empty.date(), Ok(None));
    /// assert!(Cell::Text("03/31/2024".into()).date().unwrap_err().contains("'03/31/2024'"));
    /// ```
    pub fn date(&self) -> Result<Option<NaiveDate>, String> {
        self.date_in(dates::DateOrder::DayFirst)
    }

    /// [`Cell::date`] with a text date's day and month read in `order`: `03/31/2024` is a date month-first.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use wres_wdes::read::{Cell, DateOrder};
    /// let d = NaiveDate::from_ymd_opt(2024, 3, 31);
    /// assert_eq!(Cell::Text("03/31/2024".into()).date_in(DateOrder::MonthFirst), Ok(d));
    /// assert_eq!(Cell::Number(45382.0).date_in(DateOrder::MonthFirst), Ok(d));
    /// assert!(Cell::Text("31/03/2024".into()).date_in(DateOrder::MonthFirst).is_err());
    /// ```
    pub fn date_in(&self, order: dates::DateOrder) -> Result<Option<NaiveDate>, String> {
        match self {
            Cell::Empty => Ok(None),
            Cell::Number(n) | Cell::DateTime(n) => dates::serial_to_date(*n).map(Some),
            Cell::Text(s) => {
                if s.trim().is_empty() {
                    return Ok(None);
                }
                if let Some(date) = dates::parse_date_text_in(s, order) {
                    return Ok(Some(date));
                }
                match parse_number_text(s) {
                    Some(n) => dates::serial_to_date(n).map(Some),
                    None => Err(format!(
                        "expected a date such as {} or 2024-03-31, found {}",
                        order.example(),
                        self.describe()
                    )),
                }
            }
            Cell::Bool(_) | Cell::Error(_) => {
                Err(format!("expected a date such as {} or 2024-03-31, found {}", order.example(), self.describe()))
            }
        }
    }

    /// What the cell holds, for messages: `'text'`, `the number 5`, `a blank cell`, `TRUE`, `the error #N/A`.
    fn describe(&self) -> String {
        match self {
            Cell::Empty => "a blank cell".to_string(),
            Cell::Text(s) if s.trim().is_empty() => "a blank cell".to_string(),
            Cell::Text(s) => format!("'{}'", s.trim()),
            Cell::Number(n) => format!("the number {}", dates::fmt_number(*n)),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::DateTime(_) => format!("the date {}", self.text().unwrap_or_default()),
            Cell::Error(e) => format!("the error {e}"),
        }
    }
}

/// A number written as text: optional sign and `£`, digits with optional thousands commas (in groups of three),
/// optional decimals, or scientific notation.
pub(crate) fn parse_number_text(text: &str) -> Option<f64> {
    if let Some(n) = plain_decimal(text.as_bytes()) {
        return Some(n);
    }
    let t = text.trim();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let t = t.strip_prefix('£').unwrap_or(t).trim_start();
    if t.is_empty() || !t.bytes().next().is_some_and(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let plain: Cow<'_, str> = if t.contains(',') {
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (t, None),
        };
        let groups: Vec<&str> = int.split(',').collect();
        let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
        let rest_ok = groups.iter().skip(1).all(|g| g.len() == 3);
        if !first_ok || !rest_ok || frac.is_some_and(|f| f.contains(',')) {
            return None;
        }
        Cow::Owned(t.replace(',', ""))
    } else {
        Cow::Borrowed(t)
    };
    if !plain.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-')) {
        return None;
    }
    let n: f64 = plain.parse().ok()?;
    if !n.is_finite() {
        return None;
    }
    Some(if negative { -n } else { n })
}

/// The usual number of an extract (`59721`, `0.60`, `31.25`) quickly: digits with at most one point, at most 15
/// digits in all; `None` for anything else (then parsed in full). Exact: the digits make an integer below 2^53 and
/// the power of ten is exact too, so their quotient is the correctly rounded number, as `str::parse` gives it.
#[inline]
pub(crate) fn plain_decimal(bytes: &[u8]) -> Option<f64> {
    const POWERS: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    let (mut mantissa, mut digits, mut point) = (0u64, 0usize, None);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
            }
            b'.' if point.is_none() => point = Some(i),
            _ => return None,
        }
    }
    if digits == 0 || digits > 15 {
        return None;
    }
    let decimals = point.map_or(0, |p| bytes.len() - p - 1);
    Some(mantissa as f64 / POWERS.get(decimals)?)
}

/// Converts a calamine value to a [`Cell`]; `is_1904` workbooks have their date serials moved to the 1900 system.
pub(crate) fn from_data_ref(value: &calamine::DataRef<'_>, is_1904: bool) -> Cell {
    use calamine::DataRef as D;
    match value {
        D::Int(i) => Cell::Number(*i as f64),
        D::Float(f) => Cell::Number(*f),
        D::String(s) => Cell::Text(s.clone()),
        D::SharedString(s) => Cell::Text(s.to_string()),
        D::Bool(b) => Cell::Bool(*b),
        D::DateTime(dt) => from_excel_datetime(*dt, is_1904),
        D::DateTimeIso(s) => from_iso(s),
        D::DurationIso(s) => Cell::Text(s.clone()),
        D::Error(e) => Cell::Error(e.to_string()),
        D::Empty => Cell::Empty,
    }
}

/// Converts a calamine value (owned form) to a [`Cell`].
pub(crate) fn from_data(value: &calamine::Data, is_1904: bool) -> Cell {
    use calamine::Data as D;
    match value {
        D::Int(i) => Cell::Number(*i as f64),
        D::Float(f) => Cell::Number(*f),
        D::String(s) => Cell::Text(s.clone()),
        D::Bool(b) => Cell::Bool(*b),
        D::DateTime(dt) => from_excel_datetime(*dt, is_1904),
        D::DateTimeIso(s) => from_iso(s),
        D::DurationIso(s) => Cell::Text(s.clone()),
        D::Error(e) => Cell::Error(e.to_string()),
        D::Empty => Cell::Empty,
    }
}

fn from_excel_datetime(dt: calamine::ExcelDateTime, is_1904: bool) -> Cell {
    let v = dt.as_f64();
    if dt.is_duration() {
        Cell::Number(v)
    } else if is_1904 {
        Cell::DateTime(v + dates::EPOCH_1904_OFFSET)
    } else {
        Cell::DateTime(v)
    }
}

fn from_iso(text: &str) -> Cell {
    match dates::iso_to_serial(text) {
        Some(serial) => Cell::DateTime(serial),
        None => Cell::Text(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The quick path gives what `str::parse` gives, whenever it answers.
        #[test]
        fn plain_decimals_are_parsed_exactly(int in "[0-9]{0,16}", frac in proptest::option::of("[0-9]{0,16}")) {
            let text = match &frac { Some(f) => format!("{int}.{f}"), None => int.clone() };
            if let Some(quick) = plain_decimal(text.as_bytes()) {
                proptest::prop_assert_eq!(Some(quick), text.parse::<f64>().ok(), "{}", text);
            }
            let digits = int.len() + frac.as_ref().map_or(0, String::len);
            if !text.is_empty() && text != "." && text.len() <= 16 && digits <= 15 {
                proptest::prop_assert!(plain_decimal(text.as_bytes()).is_some(), "{}", text);
            }
            proptest::prop_assert_eq!(parse_number_text(&text), text.parse::<f64>().ok().filter(|_| text != "."));
        }
    }

    #[test]
    fn numbers_in_text() {
        for (t, n) in [
            ("12", Some(12.0)),
            (" 12 ", Some(12.0)),
            ("1,234", Some(1234.0)),
            ("1,234,567.5", Some(1234567.5)),
            ("£25,000", Some(25000.0)),
            ("-3", Some(-3.0)),
            ("0.25", Some(0.25)),
            (".5", Some(0.5)),
            ("1e3", Some(1000.0)),
            ("1,5", None),
            ("12,34", None),
            ("1,2345", None),
            ("abc", None),
            ("", None),
            ("-", None),
            ("inf", None),
            ("NaN", None),
            ("1 234", None),
            ("12a", None),
        ] {
            assert_eq!(parse_number_text(t), n, "{t:?}");
        }
    }

    #[test]
    fn text_of_datetimes() {
        assert_eq!(Cell::DateTime(45382.5).text().as_deref(), Some("2024-03-31 12:00:00"));
        assert_eq!(Cell::DateTime(-1.0).text().as_deref(), Some("-1"));
        assert_eq!(Cell::Number(1e20).text().as_deref(), Some("100000000000000000000"));
        assert_eq!(Cell::Error("#N/A".into()).text().as_deref(), Some("#N/A"));
    }
}
