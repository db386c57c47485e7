//! Yes/no values (Y/N, Yes/No, True/False, 1/0) and recruitment outcome words.

/// Classifies a yes/no value; `None` when it is not recognised.
pub fn classify(raw: &str) -> Option<bool> {
    let _ = raw;
    None
}

/// Classifies an appointment outcome (yes/no values and words such as Appointed, Offer Accepted, Rejected).
pub fn appointed(raw: &str) -> Option<bool> {
    let _ = raw;
    None
}

/// Classifies a shortlisting value (yes/no values and words such as Shortlisted, Not shortlisted).
pub fn shortlisted(raw: &str) -> Option<bool> {
    let _ = raw;
    None
}
