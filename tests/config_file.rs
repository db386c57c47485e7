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
fn the_status_rules_are_checked_like_every_key() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("trust.toml");
    std::fs::write(&cfg, "[period]\nyear = 2025\n[status]\ngap_point = 3\n").unwrap();
    let out = wres().args(["check", "--config"]).arg(&cfg).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `gap_points`?"), "{err}");
    // A range that does not hold 1 is refused by name.
    std::fs::write(&cfg, "[period]\nyear = 2025\n[status]\nratio_low = 1.1\n").unwrap();
    let out = wres().args(["report", "--example", "--config"]).arg(&cfg).args(["--json", "r.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[status] ratio_low = 1.1"));
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

#[test]
fn the_readme_config_example_is_a_valid_config_file() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme.split("## The config file").nth(1).expect("README has the config section");
    let block = section.split("```toml").nth(1).and_then(|b| b.split("```").next()).expect("a toml block");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trust.toml");
    std::fs::write(&path, block).unwrap();
    let config = wres_wdes::config::load(&path).unwrap_or_else(|e| panic!("README example: {e}"));
    assert_eq!(config.organisation.code, "RXX");
    assert_eq!(config.statistics.ci_level, Some(0.95));
    assert_eq!(config.population.area.as_deref(), Some("E92000001"));
    assert_eq!(config.inputs.previous.len(), 1);
}

#[test]
fn print_config_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let out = wres().args(["report", "--example", "--print-config", "--ci-level", "0.9"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let path = dir.path().join("effective.toml");
    std::fs::write(&path, &out.stdout).unwrap();
    let config = wres_wdes::config::load(&path).unwrap_or_else(|e| panic!("printed config: {e}"));
    assert_eq!(config.statistics.ci_level, Some(0.9));
    assert_eq!(config.statistics.ci_method.as_deref(), Some("score"));
}

#[test]
fn print_config_carries_the_population_flags() {
    let dir = tempfile::tempdir().unwrap();
    let census = dir.path().join("census.csv");
    std::fs::write(&census, "not read: --print-config stops before reading\n").unwrap();
    let out = wres()
        .current_dir(dir.path())
        .args(["report", "--example", "--print-config", "--population", "census.csv", "--area", "E12000007"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let path = dir.path().join("effective.toml");
    std::fs::write(&path, &out.stdout).unwrap();
    let config = wres_wdes::config::load(&path).unwrap_or_else(|e| panic!("printed config: {e}"));
    assert_eq!(config.population.files, vec![std::fs::canonicalize(&census).unwrap()]);
    assert_eq!(config.population.area.as_deref(), Some("E12000007"));
    assert_eq!(config.population.catchment_of, None);

    let out = wres()
        .current_dir(dir.path())
        .args(["report", "--example", "--print-config", "--catchment", "census.csv", "--catchment-of", "RXX"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::write(&path, &out.stdout).unwrap();
    let config = wres_wdes::config::load(&path).unwrap_or_else(|e| panic!("printed config: {e}"));
    assert!(config.population.files.is_empty(), "{:?}", config.population.files);
    assert_eq!(config.population.catchment, Some(std::fs::canonicalize(&census).unwrap()));
    assert_eq!(config.population.catchment_of.as_deref(), Some("RXX"));
    assert_eq!(config.population.area, None);
}
