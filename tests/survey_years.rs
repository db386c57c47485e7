//! The survey file's Year column picks the question numbering of that survey year (`indicators/survey.toml`); a
//! question code in a year the map does not hold stops the run with a message naming the years it knows and how
//! to add one, while measure ids need no year.

use assert_cmd::Command;
use wres_wdes::normalise::codes::survey::SurveyGroup;
use wres_wdes::normalise::records::survey::normalise_survey;
use wres_wdes::normalise::records::InputFile;

fn survey(dir: &std::path::Path, body: &str) -> InputFile {
    let path = dir.join("survey.csv");
    std::fs::write(&path, body).unwrap();
    InputFile::new(path)
}

#[test]
fn a_question_code_is_read_in_its_year() {
    let dir = tempfile::tempdir().unwrap();
    let file = survey(
        dir.path(),
        "Measure,Group,Percent,Respondents,Year\n\
         Q30b,Disabled,70,120,2021\n\
         Q31b,Disabled,71,130,2021\n\
         Q14a,BME,30,200,2023\n\
         WRES 6,BME,25,200,2031\n\
         Q15,White,58,900,\n",
    );
    let (s, q) = normalise_survey(&file).unwrap();
    assert_eq!(s.values[&("WDES8", SurveyGroup::Disabled)].respondents, 120, "Q30b is WDES 8 in 2021");
    assert_eq!(
        q.excluded.iter().find(|e| e.reason == "unrecognised_measure").map(|e| e.rows),
        Some(Some(1)),
        "Q31b is not a 2021 code"
    );
    assert!(
        s.values.contains_key(&("WRES5", SurveyGroup::Bme)) && s.values.contains_key(&("WDES4a-i", SurveyGroup::Bme))
    );
    assert!(s.values.contains_key(&("WRES6", SurveyGroup::Bme)), "a measure id needs no known year");
    assert!(s.values.contains_key(&("WRES7", SurveyGroup::White)), "a code without a year: any year that agrees");
}

#[test]
fn a_question_code_of_a_year_not_in_the_map_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let file = survey(
        dir.path(),
        "Measure,Group,Percent,Respondents,Survey Year\nWRES5,BME,30,200,2031\nQ14a,BME,30,200,2031\n",
    );
    let e = normalise_survey(&file).unwrap_err();
    assert_eq!(e.exit_code(), 3);
    let m = e.message();
    assert!(m.contains("row 3") && m.contains("'Q14a'") && m.contains("2031"), "{m}");
    assert!(m.contains("2021, 2022 and 2023"), "names the years known: {m}");
    let hint = e.hint().unwrap();
    assert!(hint.contains("[[year]]") && hint.contains("indicators/survey.toml") && hint.contains("WRES5"), "{hint}");

    let out = Command::cargo_bin("wres-wdes")
        .unwrap()
        .args(["check", "--year", "2025", "--survey"])
        .arg(&file.path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("knows the question numbers of 2021, 2022 and 2023 only"));
}
