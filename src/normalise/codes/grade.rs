//! Grades: medical and dental grades to consultant / non-consultant career grade / trainee / other, VSM grades,
//! and where a person sits in WRES 1 ([`pay_row`]).
//!
//! Medical grades (NHS Data Dictionary job roles) are read from the **words** of the grade name. A leading ESR
//! pay-scale code (`MC51 Consultant`, `MN37 Specialty Registrar`), a 5-digit job-role code (`01005 Medical and
//! Dental - Consultant`), a `Medical and Dental` prefix and GO2 pipe forms (`NHS|MN37|Specialty Registrar`) are
//! stripped first. Only when there are no words does the code decide: `MN..` and `MT..` (the junior-doctor pay scales,
//! `MT` replacing `MN` from 2016) are trainee grades; other codes are not recognised.
//!
//! Rules, first match wins:
//!
//! 1. Names of non-medical professions (nurse, midwife, psychologist, pharmacist, scientist, therapist…) are not
//!    medical grades: `None` (so "Nurse Consultant" is never a consultant). "Hospital practitioner" is kept.
//! 2. Honorary grades and fellows (clinical, research, teaching fellow) → Other.
//! 3. Trust grade / locally employed doctors: "career grade" → NCCG; at trainee level (SHO, SpR, registrar,
//!    foundation…) → Trainee (a decision: the guidance leaves it to the trust; the caller can remap); otherwise
//!    Other.
//! 4. Consultant, Locum Consultant, Dental surgeon acting as consultant, Director of Public Health, Medical
//!    Director, Clinical Director → Consultant.
//! 5. Foundation year 1/2 (F1, F2, FY1, FY2), core training (CT1-3, core medical trainee), specialty and
//!    specialist registrars (StR, SpR, ST1-ST8), GP specialty registrars (GPST), senior house officer (SHO), house
//!    officer, registrar, trainee → Trainee.
//! 6. Specialty doctor, specialist, associate specialist, staff grade, clinical assistant, hospital
//!    practitioner, SAS doctor → NCCG.
//! 7. Other recognised medical grades (other medical, general practitioner/GP, dentist, dental officer, (clinical)
//!    medical officer, trust grade doctor) → Other.
//! 8. Anything else → `None`.

use super::text::{has_phrase, norm, strip_words};
use super::{band, BandValue, MedicalGrade, PayBand, PayRow, Workforce};

/// Classifies a medical grade name or pay-scale code; `None` when it is not recognised.
///
/// ```
/// use wres_wdes::normalise::codes::grade::classify_medical;
/// use wres_wdes::normalise::codes::MedicalGrade;
/// assert_eq!(classify_medical("Locum Consultant"), Some(MedicalGrade::Consultant));
/// assert_eq!(classify_medical("Specialty Doctor"), Some(MedicalGrade::NonConsultantCareerGrade));
/// assert_eq!(classify_medical("NHS|MN37|Specialty Registrar"), Some(MedicalGrade::Trainee));
/// assert_eq!(classify_medical("Clinical Fellow"), Some(MedicalGrade::Other));
/// assert_eq!(classify_medical("Nurse Consultant"), None);
/// ```
pub fn classify_medical(raw: &str) -> Option<MedicalGrade> {
    let mut code_grade = None;
    let mut words_seen = false;
    // Pipe parts from last (the name) to first; without pipes this is the one value.
    for part in raw.split('|').rev() {
        let normed = norm(part);
        let (code, rest) = split_codes(&normed);
        if let Some(g) = code.and_then(code_only) {
            code_grade.get_or_insert(g);
        }
        if rest.is_empty() || rest == "nhs" {
            continue;
        }
        words_seen = true;
        if let Some(g) = from_words(rest) {
            return Some(g);
        }
    }
    if words_seen {
        None
    } else {
        code_grade
    }
}

/// Strips leading codes (pay-scale code like `mc51`, 5-digit job-role code) and a `medical and dental` prefix;
/// returns the last pay-scale code seen and the remaining words.
fn split_codes(normed: &str) -> (Option<&str>, &str) {
    let mut rest = normed;
    let mut code = None;
    loop {
        let first = rest.split(' ').next().unwrap_or("");
        if is_pay_scale_code(first) {
            code = Some(first);
        } else if !(first.len() == 5 && first.chars().all(|c| c.is_ascii_digit())) {
            break;
        }
        rest = strip_words(rest, first).unwrap_or("");
    }
    for prefix in ["medical and dental", "medical dental", "m and d"] {
        if let Some(r) = strip_words(rest, prefix) {
            rest = r;
            break;
        }
    }
    (code, rest)
}

/// Two ASCII letters then two or three digits, optionally a letter: `mc51`, `mn37`, `mt04`, `xr05`, `xr08a`.
fn is_pay_scale_code(token: &str) -> bool {
    let b = token.as_bytes();
    let digits = b.iter().skip(2).take_while(|c| c.is_ascii_digit()).count();
    let tail = b.len().saturating_sub(2 + digits);
    b.len() >= 4
        && b[0].is_ascii_lowercase()
        && b[1].is_ascii_lowercase()
        && (2..=3).contains(&digits)
        && (tail == 0 || (tail == 1 && b[b.len() - 1].is_ascii_lowercase()))
}

/// A pay-scale code with no words: only the junior-doctor scales are read.
fn code_only(code: &str) -> Option<MedicalGrade> {
    (code.starts_with("mn") || code.starts_with("mt")).then_some(MedicalGrade::Trainee)
}

pub(crate) const NON_MEDICAL: &[&str] = &[
    "nurse",
    "nursing",
    "midwife",
    "midwifery",
    "psychologist",
    "psychology",
    "psychotherapist",
    "pharmacist",
    "pharmacy",
    "scientist",
    "science",
    "therapist",
    "physiotherapist",
    "radiographer",
    "paramedic",
    "dietitian",
    "podiatrist",
    "optometrist",
    "orthoptist",
    "audiologist",
    "sonographer",
    "physician associate",
    "advanced clinical practitioner",
    "nurse practitioner",
    "manager",
    "administrator",
];

pub(crate) const CONSULTANT: &[&str] =
    &["consultant", "consultants", "director of public health", "medical director", "clinical director"];

pub(crate) const TRAINEE: &[&str] = &[
    "foundation year",
    "foundation doctor",
    "foundation house officer",
    "foundation trainee",
    "core training",
    "core trainee",
    "core medical trainee",
    "core surgical trainee",
    "dental core trainee",
    "dental foundation",
    "specialty registrar",
    "speciality registrar",
    "specialist registrar",
    "specialty trainee",
    "speciality trainee",
    "gp specialty registrar",
    "gp registrar",
    "gp trainee",
    "gpst",
    "str",
    "spr",
    "cmt",
    "senior house officer",
    "sho",
    "house officer",
    "pre registration house officer",
    "prho",
    "registrar",
    "registrars",
    "trainee",
    "junior doctor",
];

/// Letter prefixes of numbered training grades: `ST3`, `CT1`, `FY2`, `F1`, `GPST2`, `DCT1`, `DF1`.
pub(crate) const TRAINEE_NUMBERED: &[&str] = &["st", "ct", "fy", "f", "gpst", "dct", "df", "cst", "ist"];

pub(crate) const NCCG: &[&str] = &[
    "specialty doctor",
    "speciality doctor",
    "specialist",
    "associate specialist",
    "staff grade",
    "clinical assistant",
    "hospital practitioner",
    "sas doctor",
    "specialty and associate specialist",
];

/// Other medical grades named as the whole value.
pub(crate) const OTHER_WHOLE: &[&str] = &["other", "gp", "salaried gp", "dentist", "trust grade doctor"];

/// Other medical grades named anywhere in the value.
pub(crate) const OTHER_PHRASES: &[&str] =
    &["other medical", "medical other", "general practitioner", "dental officer", "medical officer"];

fn any_phrase(normed: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has_phrase(normed, p))
}

/// `st3`, `fy 1`, `gpst2`: a training-grade prefix with a one- or two-digit number.
fn has_numbered_training_grade(normed: &str) -> bool {
    let tokens: Vec<&str> = normed.split(' ').collect();
    tokens.iter().enumerate().any(|(i, t)| {
        let split = t.find(|c: char| c.is_ascii_digit()).unwrap_or(t.len());
        let (letters, digits) = t.split_at(split);
        let numbered = |d: &str| (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit());
        TRAINEE_NUMBERED.contains(&letters)
            && (numbered(digits) || (digits.is_empty() && tokens.get(i + 1).is_some_and(|next| numbered(next))))
    })
}

fn is_trainee_level(normed: &str) -> bool {
    any_phrase(normed, TRAINEE) || has_numbered_training_grade(normed)
}

fn from_words(normed: &str) -> Option<MedicalGrade> {
    if any_phrase(normed, NON_MEDICAL) && !has_phrase(normed, "hospital practitioner") {
        return None;
    }
    if has_phrase(normed, "honorary") || has_phrase(normed, "fellow") || has_phrase(normed, "fellowship") {
        return Some(MedicalGrade::Other);
    }
    if any_phrase(normed, &["trust grade", "trust doctor", "locally employed doctor", "trust grade doctor"]) {
        return Some(if has_phrase(normed, "career grade") {
            MedicalGrade::NonConsultantCareerGrade
        } else if is_trainee_level(normed) {
            MedicalGrade::Trainee
        } else {
            MedicalGrade::Other
        });
    }
    if any_phrase(normed, CONSULTANT) {
        return Some(MedicalGrade::Consultant);
    }
    if is_trainee_level(normed) {
        return Some(MedicalGrade::Trainee);
    }
    if any_phrase(normed, NCCG) {
        return Some(MedicalGrade::NonConsultantCareerGrade);
    }
    if OTHER_WHOLE.contains(&normed) || any_phrase(normed, OTHER_PHRASES) {
        return Some(MedicalGrade::Other);
    }
    None
}

/// True when a grade text names the VSM/ESM pay framework: VSM, ESM (also with a number, `VSM01`), Very Senior
/// Manager, Executive Senior Manager. Job titles such as "Chief Executive" are not enough on their own.
///
/// ```
/// use wres_wdes::normalise::codes::grade::is_vsm_grade;
/// assert!(is_vsm_grade("VSM - Director of Finance"));
/// assert!(is_vsm_grade("NHS|ESM2|Executive Senior Manager"));
/// assert!(!is_vsm_grade("Chief Executive"));
/// ```
pub fn is_vsm_grade(grade_raw: &str) -> bool {
    let normed = norm(grade_raw);
    any_phrase(&normed, &["very senior manager", "very senior managers", "executive senior manager"])
        || normed.split(' ').any(|t| {
            ["vsm", "esm"].iter().any(|p| t.strip_prefix(p).is_some_and(|d| d.chars().all(|c| c.is_ascii_digit())))
        })
}

/// Where a person sits: the row of WRES 1, and whether the inputs were enough to decide it (`recognised`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    /// The WRES 1 row.
    pub row: PayRow,
    /// False when the grade had to decide and was not recognised (the row is then Other).
    pub recognised: bool,
}

/// Places a person from their workforce block, classified pay band and raw grade text.
///
/// - Medical workforce: VSM band or a VSM/ESM grade → VSM (a medical director on a VSM contract counts as VSM,
///   the WRES VSM definition); else the medical grade ([`classify_medical`]); an unrecognised grade is the medical
///   Other row, recognised only when the band column holds an AfC band (an AfC-paid person in the Medical and
///   Dental staff group is legitimately Other).
/// - Other workforces: an AfC band or VSM → that band. Non AfC, Medical and blank bands: a VSM/ESM grade → VSM;
///   else a grade that is itself a band ("Band 6") → that band; else Other, recognised only when the band said
///   Non AfC (non-VSM staff off AfC are legitimately Other).
///
/// ```
/// use wres_wdes::normalise::codes::grade::pay_row;
/// use wres_wdes::normalise::codes::{BandValue, MedicalGrade, PayBand, PayRow, Workforce};
/// let p = pay_row(Workforce::Medical, BandValue::Medical, "Specialty Registrar");
/// assert_eq!((p.row, p.recognised), (PayRow::Medical(MedicalGrade::Trainee), true));
/// let p = pay_row(Workforce::NonClinical, BandValue::NonAfc, "Very Senior Manager");
/// assert_eq!(p.row, PayRow::Band(PayBand::Vsm));
/// let p = pay_row(Workforce::Clinical, BandValue::Blank, "Band 6");
/// assert_eq!(p.row, PayRow::Band(PayBand::Band6));
/// ```
pub fn pay_row(workforce: Workforce, band: BandValue, grade_raw: &str) -> Placement {
    let vsm = Placement { row: PayRow::Band(PayBand::Vsm), recognised: true };
    match workforce {
        Workforce::Medical => {
            if band == BandValue::Band(PayBand::Vsm) || is_vsm_grade(grade_raw) {
                return vsm;
            }
            match classify_medical(grade_raw) {
                Some(g) => Placement { row: PayRow::Medical(g), recognised: true },
                None => Placement {
                    row: PayRow::Medical(MedicalGrade::Other),
                    recognised: matches!(band, BandValue::Band(_)),
                },
            }
        }
        Workforce::NonClinical | Workforce::Clinical => match band {
            BandValue::Band(b) => Placement { row: PayRow::Band(b), recognised: true },
            BandValue::NonAfc | BandValue::Medical | BandValue::Blank => {
                if is_vsm_grade(grade_raw) {
                    return vsm;
                }
                if let Some(BandValue::Band(b)) = band::classify(grade_raw) {
                    return Placement { row: PayRow::Band(b), recognised: true };
                }
                Placement { row: PayRow::Other, recognised: band == BandValue::NonAfc }
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MedicalGrade::{Consultant, NonConsultantCareerGrade as Nccg, Other, Trainee};

    #[test]
    fn the_data_dictionary_s_medical_grades() {
        for (raw, want) in [
            ("Consultant", Some(Consultant)),
            ("Locum Consultant", Some(Consultant)),
            ("Dental surgeon acting as consultant", Some(Consultant)),
            ("Director of Public Health", Some(Consultant)),
            ("Medical Director", Some(Consultant)),
            ("Clinical Director", Some(Consultant)),
            ("Clinical Director (medical)", Some(Consultant)),
            ("Specialty Doctor", Some(Nccg)),
            ("Specialist", Some(Nccg)),
            ("Specialist (2021 contract)", Some(Nccg)),
            ("Associate Specialist", Some(Nccg)),
            ("Associate Specialist (closed 2008)", Some(Nccg)),
            ("Staff Grade", Some(Nccg)),
            ("Staff Grade (closed 2008)", Some(Nccg)),
            ("Trust Grade Doctor - Career Grade", Some(Nccg)),
            ("Trust Grade Doctor – Career Grade level", Some(Nccg)),
            ("Clinical Assistant", Some(Nccg)),
            ("Hospital Practitioner", Some(Nccg)),
            ("Foundation Year 1", Some(Trainee)),
            ("Foundation Year 2", Some(Trainee)),
            ("F1", Some(Trainee)),
            ("F2", Some(Trainee)),
            ("FY1", Some(Trainee)),
            ("FY2", Some(Trainee)),
            ("FY 1", Some(Trainee)),
            ("Core Training", Some(Trainee)),
            ("Core Training (CT1-3)", Some(Trainee)),
            ("CT1", Some(Trainee)),
            ("CT2", Some(Trainee)),
            ("CT3", Some(Trainee)),
            ("Core Medical Trainee", Some(Trainee)),
            ("Specialty Registrar", Some(Trainee)),
            ("Specialty Registrar (StR)", Some(Trainee)),
            ("StR", Some(Trainee)),
            ("ST1", Some(Trainee)),
            ("ST3", Some(Trainee)),
            ("ST8", Some(Trainee)),
            ("Specialty Registrar (StR, ST1-ST8)", Some(Trainee)),
            ("Specialist Registrar", Some(Trainee)),
            ("Specialist Registrar (closed 2010)", Some(Trainee)),
            ("SpR", Some(Trainee)),
            ("GP Specialty Registrar", Some(Trainee)),
            ("GPST", Some(Trainee)),
            ("GPST2", Some(Trainee)),
            ("Senior House Officer", Some(Trainee)),
            ("Senior House Officer (closed)", Some(Trainee)),
            ("SHO", Some(Trainee)),
            ("House Officer", Some(Trainee)),
            ("Specialty Registrar (Core Training)", Some(Trainee)),
            ("Trust Grade Doctor - SHO level", Some(Trainee)),
            ("Trust Grade Doctor - SpR level", Some(Trainee)),
            ("Trust Grade Doctor – SHO / SpR level", Some(Trainee)),
            ("Clinical Fellow", Some(Other)),
            ("Research Fellow", Some(Other)),
            ("Honorary Consultant", Some(Other)),
            ("Honorary", Some(Other)),
            ("Other medical", Some(Other)),
            ("Trust Grade Doctor", Some(Other)),
            ("General Practitioner", Some(Other)),
        ] {
            assert_eq!(classify_medical(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn codes_and_pipes() {
        for (raw, want) in [
            ("NHS|MN37|Specialty Registrar", Some(Trainee)),
            ("NHS|MC51|Consultant", Some(Consultant)),
            ("MC51 Consultant", Some(Consultant)),
            ("MN37 Specialty Registrar", Some(Trainee)),
            ("MT04 Foundation Year 1", Some(Trainee)),
            ("01005 Medical and Dental – Consultant", Some(Consultant)),
            ("01008 Associate Specialist", Some(Nccg)),
            ("01009 Staff Grade", Some(Nccg)),
            ("01019 Trust Grade Doctor – Career Grade level", Some(Nccg)),
            ("Medical and Dental - Specialty Doctor", Some(Nccg)),
            // A pay-scale code alone: only the junior-doctor scales decide.
            ("MT04", Some(Trainee)),
            ("MN12", Some(Trainee)),
            ("NHS|MT03|", Some(Trainee)),
            ("MC51", None),
            ("XR05", None),
            // The words decide over the code.
            ("MT04 Consultant", Some(Consultant)),
            ("NHS|MN37|Unrecognised Words", None),
        ] {
            assert_eq!(classify_medical(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn not_medical_or_not_recognised() {
        for raw in [
            "",
            "Doctor",
            "Locum",
            "Nurse Consultant",
            "Consultant Nurse",
            "Consultant Midwife",
            "Consultant Clinical Psychologist",
            "Consultant Pharmacist",
            "Consultant Clinical Scientist",
            "Consultant Physiotherapist",
            "Specialist Nurse",
            "Band 6",
            "Staff Nurse",
            "xyz",
            "Director of Nursing",
            "Physician Associate",
        ] {
            assert_eq!(classify_medical(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn vsm_grades() {
        for (raw, want) in [
            ("VSM", true),
            ("Very Senior Manager", true),
            ("ESM", true),
            ("Executive Senior Manager", true),
            ("VSM01", true),
            ("Very Senior Manager - Director of Finance", true),
            ("NHS|VSM|Chief Executive", true),
            ("Chief Executive", false),
            ("Executive Director", false),
            ("Senior Manager", false),
            ("Band 8d", false),
            ("VSMX", false),
            ("", false),
        ] {
            assert_eq!(is_vsm_grade(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn placements() {
        use BandValue::{Band, Blank, Medical, NonAfc};
        use PayBand::*;
        use Workforce::{Clinical, Medical as Med, NonClinical};
        let cases: &[(Workforce, BandValue, &str, PayRow, bool)] = &[
            // Medical block: the grade decides.
            (Med, Medical, "Consultant", PayRow::Medical(Consultant), true),
            (Med, Blank, "Specialty Doctor", PayRow::Medical(Nccg), true),
            (Med, NonAfc, "FY1", PayRow::Medical(Trainee), true),
            (Med, Medical, "Clinical Fellow", PayRow::Medical(Other), true),
            (Med, Medical, "Gibberish", PayRow::Medical(Other), false),
            (Med, Blank, "", PayRow::Medical(Other), false),
            (Med, Band(Band7), "Gibberish", PayRow::Medical(Other), true),
            (Med, Band(Band7), "Consultant", PayRow::Medical(Consultant), true),
            // A medical director on a VSM contract is VSM.
            (Med, Band(Vsm), "Medical Director", PayRow::Band(Vsm), true),
            (Med, Medical, "VSM Medical Director", PayRow::Band(Vsm), true),
            // Other blocks: the band decides, then the grade.
            (Clinical, Band(Band5), "Staff Nurse", PayRow::Band(Band5), true),
            (NonClinical, Band(Band8a), "", PayRow::Band(Band8a), true),
            (NonClinical, Band(Vsm), "Chief Executive", PayRow::Band(Vsm), true),
            (NonClinical, NonAfc, "Very Senior Manager", PayRow::Band(Vsm), true),
            (NonClinical, NonAfc, "ESM", PayRow::Band(Vsm), true),
            (NonClinical, Blank, "VSM", PayRow::Band(Vsm), true),
            (Clinical, Blank, "Band 6", PayRow::Band(Band6), true),
            (Clinical, NonAfc, "Review Body Band 4", PayRow::Band(Band4), true),
            (Clinical, Medical, "Band 8 - Range B", PayRow::Band(Band8b), true),
            (NonClinical, NonAfc, "Chief Executive", PayRow::Other, true),
            (NonClinical, NonAfc, "", PayRow::Other, true),
            (Clinical, Blank, "Staff Nurse", PayRow::Other, false),
            (Clinical, Blank, "", PayRow::Other, false),
            (Clinical, Medical, "Consultant", PayRow::Other, false),
            (NonClinical, Blank, "Non AfC", PayRow::Other, false),
        ];
        for &(w, b, g, row, recognised) in cases {
            assert_eq!(pay_row(w, b, g), Placement { row, recognised }, "{w:?} {b:?} {g:?}");
        }
    }
}
