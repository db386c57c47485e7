//! Yes/no values (Y/N, Yes/No, True/False, 1/0) and recruitment outcome words.

use super::text::{lookup, norm, number};

/// Classifies a yes/no value: Y/N, Yes/No, True/False, 1/0 and the numeric forms `1.0`/`0.0`. Blank and anything
/// else is `None`.
///
/// ```
/// use wres_wdes::normalise::codes::yes_no::classify;
/// assert_eq!(classify("Y"), Some(true));
/// assert_eq!(classify("false"), Some(false));
/// assert_eq!(classify("1.0"), Some(true));
/// assert_eq!(classify(""), None);
/// ```
pub fn classify(raw: &str) -> Option<bool> {
    if let Some(x) = number(raw) {
        return if x == 1.0 {
            Some(true)
        } else if x == 0.0 {
            Some(false)
        } else {
            None
        };
    }
    lookup(WORDS, &norm(raw))
}

/// The yes/no words (besides 1 and 0), after normalising.
pub(crate) const WORDS: &[(&str, bool)] =
    &[("y", true), ("yes", true), ("true", true), ("n", false), ("no", false), ("false", false)];

/// Classifies an appointment outcome: the yes/no values of [`classify`], plus status words. Appointed, Offer
/// Accepted, Offer Made, Conditional/Unconditional Offer, Hired, Successful, Started → `true`; Not Appointed,
/// Rejected, Unsuccessful, Withdrawn, Not Shortlisted, Declined, Offer Declined/Withdrawn → `false` (an offer
/// the candidate declined is not an appointment). Anything else (including "Appointable", which is not an
/// appointment) is `None`.
///
/// ```
/// use wres_wdes::normalise::codes::yes_no::appointed;
/// assert_eq!(appointed("Offer Accepted"), Some(true));
/// assert_eq!(appointed("Offer declined"), Some(false));
/// assert_eq!(appointed("Interview"), None);
/// ```
pub fn appointed(raw: &str) -> Option<bool> {
    classify(raw).or_else(|| lookup(APPOINTED, &norm(raw)))
}

/// Classifies a shortlisting value (the Shortlisted or Stage Reached column): the yes/no values of [`classify`],
/// plus "Shortlisted"/"Not shortlisted", and a stage reached at or after shortlisting (Interview, Interviewed,
/// Offer Made, Appointed…) → `true`; a stage before it (Application, Applied, Rejected at shortlisting) → `false`.
/// Words that do not say how far the applicant got (Withdrawn, Rejected) are `None`.
///
/// ```
/// use wres_wdes::normalise::codes::yes_no::shortlisted;
/// assert_eq!(shortlisted("Shortlisted"), Some(true));
/// assert_eq!(shortlisted("Not shortlisted"), Some(false));
/// assert_eq!(shortlisted("N"), Some(false));
/// assert_eq!(shortlisted("Withdrawn"), None);
/// ```
pub fn shortlisted(raw: &str) -> Option<bool> {
    classify(raw).or_else(|| lookup(SHORTLISTED, &norm(raw)))
}

pub(crate) const APPOINTED: &[(&str, bool)] = &[
    ("appointed", true),
    ("offer accepted", true),
    ("accepted offer", true),
    ("offer made", true),
    ("offered", true),
    ("conditional offer", true),
    ("conditional offer made", true),
    ("unconditional offer", true),
    ("unconditional offer made", true),
    ("hired", true),
    ("successful", true),
    ("started", true),
    ("not appointed", false),
    ("rejected", false),
    ("unsuccessful", false),
    ("withdrawn", false),
    ("withdrew", false),
    ("candidate withdrew", false),
    ("candidate withdrawn", false),
    ("applicant withdrew", false),
    ("not shortlisted", false),
    ("declined", false),
    ("offer declined", false),
    ("declined offer", false),
    ("offer rejected", false),
    ("offer withdrawn", false),
    ("not offered", false),
    ("not selected", false),
    ("not hired", false),
    ("not successful", false),
    ("rejected at interview", false),
    ("unsuccessful at interview", false),
    ("rejected at shortlisting", false),
    ("did not attend", false),
];

pub(crate) const SHORTLISTED: &[(&str, bool)] = &[
    ("shortlisted", true),
    ("short listed", true),
    ("interview", true),
    ("interviewed", true),
    ("invited to interview", true),
    ("unsuccessful at interview", true),
    ("rejected at interview", true),
    ("offer", true),
    ("offer made", true),
    ("offer accepted", true),
    ("offer declined", true),
    ("conditional offer", true),
    ("unconditional offer", true),
    ("appointed", true),
    ("not appointed", true),
    ("hired", true),
    ("not shortlisted", false),
    ("not short listed", false),
    ("rejected at shortlisting", false),
    ("unsuccessful at shortlisting", false),
    ("application", false),
    ("applied", false),
    ("application received", false),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_no_values() {
        for (raw, want) in [
            ("Y", Some(true)),
            ("y", Some(true)),
            ("Yes", Some(true)),
            ("YES", Some(true)),
            (" yes ", Some(true)),
            ("True", Some(true)),
            ("TRUE", Some(true)),
            ("1", Some(true)),
            ("1.0", Some(true)),
            ("1.00", Some(true)),
            ("N", Some(false)),
            ("n", Some(false)),
            ("No", Some(false)),
            ("False", Some(false)),
            ("0", Some(false)),
            ("0.0", Some(false)),
            ("", None),
            ("   ", None),
            ("2", None),
            ("0.5", None),
            ("-1", None),
            ("NaN", None),
            ("maybe", None),
            ("Yess", None),
            ("T", None),
        ] {
            assert_eq!(classify(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn appointed_values() {
        for (raw, want) in [
            ("Yes", Some(true)),
            ("No", Some(false)),
            ("Y", Some(true)),
            ("N", Some(false)),
            ("1", Some(true)),
            ("0", Some(false)),
            ("Appointed", Some(true)),
            ("Offer Accepted", Some(true)),
            ("Offer Made", Some(true)),
            ("Conditional Offer", Some(true)),
            ("Hired", Some(true)),
            ("Successful", Some(true)),
            ("Not Appointed", Some(false)),
            ("Not appointed", Some(false)),
            ("Rejected", Some(false)),
            ("Unsuccessful", Some(false)),
            ("Withdrawn", Some(false)),
            ("Not Shortlisted", Some(false)),
            ("Declined", Some(false)),
            ("Offer declined", Some(false)),
            ("Offer Withdrawn", Some(false)),
            ("", None),
            ("Appointable", None),
            ("Interview", None),
            ("Pending", None),
        ] {
            assert_eq!(appointed(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn shortlisted_values() {
        for (raw, want) in [
            ("Yes", Some(true)),
            ("No", Some(false)),
            ("Y", Some(true)),
            ("N", Some(false)),
            ("TRUE", Some(true)),
            ("0", Some(false)),
            ("Shortlisted", Some(true)),
            ("Short-listed", Some(true)),
            ("Not shortlisted", Some(false)),
            ("Not Shortlisted", Some(false)),
            ("Interview", Some(true)),
            ("Interviewed", Some(true)),
            ("Offer Made", Some(true)),
            ("Appointed", Some(true)),
            ("Application", Some(false)),
            ("", None),
            ("Withdrawn", None),
            ("Rejected", None),
        ] {
            assert_eq!(shortlisted(raw), want, "{raw:?}");
        }
    }
}
