//! What each coded field accepts, from the classifiers' own tables: every value listed with what it becomes (so
//! "Mixed - Other" shows as BME), and where a classifier works by rule rather than by table, the rule in words with
//! examples. `wres-wdes codes` prints this and `docs/inputs.md` is made from it; a test classifies every value
//! listed with the real classifier ([`becomes`]), so the lists cannot drift from the readers.
//!
//! A spelling added to a classifier's table appears here by itself. A new *rule* (a classifier reading a value by
//! its shape rather than by a table) needs its sentence, and an example or two, in the field's entry below.

use serde::Serialize;

use super::codes::survey_map::{survey_map, SurveyMap};
use super::codes::{band, case_type, disability, ethnicity, gender, grade, staff_group, survey, yes_no};
use super::codes::{
    BandValue, Disability, Ethnicity, EthnicityClass, MedicalGrade, PayBand, PayRow, StaffGroup, Workforce,
};
use super::records::{classify_aggregate_group, AggregateGroup};
use crate::error::Result;

/// One value a field accepts, and what it becomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Accepted {
    /// The value as a file may hold it (case, spaces and punctuation are ignored unless a rule says otherwise).
    pub value: String,
    /// What the reader makes of it.
    pub becomes: String,
    /// More about it (a survey question's words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A group of values a field accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// What the values are.
    pub title: String,
    /// The survey year the values belong to (question numbers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The values.
    pub values: Vec<Accepted>,
}

/// One coded field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodedField {
    /// The name `wres-wdes codes` takes.
    pub field: &'static str,
    /// The input columns that take these values.
    pub columns: &'static [&'static str],
    /// What the field is.
    pub about: &'static str,
    /// The rules, in words, in the order they apply.
    pub rules: Vec<String>,
    /// The values accepted.
    pub sections: Vec<Section>,
}

fn accepted(value: impl Into<String>, becomes: impl Into<String>) -> Accepted {
    Accepted { value: value.into(), becomes: becomes.into(), note: None }
}

fn section(title: &str, values: Vec<Accepted>) -> Section {
    Section { title: title.to_string(), year: None, values }
}

/// Hand-written examples of a rule: (value, what it becomes).
fn examples(list: &[(&str, &str)]) -> Section {
    section("Examples of the rules", list.iter().map(|(v, b)| accepted(*v, *b)).collect())
}

const NOT_RECOGNISED: &str = "not recognised (counted in the data-quality log)";

/// An ethnicity in words: `White`, `BME (Mixed)`, `BME`, `Unknown`.
fn ethnicity_words(class: Option<EthnicityClass>) -> String {
    match class {
        None => NOT_RECOGNISED.to_string(),
        Some(c) => match (c.group, c.broad) {
            (Ethnicity::Bme, Some(b)) => format!("BME ({})", b.label()),
            (group, _) => group.label().to_string(),
        },
    }
}

fn yes_no_words(v: Option<bool>, yes: &str, no: &str) -> String {
    match v {
        Some(true) => yes.to_string(),
        Some(false) => no.to_string(),
        None => NOT_RECOGNISED.to_string(),
    }
}

fn band_words(v: Option<BandValue>) -> String {
    match v {
        Some(BandValue::Band(b)) => b.label().to_string(),
        Some(BandValue::NonAfc) => "Non AfC (the grade decides)".to_string(),
        Some(BandValue::Medical) => "Medical and Dental (the grade decides)".to_string(),
        Some(BandValue::Blank) => "blank (the grade decides)".to_string(),
        None => NOT_RECOGNISED.to_string(),
    }
}

fn medical_words(g: MedicalGrade) -> String {
    PayRow::Medical(g).label().to_string()
}

const NOT_MEDICAL: &str = "not a medical or VSM grade";

fn grade_words(raw: &str) -> String {
    match grade::classify_medical(raw) {
        Some(g) => medical_words(g),
        None if grade::is_vsm_grade(raw) => "VSM".to_string(),
        None => NOT_MEDICAL.to_string(),
    }
}

fn staff_group_words(g: Option<StaffGroup>) -> String {
    let Some(g) = g else { return NOT_RECOGNISED.to_string() };
    let block = match staff_group::default_workforce(g) {
        Some(Workforce::NonClinical) => "non-clinical",
        Some(Workforce::Clinical) => "clinical",
        Some(Workforce::Medical) => "medical",
        None => "outside the workforce",
    };
    format!("{} ({block})", g.label())
}

const LEFT_OUT_CASE: &str = "left out (another process: not a formal disciplinary or capability case)";

fn case_words(raw: &str) -> String {
    match case_type::classify(raw) {
        Some(c) => c.label().to_string(),
        None if case_type::is_other_process(raw) => LEFT_OUT_CASE.to_string(),
        None => NOT_RECOGNISED.to_string(),
    }
}

fn category_words(reason: Option<&str>) -> String {
    reason.map_or_else(|| "in the workforce".to_string(), |r| format!("left out ({r})"))
}

fn measure_words(measures: Option<Vec<&str>>) -> String {
    measures.map_or_else(|| NOT_RECOGNISED.to_string(), |m| m.join(" and "))
}

fn aggregate_words(g: Option<AggregateGroup>) -> String {
    match g {
        Some(AggregateGroup::Ethnicity(Ethnicity::Unknown)) => "Unknown (ethnicity)".to_string(),
        Some(AggregateGroup::Disability(Disability::Unknown)) => "Unknown (disability)".to_string(),
        Some(AggregateGroup::Ethnicity(e)) => e.label().to_string(),
        Some(AggregateGroup::Disability(d)) => d.label().to_string(),
        None => NOT_RECOGNISED.to_string(),
    }
}

/// What the reader makes of `raw` in a coded field (a question number read in survey year `year`), by the real
/// classifier; `None` for a field that is not coded.
///
/// ```
/// use wres_wdes::normalise::listing::becomes;
/// assert_eq!(becomes("ethnicity", "Mixed - Other", None).as_deref(), Some("BME (Mixed)"));
/// assert_eq!(becomes("pay_band", "Band 8 - Range A", None).as_deref(), Some("Band 8a"));
/// assert_eq!(becomes("fte", "1", None), None);
/// ```
pub fn becomes(field: &str, raw: &str, year: Option<i32>) -> Option<String> {
    Some(match field {
        "ethnicity" => ethnicity_words(ethnicity::classify(raw)),
        "disability" => disability::classify(raw).map_or_else(|| NOT_RECOGNISED.to_string(), |d| d.label().to_string()),
        "gender" => gender::classify(raw).map_or_else(|| NOT_RECOGNISED.to_string(), |g| g.label().to_string()),
        "pay_band" => band_words(band::classify(raw)),
        "grade" => grade_words(raw),
        "staff_group" => staff_group_words(staff_group::classify(raw)),
        "assignment_category" => category_words(super::records::staff::category_exclusion(raw)),
        "yes_no" => yes_no_words(yes_no::classify(raw), "yes", "no"),
        "shortlisted" => yes_no_words(yes_no::shortlisted(raw), "shortlisted", "not shortlisted"),
        "appointed" => yes_no_words(yes_no::appointed(raw), "appointed", "not appointed"),
        "case_type" => case_words(raw),
        "measure" => measure_words(survey_map().ok()?.classify_measure(raw, year)),
        "survey_group" => {
            survey::classify_group(raw).map_or_else(|| NOT_RECOGNISED.to_string(), |g| g.label().to_string())
        }
        "group" => aggregate_words(classify_aggregate_group(raw)),
        _ => return None,
    })
}

/// A table key as a file may hold it: the few keys whose plain form reads otherwise are shown as typed.
fn shown(key: &str) -> String {
    match key {
        // "n a" would be read as code N; the value is "N/A".
        "n a" => "N/A".to_string(),
        "m and d" => "M&D".to_string(),
        "a and c" => "A&C".to_string(),
        _ => key.to_string(),
    }
}

/// Capitalised first letter, for a family name shown before its details.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
}

fn ethnicity_field() -> CodedField {
    let code = |c: char| ethnicity_words(ethnicity::from_code(c));
    let codes: Vec<Accepted> = ('A'..='Z')
        .filter(|c| ethnicity::from_code(*c).is_some())
        .map(|c| accepted(c.to_string(), code(c)))
        .chain([accepted("99", code('9'))])
        .collect();
    let label = |c: char| if c == '*' { "BME".to_string() } else { code(c) };
    let labels = ethnicity::LABELS.iter().map(|(k, c)| accepted(shown(k), label(*c))).collect();
    let families: Vec<Accepted> =
        ethnicity::FAMILIES.iter().map(|(prefix, bare, _)| accepted(*prefix, code(*bare))).collect();
    let mut details = Vec::new();
    let mut seen: Vec<ethnicity::Table> = Vec::new();
    for (i, (_, _, table)) in ethnicity::FAMILIES.iter().enumerate() {
        if seen.iter().any(|t| std::ptr::eq(*t, *table)) {
            continue;
        }
        seen.push(table);
        // The family's shortest name (each family lists its names longest first).
        let name =
            ethnicity::FAMILIES[i..].iter().filter(|(_, _, t)| std::ptr::eq(*t, *table)).map(|f| f.0).next_back();
        let name = capitalised(name.unwrap_or_default());
        details.extend(table.iter().map(|(detail, c)| accepted(format!("{name} - {detail}"), code(*c))));
    }
    CodedField {
        field: "ethnicity",
        columns: &["ethnicity"],
        about: "NHS ethnic category: White / BME / Unknown, and the Census 2021 broad group of BME (in brackets).",
        rules: vec![
            "Blank is Unknown; an Excel error value (#N/A) is not recognised.".into(),
            "Code first: a value starting with an NHS ethnic category code followed by a space, hyphen, colon or | \
             (`A White - British`, `C3 White Unspecified`, `99`) is read by its code's first letter, whatever the \
             words after it say. A code is a letter A-H, J-N, P, R, S or Z, a letter and a digit (`C3`), or a \
             two-letter sub-code of the extended list (C2, CA-CY, GA-GF, LA-LK, PA-PE, SA-SE)."
                .into(),
            "Otherwise the whole value is a label, looked up below (case, spaces and punctuation ignored; a Census \
             file's `Ethnic group:` prefix dropped), then read as a family name and a detail (`Mixed - Other`, \
             `Asian or Asian British: Indian`); any of the family's names may stand before a detail, and a detail \
             not listed for its family is not guessed."
                .into(),
            "Census broad groups: A, B, C White; D-G Mixed; H, J, K, L and R (Chinese) Asian; M, N, P Black; S (Arab \
             included) Other."
                .into(),
        ],
        sections: vec![
            section("Codes (the first letter decides)", codes),
            section("Labels", labels),
            section("Family names alone", families),
            section("A family name and a detail", details),
        ],
    }
}

fn yes_no_values(yes: &str, no: &str) -> Vec<Accepted> {
    let word = |v: bool| if v { yes } else { no };
    yes_no::WORDS.iter().map(|(k, v)| accepted(*k, word(*v))).chain([accepted("1", yes), accepted("0", no)]).collect()
}

fn disability_field() -> CodedField {
    let yes_no = |v: bool| if v { Disability::Disabled.label() } else { Disability::NonDisabled.label() };
    CodedField {
        field: "disability",
        columns: &["disability"],
        about: "Disability declared: Disabled / Non-disabled / Unknown.",
        rules: vec!["Blank is Unknown; yes/no answers (as in `codes yes_no`) are Disabled and Non-disabled.".into()],
        sections: vec![
            section(
                "Yes and no",
                yes_no::WORDS
                    .iter()
                    .map(|(k, v)| accepted(*k, yes_no(*v)))
                    .chain([accepted("1", yes_no(true)), accepted("0", yes_no(false))])
                    .collect(),
            ),
            section("Words", disability::WORDS.iter().map(|(k, d)| accepted(shown(k), d.label())).collect()),
        ],
    }
}

fn gender_field() -> CodedField {
    CodedField {
        field: "gender",
        columns: &["gender"],
        about: "For the gender pay gap: Women / Men / Unknown (any other value, left out of the gender comparison \
                only).",
        rules: vec!["Blank is Unknown.".into()],
        sections: vec![section("Values", gender::WORDS.iter().map(|(k, g)| accepted(*k, g.label())).collect())],
    }
}

fn pay_band_field() -> CodedField {
    let labels = PayBand::ALL.iter().map(|b| accepted(b.label(), b.label())).collect();
    let special = band::SPECIAL.iter().map(|(k, v)| accepted(shown(k), band_words(Some(*v)))).collect();
    let qualified = band::QUALIFIERS.iter().map(|q| accepted(format!("{q} band 5"), "Band 5")).collect();
    CodedField {
        field: "pay_band",
        columns: &["pay_band"],
        about: "Agenda for Change band, VSM, or Non AfC / Medical and Dental / blank (then the grade decides).",
        rules: vec![
            "Blank: the grade decides (medical grade, VSM, or Other).".into(),
            format!(
                "A band is any of the words {} (optional), the word Band (optional), then 1-7, 9, or 8 with its \
                 range letter a-d (`8a`, `8 A`, `8 - Range A`), optionally followed by (closed); ESR's zero before \
                 the number is read the same (`Band 05`, `Band 08A`). A bare 8 is not a band; Band 10 and \
                 Apprentice are not recognised.",
                band::QUALIFIERS.join(", ")
            ),
            "A number cell 1-7 or 9 is that band.".into(),
            "ESR's Agenda for Change pay-scale codes: XR (Review Body) or XN (Non Review Body) and the band: \
             XR01-XR09 and XN01-XN09 are bands 1-9 (XR08 alone is not recognised; XR08A-XR08D are read as \
             8a-8d). In a GO2 value with | (`NHS|XR05|Review Body Band 5`) the name part decides, the code only \
             when no name part is recognised."
                .into(),
            "A medical and dental pay-scale code (M, a letter, two or three digits: `MT04`, `MC51`) is Medical \
             and Dental: the grade decides."
                .into(),
        ],
        sections: vec![
            section("Bands", labels),
            section("Other names", special),
            section("Words before the band", qualified),
            examples(&[
                ("8 - Range A", "Band 8a"),
                ("Band 8 Range C", "Band 8c"),
                ("band8b", "Band 8b"),
                ("6", "Band 6"),
                ("Band 6 (closed)", "Band 6"),
                ("U1", "Under Band 1"),
                ("XR08C", "Band 8c"),
                ("XN05", "Band 5"),
                ("Band 05", "Band 5"),
                ("MT04", "Medical and Dental (the grade decides)"),
                ("NHS|XR05|Review Body Band 5", "Band 5"),
                ("NHS|XR02|", "Band 2"),
                ("Band 8", NOT_RECOGNISED),
                ("Band 10", NOT_RECOGNISED),
            ]),
        ],
    }
}

fn grade_field() -> CodedField {
    let phrases = |list: &[&str], becomes: &str| list.iter().map(|p| accepted(*p, becomes)).collect::<Vec<_>>();
    let trainee = medical_words(MedicalGrade::Trainee);
    CodedField {
        field: "grade",
        columns: &["grade"],
        about: "The grade of medical staff (Consultants, Non-consultant career grade, Trainee grades, Other) and VSM.",
        rules: vec![
            "Read from the words of the grade name; a leading ESR pay-scale code (`MC51 Consultant`), a 5-digit \
             job-role code and a `Medical and Dental` prefix are dropped, and in a GO2 value with | the name part \
             decides. Only when there are no words does a code decide: MN.. and MT.. (the junior doctors' scales) \
             are trainee grades."
                .into(),
            "First match wins: a name of another profession is not a medical grade (so a Nurse Consultant is not a \
             consultant); honorary grades and fellows are Other; trust grade and locally employed doctors are a \
             career grade when the name says so, a trainee grade at trainee level, else Other; then the consultant, \
             trainee, career-grade and other words below, anywhere in the name."
                .into(),
            format!(
                "Trainee grades also by number: {} and a one- or two-digit number (`ST3`, `FY 1`).",
                grade::TRAINEE_NUMBERED.join(", ")
            ),
            "VSM: a grade naming the VSM/ESM framework (VSM, ESM, VSM01, Very Senior Manager, Executive Senior \
             Manager) places a person whose band is blank or Non AfC as VSM; a job title alone (Chief Executive) \
             does not."
                .into(),
        ],
        sections: vec![
            section("Consultant", phrases(grade::CONSULTANT, &medical_words(MedicalGrade::Consultant))),
            section("Trainee", phrases(grade::TRAINEE, &trainee)),
            section(
                "Trainee, by number",
                grade::TRAINEE_NUMBERED.iter().map(|p| accepted(format!("{p}1"), trainee.clone())).collect(),
            ),
            section("Career grade", phrases(grade::NCCG, &medical_words(MedicalGrade::NonConsultantCareerGrade))),
            section(
                "Other medical",
                phrases(grade::OTHER_WHOLE, &medical_words(MedicalGrade::Other))
                    .into_iter()
                    .chain(phrases(grade::OTHER_PHRASES, &medical_words(MedicalGrade::Other)))
                    .collect(),
            ),
            section("Other professions (not medical grades)", phrases(grade::NON_MEDICAL, NOT_MEDICAL)),
            examples(&[
                ("MC51 Consultant", "Consultants"),
                ("NHS|MN37|Specialty Registrar", "Trainee grades"),
                ("MT04", "Trainee grades"),
                ("Honorary Consultant", "Other"),
                ("Clinical Fellow", "Other"),
                ("Trust Grade Doctor - Career Grade", "Non-consultant career grade"),
                ("Trust Grade Doctor - SHO level", "Trainee grades"),
                ("Nurse Consultant", NOT_MEDICAL),
                ("VSM", "VSM"),
                ("ESM2", "VSM"),
                ("Very Senior Manager", "VSM"),
                ("Chief Executive", NOT_MEDICAL),
            ]),
        ],
    }
}

fn staff_group_field() -> CodedField {
    let names = StaffGroup::ALL.iter().map(|g| accepted(g.label(), staff_group_words(Some(*g)))).collect();
    let codes =
        StaffGroup::ALL.iter().map(|g| accepted(format!("{:02}", g.code()), staff_group_words(Some(*g)))).collect();
    let other = staff_group::NAMES.iter().map(|(k, g)| accepted(shown(k), staff_group_words(Some(*g)))).collect();
    let abbreviations: Vec<String> =
        staff_group::ABBREVIATIONS.iter().map(|(short, long)| format!("{} = {long}", short.join(", "))).collect();
    CodedField {
        field: "staff_group",
        columns: &["staff_group"],
        about: "The ten NHS staff groups, and the block each is in (non-clinical, clinical, medical).",
        rules: vec![
            "The names below with or without their two-digit code (`01 Medical and Dental`); a bare code 01-10 is \
             the code. When a code and a recognised name disagree, the name wins. In a GO2 value the part before | \
             decides (`Nursing and Midwifery Registered|Staff Nurse`)."
                .into(),
            format!("ESR's abbreviations, word by word: {}.", abbreviations.join("; ")),
            "The blocks: Administrative and Clerical and Estates and Ancillary are non-clinical, Medical and Dental \
             is medical, every other group clinical; Students are outside the workforce (counted and left out). The \
             config file's [mapping] staff_groups can move a group to another block."
                .into(),
        ],
        sections: vec![
            section("Names", names),
            section("Codes", codes),
            section("Other names", other),
            examples(&[
                (
                    "Add Prof Scientific and Technic",
                    &staff_group_words(Some(StaffGroup::AdditionalProfessionalScientificAndTechnical)),
                ),
                ("Admin & Clerical", &staff_group_words(Some(StaffGroup::AdministrativeAndClerical))),
                (
                    "Nursing and Midwifery Registered|Staff Nurse",
                    &staff_group_words(Some(StaffGroup::NursingAndMidwiferyRegistered)),
                ),
                ("09 Estates and Ancillary", &staff_group_words(Some(StaffGroup::EstatesAndAncillary))),
                ("Bank", NOT_RECOGNISED),
            ]),
        ],
    }
}

fn assignment_category_field() -> CodedField {
    let words = super::records::staff::EXCLUDED_CATEGORIES;
    CodedField {
        field: "assignment_category",
        columns: &["assignment_category"],
        about: "Whether a row is in the substantive workforce.",
        rules: vec![format!(
            "A category holding any of the words {} (any case) is outside the substantive workforce: its rows are \
             counted and left out. Any other category, and blank, is kept.",
            words.join(", ")
        )],
        sections: vec![
            section("Left out", words.iter().map(|w| accepted(*w, category_words(Some(w)))).collect()),
            examples(&[
                ("Permanent", "in the workforce"),
                ("Fixed Term Temp", "in the workforce"),
                ("Bank Staff", "left out (bank)"),
                ("Locum Agency", "left out (agency)"),
            ]),
        ],
    }
}

fn yes_no_field() -> CodedField {
    CodedField {
        field: "yes_no",
        columns: &["primary_assignment", "international_recruit", "mandatory", "voting", "executive"],
        about: "Yes/no columns.",
        rules: vec!["Blank is as each column says: primary_assignment not given, international_recruit not an \
             international recruit, mandatory non-mandatory; voting and executive must be given."
            .into()],
        sections: vec![section("Values", yes_no_values("yes", "no"))],
    }
}

fn shortlisted_field() -> CodedField {
    let words =
        yes_no::SHORTLISTED.iter().map(|(k, v)| accepted(*k, yes_no_words(Some(*v), "shortlisted", "not shortlisted")));
    CodedField {
        field: "shortlisted",
        columns: &["shortlisted"],
        about: "Whether an application was shortlisted, or the stage it reached.",
        rules: vec![
            "Blank, or no such column: shortlisted. A stage at or after shortlisting counts as shortlisted; words \
             that do not say how far the applicant got (Withdrawn) are not recognised."
                .into(),
        ],
        sections: vec![
            section("Yes and no", yes_no_values("shortlisted", "not shortlisted")),
            section("Stages", words.collect()),
        ],
    }
}

fn appointed_field() -> CodedField {
    let words =
        yes_no::APPOINTED.iter().map(|(k, v)| accepted(*k, yes_no_words(Some(*v), "appointed", "not appointed")));
    CodedField {
        field: "appointed",
        columns: &["appointed"],
        about: "Whether a shortlisted applicant was appointed, or the outcome.",
        rules: vec!["An offer the candidate declined is not an appointment; Appointable is not recognised.".into()],
        sections: vec![
            section("Yes and no", yes_no_values("appointed", "not appointed")),
            section("Outcomes", words.collect()),
        ],
    }
}

fn case_type_field() -> CodedField {
    use case_type::CaseType;
    let labels = CaseType::ALL.iter().map(|c| accepted(c.label(), c.label())).collect();
    let disciplinary = CaseType::Disciplinary.label();
    let words = case_type::DISCIPLINARY
        .iter()
        .map(|w| accepted(*w, disciplinary))
        .chain(case_type::DISCIPLINARY_NOISE.iter().map(|w| accepted(format!("{w} disciplinary"), disciplinary)))
        .collect();
    let ill = CaseType::CapabilityIllHealth.label();
    let grounds = std::iter::once(accepted("capability performance", CaseType::CapabilityPerformance.label()))
        .chain(case_type::ILL_HEALTH.iter().map(|w| accepted(format!("capability {w}"), ill)))
        .collect();
    CodedField {
        field: "case_type",
        columns: &["case_type"],
        about: "Formal disciplinary (WRES 3) and capability (WDES 3) cases.",
        rules: vec![
            "Anything that says informal (or not formal) is not a formal process: left out.".into(),
            "Capability needs its ground: performance, or ill health (the words below); both or neither is left \
             out, as the ground decides WDES 3."
                .into(),
            format!(
                "Disciplinary: {} (the policy's grounds), with or without the words {}.",
                case_type::DISCIPLINARY.join(", "),
                case_type::DISCIPLINARY_NOISE.join(", ")
            ),
            "Other processes (the words below, anywhere in the value, or Other) are counted and left out as \
             other_case_type; anything else is not recognised (counted in the data-quality log and left out)."
                .into(),
        ],
        sections: vec![
            section("Case types", labels),
            section("Disciplinary", words),
            section("Capability and its ground", grounds),
            section(
                "Other processes",
                case_type::OTHER_PROCESSES.iter().map(|w| accepted(*w, LEFT_OUT_CASE)).collect(),
            ),
            examples(&[
                ("Capability (Performance)", CaseType::CapabilityPerformance.label()),
                ("Sickness Capability", ill),
                ("Formal Disciplinary Investigation", disciplinary),
                ("Informal disciplinary", LEFT_OUT_CASE),
                ("Grievance", LEFT_OUT_CASE),
                ("Other", LEFT_OUT_CASE),
                ("Capability", NOT_RECOGNISED),
                ("Formal Hearing", NOT_RECOGNISED),
            ]),
        ],
    }
}

fn measure_field(map: &SurveyMap) -> CodedField {
    let names = map.measure_names().into_iter().map(|(s, to)| accepted(s, to.join(" and "))).collect();
    let mut sections = vec![section("Measure ids and names", names)];
    for y in &map.years {
        let values = y
            .question
            .iter()
            .map(|q| Accepted {
                value: q.code.clone(),
                becomes: q.measures.join(" and "),
                note: Some(q.wording.clone()),
            })
            .collect();
        sections.push(Section {
            title: format!("Question numbers of the {} survey", y.year),
            year: Some(y.year),
            values,
        });
    }
    // The theme scores (WDES 9a), each with the years that make it of the same questions.
    let mut themes: Vec<(&str, &[String], Vec<String>)> = Vec::new();
    for y in &map.years {
        for t in &y.theme {
            match themes.iter_mut().find(|(m, q, _)| *m == t.measure && *q == t.questions.as_slice()) {
                Some((_, _, years)) => years.push(y.year.to_string()),
                None => themes.push((&t.measure, &t.questions, vec![y.year.to_string()])),
            }
        }
    }
    let mut rules = vec![
        "A measure id in any spacing and punctuation (`WRES 5`, `WDES 4a(ii)`), with or without the words \
         Indicator, Metric or Measure after WRES or WDES; a roman numeral part also as a digit (`WDES 4a-2`); the \
         ids of the measures one question serves, together (`WRES 5 / WDES 4a(i)`)."
            .to_string(),
        format!(
            "A question number is read in the numbering of the row's survey year (the Year column); without a \
             year, in any year's numbering where the years agree. The question map knows the years {}: a \
             question number of another year stops the run (add the year to indicators/survey.toml, or name the \
             measure by id). Also `Question 14a`, `Q14(a)`; a code of either of two questions (`Q14b/Q14c`) \
             also as `Q14b/c` or with `or`.",
            map.year_list()
        ),
        "A number without WRES or WDES (`Indicator 5`), `WDES 4a` and `WDES 9` without their part are not \
         recognised."
            .to_string(),
    ];
    for (measure, questions, years) in themes {
        rules.push(format!(
            "{measure} is a theme score made from questions {} ({}): a file gives the score, by the measure's id \
             or name, not the questions.",
            questions.join(", "),
            years.join(", ")
        ));
    }
    CodedField {
        field: "measure",
        columns: &["measure"],
        about: "The Staff Survey measure of a survey row: by id or name, or by the survey's question number.",
        rules,
        sections,
    }
}

fn survey_group_field() -> CodedField {
    let values = survey::GROUPS.iter().map(|(k, g)| accepted(*k, g.label())).collect();
    CodedField {
        field: "survey_group",
        columns: &["group (survey)"],
        about: "The group of a Staff Survey row.",
        rules: vec!["A leading or trailing word staff is ignored (`BME staff`, `Staff with a LTC or illness`).".into()],
        sections: vec![
            section("Groups", values),
            examples(&[("Staff with a long-term condition or illness", "Disabled")]),
        ],
    }
}

fn group_field() -> CodedField {
    let values = survey::GROUPS
        .iter()
        .filter(|(_, g)| *g != survey::SurveyGroup::Overall)
        .map(|(k, _)| accepted(*k, aggregate_words(classify_aggregate_group(k))))
        .collect();
    CodedField {
        field: "group",
        columns: &["group (aggregated recruitment, cases, training)"],
        about: "The group of a row of an aggregated table.",
        rules: vec!["The survey's groups (not Overall). A group of unknowns: a disability one when its words say so \
             (`Disability not declared`), else an ethnicity one (`Unknown`, `Not stated`, as in `codes ethnicity`)."
            .into()],
        sections: vec![
            section("Groups", values),
            examples(&[
                ("Unknown", "Unknown (ethnicity)"),
                ("Not stated", "Unknown (ethnicity)"),
                ("Disability not declared", "Unknown (disability)"),
                ("Disability unknown", "Unknown (disability)"),
            ]),
        ],
    }
}

/// Every coded field, in the order of the inputs' columns (`tests/columns_codes.rs` classifies every value).
pub fn coded_fields() -> Result<Vec<CodedField>> {
    let map = survey_map()?;
    Ok(vec![
        ethnicity_field(),
        disability_field(),
        pay_band_field(),
        grade_field(),
        staff_group_field(),
        assignment_category_field(),
        gender_field(),
        yes_no_field(),
        shortlisted_field(),
        appointed_field(),
        case_type_field(),
        measure_field(map),
        survey_group_field(),
        group_field(),
    ])
}
