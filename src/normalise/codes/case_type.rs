//! Case types (stub until the classifier lands).

/// A disciplinary or capability case type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CaseType {
    /// Formal disciplinary.
    Disciplinary,
    /// Capability on grounds of performance.
    CapabilityPerformance,
    /// Capability on grounds of ill health.
    CapabilityIllHealth,
}

/// Classifies a case type.
pub fn classify(raw: &str) -> Option<CaseType> {
    let _ = raw;
    None
}
