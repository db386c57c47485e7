//! Gender (for the gender pay gap comparison of the extensions): Female, Male, or Unknown.
//!
//! The UK gender pay gap regulations compare men and women; any other recorded value (non-binary, indeterminate,
//! not stated, prefer not to say) is a recognised `Unknown` and is left out of the gender comparison only.

use serde::Serialize;

use super::text::{lookup, norm};

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
    lookup(WORDS, &norm(raw))
}

/// The values, after normalising (lowercase, punctuation to spaces).
pub(crate) const WORDS: &[(&str, Gender)] = &[
    ("f", Gender::Female),
    ("female", Gender::Female),
    ("woman", Gender::Female),
    ("women", Gender::Female),
    ("w", Gender::Female),
    ("girl", Gender::Female),
    ("m", Gender::Male),
    ("male", Gender::Male),
    ("man", Gender::Male),
    ("men", Gender::Male),
    ("boy", Gender::Male),
    ("", Gender::Unknown),
    ("u", Gender::Unknown),
    ("x", Gender::Unknown),
    ("i", Gender::Unknown),
    ("unknown", Gender::Unknown),
    ("not known", Gender::Unknown),
    ("not stated", Gender::Unknown),
    ("prefer not to say", Gender::Unknown),
    ("not specified", Gender::Unknown),
    ("unspecified", Gender::Unknown),
    ("other", Gender::Unknown),
    ("non binary", Gender::Unknown),
    ("nonbinary", Gender::Unknown),
    ("indeterminate", Gender::Unknown),
    ("not declared", Gender::Unknown),
    ("declined", Gender::Unknown),
];
