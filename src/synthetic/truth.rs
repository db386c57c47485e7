//! The ground truth of a sample trust, counted from the generator's own people and events (never from the files).
//!
//! The rules (those of docs/method.md):
//!
//! - **Workforce.** Staff rows with assignment category Bank, Honorary or Agency are excluded; then rows
//!   in the Students staff group; then each person counts once, on the remaining row flagged primary, else the first
//!   remaining row in file order. The counted row gives the staff group (so the block: Administrative and Clerical
//!   and Estates and Ancillary are `non_clinical`, Medical and Dental is `medical`, every other group `clinical`)
//!   and the WRES 1 row: the AfC band or VSM, or for medical staff the subgroup of the grade (Consultant and Locum
//!   Consultant: Consultants; Specialty Doctor, Specialist, Associate Specialist: non-consultant career grade;
//!   Foundation Year 1/2, Core Training, Specialty Registrar: trainee grades; Clinical Fellow: Other). Ethnicity and
//!   disability are the person's (the same on every row).
//! - **Recruitment.** Rows with `Shortlisted?` No are left out; of the rest, Appointed and Offer Accepted are
//!   appointments, Not Appointed and Withdrawn are not.
//! - **Cases.** Years run 1 April to 31 March and are named by their end: 2025 is 1 Apr 2024 - 31 Mar 2025,
//!   2024 the year before. Grievance rows are another type (counted in `cases_other_type`, left out); recognised rows
//!   outside the two years are counted in `cases_outside_window` and left out. A case's group comes from the case row
//!   where it has a value, else from the person's staff record; a person counts once per year per case type. Cases of
//!   people not in the workforce (leavers) always carry their groups on the row and count.
//! - **Training.** Rows are left out in this order: mandatory (flag Y); dated outside the reporting
//!   year 2025; person not in the workforce. A blank flag is non-mandatory. A person counts once however many courses.
//! - **Board.** Every member counts in `All`; voting members in `Voting`; executives in `Executive`.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::generate::{year_of, Drawn, WorkforceMember};
use super::model::{eth_group, CaseType, DisAnswer, Person, StaffRow};
use crate::normalise::codes::{Disability, Ethnicity, PayRow, StaffGroup, Workforce};

/// Which board members a count covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BoardScope {
    /// Every board member.
    All,
    /// Voting members.
    Voting,
    /// Executive members (voting or not).
    Executive,
}

/// How the staff rows were used by the workforce rules, in the order the rules apply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffRowCounts {
    /// Every data row written to the staff file.
    pub rows: u64,
    /// Rows with assignment category Bank.
    pub bank: u64,
    /// Rows with assignment category Honorary.
    pub honorary: u64,
    /// Rows with assignment category Agency.
    pub agency: u64,
    /// Rows left out as Students (after the category exclusions).
    pub students: u64,
    /// Further rows of a person already counted once (after the exclusions above).
    pub duplicates: u64,
}

/// Data rows written per input file (headers and title rows not counted).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileRows {
    /// Staff rows (all sheets).
    pub staff: u64,
    /// Recruitment rows, shortlisted or not.
    pub recruitment: u64,
    /// Case rows of every type and date.
    pub cases: u64,
    /// Training rows, mandatory or not.
    pub training: u64,
    /// Survey rows.
    pub survey: u64,
    /// Board rows.
    pub board: u64,
}

/// The figures a correct engine must reproduce from the sample's files. See the module docs for every rule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Truth {
    /// Rows written per file.
    pub rows: FileRows,
    /// What happened to the staff rows (the workforce rules).
    pub staff_rows: StaffRowCounts,
    /// Workforce headcount (people counted once).
    pub headcount: u64,
    /// Headcount by block, WRES 1 row and ethnicity group. Missing keys are zero.
    pub headcount_by_ethnicity: BTreeMap<(Workforce, PayRow, Ethnicity), u64>,
    /// Headcount by block, WRES 1 row and disability group (WDES clusters via [`PayRow::cluster`]).
    pub headcount_by_disability: BTreeMap<(Workforce, PayRow, Disability), u64>,
    /// Shortlisted applications by ethnicity group.
    pub shortlisted_by_ethnicity: BTreeMap<Ethnicity, u64>,
    /// Appointed from shortlisting by ethnicity group.
    pub appointed_by_ethnicity: BTreeMap<Ethnicity, u64>,
    /// Shortlisted applications by disability group.
    pub shortlisted_by_disability: BTreeMap<Disability, u64>,
    /// Appointed from shortlisting by disability group.
    pub appointed_by_disability: BTreeMap<Disability, u64>,
    /// Recruitment rows not shortlisted (left out).
    pub not_shortlisted: u64,
    /// People entering a formal disciplinary process, by year (2024, 2025) and ethnicity group.
    pub disciplinary: BTreeMap<(i32, Ethnicity), u64>,
    /// People entering capability on grounds of performance, by year and disability group.
    pub capability_performance: BTreeMap<(i32, Disability), u64>,
    /// People entering capability on grounds of ill health, by year and disability group.
    pub capability_ill_health: BTreeMap<(i32, Disability), u64>,
    /// Case rows of another type (Grievance), left out.
    pub cases_other_type: u64,
    /// Case rows of a recognised type dated outside the two years, left out.
    pub cases_outside_window: u64,
    /// Case rows (in the window, recognised type) whose person is not in the workforce; they count.
    pub cases_not_in_workforce: u64,
    /// Workforce people with a non-mandatory course in the reporting year, by ethnicity group.
    pub training_accessed: BTreeMap<Ethnicity, u64>,
    /// Training rows left out as mandatory.
    pub training_mandatory: u64,
    /// Non-mandatory training rows left out as dated outside the reporting year.
    pub training_outside_year: u64,
    /// Remaining training rows left out as the person is not in the workforce.
    pub training_not_in_workforce: u64,
    /// Board members by scope and ethnicity group.
    pub board_by_ethnicity: BTreeMap<(BoardScope, Ethnicity), u64>,
    /// Board members by scope and disability group.
    pub board_by_disability: BTreeMap<(BoardScope, Disability), u64>,
}

impl Truth {
    /// Workforce headcount of one ethnicity group, all blocks and rows.
    pub fn headcount_of_ethnicity(&self, group: Ethnicity) -> u64 {
        self.headcount_by_ethnicity.iter().filter(|(k, _)| k.2 == group).map(|(_, v)| v).sum()
    }
    /// Workforce headcount of one disability group, all blocks and rows.
    pub fn headcount_of_disability(&self, group: Disability) -> u64 {
        self.headcount_by_disability.iter().filter(|(k, _)| k.2 == group).map(|(_, v)| v).sum()
    }
    /// Headcount in one block, row and ethnicity group (0 where there is nobody).
    pub fn staff(&self, block: Workforce, row: PayRow, group: Ethnicity) -> u64 {
        self.headcount_by_ethnicity.get(&(block, row, group)).copied().unwrap_or(0)
    }
    /// Disciplinary entrants in a year of one group (0 where none).
    pub fn disciplinary_in(&self, year: i32, group: Ethnicity) -> u64 {
        self.disciplinary.get(&(year, group)).copied().unwrap_or(0)
    }
}

/// The block of a staff group (the clinical split).
pub fn block_of(group: StaffGroup) -> Workforce {
    match group {
        StaffGroup::MedicalAndDental => Workforce::Medical,
        StaffGroup::AdministrativeAndClerical | StaffGroup::EstatesAndAncillary => Workforce::NonClinical,
        _ => Workforce::Clinical,
    }
}

/// The workforce rules over the staff rows: the counted row of each workforce person (in person order) and the counts.
pub(crate) fn counted_rows(people: &[Person], staff: &[StaffRow]) -> (Vec<usize>, StaffRowCounts) {
    let mut counts = StaffRowCounts { rows: staff.len() as u64, ..Default::default() };
    // Per person: first remaining row, primary remaining row.
    let mut chosen: Vec<(Option<usize>, Option<usize>)> = vec![(None, None); people.len()];
    let mut remaining = 0u64;
    for (i, r) in staff.iter().enumerate() {
        match r.category {
            super::model::Category::Bank => counts.bank += 1,
            super::model::Category::Honorary => counts.honorary += 1,
            super::model::Category::Agency => counts.agency += 1,
            _ if r.group == StaffGroup::Students => counts.students += 1,
            _ => {
                remaining += 1;
                let c = &mut chosen[r.person as usize];
                if c.0.is_none() {
                    c.0 = Some(i);
                }
                if r.primary == Some(true) && c.1.is_none() {
                    c.1 = Some(i);
                }
            }
        }
    }
    let rows: Vec<usize> = chosen.iter().filter_map(|&(first, primary)| primary.or(first)).collect();
    counts.duplicates = remaining - rows.len() as u64;
    (rows, counts)
}

/// The workforce members (person id and groups) under the workforce rules.
pub(crate) fn workforce_members(people: &[Person], staff: &[StaffRow]) -> Vec<WorkforceMember> {
    counted_rows(people, staff)
        .0
        .into_iter()
        .map(|i| {
            let p = &people[staff[i].person as usize];
            WorkforceMember { id: p.id, eth: p.eth, dis: p.dis }
        })
        .collect()
}

fn bump<K: Ord>(map: &mut BTreeMap<K, u64>, key: K) {
    *map.entry(key).or_insert(0) += 1;
}

/// Counts the truth from the drawn trust.
pub(crate) fn compute(d: &Drawn) -> Truth {
    let mut t = Truth {
        rows: FileRows {
            staff: d.staff.len() as u64,
            recruitment: d.applications.len() as u64,
            cases: d.cases.len() as u64,
            training: d.training.len() as u64,
            survey: d.survey.len() as u64,
            board: d.board.len() as u64,
        },
        ..Default::default()
    };
    let (rows, counts) = counted_rows(&d.people, &d.staff);
    t.staff_rows = counts;
    t.headcount = rows.len() as u64;
    let mut members: HashMap<u32, (u8, DisAnswer)> = HashMap::with_capacity(rows.len());
    for &i in &rows {
        let r = &d.staff[i];
        let p = &d.people[r.person as usize];
        let block = block_of(r.group);
        bump(&mut t.headcount_by_ethnicity, (block, r.pay.row(), eth_group(p.eth)));
        bump(&mut t.headcount_by_disability, (block, r.pay.row(), p.dis.group()));
        members.insert(p.id, (p.eth, p.dis));
    }

    for a in &d.applications {
        if !a.shortlisted {
            t.not_shortlisted += 1;
            continue;
        }
        bump(&mut t.shortlisted_by_ethnicity, eth_group(a.eth));
        bump(&mut t.shortlisted_by_disability, a.dis.group());
        if a.outcome.appointed() {
            bump(&mut t.appointed_by_ethnicity, eth_group(a.eth));
            bump(&mut t.appointed_by_disability, a.dis.group());
        }
    }

    let mut seen: HashSet<(i32, u32, u8)> = HashSet::new();
    for c in &d.cases {
        if c.kind == CaseType::Grievance {
            t.cases_other_type += 1;
            continue;
        }
        let year = year_of(c.date);
        if year != 2024 && year != 2025 {
            t.cases_outside_window += 1;
            continue;
        }
        let member = members.get(&c.person_id);
        if member.is_none() {
            t.cases_not_in_workforce += 1;
        }
        let eth = if c.row_eth { eth_group(c.eth) } else { member.map_or(Ethnicity::Unknown, |m| eth_group(m.0)) };
        let dis = if c.row_dis { c.dis.group() } else { member.map_or(Disability::Unknown, |m| m.1.group()) };
        if !seen.insert((year, c.person_id, c.kind as u8)) {
            continue;
        }
        match c.kind {
            CaseType::Disciplinary => bump(&mut t.disciplinary, (year, eth)),
            CaseType::Performance => bump(&mut t.capability_performance, (year, dis)),
            CaseType::IllHealth => bump(&mut t.capability_ill_health, (year, dis)),
            CaseType::Grievance => {}
        }
    }

    let mut accessed: HashSet<u32> = HashSet::new();
    for r in &d.training {
        if r.mandatory == Some(true) {
            t.training_mandatory += 1;
        } else if year_of(r.date) != 2025 {
            t.training_outside_year += 1;
        } else if !members.contains_key(&r.person_id) {
            t.training_not_in_workforce += 1;
        } else {
            accessed.insert(r.person_id);
        }
    }
    for id in accessed {
        bump(&mut t.training_accessed, eth_group(members[&id].0));
    }

    for m in &d.board {
        let mut scopes = vec![BoardScope::All];
        if m.voting {
            scopes.push(BoardScope::Voting);
        }
        if m.executive {
            scopes.push(BoardScope::Executive);
        }
        for s in scopes {
            bump(&mut t.board_by_ethnicity, (s, eth_group(m.eth)));
            bump(&mut t.board_by_disability, (s, m.dis.group()));
        }
    }
    t
}
