//! The fields of each input kind and the header names they are accepted under (listed in docs/inputs.md).
//!
//! The read layer matches these case-, space- and punctuation-insensitively; the config file can name any
//! column explicitly by field name.

use crate::read::FieldSpec;

const PERSON_ID: &[&str] = &[
    "Employee Number",
    "Person Number",
    "Staff Number",
    "Employee ID",
    "ESR Number",
    "Assignment Number",
    "Person ID",
    "Employee No",
    "Staff ID",
];
const ETHNICITY: &[&str] = &["Ethnic Origin", "Ethnicity", "Ethnic Group", "Ethnic Category"];
const DISABILITY: &[&str] = &["Disability Flag", "Disability", "Disabled", "Disability Status"];
const PAY_BAND: &[&str] = &["Pay Band", "AfC Band", "Band", "Payband"];
const STAFF_GROUP: &[&str] = &["Staff Group", "Occupational Group"];

const fn field(name: &'static str, aliases: &'static [&'static str], required: bool) -> FieldSpec {
    FieldSpec { name, aliases, required }
}

/// Staff snapshot fields, in the order the normaliser indexes them.
pub mod staff {
    use super::*;
    /// Index of each field in [`FIELDS`].
    #[allow(missing_docs)]
    pub const PERSON: usize = 0;
    #[allow(missing_docs)]
    pub const ETHNICITY: usize = 1;
    #[allow(missing_docs)]
    pub const DISABILITY: usize = 2;
    #[allow(missing_docs)]
    pub const BAND: usize = 3;
    #[allow(missing_docs)]
    pub const GRADE: usize = 4;
    #[allow(missing_docs)]
    pub const STAFF_GROUP: usize = 5;
    #[allow(missing_docs)]
    pub const CATEGORY: usize = 6;
    #[allow(missing_docs)]
    pub const PRIMARY: usize = 7;
    #[allow(missing_docs)]
    pub const GENDER: usize = 8;
    #[allow(missing_docs)]
    pub const FTE: usize = 9;
    #[allow(missing_docs)]
    pub const ANNUAL_SALARY: usize = 10;
    #[allow(missing_docs)]
    pub const HOURLY_RATE: usize = 11;
    /// The staff fields.
    pub const FIELDS: &[FieldSpec] = &[
        field("person_id", super::PERSON_ID, true),
        field("ethnicity", super::ETHNICITY, false),
        field("disability", super::DISABILITY, false),
        field("pay_band", super::PAY_BAND, true),
        field("grade", &["Grade", "Grade Name", "Job Role", "Pay Scale", "Payscale", "Grade Code"], false),
        field("staff_group", super::STAFF_GROUP, true),
        field("assignment_category", &["Assignment Category", "Contract Type", "Employment Category"], false),
        field("primary_assignment", &["Primary Assignment", "Primary Flag", "Primary"], false),
        // Optional, for the pay gaps of the extensions.
        field("gender", &["Gender", "Sex", "Legal Sex"], false),
        field("fte", &["FTE", "Assignment FTE", "Contracted FTE", "WTE", "Whole Time Equivalent"], false),
        field("annual_salary", &["Annual Salary", "Salary", "Basic Salary", "Annual Basic Salary"], false),
        field("hourly_rate", &["Hourly Rate", "Hourly Pay", "Basic Hourly Rate"], false),
    ];
}

/// Recruitment fields, row-level form.
pub mod recruitment {
    use super::*;
    #[allow(missing_docs)]
    pub const ETHNICITY: usize = 0;
    #[allow(missing_docs)]
    pub const DISABILITY: usize = 1;
    #[allow(missing_docs)]
    pub const SHORTLISTED: usize = 2;
    #[allow(missing_docs)]
    pub const APPOINTED: usize = 3;
    #[allow(missing_docs)]
    pub const PAY_BAND: usize = 4;
    #[allow(missing_docs)]
    pub const STAFF_GROUP: usize = 5;
    #[allow(missing_docs)]
    pub const INTERNATIONAL: usize = 6;
    #[allow(missing_docs)]
    pub const DATE: usize = 7;
    /// The row-level recruitment fields.
    pub const FIELDS: &[FieldSpec] = &[
        field(
            "ethnicity",
            &["Applicant Ethnicity", "Ethnic Origin", "Ethnicity", "Ethnic Group", "Ethnic Category"],
            false,
        ),
        field(
            "disability",
            &["Applicant Disability", "Disability Flag", "Disability", "Disabled", "Disability Status"],
            false,
        ),
        field("shortlisted", &["Shortlisted", "Shortlisted?", "Stage Reached"], false),
        field("appointed", &["Appointed", "Appointed?", "Outcome", "Offer Accepted", "Hired"], true),
        // Optional, for the recruitment views of the extensions.
        field("pay_band", super::PAY_BAND, false),
        field("staff_group", super::STAFF_GROUP, false),
        field(
            "international_recruit",
            &["International Recruit", "International Recruitment", "International", "Overseas Recruit"],
            false,
        ),
        // Optional: only to warn when most applications are dated outside the reporting year.
        field(
            "date",
            &["Shortlisting Date", "Date Shortlisted", "Interview Date", "Application Date", "Date Applied", "Date"],
            false,
        ),
    ];
    /// The aggregated recruitment fields: `group, shortlisted, appointed`.
    pub const AGGREGATED: &[FieldSpec] = &[
        field("group", &["Group"], true),
        field("shortlisted", &["Shortlisted"], true),
        field("appointed", &["Appointed"], true),
    ];
}

/// Case fields, row-level form.
pub mod cases {
    use super::*;
    #[allow(missing_docs)]
    pub const PERSON: usize = 0;
    #[allow(missing_docs)]
    pub const ETHNICITY: usize = 1;
    #[allow(missing_docs)]
    pub const DISABILITY: usize = 2;
    #[allow(missing_docs)]
    pub const CASE_TYPE: usize = 3;
    #[allow(missing_docs)]
    pub const DATE: usize = 4;
    /// The row-level case fields.
    pub const FIELDS: &[FieldSpec] = &[
        field("person_id", super::PERSON_ID, false),
        field("ethnicity", super::ETHNICITY, false),
        field("disability", super::DISABILITY, false),
        field("case_type", &["Case Type", "Process", "Category"], true),
        field(
            "date_entered",
            &["Date Entered", "Start Date", "Date Formal Process Started", "Investigation Start Date"],
            true,
        ),
    ];
    /// The aggregated case fields: `year, group, case_type, cases`.
    pub const AGGREGATED: &[FieldSpec] = &[
        field("year", &["Year"], true),
        field("group", &["Group"], true),
        field("case_type", &["Case Type", "Process", "Category"], true),
        field("cases", &["Cases"], true),
    ];
}

/// Training fields, row-level form.
pub mod training {
    use super::*;
    #[allow(missing_docs)]
    pub const PERSON: usize = 0;
    #[allow(missing_docs)]
    pub const MANDATORY: usize = 1;
    #[allow(missing_docs)]
    pub const DATE: usize = 2;
    /// The row-level training fields (ethnicity comes from the staff snapshot).
    pub const FIELDS: &[FieldSpec] = &[
        field("person_id", super::PERSON_ID, true),
        field("mandatory", &["Mandatory", "Mandatory?", "Statutory/Mandatory"], false),
        field("date", &["Date", "Completion Date", "Start Date"], false),
    ];
    /// The aggregated training fields: `group, staff, accessed`.
    pub const AGGREGATED: &[FieldSpec] =
        &[field("group", &["Group"], true), field("staff", &["Staff"], true), field("accessed", &["Accessed"], true)];
}

/// Survey fields.
pub mod survey {
    use super::*;
    #[allow(missing_docs)]
    pub const MEASURE: usize = 0;
    #[allow(missing_docs)]
    pub const GROUP: usize = 1;
    #[allow(missing_docs)]
    pub const VALUE: usize = 2;
    #[allow(missing_docs)]
    pub const RESPONDENTS: usize = 3;
    #[allow(missing_docs)]
    pub const YEAR: usize = 4;
    /// The survey fields.
    pub const FIELDS: &[FieldSpec] = &[
        field("measure", &["Measure", "Indicator", "Metric", "Question"], true),
        field("group", &["Group", "Breakdown"], true),
        field("value", &["Percent", "Percentage", "Value", "Score"], true),
        field("respondents", &["Respondents", "Base", "N", "Responses"], true),
        field("year", &["Year", "Survey Year"], false),
    ];
}

/// Board fields. Names and roles are deliberately not read.
pub mod board {
    use super::*;
    #[allow(missing_docs)]
    pub const ETHNICITY: usize = 0;
    #[allow(missing_docs)]
    pub const DISABILITY: usize = 1;
    #[allow(missing_docs)]
    pub const VOTING: usize = 2;
    #[allow(missing_docs)]
    pub const EXECUTIVE: usize = 3;
    /// The board fields.
    pub const FIELDS: &[FieldSpec] = &[
        // Each needed only by its standard (checked once the file is read: `normalise::needs`).
        field("ethnicity", super::ETHNICITY, false),
        field("disability", super::DISABILITY, false),
        field("voting", &["Voting", "Voting Member"], true),
        field("executive", &["Executive", "Executive Member", "Exec"], true),
    ];
}

/// The input kinds, as the config file's sections name them.
pub const KINDS: [&str; 6] = ["staff", "recruitment", "cases", "training", "survey", "board"];

/// The field sets an input kind is read with (row-level first, then the aggregated form where there is one);
/// none for a name that is not an input kind.
///
/// ```
/// use wres_wdes::normalise::records::header_names::{field_names, of_kind};
/// assert_eq!(of_kind("recruitment").len(), 2);
/// assert!(field_names("training").contains(&"accessed"));
/// ```
pub fn of_kind(kind: &str) -> &'static [&'static [FieldSpec]] {
    match kind {
        "staff" => &[staff::FIELDS],
        "recruitment" => &[recruitment::FIELDS, recruitment::AGGREGATED],
        "cases" => &[cases::FIELDS, cases::AGGREGATED],
        "training" => &[training::FIELDS, training::AGGREGATED],
        "survey" => &[survey::FIELDS],
        "board" => &[board::FIELDS],
        _ => &[],
    }
}

/// Every field name of an input kind, each once, in order: the keys its `[KIND.columns]` section accepts.
pub fn field_names(kind: &str) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    for spec in of_kind(kind).iter().flat_map(|set| set.iter()) {
        if !names.contains(&spec.name) {
            names.push(spec.name);
        }
    }
    names
}
