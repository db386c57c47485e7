//! Disability: Yes/Y to Disabled, No/N to Non-disabled, the not-declared family to Unknown.
//!
//! Yes/no spellings are those of [`super::yes_no::classify`] (Y/N, Yes/No, True/False, 1/0, `1.0`/`0.0`); words
//! such as "Disabled" and "Not disabled" (and the Census 2021 "Disabled under the Equality Act" forms) are
//! accepted too. Blank and the not-declared family are `Some(Unknown)`; anything else is `None`.

use super::text::{lookup, norm};
use super::{yes_no, Disability};

/// Classifies one disability value; `None` when it is not recognised.
///
/// ```
/// use wres_wdes::normalise::codes::disability::classify;
/// use wres_wdes::normalise::codes::Disability;
/// assert_eq!(classify("Y"), Some(Disability::Disabled));
/// assert_eq!(classify("No"), Some(Disability::NonDisabled));
/// assert_eq!(classify("Prefer Not To Answer"), Some(Disability::Unknown));
/// assert_eq!(classify(""), Some(Disability::Unknown));
/// assert_eq!(classify("Maybe"), None);
/// ```
pub fn classify(raw: &str) -> Option<Disability> {
    if super::text::is_excel_error(raw) {
        return None;
    }
    let normed = norm(raw);
    if raw.trim().is_empty() {
        return Some(Disability::Unknown);
    }
    if let Some(b) = yes_no::classify(raw) {
        return Some(if b { Disability::Disabled } else { Disability::NonDisabled });
    }
    lookup(WORDS, &normed)
}

pub(crate) const WORDS: &[(&str, Disability)] = &[
    ("disabled", Disability::Disabled),
    ("yes disabled", Disability::Disabled),
    ("disability", Disability::Disabled),
    ("has a disability", Disability::Disabled),
    ("yes i have a disability", Disability::Disabled),
    ("disabled under the equality act", Disability::Disabled),
    ("disability disabled under the equality act", Disability::Disabled),
    ("not disabled", Disability::NonDisabled),
    ("non disabled", Disability::NonDisabled),
    ("nondisabled", Disability::NonDisabled),
    ("no disability", Disability::NonDisabled),
    ("no not disabled", Disability::NonDisabled),
    ("no i do not have a disability", Disability::NonDisabled),
    ("not disabled under the equality act", Disability::NonDisabled),
    ("disability not disabled under the equality act", Disability::NonDisabled),
    ("not declared", Disability::Unknown),
    ("undeclared", Disability::Unknown),
    ("not stated", Disability::Unknown),
    ("prefer not to answer", Disability::Unknown),
    ("prefer not to say", Disability::Unknown),
    ("i prefer not to say", Disability::Unknown),
    ("i do not wish to disclose", Disability::Unknown),
    ("do not wish to disclose", Disability::Unknown),
    ("not disclosed", Disability::Unknown),
    ("declined", Disability::Unknown),
    ("unspecified", Disability::Unknown),
    ("not specified", Disability::Unknown),
    ("not known", Disability::Unknown),
    ("nk", Disability::Unknown),
    ("unknown", Disability::Unknown),
    ("undefined", Disability::Unknown),
    ("not recorded", Disability::Unknown),
    ("n a", Disability::Unknown),
    ("null", Disability::Unknown),
];

#[cfg(test)]
mod tests {
    use super::*;
    use Disability::*;

    #[test]
    fn values() {
        for (raw, want) in [
            // The values docs/inputs.md lists.
            ("Yes", Some(Disabled)),
            ("No", Some(NonDisabled)),
            ("Y", Some(Disabled)),
            ("N", Some(NonDisabled)),
            ("Not Declared", Some(Unknown)),
            ("Prefer Not To Answer", Some(Unknown)),
            ("Unspecified", Some(Unknown)),
            ("", Some(Unknown)),
            ("  ", Some(Unknown)),
            // Other yes/no spellings.
            ("yes", Some(Disabled)),
            ("YES", Some(Disabled)),
            ("y", Some(Disabled)),
            ("True", Some(Disabled)),
            ("1", Some(Disabled)),
            ("1.0", Some(Disabled)),
            ("no", Some(NonDisabled)),
            ("n", Some(NonDisabled)),
            ("FALSE", Some(NonDisabled)),
            ("0", Some(NonDisabled)),
            ("0.0", Some(NonDisabled)),
            // Words.
            ("Disabled", Some(Disabled)),
            ("Yes - Disabled", Some(Disabled)),
            ("Disabled under the Equality Act", Some(Disabled)),
            ("Not disabled", Some(NonDisabled)),
            ("Non-disabled", Some(NonDisabled)),
            ("No disability", Some(NonDisabled)),
            ("Not disabled under the Equality Act", Some(NonDisabled)),
            ("Prefer not to say", Some(Unknown)),
            ("Not Known", Some(Unknown)),
            ("Unknown", Some(Unknown)),
            ("Undefined", Some(Unknown)),
            ("not declared", Some(Unknown)),
            ("N/A", Some(Unknown)),
            // Not recognised.
            ("Maybe", None),
            ("2", None),
            ("-", None),
            ("Yes please", None),
            ("Nope", None),
        ] {
            assert_eq!(classify(raw), want, "{raw:?}");
        }
    }
}
