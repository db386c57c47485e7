//! Config files: unknown keys are errors with a suggestion, relative paths resolve from the config's folder, and
//! flags override the file.

use assert_cmd::Command;

fn wres() -> Command {
    Command::cargo_bin("wres-wdes").unwrap()
}

#[test]
fn a_misspelt_key_is_a_usage_error_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("trust.toml");
    std::fs::write(&cfg, "[period]\nyear = 2025\n[statistcs]\nci_level = 0.9\n").unwrap();
    let out = wres().args(["check", "--config"]).arg(&cfg).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("statistcs") && err.contains("did you mean `statistics`?"), "{err}");
}

#[test]
fn a_misspelt_nested_key_is_caught_too() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("trust.toml");
    std::fs::write(&cfg, "[period]\nyear = 2025\n[statistics]\nci_levle = 0.9\n").unwrap();
    let out = wres().args(["check", "--config"]).arg(&cfg).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `ci_level`?"), "{err}");
}

#[test]
fn no_inputs_is_a_usage_error() {
    let out = wres().args(["check", "--year", "2025"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no input files given"));
}

#[test]
fn a_missing_config_file_is_a_file_error() {
    let out = wres().args(["check", "--config", "/nonexistent/trust.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/trust.toml"));
}
