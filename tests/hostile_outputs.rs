//! What comes out: no personal data in any output file or message, no partial or stray output after a failure,
//! inputs never touched, and `--strict` turning every data-quality problem into exit 3 with nothing written.

mod hostile_common;

use std::path::{Path, PathBuf};

use hostile_common::*;

/// Planted in every name, person id and free-text cell; must appear in no output and no message.
const MARKER: &str = "ZQXMARKER";
/// A staff number pasted into a coded column: shown masked in the data-quality log, never as is.
const PASTED_ID: &str = "4455667788";

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A small trust whose every personal or free-text cell carries [`MARKER`]: names, person ids (staff, cases,
/// training), notes, course names, survey comments, board names and roles. Coded columns hold codes, except one
/// ethnicity that is an email address and one disability that is a staff number (both must be masked).
fn marked_trust(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let mut staff = String::from(
        "Employee Number,Full Name,Ethnic Origin,Disability Flag,Pay Band,Staff Group,Assignment Category,Notes\n",
    );
    for i in 0..60 {
        let eth = match i {
            7 => format!("{}@nhs.net", MARKER.to_lowercase()),
            _ if i % 3 == 0 => "H Asian or Asian British - Indian".to_string(),
            _ => "A White - British".to_string(),
        };
        let dis = match i {
            8 => PASTED_ID,
            _ if i % 7 == 0 => "Yes",
            _ => "No",
        };
        let group = if i % 4 == 0 { "Administrative and Clerical" } else { "Nursing and Midwifery Registered" };
        let category = if i == 5 { "Bank" } else { "Permanent" };
        staff.push_str(&format!(
            "{MARKER}{i:04},Alex {MARKER} Smith{i},{eth},{dis},Band {},{group},{category},\"Note {MARKER}, {i}\"\n",
            2 + i % 6
        ));
    }
    // A second assignment with another ethnicity (a warning), and a staff number with an assignment suffix.
    staff.push_str(&format!(
        "{MARKER}0001-2,Alex {MARKER} Smith1,H,No,Band 3,Nursing and Midwifery Registered,Permanent,{MARKER}\n"
    ));
    put(dir, "staff.csv", staff);

    let mut recruitment =
        String::from("Applicant Name,Applicant Ethnicity,Applicant Disability,Shortlisted?,Outcome,Notes\n");
    for i in 0..80 {
        let eth = if i % 3 == 0 { "Black or Black British - African" } else { "White British" };
        let outcome = if i % 4 == 0 { "Appointed" } else { "Not Appointed" };
        recruitment.push_str(&format!("Sam {MARKER} {i},{eth},No,Yes,{outcome},{MARKER} interview note\n"));
    }
    put(dir, "recruitment.csv", recruitment);

    let mut cases = String::from("Employee Number,Name,Case Type,Date Entered,Notes\n");
    for i in 0..12 {
        let kind = if i % 3 == 0 { "Capability - Performance" } else { "Disciplinary" };
        cases.push_str(&format!(
            "{MARKER}{:04},{MARKER} Person,{kind},2024-0{}-15,{MARKER} details\n",
            i * 3,
            4 + i % 5
        ));
    }
    cases.push_str(&format!("{MARKER}9999,Not On File {MARKER},Disciplinary,2023-06-01,{MARKER}\n"));
    put(dir, "cases.csv", cases);

    let mut training = String::from("Staff Number;Name;Course;Mandatory?;Completion Date\n");
    for i in 0..40 {
        training.push_str(&format!("{MARKER}{i:04};{MARKER} Name;{MARKER} Leadership Course;N;2024-10-01\n"));
    }
    training.push_str(&format!("{MARKER}8888;{MARKER};{MARKER} course;N;2024-10-01\n"));
    put(dir, "training.csv", training);

    let mut survey = String::from("Measure,Group,Percent,Respondents,Comment\n");
    for (m, a, b) in [("WRES5", "White", "BME"), ("WRES6", "White", "BME"), ("WDES5", "Disabled", "Non-disabled")] {
        survey.push_str(&format!("{m},{a},25.5,40,{MARKER} said\n{m},{b},30,20,{MARKER}\n"));
    }
    put(dir, "survey.csv", survey);

    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let board = [
        ["Name", "Role", "Ethnicity", "Disability", "Voting", "Executive", "Notes"],
        ["Chair ZQXMARKER", "Chair", "White British", "No", "Yes", "No", "ZQXMARKER"],
        ["Pat ZQXMARKER", "Chief Executive", "Indian", "No", "Yes", "Yes", "ZQXMARKER"],
        ["Jo ZQXMARKER", "Director of ZQXMARKER", "Not stated", "Yes", "No", "Yes", "ZQXMARKER"],
    ];
    for (r, row) in board.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(dir.join("board.xlsx")).unwrap();

    put(
        dir,
        "trust.toml",
        "[organisation]\nname = \"Hostile Test Trust\"\ncode = \"RZZ\"\n\n[period]\nyear = 2025\n\n[inputs]\n\
         staff = \"staff.csv\"\nrecruitment = \"recruitment.csv\"\ncases = \"cases.csv\"\ntraining = \"training.csv\"\n\
         survey = \"survey.csv\"\nboard = \"board.xlsx\"\n",
    )
}

/// Text of every output file under `dir` except the inputs; workbooks are opened and every cell read, and their
/// XML parts scanned.
fn output_texts(dir: &Path, inputs: &[PathBuf]) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for path in walk(dir) {
        if inputs.contains(&path) {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        if path.extension().is_some_and(|e| e == "xlsx") {
            out.push((path.clone(), workbook_text(&path)));
        } else {
            out.push((path, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    out
}

/// Every cell of every sheet of a workbook, plus its sheet names and defined names, as one text.
fn workbook_text(path: &Path) -> String {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).expect("open output workbook");
    let mut text = String::new();
    for name in book.sheet_names() {
        text.push_str(&name);
        text.push('\n');
        if let Ok(range) = book.worksheet_range(&name) {
            for row in range.rows() {
                for cell in row {
                    text.push_str(&cell.to_string());
                    text.push('\t');
                }
                text.push('\n');
            }
        }
    }
    for (name, formula) in book.defined_names() {
        text.push_str(&format!("{name}={formula}\n"));
    }
    text
}

fn assert_clean(what: &str, text: &str) {
    for needle in [MARKER, &MARKER.to_lowercase(), PASTED_ID] {
        assert!(!text.contains(needle), "{what} holds {needle}:\n{text}");
    }
}

fn inputs_of(dir: &Path) -> Vec<PathBuf> {
    ["staff.csv", "recruitment.csv", "cases.csv", "training.csv", "survey.csv", "board.xlsx", "trust.toml"]
        .iter()
        .map(|n| dir.join(n))
        .collect()
}

#[test]
fn no_personal_data_reaches_any_output_or_message() {
    let root = tmp();
    let trust = root.path().join("trust");
    let config = marked_trust(&trust);
    let mut inputs = inputs_of(&trust);
    let manifest =
        put(root.path(), "trusts.toml", "[system]\nname = \"Test ICS\"\n\n[[trust]]\nconfig = \"trust/trust.toml\"\n");
    inputs.push(manifest.clone());
    let before: Vec<String> = inputs.iter().map(|p| sha256(p)).collect();
    let config = config.to_string_lossy().into_owned();

    // Is the workbook writer built in this branch? Then it is scanned too.
    let probe = run(root.path(), &["report", "--config", &config, "--out", "probe.xlsx"]);
    let workbook = probe.code == 0;
    if !workbook {
        assert!(probe.stderr.contains("not built yet"), "{}", probe.stderr);
        eprintln!("the workbook writer is not built in this branch: scanning JSON, CSV and messages only");
    }
    let mut streams = vec![("probe", probe.stdout, probe.stderr)];
    for verbosity in [Some("-q"), None, Some("-v")] {
        let v: Vec<&str> = verbosity.into_iter().collect();
        let tag = verbosity.unwrap_or("default");
        let out_dir = format!("out{tag}");
        std::fs::create_dir_all(root.path().join(&out_dir)).unwrap();
        let mut args: Vec<String> = ["report", "--config", &config, "--json"].iter().map(|s| s.to_string()).collect();
        args.push(format!("{out_dir}/results.json"));
        args.extend(["--csv".to_string(), format!("{out_dir}/results.csv")]);
        if workbook {
            args.extend(["--out".to_string(), format!("{out_dir}/report.xlsx")]);
        }
        args.extend(v.iter().map(|s| s.to_string()));
        let r = run(root.path(), &args);
        r.expect(0, &[]);
        streams.push(("report", r.stdout, r.stderr));
        let r =
            run(root.path(), &[&["report", "--config", &config, "--strict", "--json", "strict.json"], &v[..]].concat());
        r.expect(3, &["--strict"]);
        streams.push(("report --strict", r.stdout, r.stderr));
        for extra in [&[][..], &["--json"][..], &["--strict"][..]] {
            let r = run(root.path(), &[&["check", "--config", &config], extra, &v[..]].concat());
            assert!(r.code == 0 || (r.code == 3 && extra == ["--strict"]), "{}", r.stderr);
            streams.push(("check", r.stdout, r.stderr));
        }
        let mut batch = vec!["batch", "--manifest", "trusts.toml", "--out-dir"];
        let batch_dir = format!("batch{tag}");
        batch.push(&batch_dir);
        if workbook {
            batch.push("--workbooks");
        }
        let r = run(root.path(), &[&batch[..], &v[..]].concat());
        r.expect(0, &[]);
        streams.push(("batch", r.stdout, r.stderr));
        let r = run(root.path(), &[&batch[..], &["--strict"], &v[..]].concat());
        assert_eq!(r.code, 3, "{}", r.stderr);
        streams.push(("batch --strict", r.stdout, r.stderr));
    }
    // The runs did happen, and wrote what they should.
    let outputs = output_texts(root.path(), &inputs);
    let names: Vec<String> =
        outputs.iter().map(|(p, _)| p.strip_prefix(root.path()).unwrap().display().to_string()).collect();
    assert!(
        names.iter().any(|n| n == "out-v/results.json") && names.iter().any(|n| n == "out-q/results.csv"),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n.ends_with("results.json") && n.starts_with("batch-q/")), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with("batch-summary.json")), "{names:?}");
    if workbook {
        assert!(names.iter().any(|n| n.ends_with("report.xlsx")), "{names:?}");
    }
    for (path, text) in &outputs {
        assert_clean(&path.display().to_string(), text);
    }
    for (what, stdout, stderr) in &streams {
        assert_clean(&format!("{what} stdout"), stdout);
        assert_clean(&format!("{what} stderr"), stderr);
    }
    // The masked values are still reported, so the user can find and fix them.
    let json = std::fs::read_to_string(root.path().join("out-v/results.json")).unwrap();
    assert!(json.contains("\"<email>\""), "the email in a coded column is shown masked");
    assert!(json.contains("\"##########\""), "the pasted staff number is shown masked");
    assert!(json.contains("conflicting_ethnicity") && json.contains("person_not_in_snapshot"));
    // And the inputs are untouched.
    let after: Vec<String> = inputs.iter().map(|p| sha256(p)).collect();
    assert_eq!(before, after);
}

#[test]
fn a_file_whose_header_row_is_lost_does_not_echo_its_data_in_the_error() {
    let d = tmp();
    let staff: String = staff_csv(5).lines().skip(1).map(|l| format!("{l},{MARKER} Name\n")).collect();
    put(d.path(), "staff.csv", staff);
    let out = report(d.path(), &["--staff", "staff.csv"]);
    out.expect(
        3,
        &["staff.csv, row 1: no columns for 'person_id'", "no row among the first 20 holds any of the accepted"],
    );
    assert_clean("stderr", &out.stderr);
    nothing_written(d.path(), &["staff.csv"]);
}

// ---- No data lost ----------------------------------------------------------------------------------------------

#[test]
fn a_run_failing_after_outputs_were_requested_leaves_none_and_touches_no_input() {
    let d = tmp();
    let staff = put(d.path(), "staff.csv", staff_csv(20));
    let before = sha256(&staff);
    // The JSON could be written, the CSV cannot: neither may appear.
    run(d.path(), &["report", "--year", "2025", "--staff", "staff.csv", "--json", "r.json", "--csv", "gone/r.csv"])
        .expect(1, &["gone/r.csv: the folder gone does not exist"]);
    nothing_written(d.path(), &["staff.csv"]);
    std::fs::create_dir(d.path().join("r.csv")).unwrap();
    run(d.path(), &["report", "--year", "2025", "--staff", "staff.csv", "--json", "r.json", "--csv", "r.csv"])
        .expect(1, &["r.csv: is a folder, not a file"]);
    std::fs::remove_dir(d.path().join("r.csv")).unwrap();
    nothing_written(d.path(), &["staff.csv"]);
    // A workbook that cannot be produced (not built in this branch) stops the run before any output.
    let out =
        run(d.path(), &["report", "--year", "2025", "--staff", "staff.csv", "--json", "r.json", "--out", "r.xlsx"]);
    if out.code != 0 {
        nothing_written(d.path(), &["staff.csv"]);
    }
    // A failure leaves a previous run's outputs as they were.
    let _ = std::fs::remove_file(d.path().join("r.json"));
    let _ = std::fs::remove_file(d.path().join("r.xlsx"));
    put(d.path(), "r.json", "previous results");
    put(d.path(), "bad.csv", format!("{STAFF_HEADER}\n"));
    run(d.path(), &["report", "--year", "2025", "--staff", "bad.csv", "--json", "r.json"]).expect(3, &["bad.csv"]);
    assert_eq!(std::fs::read_to_string(d.path().join("r.json")).unwrap(), "previous results");
    nothing_written(d.path(), &["staff.csv", "bad.csv", "r.json"]);
    assert_eq!(sha256(&staff), before);
}

#[test]
fn strict_turns_every_data_quality_problem_into_exit_3_with_no_outputs() {
    let d = tmp();
    // Clean data: --strict passes (rule exclusions such as bank rows are not problems).
    let mut clean = staff_csv(10);
    clean = clean.replace(&format!("{STAFF_HEADER}\n"), &format!("{STAFF_HEADER},Assignment Category\n"));
    let clean: String = clean
        .lines()
        .enumerate()
        .map(|(i, l)| match i {
            0 => format!("{l}\n"),
            1 => format!("{l},Bank\n"),
            _ => format!("{l},Permanent\n"),
        })
        .collect();
    put(d.path(), "clean.csv", clean);
    run(d.path(), &["report", "--year", "2025", "--staff", "clean.csv", "--strict", "--json", "ok.json"])
        .expect(0, &[]);
    run(d.path(), &["check", "--year", "2025", "--staff", "clean.csv", "--strict"]).expect(0, &[]);
    std::fs::remove_file(d.path().join("ok.json")).unwrap();

    // Each problem alone fails --strict, naming the file and the problem.
    let cases: &[(&str, &str, &str)] = &[
        ("unrecognised.csv", "2001,Martian,No,Band 5,Nursing\n", "unrecognised ethnicity 'Martian'"),
        ("noid.csv", ",A,No,Band 5,Nursing\n", "(missing_person_id)"),
        ("conflict.csv", "1001-2,H,No,Band 5,Nursing\n", "conflicting_ethnicity"),
    ];
    for (name, extra_row, problem) in cases {
        put(d.path(), name, format!("{}{extra_row}", staff_csv(3)));
        let args = ["report", "--year", "2025", "--staff", name, "--strict", "--json", "r.json", "--csv", "r.csv"];
        run(d.path(), &args).expect(3, &["--strict: the data-quality check found", name, problem]).hints();
        run(d.path(), &["check", "--year", "2025", "--staff", name, "--strict"]).expect(3, &["--strict"]);
        // Without --strict the same run succeeds.
        run(d.path(), &args[..5].iter().chain(&args[6..]).copied().collect::<Vec<_>>()).expect(0, &[]);
        std::fs::remove_file(d.path().join("r.json")).unwrap();
        std::fs::remove_file(d.path().join("r.csv")).unwrap();
    }
    put(d.path(), "recruitment.csv", "Applicant Ethnicity,Shortlisted?,Outcome\nA,Yes,Appointed\nA,No,Appointed\n");
    let args = ["report", "--year", "2025", "--recruitment", "recruitment.csv", "--standards", "wres", "--strict"];
    run(d.path(), &[&args[..], &["--json", "r.json"]].concat())
        .expect(3, &["recruitment.csv: 1 rows left out (appointed_not_shortlisted)"]);
    put(d.path(), "survey.csv", "Measure,Group,Percent,Respondents\nWRES5,White,130,40\n");
    run(d.path(), &["report", "--year", "2025", "--survey", "survey.csv", "--strict", "--json", "r.json"])
        .expect(3, &["survey.csv: 1 rows left out (value_out_of_range)"]);
    let mut inputs = vec!["clean.csv", "recruitment.csv", "survey.csv"];
    inputs.extend(cases.iter().map(|(n, _, _)| *n));
    nothing_written(d.path(), &inputs);
}
