//! No silent wrong figures, the cases seen: a staff file without its ethnicity (or disability) column, the wrong
//! year, and a console that did not say which figures were missing. Each run checks the exit code and the words.
//!
//! - A column a standard needs is missing: exit 3 naming the file, the column, the standard and the names tried,
//!   with what to do; `--standards` (or `[report] standards`) runs the other standard alone, and then the figures
//!   of the standard not asked for are in no output.
//! - The year: out of range or two digits is a usage error with a hint; `2024/25` is the year ending March 2025;
//!   most dated rows outside the period is a warning (exit 3 with `--strict`).
//! - The console names each figure not computed with its reason, and the data-quality facts; `-q` is silent.

mod hostile_common;

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Reader, Xlsx};
use hostile_common::{json, nothing_written, put, quality, report, run, staff_csv, warned};
use serde_json::Value;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The staff CSV of `n` people without one of its columns.
fn staff_without(column: &str, n: usize) -> String {
    let text = staff_csv(n);
    let at = text.lines().next().unwrap().split(',').position(|h| h == column).unwrap();
    text.lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.split(',').collect();
            cells.remove(at);
            cells.join(",") + "\n"
        })
        .collect()
}

/// A training CSV for the people of [`staff_csv`]: `n` non-mandatory courses, the first `outside` of them dated
/// in 2023-24, the others in 2024-25.
fn training_csv(n: usize, outside: usize) -> String {
    let mut s = "Employee Number,Mandatory,Completion Date\n".to_string();
    for i in 0..n {
        let date = if i < outside { "2023-06-15" } else { "2024-06-15" };
        s.push_str(&format!("{},No,{date}\n", 1001 + i));
    }
    s
}

fn ids(results: &Value) -> Vec<String> {
    results["indicators"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_staff_file_without_its_ethnicity_column_stops_a_wres_run() {
    let d = tmp();
    put(d.path(), "staff.csv", staff_without("Ethnic Origin", 20));
    // Before: exit 0, "19 of 23 computed", "0 % BME" on the Summary.
    let out = report(d.path(), &["--staff", "staff.csv"]);
    out.expect(
        3,
        &[
            "staff.csv: no ethnicity column, which WRES needs",
            "names tried: \"Ethnic Origin\", \"Ethnicity\", \"Ethnic Group\", \"Ethnic Category\"",
            "[staff.columns] ethnicity = ",
            "--standards wdes",
        ],
    )
    .hints();
    nothing_written(d.path(), &["staff.csv"]);
    // check says the same.
    run(d.path(), &["check", "--year", "2025", "--staff", "staff.csv"])
        .expect(3, &["staff.csv: no ethnicity column, which WRES needs", "--standards wdes"]);
    // Named in the config, it is found.
    let renamed = staff_csv(20).replace("Ethnic Origin", "EO Code");
    put(d.path(), "renamed.csv", renamed);
    put(
        d.path(),
        "trust.toml",
        "[period]\nyear = 2025\n[inputs]\nstaff = \"renamed.csv\"\n[staff.columns]\nethnicity = \"EO Code\"\n",
    );
    run(d.path(), &["report", "-q", "--config", "trust.toml", "--json", "out.json"]).expect(0, &[]);
    assert_eq!(ids(&json(d.path())).len(), 23);
}

#[test]
fn a_staff_file_without_its_disability_column_stops_a_wdes_run() {
    let d = tmp();
    put(d.path(), "staff.csv", staff_without("Disability Flag", 20));
    report(d.path(), &["--staff", "staff.csv"])
        .expect(3, &["staff.csv: no disability column, which WDES needs", "\"Disability Flag\"", "--standards wres"]);
    // Asking for WRES only, it runs, and no WDES figure is anywhere.
    report(d.path(), &["--staff", "staff.csv", "--standards", "wres"]).expect(0, &["(WRES only)"]);
    let r = json(d.path());
    assert_eq!(r["settings"]["standards"], serde_json::json!(["WRES"]));
    assert!(ids(&r).iter().all(|id| id.starts_with("WRES")), "{:?}", ids(&r));
    assert_eq!(ids(&r).len(), 9);
    assert!(r["narrative"].get("wdes").is_none());
    let text = r.to_string();
    assert!(!text.contains("PAYGAP-DISABILITY") && !text.contains("PROGRESSION-DISABILITY"));
    assert!(r["population"]["rows"].as_array().unwrap().iter().all(|row| row["group"] != "Disabled"));
}

#[test]
fn every_input_a_standard_rests_on_is_checked() {
    let d = tmp();
    put(d.path(), "staff.csv", staff_csv(20));
    put(
        d.path(),
        "recruitment.csv",
        "Applicant Ethnicity,Shortlisted?,Outcome\nA,Yes,Appointed\nH,Yes,Not Appointed\n",
    );
    put(d.path(), "board.csv", "Disability,Voting,Executive\nNo,Yes,Yes\nYes,Yes,No\n");
    put(d.path(), "cases.csv", "Case Type,Date Entered\nDisciplinary,2024-06-01\n");
    put(
        d.path(),
        "survey.csv",
        "Measure,Group,Percent,Respondents\nWDES4a-i,Disabled,30,40\nWDES4a-i,Non-disabled,20,400\n",
    );
    let all = [
        "--staff",
        "staff.csv",
        "--recruitment",
        "recruitment.csv",
        "--board",
        "board.csv",
        "--cases",
        "cases.csv",
        "--survey",
        "survey.csv",
    ];
    report(d.path(), &all).expect(
        3,
        &[
            "recruitment.csv: no disability column, which WDES needs",
            "board.csv: no ethnicity column, which WRES needs",
            "cases.csv: no ethnicity column, and no person id column to find people in the staff snapshot, which WRES needs",
            "cases.csv: no disability column, and no person id column",
            "survey.csv: no usable rows for the White or BME groups, which WRES needs",
        ],
    );
    nothing_written(d.path(), &["staff.csv", "recruitment.csv", "board.csv", "cases.csv", "survey.csv"]);
}

#[test]
fn a_wdes_only_run_leaves_wres_out_of_every_output_and_the_summary_says_so() {
    let d = tmp();
    put(d.path(), "staff.csv", staff_without("Ethnic Origin", 30));
    put(
        d.path(),
        "trust.toml",
        "[organisation]\ncode = \"RXX\"\n[period]\nyear = \"2024/25\"\n[report]\nstandards = [\"wdes\"]\n\
         [inputs]\nstaff = \"staff.csv\"\n",
    );
    let out = run(
        d.path(),
        &["report", "--config", "trust.toml", "--json", "out.json", "--csv", "out.csv", "--out", "out.xlsx"],
    );
    out.expect(0, &["(WDES only)"]);
    let r = json(d.path());
    assert_eq!(r["snapshot_date"], "2025-03-31");
    assert_eq!(r["settings"]["standards"], serde_json::json!(["WDES"]));
    assert!(ids(&r).iter().all(|id| id.starts_with("WDES")));
    assert!(r["narrative"].get("wres").is_none() && r["narrative"]["wdes"].is_string());
    assert!(r["extensions"]["model_employer"].is_null());
    let csv = std::fs::read_to_string(d.path().join("out.csv")).unwrap();
    assert!(csv.lines().skip(1).all(|l| !l.starts_with("WRES")), "{csv}");
    let bytes = std::fs::read(d.path().join("out.xlsx")).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names().to_vec();
    assert!(!names.iter().any(|n| n == "WRES detail") && names.iter().any(|n| n == "WDES detail"), "{names:?}");
    let summary = wb.worksheet_range("Board summary").unwrap();
    let cells: Vec<String> = summary.rows().flatten().map(|c| c.to_string()).collect();
    assert!(cells.iter().any(|c| c.starts_with("WRES not asked for in this run (--standards wdes)")), "{cells:?}");
    assert!(!cells.iter().any(|c| c == "BME staff: all and band 8a+"), "no WRES row on the Board summary");
    // The flag wins over the config.
    run(d.path(), &["report", "-q", "--config", "trust.toml", "--standards", "wres,wdes", "--json", "out.json"])
        .expect(3, &["no ethnicity column, which WRES needs"]);
    run(d.path(), &["report", "--config", "trust.toml", "--standards", "race", "--json", "x.json"])
        .expect(2, &["--standards: 'race' is not a standard this tool reports on"]);
}

#[test]
fn a_year_out_of_range_or_of_two_digits_is_a_usage_error_with_a_hint() {
    let d = tmp();
    put(d.path(), "staff.csv", staff_csv(10));
    let year = |y: &str| run(d.path(), &["report", "--year", y, "--staff", "staff.csv", "--json", "out.json"]);
    // Before: taken as the year 25.
    year("25").expect(2, &["'25' is not a reporting year", "did you mean 2025?"]).hints();
    year("24/25").expect(2, &["did you mean 2024/25?"]);
    year("2024/26").expect(2, &["'2024/26' is not a financial year", "did you mean 2024/25?"]);
    year("2014").expect(2, &["2014 is before 2015"]);
    // Before: "20 of 23 computed" for --year 2030. Two years on from now is always in the future.
    let future = (wres_wdes::config::current_year() + 2).to_string();
    year(&future).expect(2, &["is in the future", "has not begun, so no data can fall in it"]).hints();
    if wres_wdes::config::current_year() + 1 < 2030 {
        year("2030").expect(2, &["2030 is in the future"]);
    }
    nothing_written(d.path(), &["staff.csv"]);
    // The financial-year spellings are the year ending 31 March.
    for spelling in ["2024/25", "2024-25", "2025"] {
        year(spelling).expect(0, &[]);
        assert_eq!(json(d.path())["snapshot_date"], "2025-03-31", "{spelling}");
    }
}

#[test]
fn the_config_year_may_be_a_number_or_text_and_anything_else_is_said_plainly() {
    let d = tmp();
    put(d.path(), "staff.csv", staff_csv(10));
    let with = |year: &str| {
        put(d.path(), "trust.toml", format!("[period]\nyear = {year}\n[inputs]\nstaff = \"staff.csv\"\n"));
        run(d.path(), &["report", "-q", "--config", "trust.toml", "--json", "out.json"])
    };
    for year in ["2025", "\"2025\"", "\"2024/25\""] {
        with(year).expect(0, &[]);
        assert_eq!(json(d.path())["snapshot_date"], "2025-03-31", "{year}");
    }
    // Before: serde's "invalid type: floating point `2025.5`, expected i32".
    let out = with("2025.5");
    out.expect(2, &["year must be a number such as 2025, or a financial year such as \"2024/25\""]);
    assert!(!out.stderr.contains("i32"), "{}", out.stderr);
    with("\"25\"").expect(2, &["trust.toml: [period] year: '25' is not a reporting year", "did you mean 2025?"]);
}

#[test]
fn most_training_dates_outside_the_year_is_a_warning_and_fails_strict() {
    let d = tmp();
    put(d.path(), "staff.csv", staff_csv(20));
    put(d.path(), "training.csv", training_csv(20, 14));
    let args = ["--staff", "staff.csv", "--training", "training.csv"];
    // Before: 14 of 20 rows silently left out, exit 0, no word.
    let out = report(d.path(), &args);
    out.expect(
        0,
        &["warning: training.csv: 70% of the dated rows fall outside the reporting year 2024-25; most training dates \
           are in 2023-24: is --year 2024 meant?"],
    );
    let q = json(d.path());
    let t = quality(&q, "training");
    assert_eq!(warned(t, "dates_outside_period"), 14);
    let w = t["warnings"].as_array().unwrap().iter().find(|w| w["warning"] == "dates_outside_period").unwrap();
    assert!(w["detail"].as_str().unwrap().contains("is --year 2024 meant?"));
    // The Board summary and Data quality sheets carry it.
    run(d.path(), &[&["report", "-q", "--year", "2025", "--out", "out.xlsx"][..], &args[..]].concat()).expect(0, &[]);
    let bytes = std::fs::read(d.path().join("out.xlsx")).unwrap();
    std::fs::remove_file(d.path().join("out.xlsx")).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    for sheet in ["Board summary", "Data quality"] {
        let cells: Vec<String> = wb.worksheet_range(sheet).unwrap().rows().flatten().map(|c| c.to_string()).collect();
        assert!(
            cells.iter().any(|c| c.contains("most training dates are in 2023-24: is --year 2024 meant?")),
            "{sheet}"
        );
    }
    // check says it too, and --strict fails on it.
    let out = run(d.path(), &["check", "--year", "2025", "--staff", "staff.csv", "--training", "training.csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("most training dates are in 2023-24: is --year 2024 meant?"), "{}", out.stdout);
    std::fs::remove_file(d.path().join("out.json")).unwrap();
    report(d.path(), &[&args[..], &["--strict"]].concat())
        .expect(3, &["training.csv: 14 rows with dates_outside_period", "is --year 2024 meant?"]);
    nothing_written(d.path(), &["staff.csv", "training.csv"]);
    // The year the dates point to: no warning.
    run(
        d.path(),
        &["report", "--year", "2024", "--staff", "staff.csv", "--training", "training.csv", "--json", "out.json"],
    )
    .expect(0, &[]);
    assert_eq!(warned(quality(&json(d.path()), "training"), "dates_outside_period"), 0);
    // Half or fewer outside: no warning.
    put(d.path(), "training.csv", training_csv(20, 10));
    report(d.path(), &args).expect(0, &[]);
    assert_eq!(warned(quality(&json(d.path()), "training"), "dates_outside_period"), 0);
}

#[test]
fn most_cases_outside_the_two_years_is_a_warning_naming_the_years_they_point_to() {
    let d = tmp();
    put(d.path(), "staff.csv", staff_csv(20));
    let mut cases = "Employee Number,Case Type,Date Entered\n".to_string();
    for (i, date) in ["2021-05-01", "2021-09-01", "2022-05-01", "2022-06-01", "2024-05-01"].iter().enumerate() {
        cases.push_str(&format!("{},Disciplinary,{date}\n", 1001 + i));
    }
    put(d.path(), "cases.csv", cases);
    report(d.path(), &["--staff", "staff.csv", "--cases", "cases.csv"]).expect(
        0,
        &["warning: cases.csv: 80% of the dated rows fall outside the two years of the rolling average 2023-24 and \
           2024-25; most case dates are in 2021-22 and 2022-23: is --year 2023 meant?"],
    );
}

#[test]
fn the_console_names_each_figure_not_computed_and_the_data_quality_facts() {
    let d = tmp();
    let staff = staff_csv(20).replacen("Band 5", "Band X", 3);
    put(d.path(), "staff.csv", staff);
    // Before: "2 of 23 indicators and metrics computed" and nothing else.
    let out = report(d.path(), &["--staff", "staff.csv"]);
    out.expect(
        0,
        &[
            "2 of 23 indicators and metrics computed; written: out.json",
            "figures not computed:",
            "  WRES2, WDES2 not computed: no recruitment file was given",
            "  WRES3, WDES3 not computed: no cases file was given",
            "WDES9b not computed: the config file has no [wdes9b] answer",
            "data quality:",
            "  staff.csv: not recognised: ",
            "pay_band in 3 rows ('Band X')",
            "  staff.csv: 3 of 20 staff in the workforce have no Agenda for Change band and are shown in band 'Other'",
        ],
    );
    // -q stays silent on success.
    let quiet = run(d.path(), &["report", "-q", "--year", "2025", "--staff", "staff.csv", "--json", "out.json"]);
    assert_eq!((quiet.code, quiet.stderr.as_str(), quiet.stdout.as_str()), (0, "", ""));
}
