//! Every accepted spelling in the spec's `inputs.md`, read from the spec itself: each header name of each field
//! is matched by the reader, and each listed value is classified. (Ignored when `../shared` is absent; a failure
//! under `CI`: see `needs`.)

mod needs;

use std::collections::BTreeMap;

use wres_wdes::normalise::codes::*;
use wres_wdes::normalise::records::header_names;
use wres_wdes::read::{read_table, FieldSpec, TableRequest};

fn spec() -> String {
    needs::shared_text("spec/inputs.md")
}

/// (kind, field) -> accepted header names, from the tables of inputs.md.
fn header_names(text: &str) -> BTreeMap<(String, String), Vec<String>> {
    let mut out: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut kind = String::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            kind = h.split(':').next().unwrap_or("").trim().to_string();
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // The extensions' fields have "the obvious names" (no list to check).
        if cells.len() < 5 || cells[1] == "field" || cells[1].starts_with("---") || cells[3].contains("obvious names") {
            continue;
        }
        // Names, without parenthetical notes; "as for staff" brings staff's names, "plus" adds more.
        let mut names_text = cells[3].to_string();
        while let (Some(a), Some(b)) = (names_text.find('('), names_text.find(')')) {
            if b < a {
                break;
            }
            names_text.replace_range(a..=b, "");
        }
        let fields_here: Vec<&str> = cells[1].split(',').map(str::trim).collect();
        for (position, field) in fields_here.iter().copied().enumerate() {
            let mut names: Vec<String> = Vec::new();
            let parts: Vec<&str> = names_text.split(';').collect();
            // "Vacancy Reference, Job Reference; as for staff" on several fields: the names are the first
            // field's, "as for staff" the others'.
            let parts: Vec<&str> = if fields_here.len() > 1 && parts.len() == 2 && parts[1].trim() == "as for staff" {
                vec![if position == 0 { parts[0] } else { parts[1] }]
            } else {
                parts
            };
            for part in parts {
                let part = part.trim();
                if part.starts_with("as for staff") {
                    names.extend(out.get(&("staff".to_string(), field.to_string())).cloned().unwrap_or_default());
                    if let Some(rest) = part.strip_prefix("as for staff, plus ") {
                        // One extra name per field, in the order of the fields ("Applicant Ethnicity, Applicant
                        // Disability" for "ethnicity, disability").
                        let extra: Vec<&str> = rest.split(',').map(str::trim).collect();
                        if extra.len() == fields_here.len() {
                            names.push(extra[position].to_string());
                        } else {
                            names.extend(extra.iter().map(|s| s.to_string()));
                        }
                    }
                } else if !part.is_empty() && !part.contains("obvious names") && !part.contains("ignored") {
                    names.extend(part.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()));
                }
            }
            out.insert((kind.clone(), field.to_string()), names);
        }
    }
    out
}

/// The fields the tool reads for each kind.
fn our_fields(kind: &str) -> &'static [FieldSpec] {
    match kind {
        "staff" => header_names::staff::FIELDS,
        "recruitment" => header_names::recruitment::FIELDS,
        "cases" => header_names::cases::FIELDS,
        "training" => header_names::training::FIELDS,
        "survey" => header_names::survey::FIELDS,
        "board" => header_names::board::FIELDS,
        _ => &[],
    }
}

/// Fields the spec lists that the tool deliberately does not read (with the reason).
const NOT_READ: &[(&str, &str, &str)] = &[
    ("training", "ethnicity", "joined from the staff snapshot, so the denominator and numerator agree"),
    ("recruitment", "vacancy_ref", "not needed by the returns"),
    ("board", "role", "never read: it could identify people"),
    ("board", "name", "never read: it is personal data"),
];

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn every_accepted_header_name_is_matched() {
    let text = spec();
    let names = header_names(&text);
    assert!(names.len() >= 25, "parsed {} fields from inputs.md", names.len());
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for ((kind, field), spellings) in &names {
        let specs = our_fields(kind);
        if specs.is_empty() || spellings.is_empty() {
            continue;
        }
        let Some(index) = specs.iter().position(|f| f.name == field) else {
            assert!(
                NOT_READ.iter().any(|(k, f, _)| k == kind && f == field),
                "{kind}.{field} is in inputs.md but neither read nor listed as deliberately not read"
            );
            continue;
        };
        for spelling in spellings {
            // The other required fields under their first name, this field under the spelling tried.
            let mut headers: Vec<String> = specs
                .iter()
                .enumerate()
                .filter(|(i, f)| *i != index && f.required)
                .map(|(_, f)| f.aliases[0].to_string())
                .collect();
            headers.push(spelling.clone());
            let path = dir.path().join(format!("{kind}-{checked}.csv"));
            let quoted: Vec<String> = headers.iter().map(|h| format!("\"{h}\"")).collect();
            std::fs::write(&path, format!("{}\n{}\n", quoted.join(","), vec!["1"; headers.len()].join(","))).unwrap();
            let overrides = BTreeMap::new();
            let request =
                TableRequest { path: &path, fields: specs, sheet: None, prefer_sheet: None, overrides: &overrides };
            let info =
                read_table(&request, &mut |_| Ok(())).unwrap_or_else(|e| panic!("{kind}.{field} as '{spelling}': {e}"));
            let matched = info.columns.iter().find(|c| c.field == *field).map(|c| c.header.as_str());
            assert_eq!(matched, Some(spelling.as_str()), "{kind}.{field} as '{spelling}'");
            checked += 1;
        }
    }
    assert!(checked >= 60, "checked {checked} spellings");
}

/// The backticked values of the sentence starting with `label` in the "Accepted values" paragraph.
fn listed(text: &str, label: &str) -> Vec<String> {
    let para: String = text.split("Accepted values:").nth(1).unwrap().split("\n\n").next().unwrap().replace('\n', " ");
    let part = para.split(label).nth(1).unwrap().split(". ").next().unwrap();
    part.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

#[test]
#[cfg_attr(no_shared, ignore = "needs ../shared beside the project")]
fn every_listed_value_is_classified() {
    let text = spec();
    let ethnicities = listed(&text, "ethnicity as");
    assert!(ethnicities.len() >= 10);
    for v in &ethnicities {
        assert!(ethnicity::classify(v).is_some(), "ethnicity '{v}'");
    }
    assert_eq!(ethnicity::classify("").map(|e| e.group), Some(Ethnicity::Unknown), "blank");
    let disabilities = listed(&text, "Disability as");
    assert!(disabilities.len() >= 7);
    for v in &disabilities {
        assert!(disability::classify(v).is_some(), "disability '{v}'");
    }
    assert_eq!(disability::classify(""), Some(Disability::Unknown), "blank");
    let bands = listed(&text, "Pay band as");
    assert!(bands.len() >= 14);
    for v in &bands {
        assert!(band::classify(v).is_some(), "pay band '{v}'");
    }
    assert_eq!(band::classify(""), Some(BandValue::Blank));
    // Outcome words (recruitment), case types, survey groups and measures, as the spec lists them.
    for (v, want) in [("Appointed", true), ("Offer Accepted", true), ("Hired", true), ("Yes", true)]
        .into_iter()
        .chain([("Not Appointed", false), ("Rejected", false), ("Withdrawn", false), ("No", false)])
    {
        assert_eq!(yes_no::appointed(v), Some(want), "outcome '{v}'");
    }
    for v in ["Y", "N", "Yes", "No", "True", "False", "1", "0"] {
        assert!(yes_no::classify(v).is_some(), "yes/no '{v}'");
    }
    for v in ["Disciplinary", "Capability - Performance", "Capability - Ill Health"] {
        assert!(case_type::classify(v).is_some(), "case type '{v}'");
    }
    for v in ["White", "BME", "Disabled", "Non-disabled", "Overall"] {
        assert!(survey::classify_group(v).is_some(), "survey group '{v}'");
    }
    for v in [
        "WRES5",
        "WRES6",
        "WRES7",
        "WRES8",
        "WDES4a-i",
        "WDES4a-ii",
        "WDES4a-iii",
        "WDES4b",
        "WDES5",
        "WDES6",
        "WDES7",
        "WDES8",
        "WDES9a",
    ] {
        assert!(survey::classify_measure(v).is_some(), "measure '{v}'");
    }
    assert!(staff_group::classify("Add Prof Scientific and Technic").is_some());
}
