//! `wres-wdes columns` and `wres-wdes codes` against the readers: every header name printed, as the header of a
//! one-row CSV, is matched to its field; every value printed, classified by the real classifier, becomes what the
//! list says. So the lists cannot drift from what the tool reads.

use std::collections::BTreeMap;

use assert_cmd::Command;
use wres_wdes::commands::reference::{codes_text, columns_text};
use wres_wdes::normalise::listing::{becomes, coded_fields};
use wres_wdes::normalise::records::columns::{inputs, notes, Need};
use wres_wdes::read::{read_table, TableRequest};

/// Each header name of each field, alone with the other required fields' first names, is read as that field.
#[test]
fn every_header_name_printed_is_read_as_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.csv");
    let overrides = BTreeMap::new();
    let mut checked = 0;
    for input in inputs() {
        for column in &input.columns {
            for name in &column.names {
                let mut headers = vec![name.clone()];
                for other in input.specs.iter().filter(|s| s.required && s.name != column.field) {
                    headers.push(other.aliases.first().map_or(other.name.to_string(), |a| a.to_string()));
                }
                let quoted: Vec<String> = headers.iter().map(|h| format!("\"{h}\"")).collect();
                let row = vec!["1"; headers.len()].join(",");
                std::fs::write(&path, format!("{}\n{row}\n", quoted.join(","))).unwrap();
                let request = TableRequest {
                    path: &path,
                    fields: input.specs,
                    sheet: None,
                    prefer_sheet: None,
                    overrides: &overrides,
                };
                let info = read_table(&request, &mut |_| Ok(()))
                    .unwrap_or_else(|e| panic!("{} ({}): header '{name}': {e}", input.input, input.form));
                let got = info.columns.iter().find(|c| c.field == column.field).map(|c| c.header.as_str());
                assert_eq!(
                    got,
                    Some(name.as_str()),
                    "{} ({}): '{name}' is read as {}",
                    input.input,
                    input.form,
                    column.field
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked} names checked");
}

#[test]
fn the_columns_printed_are_the_readers_fields() {
    let list = inputs();
    let text = columns_text(&list);
    for input in &list {
        assert_eq!(input.columns.len(), input.specs.len(), "{}: every field of the reader", input.input);
        for (column, spec) in input.columns.iter().zip(input.specs) {
            assert_eq!(column.field, spec.name);
            assert_eq!(column.need == Need::Required, spec.required, "{} {}", input.input, spec.name);
            assert!(
                !column.about.is_empty(),
                "{} ({}) {}: say what it holds in columns.rs",
                input.input,
                input.form,
                spec.name
            );
            assert!(text.contains(&format!("  {} (", spec.name)), "printed: {}", spec.name);
            for name in &column.names {
                assert!(text.contains(name.as_str()), "printed: {name}");
            }
        }
    }
    // Each note is of a field its input has, and names a coded field `codes` knows.
    let fields = coded_fields().unwrap();
    for (input, form, specs, field) in notes() {
        assert!(specs.iter().any(|s| s.name == field), "{input} ({form}) has no field {field}");
    }
    for column in list.iter().flat_map(|i| &i.columns) {
        if let Some(codes) = column.codes {
            assert!(fields.iter().any(|f| f.field == codes), "{} names coded field {codes}", column.field);
        }
    }
}

/// Every value listed becomes, by the real classifier, what the list says.
#[test]
fn every_value_printed_becomes_what_the_list_says() {
    let fields = coded_fields().unwrap();
    let text = codes_text(&fields);
    let mut checked = 0;
    for f in &fields {
        assert!(!f.sections.is_empty(), "{}", f.field);
        for section in &f.sections {
            for a in &section.values {
                let got = becomes(f.field, &a.value, section.year);
                assert_eq!(got.as_deref(), Some(a.becomes.as_str()), "{} '{}' ({})", f.field, a.value, section.title);
                if !a.value.is_empty() {
                    assert!(text.contains(&a.value), "printed: {}", a.value);
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "{checked} values checked");
    assert_eq!(becomes("ethnicity", "Mixed - Other", None).as_deref(), Some("BME (Mixed)"));
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("wres-wdes").unwrap().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_commands() {
    let (code, out, _) = run(&["codes", "ethnicity", "Mixed - Other"]);
    assert_eq!((code, out.as_str()), (0, "ethnicity 'Mixed - Other' -> BME (Mixed)\n"));
    let (code, out, _) = run(&["codes", "measure", "Q31b", "--year", "2021"]);
    assert_eq!(code, 0);
    assert!(out.contains("not recognised"), "{out}");
    let (code, out, _) = run(&["codes", "voting"]);
    assert_eq!(code, 0);
    assert!(out.contains("yes_no:") && out.contains("true") && !out.contains("ethnicity:"), "{out}");
    let (code, _, err) = run(&["codes", "ethnicty"]);
    assert_eq!(code, 2);
    assert!(err.contains("no coded field is called 'ethnicty'") && err.contains("ethnicity, disability"), "{err}");
    let (code, out, _) = run(&["columns", "survey"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("survey (row-level)")
            && out.contains("year (optional): Year, Survey Year")
            && !out.contains("staff (")
    );
    let (code, _, err) = run(&["columns", "stuff"]);
    assert_eq!(code, 2);
    assert!(err.contains("staff, recruitment, cases, training, survey, board"), "{err}");
    let (code, out, _) = run(&["columns", "--json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["columns"][1]["need"], "for_wres");
    let (code, out, _) = run(&["codes", "pay_band", "--json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["field"], "pay_band");
}
