//! Exports as they really come give the figures of clean ones: ESR's spellings (padded bands, pay-scale codes,
//! FTE percentages), footer and total lines, month-first dates, values only the trust knows (mapped in the config),
//! and case types the standards leave out. Each case seen with a real export is here with its message checked.

mod hostile_common;

use std::path::Path;

use hostile_common::{excluded, json, put, quality, report, run, warned};
use serde_json::Value;
use wres_wdes::synthetic::{generate, write, Presentation, SampleOptions};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The results without the parts that describe the inputs (paths, digests, rows read): the figures.
fn figures(results: &Value) -> Value {
    let mut r = results.clone();
    r.as_object_mut().unwrap().remove("data_quality");
    r
}

/// `report --config trust.toml` in `dir`, its JSON.
fn report_config(dir: &Path) -> Value {
    run(dir, &["report", "--config", "trust.toml", "--json", "out.json", "-q"]).expect(0, &[]);
    json(dir)
}

const CLEAN_STAFF: &str = "Employee Number,Ethnic Origin,Disability Flag,Pay Band,Staff Group,FTE\n\
    1001,A,N,Band 5,Nursing and Midwifery Registered,1\n\
    1002,H,Y,Band 5,Administrative and Clerical,0.6\n\
    1003,C,N,Band 6,Nursing and Midwifery Registered,1\n\
    1004,M,N,Band 8a,Administrative and Clerical,1\n\
    1005,N,N,Band 7,Allied Health Professionals,0.8\n\
    1006,A,N,Band 2,Estates and Ancillary,1\n";

/// The same staff as ESR's Staff in Post report writes them: padded bands, pay-scale codes, FTE percentages and
/// the report's footer lines.
const ESR_STAFF: &str = "Employee Number,Ethnic Origin,Disability Flag,Pay Band,Staff Group,FTE\n\
    1001,A,N,Band 05,Nursing and Midwifery Registered,100%\n\
    1002,H,Y,XN05,Administrative and Clerical,60 %\n\
    1003,C,N,XR06,Nursing and Midwifery Registered,100%\n\
    1004,M,N,Band 08A,Administrative and Clerical,100.00%\n\
    1005,N,N,NHS|XR07|Review Body Band 7,Allied Health Professionals,80%\n\
    1006,A,N,Band 02,Estates and Ancillary,100%\n\
    Grand Total,,,,,5.4\n\
    ,,,,,5.4\n\
    Count of Employee Number: 6,,,,,\n\
    Report run by: J Smith on 01/04/2025 09:30,,,,,\n";

#[test]
fn esr_spellings_and_footer_lines_give_the_figures_of_a_clean_export() {
    let clean = tmp();
    put(clean.path(), "staff.csv", CLEAN_STAFF);
    report(clean.path(), &["--staff", "staff.csv"]).expect(0, &[]);
    let esr = tmp();
    put(esr.path(), "staff.csv", ESR_STAFF);
    report(esr.path(), &["--staff", "staff.csv"]).expect(0, &[]);
    let (clean_results, esr_results) = (json(clean.path()), json(esr.path()));
    assert_eq!(figures(&esr_results), figures(&clean_results));
    let q = quality(&esr_results, "staff");
    // Before: 'Band 05', 'XN05' and '100%' not recognised, and the footer lines four staff of Unknown ethnicity.
    assert_eq!(q["unrecognised"], serde_json::json!([]), "{q}");
    assert_eq!(excluded(q, "footer"), 4, "{q}");
    assert_eq!((q["rows_read"].as_u64(), q["rows_used"].as_u64()), (Some(10), Some(6)));
    // The footer is a rule of the export, not a problem.
    let out = run(esr.path(), &["check", "--strict", "--staff", "staff.csv", "--year", "2025"]);
    out.expect(0, &[]);
    assert!(out.stdout.contains("left out: 4 rows (footer)"), "{}", out.stdout);
}

#[test]
fn a_total_line_under_an_aggregated_table_is_a_footer() {
    let (clean, totalled) = (tmp(), tmp());
    let body =
        "Group,Shortlisted,Appointed\nWhite,300,80\nBME,200,40\nUnknown,10,2\nDisabled,30,6\nNon-disabled,480,116\n";
    put(clean.path(), "recruitment.csv", body);
    put(totalled.path(), "recruitment.csv", format!("{body}Grand Total,510,122\nTotal,510,122\n"));
    for d in [&clean, &totalled] {
        report(d.path(), &["--recruitment", "recruitment.csv"]).expect(0, &[]);
    }
    let totalled = json(totalled.path());
    assert_eq!(figures(&totalled), figures(&json(clean.path())));
    // Before: group 'Grand Total' not recognised.
    let q = quality(&totalled, "recruitment");
    assert_eq!((excluded(q, "footer"), &q["unrecognised"]), (2, &serde_json::json!([])), "{q}");
}

#[test]
fn an_absent_or_empty_grade_column_is_not_reported_as_blank_grades() {
    for (name, body) in [
        (
            "no grade column",
            "Employee Number,Ethnic Origin,Disability,Pay Band,Staff Group\n1,A,N,,Medical and Dental\n\
             2,A,N,Band 5,Nursing\n",
        ),
        (
            "empty grade column",
            "Employee Number,Ethnic Origin,Disability,Pay Band,Grade,Staff Group\n1,A,N,,,Medical and Dental\n\
             2,A,N,Band 5,,Nursing\n",
        ),
    ] {
        let d = tmp();
        put(d.path(), "staff.csv", body);
        let out = run(d.path(), &["check", "--staff", "staff.csv", "--year", "2025"]);
        out.expect(0, &[]);
        // Before: "not recognised: grade '' in 1 rows".
        assert!(!out.stdout.contains("grade ''"), "{name}: {}", out.stdout);
        assert!(out.stdout.contains("warning: grade_missing in 1 rows"), "{name}: {}", out.stdout);
    }
}

#[test]
fn month_first_dates_turn_the_whole_column_and_the_output_says_so() {
    let d = tmp();
    put(d.path(), "staff.csv", CLEAN_STAFF);
    // 05/01/2024 is 1 May 2024 month-first (in the year) but 5 January 2024 day-first (outside it).
    put(
        d.path(),
        "training.csv",
        "Staff Number,Mandatory,Completion Date\n1001,N,04/15/2024\n1002,N,05/01/2024\n1003,N,06/02/2024\n\
         1004,N,12/20/2024\n1005,N,02/03/2025\n",
    );
    report(d.path(), &["--staff", "staff.csv", "--training", "training.csv"]).expect(0, &[]);
    let q = quality(&json(d.path()), "training").clone();
    // Before: 04/15 and 12/20 not recognised, 05/01 and 06/02 read day-first and outside the year; 1 row used.
    assert_eq!(q["rows_used"], 5, "{q}");
    assert_eq!(q["unrecognised"], serde_json::json!([]), "{q}");
    assert_eq!(
        q["date_order"],
        serde_json::json!({"field": "date", "order": "mdy", "source": "detected", "either_way": 3}),
        "{q}"
    );
    let out = run(d.path(), &["check", "--staff", "staff.csv", "--training", "training.csv", "--year", "2025"]);
    assert!(
        out.stdout.contains(
            "dates (date) read month-first (03/31/2025): a date could only be month-first; 3 rows could be read \
             either way"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn month_first_recruitment_dates_are_read_month_first_for_the_period_warning() {
    let d = tmp();
    let rows: String = (1..=12).map(|m| format!("A,N,Yes,No,{m:02}/15/2024\n")).collect();
    put(d.path(), "recruitment.csv", format!("Ethnicity,Disability,Shortlisted,Appointed,Interview Date\n{rows}"));
    report(d.path(), &["--recruitment", "recruitment.csv"]).expect(0, &[]);
    let q = quality(&json(d.path()), "recruitment").clone();
    assert_eq!(q["date_order"]["order"], "mdy", "{q}");
    assert_eq!(q["date_order"]["source"], "detected", "{q}");
    // Read month-first, 9 of the 12 dates (April to December 2024) are in the year 2024-25: no period warning.
    assert_eq!(warned(&q, "dates_outside_period"), 0, "{q}");
}

#[test]
fn a_column_mixing_day_first_and_month_first_dates_is_refused_naming_rows() {
    let d = tmp();
    put(d.path(), "staff.csv", CLEAN_STAFF);
    put(
        d.path(),
        "cases.csv",
        "Employee Number,Case Type,Date Entered\n1001,Disciplinary,25/06/2024\n1002,Disciplinary,06/25/2024\n\
         1003,Disciplinary,01/02/2025\n",
    );
    report(d.path(), &["--staff", "staff.csv", "--cases", "cases.csv"])
        .expect(
            3,
            &["cases.csv, column 'Date Entered': the dates are written both day-first and month-first: 1 row (row 2: \
               25/06/2024) can only be day-first, 1 row (row 3: 06/25/2024) can only be month-first"],
        )
        .hints();
}

#[test]
fn the_config_settles_a_file_whose_dates_read_either_way() {
    let d = tmp();
    put(d.path(), "staff.csv", CLEAN_STAFF);
    // All readable either way: day-first only 01/05/2024 (1 May 2024) is in the year; month-first 05/01/2024 and
    // 06/02/2024 are, and 01/05/2024 (5 January 2024) is not.
    put(d.path(), "training.csv", "Staff Number,Completion Date\n1001,05/01/2024\n1002,06/02/2024\n1003,01/05/2024\n");
    let config = "[period]\nyear = 2025\n[inputs]\nstaff = \"staff.csv\"\ntraining = \"training.csv\"\n";
    put(d.path(), "trust.toml", config);
    let q = quality(&report_config(d.path()), "training").clone();
    assert_eq!((q["rows_used"].as_u64(), excluded(&q, "outside_period")), (Some(1), 2), "{q}");
    assert_eq!(q["date_order"]["source"], "default");
    put(d.path(), "trust.toml", format!("{config}[training]\ndate_order = \"mdy\"\n"));
    let q = quality(&report_config(d.path()), "training").clone();
    assert_eq!((q["rows_used"].as_u64(), excluded(&q, "outside_period")), (Some(2), 1), "{q}");
    assert_eq!((&q["date_order"]["order"], &q["date_order"]["source"]), (&"mdy".into(), &"config".into()));
    // A value the configured order cannot read.
    put(d.path(), "training.csv", "Staff Number,Completion Date\n1001,25/12/2024\n");
    run(d.path(), &["report", "--config", "trust.toml", "--json", "out.json"])
        .expect(
            3,
            &["the config says training.date_order = \"mdy\" (month-first), but 1 row (row 2: 25/12/2024) can only be \
               read day-first"],
        )
        .hints();
    // An order the tool does not know.
    put(d.path(), "trust.toml", format!("{config}[training]\ndate_order = \"ymd\"\n"));
    run(d.path(), &["check", "--config", "trust.toml"]).expect(2, &["training.date_order = \"ymd\" is not recognised"]);
}

#[test]
fn case_types_left_out_on_purpose_are_not_problems() {
    let d = tmp();
    put(d.path(), "staff.csv", CLEAN_STAFF);
    put(
        d.path(),
        "cases.csv",
        "Employee Number,Case Type,Date Entered\n1001,Disciplinary,2024-06-01\n1002,Grievance,2024-06-02\n\
         1003,Bullying and Harassment,2024-06-03\n1004,Dignity at Work,2024-06-04\n1005,Disciplinary Appeal,2024-06-05\n\
         1006,Capability,2024-06-06\n",
    );
    report(d.path(), &["--staff", "staff.csv", "--cases", "cases.csv"]).expect(0, &[]);
    let q = quality(&json(d.path()), "cases").clone();
    assert_eq!(excluded(&q, "other_case_type"), 4, "{q}");
    // A bare "Capability" names no ground: the user must say which.
    assert_eq!(excluded(&q, "case_type"), 1, "{q}");
    assert_eq!(q["unrecognised"], serde_json::json!([{"field": "case_type", "value": "Capability", "rows": 1}]));
    let out = run(d.path(), &["check", "--strict", "--staff", "staff.csv", "--cases", "cases.csv", "--year", "2025"]);
    // The row left out and its value: two lines, both about the one bare "Capability".
    out.expect(3, &["--strict: 2 data-quality problems found"]);
}

#[test]
fn mappings_are_checked_applied_and_listed() {
    let d = tmp();
    put(d.path(), "staff.csv", CLEAN_STAFF.replace(",A,N,Band 5,", ",WB,N,AfC 5 (Nursing),"));
    let base = "[period]\nyear = 2025\n[inputs]\nstaff = \"staff.csv\"\n";
    // A target the field does not accept: exit 2 naming the key, the value and what is accepted.
    put(d.path(), "trust.toml", format!("{base}[mapping.ethnicity]\n\"WB\" = \"White Brit\"\n"));
    run(d.path(), &["check", "--config", "trust.toml"])
        .expect(
            2,
            &[
                "mapping.ethnicity: \"WB\" is mapped to \"White Brit\", which is not an accepted ethnicity",
                "hint: give an NHS ethnic category code A to S",
            ],
        )
        .hints();
    // A field that cannot be mapped: exit 2 with the closest name.
    put(d.path(), "trust.toml", format!("{base}[mapping.ethnicty]\n\"WB\" = \"A\"\n"));
    run(d.path(), &["check", "--config", "trust.toml"])
        .expect(2, &["mapping.ethnicty: not a field whose values can be mapped", "hint: did you mean `ethnicity`?"]);
    // Applied before classification, matched ignoring case and spaces, and listed.
    let config = format!(
        "{base}[mapping.ethnicity]\n\"wb\" = \"A\"\n[mapping.pay_band]\n\"AfC  5 (Nursing)\" = \"Band 5\"\n\
         [mapping.staff_groups]\n\"Allied Health Professionals\" = \"non_clinical\"\n"
    );
    put(d.path(), "trust.toml", &config);
    let r = report_config(d.path());
    let q = quality(&r, "staff");
    assert_eq!(q["unrecognised"], serde_json::json!([]), "{q}");
    assert_eq!(
        q["mappings"],
        serde_json::json!([
            {"field": "ethnicity", "from": "wb", "to": "A", "rows": 1},
            {"field": "pay_band", "from": "AfC  5 (Nursing)", "to": "Band 5", "rows": 1},
        ])
    );
    // The staff-group mapping of the clinical split still works beside them.
    let clean = tmp();
    put(clean.path(), "staff.csv", CLEAN_STAFF);
    put(
        clean.path(),
        "trust.toml",
        format!("{base}[mapping.staff_groups]\n\"Allied Health Professionals\" = \"non_clinical\"\n"),
    );
    assert_eq!(figures(&r), figures(&report_config(clean.path())));
    let out = run(d.path(), &["check", "--config", "trust.toml"]);
    assert!(
        out.stdout.contains("mapped by the config: pay_band 'AfC  5 (Nursing)' -> 'Band 5' in 1 rows"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_value_shown_masked_is_left_out_of_the_mapping_block_with_a_note() {
    let d = tmp();
    put(
        d.path(),
        "staff.csv",
        CLEAN_STAFF
            .replace("1001,A,", "1001,Ref 12345678,")
            .replace("1002,H,", "1002,Martian,")
            .replace("1003,C,", "1003,MARTIAN ,"),
    );
    let out = run(d.path(), &["check", "--staff", "staff.csv", "--year", "2025"]);
    out.expect(0, &[]);
    assert!(out.stdout.contains("[mapping.ethnicity]"), "{}", out.stdout);
    // One line for both spellings of one value.
    let martian: Vec<&str> =
        out.stdout.lines().filter(|l| l.to_lowercase().starts_with("\"martian\" = \"\"")).collect();
    assert_eq!(martian.len(), 1, "{}", out.stdout);
    assert!(martian[0].ends_with("# 2 rows"), "{}", out.stdout);
    assert!(!out.stdout.contains("\"Ref ########\" ="), "{}", out.stdout);
    assert!(out.stdout.contains("# 1 value(s) left out: shown masked"), "{}", out.stdout);
}

/// Writes a sample trust of 600 staff in `presentation` into `dir`.
fn sample(dir: &Path, presentation: Presentation) {
    let trust = generate(&SampleOptions { staff: 600, seed: 8, presentation });
    write(&trust, dir).unwrap();
}

#[test]
fn a_messy_sample_gives_the_figures_of_its_clean_twin_and_passes_strict() {
    let (clean, messy) = (tmp(), tmp());
    sample(clean.path(), Presentation::Standard);
    sample(messy.path(), Presentation::Messy);
    let messy_results = report_config(messy.path());
    assert_eq!(figures(&messy_results), figures(&report_config(clean.path())));
    // Everything it holds was understood, and it says how.
    let staff = quality(&messy_results, "staff");
    assert_eq!((excluded(staff, "footer"), &staff["unrecognised"]), (4, &serde_json::json!([])));
    assert_eq!(warned(staff, "grade_missing"), 0);
    for kind in ["recruitment", "cases", "training"] {
        let q = quality(&messy_results, kind);
        assert_eq!((excluded(q, "footer") > 0, &q["unrecognised"]), (true, &serde_json::json!([])), "{kind}: {q}");
    }
    assert_eq!(quality(&messy_results, "cases")["date_order"]["source"], "config");
    assert_eq!(quality(&messy_results, "training")["date_order"]["source"], "detected");
    run(messy.path(), &["check", "--strict", "--config", "trust.toml"]).expect(0, &[]);
}

/// Fills the empty targets of a mapping block from `targets` (value as shown -> the code it stands for).
fn fill(block: &str, targets: &[(&str, &str)]) -> String {
    block
        .lines()
        .map(|line| match targets.iter().find(|(raw, _)| line.starts_with(&format!("\"{raw}\" = \"\""))) {
            Some((raw, code)) => line.replacen(&format!("\"{raw}\" = \"\""), &format!("\"{raw}\" = \"{code}\""), 1),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_mapping_block_of_check_pasted_into_the_config_leaves_nothing_unrecognised() {
    let (clean, local) = (tmp(), tmp());
    sample(clean.path(), Presentation::Standard);
    sample(local.path(), Presentation::Standard);
    // The trust's own codes in the recruitment export.
    let path = local.path().join("recruitment.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replace("\"White: English, Welsh, Scottish, Northern Irish or British\"", "WBRIT")
        .replace("White: Other White", "WOTH")
        .replace(",Not Appointed,", ",Unsuccessful - Post Interview,");
    std::fs::write(&path, text).unwrap();
    let out = run(local.path(), &["check", "--config", "trust.toml"]);
    out.expect(0, &[]);
    let block = &out.stdout[out.stdout.find("# Values not recognised").expect("a mapping block")..];
    // The block, without the verdict line that ends the report.
    let block = &block[..block.find("\nverdict: ").map_or(block.len(), |end| end + 1)];
    for line in ["[mapping.ethnicity]", "\"WBRIT\" = \"\"  # ", "\"WOTH\" = \"\"  # ", "[mapping.appointed]"] {
        assert!(block.contains(line), "{line:?} not in:\n{block}");
    }
    // Pasted unfilled, the config names what is missing.
    let config = std::fs::read_to_string(local.path().join("trust.toml")).unwrap();
    std::fs::write(local.path().join("trust.toml"), format!("{config}\n{block}")).unwrap();
    run(local.path(), &["check", "--config", "trust.toml"]).expect(2, &["is mapped to no value"]);
    // Filled in, as the user would.
    let filled = fill(
        block,
        &[("WBRIT", "A"), ("WOTH", "White: Other White"), ("Unsuccessful - Post Interview", "Not Appointed")],
    );
    std::fs::write(local.path().join("trust.toml"), format!("{config}\n{filled}")).unwrap();
    let out = run(local.path(), &["check", "--strict", "--config", "trust.toml"]);
    out.expect(0, &[]);
    assert!(!out.stdout.contains("not recognised"), "{}", out.stdout);
    assert_eq!(figures(&report_config(local.path())), figures(&report_config(clean.path())));
}
