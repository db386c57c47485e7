//! Ethnicity: NHS ethnic category codes (first character decides), ESR "code + label" strings, bare labels and
//! Census 2021 labels, to White / BME / Unknown and the five Census broad groups.

use super::EthnicityClass;

/// Classifies one ethnicity value; `None` when it is not recognised (the caller counts it as Unknown and logs it).
pub fn classify(raw: &str) -> Option<EthnicityClass> {
    let _ = raw;
    None
}
