//! The groups and codes every layer below reads: ethnicity, disability, pay bands and grades, staff groups.
//!
//! Each classifier is table-driven and returns `None` for a value it does not recognise, so the caller can count
//! it (with its raw text) in the data-quality log; a recognised "not stated" value is `Some(Unknown)`.

pub mod band;
pub mod case_type;
pub mod disability;
pub mod ethnicity;
pub mod gender;
pub mod grade;
pub mod staff_group;
pub mod survey;
pub mod survey_map;
pub mod yes_no;

mod text;

use serde::Serialize;

/// The WRES ethnicity groups (by the NHS ethnic category code: docs/method.md).
///
/// ```
/// use wres_wdes::normalise::codes::Ethnicity;
/// assert_eq!(Ethnicity::Bme.label(), "BME");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Ethnicity {
    /// NHS ethnic categories A, B, C and every C-family sub-code.
    White,
    /// Categories D to S and their sub-codes.
    Bme,
    /// Z, 99, blank and the "not stated" family.
    Unknown,
}

impl Ethnicity {
    /// All three, in report order.
    pub const ALL: [Ethnicity; 3] = [Ethnicity::White, Ethnicity::Bme, Ethnicity::Unknown];
    /// The output label: `White`, `BME`, `Unknown`.
    pub fn label(self) -> &'static str {
        match self {
            Ethnicity::White => "White",
            Ethnicity::Bme => "BME",
            Ethnicity::Unknown => "Unknown",
        }
    }
}

/// The five Census 2021 broad ethnic groups (for the population comparison). NHS code R (Chinese) is Asian here
/// although it is "Other" in the 2001 list; Arab is Other.
///
/// ```
/// use wres_wdes::normalise::codes::BroadGroup;
/// assert_eq!(BroadGroup::Asian.label(), "Asian");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum BroadGroup {
    /// White (A, B, C).
    White,
    /// Asian, Asian British or Asian Welsh (H, J, K, L, R).
    Asian,
    /// Black, Black British, Black Welsh, Caribbean or African (M, N, P).
    Black,
    /// Mixed or Multiple ethnic groups (D, E, F, G).
    Mixed,
    /// Other ethnic group (S).
    Other,
}

impl BroadGroup {
    /// All five, in the order of the outputs.
    pub const ALL: [BroadGroup; 5] =
        [BroadGroup::White, BroadGroup::Asian, BroadGroup::Black, BroadGroup::Mixed, BroadGroup::Other];
    /// The output label.
    pub fn label(self) -> &'static str {
        match self {
            BroadGroup::White => "White",
            BroadGroup::Asian => "Asian",
            BroadGroup::Black => "Black",
            BroadGroup::Mixed => "Mixed",
            BroadGroup::Other => "Other",
        }
    }
}

/// A classified ethnicity value: the WRES group and, when known, the Census broad group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EthnicityClass {
    /// White / BME / Unknown.
    pub group: Ethnicity,
    /// The Census 2021 broad group; `None` when unknown.
    pub broad: Option<BroadGroup>,
}

/// The WDES disability groups.
///
/// ```
/// use wres_wdes::normalise::codes::Disability;
/// assert_eq!(Disability::NonDisabled.label(), "Non-disabled");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Disability {
    /// Declared Yes.
    Disabled,
    /// Declared No.
    NonDisabled,
    /// Not declared, prefer not to answer, unspecified, blank.
    Unknown,
}

impl Disability {
    /// All three, in report order.
    pub const ALL: [Disability; 3] = [Disability::Disabled, Disability::NonDisabled, Disability::Unknown];
    /// The output label: `Disabled`, `Non-disabled`, `Unknown`.
    pub fn label(self) -> &'static str {
        match self {
            Disability::Disabled => "Disabled",
            Disability::NonDisabled => "Non-disabled",
            Disability::Unknown => "Unknown",
        }
    }
}

/// An Agenda for Change pay band, or the VSM/ESM framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[allow(missing_docs)]
pub enum PayBand {
    UnderBand1,
    Band1,
    Band2,
    Band3,
    Band4,
    Band5,
    Band6,
    Band7,
    Band8a,
    Band8b,
    Band8c,
    Band8d,
    Band9,
    /// Very Senior Manager / Executive Senior Manager, including executive board members.
    Vsm,
}

impl PayBand {
    /// All bands, lowest first.
    pub const ALL: [PayBand; 14] = [
        PayBand::UnderBand1,
        PayBand::Band1,
        PayBand::Band2,
        PayBand::Band3,
        PayBand::Band4,
        PayBand::Band5,
        PayBand::Band6,
        PayBand::Band7,
        PayBand::Band8a,
        PayBand::Band8b,
        PayBand::Band8c,
        PayBand::Band8d,
        PayBand::Band9,
        PayBand::Vsm,
    ];
    /// The output label: `Under Band 1`, `Band 1` .. `Band 9`, `Band 8a` .. `Band 8d`, `VSM`.
    pub fn label(self) -> &'static str {
        match self {
            PayBand::UnderBand1 => "Under Band 1",
            PayBand::Band1 => "Band 1",
            PayBand::Band2 => "Band 2",
            PayBand::Band3 => "Band 3",
            PayBand::Band4 => "Band 4",
            PayBand::Band5 => "Band 5",
            PayBand::Band6 => "Band 6",
            PayBand::Band7 => "Band 7",
            PayBand::Band8a => "Band 8a",
            PayBand::Band8b => "Band 8b",
            PayBand::Band8c => "Band 8c",
            PayBand::Band8d => "Band 8d",
            PayBand::Band9 => "Band 9",
            PayBand::Vsm => "VSM",
        }
    }
    /// The WDES cluster (1-4) of a non-medical band.
    pub fn cluster(self) -> u8 {
        match self {
            PayBand::UnderBand1 | PayBand::Band1 | PayBand::Band2 | PayBand::Band3 | PayBand::Band4 => 1,
            PayBand::Band5 | PayBand::Band6 | PayBand::Band7 => 2,
            PayBand::Band8a | PayBand::Band8b => 3,
            PayBand::Band8c | PayBand::Band8d | PayBand::Band9 | PayBand::Vsm => 4,
        }
    }
}

/// What a pay-band cell says, before the grade and staff group are considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BandValue {
    /// An AfC band or VSM/ESM.
    Band(PayBand),
    /// "Non AfC" and similar: the grade decides (VSM, medical grade or Other).
    NonAfc,
    /// "Medical and Dental": the grade decides.
    Medical,
    /// Blank: the grade decides.
    Blank,
}

/// The medical and dental subgroups (WRES rows, WDES clusters 5-7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum MedicalGrade {
    /// Consultants (cluster 5).
    Consultant,
    /// Non-consultant career grades: specialty doctors, specialists, associate specialists (cluster 6).
    NonConsultantCareerGrade,
    /// Trainee grades: foundation, core, specialty registrars (cluster 7).
    Trainee,
    /// Any other medical grade.
    Other,
}

impl MedicalGrade {
    /// Every subgroup, in row order.
    pub const ALL: [MedicalGrade; 4] =
        [MedicalGrade::Consultant, MedicalGrade::NonConsultantCareerGrade, MedicalGrade::Trainee, MedicalGrade::Other];
}

/// The ten NHS Data Dictionary staff groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[allow(missing_docs)]
pub enum StaffGroup {
    MedicalAndDental,
    Students,
    NursingAndMidwiferyRegistered,
    AlliedHealthProfessionals,
    AdditionalProfessionalScientificAndTechnical,
    HealthcareScientists,
    AdditionalClinicalServices,
    AdministrativeAndClerical,
    EstatesAndAncillary,
    SupplementaryRoles,
}

/// The workforce blocks of WRES 1 / WDES 1 (the clinical split).
///
/// ```
/// use wres_wdes::normalise::codes::Workforce;
/// assert_eq!(Workforce::NonClinical.label(), "non_clinical");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Workforce {
    /// Administrative and Clerical, Estates and Ancillary.
    NonClinical,
    /// Every other staff group except Medical and Dental.
    Clinical,
    /// Medical and Dental.
    Medical,
}

impl Workforce {
    /// The three blocks, in report order.
    pub const ALL: [Workforce; 3] = [Workforce::NonClinical, Workforce::Clinical, Workforce::Medical];
    /// The output label: `non_clinical`, `clinical`, `medical`.
    pub fn label(self) -> &'static str {
        match self {
            Workforce::NonClinical => "non_clinical",
            Workforce::Clinical => "clinical",
            Workforce::Medical => "medical",
        }
    }
}

/// The row of WRES 1 a person falls in: a pay band, a medical subgroup, or Other.
///
/// ```
/// use wres_wdes::normalise::codes::{PayRow, PayBand, MedicalGrade};
/// assert_eq!(PayRow::Band(PayBand::Band8a).label(), "Band 8a");
/// assert_eq!(PayRow::Medical(MedicalGrade::Trainee).cluster(), Some(7));
/// assert_eq!(PayRow::Other.cluster(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum PayRow {
    /// An AfC band or VSM.
    Band(PayBand),
    /// A medical and dental subgroup (its `Other` is the medical "Other" row).
    Medical(MedicalGrade),
    /// A non-medical person with no AfC band and not VSM.
    Other,
}

impl PayRow {
    /// The output label of the row (docs/outputs.md).
    pub fn label(self) -> &'static str {
        match self {
            PayRow::Band(b) => b.label(),
            PayRow::Medical(MedicalGrade::Consultant) => "Consultants",
            PayRow::Medical(MedicalGrade::NonConsultantCareerGrade) => "Non-consultant career grade",
            PayRow::Medical(MedicalGrade::Trainee) => "Trainee grades",
            PayRow::Medical(MedicalGrade::Other) | PayRow::Other => "Other",
        }
    }
    /// The WDES cluster 1-7, or `None` for the Other rows.
    pub fn cluster(self) -> Option<u8> {
        match self {
            PayRow::Band(b) => Some(b.cluster()),
            PayRow::Medical(MedicalGrade::Consultant) => Some(5),
            PayRow::Medical(MedicalGrade::NonConsultantCareerGrade) => Some(6),
            PayRow::Medical(MedicalGrade::Trainee) => Some(7),
            PayRow::Medical(MedicalGrade::Other) | PayRow::Other => None,
        }
    }
}
