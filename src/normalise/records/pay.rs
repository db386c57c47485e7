//! The optional pay and gender fields of the staff snapshot (for the pay gaps of the extensions), kept compact on
//! each [`Person`](super::staff::Person): the amount in pence (`u32`, exact to the penny), FTE in thousandths, a one-byte basis.
//!
//! An hourly rate, where given, wins over the annual salary. The hourly pay itself is worked out in compute
//! (`compute::extensions::pay_gap`), where the weekly hours and the salary basis are settings.

use super::header_names::staff as f;
use super::memo::Memo;
use crate::normalise::codes::gender::{self, Gender};
use crate::normalise::quality::QualityLog;
use crate::read::{Fields, TableInfo};

/// What the pay amount is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum PayBasis {
    /// No usable pay.
    #[default]
    None,
    /// An hourly rate.
    Hourly,
    /// An annual salary.
    Annual,
}

impl PayBasis {
    /// Every basis.
    pub const ALL: [PayBasis; 3] = [PayBasis::None, PayBasis::Hourly, PayBasis::Annual];
}

/// A person's pay as given: 8 bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PersonPay {
    /// Hourly rate or annual salary, in pence.
    pub pence: u32,
    /// FTE in thousandths (0 when not given).
    pub fte_milli: u16,
    /// What `amount` is.
    pub basis: PayBasis,
}

impl PersonPay {
    /// The amount in pounds.
    pub fn pounds(&self) -> f64 {
        f64::from(self.pence) / 100.0
    }
    /// Pay of `pounds` on `basis`, FTE `fte`.
    pub fn new(pounds: f64, basis: PayBasis, fte: Option<f64>) -> PersonPay {
        PersonPay {
            pence: (pounds * 100.0).round().clamp(0.0, f64::from(u32::MAX)) as u32,
            fte_milli: fte.map_or(0, |x| (x * 1000.0).round().clamp(0.0, 65535.0) as u16),
            basis,
        }
    }
    /// FTE, when given and above 0.
    pub fn fte(&self) -> Option<f64> {
        (self.fte_milli > 0).then(|| f64::from(self.fte_milli) / 1000.0)
    }
}

fn positive(row: &Fields<'_>, index: usize, field: &'static str, log: &mut QualityLog) -> Option<f64> {
    match row.number(index) {
        Some(x) if x > 0.0 && x.is_finite() => Some(x),
        Some(0.0) => None,
        None if row.is_blank(index) => None,
        _ => {
            log.unrecognised(field, &row.text(index).unwrap_or_default());
            None
        }
    }
}

/// The FTE of a row: a number (`1`, `0.6`), or a percentage as some ESR reports write it (`100%`, `60 %`,
/// `37.5%`), read as its fraction; `None` when blank or 0 (a value not understood is logged).
fn fte(row: &Fields<'_>, log: &mut QualityLog) -> Option<f64> {
    if row.number(f::FTE).is_none() {
        // Only a cell that is not a plain number is looked at as a percentage.
        if let Some(text) = row.text(f::FTE) {
            if let Some(percent) = text.strip_suffix('%').and_then(|n| n.trim_end().parse::<f64>().ok()) {
                if percent > 0.0 && percent.is_finite() {
                    return Some(percent / 100.0);
                }
                if percent == 0.0 {
                    return None;
                }
            }
        }
    }
    positive(row, f::FTE, "fte", log)
}

/// Reads the gender (mapped by the config's rules) and pay of one row. Unrecognised values are logged with their
/// raw text.
pub fn classify(
    row: &Fields<'_>,
    genders: &mut Memo<Option<Gender>>,
    mappings: &crate::normalise::mapping::ValueMappings,
    log: &mut QualityLog,
) -> (Gender, PersonPay) {
    let gender = match genders.field(row, f::GENDER, |g| gender::classify(mappings.map("gender", g))) {
        Some(g) => g,
        None => {
            log.unrecognised("gender", &row.text(f::GENDER).unwrap_or_default());
            Gender::Unknown
        }
    };
    let fte = fte(row, log);
    let fte_milli = match fte {
        Some(x) if x <= 2.0 => (x * 1000.0).round() as u16,
        Some(x) => {
            log.unrecognised("fte", &x.to_string());
            0
        }
        None => 0,
    };
    let hourly = positive(row, f::HOURLY_RATE, "hourly_rate", log);
    let annual = positive(row, f::ANNUAL_SALARY, "annual_salary", log);
    let pay = match (hourly, annual) {
        (Some(h), _) => {
            PersonPay { pence: PersonPay::new(h, PayBasis::Hourly, None).pence, fte_milli, basis: PayBasis::Hourly }
        }
        (None, Some(a)) => {
            PersonPay { pence: PersonPay::new(a, PayBasis::Annual, None).pence, fte_milli, basis: PayBasis::Annual }
        }
        (None, None) => PersonPay { pence: 0, fte_milli, basis: PayBasis::None },
    };
    (gender, pay)
}

/// Logs, for the columns the file has, the people in the workforce whose gender is unknown (`gender_unknown`)
/// and who have no usable pay (`pay_missing`); a file without a gender or pay column gives no warning (the pay
/// gaps then say there is no pay). `kinds` are the kinds of people with how many there are of each (of their pay,
/// only the basis is looked at).
pub fn log_unknowns(
    kinds: impl Iterator<Item = (super::staff::Person, u64)> + Clone,
    info: &TableInfo,
    log: &mut QualityLog,
) {
    let has = |name: &str| info.columns.iter().any(|c| c.field == name);
    if has("gender") {
        log.warn_n("gender_unknown", kinds.clone().filter(|(p, _)| p.gender == Gender::Unknown).map(|(_, n)| n).sum());
    }
    if has("annual_salary") || has("hourly_rate") {
        log.warn_n("pay_missing", kinds.filter(|(p, _)| p.pay.basis == PayBasis::None).map(|(_, n)| n).sum());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Cell;

    /// The FTE of a row holding `cell` in the FTE column, and what was logged.
    fn fte_of(cell: Cell) -> (u16, Vec<crate::normalise::quality::Unrecognised>) {
        let mut cells = vec![Cell::Empty; f::FIELDS.len()];
        cells[f::FTE] = cell;
        let row = Fields::from_cells("", 2, &cells);
        let mut log = QualityLog::default();
        let (_, pay) = classify(&row, &mut Memo::default(), &Default::default(), &mut log);
        let info = crate::read::TableInfo::csv_for_test("staff.csv", 1);
        (pay.fte_milli, log.finish("staff", "row", &info).unrecognised)
    }

    /// ESR reports that write FTE as a percentage give the same FTE as those that write a fraction.
    #[test]
    fn fte_percentages_are_fractions() {
        for (cell, want) in [
            (Cell::Text("100%".into()), 1000),
            (Cell::Text("60 %".into()), 600),
            (Cell::Text(" 37.5% ".into()), 375),
            (Cell::Text("0%".into()), 0),
            (Cell::Number(0.6), 600),
            (Cell::Text("1".into()), 1000),
            (Cell::Empty, 0),
        ] {
            let (milli, unrecognised) = fte_of(cell.clone());
            assert_eq!(milli, want, "{cell:?}");
            assert!(unrecognised.is_empty(), "{cell:?}: {unrecognised:?}");
        }
        let (milli, unrecognised) = fte_of(Cell::Text("full time".into()));
        assert_eq!(milli, 0);
        assert_eq!(unrecognised[0].value, "full time");
        let (_, unrecognised) = fte_of(Cell::Text("-5%".into()));
        assert_eq!(unrecognised[0].value, "-5%");
    }
}
