//! No file lost or corrupted, and every message pointing the right way: each case a new user met, with the exit
//! code, the message, and the SHA-256 of every file in the folder before and after (only the intended outputs
//! may change).

mod hostile_common;

use std::path::Path;

use hostile_common::*;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

const RECRUITMENT: &str = "Applicant Ethnicity,Applicant Disability,Shortlisted?,Outcome\n\
                           White British,No,Yes,Appointed\nIndian,No,Yes,Not Appointed\n\
                           White British,Yes,Yes,Not Appointed\nBlack African,No,Yes,Appointed\n";

/// A small trust: staff, recruitment and a config naming them.
fn trust(dir: &Path, config_extra: &str) {
    put(dir, "staff.csv", staff_csv(20));
    put(dir, "recruitment.csv", RECRUITMENT);
    put(
        dir,
        "trust.toml",
        format!(
            "[organisation]\nname = \"Test Trust\"\ncode = \"RZZ\"\n\n[period]\nyear = 2025\n\n[inputs]\n\
             staff = \"staff.csv\"\nrecruitment = \"recruitment.csv\"\n{config_extra}"
        ),
    );
}

// ---- 1. No output overwrites another output or a file the run reads --------------------------------------------

#[test]
fn two_outputs_naming_one_file_are_refused() {
    let d = tmp();
    trust(d.path(), "");
    let before = fingerprints(d.path());
    run(d.path(), &["report", "--config", "trust.toml", "--out", "r.xlsx", "--json", "r.xlsx"])
        .expect(2, &["r.xlsx: --json names the same file as --out; one output would replace the other"])
        .hints();
    run(d.path(), &["report", "--config", "trust.toml", "--json", "r.json", "--csv", "./sub/../r.json"])
        .expect(2, &["names the same file as --json (r.json)"]);
    only_changed(d.path(), &before, &[]);
}

#[test]
fn no_file_the_run_reads_can_be_an_output_however_spelt() {
    let d = tmp();
    trust(d.path(), "");
    put(d.path(), "old.json", "{}");
    put(d.path(), "pop.csv", "date,geography,geography code\n");
    put(d.path(), "catchment.csv", "msoa,trust\n");
    std::fs::create_dir(d.path().join("sub")).unwrap();
    let folder = d.path().file_name().unwrap().to_string_lossy().into_owned();
    let before = fingerprints(d.path());
    let report = |extra: &[&str]| {
        let mut args = vec!["report", "--config", "trust.toml"];
        args.extend_from_slice(extra);
        run(d.path(), &args)
    };
    report(&["--json", "trust.toml"]).expect(2, &["trust.toml: --json names the config file, which this run reads"]);
    report(&["--csv", "./staff.csv"]).expect(2, &["./staff.csv: --csv names the staff input (staff.csv)"]);
    report(&["--csv", &format!("../{folder}/sub/../recruitment.csv")]).expect(2, &["names the recruitment input"]);
    report(&["--previous", "old.json", "--json", "old.json"])
        .expect(2, &["old.json: --json names a previous year's results (--previous), which this run reads"])
        .hints();
    report(&["--population", "pop.csv", "--csv", "pop.csv"]).expect(2, &["names a population or catchment file"]);
    report(&["--catchment", "catchment.csv", "--catchment-of", "RJ1", "--csv", "catchment.csv"])
        .expect(2, &["names a population or catchment file"]);
    // A config file's own [output] naming an input.
    put(d.path(), "out.toml", format!("{}\n[output]\ncsv = \"staff.csv\"\n", read(d.path(), "trust.toml")));
    run(d.path(), &["report", "--config", "out.toml"])
        .expect(2, &["staff.csv: [output] csv names the staff input, which this run reads"]);
    std::fs::remove_file(d.path().join("out.toml")).unwrap();
    // Links: a symbolic link and a hard link to the config file.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("trust.toml", d.path().join("link.json")).unwrap();
        std::fs::hard_link(d.path().join("trust.toml"), d.path().join("hard.json")).unwrap();
        let before = fingerprints(d.path());
        report(&["--json", "link.json"]).expect(2, &["link.json: --json names the config file (trust.toml)"]);
        report(&["--json", "hard.json"]).expect(2, &["hard.json: --json names the config file (trust.toml)"]);
        only_changed(d.path(), &before, &[]);
        std::fs::remove_file(d.path().join("link.json")).unwrap();
        std::fs::remove_file(d.path().join("hard.json")).unwrap();
    }
    only_changed(d.path(), &before, &[]);
}

#[test]
fn a_batch_output_cannot_overwrite_the_manifest_or_a_trusts_input() {
    let d = tmp();
    std::fs::create_dir(d.path().join("north")).unwrap();
    trust(&d.path().join("north"), "");
    put(d.path(), "batch-summary.json", "[[trust]]\nconfig = \"north/trust.toml\"\n");
    let before = fingerprints(d.path());
    run(d.path(), &["batch", "--manifest", "batch-summary.json", "--out-dir", "."]).expect(
        2,
        &["batch-summary.json: the batch summary names the manifest (batch-summary.json), which this run reads"],
    );
    // The out folder inside a trust's folder, where the roll-up's name is the trust's input.
    put(&d.path().join("north"), "system-rollup.json", "{}");
    put(d.path(), "trusts.toml", "[[trust]]\nconfig = \"north/trust.toml\"\n[[trust]]\nconfig = \"south.toml\"\n");
    put(
        d.path(),
        "south.toml",
        "[period]\nyear = 2025\n[inputs]\nstaff = \"north/staff.csv\"\nprevious = [\"north/system-rollup.json\"]\n",
    );
    let before2 = fingerprints(d.path());
    run(d.path(), &["batch", "--manifest", "trusts.toml", "--out-dir", "north"])
        .expect(2, &["system-rollup.json: the system roll-up names a previous year's results"]);
    only_changed(d.path(), &before2, &[]);
    assert!(before.keys().all(|k| before2.contains_key(k)));
    // The system board pack, with --workbooks, is claimed the same way: here a trust's staff file bears its name.
    std::fs::copy(d.path().join("north/staff.csv"), d.path().join("north/system-report.xlsx")).unwrap();
    put(d.path(), "south.toml", "[period]\nyear = 2025\n[inputs]\nstaff = \"north/system-report.xlsx\"\n");
    let before3 = fingerprints(d.path());
    run(d.path(), &["batch", "--manifest", "trusts.toml", "--out-dir", "north", "--workbooks"])
        .expect(2, &["system-report.xlsx: the system board pack names"]);
    only_changed(d.path(), &before3, &[]);
}

// ---- 2. template and sample keep what exists unless --force ----------------------------------------------------

#[test]
fn template_does_not_replace_a_filled_in_workbook_without_force() {
    let d = tmp();
    put(d.path(), "filled.xlsx", "the user's filled-in work");
    let before = fingerprints(d.path());
    run(d.path(), &["template", "--out", "filled.xlsx"])
        .expect(2, &["filled.xlsx: already exists; refusing to replace it"])
        .hints();
    only_changed(d.path(), &before, &[]);
    run(d.path(), &["template", "--out", "blank.xlsx"]).expect(0, &[]);
    run(d.path(), &["template", "--out", "filled.xlsx", "--force"]).expect(0, &[]);
    only_changed(d.path(), &before, &["filled.xlsx", "blank.xlsx"]);
    run(d.path(), &["template", "--out", "blank.csv"]).expect(2, &["blank.csv: --out writes an Excel workbook"]);
}

#[test]
fn sample_does_not_write_into_a_folder_holding_anything_without_force() {
    let d = tmp();
    run(d.path(), &["sample", "--out-dir", "s", "--staff", "60"]).expect(0, &[]);
    let edited = "[period]\nyear = 2024 # edited by hand\n";
    put(&d.path().join("s"), "trust.toml", edited);
    let before = fingerprints(d.path());
    run(d.path(), &["sample", "--out-dir", "s", "--staff", "60"])
        .expect(2, &["s: the folder is not empty (it holds board.xlsx, cases.xlsx, recruitment.csv and 4 more)"])
        .hints();
    only_changed(d.path(), &before, &[]);
    assert_eq!(read(&d.path().join("s"), "trust.toml"), edited);
    run(d.path(), &["sample", "--out-dir", "s", "--staff", "60", "--force"]).expect(0, &[]);
    assert_ne!(read(&d.path().join("s"), "trust.toml"), edited);
}

// ---- 3. Output names fit their format --------------------------------------------------------------------------

#[test]
fn an_output_name_that_does_not_fit_its_format_is_refused() {
    let d = tmp();
    trust(d.path(), "");
    let before = fingerprints(d.path());
    for (flag, name, fragment) in [
        ("--out", "rep.csv", "rep.csv: --out writes an Excel workbook, so its name must end in .xlsx"),
        ("--out", "rep.xls", "rep.xls: --out writes an Excel workbook, so its name must end in .xlsx"),
        ("--out", "rep", "rep: --out writes an Excel workbook, so its name must end in .xlsx"),
        ("--json", "x.xlsx", "x.xlsx: --json writes JSON, so its name must end in .json"),
        ("--csv", "x.txt", "x.txt: --csv writes a CSV table, so its name must end in .csv"),
    ] {
        run(d.path(), &["report", "--config", "trust.toml", flag, name]).expect(2, &[fragment]).hints();
    }
    // Any case.
    run(d.path(), &["report", "--config", "trust.toml", "--json", "R.JSON"]).expect(0, &[]);
    only_changed(d.path(), &before, &["R.JSON"]);
}

// ---- 4. Outputs on the command line replace the config's [output] ----------------------------------------------

#[test]
fn an_ad_hoc_output_does_not_rewrite_the_scheduled_ones() {
    let d = tmp();
    trust(d.path(), "\n[output]\njson = \"scheduled.json\"\ncsv = \"scheduled.csv\"\n");
    run(d.path(), &["report", "--config", "trust.toml"]).expect(0, &[]);
    // New data since the scheduled run: an output rewritten now would differ.
    put(d.path(), "staff.csv", staff_csv(30));
    let before = fingerprints(d.path());
    let out = run(d.path(), &["report", "--config", "trust.toml", "--json", "adhoc.json"]);
    out.expect(0, &["written: adhoc.json"]);
    assert!(!out.stderr.contains("scheduled"), "{}", out.stderr);
    only_changed(d.path(), &before, &["adhoc.json"]);
}

// ---- 6. Messages -----------------------------------------------------------------------------------------------

#[test]
fn the_column_hint_names_the_inputs_own_section_and_a_wrong_section_is_caught() {
    let d = tmp();
    trust(d.path(), "");
    // (Not "Appointed" in the rows: a row holding an accepted column name would be taken as the header.)
    put(
        d.path(),
        "recruitment.csv",
        "Applicant Ethnicity,Applicant Disability,Shortlisted?,Result\nWhite British,No,Yes,Yes\nIndian,No,Yes,No\n",
    );
    let before = fingerprints(d.path());
    run(d.path(), &["report", "--config", "trust.toml", "--json", "r.json"]).expect(
        3,
        &["no column for 'appointed'", "hint: name the column in the config file: [recruitment.columns] appointed = "],
    );
    // Following the old hint (the staff section) is no longer accepted silently.
    put(
        d.path(),
        "wrong.toml",
        format!("{}\n[staff]\ncolumns = {{ appointed = \"Result\" }}\n", read(d.path(), "trust.toml")),
    );
    run(d.path(), &["report", "--config", "wrong.toml", "--json", "r.json"]).expect(
        2,
        &["wrong.toml: [staff.columns] appointed: the staff input has no field 'appointed'; its fields are: person_id"],
    );
    put(
        d.path(),
        "right.toml",
        format!("{}\n[recruitment]\ncolumns = {{ appointed = \"Result\" }}\n", read(d.path(), "trust.toml")),
    );
    run(d.path(), &["report", "--config", "right.toml", "--json", "r.json"]).expect(0, &[]);
    only_changed(d.path(), &before, &["wrong.toml", "right.toml", "r.json"]);
}

#[test]
fn a_misspelt_key_in_a_columns_section_is_caught_with_a_suggestion() {
    let d = tmp();
    trust(d.path(), "\n[staff]\ncolumns = { ethnicty = \"Ethnic Origin\" }\n");
    let before = fingerprints(d.path());
    run(d.path(), &["report", "--config", "trust.toml", "--json", "r.json"]).expect(
        2,
        &["trust.toml: [staff.columns] ethnicty: the staff input has no field 'ethnicty'", "did you mean `ethnicity`?"],
    );
    run(d.path(), &["check", "--config", "trust.toml"]).expect(2, &["did you mean `ethnicity`?"]);
    only_changed(d.path(), &before, &[]);
}

#[test]
fn a_wdes9b_answer_that_is_not_yes_or_no_is_caught() {
    let d = tmp();
    trust(d.path(), "\n[wdes9b]\nanswer = \"Yes we did\"\n");
    let before = fingerprints(d.path());
    run(d.path(), &["report", "--config", "trust.toml", "--json", "r.json"])
        .expect(2, &["trust.toml: wdes9b.answer must be yes or no, not \"Yes we did\""])
        .hints();
    only_changed(d.path(), &before, &[]);
}

#[test]
fn a_misspelt_sheet_is_a_usage_error_listing_the_sheets() {
    let d = tmp();
    staff_xlsx(&d.path().join("staff.xlsx"), 10, |_| {});
    put(d.path(), "trust.toml", "[period]\nyear = 2025\n[inputs]\nstaff = \"staff.xlsx\"\n[staff]\nsheet = \"Staf\"\n");
    let before = fingerprints(d.path());
    run(d.path(), &["report", "--config", "trust.toml", "--json", "r.json"])
        .expect(2, &["staff.xlsx: has no sheet named 'Staf' (named by [staff] sheet in the config file); its sheets are: 'Staff'", "did you mean 'Staff'?"]);
    only_changed(d.path(), &before, &[]);
}

/// The template's Notes say "fill in the sheets you have, leave the others empty": a sheet left with its header
/// only is an input not given.
#[test]
fn a_template_with_sheets_left_empty_runs_and_says_which_inputs_were_not_given() {
    let d = tmp();
    let path = d.path().join("partial.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().set_name("Notes").unwrap().write_string(0, 0, "wres-wdes input template").unwrap();
    let staff = wb.add_worksheet().set_name("Staff").unwrap();
    for (r, line) in staff_csv(20).lines().enumerate() {
        for (c, v) in line.split(',').enumerate() {
            staff.write_string(r as u32, c as u16, v).unwrap();
        }
    }
    let recruitment = wb.add_worksheet().set_name("Recruitment").unwrap();
    for (c, h) in ["Applicant Ethnicity", "Applicant Disability", "Shortlisted", "Appointed"].iter().enumerate() {
        recruitment.write_string(0, c as u16, *h).unwrap();
    }
    let cases = wb.add_worksheet().set_name("Cases").unwrap();
    for (c, h) in ["Employee Number", "Case Type", "Date Entered"].iter().enumerate() {
        cases.write_string(0, c as u16, *h).unwrap();
    }
    wb.save(&path).unwrap();
    let before = fingerprints(d.path());
    let inputs = ["--staff", "partial.xlsx", "--recruitment", "partial.xlsx", "--cases", "partial.xlsx"];
    let out = run(d.path(), &[&["report", "--year", "2025", "--json", "r.json"], &inputs[..]].concat());
    out.expect(
        0,
        &[
            "note: recruitment: not given (sheet 'Recruitment' of partial.xlsx holds only its header row)",
            "note: cases: not given (sheet 'Cases' of partial.xlsx holds only its header row)",
        ],
    );
    let check = run(d.path(), &[&["check", "--year", "2025"], &inputs[..]].concat());
    check.expect(0, &[]);
    assert!(check.stdout.contains("recruitment: not given"), "{}", check.stdout);
    assert!(check.stdout.contains("verdict: 1 input read, 2 left empty (not given)"), "{}", check.stdout);
    only_changed(d.path(), &before, &["r.json"]);
    // A file of its own with only a header is still an export gone wrong, named with its sheet and input.
    run(d.path(), &["report", "--year", "2025", "--recruitment", "partial.xlsx", "--json", "r.json"]).expect(
        3,
        &["partial.xlsx, sheet 'Recruitment': the recruitment input has a header row (row 1) but no data rows below it"],
    );
}

#[test]
fn a_file_of_another_kind_says_so() {
    let d = tmp();
    trust(d.path(), "");
    let before = fingerprints(d.path());
    run(d.path(), &["report", "--year", "2025", "--staff", "recruitment.csv", "--json", "r.json"])
        .expect(2, &["recruitment.csv: given as the staff input, but its columns are those of the recruitment input"])
        .hints();
    run(d.path(), &["report", "--year", "2025", "--recruitment", "staff.csv", "--json", "r.json"])
        .expect(2, &["staff.csv: given as the recruitment input, but its columns are those of the staff input"]);
    only_changed(d.path(), &before, &[]);
}

#[test]
fn an_html_or_xml_file_saved_as_xls_says_what_it_is() {
    let d = tmp();
    put(d.path(), "bi.xls", "\u{feff}<!DOCTYPE html>\n<html><body><table><tr><td>Employee Number</td></tr></table>");
    put(
        d.path(),
        "old.xls",
        "<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet/>",
    );
    let before = fingerprints(d.path());
    run(d.path(), &["report", "--year", "2025", "--staff", "bi.xls", "--json", "r.json"])
        .expect(1, &["bi.xls: is a web page (HTML), not a spreadsheet or a CSV file", "save it as an Excel Workbook"])
        .hints();
    run(d.path(), &["report", "--year", "2025", "--staff", "old.xls", "--json", "r.json"])
        .expect(1, &["old.xls: is an Excel 2003 XML spreadsheet (SpreadsheetML), not a spreadsheet"]);
    only_changed(d.path(), &before, &[]);
}

// ---- 7. check reports every input, then a verdict --------------------------------------------------------------

#[test]
fn check_reports_every_input_and_a_verdict_with_the_most_serious_code() {
    let d = tmp();
    trust(d.path(), "");
    put(d.path(), "bad.csv", "Employee Number,Ethnic Origin\n1,A\n");
    put(
        d.path(),
        "survey.csv",
        "Measure,Group,Percent,Respondents\nWRES5,White,130,40\nWRES5,BME,20,40\nWDES5,Disabled,20,40\n\
         WDES5,Non-disabled,20,40\n",
    );
    let before = fingerprints(d.path());
    let out = run(
        d.path(),
        &["check", "--config", "trust.toml", "--staff", "bad.csv", "--survey", "survey.csv", "--previous", "gone.json"],
    );
    out.expect(3, &["error: 2 inputs could not be used"]);
    let text = &out.stdout;
    // The good ones, and each failure with its error, in input order.
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s:?} in:\n{text}"));
    assert!(
        at("staff: bad.csv\n  could not be used (exit 3): bad.csv, row 1: no columns for") < at("recruitment (row)")
    );
    assert!(at("recruitment (row)") < at("survey (row)"));
    assert!(at("survey (row)") < at("previous: gone.json\n  could not be used (exit 1)"));
    assert!(
        text.contains(
            "verdict: 2 inputs read, 2 failed (bad.csv, exit 3; gone.json, exit 1); 1 data-quality problem (--strict \
             would fail); exit 3"
        ),
        "{text}"
    );
    // All good but a problem, with --strict: exit 3; without, exit 0.
    run(d.path(), &["check", "--config", "trust.toml", "--survey", "survey.csv"]).expect(0, &[]);
    let strict = run(d.path(), &["check", "--config", "trust.toml", "--survey", "survey.csv", "--strict"]);
    strict.expect(3, &["--strict: 1 data-quality problem found"]);
    assert!(strict.stdout.contains("verdict: 3 inputs read; 1 data-quality problem; exit 3"), "{}", strict.stdout);
    only_changed(d.path(), &before, &[]);
}

// ---- 8. batch ------------------------------------------------------------------------------------------------------

#[test]
fn batch_leaves_no_folder_for_a_failed_trust_and_names_each_path_once() {
    let d = tmp();
    for name in ["good", "bad1", "bad2"] {
        std::fs::create_dir(d.path().join(name)).unwrap();
        trust(&d.path().join(name), "");
    }
    put(&d.path().join("bad1"), "staff.csv", "Employee Number\n1\n");
    put(&d.path().join("bad2"), "trust.toml", "[period]\nyeer = 2025\n");
    put(
        d.path(),
        "trusts.toml",
        "[[trust]]\nconfig = \"good/trust.toml\"\n[[trust]]\nconfig = \"bad1/trust.toml\"\n\
         [[trust]]\nconfig = \"bad2/trust.toml\"\n",
    );
    let before = fingerprints(d.path());
    let out = run(d.path(), &["batch", "--manifest", "trusts.toml", "--out-dir", "out"]);
    out.expect(
        3,
        &[
            "error: bad2/trust.toml: TOML parse error",
            "unknown field `yeer`",
            "error: bad1/trust.toml: bad1/staff.csv, row 1",
        ],
    );
    assert!(!out.stderr.contains("bad2/trust.toml: bad2/trust.toml"), "{}", out.stderr);
    assert_eq!(out.stderr.matches("bad2/trust.toml").count(), 1, "{}", out.stderr);
    let folders: Vec<String> = std::fs::read_dir(d.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut folders = folders;
    folders.sort();
    assert_eq!(folders, ["01-RZZ", "batch-summary.json", "system-rollup.csv", "system-rollup.json"]);
    only_changed(
        d.path(),
        &before,
        &[
            "out/01-RZZ/results.json",
            "out/01-RZZ/results.csv",
            "out/batch-summary.json",
            "out/system-rollup.json",
            "out/system-rollup.csv",
        ],
    );
}

#[test]
fn a_printed_config_works_wherever_it_is_saved() {
    let d = tmp();
    std::fs::create_dir(d.path().join("trust")).unwrap();
    std::fs::create_dir(d.path().join("elsewhere")).unwrap();
    trust(&d.path().join("trust"), "\n[output]\njson = \"results.json\"\n");
    let printed = run(d.path(), &["report", "--config", "trust/trust.toml", "--print-config"]);
    printed.expect(0, &[]);
    assert!(!printed.stdout.contains("\"trust/staff.csv\""), "{}", printed.stdout);
    put(&d.path().join("trust"), "saved.toml", &printed.stdout);
    put(&d.path().join("elsewhere"), "saved.toml", &printed.stdout);
    let before = fingerprints(d.path());
    run(d.path(), &["check", "--config", "trust/saved.toml"]).expect(0, &[]);
    run(&d.path().join("elsewhere"), &["check", "--config", "saved.toml"]).expect(0, &[]);
    run(&d.path().join("elsewhere"), &["report", "--config", "saved.toml"]).expect(0, &[]);
    only_changed(d.path(), &before, &["trust/results.json"]);
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}
