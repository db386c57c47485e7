//! Case types of the cases input: formal disciplinary (WRES 3) and formal capability on grounds of performance or
//! ill health (WDES 3).
//!
//! Rules (after normalising: lowercase, punctuation and dashes to spaces):
//!
//! - Anything that says **informal** is not a formal process: `None`.
//! - Disciplinary: the word "disciplinary" (optionally with formal / process / investigation / hearing / case /
//!   action), or conduct / misconduct / gross misconduct (the disciplinary policy's grounds). WRES 3 counts entry
//!   into a formal disciplinary investigation, so "Disciplinary Investigation" is disciplinary.
//! - Capability: the word "capability" plus a ground: performance → [`CaseType::CapabilityPerformance`]; ill health
//!   / ill-health / sickness / health / attendance → [`CaseType::CapabilityIllHealth`]. Both grounds, or neither
//!   (a bare "Capability"), is `None`: the ground decides WDES 3 and cannot be guessed.
//! - Anything else (grievance, bullying and harassment, sickness absence…) is `None`. Of those, the processes the
//!   standards leave out on purpose ([`is_other_process`]: grievance, bullying and harassment, dignity at work,
//!   appeals, whistleblowing, mediation, informal processes, sickness absence management, probation, tribunals,
//!   and the word `Other`) are known and left out as another case type; the rest are not recognised.

use super::text::{has_phrase, norm};

/// A formal case type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum CaseType {
    /// Formal disciplinary process (WRES 3).
    Disciplinary,
    /// Formal capability process on grounds of performance (WDES 3).
    CapabilityPerformance,
    /// Formal capability process on grounds of ill health (WDES 3 when `include_ill_health`).
    CapabilityIllHealth,
}

impl CaseType {
    /// All three.
    pub const ALL: [CaseType; 3] =
        [CaseType::Disciplinary, CaseType::CapabilityPerformance, CaseType::CapabilityIllHealth];

    /// The canonical label: `Disciplinary`, `Capability - Performance`, `Capability - Ill Health`.
    ///
    /// ```
    /// use wres_wdes::normalise::codes::case_type::CaseType;
    /// assert_eq!(CaseType::CapabilityIllHealth.label(), "Capability - Ill Health");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            CaseType::Disciplinary => "Disciplinary",
            CaseType::CapabilityPerformance => "Capability - Performance",
            CaseType::CapabilityIllHealth => "Capability - Ill Health",
        }
    }
}

/// Classifies one case-type value; `None` when it is not one of the three formal processes.
///
/// ```
/// use wres_wdes::normalise::codes::case_type::{classify, CaseType};
/// assert_eq!(classify("Formal Disciplinary"), Some(CaseType::Disciplinary));
/// assert_eq!(classify("Capability (Performance)"), Some(CaseType::CapabilityPerformance));
/// assert_eq!(classify("Sickness Capability"), Some(CaseType::CapabilityIllHealth));
/// assert_eq!(classify("Grievance"), None);
/// ```
pub fn classify(raw: &str) -> Option<CaseType> {
    let normed = norm(raw);
    if normed.is_empty() || has_phrase(&normed, "informal") || has_phrase(&normed, "not formal") {
        return None;
    }
    if has_phrase(&normed, "capability") {
        let performance = has_phrase(&normed, "performance");
        let ill_health = ILL_HEALTH.iter().any(|w| has_phrase(&normed, w));
        return match (performance, ill_health) {
            (true, false) => Some(CaseType::CapabilityPerformance),
            (false, true) => Some(CaseType::CapabilityIllHealth),
            _ => None,
        };
    }
    let rest: Vec<&str> = normed.split(' ').filter(|w| !DISCIPLINARY_NOISE.contains(w)).collect();
    DISCIPLINARY.contains(&rest.join(" ").as_str()).then_some(CaseType::Disciplinary)
}

/// What a disciplinary case is called, once the words of [`DISCIPLINARY_NOISE`] are dropped.
pub(crate) const DISCIPLINARY: &[&str] = &["disciplinary", "conduct", "misconduct", "gross misconduct"];

/// The words that make a capability case one of ill health.
pub(crate) const ILL_HEALTH: &[&str] = &["ill health", "illhealth", "ill", "sickness", "health", "attendance", "sick"];

/// True for a case type the standards leave out on purpose (not formal disciplinary or capability): a process
/// the tool knows and leaves out, as opposed to a value it does not recognise. Only asked of a value
/// [`classify`] gives `None`.
///
/// ```
/// use wres_wdes::normalise::codes::case_type::is_other_process;
/// assert!(is_other_process("Grievance"));
/// assert!(is_other_process("Bullying & Harassment Investigation"));
/// assert!(is_other_process("Other"));
/// assert!(!is_other_process("Capability"));
/// assert!(!is_other_process("Formal Hearing"));
/// ```
pub fn is_other_process(raw: &str) -> bool {
    let normed = norm(raw);
    normed == "other" || OTHER_PROCESSES.iter().any(|p| has_phrase(&normed, p))
}

/// Processes outside WRES 3 and WDES 3, named anywhere in the value.
pub(crate) const OTHER_PROCESSES: &[&str] = &[
    "grievance",
    "grievances",
    "bullying",
    "harassment",
    "dignity at work",
    "appeal",
    "appeals",
    "whistleblowing",
    "whistle blowing",
    "raising concerns",
    "freedom to speak up",
    "mediation",
    "informal",
    "sickness absence",
    "absence management",
    "attendance management",
    "managing attendance",
    "probation",
    "probationary",
    "employment tribunal",
    "tribunal",
    "flexible working",
];

/// Words that may accompany "disciplinary" without changing it.
pub(crate) const DISCIPLINARY_NOISE: &[&str] =
    &["formal", "process", "investigation", "hearing", "case", "action", "procedure"];

#[cfg(test)]
mod tests {
    use super::*;
    use CaseType::*;

    #[test]
    fn values() {
        for (raw, want) in [
            ("Disciplinary", Some(Disciplinary)),
            ("disciplinary", Some(Disciplinary)),
            ("Formal Disciplinary", Some(Disciplinary)),
            ("Disciplinary - Formal", Some(Disciplinary)),
            ("Formal Disciplinary Process", Some(Disciplinary)),
            ("Disciplinary Investigation", Some(Disciplinary)),
            ("Disciplinary Hearing", Some(Disciplinary)),
            ("Conduct", Some(Disciplinary)),
            ("Misconduct", Some(Disciplinary)),
            ("Gross Misconduct", Some(Disciplinary)),
            ("Capability - Performance", Some(CapabilityPerformance)),
            ("Capability (Performance)", Some(CapabilityPerformance)),
            ("Performance Capability", Some(CapabilityPerformance)),
            ("Capability – Performance", Some(CapabilityPerformance)),
            ("Formal Capability - Performance", Some(CapabilityPerformance)),
            ("CAPABILITY PERFORMANCE", Some(CapabilityPerformance)),
            ("Capability - Ill Health", Some(CapabilityIllHealth)),
            ("Capability – Ill-health", Some(CapabilityIllHealth)),
            ("Capability (Ill Health)", Some(CapabilityIllHealth)),
            ("Ill Health Capability", Some(CapabilityIllHealth)),
            ("Sickness Capability", Some(CapabilityIllHealth)),
            ("Capability - Sickness Absence", Some(CapabilityIllHealth)),
            ("Capability (Health)", Some(CapabilityIllHealth)),
            // Not formal, not a ground, or another process.
            ("Informal Disciplinary", None),
            ("Informal Capability - Performance", None),
            ("Capability", None),
            ("Formal Capability", None),
            ("Capability - Performance and Ill Health", None),
            ("Grievance", None),
            ("Bullying and Harassment", None),
            ("Sickness Absence", None),
            ("Performance", None),
            ("Disciplinary appeal against grievance", None),
            ("", None),
            ("xyz", None),
        ] {
            assert_eq!(classify(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn other_processes() {
        for raw in [
            "Grievance",
            "grievance",
            "Collective Grievance",
            "Bullying and Harassment",
            "Bullying/Harassment Investigation",
            "Harassment",
            "Dignity at Work",
            "Disciplinary Appeal",
            "Appeal",
            "Whistleblowing",
            "Raising Concerns",
            "Freedom to Speak Up",
            "Mediation",
            "Informal Disciplinary",
            "Informal Capability - Performance",
            "Sickness Absence",
            "Probationary Review",
            "Employment Tribunal",
            "OTHER",
        ] {
            assert_eq!(classify(raw), None, "{raw:?}");
            assert!(is_other_process(raw), "{raw:?}");
        }
        for raw in
            ["Capability", "Formal Capability", "Capability - Performance and Ill Health", "Performance", "", "xyz"]
        {
            assert!(!is_other_process(raw), "{raw:?}");
        }
    }

    #[test]
    fn labels_round_trip() {
        for c in CaseType::ALL {
            assert_eq!(classify(c.label()), Some(c));
        }
    }
}
