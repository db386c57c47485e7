//! `sample` with three seeds, then `check` on each: every column the generator writes is recognised, every value
//! is understood (the Grievance cases the generator plants are a case type the standards leave out on purpose,
//! counted as `other_case_type`), and `check --strict` passes.

use assert_cmd::Command;
use serde_json::Value;

const EXPECTED_COLUMNS: [(&str, &[&str]); 6] = [
    (
        "staff",
        &[
            "person_id",
            "ethnicity",
            "disability",
            "pay_band",
            "grade",
            "staff_group",
            "assignment_category",
            "primary_assignment",
        ],
    ),
    ("recruitment", &["ethnicity", "disability", "shortlisted", "appointed"]),
    ("cases", &["person_id", "ethnicity", "disability", "case_type", "date_entered"]),
    ("training", &["person_id", "mandatory", "date"]),
    ("survey", &["measure", "group", "value", "respondents"]),
    ("board", &["ethnicity", "disability", "voting", "executive"]),
];

#[test]
fn check_recognises_every_column_and_value_of_three_sample_trusts() {
    for seed in ["1", "2", "3"] {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::cargo_bin("wres-wdes")
            .unwrap()
            .args(["sample", "--staff", "600", "--seed", seed, "--out-dir"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let out = Command::cargo_bin("wres-wdes")
            .unwrap()
            .args(["check", "--json", "--config"])
            .arg(dir.path().join("trust.toml"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let inputs: Value = serde_json::from_slice(&out.stdout).unwrap();
        for (kind, fields) in EXPECTED_COLUMNS {
            let q = inputs.as_array().unwrap().iter().find(|q| q["kind"] == kind).unwrap_or_else(|| panic!("{kind}"));
            let matched: Vec<&str> =
                q["columns"].as_array().unwrap().iter().map(|c| c["field"].as_str().unwrap()).collect();
            for f in fields {
                assert!(matched.contains(f), "seed {seed}: {kind}.{f} not matched ({matched:?})");
            }
            assert_eq!(q["unrecognised"], serde_json::json!([]), "seed {seed}: {kind} has unrecognised values");
            if kind == "cases" {
                let other = q["excluded"].as_array().unwrap().iter().find(|e| e["reason"] == "other_case_type");
                assert!(other.is_some_and(|e| e["rows"].as_u64() > Some(0)), "seed {seed}: {q}");
            }
            assert_eq!(
                q["rows_read"].as_u64(),
                Some(
                    q["rows_used"].as_u64().unwrap()
                        + q["excluded"].as_array().unwrap().iter().map(|e| e["rows"].as_u64().unwrap()).sum::<u64>()
                ),
                "seed {seed}: {kind}: every row used or excluded"
            );
        }
        let out = Command::cargo_bin("wres-wdes")
            .unwrap()
            .args(["check", "--strict", "--config"])
            .arg(dir.path().join("trust.toml"))
            .output()
            .unwrap();
        assert!(out.status.success(), "seed {seed}: check --strict: {}", String::from_utf8_lossy(&out.stderr));
    }
}
