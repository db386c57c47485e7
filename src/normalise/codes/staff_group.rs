//! Staff groups: the ten NHS Data Dictionary groups in their ESR spellings, and the default clinical split.
//!
//! Accepted: the Data Dictionary names with or without the two-digit code (`01 Medical and Dental`), `&` for
//! `and`, ESR's abbreviations (`Add Prof Scientific and Technic`, `Admin & Clerical`, `AHP`), and the GO2 form
//! `Nursing and Midwifery Registered|Staff Nurse` (the part before `|`). A bare two-digit code (`01`..`10`) is
//! read as the code. When a code and a recognised name disagree the name wins; an unrecognised name after a valid
//! code falls back to the code.

use super::text::{norm, strip_words};
use super::{StaffGroup, Workforce};

impl StaffGroup {
    /// All ten, in Data Dictionary code order (01..10).
    pub const ALL: [StaffGroup; 10] = [
        StaffGroup::MedicalAndDental,
        StaffGroup::Students,
        StaffGroup::NursingAndMidwiferyRegistered,
        StaffGroup::AlliedHealthProfessionals,
        StaffGroup::AdditionalProfessionalScientificAndTechnical,
        StaffGroup::HealthcareScientists,
        StaffGroup::AdditionalClinicalServices,
        StaffGroup::AdministrativeAndClerical,
        StaffGroup::EstatesAndAncillary,
        StaffGroup::SupplementaryRoles,
    ];

    /// The NHS Data Dictionary name.
    ///
    /// ```
    /// use wres_wdes::normalise::codes::StaffGroup;
    /// assert_eq!(StaffGroup::AlliedHealthProfessionals.label(), "Allied Health Professionals");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            StaffGroup::MedicalAndDental => "Medical and Dental",
            StaffGroup::Students => "Students",
            StaffGroup::NursingAndMidwiferyRegistered => "Nursing and Midwifery Registered",
            StaffGroup::AlliedHealthProfessionals => "Allied Health Professionals",
            StaffGroup::AdditionalProfessionalScientificAndTechnical => {
                "Additional Professional Scientific and Technical"
            }
            StaffGroup::HealthcareScientists => "Healthcare Scientists",
            StaffGroup::AdditionalClinicalServices => "Additional Clinical Services",
            StaffGroup::AdministrativeAndClerical => "Administrative and Clerical",
            StaffGroup::EstatesAndAncillary => "Estates and Ancillary",
            StaffGroup::SupplementaryRoles => "Supplementary Roles",
        }
    }

    /// The two-digit Data Dictionary code, 1..10.
    ///
    /// ```
    /// use wres_wdes::normalise::codes::StaffGroup;
    /// assert_eq!(StaffGroup::EstatesAndAncillary.code(), 9);
    /// ```
    pub fn code(self) -> u8 {
        match self {
            StaffGroup::MedicalAndDental => 1,
            StaffGroup::Students => 2,
            StaffGroup::NursingAndMidwiferyRegistered => 3,
            StaffGroup::AlliedHealthProfessionals => 4,
            StaffGroup::AdditionalProfessionalScientificAndTechnical => 5,
            StaffGroup::HealthcareScientists => 6,
            StaffGroup::AdditionalClinicalServices => 7,
            StaffGroup::AdministrativeAndClerical => 8,
            StaffGroup::EstatesAndAncillary => 9,
            StaffGroup::SupplementaryRoles => 10,
        }
    }
}

/// Classifies one staff-group value; `None` when it is not recognised.
///
/// ```
/// use wres_wdes::normalise::codes::staff_group::classify;
/// use wres_wdes::normalise::codes::StaffGroup;
/// assert_eq!(classify("Add Prof Scientific and Technic"),
///            Some(StaffGroup::AdditionalProfessionalScientificAndTechnical));
/// assert_eq!(classify("Nursing and Midwifery Registered|Staff Nurse"),
///            Some(StaffGroup::NursingAndMidwiferyRegistered));
/// assert_eq!(classify("01 Medical and Dental"), Some(StaffGroup::MedicalAndDental));
/// assert_eq!(classify("Bank"), None);
/// ```
pub fn classify(raw: &str) -> Option<StaffGroup> {
    let before_pipe = raw.split('|').next().unwrap_or("");
    let normed = norm(before_pipe);
    let first = normed.split(' ').next().unwrap_or("");
    let code = (first.len() == 2 && first.chars().all(|c| c.is_ascii_digit()))
        .then(|| first.parse::<u8>().ok())
        .flatten()
        .and_then(|n| StaffGroup::ALL.into_iter().find(|g| g.code() == n));
    let name = if code.is_some() { strip_words(&normed, first).unwrap_or("") } else { normed.as_str() };
    if name.is_empty() {
        return code;
    }
    let expanded: Vec<&str> = name.split(' ').map(expand).collect();
    let expanded = expanded.join(" ");
    NAMES.iter().find(|(n, _)| *n == expanded).map(|&(_, g)| g).or(code)
}

/// ESR abbreviations, word by word.
fn expand(word: &str) -> &str {
    ABBREVIATIONS.iter().find(|(short, _)| short.contains(&word)).map_or(word, |(_, long)| long)
}

/// The words an abbreviation stands for, in [`NAMES`].
pub(crate) const ABBREVIATIONS: &[(&[&str], &str)] = &[
    (&["add", "addl", "addtl"], "additional"),
    (&["prof", "profs", "professionals"], "professional"),
    (&["sci", "scient", "scientif"], "scientific"),
    (&["technic", "tech", "techn"], "technical"),
    (&["admin", "administration"], "administrative"),
    (&["cler"], "clerical"),
    (&["est"], "estates"),
    (&["anc", "ancil"], "ancillary"),
    (&["svcs", "servs", "serv"], "services"),
    (&["scientist"], "scientists"),
    (&["nurses"], "nursing"),
    (&["midwives"], "midwifery"),
    (&["student"], "students"),
    (&["role"], "roles"),
];

/// Names after [`expand`].
pub(crate) const NAMES: &[(&str, StaffGroup)] = &[
    ("medical and dental", StaffGroup::MedicalAndDental),
    ("medical dental", StaffGroup::MedicalAndDental),
    ("m and d", StaffGroup::MedicalAndDental),
    ("medical", StaffGroup::MedicalAndDental),
    ("students", StaffGroup::Students),
    ("nursing and midwifery registered", StaffGroup::NursingAndMidwiferyRegistered),
    ("nursing midwifery registered", StaffGroup::NursingAndMidwiferyRegistered),
    ("registered nursing and midwifery", StaffGroup::NursingAndMidwiferyRegistered),
    ("nursing and midwifery", StaffGroup::NursingAndMidwiferyRegistered),
    ("registered nursing and midwifery staff", StaffGroup::NursingAndMidwiferyRegistered),
    ("allied health professional", StaffGroup::AlliedHealthProfessionals),
    ("allied health professions", StaffGroup::AlliedHealthProfessionals),
    ("ahp", StaffGroup::AlliedHealthProfessionals),
    ("ahps", StaffGroup::AlliedHealthProfessionals),
    ("additional professional scientific and technical", StaffGroup::AdditionalProfessionalScientificAndTechnical),
    ("additional professional scientific technical", StaffGroup::AdditionalProfessionalScientificAndTechnical),
    ("apst", StaffGroup::AdditionalProfessionalScientificAndTechnical),
    ("ast", StaffGroup::AdditionalProfessionalScientificAndTechnical),
    ("healthcare scientists", StaffGroup::HealthcareScientists),
    ("health care scientists", StaffGroup::HealthcareScientists),
    ("healthcare science", StaffGroup::HealthcareScientists),
    ("additional clinical services", StaffGroup::AdditionalClinicalServices),
    ("administrative and clerical", StaffGroup::AdministrativeAndClerical),
    ("administrative clerical", StaffGroup::AdministrativeAndClerical),
    ("a and c", StaffGroup::AdministrativeAndClerical),
    ("estates and ancillary", StaffGroup::EstatesAndAncillary),
    ("estates ancillary", StaffGroup::EstatesAndAncillary),
    ("supplementary roles", StaffGroup::SupplementaryRoles),
];

/// The default workforce block of a staff group (the clinical split); `None` for Students (outside the workforce).
///
/// ```
/// use wres_wdes::normalise::codes::staff_group::default_workforce;
/// use wres_wdes::normalise::codes::{StaffGroup, Workforce};
/// assert_eq!(default_workforce(StaffGroup::EstatesAndAncillary), Some(Workforce::NonClinical));
/// assert_eq!(default_workforce(StaffGroup::Students), None);
/// ```
pub fn default_workforce(group: StaffGroup) -> Option<Workforce> {
    match group {
        StaffGroup::AdministrativeAndClerical | StaffGroup::EstatesAndAncillary => Some(Workforce::NonClinical),
        StaffGroup::MedicalAndDental => Some(Workforce::Medical),
        StaffGroup::Students => None,
        StaffGroup::NursingAndMidwiferyRegistered
        | StaffGroup::AlliedHealthProfessionals
        | StaffGroup::AdditionalProfessionalScientificAndTechnical
        | StaffGroup::HealthcareScientists
        | StaffGroup::AdditionalClinicalServices
        | StaffGroup::SupplementaryRoles => Some(Workforce::Clinical),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use StaffGroup::*;

    #[test]
    fn data_dictionary_names_with_and_without_codes() {
        for (raw, want) in [
            ("01 Medical and Dental", MedicalAndDental),
            ("02 Students", Students),
            ("03 Nursing and Midwifery Registered", NursingAndMidwiferyRegistered),
            ("04 Allied Health Professionals", AlliedHealthProfessionals),
            ("05 Additional Professional Scientific and Technical", AdditionalProfessionalScientificAndTechnical),
            ("06 Healthcare Scientists", HealthcareScientists),
            ("07 Additional Clinical Services", AdditionalClinicalServices),
            ("08 Administrative and Clerical", AdministrativeAndClerical),
            ("09 Estates and Ancillary", EstatesAndAncillary),
            ("10 Supplementary Roles", SupplementaryRoles),
            ("01 - Medical and Dental", MedicalAndDental),
            ("01", MedicalAndDental),
            ("10", SupplementaryRoles),
        ] {
            assert_eq!(classify(raw), Some(want), "{raw:?}");
        }
        // Every label round-trips, in any case.
        for g in StaffGroup::ALL {
            assert_eq!(classify(g.label()), Some(g));
            assert_eq!(classify(&g.label().to_uppercase()), Some(g));
            assert_eq!(classify(&format!("{:02} {}", g.code(), g.label())), Some(g));
        }
    }

    #[test]
    fn esr_spellings() {
        for (raw, want) in [
            ("Medical and Dental", MedicalAndDental),
            ("Medical & Dental", MedicalAndDental),
            ("Add Prof Scientific and Technic", AdditionalProfessionalScientificAndTechnical),
            ("Additional Prof Scientific and Technical", AdditionalProfessionalScientificAndTechnical),
            ("Additional Professional Scientific and Technical", AdditionalProfessionalScientificAndTechnical),
            ("Allied Health Professionals", AlliedHealthProfessionals),
            ("AHP", AlliedHealthProfessionals),
            ("Nursing and Midwifery Registered", NursingAndMidwiferyRegistered),
            ("Nursing & Midwifery Registered", NursingAndMidwiferyRegistered),
            ("Additional Clinical Services", AdditionalClinicalServices),
            ("Administrative and Clerical", AdministrativeAndClerical),
            ("Admin & Clerical", AdministrativeAndClerical),
            ("Estates and Ancillary", EstatesAndAncillary),
            ("Healthcare Scientists", HealthcareScientists),
            ("Students", Students),
            ("Supplementary Roles", SupplementaryRoles),
            ("Nursing and Midwifery Registered|Staff Nurse", NursingAndMidwiferyRegistered),
            ("Medical and Dental|Consultant", MedicalAndDental),
            ("  nursing   and midwifery registered ", NursingAndMidwiferyRegistered),
            // Name wins over a disagreeing code; an unknown name falls back to the code.
            ("02 Medical and Dental", MedicalAndDental),
            ("05 Add Prof Sci & Tech", AdditionalProfessionalScientificAndTechnical),
            ("08 Admin Something", AdministrativeAndClerical),
        ] {
            assert_eq!(classify(raw), Some(want), "{raw:?}");
        }
    }

    #[test]
    fn not_recognised() {
        for raw in ["", "Bank", "11", "00", "11 Other", "Nursing", "Clinical", "xyz", "|Staff Nurse", "Nurse"] {
            assert_eq!(classify(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn default_workforce_split() {
        for (g, want) in [
            (MedicalAndDental, Some(Workforce::Medical)),
            (Students, None),
            (NursingAndMidwiferyRegistered, Some(Workforce::Clinical)),
            (AlliedHealthProfessionals, Some(Workforce::Clinical)),
            (AdditionalProfessionalScientificAndTechnical, Some(Workforce::Clinical)),
            (HealthcareScientists, Some(Workforce::Clinical)),
            (AdditionalClinicalServices, Some(Workforce::Clinical)),
            (AdministrativeAndClerical, Some(Workforce::NonClinical)),
            (EstatesAndAncillary, Some(Workforce::NonClinical)),
            (SupplementaryRoles, Some(Workforce::Clinical)),
        ] {
            assert_eq!(default_workforce(g), want, "{g:?}");
        }
        assert_eq!(StaffGroup::ALL.len(), 10);
    }
}
