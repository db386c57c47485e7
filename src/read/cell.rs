//! Cell helpers (temporary minimal version; replaced by the read layer's full one).

use std::borrow::Cow;

use chrono::NaiveDate;

use super::Cell;

impl Cell {
    /// Trimmed text, `None` when blank.
    pub fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Cell::Empty => None,
            Cell::Text(s) => {
                let t = s.trim();
                (!t.is_empty()).then_some(Cow::Borrowed(t))
            }
            Cell::Number(n) | Cell::DateTime(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    Some(Cow::Owned(format!("{}", *n as i64)))
                } else {
                    Some(Cow::Owned(n.to_string()))
                }
            }
            Cell::Bool(b) => Some(Cow::Borrowed(if *b { "TRUE" } else { "FALSE" })),
            Cell::Error(e) => Some(Cow::Borrowed(e.as_str())),
        }
    }
    /// True when there is no value.
    pub fn is_blank(&self) -> bool {
        self.text().is_none()
    }
    /// A number, from a number cell or numeric text.
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(n) => Some(*n),
            Cell::Text(s) => s.trim().replace(',', "").parse().ok(),
            _ => None,
        }
    }
    /// A non-negative whole number.
    pub fn count(&self) -> Result<u64, String> {
        match self.number() {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 1e15 => Ok(n as u64),
            _ => Err(format!("expected a whole number of 0 or more, found '{}'", self.text().unwrap_or_default())),
        }
    }
    /// A date.
    pub fn date(&self) -> Result<Option<NaiveDate>, String> {
        match self {
            Cell::Empty => Ok(None),
            Cell::Number(n) | Cell::DateTime(n) => {
                let base = NaiveDate::from_ymd_opt(1899, 12, 30).ok_or("bad epoch")?;
                base.checked_add_days(chrono::Days::new(n.floor() as u64)).map(Some).ok_or_else(|| "bad date".into())
            }
            Cell::Text(s) => {
                let t = s.trim();
                if t.is_empty() {
                    return Ok(None);
                }
                NaiveDate::parse_from_str(t, "%Y-%m-%d")
                    .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
                    .map(Some)
                    .map_err(|_| format!("expected a date, found '{t}'"))
            }
            _ => Err("expected a date".into()),
        }
    }
}
