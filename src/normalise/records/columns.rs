//! Every input's columns as its reader takes them: the field specs of [`super::fields`] (the header names each
//! field is read under), with what each field is needed for and what it holds. `wres-wdes columns` prints this,
//! and `docs/inputs.md` is made from it, so neither can drift from the readers.

use serde::Serialize;

use super::header_names;
use crate::read::FieldSpec;

/// What a field is needed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// The file cannot be read without it.
    Required,
    /// The WRES figures need it.
    ForWres,
    /// The WDES figures need it.
    ForWdes,
    /// Some figures or rows need it (said in words).
    For(&'static str),
    /// Read when given.
    Optional,
}

impl Need {
    /// In words: `required`, `for WRES`, `for WDES`, `for the pay gaps`, `optional`.
    pub fn words(self) -> String {
        match self {
            Need::Required => "required".to_string(),
            Need::ForWres => "for WRES".to_string(),
            Need::ForWdes => "for WDES".to_string(),
            Need::For(what) => format!("for {what}"),
            Need::Optional => "optional".to_string(),
        }
    }
}

/// One column of an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The field's name (as the config file's `[columns.INPUT]` names it).
    pub field: &'static str,
    /// Every header name it is read under (case, spaces and punctuation ignored).
    pub names: Vec<String>,
    /// What it is needed for.
    pub need: Need,
    /// What it holds.
    pub about: &'static str,
    /// The coded field whose values it takes (`wres-wdes codes FIELD`), if any.
    pub codes: Option<&'static str>,
}

/// One input, in one of its forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Input {
    /// `staff`, `recruitment`, `cases`, `training`, `survey`, `board`.
    pub input: &'static str,
    /// `row-level` or `aggregated`.
    pub form: &'static str,
    /// What a row is.
    pub about: &'static str,
    /// Its columns, in the reader's order.
    pub columns: Vec<Column>,
    /// The field specs the reader uses (for checking these lists against the reader).
    #[serde(skip)]
    pub specs: &'static [FieldSpec],
}

/// What each field of an input is needed for, what it holds, and the coded field its values are.
type Notes = &'static [(&'static str, Need, &'static str, Option<&'static str>)];

/// The inputs: name, form, what a row is, the field specs the reader uses, and the notes on each field.
const INPUTS: &[(&str, &str, &str, &[FieldSpec], Notes)] = &[
    (
        "staff",
        "row-level",
        "The ESR workforce snapshot at 31 March: one row per assignment or per person.",
        header_names::staff::FIELDS,
        &[
            (
                "person_id",
                Need::Required,
                "Staff or assignment number; an assignment number's `-N` suffix is dropped, so a person counts once.",
                None,
            ),
            ("ethnicity", Need::ForWres, "NHS ethnic category: code, code and label, or label.", Some("ethnicity")),
            ("disability", Need::ForWdes, "Disability declared: yes, no, or not declared.", Some("disability")),
            (
                "pay_band",
                Need::Required,
                "Agenda for Change band, VSM, Non AfC or Medical and Dental (blank: the grade decides).",
                Some("pay_band"),
            ),
            (
                "grade",
                Need::For("medical staff and VSM"),
                "The grade places medical staff (consultant, career grade, trainee) and VSM when the band does not.",
                Some("grade"),
            ),
            (
                "staff_group",
                Need::Required,
                "NHS staff group: decides the non-clinical, clinical and medical blocks.",
                Some("staff_group"),
            ),
            (
                "assignment_category",
                Need::Optional,
                "Bank, honorary and agency rows are counted and left out.",
                Some("assignment_category"),
            ),
            (
                "primary_assignment",
                Need::Optional,
                "Yes on the row that counts for a person with several assignments (else the first row counts).",
                Some("yes_no"),
            ),
            (
                "gender",
                Need::For("the gender pay gap"),
                "Female, male or another value (left out of the gender comparison).",
                Some("gender"),
            ),
            (
                "fte",
                Need::For("pay gaps from annual salary"),
                "Full-time equivalent (1 = full time), to turn an annual salary into hourly pay.",
                None,
            ),
            (
                "annual_salary",
                Need::For("the pay gaps"),
                "Annual pay in pounds (actual, or the full-time pay point: the config's salary_basis).",
                None,
            ),
            ("hourly_rate", Need::For("the pay gaps"), "Hourly pay in pounds (used before the annual salary).", None),
        ],
    ),
    (
        "recruitment",
        "row-level",
        "One row per shortlisted application (applicant x vacancy) in the reporting year.",
        header_names::recruitment::FIELDS,
        &[
            ("ethnicity", Need::ForWres, "The applicant's ethnic category.", Some("ethnicity")),
            ("disability", Need::ForWdes, "The applicant's disability.", Some("disability")),
            (
                "shortlisted",
                Need::Optional,
                "Shortlisted or the stage reached (absent or blank: the row was shortlisted).",
                Some("shortlisted"),
            ),
            ("appointed", Need::Required, "Appointed, or the outcome.", Some("appointed")),
            ("pay_band", Need::For("the recruitment views"), "The post's band.", Some("pay_band")),
            ("staff_group", Need::For("the recruitment views"), "The post's staff group.", Some("staff_group")),
            (
                "international_recruit",
                Need::For("the recruitment views"),
                "Yes for an international recruit (blank: not).",
                Some("yes_no"),
            ),
            (
                "date",
                Need::Optional,
                "Shortlisting, interview or application date: only to warn when most applications fall outside the \
                 reporting year.",
                None,
            ),
        ],
    ),
    (
        "recruitment",
        "aggregated",
        "One row per group: shortlisted and appointed counts.",
        header_names::recruitment::AGGREGATED,
        &[
            ("group", Need::Required, "White, BME, Disabled, Non-disabled, or an unknown group.", Some("group")),
            ("shortlisted", Need::Required, "Applicants shortlisted.", None),
            ("appointed", Need::Required, "Applicants appointed from shortlisting.", None),
        ],
    ),
    (
        "cases",
        "row-level",
        "One row per formal disciplinary or capability case, in the reporting year and the year before.",
        header_names::cases::FIELDS,
        &[
            (
                "person_id",
                Need::Optional,
                "Staff number: a person entering a process twice in a year counts once (absent: each row is a person).",
                None,
            ),
            (
                "ethnicity",
                Need::ForWres,
                "The person's ethnic category (blank: taken from the staff snapshot by person_id).",
                Some("ethnicity"),
            ),
            (
                "disability",
                Need::ForWdes,
                "The person's disability (blank: taken from the staff snapshot by person_id).",
                Some("disability"),
            ),
            (
                "case_type",
                Need::Required,
                "Disciplinary, or capability on grounds of performance or ill health.",
                Some("case_type"),
            ),
            ("date_entered", Need::Required, "The date the formal process started (the year it falls in).", None),
        ],
    ),
    (
        "cases",
        "aggregated",
        "One row per year, group and case type: the number of cases.",
        header_names::cases::AGGREGATED,
        &[
            (
                "year",
                Need::Required,
                "The financial year: `2024/25`, `2024-25` or `2025` (the year ending 31 March 2025).",
                None,
            ),
            ("group", Need::Required, "White, BME, Disabled, Non-disabled, or an unknown group.", Some("group")),
            (
                "case_type",
                Need::Required,
                "Disciplinary, or capability on grounds of performance or ill health.",
                Some("case_type"),
            ),
            ("cases", Need::Required, "People entering the process.", None),
        ],
    ),
    (
        "training",
        "row-level",
        "One row per non-mandatory course or CPD attended in the reporting year.",
        header_names::training::FIELDS,
        &[
            (
                "person_id",
                Need::Required,
                "Staff number (ethnicity and disability come from the staff snapshot).",
                None,
            ),
            (
                "mandatory",
                Need::Optional,
                "Yes for mandatory training, which is left out (blank: non-mandatory).",
                Some("yes_no"),
            ),
            ("date", Need::Optional, "When the course was taken: rows outside the reporting year are left out.", None),
        ],
    ),
    (
        "training",
        "aggregated",
        "One row per group: staff and those who accessed non-mandatory training.",
        header_names::training::AGGREGATED,
        &[
            ("group", Need::Required, "White, BME, or an unknown group.", Some("group")),
            ("staff", Need::Required, "Staff in the group.", None),
            ("accessed", Need::Required, "Staff who accessed non-mandatory training or CPD.", None),
        ],
    ),
    (
        "survey",
        "row-level",
        "NHS Staff Survey results: one row per measure and group.",
        header_names::survey::FIELDS,
        &[
            ("measure", Need::Required, "The measure id, or the survey's question number.", Some("measure")),
            ("group", Need::Required, "White, BME, Disabled, Non-disabled or Overall.", Some("survey_group")),
            ("value", Need::Required, "The percentage (0-100), or the engagement score (0-10) for WDES9a.", None),
            ("respondents", Need::Required, "Respondents in the group (fewer than 11: suppressed).", None),
            ("year", Need::Optional, "The survey year, whose question numbers the measure column follows.", None),
        ],
    ),
    (
        "board",
        "row-level",
        "One row per board member. Names are not needed and never read.",
        header_names::board::FIELDS,
        &[
            ("ethnicity", Need::ForWres, "The member's ethnic category.", Some("ethnicity")),
            ("disability", Need::ForWdes, "The member's disability.", Some("disability")),
            ("voting", Need::Required, "Yes for a voting member.", Some("yes_no")),
            ("executive", Need::Required, "Yes for an executive member.", Some("yes_no")),
        ],
    ),
];

/// Every input and form, with its columns as the readers take them.
///
/// ```
/// use wres_wdes::normalise::records::columns::{inputs, Need};
/// let staff = &inputs()[0];
/// assert_eq!((staff.input, staff.form), ("staff", "row-level"));
/// let ethnicity = staff.columns.iter().find(|c| c.field == "ethnicity").unwrap();
/// assert_eq!(ethnicity.need, Need::ForWres);
/// assert!(ethnicity.names.contains(&"Ethnic Origin".to_string()));
/// ```
pub fn inputs() -> Vec<Input> {
    INPUTS
        .iter()
        .map(|&(input, form, about, specs, notes)| Input {
            input,
            form,
            about,
            specs,
            columns: specs
                .iter()
                .map(|spec| {
                    let note = notes.iter().find(|(field, ..)| *field == spec.name);
                    let need = match note {
                        _ if spec.required => Need::Required,
                        Some((_, need, ..)) => *need,
                        None => Need::Optional,
                    };
                    Column {
                        field: spec.name,
                        names: spec.names(),
                        need,
                        about: note.map_or("", |n| n.2),
                        codes: note.and_then(|n| n.3),
                    }
                })
                .collect(),
        })
        .collect()
}

/// The notes of every input and form (for the check that each names a field of its input).
pub fn notes() -> impl Iterator<Item = (&'static str, &'static str, &'static [FieldSpec], &'static str)> {
    INPUTS.iter().flat_map(|&(input, form, _, specs, notes)| notes.iter().map(move |n| (input, form, specs, n.0)))
}
