//! Grades: medical and dental grades to consultant / non-consultant career grade / trainee / other, VSM grades,
//! and where a person sits in WRES 1 ([`pay_row`]).

use super::{BandValue, MedicalGrade, PayRow, Workforce};

/// Classifies a medical grade name or pay-scale code; `None` when it is not recognised.
pub fn classify_medical(raw: &str) -> Option<MedicalGrade> {
    let _ = raw;
    None
}

/// Where a person sits: the row of WRES 1, and whether the inputs were enough to decide it (`recognised`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// The WRES 1 row.
    pub row: PayRow,
    /// False when the grade had to decide and was not recognised (the row is then Other).
    pub recognised: bool,
}

/// Places a person from their workforce block, classified pay band and raw grade text.
pub fn pay_row(workforce: Workforce, band: BandValue, grade_raw: &str) -> Placement {
    let _ = (workforce, band, grade_raw);
    Placement { row: PayRow::Other, recognised: false }
}
