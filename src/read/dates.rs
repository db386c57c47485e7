//! Dates: Excel serial day numbers (1900 date system) to and from calendar dates, and the date texts HR exports
//! write (`2024-03-31`, `31/03/2024`, `31-Mar-2024`, ...).

use chrono::{Datelike, NaiveDate};

/// The largest serial Excel accepts: 9999-12-31 is 2958465.
const MAX_SERIAL: f64 = 2_958_466.0;

/// Days from 1900-01-01 in the 1904 system to its epoch: a 1904-system serial plus this is a 1900-system serial.
pub(crate) const EPOCH_1904_OFFSET: f64 = 1462.0;

fn epoch(day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, day)
}

/// The calendar date of an Excel serial day number (1900 system; any time part is ignored).
///
/// Serials 1 to 59 are 1900-01-01 to 1900-02-28; 60 is Excel's fictitious 29 February 1900 (an error here); from
/// 61 on, days count from 1899-12-30.
pub(crate) fn serial_to_date(serial: f64) -> Result<NaiveDate, String> {
    if !serial.is_finite() || !(1.0..MAX_SERIAL).contains(&serial) {
        return Err(format!("expected a date, found the number {} (outside Excel's date range)", fmt_number(serial)));
    }
    let days = serial.floor();
    if days == 60.0 {
        return Err("expected a date, found Excel's day 60, the non-existent 29 February 1900".to_string());
    }
    // `days` is in 1..2958466, so the cast is exact.
    let days = days as i64;
    let base = if days < 60 { epoch(31) } else { epoch(30) };
    base.and_then(|b| b.checked_add_signed(chrono::TimeDelta::days(days)))
        .ok_or_else(|| format!("expected a date, found the number {}", fmt_number(serial)))
}

/// The Excel serial day number (1900 system) of a date.
pub(crate) fn date_to_serial(date: NaiveDate) -> f64 {
    let march_1900 = NaiveDate::from_ymd_opt(1900, 3, 1);
    let base = match march_1900 {
        Some(m) if date < m => epoch(31),
        _ => epoch(30),
    };
    base.map(|b| (date - b).num_days() as f64).unwrap_or(0.0)
}

/// Formats a number without a trailing `.0` when it is whole.
pub(crate) fn fmt_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Parses an ISO 8601 date or date-time (`2024-03-31`, `2024-03-31T10:30:00`, `2024-03-31 10:30`) to an Excel
/// serial with the time as the fraction; `None` when it is not one.
pub(crate) fn iso_to_serial(text: &str) -> Option<f64> {
    let text = text.trim();
    let date = parse_ymd(text.get(..10)?, '-')?;
    let rest = text.get(10..)?;
    let time = if rest.is_empty() {
        0.0
    } else {
        let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
        parse_time(rest)?
    };
    Some(date_to_serial(date) + time)
}

/// A time of day `HH:MM[:SS[.fff]]` (with an optional trailing `Z`) as a fraction of a day.
fn parse_time(text: &str) -> Option<f64> {
    let text = text.trim().trim_end_matches('Z');
    let mut parts = text.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let s: f64 = match parts.next() {
        Some(s) => s.parse().ok()?,
        None => 0.0,
    };
    if parts.next().is_some() || h > 23 || m > 59 || !(0.0..61.0).contains(&s) {
        return None;
    }
    Some((f64::from(h) * 3600.0 + f64::from(m) * 60.0 + s) / 86400.0)
}

/// `YYYY<sep>MM<sep>DD` exactly.
fn parse_ymd(text: &str, sep: char) -> Option<NaiveDate> {
    let mut parts = text.split(sep);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(y)? as i32, digits(m)?, digits(d)?)
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn month_from_name(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let lower = name.to_ascii_lowercase();
    let lower = lower.trim_end_matches('.');
    if lower.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let index = MONTHS.iter().position(|m| lower.get(..3) == Some(*m))?;
    // Accept "Mar", "March", "Sept" but not "Marx".
    let long = full.get(index)?;
    if long.starts_with(lower) || lower == "sept" {
        Some(index as u32 + 1)
    } else {
        None
    }
}

/// A year of four digits, or two (00-29 are 2000-2029, 30-99 are 1930-1999, as Excel reads them).
fn year(text: &str) -> Option<i32> {
    let y = digits(text)? as i32;
    match text.len() {
        4 => Some(y),
        2 if y < 30 => Some(2000 + y),
        2 => Some(1900 + y),
        _ => None,
    }
}

/// Which of a numeric date's first two numbers is the day: UK exports write the day first (`31/03/2024`), US
/// ones the month (`03/31/2024`).
///
/// ```
/// use wres_wdes::read::DateOrder;
/// assert_eq!(DateOrder::default(), DateOrder::DayFirst);
/// assert_eq!(DateOrder::MonthFirst.example(), "03/31/2025");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Day, month, year (`31/03/2025`): the default.
    #[default]
    DayFirst,
    /// Month, day, year (`03/31/2025`).
    MonthFirst,
}

impl DateOrder {
    /// How the order is spelt in the config file and the outputs: `dmy` or `mdy`.
    pub fn code(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "dmy",
            DateOrder::MonthFirst => "mdy",
        }
    }
    /// The end of March 2025 written in this order.
    pub fn example(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "31/03/2025",
            DateOrder::MonthFirst => "03/31/2025",
        }
    }
    /// In words: `day-first` or `month-first`.
    pub fn words(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day-first",
            DateOrder::MonthFirst => "month-first",
        }
    }
}

/// What a date text says about the order its day and month are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderEvidence {
    /// Only one order gives a date: `25/03/2024` is day-first, `04/15/2024` month-first.
    Only(DateOrder),
    /// Both orders give a date, and not the same one (`04/03/2024`).
    Either,
}

/// What a date text says about its order: `None` when the order does not matter (ISO dates, month names, equal
/// day and month, `20240331`, text that is no date in either order).
///
/// ```
/// use wres_wdes::read::{order_evidence, DateOrder, OrderEvidence};
/// assert_eq!(order_evidence("04/15/2024"), Some(OrderEvidence::Only(DateOrder::MonthFirst)));
/// assert_eq!(order_evidence("25/03/2024 10:30"), Some(OrderEvidence::Only(DateOrder::DayFirst)));
/// assert_eq!(order_evidence("04/03/2024"), Some(OrderEvidence::Either));
/// assert_eq!(order_evidence("2024-04-03"), None);
/// assert_eq!(order_evidence("03/03/2024"), None);
/// ```
pub fn order_evidence(text: &str) -> Option<OrderEvidence> {
    let (a, b, y) = numeric_day_month(text)?;
    let day_first = dmy(a, b, y).is_some();
    let month_first = dmy(b, a, y).is_some();
    match (day_first, month_first) {
        (true, true) if a.trim_start_matches('0') != b.trim_start_matches('0') => Some(OrderEvidence::Either),
        (true, false) => Some(OrderEvidence::Only(DateOrder::DayFirst)),
        (false, true) => Some(OrderEvidence::Only(DateOrder::MonthFirst)),
        _ => None,
    }
}

/// The first two numbers and the year of a date text of three numbers whose first is not a 4-digit year
/// (`04/15/2024`, `4-15-24 10:30`), when what follows is a time or nothing.
fn numeric_day_month(text: &str) -> Option<(&str, &str, &str)> {
    let mut tokens = text.split_whitespace();
    let first = tokens.next()?;
    // What follows the date: at most a time and am/pm (looked at without allocating: this runs on every row).
    let rest = [tokens.next(), tokens.next(), tokens.next()];
    let after: &[&str] = match rest {
        [None, ..] => &[],
        [Some(t), None, _] => &[t],
        [Some(t), Some(ampm), None] => &[t, ampm],
        _ => return None,
    };
    for sep in ['/', '-', '.'] {
        let mut parts = first.split(sep);
        if let (Some(a), Some(b), Some(y), None) = (parts.next(), parts.next(), parts.next(), parts.next()) {
            let numeric = |t: &str| !t.is_empty() && t.len() <= 2 && t.bytes().all(|c| c.is_ascii_digit());
            return (numeric(a) && numeric(b) && is_time_or_nothing(after)).then_some((a, b, y));
        }
    }
    None
}

/// Day, month (number or name) and year, UK order.
fn dmy(d: &str, m: &str, y: &str) -> Option<NaiveDate> {
    if d.is_empty() || d.len() > 2 {
        return None;
    }
    let month = if m.bytes().all(|b| b.is_ascii_digit()) {
        if m.is_empty() || m.len() > 2 {
            return None;
        }
        digits(m)?
    } else {
        month_from_name(m)?
    };
    NaiveDate::from_ymd_opt(year(y)?, month, digits(d)?)
}

/// Whether `text` (after the date) is a time of day, or nothing.
fn is_time_or_nothing(rest: &[&str]) -> bool {
    match rest {
        [] => true,
        [t] => parse_time(t).is_some(),
        [t, ampm] => parse_time(t).is_some() && matches!(ampm.to_ascii_lowercase().as_str(), "am" | "pm"),
        _ => false,
    }
}

/// Parses the date texts HR systems write: ISO `2024-03-31` (with or without a time), `2024/03/31`, UK-order
/// `31/03/2024`, `31/3/2024`, `31-03-2024`, `31.03.2024` (each optionally followed by a time), `31 Mar 2024`,
/// `31 March 2024`, `31-Mar-2024`, `31-MAR-24`, and `20240331`; with `order` month-first, the numeric forms are
/// read month-first (`03/31/2024`). Returns `None` for anything else.
pub(crate) fn parse_date_text_in(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(serial) = iso_to_serial(text) {
        return serial_to_date(serial).ok();
    }
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::from_ymd_opt(
            digits(text.get(..4)?)? as i32,
            digits(text.get(4..6)?)?,
            digits(text.get(6..)?)?,
        );
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let first = tokens.first()?;
    let rest = tokens.get(1..).unwrap_or(&[]);
    for sep in ['/', '-', '.'] {
        let parts: Vec<&str> = first.split(sep).collect();
        if let [a, b, c] = parts.as_slice() {
            if !is_time_or_nothing(rest) {
                return None;
            }
            if a.len() == 4 {
                return parse_ymd(first, sep);
            }
            let month_first = order == DateOrder::MonthFirst && b.bytes().all(|x| x.is_ascii_digit());
            return if month_first { dmy(b, a, c) } else { dmy(a, b, c) };
        }
    }
    // "31 Mar 2024" or "31 March 2024", optionally with a time.
    if let [d, m, y, more @ ..] = tokens.as_slice() {
        if is_time_or_nothing(more) {
            return dmy(d, m.trim_end_matches(','), y);
        }
    }
    None
}

/// The ISO form of a date (`2024-03-31`).
pub(crate) fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_date_text(text: &str) -> Option<NaiveDate> {
        parse_date_text_in(text, DateOrder::DayFirst)
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn serials() {
        assert_eq!(serial_to_date(1.0), Ok(ymd(1900, 1, 1)));
        assert_eq!(serial_to_date(59.0), Ok(ymd(1900, 2, 28)));
        assert!(serial_to_date(60.0).is_err());
        assert_eq!(serial_to_date(61.0), Ok(ymd(1900, 3, 1)));
        assert_eq!(serial_to_date(45382.0), Ok(ymd(2024, 3, 31)));
        assert_eq!(serial_to_date(45382.75), Ok(ymd(2024, 3, 31)));
        assert_eq!(serial_to_date(2958465.0), Ok(ymd(9999, 12, 31)));
        assert!(serial_to_date(0.0).is_err());
        assert!(serial_to_date(-5.0).is_err());
        assert!(serial_to_date(f64::NAN).is_err());
        assert!(serial_to_date(1e300).is_err());
        for s in [1.0, 59.0, 61.0, 45382.0] {
            assert_eq!(serial_to_date(s).map(date_to_serial), Ok(s));
        }
    }

    #[test]
    fn texts() {
        let d = Some(ymd(2024, 3, 31));
        for t in [
            "2024-03-31",
            "2024-03-31T00:00:00",
            "2024-03-31 10:30",
            "2024/03/31",
            "31/03/2024",
            "31/3/2024",
            "31-03-2024",
            "31.03.2024",
            "31 Mar 2024",
            "31 March 2024",
            "31-Mar-2024",
            "31-MAR-24",
            "31/03/2024 00:00",
            "31/03/2024 12:00:00",
            "20240331",
            " 31/03/2024 ",
        ] {
            assert_eq!(parse_date_text(t), d, "{t}");
        }
        for t in ["", "yesterday", "03/31/2024", "31/02/2024", "31 Marx 2024", "2024-3", "1/2/3/4", "31/03/2024 lunch"]
        {
            assert_eq!(parse_date_text(t), None, "{t}");
        }
    }

    #[test]
    fn month_first_texts() {
        let d = Some(ymd(2024, 3, 31));
        for t in [
            "03/31/2024",
            "3/31/2024",
            "03-31-2024",
            "03/31/24",
            "3/31/2024 12:00:00 AM",
            "2024-03-31",
            "31 Mar 2024",
            "31-Mar-2024",
            "20240331",
        ] {
            assert_eq!(parse_date_text_in(t, DateOrder::MonthFirst), d, "{t}");
        }
        assert_eq!(parse_date_text_in("04/03/2024", DateOrder::MonthFirst), Some(ymd(2024, 4, 3)));
        assert_eq!(parse_date_text_in("31/03/2024", DateOrder::MonthFirst), None);
    }

    #[test]
    fn evidence() {
        use DateOrder::*;
        for (t, want) in [
            ("04/15/2024", Some(OrderEvidence::Only(MonthFirst))),
            ("4/15/24 0:00", Some(OrderEvidence::Only(MonthFirst))),
            ("12-31-2024", Some(OrderEvidence::Only(MonthFirst))),
            ("15/04/2024", Some(OrderEvidence::Only(DayFirst))),
            ("15.04.2024", Some(OrderEvidence::Only(DayFirst))),
            ("04/05/2024", Some(OrderEvidence::Either)),
            ("4/05/2024", Some(OrderEvidence::Either)),
            ("05/05/2024", None),
            ("5/05/2024", None),
            ("2024/04/15", None),
            ("15 Apr 2024", None),
            ("15-Apr-2024", None),
            ("31/31/2024", None),
            ("20240415", None),
            ("04/15/2024 lunch", None),
            ("", None),
        ] {
            assert_eq!(order_evidence(t), want, "{t}");
        }
    }
}
