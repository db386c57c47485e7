//! A scheduled job: no terminal, standard input closed. The outputs appear with no prompt and no colour or
//! progress codes, and the exit codes are the documented ones (0 success, 2 usage, 3 a missing column, 1 a file
//! that cannot be read).

use std::process::{Command, Stdio};

use wres_wdes::synthetic::{generate, write, SampleOptions};

fn job(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_wres-wdes"))
        .args(args)
        .current_dir(dir)
        .env_remove("TERM")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn no_control_codes(bytes: &[u8]) {
    assert!(!bytes.contains(&0x1b), "escape codes in {:?}", String::from_utf8_lossy(bytes));
    assert!(!bytes.contains(&b'\r'), "carriage returns (progress redraws) in {:?}", String::from_utf8_lossy(bytes));
}

#[test]
fn a_scheduled_run_writes_its_outputs_quietly_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    write(&generate(&SampleOptions { staff: 300, ..SampleOptions::default() }), dir.path()).unwrap();
    let out = job(&["report", "--config", "trust.toml", "--json", "r.json", "--csv", "r.csv"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    no_control_codes(&out.stdout);
    no_control_codes(&out.stderr);
    assert!(dir.path().join("r.json").is_file() && dir.path().join("r.csv").is_file());
    let quiet = job(&["report", "-q", "--config", "trust.toml", "--json", "q.json"], dir.path());
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty(), "-q prints nothing: {}", String::from_utf8_lossy(&quiet.stderr));
}

#[test]
fn a_missing_column_exits_3_naming_the_file_and_columns() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("staff.csv"), "Employee Number,Ethnic Origin,Staff Group\n1,A,Medical and Dental\n")
        .unwrap();
    let out = job(&["report", "--staff", "staff.csv", "--year", "2025", "--json", "r.json"], dir.path());
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("staff.csv") && err.contains("pay_band") && err.contains("Employee Number"), "{err}");
    assert!(!dir.path().join("r.json").exists(), "no output on failure");
    no_control_codes(&out.stderr);
}

#[test]
fn usage_and_file_errors_have_their_codes() {
    let dir = tempfile::tempdir().unwrap();
    let usage = job(&["report", "--staff", "x.csv", "--json", "r.json"], dir.path());
    assert_eq!(usage.status.code(), Some(2), "no reporting year: {}", String::from_utf8_lossy(&usage.stderr));
    let missing = job(&["report", "--staff", "nope.csv", "--year", "2025", "--json", "r.json"], dir.path());
    assert_eq!(missing.status.code(), Some(1), "{}", String::from_utf8_lossy(&missing.stderr));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.csv"));
    let bad_flag = job(&["report", "--no-such-flag"], dir.path());
    assert_eq!(bad_flag.status.code(), Some(2));
}
