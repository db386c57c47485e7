//! Drawing the synthetic trust: people and their assignments, applications, cases, training, survey and board.
//!
//! Each section draws from its own ChaCha8 stream of the seed, so a change in one section leaves the others alone.
//! Nothing here depends on the presentation: the writers only choose spellings.

use chrono::{Duration, NaiveDate};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::model::*;
use super::names::{FORENAMES, SURNAMES};
use crate::normalise::codes::{Ethnicity, MedicalGrade, PayBand, PayRow, StaffGroup};

/// Everything drawn, before the truth is computed.
pub(crate) struct Drawn {
    pub people: Vec<Person>,
    pub staff: Vec<StaffRow>,
    pub vacancies: Vec<Vacancy>,
    pub applications: Vec<Application>,
    pub cases: Vec<Case>,
    pub training: Vec<TrainingRow>,
    pub survey: Vec<SurveyRow>,
    pub board: Vec<BoardMember>,
}

/// Snapshot date.
pub(crate) fn snapshot() -> NaiveDate {
    ymd(2025, 3, 31)
}

/// A date that is known to be valid.
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// The reporting year (ending 31 March) a date falls in: 1 Apr 2024 - 31 Mar 2025 is 2025.
pub(crate) fn year_of(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    if d.month() >= 4 {
        d.year() + 1
    } else {
        d.year()
    }
}

fn stream(seed: u64, k: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(k);
    rng
}

fn draw(rng: &mut ChaCha8Rng, table: &[(u8, u32)]) -> u8 {
    let t = total(table);
    pick(table, rng.random_range(0..t))
}

/// A date uniformly in the reporting year ending 31 March of `year`.
fn date_in_year(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    let start = ymd(year - 1, 4, 1);
    let days = (ymd(year, 3, 31) - start).num_days();
    start + Duration::days(rng.random_range(0..=days))
}

const GROUP_W: &[(u8, u32)] = &[(0, 300), (1, 220), (2, 180), (3, 120), (4, 70), (5, 50), (6, 40), (7, 20)];
const GROUPS: [StaffGroup; 8] = [
    StaffGroup::NursingAndMidwiferyRegistered,
    StaffGroup::AdministrativeAndClerical,
    StaffGroup::AdditionalClinicalServices,
    StaffGroup::MedicalAndDental,
    StaffGroup::AlliedHealthProfessionals,
    StaffGroup::AdditionalProfessionalScientificAndTechnical,
    StaffGroup::EstatesAndAncillary,
    StaffGroup::HealthcareScientists,
];

/// Band weights by staff group; the u8 indexes `PayBand::ALL`.
fn band_table(g: StaffGroup) -> &'static [(u8, u32)] {
    match g {
        StaffGroup::NursingAndMidwiferyRegistered => {
            &[(5, 450), (6, 300), (7, 170), (8, 50), (9, 20), (10, 7), (11, 3)]
        }
        StaffGroup::AdministrativeAndClerical => &[
            (2, 150),
            (3, 300),
            (4, 220),
            (5, 100),
            (6, 70),
            (7, 60),
            (8, 40),
            (9, 25),
            (10, 15),
            (11, 8),
            (12, 4),
            (13, 8),
        ],
        StaffGroup::AdditionalClinicalServices => &[(2, 250), (3, 500), (4, 250)],
        StaffGroup::AlliedHealthProfessionals => &[(5, 250), (6, 400), (7, 250), (8, 70), (9, 20), (10, 10)],
        StaffGroup::AdditionalProfessionalScientificAndTechnical => {
            &[(4, 100), (5, 100), (6, 200), (7, 250), (8, 200), (9, 100), (10, 40), (11, 10)]
        }
        StaffGroup::EstatesAndAncillary => &[(2, 600), (3, 200), (4, 100), (5, 50), (6, 30), (7, 15), (8, 5)],
        StaffGroup::HealthcareScientists => &[(4, 100), (5, 150), (6, 250), (7, 300), (8, 120), (9, 50), (10, 30)],
        _ => &[(3, 1)],
    }
}

fn draw_pay(rng: &mut ChaCha8Rng, g: StaffGroup) -> Pay {
    if g == StaffGroup::MedicalAndDental {
        Pay::Medical(draw(rng, MED_W))
    } else {
        Pay::Band(PayBand::ALL[draw(rng, band_table(g)) as usize])
    }
}

/// Target BME share (of everyone, unknowns included) of a WRES 1 row: falls with band; medical about 45%.
fn bme_target(row: PayRow) -> f64 {
    match row {
        PayRow::Band(b) => match b {
            PayBand::Band6 => 0.27,
            PayBand::Band7 => 0.20,
            PayBand::Band8a => 0.16,
            PayBand::Band8b => 0.13,
            PayBand::Band8c | PayBand::Band8d | PayBand::Band9 | PayBand::Vsm => 0.10,
            _ => 0.35,
        },
        PayRow::Medical(MedicalGrade::Consultant) => 0.42,
        PayRow::Medical(MedicalGrade::NonConsultantCareerGrade) => 0.62,
        PayRow::Medical(MedicalGrade::Trainee) => 0.44,
        PayRow::Medical(MedicalGrade::Other) => 0.55,
        PayRow::Other => 0.30,
    }
}

fn senior(row: PayRow) -> bool {
    match row {
        PayRow::Band(b) => b >= PayBand::Band8c,
        PayRow::Medical(MedicalGrade::Consultant) => true,
        _ => false,
    }
}

/// Ethnicity (index into ETH) and the international-recruit flag, for a row.
fn draw_ethnicity(rng: &mut ChaCha8Rng, g: StaffGroup, pay: Pay) -> (u8, Option<bool>) {
    let row = pay.row();
    let u: f64 = rng.random();
    let group = if u < 0.05 {
        Ethnicity::Unknown
    } else if u < 0.05 + bme_target(row) {
        Ethnicity::Bme
    } else {
        Ethnicity::White
    };
    let intl_eligible = match (g, row) {
        (StaffGroup::NursingAndMidwiferyRegistered, PayRow::Band(PayBand::Band5 | PayBand::Band6)) => true,
        (StaffGroup::MedicalAndDental, PayRow::Medical(m)) => m != MedicalGrade::Consultant,
        _ => false,
    };
    let intl = if intl_eligible {
        let p = match group {
            Ethnicity::Bme => 0.45,
            Ethnicity::White => 0.04,
            Ethnicity::Unknown => 0.10,
        };
        Some(rng.random_bool(p))
    } else if matches!(g, StaffGroup::NursingAndMidwiferyRegistered | StaffGroup::MedicalAndDental) {
        Some(false)
    } else {
        None
    };
    let is_intl = intl == Some(true);
    let code = match group {
        Ethnicity::Unknown => {
            if rng.random_bool(0.6) {
                ETH_Z
            } else {
                ETH_BLANK
            }
        }
        Ethnicity::Bme => draw(rng, if is_intl { BME_INTL_W } else { BME_W }),
        Ethnicity::White => draw(rng, if is_intl { WHITE_INTL_W } else { WHITE_W }),
    };
    (code, intl)
}

fn draw_disability(rng: &mut ChaCha8Rng, p_yes: f64) -> DisAnswer {
    let u: f64 = rng.random();
    if u < p_yes {
        DisAnswer::Yes
    } else if u < p_yes + 0.08 {
        DisAnswer::NotDeclared
    } else if u < p_yes + 0.10 {
        DisAnswer::PreferNot
    } else if u < p_yes + 0.15 {
        DisAnswer::Blank
    } else {
        DisAnswer::No
    }
}

fn female_share(g: StaffGroup) -> f64 {
    match g {
        StaffGroup::NursingAndMidwiferyRegistered => 0.89,
        StaffGroup::MedicalAndDental => 0.50,
        StaffGroup::EstatesAndAncillary => 0.40,
        StaffGroup::AdministrativeAndClerical => 0.80,
        _ => 0.76,
    }
}

fn draw_fte(rng: &mut ChaCha8Rng, g: StaffGroup) -> u8 {
    let full = if g == StaffGroup::MedicalAndDental { 0.9 } else { 0.7 };
    if rng.random_bool(full) {
        100
    } else {
        [40, 50, 60, 75, 80, 90][rng.random_range(0..6)]
    }
}

fn draw_salary(rng: &mut ChaCha8Rng, pay: Pay) -> u32 {
    let (lo, hi) = match pay {
        Pay::Band(b) => band_salary(b),
        Pay::Medical(m) => MED_GRADES[m as usize].salary,
    };
    rng.random_range(lo..=hi)
}

fn is_trainee(pay: Pay) -> bool {
    matches!(pay.row(), PayRow::Medical(MedicalGrade::Trainee))
}

/// Who a person is in the file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Workforce,
    BankOnly,
    HonoraryOnly,
    AgencyOnly,
    Student,
}

fn scaled(n: usize, rate: f64) -> usize {
    ((n as f64 * rate).round() as usize).max(1)
}

fn new_row(rng: &mut ChaCha8Rng, person: u32, suffix: u8, category: Category, g: StaffGroup, pay: Pay) -> StaffRow {
    let (fte, salary) = match category {
        Category::Bank => (0, draw_salary(rng, pay)),
        Category::Honorary | Category::Agency => (0, 0),
        _ if g == StaffGroup::Students => (100, 0),
        _ => (draw_fte(rng, g), draw_salary(rng, pay)),
    };
    StaffRow { person, suffix, category, primary: Some(false), group: g, pay, fte, salary, style: rng.random() }
}

/// People and staff rows: `n` workforce people plus bank-only, honorary-only, agency-only people and students.
fn draw_staff(seed: u64, n: usize) -> (Vec<Person>, Vec<StaffRow>) {
    let mut rng = stream(seed, 1);
    let mut kinds = vec![Kind::Workforce; n];
    if n > 0 {
        for (kind, rate) in
            [(Kind::BankOnly, 0.04), (Kind::HonoraryOnly, 0.003), (Kind::AgencyOnly, 0.002), (Kind::Student, 0.01)]
        {
            kinds.resize(kinds.len() + scaled(n, rate), kind);
        }
    }
    kinds.shuffle(&mut rng);
    let mut people = Vec::with_capacity(kinds.len());
    let mut rows = Vec::with_capacity(kinds.len() * 11 / 10);
    let mut id: u32 = 10_000_000;
    for kind in kinds {
        id += rng.random_range(1..=9);
        let p = people.len() as u32;
        let (group, pay, category) = match kind {
            Kind::Workforce => {
                let g = GROUPS[draw(&mut rng, GROUP_W) as usize];
                let pay = draw_pay(&mut rng, g);
                let cat =
                    if is_trainee(pay) || rng.random_bool(0.1) { Category::FixedTerm } else { Category::Permanent };
                (g, pay, cat)
            }
            Kind::BankOnly => {
                let g = GROUPS[pick(&[(0, 45), (2, 30), (1, 10), (3, 10), (4, 5)], rng.random_range(0..100)) as usize];
                (g, draw_pay(&mut rng, g), Category::Bank)
            }
            Kind::HonoraryOnly => {
                if rng.random_bool(0.7) {
                    let g = if rng.random_bool(0.6) { 0 } else { 9 };
                    (StaffGroup::MedicalAndDental, Pay::Medical(g), Category::Honorary)
                } else {
                    (StaffGroup::HealthcareScientists, Pay::Band(PayBand::Band7), Category::Honorary)
                }
            }
            Kind::AgencyOnly => {
                let b = if rng.random_bool(0.7) { PayBand::Band5 } else { PayBand::Band6 };
                (StaffGroup::NursingAndMidwiferyRegistered, Pay::Band(b), Category::Agency)
            }
            Kind::Student => (StaffGroup::Students, Pay::Band(PayBand::Band3), Category::FixedTerm),
        };
        let (eth, intl) = draw_ethnicity(&mut rng, group, pay);
        let p_yes = if senior(pay.row()) { 0.025 } else { 0.042 };
        let dis = draw_disability(&mut rng, p_yes);
        let young = is_trainee(pay) || group == StaffGroup::Students;
        let age = draw(&mut rng, if young { AGE_YOUNG_W } else { AGE_W });
        let max_years = (age as i64 * 5 + 16 - 18).max(1);
        let years: f64 = if intl == Some(true) {
            rng.random_range(0.0..5.0)
        } else if young {
            rng.random_range(0.0..3.0)
        } else {
            -8.0 * (1.0 - rng.random::<f64>()).ln()
        };
        let days = ((years.min(max_years as f64)) * 365.25) as i64;
        let person = Person {
            id,
            eth,
            dis,
            female: rng.random_bool(female_share(group)),
            age,
            intl,
            start: snapshot() - Duration::days(days),
            name: (rng.random_range(0..FORENAMES.len()) as u16, rng.random_range(0..SURNAMES.len()) as u16),
        };
        people.push(person);

        let mut main = new_row(&mut rng, p, 1, category, group, pay);
        main.primary = Some(true);
        let mut before: Vec<StaffRow> = Vec::new();
        let mut after: Vec<StaffRow> = Vec::new();
        let mut suffix = 1u8;
        match kind {
            Kind::Workforce => {
                if rng.random_bool(0.05) {
                    // A second substantive assignment.
                    suffix += 1;
                    let (g2, pay2) = if rng.random_bool(0.2) && group != StaffGroup::MedicalAndDental {
                        (StaffGroup::AdministrativeAndClerical, Pay::Band(PayBand::Band3))
                    } else {
                        let pay2 = match pay {
                            Pay::Band(b) if b > PayBand::Band3 && b < PayBand::Vsm && rng.random_bool(0.3) => {
                                Pay::Band(PayBand::ALL[PayBand::ALL.iter().position(|x| *x == b).unwrap_or(1) - 1])
                            }
                            other => other,
                        };
                        (group, pay2)
                    };
                    let cat = if rng.random_bool(0.5) { Category::Permanent } else { Category::FixedTerm };
                    let mut second = new_row(&mut rng, p, suffix, cat, g2, pay2);
                    if rng.random_bool(0.1) {
                        // Neither row flagged: the first one in the file counts.
                        second.primary = None;
                        main.primary = None;
                    }
                    if rng.random_bool(0.25) {
                        before.push(second);
                    } else {
                        after.push(second);
                    }
                }
                if rng.random_bool(0.04) {
                    suffix += 1;
                    let mut bank = new_row(&mut rng, p, suffix, Category::Bank, group, pay);
                    if rng.random_bool(0.1) && main.primary.is_some() {
                        // ESR holds the bank assignment as primary; the substantive row then counts as first remaining.
                        bank.primary = Some(true);
                        main.primary = Some(false);
                    }
                    if rng.random_bool(0.3) {
                        before.push(bank);
                    } else {
                        after.push(bank);
                    }
                }
                if rng.random_bool(0.002) {
                    suffix += 1;
                    after.push(new_row(&mut rng, p, suffix, Category::Honorary, group, pay));
                }
                if rng.random_bool(0.001) {
                    suffix += 1;
                    after.push(new_row(&mut rng, p, suffix, Category::Agency, group, pay));
                }
            }
            Kind::BankOnly if rng.random_bool(0.15) => {
                suffix += 1;
                after.push(new_row(&mut rng, p, suffix, Category::Bank, group, pay));
            }
            _ => {}
        }
        rows.extend(before);
        rows.push(main);
        rows.extend(after);
    }
    (people, rows)
}

/// Vacancies and applications: about 1.2 x n shortlisted, plus some not shortlisted.
fn draw_recruitment(seed: u64, n: usize) -> (Vec<Vacancy>, Vec<Application>) {
    let mut rng = stream(seed, 2);
    let target = (n as f64 * 1.38).round() as usize;
    let mut vacancies = Vec::new();
    let mut apps = Vec::with_capacity(target);
    while apps.len() < target {
        let g = GROUPS[draw(&mut rng, GROUP_W) as usize];
        let vac = Vacancy { number: 1000 + vacancies.len() as u32, group: g, pay: draw_pay(&mut rng, g) };
        let k = rng.random_range(3..=9).min(target - apps.len());
        for _ in 0..k {
            let u: f64 = rng.random();
            let (eth, group) = if u < 0.06 {
                (if rng.random_bool(0.5) { ETH_Z } else { ETH_BLANK }, Ethnicity::Unknown)
            } else if u < 0.53 {
                (draw(&mut rng, BME_W), Ethnicity::Bme)
            } else {
                (draw(&mut rng, WHITE_W), Ethnicity::White)
            };
            let v: f64 = rng.random();
            let dis = if v < 0.07 {
                DisAnswer::Yes
            } else if v < 0.10 {
                DisAnswer::PreferNot
            } else if v < 0.13 {
                DisAnswer::Blank
            } else {
                DisAnswer::No
            };
            let shortlisted = rng.random_bool(0.87);
            let outcome = if shortlisted {
                let mut p = match group {
                    Ethnicity::White => 0.27,
                    Ethnicity::Bme => 0.18,
                    Ethnicity::Unknown => 0.22,
                };
                if dis == DisAnswer::Yes {
                    p *= 0.9;
                }
                if rng.random_bool(p) {
                    if rng.random_bool(0.7) {
                        Outcome::Appointed
                    } else {
                        Outcome::OfferAccepted
                    }
                } else if rng.random_bool(0.85) {
                    Outcome::NotAppointed
                } else {
                    Outcome::Withdrawn
                }
            } else {
                Outcome::NotAppointed
            };
            apps.push(Application { vacancy: vac.number, eth, dis, shortlisted, outcome, style: rng.random() });
        }
        vacancies.push(vac);
    }
    (vacancies, apps)
}

/// The workforce people (the workforce rules applied) with their groups, for the case and training draws.
pub(crate) struct WorkforceMember {
    pub id: u32,
    pub eth: u8,
    pub dis: DisAnswer,
}

fn leaver_id(rng: &mut ChaCha8Rng, k: usize) -> u32 {
    60_000_000 + (k as u32) * 13 + rng.random_range(0..13)
}

/// Disciplinary, capability and grievance cases over two years, plus some outside them and some for leavers.
fn draw_cases(seed: u64, workforce: &[WorkforceMember]) -> Vec<Case> {
    let mut rng = stream(seed, 3);
    let mut cases = Vec::new();
    let mut push = |rng: &mut ChaCha8Rng, id: u32, eth: u8, dis: DisAnswer, kind: CaseType, date: NaiveDate| {
        let row_eth = rng.random_bool(0.6);
        let row_dis = rng.random_bool(0.5);
        cases.push(Case { reference: 0, person_id: id, eth, dis, row_eth, row_dis, kind, date, style: rng.random() });
    };
    // Exact numbers per group and year (drawn without replacement), so the small counts of a 2000-staff trust
    // still show the intended pattern: rates are per person per year.
    let mut by_eth: [Vec<usize>; 3] = Default::default();
    let mut by_dis: [Vec<usize>; 3] = Default::default();
    for (i, m) in workforce.iter().enumerate() {
        by_eth[eth_group(m.eth) as usize].push(i);
        by_dis[m.dis.group() as usize].push(i);
    }
    let everyone: Vec<usize> = (0..workforce.len()).collect();
    let choose = |rng: &mut ChaCha8Rng, pool: &[usize], rate: f64| -> Vec<usize> {
        let k = ((pool.len() as f64 * rate).round() as usize).min(pool.len());
        let mut picked: Vec<usize> =
            rand::seq::index::sample(rng, pool.len(), k).into_iter().map(|j| pool[j]).collect();
        picked.sort_unstable();
        picked
    };
    for year in [2024, 2025] {
        // Disciplinary: White 0.9%, BME 1.17% (1.3 times), Unknown 1.0%.
        for (g, rate) in [(0, 0.009), (1, 0.0117), (2, 0.010)] {
            for i in choose(&mut rng, &by_eth[g], rate) {
                let m = &workforce[i];
                let d = date_in_year(&mut rng, year);
                push(&mut rng, m.id, m.eth, m.dis, CaseType::Disciplinary, d);
                if rng.random_bool(0.08) {
                    let d = date_in_year(&mut rng, year);
                    push(&mut rng, m.id, m.eth, m.dis, CaseType::Disciplinary, d);
                }
            }
        }
        // Capability: performance 1.2% of disabled staff, 0.5% of others; ill health 1.0% and 0.3%.
        for (g, perf, ill) in [(0, 0.012, 0.010), (1, 0.005, 0.003), (2, 0.005, 0.003)] {
            for (kind, rate) in [(CaseType::Performance, perf), (CaseType::IllHealth, ill)] {
                for i in choose(&mut rng, &by_dis[g], rate) {
                    let m = &workforce[i];
                    let d = date_in_year(&mut rng, year);
                    push(&mut rng, m.id, m.eth, m.dis, kind, d);
                }
            }
        }
        for i in choose(&mut rng, &everyone, 0.004) {
            let m = &workforce[i];
            let d = date_in_year(&mut rng, year);
            push(&mut rng, m.id, m.eth, m.dis, CaseType::Grievance, d);
        }
    }
    for i in choose(&mut rng, &everyone, 0.002) {
        let m = &workforce[i];
        let d = if rng.random_bool(0.6) {
            date_in_year(&mut rng, 2023)
        } else {
            ymd(2025, 4, 1) + Duration::days(rng.random_range(0..90))
        };
        push(&mut rng, m.id, m.eth, m.dis, CaseType::Disciplinary, d);
    }
    // Leavers: cases for people no longer in the snapshot; their rows always carry ethnicity and disability.
    let n_leavers = ((cases.len() as f64 * 0.1).round() as usize).max(1);
    for k in 0..n_leavers {
        let id = leaver_id(&mut rng, k);
        let u: f64 = rng.random();
        let eth = if u < 0.05 {
            ETH_Z
        } else if u < 0.35 {
            draw(&mut rng, BME_W)
        } else {
            draw(&mut rng, WHITE_W)
        };
        let dis = draw_disability(&mut rng, 0.06);
        let kind = match rng.random_range(0..20) {
            0..=10 => CaseType::Disciplinary,
            11..=16 => CaseType::Performance,
            _ => CaseType::IllHealth,
        };
        let year = if rng.random_bool(0.5) { 2024 } else { 2025 };
        let date = date_in_year(&mut rng, year);
        cases.push(Case {
            reference: 0,
            person_id: id,
            eth,
            dis,
            row_eth: true,
            row_dis: true,
            kind,
            date,
            style: rng.random(),
        });
    }
    cases.sort_by_key(|c| (c.date, c.person_id));
    for (i, c) in cases.iter_mut().enumerate() {
        c.reference = 1 + i as u32;
    }
    cases
}

/// Training rows: non-mandatory courses (White staff more likely), mandatory rows, rows in the previous year, rows
/// for people outside the workforce.
fn draw_training(seed: u64, workforce: &[WorkforceMember], outside: &[u32]) -> Vec<TrainingRow> {
    let mut rng = stream(seed, 4);
    let mut rows = Vec::new();
    let mut course_row = |rng: &mut ChaCha8Rng, id: u32, year: i32| {
        let mandatory = if rng.random_bool(0.8) { Some(false) } else { None };
        let suffix = if rng.random_bool(0.03) { 1 } else { 0 };
        let date = date_in_year(rng, year);
        rows.push(TrainingRow {
            person_id: id,
            suffix,
            course: COURSES[rng.random_range(0..COURSES.len())],
            mandatory,
            date,
        });
    };
    let mut mandatory_rows = Vec::new();
    for m in workforce {
        let p = match eth_group(m.eth) {
            Ethnicity::White => 0.45,
            Ethnicity::Bme => 0.33,
            Ethnicity::Unknown => 0.40,
        };
        if rng.random_bool(p) {
            let k = pick(&[(1, 50), (2, 30), (3, 15), (4, 5)], rng.random_range(0..100));
            for _ in 0..k {
                course_row(&mut rng, m.id, 2025);
            }
        }
        if rng.random_bool(0.12) {
            course_row(&mut rng, m.id, 2024);
        }
        if rng.random_bool(0.5) {
            for _ in 0..rng.random_range(1..=2) {
                let course = MANDATORY_COURSES[rng.random_range(0..MANDATORY_COURSES.len())];
                let year = if rng.random_bool(0.15) { 2024 } else { 2025 };
                let date = date_in_year(&mut rng, year);
                mandatory_rows.push(TrainingRow { person_id: m.id, suffix: 0, course, mandatory: Some(true), date });
            }
        }
    }
    for &id in outside {
        if rng.random_bool(0.25) {
            course_row(&mut rng, id, 2025);
        }
    }
    let n_leavers = ((workforce.len() as f64 * 0.005).round() as usize).max(1);
    for k in 0..n_leavers {
        let id = leaver_id(&mut rng, k + 1_000_000);
        course_row(&mut rng, id, 2025);
    }
    rows.extend(mandatory_rows);
    rows.sort_by_key(|r| (r.date, r.person_id));
    rows
}

/// Staff survey rows near the national figures; bases about 45% of the workforce by group.
/// Every base is at least 11 except `WDES4b` / `Disabled`, which is deliberately 8 (suppressed).
fn draw_survey(seed: u64, white: u64, bme: u64, unknown: u64) -> Vec<SurveyRow> {
    let mut rng = stream(seed, 5);
    let resp_white = white as f64 * 0.45;
    let resp_bme = bme as f64 * 0.40;
    let resp_all = resp_white + resp_bme + unknown as f64 * 0.30;
    let resp_dis = resp_all * 0.24;
    let resp_non = resp_all * 0.70;
    let mut rows = Vec::new();
    let base = |r: f64, frac: f64| ((r * frac).round() as u32).max(11);
    let mut noisy = |v: f64, scale: f64, dp: i32| {
        let x: f64 = v + rng.random_range(-1.5..1.5) * scale;
        let f = 10f64.powi(dp);
        (x.clamp(0.0, 100.0) * f).round() / f
    };
    // (measure, White, BME, base fraction)
    let wres: [(&str, f64, f64, f64); 4] = [
        ("WRES5", 25.5, 28.6, 0.97),
        ("WRES6", 20.7, 24.9, 0.97),
        ("WRES7", 58.5, 44.8, 0.95),
        ("WRES8", 6.5, 16.0, 0.96),
    ];
    for (m, w, b, frac) in wres {
        let (nw, nb) = (base(resp_white, frac), base(resp_bme, frac));
        let (vw, vb) = (noisy(w, 1.0, 1), noisy(b, 1.0, 1));
        let overall = ((vw * nw as f64 + vb * nb as f64) / (nw + nb) as f64 * 10.0).round() / 10.0;
        rows.push(SurveyRow { measure: m, group: "White", value: vw, respondents: nw });
        rows.push(SurveyRow { measure: m, group: "BME", value: vb, respondents: nb });
        rows.push(SurveyRow { measure: m, group: "Overall", value: overall, respondents: base(resp_all, frac) });
    }
    // (measure, Disabled, Non-disabled, base fraction)
    let wdes: [(&str, f64, f64, f64); 9] = [
        ("WDES4a-i", 32.5, 24.0, 0.97),
        ("WDES4a-ii", 17.0, 9.5, 0.97),
        ("WDES4a-iii", 25.0, 16.4, 0.97),
        ("WDES4b", 49.5, 47.0, 0.33),
        ("WDES5", 52.1, 58.9, 0.95),
        ("WDES6", 30.0, 22.0, 0.55),
        ("WDES7", 39.4, 50.7, 0.97),
        ("WDES8", 73.4, 0.0, 0.62),
        ("WDES9a", 6.68, 7.15, 1.0),
    ];
    for (m, d, nd, frac) in wdes {
        let (scale, dp) = if m == "WDES9a" { (0.07, 2) } else { (1.0, 1) };
        let nd_ = if m == "WDES4b" { 8 } else { base(resp_dis, frac) };
        let vd = noisy(d, scale, dp);
        rows.push(SurveyRow { measure: m, group: "Disabled", value: vd, respondents: nd_ });
        if m == "WDES8" {
            continue;
        }
        let nn = base(resp_non, frac);
        let vn = noisy(nd, scale, dp);
        let f = 10f64.powi(dp);
        let overall = ((vd * nd_ as f64 + vn * nn as f64) / (nd_ + nn) as f64 * f).round() / f;
        rows.push(SurveyRow { measure: m, group: "Non-disabled", value: vn, respondents: nn });
        rows.push(SurveyRow { measure: m, group: "Overall", value: overall, respondents: base(resp_all, frac) });
    }
    rows
}

/// Fourteen board members: chair, six voting non-executives, five voting executives, two non-voting directors.
fn draw_board(seed: u64) -> Vec<BoardMember> {
    let mut rng = stream(seed, 6);
    let roles: [(&str, bool, bool); 14] = [
        ("Chair", true, false),
        ("Non-Executive Director", true, false),
        ("Non-Executive Director", true, false),
        ("Non-Executive Director", true, false),
        ("Non-Executive Director", true, false),
        ("Non-Executive Director", true, false),
        ("Senior Independent Director", true, false),
        ("Chief Executive", true, true),
        ("Chief Nurse", true, true),
        ("Medical Director", true, true),
        ("Chief Financial Officer", true, true),
        ("Chief Operating Officer", true, true),
        ("Chief People Officer", false, true),
        ("Director of Strategy", false, true),
    ];
    roles
        .iter()
        .map(|&(role, voting, executive)| {
            let u: f64 = rng.random();
            let eth = if u < 0.05 {
                ETH_Z
            } else if u < 0.22 {
                draw(&mut rng, BOARD_BME_W)
            } else {
                draw(&mut rng, BOARD_WHITE_W)
            };
            let v: f64 = rng.random();
            let dis = if v < 0.07 {
                DisAnswer::Yes
            } else if v < 0.15 {
                DisAnswer::Blank
            } else {
                DisAnswer::No
            };
            let name = (rng.random_range(0..FORENAMES.len()) as u16, rng.random_range(0..SURNAMES.len()) as u16);
            BoardMember { name, role, eth, dis, voting, executive }
        })
        .collect()
}

/// Draws everything. `workforce` is computed by the caller from the staff rows (the workforce rules) between steps,
/// so the case and training draws use exactly the people the truth counts.
pub(crate) fn draw_all(
    seed: u64,
    n: usize,
    workforce_of: impl FnOnce(&[Person], &[StaffRow]) -> Vec<WorkforceMember>,
) -> Drawn {
    let (people, staff) = draw_staff(seed, n);
    let workforce = workforce_of(&people, &staff);
    let (vacancies, applications) = draw_recruitment(seed, n);
    let cases = draw_cases(seed, &workforce);
    let in_workforce: std::collections::HashSet<u32> = workforce.iter().map(|m| m.id).collect();
    let outside: Vec<u32> = people.iter().map(|p| p.id).filter(|id| !in_workforce.contains(id)).collect();
    let training = draw_training(seed, &workforce, &outside);
    let mut counts = [0u64; 3];
    for m in &workforce {
        counts[eth_group(m.eth) as usize] += 1;
    }
    let survey = draw_survey(seed, counts[0], counts[1], counts[2]);
    let board = draw_board(seed);
    Drawn { people, staff, vacancies, applications, cases, training, survey, board }
}
