//! The blank input workbook (`wres-wdes template`): a notes sheet, one sheet per input kind with the headers the
//! tool reads, drop-down lists (data validation) for every coded column, and a hidden sheet holding the lists.
//! Filled in, it is read by `check` and `report` as it is: each input kind finds the sheet named after it.

use rust_xlsxwriter::{DataValidation, DocProperties, ExcelDateTime, Format, Formula, Workbook, XlsxError};

use crate::error::{Error, Result};
use crate::normalise::codes::survey_map::{survey_map, SurveyMap};
use crate::normalise::codes::StaffGroup;
use crate::normalise::records::header_names;
use crate::read::FieldSpec;

/// The rows each input sheet offers for filling in (drop-downs reach this far).
const ROWS: u32 = 5000;

const ETHNICITY: &[&str] = &[
    "A White - British",
    "B White - Irish",
    "C White - Any other White background",
    "D Mixed - White and Black Caribbean",
    "E Mixed - White and Black African",
    "F Mixed - White and Asian",
    "G Mixed - Any other mixed background",
    "H Asian or Asian British - Indian",
    "J Asian or Asian British - Pakistani",
    "K Asian or Asian British - Bangladeshi",
    "L Asian or Asian British - Any other Asian background",
    "M Black or Black British - Caribbean",
    "N Black or Black British - African",
    "P Black or Black British - Any other Black background",
    "R Other Ethnic Groups - Chinese",
    "S Other Ethnic Groups - Any other ethnic group",
    "Z Not Stated",
    "99 Not Known",
];
const DISABILITY: &[&str] = &["Yes", "No", "Not Declared", "Prefer Not To Answer"];
const BANDS: &[&str] = &[
    "Under Band 1",
    "Band 1",
    "Band 2",
    "Band 3",
    "Band 4",
    "Band 5",
    "Band 6",
    "Band 7",
    "Band 8a",
    "Band 8b",
    "Band 8c",
    "Band 8d",
    "Band 9",
    "VSM",
    "Non AfC",
    "Medical and Dental",
];
const GRADES: &[&str] = &[
    "Consultant",
    "Specialty Doctor",
    "Specialist",
    "Associate Specialist",
    "Foundation Year 1",
    "Foundation Year 2",
    "Core Training",
    "Specialty Registrar",
    "Clinical Fellow",
    "VSM",
];
const CATEGORIES: &[&str] = &["Permanent", "Fixed Term Temp", "Bank", "Honorary", "Agency"];
const YES_NO: &[&str] = &["Yes", "No"];
const CASE_TYPES: &[&str] = &["Disciplinary", "Capability - Performance", "Capability - Ill Health"];
const SURVEY_GROUPS: &[&str] = &["White", "BME", "Disabled", "Non-disabled", "Overall"];

/// One input sheet: its name, fields, and the list (by name) each field's drop-down offers.
struct SheetSpec {
    name: &'static str,
    what: &'static str,
    fields: &'static [FieldSpec],
    lists: &'static [(&'static str, &'static str)],
}

const SHEETS: [SheetSpec; 6] = [
    SheetSpec {
        name: "Staff",
        what: "The ESR workforce snapshot at 31 March: one row per assignment or per person.",
        fields: header_names::staff::FIELDS,
        lists: &[
            ("ethnicity", "Ethnicity"),
            ("disability", "Disability"),
            ("pay_band", "Pay band"),
            ("grade", "Grade"),
            ("staff_group", "Staff group"),
            ("assignment_category", "Assignment category"),
            ("primary_assignment", "Yes/No"),
        ],
    },
    SheetSpec {
        name: "Recruitment",
        what: "One row per shortlisted application (applicant x vacancy) in the reporting year.",
        fields: header_names::recruitment::FIELDS,
        lists: &[("ethnicity", "Ethnicity"), ("disability", "Disability"), ("shortlisted", "Yes/No"), ("appointed", "Yes/No")],
    },
    SheetSpec {
        name: "Cases",
        what: "One row per formal disciplinary or capability case, in the reporting year and the year before.",
        fields: header_names::cases::FIELDS,
        lists: &[("ethnicity", "Ethnicity"), ("disability", "Disability"), ("case_type", "Case type")],
    },
    SheetSpec {
        name: "Training",
        what: "One row per non-mandatory course or CPD attended in the reporting year.",
        fields: header_names::training::FIELDS,
        lists: &[("mandatory", "Yes/No")],
    },
    SheetSpec {
        name: "Survey",
        what: "NHS Staff Survey results by group: one row per measure and group (percent 0-100; the engagement score 0-10 for WDES9a).",
        fields: header_names::survey::FIELDS,
        lists: &[("measure", "Measure"), ("group", "Survey group")],
    },
    SheetSpec {
        name: "Board",
        what: "One row per board member. Names are not needed and never read.",
        fields: header_names::board::FIELDS,
        lists: &[("ethnicity", "Ethnicity"), ("disability", "Disability"), ("voting", "Yes/No"), ("executive", "Yes/No")],
    },
];

fn lists() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("Ethnicity", ETHNICITY.to_vec()),
        ("Disability", DISABILITY.to_vec()),
        ("Pay band", BANDS.to_vec()),
        ("Grade", GRADES.to_vec()),
        ("Staff group", StaffGroup::ALL.iter().map(|g| g.label()).collect()),
        ("Assignment category", CATEGORIES.to_vec()),
        ("Yes/No", YES_NO.to_vec()),
        ("Case type", CASE_TYPES.to_vec()),
        ("Measure", survey_map().map(SurveyMap::measure_ids).unwrap_or_default()),
        ("Survey group", SURVEY_GROUPS.to_vec()),
    ]
}

/// Excel's column letters for a 0-based column.
fn column_letter(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut s = String::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        s.insert(0, (b'A' + r) as char);
        n = (n - 1) / 26;
    }
    s
}

/// The template workbook's bytes.
///
/// ```
/// let bytes = wres_wdes::render::template::to_bytes().unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn to_bytes() -> Result<Vec<u8>> {
    // The measures' list comes from the question map: it must load.
    survey_map()?;
    build().map_err(|e| Error::internal(format!("building the template: {e}")))
}

fn build() -> std::result::Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_creation_datetime(&ExcelDateTime::from_ymd(2025, 3, 31)?));
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let header =
        Format::new().set_bold().set_background_color("#DDEBF7").set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let all_lists = lists();

    let notes = wb.add_worksheet().set_name("Notes")?;
    notes.set_column_width(0, 22)?;
    notes.set_column_width(1, 100)?;
    notes.write_string_with_format(0, 0, "wres-wdes input template", &bold)?;
    notes.write_string_with_format(
        1,
        0,
        "Fill in the sheets you have (leave the others empty), then run: wres-wdes report --staff THIS.xlsx \
         --recruitment THIS.xlsx ... (each input finds the sheet named after it) or name this file for every input \
         in the config file. Columns marked * are required. Drop-downs list the accepted values; other spellings \
         that HR systems export are accepted too.",
        &wrap,
    )?;
    let mut row = 3;
    for sheet in &SHEETS {
        notes.write_string_with_format(row, 0, sheet.name, &bold)?;
        notes.write_string_with_format(row, 1, sheet.what, &wrap)?;
        row += 1;
        for f in sheet.fields {
            notes.write_string(row, 0, format!("{}{}", f.aliases[0], if f.required { " *" } else { "" }))?;
            notes.write_string_with_format(
                row,
                1,
                format!("field '{}'; also read under: {}", f.name, f.aliases[1..].join(", ")),
                &wrap,
            )?;
            row += 1;
        }
        row += 1;
    }

    for sheet in &SHEETS {
        let ws = wb.add_worksheet().set_name(sheet.name)?;
        for (col, f) in sheet.fields.iter().enumerate() {
            let col = col as u16;
            ws.write_string_with_format(0, col, f.aliases[0], &header)?;
            ws.set_column_width(col, (f.aliases[0].len() as f64 + 4.0).max(16.0))?;
            if let Some((_, list)) = sheet.lists.iter().find(|(field, _)| *field == f.name) {
                let index = all_lists.iter().position(|(name, _)| name == list).unwrap_or(0);
                let values = &all_lists[index].1;
                let letter = column_letter(index as u16);
                let formula = Formula::new(format!("=Lists!${letter}$2:${letter}${}", values.len() + 1));
                let dv = DataValidation::new()
                    .allow_list_formula(formula)
                    .set_input_title(f.aliases[0])?
                    .set_input_message(format!("Choose from the list ({list})."))?;
                ws.add_data_validation(1, col, ROWS, col, &dv)?;
            }
        }
        ws.set_freeze_panes(1, 0)?;
    }

    let lists_sheet = wb.add_worksheet().set_name("Lists")?;
    for (col, (name, values)) in all_lists.iter().enumerate() {
        lists_sheet.write_string_with_format(0, col as u16, *name, &bold)?;
        for (i, v) in values.iter().enumerate() {
            lists_sheet.write_string(i as u32 + 1, col as u16, *v)?;
        }
    }
    lists_sheet.set_hidden(true);
    wb.save_to_buffer()
}
