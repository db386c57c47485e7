//! A small trust with every input, built in memory (no files): staff in three workforce blocks, recruitment,
//! two years of cases, training, survey and board; and its settings. Shared by the workbook tests.

#![allow(dead_code)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use wres_wdes::config::{Organisation, RollingAverage, Settings, Wdes9b};
use wres_wdes::normalise::codes::case_type::CaseType;
use wres_wdes::normalise::codes::survey::SurveyGroup;
use wres_wdes::normalise::codes::{Disability, Ethnicity, MedicalGrade, PayBand, PayRow, Workforce};
use wres_wdes::normalise::quality::{Excluded, InputQuality, Unrecognised, Warning};
use wres_wdes::normalise::records::board::{Board, BoardMember};
use wres_wdes::normalise::records::cases::{Case, Cases};
use wres_wdes::normalise::records::recruitment::Recruitment;
use wres_wdes::normalise::records::staff::{Person, StaffSnapshot};
use wres_wdes::normalise::records::survey::{Survey, SurveyValue};
use wres_wdes::normalise::records::training::Training;
use wres_wdes::normalise::records::{PeriodYear, Records, Tally};
use wres_wdes::read::ColumnMatch;
use wres_wdes::stats::CiMethod;

/// The settings of the trust for 2025, exact figures or for publication.
pub fn settings(publication: bool) -> Settings {
    Settings {
        organisation: Organisation { name: "Example & Co NHS Foundation Trust".into(), code: "RXX".into() },
        snapshot_date: NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
        ci_method: CiMethod::Score,
        ci_level: 0.95,
        rolling_average: RollingAverage::CurrentHeadcount,
        include_ill_health: false,
        publication,
        previous_headcount: BTreeMap::new(),
        wdes9b: Some(Wdes9b { answer: "yes".into(), text: "Listening events with the disabled staff network.".into() }),
        ..Settings::for_year(2025)
    }
}

/// `n` people alike.
pub fn people(n: usize, e: Ethnicity, d: Disability, w: Workforce, row: PayRow) -> impl Iterator<Item = Person> {
    (0..n).map(move |_| Person {
        ethnicity: e,
        broad: None,
        disability: d,
        workforce: w,
        row,
        gender: Default::default(),
        pay: Default::default(),
    })
}

/// A trust with every input: staff in three blocks, recruitment, two years of cases, training, survey, board.
pub fn records() -> Records {
    records_with(true)
}

/// The trust, with or without medical and dental staff.
pub fn records_with(medical: bool) -> Records {
    use Disability::{Disabled, NonDisabled};
    use Ethnicity::{Bme, White};
    const UE: Ethnicity = Ethnicity::Unknown;
    const UD: Disability = Disability::Unknown;
    let mut s = StaffSnapshot::default();
    let b = |band| PayRow::Band(band);
    s.extend(people(300, White, NonDisabled, Workforce::NonClinical, b(PayBand::Band3)));
    s.extend(people(90, Bme, Disabled, Workforce::NonClinical, b(PayBand::Band3)));
    s.extend(people(12, UE, UD, Workforce::NonClinical, b(PayBand::Band3)));
    s.extend(people(80, White, Disabled, Workforce::NonClinical, b(PayBand::Band8a)));
    s.extend(people(9, Bme, NonDisabled, Workforce::NonClinical, b(PayBand::Band8a)));
    s.extend(people(700, White, NonDisabled, Workforce::Clinical, b(PayBand::Band5)));
    s.extend(people(420, Bme, NonDisabled, Workforce::Clinical, b(PayBand::Band5)));
    s.extend(people(60, White, Disabled, Workforce::Clinical, b(PayBand::Band6)));
    s.extend(people(33, Bme, UD, Workforce::Clinical, b(PayBand::Band7)));
    if medical {
        s.extend(people(50, White, NonDisabled, Workforce::Medical, PayRow::Medical(MedicalGrade::Consultant)));
        s.extend(people(45, Bme, NonDisabled, Workforce::Medical, PayRow::Medical(MedicalGrade::Trainee)));
        s.extend(people(5, Bme, Disabled, Workforce::Medical, PayRow::Medical(MedicalGrade::Trainee)));
    }
    let mut rec = Recruitment::default();
    rec.by_ethnicity.insert(White, Tally { events: 300, total: 1500 });
    rec.by_ethnicity.insert(Bme, Tally { events: 120, total: 900 });
    rec.by_ethnicity.insert(UE, Tally { events: 4, total: 31 });
    rec.by_disability.insert(Disabled, Tally { events: 9, total: 80 });
    rec.by_disability.insert(NonDisabled, Tally { events: 0, total: 1000 });
    let mut cases = Cases::default();
    for (eth, dis, year, n) in [
        (Bme, Disabled, PeriodYear::Current, 10),
        (Bme, NonDisabled, PeriodYear::Previous, 14),
        (White, NonDisabled, PeriodYear::Current, 12),
        (White, Disabled, PeriodYear::Previous, 8),
    ] {
        cases.cases.push(Case {
            year,
            case_type: CaseType::Disciplinary,
            ethnicity: Some(eth),
            disability: Some(dis),
            person: None,
            count: n,
        });
    }
    let training = Training::People((0..200u32).chain(402..440).collect());
    let mut survey = Survey::default();
    let mut put = |m: &'static str, g: SurveyGroup, value: f64, respondents: u64| {
        survey.values.insert((m, g), SurveyValue { value, respondents });
    };
    for (m, w, bme) in [("WRES5", 25.0, 31.5), ("WRES6", 20.0, 24.0), ("WRES7", 58.0, 44.0), ("WRES8", 5.0, 13.0)] {
        put(m, SurveyGroup::White, w, 900);
        put(m, SurveyGroup::Bme, bme, 310);
        put(m, SurveyGroup::Overall, (w + bme) / 2.0, 1250);
    }
    put("WDES4a-i", SurveyGroup::Disabled, 30.0, 200);
    put("WDES4a-i", SurveyGroup::NonDisabled, 22.0, 950);
    put("WDES5", SurveyGroup::Disabled, 50.0, 8); // suppressed (< 11)
    put("WDES5", SurveyGroup::NonDisabled, 57.0, 950);
    put("WDES9a", SurveyGroup::Disabled, 6.4, 200);
    put("WDES9a", SurveyGroup::NonDisabled, 7.0, 950);
    put("WDES9a", SurveyGroup::Overall, 6.9, 1160);
    let board = Board {
        members: vec![
            BoardMember { ethnicity: White, disability: NonDisabled, voting: true, executive: true },
            BoardMember { ethnicity: White, disability: Disabled, voting: true, executive: false },
            BoardMember { ethnicity: Bme, disability: NonDisabled, voting: true, executive: true },
            BoardMember { ethnicity: White, disability: UD, voting: false, executive: true },
            BoardMember { ethnicity: UE, disability: NonDisabled, voting: true, executive: false },
        ],
    };
    let quality = vec![InputQuality {
        kind: "staff",
        path: "staff.xlsx".into(),
        sha256: Some("ab".repeat(32)),
        sheet: "Sheet1".into(),
        header_row: 3,
        layout: "row",
        rows_read: Some(1820),
        rows_used: Some(1804),
        blank_rows: Some(2),
        excluded: vec![Excluded { reason: "bank", rows: Some(10) }, Excluded { reason: "student", rows: Some(6) }],
        unrecognised: vec![Unrecognised { field: "ethnicity", value: "Martian".into(), rows: Some(3) }],
        warnings: vec![Warning { warning: "conflicting_ethnicity", rows: Some(1), detail: None }],
        columns: vec![
            ColumnMatch { field: "ethnicity", header: "Ethnic Origin".into(), column: 27 },
            ColumnMatch { field: "disability", header: "Disability Flag".into(), column: 28 },
        ],
        mappings: Vec::new(),
        date_order: None,
    }];
    Records {
        staff: Some(s),
        recruitment: Some(rec),
        cases: Some(cases),
        training: Some(training),
        survey: Some(survey),
        board: Some(board),
        quality,
        ..Records::default()
    }
}
