//! The generator's own records and code tables. Nothing here is presentation: the writers decide spellings.

use chrono::NaiveDate;

use crate::normalise::codes::{Disability, Ethnicity, MedicalGrade, PayBand, PayRow, StaffGroup};

/// One NHS ethnic category (or sub-code) with every spelling the writers use.
pub(crate) struct EthCode {
    /// Short code as ESR and the Data Dictionary hold it (`A`, `CA`, `Z`); `99` for never asked.
    pub short: &'static str,
    /// ESR "code + label" form (`A White - British`); empty for the blank value.
    pub esr: &'static str,
    /// Census 2021 label; the unknowns use "Prefer not to say".
    pub census: &'static str,
    /// Bare label without a code (used on the board file for the codes a board member can have).
    pub bare: &'static str,
    /// The WRES group.
    pub group: Ethnicity,
}

macro_rules! eth {
    ($short:expr, $esr:expr, $census:expr, $bare:expr, $group:ident) => {
        EthCode { short: $short, esr: $esr, census: $census, bare: $bare, group: Ethnicity::$group }
    };
}

const C_WHITE_BRITISH: &str = "White: English, Welsh, Scottish, Northern Irish or British";
const C_OTHER_WHITE: &str = "White: Other White";
const C_OTHER_MIXED: &str = "Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups";
const C_OTHER_ASIAN: &str = "Asian, Asian British or Asian Welsh: Other Asian";
const C_AFRICAN: &str = "Black, Black British, Black Welsh, Caribbean or African: African";
const C_OTHER_BLACK: &str = "Black, Black British, Black Welsh, Caribbean or African: Other Black";
const C_ANY_OTHER: &str = "Other ethnic group: Any other ethnic group";

/// Every ethnic value the generator produces. Indexes into this table are stored on people.
pub(crate) const ETH: &[EthCode] = &[
    // 0..=8 White
    eth!("A", "A White - British", C_WHITE_BRITISH, "White British", White),
    eth!("B", "B White - Irish", "White: Irish", "White Irish", White),
    eth!("C", "C White - Any other White background", C_OTHER_WHITE, "White Other", White),
    eth!("CA", "CA White English", C_WHITE_BRITISH, "White English", White),
    eth!("C3", "C3 White Unspecified", C_OTHER_WHITE, "White Other", White),
    eth!("CY", "CY White Other European", C_OTHER_WHITE, "White Other", White),
    eth!("CP", "CP White Polish", C_OTHER_WHITE, "White Polish", White),
    eth!("CX", "CX White Mixed", C_OTHER_WHITE, "White Other", White),
    eth!("CL", "CL White Irish Traveller", "White: Gypsy or Irish Traveller", "Irish Traveller", White),
    // 9..=29 BME
    eth!(
        "D",
        "D Mixed - White & Black Caribbean",
        "Mixed or Multiple ethnic groups: White and Black Caribbean",
        "Mixed White and Black Caribbean",
        Bme
    ),
    eth!(
        "E",
        "E Mixed - White & Black African",
        "Mixed or Multiple ethnic groups: White and Black African",
        "Mixed White and Black African",
        Bme
    ),
    eth!(
        "F",
        "F Mixed - White & Asian",
        "Mixed or Multiple ethnic groups: White and Asian",
        "Mixed White and Asian",
        Bme
    ),
    eth!("G", "G Mixed - Any other mixed background", C_OTHER_MIXED, "Mixed Other", Bme),
    eth!("GC", "GC Mixed - Black and White", C_OTHER_MIXED, "Mixed Black and White", Bme),
    eth!("H", "H Asian or Asian British - Indian", "Asian, Asian British or Asian Welsh: Indian", "Asian Indian", Bme),
    eth!(
        "J",
        "J Asian or Asian British - Pakistani",
        "Asian, Asian British or Asian Welsh: Pakistani",
        "Asian Pakistani",
        Bme
    ),
    eth!(
        "K",
        "K Asian or Asian British - Bangladeshi",
        "Asian, Asian British or Asian Welsh: Bangladeshi",
        "Asian Bangladeshi",
        Bme
    ),
    eth!("L", "L Asian or Asian British - Any other Asian background", C_OTHER_ASIAN, "Asian Other", Bme),
    eth!("LH", "LH Asian British", C_OTHER_ASIAN, "Asian British", Bme),
    eth!("LK", "LK Asian Unspecified", C_OTHER_ASIAN, "Asian Other", Bme),
    eth!(
        "M",
        "M Black or Black British - Caribbean",
        "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
        "Black Caribbean",
        Bme
    ),
    eth!("N", "N Black or Black British - African", C_AFRICAN, "Black African", Bme),
    eth!("P", "P Black or Black British - Any other Black background", C_OTHER_BLACK, "Black Other", Bme),
    eth!("PC", "PC Black Nigerian", C_AFRICAN, "Black Nigerian", Bme),
    eth!("PD", "PD Black British", C_OTHER_BLACK, "Black British", Bme),
    eth!("R", "R Chinese", "Asian, Asian British or Asian Welsh: Chinese", "Chinese", Bme),
    eth!("S", "S Any Other Ethnic Group", C_ANY_OTHER, "Any other ethnic group", Bme),
    eth!("SC", "SC Filipino", C_ANY_OTHER, "Filipino", Bme),
    eth!("SE", "SE Other Specified", C_ANY_OTHER, "Any other ethnic group", Bme),
    eth!("SA", "SA Vietnamese", C_ANY_OTHER, "Vietnamese", Bme),
    eth!("SB", "SB Japanese", C_ANY_OTHER, "Japanese", Bme),
    // 31..=32 Unknown
    eth!("Z", "Z Not Stated", "Prefer not to say", "Prefer not to say", Unknown),
    eth!("99", "", "", "", Unknown),
];

/// Index of `Z Not Stated` in [`ETH`].
pub(crate) const ETH_Z: u8 = 31;
/// Index of the blank / `99` value in [`ETH`].
pub(crate) const ETH_BLANK: u8 = 32;

/// Weights of the White codes (indexes into [`ETH`]) for a UK-born workforce.
pub(crate) const WHITE_W: &[(u8, u32)] = &[(0, 70), (1, 3), (2, 8), (3, 6), (4, 5), (5, 4), (6, 2), (7, 1), (8, 1)];
/// Weights of White codes for international recruits.
pub(crate) const WHITE_INTL_W: &[(u8, u32)] = &[(2, 4), (5, 4), (6, 2), (1, 1)];
/// Weights of the BME codes for the settled workforce.
pub(crate) const BME_W: &[(u8, u32)] = &[
    (9, 2),
    (10, 2),
    (11, 3),
    (12, 2),
    (13, 1),
    (14, 20),
    (15, 6),
    (16, 3),
    (17, 6),
    (18, 2),
    (19, 2),
    (20, 5),
    (21, 18),
    (22, 2),
    (23, 3),
    (24, 2),
    (25, 4),
    (26, 6),
    (27, 6),
    (28, 1),
    (29, 1),
    (30, 1),
];
/// Weights of BME codes for international recruits (nurses and doctors).
pub(crate) const BME_INTL_W: &[(u8, u32)] = &[(14, 35), (27, 25), (21, 15), (23, 10), (17, 5), (19, 5), (26, 5)];
/// Codes a board member can have (each has a sensible bare label).
pub(crate) const BOARD_WHITE_W: &[(u8, u32)] = &[(0, 85), (1, 5), (2, 10)];
/// BME codes a board member can have.
pub(crate) const BOARD_BME_W: &[(u8, u32)] = &[(21, 30), (20, 15), (14, 30), (17, 15), (11, 10)];

/// The group of an index into [`ETH`].
pub(crate) fn eth_group(i: u8) -> Ethnicity {
    ETH[i as usize].group
}

/// A disability answer as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DisAnswer {
    Yes,
    No,
    NotDeclared,
    PreferNot,
    Blank,
}

impl DisAnswer {
    /// The WDES group.
    pub fn group(self) -> Disability {
        match self {
            DisAnswer::Yes => Disability::Disabled,
            DisAnswer::No => Disability::NonDisabled,
            _ => Disability::Unknown,
        }
    }
}

/// An assignment category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Category {
    Permanent,
    FixedTerm,
    Bank,
    Honorary,
    Agency,
}

impl Category {
    /// The ESR spelling.
    pub fn label(self) -> &'static str {
        match self {
            Category::Permanent => "Permanent",
            Category::FixedTerm => "Fixed Term Temp",
            Category::Bank => "Bank",
            Category::Honorary => "Honorary",
            Category::Agency => "Agency",
        }
    }
}

/// A medical and dental grade: ESR name and subgroup.
pub(crate) struct MedGrade {
    pub name: &'static str,
    pub sub: MedicalGrade,
    pub salary: (u32, u32),
}

/// The medical grades written, with their WRES subgroup (the truth the engine should reproduce).
pub(crate) const MED_GRADES: &[MedGrade] = &[
    MedGrade { name: "Consultant", sub: MedicalGrade::Consultant, salary: (105_504, 139_882) },
    MedGrade { name: "Locum Consultant", sub: MedicalGrade::Consultant, salary: (105_504, 120_000) },
    MedGrade { name: "Specialty Doctor", sub: MedicalGrade::NonConsultantCareerGrade, salary: (59_175, 95_400) },
    MedGrade { name: "Specialist", sub: MedicalGrade::NonConsultantCareerGrade, salary: (96_990, 107_620) },
    MedGrade { name: "Associate Specialist", sub: MedicalGrade::NonConsultantCareerGrade, salary: (65_000, 105_000) },
    MedGrade { name: "Foundation Year 1", sub: MedicalGrade::Trainee, salary: (36_616, 36_616) },
    MedGrade { name: "Foundation Year 2", sub: MedicalGrade::Trainee, salary: (42_008, 42_008) },
    MedGrade { name: "Core Training", sub: MedicalGrade::Trainee, salary: (49_909, 49_909) },
    MedGrade { name: "Specialty Registrar", sub: MedicalGrade::Trainee, salary: (49_909, 63_152) },
    MedGrade { name: "Clinical Fellow", sub: MedicalGrade::Other, salary: (42_008, 63_152) },
];
/// Weights of [`MED_GRADES`].
pub(crate) const MED_W: &[(u8, u32)] =
    &[(0, 35), (1, 3), (2, 10), (3, 2), (4, 2), (5, 8), (6, 8), (7, 6), (8, 18), (9, 8)];

/// What decides the WRES 1 row of a staff row: an AfC band (or VSM) or a medical grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pay {
    Band(PayBand),
    Medical(u8),
}

impl Pay {
    /// The WRES 1 row.
    pub fn row(self) -> PayRow {
        match self {
            Pay::Band(b) => PayRow::Band(b),
            Pay::Medical(g) => PayRow::Medical(MED_GRADES[g as usize].sub),
        }
    }
}

/// Full-time pay range of an AfC band (2024/25 pay points, rounded).
pub(crate) fn band_salary(b: PayBand) -> (u32, u32) {
    match b {
        PayBand::UnderBand1 | PayBand::Band1 | PayBand::Band2 => (23_615, 23_615),
        PayBand::Band3 => (24_071, 25_674),
        PayBand::Band4 => (26_530, 29_114),
        PayBand::Band5 => (29_970, 36_483),
        PayBand::Band6 => (37_338, 44_962),
        PayBand::Band7 => (46_148, 52_809),
        PayBand::Band8a => (53_755, 60_504),
        PayBand::Band8b => (62_215, 72_293),
        PayBand::Band8c => (74_290, 85_601),
        PayBand::Band8d => (88_168, 101_677),
        PayBand::Band9 => (105_385, 121_271),
        PayBand::Vsm => (115_000, 215_000),
    }
}

/// The ESR name of a staff group (with ESR's abbreviation for group 05).
pub(crate) fn staff_group_esr(g: StaffGroup) -> &'static str {
    match g {
        StaffGroup::AdditionalProfessionalScientificAndTechnical => "Add Prof Scientific and Technic",
        other => staff_group_full(other),
    }
}

/// The NHS Data Dictionary name of a staff group.
pub(crate) fn staff_group_full(g: StaffGroup) -> &'static str {
    match g {
        StaffGroup::MedicalAndDental => "Medical and Dental",
        StaffGroup::Students => "Students",
        StaffGroup::NursingAndMidwiferyRegistered => "Nursing and Midwifery Registered",
        StaffGroup::AlliedHealthProfessionals => "Allied Health Professionals",
        StaffGroup::AdditionalProfessionalScientificAndTechnical => "Additional Professional Scientific and Technical",
        StaffGroup::HealthcareScientists => "Healthcare Scientists",
        StaffGroup::AdditionalClinicalServices => "Additional Clinical Services",
        StaffGroup::AdministrativeAndClerical => "Administrative and Clerical",
        StaffGroup::EstatesAndAncillary => "Estates and Ancillary",
        StaffGroup::SupplementaryRoles => "Supplementary Roles",
    }
}

/// A job-role style grade name for a non-medical row (the engine ignores it when there is a band).
pub(crate) fn role_name(g: StaffGroup, b: PayBand) -> &'static str {
    let senior = b >= PayBand::Band8a;
    match (g, b) {
        (_, PayBand::Vsm) => "Executive Director",
        (StaffGroup::NursingAndMidwiferyRegistered, PayBand::Band5) => "Staff Nurse",
        (StaffGroup::NursingAndMidwiferyRegistered, PayBand::Band6) => "Sister/Charge Nurse",
        (StaffGroup::NursingAndMidwiferyRegistered, _) if senior => "Modern Matron",
        (StaffGroup::NursingAndMidwiferyRegistered, _) => "Nurse Specialist",
        (StaffGroup::AdditionalClinicalServices, _) => "Healthcare Assistant",
        (StaffGroup::AdministrativeAndClerical, _) if senior => "Manager",
        (StaffGroup::AdministrativeAndClerical, _) => "Administrator",
        (StaffGroup::AlliedHealthProfessionals, _) => "Physiotherapist",
        (StaffGroup::AdditionalProfessionalScientificAndTechnical, _) => "Pharmacist",
        (StaffGroup::HealthcareScientists, _) => "Biomedical Scientist",
        (StaffGroup::EstatesAndAncillary, _) if senior => "Estates Manager",
        (StaffGroup::EstatesAndAncillary, _) => "Porter",
        (StaffGroup::Students, _) => "Student Nurse",
        _ => "Support Worker",
    }
}

/// ESR age bands.
pub(crate) const AGE_BANDS: &[&str] = &[
    "<=20 Years",
    "21-25",
    "26-30",
    "31-35",
    "36-40",
    "41-45",
    "46-50",
    "51-55",
    "56-60",
    "61-65",
    "66-70",
    ">=71 Years",
];
/// Weights of [`AGE_BANDS`] for the whole workforce.
pub(crate) const AGE_W: &[(u8, u32)] =
    &[(0, 1), (1, 7), (2, 11), (3, 12), (4, 12), (5, 12), (6, 11), (7, 11), (8, 10), (9, 7), (10, 3), (11, 1)];
/// Weights of [`AGE_BANDS`] for trainee doctors and students.
pub(crate) const AGE_YOUNG_W: &[(u8, u32)] = &[(0, 2), (1, 40), (2, 35), (3, 18), (4, 5)];

/// A person in the synthetic trust's staff file.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    /// Person (employee) number; assignment numbers are this plus `-N`.
    pub id: u32,
    /// Index into [`ETH`].
    pub eth: u8,
    pub dis: DisAnswer,
    /// True for female.
    pub female: bool,
    /// Index into [`AGE_BANDS`].
    pub age: u8,
    /// International recruit: `None` where the question does not apply (written blank).
    pub intl: Option<bool>,
    pub start: NaiveDate,
    /// Indexes into the first-name and surname lists.
    pub name: (u16, u16),
}

/// One row of the staff file (one assignment).
#[derive(Debug, Clone)]
pub(crate) struct StaffRow {
    /// Index into the people.
    pub person: u32,
    /// Assignment number suffix: 1 is written without a suffix, 2 as `-2`, and so on.
    pub suffix: u8,
    pub category: Category,
    /// Primary assignment flag; `None` is written blank.
    pub primary: Option<bool>,
    pub group: StaffGroup,
    pub pay: Pay,
    /// FTE in hundredths.
    pub fte: u8,
    /// Full-time annual salary (pay point), pounds; 0 is written blank.
    pub salary: u32,
    /// A random byte the writers use to vary spellings between rows.
    pub style: u8,
}

/// A recruitment vacancy.
#[derive(Debug, Clone)]
pub(crate) struct Vacancy {
    pub number: u32,
    pub group: StaffGroup,
    pub pay: Pay,
}

/// Outcome of an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Appointed,
    OfferAccepted,
    NotAppointed,
    Withdrawn,
}

impl Outcome {
    pub fn appointed(self) -> bool {
        matches!(self, Outcome::Appointed | Outcome::OfferAccepted)
    }
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Appointed => "Appointed",
            Outcome::OfferAccepted => "Offer Accepted",
            Outcome::NotAppointed => "Not Appointed",
            Outcome::Withdrawn => "Withdrawn",
        }
    }
}

/// One application (applicant x vacancy).
#[derive(Debug, Clone)]
pub(crate) struct Application {
    pub vacancy: u32,
    pub eth: u8,
    pub dis: DisAnswer,
    pub shortlisted: bool,
    pub outcome: Outcome,
    pub style: u8,
}

/// A case type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseType {
    Disciplinary,
    Performance,
    IllHealth,
    Grievance,
}

impl CaseType {
    pub fn label(self) -> &'static str {
        match self {
            CaseType::Disciplinary => "Disciplinary",
            CaseType::Performance => "Capability - Performance",
            CaseType::IllHealth => "Capability - Ill Health",
            CaseType::Grievance => "Grievance",
        }
    }
}

/// One case.
#[derive(Debug, Clone)]
pub(crate) struct Case {
    pub reference: u32,
    pub person_id: u32,
    pub eth: u8,
    pub dis: DisAnswer,
    /// Whether the row carries the ethnicity (else blank, joined from the staff file).
    pub row_eth: bool,
    /// Whether the row carries the disability.
    pub row_dis: bool,
    pub kind: CaseType,
    pub date: NaiveDate,
    pub style: u8,
}

/// Non-mandatory courses.
pub(crate) const COURSES: &[&str] = &[
    "Leadership Essentials",
    "Mary Seacole Programme",
    "Coaching Skills",
    "Advanced Clinical Practice Module",
    "Quality Improvement Foundations",
    "Mentorship Preparation",
    "Project Management",
    "Excel Intermediate",
    "Research Skills",
    "Preceptorship Programme",
];
/// Mandatory courses (index offset 100 in [`TrainingRow::course`]).
pub(crate) const MANDATORY_COURSES: &[&str] = &[
    "Fire Safety",
    "Information Governance",
    "Safeguarding Adults Level 2",
    "Basic Life Support",
    "Infection Prevention and Control",
    "Moving and Handling",
    "Equality, Diversity and Human Rights",
];

/// One training attendance.
#[derive(Debug, Clone)]
pub(crate) struct TrainingRow {
    pub person_id: u32,
    /// Written as `id-N` when above 1.
    pub suffix: u8,
    /// Course name.
    pub course: &'static str,
    /// `Some(true)` mandatory, `Some(false)` flagged non-mandatory, `None` blank (non-mandatory).
    pub mandatory: Option<bool>,
    pub date: NaiveDate,
}

/// One staff survey result.
#[derive(Debug, Clone)]
pub(crate) struct SurveyRow {
    pub measure: &'static str,
    pub group: &'static str,
    /// Percentage 0-100, or the 0-10 score for WDES9a.
    pub value: f64,
    pub respondents: u32,
}

/// One board member.
#[derive(Debug, Clone)]
pub(crate) struct BoardMember {
    pub name: (u16, u16),
    pub role: &'static str,
    pub eth: u8,
    pub dis: DisAnswer,
    pub voting: bool,
    pub executive: bool,
}

/// Picks from a weighted table with one draw in `0..total`.
pub(crate) fn pick(table: &[(u8, u32)], draw: u32) -> u8 {
    let mut d = draw;
    for &(v, w) in table {
        if d < w {
            return v;
        }
        d -= w;
    }
    table[table.len() - 1].0
}

/// Total weight of a table.
pub(crate) fn total(table: &[(u8, u32)]) -> u32 {
    table.iter().map(|t| t.1).sum()
}
