//! Survey measures and groups (stub until the classifier lands).

/// A survey breakdown group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SurveyGroup {
    /// White staff.
    White,
    /// BME staff.
    Bme,
    /// Disabled staff.
    Disabled,
    /// Non-disabled staff.
    NonDisabled,
    /// All staff.
    Overall,
}

/// The measures a survey row serves.
pub fn classify_measure(raw: &str) -> Option<&'static [&'static str]> {
    let _ = raw;
    None
}

/// Classifies a survey group.
pub fn classify_group(raw: &str) -> Option<SurveyGroup> {
    let _ = raw;
    None
}
