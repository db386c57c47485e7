//! Pay bands: AfC bands in every spelling ESR and trusts use, VSM/ESM, Non AfC, Medical and Dental, blank.

use super::BandValue;

/// Classifies one pay-band value; `None` when it is not recognised.
pub fn classify(raw: &str) -> Option<BandValue> {
    let _ = raw;
    None
}
