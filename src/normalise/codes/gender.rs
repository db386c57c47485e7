//! Gender (for the gender pay gap comparison of the extensions): Female, Male, or Unknown.
//!
//! The UK gender pay gap regulations compare men and women; any other recorded value (non-binary, indeterminate,
//! not stated, prefer not to say) is a recognised `Unknown` and is left out of the gender comparison only.

use serde::Serialize;

use super::text::norm;

/// The gender groups.
///
/// ```
/// use wres_wdes::normalise::codes::gender::Gender;
/// assert_eq!(Gender::Female.label(), "Women");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Not recorded, not stated, or a value other than female or male.
    #[default]
    Unknown,
}

impl Gender {
    /// All three, in report order.
    pub const ALL: [Gender; 3] = [Gender::Female, Gender::Male, Gender::Unknown];
    /// The output label: `Women`, `Men`, `Unknown` (the pay gap regulations' words).
    pub fn label(self) -> &'static str {
        match self {
            Gender::Female => "Women",
            Gender::Male => "Men",
            Gender::Unknown => "Unknown",
        }
    }
}

/// Classifies a gender value; `None` when not recognised (blank is `Some(Unknown)`).
///
/// ```
/// use wres_wdes::normalise::codes::gender::{classify, Gender};
/// assert_eq!(classify("F"), Some(Gender::Female));
/// assert_eq!(classify(" Male "), Some(Gender::Male));
/// assert_eq!(classify("Prefer not to say"), Some(Gender::Unknown));
/// assert_eq!(classify(""), Some(Gender::Unknown));
/// assert_eq!(classify("Martian"), None);
/// ```
pub fn classify(raw: &str) -> Option<Gender> {
    match norm(raw).as_str() {
        "f" | "female" | "woman" | "women" | "w" | "girl" => Some(Gender::Female),
        "m" | "male" | "man" | "men" | "boy" => Some(Gender::Male),
        "" | "u" | "x" | "i" | "unknown" | "not known" | "not stated" | "prefer not to say" | "not specified"
        | "unspecified" | "other" | "non binary" | "nonbinary" | "indeterminate" | "not declared" | "declined" => {
            Some(Gender::Unknown)
        }
        _ => None,
    }
}
