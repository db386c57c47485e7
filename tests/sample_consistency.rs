//! The truth agrees with what is written: the files are read back (calamine, csv) and recounted independently.

mod sample_common;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use sample_common::{col, delimited, table, xlsx_sheets};
use wres_wdes::normalise::codes::{Disability, Ethnicity, MedicalGrade, PayBand, PayRow, Workforce};
use wres_wdes::synthetic::{generate, write, write_with_sheet_limit, BoardScope, Presentation, SampleOptions};

/// Group of an ESR `code label` or short code value, by its leading code (the test's own tiny classifier).
fn esr_group(v: &str) -> Ethnicity {
    let code = v.split_whitespace().next().unwrap_or("");
    match code.chars().next() {
        None => Ethnicity::Unknown,
        Some('Z') | Some('9') => Ethnicity::Unknown,
        Some('A' | 'B' | 'C') => Ethnicity::White,
        Some(_) => Ethnicity::Bme,
    }
}

/// Group of a Census 2021 label.
fn census_group(v: &str) -> Ethnicity {
    if v.is_empty() || v == "Prefer not to say" {
        Ethnicity::Unknown
    } else if v.starts_with("White") {
        Ethnicity::White
    } else {
        Ethnicity::Bme
    }
}

fn date_of(cell: &str) -> NaiveDate {
    if let Some(serial) = cell.strip_prefix("date:") {
        let days: f64 = serial.parse().unwrap();
        NaiveDate::from_ymd_opt(1899, 12, 30).unwrap() + chrono::Duration::days(days as i64)
    } else if cell.contains('/') {
        NaiveDate::parse_from_str(cell, "%d/%m/%Y").unwrap()
    } else {
        NaiveDate::parse_from_str(cell, "%Y-%m-%d").unwrap()
    }
}

fn in_year(d: NaiveDate) -> bool {
    d >= NaiveDate::from_ymd_opt(2024, 4, 1).unwrap() && d <= NaiveDate::from_ymd_opt(2025, 3, 31).unwrap()
}

/// Decision 2 recounted from file rows: returns person -> counted row.
fn workforce<'a>(
    rows: &'a [Vec<String>],
    id: usize,
    category: usize,
    group: usize,
    primary: usize,
    primary_yes: &str,
) -> HashMap<String, &'a Vec<String>> {
    let mut first: HashMap<String, &Vec<String>> = HashMap::new();
    let mut flagged: HashMap<String, &Vec<String>> = HashMap::new();
    for r in rows {
        if matches!(r[category].as_str(), "Bank" | "Honorary" | "Agency") || r[group] == "Students" {
            continue;
        }
        let person = r[id].split('-').next().unwrap().to_string();
        first.entry(person.clone()).or_insert(r);
        if r[primary] == primary_yes {
            flagged.entry(person).or_insert(r);
        }
    }
    first.into_iter().map(|(p, r)| (p.clone(), flagged.get(&p).copied().unwrap_or(r))).collect()
}

/// WRES 1 block and row label of a counted standard-presentation staff row (the test's own mapping).
fn block_and_row(group: &str, band: &str, grade: &str) -> (Workforce, String) {
    if group == "Medical and Dental" {
        let row = match grade {
            "Consultant" | "Locum Consultant" => "Consultants",
            "Specialty Doctor" | "Specialist" | "Associate Specialist" => "Non-consultant career grade",
            "Foundation Year 1" | "Foundation Year 2" | "Core Training" | "Specialty Registrar" => "Trainee grades",
            _ => "Other",
        };
        return (Workforce::Medical, row.to_string());
    }
    let block = if group == "Administrative and Clerical" || group == "Estates and Ancillary" {
        Workforce::NonClinical
    } else {
        Workforce::Clinical
    };
    let label = match band.rsplit_once("Review Body ") {
        Some((_, b)) => b.to_string(),
        None if band.starts_with("Band 8") => band.to_lowercase().replace("band", "Band"),
        None => band.to_string(),
    };
    (block, label)
}

#[test]
fn standard_files_agree_with_the_truth() {
    let trust = generate(&SampleOptions { staff: 1500, seed: 5, presentation: Presentation::Standard });
    let t = trust.truth();
    let dir = tempfile::tempdir().unwrap();
    let paths = write(&trust, dir.path()).unwrap();
    let names: Vec<String> = paths.iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, Presentation::Standard.file_names());

    // Staff: two title rows above the header, then the rows.
    let sheets = xlsx_sheets(&paths[0]);
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].1[0][0], "Example NHS Foundation Trust");
    assert_eq!(sheets[0].1[1][0], "ESR extract 31/03/2025");
    let (h, rows) = table(&sheets[0].1, "Assignment Number");
    assert_eq!(rows.len() as u64, t.rows.staff);
    assert_eq!(t.staff_rows.rows, t.rows.staff);
    let category = col(&h, "Assignment Category");
    let bank = rows.iter().filter(|r| r[category] == "Bank").count() as u64;
    assert_eq!(bank, t.staff_rows.bank);
    assert!(bank > 0 && t.staff_rows.honorary > 0 && t.staff_rows.agency > 0 && t.staff_rows.students > 0);
    assert!(rows.iter().any(|r| r[0].ends_with("-2")), "second assignments carry a -2 suffix");
    assert!(rows.iter().any(|r| r[col(&h, "Pay Band")].starts_with("NHS|XR")));
    assert!(rows.iter().any(|r| r[col(&h, "Start Date")].starts_with("date:")), "start dates are real dates");

    let wf = workforce(&rows, 0, category, col(&h, "Staff Group"), col(&h, "Primary Assignment"), "Y");
    assert_eq!(wf.len() as u64, t.headcount);
    assert_eq!(t.headcount, 1500);
    let eth = col(&h, "Ethnic Origin");
    for g in Ethnicity::ALL {
        let n = wf.values().filter(|r| esr_group(&r[eth]) == g).count() as u64;
        assert_eq!(n, t.headcount_of_ethnicity(g), "{g:?}");
    }
    let dis = col(&h, "Disability Flag");
    let disabled = wf.values().filter(|r| r[dis] == "Yes").count() as u64;
    assert_eq!(disabled, t.headcount_of_disability(Disability::Disabled));
    let (grade, group, band) = (col(&h, "Grade"), col(&h, "Staff Group"), col(&h, "Pay Band"));
    let consultants =
        wf.values().filter(|r| r[group] == "Medical and Dental" && r[grade].contains("Consultant")).count() as u64;
    let truth_consultants: u64 =
        Ethnicity::ALL.iter().map(|&g| t.staff(Workforce::Medical, PayRow::Medical(MedicalGrade::Consultant), g)).sum();
    assert_eq!(consultants, truth_consultants);
    let band5 = wf.values().filter(|r| r[band] == "Band 5" || r[band] == "NHS|XR05|Review Body Band 5").count() as u64;
    let truth_band5: u64 =
        t.headcount_by_ethnicity.iter().filter(|(k, _)| k.1 == PayRow::Band(PayBand::Band5)).map(|(_, v)| v).sum();
    assert_eq!(band5, truth_band5);
    let mut recount: BTreeMap<(Workforce, String, Ethnicity), u64> = BTreeMap::new();
    for r in wf.values() {
        let (block, row) = block_and_row(&r[group], &r[band], &r[grade]);
        *recount.entry((block, row, esr_group(&r[eth]))).or_default() += 1;
    }
    let truth_map: BTreeMap<(Workforce, String, Ethnicity), u64> =
        t.headcount_by_ethnicity.iter().map(|(k, v)| ((k.0, k.1.label().to_string(), k.2), *v)).collect();
    assert_eq!(recount, truth_map);

    // Recruitment.
    let (h, rows) = delimited(&paths[1], b',', false);
    assert_eq!(rows.len() as u64, t.rows.recruitment);
    let (s, o, e) = (col(&h, "Shortlisted?"), col(&h, "Outcome"), col(&h, "Applicant Ethnicity"));
    for g in Ethnicity::ALL {
        let shortlisted: Vec<_> = rows.iter().filter(|r| r[s] == "Yes" && census_group(&r[e]) == g).collect();
        let appointed = shortlisted.iter().filter(|r| r[o] == "Appointed" || r[o] == "Offer Accepted").count();
        assert_eq!(shortlisted.len() as u64, t.shortlisted_by_ethnicity[&g]);
        assert_eq!(appointed as u64, t.appointed_by_ethnicity[&g]);
    }
    assert_eq!(rows.iter().filter(|r| r[s] == "No").count() as u64, t.not_shortlisted);

    // Cases: dates as text for some rows, real dates for others.
    let sheets = xlsx_sheets(&paths[2]);
    let (h, rows) = table(&sheets[0].1, "Case Reference");
    assert_eq!(rows.len() as u64, t.rows.cases);
    let (kind, date, person) =
        (col(&h, "Case Type"), col(&h, "Date Formal Process Started"), col(&h, "Employee Number"));
    assert_eq!(rows.iter().filter(|r| r[kind] == "Grievance").count() as u64, t.cases_other_type);
    assert!(rows.iter().any(|r| r[date].starts_with("date:")) && rows.iter().any(|r| r[date].contains('/')));
    let entrants: HashSet<&str> = rows
        .iter()
        .filter(|r| r[kind] == "Disciplinary" && in_year(date_of(&r[date])))
        .map(|r| r[person].as_str())
        .collect();
    let truth_entrants: u64 = Ethnicity::ALL.iter().map(|&g| t.disciplinary_in(2025, g)).sum();
    assert_eq!(entrants.len() as u64, truth_entrants);
    assert!(rows.iter().any(|r| !wf.contains_key(&r[person])), "some cases are for leavers");

    // Training: semicolons; recount people accessing non-mandatory training in the year.
    let (h, rows) = delimited(&paths[3], b';', false);
    assert_eq!(rows.len() as u64, t.rows.training);
    let (id, flag, date) = (col(&h, "Staff Number"), col(&h, "Mandatory?"), col(&h, "Completion Date"));
    let accessed: HashSet<&str> = rows
        .iter()
        .filter(|r| r[flag] != "Y" && in_year(date_of(&r[date])))
        .map(|r| r[id].split('-').next().unwrap())
        .filter(|p| wf.contains_key(*p))
        .collect();
    assert_eq!(accessed.len() as u64, t.training_accessed.values().sum::<u64>());
    assert!(rows.iter().any(|r| r[flag].is_empty()) && rows.iter().any(|r| r[flag] == "Y"));

    // Survey: one deliberately small base.
    let (h, rows) = delimited(&paths[4], b',', false);
    assert_eq!(h[0], "Measure", "the BOM is not part of the first header");
    assert_eq!(rows.len() as u64, t.rows.survey);
    let small: Vec<_> = rows.iter().filter(|r| r[col(&h, "Respondents")].parse::<u32>().unwrap() < 11).collect();
    assert_eq!(small.len(), 1);
    assert_eq!((small[0][0].as_str(), small[0][1].as_str()), ("WDES4b", "Disabled"));

    // Board.
    let sheets = xlsx_sheets(&paths[5]);
    let (h, rows) = table(&sheets[0].1, "Name");
    assert_eq!(rows.len(), 14);
    let voting = rows.iter().filter(|r| r[col(&h, "Voting Member")] == "Yes").count() as u64;
    let truth_voting: u64 =
        t.board_by_ethnicity.iter().filter(|(k, _)| k.0 == BoardScope::Voting).map(|(_, v)| v).sum();
    assert_eq!(voting, truth_voting);

    let config = std::fs::read_to_string(&paths[6]).unwrap();
    assert!(config.contains("staff = \"staff.xlsx\"") && config.contains("year = 2025"));
}

#[test]
fn alternative_files_agree_with_the_truth() {
    let trust = generate(&SampleOptions { staff: 1000, seed: 6, presentation: Presentation::Alternative });
    let t = trust.truth();
    let dir = tempfile::tempdir().unwrap();
    let paths = write(&trust, dir.path()).unwrap();

    // Staff: Windows-1252 CSV, one Employee Number per person (no suffixes).
    let bytes = std::fs::read(&paths[0]).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "accented names are Windows-1252, not UTF-8");
    let (h, rows) = delimited(&paths[0], b',', true);
    assert_eq!(rows.len() as u64, t.rows.staff);
    let category = col(&h, "Contract Type");
    assert_eq!(rows.iter().filter(|r| r[category] == "Bank").count() as u64, t.staff_rows.bank);
    assert!(rows.iter().all(|r| !r[0].contains('-')));
    let wf = workforce(&rows, 0, category, col(&h, "Occupational Group"), col(&h, "Primary Flag"), "Yes");
    assert_eq!(wf.len() as u64, t.headcount);
    let eth = col(&h, "Ethnicity");
    for g in Ethnicity::ALL {
        let n = wf.values().filter(|r| esr_group(&r[eth]) == g).count() as u64;
        assert_eq!(n, t.headcount_of_ethnicity(g), "{g:?}");
    }
    assert!(rows.iter().any(|r| r[col(&h, "Band")].starts_with("Band 8 - Range")));

    // Recruitment as xlsx with a title row.
    let sheets = xlsx_sheets(&paths[1]);
    let (h, rows) = table(&sheets[0].1, "Job Reference");
    assert_eq!(rows.len() as u64, t.rows.recruitment);
    let appointed =
        rows.iter().filter(|r| r[col(&h, "Shortlisted")] == "Y" && r[col(&h, "Appointed?")] == "Yes").count() as u64;
    assert_eq!(appointed, t.appointed_by_ethnicity.values().sum::<u64>());

    let (_, rows) = delimited(&paths[2], b',', false);
    assert_eq!(rows.len() as u64, t.rows.cases);
    let sheets = xlsx_sheets(&paths[3]);
    assert_eq!(table(&sheets[0].1, "Employee ID").1.len() as u64, t.rows.training);
    let sheets = xlsx_sheets(&paths[4]);
    assert_eq!(table(&sheets[0].1, "Indicator").1.len() as u64, t.rows.survey);
    let (h, rows) = delimited(&paths[5], b'\t', false);
    assert_eq!(h.len(), 6, "board is tab-delimited");
    assert_eq!(rows.len() as u64, t.rows.board);
    assert!(std::fs::read_to_string(&paths[6]).unwrap().contains("staff = \"staff.csv\""));
}

#[test]
fn staff_splits_across_sheets_with_the_same_header() {
    let trust = generate(&SampleOptions { staff: 300, seed: 1, presentation: Presentation::Standard });
    let dir = tempfile::tempdir().unwrap();
    let paths = write_with_sheet_limit(&trust, dir.path(), 100).unwrap();
    let sheets = xlsx_sheets(&paths[0]);
    let total = trust.truth().rows.staff as usize;
    assert_eq!(sheets.len(), total.div_ceil(100));
    let mut rows = 0;
    let header = table(&sheets[0].1, "Assignment Number").0;
    for (_, sheet) in &sheets {
        let (h, data) = table(sheet, "Assignment Number");
        assert_eq!(h, header);
        assert!(data.len() <= 100);
        rows += data.len();
    }
    assert_eq!(rows, total);
}
